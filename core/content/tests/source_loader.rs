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
