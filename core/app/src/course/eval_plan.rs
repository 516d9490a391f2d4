//! `machi eval plan`: plan quality on a list of visitor requests. Each
//! scenario is planned as asked and as a plain walk (the baseline), and the
//! plan is checked independently of the planner: opening hours at every
//! visit, the day's end, the walking limit, every ride leaving after the
//! visitor reaches its leg, the taxi budget.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use machi_content::hours::Hours;
use machi_course::planner::{self as pl, Mode};
use machi_i18n::Localizer;
use serde::{Deserialize, Serialize};

use super::{CourseEdits, CoursePace, CoursePlace, CourseRequest, Town};
use crate::error::{Error, Result};
use crate::store::Machi;

/// One visitor request of a scenario file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanScenario {
    /// Identifier shown in the table.
    pub id: String,
    /// First day, `YYYY-MM-DD`.
    pub date: NaiveDate,
    /// Departure each day, `HH:MM`.
    #[serde(with = "hhmm")]
    pub start_time: NaiveTime,
    /// Hours per day.
    pub hours: f64,
    /// `walk`, `transit`, `bicycle`, `car` or `bus`.
    pub mode: String,
    /// Taxi budget over the trip, yen.
    #[serde(default)]
    pub taxi_budget_yen: Option<u32>,
    /// A rental bicycle is accepted.
    #[serde(default)]
    pub bicycle: bool,
    /// Longest walk of one leg, minutes.
    #[serde(default)]
    pub max_walk_minutes: Option<u32>,
    /// Interest tags.
    pub interests: Vec<String>,
    /// `relaxed`, `normal` or `packed`.
    #[serde(default = "normal")]
    pub pace: String,
    /// Number of days.
    #[serde(default = "one")]
    pub days: u32,
    /// Start (and end) spot id.
    pub start: String,
}

fn normal() -> String {
    "normal".into()
}

fn one() -> u32 {
    1
}

mod hhmm {
    use chrono::NaiveTime;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &NaiveTime, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&t.format("%H:%M").to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveTime, D::Error> {
        let text = String::deserialize(d)?;
        NaiveTime::parse_from_str(&text, "%H:%M").map_err(serde::de::Error::custom)
    }
}

/// One leg of a plan, for re-checking a figure by hand.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanLegRecord {
    /// `walk`, `transit`, `taxi`, `bicycle`, `car`, `bus`.
    pub mode: Mode,
    /// Departure, `HH:MM`.
    pub depart: String,
    /// Minutes (waits for a bus included).
    pub minutes: f64,
    /// Minutes on foot.
    pub walk_minutes: f64,
    /// Yen.
    pub fare_yen: u32,
    /// Rides as `HH:MM line: from → to`.
    pub rides: Vec<String>,
}

/// What one scenario gave.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanScenarioResult {
    /// The scenario's id.
    pub id: String,
    /// The request as read.
    pub scenario: PlanScenario,
    /// Why no plan could be made, or which checks it failed; `None` = a feasible plan.
    pub infeasible: Option<String>,
    /// Stop ids per day.
    pub stops: Vec<Vec<String>>,
    /// Legs per day.
    pub legs: Vec<Vec<PlanLegRecord>>,
    /// Minutes at sights over the plan's minutes out (departure to return,
    /// all days): the "share of the time spent at sights".
    pub share_at_sights: f64,
    /// Minutes at sights over the minutes asked for (hours × days): lower
    /// when a plan comes back early, e.g. for the last bus.
    pub share_of_asked: f64,
    /// Minutes visiting stops that match an interest.
    pub interest_minutes: f64,
    /// Minutes on foot.
    pub walk_minutes: f64,
    /// The longest walk of one leg.
    pub longest_walk_minutes: f64,
    /// Taxi spend, yen.
    pub taxi_yen: u32,
    /// Bus and train fares, yen.
    pub transit_yen: u32,
    /// Minutes waiting: for openings and for buses and trains.
    pub wait_minutes: f64,
    /// The plan's score.
    pub score: f64,
    /// The score of walking only, within the same walking limit (0 when
    /// walking alone gives no plan).
    pub walk_score: f64,
}

/// Averages over the scenarios and the targets of issue 16.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanEvalSummary {
    /// Scenarios run.
    pub scenarios: usize,
    /// Scenarios without a feasible plan (target 0).
    pub infeasible: usize,
    /// Mean share of the time out at sights (target ≥ 0.55).
    pub mean_share_at_sights: f64,
    /// Mean share of the asked time at sights.
    pub mean_share_of_asked: f64,
    /// Mean interest-matching minutes.
    pub mean_interest_minutes: f64,
    /// Mean walking minutes.
    pub mean_walk_minutes: f64,
    /// Scenarios with a walk over their limit (target 0).
    pub over_walk_limit: usize,
    /// Mean taxi spend, yen.
    pub mean_taxi_yen: f64,
    /// Mean waiting minutes.
    pub mean_wait_minutes: f64,
    /// Scenarios scoring below the plain walk (target 0).
    pub below_walk_score: usize,
}

/// The whole report (`--json` prints it).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanEvalReport {
    /// Per scenario, with every plan.
    pub results: Vec<PlanScenarioResult>,
    /// Averages and target counts.
    pub summary: PlanEvalSummary,
}

/// The walking limit a scenario's plan is held to (`None`: no limit).
fn walk_limit(s: &PlanScenario) -> Option<f64> {
    let access = pl::Access {
        max_walk_minutes: s.max_walk_minutes,
        taxi_budget_yen: s.taxi_budget_yen,
        bicycle: s.bicycle,
    };
    // An unknown mode fails in `request` before any plan is checked.
    let mode = s.mode.parse().unwrap_or(Mode::Walk);
    access.walk_limit(mode).map(f64::from)
}

fn request(s: &PlanScenario, walk_only: bool) -> Result<CourseRequest> {
    let bad = |what: &str| Error::InvalidInput {
        reason: format!("scenario {}: {what}", s.id),
    };
    let mode: Mode = s.mode.parse().map_err(|_| bad("unknown mode"))?;
    let pace: CoursePace = s.pace.parse().map_err(|_| bad("unknown pace"))?;
    Ok(CourseRequest {
        date: s.date,
        start_time: s.start_time,
        hours: Some(s.hours),
        end_time: None,
        start: CoursePlace::Spot(s.start.clone()),
        end: None,
        mode: if walk_only { Mode::Walk } else { mode },
        interests: s.interests.clone(),
        pace,
        must_visit: vec![],
        exclude: vec![],
        days: s.days.max(1),
        // The baseline walks within the same limit as the plan it is
        // compared with (none for a plain walk or a car).
        max_walk_minutes: if walk_only {
            walk_limit(s).map(|m| m as u32)
        } else {
            s.max_walk_minutes
        },
        taxi_budget_yen: if walk_only { None } else { s.taxi_budget_yen },
        bicycle: !walk_only && s.bicycle,
    })
}

fn minute(t: NaiveTime) -> f64 {
    f64::from(t.num_seconds_from_midnight()) / 60.0
}

/// The plan's faults, checked without the planner: opening hours, the
/// day's end, walks, rides and the taxi budget.
fn faults(c: &pl::Course, s: &PlanScenario, town: &Town) -> Vec<String> {
    let mut out = Vec::new();
    let limit = walk_limit(s);
    let end = minute(s.start_time) + s.hours * 60.0;
    for (d, day) in c.days.iter().enumerate() {
        if minute(day.arrive) > end + 0.5 {
            out.push(format!(
                "day {} ends {} after {:.0} min",
                d + 1,
                day.arrive,
                end
            ));
        }
        if day.legs.len() != day.stops.len() + 1 {
            out.push(format!("day {}: legs do not match stops", d + 1));
        }
        for (k, leg) in day.legs.iter().enumerate() {
            // The longest stretch on foot: walks to, between and from stops
            // are apart, each within the limit.
            let walk = leg.longest_walk_minutes();
            if let Some(l) = limit.filter(|l| walk > l + 0.5) {
                out.push(format!("day {} leg {k}: walk {walk:.0} > {l}", d + 1));
            }
            for r in leg.transit.iter().flat_map(|t| &t.rides) {
                if minute(r.depart) + 0.01 < minute(leg.depart) {
                    out.push(format!(
                        "ride {} leaves before the leg ({})",
                        r.depart, leg.depart
                    ));
                }
            }
        }
        for st in &day.stops {
            let hours = town
                .index(&st.spot_id)
                .and_then(|i| town.spots[i].opening_hours.as_deref())
                .filter(|h| h.trim() != "24/7")
                .and_then(|h| Hours::parse(h).ok());
            if let Some(h) = hours {
                let at = |t: NaiveTime| NaiveDateTime::new(day.date, t);
                let last = st.leave - Duration::minutes(1);
                if !h.is_open(at(st.start)) || !h.is_open(at(last.max(st.start))) {
                    out.push(format!("{} visited while closed", st.spot_id));
                }
            }
        }
    }
    if let Some(b) = s.taxi_budget_yen.filter(|b| c.taxi_yen > *b) {
        out.push(format!("taxi ¥{} over ¥{b}", c.taxi_yen));
    }
    out
}

impl Machi {
    /// Plans every scenario (and its plain-walk baseline) on the installed
    /// town and measures the plans; a scenario whose request is malformed
    /// fails the whole run with [`Error::InvalidInput`].
    pub fn eval_plan(&self, scenarios: &[PlanScenario], loc: &Localizer) -> Result<PlanEvalReport> {
        let mut results = Vec::new();
        for s in scenarios {
            let req = request(s, false)?;
            let walk_score =
                match self.plan_course(&request(s, true)?, &CourseEdits::default(), loc) {
                    Ok((_, w, _)) => w.main.score,
                    Err(_) => 0.0,
                };
            let asked = s.hours * 60.0 * f64::from(s.days.max(1));
            let mut r = PlanScenarioResult {
                id: s.id.clone(),
                scenario: s.clone(),
                infeasible: None,
                stops: vec![],
                legs: vec![],
                share_at_sights: 0.0,
                share_of_asked: 0.0,
                interest_minutes: 0.0,
                walk_minutes: 0.0,
                longest_walk_minutes: 0.0,
                taxi_yen: 0,
                transit_yen: 0,
                wait_minutes: 0.0,
                score: 0.0,
                walk_score,
            };
            match self.plan_course(&req, &CourseEdits::default(), loc) {
                Err(Error::InvalidInput { reason }) => {
                    return Err(Error::InvalidInput {
                        reason: format!("scenario {}: {reason}", s.id),
                    })
                }
                Err(e) => r.infeasible = Some(e.to_string()),
                Ok((town, sug, _)) => {
                    let c = &sug.main;
                    let f = faults(c, s, &town);
                    if !f.is_empty() {
                        r.infeasible = Some(f.join("; "));
                    }
                    let matches = |id: &str| {
                        town.index(id).is_some_and(|i| {
                            town.spots[i]
                                .tags
                                .iter()
                                .any(|t| s.interests.iter().any(|x| x.eq_ignore_ascii_case(t)))
                        })
                    };
                    for day in &c.days {
                        r.stops
                            .push(day.stops.iter().map(|x| x.spot_id.clone()).collect());
                        r.legs.push(day.legs.iter().map(leg_record).collect());
                        for st in &day.stops {
                            if matches(&st.spot_id) {
                                r.interest_minutes += (st.leave - st.start).num_minutes() as f64;
                            }
                        }
                    }
                    let ride_wait: f64 = c
                        .days
                        .iter()
                        .flat_map(|d| &d.legs)
                        .filter_map(|l| l.transit.as_ref())
                        .map(|t| f64::from(t.wait_minutes))
                        .sum();
                    let out_minutes: f64 = c
                        .days
                        .iter()
                        .map(|d| (d.arrive - d.depart).num_minutes() as f64)
                        .sum();
                    r.share_at_sights = if out_minutes > 0.0 {
                        c.visit_minutes / out_minutes
                    } else {
                        0.0
                    };
                    r.share_of_asked = if asked > 0.0 {
                        c.visit_minutes / asked
                    } else {
                        0.0
                    };
                    r.walk_minutes = c.walk_minutes;
                    r.longest_walk_minutes = c.longest_walk_minutes;
                    r.taxi_yen = c.taxi_yen;
                    r.transit_yen = c.transit_yen;
                    r.wait_minutes = c.wait_minutes + ride_wait;
                    r.score = c.score;
                }
            }
            results.push(r);
        }
        let n = results.len().max(1) as f64;
        let mean = |f: &dyn Fn(&PlanScenarioResult) -> f64| results.iter().map(f).sum::<f64>() / n;
        let summary = PlanEvalSummary {
            scenarios: results.len(),
            infeasible: results.iter().filter(|r| r.infeasible.is_some()).count(),
            mean_share_at_sights: mean(&|r| r.share_at_sights),
            mean_share_of_asked: mean(&|r| r.share_of_asked),
            mean_interest_minutes: mean(&|r| r.interest_minutes),
            mean_walk_minutes: mean(&|r| r.walk_minutes),
            over_walk_limit: results
                .iter()
                .filter(|r| {
                    walk_limit(&r.scenario).is_some_and(|l| r.longest_walk_minutes > l + 0.5)
                })
                .count(),
            mean_taxi_yen: mean(&|r| f64::from(r.taxi_yen)),
            mean_wait_minutes: mean(&|r| r.wait_minutes),
            below_walk_score: results
                .iter()
                .filter(|r| r.score + 1e-6 < r.walk_score)
                .count(),
        };
        Ok(PlanEvalReport { results, summary })
    }
}

fn leg_record(l: &pl::Leg) -> PlanLegRecord {
    PlanLegRecord {
        mode: l.mode,
        depart: l.depart.format("%H:%M").to_string(),
        minutes: (l.minutes * 10.0).round() / 10.0,
        walk_minutes: (l.walk_minutes * 10.0).round() / 10.0,
        fare_yen: l.fare_yen,
        rides: l
            .transit
            .iter()
            .flat_map(|t| &t.rides)
            .map(|r| {
                format!(
                    "{} {}: {} → {}",
                    r.depart.format("%H:%M"),
                    r.line,
                    r.from_stop,
                    r.to_stop
                )
            })
            .collect(),
    }
}

/// The report as a table: one row per scenario, then the averages.
pub fn format_plan_eval(report: &PlanEvalReport) -> String {
    let mut out = format!(
        "{:<42} {:>5} {:>6} {:>6} {:>8} {:>7} {:>6} {:>7} {:>6} {:>6} {:>7} {:>7}  {}\n",
        "scenario",
        "stops",
        "sights",
        "asked",
        "interest",
        "walk",
        "max-w",
        "taxi¥",
        "fare¥",
        "wait",
        "score",
        "walk-sc",
        "ok"
    );
    for r in &report.results {
        out.push_str(&format!(
            "{:<42} {:>5} {:>5.0}% {:>5.0}% {:>8.0} {:>7.0} {:>6.0} {:>7} {:>6} {:>6.0} {:>7.0} {:>7.0}  {}\n",
            r.id,
            r.stops.iter().map(Vec::len).sum::<usize>(),
            r.share_at_sights * 100.0,
            r.share_of_asked * 100.0,
            r.interest_minutes,
            r.walk_minutes,
            r.longest_walk_minutes,
            r.taxi_yen,
            r.transit_yen,
            r.wait_minutes,
            r.score,
            r.walk_score,
            r.infeasible.as_deref().unwrap_or("yes"),
        ));
    }
    let s = &report.summary;
    out.push_str(&format!(
        "\n{} scenarios: mean share of the time out at sights {:.1}% (target >= 55%; of the time asked {:.1}%), interest {:.0} min, walking {:.0} min, taxi ¥{:.0}, waits {:.0} min\n\
         infeasible {} (target 0), walk over limit {} (target 0), below the walking plan's score {} (target 0)\n",
        s.scenarios,
        s.mean_share_at_sights * 100.0,
        s.mean_share_of_asked * 100.0,
        s.mean_interest_minutes,
        s.mean_walk_minutes,
        s.mean_taxi_yen,
        s.mean_wait_minutes,
        s.infeasible,
        s.over_walk_limit,
        s.below_walk_score,
    ));
    out
}
