//! Composition of the course capability: the stored spots, congestion rules
//! and measured travel times mapped to the planner's input (cached per
//! content generation), a request resolved against the town's places, and
//! the planner's answer rendered in the reader's language.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};
use machi_common::GeoPoint;
use machi_content::hours::Hours;
use machi_content::model::{self as cm, CongestionArea, TravelMode};
use machi_course::planner::{
    self as pl, mode_message_id, Area, DateRange, Effect, PlanContext, PlanError, PlanRequest,
    PlannerConfig, TravelSettings, TravelTable,
};
use machi_i18n::Localizer;

use crate::content::tag_label;
use crate::error::{Error, Result};
use crate::store::Machi;

mod eval_plan;
mod render;
mod views;

pub use eval_plan::{
    format_plan_eval, PlanEvalReport, PlanEvalSummary, PlanLegRecord, PlanScenario,
    PlanScenarioResult,
};

use render::{render_course, rules_used};
pub use views::*;

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
    /// The pack's bus and train timetable, if it has a readable one.
    timetable: Option<Arc<machi_transit::Timetable>>,
    /// The pack's taxis as the planner uses them.
    taxi: Option<pl::Taxi>,
    /// The pack's rental-bicycle stations.
    bike_rentals: Vec<pl::BikeRental>,
}

/// The pack's taxis and bicycles as planner input.
fn plan_mobility(m: &cm::Mobility) -> (Option<pl::Taxi>, Vec<pl::BikeRental>) {
    let taxi = m.taxi.as_ref().map(|t| pl::Taxi {
        fare: pl::TaxiFare {
            initial_yen: t.initial_yen,
            initial_metres: t.initial_metres,
            step_yen: t.step_yen,
            step_metres: t.step_metres,
        },
        call_wait_minutes: t.call_wait_minutes,
        stands: m
            .taxi_stands
            .iter()
            .map(|s| pl::TaxiStand {
                location: s.location,
                wait_minutes: s.wait_minutes,
            })
            .collect(),
    });
    let bikes = m
        .bicycle_rentals
        .iter()
        .map(|b| pl::BikeRental {
            id: b.id.clone(),
            name: b.name.clone(),
            location: b.location,
            opening_hours: b.opening_hours.clone(),
            fee_yen: b.fee_yen,
            return_rule: match b.return_rule {
                cm::ReturnRule::SameStation => pl::ReturnRule::SameStation,
                cm::ReturnRule::AnyStation => pl::ReturnRule::AnyStation,
            },
        })
        .collect();
    (taxi, bikes)
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
        let (spots, rules, times, mobility) = {
            let store = machi.store()?;
            (
                store.all_spots()?,
                store.congestion_rules()?,
                store.travel_times()?,
                store.mobility()?,
            )
        };
        let (taxi, bike_rentals) = plan_mobility(&mobility);
        // The transit module's decoded timetable (one decode per content
        // generation for journeys and courses alike). None, or a blob the
        // library cannot read (a newer format), leaves courses with
        // estimated buses rather than failing them.
        let timetable = match machi.transit_timetable() {
            Ok(t) => Some(t),
            Err(crate::transit::TransitError::Store(e)) => return Err(e),
            Err(_) => None,
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
            timetable,
            taxi,
            bike_rentals,
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

    /// The planner's answer for a request, before rendering: the town it
    /// was planned on, the suggestion and the planner request.
    fn plan_course(
        &self,
        request: &CourseRequest,
        edits: &CourseEdits,
        loc: &Localizer,
    ) -> Result<(Arc<Town>, pl::Suggestion, PlanRequest)> {
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
            transit: town.timetable.as_deref(),
            taxi: town.taxi.as_ref(),
            bike_rentals: &town.bike_rentals,
            lang: loc
                .chain()
                .first()
                .copied()
                .unwrap_or(machi_common::Lang::Ja),
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
            access: pl::Access {
                max_walk_minutes: request.max_walk_minutes,
                taxi_budget_yen: request.taxi_budget_yen,
                bicycle: request.bicycle,
            },
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
        Ok((town, suggestion, req))
    }

    /// Re-plans after the user removed stops (never proposed again) or
    /// locked them (kept in the course); otherwise as [`Machi::suggest_course`].
    pub fn replan_course(
        &self,
        request: &CourseRequest,
        edits: &CourseEdits,
        loc: &Localizer,
    ) -> Result<CourseView> {
        let (town, suggestion, req) = self.plan_course(request, edits, loc)?;
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
