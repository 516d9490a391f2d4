//! Model courses through the facade on the embedded Takahagi town: budget,
//! congestion on autumn-leaves weekends, must/exclude, infeasible and unknown
//! places, several days, and re-planning after removing a stop.

use chrono::{NaiveDate, NaiveTime};
use machi_app::{
    CourseEdits, CourseMode, CoursePace, CoursePlace, CourseRequest, CourseView, Error, Machi,
    OpenOptions,
};
use machi_common::Lang;
use machi_i18n::Localizer;

fn town() -> Machi {
    Machi::open(OpenOptions::default()).expect("embedded town opens")
}

fn en() -> Localizer {
    Localizer::for_lang(Lang::En)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn at(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("valid time")
}

/// The example: 4 h on foot from the station, nature and history, Sunday 2026-11-22.
fn walk_request() -> CourseRequest {
    CourseRequest {
        date: date(2026, 11, 22),
        start_time: at(10, 0),
        hours: Some(4.0),
        end_time: None,
        start: CoursePlace::Spot("station".into()),
        end: None,
        mode: CourseMode::Walk,
        interests: vec!["nature".into(), "history".into()],
        pace: CoursePace::Normal,
        must_visit: vec![],
        exclude: vec![],
        days: 1,
        max_walk_minutes: None,
        taxi_budget_yen: None,
        bicycle: false,
    }
}

fn stop_ids(v: &CourseView) -> Vec<String> {
    v.main
        .days
        .iter()
        .flat_map(|d| d.stops.iter().map(|s| s.spot_id.clone()))
        .collect()
}

#[test]
fn four_hour_walk_from_the_station_fits_the_budget() {
    let m = town();
    let v = m
        .suggest_course(&walk_request(), &en())
        .expect("a course is found");
    assert!(v.main.stop_count >= 1, "{v:#?}");
    let day = &v.main.days[0];
    assert_eq!(day.depart, at(10, 0));
    assert!(day.arrive <= at(14, 0), "back by 14:00: {}", day.arrive);
    assert_eq!(day.legs.len(), day.stops.len() + 1);
    assert_eq!(day.start_name, day.end_name);
    assert!(day.start_name.contains("Takahagi"), "{}", day.start_name);
    for s in &day.stops {
        assert!(s.arrival <= s.start && s.start <= s.leave);
        assert!(!s.explanations.is_empty(), "{s:#?}");
        // Transport places are never proposed as stops.
        assert_ne!(s.spot_id, "takahagi-station");
        assert_ne!(s.spot_id, "hananuki-parking");
    }
    // Tags are shown by their display names.
    let all = day
        .stops
        .iter()
        .flat_map(|s| s.explanations.clone())
        .collect::<Vec<_>>()
        .join(" | ");
    assert!(
        all.contains("Nature") || all.contains("History"),
        "explanations name the interests: {all}"
    );
    assert!(v.main.total_minutes <= 240);
    assert!(v.alternatives.len() <= 2);
    for leg in &day.legs {
        assert_eq!(leg.mode, CourseMode::Walk);
        assert!(leg.description.contains("Walk"), "{}", leg.description);
    }
}

#[test]
fn autumn_weekend_drive_to_hananuki_reports_the_congestion() {
    let m = town();
    let mut req = walk_request();
    req.mode = CourseMode::Car;
    req.hours = Some(6.0);
    req.must_visit = vec!["hananuki-gorge".into()];
    let v = m.suggest_course(&req, &en()).expect("a course is found");
    assert!(stop_ids(&v).contains(&"hananuki-gorge".to_string()));
    assert!(
        v.main
            .congestion_rules
            .iter()
            .any(|r| r == "hananuki-autumn"),
        "{:?}",
        v.main.congestion_rules
    );
    let rule = v
        .congestion
        .iter()
        .find(|c| c.id == "hananuki-autumn")
        .expect("rule listed");
    assert_eq!(rule.name, "Autumn-leaves traffic");
    assert!(rule.note.contains("Hananuki"), "{}", rule.note);
    let noted_leg = v.main.days.iter().flat_map(|d| &d.legs).any(|l| {
        l.congestion_notes
            .iter()
            .any(|n| n == "Autumn-leaves traffic")
    });
    assert!(noted_leg, "a leg names the slowdown: {:#?}", v.main.days);
    // The gorge road is closed to cars in November: the car park walk is part of the course.
    assert!(v
        .congestion
        .iter()
        .any(|c| c.id == "hananuki-festival-closure"));
    assert!(v
        .main
        .days
        .iter()
        .flat_map(|d| &d.legs)
        .any(|l| l.car_park_walk_minutes > 0));

    // A Tuesday in December: no autumn rule applies.
    req.date = date(2026, 12, 8);
    let quiet = m.suggest_course(&req, &en()).expect("a course is found");
    assert!(quiet.main.congestion_rules.is_empty());
    assert!(quiet.congestion.is_empty());
}

#[test]
fn must_visit_and_exclude_are_honoured() {
    let m = town();
    let mut req = walk_request();
    req.must_visit = vec!["matsuoka-castle".into()];
    let v = m.suggest_course(&req, &en()).expect("a course is found");
    let ids = stop_ids(&v);
    assert!(ids.contains(&"matsuoka-castle".to_string()), "{ids:?}");

    let first = stop_ids(&m.suggest_course(&walk_request(), &en()).expect("course"));
    let mut req = walk_request();
    req.exclude = first.clone();
    let v = m.suggest_course(&req, &en()).expect("another course");
    for id in stop_ids(&v) {
        assert!(!first.contains(&id), "{id} was excluded");
    }
}

#[test]
fn too_little_time_for_a_far_must_visit_is_infeasible_with_a_localized_reason() {
    let m = town();
    let mut req = walk_request();
    req.hours = Some(0.5);
    req.must_visit = vec!["tsuchidake".into()];
    let name = m
        .with_store(|s| Ok(s.spot("tsuchidake")?))
        .expect("store")
        .expect("spot exists")
        .name
        .text_for(&[Lang::En, Lang::Ja])
        .to_string();
    match m.suggest_course(&req, &en()) {
        Err(Error::Infeasible { reason }) => {
            // Either nothing fits at all, or the named spot does not fit.
            assert!(reason.contains("time"), "{reason}");
            assert!(
                reason.contains("not enough time") || reason.contains(&name),
                "{reason} ({name})"
            );
        }
        other => panic!("expected Infeasible, got {other:?}"),
    }
    match m.suggest_course(&req, &Localizer::for_lang(Lang::Ja)) {
        Err(Error::Infeasible { reason }) => {
            assert!(reason.contains("時間"), "{reason}");
        }
        other => panic!("expected Infeasible, got {other:?}"),
    }
}

#[test]
fn unknown_places_are_not_found() {
    let m = town();
    let mut req = walk_request();
    req.start = CoursePlace::Spot("no-such-station".into());
    assert!(matches!(
        m.suggest_course(&req, &en()),
        Err(Error::NotFound { what }) if what == "no-such-station"
    ));
    let mut req = walk_request();
    req.must_visit = vec!["atlantis".into()];
    assert!(matches!(
        m.suggest_course(&req, &en()),
        Err(Error::NotFound { what }) if what == "atlantis"
    ));
}

#[test]
fn two_days_give_two_day_plans_without_repeats() {
    let m = town();
    let mut req = walk_request();
    req.days = 2;
    let v = m.suggest_course(&req, &en()).expect("a course is found");
    assert_eq!(v.main.days.len(), 2);
    assert_eq!(v.main.days[0].date, date(2026, 11, 22));
    assert_eq!(v.main.days[1].date, date(2026, 11, 23));
    let ids = stop_ids(&v);
    let mut uniq = ids.clone();
    uniq.sort();
    uniq.dedup();
    assert_eq!(uniq.len(), ids.len(), "no spot twice: {ids:?}");
}

#[test]
fn replan_after_removing_a_stop_drops_it() {
    let m = town();
    let req = walk_request();
    let first = m.suggest_course(&req, &en()).expect("course");
    let removed = stop_ids(&first)[0].clone();
    let edits = CourseEdits {
        remove: vec![removed.clone()],
        lock: vec![],
    };
    let again = m.replan_course(&req, &edits, &en()).expect("course");
    assert!(!stop_ids(&again).contains(&removed));
    assert!(again.main.stop_count >= 1);
}

#[test]
fn explanations_follow_the_reader_language() {
    let m = town();
    let v = m
        .suggest_course(&walk_request(), &Localizer::for_lang(Lang::Ja))
        .expect("course");
    let text = v.main.days[0]
        .stops
        .iter()
        .flat_map(|s| s.explanations.clone())
        .collect::<String>();
    assert!(text.contains("自然") || text.contains("歴史"), "{text}");
    assert!(
        v.main.days[0].start_name.contains("高萩"),
        "{}",
        v.main.days[0].start_name
    );
}

/// The request with transport: 4 h without a car from the station,
/// buses and a taxi up to ¥5,000, nature and autumn leaves, Sunday 22 Nov.
fn transit_request() -> CourseRequest {
    CourseRequest {
        mode: CourseMode::Transit,
        taxi_budget_yen: Some(5_000),
        interests: vec!["nature".into(), "autumn-leaves".into()],
        ..walk_request()
    }
}

#[test]
fn without_a_car_the_bus_reaches_the_autumn_leaves() {
    let m = town();
    let view = m.suggest_course(&transit_request(), &en()).unwrap();
    let ids = stop_ids(&view);
    assert!(
        ids.iter()
            .any(|i| i == "hananuki-gorge" || i == "shiomi-falls-bridge"),
        "{ids:?}"
    );
    let plan = &view.main;
    assert!(plan.taxi_yen <= 5_000);
    assert!(
        plan.longest_walk_minutes <= 20,
        "{}",
        plan.longest_walk_minutes
    );
    let rides: Vec<_> = plan.days[0].legs.iter().flat_map(|l| &l.rides).collect();
    assert!(!rides.is_empty(), "no bus or train in {ids:?}");
    for leg in &plan.days[0].legs {
        for r in &leg.rides {
            // Its stops and line are named, and the leg's text tells them.
            assert!(!r.line.is_empty() && !r.from_stop.is_empty() && !r.to_stop.is_empty());
            assert!(leg.description.contains(&r.line), "{}", leg.description);
        }
    }
    assert!(plan.transit_yen > 0);
    // The walking planner on the same request never gets there.
    let walk = m.suggest_course(&walk_request(), &en()).unwrap();
    assert!(plan.score >= walk.main.score * 0.999);
}

#[test]
fn a_rental_bicycle_from_the_station_is_back_by_five() {
    let m = town();
    let req = CourseRequest {
        bicycle: true,
        hours: Some(9.0),
        start_time: at(9, 30),
        ..walk_request()
    };
    let view = m.suggest_course(&req, &en()).unwrap();
    let day = &view.main.days[0];
    assert!(day.arrive <= at(17, 0), "{}", day.arrive);
    assert!(day.legs.iter().any(|l| l.mode == CourseMode::Bicycle));
    assert_eq!(view.main.bicycle_yen, 500);
}
