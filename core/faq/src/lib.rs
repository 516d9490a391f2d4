//! machi-faq: on-device FAQ retrieval and the chatbot built on it.
//!
//! Layers, each usable on its own:
//! - [`normalize()`] and [`tokenize()`]: Japanese-aware text folding and
//!   character n-gram / word terms for ja, zh, ko and en;
//! - [`SynonymTable`]: synonym and bilingual keyword groups (built-in plus
//!   the content pack's) that expand queries;
//! - [`Retriever`]: BM25 over question, answer and keyword fields, fused;
//! - [`Encoder`]: the on-device multilingual sentence encoder (USE v3)
//!   that [`Retriever`] can fuse with BM25 for cross-lingual search;
//! - [`eval`]: the LocalgovFAQ evaluation harness (`faq-eval` binary);
//! - [`FaqBundle`]: one pack's FAQ as a website serves it (`faq.json`);
//! - [`FaqBot`]: `ask`, clarifying menus, low-confidence fallback,
//!   suggestions and category browsing over entries the caller supplies.
//!
//! Feature `encoder` (default) brings the sentence encoder: a memory-mapped
//! model file and its forward pass. Without it (`--no-default-features`, the
//! WebAssembly build of the town's website) retrieval is BM25 alone and
//! nothing needs a file system, threads or a clock.

mod bundle;
mod chat;
mod confidence;
mod dense;
#[cfg(feature = "encoder")]
pub mod encoder;
/// Without the `encoder` feature (the browser build): only the model file's
/// format description, which [`FaqError::BadEncoder`] refers to.
#[cfg(not(feature = "encoder"))]
pub mod encoder {
    #[path = "format.rs"]
    pub mod format;
}
mod error;
pub mod eval;
mod index;
mod menu;
mod normalize;
mod synonyms;
mod tokenize;

pub use bundle::{category_name, FaqBundle, BUNDLE_FORMAT};
pub use chat::{
    Answer, Category, CategoryInfo, Choice, Contact, Department, FaqBot, FaqEntry, Feedback, Reply,
    ReplyKind, Suggestion, UnansweredQuestion,
};
pub use confidence::{confidence, margin, similarity_lead, CONFIDENT};
pub use dense::Fusion;
#[cfg(feature = "encoder")]
pub use dense::{EmbeddingCache, MemoryCache};
#[cfg(feature = "encoder")]
pub use encoder::Encoder;
pub use error::FaqError;
pub use index::{ExampleQuestion, Hit, IndexDoc, RetrievalConfig, Retriever, MAX_QUERY_CHARS};
pub use menu::{parse_menu, Menu};
pub use normalize::normalize;
pub use synonyms::{match_form, Expanded, SynonymTable};
pub use tokenize::{stem, tokenize, tokenize_into, TokenizerConfig};
