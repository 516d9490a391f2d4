//! The connection search on the handwritten feed of `common`: transfers
//! with walking and a minimum transfer time, trips past midnight, walking
//! alone, fares over two rides, names in other languages.

mod common;
use chrono::NaiveDate;
use machi_common::{GeoPoint, Lang};
use machi_transit::{format_hhmm, Journey, Leg, Place, Query, Router, SearchError, SearchParams};

fn q(
    tt: &machi_transit::Timetable,
    from: &str,
    to: &str,
    date: (i32, u32, u32),
    hhmm: (u32, u32),
) -> Query {
    Query {
        from: Place::Stop(tt.stop_by_id(from).unwrap()),
        to: Place::Stop(tt.stop_by_id(to).unwrap()),
        date: NaiveDate::from_ymd_opt(date.0, date.1, date.2).unwrap(),
        time: hhmm.0 * 3600 + hhmm.1 * 60,
        lang: Lang::Ja,
    }
}

fn rides(j: &Journey) -> Vec<(String, String, String, String)> {
    j.legs
        .iter()
        .filter_map(|l| match l {
            Leg::Ride(r) => Some((
                r.from_name.clone(),
                format_hhmm(r.depart),
                r.to_name.clone(),
                format_hhmm(r.arrive),
            )),
            Leg::Walk(_) => None,
        })
        .collect()
}

#[test]
fn a_transfer_waits_for_the_walk_and_the_minimum_time() {
    let tt = common::read(&common::base()).unwrap();
    // At most 10 minutes per walk: 駅 → 病院東 (18 minutes) is too far.
    let walk10 = SearchParams {
        max_walk_min: 10,
        ..SearchParams::default()
    };
    let router = Router::new(&tt, walk10);
    // Wednesday 10 January 2024, from the station (both poles) at 7:50.
    let j = router
        .earliest_arrival(&q(&tt, "S", "D", (2024, 1, 10), (7, 50)))
        .unwrap()
        .unwrap();
    // The 8:11 from 病院東 leaves before the 3-minute walk from 病院 ends: the 8:15.
    assert_eq!(
        rides(&j),
        [
            ("駅".into(), "8:00".into(), "病院".into(), "8:10".into()),
            ("病院東".into(), "8:15".into(), "丘".into(), "8:40".into())
        ]
    );
    let Leg::Walk(w) = &j.legs[1] else {
        panic!("{j:#?}")
    };
    assert_eq!((w.from, w.to), (tt.stop_by_id("B"), tt.stop_by_id("B2")));
    assert_eq!(w.minutes, 3);
    assert!((200..260).contains(&w.metres), "{w:?}");
    assert_eq!(j.transfers, 1);
    // Z1 → Z2 ¥300, then Z2 → Z2 ¥200.
    assert_eq!(j.fare_yen, Some(500));
    assert_eq!((j.depart, j.arrive), (8 * 3600, 8 * 3600 + 40 * 60));

    // Running (36 s from 病院 to 病院東, walks of 3 minutes at most): the
    // 2-minute minimum transfer still misses the 8:11; without it, caught.
    let run = SearchParams {
        walk_m_per_min: 400.0,
        max_walk_min: 3,
        ..SearchParams::default()
    };
    let query = q(&tt, "S", "D", (2024, 1, 10), (7, 50));
    let j = Router::new(&tt, run)
        .earliest_arrival(&query)
        .unwrap()
        .unwrap();
    assert_eq!(format_hhmm(j.arrive), "8:40");
    let run0 = SearchParams {
        min_transfer_s: 0,
        ..run
    };
    let j = Router::new(&tt, run0)
        .earliest_arrival(&query)
        .unwrap()
        .unwrap();
    assert_eq!(format_hhmm(j.arrive), "8:30");
    assert_eq!(j.transfers, 1);
    // With the default 20-minute walks, walking to 病院東 for the 8:11 is better still.
    let j = Router::new(&tt, SearchParams::default())
        .earliest_arrival(&query)
        .unwrap()
        .unwrap();
    assert_eq!(
        rides(&j),
        [("病院東".into(), "8:11".into(), "丘".into(), "8:30".into())]
    );
    assert!(
        matches!(&j.legs[0], Leg::Walk(w) if w.minutes == 19),
        "{j:#?}"
    );
}

#[test]
fn trips_after_midnight_belong_to_the_day_before() {
    let tt = common::read(&common::base()).unwrap();
    let router = Router::new(&tt, SearchParams::default());
    // 0:10 on Wednesday: Tuesday's 24:30 bus, i.e. 0:30.
    let j = router
        .earliest_arrival(&q(&tt, "S1", "C", (2024, 1, 10), (0, 10)))
        .unwrap()
        .unwrap();
    assert_eq!(
        rides(&j),
        [("駅".into(), "0:30".into(), "公園".into(), "0:45".into())]
    );
    // 0:10 on Sunday: Saturday has no service, so Monday's 8:00 (32:00 from Sunday's midnight).
    let j = router
        .earliest_arrival(&q(&tt, "S1", "C", (2024, 1, 7), (0, 10)))
        .unwrap()
        .unwrap();
    assert_eq!(
        rides(&j),
        [("駅".into(), "32:00".into(), "公園".into(), "32:20".into())]
    );
    // 0:10 on Saturday: Friday's 24:30 still runs.
    let j = router
        .earliest_arrival(&q(&tt, "S1", "C", (2024, 1, 6), (0, 10)))
        .unwrap()
        .unwrap();
    assert_eq!(format_hhmm(j.arrive), "0:45");
    // Outside the calendar, nothing.
    let none = router
        .earliest_arrival(&q(&tt, "S1", "C", (2025, 6, 4), (7, 0)))
        .unwrap();
    assert!(none.is_none());
}

#[test]
fn a_short_walk_beats_waiting_and_points_walk_to_stops() {
    let tt = common::read(&common::base()).unwrap();
    let router = Router::new(&tt, SearchParams::default());
    // The two poles of the station are 33 m apart: walk.
    let j = router
        .earliest_arrival(&q(&tt, "S1", "S2", (2024, 1, 10), (7, 0)))
        .unwrap()
        .unwrap();
    assert!(
        matches!(j.legs.as_slice(), [Leg::Walk(w)] if w.minutes == 1),
        "{j:#?}"
    );
    assert_eq!(j.fare_yen, Some(0));
    // From a point between the station and the hospital to the park: walk to a stop, ride, arrive.
    let mut query = q(&tt, "S1", "C", (2024, 1, 10), (7, 0));
    query.from = Place::Point(GeoPoint::new(36.002, 140.0).unwrap());
    query.lang = Lang::Ko;
    let j = router.earliest_arrival(&query).unwrap().unwrap();
    assert!(
        matches!(&j.legs[0], Leg::Walk(w) if w.from.is_none() && w.to.is_some()),
        "{j:#?}"
    );
    let Leg::Ride(r) = &j.legs[1] else {
        panic!("{j:#?}")
    };
    // No Korean in the feed: Japanese names.
    assert_eq!(
        (
            r.from_name.as_str(),
            r.headsign.as_str(),
            r.route_name.as_str()
        ),
        ("駅", "公園行", "1")
    );
    assert_eq!(r.stops, 2);
    assert_eq!(j.legs[0].arrive(), r.depart);
    // A walk longer than the limit is never a leg.
    let mut far = query;
    far.from = Place::Point(GeoPoint::new(35.9, 140.0).unwrap());
    assert!(router.earliest_arrival(&far).unwrap().is_none());
    // An unknown stop index is an error, not a panic.
    let mut bad = query;
    bad.to = Place::Stop(999);
    assert_eq!(
        router.earliest_arrival(&bad),
        Err(SearchError::UnknownStop(999))
    );
}

#[test]
fn no_alighting_where_drop_off_is_forbidden() {
    let st = common::base()[4]
        .1
        .replace(
            "trip_id,arrival_time,departure_time,stop_id,stop_sequence",
            "trip_id,arrival_time,departure_time,stop_id,stop_sequence,drop_off_type,pickup_type",
        )
        .replace("T1,8:10:00,8:10:00,B,2", "T1,8:10:00,8:10:00,B,2,1,0");
    let tt = common::read(&common::with("stop_times.txt", Some(&st))).unwrap();
    // The pickup/drop-off flags survive the pack blob.
    let blob = machi_transit::Timetable::from_blob(&tt.to_blob()).unwrap();
    assert_eq!(blob, tt);
    assert!(tt.connections.iter().any(|c| !c.drop_off));
    let router = Router::new(&tt, SearchParams::default());
    let j = router
        .earliest_arrival(&q(&tt, "S1", "B", (2024, 1, 10), (7, 50)))
        .unwrap()
        .unwrap();
    // Ride on to the park and walk back (or walk all the way): never alight at 病院.
    assert!(
        j.legs
            .iter()
            .all(|l| !matches!(l, Leg::Ride(r) if r.to_stop == tt.stop_by_id("B").unwrap())),
        "{j:#?}"
    );
}

#[test]
fn fewer_rides_win_when_arrivals_tie() {
    // T6 駅(S2) 7:55 → 病院 8:05, then T5 病院 8:08 → 公園 8:20: two rides
    // scanned first, arriving with T1's single ride at 8:20.
    let mut f = common::base();
    f[3].1 += "Q,WD,T5,\nQ,WD,T6,\n";
    f[4].1 += "T5,8:08:00,8:08:00,B,1\nT5,8:20:00,8:20:00,C,2\nT6,7:55:00,7:55:00,S2,1\nT6,8:05:00,8:05:00,B,2\n";
    let tt = common::read(&f).unwrap();
    let router = Router::new(
        &tt,
        SearchParams {
            max_walk_min: 0,
            ..SearchParams::default()
        },
    );
    let j = router
        .earliest_arrival(&q(&tt, "S", "C", (2024, 1, 10), (7, 50)))
        .unwrap()
        .unwrap();
    assert_eq!(
        rides(&j),
        [("駅".into(), "8:00".into(), "公園".into(), "8:20".into())],
        "{j:#?}"
    );
    assert_eq!(j.transfers, 0);
    // Without T1, the two rides.
    let j = router
        .earliest_arrival(&q(&tt, "S2", "C", (2024, 1, 10), (7, 50)))
        .unwrap()
        .unwrap();
    assert_eq!(j.transfers, 1, "{j:#?}");
}

#[test]
fn one_scan_answers_many_targets_like_single_queries() {
    let tt = common::read(&common::base()).unwrap();
    let router = Router::new(
        &tt,
        SearchParams {
            max_walk_min: 10,
            ..SearchParams::default()
        },
    );
    let query = q(&tt, "S", "D", (2024, 1, 10), (7, 50));
    let targets: Vec<Place> = ["S2", "B", "B2", "C", "D"]
        .iter()
        .map(|id| Place::Stop(tt.stop_by_id(id).unwrap()))
        .chain([
            Place::Point(GeoPoint::new(36.021, 140.0).unwrap()),
            Place::Point(GeoPoint::new(35.5, 140.0).unwrap()),
        ])
        .collect();
    let many = router.earliest_arrivals(&query, &targets).unwrap();
    assert_eq!(many.len(), targets.len());
    for (t, j) in targets.iter().zip(&many) {
        let single = router.earliest_arrival(&Query { to: *t, ..query }).unwrap();
        assert_eq!(j, &single, "{t:?}");
    }
    assert!(many[..6].iter().all(Option::is_some));
    assert!(many[6].is_none(), "50 km away");
}

#[test]
fn the_next_buses_each_leave_later_and_arrive_sooner_than_the_next() {
    let mut f = common::base();
    // Two more runs of route R; T7 leaves later than T1 and arrives at the same time.
    f[3].1 += "R,WD,T7,\nR,WD,T8,\n";
    f[4].1 += "T7,8:05:00,8:05:00,S1,1\nT7,8:20:00,8:20:00,C,2\nT8,9:00:00,9:00:00,S1,1\nT8,9:20:00,9:20:00,C,2\n";
    let tt = common::read(&f).unwrap();
    let router = Router::new(
        &tt,
        SearchParams {
            max_walk_min: 0,
            ..SearchParams::default()
        },
    );
    let js = router
        .journeys(&q(&tt, "S1", "C", (2024, 1, 10), (7, 0)), 3)
        .unwrap();
    let deps: Vec<String> = js.iter().map(|j| format_hhmm(j.depart)).collect();
    // T1 (8:00 → 8:20) is dominated by T7 (8:05 → 8:20); then T8, then Tuesday night's T2 (24:30).
    assert_eq!(deps, ["8:05", "9:00", "24:30"]);
    assert!(js
        .windows(2)
        .all(|w| w[0].depart < w[1].depart && w[0].arrive < w[1].arrive));
    assert_eq!(
        router
            .journeys(&q(&tt, "S1", "C", (2024, 1, 10), (7, 0)), 1)
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn the_latest_departure_still_arrives_in_time() {
    let tt = common::read(&common::base()).unwrap();
    let router = Router::new(
        &tt,
        SearchParams {
            max_walk_min: 10,
            ..SearchParams::default()
        },
    );
    // To 丘 by 8:45: the 8:00 from 駅, changing to the 8:15.
    let by = q(&tt, "S", "D", (2024, 1, 10), (8, 45));
    let j = router.latest_departure(&by).unwrap().unwrap();
    assert_eq!(
        (format_hhmm(j.depart), format_hhmm(j.arrive)),
        ("8:00".into(), "8:40".into())
    );
    // By 8:39 nothing that day arrives in time (the day starts at midnight).
    assert!(router
        .latest_departure(&q(&tt, "S", "D", (2024, 1, 10), (8, 39)))
        .unwrap()
        .is_none());
    // Journeys serialize for a --json output.
    let json = serde_json::to_value(&j).unwrap();
    assert_eq!(json["legs"][0]["kind"], "ride");
    assert_eq!(json["fare_yen"], 500);
}
