//! View records of the transit facade: names already in the reader's
//! language, times both as `H:MM` and as seconds.

use machi_common::Lang;
use machi_transit::{format_hhmm, Departure, Journey, Leg, Timetable};
use serde::{Deserialize, Serialize};

/// One leg of a journey: a walk or a ride.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransitLegView {
    /// `walk` or `ride`.
    pub kind: String,
    /// Where the leg starts: a stop's name; `None` for a walk from the
    /// journey's start point.
    pub from_name: Option<String>,
    /// Where it ends; `None` for a walk to the journey's destination point.
    pub to_name: Option<String>,
    /// Start, seconds after midnight of the asked date (may pass 24 h).
    pub depart: u32,
    /// Start as `H:MM`.
    pub depart_hhmm: String,
    /// End, seconds after midnight of the asked date.
    pub arrive: u32,
    /// End as `H:MM`.
    pub arrive_hhmm: String,
    /// A ride's line (route) name.
    pub line_name: Option<String>,
    /// A ride's headsign (where the vehicle is going).
    pub headsign: Option<String>,
    /// The boarding pole's platform (のりば), when the feed gives one.
    pub platform: Option<String>,
    /// A ride's fare in yen, when the feed says.
    pub fare_yen: Option<u32>,
    /// A ride's number of stops travelled (0 for a walk).
    pub stops: u32,
    /// A walk's minutes (0 for a ride).
    pub walk_minutes: u32,
    /// A walk's estimated metres (0 for a ride).
    pub walk_metres: u32,
}

/// A journey: when to leave, when one arrives, the legs and totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransitJourneyView {
    /// Leave at, seconds after midnight of the asked date.
    pub depart: u32,
    /// Leave at, `H:MM`.
    pub depart_hhmm: String,
    /// Arrive at, seconds after midnight of the asked date.
    pub arrive: u32,
    /// Arrive at, `H:MM`.
    pub arrive_hhmm: String,
    /// Door-to-door minutes.
    pub minutes: u32,
    /// Changes between vehicles.
    pub transfers: u32,
    /// The sum of the rides' fares in yen; `None` when one is unknown.
    pub fare_yen: Option<u32>,
    /// Minutes on foot in all.
    pub walk_minutes: u32,
    /// The legs in order.
    pub legs: Vec<TransitLegView>,
}

/// One vehicle leaving a stop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransitDepartureView {
    /// Seconds after midnight of the asked date.
    pub seconds: u32,
    /// `H:MM`.
    pub time: String,
    /// The line (route) name.
    pub line_name: String,
    /// Where it is going.
    pub headsign: String,
    /// The pole's platform (のりば), when the feed gives one.
    pub platform: Option<String>,
    /// The pole's stop id.
    pub stop_id: String,
    /// The pole's name.
    pub stop_name: String,
}

fn stop_name(tt: &Timetable, stop: Option<u32>, lang: Lang) -> Option<String> {
    tt.stops
        .get(stop? as usize)
        .map(|s| s.name.get(lang).to_string())
}

impl TransitLegView {
    fn new(tt: &Timetable, leg: &Leg, lang: Lang) -> TransitLegView {
        let (depart, arrive) = (leg.depart(), leg.arrive());
        let base = TransitLegView {
            kind: String::new(),
            from_name: None,
            to_name: None,
            depart,
            depart_hhmm: format_hhmm(depart),
            arrive,
            arrive_hhmm: format_hhmm(arrive),
            line_name: None,
            headsign: None,
            platform: None,
            fare_yen: None,
            stops: 0,
            walk_minutes: 0,
            walk_metres: 0,
        };
        match leg {
            Leg::Walk(w) => TransitLegView {
                kind: "walk".into(),
                from_name: stop_name(tt, w.from, lang),
                to_name: stop_name(tt, w.to, lang),
                walk_minutes: w.minutes,
                walk_metres: w.metres,
                ..base
            },
            Leg::Ride(r) => TransitLegView {
                kind: "ride".into(),
                from_name: Some(r.from_name.clone()),
                to_name: Some(r.to_name.clone()),
                line_name: Some(r.route_name.clone()),
                headsign: Some(r.headsign.clone()),
                platform: tt
                    .stops
                    .get(r.from_stop as usize)
                    .and_then(|s| s.platform.clone()),
                fare_yen: r.fare_yen,
                stops: r.stops,
                ..base
            },
        }
    }
}

impl TransitJourneyView {
    /// The view of `j` (searched on `tt`), names in `lang`.
    pub(crate) fn new(tt: &Timetable, j: &Journey, lang: Lang) -> TransitJourneyView {
        let legs: Vec<TransitLegView> = j
            .legs
            .iter()
            .map(|l| TransitLegView::new(tt, l, lang))
            .collect();
        TransitJourneyView {
            depart: j.depart,
            depart_hhmm: format_hhmm(j.depart),
            arrive: j.arrive,
            arrive_hhmm: format_hhmm(j.arrive),
            minutes: j.arrive.saturating_sub(j.depart).div_ceil(60),
            transfers: j.transfers,
            fare_yen: j.fare_yen,
            walk_minutes: legs.iter().map(|l| l.walk_minutes).sum(),
            legs,
        }
    }
}

impl TransitDepartureView {
    /// The view of `d` (from `tt`), names in `lang`; `None` when `d` points
    /// outside `tt`.
    pub(crate) fn new(tt: &Timetable, d: &Departure, lang: Lang) -> Option<TransitDepartureView> {
        let route = tt.routes.get(d.route as usize)?;
        let stop = tt.stops.get(d.stop as usize)?;
        Some(TransitDepartureView {
            seconds: d.time,
            time: format_hhmm(d.time),
            line_name: route.display_name(lang).to_string(),
            headsign: tt
                .trips
                .get(d.trip as usize)?
                .headsign
                .get(lang)
                .to_string(),
            platform: stop.platform.clone(),
            stop_id: stop.id.clone(),
            stop_name: stop.name.get(lang).to_string(),
        })
    }
}
