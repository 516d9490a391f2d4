//! The embedded sample town's FAQ (`content/takahagi/faq.toml` and
//! `synonyms.toml`, our own content), read the way the app reads a pack:
//! every language of question and answer, keywords, example questions,
//! departments. A small
//! town (about fifty entries, six languages): the corpus-size and language
//! mix that a confidence model fitted on LocalgovFAQ must carry over to.

use std::path::PathBuf;

use machi_common::{Lang, LocalizedText};
use machi_faq::{Category, Department, ExampleQuestion, FaqBot, FaqEntry, ReplyKind, SynonymTable};
use toml::Value;

fn town_dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content/takahagi"
    ))
}

fn read(name: &str) -> Value {
    let path = town_dir().join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} must be readable: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{} must parse: {e}", path.display()))
}

fn localized(v: Option<&Value>) -> LocalizedText {
    let mut t = LocalizedText::new();
    if let Some(table) = v.and_then(Value::as_table) {
        for (tag, text) in table {
            if let (Ok(lang), Some(text)) = (Lang::from_tag(tag), text.as_str()) {
                t.set(lang, text);
            }
        }
    }
    t
}

fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The sample town's entries, departments attached.
pub fn entries() -> Vec<FaqEntry> {
    let faq = read("faq.toml");
    let empty = Vec::new();
    let depts = faq
        .get("department")
        .and_then(Value::as_array)
        .unwrap_or(&empty);
    let dept = |id: &str| {
        depts
            .iter()
            .find(|d| d.get("id").and_then(Value::as_str) == Some(id))
            .map(|d| Department {
                name: localized(d.get("name")),
                phone: d.get("phone").and_then(Value::as_str).map(str::to_string),
                hours: Some(localized(d.get("hours"))),
            })
    };
    let list = faq.get("entry").and_then(Value::as_array).unwrap_or(&empty);
    list.iter()
        .map(|e| {
            let s = |k: &str| e.get(k).and_then(Value::as_str).unwrap_or("").to_string();
            let category = s("category");
            FaqEntry {
                id: s("id"),
                question: localized(e.get("question")),
                answer: localized(e.get("answer")),
                category: (!category.is_empty()).then(|| Category {
                    name: LocalizedText::single(Lang::Ja, category.clone()),
                    id: category,
                }),
                department: dept(&s("department")),
                keywords: strings(e.get("keywords")),
                examples: strings(e.get("examples"))
                    .into_iter()
                    .map(ExampleQuestion::new)
                    .collect(),
            }
        })
        .collect()
}

/// The sample town's synonym sets.
pub fn synonyms() -> SynonymTable {
    let syn = read("synonyms.toml");
    let groups: Vec<Vec<String>> = syn
        .get("set")
        .and_then(Value::as_array)
        .map(|sets| sets.iter().map(|s| strings(s.get("terms"))).collect())
        .unwrap_or_default();
    SynonymTable::from_groups(&groups)
}

/// The bot over the sample town.
pub fn bot() -> FaqBot {
    let entries = entries();
    assert!(
        entries.len() >= 40,
        "sample town has {} entries",
        entries.len()
    );
    match FaqBot::new(entries, &synonyms()) {
        Ok(b) => b,
        Err(e) => panic!("sample town must build: {e}"),
    }
}

/// Questions close to an entry's wording, in four languages, with the entry
/// and the kind of reply the bot must give confidently (shared by the BM25
/// and the encoder tests, so both hold the same bar).
pub fn near_verbatim_cases() -> Vec<(&'static str, Lang, &'static str, ReplyKind)> {
    use ReplyKind::{Answer, Clarify};
    vec![
        // The four reported "not sure" on this pack before.
        ("ごみのことを知りたい", Lang::Ja, "menu-garbage", Clarify),
        (
            "I need a certificate.",
            Lang::En,
            "menu-certificates",
            Clarify,
        ),
        (
            "I have a question about garbage.",
            Lang::En,
            "menu-garbage",
            Clarify,
        ),
        (
            "How do I get a residence certificate?",
            Lang::En,
            "juminhyo-copy",
            Answer,
        ),
        ("証明書がほしい", Lang::Ja, "menu-certificates", Clarify),
        (
            "粗大ごみってどうやって出すの",
            Lang::Ja,
            "garbage-bulky",
            Answer,
        ),
        ("ごみの収集日はいつ？", Lang::Ja, "garbage-days", Answer),
        (
            "住民票はどこで取れますか",
            Lang::Ja,
            "juminhyo-copy",
            Answer,
        ),
        (
            "マイナンバーカードを作りたい",
            Lang::Ja,
            "mynumber-card",
            Answer,
        ),
        ("児童手当はいつもらえますか", Lang::Ja, "jido-teate", Answer),
        (
            "When is garbage collected?",
            Lang::En,
            "garbage-days",
            Answer,
        ),
        (
            "How do I get rid of bulky waste?",
            Lang::En,
            "garbage-bulky",
            Answer,
        ),
        (
            "Can I get certificates at a convenience store?",
            Lang::En,
            "convenience-store",
            Answer,
        ),
        (
            "How do I register my dog?",
            Lang::En,
            "dog-registration",
            Answer,
        ),
        ("大件垃圾怎么扔？", Lang::ZhHans, "garbage-bulky", Answer),
        ("垃圾什么时候收集？", Lang::ZhHans, "garbage-days", Answer),
        (
            "在哪里可以开住民票？",
            Lang::ZhHans,
            "juminhyo-copy",
            Answer,
        ),
        (
            "我想了解垃圾的相关事项",
            Lang::ZhHans,
            "menu-garbage",
            Clarify,
        ),
        (
            "쓰레기 수거일은 언제인가요?",
            Lang::Ko,
            "garbage-days",
            Answer,
        ),
        (
            "대형 쓰레기는 어떻게 버리나요?",
            Lang::Ko,
            "garbage-bulky",
            Answer,
        ),
        (
            "주민표는 어디서 발급받나요?",
            Lang::Ko,
            "juminhyo-copy",
            Answer,
        ),
        ("증명서가 필요해요", Lang::Ko, "menu-certificates", Clarify),
    ]
}

/// The near-verbatim cases `bot` gets wrong (kind, top entry, or not
/// confident), described; empty when all pass.
pub fn near_verbatim_failures(bot: &FaqBot) -> Vec<String> {
    let mut wrong = Vec::new();
    for (q, lang, id, kind) in near_verbatim_cases() {
        let r = bot
            .ask(q, &machi_i18n::Localizer::for_lang(lang))
            .unwrap_or_else(|e| panic!("{q}: {e}"));
        let ok = r.kind == kind
            && r.confidence >= machi_faq::CONFIDENT
            && r.answers.first().map(|a| a.id.as_str()) == Some(id);
        if !ok {
            wrong.push(format!(
                "{q:?} → want {id} {kind:?}; got {:?} {:.2} {:?}",
                r.kind,
                r.confidence,
                r.answers.iter().map(|a| a.id.as_str()).collect::<Vec<_>>()
            ));
        }
    }
    wrong
}

/// Off-topic questions for the sample town (weather, food, trivia, travel
/// in four languages): none may be answered confidently.
pub const OFF_TOPIC: &[(&str, Lang)] = &[
    ("明日の天気はどうですか", Lang::Ja),
    ("美味しいラーメン屋を教えて", Lang::Ja),
    ("サッカーのワールドカップの優勝国は", Lang::Ja),
    ("好きな映画を教えて", Lang::Ja),
    ("株価の予想をしてください", Lang::Ja),
    ("宇宙人はいますか", Lang::Ja),
    ("What is the capital of France?", Lang::En),
    ("Where is the best sushi restaurant?", Lang::En),
    ("Tell me a joke", Lang::En),
    ("How tall is Mount Fuji?", Lang::En),
    ("Can you recommend a good hotel?", Lang::En),
    ("What time does the train to Tokyo leave?", Lang::En),
    ("我想买一张去东京的火车票", Lang::ZhHans),
    ("今天天气怎么样？", Lang::ZhHans),
    ("附近有好吃的餐厅吗？", Lang::ZhHans),
    ("오늘 날씨 어때요?", Lang::Ko),
    ("맛있는 라면집을 추천해 주세요", Lang::Ko),
    ("도쿄까지 기차표는 얼마예요?", Lang::Ko),
];

/// The highest confidence `bot` gives an [`OFF_TOPIC`] question, and each
/// one it answers confidently or with anything but "not sure" / "no
/// match", described; the list is empty when all pass.
pub fn off_topic_confident(bot: &FaqBot) -> (f32, Vec<String>) {
    let mut confident = Vec::new();
    let mut highest: f32 = 0.0;
    for &(q, lang) in OFF_TOPIC {
        let r = bot
            .ask(q, &machi_i18n::Localizer::for_lang(lang))
            .unwrap_or_else(|e| panic!("{q}: {e}"));
        highest = highest.max(r.confidence);
        if r.confidence >= machi_faq::CONFIDENT
            || !matches!(r.kind, ReplyKind::NotSure | ReplyKind::NoMatch)
        {
            confident.push(format!(
                "{q}: {:?} {:.2} {:?}",
                r.kind,
                r.confidence,
                r.answers.iter().map(|a| a.id.as_str()).collect::<Vec<_>>()
            ));
        }
    }
    (highest, confident)
}
