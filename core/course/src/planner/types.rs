//! Request, input and output types of the planner (all plain data, serde).

use chrono::{NaiveDate, NaiveTime};
use machi_common::{GeoPoint, LocalizedText};
use serde::{Deserialize, Serialize};

/// A visitable spot as the planner sees it (the app maps stored spots to it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Spot {
    /// Stable identifier (unique among the spots given to one call).
    pub id: String,
    /// Where it is.
    pub location: GeoPoint,
    /// Interest tags, e.g. `nature`, `history`, `autumn-leaves`.
    pub tags: Vec<String>,
    /// Base popularity in `0..=1` (clamped).
    pub popularity: f64,
    /// Typical visit length at normal pace, minutes.
    pub visit_minutes: u32,
    /// OSM `opening_hours`; `None` = always accessible (parks, viewpoints).
    pub opening_hours: Option<String>,
}

/// A start or end place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Place {
    /// One of the given spots (e.g. a station or a hotel), by id.
    Spot(String),
    /// A coordinate.
    Point(GeoPoint),
}

/// How the tourist moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// On foot.
    Walk,
    /// By bicycle.
    Bicycle,
    /// By car.
    Car,
    /// By bus or train (from a provided travel-time matrix, else an estimate).
    Bus,
    /// Walking and the town's buses and trains by their timetable (as a
    /// request: with a taxi or bicycle if [`crate::planner::Access`] allows).
    Transit,
    /// By taxi (a leg mode: requests accept taxis with a budget).
    Taxi,
}

/// How much time to spend at each spot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Pace {
    /// Visit durations × 1.3.
    Relaxed,
    /// Visit durations as given.
    Normal,
    /// Visit durations × 0.75.
    Packed,
}

impl Pace {
    /// Multiplier applied to each spot's visit minutes.
    pub fn factor(self) -> f64 {
        match self {
            Pace::Relaxed => 1.3,
            Pace::Normal => 1.0,
            Pace::Packed => 0.75,
        }
    }
}

/// Travel times supplied by the pack (e.g. from a bus timetable), minutes,
/// between the places listed in `ids` (spot ids), row-major.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TravelTable {
    /// Mode these times are for.
    pub mode: Mode,
    /// Spot ids, defining row/column order.
    pub ids: Vec<String>,
    /// `ids.len()²` minutes, row-major; negative = no connection.
    pub minutes: Vec<f64>,
}

/// Speeds and factors for estimated travel (haversine × detour / speed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TravelSettings {
    /// Road distance ÷ straight-line distance.
    pub detour_factor: f64,
    /// Walking speed, km/h.
    pub walk_kmh: f64,
    /// Cycling speed, km/h.
    pub bicycle_kmh: f64,
    /// Driving speed, km/h.
    pub car_kmh: f64,
    /// Bus speed when no table covers a leg, km/h.
    pub bus_kmh: f64,
    /// Minutes added to each car leg for parking.
    pub car_park_minutes: f64,
    /// Minutes added to each estimated bus leg for waiting.
    pub bus_wait_minutes: f64,
}

impl Default for TravelSettings {
    /// 1.3 detour; 4.5 / 12 / 30 / 18 km/h; 5 min parking; 10 min bus wait.
    fn default() -> Self {
        Self {
            detour_factor: 1.3,
            walk_kmh: 4.5,
            bicycle_kmh: 12.0,
            car_kmh: 30.0,
            bus_kmh: 18.0,
            car_park_minutes: 5.0,
            bus_wait_minutes: 10.0,
        }
    }
}

/// An inclusive date range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRange {
    /// First day.
    pub from: NaiveDate,
    /// Last day (inclusive).
    pub to: NaiveDate,
}

/// Where a congestion rule applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Area {
    /// Everything within `radius_m` of `center`.
    Circle {
        /// Centre.
        center: GeoPoint,
        /// Radius in metres.
        radius_m: f64,
    },
    /// These spots.
    Spots(Vec<String>),
}

/// What a congestion rule does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Effect {
    /// Travel to or from the area takes `factor` times longer.
    Slowdown {
        /// Multiplier (>= 1).
        factor: f64,
    },
    /// Cars may not enter: drive to the car park, then walk.
    ClosedToCars {
        /// Car park location.
        car_park: GeoPoint,
        /// Car park name for explanations.
        car_park_name: LocalizedText,
    },
}

/// A seasonal slowdown or closure declared by the pack.
///
/// Slowdowns honour `from_time`/`to_time` by departure time; the solver
/// plans with the worst case of the day so the final (earlier) timing stays
/// feasible. Closures to cars apply all day on matching dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CongestionRule {
    /// Identifier (reported back in notes).
    pub id: String,
    /// Name of the area for explanations (e.g. 花貫渓谷).
    pub area_name: LocalizedText,
    /// Dates on which it applies; empty = every date.
    pub dates: Vec<DateRange>,
    /// Only on Saturdays, Sundays and Japanese public holidays.
    pub weekends_and_holidays_only: bool,
    /// Time of day it starts (`None` = all day).
    pub from_time: Option<NaiveTime>,
    /// Time of day it ends (`None` = all day).
    pub to_time: Option<NaiveTime>,
    /// Modes affected; empty = all.
    pub modes: Vec<Mode>,
    /// Where.
    pub area: Area,
    /// What.
    pub effect: Effect,
}

/// A planning request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanRequest {
    /// First day of the trip.
    pub date: NaiveDate,
    /// Departure time each day.
    pub start_time: NaiveTime,
    /// Return time each day; if `None`, `budget_minutes` after the start.
    pub end_time: Option<NaiveTime>,
    /// Time available per day when `end_time` is `None`.
    pub budget_minutes: Option<u32>,
    /// Start place.
    pub start: Place,
    /// End place (`None` = back to the start).
    pub end: Option<Place>,
    /// Transport mode.
    pub mode: Mode,
    /// Interest tags with weights (> 0).
    pub interests: Vec<(String, f64)>,
    /// Visit pace.
    pub pace: Pace,
    /// Spots that must be in the course.
    pub must_visit: Vec<String>,
    /// Spots that must not be in the course.
    pub exclude: Vec<String>,
    /// Number of days (tours), at least 1.
    pub days: u32,
    /// Taxi, bicycle and walking limits accepted besides `mode`.
    #[serde(default)]
    pub access: crate::planner::Access,
}

/// Tuning of the search behind a suggestion.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PlannerConfig {
    /// Random seed (same seed + same input = same course).
    pub seed: u64,
    /// Iterations for the main course.
    pub iterations: u64,
    /// Iterations for each alternative.
    pub alt_iterations: u64,
    /// Safety wall-clock cap per solve, ms.
    pub time_limit_ms: u64,
    /// Alternatives to produce (0..=2).
    pub alternatives: usize,
}

impl Default for PlannerConfig {
    /// Seed 1, 150 / 60 iterations, 25 ms cap per solve, 2 alternatives.
    fn default() -> Self {
        Self {
            seed: 1,
            iterations: 150,
            alt_iterations: 60,
            time_limit_ms: 25,
            alternatives: 2,
        }
    }
}

/// Why a stop was chosen, or what to know about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reason {
    /// These requested interests match the spot's tags.
    MatchesInterests(Vec<String>),
    /// Chosen mostly for its popularity.
    Popular,
    /// You asked for it (must-visit or locked).
    Requested,
    /// Open until this time (on that day).
    OpenUntil(NaiveTime),
    /// No opening hours restrict it.
    AlwaysOpen,
    /// Travel to or from it is slowed by a congestion rule.
    Congestion {
        /// Rule id.
        rule: String,
        /// Area name.
        area_name: LocalizedText,
        /// Travel-time multiplier.
        factor: f64,
        /// When it applies (if limited).
        from: Option<NaiveTime>,
        /// Until when.
        to: Option<NaiveTime>,
    },
    /// Closed to cars: park and walk.
    CarPark {
        /// Rule id.
        rule: String,
        /// Car park name.
        car_park_name: LocalizedText,
        /// Walking minutes from the car park.
        walk_minutes: f64,
    },
}

/// One stop of a course.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stop {
    /// Spot id.
    pub spot_id: String,
    /// Arrival.
    pub arrival: NaiveTime,
    /// Start of the visit (after any wait for opening).
    pub start: NaiveTime,
    /// Departure.
    pub leave: NaiveTime,
    /// Minutes waited before the visit.
    pub wait_minutes: f64,
    /// Structured explanation.
    pub reasons: Vec<Reason>,
}

/// A travel leg between two consecutive places of a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Leg {
    /// Mode actually used (walking replaces a slower mode on short hops).
    pub mode: Mode,
    /// Minutes, including parking/waiting overheads and congestion.
    pub minutes: f64,
    /// Part of `minutes` walked from/to a car park because of a closure.
    pub car_park_walk_minutes: f64,
    /// Ids of congestion rules that affected this leg.
    pub congestion: Vec<String>,
    /// When the leg starts.
    #[serde(default)]
    pub depart: NaiveTime,
    /// Minutes on foot within the leg (all of a walk; to, between and from
    /// stops; from a car park).
    #[serde(default)]
    pub walk_minutes: f64,
    /// Yen paid for the leg: the bus or train fare, the taxi fare.
    #[serde(default)]
    pub fare_yen: u32,
    /// The rides of a bus or train leg, as the timetable runs them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transit: Option<crate::planner::TransitLeg>,
}

/// One day of a course.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DayPlan {
    /// The date.
    pub date: NaiveDate,
    /// Departure from the start place.
    pub depart: NaiveTime,
    /// Arrival back at the end place.
    pub arrive: NaiveTime,
    /// Stops in order.
    pub stops: Vec<Stop>,
    /// `stops.len() + 1` legs: start → first stop … last stop → end.
    pub legs: Vec<Leg>,
}

/// A complete suggested course.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Course {
    /// One entry per day.
    pub days: Vec<DayPlan>,
    /// Sum of the stops' scores (for ranking; no unit).
    pub score: f64,
    /// Minutes spent visiting.
    pub visit_minutes: f64,
    /// Minutes travelling.
    pub travel_minutes: f64,
    /// Minutes waiting for openings.
    pub wait_minutes: f64,
    /// Ids of congestion rules that shaped this course.
    pub congestion_rules: Vec<String>,
    /// Bus and train fares, yen (rides whose fare is unknown count 0).
    #[serde(default)]
    pub transit_yen: u32,
    /// Taxi fares, yen.
    #[serde(default)]
    pub taxi_yen: u32,
    /// Rental-bicycle fees, yen.
    #[serde(default)]
    pub bicycle_yen: u32,
    /// Minutes on foot over all legs.
    #[serde(default)]
    pub walk_minutes: f64,
    /// The longest stretch on foot of any one leg, minutes
    /// ([`Leg::longest_walk_minutes`]).
    #[serde(default)]
    pub longest_walk_minutes: f64,
}

impl Leg {
    /// The longest stretch on foot without a ride between: the walk to the
    /// stop, a change between stops or the walk on, or the whole walk.
    pub fn longest_walk_minutes(&self) -> f64 {
        match &self.transit {
            Some(t) => f64::from(
                t.walk_to_stop_minutes
                    .max(t.transfer_walk_minutes)
                    .max(t.walk_from_stop_minutes),
            ),
            None => self.walk_minutes,
        }
    }
}

impl Course {
    /// All stop ids in visiting order.
    pub fn stop_ids(&self) -> Vec<&str> {
        self.days
            .iter()
            .flat_map(|d| d.stops.iter().map(|s| s.spot_id.as_str()))
            .collect()
    }
}

/// The planner's answer: a main course and up to two alternatives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    /// The best course found.
    pub main: Course,
    /// Courses that differ meaningfully from the main one (and each other).
    pub alternatives: Vec<Course>,
    /// Spots left out because their `opening_hours` could not be read.
    pub unreadable_hours: Vec<String>,
}

/// Edits for [`crate::planner::replan`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Edits {
    /// Stops the user removed (excluded from now on).
    pub remove: Vec<String>,
    /// Stops the user locked (must stay in the course).
    pub lock: Vec<String>,
}

/// A mode or pace name that is not one of the known keywords.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown keyword {0:?}")]
pub struct UnknownKeyword(pub String);

impl std::str::FromStr for Mode {
    type Err = UnknownKeyword;

    /// `walk`, `bicycle` (or `bike`), `car`, `bus`, `transit` (or `train`,
    /// `public`), any case. `bus` alone keeps the estimated bus of packs
    /// without a timetable; `transit` rides the timetable.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "walk" => Ok(Mode::Walk),
            "bicycle" | "bike" => Ok(Mode::Bicycle),
            "car" => Ok(Mode::Car),
            "bus" => Ok(Mode::Bus),
            "transit" | "train" | "public" => Ok(Mode::Transit),
            _ => Err(UnknownKeyword(s.to_string())),
        }
    }
}

impl std::str::FromStr for Pace {
    type Err = UnknownKeyword;

    /// `relaxed`, `normal`, `packed`, any case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "relaxed" => Ok(Pace::Relaxed),
            "normal" => Ok(Pace::Normal),
            "packed" => Ok(Pace::Packed),
            _ => Err(UnknownKeyword(s.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_parse() {
        assert_eq!("Walk".parse::<Mode>(), Ok(Mode::Walk));
        assert_eq!("train".parse::<Mode>(), Ok(Mode::Transit));
        assert_eq!("bus".parse::<Mode>(), Ok(Mode::Bus));
        assert_eq!("packed".parse::<Pace>(), Ok(Pace::Packed));
        assert!("plane".parse::<Mode>().is_err());
        assert_eq!(Pace::Relaxed.factor(), 1.3);
    }
}
