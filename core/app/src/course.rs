//! Composition of the course capability: the stored spots, congestion rules
//! and measured travel times mapped to the planner's input (cached per
//! content generation), a request resolved against the town's places, and
//! the planner's answer rendered in the reader's language.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use machi_common::GeoPoint;
use machi_content::hours::Hours;
use machi_content::model::{self as cm, CongestionArea, TravelMode};
use machi_course::planner::{
    self as pl, mode_message_id, Area, DateRange, Effect, PlanContext, PlanError, PlanRequest,
    PlannerConfig, TravelSettings, TravelTable,
};
use machi_i18n::{Args, Localizer};
use serde::Serialize;

use crate::content::tag_label;
use crate::error::{Error, Result};
use crate::store::Machi;

pub use machi_course::planner::{Edits as CourseEdits, Mode as CourseMode, Pace as CoursePace};

/// The solver benchmark runner (`machi eval course`): options, report, table.
pub use machi_course::eval::{
    format_table as format_course_eval, run_eval as eval_course, EvalOptions as CourseEvalOptions,
    EvalReport as CourseEvalReport,
};

/// Tags that mark a place for arriving or leaving, not for visiting: a spot
/// carrying only these tags is never proposed as a stop (it can still be the
/// start or end place).
pub(crate) const TRANSPORT_TAGS: [&str; 2] = ["station", "parking"];

/// Step used to find when a congestion rule is in force on a day, minutes.
/// Pack rules are written in whole quarter hours; 5 minutes is finer.
const RULE_SAMPLE_MINUTES: u32 = 5;

/// Per-instance course state: the planner input derived from the store,
/// rebuilt when the content generation changes.
#[derive(Debug, Default)]
pub(crate) struct State {
    cache: Mutex<Option<Arc<Town>>>,
}

/// The town as the planner sees it, for one content generation.
#[derive(Debug)]
struct Town {
    generation: u64,
    /// Stored spots (names, tags), same order as `plan_spots`.
    spots: Vec<cm::Spot>,
    /// The same spots as planner input.
    plan_spots: Vec<pl::Spot>,
    /// Whether each spot may be proposed as a stop.
    visitable: Vec<bool>,
    /// Congestion rules as published.
    rules: Vec<cm::CongestionRule>,
    /// Measured travel times, one table per mode.
    tables: HashMap<CourseMode, TravelTable>,
}

/// A start or end place of a course.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum CoursePlace {
    /// A spot of the town by id (e.g. `takahagi-station`), or a short alias:
    /// a tag carried by exactly one transport place (e.g. `station`).
    Spot(String),
    /// A coordinate.
    Point(GeoPoint),
}

/// What the tourist asks for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CourseRequest {
    /// First day of the trip.
    pub date: NaiveDate,
    /// Departure time each day.
    pub start_time: NaiveTime,
    /// Hours available per day (used when `end_time` is `None`).
    pub hours: Option<f64>,
    /// Time to be back each day.
    pub end_time: Option<NaiveTime>,
    /// Where the course starts.
    pub start: CoursePlace,
    /// Where it ends (`None`: back at the start).
    pub end: Option<CoursePlace>,
    /// How the tourist moves.
    pub mode: CourseMode,
    /// Interest tags (e.g. `nature`, `history`), all weighted equally.
    pub interests: Vec<String>,
    /// Visit pace.
    pub pace: CoursePace,
    /// Spot ids that must be visited.
    pub must_visit: Vec<String>,
    /// Spot ids that must not be visited.
    pub exclude: Vec<String>,
    /// Number of days, at least 1.
    pub days: u32,
}

/// The planner's answer, in the reader's language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CourseView {
    /// The best course found.
    pub main: CoursePlanView,
    /// Up to two courses that differ meaningfully from the main one.
    pub alternatives: Vec<CoursePlanView>,
    /// Congestion rules that shaped any of the courses.
    pub congestion: Vec<CongestionView>,
    /// Spots left out because their opening hours could not be read.
    pub unreadable_hours: Vec<String>,
}

/// One course (all its days).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoursePlanView {
    /// One entry per day.
    pub days: Vec<CourseDayView>,
    /// Number of stops over all days.
    pub stop_count: u32,
    /// Minutes visiting.
    pub visit_minutes: u32,
    /// Minutes travelling.
    pub travel_minutes: u32,
    /// Minutes waiting for openings.
    pub wait_minutes: u32,
    /// Departure to return, summed over days, minutes.
    pub total_minutes: u32,
    /// "Visits 3 h 10 min · travel 45 min …", localized.
    pub totals_label: String,
    /// Ranking score (no unit).
    pub score: f64,
    /// Ids of the congestion rules applied to this course.
    pub congestion_rules: Vec<String>,
}

/// One day of a course.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CourseDayView {
    /// The date.
    pub date: NaiveDate,
    /// The date, localized.
    pub date_label: String,
    /// Start place name.
    pub start_name: String,
    /// End place name.
    pub end_name: String,
    /// Departure.
    pub depart: NaiveTime,
    /// Departure, localized.
    pub depart_label: String,
    /// Return.
    pub arrive: NaiveTime,
    /// Return, localized.
    pub arrive_label: String,
    /// Stops in order.
    pub stops: Vec<CourseStopView>,
    /// `stops.len() + 1` legs: start → first stop … last stop → end.
    pub legs: Vec<CourseLegView>,
}

/// One stop.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CourseStopView {
    /// Spot id.
    pub spot_id: String,
    /// Spot name in the reader's language (fallback chain).
    pub name: String,
    /// Where it is.
    pub location: GeoPoint,
    /// Arrival.
    pub arrival: NaiveTime,
    /// Start of the visit (after any wait).
    pub start: NaiveTime,
    /// Departure.
    pub leave: NaiveTime,
    /// Arrival, localized.
    pub arrival_label: String,
    /// Departure, localized.
    pub leave_label: String,
    /// Minutes waited for opening.
    pub wait_minutes: u32,
    /// Why it is in the course / what to know, localized phrases.
    pub explanations: Vec<String>,
}

/// One travel leg.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CourseLegView {
    /// Mode used.
    pub mode: CourseMode,
    /// Mode name, localized.
    pub mode_label: String,
    /// Minutes, including parking, waiting and congestion.
    pub minutes: u32,
    /// "Walk, 12 min", localized.
    pub description: String,
    /// Minutes walked from or to a car park because of a closure.
    pub car_park_walk_minutes: u32,
    /// Names of the congestion rules that slowed this leg, localized.
    pub congestion_notes: Vec<String>,
}

/// A congestion rule that shaped a course.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CongestionView {
    /// Rule id.
    pub id: String,
    /// Short name, localized.
    pub name: String,
    /// What the tourist should know, localized.
    pub note: String,
}

impl From<machi_course::CourseError> for Error {
    fn from(e: machi_course::CourseError) -> Self {
        Error::InvalidInput {
            reason: e.to_string(),
        }
    }
}

fn plan_mode(m: TravelMode) -> CourseMode {
    match m {
        TravelMode::Walk => CourseMode::Walk,
        TravelMode::Bicycle => CourseMode::Bicycle,
        TravelMode::Car => CourseMode::Car,
        TravelMode::Bus => CourseMode::Bus,
    }
}

fn is_visitable(spot: &cm::Spot) -> bool {
    spot.tags
        .iter()
        .any(|t| !TRANSPORT_TAGS.contains(&t.as_str()))
}

/// Measured times into one full table per mode; a time given one way is
/// used both ways unless the pack gives the reverse too.
fn build_tables(times: &[cm::TravelTime]) -> HashMap<CourseMode, TravelTable> {
    let mut by_mode: HashMap<CourseMode, Vec<&cm::TravelTime>> = HashMap::new();
    for t in times {
        by_mode.entry(plan_mode(t.mode)).or_default().push(t);
    }
    by_mode
        .into_iter()
        .map(|(mode, list)| {
            let mut ids: Vec<String> = list
                .iter()
                .flat_map(|t| [t.from.clone(), t.to.clone()])
                .collect();
            ids.sort();
            ids.dedup();
            let n = ids.len();
            let idx = |id: &str| ids.binary_search_by(|x| x.as_str().cmp(id)).ok();
            let mut minutes = vec![-1.0; n * n];
            for i in 0..n {
                minutes[i * n + i] = 0.0;
            }
            // Reverse direction first, so an explicit time overrides it.
            for t in &list {
                if let (Some(a), Some(b)) = (idx(&t.from), idx(&t.to)) {
                    if minutes[b * n + a] < 0.0 {
                        minutes[b * n + a] = f64::from(t.minutes);
                    }
                }
            }
            for t in &list {
                if let (Some(a), Some(b)) = (idx(&t.from), idx(&t.to)) {
                    minutes[a * n + b] = f64::from(t.minutes);
                }
            }
            (mode, TravelTable { mode, ids, minutes })
        })
        .collect()
}

/// When `when` is in force on `date`: `None` if not at all, else the
/// envelope from the first to the last sampled open minute (`None` bounds =
/// all day).
fn rule_hours_on(hours: &Hours, date: NaiveDate) -> Option<(Option<NaiveTime>, Option<NaiveTime>)> {
    let mut first = None;
    let mut last = None;
    let mut m = 0;
    while m < 1440 {
        let t = NaiveTime::from_num_seconds_from_midnight_opt(m * 60, 0)?;
        if hours.is_open(NaiveDateTime::new(date, t)) {
            first.get_or_insert(m);
            last = Some(m + RULE_SAMPLE_MINUTES);
        }
        m += RULE_SAMPLE_MINUTES;
    }
    let (a, b) = (first?, last?);
    if a == 0 && b >= 1440 {
        return Some((None, None));
    }
    let at = |m: u32| NaiveTime::from_num_seconds_from_midnight_opt(m.min(1439) * 60, 0);
    Some((at(a), at(b)))
}

impl Town {
    fn load(machi: &Machi, generation: u64) -> Result<Town> {
        let (spots, rules, times) = {
            let store = machi.store()?;
            (
                store.all_spots()?,
                store.congestion_rules()?,
                store.travel_times()?,
            )
        };
        let plan_spots = spots
            .iter()
            .map(|s| pl::Spot {
                id: s.id.clone(),
                location: s.location,
                tags: s.tags.clone(),
                popularity: f64::from(s.popularity),
                visit_minutes: s.visit_minutes,
                // `24/7` places are shown as "open at any time", not "until 23:59".
                opening_hours: s.opening_hours.clone().filter(|h| h.trim() != "24/7"),
            })
            .collect();
        let visitable = spots.iter().map(is_visitable).collect();
        Ok(Town {
            generation,
            tables: build_tables(&times),
            spots,
            plan_spots,
            visitable,
            rules,
        })
    }

    fn index(&self, id: &str) -> Option<usize> {
        self.spots.iter().position(|s| s.id == id)
    }

    /// A spot id or alias to a spot index.
    fn resolve_spot(&self, key: &str) -> Result<usize> {
        if let Some(i) = self.index(key) {
            return Ok(i);
        }
        let hubs: Vec<usize> = (0..self.spots.len())
            .filter(|&i| !self.visitable[i] && self.spots[i].tags.iter().any(|t| t == key))
            .collect();
        match hubs.as_slice() {
            [one] => Ok(*one),
            _ => Err(Error::NotFound {
                what: key.to_string(),
            }),
        }
    }

    fn name(&self, id: &str, loc: &Localizer) -> String {
        self.index(id)
            .map(|i| self.spots[i].name.text_for(loc.chain()).to_string())
            .unwrap_or_else(|| id.to_string())
    }

    /// A place name for a rule's area ("heavy traffic around 花貫ダム"): the
    /// most popular spot in the circle, or the first listed spot.
    fn area_name(&self, area: &CongestionArea) -> Option<machi_common::LocalizedText> {
        match area {
            // The best-known sight inside the circle names it best (its
            // centre may fall on a minor spot).
            CongestionArea::Circle { center, radius_m } => self
                .spots
                .iter()
                .filter(|s| is_visitable(s) && s.location.distance_m(center) <= *radius_m)
                .max_by(|a, b| a.popularity.total_cmp(&b.popularity))
                .map(|s| s.name.clone()),
            CongestionArea::Spots { spot_ids } => spot_ids
                .first()
                .and_then(|id| self.index(id))
                .map(|i| self.spots[i].name.clone()),
        }
    }

    /// Pack rules in force on the trip's dates, as planner rules (one per rule
    /// and day, since hours may differ by day).
    fn plan_rules(&self, dates: &[NaiveDate]) -> Vec<pl::CongestionRule> {
        let mut out = Vec::new();
        for r in &self.rules {
            let Ok(hours) = Hours::parse(&r.when) else {
                // An unreadable rule cannot be honoured; the pack validator reports it.
                continue;
            };
            let area = match &r.area {
                CongestionArea::Circle { center, radius_m } => Area::Circle {
                    center: *center,
                    radius_m: *radius_m,
                },
                CongestionArea::Spots { spot_ids } => Area::Spots(spot_ids.clone()),
            };
            let area_name = self.area_name(&r.area).unwrap_or_else(|| r.name.clone());
            let modes: Vec<CourseMode> = r.modes.iter().map(|m| plan_mode(*m)).collect();
            let mut effects = Vec::new();
            if r.closed_to_cars {
                if let Some(park) = r.car_park_spot_id.as_deref().and_then(|id| self.index(id)) {
                    effects.push(Effect::ClosedToCars {
                        car_park: self.spots[park].location,
                        car_park_name: self.spots[park].name.clone(),
                    });
                }
            }
            if r.travel_factor.is_finite() && r.travel_factor > 1.0 {
                effects.push(Effect::Slowdown {
                    factor: r.travel_factor,
                });
            }
            for d in dates {
                let Some((from_time, to_time)) = rule_hours_on(&hours, *d) else {
                    continue;
                };
                for effect in &effects {
                    out.push(pl::CongestionRule {
                        id: r.id.clone(),
                        area_name: area_name.clone(),
                        dates: vec![DateRange { from: *d, to: *d }],
                        weekends_and_holidays_only: false,
                        from_time,
                        to_time,
                        modes: modes.clone(),
                        area: area.clone(),
                        effect: effect.clone(),
                    });
                }
            }
        }
        out
    }
}

fn minutes(m: f64) -> u32 {
    if m.is_finite() && m > 0.0 {
        m.round() as u32
    } else {
        0
    }
}

impl Machi {
    /// The planner input for the current content, built once per generation.
    fn course_town(&self) -> Result<Arc<Town>> {
        let generation = self.content_generation();
        let mut slot = self.course.cache.lock().map_err(|_| Error::Storage {
            reason: "course cache lock poisoned by an earlier panic".into(),
        })?;
        if let Some(t) = slot.as_ref().filter(|t| t.generation == generation) {
            return Ok(Arc::clone(t));
        }
        let town = Arc::new(Town::load(self, generation)?);
        *slot = Some(Arc::clone(&town));
        Ok(town)
    }

    /// Suggests a model course and up to two alternatives.
    ///
    /// Unknown start/end/must/exclude spots → [`Error::NotFound`]; a request
    /// that cannot be met (too little time, everything closed, must-visit
    /// spots that do not fit) → [`Error::Infeasible`] with the reason in the
    /// reader's language; malformed requests → [`Error::InvalidInput`].
    pub fn suggest_course(&self, request: &CourseRequest, loc: &Localizer) -> Result<CourseView> {
        self.replan_course(request, &CourseEdits::default(), loc)
    }

    /// Re-plans after the user removed stops (never proposed again) or
    /// locked them (kept in the course); otherwise as [`Machi::suggest_course`].
    pub fn replan_course(
        &self,
        request: &CourseRequest,
        edits: &CourseEdits,
        loc: &Localizer,
    ) -> Result<CourseView> {
        let town = self.course_town()?;
        let budget = match (request.end_time, request.hours) {
            (Some(_), _) => None,
            (None, Some(h)) if h.is_finite() && h > 0.0 => Some((h * 60.0).round() as u32),
            (None, _) => {
                return Err(Error::InvalidInput {
                    reason: "course request needs positive hours or an end time".into(),
                })
            }
        };
        let days = request.days.max(1);
        let dates: Vec<NaiveDate> = (0..days)
            .filter_map(|d| request.date.checked_add_days(Days::new(u64::from(d))))
            .collect();

        // Candidates: visitable spots, plus transport places used as start/end.
        let mut keep: Vec<bool> = town.visitable.clone();
        let mut place = |p: &CoursePlace| -> Result<pl::Place> {
            Ok(match p {
                CoursePlace::Point(g) => pl::Place::Point(*g),
                CoursePlace::Spot(key) => {
                    let i = town.resolve_spot(key)?;
                    keep[i] = true;
                    pl::Place::Spot(town.spots[i].id.clone())
                }
            })
        };
        let start = place(&request.start)?;
        let end = request.end.as_ref().map(&mut place).transpose()?;
        for id in request
            .must_visit
            .iter()
            .chain(&request.exclude)
            .chain(&edits.remove)
            .chain(&edits.lock)
        {
            match town.index(id) {
                Some(i) if town.visitable[i] => {}
                _ => return Err(Error::NotFound { what: id.clone() }),
            }
        }
        let spots: Vec<pl::Spot> = town
            .plan_spots
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(s, _)| s.clone())
            .collect();
        let rules = town.plan_rules(&dates);
        let ctx = PlanContext {
            spots: &spots,
            congestion: &rules,
            travel_table: town.tables.get(&request.mode),
            settings: TravelSettings::default(),
        };
        let req = PlanRequest {
            date: request.date,
            start_time: request.start_time,
            end_time: request.end_time,
            budget_minutes: budget,
            start,
            end,
            mode: request.mode,
            interests: request.interests.iter().map(|t| (t.clone(), 1.0)).collect(),
            pace: request.pace,
            must_visit: request.must_visit.clone(),
            exclude: request.exclude.clone(),
            days,
        };
        let suggestion =
            pl::replan(&ctx, &req, edits, &PlannerConfig::default()).map_err(|e| match e {
                PlanError::UnknownPlace(p) | PlanError::UnknownSpot(p) => {
                    Error::NotFound { what: p }
                }
                PlanError::InvalidRequest(_) | PlanError::Solver(_) => Error::InvalidInput {
                    reason: e.to_string(),
                },
                other => Error::Infeasible {
                    reason: other.localize_with(loc, |id| town.name(id, loc)),
                },
            })?;
        let place_name = |p: &pl::Place| match p {
            pl::Place::Spot(id) => town.name(id, loc),
            pl::Place::Point(g) => format!("{:.5}, {:.5}", g.lat, g.lon),
        };
        let start_name = place_name(&req.start);
        let end_name = req.end.as_ref().map_or(start_name.clone(), place_name);
        let render = |c: &pl::Course| render_course(c, &town, loc, &start_name, &end_name);
        let used: Vec<&str> = std::iter::once(&suggestion.main)
            .chain(&suggestion.alternatives)
            .flat_map(rules_used)
            .collect();
        let congestion = town
            .rules
            .iter()
            .filter(|r| used.contains(&r.id.as_str()))
            .map(|r| CongestionView {
                id: r.id.clone(),
                name: r.name.text_for(loc.chain()).to_string(),
                note: r.note.text_for(loc.chain()).to_string(),
            })
            .collect();
        Ok(CourseView {
            main: render(&suggestion.main),
            alternatives: suggestion.alternatives.iter().map(render).collect(),
            congestion,
            unreadable_hours: suggestion.unreadable_hours,
        })
    }
}

/// Ids of the congestion rules that shaped a course or any of its legs, once each.
fn rules_used(c: &pl::Course) -> Vec<&str> {
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

fn render_course(
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tt(from: &str, to: &str, m: u32) -> cm::TravelTime {
        cm::TravelTime {
            from: from.into(),
            to: to.into(),
            mode: TravelMode::Car,
            minutes: m,
        }
    }

    #[test]
    fn tables_fill_reverse_but_keep_explicit_times() {
        let t = build_tables(&[tt("a", "b", 10), tt("b", "a", 12), tt("a", "c", 5)]);
        let car = &t[&CourseMode::Car];
        assert_eq!(car.ids, ["a", "b", "c"]);
        let at = |i: usize, j: usize| car.minutes[i * 3 + j];
        assert_eq!((at(0, 1), at(1, 0)), (10.0, 12.0));
        assert_eq!((at(0, 2), at(2, 0)), (5.0, 5.0));
        assert_eq!(at(1, 2), -1.0);
        assert_eq!(at(2, 2), 0.0);
    }

    #[test]
    fn rule_hours_follow_weekends_and_holidays() {
        let h = Hours::parse("Nov 01-Nov 30 Sa,Su,PH 10:00-15:00").unwrap();
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        let t = |h| NaiveTime::from_hms_opt(h, 0, 0);
        // 2026-11-22 is a Sunday, 11-23 勤労感謝の日, 11-24 a Tuesday.
        assert_eq!(rule_hours_on(&h, d(11, 22)), Some((t(10), t(15))));
        assert_eq!(rule_hours_on(&h, d(11, 23)), Some((t(10), t(15))));
        assert_eq!(rule_hours_on(&h, d(11, 24)), None);
        assert_eq!(rule_hours_on(&h, d(12, 6)), None);
        let all = Hours::parse("Nov 01-Nov 30 00:00-24:00").unwrap();
        assert_eq!(rule_hours_on(&all, d(11, 24)), Some((None, None)));
    }
}
