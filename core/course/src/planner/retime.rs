//! The solver's routes walked again with the exact legs of [`Multi::choose`]:
//! each bus or train leg is the timetable's earliest arrival from the minute
//! the visitor leaves, taxis are paid from the budget. A route that no longer
//! fits (a missed last bus, a closing museum) loses its least valuable stop
//! until it does; then stops left out are tried back in wherever the exact
//! timing still allows. The result is checked against the timetable by
//! construction: every ride is one the search found leaving after arrival.

use super::error::PlanError;
use super::multimodal::{Choice, Multi, Pick};
use super::plan::Prepared;
use super::types::{CongestionRule, Mode};
use crate::model::{earliest_start, EPS};

/// Candidates tried back in after a repair, best score first.
const FILL_CANDIDATES: usize = 40;
/// Upper bound on exact re-timings per course (each is a few timetable
/// look-ups, mostly cached): keeps a 300-spot town within its time budget.
const MAX_SIMULATIONS: usize = 2_500;

/// One day walked with exact legs.
#[derive(Debug, Clone)]
pub(crate) struct DayTimed {
    /// `stops + 1` legs.
    pub(crate) legs: Vec<Choice>,
    pub(crate) arrive: Vec<f64>,
    pub(crate) start: Vec<f64>,
    pub(crate) leave: Vec<f64>,
    /// Arrival at the end place.
    pub(crate) end: f64,
}

/// All days walked with exact legs.
#[derive(Debug, Clone)]
pub(crate) struct Timed {
    pub(crate) days: Vec<DayTimed>,
    pub(crate) taxi_yen: u32,
}

/// Where a walk failed: (day, position in the day's route; `len` = the way back).
type Failure = (usize, usize);

/// Walks every day of `routes` with `pick`, in order (the taxi budget carries over).
pub(crate) fn simulate(
    p: &Prepared<'_>,
    m: &Multi<'_>,
    rules: &[CongestionRule],
    routes: &[Vec<usize>],
    pick: Pick,
) -> Result<Timed, Failure> {
    let mut taxi_left = m.budget;
    let mut days = Vec::with_capacity(routes.len());
    for (d, route) in routes.iter().enumerate() {
        let tour = p.inst.tours[d];
        let mut now = tour.start_time;
        let mut at = tour.start_node;
        let mut day = DayTimed {
            legs: Vec::with_capacity(route.len() + 1),
            arrive: Vec::with_capacity(route.len()),
            start: Vec::with_capacity(route.len()),
            leave: Vec::with_capacity(route.len()),
            end: now,
        };
        for (pos, &v) in route.iter().enumerate() {
            let leg = m
                .choose(rules, d, at, v, now, taxi_left, pick)
                .ok_or((d, pos))?;
            let node = &p.inst.nodes[v];
            let start = earliest_start(node.windows_for(d), leg.arrive).ok_or((d, pos))?;
            taxi_left -= if leg.mode == Mode::Taxi { leg.yen } else { 0 };
            day.arrive.push(leg.arrive);
            day.start.push(start);
            day.leave.push(start + node.service);
            now = start + node.service;
            at = v;
            day.legs.push(leg);
        }
        let back = m
            .choose(rules, d, at, tour.end_node, now, taxi_left, pick)
            .ok_or((d, route.len()))?;
        if back.arrive > tour.end_time + EPS {
            return Err((d, route.len()));
        }
        taxi_left -= if back.mode == Mode::Taxi { back.yen } else { 0 };
        day.end = back.arrive;
        day.legs.push(back);
        days.push(day);
    }
    Ok(Timed {
        days,
        taxi_yen: m.budget - taxi_left,
    })
}

/// The thriftier walk when it works, else the fastest.
fn walk_any(
    p: &Prepared<'_>,
    m: &Multi<'_>,
    rules: &[CongestionRule],
    routes: &[Vec<usize>],
) -> Result<Timed, Failure> {
    simulate(p, m, rules, routes, Pick::Prefer)
        .or_else(|_| simulate(p, m, rules, routes, Pick::Earliest))
}

fn score(p: &Prepared<'_>, routes: &[Vec<usize>]) -> f64 {
    routes
        .iter()
        .flatten()
        .map(|&v| p.inst.nodes[v].score)
        .sum()
}

/// Routes that walk with exact legs: repaired by dropping stops, then
/// refilled. Required stops are never dropped; when one would have to be,
/// the request is infeasible.
pub(crate) fn settle(
    p: &Prepared<'_>,
    m: &Multi<'_>,
    rules: &[CongestionRule],
    mut routes: Vec<Vec<usize>>,
) -> Result<(Vec<Vec<usize>>, Timed), PlanError> {
    let mut sims = 0usize;
    let mut timed = loop {
        sims += 2;
        match walk_any(p, m, rules, &routes) {
            Ok(t) => break t,
            Err((d, pos)) => {
                let route = &mut routes[d];
                // The least valuable stop up to the failure (dropping a later
                // one cannot make an earlier leg work).
                let upto = pos.min(route.len().saturating_sub(1));
                let drop = route
                    .iter()
                    .enumerate()
                    .take(upto + 1)
                    .filter(|(_, &v)| !p.cands[v - 2].required)
                    .min_by(|a, b| {
                        p.inst.nodes[*a.1]
                            .score
                            .total_cmp(&p.inst.nodes[*b.1].score)
                    })
                    .map(|(k, _)| k);
                match drop {
                    Some(k) => {
                        route.remove(k);
                    }
                    None => {
                        let required: Vec<String> = route
                            .iter()
                            .filter(|&&v| p.cands[v - 2].required)
                            .map(|&v| p.cands[v - 2].spot.id.clone())
                            .collect();
                        return Err(if required.is_empty() {
                            PlanError::TimeTooShort
                        } else {
                            PlanError::MustVisitInfeasible(required)
                        });
                    }
                }
            }
        }
    };
    // Refill: the best-scoring spots left out, each where it ends the day soonest.
    let mut visited: Vec<bool> = vec![false; p.inst.nodes.len()];
    for &v in routes.iter().flatten() {
        visited[v] = true;
    }
    let mut order: Vec<usize> = (2..p.inst.nodes.len()).filter(|&v| !visited[v]).collect();
    order.sort_by(|a, b| p.inst.nodes[*b].score.total_cmp(&p.inst.nodes[*a].score));
    for v in order.into_iter().take(FILL_CANDIDATES) {
        let mut best: Option<(f64, usize, usize, Timed)> = None;
        for d in 0..routes.len() {
            if p.inst.nodes[v].windows_for(d).is_empty() {
                continue;
            }
            for pos in 0..=routes[d].len() {
                if sims >= MAX_SIMULATIONS {
                    break;
                }
                let mut trial = routes.clone();
                trial[d].insert(pos, v);
                sims += 2;
                if let Ok(t) = walk_any(p, m, rules, &trial) {
                    let cost = t.days[d].end - timed.days[d].end + f64::from(t.taxi_yen) / 1e4;
                    if best.as_ref().is_none_or(|b| cost < b.0) {
                        best = Some((cost, d, pos, t));
                    }
                }
            }
        }
        if let Some((_, d, pos, t)) = best {
            routes[d].insert(pos, v);
            timed = t;
        }
    }
    Ok((routes, timed))
}

/// The better of two settled plans by score, then by less travel.
pub(crate) fn better(
    p: &Prepared<'_>,
    a: (Vec<Vec<usize>>, Timed),
    b: (Vec<Vec<usize>>, Timed),
) -> (Vec<Vec<usize>>, Timed) {
    let (sa, sb) = (score(p, &a.0), score(p, &b.0));
    if sb > sa + EPS {
        b
    } else {
        a
    }
}
