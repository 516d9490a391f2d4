//! The planner with buses, taxis and bicycles on a small invented town: a
//! station, a gorge 10 km away reached by a sparse bus, a shrine nearby.

use chrono::{NaiveDate, NaiveTime, Timelike};
use machi_common::{GeoPoint, Lang, LocalizedText};
use machi_course::planner::*;
use machi_transit::{FeedFiles, Timetable};

fn pt(lat: f64, lon: f64) -> GeoPoint {
    GeoPoint::new(lat, lon).unwrap()
}

fn spot(id: &str, p: GeoPoint, tags: &[&str], pop: f64, minutes: u32) -> Spot {
    Spot {
        id: id.into(),
        location: p,
        tags: tags.iter().map(|t| t.to_string()).collect(),
        popularity: pop,
        visit_minutes: minutes,
        opening_hours: None,
    }
}

const STATION: (f64, f64) = (36.7140, 140.7130);
const GORGE: (f64, f64) = (36.7500, 140.6200);

fn town() -> Vec<Spot> {
    vec![
        spot("station", pt(STATION.0, STATION.1), &["station"], 0.0, 0),
        spot(
            "gorge",
            pt(GORGE.0, GORGE.1),
            &["nature", "autumn-leaves"],
            0.95,
            60,
        ),
        spot("shrine", pt(36.7170, 140.7160), &["history"], 0.5, 20),
        spot("park", pt(36.7100, 140.7100), &["nature"], 0.3, 30),
    ]
}

/// Bus 1: station 09:10 → gorge 09:40; back 13:00 → 13:30 and 15:00 → 15:30, daily, ¥300.
fn feed() -> Timetable {
    let files: FeedFiles = [
        ("agency.txt", "agency_id,agency_name,agency_url,agency_timezone\nA,町バス,http://example.jp,Asia/Tokyo\n".to_string()),
        ("stops.txt", format!("stop_id,stop_name,stop_lat,stop_lon,zone_id\nST,駅前,{},{},Z\nGO,渓谷入口,{},{},Z\n", STATION.0, STATION.1 + 0.0005, GORGE.0 + 0.002, GORGE.1)),
        ("routes.txt", "route_id,agency_id,route_short_name,route_long_name,route_type\nR,A,,渓谷線,3\n".into()),
        ("trips.txt", "route_id,service_id,trip_id,trip_headsign\nR,ALL,T1,渓谷\nR,ALL,T2,駅\nR,ALL,T3,駅\n".into()),
        ("stop_times.txt", "trip_id,arrival_time,departure_time,stop_id,stop_sequence\n\
            T1,9:10:00,9:10:00,ST,1\nT1,9:40:00,9:40:00,GO,2\n\
            T2,13:00:00,13:00:00,GO,1\nT2,13:30:00,13:30:00,ST,2\n\
            T3,15:00:00,15:00:00,GO,1\nT3,15:30:00,15:30:00,ST,2\n".into()),
        ("calendar.txt", "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\nALL,1,1,1,1,1,1,1,20260101,20271231\n".into()),
        ("fare_attributes.txt", "fare_id,price,currency_type,payment_method,transfers\nF,300,JPY,0,0\n".into()),
        ("fare_rules.txt", "fare_id,route_id,origin_id,destination_id\nF,,Z,Z\n".into()),
    ]
    .into_iter()
    .map(|(n, t)| (n, t.into_bytes()))
    .collect();
    Timetable::from_files(&files).unwrap()
}

fn taxi() -> Taxi {
    Taxi {
        fare: TaxiFare {
            initial_yen: 600,
            initial_metres: 1200,
            step_yen: 100,
            step_metres: 280,
        },
        call_wait_minutes: 15,
        stands: vec![TaxiStand {
            location: pt(STATION.0, STATION.1),
            wait_minutes: 3,
        }],
    }
}

fn rental() -> BikeRental {
    BikeRental {
        id: "station-bikes".into(),
        name: LocalizedText::single(Lang::Ja, "駅レンタサイクル"),
        location: pt(STATION.0, STATION.1),
        opening_hours: "09:00-17:00".into(),
        fee_yen: 500,
        return_rule: ReturnRule::SameStation,
    }
}

fn req(mode: Mode, hours: u32, access: Access) -> PlanRequest {
    PlanRequest {
        // A Sunday.
        date: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        start_time: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        end_time: None,
        budget_minutes: Some(hours * 60),
        start: Place::Spot("station".into()),
        end: None,
        mode,
        interests: vec![("nature".into(), 1.0), ("autumn-leaves".into(), 1.0)],
        pace: Pace::Normal,
        must_visit: vec![],
        exclude: vec![],
        days: 1,
        access,
    }
}

fn cfg() -> PlannerConfig {
    PlannerConfig {
        time_limit_ms: 10_000,
        ..Default::default()
    }
}

fn minutes(t: NaiveTime) -> f64 {
    f64::from(t.num_seconds_from_midnight()) / 60.0
}

/// Legs chain in time, every ride leaves after the visitor reaches the
/// leg's start, no walk is over the limit, and the fares add up.
fn check(c: &Course, max_walk: f64) {
    for day in &c.days {
        assert_eq!(day.legs.len(), day.stops.len() + 1);
        let mut ready = minutes(day.depart);
        for (k, leg) in day.legs.iter().enumerate() {
            assert!(
                minutes(leg.depart) + 0.01 >= ready - 1.0,
                "leg {k} leaves early"
            );
            assert!(
                leg.walk_minutes <= max_walk + 0.5,
                "walk {} > {max_walk}",
                leg.walk_minutes
            );
            if let Some(t) = &leg.transit {
                assert_eq!(leg.mode, Mode::Transit);
                assert!(!t.rides.is_empty());
                assert!(minutes(t.rides[0].depart) >= minutes(leg.depart));
                for w in t.rides.windows(2) {
                    assert!(w[1].depart >= w[0].arrive);
                }
            }
            if k < day.stops.len() {
                let s = &day.stops[k];
                assert!(minutes(s.arrival) <= minutes(s.start) + 0.01);
                ready = minutes(s.leave);
            }
        }
    }
    let taxi: u32 = c
        .days
        .iter()
        .flat_map(|d| &d.legs)
        .filter(|l| l.mode == Mode::Taxi)
        .map(|l| l.fare_yen)
        .sum();
    assert_eq!(taxi, c.taxi_yen);
}

#[test]
fn the_bus_reaches_the_gorge_walking_does_not() {
    let spots = town();
    let tt = feed();
    let ctx = PlanContext {
        spots: &spots,
        transit: Some(&tt),
        ..Default::default()
    };
    let walk = suggest(&ctx, &req(Mode::Walk, 6, Access::default()), &cfg()).unwrap();
    assert!(!walk.main.stop_ids().contains(&"gorge"));
    let bus = suggest(&ctx, &req(Mode::Transit, 6, Access::default()), &cfg()).unwrap();
    check(&bus.main, 20.0);
    assert!(
        bus.main.stop_ids().contains(&"gorge"),
        "{:?}",
        bus.main.stop_ids()
    );
    assert!(bus.main.score >= walk.main.score);
    let rides: Vec<&Ride> = bus.main.days[0]
        .legs
        .iter()
        .filter_map(|l| l.transit.as_ref())
        .flat_map(|t| &t.rides)
        .collect();
    assert_eq!(rides.len(), 2, "there and back by bus");
    assert_eq!(rides[0].depart, NaiveTime::from_hms_opt(9, 10, 0).unwrap());
    assert_eq!(rides[0].line, "渓谷線");
    assert_eq!(rides[0].from_stop, "駅前");
    assert_eq!(bus.main.transit_yen, 600);
    assert!(bus.main.longest_walk_minutes <= 20.0);
}

#[test]
fn a_short_day_misses_the_last_bus_back_and_stays_in_town() {
    let spots = town();
    let tt = feed();
    let ctx = PlanContext {
        spots: &spots,
        transit: Some(&tt),
        ..Default::default()
    };
    // Back by 12:00: the first bus back leaves the gorge at 13:00.
    let c = suggest(&ctx, &req(Mode::Transit, 3, Access::default()), &cfg()).unwrap();
    check(&c.main, 20.0);
    assert!(!c.main.stop_ids().contains(&"gorge"));
    assert!(c.main.days[0].arrive <= NaiveTime::from_hms_opt(12, 0, 0).unwrap());
}

#[test]
fn a_taxi_within_budget_and_the_bus_back() {
    let spots = town();
    let tt = feed();
    let tx = taxi();
    let ctx = PlanContext {
        spots: &spots,
        transit: Some(&tt),
        taxi: Some(&tx),
        ..Default::default()
    };
    let access = Access {
        taxi_budget_yen: Some(5_500),
        ..Default::default()
    };
    // 4 hours (09:00-13:00) is too short for the 09:10 bus out and the
    // 13:00 bus back to fit: the taxi there or back makes the gorge possible.
    let c = suggest(&ctx, &req(Mode::Transit, 5, access.clone()), &cfg()).unwrap();
    check(&c.main, 20.0);
    assert!(c.main.taxi_yen <= 5_500);
    assert!(c.main.stop_ids().contains(&"gorge"));
    // Walking and taxis only, one ride's worth of budget: no way back from the gorge.
    let walk_taxi = suggest(&ctx, &req(Mode::Walk, 5, access), &cfg()).unwrap();
    check(&walk_taxi.main, 20.0);
    assert!(!walk_taxi.main.stop_ids().contains(&"gorge"));
    assert!(walk_taxi.main.taxi_yen <= 5_500);
}

#[test]
fn a_rental_bicycle_goes_back_before_closing() {
    let spots = town();
    let rentals = [rental()];
    let ctx = PlanContext {
        spots: &spots,
        bike_rentals: &rentals,
        ..Default::default()
    };
    let access = Access {
        bicycle: true,
        ..Default::default()
    };
    let mut r = req(Mode::Walk, 10, access);
    r.start_time = NaiveTime::from_hms_opt(9, 30, 0).unwrap();
    let c = suggest(&ctx, &r, &cfg()).unwrap();
    check(&c.main, 20.0);
    let day = &c.main.days[0];
    assert!(day.arrive <= NaiveTime::from_hms_opt(17, 0, 0).unwrap());
    assert!(day.legs.iter().any(|l| l.mode == Mode::Bicycle));
    assert_eq!(c.main.bicycle_yen, 500);
    // Before the counter opens there is no bicycle.
    r.start_time = NaiveTime::from_hms_opt(8, 0, 0).unwrap();
    let early = suggest(&ctx, &r, &cfg()).unwrap();
    assert!(early.main.days[0]
        .legs
        .iter()
        .all(|l| l.mode != Mode::Bicycle));
}

#[test]
fn walking_limit_is_kept_and_plain_walking_unchanged() {
    let spots = town();
    let ctx = PlanContext {
        spots: &spots,
        ..Default::default()
    };
    let limited = Access {
        max_walk_minutes: Some(8),
        ..Default::default()
    };
    let c = suggest(&ctx, &req(Mode::Walk, 4, limited), &cfg()).unwrap();
    check(&c.main, 8.0);
    // Without options the walking planner is the one it always was.
    let plain = suggest(&ctx, &req(Mode::Walk, 4, Access::default()), &cfg()).unwrap();
    assert_eq!(plain.main.transit_yen + plain.main.taxi_yen, 0);
}
