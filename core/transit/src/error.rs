//! The one error type of the GTFS-JP reader: which file, which line, and why.

use std::fmt;

/// Why a feed was rejected. Every variant is shown with the file (and line,
/// when one row is at fault) by [`GtfsError`]'s `Display`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GtfsErrorKind {
    /// A file the format requires is absent.
    MissingFile,
    /// The header lacks a column the format requires.
    MissingColumn(String),
    /// The file is not CSV, or not UTF-8 (the csv parser's reason).
    Csv(String),
    /// The file could not be read from disk.
    Io(String),
    /// A value that does not parse as what its column holds.
    BadValue {
        /// The column.
        column: String,
        /// The text found.
        value: String,
        /// What was expected, e.g. `a date YYYYMMDD`.
        expected: &'static str,
    },
    /// A required value is empty.
    Empty(String),
    /// An id that is defined twice.
    Duplicate {
        /// The column holding the id.
        column: String,
        /// The id.
        value: String,
    },
    /// A reference to a record that no file defines.
    UnknownReference {
        /// The referring column, e.g. `stop_id`.
        column: String,
        /// The id referred to.
        value: String,
        /// The file that should define it.
        target: &'static str,
    },
    /// A trip whose stop times go back in time, or repeat a stop_sequence.
    NonIncreasing(String),
}

/// A GTFS-JP feed that cannot be read: `file:line: reason`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct GtfsError {
    /// The member file, e.g. `stop_times.txt`.
    pub file: String,
    /// The 1-based line of the file (the header is line 1), when a row is at fault.
    pub line: Option<u64>,
    /// The reason.
    pub kind: GtfsErrorKind,
}

// The constructors serve the reader; without it only the type remains.
#[cfg(feature = "read")]
impl GtfsError {
    /// An error about the file as a whole.
    pub(crate) fn file(file: &str, kind: GtfsErrorKind) -> Self {
        GtfsError {
            file: file.to_string(),
            line: None,
            kind,
        }
    }

    /// An error about one line of a file.
    pub(crate) fn at(file: &str, line: u64, kind: GtfsErrorKind) -> Self {
        GtfsError {
            file: file.to_string(),
            line: Some(line),
            kind,
        }
    }
}

impl fmt::Display for GtfsErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GtfsErrorKind::MissingFile => f.write_str("required file is missing"),
            GtfsErrorKind::MissingColumn(c) => write!(f, "required column {c} is missing"),
            GtfsErrorKind::Csv(r) => write!(f, "not readable as CSV: {r}"),
            GtfsErrorKind::Io(r) => write!(f, "cannot read: {r}"),
            GtfsErrorKind::BadValue {
                column,
                value,
                expected,
            } => write!(f, "{column} {value:?} is not {expected}"),
            GtfsErrorKind::Empty(c) => write!(f, "{c} is empty"),
            GtfsErrorKind::Duplicate { column, value } => {
                write!(f, "{column} {value:?} is defined twice")
            }
            GtfsErrorKind::UnknownReference {
                column,
                value,
                target,
            } => write!(f, "{column} {value:?} is not defined in {target}"),
            GtfsErrorKind::NonIncreasing(r) => write!(f, "stop times not increasing: {r}"),
        }
    }
}

impl fmt::Display for GtfsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.kind),
            None => write!(f, "{}: {}", self.file, self.kind),
        }
    }
}
