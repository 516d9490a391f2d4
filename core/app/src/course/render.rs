//! The planner's course rendered for the reader: times to the minute,
//! localized labels, legs and totals.

use chrono::{NaiveTime, Timelike};
use machi_course::planner as pl;
use machi_i18n::{Args, Localizer};

use super::*;

pub(super) fn minutes(m: f64) -> u32 {
    if m.is_finite() && m > 0.0 {
        m.round() as u32
    } else {
        0
    }
}

/// Ids of the congestion rules that shaped a course or any of its legs, once each.
pub(super) fn rules_used(c: &pl::Course) -> Vec<&str> {
    let mut ids: Vec<&str> = c.congestion_rules.iter().map(String::as_str).collect();
    for leg in c.days.iter().flat_map(|d| &d.legs) {
        ids.extend(leg.congestion.iter().map(String::as_str));
    }
    let mut seen = Vec::new();
    ids.retain(|id| {
        let fresh = !seen.contains(id);
        seen.push(*id);
        fresh
    });
    ids
}

/// To the nearest whole minute, so shown times agree with leg minutes.
fn to_minute(t: NaiveTime) -> NaiveTime {
    let secs = (t.num_seconds_from_midnight() + 30) / 60 * 60;
    NaiveTime::from_num_seconds_from_midnight_opt(secs.min(86_340), 0).unwrap_or(t)
}

pub(super) fn render_course(
    c: &pl::Course,
    town: &Town,
    loc: &Localizer,
    start_name: &str,
    end_name: &str,
) -> CoursePlanView {
    let rule_names: BTreeMap<&str, String> = town
        .rules
        .iter()
        .map(|r| (r.id.as_str(), r.name.text_for(loc.chain()).to_string()))
        .collect();
    let label = |t: &str| tag_label(loc, t);
    let days: Vec<CourseDayView> = c
        .days
        .iter()
        .map(|d| CourseDayView {
            date: d.date,
            date_label: loc.date(d.date),
            start_name: start_name.to_string(),
            end_name: end_name.to_string(),
            depart: to_minute(d.depart),
            depart_label: loc.time(to_minute(d.depart)),
            arrive: to_minute(d.arrive),
            arrive_label: loc.time(to_minute(d.arrive)),
            stops: d
                .stops
                .iter()
                .map(|s| CourseStopView {
                    spot_id: s.spot_id.clone(),
                    name: town.name(&s.spot_id, loc),
                    location: town
                        .index(&s.spot_id)
                        .map_or(GeoPoint { lat: 0.0, lon: 0.0 }, |i| town.spots[i].location),
                    arrival: to_minute(s.arrival),
                    start: to_minute(s.start),
                    leave: to_minute(s.leave),
                    arrival_label: loc.time(to_minute(s.arrival)),
                    leave_label: loc.time(to_minute(s.leave)),
                    wait_minutes: minutes(s.wait_minutes),
                    explanations: s.explain(loc, &label),
                })
                .collect(),
            legs: d
                .legs
                .iter()
                .map(|l| {
                    let mut notes: Vec<String> = Vec::new();
                    for id in &l.congestion {
                        let n = rule_names
                            .get(id.as_str())
                            .cloned()
                            .unwrap_or_else(|| id.clone());
                        if !notes.contains(&n) {
                            notes.push(n);
                        }
                    }
                    CourseLegView {
                        mode: l.mode,
                        mode_label: loc.msg(mode_message_id(l.mode), &Args::new()),
                        minutes: minutes(l.minutes),
                        description: l.describe(loc),
                        car_park_walk_minutes: minutes(l.car_park_walk_minutes),
                        congestion_notes: notes,
                        depart_label: loc.time(to_minute(l.depart)),
                        walk_minutes: minutes(l.walk_minutes),
                        fare_yen: l.fare_yen,
                        rides: l
                            .transit
                            .iter()
                            .flat_map(|t| &t.rides)
                            .map(|r| CourseRideView {
                                line: r.line.clone(),
                                headsign: r.headsign.clone(),
                                from_stop: r.from_stop.clone(),
                                to_stop: r.to_stop.clone(),
                                depart_label: loc.time(r.depart),
                                arrive_label: loc.time(r.arrive),
                                depart: r.depart.format("%H:%M").to_string(),
                                arrive: r.arrive.format("%H:%M").to_string(),
                                stops: r.stops,
                                fare_yen: r.fare_yen,
                            })
                            .collect(),
                    }
                })
                .collect(),
        })
        .collect();
    let total: u32 = c
        .days
        .iter()
        .map(|d| minutes((d.arrive - d.depart).num_minutes() as f64))
        .sum();
    let (visit, travel, wait) = (
        minutes(c.visit_minutes),
        minutes(c.travel_minutes),
        minutes(c.wait_minutes),
    );
    let rules: Vec<String> = rules_used(c).into_iter().map(String::from).collect();
    CoursePlanView {
        // A course has a few dozen stops at most; saturate rather than wrap.
        stop_count: u32::try_from(days.iter().map(|d| d.stops.len()).sum::<usize>())
            .unwrap_or(u32::MAX),
        days,
        visit_minutes: visit,
        travel_minutes: travel,
        wait_minutes: wait,
        total_minutes: total,
        totals_label: loc.msg(
            "course-totals",
            &Args::new()
                .str("total", loc.duration(total))
                .str("visit", loc.duration(visit))
                .str("travel", loc.duration(travel)),
        ),
        score: c.score,
        congestion_rules: rules,
        transit_yen: c.transit_yen,
        taxi_yen: c.taxi_yen,
        bicycle_yen: c.bicycle_yen,
        walk_minutes: minutes(c.walk_minutes),
        longest_walk_minutes: minutes(c.longest_walk_minutes),
    }
}
