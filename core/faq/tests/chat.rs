//! End-to-end chatbot behaviour on the fixture town FAQ.

mod common;

use machi_common::Lang;
use machi_faq::{FaqBot, FaqError, ReplyKind, CONFIDENT, MAX_QUERY_CHARS};
use machi_i18n::Localizer;

fn ja() -> Localizer {
    Localizer::for_lang(Lang::Ja)
}

fn top_id(bot: &FaqBot, q: &str, loc: &Localizer) -> Option<String> {
    bot.ask(q, loc).ok()?.answers.first().map(|a| a.id.clone())
}

#[test]
fn japanese_question_gets_a_confident_answer() {
    let bot = common::bot();
    let r = bot.ask("粗大ごみってどうやって出すの", &ja()).unwrap();
    assert_eq!(r.kind, ReplyKind::Answer, "{r:?}");
    assert_eq!(r.answers[0].id, "waste-bulky");
    assert!(r.confidence >= CONFIDENT);
    assert_eq!(r.answers[0].lang, Lang::Ja);
    assert!(r.answers[0].note.is_none());
}

#[test]
fn spelling_variants_find_the_same_entry() {
    let bot = common::bot();
    for q in [
        "粗大ごみの出し方",
        "粗大ゴミの出し方",
        "粗大ｺﾞﾐの出し方",
        "粗大塵の出し方",
        "粗大ゴミの出し方？？",
        "　粗大　ゴミ　出し方　",
    ] {
        assert_eq!(
            top_id(&bot, q, &ja()).as_deref(),
            Some("waste-bulky"),
            "{q}"
        );
    }
    // Counters: 一通 / 1通 / １通.
    for q in [
        "住民票は一通いくら",
        "住民票は1通いくら",
        "住民票は１通いくら",
    ] {
        assert_eq!(
            top_id(&bot, q, &ja()).as_deref(),
            Some("cert-juminhyo"),
            "{q}"
        );
    }
}

#[test]
fn english_question_finds_japanese_only_entry_with_a_note() {
    let bot = common::bot();
    let en = Localizer::for_lang(Lang::En);
    let r = bot.ask("How do I throw away bulky garbage?", &en).unwrap();
    let a = &r.answers[0];
    assert_eq!(a.id, "waste-bulky", "{r:?}");
    assert_eq!(a.lang, Lang::Ja);
    let note = a.note.as_deref().unwrap_or("");
    assert!(note.contains("Japanese"), "{note}");
    // Department contact comes in English when the pack has it.
    let c = a.contact.as_ref().unwrap();
    assert_eq!(c.department, "Environment Division");
    assert!(c.text.contains("0293-00-1111"), "{}", c.text);
}

#[test]
fn english_answer_is_used_when_the_pack_has_it() {
    let bot = common::bot();
    let en = Localizer::for_lang(Lang::En);
    let r = bot
        .ask("Where can I get a residence certificate?", &en)
        .unwrap();
    let a = &r.answers[0];
    assert_eq!(a.id, "cert-juminhyo", "{r:?}");
    assert_eq!(a.lang, Lang::En);
    assert!(a.note.is_none());
    assert!(a.answer.contains("300 yen"));
}

#[test]
fn chinese_and_korean_questions_find_japanese_entries() {
    let bot = common::bot();
    let zh = Localizer::for_lang(Lang::ZhHans);
    let ko = Localizer::for_lang(Lang::Ko);
    assert_eq!(
        top_id(&bot, "大件垃圾怎么扔？", &zh).as_deref(),
        Some("waste-bulky")
    );
    assert_eq!(
        top_id(&bot, "可燃垃圾的收集日是哪天？", &zh).as_deref(),
        Some("waste-days")
    );
    assert_eq!(
        top_id(&bot, "주민표는 어디서 받나요?", &ko).as_deref(),
        Some("cert-juminhyo")
    );
    assert_eq!(
        top_id(&bot, "어린이집 신청", &ko).as_deref(),
        Some("kids-nursery")
    );
    let r = bot.ask("大件垃圾怎么扔？", &zh).unwrap();
    let note = r.answers[0].note.as_deref().unwrap_or("");
    assert!(note.contains("日语"), "{note}");
}

#[test]
fn menu_answer_becomes_clarifying_choices() {
    let bot = common::bot();
    let r = bot.ask("子育て支援の制度について知りたい", &ja()).unwrap();
    assert_eq!(r.kind, ReplyKind::Clarify, "{r:?}");
    assert_eq!(r.answers[0].id, "kids-support");
    let labels: Vec<&str> = r.choices.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels,
        vec!["児童手当", "子ども医療費助成", "保育所の入所申込み"]
    );
    assert!(r.message.contains("知りたいですか"), "{}", r.message);
    // Items that name an entry link to it.
    assert_eq!(r.choices[0].entry_id.as_deref(), Some("kids-allowance"));
    assert_eq!(r.choices[2].entry_id.as_deref(), Some("kids-nursery"));
    // An English reader gets the prompt in English over the Japanese items.
    let en = Localizer::for_lang(Lang::En);
    let r = bot.ask("子育て支援の制度について知りたい", &en).unwrap();
    assert_eq!(r.kind, ReplyKind::Clarify);
    assert!(r.message.starts_with("Which of these"), "{}", r.message);
}

#[test]
fn low_confidence_gives_candidates_and_department_contact() {
    let bot = common::bot();
    // Mentions a real topic word but mostly things the FAQ does not cover.
    let r = bot
        .ask("窓口の近くにあるおいしいラーメン屋", &ja())
        .unwrap();
    assert!(
        matches!(r.kind, ReplyKind::NotSure | ReplyKind::NoMatch),
        "{r:?}"
    );
    assert!(r.confidence < CONFIDENT);
    if r.kind == ReplyKind::NotSure {
        assert!(!r.answers.is_empty() && r.answers.len() <= 3);
        let c = r.contact.as_ref().unwrap();
        assert!(c.phone.is_some() && c.hours.is_some());
        assert!(c.text.contains(c.phone.as_deref().unwrap()));
        assert!(r.unanswered("…", Lang::Ja).is_some());
    }
}

#[test]
fn off_topic_questions_all_fall_below_the_threshold() {
    let bot = common::bot();
    let cases: &[(Lang, &str)] = &[
        (Lang::Ja, "明日の天気はどうですか"),
        (Lang::Ja, "好きな映画を教えて"),
        (Lang::Ja, "東京タワーの高さは何メートル？"),
        (Lang::Ja, "美味しいカレーの作り方"),
        (Lang::Ja, "今日は何曜日"),
        (Lang::Ja, "野球の試合の結果"),
        (Lang::Ja, "円周率を100桁言って"),
        (Lang::Ja, "あなたは誰ですか"),
        (Lang::Ja, "宇宙人はいますか"),
        (Lang::Ja, "株価の予想をしてください"),
        (Lang::En, "What is the capital of France?"),
        (Lang::En, "Tell me a joke"),
        (Lang::En, "Who won the world cup?"),
        (Lang::En, "Recommend a good sushi restaurant"),
        (Lang::ZhHans, "今天天气怎么样"),
        (Lang::Ko, "오늘 날씨 어때요"),
    ];
    let mut confident = Vec::new();
    for (lang, q) in cases {
        let r = bot.ask(q, &Localizer::for_lang(*lang)).unwrap();
        if r.confidence >= CONFIDENT || matches!(r.kind, ReplyKind::Answer | ReplyKind::Clarify) {
            confident.push(format!(
                "{q}: {:?} {:.2} {:?}",
                r.kind,
                r.confidence,
                r.answers.first().map(|a| &a.id)
            ));
        }
    }
    assert!(confident.is_empty(), "{confident:#?}");
}

#[test]
fn empty_huge_and_garbage_queries_never_panic() {
    let bot = common::bot();
    let loc = ja();
    assert_eq!(bot.ask("", &loc).unwrap().kind, ReplyKind::EmptyQuery);
    assert_eq!(
        bot.ask("  　\n\t", &loc).unwrap().kind,
        ReplyKind::EmptyQuery
    );
    assert_eq!(
        bot.ask("？！。、・", &loc).unwrap().kind,
        ReplyKind::EmptyQuery
    );
    let huge = "ごみ".repeat(MAX_QUERY_CHARS);
    let err = bot.ask(&huge, &loc).unwrap_err();
    assert!(matches!(err, FaqError::QueryTooLong { .. }));
    assert_eq!(err.message_id(), "faq-query-too-long");
    assert!(matches!(
        bot.ask_bytes(&[0xff, 0xfe, 0x00, 0x80], &loc),
        Err(FaqError::NotUtf8(_))
    ));
    let garbage = "\u{0}\u{1b}[31m\u{fffd}\u{202e}𝕏\u{200b}";
    let r = bot.ask(garbage, &loc).unwrap();
    assert!(r.confidence < CONFIDENT, "{r:?}");
}

#[test]
fn suggestions_categories_and_browsing() {
    let bot = common::bot();
    let loc = ja();
    let s = bot.suggest("粗大", 5, &loc);
    assert_eq!(s.first().map(|s| s.id.as_str()), Some("waste-bulky"));
    assert!(s.len() <= 5);
    // Katakana and half-width typing still suggest.
    let s = bot.suggest("ｺﾞﾐ", 5, &loc);
    assert!(
        !s.is_empty() && s.iter().all(|s| s.id.starts_with("waste-")),
        "{s:?}"
    );
    assert!(bot.suggest("", 5, &loc).is_empty());
    let en = Localizer::for_lang(Lang::En);
    let s = bot.suggest("residence", 3, &en);
    assert_eq!(s[0].id, "cert-juminhyo");
    assert!(s[0].question.starts_with("Where can I get"));

    let cats = bot.categories(&en);
    let ids: Vec<&str> = cats.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, vec!["waste", "papers", "kids"]);
    assert_eq!(cats[0].name, "Waste and recycling");
    assert_eq!(cats[0].count, 3);
    let waste = bot.browse("waste", &loc);
    assert_eq!(waste.len(), 3);
    assert!(bot.browse("nothing", &loc).is_empty());
    assert_eq!(
        bot.entry("cert-inkan", &loc).map(|a| a.id),
        Some("cert-inkan".to_string())
    );
    assert!(bot.entry("missing", &loc).is_none());
}

#[test]
fn duplicate_ids_are_rejected() {
    let mut e = common::entries();
    e.push(e[0].clone());
    assert!(matches!(
        FaqBot::new(e, &common::pack_synonyms()),
        Err(FaqError::DuplicateId(id)) if id == "waste-bulky"
    ));
}

#[test]
fn confident_answer_is_not_logged_as_unanswered() {
    let bot = common::bot();
    let r = bot.ask("住民票の写しはどこで取れますか", &ja()).unwrap();
    assert_eq!(r.kind, ReplyKind::Answer, "{r:?}");
    assert!(r
        .unanswered("住民票の写しはどこで取れますか", Lang::Ja)
        .is_none());
}

mod prop {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn ask_never_panics_on_any_text(s in "\\PC{0,300}|[\\u{0}-\\u{10ffff}]{0,50}") {
            let bot = common::bot();
            let r = bot.ask(&s, &ja());
            if let Ok(r) = r {
                prop_assert!((0.0..=1.0).contains(&r.confidence));
                prop_assert!(r.answers.len() <= 3);
            }
            let _ = bot.suggest(&s, 5, &ja());
        }

        #[test]
        fn ask_bytes_never_panics(b in proptest::collection::vec(any::<u8>(), 0..400)) {
            let bot = common::bot();
            let _ = bot.ask_bytes(&b, &ja());
        }
    }
}
