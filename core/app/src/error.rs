//! The one error type of the facade, with variants a UI can act on.

/// Everything that can go wrong in a facade call, grouped by what a UI does about it.
///
/// Capability crates keep their own detailed error enums; each facade module maps
/// them here (`impl From<machi_x::Error> for Error` beside the code that calls it).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No network, or the server could not be reached. Cached content still answers.
    #[error("offline: {reason}")]
    Offline {
        /// What failed, for logs.
        reason: String,
    },
    /// The caller's input is unusable (bad coordinate, empty query, malformed file…).
    #[error("invalid input: {reason}")]
    InvalidInput {
        /// What is wrong with it.
        reason: String,
    },
    /// Data failed a signature, hash or version check; nothing was applied.
    #[error("integrity check failed: {reason}")]
    Integrity {
        /// Which check failed.
        reason: String,
    },
    /// The requested item does not exist.
    #[error("not found: {what}")]
    NotFound {
        /// What was looked up.
        what: String,
    },
    /// The request is valid but cannot be satisfied (e.g. no course fits the time).
    #[error("cannot satisfy request: {reason}")]
    Infeasible {
        /// Why, already localized for the user.
        reason: String,
    },
    /// The operation was cancelled by the caller; nothing was applied.
    #[error("cancelled")]
    Cancelled,
    /// The local database failed.
    #[error("storage error: {reason}")]
    Storage {
        /// The underlying failure.
        reason: String,
    },
}

/// Result alias for facade calls.
pub type Result<T> = std::result::Result<T, Error>;

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        Error::Storage {
            reason: e.to_string(),
        }
    }
}

impl From<machi_content::StoreError> for Error {
    fn from(e: machi_content::StoreError) -> Self {
        use machi_content::StoreError as S;
        match e {
            S::Pack(p) => p.into(),
            S::InvalidInput(reason) => Error::InvalidInput { reason },
            S::Garbage(machi_content::garbage::GarbageError::UnknownArea(area)) => {
                Error::NotFound { what: area }
            }
            other => Error::Storage {
                reason: other.to_string(),
            },
        }
    }
}

impl From<machi_content::PackError> for Error {
    fn from(e: machi_content::PackError) -> Self {
        use machi_content::PackError as P;
        match e {
            P::Io { .. } | P::Key { .. } => Error::InvalidInput {
                reason: e.to_string(),
            },
            other => Error::Integrity {
                reason: other.to_string(),
            },
        }
    }
}

#[cfg(feature = "source")]
impl From<machi_content::SourceError> for Error {
    fn from(e: machi_content::SourceError) -> Self {
        Error::InvalidInput {
            reason: e.to_string(),
        }
    }
}
