//! Every shared open-data sample, through the importers, into a store.

mod common;

use chrono::NaiveDate;
use machi_common::{GeoPoint, Hazard};
use machi_content::model::{PackData, PackMeta};
use machi_content::opendata;
use machi_content::store::SpotQuery;
use machi_content::Store;

#[test]
fn every_shared_opendata_file_imports_into_a_store() {
    let Some(root) = common::shared_data() else {
        return;
    };
    let od = root.join("opendata");
    let read = |p: &str| std::fs::read(od.join(p)).unwrap();
    let mut data = PackData {
        meta: PackMeta {
            municipality_code: "082147".into(),
            pack_version: 1,
            ..Default::default()
        },
        ..Default::default()
    };
    // Tourism: the real samples plus the header-only templates (no rows).
    for f in [
        "tablelinker-samples/shimabara_tourism.csv",
        "tablelinker-samples/katsushika_tourism.csv",
        "digital-agency-templates/xxxxxx_tourism.csv",
    ] {
        let spots = opendata::import_tourism_csv(&read(f), f).unwrap_or_else(|e| panic!("{e}"));
        // Files number their rows independently; keep ids unique across them.
        data.spots.extend(spots.into_iter().map(|mut s| {
            s.id = format!("{f}#{}", s.id);
            s
        }));
    }
    assert_eq!(data.spots.len(), 28 + 3);
    let f = "digital-agency-templates/xxxxxx_event.csv";
    data.events = opendata::import_events_csv(&read(f), f).unwrap_or_else(|e| panic!("{e}"));
    let f = "digital-agency-templates/xxxxxx_evacuation_space.csv";
    let template_shelters =
        opendata::import_evacuation_csv(&read(f), f).unwrap_or_else(|e| panic!("{e}"));
    assert!(template_shelters.is_empty());
    let emergency = opendata::import_gsi_geojson(
        &read("gsi-shelters/emergency/082147.json"),
        "emergency/082147.json",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let stay = opendata::import_gsi_geojson(
        &read("gsi-shelters/evacuation/082147.json"),
        "evacuation/082147.json",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(emergency.len(), 57);
    data.shelters = opendata::merge_gsi_designations(emergency, stay);
    let g = |n: &str| read(&format!("5374-ibaraki-town/{n}"));
    data.garbage = opendata::import_5374(
        &g("area_days.csv"),
        &g("center.csv"),
        &g("description.csv"),
        &g("target.csv"),
    )
    .unwrap_or_else(|e| panic!("{e}"));

    let mut store = Store::open_in_memory().unwrap();
    let s = store.import_full(&data).unwrap();
    assert_eq!(s.counts.spots, 31);
    assert_eq!(s.counts.shelters as usize, data.shelters.len());
    assert_eq!(
        s.counts.garbage_categories as usize,
        data.garbage.categories.len()
    );
    assert!(s.counts.garbage_categories >= 9);
    assert_eq!(store.export().unwrap().unwrap(), data);

    // Takahagi station: the nearest tsunami place is within a few km and sorted.
    let station = GeoPoint::new(36.7191, 140.7107).unwrap();
    let near = store.shelters_near(station, &[Hazard::Tsunami], 5).unwrap();
    assert_eq!(near.len(), 5);
    assert!(near.windows(2).all(|w| w[0].distance_m <= w[1].distance_m));
    assert!(near[0].distance_m < 3_000.0, "{}", near[0].distance_m);
    assert!(near
        .iter()
        .all(|h| h.shelter.hazards.contains(&Hazard::Tsunami)));
    // Every spot comes back, most popular first.
    assert_eq!(store.spots(&SpotQuery::default()).unwrap().len(), 31);
    // A 5374 area answers for a date (some category on some weekday of a week).
    let area = store.garbage_areas().unwrap()[0].id.clone();
    let week: usize = (16..23)
        .map(|d| {
            store
                .garbage_day(&area, NaiveDate::from_ymd_opt(2026, 11, d).unwrap())
                .unwrap()
                .collections
                .len()
        })
        .sum();
    assert!(week >= 2, "{week}");
}
