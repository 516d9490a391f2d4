//! The course planner's request and answer as a shell sees them: places,
//! the request form, and the course already in the reader's language.

use chrono::{NaiveDate, NaiveTime};
use machi_common::GeoPoint;
use serde::Serialize;

use super::{CourseMode, CoursePace};

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
    /// The longest walk of any one leg, minutes (`None`: 20 when buses,
    /// a taxi or a bicycle are accepted; no limit for a plain walk).
    pub max_walk_minutes: Option<u32>,
    /// Taxi rides accepted up to this many yen over the trip.
    pub taxi_budget_yen: Option<u32>,
    /// A rental bicycle from a station at the start is accepted.
    pub bicycle: bool,
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
    /// Bus and train fares, yen.
    pub transit_yen: u32,
    /// Taxi fares, yen.
    pub taxi_yen: u32,
    /// Rental-bicycle fees, yen.
    pub bicycle_yen: u32,
    /// Minutes on foot over all legs.
    pub walk_minutes: u32,
    /// The longest time on foot of one leg, minutes.
    pub longest_walk_minutes: u32,
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
    /// When the leg starts, localized.
    pub depart_label: String,
    /// Minutes on foot within the leg.
    pub walk_minutes: u32,
    /// Yen for the leg (bus or train fare, taxi fare), 0 when free.
    pub fare_yen: u32,
    /// The rides of a bus or train leg, as the timetable runs them.
    pub rides: Vec<CourseRideView>,
}

/// One ride of a bus or train leg, names in the reader's language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CourseRideView {
    /// Line name.
    pub line: String,
    /// Where the vehicle is going.
    pub headsign: String,
    /// Boarding stop.
    pub from_stop: String,
    /// Alighting stop.
    pub to_stop: String,
    /// Departure, localized.
    pub depart_label: String,
    /// Arrival, localized.
    pub arrive_label: String,
    /// Departure, `HH:MM`.
    pub depart: String,
    /// Arrival, `HH:MM`.
    pub arrive: String,
    /// Stops travelled.
    pub stops: u32,
    /// Fare in yen when the timetable gives one.
    pub fare_yen: Option<u32>,
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
