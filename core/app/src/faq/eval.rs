//! Evaluating the chatbot's ranker on LocalgovFAQ-shaped files (`machi eval
//! faq`): the same retrieval [`crate::Machi::ask`] uses, with or without the
//! sentence encoder and example questions.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use machi_faq::eval::{
    corpus_docs, evaluate_folds, evaluate_retriever, evaluate_with_training, load_judged,
    load_localgov,
};
use machi_faq::{
    EmbeddingCache, Encoder, IndexDoc, MemoryCache, RetrievalConfig, Retriever, SynonymTable,
};
use machi_i18n::Localizer;

use super::{faq_error, FaqEvalReport};
use crate::error::{Error, Result};

/// Where [`eval_faq`] takes example questions from (see
/// `model::FaqEntry::examples`): judged queries become examples of the
/// entries they were judged relevant to, as a publisher would add the
/// questions residents asked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum FaqEvalExamples {
    /// None: every evaluated query is new to the index.
    #[default]
    None,
    /// k-fold cross-validation over the evaluated queries: each query is
    /// answered with only the other folds' queries as examples.
    Folds(usize),
    /// Another judged query set (queries file, qrels file), e.g. the shared
    /// half when evaluating a hidden half. Queries whose text equals an
    /// evaluated one are left out.
    Train {
        /// Queries JSON (query id → text).
        queries: PathBuf,
        /// Relevance judgments JSON (query id → entry id → grade).
        qrels: PathBuf,
    },
}

/// Evaluates the chatbot's ranker (built-in synonyms, default settings —
/// the same retrieval [`Machi::ask`] uses) on LocalgovFAQ-shaped files:
/// `corpus` (id → `Question: …\nAnswer: …`), `queries` (id → text) and
/// `qrels` (query id → entry id → grade). Needs no store. With `encoder`
/// (a machi-encoder model file), BM25 is fused with that sentence encoder,
/// as [`Machi::ask`] does once the pack has brought a model. `examples`
/// says where entries get example questions from.
///
/// [`Error::InvalidInput`] when a file cannot be read or has the wrong
/// shape, or when fewer than 2 folds are asked for.
pub fn eval_faq(
    corpus: &Path,
    queries: &Path,
    qrels: &Path,
    encoder: Option<&Path>,
    examples: &FaqEvalExamples,
) -> Result<FaqEvalReport> {
    // File errors are developer-facing (publisher tool); any locale will do.
    let loc = Localizer::for_lang(machi_common::Lang::En);
    let set = load_localgov(corpus, queries, qrels).map_err(|e| faq_error(e, &loc))?;
    let enc = match encoder {
        Some(file) => Some(Arc::new(
            Encoder::open(file).map_err(|e| faq_error(e, &loc))?,
        )),
        None => None,
    };
    // Folds rebuild the index per fold: entry vectors are made once. A
    // single build needs no cache (keeping one would only hold memory).
    let cache = matches!(examples, FaqEvalExamples::Folds(_)).then(MemoryCache::default);
    let build = |docs: &[IndexDoc]| {
        let (synonyms, cfg) = (SynonymTable::builtin(), RetrievalConfig::default());
        match &enc {
            Some(enc) => Retriever::build_with_encoder_cached(
                docs,
                synonyms,
                cfg,
                Arc::clone(enc),
                cache.as_ref().map(|c| c as &dyn EmbeddingCache),
            ),
            None => Retriever::build(docs, synonyms, cfg),
        }
    };
    Ok(match examples {
        FaqEvalExamples::None => evaluate_retriever(&set, &build(&corpus_docs(&set))),
        FaqEvalExamples::Folds(k) if *k < 2 => {
            return Err(Error::InvalidInput {
                reason: format!("cross-validation needs at least 2 folds, not {k}"),
            })
        }
        FaqEvalExamples::Folds(k) => evaluate_folds(&set, *k, build),
        FaqEvalExamples::Train { queries, qrels } => {
            let (train, train_qrels) =
                load_judged(queries, qrels).map_err(|e| faq_error(e, &loc))?;
            evaluate_with_training(&set, &train, &train_qrels, build)
        }
    })
}
