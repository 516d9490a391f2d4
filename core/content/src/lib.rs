//! The offline content store of machi.
//!
//! Everything the app shows without a network — spots, events, evacuation
//! places and shelters, garbage rules, FAQ entries and departments, course
//! metadata — is described by [`model`], kept in SQLite, and filled from
//! signed content packs built from municipal open data.

pub mod model;
