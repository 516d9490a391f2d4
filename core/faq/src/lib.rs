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
//! - [`FaqBot`]: `ask`, clarifying menus, low-confidence fallback,
//!   suggestions and category browsing over entries the caller supplies.

mod chat;
mod confidence;
mod dense;
pub mod encoder;
mod error;
pub mod eval;
mod index;
mod menu;
mod normalize;
mod synonyms;
mod tokenize;

pub use chat::{
    Answer, Category, CategoryInfo, Choice, Contact, Department, FaqBot, FaqEntry, Feedback, Reply,
    ReplyKind, Suggestion, UnansweredQuestion,
};
pub use confidence::{confidence, margin, similarity_lead, CONFIDENT};
pub use dense::{EmbeddingCache, Fusion, MemoryCache};
pub use encoder::Encoder;
pub use error::FaqError;
pub use index::{ExampleQuestion, Hit, IndexDoc, RetrievalConfig, Retriever, MAX_QUERY_CHARS};
pub use menu::{parse_menu, Menu};
pub use normalize::normalize;
pub use synonyms::{match_form, Expanded, SynonymTable};
pub use tokenize::{stem, tokenize, tokenize_into, TokenizerConfig};
