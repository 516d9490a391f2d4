//! End-to-end planner tests on a small hand-made town (invented data).

use chrono::{NaiveDate, NaiveTime};
use machi_common::{GeoPoint, Lang, LocalizedText};
use machi_course::planner::*;
use machi_i18n::Localizer;

fn pt(lat: f64, lon: f64) -> GeoPoint {
    GeoPoint::new(lat, lon).unwrap()
}

fn spot(
    id: &str,
    lat: f64,
    lon: f64,
    tags: &[&str],
    pop: f64,
    minutes: u32,
    hours: Option<&str>,
) -> Spot {
    Spot {
        id: id.into(),
        location: pt(lat, lon),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        popularity: pop,
        visit_minutes: minutes,
        opening_hours: hours.map(str::to_string),
    }
}

/// A compact invented town: a station and spots within ~2 km.
fn town() -> Vec<Spot> {
    vec![
        spot("station", 36.7170, 140.7160, &["station"], 0.0, 0, None),
        spot(
            "gorge",
            36.7260,
            140.7050,
            &["nature", "autumn-leaves"],
            0.9,
            60,
            None,
        ),
        spot(
            "museum",
            36.7185,
            140.7185,
            &["history", "art"],
            0.7,
            45,
            Some("Tu-Su 09:00-17:00"),
        ),
        spot("shrine", 36.7150, 140.7200, &["history"], 0.6, 20, None),
        spot(
            "beach",
            36.7100,
            140.7250,
            &["nature", "sea"],
            0.5,
            40,
            None,
        ),
        spot(
            "cafe",
            36.7175,
            140.7150,
            &["food"],
            0.4,
            30,
            Some("Mo-Sa 10:00-18:00"),
        ),
        spot(
            "castle",
            36.7210,
            140.7120,
            &["history"],
            0.8,
            40,
            Some("Mo-Fr 09:00-16:00; PH off"),
        ),
        spot(
            "market",
            36.7160,
            140.7170,
            &["food", "shopping"],
            0.3,
            25,
            Some("Sa,Su 08:00-12:00"),
        ),
        spot(
            "garden",
            36.7195,
            140.7100,
            &["nature"],
            0.45,
            30,
            Some("09:00-11:30"),
        ),
    ]
}

fn req(date: NaiveDate, hours: u32, mode: Mode) -> PlanRequest {
    PlanRequest {
        date,
        start_time: NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
        end_time: None,
        budget_minutes: Some(hours * 60),
        start: Place::Spot("station".into()),
        end: None,
        mode,
        interests: vec![("nature".into(), 1.0), ("history".into(), 1.0)],
        pace: Pace::Normal,
        must_visit: vec![],
        exclude: vec![],
        days: 1,
        access: Default::default(),
    }
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

/// Default search, with a wall-clock cap generous enough that the iteration
/// caps decide (debug builds on a busy machine are slow).
fn cfg() -> PlannerConfig {
    PlannerConfig {
        time_limit_ms: 10_000,
        ..Default::default()
    }
}

fn ctx(spots: &[Spot]) -> PlanContext<'_> {
    PlanContext {
        spots,
        ..Default::default()
    }
}

fn ids(c: &Course) -> Vec<String> {
    c.stop_ids().into_iter().map(str::to_string).collect()
}

/// Times are ordered, legs match stops, and the day fits the budget.
fn assert_consistent(c: &Course, start: NaiveTime, end: NaiveTime) {
    for day in &c.days {
        assert_eq!(day.legs.len(), day.stops.len() + 1);
        let mut prev = day.depart;
        for s in &day.stops {
            assert!(
                prev <= s.arrival && s.arrival <= s.start && s.start <= s.leave,
                "{s:?}"
            );
            prev = s.leave;
        }
        assert!(prev <= day.arrive);
        assert!(day.depart >= start && day.arrive <= end, "{day:?}");
    }
}

#[test]
fn four_hours_on_foot_gives_a_consistent_explained_course() {
    let spots = town();
    // 2026-11-25 is an ordinary Wednesday.
    let s = suggest(&ctx(&spots), &req(d(2026, 11, 25), 4, Mode::Walk), &cfg()).unwrap();
    assert!(!s.main.days[0].stops.is_empty());
    assert_consistent(&s.main, t(10, 0), t(14, 0));
    assert!(!ids(&s.main).contains(&"station".to_string()));
    let loc = Localizer::for_lang(Lang::En);
    let matched = s.main.days[0]
        .stops
        .iter()
        .find_map(|x| {
            x.reasons.iter().find_map(|r| match r {
                Reason::MatchesInterests(tags) => Some((x, tags.clone())),
                _ => None,
            })
        })
        .expect("some stop matches nature or history");
    let text = matched
        .0
        .explain(&loc, &|tag| format!("<{tag}>"))
        .join("; ");
    assert!(
        text.contains("Matches your interests") && text.contains(&format!("<{}>", matched.1[0])),
        "{text}"
    );
    assert!(s.main.days[0].legs.iter().all(|l| l.mode == Mode::Walk));
    assert!(!s.main.days[0].legs[0].describe(&loc).is_empty());
}

#[test]
fn opening_hours_are_respected() {
    let spots = town();
    // Monday 2026-11-30: museum closed (Tu-Su), garden only until 11:30.
    let s = suggest(&ctx(&spots), &req(d(2026, 11, 30), 6, Mode::Walk), &cfg()).unwrap();
    for c in std::iter::once(&s.main).chain(&s.alternatives) {
        assert!(
            !ids(c).contains(&"museum".to_string()),
            "museum is closed on Mondays"
        );
        for stop in &c.days[0].stops {
            if stop.spot_id == "garden" {
                assert!(
                    stop.leave <= t(11, 30),
                    "garden visit must end by closing: {stop:?}"
                );
            }
            if stop.spot_id == "castle" {
                assert!(stop.reasons.contains(&Reason::OpenUntil(t(16, 0))));
            }
        }
    }
}

#[test]
fn japanese_public_holiday_closes_ph_off_spots() {
    let spots = town();
    let mut r = req(d(2026, 11, 23), 6, Mode::Walk); // Labour Thanksgiving Day (Monday)
    r.interests = vec![("history".into(), 2.0)];
    let holiday = suggest(&ctx(&spots), &r, &cfg()).unwrap();
    assert!(!ids(&holiday.main).contains(&"castle".to_string()));
    r.date = d(2026, 11, 24); // ordinary Tuesday
    let workday = suggest(&ctx(&spots), &r, &cfg()).unwrap();
    assert!(ids(&workday.main).contains(&"castle".to_string()));
}

fn leaves_rule(effect: Effect) -> CongestionRule {
    CongestionRule {
        id: "autumn-leaves".into(),
        area_name: LocalizedText::single(Lang::En, "Gorge").with(Lang::Ja, "渓谷"),
        dates: vec![DateRange {
            from: d(2026, 11, 1),
            to: d(2026, 11, 30),
        }],
        weekends_and_holidays_only: true,
        from_time: Some(t(10, 0)),
        to_time: Some(t(15, 0)),
        modes: vec![Mode::Car],
        area: Area::Circle {
            center: pt(36.76, 140.66),
            radius_m: 500.0,
        },
        effect,
    }
}

fn far_town() -> Vec<Spot> {
    // Spots several km apart so cars beat walking.
    vec![
        spot("station", 36.70, 140.70, &[], 0.0, 0, None),
        spot("gorge", 36.76, 140.66, &["nature"], 1.0, 60, None),
        spot("museum", 36.72, 140.74, &["history"], 0.6, 45, None),
    ]
}

#[test]
fn congestion_slows_car_legs_on_autumn_weekends_and_is_reported() {
    let spots = far_town();
    let rules = vec![leaves_rule(Effect::Slowdown { factor: 3.0 })];
    let c = PlanContext {
        spots: &spots,
        congestion: &rules,
        ..Default::default()
    };
    let mut r = req(d(2026, 11, 22), 6, Mode::Car); // Sunday
    r.must_visit = vec!["gorge".into()];
    let sunday = suggest(&c, &r, &cfg()).unwrap();
    assert_eq!(
        sunday.main.congestion_rules,
        vec!["autumn-leaves".to_string()]
    );
    let stop = sunday.main.days[0]
        .stops
        .iter()
        .find(|s| s.spot_id == "gorge")
        .unwrap();
    assert!(stop
        .reasons
        .iter()
        .any(|x| matches!(x, Reason::Congestion { factor, .. } if *factor == 3.0)));
    let ja = Localizer::for_lang(Lang::Ja);
    assert!(stop
        .explain(&ja, &|x| x.to_string())
        .iter()
        .any(|l| l.contains("渓谷")));
    r.date = d(2026, 11, 25); // Wednesday: rule not in force
    let wednesday = suggest(&c, &r, &cfg()).unwrap();
    assert!(wednesday.main.congestion_rules.is_empty());
    let leg_to = |s: &Suggestion| {
        let day = &s.main.days[0];
        let i = day.stops.iter().position(|x| x.spot_id == "gorge").unwrap();
        day.legs[i].minutes
    };
    assert!(
        leg_to(&sunday) > 2.0 * leg_to(&wednesday) - 1e-6
            || sunday.main.travel_minutes > wednesday.main.travel_minutes
    );
}

#[test]
fn closed_to_cars_means_parking_and_walking() {
    let spots = far_town();
    let rules = vec![leaves_rule(Effect::ClosedToCars {
        car_park: pt(36.752, 140.668),
        car_park_name: LocalizedText::single(Lang::En, "Gorge car park"),
    })];
    let c = PlanContext {
        spots: &spots,
        congestion: &rules,
        ..Default::default()
    };
    let mut r = req(d(2026, 11, 22), 6, Mode::Car);
    r.must_visit = vec!["gorge".into()];
    let s = suggest(&c, &r, &cfg()).unwrap();
    let day = &s.main.days[0];
    let i = day.stops.iter().position(|x| x.spot_id == "gorge").unwrap();
    assert!(day.legs[i].car_park_walk_minutes > 5.0, "{:?}", day.legs[i]);
    assert!(day.stops[i]
        .reasons
        .iter()
        .any(|x| matches!(x, Reason::CarPark { .. })));
    let en = Localizer::for_lang(Lang::En);
    assert!(day.stops[i]
        .explain(&en, &|x| x.to_string())
        .iter()
        .any(|l| l.contains("Gorge car park")));
}

#[test]
fn must_visit_and_exclude_are_honoured() {
    let spots = town();
    let mut r = req(d(2026, 11, 25), 4, Mode::Walk);
    r.must_visit = vec!["cafe".into()];
    r.exclude = vec!["gorge".into()];
    let s = suggest(&ctx(&spots), &r, &cfg()).unwrap();
    for c in std::iter::once(&s.main).chain(&s.alternatives) {
        assert!(ids(c).contains(&"cafe".to_string()));
        assert!(!ids(c).contains(&"gorge".to_string()));
    }
    let cafe = s.main.days[0]
        .stops
        .iter()
        .find(|x| x.spot_id == "cafe")
        .unwrap();
    assert!(cafe.reasons.contains(&Reason::Requested));
}

#[test]
fn multi_day_trips_never_repeat_a_spot() {
    let spots = town();
    let mut r = req(d(2026, 11, 21), 3, Mode::Walk); // Saturday and Sunday
    r.days = 2;
    let s = suggest(&ctx(&spots), &r, &cfg()).unwrap();
    assert_eq!(s.main.days.len(), 2);
    assert_eq!(s.main.days[1].date, d(2026, 11, 22));
    let all = ids(&s.main);
    let mut dedup = all.clone();
    dedup.sort();
    dedup.dedup();
    assert_eq!(all.len(), dedup.len());
    assert!(!s.main.days[1].stops.is_empty());
    // The market opens only on weekend mornings; if chosen it starts by 12:00.
    for day in &s.main.days {
        assert_consistent(&s.main, t(10, 0), t(13, 0));
        for stop in &day.stops {
            if stop.spot_id == "market" {
                assert!(stop.start <= t(12, 0));
            }
        }
    }
}

#[test]
fn infeasible_requests_get_typed_localized_reasons() {
    let spots = town();
    let en = Localizer::for_lang(Lang::En);
    let ja = Localizer::for_lang(Lang::Ja);
    let mut r = req(d(2026, 11, 25), 1, Mode::Walk);
    r.budget_minutes = Some(5);
    let e = suggest(&ctx(&spots), &r, &cfg()).unwrap_err();
    assert_eq!(e, PlanError::TimeTooShort);
    assert_ne!(e.localize(&en), e.localize(&ja));

    let closed: Vec<Spot> = vec![
        spot("station", 36.7170, 140.7160, &[], 0.0, 0, None),
        spot(
            "museum",
            36.7185,
            140.7185,
            &["history"],
            0.7,
            45,
            Some("Tu-Su 09:00-17:00"),
        ),
    ];
    let e = suggest(&ctx(&closed), &req(d(2026, 11, 30), 4, Mode::Walk), &cfg()).unwrap_err();
    assert_eq!(e, PlanError::EverythingClosed);
    assert!(e.localize(&en).contains("closed"), "{}", e.localize(&en));

    let mut r = req(d(2026, 11, 25), 4, Mode::Walk);
    r.start = Place::Spot("airport".into());
    let e = suggest(&ctx(&spots), &r, &cfg()).unwrap_err();
    assert_eq!(e, PlanError::UnknownPlace("airport".into()));
    assert!(e.localize(&en).contains("airport"));

    let mut r = req(d(2026, 11, 25), 1, Mode::Walk);
    r.must_visit = vec!["gorge".into(), "beach".into(), "museum".into()];
    let e = suggest(&ctx(&spots), &r, &cfg()).unwrap_err();
    assert!(matches!(e, PlanError::MustVisitInfeasible(ref v) if !v.is_empty()));
    assert!(!e.localize(&Localizer::for_lang(Lang::JaEasy)).is_empty());
}

#[test]
fn replan_removes_and_locks_stops() {
    let spots = town();
    let r = req(d(2026, 11, 25), 4, Mode::Walk);
    let cfg = cfg();
    let first = suggest(&ctx(&spots), &r, &cfg).unwrap();
    let removed = first.main.days[0].stops[0].spot_id.clone();
    let edits = Edits {
        remove: vec![removed.clone()],
        lock: vec!["beach".into()],
    };
    let again = replan(&ctx(&spots), &r, &edits, &cfg).unwrap();
    assert!(!ids(&again.main).contains(&removed));
    assert!(ids(&again.main).contains(&"beach".to_string()));
}

#[test]
fn alternatives_differ_and_runs_repeat_for_a_seed() {
    let spots = town();
    let r = req(d(2026, 11, 25), 4, Mode::Walk);
    let cfg = cfg();
    let a = suggest(&ctx(&spots), &r, &cfg).unwrap();
    let b = suggest(&ctx(&spots), &r, &cfg).unwrap();
    assert_eq!(a, b);
    assert!(!a.alternatives.is_empty());
    for alt in &a.alternatives {
        assert_ne!(ids(alt), ids(&a.main));
        assert_consistent(alt, t(10, 0), t(14, 0));
    }
}
