//! Public transport: journeys and stop boards over the installed pack's
//! timetable, names in the reader's language. Records are the core's
//! (`machi_app::Transit…View`), declared here with `#[uniffi::remote]`.

use chrono::Timelike;
use machi_app::{TransitDepartureView, TransitJourneyView, TransitLegView};

use crate::error::Result;
use crate::types::{IsoDate, IsoTime};
use crate::Machi;

/// One leg: `kind` `walk` or `ride`; names `None` for the journey's own
/// start or end point; times as `H:MM` and seconds after midnight.
#[uniffi::remote(Record)]
#[uniffi(name = "TransitLeg")]
pub struct TransitLegView {
    pub kind: String,
    pub from_name: Option<String>,
    pub to_name: Option<String>,
    pub depart: u32,
    pub depart_hhmm: String,
    pub arrive: u32,
    pub arrive_hhmm: String,
    pub line_name: Option<String>,
    pub headsign: Option<String>,
    pub platform: Option<String>,
    pub fare_yen: Option<u32>,
    pub stops: u32,
    pub walk_minutes: u32,
    pub walk_metres: u32,
}

/// A journey: leave, arrive, minutes, transfers, fare, walking, legs.
#[uniffi::remote(Record)]
#[uniffi(name = "TransitJourney")]
pub struct TransitJourneyView {
    pub depart: u32,
    pub depart_hhmm: String,
    pub arrive: u32,
    pub arrive_hhmm: String,
    pub minutes: u32,
    pub transfers: u32,
    pub fare_yen: Option<u32>,
    pub walk_minutes: u32,
    pub legs: Vec<TransitLegView>,
}

/// One vehicle leaving a stop: time, line, headsign, platform, pole.
#[uniffi::remote(Record)]
#[uniffi(name = "TransitDeparture")]
pub struct TransitDepartureView {
    pub seconds: u32,
    pub time: String,
    pub line_name: String,
    pub headsign: String,
    pub platform: Option<String>,
    pub stop_id: String,
    pub stop_name: String,
}

#[uniffi::export]
impl Machi {
    /// The earliest arrival from `from` to `to` (stop names in any
    /// language, stop ids, or `LAT,LON`) leaving at `time` on `date`, or
    /// with `arrive_by` the latest departure arriving by `time`; `None` when
    /// nothing connects them then. `NotFound` when the pack has no
    /// timetable or a stop is unknown.
    pub fn transit_route(
        &self,
        from: String,
        to: String,
        date: IsoDate,
        time: IsoTime,
        arrive_by: bool,
    ) -> Result<Option<TransitJourneyView>> {
        let lang = self.chain().first().copied();
        Ok(self
            .app
            .transit_route(
                &from,
                &to,
                date,
                time.num_seconds_from_midnight(),
                arrive_by,
                lang,
            )
            .map_err(machi_app::Error::from)?)
    }

    /// Up to `count` departures from `stop` (a name or id; a station lists
    /// all its poles) on `date` from `time` on.
    pub fn transit_departures(
        &self,
        stop: String,
        date: IsoDate,
        time: IsoTime,
        count: u32,
    ) -> Result<Vec<TransitDepartureView>> {
        let lang = self.chain().first().copied();
        Ok(self
            .app
            .transit_departures(&stop, date, time.num_seconds_from_midnight(), count, lang)
            .map_err(machi_app::Error::from)?)
    }
}
