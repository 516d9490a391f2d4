//! Sync on the facade: an async method (tokio, through uniffi's
//! `async_runtime = "tokio"`) that reports progress to a foreign listener and
//! can be cancelled from any thread through a [`CancelHandle`].

use std::sync::Arc;

use machi_sync::pack::{Outcome, PartKind};
use machi_sync::{CancellationToken, Phase, Progress, ProgressFn};

use machi_app::IngestReport;

use crate::error::Result;
use crate::Machi;

/// The step a sync is in, in order: fetching and verifying the signed
/// manifest, downloading (bytes advance), checking the download against the
/// manifest, importing into the store (items advance), finished.
#[uniffi::remote(Enum)]
#[uniffi(name = "SyncPhase")]
pub enum Phase {
    Manifest,
    Download,
    Verify,
    Import,
    Done,
}

/// One progress report, for a progress bar: the phase, bytes received and
/// expected, items imported and expected (expected 0: unknown).
#[uniffi::remote(Record)]
#[uniffi(name = "SyncProgress")]
pub struct Progress {
    pub phase: Phase,
    pub bytes_done: u64,
    pub bytes_total: u64,
    pub items_done: u64,
    pub items_total: u64,
}

/// Receives sync progress. Called from a background thread: hop to the UI
/// thread before touching views, and return quickly.
#[uniffi::export(with_foreign)]
pub trait SyncProgressListener: Send + Sync {
    /// One progress report.
    fn on_progress(&self, progress: Progress);
}

/// What a sync did.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum SyncOutcome {
    /// The server's manifest did not change since the last sync (HTTP 304).
    NotModified,
    /// The server offers the version already installed.
    UpToDate {
        /// That version.
        version: u64,
    },
    /// A newer version was downloaded, verified and imported.
    Applied {
        /// Version installed before.
        from_version: Option<u64>,
        /// Version installed now.
        to_version: u64,
        /// True for a delta, false for the full pack.
        delta: bool,
        /// Bytes that came over the network (less when a download resumed).
        transferred_bytes: u64,
    },
}

/// Cancels a running sync from any thread; the store stays as it was.
#[derive(Debug, Default, uniffi::Object)]
pub struct CancelHandle {
    token: CancellationToken,
}

#[uniffi::export]
impl CancelHandle {
    /// A handle for one sync call.
    #[uniffi::constructor]
    pub fn new() -> Arc<Self> {
        Arc::new(CancelHandle::default())
    }

    /// Stops the sync at its next step; it then fails with `Cancelled`.
    pub fn cancel(&self) {
        self.token.cancel();
    }

    /// Whether [`CancelHandle::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.token.is_cancelled()
    }
}

/// What one poll of a notice feed did.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NoticeFeedPoll {
    /// One outcome per document not seen before, oldest first; empty when
    /// the feed had nothing new. Stored notices also reach the notice
    /// listeners.
    pub outcomes: Vec<IngestReport>,
    /// Seconds to wait before the next poll.
    pub next_poll_seconds: u64,
}

#[uniffi::export(async_runtime = "tokio")]
impl Machi {
    /// Polls the notice feed index at `feed_url` (a `feed.json`, https or
    /// http to loopback) once and stores every document not seen before, so
    /// notices reach residents where push cannot. `Offline` when the feed
    /// cannot be reached (the backoff is remembered: poll again later, e.g.
    /// with the platform's work scheduler); `Integrity` for a malformed feed.
    pub async fn sync_notices(
        &self,
        feed_url: String,
        cancel: Arc<CancelHandle>,
    ) -> Result<NoticeFeedPoll> {
        let (reports, delay) = self.app.sync_notices(&feed_url, &cancel.token).await?;
        Ok(NoticeFeedPoll {
            outcomes: reports,
            next_poll_seconds: delay.as_secs(),
        })
    }

    /// Brings content up to the version published at `base_url` (https, or
    /// http to loopback), verified with the pinned publisher key. `Offline`
    /// when the server cannot be reached; the store keeps answering.
    pub async fn sync_content(
        &self,
        base_url: String,
        listener: Option<Arc<dyn SyncProgressListener>>,
        cancel: Arc<CancelHandle>,
    ) -> Result<SyncOutcome> {
        let progress: ProgressFn = match listener {
            Some(l) => Arc::new(move |p: &Progress| l.on_progress(*p)),
            None => machi_sync::no_progress(),
        };
        let report = self
            .app
            .sync_content(&base_url, progress, &cancel.token)
            .await?;
        Ok(match report.outcome {
            Outcome::NotModified => SyncOutcome::NotModified,
            Outcome::UpToDate { version } => SyncOutcome::UpToDate { version },
            Outcome::Applied {
                part,
                transferred,
                summary,
                ..
            } => SyncOutcome::Applied {
                from_version: summary.previous_version,
                to_version: summary.pack_version,
                delta: matches!(part, PartKind::Delta { .. }),
                transferred_bytes: transferred,
            },
        })
    }
}
