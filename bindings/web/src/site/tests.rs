use super::*;
use machi_common::LocalizedText;
use machi_faq::{Category, Department, FaqEntry, BUNDLE_FORMAT};
use serde_json::Value;

fn ja(s: &str) -> LocalizedText {
    LocalizedText::single(Lang::Ja, s)
}

/// A small pack: a menu entry, two entries it names, one with a department.
fn data() -> Vec<u8> {
    let dept = Department {
        name: ja("環境課").with(Lang::En, "Environment Division"),
        phone: Some("0293-23-2111".into()),
        hours: None,
    };
    let garbage = Some(Category {
        id: "garbage".into(),
        name: LocalizedText::new(),
    });
    let entries = vec![
        FaqEntry {
            id: "menu-garbage".into(),
            question: ja("ごみについて知りたい").with(Lang::En, "About garbage"),
            answer: ja("どれについて知りたいですか。１．粗大ごみの出し方 ２．資源ごみの日")
                .with(Lang::En, "Which one? 1. Bulky waste 2. Recycling day"),
            category: garbage.clone(),
            ..Default::default()
        },
        FaqEntry {
            id: "sodai".into(),
            question: ja("粗大ごみの出し方を教えてください")
                .with(Lang::En, "How do I put out bulky waste?")
                .with(Lang::JaEasy, "{大|おお}きい ごみは どう {出|だ}しますか"),
            answer: ja("粗大ごみは電話で申し込んでください。")
                .with(Lang::En, "Call to book a bulky waste pickup.")
                .with(
                    Lang::JaEasy,
                    "{電話|でんわ}で {申|もう}し{込|こ}んでください。",
                ),
            category: garbage.clone(),
            department: Some(dept.clone()),
            keywords: vec!["粗大ごみ".into(), "bulky".into()],
            ..Default::default()
        },
        FaqEntry {
            id: "shigen".into(),
            question: ja("資源ごみの日はいつですか").with(Lang::En, "When is recycling day?"),
            answer: ja("毎週水曜日です。").with(Lang::En, "Every Wednesday."),
            category: garbage,
            department: Some(dept),
            ..Default::default()
        },
    ];
    serde_json::to_vec(&FaqBundle {
        format: BUNDLE_FORMAT.into(),
        municipality_code: "082147".into(),
        town: ja("高萩市").with(Lang::En, "Takahagi"),
        pack_version: 4,
        key_id: "k1".into(),
        created: "2026-12-01T00:00:00Z".into(),
        entries,
        synonyms: vec![vec!["粗大ごみ".into(), "大型ごみ".into()]],
    })
    .unwrap()
}

fn site() -> Site {
    Site::new(&data()).unwrap()
}

fn parse(s: &str) -> Value {
    serde_json::from_str(s).unwrap()
}

#[test]
fn a_confident_answer_has_no_unanswered_record() {
    let v = parse(&site().ask("How do I put out bulky waste?", "en").unwrap());
    assert_eq!(v["reply"]["kind"], "answer", "{v}");
    assert_eq!(v["reply"]["answers"][0]["id"], "sodai");
    assert_eq!(
        v["reply"]["answers"][0]["answer"],
        "Call to book a bulky waste pickup."
    );
    assert!(v["unanswered"].is_null());
}

#[test]
fn the_pack_synonyms_and_easy_japanese_ruby_come_through() {
    let v = parse(
        &site()
            .ask("大型ごみの出し方を教えてください", "ja-yasasii")
            .unwrap(),
    );
    assert_eq!(v["reply"]["answers"][0]["id"], "sodai", "{v}");
    let answer = v["reply"]["answers"][0]["answer"].as_str().unwrap();
    let segs = parse(&ruby(answer).unwrap());
    assert_eq!(segs[0], serde_json::json!(["電話", "でんわ"]));
    assert_eq!(segs[1], serde_json::json!(["で ", null]));
}

#[test]
fn a_menu_answer_offers_choices_that_name_entries() {
    let v = parse(&site().ask("ごみについて知りたい", "ja").unwrap());
    assert_eq!(v["reply"]["kind"], "clarify", "{v}");
    let ids: Vec<&str> = v["reply"]["choices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["entry_id"].as_str().unwrap_or("-"))
        .collect();
    assert_eq!(ids, ["sodai", "shigen"]);
}

#[test]
fn an_off_topic_question_is_logged_as_unanswered() {
    let v = parse(&site().ask("What is the capital of France?", "en").unwrap());
    let kind = v["reply"]["kind"].as_str().unwrap();
    assert!(kind == "not-sure" || kind == "no-match", "{v}");
    assert_eq!(v["unanswered"]["text"], "What is the capital of France?");
    assert_eq!(v["unanswered"]["lang"], "en");
}

#[test]
fn bad_input_is_a_clear_error() {
    let s = site();
    let long = "あ".repeat(machi_faq::MAX_QUERY_CHARS + 1);
    let e = s.ask(&long, "en").unwrap_err();
    assert!(e.0.contains("too long"), "{e}");
    let e = s.ask("ごみ", "not a tag!").unwrap_err();
    assert!(e.0.contains("not a tag!"), "{e}");
    assert!(s
        .entry("no-such-entry", "en")
        .unwrap_err()
        .0
        .contains("no-such-entry"));
    let empty = parse(&s.ask("  ？！ ", "en").unwrap());
    assert_eq!(empty["reply"]["kind"], "empty-query");
    assert!(Site::new(b"{\"format\": \"other\"}")
        .unwrap_err()
        .0
        .contains("other"));
    assert!(eval_localgov(b"{}", b"[", b"{}", || 0.0)
        .unwrap_err()
        .0
        .contains("queries.json"));
}

#[test]
fn categories_are_named_by_fluent_and_browsable() {
    let s = site();
    let v = parse(&s.categories("en").unwrap());
    assert_eq!(v[0]["id"], "garbage");
    assert_eq!(v[0]["name"], "Garbage and recycling");
    assert_eq!(v[0]["count"], 3);
    let list = parse(&s.browse("garbage", "en").unwrap());
    assert_eq!(list[1]["question"], "How do I put out bulky waste?");
    let sugg = parse(&s.suggest("bulky", 5, "en").unwrap());
    assert_eq!(sugg[0]["id"], "sodai");
}

#[test]
fn every_language_has_every_widget_string_and_its_own_name() {
    let s = site();
    let langs = parse(&s.languages().unwrap());
    assert_eq!(langs.as_array().unwrap().len(), 6);
    for l in langs.as_array().unwrap() {
        let tag = l["tag"].as_str().unwrap();
        let ui = parse(&s.ui(tag).unwrap());
        for id in UI_MESSAGES {
            let text = ui[*id].as_str().unwrap();
            assert!(!text.is_empty() && text != *id, "{tag}: {id} missing");
        }
        assert!(!l["name"].as_str().unwrap().is_empty());
    }
    assert_eq!(langs[1]["tag"], "ja-yasasii");
    assert_eq!(langs[1]["html_lang"], "ja");
    let info = parse(&s.info("en").unwrap());
    assert_eq!(info["town"], "Takahagi");
    assert_eq!(info["mode"], "bm25");
    assert_eq!(info["entries"], 3);
}

#[test]
fn the_localgov_evaluation_runs_on_bytes() {
    let corpus = r#"{"1": "Question: 粗大ごみの出し方\nAnswer: 申込制です。",
                     "2": "Question: 住民票の取り方\nAnswer: 市民課へ。"}"#;
    let queries = r#"{"q1": "粗大ごみを出したい", "q2": "住民票がほしい"}"#;
    let qrels = r#"{"q1": {"1": 2}, "q2": {"2": 2}}"#;
    let v = parse(
        &eval_localgov(
            corpus.as_bytes(),
            queries.as_bytes(),
            qrels.as_bytes(),
            || 1.0,
        )
        .unwrap(),
    );
    assert_eq!(v["queries"], 2, "{v}");
    assert_eq!(v["sr1"], 1.0, "{v}");
}

#[test]
fn browser_preferences_pick_a_supported_language() {
    assert_eq!(negotiate(r#"["zh-TW", "en"]"#).unwrap(), "zh-Hant");
    assert_eq!(negotiate(r#"["fr-FR", "ko-KR"]"#).unwrap(), "ko");
    assert_eq!(negotiate(r#"["fr"]"#).unwrap(), "en");
    assert!(negotiate("zh").is_err());
}

#[test]
fn counts_use_each_language_s_plural_rules() {
    let s = site();
    assert!(s
        .count_message("web-log-count", 1, "en")
        .unwrap()
        .starts_with("One question"));
    assert!(s
        .count_message("web-log-count", 3, "en")
        .unwrap()
        .starts_with("3 questions"));
    assert!(s
        .count_message("web-log-count", 3, "ko")
        .unwrap()
        .contains('3'));
    assert!(s.count_message("faq-not-sure", 1, "en").is_err());
    assert_eq!(plain("{電話|でんわ}で"), "電話で");
}
