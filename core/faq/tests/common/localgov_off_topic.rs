//! Off-topic questions for a bot over the LocalgovFAQ corpus (weather,
//! films, trivia in four languages): none may be answered confidently.
//! Shared by the BM25 and the encoder tests so both hold the same bar.

use machi_common::Lang;
use machi_faq::{FaqBot, ReplyKind, CONFIDENT};
use machi_i18n::Localizer;

/// The questions.
pub const QUESTIONS: &[&str] = &[
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
];

/// Asks `bot` every question; returns the highest confidence seen and the
/// questions it answered or was confident about (described).
pub fn confident_answers(bot: &FaqBot) -> (f32, Vec<String>) {
    let ja = Localizer::for_lang(Lang::Ja);
    let mut confident = Vec::new();
    let mut highest: f32 = 0.0;
    for q in QUESTIONS {
        let r = bot.ask(q, &ja).unwrap_or_else(|e| panic!("{q}: {e}"));
        highest = highest.max(r.confidence);
        if r.confidence >= CONFIDENT || r.kind == ReplyKind::Answer {
            confident.push(format!(
                "{q}: {:.2} {:?}",
                r.confidence,
                r.answers.first().map(|a| &a.question)
            ));
        }
    }
    (highest, confident)
}
