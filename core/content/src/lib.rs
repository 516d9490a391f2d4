//! The offline content store of machi.
//!
//! Everything the app shows without a network — spots, events, evacuation
//! places and shelters, garbage rules, FAQ entries and departments, course
//! metadata — is described by [`model`], kept in SQLite ([`store`]), built
//! from municipal open data ([`opendata`], [`source`]) and shipped as signed
//! content packs ([`pack`], [`delta`]).

pub mod delta;
pub mod error;
pub mod garbage;
pub mod hours;
pub mod model;
#[cfg(feature = "source")]
pub mod opendata;
pub mod pack;
pub mod schema;
#[cfg(feature = "source")]
pub mod source;
pub mod store;

pub use error::{PackError, SourceError, SourceIssue, StoreError};
pub use store::Store;

/// Lowercase hex of bytes (hashes, key ids): the one spelling, shared
/// with the notice signatures.
pub(crate) use machi_common::keys::hex;
