// Helpers shared by the content integration tests (included with `mod common;`).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The hand-written mini town source.
pub fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini-town")
}

/// Copies a directory tree (fixtures are small).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dst = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &dst);
        } else {
            std::fs::copy(e.path(), dst).unwrap();
        }
    }
}

/// `$MACHI_SHARED_DATA` or `<workspace>/../shared/data`, if present (else the
/// test skips, or fails under `MACHI_REQUIRE_DATA=1`).
pub fn shared_data() -> Option<PathBuf> {
    machi_common::testdata::shared_data("")
}
