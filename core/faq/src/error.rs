//! The crate's error type.

/// Everything that can go wrong in machi-faq. Bad queries and bad files get
/// a variant each; nothing panics on input-derived data.
#[derive(Debug, thiserror::Error)]
pub enum FaqError {
    /// The query is longer than [`crate::MAX_QUERY_CHARS`].
    #[error("query too long: {chars} characters (max {max})")]
    QueryTooLong {
        /// Characters in the query.
        chars: usize,
        /// The limit.
        max: usize,
    },
    /// A query had bytes that are not UTF-8.
    #[error("query is not valid UTF-8")]
    NotUtf8(#[from] std::str::Utf8Error),
    /// An evaluation file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// An evaluation file is not the JSON shape expected.
    #[error("bad JSON in {path}: {source}")]
    Json {
        /// The file.
        path: String,
        /// The cause.
        #[source]
        source: serde_json::Error,
    },
    /// A corpus entry does not have the `Question: …\nAnswer: …` layout.
    #[error("corpus entry {id} has no \"Question:\"/\"Answer:\" layout")]
    BadCorpusEntry {
        /// The entry id.
        id: String,
    },
    /// A sentence-encoder model file is not a usable machi-encoder file
    /// (truncated, foreign, another version, inconsistent sizes).
    #[error("bad encoder model {path}: {reason}")]
    BadEncoder {
        /// The file.
        path: String,
        /// What is wrong with it.
        #[source]
        reason: crate::encoder::format::FormatError,
    },
    /// The encoder converter could not use its input (not the expected
    /// wheel, a missing or malformed member).
    #[error("cannot convert {path}: {reason}")]
    BadWheel {
        /// The input file.
        path: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Two entries given to the chatbot share an id.
    #[error("duplicate FAQ entry id {0:?}")]
    DuplicateId(String),
    /// A website's FAQ data file ([`crate::FaqBundle`]) is not the format
    /// this build reads (another format version, or not one at all).
    #[error("bad FAQ data file: {reason}")]
    BadBundle {
        /// What is wrong with it.
        reason: String,
    },
}

impl FaqError {
    /// The Fluent message id (domain `faq-`, or the shared `error-` ids) a UI
    /// shows for this error, with the variables it needs filled by the caller
    /// (`faq-query-too-long` takes `$max`).
    pub fn message_id(&self) -> &'static str {
        match self {
            FaqError::QueryTooLong { .. } => "faq-query-too-long",
            FaqError::NotUtf8(_) => "faq-not-utf8",
            FaqError::Io { .. }
            | FaqError::Json { .. }
            | FaqError::BadEncoder { .. }
            | FaqError::BadWheel { .. } => "error-storage",
            FaqError::BadCorpusEntry { .. }
            | FaqError::DuplicateId(_)
            | FaqError::BadBundle { .. } => "error-invalid-input",
        }
    }
}
