//! Types every machi capability shares.
//!
//! Kept deliberately small and dependency-light: the supported content
//! languages ([`Lang`]), text carried in several of them ([`LocalizedText`])
//! and points on the earth ([`GeoPoint`]). Locale *negotiation* (turning a
//! device's locale list into a fallback chain) lives in `machi-i18n`; this
//! crate only knows the six languages content is written in.

pub mod clock;
pub mod fare;
mod geo;
mod hazard;
#[cfg(feature = "keys")]
pub mod keys;
mod lang;
mod localized;
#[cfg(feature = "sqlite")]
pub mod migrations;
pub mod testdata;
pub mod trust;

pub use geo::{GeoError, GeoPoint, EARTH_RADIUS_M};
pub use hazard::{Hazard, UnknownHazard};
pub use lang::{Lang, UnknownLang};
pub use localized::{LocalizedText, Resolved};
pub use trust::NoticeSender;
