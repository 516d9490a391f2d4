//! Retrieval quality on the shared half of LocalgovFAQ (skips when the shared
//! data is not present). The floors sit a little under the measured figures
//! in docs/benchmarks/machi-faq.md, so a regression fails here.

#[path = "common/localgov_off_topic.rs"]
mod off_topic;

use std::path::PathBuf;

use machi_faq::eval::{evaluate, load_localgov, EvalSet};
use machi_faq::{FaqBot, RetrievalConfig, SynonymTable};

fn data_dir() -> Option<PathBuf> {
    let dir = machi_common::testdata::shared_data_dir().join("faq/localgovfaq");
    dir.join("corpus.json").is_file().then_some(dir)
}

fn load() -> Option<EvalSet> {
    let Some(dir) = data_dir() else {
        machi_common::testdata::skip_missing(
            "../shared/data/faq/localgovfaq not found (set MACHI_SHARED_DATA)",
        );
        return None;
    };
    match load_localgov(
        &dir.join("corpus.json"),
        &dir.join("queries.json"),
        &dir.join("qrels.json"),
    ) {
        Ok(s) => Some(s),
        Err(e) => panic!("shared LocalgovFAQ present but unreadable: {e}"),
    }
}

#[test]
fn shared_half_meets_the_measured_floor() {
    let Some(set) = load() else { return };
    assert_eq!(set.corpus.len(), 1786);
    assert_eq!(set.queries.len(), 375);
    let r = evaluate(&set, SynonymTable::builtin(), RetrievalConfig::default());
    eprintln!("{}", r.table());
    assert!(r.sr1 >= 0.44, "SR@1 {}", r.sr1);
    assert!(r.sr5 >= 0.71, "SR@5 {}", r.sr5);
    assert!(r.mrr10 >= 0.55, "MRR@10 {}", r.mrr10);
    assert_eq!(r.runs.len(), 375);
    assert!(r.runs.iter().all(|q| q.top10.len() <= 10));
}

#[test]
fn beats_the_plain_character_bigram_anchor() {
    let Some(set) = load() else { return };
    let plain = RetrievalConfig {
        w_answer: 0.0,
        strip_phrasing: false,
        ..RetrievalConfig::default()
    };
    let base = evaluate(&set, SynonymTable::new(), plain);
    let ours = evaluate(&set, SynonymTable::builtin(), RetrievalConfig::default());
    assert!(
        ours.mrr10 > base.mrr10 + 0.03,
        "{} vs {}",
        ours.mrr10,
        base.mrr10
    );
}

#[test]
fn off_topic_questions_are_not_confident_on_the_full_corpus() {
    let Some(set) = load() else { return };
    let entries = set.faq_entries();
    let bot = FaqBot::new(entries, &SynonymTable::new()).unwrap();
    let (highest, confident) = off_topic::confident_answers(&bot);
    eprintln!("highest off-topic confidence on LocalgovFAQ: {highest:.2}");
    assert!(confident.is_empty(), "{confident:#?}");
}
