//! From a request and spots to a suggestion: scoring, windows, travel,
//! solving, re-timing, alternatives and diagnosis of infeasible requests.

use std::collections::BTreeSet;
use std::time::Duration;

use chrono::{Days, NaiveDate, NaiveTime, Timelike};
use machi_common::GeoPoint;

use super::access::{Access, BikeRental, Taxi};
use super::error::PlanError;
use super::hours::Hours;
use super::multimodal::{multimodal, Multi, MultiInputs};
use super::retime::{better, settle, Timed};
use super::travel::{rule_interval, DayTravel, Places};
use super::types::*;
use crate::model::{earliest_start, Instance, Node, TimeWindow, TourSpec, TravelMatrix, EPS};
use crate::solver::{solve, SolverConfig};

/// Everything the planner needs besides the request.
#[derive(Debug, Clone)]
pub struct PlanContext<'a> {
    /// Candidate spots (and any station/hotel used as start or end).
    pub spots: &'a [Spot],
    /// Seasonal congestion declared by the pack.
    pub congestion: &'a [CongestionRule],
    /// Travel-time table for a mode, when the pack has one.
    pub travel_table: Option<&'a TravelTable>,
    /// Speeds and detour factor for estimates.
    pub settings: TravelSettings,
    /// The town's bus and train timetable, for [`Mode::Transit`] requests.
    pub transit: Option<&'a machi_transit::Timetable>,
    /// The town's taxis, for requests with a taxi budget.
    pub taxi: Option<&'a Taxi>,
    /// Rental-bicycle stations, for requests that accept a bicycle.
    pub bike_rentals: &'a [BikeRental],
    /// Language of stop and line names in bus and train legs.
    pub lang: machi_common::Lang,
}

impl Default for PlanContext<'_> {
    /// No spots, rules, tables, timetable, taxis or bicycles; default speeds; Japanese names.
    fn default() -> Self {
        PlanContext {
            spots: &[],
            congestion: &[],
            travel_table: None,
            settings: TravelSettings::default(),
            transit: None,
            taxi: None,
            bike_rentals: &[],
            lang: machi_common::Lang::Ja,
        }
    }
}

const MAX_DAYS: u32 = 14;

fn minute_of(t: NaiveTime) -> f64 {
    f64::from(t.hour() * 60 + t.minute())
}

fn clock(minutes: f64) -> NaiveTime {
    let secs = (minutes * 60.0).round().clamp(0.0, 86_399.0) as u32;
    NaiveTime::from_num_seconds_from_midnight_opt(secs, 0).unwrap_or(NaiveTime::MIN)
}

/// Per-candidate data kept beside the solver instance.
pub(crate) struct Cand<'a> {
    pub(crate) spot: &'a Spot,
    matched: Vec<String>,
    pub(crate) required: bool,
    has_hours: bool,
    /// Open intervals per day (minutes), for explanations.
    open: Vec<Vec<(f64, f64)>>,
}

/// A request made ready for the solver: node 0 start, 1 end, `k + 2` = `cands[k]`.
pub(crate) struct Prepared<'a> {
    pub(crate) inst: Instance,
    pub(crate) cands: Vec<Cand<'a>>,
    travel: Vec<DayTravel>,
    dates: Vec<NaiveDate>,
    day_from: f64,
    day_to: f64,
    base_scores: Vec<f64>,
    unreadable: Vec<String>,
    /// Timetable, taxi and bicycle legs when the request accepts them.
    multi: Option<Multi<'a>>,
}

fn resolve_place(p: &Place, spots: &[Spot]) -> Result<(GeoPoint, Option<usize>), PlanError> {
    match p {
        Place::Point(g) => Ok((*g, None)),
        Place::Spot(id) => spots
            .iter()
            .position(|s| &s.id == id)
            .map(|i| (spots[i].location, Some(i)))
            .ok_or_else(|| PlanError::UnknownPlace(id.clone())),
    }
}

fn prepare<'a>(ctx: &PlanContext<'a>, req: &PlanRequest) -> Result<Prepared<'a>, PlanError> {
    // A town without a timetable still gets its estimated buses.
    let fallback;
    let req = if req.mode == Mode::Transit && ctx.transit.is_none() {
        fallback = PlanRequest {
            mode: Mode::Bus,
            ..req.clone()
        };
        &fallback
    } else {
        req
    };
    if req.days == 0 || req.days > MAX_DAYS {
        return Err(PlanError::InvalidRequest(format!(
            "days must be 1..={MAX_DAYS}"
        )));
    }
    let day_from = minute_of(req.start_time);
    let day_to = match (req.end_time, req.budget_minutes) {
        (Some(t), _) => minute_of(t),
        (None, Some(b)) => (day_from + f64::from(b)).min(1439.0),
        (None, None) => {
            return Err(PlanError::InvalidRequest(
                "need end_time or budget_minutes".into(),
            ))
        }
    };
    if day_to <= day_from {
        return Err(PlanError::TimeTooShort);
    }
    for (tag, w) in &req.interests {
        if !w.is_finite() || *w < 0.0 {
            return Err(PlanError::InvalidRequest(format!(
                "interest {tag} has weight {w}"
            )));
        }
    }
    if ctx.congestion.len() >= usize::from(u16::MAX) {
        return Err(PlanError::InvalidRequest(
            "too many congestion rules".into(),
        ));
    }
    let known = |id: &String| ctx.spots.iter().any(|s| &s.id == id);
    if let Some(bad) = req
        .must_visit
        .iter()
        .chain(&req.exclude)
        .find(|id| !known(id))
    {
        return Err(PlanError::UnknownSpot(bad.clone()));
    }
    if let Some(both) = req.must_visit.iter().find(|id| req.exclude.contains(id)) {
        return Err(PlanError::InvalidRequest(format!(
            "{both} is both required and excluded"
        )));
    }
    let (start_pt, start_spot) = resolve_place(&req.start, ctx.spots)?;
    let (end_pt, end_spot) = match &req.end {
        Some(p) => resolve_place(p, ctx.spots)?,
        None => (start_pt, start_spot),
    };
    let dates: Vec<NaiveDate> = (0..req.days)
        .map(|d| req.date.checked_add_days(Days::new(u64::from(d))))
        .collect::<Option<_>>()
        .ok_or_else(|| PlanError::InvalidRequest("date out of range".into()))?;

    let mut cands = Vec::new();
    let mut unreadable = Vec::new();
    for (i, s) in ctx.spots.iter().enumerate() {
        if Some(i) == start_spot || Some(i) == end_spot || req.exclude.contains(&s.id) {
            continue;
        }
        let required = req.must_visit.contains(&s.id);
        let hours = match &s.opening_hours {
            Some(text) => match Hours::parse(text) {
                Ok(h) => Some(h),
                Err(_) => {
                    // A bad string must not sink the whole plan; report it.
                    unreadable.push(s.id.clone());
                    continue;
                }
            },
            None => None,
        };
        let open = dates
            .iter()
            .map(|d| {
                hours
                    .as_ref()
                    .map_or_else(|| vec![(0.0, 1440.0)], |h| h.open_intervals(*d))
            })
            .collect();
        let matched: Vec<String> = req
            .interests
            .iter()
            .filter(|(tag, w)| *w > 0.0 && s.tags.iter().any(|t| t.eq_ignore_ascii_case(tag)))
            .map(|(tag, _)| tag.clone())
            .collect();
        cands.push(Cand {
            spot: s,
            matched,
            required,
            has_hours: hours.is_some(),
            open,
        });
    }
    if cands.is_empty() {
        return Err(PlanError::NoSpots);
    }
    if let Some(missing) = req
        .must_visit
        .iter()
        .find(|id| !cands.iter().any(|c| &c.spot.id == *id))
    {
        // Required but also the start/end place or unreadable.
        return Err(PlanError::MustVisitInfeasible(vec![missing.clone()]));
    }

    // Scores: popularity and interest match, in whole points.
    let interest_of = |c: &Cand<'_>| -> f64 {
        req.interests
            .iter()
            .filter(|(t, _)| c.matched.contains(t))
            .map(|(_, w)| w)
            .sum()
    };
    let base_scores: Vec<f64> = cands
        .iter()
        .map(|c| {
            let pop = if c.spot.popularity.is_finite() {
                c.spot.popularity.clamp(0.0, 1.0)
            } else {
                0.0
            };
            let interest = if req.interests.is_empty() {
                1.0
            } else if c.matched.is_empty() {
                0.3
            } else {
                1.0 + interest_of(c)
            };
            (100.0 * (0.3 + 0.7 * pop) * interest).round().max(1.0)
        })
        .collect();
    // Required spots outweigh everything else together.
    let big = base_scores.iter().sum::<f64>() + 1.0;

    let mut points = vec![start_pt, end_pt];
    let mut ids: Vec<Option<&str>> = vec![
        start_spot.map(|i| ctx.spots[i].id.as_str()),
        end_spot.map(|i| ctx.spots[i].id.as_str()),
    ];
    for c in &cands {
        points.push(c.spot.location);
        ids.push(Some(c.spot.id.as_str()));
    }
    let places = Places { points, ids };
    let travel: Vec<DayTravel> = dates
        .iter()
        .map(|d| {
            DayTravel::build(
                &places,
                req.mode,
                &ctx.settings,
                ctx.travel_table,
                ctx.congestion,
                *d,
            )
        })
        .collect();
    let n = places.points.len();
    let multi = multimodal(req).map(|max_walk| {
        let input = MultiInputs {
            places: &places,
            settings: &ctx.settings,
            rules: ctx.congestion,
            transit: ctx.transit,
            taxi: ctx.taxi,
            rentals: ctx.bike_rentals,
            lang: ctx.lang,
        };
        Multi::new(&input, req, max_walk, &dates, day_from, day_to)
    });
    let matrices = travel
        .iter()
        .enumerate()
        .map(|(d, t)| {
            TravelMatrix::from_fn(n, |i, j| match &multi {
                Some(m) => m.planning_minutes(ctx.congestion, d, i, j, day_from, day_to),
                None => t.pessimistic(ctx.congestion, i, j, day_from, day_to),
            })
        })
        .collect::<Result<Vec<_>, _>>()?;

    let pace = req.pace.factor();
    let mut nodes = vec![
        Node {
            id: 0,
            score: 0.0,
            service: 0.0,
            windows: vec![vec![TimeWindow::new(day_from, day_to)]],
        },
        Node {
            id: 1,
            score: 0.0,
            service: 0.0,
            windows: vec![vec![TimeWindow::new(day_from, day_to)]],
        },
    ];
    for (k, c) in cands.iter().enumerate() {
        let visit = (f64::from(c.spot.visit_minutes) * pace).round().max(1.0);
        let windows = c
            .open
            .iter()
            .map(|iv| {
                iv.iter()
                    // Latest start = closing time − visit length.
                    .filter(|(a, b)| b - visit >= *a - EPS)
                    .map(|(a, b)| TimeWindow::new(*a, b - visit))
                    .collect()
            })
            .collect();
        let score = base_scores[k] + if c.required { big } else { 0.0 };
        nodes.push(Node {
            id: (k + 2) as u32,
            score,
            service: visit,
            windows,
        });
    }
    // A rented bicycle goes back before the counter closes.
    let tours = (0..dates.len())
        .map(|d| {
            let close = multi
                .as_ref()
                .and_then(|m| m.bike.get(d)?.as_ref().map(|(b, _)| b.close.min(day_to)))
                .unwrap_or(day_to);
            TourSpec {
                start_node: 0,
                end_node: 1,
                start_time: day_from,
                end_time: close,
            }
        })
        .collect();
    let inst = Instance {
        name: "course".into(),
        nodes,
        travel: matrices,
        tours,
    };
    Ok(Prepared {
        inst,
        cands,
        travel,
        dates,
        day_from,
        day_to,
        base_scores,
        unreadable,
        multi,
    })
}

/// One leg as timed: the leg and the arrival at its end.
struct TimedLeg {
    leg: Leg,
    arrive: f64,
}

/// Legs of a route re-timed with the time-dependent congestion (never later
/// than the solver's worst case, so every window still holds).
fn congestion_legs(
    p: &Prepared<'_>,
    rules: &[CongestionRule],
    t: usize,
    route: &[usize],
) -> Vec<TimedLeg> {
    let tt = &p.travel[t];
    let mut out = Vec::with_capacity(route.len() + 1);
    let mut at = 0usize;
    let mut now = p.day_from;
    for &v in route.iter().chain(std::iter::once(&1)) {
        let minutes = tt.minutes_at(rules, at, v, now);
        let (mode, park, slow, closure) = tt.describe(rules, at, v, now);
        let congestion = [slow, closure]
            .into_iter()
            .flatten()
            .map(|r| rules[r].id.clone())
            .collect();
        let arrive = now + minutes;
        out.push(TimedLeg {
            leg: Leg {
                mode,
                minutes,
                car_park_walk_minutes: park,
                congestion,
                depart: clock(now),
                walk_minutes: if mode == Mode::Walk { minutes } else { park },
                fare_yen: 0,
                transit: None,
            },
            arrive,
        });
        if v != 1 {
            let node = &p.inst.nodes[v];
            let start = earliest_start(node.windows_for(t), arrive).unwrap_or(arrive);
            now = start + node.service;
        }
        at = v;
    }
    out
}

/// Legs of a day walked with exact timetable, taxi and bicycle legs.
fn exact_legs(rules: &[CongestionRule], day: &super::retime::DayTimed) -> Vec<TimedLeg> {
    day.legs
        .iter()
        .map(|c| TimedLeg {
            leg: Leg {
                mode: c.mode,
                minutes: c.arrive - c.depart,
                car_park_walk_minutes: c.park_walk,
                congestion: c.rules.iter().map(|&r| rules[r].id.clone()).collect(),
                depart: clock(c.depart),
                walk_minutes: c.walk,
                fare_yen: c.yen,
                transit: c.transit.clone(),
            },
            arrive: c.arrive,
        })
        .collect()
}

/// The reason a congestion rule gives for a leg, if it is worth telling.
fn congestion_reason(rule: &CongestionRule, leg: &Leg) -> Option<Reason> {
    match &rule.effect {
        Effect::Slowdown { factor } => {
            let (from, to) = rule_interval(rule);
            Some(Reason::Congestion {
                rule: rule.id.clone(),
                area_name: rule.area_name.clone(),
                factor: *factor,
                from: (from > 0.0).then(|| clock(from)),
                to: (to < 1440.0).then(|| clock(to)),
            })
        }
        // Walking between two spots inside the closed area needs no car-park note.
        Effect::ClosedToCars { .. } if leg.car_park_walk_minutes <= 0.0 => None,
        Effect::ClosedToCars { car_park_name, .. } => Some(Reason::CarPark {
            rule: rule.id.clone(),
            car_park_name: car_park_name.clone(),
            walk_minutes: leg.car_park_walk_minutes.round(),
        }),
    }
}

/// Builds the user-facing course from solver routes: legs re-timed with
/// the congestion rules, or taken from the exact walk when the request
/// rides the timetable, a taxi or a bicycle.
fn build_course(
    p: &Prepared<'_>,
    ctx: &PlanContext<'_>,
    routes: &[Vec<usize>],
    timed: Option<&Timed>,
) -> Course {
    let rules = ctx.congestion;
    let mut days = Vec::new();
    let (mut visit_m, mut travel_m, mut wait_m, mut score) = (0.0, 0.0, 0.0, 0.0);
    let mut used_rules = BTreeSet::new();
    let mut bicycle_yen = 0u32;
    for (t, route) in routes.iter().enumerate() {
        let legs_timed = match timed.and_then(|x| x.days.get(t)) {
            Some(day) => exact_legs(rules, day),
            None => congestion_legs(p, rules, t, route),
        };
        let mut stops = Vec::new();
        let mut legs = Vec::new();
        let mut now = p.day_from;
        let mut timed_legs = legs_timed.into_iter();
        for &v in route {
            let Some(TimedLeg {
                leg,
                arrive: arrival,
            }) = timed_legs.next()
            else {
                break;
            };
            used_rules.extend(leg.congestion.iter().cloned());
            let node = &p.inst.nodes[v];
            // The plan was feasible with these (or worse) times, so this holds.
            let start = earliest_start(node.windows_for(t), arrival).unwrap_or(arrival);
            let leave = start + node.service;
            let c = &p.cands[v - 2];
            let mut reasons = Vec::new();
            if c.required {
                reasons.push(Reason::Requested);
            }
            if !c.matched.is_empty() {
                reasons.push(Reason::MatchesInterests(c.matched.clone()));
            } else if c.spot.popularity >= 0.5 {
                reasons.push(Reason::Popular);
            }
            if c.has_hours {
                if let Some((_, close)) = c.open[t]
                    .iter()
                    .find(|(a, b)| *a <= start + EPS && start <= *b)
                {
                    reasons.push(Reason::OpenUntil(clock(*close)));
                }
            } else {
                reasons.push(Reason::AlwaysOpen);
            }
            for id in &leg.congestion {
                let reason = rules
                    .iter()
                    .find(|r| &r.id == id)
                    .and_then(|r| congestion_reason(r, &leg));
                if let Some(r) = reason.filter(|r| !reasons.contains(r)) {
                    reasons.push(r);
                }
            }
            travel_m += arrival - now;
            wait_m += start - arrival;
            visit_m += node.service;
            score += p.base_scores[v - 2];
            legs.push(leg);
            stops.push(Stop {
                spot_id: c.spot.id.clone(),
                arrival: clock(arrival),
                start: clock(start),
                leave: clock(leave),
                wait_minutes: (start - arrival).max(0.0),
                reasons,
            });
            now = leave;
        }
        let Some(TimedLeg { leg, arrive }) = timed_legs.next() else {
            continue;
        };
        used_rules.extend(leg.congestion.iter().cloned());
        // A slowdown on the way back is told at the last stop.
        if let Some(last) = stops.last_mut() {
            for id in &leg.congestion {
                let reason = rules
                    .iter()
                    .find(|r| &r.id == id)
                    .filter(|r| matches!(r.effect, Effect::Slowdown { .. }))
                    .and_then(|r| congestion_reason(r, &leg));
                if let Some(r) = reason.filter(|r| !last.reasons.contains(r)) {
                    last.reasons.push(r);
                }
            }
        }
        travel_m += arrive - now;
        legs.push(leg);
        if legs.iter().any(|l| l.mode == Mode::Bicycle) {
            if let Some(r) = p
                .multi
                .as_ref()
                .and_then(|m| m.bike_rental(t))
                .and_then(|k| ctx.bike_rentals.get(k))
            {
                bicycle_yen = bicycle_yen.saturating_add(r.fee_yen);
            }
        }
        days.push(DayPlan {
            date: p.dates[t],
            depart: clock(p.day_from),
            arrive: clock(arrive),
            stops,
            legs,
        });
    }
    let all_legs = || days.iter().flat_map(|d: &DayPlan| &d.legs);
    let (transit_yen, taxi_yen) = all_legs().fold((0u32, 0u32), |(tr, tx), l| match l.mode {
        Mode::Taxi => (tr, tx.saturating_add(l.fare_yen)),
        _ => (tr.saturating_add(l.fare_yen), tx),
    });
    let walk_minutes = all_legs().map(|l| l.walk_minutes).sum();
    let longest_walk_minutes = all_legs()
        .map(Leg::longest_walk_minutes)
        .fold(0.0, f64::max);
    Course {
        transit_yen,
        taxi_yen,
        bicycle_yen,
        walk_minutes,
        longest_walk_minutes,
        days,
        score,
        visit_minutes: visit_m,
        travel_minutes: travel_m,
        wait_minutes: wait_m,
        congestion_rules: used_rules.into_iter().collect(),
    }
}

fn solve_routes(
    inst: &Instance,
    seed: u64,
    iterations: u64,
    limit_ms: u64,
) -> Result<Vec<Vec<usize>>, PlanError> {
    let cfg = SolverConfig {
        seed,
        time_limit: Some(Duration::from_millis(limit_ms.max(1))),
        max_iterations: Some(iterations),
    };
    let sol = solve(inst, &cfg)?;
    // Defensive: only ever hand out routes the independent checker accepts.
    crate::check::check_solution(inst, &sol.routes)
        .map_err(|e| PlanError::InvalidRequest(format!("internal: infeasible route {e}")))?;
    Ok(sol.routes)
}

fn diagnose(p: &Prepared<'_>) -> PlanError {
    let any_open = p.cands.iter().enumerate().any(|(k, _)| {
        let node = &p.inst.nodes[k + 2];
        (0..p.dates.len()).any(|t| {
            node.windows_for(t)
                .iter()
                .any(|w| w.close >= p.day_from && w.open <= p.day_to)
        })
    });
    if any_open {
        PlanError::TimeTooShort
    } else {
        PlanError::EverythingClosed
    }
}

/// Suggests a course and up to `config.alternatives` alternatives.
///
/// Deterministic for the same inputs and `config.seed` as long as the
/// iteration caps (not the safety time cap) end each search.
pub fn suggest(
    ctx: &PlanContext<'_>,
    req: &PlanRequest,
    config: &PlannerConfig,
) -> Result<Suggestion, PlanError> {
    let mut p = prepare(ctx, req)?;
    let routes = solve_routes(
        &p.inst,
        config.seed,
        config.iterations,
        config.time_limit_ms,
    )?;
    let (routes, timed) = match &p.multi {
        None => (routes, None),
        Some(m) => {
            let planned = settle(&p, m, ctx.congestion, routes);
            // The walking planner's course (same walking limit) walked with
            // the same legs: a visitor who accepts more than walking never
            // gets less than walking alone would give.
            let walk_req = PlanRequest {
                mode: Mode::Walk,
                access: Access {
                    max_walk_minutes: Some(m.max_walk as u32),
                    ..Access::default()
                },
                ..req.clone()
            };
            let walked = prepare(ctx, &walk_req)
                .and_then(|w| {
                    solve_routes(
                        &w.inst,
                        config.seed,
                        config.iterations,
                        config.time_limit_ms,
                    )
                })
                .and_then(|r| settle(&p, m, ctx.congestion, r));
            let (routes, timed) = match (planned, walked) {
                (Ok(a), Ok(b)) => better(&p, a, b),
                (Ok(a), Err(_)) | (Err(_), Ok(a)) => a,
                (Err(e), Err(_)) => return Err(e),
            };
            (routes, Some(timed))
        }
    };
    let visited: BTreeSet<usize> = routes.iter().flatten().copied().collect();
    if visited.is_empty() {
        return Err(diagnose(&p));
    }
    let missing: Vec<String> = p
        .cands
        .iter()
        .enumerate()
        .filter(|(k, c)| c.required && !visited.contains(&(k + 2)))
        .map(|(_, c)| c.spot.id.clone())
        .collect();
    if !missing.is_empty() {
        return Err(PlanError::MustVisitInfeasible(missing));
    }
    let main = build_course(&p, ctx, &routes, timed.as_ref());
    let mut alternatives = Vec::new();
    let mut used: Vec<BTreeSet<usize>> = vec![visited];
    let original: Vec<f64> = p.inst.nodes.iter().map(|n| n.score).collect();
    for a in 0..config.alternatives.min(2) {
        // Make spots already proposed less attractive, so the next course
        // trades some of them for others (required spots keep their weight).
        for (v, node) in p.inst.nodes.iter_mut().enumerate().skip(2) {
            let seen = used.iter().filter(|s| s.contains(&v)).count() as i32;
            node.score = if p.cands[v - 2].required {
                original[v]
            } else {
                (original[v] * 0.35f64.powi(seen)).max(1.0)
            };
        }
        let alt = solve_routes(
            &p.inst,
            config.seed.wrapping_add(a as u64 + 1),
            config.alt_iterations,
            config.time_limit_ms,
        )?;
        let (alt, alt_timed) = match &p.multi {
            None => (alt, None),
            Some(m) => match settle(&p, m, ctx.congestion, alt) {
                Ok((r, t)) => (r, Some(t)),
                Err(_) => continue,
            },
        };
        let set: BTreeSet<usize> = alt.iter().flatten().copied().collect();
        let differs = used.iter().all(|u| {
            let diff = u.symmetric_difference(&set).count();
            diff * 10 >= 3 * u.len().max(set.len()) && diff >= 1
        });
        let complete = p
            .cands
            .iter()
            .enumerate()
            .all(|(k, c)| !c.required || set.contains(&(k + 2)));
        if set.is_empty() || !differs || !complete {
            continue;
        }
        let course = build_course(&p, ctx, &alt, alt_timed.as_ref());
        used.push(set);
        alternatives.push(course);
    }
    Ok(Suggestion {
        main,
        alternatives,
        unreadable_hours: std::mem::take(&mut p.unreadable),
    })
}

/// Re-plans after the user removed or locked stops: removed stops become
/// excluded, locked ones must-visit; everything else is as in `req`.
pub fn replan(
    ctx: &PlanContext<'_>,
    req: &PlanRequest,
    edits: &Edits,
    config: &PlannerConfig,
) -> Result<Suggestion, PlanError> {
    let mut r = req.clone();
    for id in &edits.remove {
        if !r.exclude.contains(id) {
            r.exclude.push(id.clone());
        }
        r.must_visit.retain(|m| m != id);
    }
    for id in &edits.lock {
        if !r.must_visit.contains(id) {
            r.must_visit.push(id.clone());
        }
    }
    suggest(ctx, &r, config)
}
