//! machi's foreign-language facade (uniffi, proc-macros).
//!
//! Thin by design: the exported [`Machi`] object wraps `machi_app::Machi`,
//! keeps the reader's locale (so every query comes back already resolved for
//! it), and converts between plain FFI records and the core's types. One
//! [`MachiError`] enum gives a UI the failure kinds it can act on.
//!
//! Modules, one job each: `error` (the public error), [`types`] (shared
//! records and conversions), `machi` (open + locale + messages), `content`
//! (spots, events, shelters, garbage, pack), `course` (the course
//! planner), `places` (registered places),
//! `alerts` (notices and their listener), `faq` (the chatbot), `garbage`
//! (the sorting dictionary), `sync`
//! (async content sync with progress and cancellation) and `transit`
//! (public-transport journeys and stop boards).

uniffi::setup_scaffolding!();

mod alerts;
mod content;
mod course;
mod error;
mod faq;
mod garbage;
mod machi;
mod notice_list;
mod places;
mod procedures;
mod sync;
mod transit;
pub mod types;

pub use alerts::*;
pub use content::*;
pub use course::*;
pub use error::MachiError;
pub use faq::*;
pub use garbage::*;
pub use machi::*;
pub use notice_list::*;
pub use places::*;
pub use procedures::*;
pub use sync::*;
pub use transit::*;
pub use types::{IsoDate, IsoTime, OffsetTime, RubySegment, UtcTime};

// The core types the facade declares for the FFI (see `types`), under the
// names the shells know them by.
pub use machi_app::content_core::model::ShelterKind;
pub use machi_app::content_core::store::Place;
pub use machi_app::{
    CongestionView, CourseDayView, CourseEdits, CourseLegView, CourseMode, CoursePace,
    CoursePlanView, CourseStopView, CourseView, EventView as Event, FaqAnswer, FaqChoice,
    FaqContact, FaqSuggestion, GarbageAreaView as GarbageArea,
    GarbageCollectionView as GarbageCollection, IngestReport as IngestOutcome, NoticeDetail,
    NoticeView as Notice, ShelterChoice, ShelterStatus, ShelterView as Shelter, SpotView as Spot,
    TagView as SpotTag, Text,
};
pub use machi_app::{
    GarbageMatchKind, GarbageMatchView as GarbageMatch, GarbageSortView as GarbageSort,
    GarbageSuggestion,
};
pub use machi_app::{
    TransitDepartureView as TransitDeparture, TransitJourneyView as TransitJourney,
    TransitLegView as TransitLeg,
};
pub use machi_common::{GeoPoint, Hazard};
pub use machi_sync::{Phase as SyncPhase, Progress as SyncProgress};

/// The version of the core library the shell is talking to.
#[uniffi::export]
pub fn core_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
