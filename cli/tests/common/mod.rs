//! The harness the CLI tests share: a fresh database file per test, and the
//! `machi` binary with no locale or publisher key leaking in from the
//! environment of whoever runs the tests.

// Each test binary uses its own subset of these.
#![allow(dead_code)]

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

/// One test's private database.
pub struct Env {
    /// Holds the database; removed when the test ends.
    pub dir: tempfile::TempDir,
}

impl Env {
    /// A new, empty database folder.
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// The database file `machi` opens (created, with the embedded town, on first use).
    pub fn db(&self) -> PathBuf {
        self.dir.path().join("machi.sqlite3")
    }

    /// `machi --db <this test's db>`, isolated from `MACHI_*` settings.
    pub fn machi(&self) -> Command {
        let mut c = Command::cargo_bin("machi").expect("machi binary");
        c.env_remove("MACHI_LANG")
            .env_remove("MACHI_PUBKEY")
            .env_remove("MACHI_PUBLISHER_KEY")
            .arg("--db")
            .arg(self.db());
        c
    }

    /// Runs `machi --json ARGS`, asserts success and parses the output.
    pub fn json(&self, args: &[&str]) -> Value {
        let out = self
            .machi()
            .arg("--json")
            .args(args)
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("json output")
    }
}
