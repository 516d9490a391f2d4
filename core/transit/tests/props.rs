//! Properties of any journey on random feeds: it never leaves a stop before
//! reaching it, never boards a vehicle that has left, keeps the minimum
//! transfer time and the walking limit, rides real connections, and
//! arrives no later than the best single ride between the same stops.

mod common;
use chrono::NaiveDate;
use machi_common::Lang;
use machi_transit::{FeedFiles, Leg, Place, Query, Router, SearchParams, Timetable};
use proptest::prelude::*;

/// Stops as (x, y) metres.
type Stops = Vec<(u32, u32)>;
/// Trips as (start time, [(stop, seconds to the next stop)]).
type Trips = Vec<(u32, Vec<(usize, u32)>)>;

/// A random town: stops on a 3 km square, trips of 2–6 stops every day.
fn feed() -> impl Strategy<Value = (Stops, Trips)> {
    let stops = prop::collection::vec((0u32..3000, 0u32..3000), 3..14);
    stops.prop_flat_map(|stops| {
        let n = stops.len();
        let trip = (
            4 * 3600u32..23 * 3600,
            prop::collection::vec((0..n, 60u32..900), 2..7),
        );
        (Just(stops), prop::collection::vec(trip, 1..25))
    })
}

fn build(stops: &[(u32, u32)], trips: &[(u32, Vec<(usize, u32)>)]) -> Timetable {
    let mut s = String::from("stop_id,stop_name,stop_lat,stop_lon\n");
    for (i, (x, y)) in stops.iter().enumerate() {
        // About 111 m per 0.001° of latitude, 90 m per 0.001° of longitude here.
        s += &format!(
            "P{i},停留所{i},{},{}\n",
            36.0 + *y as f64 / 111_000.0,
            140.0 + *x as f64 / 90_000.0
        );
    }
    let mut t = String::from("route_id,service_id,trip_id,trip_headsign\n");
    let mut st = String::from("trip_id,arrival_time,departure_time,stop_id,stop_sequence\n");
    for (k, (start, calls)) in trips.iter().enumerate() {
        t += &format!("R,ALL,T{k},\n");
        let mut time = *start;
        for (seq, (stop, gap)) in calls.iter().enumerate() {
            let hms = |x: u32| format!("{}:{:02}:{:02}", x / 3600, x % 3600 / 60, x % 60);
            st += &format!(
                "T{k},{},{},P{stop},{}\n",
                hms(time),
                hms(time + 30),
                seq + 1
            );
            time += 30 + gap;
        }
    }
    let files: FeedFiles = [
        ("agency.txt", "agency_name,agency_url,agency_timezone\nバス,http://example.jp,Asia/Tokyo\n".to_string()),
        ("routes.txt", "route_id,route_long_name,route_type\nR,線,3\n".into()),
        ("calendar.txt", "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\nALL,1,1,1,1,1,1,1,20240101,20241231\n".into()),
        ("fare_attributes.txt", "fare_id,price,currency_type\nF,180,JPY\n".into()),
        ("stops.txt", s),
        ("trips.txt", t),
        ("stop_times.txt", st),
    ]
    .into_iter()
    .collect();
    Timetable::from_files(&files).expect("a generated feed reads")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn journeys_are_feasible_and_no_worse_than_one_ride(
        (stops, trips) in feed(),
        from in 0usize..14, to in 0usize..14,
        time in 3 * 3600u32..23 * 3600,
        max_walk in 0u32..15, transfer in 0u32..300,
    ) {
        let tt = build(&stops, &trips);
        let n = stops.len();
        let (from, to) = (from % n, to % n);
        let params = SearchParams { max_walk_min: max_walk, min_transfer_s: transfer, ..SearchParams::default() };
        let router = Router::new(&tt, params);
        let sid = |i: usize| tt.stop_by_id(&format!("P{i}")).unwrap();
        let q = Query {
            from: Place::Stop(sid(from)),
            to: Place::Stop(sid(to)),
            date: NaiveDate::from_ymd_opt(2024, 5, 15).unwrap(),
            time,
            lang: Lang::En,
        };
        let j = router.earliest_arrival(&q).unwrap();

        // The best single ride from `from` to `to`, by brute force.
        let mut best_single: Option<u32> = None;
        for tr in 0..tt.trips.len() as u32 {
            let mut calls: Vec<_> = tt.connections.iter().filter(|c| c.trip == tr).collect();
            calls.sort_by_key(|c| c.seq);
            for (a, ca) in calls.iter().enumerate() {
                if ca.from != sid(from) || ca.dep < time { continue; }
                for cb in &calls[a..] {
                    if cb.to == sid(to) { best_single = Some(best_single.map_or(cb.arr, |b| b.min(cb.arr))); }
                }
            }
        }
        if from == to { best_single = Some(time); }
        if let Some(b) = best_single {
            let j = j.as_ref();
            prop_assert!(j.is_some_and(|j| j.arrive <= b), "single ride arrives {b}, search gave {j:#?}");
        }
        // One scan to every stop gives the same journey to `to` as the single query.
        let all: Vec<Place> = (0..n).map(|i| Place::Stop(sid(i))).collect();
        let many = router.earliest_arrivals(&q, &all).unwrap();
        prop_assert_eq!(many[to].as_ref(), j.as_ref());
        // Leaving by the latest departure for this arrival still arrives by
        // then; a second later does not.
        let by = Query { time: j.as_ref().map_or(time, |j| j.arrive), ..q };
        if let Some(l) = router.latest_departure(&by).unwrap() {
            prop_assert!(l.arrive <= by.time);
            let later = router.earliest_arrival(&Query { time: l.depart + 1, ..q }).unwrap();
            prop_assert!(later.is_none_or(|x| x.arrive > by.time), "{l:#?}");
            if let Some(j) = &j { prop_assert!(l.depart >= j.depart); }
        } else {
            prop_assert!(j.is_none(), "arrives by {} from {time}, yet no latest departure", by.time);
        }
        let Some(j) = j else { return Ok(()); };

        prop_assert!(j.depart >= time);
        let mut at = j.depart;
        let mut last_ride_end: Option<u32> = None;
        for leg in &j.legs {
            prop_assert!(leg.depart() >= at, "leaves before arriving: {j:#?}");
            prop_assert!(leg.arrive() >= leg.depart());
            match leg {
                Leg::Walk(w) => prop_assert!(w.minutes <= max_walk, "{w:?}"),
                Leg::Ride(r) => {
                    // A real connection of that trip at that stop and time, over the day shift.
                    let day = |t: u32, c: u32| t == c || t + 86_400 == c || t == c + 86_400;
                    let boards = tt.connections.iter().any(|c| c.trip == r.trip && c.from == r.from_stop && day(r.depart, c.dep));
                    let alights = tt.connections.iter().any(|c| c.trip == r.trip && c.to == r.to_stop && day(r.arrive, c.arr));
                    prop_assert!(boards && alights, "{r:?}");
                    // Changing, in place or after a walk, takes the minimum transfer time.
                    if let Some(end) = last_ride_end {
                        prop_assert!(r.depart >= end + transfer, "transfer too short: {j:#?}");
                    }
                    last_ride_end = Some(r.arrive);
                    prop_assert_eq!(r.fare_yen, Some(180));
                }
            }
            at = leg.arrive();
        }
        prop_assert_eq!(at, j.arrive);
    }
}
