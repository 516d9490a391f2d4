//! The plain-Rust facade of machi.
//!
//! [`Machi`] owns the SQLite store, imports the embedded sample town on first
//! open, and composes the capability crates (content, course, faq, alerts,
//! sync) into the operations a shell offers. The CLI and the uniffi bindings
//! are thin layers over this crate; neither holds business logic.
//!
//! Each capability's composition lives in its own module (`course.rs`,
//! `faq.rs`, …) as an `impl Machi` block plus the per-capability state that
//! [`Machi`] carries.

mod alerts;
mod course;
mod error;
mod faq;
mod store;
mod sync;

pub use error::{Error, Result};
pub use store::{Machi, OpenOptions};
