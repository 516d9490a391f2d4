//! machi-sync: keeps the offline store current over HTTP.
//!
//! - [`pack`]: content packs — conditional GET of the signed manifest, pick a
//!   delta from the installed version or the full pack, bounded resumable
//!   download, sha256 check, then import in one transaction.
//! - [`feed`]: notice feeds — a signed static JSON index of CAP files (or an
//!   Atom feed of CAP entries, [`atom`]), polled with a conditional GET and
//!   jittered exponential backoff; [`feed_state`] keeps the ETag and the
//!   delivered ids across restarts.
//! - [`server`]: a static server for built pack directories (ETag, Range, gzip).
//!
//! HTTPS only (plain HTTP only to loopback), rustls with webpki roots (see
//! [`client`]), explicit timeouts, every body bounded, progress and
//! cancellation everywhere. Nothing here changes the store unless a download
//! was verified completely; a failed or cancelled sync leaves it as it was.

pub mod atom;
pub mod backoff;
pub mod client;
mod error;
pub mod feed;
pub mod feed_state;
pub mod fetch;
pub mod pack;
pub mod progress;
#[cfg(feature = "server")]
pub mod server;

pub use client::{check_url, HttpClient, HttpConfig};
pub use error::{Error, Result};
pub use pack::{installed_asset, sync_pack, Outcome, PackRequest, StoreHandle, SyncReport};
pub use progress::{no_progress, CancellationToken, Phase, Progress, ProgressFn};

/// Runs `fut` to completion on a fresh multi-threaded tokio runtime, for
/// synchronous callers (the CLI, tests). Async callers (uniffi with
/// `async_runtime = "tokio"`) call the async functions directly instead.
pub fn block_on<F: std::future::Future>(fut: F) -> Result<F::Output> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    Ok(rt.block_on(fut))
}
