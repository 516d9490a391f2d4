//! The error every importer returns: the full list of problems, each with its place.

use std::fmt;

use crate::garbage::ScheduleError;

/// Why one value, row or file could not be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// The bytes are neither UTF-8 (with or without BOM), UTF-16 with BOM, nor Shift_JIS/CP932.
    #[error("not text in UTF-8, UTF-16 (with BOM) or Shift_JIS/CP932")]
    Encoding,
    /// The file has no header row at all.
    #[error("the file is empty: no header row")]
    NoHeader,
    /// A column the format needs is not in the header.
    #[error("required column is missing from the header")]
    MissingColumn,
    /// Two header cells name the same column (after NFKC normalization).
    #[error("column appears twice in the header (first as column {first})")]
    DuplicateColumn {
        /// 1-based position of the first occurrence.
        first: usize,
    },
    /// A quoted field is opened and never closed before the end of the file.
    #[error("quoted field is never closed (missing '\"' before end of file)")]
    UnterminatedQuote,
    /// The row has a different number of fields than the header.
    #[error("row has {found} fields but the header has {expected}")]
    FieldCount {
        /// Fields in the header.
        expected: usize,
        /// Fields in this row.
        found: usize,
    },
    /// A required value is blank.
    #[error("required value is empty")]
    Empty,
    /// A value that is present but cannot be read; the text says what was expected.
    #[error("{0}")]
    Invalid(String),
    /// An identifier that an earlier row already uses.
    #[error("duplicate value {value:?} (first used on line {first_line})")]
    Duplicate {
        /// The repeated value.
        value: String,
        /// Line of the first row that used it.
        first_line: u64,
    },
    /// The text is not well-formed JSON.
    #[error("not valid JSON: {0}")]
    Json(String),
    /// The structure is not the expected one (e.g. not a GeoJSON FeatureCollection).
    #[error("unexpected structure: {0}")]
    Structure(String),
    /// A 5374 collection rule that does not parse.
    #[error("bad collection rule: {0}")]
    Schedule(#[from] ScheduleError),
}

/// One problem at one place: `file:line`, the column (when one is to blame) and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// The file name the caller gave (or the 5374 file's conventional name).
    pub file: String,
    /// 1-based physical line where the offending record starts (for a
    /// multi-line quoted record, the line of its first character).
    pub line: u64,
    /// The column (header name as written in the file, NFKC-normalized), if one is to blame.
    pub column: Option<String>,
    /// What is wrong.
    pub problem: Problem,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: ", self.file, self.line)?;
        if let Some(c) = &self.column {
            write!(f, "column {c}: ")?;
        }
        write!(f, "{}", self.problem)
    }
}

/// The import of a file (or of the 5374 set) failed; `issues` lists every
/// problem found, in file and line order. Nothing from the input was imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenDataError {
    /// Every problem found (never empty).
    pub issues: Vec<Issue>,
}

impl OpenDataError {
    /// An error made of one issue.
    pub(crate) fn one(
        file: &str,
        line: u64,
        column: Option<String>,
        problem: Problem,
    ) -> OpenDataError {
        OpenDataError {
            issues: vec![Issue {
                file: file.to_string(),
                line,
                column,
                problem,
            }],
        }
    }
}

impl fmt::Display for OpenDataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.issues.as_slice() {
            [one] => write!(f, "{one}"),
            many => {
                write!(f, "{} problems in open data:", many.len())?;
                for i in many {
                    write!(f, "\n  {i}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for OpenDataError {}

/// Collects issues for one file while an importer walks its rows.
#[derive(Debug, Default)]
pub(crate) struct Issues {
    list: Vec<Issue>,
}

impl Issues {
    pub(crate) fn push(&mut self, file: &str, line: u64, column: Option<&str>, problem: Problem) {
        self.list.push(Issue {
            file: file.to_string(),
            line,
            column: column.map(str::to_string),
            problem,
        });
    }

    pub(crate) fn extend(&mut self, other: Vec<Issue>) {
        self.list.extend(other);
    }

    pub(crate) fn absorb(&mut self, other: Issues) {
        self.list.extend(other.list);
    }

    #[cfg(test)]
    pub(crate) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// `Ok(value)` when nothing was reported, else every issue sorted by place.
    pub(crate) fn finish<T>(mut self, value: T) -> Result<T, OpenDataError> {
        if self.list.is_empty() {
            Ok(value)
        } else {
            // Stable sort: keeps the column order of issues on the same line.
            self.list
                .sort_by(|a, b| (a.file.as_str(), a.line).cmp(&(b.file.as_str(), b.line)));
            Err(OpenDataError { issues: self.list })
        }
    }
}
