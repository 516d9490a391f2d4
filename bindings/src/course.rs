//! The course planner: a request from the shell's form in, a model course
//! (with alternatives and the congestion that shaped it) out, already in the
//! reader's language. Dates and times cross as ISO text (`2026-11-22`,
//! `10:00`) like every other record of the facade.

use machi_app as app;
use machi_app::{
    CongestionView, CourseDayView, CourseEdits as Edits, CourseLegView, CourseMode as Mode,
    CoursePace as Pace, CoursePlanView, CourseRideView, CourseStopView, CourseView,
};
use machi_common::GeoPoint;

use crate::error::{MachiError, Result};
use crate::types::{checked, parse_date, parse_time, IsoDate, IsoTime};
use crate::Machi;

/// How the tourist moves: on foot, by bicycle, by car (congestion rules and
/// car-park walks apply), by estimated bus, by the town's bus and train
/// timetable (`Transit`); `Taxi` appears on legs of requests with a taxi budget.
#[uniffi::remote(Enum)]
#[uniffi(name = "CourseMode")]
pub enum Mode {
    Walk,
    Bicycle,
    Car,
    Bus,
    Transit,
    Taxi,
}

/// How much time to spend at each spot: longer visits (× 1.3), as
/// published, or shorter (× 0.75).
#[uniffi::remote(Enum)]
#[uniffi(name = "CoursePace")]
pub enum Pace {
    Relaxed,
    Normal,
    Packed,
}

/// A start or end place of a course.
#[derive(Debug, Clone, PartialEq, uniffi::Enum)]
pub enum CoursePlace {
    /// A spot by id (`takahagi-station`), or a tag carried by exactly one
    /// transport place (`station`).
    Spot {
        /// Spot id or alias.
        id: String,
    },
    /// A coordinate (e.g. a registered place or the device position).
    Point {
        /// Where.
        location: GeoPoint,
    },
}

/// What the tourist asks for (the shell's request form).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CourseRequest {
    /// First day of the trip, `YYYY-MM-DD`.
    pub date: String,
    /// Departure time each day, `HH:MM`.
    pub start_time: String,
    /// Hours available per day (used when `end_time` is absent).
    #[uniffi(default = None)]
    pub hours: Option<f64>,
    /// Time to be back each day, `HH:MM`.
    #[uniffi(default = None)]
    pub end_time: Option<String>,
    /// Where the course starts.
    pub start: CoursePlace,
    /// Where it ends (absent: back at the start).
    #[uniffi(default = None)]
    pub end: Option<CoursePlace>,
    /// How the tourist moves.
    pub mode: Mode,
    /// Interest tags (`nature`, `history`, …), weighted equally.
    pub interests: Vec<String>,
    /// Visit pace.
    pub pace: Pace,
    /// Spot ids that must be visited.
    pub must_visit: Vec<String>,
    /// Spot ids that must not be visited.
    pub exclude: Vec<String>,
    /// Number of days, at least 1 (0 is read as 1).
    #[uniffi(default = 1)]
    pub days: u32,
    /// The longest walk of one leg, minutes (absent: 20 with transit, a taxi
    /// or a bicycle; no limit for a plain walk).
    #[uniffi(default = None)]
    pub max_walk_minutes: Option<u32>,
    /// Taxi rides accepted up to this many yen over the trip.
    #[uniffi(default = None)]
    pub taxi_budget_yen: Option<u32>,
    /// A rental bicycle from a station at the start is accepted.
    #[uniffi(default = false)]
    pub bicycle: bool,
}

/// What the user changed on a suggested course: spot ids removed (never
/// proposed again) and locked in (kept in the new course).
#[uniffi::remote(Record)]
#[uniffi(name = "CourseEdits")]
pub struct Edits {
    pub remove: Vec<String>,
    pub lock: Vec<String>,
}

/// The planner's answer, in the reader's language: the best course, up to
/// two that differ meaningfully from it, the congestion rules that shaped
/// any of them, and the spots left out because their hours could not be read.
#[uniffi::remote(Record)]
pub struct CourseView {
    pub main: CoursePlanView,
    pub alternatives: Vec<CoursePlanView>,
    pub congestion: Vec<CongestionView>,
    pub unreadable_hours: Vec<String>,
}

/// One course over all its days, with its totals (minutes visiting,
/// travelling, waiting for openings, departure to return), the localized
/// totals line, the ranking score (higher is better) and the ids of the
/// congestion rules applied.
#[uniffi::remote(Record)]
pub struct CoursePlanView {
    pub days: Vec<CourseDayView>,
    pub stop_count: u32,
    pub visit_minutes: u32,
    pub travel_minutes: u32,
    pub wait_minutes: u32,
    pub total_minutes: u32,
    pub totals_label: String,
    pub score: f64,
    pub congestion_rules: Vec<String>,
    pub transit_yen: u32,
    pub taxi_yen: u32,
    pub bicycle_yen: u32,
    pub walk_minutes: u32,
    pub longest_walk_minutes: u32,
}

/// One day of a course: its date, start and end place names, departure and
/// return (ISO and localized), the stops in visiting order and
/// `stops.len() + 1` legs (start → first stop … last stop → end).
#[uniffi::remote(Record)]
pub struct CourseDayView {
    pub date: IsoDate,
    pub date_label: String,
    pub start_name: String,
    pub end_name: String,
    pub depart: IsoTime,
    pub depart_label: String,
    pub arrive: IsoTime,
    pub arrive_label: String,
    pub stops: Vec<CourseStopView>,
    pub legs: Vec<CourseLegView>,
}

/// One stop of a day: spot id (for remove / lock and the spot detail), its
/// name in the reader's language, position, arrival, start of the visit
/// after any wait, departure (ISO and localized), minutes waited for the
/// opening, and why it is in the course (localized phrases).
#[uniffi::remote(Record)]
pub struct CourseStopView {
    pub spot_id: String,
    pub name: String,
    pub location: GeoPoint,
    pub arrival: IsoTime,
    pub start: IsoTime,
    pub leave: IsoTime,
    pub arrival_label: String,
    pub leave_label: String,
    pub wait_minutes: u32,
    pub explanations: Vec<String>,
}

/// One travel leg: mode and its localized name, minutes (parking, waiting
/// and congestion included), "Walk, 12 min", minutes walked from or to a car
/// park because of a closure, and the congestion rules that slowed it.
#[uniffi::remote(Record)]
pub struct CourseLegView {
    pub mode: Mode,
    pub mode_label: String,
    pub minutes: u32,
    pub description: String,
    pub car_park_walk_minutes: u32,
    pub congestion_notes: Vec<String>,
    pub depart_label: String,
    pub walk_minutes: u32,
    pub fare_yen: u32,
    pub rides: Vec<CourseRideView>,
}

/// One ride of a bus or train leg: line, headsign, boarding and alighting
/// stop in the reader's language, departure and arrival (localized and
/// `HH:MM`), stops travelled and the fare when known.
#[uniffi::remote(Record)]
pub struct CourseRideView {
    pub line: String,
    pub headsign: String,
    pub from_stop: String,
    pub to_stop: String,
    pub depart_label: String,
    pub arrive_label: String,
    pub depart: String,
    pub arrive: String,
    pub stops: u32,
    pub fare_yen: Option<u32>,
}

/// A congestion rule that shaped a course: id, short name and what the
/// tourist should know, localized.
#[uniffi::remote(Record)]
pub struct CongestionView {
    pub id: String,
    pub name: String,
    pub note: String,
}

impl CoursePlace {
    fn to_core(&self) -> Result<app::CoursePlace> {
        Ok(match self {
            CoursePlace::Spot { id } if id.trim().is_empty() => {
                return Err(MachiError::invalid("course place: empty spot id"))
            }
            CoursePlace::Spot { id } => app::CoursePlace::Spot(id.trim().to_string()),
            CoursePlace::Point { location } => app::CoursePlace::Point(checked(*location)?),
        })
    }
}

impl CourseRequest {
    /// The core request; bad dates, times, coordinates or hours are `InvalidInput`.
    fn to_core(&self) -> Result<app::CourseRequest> {
        if let Some(h) = self.hours {
            if !(h.is_finite() && h > 0.0) {
                return Err(MachiError::invalid(format!("hours {h} (want > 0)")));
            }
        }
        Ok(app::CourseRequest {
            date: parse_date(&self.date)?,
            start_time: parse_time(&self.start_time)?,
            hours: self.hours,
            end_time: self.end_time.as_deref().map(parse_time).transpose()?,
            start: self.start.to_core()?,
            end: self.end.as_ref().map(CoursePlace::to_core).transpose()?,
            mode: self.mode,
            interests: self.interests.clone(),
            pace: self.pace,
            must_visit: self.must_visit.clone(),
            exclude: self.exclude.clone(),
            days: self.days.max(1),
            max_walk_minutes: self.max_walk_minutes,
            taxi_budget_yen: self.taxi_budget_yen,
            bicycle: self.bicycle,
        })
    }
}

#[uniffi::export]
impl Machi {
    /// Suggests a model course and up to two alternatives, in the current
    /// language. Unknown spots are `NotFound`; a request that cannot be met
    /// (too little time, must-visit spots that do not fit, everything
    /// closed) is `Infeasible` with the reason in the reader's language;
    /// malformed dates, times or hours are `InvalidInput`.
    pub fn suggest_course(&self, request: CourseRequest) -> Result<CourseView> {
        let req = request.to_core()?;
        Ok(self.app.suggest_course(&req, &self.localizer())?)
    }

    /// Re-plans after the user removed stops (never proposed again) or
    /// locked them (kept); errors as for `suggest_course`.
    pub fn replan_course(&self, request: CourseRequest, edits: Edits) -> Result<CourseView> {
        let req = request.to_core()?;
        Ok(self.app.replan_course(&req, &edits, &self.localizer())?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MachiConfig;

    fn open(locale: &str) -> std::sync::Arc<Machi> {
        let config = MachiConfig {
            device_locales: vec![locale.to_string()],
            language_override: None,
            publisher_key: None,
            in_memory: true,
        };
        Machi::open(String::new(), config).unwrap()
    }

    fn walk(hours: f64, must: &[&str]) -> CourseRequest {
        CourseRequest {
            date: "2026-11-22".into(),
            start_time: "10:00".into(),
            hours: Some(hours),
            end_time: None,
            start: CoursePlace::Spot {
                id: "takahagi-station".into(),
            },
            end: None,
            mode: Mode::Walk,
            interests: vec!["nature".into(), "history".into()],
            pace: Pace::Normal,
            must_visit: must.iter().map(|s| s.to_string()).collect(),
            exclude: vec![],
            days: 1,
            max_walk_minutes: None,
            taxi_budget_yen: None,
            bicycle: false,
        }
    }

    #[test]
    fn a_walk_fits_its_budget_and_crosses_as_iso_text() {
        let view = open("en-US").suggest_course(walk(4.0, &[])).unwrap();
        assert!(view.main.stop_count >= 1);
        assert!(view.main.total_minutes <= 240);
        let day = &view.main.days[0];
        assert_eq!(machi_common::clock::fmt_date(day.date), "2026-11-22");
        assert_eq!(machi_common::clock::fmt_time(day.depart), "10:00");
        assert_eq!(day.legs.len(), day.stops.len() + 1);
    }

    #[test]
    fn bad_input_and_unknown_spots_have_their_kinds() {
        let m = open("en-US");
        let mut r = walk(4.0, &[]);
        r.start_time = "10h".into();
        assert!(matches!(
            m.suggest_course(r),
            Err(MachiError::InvalidInput { .. })
        ));
        assert!(matches!(
            m.suggest_course(walk(f64::NAN, &[])),
            Err(MachiError::InvalidInput { .. })
        ));
        assert!(matches!(
            m.suggest_course(walk(4.0, &["no-such-spot"])),
            Err(MachiError::NotFound { .. })
        ));
        assert!(matches!(
            m.suggest_course(walk(0.5, &["hananuki-gorge"])),
            Err(MachiError::Infeasible { .. })
        ));
    }

    #[test]
    fn removed_stop_is_dropped_on_replan() {
        let m = open("en-US");
        let first = m.suggest_course(walk(4.0, &[])).unwrap().main.days[0].stops[0]
            .spot_id
            .clone();
        let edits = Edits {
            remove: vec![first.clone()],
            lock: vec![],
        };
        let again = m.replan_course(walk(4.0, &[]), edits).unwrap();
        assert!(again
            .main
            .days
            .iter()
            .flat_map(|d| &d.stops)
            .all(|s| s.spot_id != first));
    }
}
