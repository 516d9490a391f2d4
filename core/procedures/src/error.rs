//! Errors of the procedures capability.

/// What went wrong with a procedures request.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProceduresError {
    /// No life event has this id.
    #[error("no life event {0:?}")]
    UnknownEvent(String),
    /// No procedure has this id.
    #[error("no procedure {0:?}")]
    UnknownProcedure(String),
    /// No question has this id.
    #[error("no question {0:?}")]
    UnknownQuestion(String),
    /// An answer does not fit its question.
    #[error("answer {value:?} to {question:?}: {reason}")]
    BadAnswer {
        /// The question id.
        question: String,
        /// The answer as given.
        value: String,
        /// Why it was refused.
        reason: String,
    },
}
