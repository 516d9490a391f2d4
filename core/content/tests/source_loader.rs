//! The pack-source loader on the mini-town fixture: merging and error reporting.

mod common;

use machi_common::Lang;
use machi_content::source;
use machi_content::SourceError;

#[test]
fn mini_town_loads_and_merges_overlays() {
    let data = source::load_dir(&common::fixture()).unwrap();
    assert_eq!(data.meta.municipality_code, "082147");
    assert_eq!(data.meta.pack_version, 1);
    let ids: Vec<&str> = data.spots.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        ["north-gorge", "station-museum", "spot-3", "hill-cafe"]
    );
    let gorge = &data.spots[0];
    assert_eq!(gorge.name.get(Lang::Ja), Some("北の渓谷"));
    assert_eq!(gorge.name.get(Lang::En), Some("North Gorge"));
    assert_eq!(gorge.name.get(Lang::ZhHans), Some("北方溪谷"));
    assert!(
        gorge.description.get(Lang::Ja).unwrap().contains('\n'),
        "multi-line CSV field kept"
    );
    assert_eq!(gorge.tags, ["nature", "autumn-leaves"]);
    assert_eq!(gorge.visit_minutes, 90);
    assert_eq!(
        data.events
            .iter()
            .map(|e| e.id.as_str())
            .collect::<Vec<_>>(),
        ["autumn-festival", "event-2"]
    );
    assert_eq!(data.shelters.len(), 3);
    assert_eq!(data.shelters[0].capacity, Some(520));
    assert_eq!(data.garbage.areas.len(), 2);
    assert_eq!(
        data.garbage.areas[0].name.get(Lang::En),
        Some("Honcho district")
    );
    assert_eq!(data.faq.len(), 2);
    assert_eq!(
        data.faq[1].examples,
        ["ソファを捨てたい", "How do I throw away a sofa?"]
    );
    assert!(data.faq[0].examples.is_empty());
    assert_eq!(data.departments.len(), 2);
    assert_eq!(data.synonyms.len(), 1);
    assert_eq!(data.congestion.len(), 1);
    assert_eq!(data.travel_times.len(), 1);
    assert_eq!(data.notices.len(), 1);
}

fn broken(edit: impl FnOnce(&std::path::Path)) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&common::fixture(), dir.path());
    edit(dir.path());
    match source::load_dir(dir.path()) {
        Err(SourceError::Invalid(issues)) => issues.iter().map(|i| i.to_string()).collect(),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn every_problem_is_reported_with_file_and_line() {
    let issues = broken(|d| {
        let p = d.join("spots.toml");
        let t = std::fs::read_to_string(&p)
            .unwrap()
            .replace("no = \"2\"", "no = \"99\"")
            .replace("Mo-Sa 11:00-15:00", "sometimes");
        std::fs::write(p, t).unwrap();
        let p = d.join("faq.toml");
        let t = std::fs::read_to_string(&p)
            .unwrap()
            .replace("department = \"kankyo\"", "department = \"nowhere\"");
        std::fs::write(p, t).unwrap();
    });
    assert!(
        issues
            .iter()
            .any(|i| i.starts_with("spots.toml:14 [no]") && i.contains("99")),
        "{issues:#?}"
    );
    assert!(
        issues
            .iter()
            .any(|i| i.starts_with("spots.toml:") && i.contains("opening_hours")),
        "{issues:#?}"
    );
    assert!(
        issues
            .iter()
            .any(|i| i.starts_with("faq.toml:") && i.contains("nowhere")),
        "{issues:#?}"
    );
}

#[test]
fn toml_syntax_and_csv_errors_are_located() {
    let issues = broken(|d| {
        std::fs::write(d.join("synonyms.toml"), "[[set]]\nterms = [\"a\", \n").unwrap();
        let p = d.join("tourism/kanko.csv");
        let t = std::fs::read_to_string(&p)
            .unwrap()
            .replace("36.7200", "north");
        std::fs::write(p, t).unwrap();
    });
    assert!(
        issues.iter().any(|i| i.starts_with("synonyms.toml:")),
        "{issues:#?}"
    );
    assert!(
        issues
            .iter()
            .any(|i| i.starts_with("tourism/kanko.csv:4 [緯度]")),
        "{issues:#?}"
    );
}

#[test]
fn incomplete_5374_set_and_missing_pack_toml_are_refused() {
    let issues = broken(|d| {
        std::fs::remove_file(d.join("garbage/center.csv")).unwrap();
        std::fs::remove_file(d.join("pack.toml")).unwrap();
    });
    assert!(
        issues.iter().any(|i| i.starts_with("garbage/center.csv")),
        "{issues:#?}"
    );
    assert!(
        issues.iter().any(|i| i.starts_with("pack.toml")),
        "{issues:#?}"
    );
}

/// A signed notice in the pack source: `NAME.sig` beside it, checked at build
/// time against the pack's own `notice_senders`; the policy travels in the
/// pack meta and is installed with the content.
#[test]
fn signed_notices_and_the_trust_policy_are_checked_and_installed() {
    use machi_common::keys::{encode_signature, encode_verifying_key, key_id, Signer, SigningKey};
    let key = SigningKey::from_bytes(&[5u8; 32]);
    let setup = |dir: &std::path::Path, sig_over: &[u8], signer: &SigningKey| {
        let pack = dir.join("pack.toml");
        let mut text = std::fs::read_to_string(&pack).unwrap();
        text.push_str(&format!(
            "\n[[pack.notice_senders]]\nids = [\"test@example.invalid\"]\nkeys = [\"{}\"]\nname = {{ ja = \"テスト市\", en = \"Test City\" }}\n",
            encode_verifying_key(&key.verifying_key())
        ));
        std::fs::write(&pack, text).unwrap();
        let sig = serde_json::json!({
            "key_id": key_id(&signer.verifying_key()),
            "signature": encode_signature(&signer.sign(sig_over)),
        });
        std::fs::write(dir.join("notices/exercise.xml.sig"), sig.to_string()).unwrap();
    };
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&common::fixture(), dir.path());
    let xml = std::fs::read(dir.path().join("notices/exercise.xml")).unwrap();
    setup(dir.path(), &xml, &key);
    let data = source::load_dir(dir.path()).unwrap();
    let senders = &data.meta.notice_senders;
    assert_eq!(senders.len(), 1);
    assert_eq!(senders[0].name.get(Lang::En), Some("Test City"));
    let sig = data.notices[0].signature.as_ref().expect("signature kept");
    assert_eq!(sig.key_id, key_id(&key.verifying_key()));

    let mut store = machi_content::Store::open_in_memory().unwrap();
    store.import_full(&data).unwrap();
    let installed = store.installed().unwrap().unwrap();
    assert_eq!(&installed.meta.notice_senders, senders);
    assert_eq!(store.notices().unwrap()[0].signature.as_ref(), Some(sig));

    let tampered = broken(|d| setup(d, b"other bytes", &key));
    assert!(
        tampered.iter().any(|m| m.contains("does not verify")),
        "{tampered:?}"
    );
    let rogue = SigningKey::from_bytes(&[6u8; 32]);
    let unknown = broken(|d| setup(d, &xml, &rogue));
    assert!(
        unknown.iter().any(|m| m.contains("notice_senders")),
        "{unknown:?}"
    );
}
