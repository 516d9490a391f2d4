//! Public transport through the facade on the embedded sample town's
//! SAMPLE timetable: journeys, stop boards, typed errors, and the cached
//! timetable following a newly installed pack.

use chrono::NaiveDate;
use machi_app::common::Lang;
use machi_app::content_core::pack;
use machi_app::{Error, Machi, OpenOptions, TransitError};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const fn hm(h: u32, m: u32) -> u32 {
    h * 3600 + m * 60
}

#[test]
fn a_bus_to_hananuki_gorge_and_a_walk_to_shiomi_falls_bridge() {
    let m = Machi::open(OpenOptions::default()).unwrap();
    let j = m
        .transit_route("高萩駅", "花貫渓谷", d(2026, 11, 22), hm(9, 0), false, None)
        .unwrap()
        .expect("a journey");
    assert_eq!(
        (j.depart_hhmm.as_str(), j.arrive_hhmm.as_str()),
        ("9:15", "9:43")
    );
    assert_eq!((j.minutes, j.transfers, j.fare_yen), (28, 0, Some(300)));
    let ride = &j.legs[0];
    assert_eq!(ride.kind, "ride");
    assert_eq!(ride.line_name.as_deref(), Some("花貫渓谷線"));
    assert_eq!(ride.from_name.as_deref(), Some("高萩駅"));
    assert_eq!(ride.platform.as_deref(), Some("B1"));

    // To Shiomi Falls bridge's coordinates, in English: the bus, then on foot.
    let j = m
        .transit_route(
            "Takahagi Station",
            "36.7405,140.6245",
            d(2026, 11, 22),
            hm(9, 0),
            false,
            Some(Lang::En),
        )
        .unwrap()
        .expect("a journey");
    let kinds: Vec<&str> = j.legs.iter().map(|l| l.kind.as_str()).collect();
    assert_eq!(kinds, ["ride", "walk"]);
    assert_eq!(j.legs[0].to_name.as_deref(), Some("Hananuki Gorge"));
    assert_eq!(j.legs[1].to_name, None);
    assert!(j.walk_minutes > 0 && j.walk_minutes <= 20, "{j:?}");

    // Arrive at Juo by 15:00 on a holiday: the 14:00 bus and the 14:35 train.
    let j = m
        .transit_route("花貫渓谷", "十王駅", d(2026, 11, 23), hm(15, 0), true, None)
        .unwrap()
        .expect("a journey");
    assert_eq!(j.transfers, 1);
    assert_eq!(j.fare_yen, Some(500));
    assert!(j.arrive <= hm(15, 0));
}

#[test]
fn departures_from_the_station_and_typed_errors() {
    let m = Machi::open(OpenOptions::default()).unwrap();
    let b = m
        .transit_departures("高萩駅", d(2026, 11, 22), hm(9, 0), 3, Some(Lang::Ko))
        .unwrap();
    let lines: Vec<(&str, &str, Option<&str>)> = b
        .iter()
        .map(|x| (x.time.as_str(), x.line_name.as_str(), x.platform.as_deref()))
        .collect();
    assert_eq!(
        lines,
        [
            ("9:08", "조반선", Some("1")),
            ("9:15", "하나누키 계곡선", Some("B1")),
            ("9:30", "시내 순환버스", Some("B2")),
        ]
    );
    assert_eq!(b[1].headsign, "하나누키 계곡");
    assert_eq!(b[1].seconds, hm(9, 15));
    assert!(m
        .transit_departures("hananuki_gorge", d(2026, 11, 24), hm(21, 0), 5, None)
        .unwrap()
        .is_empty());

    assert!(matches!(
        m.transit_departures("Nowhere", d(2026, 11, 22), 0, 5, None),
        Err(TransitError::UnknownStop(s)) if s == "Nowhere"
    ));
    assert!(matches!(
        m.transit_route("91,200", "高萩駅", d(2026, 11, 22), 0, false, None),
        Err(TransitError::BadPoint(_))
    ));
    let e: Error = TransitError::UnknownStop("x".into()).into();
    assert!(matches!(e, Error::NotFound { .. }));
}

#[test]
fn the_cached_timetable_follows_a_new_pack() {
    let dir = tempfile::tempdir().unwrap();
    let m = Machi::open(OpenOptions {
        db_path: Some(dir.path().join("machi.sqlite3")),
        ..Default::default()
    })
    .unwrap();
    let first = m.transit_timetable().unwrap();
    assert!(std::sync::Arc::ptr_eq(
        &first,
        &m.transit_timetable().unwrap()
    ));

    // A newer pack of the town without a timetable.
    let key = pack::SigningKey::from_bytes(&[7; 32]);
    let mut town = machi_app::sample_town().unwrap();
    town.meta.pack_version += 1;
    town.transit = None;
    let out = dir.path().join("pack");
    pack::build_pack(&town, &key, &out).unwrap();
    m.import_pack_dir(&out, Some(&key.verifying_key())).unwrap();
    assert!(matches!(
        m.transit_route("高萩駅", "花貫渓谷", d(2026, 11, 22), 0, false, None),
        Err(TransitError::NoTimetable)
    ));
    assert!(matches!(
        Error::from(TransitError::NoTimetable),
        Error::NotFound { .. }
    ));
}
