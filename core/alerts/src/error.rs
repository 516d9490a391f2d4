//! Typed errors: why a document was rejected, and why a store call failed.

use serde::{Deserialize, Serialize};

/// The specific reason one document was not accepted as a notice.
///
/// Every rejection names what was wrong so an operator (or a test) can tell
/// a hostile file from a truncated one from an unsupported format. The store
/// is never touched for a rejected document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum RejectReason {
    /// The document is larger than the accepted maximum.
    #[error("document is {size} bytes, over the {limit}-byte limit")]
    TooLarge {
        /// Size of the document in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The document is empty or only whitespace.
    #[error("document is empty")]
    Empty,
    /// The XML declaration names an encoding we do not decode.
    #[error("unsupported character encoding {0:?}")]
    UnsupportedEncoding(String),
    /// The bytes are not valid in the declared (or default UTF-8) encoding.
    #[error("bytes are not valid {0}")]
    InvalidEncoding(String),
    /// The document carries a DTD (`<!DOCTYPE …>`); DTDs can declare
    /// external or recursive entities, so they are refused outright.
    #[error("document type declaration (DTD) refused: entity expansion is never performed")]
    DtdForbidden,
    /// The document has more XML nodes than the accepted maximum.
    #[error("document has too many XML nodes")]
    TooManyNodes,
    /// Elements are nested deeper than any notice format needs.
    #[error("elements nested deeper than {limit} levels")]
    TooDeep {
        /// The accepted maximum depth.
        limit: usize,
    },
    /// The text is not well-formed XML.
    #[error("malformed XML: {0}")]
    MalformedXml(String),
    /// An Atom/RSS feed listing: it points at notices but is not one.
    #[error("a feed listing (Atom/RSS), not a notice: fetch the linked documents instead")]
    FeedNotNotice,
    /// The root element is neither a CAP `<alert>` nor a JMA `<Report>`.
    #[error("unknown document: root element {name:?} in namespace {namespace:?}")]
    UnknownDocument {
        /// Local name of the root element.
        name: String,
        /// Namespace URI of the root element (empty when none).
        namespace: String,
    },
    /// A JMA report of a kind that is not a disaster notice we handle.
    #[error("unsupported JMA report {0:?}")]
    UnsupportedJmaReport(String),
    /// A required element is missing or empty.
    #[error("required element <{0}> is missing or empty")]
    MissingElement(String),
    /// An element holds a value outside its allowed set.
    #[error("<{element}> has invalid value {value:?}")]
    InvalidValue {
        /// Element name.
        element: String,
        /// The offending value (truncated).
        value: String,
    },
    /// A date-time that is not a valid timestamp with a zone.
    #[error("<{element}> is not a valid date-time: {value:?}")]
    InvalidTime {
        /// Element name.
        element: String,
        /// The offending value (truncated).
        value: String,
    },
    /// A polygon or circle that cannot be read as coordinates.
    #[error("<{element}> is not valid geometry: {value:?}")]
    InvalidGeometry {
        /// Element name (`polygon` or `circle`).
        element: String,
        /// The offending value (truncated).
        value: String,
    },
    /// An Update or Cancel that names no earlier message to act on.
    #[error("{msg_type} message without <references>")]
    MissingReferences {
        /// `Update` or `Cancel`.
        msg_type: String,
    },
    /// A `<references>` entry that is not a `sender,identifier,sent` triple.
    #[error("<references> entry is not sender,identifier,sent: {0:?}")]
    InvalidReference(String),
    /// A notice envelope (`docs/notice-envelope.md`) that cannot be read.
    #[error("not a notice envelope: {0}")]
    BadEnvelope(String),
    /// The envelope's signature does not verify with the trusted key it
    /// names: the notice was changed after signing, or the signature forged.
    #[error(
        "signature by key {key_id} does not verify: the notice was altered or the signature forged"
    )]
    SignatureInvalid {
        /// The key id the envelope names (a key the town's policy trusts).
        key_id: String,
    },
}

impl RejectReason {
    /// A short, stable key for the reason (used in JSON output and tests).
    pub fn key(&self) -> &'static str {
        match self {
            RejectReason::TooLarge { .. } => "too-large",
            RejectReason::Empty => "empty",
            RejectReason::UnsupportedEncoding(_) => "unsupported-encoding",
            RejectReason::InvalidEncoding(_) => "invalid-encoding",
            RejectReason::DtdForbidden => "dtd-forbidden",
            RejectReason::TooManyNodes => "too-many-nodes",
            RejectReason::TooDeep { .. } => "too-deep",
            RejectReason::MalformedXml(_) => "malformed-xml",
            RejectReason::FeedNotNotice => "feed-not-notice",
            RejectReason::UnknownDocument { .. } => "unknown-document",
            RejectReason::UnsupportedJmaReport(_) => "unsupported-jma-report",
            RejectReason::MissingElement(_) => "missing-element",
            RejectReason::InvalidValue { .. } => "invalid-value",
            RejectReason::InvalidTime { .. } => "invalid-time",
            RejectReason::InvalidGeometry { .. } => "invalid-geometry",
            RejectReason::MissingReferences { .. } => "missing-references",
            RejectReason::InvalidReference(_) => "invalid-reference",
            RejectReason::BadEnvelope(_) => "bad-envelope",
            RejectReason::SignatureInvalid { .. } => "signature-invalid",
        }
    }

    /// Shortens input-derived text quoted in a reason so a hostile document
    /// cannot make error messages arbitrarily large.
    pub(crate) fn clip(value: &str) -> String {
        const MAX: usize = 80;
        if value.chars().count() <= MAX {
            value.to_string()
        } else {
            let mut s: String = value.chars().take(MAX).collect();
            s.push('…');
            s
        }
    }

    pub(crate) fn invalid(element: &str, value: &str) -> Self {
        RejectReason::InvalidValue {
            element: element.to_string(),
            value: Self::clip(value),
        }
    }

    pub(crate) fn time(element: &str, value: &str) -> Self {
        RejectReason::InvalidTime {
            element: element.to_string(),
            value: Self::clip(value),
        }
    }

    pub(crate) fn geometry(element: &str, value: &str) -> Self {
        RejectReason::InvalidGeometry {
            element: element.to_string(),
            value: Self::clip(value),
        }
    }

    pub(crate) fn missing(element: &str) -> Self {
        RejectReason::MissingElement(element.to_string())
    }
}

/// A failure of a store operation (not of a document: those are
/// [`RejectReason`]s inside an [`crate::IngestOutcome`]).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// SQLite failed; the transaction was rolled back, nothing stored was lost.
    #[error("database error: {0}")]
    Sql(#[from] rusqlite::Error),
    /// A stored notice could not be decoded (written by a newer version?).
    #[error("stored notice {id} is unreadable: {source}")]
    Corrupt {
        /// Row id of the notice.
        id: i64,
        /// The decoding error.
        source: serde_json::Error,
    },
    /// A notice could not be encoded for storage.
    #[error("cannot encode notice: {0}")]
    Encode(#[from] serde_json::Error),
    /// The database schema is newer than this code understands.
    #[error("alerts schema version {found} is newer than supported {supported}")]
    SchemaTooNew {
        /// Version found in `schema_migrations`.
        found: i64,
        /// Highest version this code knows.
        supported: i64,
    },
    /// No notice with that id.
    #[error("no notice with id {0}")]
    NotFound(i64),
}

/// Result alias for store operations.
pub type Result<T, E = Error> = std::result::Result<T, E>;
