//! Helpers shared by the end-to-end tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// `$MACHI_SHARED_DATA` or `<workspace>/../shared/data`, if it exists.
pub fn shared_data() -> Option<PathBuf> {
    let p = match std::env::var_os("MACHI_SHARED_DATA") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data")),
    };
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipping: ../shared/data not found");
        None
    }
}
