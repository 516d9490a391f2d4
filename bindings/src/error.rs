//! The one public error of the facade.

/// What went wrong, in kinds a UI can act on (show "offline", ask to fix the input, …).
///
/// Each variant has a Fluent message a shell shows (`error-offline`,
/// `error-invalid-input`, …); `reason` is technical detail for logs or a
/// details screen, not for the main UI.
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

impl MachiError {
    /// Shorthand for [`MachiError::InvalidInput`].
    pub(crate) fn invalid(reason: impl Into<String>) -> Self {
        MachiError::InvalidInput {
            reason: reason.into(),
        }
    }
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

impl From<machi_i18n::I18nError> for MachiError {
    fn from(e: machi_i18n::I18nError) -> Self {
        MachiError::invalid(e.to_string())
    }
}

impl From<machi_common::GeoError> for MachiError {
    fn from(e: machi_common::GeoError) -> Self {
        MachiError::invalid(e.to_string())
    }
}

/// Result alias for exported calls.
pub type Result<T> = std::result::Result<T, MachiError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn app_errors_keep_their_kind() {
        let e: MachiError = machi_app::Error::NotFound {
            what: "spot x".into(),
        }
        .into();
        assert!(matches!(e, MachiError::NotFound { what } if what == "spot x"));
        let e: MachiError = machi_app::Error::Cancelled.into();
        assert!(matches!(e, MachiError::Cancelled));
    }

    #[test]
    fn bad_language_tag_is_invalid_input() {
        let err = machi_i18n::parse_override("!!").unwrap_err();
        assert!(matches!(
            MachiError::from(err),
            MachiError::InvalidInput { .. }
        ));
    }
}
