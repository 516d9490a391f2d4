//! Helpers shared by the end-to-end tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// `$MACHI_SHARED_DATA` or `<workspace>/../shared/data`, if it exists (else
/// the test skips, or fails under `MACHI_REQUIRE_DATA=1`).
pub fn shared_data() -> Option<PathBuf> {
    machi_common::testdata::shared_data("")
}
