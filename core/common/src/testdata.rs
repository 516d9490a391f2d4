//! Test support shared by every crate's tests: where the shared public data
//! sets are, and what a test does when one of them (or a model file, or an
//! optimized build) is missing.
//!
//! A developer without `../shared` gets a message and a skipped test; CI sets
//! [`REQUIRE_DATA_VAR`]`=1` so the same test fails instead, and a green run
//! means every figure was checked.

use std::path::PathBuf;

/// The environment variable that turns a skip for missing data into a failure.
pub const REQUIRE_DATA_VAR: &str = "MACHI_REQUIRE_DATA";

/// The environment variable that points at the shared data folder
/// (default: `../shared/data` beside the workspace).
pub const SHARED_DATA_VAR: &str = "MACHI_SHARED_DATA";

/// Whether missing test data must fail the test (`MACHI_REQUIRE_DATA=1`).
pub fn data_required() -> bool {
    std::env::var(REQUIRE_DATA_VAR).is_ok_and(|v| v == "1")
}

/// Called by a test that is about to skip because `what` is missing: prints
/// `skipping: {what}`, or panics (failing the test) when [`data_required`].
pub fn skip_missing(what: &str) {
    if data_required() {
        panic!("{what}, and {REQUIRE_DATA_VAR}=1 says this test must not skip");
    }
    eprintln!("skipping: {what}");
}

/// `$MACHI_SHARED_DATA`, or `../shared/data` beside the workspace root,
/// whether or not it exists.
pub fn shared_data_dir() -> PathBuf {
    std::env::var_os(SHARED_DATA_VAR)
        .map(PathBuf::from)
        // This crate sits at <workspace>/core/common.
        .unwrap_or_else(|| {
            PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"))
        })
}

/// `shared_data_dir()/sub` when it exists; otherwise [`skip_missing`] and `None`.
pub fn shared_data(sub: &str) -> Option<PathBuf> {
    let dir = shared_data_dir().join(sub);
    if dir.exists() {
        Some(dir)
    } else {
        skip_missing(&format!(
            "{} not found (set {SHARED_DATA_VAR})",
            dir.display()
        ));
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_shared_folder_is_beside_the_workspace() {
        if std::env::var_os(SHARED_DATA_VAR).is_none() {
            let d = shared_data_dir();
            assert!(d.ends_with("shared/data"), "{}", d.display());
            // The folder beside it is the workspace: its manifest is there.
            let workspace = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
            let manifest = std::fs::read_to_string(format!("{workspace}/Cargo.toml")).unwrap();
            assert!(manifest.contains("[workspace]"));
            assert!(d.starts_with(format!("{workspace}/..")));
        }
    }
}
