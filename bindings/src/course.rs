//! The course planner: a request from the shell's form in, a model course
//! (with alternatives and the congestion that shaped it) out, already in the
//! reader's language. Dates and times cross as ISO text (`2026-11-22`,
//! `10:00`) like every other record of the facade.

use chrono::NaiveTime;
use machi_app as app;

use crate::error::{MachiError, Result};
use crate::types::{fmt_date, fmt_time, parse_date, GeoPoint};
use crate::Machi;

/// How the tourist moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum CourseMode {
    /// On foot.
    Walk,
    /// By bicycle.
    Bicycle,
    /// By car (congestion rules and car-park walks apply).
    Car,
    /// By bus or train.
    Bus,
}

/// How much time to spend at each spot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum CoursePace {
    /// Longer visits (× 1.3).
    Relaxed,
    /// Visit durations as published.
    Normal,
    /// Shorter visits (× 0.75).
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
    pub mode: CourseMode,
    /// Interest tags (`nature`, `history`, …), weighted equally.
    pub interests: Vec<String>,
    /// Visit pace.
    pub pace: CoursePace,
    /// Spot ids that must be visited.
    pub must_visit: Vec<String>,
    /// Spot ids that must not be visited.
    pub exclude: Vec<String>,
    /// Number of days, at least 1 (0 is read as 1).
    #[uniffi(default = 1)]
    pub days: u32,
}

/// What the user changed on a suggested course.
#[derive(Debug, Clone, PartialEq, Eq, Default, uniffi::Record)]
pub struct CourseEdits {
    /// Spot ids removed from the course (never proposed again).
    pub remove: Vec<String>,
    /// Spot ids locked in (kept in the new course).
    pub lock: Vec<String>,
}

/// The planner's answer, in the reader's language.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CourseView {
    /// The best course found.
    pub main: CoursePlanView,
    /// Up to two courses that differ meaningfully from the main one.
    pub alternatives: Vec<CoursePlanView>,
    /// Congestion rules that shaped any of the courses.
    pub congestion: Vec<CongestionView>,
    /// Spot ids left out because their opening hours could not be read.
    pub unreadable_hours: Vec<String>,
}

/// One course, all its days.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
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
    /// Ranking score (no unit; higher is better).
    pub score: f64,
    /// Ids of the congestion rules applied to this course.
    pub congestion_rules: Vec<String>,
}

/// One day of a course.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CourseDayView {
    /// The date, `YYYY-MM-DD`.
    pub date: String,
    /// The date, localized.
    pub date_label: String,
    /// Start place name.
    pub start_name: String,
    /// End place name.
    pub end_name: String,
    /// Departure, `HH:MM`.
    pub depart: String,
    /// Departure, localized.
    pub depart_label: String,
    /// Return, `HH:MM`.
    pub arrive: String,
    /// Return, localized.
    pub arrive_label: String,
    /// Stops in visiting order.
    pub stops: Vec<CourseStopView>,
    /// `stops.len() + 1` legs: start → first stop … last stop → end.
    pub legs: Vec<CourseLegView>,
}

/// One stop of a day.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CourseStopView {
    /// Spot id (for remove / lock and the spot detail).
    pub spot_id: String,
    /// Spot name in the reader's language (fallback chain).
    pub name: String,
    /// Where it is.
    pub location: GeoPoint,
    /// Arrival, `HH:MM`.
    pub arrival: String,
    /// Start of the visit after any wait, `HH:MM`.
    pub start: String,
    /// Departure, `HH:MM`.
    pub leave: String,
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
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
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
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CongestionView {
    /// Rule id.
    pub id: String,
    /// Short name, localized.
    pub name: String,
    /// What the tourist should know, localized.
    pub note: String,
}

/// Parses `HH:MM` (seconds optional).
fn parse_time(s: &str) -> Result<NaiveTime> {
    ["%H:%M:%S", "%H:%M"]
        .iter()
        .find_map(|f| NaiveTime::parse_from_str(s.trim(), f).ok())
        .ok_or_else(|| MachiError::invalid(format!("time {s:?} (want HH:MM)")))
}

impl From<CourseMode> for app::CourseMode {
    fn from(m: CourseMode) -> Self {
        match m {
            CourseMode::Walk => app::CourseMode::Walk,
            CourseMode::Bicycle => app::CourseMode::Bicycle,
            CourseMode::Car => app::CourseMode::Car,
            CourseMode::Bus => app::CourseMode::Bus,
        }
    }
}

impl From<app::CourseMode> for CourseMode {
    fn from(m: app::CourseMode) -> Self {
        match m {
            app::CourseMode::Walk => CourseMode::Walk,
            app::CourseMode::Bicycle => CourseMode::Bicycle,
            app::CourseMode::Car => CourseMode::Car,
            app::CourseMode::Bus => CourseMode::Bus,
        }
    }
}

impl From<CoursePace> for app::CoursePace {
    fn from(p: CoursePace) -> Self {
        match p {
            CoursePace::Relaxed => app::CoursePace::Relaxed,
            CoursePace::Normal => app::CoursePace::Normal,
            CoursePace::Packed => app::CoursePace::Packed,
        }
    }
}

impl CoursePlace {
    fn to_core(&self) -> Result<app::CoursePlace> {
        Ok(match self {
            CoursePlace::Spot { id } if id.trim().is_empty() => {
                return Err(MachiError::invalid("course place: empty spot id"))
            }
            CoursePlace::Spot { id } => app::CoursePlace::Spot(id.trim().to_string()),
            CoursePlace::Point { location } => app::CoursePlace::Point(location.to_core()?),
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
            mode: self.mode.into(),
            interests: self.interests.clone(),
            pace: self.pace.into(),
            must_visit: self.must_visit.clone(),
            exclude: self.exclude.clone(),
            days: self.days.max(1),
        })
    }
}

impl From<app::CourseStopView> for CourseStopView {
    fn from(s: app::CourseStopView) -> Self {
        CourseStopView {
            spot_id: s.spot_id,
            name: s.name,
            location: s.location.into(),
            arrival: fmt_time(s.arrival),
            start: fmt_time(s.start),
            leave: fmt_time(s.leave),
            arrival_label: s.arrival_label,
            leave_label: s.leave_label,
            wait_minutes: s.wait_minutes,
            explanations: s.explanations,
        }
    }
}

impl From<app::CourseLegView> for CourseLegView {
    fn from(l: app::CourseLegView) -> Self {
        CourseLegView {
            mode: l.mode.into(),
            mode_label: l.mode_label,
            minutes: l.minutes,
            description: l.description,
            car_park_walk_minutes: l.car_park_walk_minutes,
            congestion_notes: l.congestion_notes,
        }
    }
}

impl From<app::CourseDayView> for CourseDayView {
    fn from(d: app::CourseDayView) -> Self {
        CourseDayView {
            date: fmt_date(d.date),
            date_label: d.date_label,
            start_name: d.start_name,
            end_name: d.end_name,
            depart: fmt_time(d.depart),
            depart_label: d.depart_label,
            arrive: fmt_time(d.arrive),
            arrive_label: d.arrive_label,
            stops: d.stops.into_iter().map(Into::into).collect(),
            legs: d.legs.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<app::CoursePlanView> for CoursePlanView {
    fn from(p: app::CoursePlanView) -> Self {
        CoursePlanView {
            days: p.days.into_iter().map(Into::into).collect(),
            // A course has a few dozen stops at most; saturate rather than wrap.
            stop_count: u32::try_from(p.stop_count).unwrap_or(u32::MAX),
            visit_minutes: p.visit_minutes,
            travel_minutes: p.travel_minutes,
            wait_minutes: p.wait_minutes,
            total_minutes: p.total_minutes,
            totals_label: p.totals_label,
            score: p.score,
            congestion_rules: p.congestion_rules,
        }
    }
}

impl From<app::CourseView> for CourseView {
    fn from(v: app::CourseView) -> Self {
        CourseView {
            main: v.main.into(),
            alternatives: v.alternatives.into_iter().map(Into::into).collect(),
            congestion: v
                .congestion
                .into_iter()
                .map(|c| CongestionView {
                    id: c.id,
                    name: c.name,
                    note: c.note,
                })
                .collect(),
            unreadable_hours: v.unreadable_hours,
        }
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
        Ok(self.app.suggest_course(&req, &self.localizer())?.into())
    }

    /// Re-plans after the user removed stops (never proposed again) or
    /// locked them (kept); errors as for `suggest_course`.
    pub fn replan_course(&self, request: CourseRequest, edits: CourseEdits) -> Result<CourseView> {
        let req = request.to_core()?;
        let edits = app::CourseEdits {
            remove: edits.remove,
            lock: edits.lock,
        };
        Ok(self
            .app
            .replan_course(&req, &edits, &self.localizer())?
            .into())
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
            mode: CourseMode::Walk,
            interests: vec!["nature".into(), "history".into()],
            pace: CoursePace::Normal,
            must_visit: must.iter().map(|s| s.to_string()).collect(),
            exclude: vec![],
            days: 1,
        }
    }

    #[test]
    fn a_walk_fits_its_budget_and_crosses_as_iso_text() {
        let view = open("en-US").suggest_course(walk(4.0, &[])).unwrap();
        assert!(view.main.stop_count >= 1);
        assert!(view.main.total_minutes <= 240);
        let day = &view.main.days[0];
        assert_eq!(day.date, "2026-11-22");
        assert_eq!(day.depart, "10:00");
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
        let edits = CourseEdits {
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
