//! BM25 fused with the sentence encoder on LocalgovFAQ: the shared half
//! stays above floors a little under the measured figures
//! (docs/benchmarks/machi-faq-encoder.md), and off-topic questions in four
//! languages never get a confident answer on the full corpus. With other
//! residents' questions as example questions (5-fold cross-validation over
//! the shared half) the issue's targets are met. Skips
//! without the shared data or a model (fails instead under
//! `MACHI_REQUIRE_DATA=1`); ignored in unoptimized builds (embedding 3,572
//! texts without optimization takes minutes): scripts/test.sh runs it with
//! `--profile eval`.

#[path = "common/encoder.rs"]
mod enc;

#[path = "common/localgov_off_topic.rs"]
mod off_topic;

use std::sync::Arc;

use machi_faq::eval::{
    attach_examples, corpus_docs, evaluate_folds, evaluate_retriever, load_localgov, EvalReport,
    EvalSet,
};
use machi_faq::{Encoder, FaqBot, MemoryCache, RetrievalConfig, Retriever, SynonymTable};

fn setup() -> Option<(EvalSet, Arc<Encoder>)> {
    let dir = machi_common::testdata::shared_data_dir().join("faq/localgovfaq");
    if !dir.join("corpus.json").is_file() {
        machi_common::testdata::skip_missing(
            "../shared/data/faq/localgovfaq not found (set MACHI_SHARED_DATA)",
        );
        return None;
    }
    let encoder = enc::encoder()?;
    let set = load_localgov(
        &dir.join("corpus.json"),
        &dir.join("queries.json"),
        &dir.join("qrels.json"),
    )
    .unwrap_or_else(|e| panic!("shared LocalgovFAQ present but unreadable: {e}"));
    Some((set, encoder))
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "needs an optimized build: scripts/test.sh runs it with --profile eval"
)]
fn shared_half_with_the_encoder_meets_the_measured_floor() {
    let Some((set, encoder)) = setup() else {
        return;
    };
    let r = Retriever::build_with_encoder(
        &corpus_docs(&set),
        SynonymTable::builtin(),
        RetrievalConfig::default(),
        encoder,
    );
    let report = evaluate_retriever(&set, &r);
    assert_at_least(&report, "with encoder", [0.53, 0.80, 0.64]);
}

/// Prints `report`'s SR@1 / SR@5 / MRR@10 and asserts each reaches its floor.
fn assert_at_least(report: &EvalReport, what: &str, [sr1, sr5, mrr10]: [f64; 3]) {
    eprintln!(
        "{what}: SR@1 {:.3} SR@5 {:.3} MRR@10 {:.3}",
        report.sr1, report.sr5, report.mrr10
    );
    assert!(report.sr1 >= sr1, "{what}: SR@1 {}", report.sr1);
    assert!(report.sr5 >= sr5, "{what}: SR@5 {}", report.sr5);
    assert!(report.mrr10 >= mrr10, "{what}: MRR@10 {}", report.mrr10);
}

/// The LocalgovFAQ corpus as chatbot entries, with the encoder.
fn bot(entries: Vec<machi_faq::FaqEntry>, encoder: Arc<Encoder>) -> FaqBot {
    FaqBot::with_encoder(
        entries,
        &SynonymTable::new(),
        RetrievalConfig::default(),
        encoder,
    )
    .unwrap()
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "needs an optimized build: scripts/test.sh runs it with --profile eval"
)]
fn off_topic_questions_are_not_confident_with_the_encoder() {
    let Some((set, encoder)) = setup() else {
        return;
    };
    let bot = bot(set.faq_entries(), encoder);
    let (highest, confident) = off_topic::confident_answers(&bot);
    eprintln!("highest off-topic confidence with the encoder: {highest:.2}");
    assert!(confident.is_empty(), "{confident:#?}");
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "needs an optimized build: scripts/test.sh runs it with --profile eval"
)]
fn cross_validated_example_questions_meet_the_issue_targets() {
    let Some((set, encoder)) = setup() else {
        return;
    };
    let cache = MemoryCache::default();
    let report = evaluate_folds(&set, 5, |docs| {
        Retriever::build_with_encoder_cached(
            docs,
            SynonymTable::builtin(),
            RetrievalConfig::default(),
            Arc::clone(&encoder),
            Some(&cache),
        )
    });
    // Measured .613 / .859 / .712 (docs/benchmarks.md).
    assert_at_least(&report, "5-fold examples", [0.60, 0.85, 0.70]);
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "needs an optimized build: scripts/test.sh runs it with --profile eval"
)]
fn off_topic_questions_are_not_confident_with_example_questions() {
    let Some((set, encoder)) = setup() else {
        return;
    };
    let mut docs = corpus_docs(&set);
    attach_examples(&set, &mut docs, &set.queries, &set.qrels);
    let mut entries = set.faq_entries();
    for (entry, doc) in entries.iter_mut().zip(docs) {
        entry.examples = doc.examples;
    }
    let bot = bot(entries, encoder);
    let (highest, confident) = off_topic::confident_answers(&bot);
    eprintln!("highest off-topic confidence with 375 example questions: {highest:.2}");
    assert!(confident.is_empty(), "{confident:#?}");
}
