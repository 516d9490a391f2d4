//! What a visitor without a car accepts besides walking: buses and trains
//! from the town's timetable, a taxi up to a budget, a rental bicycle, and
//! how long one walk may be. Plain data; the app maps the pack's records here.

use chrono::NaiveTime;
use machi_common::{GeoPoint, LocalizedText};
use serde::{Deserialize, Serialize};

/// The longest single walk when the request names none, minutes.
pub const DEFAULT_MAX_WALK_MINUTES: u32 = 20;

/// Leg options a request accepts beyond its main mode.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Access {
    /// The longest walk of any one leg, minutes. `None` with no other option
    /// set keeps the plain walking planner (no limit); with one set, 20.
    pub max_walk_minutes: Option<u32>,
    /// Taxi rides allowed up to this many yen over the whole trip.
    pub taxi_budget_yen: Option<u32>,
    /// A rental bicycle from a rental station at the start may be used.
    pub bicycle: bool,
}

impl Access {
    /// The longest walk of one leg a request with these options and `mode`
    /// asks for: its own limit, [`DEFAULT_MAX_WALK_MINUTES`] once it accepts
    /// anything beyond walking (the timetable, a taxi, a bicycle), else none.
    pub fn walk_limit(&self, mode: crate::planner::Mode) -> Option<u32> {
        let beyond =
            mode == crate::planner::Mode::Transit || self.taxi_budget_yen.is_some() || self.bicycle;
        match (self.max_walk_minutes, beyond) {
            (Some(m), _) => Some(m),
            (None, true) => Some(DEFAULT_MAX_WALK_MINUTES),
            (None, false) => None,
        }
    }
}

/// The taxi fare rule ([`machi_common::fare::meter_yen`]): `initial_yen` up
/// to `initial_metres`, then `step_yen` for each started `step_metres`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaxiFare {
    /// Fare for the first `initial_metres`.
    pub initial_yen: u32,
    /// Distance the initial fare covers, metres.
    pub initial_metres: u32,
    /// Added for each started step beyond it.
    pub step_yen: u32,
    /// Length of one step, metres (0 charges no steps).
    pub step_metres: u32,
}

impl TaxiFare {
    /// The fare in yen for a ride of `metres` (road distance).
    pub fn yen(&self, metres: f64) -> u32 {
        machi_common::fare::meter_yen(
            self.initial_yen,
            self.initial_metres,
            self.step_yen,
            self.step_metres,
            metres,
        )
    }
}

/// Where taxis wait (a rank at a station), so none has to be called.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaxiStand {
    /// Where.
    pub location: GeoPoint,
    /// Typical wait for a taxi there, minutes.
    pub wait_minutes: u32,
}

/// The town's taxis as the planner uses them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Taxi {
    /// The fare rule.
    pub fare: TaxiFare,
    /// Minutes until a called taxi arrives away from a stand.
    pub call_wait_minutes: u32,
    /// Taxi ranks.
    pub stands: Vec<TaxiStand>,
}

/// Where a rented bicycle has to be brought back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReturnRule {
    /// To the station it was rented from.
    SameStation,
    /// To any of the town's rental stations.
    AnyStation,
}

/// A rental-bicycle station, with its hours on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BikeRental {
    /// Identifier (reported in the leg).
    pub id: String,
    /// Name for explanations.
    pub name: LocalizedText,
    /// Where.
    pub location: GeoPoint,
    /// OSM `opening_hours` of the counter; bicycles are rented and returned
    /// while it is open.
    pub opening_hours: String,
    /// Rental fee per day, yen.
    pub fee_yen: u32,
    /// Where it must be returned.
    pub return_rule: ReturnRule,
}

/// A rental station open on a trip day: rent from `open`, return by `close`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct BikeDay {
    /// Index into the context's rentals.
    pub(crate) rental: usize,
    /// Minutes of the day the counter opens and closes.
    pub(crate) open: f64,
    pub(crate) close: f64,
}

/// One ride of a bus or train leg, names in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ride {
    /// Line name (e.g. "JR常磐線", "市内循環バス").
    pub line: String,
    /// Where the vehicle is going.
    pub headsign: String,
    /// Boarding stop.
    pub from_stop: String,
    /// Alighting stop.
    pub to_stop: String,
    /// Departure from `from_stop`.
    pub depart: NaiveTime,
    /// Arrival at `to_stop`.
    pub arrive: NaiveTime,
    /// Stops travelled.
    pub stops: u32,
    /// Fare in yen when the timetable gives one.
    pub fare_yen: Option<u32>,
}

/// The timetabled part of a leg: walk to a stop, ride (and change), walk on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransitLeg {
    /// Walking minutes to the first stop.
    pub walk_to_stop_minutes: u32,
    /// The rides in order.
    pub rides: Vec<Ride>,
    /// Walking minutes from the last stop.
    pub walk_from_stop_minutes: u32,
    /// Walking minutes between stops when changing.
    pub transfer_walk_minutes: u32,
    /// Minutes waited at stops (before the first ride and between rides).
    pub wait_minutes: u32,
    /// Sum of the fares; `None` when one is unknown.
    pub fare_yen: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taxi_fare_counts_started_steps() {
        let f = TaxiFare {
            initial_yen: 600,
            initial_metres: 1200,
            step_yen: 100,
            step_metres: 280,
        };
        assert_eq!(f.yen(0.0), 600);
        assert_eq!(f.yen(1200.0), 600);
        assert_eq!(f.yen(1201.0), 700);
        assert_eq!(f.yen(1200.0 + 280.0 * 10.0), 1600);
        assert_eq!(f.yen(f64::NAN), 600);
    }
}
