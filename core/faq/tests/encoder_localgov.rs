//! BM25 fused with the sentence encoder on LocalgovFAQ: the shared half
//! stays above floors a little under the measured figures
//! (docs/benchmarks/machi-faq-encoder.md), and off-topic questions in four
//! languages never get a confident answer on the full corpus. Skips
//! without the shared data or a model; skips in unoptimized builds too
//! (embedding 3,572 texts without optimization takes minutes): run with
//! `cargo test --release` or `--profile eval`.

#[path = "common/encoder.rs"]
mod enc;

#[path = "common/localgov_off_topic.rs"]
mod off_topic;

use std::path::PathBuf;
use std::sync::Arc;

use machi_faq::eval::{corpus_docs, evaluate_retriever, load_localgov, EvalSet};
use machi_faq::{Encoder, FaqBot, RetrievalConfig, Retriever, SynonymTable};

fn setup() -> Option<(EvalSet, Arc<Encoder>)> {
    if cfg!(debug_assertions) {
        eprintln!("skipping: unoptimized build (run with --release or --profile eval)");
        return None;
    }
    let base = std::env::var_os("MACHI_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"))
        });
    let dir = base.join("faq/localgovfaq");
    if !dir.join("corpus.json").is_file() {
        eprintln!("skipping: ../shared/data not found (set MACHI_SHARED_DATA)");
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
    eprintln!(
        "with encoder: SR@1 {:.3} SR@5 {:.3} MRR@10 {:.3}",
        report.sr1, report.sr5, report.mrr10
    );
    assert!(report.sr1 >= 0.53, "SR@1 {}", report.sr1);
    assert!(report.sr5 >= 0.80, "SR@5 {}", report.sr5);
    assert!(report.mrr10 >= 0.64, "MRR@10 {}", report.mrr10);
}

#[test]
fn off_topic_questions_are_not_confident_with_the_encoder() {
    let Some((set, encoder)) = setup() else {
        return;
    };
    let entries = set.faq_entries();
    let bot = FaqBot::with_encoder(
        entries,
        &SynonymTable::new(),
        RetrievalConfig::default(),
        encoder,
    )
    .unwrap();
    let (highest, confident) = off_topic::confident_answers(&bot);
    eprintln!("highest off-topic confidence with the encoder: {highest:.2}");
    assert!(confident.is_empty(), "{confident:#?}");
}
