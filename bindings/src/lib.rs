//! machi's foreign-language facade (uniffi, proc-macros).
//!
//! Thin by design: every exported item wraps `machi-app`; records carry plain
//! data already resolved for the reader's locale, and one [`MachiError`] enum
//! gives a UI the failure kinds it can act on.

uniffi::setup_scaffolding!();

mod error;

pub use error::MachiError;

/// The version of the core library the shell is talking to.
#[uniffi::export]
pub fn core_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
