//! The one public error of the facade.

/// What went wrong, in kinds a UI can act on (show "offline", ask to fix the input, …).
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum MachiError {
    /// No network; cached content still answers.
    #[error("offline: {reason}")]
    Offline {
        /// What failed.
        reason: String,
    },
    /// Unusable input from the caller.
    #[error("invalid input: {reason}")]
    InvalidInput {
        /// What is wrong.
        reason: String,
    },
    /// A signature, hash or version check failed; nothing was applied.
    #[error("integrity check failed: {reason}")]
    Integrity {
        /// Which check.
        reason: String,
    },
    /// No such item.
    #[error("not found: {what}")]
    NotFound {
        /// What was looked up.
        what: String,
    },
    /// Valid request that cannot be satisfied (e.g. no course fits).
    #[error("cannot satisfy request: {reason}")]
    Infeasible {
        /// Why, localized.
        reason: String,
    },
    /// Cancelled by the caller; nothing was applied.
    #[error("cancelled")]
    Cancelled,
    /// Local database failure.
    #[error("storage error: {reason}")]
    Storage {
        /// The failure.
        reason: String,
    },
}

impl From<machi_app::Error> for MachiError {
    fn from(e: machi_app::Error) -> Self {
        use machi_app::Error as E;
        match e {
            E::Offline { reason } => MachiError::Offline { reason },
            E::InvalidInput { reason } => MachiError::InvalidInput { reason },
            E::Integrity { reason } => MachiError::Integrity { reason },
            E::NotFound { what } => MachiError::NotFound { what },
            E::Infeasible { reason } => MachiError::Infeasible { reason },
            E::Cancelled => MachiError::Cancelled,
            E::Storage { reason } => MachiError::Storage { reason },
        }
    }
}
