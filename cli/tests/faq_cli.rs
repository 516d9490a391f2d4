//! End-to-end tests of `machi ask`, `machi faq …` and `machi eval faq` on the
//! embedded town (each test uses its own database file).

mod common;

use common::Env;

use std::path::PathBuf;

use predicates::prelude::*;

#[test]
fn ask_bulky_waste_in_japanese() {
    let env = Env::new();
    env.machi()
        .args(["ask", "粗大ごみの出し方", "--lang", "ja"])
        .assert()
        .success()
        .stdout(predicate::str::contains("申込制"))
        .stdout(predicate::str::contains("環境課"))
        .stdout(predicate::str::contains("0293-23-2111"))
        .stdout(predicate::str::contains("garbage-bulky"));
    let r = env.json(&["--lang", "ja", "ask", "粗大ごみの出し方"]);
    assert_eq!(r["kind"], "answer");
    assert_eq!(r["answers"][0]["id"], "garbage-bulky");
    assert_eq!(r["answers"][0]["lang"], "ja");
}

#[test]
fn ask_in_english_lists_the_residence_certificate_entry() {
    let env = Env::new();
    env.machi()
        .args([
            "ask",
            "How do I get a residence certificate?",
            "--lang",
            "en",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("juminhyo-copy"))
        .stdout(predicate::str::contains("residence certificate"))
        .stdout(predicate::str::contains("Citizens Division"));
    let r = env.json(&[
        "--lang",
        "en",
        "ask",
        "How do I get a residence certificate?",
    ]);
    assert_eq!(r["kind"], "answer", "{r}");
    assert_eq!(r["answers"][0]["id"], "juminhyo-copy", "{r}");
    // Unquoted words are joined into one question.
    let r = env.json(&["--lang", "en", "ask", "bulky", "waste", "furniture"]);
    assert_eq!(r["kind"], "answer", "{r}");
    assert_eq!(r["answers"][0]["id"], "garbage-bulky", "{r}");
}

#[test]
fn ask_a_menu_question_prints_numbered_choices() {
    let env = Env::new();
    env.machi()
        .args(["--lang", "ja", "ask", "証明書がほしい"])
        .assert()
        .success()
        .stdout(predicate::str::contains("1. 住民票の写し"))
        .stdout(predicate::str::contains("8. 納税証明書"));
    let r = env.json(&["--lang", "ja", "ask", "証明書がほしい"]);
    assert_eq!(r["kind"], "clarify");
    assert_eq!(r["choices"].as_array().unwrap().len(), 8);
}

#[test]
fn off_topic_question_is_not_sure_with_a_contact_and_is_logged() {
    let env = Env::new();
    let r = env.json(&["--lang", "ja", "ask", "明日の東京の天気は？"]);
    let kind = r["kind"].as_str().unwrap();
    assert!(kind == "not-sure" || kind == "no-match", "{r}");
    assert!(r["confidence"].as_f64().unwrap() < 0.5);
    env.machi()
        .args(["--lang", "en", "ask", "What is the capital of France?"])
        .assert()
        .success()
        .stdout(predicate::str::contains("answer").or(predicate::str::contains("Contact")));
    let log = env.json(&["faq", "unanswered"]);
    let log = log.as_array().unwrap();
    assert_eq!(log.len(), 2, "{log:?}");
    assert!(log.iter().any(|u| u["query"] == "明日の東京の天気は？"));
    env.machi()
        .args(["--lang", "en", "faq", "unanswered"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Times asked"))
        .stdout(predicate::str::contains("France"));
}

#[test]
fn empty_question_is_one_localized_error_line() {
    let env = Env::new();
    env.machi()
        .args(["--lang", "en", "ask", "  "])
        .assert()
        .failure()
        .stderr(predicate::str::contains("Please type your question."));
    env.machi()
        .args(["--lang", "ja", "faq", "show", "no-such-entry"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no-such-entry"));
}

#[test]
fn faq_browse_suggest_show_and_feedback() {
    let env = Env::new();
    env.machi()
        .args(["--lang", "en", "faq", "categories"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Garbage and recycling"));
    let list = env.json(&["--lang", "en", "faq", "browse", "garbage"]);
    assert!(list
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["id"] == "garbage-bulky"));
    let s = env.json(&["--lang", "ja", "faq", "suggest", "粗大"]);
    assert_eq!(s[0]["id"], "garbage-bulky", "{s}");
    env.machi()
        .args(["--lang", "zh-Hans", "faq", "show", "garbage-bulky"])
        .assert()
        .success()
        .stdout(predicate::str::contains("大件垃圾"));
    env.machi()
        .args([
            "--lang",
            "en",
            "faq",
            "feedback",
            "garbage-bulky",
            "--helpful",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("Thank you"));
    env.machi()
        .args(["faq", "feedback", "garbage-bulky"])
        .assert()
        .failure();
}

fn shared_data() -> Option<PathBuf> {
    let dir = machi_common::testdata::shared_data_dir();
    dir.is_dir().then_some(dir)
}

/// `eval faq --corpus C --queries Q --qrels R` over LocalgovFAQ, or `None`
/// (with a message) when the shared data is absent.
fn eval_faq_args() -> Option<Vec<String>> {
    let Some(data) = shared_data() else {
        machi_common::testdata::skip_missing("../shared/data not found");
        return None;
    };
    let d = data.join("faq/localgovfaq");
    if !d.join("corpus.json").is_file() {
        machi_common::testdata::skip_missing("../shared/data/faq/localgovfaq not found");
        return None;
    }
    let arg = |f: &str| d.join(f).to_string_lossy().into_owned();
    Some(vec![
        "eval".into(),
        "faq".into(),
        "--corpus".into(),
        arg("corpus.json"),
        "--queries".into(),
        arg("queries.json"),
        "--qrels".into(),
        arg("qrels.json"),
    ])
}

#[test]
fn eval_faq_on_localgovfaq_prints_the_promised_json_keys() {
    let Some(args) = eval_faq_args() else {
        return;
    };
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let env = Env::new();
    let v = env.json(&args);
    for k in [
        "sr1", "sr5", "sr10", "mrr10", "sr1_g2", "sr5_g2", "mrr10_g2", "queries", "p50_ms",
        "p95_ms",
    ] {
        assert!(v.get(k).is_some(), "missing {k}");
    }
    let n = v["queries"].as_u64().unwrap();
    assert!(n > 300, "{n}");
    let runs = v["runs"].as_array().unwrap();
    assert_eq!(runs.len() as u64, n);
    assert!(runs[0]["top10"].as_array().unwrap().len() <= 10);
    // Rates are shares, and lexical retrieval is far better than chance.
    let sr1 = v["sr1"].as_f64().unwrap();
    let sr5 = v["sr5"].as_f64().unwrap();
    assert!(sr1 > 0.3 && sr1 <= sr5 && sr5 <= 1.0, "{sr1} {sr5}");
    env.machi()
        .args(&args)
        .assert()
        .success()
        .stdout(predicate::str::contains("SR@1"));
}

#[test]
fn eval_faq_learns_example_questions_only_from_other_queries() {
    let Some(args) = eval_faq_args() else {
        return;
    };
    let base: Vec<&str> = args.iter().map(String::as_str).collect();
    let (q, r) = (base[5], base[7]);
    let env = Env::new();
    let with = |extra: &[&str]| {
        let mut args: Vec<&str> = base.to_vec();
        args.extend(extra);
        env.json(&args)
    };
    let plain = with(&[]);
    assert_eq!(plain["examples"]["mode"], "none");
    let folds = with(&["--folds", "5"]);
    assert_eq!(folds["examples"]["mode"], "folds");
    assert_eq!(folds["examples"]["folds"], 5);
    let runs = folds["runs"].as_array().unwrap();
    assert_eq!(runs.len(), plain["runs"].as_array().unwrap().len());
    for (i, run) in runs.iter().enumerate() {
        assert_eq!(run["fold"].as_u64(), Some(i as u64 % 5), "{run}");
    }
    // Other residents' questions about the same entries help.
    let (a, b) = (
        plain["sr1"].as_f64().unwrap(),
        folds["sr1"].as_f64().unwrap(),
    );
    assert!(b > a + 0.03, "{a} -> {b}");
    // The set itself as training data: every query would find itself, so
    // every one is left out and nothing changes.
    let same = with(&["--examples-queries", q, "--examples-qrels", r]);
    assert_eq!(same["examples"]["mode"], "train");
    assert_eq!(same["examples"]["train_queries"], 0);
    assert_eq!(same["examples"]["dropped_overlap"], plain["queries"]);
    assert_eq!(same["sr1"], plain["sr1"]);
    assert_eq!(same["mrr10"], plain["mrr10"]);
    // One fold is no cross-validation.
    let mut one = base.clone();
    one.extend(["--folds", "1"]);
    env.machi()
        .args(&one)
        .assert()
        .failure()
        .stderr(predicate::str::contains("at least 2 folds"));
}

#[test]
fn eval_faq_with_a_missing_file_fails_with_one_line() {
    let env = Env::new();
    env.machi()
        .args([
            "--lang",
            "en",
            "eval",
            "faq",
            "--corpus",
            "/no/such/corpus.json",
            "--queries",
            "/no/such/q.json",
            "--qrels",
            "/no/such/r.json",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains("/no/such/corpus.json"));
}
