//! The crate's error type.

/// What can go wrong when a caller hands machi-i18n something to interpret.
///
/// Formatting itself never fails: a missing message yields its id and a
/// missing variable yields `{$name}`, so a UI always has something to show
/// (and the completeness test catches both before release).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum I18nError {
    /// An explicitly requested locale (e.g. `--lang !!`) is not a
    /// syntactically valid BCP 47 language tag. Valid tags for languages
    /// machi does not have (e.g. `pt-BR`) are *not* an error: they fall
    /// back to English.
    #[error("invalid language tag {tag:?}: {reason}")]
    InvalidTag {
        /// The tag as given.
        tag: String,
        /// Why the parser rejected it.
        reason: String,
    },
    /// A locale folder given to the completeness checker could not be read.
    #[error("cannot read Fluent resources at {path}: {reason}")]
    Io {
        /// The file or folder.
        path: String,
        /// The operating system's explanation.
        reason: String,
    },
}

impl I18nError {
    /// The Fluent message (in `error.ftl`) and its arguments that a UI
    /// shows for this error: `loc.msg(id, &args)`.
    pub fn ui_message(&self) -> (&'static str, crate::Args) {
        match self {
            I18nError::InvalidTag { tag, .. } => (
                "error-invalid-lang-tag",
                crate::Args::new().str("tag", tag.as_str()),
            ),
            I18nError::Io { .. } => ("error-storage", crate::Args::new()),
        }
    }
}
