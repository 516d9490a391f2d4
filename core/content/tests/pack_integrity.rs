//! Manifest hardening (issue 17, part 6): every sha256 is 64 lower-case hex
//! characters and every part a plain file name before any is used; a manifest
//! carries an `expires` time and an expired one is not imported; the store
//! records the key that signed what it installed; an asset file is checked
//! against its entry by a streamed hash.

mod common;

use chrono::{Duration, Utc};
use machi_content::model::PackData;
use machi_content::pack::{self, keys, BuildOptions, SigningKey};
use machi_content::{source, PackError, Store, StoreError};

fn key() -> SigningKey {
    SigningKey::from_bytes(&[11; 32])
}

fn v1() -> PackData {
    source::load_dir(&common::fixture()).unwrap()
}

fn built(options: &BuildOptions) -> (tempfile::TempDir, pack::Manifest) {
    let dir = tempfile::tempdir().unwrap();
    let r = pack::build_pack_with_options(&v1(), &key(), dir.path(), options).unwrap();
    (dir, r.manifest)
}

fn refused(m: &pack::Manifest) -> PackError {
    let (bytes, sig) = m.sign(&key()).unwrap();
    pack::Manifest::parse_verified(&bytes, &sig, &key().verifying_key()).unwrap_err()
}

/// One way to damage a manifest before it is signed.
type Change = dyn Fn(&mut pack::Manifest);

#[test]
fn a_signed_manifest_with_a_malformed_hash_or_file_name_is_refused() {
    let (_dir, good) = built(&BuildOptions::new());
    let upper = good.full.sha256.to_ascii_uppercase();
    let cases: Vec<Box<Change>> = vec![
        Box::new(move |m| m.full.sha256 = upper.clone()),
        Box::new(|m| m.full.sha256 = "../../etc/passwd".into()),
        Box::new(|m| m.full.sha256.truncate(63)),
        Box::new(|m| m.full.file = "../content-v1.json.gz".into()),
        Box::new(|m| m.full.file = String::new()),
        Box::new(|m| {
            let mut d = m.full.clone();
            d.sha256 = format!("{}g", &d.sha256[..63]);
            m.deltas.push(pack::DeltaEntry {
                from_version: 0,
                part: d,
            });
        }),
    ];
    for (i, change) in cases.iter().enumerate() {
        let mut m = good.clone();
        change(&mut m);
        let e = refused(&m);
        assert!(matches!(e, PackError::BadFormat { .. }), "case {i}: {e}");
    }
}

#[test]
fn a_manifest_without_an_expiry_time_is_refused() {
    let (_dir, mut m) = built(&BuildOptions::new());
    m.expires = None;
    assert!(matches!(refused(&m), PackError::BadFormat { .. }));
    m.expires = Some("next week".into());
    assert!(matches!(refused(&m), PackError::BadFormat { .. }));
}

#[test]
fn an_expired_pack_is_not_imported_and_a_current_one_records_its_signer() {
    let mut store = Store::open_in_memory().unwrap();
    let (old, m) = built(&BuildOptions::valid_for_days(-1));
    assert!(m.check_not_expired(Utc::now()).is_err());
    let e = pack::import_dir(&mut store, old.path(), &key().verifying_key()).unwrap_err();
    assert!(
        matches!(e, StoreError::Pack(PackError::Expired { .. })),
        "{e}"
    );
    assert!(store.installed().unwrap().is_none());
    assert!(store.provenance().unwrap().is_none());

    let (current, m) = built(&BuildOptions::valid_for_days(30));
    pack::import_dir(&mut store, current.path(), &key().verifying_key()).unwrap();
    let p = store.provenance().unwrap().expect("signed import recorded");
    assert_eq!(p.key_id, keys::key_id(&key().verifying_key()));
    assert_eq!(Some(p.expires.clone()), m.expires);
    assert!(!p.is_stale(Utc::now()));
    assert!(p.is_stale(Utc::now() + Duration::days(31)));

    // Content without a manifest (the town built into the app) is unsigned.
    let mut next = v1();
    next.meta.pack_version = 2;
    store.import_full(&next).unwrap();
    assert!(store.provenance().unwrap().is_none());
}

#[test]
fn an_asset_file_is_checked_by_a_streamed_hash() {
    let src = tempfile::tempdir().unwrap();
    let model = src.path().join("model.bin");
    let bytes: Vec<u8> = (0..200_000u32).map(|i| (i * 31 % 253) as u8).collect();
    std::fs::write(&model, &bytes).unwrap();
    let options = BuildOptions {
        assets: vec![(pack::FAQ_ENCODER_ASSET.to_string(), model)],
        ..BuildOptions::new()
    };
    let (dir, m) = built(&options);
    let entry = m.asset(pack::FAQ_ENCODER_ASSET).unwrap();
    let file = dir.path().join(&entry.file);
    pack::check_asset_file(entry, &file).unwrap();
    let mut changed = bytes.clone();
    changed[100_000] ^= 1;
    std::fs::write(&file, &changed).unwrap();
    assert!(matches!(
        pack::check_asset_file(entry, &file),
        Err(PackError::HashMismatch { .. })
    ));
    std::fs::write(&file, &bytes[..1000]).unwrap();
    assert!(matches!(
        pack::check_asset_file(entry, &file),
        Err(PackError::Truncated { .. })
    ));
}
