//! Build → verify → import of signed packs, deltas, and every refusal case:
//! a refused pack leaves the store answering exactly as before.

mod common;

use std::path::Path;

use chrono::NaiveDate;
use machi_common::{GeoPoint, Hazard, Lang, LocalizedText};
use machi_content::model::PackData;
use machi_content::pack::{self, keys, SigningKey};
use machi_content::store::{ImportKind, SpotQuery};
use machi_content::{source, PackError, Store, StoreError};

fn key(seed: u8) -> SigningKey {
    SigningKey::from_bytes(&[seed; 32])
}

fn v1() -> PackData {
    source::load_dir(&common::fixture()).unwrap()
}

/// Version 2: one spot renamed, one removed, one FAQ entry added.
fn v2() -> PackData {
    let mut d = v1();
    d.meta.pack_version = 2;
    d.spots[0].name.set(Lang::En, "North Gorge (renamed)");
    d.spots.retain(|s| s.id != "spot-3");
    let mut extra = d.faq[0].clone();
    extra.id = "new-entry".into();
    d.faq.push(extra);
    d
}

fn snapshot(store: &Store) -> (String, machi_content::store::Counts) {
    (store.content_checksum().unwrap(), store.counts().unwrap())
}

fn refused(store: &mut Store, dir: &Path, k: &SigningKey) -> StoreError {
    let before = snapshot(store);
    let err = pack::import_dir(store, dir, &k.verifying_key()).unwrap_err();
    assert_eq!(
        snapshot(store),
        before,
        "store changed after refused import: {err}"
    );
    err
}

#[test]
fn build_verify_import_and_query() {
    let out = tempfile::tempdir().unwrap();
    let k = key(7);
    let report = pack::build_pack(&v1(), &k, out.path()).unwrap();
    assert_eq!(report.manifest.counts["spots"], 4);
    let verified = pack::verify_dir(out.path(), &k.verifying_key()).unwrap();
    assert_eq!(verified.data.spots.len(), 4);

    let mut store = Store::open_in_memory().unwrap();
    let s = pack::import_dir(&mut store, out.path(), &k.verifying_key()).unwrap();
    assert_eq!(s.kind, ImportKind::Full);
    assert_eq!(s.counts.spots, 4);
    assert_eq!(store.installed_version().unwrap(), Some(1));

    // Near the station: the museum is closest.
    let station = GeoPoint::new(36.7191, 140.7107).unwrap();
    let hits = store
        .spots(&SpotQuery {
            near: Some(station),
            limit: Some(2),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(hits[0].spot.id, "station-museum");
    assert!(hits[0].distance_m.unwrap() < 200.0);
    assert!(hits[0].distance_m <= hits[1].distance_m);
    // Tag filter, popularity order.
    let nature = store
        .spots(&SpotQuery {
            tag: Some("nature".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(nature.len(), 1);
    // Open at: Monday 2026-11-23 is a public holiday -> museum ("PH off") closed; cafe open.
    let at = NaiveDate::from_ymd_opt(2026, 11, 23)
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap();
    let open: Vec<String> = store
        .spots(&SpotQuery {
            open_at: Some(at),
            ..Default::default()
        })
        .unwrap()
        .into_iter()
        .map(|h| h.spot.id)
        .collect();
    assert!(open.contains(&"hill-cafe".to_string()) && open.contains(&"north-gorge".to_string()));
    assert!(!open.contains(&"station-museum".to_string()), "{open:?}");
    assert_eq!(store.spot_open_at("station-museum", at), Some(false));
    assert_eq!(store.spot_open_at("hill-cafe", at), Some(true));
    assert_eq!(store.spot_open_at("spot-3", at), None);

    // Shelters by hazard: tsunami excludes the inland community hall.
    let t = store
        .shelters_near(station, &[Hazard::Tsunami], 10)
        .unwrap();
    assert_eq!(
        t.iter().map(|h| h.shelter.id.as_str()).collect::<Vec<_>>(),
        ["shelter-1", "shelter-2"]
    );
    assert!(store
        .shelters_near(station, &[Hazard::Volcano], 10)
        .unwrap()
        .is_empty());

    // Events overlapping November.
    let nov = store
        .events_between(
            NaiveDate::from_ymd_opt(2026, 11, 10).unwrap(),
            NaiveDate::from_ymd_opt(2026, 11, 12).unwrap(),
        )
        .unwrap();
    assert_eq!(nov.len(), 1);
    assert_eq!(nov[0].id, "autumn-festival");

    // Garbage: Thursday 2026-11-26 burnable in 本町地区; closure at new year.
    let day = store
        .garbage_day("本町地区", NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
        .unwrap();
    assert_eq!(day.collections.len(), 1);
    assert_eq!(
        day.collections[0].category.name.get(Lang::En),
        Some("Burnable waste")
    );
    let ny = store
        .garbage_day("本町地区", NaiveDate::from_ymd_opt(2027, 1, 1).unwrap())
        .unwrap();
    assert!(ny.closed.is_some() && ny.collections.is_empty());
    assert!(matches!(
        store.garbage_day("nowhere", NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()),
        Err(StoreError::Garbage(_))
    ));

    assert_eq!(store.faq_entries().unwrap().len(), 2);
    assert_eq!(store.departments().unwrap().len(), 2);
    assert_eq!(store.notices().unwrap().len(), 1);
    assert_eq!(store.export().unwrap().unwrap().spots, v1().spots);
}

#[test]
fn delta_applies_on_its_base_and_equals_full_import() {
    let out = tempfile::tempdir().unwrap();
    let k = key(7);
    pack::build_pack(&v1(), &k, out.path()).unwrap();
    let v1_dir = tempfile::tempdir().unwrap();
    common::copy_dir(out.path(), v1_dir.path());
    let r = pack::build_pack(&v2(), &k, out.path()).unwrap();
    assert_eq!(r.manifest.deltas.len(), 1);
    assert!(out.path().join("delta-1-2.json.gz").exists());

    let mut a = Store::open_in_memory().unwrap();
    pack::import_dir(&mut a, v1_dir.path(), &k.verifying_key()).unwrap();
    let s = pack::import_dir(&mut a, out.path(), &k.verifying_key()).unwrap();
    assert_eq!(s.kind, ImportKind::Delta { from_version: 1 });

    let mut b = Store::open_in_memory().unwrap();
    let s = pack::import_dir(&mut b, out.path(), &k.verifying_key()).unwrap();
    assert_eq!(s.kind, ImportKind::Full);
    assert_eq!(a.counts().unwrap(), b.counts().unwrap());
    assert_eq!(
        a.spot("north-gorge").unwrap().unwrap().name.get(Lang::En),
        Some("North Gorge (renamed)")
    );
    assert!(a.spot("spot-3").unwrap().is_none());
    // Same content apart from the install timestamp, which the checksum ignores.
    let strip = |s: &Store| {
        let mut d = s.export().unwrap().unwrap();
        d.meta.created.clear();
        serde_json::to_string(&d).unwrap()
    };
    assert_eq!(strip(&a), strip(&b));
    assert_eq!(a.content_checksum().unwrap(), b.content_checksum().unwrap());

    // A delta on the wrong base is refused.
    let mut c = Store::open_in_memory().unwrap();
    let m = pack::read_manifest(out.path(), &k.verifying_key()).unwrap();
    let delta = m
        .decode_delta(
            1,
            &std::fs::read(out.path().join("delta-1-2.json.gz")).unwrap(),
        )
        .unwrap();
    assert!(matches!(
        c.import_delta(&delta),
        Err(StoreError::Pack(PackError::DeltaBase {
            installed: None,
            base: 1
        }))
    ));
}

/// A store holding v1, and a directory holding a built v2.
fn setup() -> (Store, tempfile::TempDir, SigningKey) {
    let k = key(7);
    let d1 = tempfile::tempdir().unwrap();
    pack::build_pack(&v1(), &k, d1.path()).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    pack::import_dir(&mut store, d1.path(), &k.verifying_key()).unwrap();
    let d2 = tempfile::tempdir().unwrap();
    pack::build_pack(&v2(), &k, d2.path()).unwrap();
    (store, d2, k)
}

fn flip_byte(path: &Path, at: usize) {
    let mut b = std::fs::read(path).unwrap();
    let i = at.min(b.len() - 1);
    b[i] ^= 0x01;
    std::fs::write(path, b).unwrap();
}

#[test]
fn tampered_data_is_refused() {
    let (mut store, dir, k) = setup();
    flip_byte(&dir.path().join("content-v2.json.gz"), 100);
    let e = refused(&mut store, dir.path(), &k);
    assert!(
        matches!(e, StoreError::Pack(PackError::HashMismatch { .. })),
        "{e}"
    );
}

#[test]
fn tampered_manifest_is_refused() {
    let (mut store, dir, k) = setup();
    let p = dir.path().join("manifest.json");
    let text = std::fs::read_to_string(&p)
        .unwrap()
        .replace("\"pack_version\": 2", "\"pack_version\": 3");
    std::fs::write(&p, text).unwrap();
    let e = refused(&mut store, dir.path(), &k);
    assert!(
        matches!(e, StoreError::Pack(PackError::BadSignature)),
        "{e}"
    );
    flip_byte(&p, 40);
    let e = refused(&mut store, dir.path(), &k);
    assert!(
        matches!(
            e,
            StoreError::Pack(PackError::BadSignature | PackError::WrongKey { .. })
        ),
        "{e}"
    );
}

#[test]
fn wrong_key_is_refused() {
    let (mut store, dir, _) = setup();
    let e = refused(&mut store, dir.path(), &key(9));
    assert!(
        matches!(e, StoreError::Pack(PackError::WrongKey { .. })),
        "{e}"
    );
}

#[test]
fn older_or_equal_version_is_refused() {
    let (mut store, dir, k) = setup();
    pack::import_dir(&mut store, dir.path(), &k.verifying_key()).unwrap();
    let e = refused(&mut store, dir.path(), &k);
    assert!(
        matches!(
            e,
            StoreError::Pack(PackError::OlderVersion {
                installed: 2,
                offered: 2
            })
        ),
        "{e}"
    );
    let old = tempfile::tempdir().unwrap();
    pack::build_pack(&v1(), &k, old.path()).unwrap();
    let e = refused(&mut store, old.path(), &k);
    assert!(
        matches!(
            e,
            StoreError::Pack(PackError::OlderVersion {
                installed: 2,
                offered: 1
            })
        ),
        "{e}"
    );
}

#[test]
fn truncated_part_is_refused() {
    let (mut store, dir, k) = setup();
    let p = dir.path().join("content-v2.json.gz");
    let b = std::fs::read(&p).unwrap();
    std::fs::write(&p, &b[..b.len() / 2]).unwrap();
    let e = refused(&mut store, dir.path(), &k);
    assert!(
        matches!(e, StoreError::Pack(PackError::Truncated { .. })),
        "{e}"
    );
}

#[test]
fn wrong_municipality_is_refused() {
    let (mut store, _, k) = setup();
    let mut other = v2();
    other.meta.municipality_code = "082015".into();
    other.meta.municipality_name = LocalizedText::single(Lang::Ja, "水戸市");
    let dir = tempfile::tempdir().unwrap();
    pack::build_pack(&other, &k, dir.path()).unwrap();
    let e = refused(&mut store, dir.path(), &k);
    assert!(
        matches!(e, StoreError::Pack(PackError::WrongMunicipality { .. })),
        "{e}"
    );
}

#[test]
fn a_failing_transaction_leaves_the_store_as_before() {
    let (mut store, _, _) = setup();
    let before = snapshot(&store);
    let mut bad = v2();
    bad.faq[0].department_id = Some("no-such-department".into());
    assert!(matches!(
        store.import_full(&bad),
        Err(StoreError::Sqlite(_))
    ));
    assert_eq!(snapshot(&store), before);
    // And the in-memory index still answers.
    assert_eq!(store.spots(&SpotQuery::default()).unwrap().len(), 4);
}

#[test]
fn in_memory_api_matches_directory_api() {
    let (_, dir, k) = setup();
    let m = std::fs::read(dir.path().join("manifest.json")).unwrap();
    let sig = std::fs::read_to_string(dir.path().join("manifest.json.sig")).unwrap();
    let manifest = pack::Manifest::parse_verified(&m, &sig, &k.verifying_key()).unwrap();
    let bytes = std::fs::read(dir.path().join(&manifest.full.file)).unwrap();
    let data = manifest.decode_full(&bytes).unwrap();
    assert_eq!(data.meta.pack_version, 2);
    assert!(matches!(
        manifest.decode_full(&bytes[1..]),
        Err(PackError::Truncated { .. })
    ));
    assert_eq!(keys::key_id(&k.verifying_key()), manifest.key_id);
}

#[test]
fn user_state_survives_imports() {
    let (mut store, dir, k) = setup();
    let p = store
        .add_place("home", GeoPoint::new(36.72, 140.71).unwrap())
        .unwrap();
    store
        .record_faq_feedback("juminhyo-copy", "住民票", true, Some(Lang::Ja))
        .unwrap();
    store.log_unanswered("犬の登録", Some(Lang::Ja)).unwrap();
    store.log_unanswered("犬の登録", Some(Lang::Ja)).unwrap();
    pack::import_dir(&mut store, dir.path(), &k.verifying_key()).unwrap();
    assert_eq!(store.places().unwrap(), vec![p.clone()]);
    assert_eq!(store.faq_feedback().unwrap().len(), 1);
    let u = store.export_unanswered().unwrap();
    assert_eq!((u[0].query.as_str(), u[0].count), ("犬の登録", 2));
    assert!(store.remove_place(p.id).unwrap());
    assert!(store
        .add_place("  ", GeoPoint::new(36.0, 140.0).unwrap())
        .is_err());
}

/// A model file travels beside the pack: named in the signed manifest with
/// size and sha256, checked by `verify_dir`, refused when tampered or cut.
#[test]
fn assets_are_listed_signed_and_checked() {
    let k = key(7);
    let src = tempfile::tempdir().unwrap();
    let model = src.path().join("model.bin");
    let bytes: Vec<u8> = (0..10_000u32).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(&model, &bytes).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let assets = [(pack::FAQ_ENCODER_ASSET.to_string(), model.clone())];
    let r = pack::build_pack_with_assets(&v1(), &k, dir.path(), &assets).unwrap();
    let a = r.manifest.asset(pack::FAQ_ENCODER_ASSET).unwrap().clone();
    assert_eq!(a.size, bytes.len() as u64);
    assert_eq!(a.sha256, pack::sha256_hex(&bytes));
    assert!(a.file.starts_with("faq-encoder-") && a.file.ends_with(".bin"));
    assert_eq!(std::fs::read(dir.path().join(&a.file)).unwrap(), bytes);
    let v = pack::verify_dir(dir.path(), &k.verifying_key()).unwrap();
    assert_eq!(v.manifest.assets, vec![a.clone()]);

    flip_byte(&dir.path().join(&a.file), 5_000);
    let e = pack::verify_dir(dir.path(), &k.verifying_key()).unwrap_err();
    assert!(matches!(e, PackError::HashMismatch { .. }), "{e}");
    std::fs::write(dir.path().join(&a.file), &bytes[..9_000]).unwrap();
    let e = pack::verify_dir(dir.path(), &k.verifying_key()).unwrap_err();
    assert!(matches!(e, PackError::Truncated { .. }), "{e}");
}

/// Even a correctly signed manifest may not name an asset file outside the
/// pack's folder, nor list one asset twice.
#[test]
fn malformed_asset_entries_are_refused() {
    let k = key(7);
    let dir = tempfile::tempdir().unwrap();
    let r = pack::build_pack(&v1(), &k, dir.path()).unwrap();
    let good = pack::AssetEntry {
        name: pack::FAQ_ENCODER_ASSET.into(),
        file: "faq-encoder-0123456789abcdef.bin".into(),
        sha256: "ab".repeat(32),
        size: 10,
    };
    let cases = [
        pack::AssetEntry {
            file: "../../etc/passwd".into(),
            ..good.clone()
        },
        pack::AssetEntry {
            name: "FAQ Encoder".into(),
            ..good.clone()
        },
        pack::AssetEntry {
            sha256: "not-hex".into(),
            ..good.clone()
        },
    ];
    for bad in cases {
        let mut m = r.manifest.clone();
        m.assets = vec![bad.clone()];
        let (bytes, sig) = m.sign(&k).unwrap();
        let e = pack::Manifest::parse_verified(&bytes, &sig, &k.verifying_key()).unwrap_err();
        assert!(matches!(e, PackError::BadFormat { .. }), "{bad:?}: {e}");
    }
    let mut twice = r.manifest.clone();
    twice.assets = vec![good.clone(), good.clone()];
    let (bytes, sig) = twice.sign(&k).unwrap();
    assert!(pack::Manifest::parse_verified(&bytes, &sig, &k.verifying_key()).is_err());
    let mut once = r.manifest;
    once.assets = vec![good];
    let (bytes, sig) = once.sign(&k).unwrap();
    assert!(pack::Manifest::parse_verified(&bytes, &sig, &k.verifying_key()).is_ok());
}
