//! Every file in `../shared/data/opendata` imports, with exact counts.
//!
//! The data lives outside the repo (see its SOURCE.md); each test prints
//! "skipping: ../shared/data not found" and returns when it is absent.

use std::path::PathBuf;

use chrono::NaiveDate;
use machi_common::{Hazard, Lang};
use machi_content::garbage::{closure_on, collections_on, next_collection};
use machi_content::hours::Hours;
use machi_content::model::ShelterKind;
use machi_content::opendata::{
    import_5374, import_evacuation_csv, import_events_csv, import_gsi_geojson, import_tourism_csv,
    merge_gsi_designations, Problem, DEFAULT_POPULARITY, DEFAULT_VISIT_MINUTES,
};

fn opendata_dir() -> Option<PathBuf> {
    machi_common::testdata::shared_data("opendata")
}

fn read(dir: &std::path::Path, rel: &str) -> Vec<u8> {
    std::fs::read(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn shimabara_tourism_imports_28_spots_with_hours() {
    let Some(dir) = opendata_dir() else { return };
    let f = "tablelinker-samples/shimabara_tourism.csv";
    let spots = import_tourism_csv(&read(&dir, f), f).unwrap();
    assert_eq!(spots.len(), 28);
    // NO is blank in this file: rows are numbered by position.
    assert_eq!(spots[0].id, "spot-1");
    assert_eq!(spots[27].id, "spot-28");
    let castle = &spots[0];
    assert_eq!(castle.name.get(Lang::Ja), Some("島原城"));
    assert_eq!(castle.kana.as_deref(), Some("シマバラジョウ"));
    assert_eq!(castle.opening_hours.as_deref(), Some("Mo-Su 09:00-17:30"));
    assert_eq!(castle.hours_note.get(Lang::Ja), Some("入館は17:00まで"));
    assert!((castle.location.lat - 32.78926).abs() < 1e-9);
    assert!((castle.location.lon - 130.36723).abs() < 1e-9);
    assert_eq!(castle.visit_minutes, DEFAULT_VISIT_MINUTES);
    assert_eq!(castle.popularity, DEFAULT_POPULARITY);
    // Multi-line quoted fee detail survives intact.
    let fee = castle.fee.get(Lang::Ja).unwrap();
    assert!(fee.starts_with("550円\n【入館料】"), "{fee}");
    assert!(fee.contains("\n【駐車料】"), "{fee}");
    assert_eq!(
        castle.access.get(Lang::Ja),
        Some("島原鉄道　島原駅から\n徒歩10分")
    );
    // 00:00–00:00 with 終日開放 is open around the clock.
    assert_eq!(spots[2].name.get(Lang::Ja), Some("武家屋敷水路"));
    assert_eq!(spots[2].opening_hours.as_deref(), Some("24/7"));
    // Extension numbers are kept with the phone number.
    assert_eq!(spots[1].phone.as_deref(), Some("0957-63-1111 (内線 212)"));
    // 月火木金土日 (closed Wednesdays).
    let yutorogi = spots
        .iter()
        .find(|s| s.name.get(Lang::Ja).unwrap().contains("ゆとろぎ"))
        .unwrap();
    assert_eq!(
        yutorogi.opening_hours.as_deref(),
        Some("Mo,Tu,Th-Su 10:00-21:00")
    );
    let all_day = spots
        .iter()
        .filter(|s| s.opening_hours.as_deref() == Some("24/7"))
        .count();
    assert_eq!(all_day, 13);
    assert!(spots.iter().all(|s| s.opening_hours.is_some()));
    for s in &spots {
        let oh = s.opening_hours.as_deref().unwrap();
        assert!(Hours::parse(oh).is_ok(), "{}: {oh}", s.id);
    }
}

#[test]
fn katsushika_cp932_imports_3_spots_with_english() {
    let Some(dir) = opendata_dir() else { return };
    let f = "tablelinker-samples/katsushika_tourism.csv";
    let bytes = read(&dir, f);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the sample is CP932, not UTF-8"
    );
    let spots = import_tourism_csv(&bytes, f).unwrap();
    assert_eq!(spots.len(), 3);
    let tora = &spots[0];
    assert_eq!(tora.name.get(Lang::Ja), Some("葛飾柴又寅さん記念館"));
    assert_eq!(
        tora.name.get(Lang::En),
        Some("Katsushika Shibamata Tora-san Museum")
    );
    assert!(tora.description.get(Lang::En).unwrap().starts_with(
        "This is a memorial hall for The Otoko wa turai yo (\"It's Tough Being a Man\")"
    ));
    // 料金（基本） is found through NFKC header normalization.
    assert!(tora
        .fee
        .get(Lang::Ja)
        .unwrap()
        .starts_with("500\n大人500円"));
    assert_eq!(tora.opening_hours.as_deref(), Some("Mo-Su 09:00-17:00"));
    assert!(tora
        .hours_note
        .get(Lang::Ja)
        .unwrap()
        .starts_with("第3火曜日休館"));
    assert_eq!(
        spots[2].name.get(Lang::En),
        Some("Katsushika-ku Yamamoto-tei")
    );
    assert_eq!(spots[2].phone.as_deref(), Some("03-3657-8577"));
}

#[test]
fn digital_agency_templates_give_zero_items() {
    let Some(dir) = opendata_dir() else { return };
    let t = "digital-agency-templates/xxxxxx_tourism.csv";
    assert!(import_tourism_csv(&read(&dir, t), t).unwrap().is_empty());
    let e = "digital-agency-templates/xxxxxx_event.csv";
    assert!(import_events_csv(&read(&dir, e), e).unwrap().is_empty());
    let v = "digital-agency-templates/xxxxxx_evacuation_space.csv";
    assert!(import_evacuation_csv(&read(&dir, v), v).unwrap().is_empty());
    // Layouts with 名称/緯度/経度 read as place lists too (cultural properties,
    // public facilities, toilets, Wi-Fi spots): header-only, so nothing.
    for other in [
        "xxxxxx_cultural_property.csv",
        "xxxxxx_public_facility.csv",
        "xxxxxx_public_toilet.csv",
        "xxxxxx_public_wireless_lan.csv",
    ] {
        let f = format!("digital-agency-templates/{other}");
        assert!(
            import_tourism_csv(&read(&dir, &f), &f).unwrap().is_empty(),
            "{f}"
        );
    }
}

#[test]
fn a_template_of_the_wrong_kind_is_a_header_error() {
    let Some(dir) = opendata_dir() else { return };
    let f = "digital-agency-templates/xxxxxx_tourism.csv";
    let err = import_events_csv(&read(&dir, f), f).unwrap_err();
    let missing: Vec<_> = err
        .issues
        .iter()
        .map(|i| (i.line, i.column.as_deref(), &i.problem))
        .collect();
    // 名称 is accepted as the event name, so only the start date is missing.
    assert_eq!(missing, vec![(1, Some("開始日"), &Problem::MissingColumn)]);
}

#[test]
fn takahagi_gsi_emergency_places_57() {
    let Some(dir) = opendata_dir() else { return };
    let f = "gsi-shelters/emergency/082147.json";
    let places = import_gsi_geojson(&read(&dir, f), f).unwrap();
    assert_eq!(places.len(), 57);
    let first = &places[0];
    assert_eq!(first.id, "E0821400001201");
    assert_eq!(first.name.get(Lang::Ja), Some("高萩小学校"));
    assert_eq!(first.address.get(Lang::Ja), Some("茨城県高萩市安良川1048"));
    // GeoJSON is [lon, lat].
    assert!((first.location.lat - 36.712913).abs() < 1e-9);
    assert!((first.location.lon - 140.705421).abs() < 1e-9);
    assert_eq!(first.kind, ShelterKind::Both);
    assert_eq!(
        first.hazards,
        vec![
            Hazard::Flood,
            Hazard::Landslide,
            Hazard::StormSurge,
            Hazard::Earthquake,
            Hazard::Tsunami,
            Hazard::Fire,
            Hazard::InlandFlood
        ]
    );
    let count = |h: Hazard| places.iter().filter(|p| p.hazards.contains(&h)).count();
    assert_eq!(count(Hazard::Flood), 44);
    assert_eq!(count(Hazard::Landslide), 51);
    assert_eq!(count(Hazard::StormSurge), 57);
    assert_eq!(count(Hazard::Earthquake), 47);
    assert_eq!(count(Hazard::Tsunami), 53);
    assert_eq!(count(Hazard::Fire), 57);
    assert_eq!(count(Hazard::InlandFlood), 57);
    assert_eq!(count(Hazard::Volcano), 0);
    let both = places
        .iter()
        .filter(|p| p.kind == ShelterKind::Both)
        .count();
    assert_eq!(both, 12);
    assert_eq!(places.len() - both, 45);
}

#[test]
fn takahagi_gsi_shelters_12_and_merge() {
    let Some(dir) = opendata_dir() else { return };
    let f = "gsi-shelters/evacuation/082147.json";
    let shelters = import_gsi_geojson(&read(&dir, f), f).unwrap();
    assert_eq!(shelters.len(), 12);
    assert_eq!(shelters[0].id, "E0821400001111");
    assert!(shelters.iter().all(|s| s.hazards.is_empty()));
    assert!(shelters.iter().all(|s| s.kind == ShelterKind::Both));
    let e = "gsi-shelters/emergency/082147.json";
    let places = import_gsi_geojson(&read(&dir, e), e).unwrap();
    let merged = merge_gsi_designations(places, shelters);
    // Every shelter shares a site with an emergency place.
    assert_eq!(merged.len(), 57);
    assert_eq!(
        merged
            .iter()
            .filter(|s| s.kind == ShelterKind::Both)
            .count(),
        12
    );
    assert!(merged.iter().any(|s| s.id == "E0821400001201"));
}

#[test]
fn ibaraki_5374_imports_and_answers_by_date() {
    let Some(dir) = opendata_dir() else { return };
    let r = |n: &str| read(&dir, &format!("5374-ibaraki-town/{n}"));
    let data = import_5374(
        &r("area_days.csv"),
        &r("center.csv"),
        &r("description.csv"),
        &r("target.csv"),
    )
    .unwrap();
    assert_eq!(data.categories.len(), 9);
    assert_eq!(data.areas.len(), 99);
    assert_eq!(data.items.len(), 61);
    assert_eq!(data.centers.len(), 1);
    assert_eq!(
        data.centers[0].closures,
        vec![(d(2018, 12, 29), d(2019, 1, 2))]
    );
    let burnable = &data.categories[0];
    assert_eq!(burnable.id, "燃えるごみ");
    assert_eq!(burnable.color.as_deref(), Some("#e61000"));
    assert!(burnable
        .description
        .get(Lang::Ja)
        .unwrap()
        .starts_with("・指定袋に入れて出してください。\n・"));
    let item = data
        .items
        .iter()
        .find(|i| i.name.get(Lang::Ja) == Some("生ごみ"))
        .unwrap();
    assert_eq!(item.category_id, "燃えるごみ");
    assert_eq!(item.notice.get(Lang::Ja), Some("水を切って出してください"));
    let akiba = data.areas.iter().find(|a| a.id == "秋葉").unwrap();
    assert_eq!(akiba.schedules.len(), 9);
    let names = |day: NaiveDate| -> Vec<String> {
        collections_on(&data, "秋葉", day)
            .unwrap()
            .into_iter()
            .map(|c| c.category_id)
            .collect()
    };
    assert_eq!(names(d(2019, 1, 7)), vec!["燃えるごみ"]);
    // 2019-04-10: 2nd Wednesday of April (a listed month) → 無色のビン only.
    assert_eq!(names(d(2019, 4, 10)), vec!["無色のビン"]);
    // 2019-04-17: 3rd Wednesday → カン・金属類 and 粗大ごみ.
    assert_eq!(names(d(2019, 4, 17)), vec!["カン・金属類", "粗大ごみ"]);
    assert_eq!(names(d(2019, 4, 24)), vec!["茶色のビン"]);
    assert_eq!(names(d(2019, 5, 8)), vec!["その他のビン"]);
    // Monday 2018-12-31 falls in the centre's shutdown.
    assert!(names(d(2018, 12, 31)).is_empty());
    assert!(closure_on(&data, "秋葉", d(2018, 12, 31))
        .unwrap()
        .is_some());
    assert_eq!(
        next_collection(&data, "秋葉", "燃えるごみ", d(2018, 12, 28)),
        Some(d(2019, 1, 3))
    );
    assert_eq!(
        next_collection(&data, "秋葉", "無色のビン", d(2019, 4, 11)),
        Some(d(2019, 6, 12))
    );
}
