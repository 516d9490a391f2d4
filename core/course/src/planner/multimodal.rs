//! Legs for a visitor without a car: walking up to a limit, buses and trains
//! from the timetable, a taxi within a budget, a rental bicycle.
//!
//! Two views of the same options:
//! * [`Multi::planning_minutes`], one static figure per leg that the TOPTW
//!   solver plans with (a bus leg's figure is a typical door-to-door time
//!   over the day, wait included: the solver's matrices are not time-dependent);
//! * [`Multi::choose`], the exact leg leaving at a given minute: the
//!   timetable's earliest arrival, the taxi's fare against what is left of
//!   the budget. The re-timing (`retime.rs`) walks each day with it, so a
//!   plan never takes a bus that has already left.

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::{NaiveDate, NaiveTime};
use machi_common::{GeoPoint, Lang};
use machi_transit::{Journey, Leg as TLeg, Place as TPlace, Query, Router, SearchParams};

use super::access::{BikeDay, BikeRental, Ride, Taxi, TransitLeg};
use super::hours::Hours;
use super::travel::{DayTravel, Places};
use super::types::{CongestionRule, Mode, PlanRequest, TravelSettings};

/// A leg that cannot be made: planned as this many minutes, so never fits.
pub(crate) const NO_WAY: f64 = 100_000.0;
/// Yen a visitor would pay to save one minute: a taxi is taken when it
/// saves more than its fare is worth at this rate.
const YEN_PER_MINUTE: f64 = 150.0;
/// A walk is preferred to a ride arriving up to this many minutes sooner.
const WALK_PREFERENCE_MINUTES: f64 = 3.0;
/// A taxi within this distance of a rank is taken from the rank, metres.
const STAND_RADIUS_M: f64 = 250.0;
/// Step between the sample departures a bus leg's planning figure comes from.
const SAMPLE_STEP_MINUTES: f64 = 30.0;

/// How [`Multi::choose`] weighs time against money and effort.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pick {
    /// Cheapest sensible: a taxi only when it saves enough, walks preferred.
    Prefer,
    /// Earliest arrival whatever it costs (within the budget).
    Earliest,
}

/// The leg chosen from `i` to `j` leaving at `depart`.
#[derive(Debug, Clone)]
pub(crate) struct Choice {
    pub(crate) depart: f64,
    pub(crate) arrive: f64,
    pub(crate) mode: Mode,
    /// Yen: the bus or train fare, the taxi fare.
    pub(crate) yen: u32,
    /// Minutes on foot within the leg.
    pub(crate) walk: f64,
    /// The rides, for a bus or train leg.
    pub(crate) transit: Option<TransitLeg>,
    /// Congestion rule indices that slowed or diverted a taxi or bicycle.
    pub(crate) rules: Vec<usize>,
    /// Walk from a car park forced by a closure (taxi legs).
    pub(crate) park_walk: f64,
}

/// Exact bus legs by (day, from node, to node, departure minute): the arrival
/// minute and the rides, or `None` when no ride gets there.
type TransitCache = HashMap<(u16, u32, u32, u32), Option<(f64, TransitLeg)>>;

/// Everything one request may ride, per trip day.
pub(crate) struct Multi<'a> {
    n: usize,
    pub(crate) max_walk: f64,
    walk: Vec<f64>,
    metres: Vec<f64>,
    points: Vec<GeoPoint>,
    dates: Vec<NaiveDate>,
    car: Vec<DayTravel>,
    /// Per day: the open rental at the start and the bicycle legs.
    pub(crate) bike: Vec<Option<(BikeDay, DayTravel)>>,
    router: Option<Router<'a>>,
    taxi: Option<&'a Taxi>,
    taxi_wait: Vec<f64>,
    pub(crate) budget: u32,
    lang: Lang,
    /// Exact timetable answers by (day, from, to, departure minute).
    cache: RefCell<TransitCache>,
    /// Per day, the planning figure of each bus leg (`n × n`).
    transit_plan: Vec<Vec<f64>>,
}

/// The request's walking limit: its own, 20 min when it accepts other
/// options, none for a plain walking request.
pub(crate) fn multimodal(req: &PlanRequest) -> Option<f64> {
    if !matches!(req.mode, Mode::Walk | Mode::Transit) {
        return None;
    }
    req.access.walk_limit(req.mode).map(|m| f64::from(m.max(1)))
}

fn clock(seconds: u32) -> NaiveTime {
    NaiveTime::from_num_seconds_from_midnight_opt(seconds.min(86_399), 0).unwrap_or(NaiveTime::MIN)
}

/// A rental open at the start point on `date`: from when to when.
fn bike_day(
    rentals: &[BikeRental],
    start: &GeoPoint,
    end: &GeoPoint,
    date: NaiveDate,
    day_from: f64,
    reach_m: f64,
) -> Option<BikeDay> {
    rentals.iter().enumerate().find_map(|(k, r)| {
        if r.location.distance_m(start) > reach_m {
            return None;
        }
        let back_here = r.location.distance_m(end) <= reach_m;
        let back_elsewhere = rentals
            .iter()
            .any(|o| o.location.distance_m(end) <= reach_m);
        let returnable = match r.return_rule {
            super::access::ReturnRule::SameStation => back_here,
            super::access::ReturnRule::AnyStation => back_here || back_elsewhere,
        };
        if !returnable {
            return None;
        }
        let hours = Hours::parse(&r.opening_hours).ok()?;
        let (open, close) = hours
            .open_intervals(date)
            .into_iter()
            .find(|(a, b)| *a <= day_from && day_from < *b)?;
        Some(BikeDay {
            rental: k,
            open,
            close,
        })
    })
}

/// Inputs of [`Multi::new`] that come from the context.
pub(crate) struct MultiInputs<'a, 'p> {
    pub(crate) places: &'p Places<'p>,
    pub(crate) settings: &'p TravelSettings,
    pub(crate) rules: &'p [CongestionRule],
    pub(crate) transit: Option<&'a machi_transit::Timetable>,
    pub(crate) taxi: Option<&'a Taxi>,
    pub(crate) rentals: &'a [BikeRental],
    pub(crate) lang: Lang,
}

impl<'a> Multi<'a> {
    pub(crate) fn new(
        input: &MultiInputs<'a, '_>,
        req: &PlanRequest,
        max_walk: f64,
        dates: &[NaiveDate],
        day_from: f64,
        day_to: f64,
    ) -> Multi<'a> {
        let places = input.places;
        let n = places.points.len();
        let s = input.settings;
        let mut walk = vec![0.0; n * n];
        let mut metres = vec![0.0; n * n];
        for i in 0..n {
            for j in 0..n {
                let m = places.points[i].distance_m(&places.points[j]) * s.detour_factor;
                metres[i * n + j] = m;
                walk[i * n + j] = m / 1000.0 / s.walk_kmh * 60.0;
            }
        }
        let taxi = if req.mode == Mode::Transit || req.access.taxi_budget_yen.is_some() {
            input.taxi.filter(|_| req.access.taxi_budget_yen.is_some())
        } else {
            None
        };
        let car = if taxi.is_some() {
            dates
                .iter()
                .map(|d| DayTravel::build(places, Mode::Car, s, None, input.rules, *d))
                .collect()
        } else {
            Vec::new()
        };
        let taxi_wait = places
            .points
            .iter()
            .map(|p| {
                taxi.map_or(0.0, |t| {
                    t.stands
                        .iter()
                        .filter(|st| st.location.distance_m(p) <= STAND_RADIUS_M)
                        .map(|st| f64::from(st.wait_minutes))
                        .fold(f64::from(t.call_wait_minutes), f64::min)
                })
            })
            .collect();
        // A rental counts as "at the start" within five minutes' walk.
        let reach_m = s.walk_kmh * 1000.0 / 60.0 * 5.0;
        let bike = dates
            .iter()
            .map(|d| {
                if !req.access.bicycle {
                    return None;
                }
                let day = bike_day(
                    input.rentals,
                    &places.points[0],
                    &places.points[1],
                    *d,
                    day_from,
                    reach_m,
                )?;
                Some((
                    day,
                    DayTravel::build(places, Mode::Bicycle, s, None, input.rules, *d),
                ))
            })
            .collect();
        let router = if req.mode == Mode::Transit {
            input.transit.map(|tt| {
                Router::new(
                    tt,
                    SearchParams {
                        max_walk_min: max_walk as u32,
                        ..SearchParams::default()
                    },
                )
            })
        } else {
            None
        };
        let mut m = Multi {
            n,
            max_walk,
            walk,
            metres,
            points: places.points.clone(),
            dates: dates.to_vec(),
            car,
            bike,
            router,
            taxi,
            taxi_wait,
            budget: req.access.taxi_budget_yen.unwrap_or(0),
            lang: input.lang,
            cache: RefCell::new(HashMap::new()),
            transit_plan: Vec::new(),
        };
        m.transit_plan = (0..dates.len())
            .map(|d| m.transit_estimates(d, day_from, day_to))
            .collect();
        m
    }

    /// Per bus leg, a typical door-to-door time over the day: from each stop
    /// near a place, the second-best of the sample departures every half hour
    /// (so one lucky connection does not make a leg look fast), plus the walks.
    fn transit_estimates(&self, day: usize, day_from: f64, day_to: f64) -> Vec<f64> {
        let n = self.n;
        let mut out = vec![NO_WAY; n * n];
        let Some(router) = &self.router else {
            return out;
        };
        let tt = router.timetable();
        // Stops within the walking limit of each place: (stop, minutes).
        let near: Vec<Vec<(u32, f64)>> = self
            .points
            .iter()
            .map(|p| {
                tt.stops
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s.kind == machi_transit::StopKind::Stop)
                    .filter_map(|(k, s)| {
                        router
                            .walk(p, &s.point)
                            .map(|(secs, _)| (k as u32, f64::from(secs) / 60.0))
                    })
                    .collect()
            })
            .collect();
        let mut used: Vec<u32> = near.iter().flatten().map(|(s, _)| *s).collect();
        used.sort_unstable();
        used.dedup();
        let targets: Vec<TPlace> = used.iter().map(|&s| TPlace::Stop(s)).collect();
        let k = used.len();
        // ride[a * k + b]: minutes from stop used[a] to used[b].
        let mut ride = vec![NO_WAY; k * k];
        let mut samples = Vec::new();
        let mut t = day_from;
        while t < day_to {
            samples.push(t);
            t += SAMPLE_STEP_MINUTES;
        }
        for (a, &s) in used.iter().enumerate() {
            let mut seen: Vec<Vec<f64>> = vec![Vec::new(); k];
            for &t in &samples {
                let q = Query {
                    from: TPlace::Stop(s),
                    to: TPlace::Stop(s),
                    date: self.dates[day],
                    time: (t * 60.0).ceil() as u32,
                    lang: self.lang,
                };
                let Ok(found) = router.earliest_arrivals(&q, &targets) else {
                    continue;
                };
                for (b, j) in found.iter().enumerate() {
                    if let Some(j) = j.as_ref().filter(|j| has_ride(j)) {
                        seen[b].push(f64::from(j.arrive) / 60.0 - t);
                    }
                }
            }
            for (b, mut v) in seen.into_iter().enumerate() {
                v.sort_by(f64::total_cmp);
                if let Some(x) = v.get(1).or(v.first()) {
                    ride[a * k + b] = *x;
                }
            }
        }
        let pos = |s: u32| used.binary_search(&s).ok();
        for i in 0..n {
            for j in 0..n {
                if i == j {
                    continue;
                }
                let mut best = NO_WAY;
                for &(s, wi) in &near[i] {
                    let Some(a) = pos(s) else { continue };
                    for &(s2, wj) in &near[j] {
                        let Some(b) = pos(s2) else { continue };
                        if a != b {
                            best = best.min(wi + ride[a * k + b] + wj);
                        }
                    }
                }
                out[i * n + j] = best;
            }
        }
        out
    }

    /// The static figure the solver plans leg `i → j` of `day` with.
    pub(crate) fn planning_minutes(
        &self,
        rules: &[CongestionRule],
        day: usize,
        i: usize,
        j: usize,
        day_from: f64,
        day_to: f64,
    ) -> f64 {
        let k = i * self.n + j;
        let mut best = NO_WAY;
        if self.walk[k] <= self.max_walk {
            best = self.walk[k];
        }
        if let Some((_, bike)) = &self.bike[day] {
            best = best.min(bike.pessimistic(rules, i, j, day_from, day_to));
        }
        if let Some(t) = self.taxi {
            let fare = t.fare.yen(self.metres[k]);
            if fare <= self.budget {
                let drive = self.car[day].pessimistic(rules, i, j, day_from, day_to);
                best = best.min(self.taxi_wait[i] + drive + f64::from(fare) / YEN_PER_MINUTE);
            }
        }
        if let Some(plan) = self.transit_plan.get(day) {
            best = best.min(plan[k]);
        }
        best
    }

    /// The exact bus or train leg leaving `i` at minute `depart` of `day`.
    fn transit_at(&self, day: usize, i: usize, j: usize, depart: f64) -> Option<(f64, TransitLeg)> {
        let router = self.router.as_ref()?;
        let secs = (depart * 60.0).ceil().max(0.0) as u32;
        let key = (day as u16, i as u32, j as u32, secs.div_ceil(60));
        if let Some(hit) = self.cache.borrow().get(&key) {
            return hit.clone();
        }
        let q = Query {
            from: TPlace::Point(self.points[i]),
            to: TPlace::Point(self.points[j]),
            date: self.dates[day],
            // Whole minutes, so cached answers are exact for the key.
            time: key.3 * 60,
            lang: self.lang,
        };
        let found = router
            .earliest_arrival(&q)
            .ok()
            .flatten()
            .filter(has_ride)
            .map(|j| (f64::from(j.arrive) / 60.0, transit_leg(&j, q.time)))
            // Walks in a row (to a pole, then across the station) are one
            // stretch on foot: the limit holds for the stretch.
            .filter(|(_, leg)| {
                let longest = leg
                    .walk_to_stop_minutes
                    .max(leg.transfer_walk_minutes)
                    .max(leg.walk_from_stop_minutes);
                f64::from(longest) <= self.max_walk
            });
        self.cache.borrow_mut().insert(key, found.clone());
        found
    }

    /// The leg from `i` to `j` of `day` leaving at `depart`, within what is
    /// left of the taxi budget; `None` when no accepted option makes it.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn choose(
        &self,
        rules: &[CongestionRule],
        day: usize,
        i: usize,
        j: usize,
        depart: f64,
        taxi_left: u32,
        pick: Pick,
    ) -> Option<Choice> {
        let k = i * self.n + j;
        let mut options: Vec<(f64, Choice)> = Vec::new();
        let plain = |mode, arrive: f64, walk| Choice {
            depart,
            arrive,
            mode,
            yen: 0,
            walk,
            transit: None,
            rules: Vec::new(),
            park_walk: 0.0,
        };
        if self.walk[k] <= self.max_walk {
            let w = self.walk[k];
            let bias = if pick == Pick::Prefer {
                -WALK_PREFERENCE_MINUTES
            } else {
                0.0
            };
            options.push((depart + w + bias, plain(Mode::Walk, depart + w, w)));
        }
        if let Some((_, bike)) = &self.bike[day] {
            let m = bike.minutes_at(rules, i, j, depart);
            let (mode, _, slow, _) = bike.describe(rules, i, j, depart);
            if mode == Mode::Bicycle {
                let mut c = plain(Mode::Bicycle, depart + m, 0.0);
                c.rules = slow.into_iter().collect();
                options.push((depart + m, c));
            }
        }
        if let Some(t) = self.taxi {
            let fare = t.fare.yen(self.metres[k]);
            let (mode, park, slow, closure) = self.car[day].describe(rules, i, j, depart);
            if fare <= taxi_left && mode == Mode::Car {
                let arrive =
                    depart + self.taxi_wait[i] + self.car[day].minutes_at(rules, i, j, depart);
                let cost = match pick {
                    Pick::Prefer => arrive + f64::from(fare) / YEN_PER_MINUTE,
                    Pick::Earliest => arrive,
                };
                options.push((
                    cost,
                    Choice {
                        depart,
                        arrive,
                        mode: Mode::Taxi,
                        yen: fare,
                        walk: park,
                        transit: None,
                        rules: [slow, closure].into_iter().flatten().collect(),
                        park_walk: park,
                    },
                ));
            }
        }
        if let Some((arrive, leg)) = self.transit_at(day, i, j, depart) {
            let walk = f64::from(
                leg.walk_to_stop_minutes + leg.transfer_walk_minutes + leg.walk_from_stop_minutes,
            );
            options.push((
                arrive,
                Choice {
                    depart,
                    arrive,
                    mode: Mode::Transit,
                    yen: leg.fare_yen.unwrap_or(0),
                    walk,
                    transit: Some(leg),
                    rules: Vec::new(),
                    park_walk: 0.0,
                },
            ));
        }
        options
            .into_iter()
            .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.yen.cmp(&b.1.yen)))
            .map(|(_, c)| c)
    }

    /// The rental used on `day`, if bicycles are.
    pub(crate) fn bike_rental(&self, day: usize) -> Option<usize> {
        self.bike.get(day)?.as_ref().map(|(b, _)| b.rental)
    }
}

fn has_ride(j: &Journey) -> bool {
    j.legs.iter().any(|l| matches!(l, TLeg::Ride(_)))
}

/// A journey as the course shows it: walks around the rides, waits, fares.
fn transit_leg(j: &Journey, asked: u32) -> TransitLeg {
    let mut out = TransitLeg {
        walk_to_stop_minutes: 0,
        rides: Vec::new(),
        walk_from_stop_minutes: 0,
        transfer_walk_minutes: 0,
        wait_minutes: 0,
        fare_yen: j.fare_yen,
    };
    let mut at = asked;
    for leg in &j.legs {
        match leg {
            TLeg::Walk(w) => {
                if out.rides.is_empty() {
                    out.walk_to_stop_minutes += w.minutes;
                } else {
                    out.walk_from_stop_minutes += w.minutes;
                }
                at = w.arrive;
            }
            TLeg::Ride(r) => {
                // A walk after a ride that another ride follows is a change.
                out.transfer_walk_minutes += std::mem::take(&mut out.walk_from_stop_minutes);
                out.wait_minutes += r.depart.saturating_sub(at).div_ceil(60);
                out.rides.push(Ride {
                    line: r.route_name.clone(),
                    headsign: r.headsign.clone(),
                    from_stop: r.from_name.clone(),
                    to_stop: r.to_name.clone(),
                    depart: clock(r.depart),
                    arrive: clock(r.arrive),
                    stops: r.stops,
                    fare_yen: r.fare_yen,
                });
                at = r.arrive;
            }
        }
    }
    out
}
