//! The errors of the sync capability, grouped by what a caller does about them.

use std::time::Duration;

/// Everything that can go wrong while syncing. Whatever the variant, nothing
/// already stored has been changed: verification and import happen only after a
/// download is complete, and the import itself is one transaction.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The server could not be reached (no network, DNS failure, connection refused).
    /// Cached content keeps answering.
    #[error("offline: {0}")]
    Offline(String),
    /// The server was reached but stopped answering within the allowed time.
    #[error("timed out after {0:?}")]
    Timeout(Duration),
    /// The connection broke off while receiving data and retries were exhausted.
    #[error("connection interrupted: {0}")]
    Interrupted(String),
    /// The server answered with an unexpected HTTP status.
    #[error("HTTP status {status} for {url}")]
    Status {
        /// The status code.
        status: u16,
        /// The URL requested.
        url: String,
    },
    /// The URL is not acceptable: unparsable, or plain HTTP to a host that is not loopback.
    #[error("refused URL {url}: {reason}")]
    BadUrl {
        /// The URL given.
        url: String,
        /// Why it is refused.
        reason: String,
    },
    /// The manifest signature does not verify with the pinned key.
    #[error("manifest signature does not verify with the pinned publisher key")]
    BadSignature,
    /// The pinned public key or the signature file is malformed.
    #[error("malformed key or signature: {0}")]
    BadKey(String),
    /// The manifest is not a valid pack manifest.
    #[error("malformed manifest: {0}")]
    BadManifest(String),
    /// A downloaded part does not match the hash or size the signed manifest promises.
    #[error("{file}: {reason}")]
    Integrity {
        /// The part's file name.
        file: String,
        /// Which check failed.
        reason: String,
    },
    /// The body is larger than the manifest (or the feed limit) allows; the download was aborted.
    #[error("{url}: body exceeds the allowed {limit} bytes")]
    TooLarge {
        /// The URL.
        url: String,
        /// The byte limit.
        limit: u64,
    },
    /// The offered pack is not newer than the installed one (a rollback or a replay).
    #[error("offered pack version {offered} is not newer than installed version {installed}")]
    Rollback {
        /// Installed version.
        installed: u64,
        /// Version the server offers.
        offered: u64,
    },
    /// The signed manifest's validity ended: the town has not re-signed its
    /// pack since, or a server keeps serving an old one (a "freeze"). Nothing
    /// was applied.
    #[error("the pack manifest expired at {expires}; the town has not re-signed it since")]
    Expired {
        /// When the manifest stopped being valid, RFC 3339.
        expires: String,
    },
    /// The pack is for another town than the installed one.
    #[error("pack is for municipality {offered}, installed content is for {installed}")]
    WrongMunicipality {
        /// Installed municipality code.
        installed: String,
        /// Offered municipality code.
        offered: String,
    },
    /// A notice feed's index is unsigned, or its signature does not verify
    /// with a key the town's pack trusts; nothing from it was fetched.
    #[error("notice feed refused: {0}")]
    FeedSignature(String),
    /// The caller cancelled; nothing was applied.
    #[error("cancelled")]
    Cancelled,
    /// The importer (content store) refused or failed; it rolled back.
    #[error("import failed: {0}")]
    Import(String),
    /// The notice feed index is malformed.
    #[error("malformed notice feed: {0}")]
    BadFeed(String),
    /// Local file I/O failed (temp dir, partial downloads, serving).
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
    /// The HTTP client could not be built (TLS set-up).
    #[error("HTTP client set-up failed: {0}")]
    Client(String),
}

impl Error {
    /// Whether trying again later may succeed without anyone changing anything
    /// (network trouble, server errors). Integrity failures are not transient.
    pub fn is_transient(&self) -> bool {
        match self {
            Error::Offline(_) | Error::Timeout(_) | Error::Interrupted(_) => true,
            Error::Status { status, .. } => *status >= 500 || *status == 429 || *status == 408,
            _ => false,
        }
    }
}

/// Result alias for this crate.
pub type Result<T> = std::result::Result<T, Error>;
