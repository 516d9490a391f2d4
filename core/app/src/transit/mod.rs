//! Public transport on the facade: journeys and stop boards over the
//! installed pack's GTFS-JP timetable (issue 16), as view records with
//! names in the reader's language.
//!
//! The decoded [`Timetable`] is cached per content generation, so a new
//! pack's timetable replaces it on the next call.

mod views;

use std::sync::{Arc, RwLock};

use chrono::NaiveDate;
use machi_common::{GeoPoint, Lang};
use machi_transit::{CalendarOptions, Place, Query, Router, SearchParams, StopKind, Timetable};

pub use views::{TransitDepartureView, TransitJourneyView, TransitLegView};

use crate::error::Error;
use crate::Machi;

/// Why a transit call has no answer, in kinds a UI (or the CLI's
/// localized messages) can tell apart.
#[derive(Debug, thiserror::Error)]
pub enum TransitError {
    /// The installed pack carries no timetable.
    #[error("the installed pack has no public-transport timetable")]
    NoTimetable,
    /// The pack's timetable blob cannot be read.
    #[error("the installed timetable cannot be read: {0}")]
    BadTimetable(String),
    /// No stop has this exact name (in any language) or id.
    #[error("no stop is called {0:?}")]
    UnknownStop(String),
    /// `LAT,LON` out of range.
    #[error("{0:?} is not a valid LAT,LON position")]
    BadPoint(String),
    /// The search refused the query.
    #[error("the search failed: {0}")]
    Search(String),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] Error),
}

impl From<TransitError> for Error {
    fn from(e: TransitError) -> Self {
        match e {
            TransitError::NoTimetable | TransitError::UnknownStop(_) => Error::NotFound {
                what: e.to_string(),
            },
            TransitError::BadPoint(_) | TransitError::Search(_) => Error::InvalidInput {
                reason: e.to_string(),
            },
            TransitError::BadTimetable(reason) => Error::Integrity { reason },
            TransitError::Store(e) => e,
        }
    }
}

/// The decoded timetable of one content generation.
#[derive(Debug)]
struct Cached {
    generation: u64,
    timetable: Arc<Timetable>,
}

/// Per-`Machi` state: the cached timetable.
#[derive(Debug, Default)]
pub(crate) struct State {
    cache: RwLock<Option<Cached>>,
}

fn poisoned() -> TransitError {
    TransitError::Store(Error::Storage {
        reason: "transit cache lock poisoned by an earlier panic".into(),
    })
}

/// A stop name or id, or `LAT,LON`, as a search place.
fn place(tt: &Timetable, v: &str) -> Result<Place, TransitError> {
    if let Some((a, b)) = v.split_once(',') {
        if let (Ok(lat), Ok(lon)) = (a.trim().parse::<f64>(), b.trim().parse::<f64>()) {
            return GeoPoint::new(lat, lon)
                .map(Place::Point)
                .map_err(|_| TransitError::BadPoint(v.to_string()));
        }
    }
    // A name shared by a station and its poles: the station (its poles are
    // all boarded from it), else the first pole.
    let named = tt.stops_named(v.trim());
    named
        .iter()
        .copied()
        .find(|&i| tt.stops[i as usize].kind != StopKind::Stop)
        .or_else(|| named.first().copied())
        .or_else(|| tt.stop_by_id(v.trim()))
        .map(Place::Stop)
        .ok_or_else(|| TransitError::UnknownStop(v.to_string()))
}

/// The stops a board is for: a station of that name (all its poles), else
/// every pole of that name (a stop often has one pole per direction), else
/// the stop with that id.
fn board_stops(tt: &Timetable, v: &str) -> Vec<u32> {
    let named = tt.stops_named(v.trim());
    if let Some(&station) = named
        .iter()
        .find(|&&i| tt.stops[i as usize].kind == StopKind::Station)
    {
        return vec![station];
    }
    if !named.is_empty() {
        return named;
    }
    tt.stop_by_id(v.trim()).into_iter().collect()
}

impl Machi {
    /// The installed pack's timetable, decoded once per content generation.
    pub fn transit_timetable(&self) -> Result<Arc<Timetable>, TransitError> {
        let generation = self.content_generation();
        if let Some(c) = self
            .transit
            .cache
            .read()
            .map_err(|_| poisoned())?
            .as_ref()
            .filter(|c| c.generation == generation)
        {
            return Ok(Arc::clone(&c.timetable));
        }
        let data = self
            .store()?
            .transit()
            .map_err(Error::from)?
            .ok_or(TransitError::NoTimetable)?;
        let tt = Timetable::from_blob(data.blob.as_bytes())
            .map_err(|e| TransitError::BadTimetable(e.to_string()))?;
        let timetable = Arc::new(tt);
        *self.transit.cache.write().map_err(|_| poisoned())? = Some(Cached {
            generation,
            timetable: Arc::clone(&timetable),
        });
        Ok(timetable)
    }

    /// The earliest arrival from `from` to `to` (stop names in any
    /// language, stop ids, or `LAT,LON`) leaving at `time` (seconds after
    /// midnight of `date`), or with `arrive_by` the latest departure that
    /// arrives by `time`. Names in `lang` (Japanese when `None`). `Ok(None)`
    /// when nothing connects them then.
    pub fn transit_route(
        &self,
        from: &str,
        to: &str,
        date: NaiveDate,
        time: u32,
        arrive_by: bool,
        lang: Option<Lang>,
    ) -> Result<Option<TransitJourneyView>, TransitError> {
        let tt = self.transit_timetable()?;
        let lang = lang.unwrap_or(Lang::Ja);
        let q = Query {
            from: place(&tt, from)?,
            to: place(&tt, to)?,
            date,
            time,
            lang,
        };
        let router = Router::new(&tt, SearchParams::default());
        let found = if arrive_by {
            router.latest_departure(&q)
        } else {
            router.earliest_arrival(&q)
        }
        .map_err(|e| TransitError::Search(e.to_string()))?;
        Ok(found.map(|j| TransitJourneyView::new(&tt, &j, lang)))
    }

    /// Up to `count` departures from `stop` (a name in any language or an
    /// id; a station lists all its poles) on `date` from `time` (seconds
    /// after midnight) on, in time order, names in `lang`.
    pub fn transit_departures(
        &self,
        stop: &str,
        date: NaiveDate,
        time: u32,
        count: u32,
        lang: Option<Lang>,
    ) -> Result<Vec<TransitDepartureView>, TransitError> {
        let tt = self.transit_timetable()?;
        let lang = lang.unwrap_or(Lang::Ja);
        let stops = board_stops(&tt, stop);
        if stops.is_empty() {
            return Err(TransitError::UnknownStop(stop.to_string()));
        }
        let count = count as usize;
        let mut found: Vec<_> = stops
            .iter()
            .flat_map(|&s| tt.departures(s, date, time, count, CalendarOptions::default()))
            .collect();
        found.sort_by_key(|d| (d.time, d.stop, d.trip));
        found.dedup();
        found.truncate(count);
        Ok(found
            .iter()
            .filter_map(|d| TransitDepartureView::new(&tt, d, lang))
            .collect())
    }

    /// The name of the stop a board or route would use for `stop`, in
    /// `lang`: what a heading shows ("Departures from …").
    pub fn transit_stop_name(
        &self,
        stop: &str,
        lang: Option<Lang>,
    ) -> Result<String, TransitError> {
        let tt = self.transit_timetable()?;
        let first = board_stops(&tt, stop)
            .first()
            .copied()
            .ok_or_else(|| TransitError::UnknownStop(stop.to_string()))?;
        Ok(tt.stops[first as usize]
            .name
            .get(lang.unwrap_or(Lang::Ja))
            .to_string())
    }
}
