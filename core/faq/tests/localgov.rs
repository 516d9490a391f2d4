//! Retrieval quality on the shared half of LocalgovFAQ (skips when the shared
//! data is not present). The floors sit a little under the measured figures
//! in docs/benchmarks/machi-faq.md, so a regression fails here.

use std::path::PathBuf;

use machi_common::{Lang, LocalizedText};
use machi_faq::eval::{evaluate, load_localgov, EvalSet};
use machi_faq::{FaqBot, FaqEntry, ReplyKind, RetrievalConfig, SynonymTable, CONFIDENT};
use machi_i18n::Localizer;

fn data_dir() -> Option<PathBuf> {
    let base = std::env::var_os("MACHI_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"))
        });
    let dir = base.join("faq/localgovfaq");
    dir.join("corpus.json").is_file().then_some(dir)
}

fn load() -> Option<EvalSet> {
    let Some(dir) = data_dir() else {
        eprintln!("skipping: ../shared/data not found (set MACHI_SHARED_DATA)");
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
    let entries: Vec<FaqEntry> = set
        .corpus
        .iter()
        .map(|e| FaqEntry {
            id: e.id.clone(),
            question: LocalizedText::single(Lang::Ja, e.doc.question.clone()),
            answer: LocalizedText::single(Lang::Ja, e.doc.answer.clone()),
            ..FaqEntry::default()
        })
        .collect();
    let bot = FaqBot::new(entries, &SynonymTable::new()).unwrap();
    let ja = Localizer::for_lang(Lang::Ja);
    let mut confident = Vec::new();
    let mut highest: f32 = 0.0;
    for q in [
        "明日の天気はどうですか",
        "好きな映画を教えて",
        "東京タワーの高さは何メートル？",
        "美味しいカレーの作り方",
        "今日は何曜日",
        "野球の試合の結果",
        "あなたは誰ですか",
        "宇宙人はいますか",
        "株価の予想をしてください",
        "おすすめの温泉旅館はどこ",
        "What is the capital of France?",
        "Tell me a joke",
        "Where is the best sushi restaurant?",
        "How tall is Mount Fuji?",
        "我想买一张去东京的火车票",
        "今天天气怎么样？",
        "오늘 날씨 어때요?",
        "맛있는 라면집을 추천해 주세요",
        "サッカーのワールドカップの優勝国は",
        "美味しいラーメン屋を教えて",
    ] {
        let r = bot.ask(q, &ja).unwrap();
        highest = highest.max(r.confidence);
        if r.confidence >= CONFIDENT || r.kind == ReplyKind::Answer {
            confident.push(format!(
                "{q}: {:.2} {:?}",
                r.confidence,
                r.answers.first().map(|a| &a.question)
            ));
        }
    }
    eprintln!("highest off-topic confidence on LocalgovFAQ: {highest:.2}");
    assert!(confident.is_empty(), "{confident:#?}");
}
