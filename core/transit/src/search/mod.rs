//! Journeys on a [`Timetable`]: earliest arrival by the Connection Scan
//! Algorithm (Dibbelt et al.), with walking to, from and between stops,
//! a minimum transfer time, and fewer rides preferred when arrivals tie.
//!
//! Walking is modelled, not routed: straight-line distance × a detour
//! factor at a walking speed, each leg at most a given number of minutes.

mod csa;
mod legs;

use chrono::NaiveDate;
use machi_common::{GeoPoint, Lang};

use crate::timetable::{CalendarOptions, StopKind, Timetable};

pub use legs::{Journey, Leg, RideLeg, WalkLeg};

/// How people walk and change, and which calendar rule applies.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SearchParams {
    /// Walking speed in metres per minute (default 80, i.e. 4.8 km/h).
    pub walk_m_per_min: f64,
    /// Street distance over straight-line distance (default 1.3).
    pub detour: f64,
    /// The longest walk of any one leg, in minutes (default 20).
    pub max_walk_min: u32,
    /// The least time between alighting and boarding another vehicle, in
    /// seconds (default 120); a walk between stops takes at least this long.
    pub min_transfer_s: u32,
    /// The calendar rule (holidays as Sundays or not).
    pub calendar: CalendarOptions,
}

impl Default for SearchParams {
    fn default() -> Self {
        SearchParams {
            walk_m_per_min: 80.0,
            detour: 1.3,
            max_walk_min: 20,
            min_transfer_s: 120,
            calendar: CalendarOptions::default(),
        }
    }
}

/// Where a journey starts or ends.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Place {
    /// A stop index; a station stands for all its poles.
    Stop(u32),
    /// A coordinate (walk to or from stops nearby).
    Point(GeoPoint),
}

/// One journey request.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Query {
    /// Where from.
    pub from: Place,
    /// Where to.
    pub to: Place,
    /// The date (local time in Japan).
    pub date: NaiveDate,
    /// Earliest start, seconds after midnight of `date`.
    pub time: u32,
    /// The language for stop, route and headsign names (falling back to Japanese).
    pub lang: Lang,
}

/// A query the timetable cannot answer as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SearchError {
    /// The stop index is not in the timetable.
    #[error("no stop with index {0}")]
    UnknownStop(u32),
}

/// A walk to or from a stop: (stop, seconds, metres).
pub(crate) type Access = (u32, u32, u32);

/// Searches one timetable with fixed [`SearchParams`]. Building it
/// precomputes the walks between stops; keep it and ask many queries.
#[derive(Debug, Clone)]
pub struct Router<'t> {
    tt: &'t Timetable,
    params: SearchParams,
    /// Walks from each stop to every other stop within the walking limit.
    footpaths: Vec<Vec<Access>>,
}

impl<'t> Router<'t> {
    /// A router over `tt`.
    pub fn new(tt: &'t Timetable, params: SearchParams) -> Router<'t> {
        let mut r = Router {
            tt,
            params,
            footpaths: vec![Vec::new(); tt.stops.len()],
        };
        let boardable: Vec<u32> = (0..tt.stops.len() as u32)
            .filter(|&i| tt.stops[i as usize].kind == StopKind::Stop)
            .collect();
        for &a in &boardable {
            let pa = tt.stops[a as usize].point;
            let paths = boardable
                .iter()
                .filter(|&&b| b != a)
                .filter_map(|&b| {
                    r.walk(&pa, &tt.stops[b as usize].point)
                        .map(|(s, m)| (b, s, m))
                })
                .collect();
            r.footpaths[a as usize] = paths;
        }
        r
    }

    /// The timetable searched.
    pub fn timetable(&self) -> &'t Timetable {
        self.tt
    }

    /// The parameters in use.
    pub fn params(&self) -> &SearchParams {
        &self.params
    }

    /// Seconds and metres to walk from `a` to `b`, if within the limit.
    pub fn walk(&self, a: &GeoPoint, b: &GeoPoint) -> Option<(u32, u32)> {
        let metres = a.distance_m(b) * self.params.detour.max(1.0);
        let speed = self.params.walk_m_per_min.max(1.0);
        let secs = (metres / speed * 60.0).ceil();
        if secs <= f64::from(self.params.max_walk_min) * 60.0 {
            Some((secs as u32, metres.round() as u32))
        } else {
            None
        }
    }

    /// The point of a place.
    fn point(&self, p: &Place) -> Result<GeoPoint, SearchError> {
        match p {
            Place::Point(g) => Ok(*g),
            Place::Stop(i) => self
                .tt
                .stops
                .get(*i as usize)
                .map(|s| s.point)
                .ok_or(SearchError::UnknownStop(*i)),
        }
    }

    /// The stops one can board or alight at from a place, with the walk.
    /// A stop is reached without walking; so are a station's poles.
    pub(crate) fn access(&self, p: &Place) -> Result<Vec<Access>, SearchError> {
        let tt = self.tt;
        let mut out: Vec<Access> = Vec::new();
        // A pole: itself and the walks already computed from it.
        if let Place::Stop(i) = p {
            if let (Some(s), Some(paths)) =
                (tt.stops.get(*i as usize), self.footpaths.get(*i as usize))
            {
                if s.kind == StopKind::Stop {
                    out.push((*i, 0, 0));
                    out.extend_from_slice(paths);
                    return Ok(out);
                }
            }
        }
        if let Place::Stop(i) = p {
            let stop = tt
                .stops
                .get(*i as usize)
                .ok_or(SearchError::UnknownStop(*i))?;
            if stop.kind == StopKind::Stop {
                out.push((*i, 0, 0));
            }
            for (j, s) in tt.stops.iter().enumerate() {
                if s.parent == Some(*i) && s.kind == StopKind::Stop {
                    out.push((j as u32, 0, 0));
                }
            }
        }
        let at = self.point(p)?;
        for (j, s) in tt.stops.iter().enumerate() {
            let j = j as u32;
            if s.kind != StopKind::Stop || out.iter().any(|a| a.0 == j) {
                continue;
            }
            if let Some((secs, m)) = self.walk(&at, &s.point) {
                out.push((j, secs, m));
            }
        }
        Ok(out)
    }

    /// The journey arriving earliest, leaving no earlier than the query's
    /// time; among those arriving at the same time, the one with the fewest
    /// rides. A walk alone is the answer when it is allowed and not later.
    /// `Ok(None)` when nothing reaches the destination that day and the next.
    pub fn earliest_arrival(&self, q: &Query) -> Result<Option<Journey>, SearchError> {
        let mut all = csa::earliest_arrivals(self, q, std::slice::from_ref(&q.to))?;
        Ok(all.pop().flatten())
    }

    /// [`Router::earliest_arrival`] from `q.from` to each of `targets` in
    /// one scan (`q.to` is ignored): the cost of a single query, so a
    /// planner can get a whole row of its travel-time matrix at once.
    pub fn earliest_arrivals(
        &self,
        q: &Query,
        targets: &[Place],
    ) -> Result<Vec<Option<Journey>>, SearchError> {
        csa::earliest_arrivals(self, q, targets)
    }

    /// The journey leaving latest that still arrives by `q.time` (seconds
    /// after midnight of `q.date`), searched from midnight of that date:
    /// "when must I leave to be there by 10:00". `Ok(None)` when nothing
    /// leaving that day arrives in time.
    ///
    /// Leaving later never arrives sooner, so the latest start whose
    /// earliest arrival is in time is found by bisection over the start
    /// time: about 17 earliest-arrival scans.
    pub fn latest_departure(&self, q: &Query) -> Result<Option<Journey>, SearchError> {
        let deadline = q.time;
        let at = |t: u32| self.earliest_arrival(&Query { time: t, ..*q });
        let in_time = |j: &Option<Journey>| j.as_ref().is_some_and(|j| j.arrive <= deadline);
        let mut best = at(0)?;
        if !in_time(&best) {
            return Ok(None);
        }
        // Invariant: a start at `lo` arrives in time, one at `hi` does not.
        let (mut lo, mut hi) = (0u32, deadline.saturating_add(1));
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            let j = at(mid)?;
            if in_time(&j) {
                lo = mid;
                best = j;
            } else {
                hi = mid;
            }
        }
        // The journey found from `lo` may leave later than `lo`, never earlier.
        Ok(best)
    }

    /// Up to `count` journeys leaving from `q.time` on, each leaving later
    /// than the one before and arriving earlier than the one after (a
    /// journey that leaves earlier but arrives no sooner is dropped): the
    /// "next buses" list. A walk needs no timetable, so it ends the list.
    pub fn journeys(&self, q: &Query, count: usize) -> Result<Vec<Journey>, SearchError> {
        let mut out: Vec<Journey> = Vec::new();
        let mut at = *q;
        // Leaving later never arrives sooner, so a journey is dominated only
        // by the next one arriving at the same time; one round past `count`
        // settles the last. Each round starts a second after the last
        // departure; the bound covers rounds that only replace.
        for _ in 0..count.saturating_mul(4).saturating_add(4) {
            if out.len() > count {
                break;
            }
            let Some(j) = self.earliest_arrival(&at)? else {
                break;
            };
            let walk_only = !j.legs.iter().any(|l| matches!(l, Leg::Ride(_)));
            at.time = j.depart.saturating_add(1);
            if out.last().is_some_and(|l| l.arrive >= j.arrive) {
                out.pop();
            }
            out.push(j);
            if walk_only {
                break;
            }
        }
        out.truncate(count);
        Ok(out)
    }
}

/// `seconds` after midnight as `H:MM` (e.g. `25:05` past midnight of the next day).
pub fn format_hhmm(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 3600, seconds % 3600 / 60)
}
