//! Public transport for machi from GTFS-JP (標準的なバス情報フォーマット).
//!
//! * [`Timetable::from_dir`] / [`Timetable::from_files`] read a feed
//!   (errors name `file:line` and the reason, [`GtfsError`]);
//! * [`Timetable`] is compact and serde-serializable ([`Timetable::to_blob`]),
//!   so a content pack can carry it as one signed blob;
//! * [`Timetable::services_on`] says which services run on a date;
//! * [`Router`] finds the earliest arrival between coordinates or stops, with
//!   walking, transfers and fares ([`Journey`]);
//! * [`Timetable::departures`] lists the next vehicles leaving a stop.

#![warn(missing_docs)]

mod departures;
mod error;
#[cfg(feature = "read")]
mod read;
mod search;
mod timetable;

pub use departures::Departure;
pub use error::{GtfsError, GtfsErrorKind};
#[cfg(feature = "read")]
pub use read::FeedFiles;
pub use search::{
    format_hhmm, Journey, Leg, Place, Query, RideLeg, Router, SearchError, SearchParams, WalkLeg,
};
pub use timetable::{
    is_public_holiday, Agency, BlobError, CalendarOptions, Connection, Fare, FareRule, FeedMeta,
    Name, Route, Service, Stop, StopKind, Timetable, Trip, BLOB_FORMAT,
};
