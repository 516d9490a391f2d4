//! The FAQ chatbot on the facade, over the embedded Takahagi town: answers in
//! the reader's language, cross-lingual questions, menus, the "not sure"
//! fallback with the department's contact, the unanswered log, feedback,
//! browsing, suggestions, typed errors and the cache across imports.

use machi_app::common::Lang;
use machi_app::{Error, FaqReplyKind, Machi, OpenOptions};
use machi_i18n::Localizer;

fn open() -> Machi {
    Machi::open(OpenOptions::default()).unwrap()
}

fn loc(lang: Lang) -> Localizer {
    Localizer::for_lang(lang)
}

#[test]
fn japanese_bulky_waste_question_is_answered_with_its_department() {
    let m = open();
    let ja = loc(Lang::Ja);
    for q in ["粗大ごみの出し方", "粗大ゴミってどうやって出すの？"] {
        let r = m.ask(q, &ja).unwrap();
        assert_eq!(r.kind, FaqReplyKind::Answer, "{q}: {r:?}");
        let a = &r.answers[0];
        assert_eq!(a.id, "garbage-bulky", "{q}");
        assert_eq!(a.lang, Lang::Ja);
        assert!(a.note.is_none());
        assert!(a.answer.contains("申込制"), "{}", a.answer);
        let c = a.contact.as_ref().unwrap();
        assert_eq!(c.department, "環境課");
        assert!(c.text.contains("0293-23-2111"), "{}", c.text);
    }
    // A confident answer is not an unanswered question.
    assert!(m.export_unanswered().unwrap().is_empty());
}

#[test]
fn english_residence_certificate_question_offers_the_english_entry() {
    // The issue's own example: answered outright, in English, with the
    // department to contact.
    let m = open();
    let en = loc(Lang::En);
    let r = m.ask("How do I get a residence certificate?", &en).unwrap();
    assert_eq!(r.kind, FaqReplyKind::Answer, "{r:?}");
    let a = &r.answers[0];
    assert_eq!(a.id, "juminhyo-copy", "{r:?}");
    assert_eq!(a.lang, Lang::En);
    assert!(a.note.is_none());
    assert!(a.answer.contains("Citizens Division"), "{}", a.answer);
    let c = a.contact.as_ref().unwrap();
    assert_eq!(c.department, "Citizens Division");
    assert!(
        c.text.contains("0293-23-2111") && c.text.contains("8:30"),
        "{}",
        c.text
    );
}

#[test]
fn chinese_and_korean_questions_find_their_entries() {
    let m = open();
    let r = m.ask("大件垃圾怎么扔？", &loc(Lang::ZhHans)).unwrap();
    assert_eq!(r.kind, FaqReplyKind::Answer, "{r:?}");
    assert_eq!(r.answers[0].id, "garbage-bulky", "{r:?}");
    assert_eq!(r.answers[0].lang, Lang::ZhHans);
    let r = m
        .ask("쓰레기 수거일은 언제인가요?", &loc(Lang::Ko))
        .unwrap();
    assert_eq!(r.kind, FaqReplyKind::Answer, "{r:?}");
    assert_eq!(r.answers[0].id, "garbage-days", "{r:?}");
    assert_eq!(r.answers[0].lang, Lang::Ko);
}

#[test]
fn english_question_finds_a_japanese_only_entry_with_a_note() {
    // death-registration is written in Japanese only, on purpose; its
    // English keywords still find it.
    let m = open();
    let en = loc(Lang::En);
    let entry = m.faq_entry("death-registration", &en).unwrap();
    assert_eq!(entry.lang, Lang::Ja);
    let note = entry.note.as_deref().unwrap_or_default();
    assert!(note.contains("Japanese"), "{note}");
    let r = m.ask("death registration", &en).unwrap();
    let a = &r.answers[0];
    assert_eq!(a.id, "death-registration", "{r:?}");
    assert_eq!(a.lang, Lang::Ja);
    assert!(a.note.as_deref().unwrap_or_default().contains("Japanese"));
}

#[test]
fn a_menu_entry_becomes_clarifying_choices() {
    let m = open();
    let ja = loc(Lang::Ja);
    let r = m.ask("証明書がほしい", &ja).unwrap();
    assert_eq!(r.kind, FaqReplyKind::Clarify, "{r:?}");
    assert_eq!(r.answers[0].id, "menu-certificates");
    assert!(!r.message.is_empty());
    let labels: Vec<&str> = r.choices.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels.len(), 8, "{labels:?}");
    assert_eq!(labels[0], "住民票の写し");
    assert_eq!(labels[7], "納税証明書");
    // Every choice can be followed: to an existing entry, or by asking it.
    for c in &r.choices {
        assert!(!c.query.is_empty());
        if let Some(id) = &c.entry_id {
            assert_ne!(id, "menu-certificates");
            m.faq_entry(id, &ja).unwrap();
        }
    }
    let links: Vec<Option<&str>> = r.choices.iter().map(|c| c.entry_id.as_deref()).collect();
    assert_eq!(
        links,
        [
            Some("juminhyo-copy"),
            Some("inkan-registration"),
            Some("inkan-certificate"),
            Some("koseki-certificate"),
            None,
            Some("mynumber-card"),
            Some("convenience-store"),
            Some("nozei-shomei"),
        ]
    );
    // A clarifying menu is an answer of sorts: nothing is logged.
    assert!(m.export_unanswered().unwrap().is_empty());
}

#[test]
fn off_topic_questions_are_never_answered_confidently_and_are_logged() {
    let m = open();
    let ja = loc(Lang::Ja);
    let questions = [
        "明日の東京の天気は？",
        "美味しいラーメン屋を教えて",
        "サッカーのワールドカップの優勝国は",
        "What is the capital of France?",
    ];
    for q in questions {
        let r = m.ask(q, &ja).unwrap();
        assert!(
            matches!(r.kind, FaqReplyKind::NotSure | FaqReplyKind::NoMatch),
            "{q}: {r:?}"
        );
        assert!(r.confidence < machi_faq::CONFIDENT, "{q}: {r:?}");
        assert!(!r.message.is_empty());
        if r.kind == FaqReplyKind::NotSure {
            assert!(r.answers.len() <= 3, "{q}");
            // The candidates come with a department to call.
            let c = r.contact.as_ref().unwrap();
            assert!(c.phone.is_some(), "{q}: {c:?}");
            assert!(c.text.contains(c.phone.as_deref().unwrap_or_default()));
        }
    }
    let log = m.export_unanswered().unwrap();
    assert_eq!(log.len(), questions.len(), "{log:?}");
    for q in questions {
        let row = log.iter().find(|u| u.query == q).unwrap();
        assert_eq!(row.lang, Some(Lang::Ja));
        assert_eq!(row.count, 1);
    }
    // Asking again counts, not duplicates.
    m.ask(questions[0], &ja).unwrap();
    let log = m.export_unanswered().unwrap();
    assert_eq!(log[0].query, questions[0]);
    assert_eq!(log[0].count, 2);
}

#[test]
fn empty_huge_and_symbol_queries_are_typed_errors() {
    let m = open();
    let en = loc(Lang::En);
    for q in ["", "   ", "？？！！", "\u{3000}"] {
        match m.ask(q, &en) {
            Err(Error::InvalidInput { reason }) => {
                assert_eq!(reason, "Please type your question.", "{q:?}")
            }
            other => panic!("{q:?}: {other:?}"),
        }
    }
    let huge = "粗大ごみ".repeat(1_000);
    match m.ask(&huge, &loc(Lang::Ja)) {
        Err(Error::InvalidInput { reason }) => assert!(reason.contains("長すぎ"), "{reason}"),
        other => panic!("{other:?}"),
    }
    // Control characters and stray bytes turned into replacement chars
    // never panic.
    let garbage = String::from_utf8_lossy(&[0xff, 0xfe, 0x00, 0x1b, b'[', 0x80]).into_owned();
    let _ = m.ask(&garbage, &en);
    // None of these reached the unanswered log.
    assert!(m.export_unanswered().unwrap().is_empty());
}

#[test]
fn categories_browse_and_entry_lookup() {
    let m = open();
    let en = loc(Lang::En);
    let cats = m.faq_categories(&en).unwrap();
    let garbage = cats.iter().find(|c| c.id == "garbage").unwrap();
    assert_eq!(garbage.name, "Garbage and recycling");
    assert_eq!(garbage.count, 7);
    let total: usize = cats.iter().map(|c| c.count).sum();
    assert!(total >= 40, "{total}");
    let ja = m.faq_categories(&loc(Lang::Ja)).unwrap();
    assert_eq!(ja[0].id, cats[0].id);
    assert!(ja.iter().any(|c| c.name == "ごみ・リサイクル"));

    let list = m.faq_browse("garbage", &en).unwrap();
    assert_eq!(list.len(), 7);
    assert!(list
        .iter()
        .any(|s| s.id == "garbage-bulky" && s.question == "How do I get rid of bulky waste?"));
    assert!(matches!(
        m.faq_browse("no-such-category", &en),
        Err(Error::NotFound { .. })
    ));
    assert!(matches!(
        m.faq_entry("no-such-entry", &en),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn suggestions_while_typing() {
    let m = open();
    let ja = loc(Lang::Ja);
    let s = m.faq_suggest("粗大", 5, &ja).unwrap();
    assert_eq!(s[0].id, "garbage-bulky", "{s:?}");
    assert!(s.len() <= 5);
    let en = m.faq_suggest("bulky", 3, &loc(Lang::En)).unwrap();
    assert!(en.iter().any(|s| s.id == "garbage-bulky"), "{en:?}");
    assert!(m.faq_suggest("", 5, &ja).unwrap().is_empty());
    assert!(m.faq_suggest("粗大", 0, &ja).unwrap().is_empty());
}

#[test]
fn feedback_is_stored_for_known_entries_only() {
    let m = open();
    let en = loc(Lang::En);
    m.rate_faq_answer("garbage-bulky", " bulky waste ", true, &en)
        .unwrap();
    m.rate_faq_answer("garbage-days", "", false, &loc(Lang::Ko))
        .unwrap();
    assert!(matches!(
        m.rate_faq_answer("no-such-entry", "x", true, &en),
        Err(Error::NotFound { .. })
    ));
    let votes = m.faq_feedback().unwrap();
    assert_eq!(votes.len(), 2);
    assert_eq!(votes[0].entry_id, "garbage-bulky");
    assert_eq!(votes[0].query, "bulky waste");
    assert!(votes[0].helpful);
    assert_eq!(votes[0].lang, Some(Lang::En));
    assert!(!votes[1].helpful);
    assert_eq!(votes[1].lang, Some(Lang::Ko));
}

#[test]
fn a_helpful_vote_teaches_the_bot_the_readers_words_until_taken_back() {
    let m = open();
    let en = loc(Lang::En);
    let asked = "someone in my family died";
    let ranked = |m: &Machi| {
        let r = m.ask(asked, &en).unwrap();
        let ids: Vec<String> = r.answers.iter().map(|a| a.id.clone()).collect();
        (r.kind, ids)
    };
    let (kind, ids) = ranked(&m);
    assert_ne!(kind, FaqReplyKind::Answer, "{ids:?}");
    assert_ne!(ids[0], "death-registration", "{ids:?}");
    m.rate_faq_answer("death-registration", asked, true, &en)
        .unwrap();
    let (kind, ids) = ranked(&m);
    assert_eq!(ids[0], "death-registration", "{ids:?}");
    assert_eq!(kind, FaqReplyKind::Answer);
    // Unrelated questions are not pulled towards the entry.
    let bulky = m.ask("粗大ごみの出し方", &loc(Lang::Ja)).unwrap();
    assert_eq!(bulky.answers[0].id, "garbage-bulky");
    // "Did not help" after "helped" takes the example back.
    m.rate_faq_answer("death-registration", asked, false, &en)
        .unwrap();
    let (kind, ids) = ranked(&m);
    assert_ne!(kind, FaqReplyKind::Answer, "{ids:?}");
    assert_ne!(ids[0], "death-registration", "{ids:?}");
}

#[test]
fn example_questions_in_the_pack_find_their_entry() {
    let m = open();
    let en = loc(Lang::En);
    let asked = "someone in my family died";
    let mut town = machi_app::sample_town().unwrap();
    let death = town
        .faq
        .iter_mut()
        .find(|e| e.id == "death-registration")
        .unwrap();
    death.examples = vec!["My father died last night. What do I have to do?".into()];
    town.meta.pack_version += 1;
    m.import_full(&town).unwrap();
    let reply = m.ask(asked, &en).unwrap();
    assert_eq!(reply.answers[0].id, "death-registration", "{reply:?}");
    // The example is searched, never shown.
    let entry = m.faq_entry("death-registration", &en).unwrap();
    assert!(!format!("{entry:?}").contains("My father died"));
}

#[test]
fn the_bot_follows_content_imports() {
    let m = open();
    let ja = loc(Lang::Ja);
    assert_eq!(
        m.ask("粗大ごみの出し方", &ja).unwrap().answers[0].id,
        "garbage-bulky"
    );
    // Re-import the town with one FAQ entry renamed: the cached bot must
    // be rebuilt and show the new id.
    let mut town = machi_app::sample_town().unwrap();
    let bulky = town
        .faq
        .iter_mut()
        .find(|e| e.id == "garbage-bulky")
        .unwrap();
    bulky.id = "garbage-bulky-v2".into();
    town.meta.pack_version += 1;
    let before = m.content_generation();
    m.import_full(&town).unwrap();
    assert!(m.content_generation() > before);
    assert_eq!(
        m.ask("粗大ごみの出し方", &ja).unwrap().answers[0].id,
        "garbage-bulky-v2"
    );
    assert!(matches!(
        m.faq_entry("garbage-bulky", &ja),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn machi_is_shared_across_threads_while_asking() {
    let m = std::sync::Arc::new(open());
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let m = std::sync::Arc::clone(&m);
            std::thread::spawn(move || {
                let (q, lang) = if i % 2 == 0 {
                    ("粗大ごみの出し方", Lang::Ja)
                } else {
                    ("How do I get rid of bulky waste?", Lang::En)
                };
                m.ask(q, &Localizer::for_lang(lang)).unwrap().answers[0]
                    .id
                    .clone()
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), "garbage-bulky");
    }
}
