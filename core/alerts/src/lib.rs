//! machi-alerts: disaster notices for residents.
//!
//! CAP 1.0–1.2 (including the town's own evacuation information and
//! disaster-radio broadcasts) and JMA disaster XML are parsed into one
//! [`Notice`] model ([`parse_notice`]), stored with their update/cancel
//! lifecycle in the caller's SQLite database ([`ingest`]), filtered to the
//! user's places ([`AreaFilter`]) and rendered in the user's language
//! ([`render()`]). [`Notice::hazards`] tells the shelter lookup which
//! hazards a notice is about.
//!
//! ```
//! use machi_alerts::*;
//! use machi_common::{GeoPoint, Lang};
//!
//! let mut conn = rusqlite::Connection::open_in_memory()?;
//! migrate(&mut conn)?; // once per database open
//! let now = chrono::DateTime::parse_from_rfc3339("2026-09-09T21:00:00Z")?.to_utc();
//! let doc = include_bytes!("../tests/fixtures/takahagi-evac-l4.cap");
//! let filter = AreaFilter {
//!     places: vec![GeoPoint::new(36.80, 140.63)?],
//!     codes: vec![AreaCode::municipality("0821400")],
//!     everywhere: false,
//! };
//! // Committed before it returns; `fresh` is what a listener should notify.
//! // No trust policy: the bare document is stored as unverified.
//! let policy = TrustPolicy::empty();
//! let (outcome, fresh) =
//!     ingest_and_notify(&mut conn, doc, "takahagi-evac-l4.cap", &policy, &filter, now)?;
//! assert!(matches!(outcome.result, IngestResult::Stored { .. }));
//! assert_eq!(fresh.len(), 1);
//!
//! let shown = list(&conn, &ListFilter { area: filter, include_history: false }, now)?;
//! let item = &shown[0];
//! let loc = machi_i18n::Localizer::for_lang(Lang::Ko);
//! let text = render(&item.stored.notice, item.stored.state, &item.matched.kinds, &loc);
//! assert_eq!(text.title, "피난 지시(레벨 4)"); // template: the sender wrote ja + en only
//! assert_eq!(item.stored.notice.hazards(), vec![machi_common::Hazard::Landslide]);
//! mark_read(&conn, item.stored.id, now)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![warn(missing_docs)]

mod area;
mod cap;
mod envelope;
mod error;
mod jma;
pub mod kind;
mod model;
mod parse;
pub mod render;
mod schema;
mod store;
mod trust;
mod xml;

pub use area::{match_notice, point_in_polygon, AreaFilter, AreaMatch};
pub use envelope::{is_envelope, open as open_payload, Envelope, Payload, ENVELOPE_FORMAT};
pub use error::{Error, RejectReason, Result};
pub use kind::{
    AlertLevel, EvacuationLevel, Intensity, NoticeKind, Phenomenon, RiverStage, TsunamiGrade,
    WarningGrade,
};
pub use model::{
    Area, AreaCode, Certainty, Circle, CodeScheme, ForeignText, JmaHead, JmaInfoType, MsgType,
    Notice, Reference, Resource, Severity, ShelterState, ShelterUpdate, Source, Status, Urgency,
    DEFAULT_LIFETIME_HOURS, JMA_WARNING_LIFETIME_HOURS,
};
pub use parse::parse_notice;
pub use render::{render, speak_with_trust, trust_labels, Rendered, TextSource, TrustLabels};
pub use schema::{migrate, COMPONENT, SCHEMA_VERSION};
pub use store::{
    counts, get, ingest, ingest_and_notify, ingest_batch, ingest_in, list, mark_read,
    status_needs_label, store_notice, IngestOutcome, IngestResult, ListFilter, ListedNotice,
    NoticeState, StoredNotice,
};
pub use trust::{Trust, TrustPolicy, UnverifiedReason, Verification};
pub use xml::{MAX_DEPTH, MAX_DOCUMENT_BYTES, MAX_NODES};
