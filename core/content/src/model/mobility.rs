//! Taxis and rental bicycles: the legs a course planner may use besides
//! walking and timetabled transport (issue 16), from the source's
//! `course.toml` (`[taxi]`, `[[taxi_stand]]`, `[[bicycle_rental]]`).

use machi_common::{GeoPoint, LocalizedText};
use serde::{Deserialize, Serialize};

/// Ways to get around besides walking and timetabled transport (course planner).
///
/// Empty (the [`Default`]) for a pack that has none, as every pack built
/// before issue 16: the planner then offers no taxi or bicycle legs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Mobility {
    /// The town's taxi fare table; `None`: the pack says nothing about
    /// taxis, so the planner offers no taxi legs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taxi: Option<TaxiTariff>,
    /// Places where taxis wait for passengers (a station's taxi rank). A
    /// pack with stands always has a [`Mobility::taxi`] tariff (checked at
    /// build). Elsewhere a taxi must be called ([`TaxiTariff::call_wait_minutes`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub taxi_stands: Vec<TaxiStand>,
    /// Rental-bicycle stations, ids unique among them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bicycle_rentals: Vec<BicycleRental>,
}

impl Mobility {
    /// True when the pack has no taxi tariff, stand or bicycle rental (a
    /// pack that leaves the whole section out, and so stores no row).
    pub fn is_empty(&self) -> bool {
        self.taxi.is_none() && self.taxi_stands.is_empty() && self.bicycle_rentals.is_empty()
    }
}

/// A distance-based taxi fare table (距離制運賃): fare = `initial_yen` up to
/// `initial_metres`, then `step_yen` for each started `step_metres` beyond
/// (the meter adds a step as soon as the taxi enters it). Time-based
/// additions (時間距離併用制) and late-night surcharges are not modelled, so
/// [`TaxiTariff::fare_yen`] is the lowest a ride of that length costs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaxiTariff {
    /// Who runs the taxis (a company, or "the town's taxi companies");
    /// always has a Japanese text.
    pub operator: LocalizedText,
    /// Number to call a taxi, as written for people (`0293-00-0000`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The flag fall (初乗運賃) in yen, which covers the first `initial_metres`.
    pub initial_yen: u32,
    /// The distance the flag fall covers (初乗距離), metres.
    pub initial_metres: u32,
    /// The addition (加算運賃) in yen per started step beyond the initial distance; > 0.
    pub step_yen: u32,
    /// The length of one step (加算距離), metres; > 0.
    pub step_metres: u32,
    /// Typical minutes from calling a taxi to its arrival, away from a stand.
    pub call_wait_minutes: u32,
}

impl TaxiTariff {
    /// The meter fare in yen for a ride of `metres`: `initial_yen` up to
    /// `initial_metres` (and for a distance that is not a positive number),
    /// then `step_yen` for each started `step_metres`. Saturates at
    /// `u32::MAX` rather than overflowing; a zero `step_metres` (refused at
    /// build) charges no steps rather than dividing by zero.
    pub fn fare_yen(&self, metres: f64) -> u32 {
        machi_common::fare::meter_yen(
            self.initial_yen,
            self.initial_metres,
            self.step_yen,
            self.step_metres,
            metres,
        )
    }
}

/// A place where taxis wait for passengers (タクシー乗り場).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaxiStand {
    /// Stable id, unique among the pack's taxi stands (`takahagi-station-taxi`).
    pub id: String,
    /// Name; always has a Japanese text.
    pub name: LocalizedText,
    /// Where passengers board (a checked WGS 84 point).
    pub location: GeoPoint,
    /// Typical minutes a passenger waits for a taxi here.
    pub wait_minutes: u32,
}

/// Where a rented bicycle may be returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReturnRule {
    /// Only at the station it was rented from (`same-station`): a course
    /// using it must come back there.
    SameStation,
    /// At any of the pack's bicycle rental stations whose rule is also
    /// `any-station` (`any-station`): one-way rides between them are allowed.
    AnyStation,
}

/// A rental-bicycle station (レンタサイクル).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BicycleRental {
    /// Stable id, unique among the pack's bicycle rentals (`takahagi-station-cycle`).
    pub id: String,
    /// Name; always has a Japanese text.
    pub name: LocalizedText,
    /// Where bicycles are rented and returned (a checked WGS 84 point).
    pub location: GeoPoint,
    /// When bicycles can be rented and returned, OSM `opening_hours` syntax
    /// (parsed at build with `crate::hours::Hours`, like spots' hours).
    pub opening_hours: String,
    /// The fee in yen for one rental (one day unless `note` says otherwise).
    pub fee_yen: u32,
    /// Where the bicycle must be returned.
    pub return_rule: ReturnRule,
    /// How many bicycles the station has, when known (availability is not live).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bikes: Option<u32>,
    /// Some or all of its bicycles are electric-assist (電動アシスト).
    #[serde(default)]
    pub electric: bool,
    /// What a visitor should know (deposit, ID to bring, how fees count).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<LocalizedText>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use machi_common::Lang;

    fn tariff() -> TaxiTariff {
        TaxiTariff {
            operator: LocalizedText::single(Lang::Ja, "市内タクシー"),
            phone: None,
            initial_yen: 600,
            initial_metres: 1300,
            step_yen: 100,
            step_metres: 290,
            call_wait_minutes: 15,
        }
    }

    #[test]
    fn fare_is_the_flag_fall_up_to_the_initial_distance() {
        let t = tariff();
        assert_eq!(t.fare_yen(0.0), 600);
        assert_eq!(t.fare_yen(1300.0), 600, "exactly the initial distance");
        assert_eq!(t.fare_yen(-5.0), 600);
        assert_eq!(t.fare_yen(f64::NAN), 600);
    }

    #[test]
    fn each_started_step_adds_its_fare() {
        let t = tariff();
        assert_eq!(t.fare_yen(1301.0), 700, "one metre over starts a step");
        assert_eq!(t.fare_yen(1590.0), 700, "exactly one step");
        assert_eq!(t.fare_yen(1590.5), 800);
        // 10 km: 8,700 m beyond = 30 steps exactly.
        assert_eq!(t.fare_yen(10_000.0), 600 + 30 * 100);
        // 25 km: 23,700 m / 290 = 81.7 -> 82 steps.
        assert_eq!(t.fare_yen(25_000.0), 600 + 82 * 100);
    }

    #[test]
    fn fare_saturates_and_survives_a_zero_step() {
        let t = tariff();
        assert_eq!(t.fare_yen(f64::INFINITY), u32::MAX);
        assert_eq!(t.fare_yen(1e30), u32::MAX);
        let flat = TaxiTariff {
            step_metres: 0,
            ..tariff()
        };
        assert_eq!(flat.fare_yen(50_000.0), 600);
    }

    #[test]
    fn an_empty_mobility_serializes_to_an_empty_object_and_reads_back() {
        let m = Mobility::default();
        assert!(m.is_empty());
        assert_eq!(serde_json::to_string(&m).unwrap(), "{}");
        let back: Mobility = serde_json::from_str("{}").unwrap();
        assert_eq!(back, m);
        assert_eq!(
            serde_json::to_string(&ReturnRule::SameStation).unwrap(),
            "\"same-station\""
        );
    }
}
