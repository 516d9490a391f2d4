//! Typed errors of the content store, content packs and the pack-source loader.

use std::path::PathBuf;

/// Why a content pack (manifest, signature, part file) was refused.
///
/// Every variant means nothing was applied to the store.
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    /// The manifest signature does not verify with the pinned key (data or manifest altered).
    #[error("manifest signature does not verify")]
    BadSignature,
    /// The manifest was signed by another publisher key than the pinned one.
    #[error("manifest signed with key {found}, expected key {expected}")]
    WrongKey {
        /// Key id (fingerprint) of the pinned key.
        expected: String,
        /// Key id named by the manifest.
        found: String,
    },
    /// A part's sha256 differs from the manifest's.
    #[error("sha256 mismatch in {file}")]
    HashMismatch {
        /// Part file name.
        file: String,
    },
    /// A part is shorter (or longer) than the manifest says, or its compressed stream ends early.
    #[error("{file} is truncated or has the wrong size: expected {expected} bytes, got {actual}")]
    Truncated {
        /// Part file name.
        file: String,
        /// Size the manifest promises.
        expected: u64,
        /// Size found.
        actual: u64,
    },
    /// Structurally invalid data (not JSON, missing fields, inconsistent ids…).
    #[error("bad pack format: {reason}")]
    BadFormat {
        /// What is wrong.
        reason: String,
    },
    /// A pack format version this code does not understand.
    #[error("unsupported pack format {found} (this build reads format {supported})")]
    UnsupportedFormat {
        /// Format found in the manifest.
        found: u32,
        /// Format this build reads.
        supported: u32,
    },
    /// The pack is not newer than what is installed.
    #[error("pack version {offered} is not newer than installed version {installed}")]
    OlderVersion {
        /// Installed version.
        installed: u64,
        /// Version offered.
        offered: u64,
    },
    /// The pack is for another town than the store (or the caller) expects.
    #[error("pack is for municipality {found}, expected {expected}")]
    WrongMunicipality {
        /// Municipality code expected.
        expected: String,
        /// Municipality code in the pack.
        found: String,
    },
    /// A delta's base version is not the installed version.
    #[error("delta from version {base} cannot apply to installed version {installed:?}")]
    DeltaBase {
        /// Installed version (`None`: empty store).
        installed: Option<u64>,
        /// Version the delta starts from.
        base: u64,
    },
    /// The signed manifest's validity ended: the publisher has not re-signed
    /// the pack since, so it may be an old pack served again ("freeze").
    #[error("the pack manifest expired at {expires}; the town has not re-signed it since")]
    Expired {
        /// When the manifest stopped being valid, RFC 3339.
        expires: String,
    },
    /// A key file is not a base64 32-byte ed25519 key.
    #[error("bad key: {reason}")]
    Key {
        /// What is wrong.
        reason: String,
    },
    /// Reading or writing a pack file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The failure.
        source: std::io::Error,
    },
}

/// A failure of the SQLite content store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite failed.
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A stored JSON column could not be (de)serialized.
    #[error("stored JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The database was written by a newer schema than this build knows.
    #[error("database schema version {found} is newer than supported {supported}")]
    SchemaTooNew {
        /// Version found.
        found: i64,
        /// Highest version known.
        supported: i64,
    },
    /// A pack was refused (signature, hash, version, municipality…); nothing was applied.
    #[error(transparent)]
    Pack(#[from] PackError),
    /// A query argument is unusable.
    #[error("invalid input: {0}")]
    InvalidInput(String),
    /// A garbage question the stored rules cannot answer (unknown area…).
    #[error(transparent)]
    Garbage(#[from] crate::garbage::GarbageError),
}

/// One problem found in a pack source folder, located as precisely as the format allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceIssue {
    /// File, relative to the source folder.
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// Column name (CSV) or 1-based column / key (TOML), when known.
    pub column: Option<String>,
    /// What is wrong.
    pub reason: String,
}

impl std::fmt::Display for SourceIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(col) = &self.column {
            write!(f, " [{col}]")?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// A pack source folder that could not be loaded; nothing was built.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// Every problem found (the loader keeps going to report them all at once).
    #[error("{} problem(s) in pack source:\n{}", .0.len(), .0.iter().map(|i| i.to_string()).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<SourceIssue>),
    /// The folder or a file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The failure.
        source: std::io::Error,
    },
}
