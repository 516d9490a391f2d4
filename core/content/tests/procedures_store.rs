//! The sample town's procedures through the loader, the store and deltas.

use std::path::PathBuf;

use machi_common::Lang;
use machi_content::delta::Delta;
use machi_content::source;
use machi_content::Store;

fn takahagi() -> machi_content::model::PackData {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content/takahagi");
    source::load_dir(&dir).unwrap()
}

#[test]
fn the_sample_town_has_the_catalogue_the_issue_asks_for() {
    let data = takahagi();
    let p = &data.procedures;
    assert!(
        p.procedures.len() >= 40,
        "{} procedures",
        p.procedures.len()
    );
    for id in [
        "move-in",
        "move-out",
        "move-within",
        "birth",
        "death",
        "marriage",
        "start-nursery",
        "start-school",
        "turn-65",
        "turn-75",
        "new-dog",
        "new-vehicle",
    ] {
        assert!(p.life_event(id).is_some(), "life event {id}");
    }
    // Every text the resident reads is in all six languages.
    let six = |t: &machi_common::LocalizedText, what: &str| {
        for l in Lang::ALL {
            assert!(t.get(l).is_some(), "{what} lacks {l}");
        }
    };
    for x in &p.procedures {
        six(&x.name, &x.id);
        six(&x.who, &x.id);
        six(&x.summary, &x.id);
    }
    for e in &p.life_events {
        six(&e.name, &e.id);
    }
    for q in &p.questions {
        six(&q.text, &q.id);
    }
    for b in &p.benefits {
        six(&b.name, &b.id);
        six(&b.because, &b.id);
    }
    let faq: Vec<&str> = data.faq.iter().map(|f| f.id.as_str()).collect();
    let c = machi_procedures::coverage(p, faq.iter().copied());
    assert!(c.is_complete(), "{c:?}");
}

#[test]
fn procedures_survive_the_store_and_deltas_and_ticks_survive_imports() {
    let data = takahagi();
    let mut store = Store::open_in_memory().unwrap();
    store.import_full(&data).unwrap();
    assert_eq!(store.procedures().unwrap(), data.procedures);
    assert_eq!(store.export().unwrap().unwrap().procedures, data.procedures);
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    store
        .set_step_done("birth", day, "birth-registration", true)
        .unwrap();

    let mut next = data.clone();
    next.meta.pack_version += 1;
    next.procedures.procedures[0]
        .name
        .set(Lang::En, "Moving-in notice (renamed)");
    let delta = Delta::between(&data, &next);
    assert_eq!(delta.procedures.upsert.len(), 1);
    store.import_delta(&delta).unwrap();
    assert_eq!(store.procedures().unwrap(), next.procedures);
    let mut direct = Store::open_in_memory().unwrap();
    direct.import_full(&next).unwrap();
    assert_eq!(
        store.content_checksum().unwrap(),
        direct.content_checksum().unwrap()
    );
    assert_eq!(
        store.done_steps("birth", day).unwrap().len(),
        1,
        "sync never touches ticks"
    );

    // A pack that drops procedures removes them.
    let mut none = next.clone();
    none.meta.pack_version += 1;
    none.procedures = Default::default();
    store.import_delta(&Delta::between(&next, &none)).unwrap();
    assert!(store.procedures().unwrap().is_empty());
}
