//! Progress reporting and cancellation shared by every sync operation.

use std::sync::Arc;

pub use tokio_util::sync::CancellationToken;

/// The step a sync is in, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    /// Fetching and verifying the signed manifest.
    Manifest,
    /// Downloading the pack part (bytes advance).
    Download,
    /// Checking the downloaded part against the manifest.
    Verify,
    /// Importing into the store (items advance).
    Import,
    /// Finished (applied, or nothing to do).
    Done,
}

/// One progress report: `done` of `total` bytes in byte phases, items in the import phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Progress {
    /// Current phase.
    pub phase: Phase,
    /// Bytes received so far in this download (including bytes resumed from a partial file).
    pub bytes_done: u64,
    /// Bytes expected (the manifest's size), 0 when unknown.
    pub bytes_total: u64,
    /// Items imported so far.
    pub items_done: u64,
    /// Items expected, 0 when unknown.
    pub items_total: u64,
}

/// A progress callback; called from the sync task, so it must be quick and `Send + Sync`.
pub type ProgressFn = Arc<dyn Fn(&Progress) + Send + Sync>;

/// Progress callback that ignores every report.
pub fn no_progress() -> ProgressFn {
    Arc::new(|_| {})
}
