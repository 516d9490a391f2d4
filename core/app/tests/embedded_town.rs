//! The embedded town is the built form of `content/takahagi/`: this test
//! rebuilds it from the source folder and fails on any difference, so an edit
//! to the source cannot silently miss the app.
//!
//! To rebuild the embedded JSON after editing the source:
//! `MACHI_BLESS=1 cargo test -p machi-app --test embedded_town`

use std::path::PathBuf;

fn source_dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content/takahagi"
    ))
}

fn built_json_path() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content/takahagi.pack.json"
    ))
}

#[test]
fn embedded_town_is_built_from_its_source() {
    let mut built =
        machi_content::source::load_dir(&source_dir()).unwrap_or_else(|e| panic!("{e}"));
    let embedded = machi_app::sample_town().unwrap();
    if std::env::var_os("MACHI_BLESS").is_some() {
        let mut text = serde_json::to_string_pretty(&built).unwrap();
        text.push('\n');
        std::fs::write(built_json_path(), text).unwrap();
        return;
    }
    // The loader stamps `created` with the build time; everything else must match.
    built.meta.created.clone_from(&embedded.meta.created);
    assert!(
        serde_json::to_value(&embedded).unwrap() == serde_json::to_value(&built).unwrap(),
        "content/takahagi.pack.json is out of date with content/takahagi/; rebuild it with \
         `MACHI_BLESS=1 cargo test -p machi-app --test embedded_town`"
    );
}

#[test]
fn embedded_identity_is_the_source_identity() {
    let built = machi_content::source::load_dir(&source_dir()).unwrap_or_else(|e| panic!("{e}"));
    let (code, version) = machi_app::sample_town_identity().expect("embedded identity");
    assert_eq!(code, built.meta.municipality_code);
    assert_eq!(version, built.meta.pack_version);
}

#[test]
fn embedded_town_has_a_taxi_tariff_a_stand_and_one_bicycle_rental() {
    use machi_common::Lang;
    use machi_content::model::ReturnRule;
    let town = machi_app::sample_town().unwrap();
    let m = &town.mobility;
    let taxi = m.taxi.as_ref().expect("the sample town's taxi tariff");
    // Every one of the app's six languages names the operator.
    for lang in Lang::ALL {
        assert!(taxi.operator.get(lang).is_some(), "{lang:?}");
    }
    assert!(taxi.step_metres > 0 && taxi.step_yen > 0);
    assert!(taxi.fare_yen(5_000.0) > taxi.initial_yen);
    // The stand is at the station spot.
    let station = town
        .spots
        .iter()
        .find(|s| s.id == "takahagi-station")
        .expect("spot takahagi-station");
    assert_eq!(m.taxi_stands.len(), 1);
    assert_eq!(m.taxi_stands[0].location, station.location);
    assert_eq!(m.bicycle_rentals.len(), 1);
    let r = &m.bicycle_rentals[0];
    assert_eq!(r.return_rule, ReturnRule::SameStation);
    assert!(r.electric);
    assert!(machi_content::hours::Hours::parse(&r.opening_hours).is_ok());
}
