//! The crate's error type: every bad input gets a typed variant.

use thiserror::Error;

/// Everything that can go wrong in `machi-course`.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum CourseError {
    /// An instance (built in code or parsed) breaks a structural rule.
    #[error("invalid instance: {0}")]
    InvalidInstance(String),
    /// A benchmark file could not be parsed; `line` is 1-based.
    #[error("parse error at line {line}: {reason}")]
    Parse {
        /// 1-based line number where the problem was found (0 = whole file).
        line: usize,
        /// What was wrong.
        reason: String,
    },
    /// A file or directory could not be read (evaluation runner only).
    #[error("cannot read {path}: {reason}")]
    Io {
        /// The path that failed.
        path: String,
        /// The operating-system message.
        reason: String,
    },
    /// Bad evaluation options (e.g. no instances found, zero seeds).
    #[error("invalid evaluation options: {0}")]
    InvalidOptions(String),
}

/// Shorthand for results in this crate.
pub type Result<T, E = CourseError> = std::result::Result<T, E>;
