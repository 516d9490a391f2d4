//! End-to-end tests of `machi procedures`, `machi procedure`, `machi benefits`
//! and `machi faq coverage` on the embedded town.

mod common;

use common::Env;
use predicates::prelude::*;

#[test]
fn birth_checklist_with_due_dates_and_ticks_kept() {
    let env = Env::new();
    let r = env.json(&[
        "--lang",
        "en",
        "procedures",
        "--event",
        "birth",
        "--date",
        "2026-12-01",
        "--today",
        "2026-12-20",
        "--done",
        "birth-registration",
    ]);
    assert_eq!(r["items"][0]["procedure"]["id"], "birth-registration");
    assert_eq!(r["items"][0]["due"], "2026-12-14");
    assert_eq!(r["items"][0]["done"], true);
    // The child allowance (15 days after the day of birth) is overdue by the 20th.
    let allowance = r["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["procedure"]["id"] == "child-allowance")
        .unwrap();
    assert_eq!(allowance["due"], "2026-12-16");
    assert_eq!(allowance["overdue"], true);
    // The tick survives another run.
    env.machi()
        .args([
            "--lang",
            "en",
            "procedures",
            "--event",
            "birth",
            "--date",
            "2026-12-01",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("[x] Birth registration"))
        .stdout(predicate::str::contains("1 of 7 done"));
    env.machi()
        .args(["procedures", "--event", "wedding", "--date", "2026-12-01"])
        .assert()
        .failure();
}

#[test]
fn procedure_card_and_chatbot_card() {
    let env = Env::new();
    env.machi()
        .args(["--lang", "en", "procedure", "birth-registration"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Within 14 days, counting the day of the event",
        ))
        .stdout(predicate::str::contains(
            "Maternal and child health handbook",
        ));
    let r = env.json(&["--lang", "ja", "ask", "粗大ごみの出し方"]);
    assert_eq!(r["answers"][0]["id"], "garbage-bulky");
    assert_eq!(r["procedure"]["id"], "bulky-garbage");
    env.machi().args(["procedure", "nope"]).assert().failure();
}

#[test]
fn benefits_from_answers_with_reasons() {
    let env = Env::new();
    let r = env.json(&[
        "--lang",
        "en",
        "benefits",
        "--answer",
        "child_ages=1,4",
        "--answer",
        "household=single-parent",
        "--today",
        "2026-12-01",
    ]);
    let list = r.as_array().unwrap();
    let support = list
        .iter()
        .find(|b| b["id"] == "child-support-allowance")
        .unwrap();
    assert_eq!(support["eligibility"], "likely");
    assert_eq!(support["reasons"][0]["text"], "a single-parent household");
    assert_eq!(support["procedure_id"], "child-support-allowance");
    env.machi()
        .args(["--lang", "en", "benefits", "--answer", "child_ages=one"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("not a whole number"));
    // Interactive: answers read line by line.
    env.machi()
        .args(["--lang", "en", "benefits", "-i", "--today", "2026-12-01"])
        .write_stdin("2\n\n\n\n\n\n\n\n\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("Because: a child under 3"));
}

#[test]
fn faq_coverage_is_complete_for_the_sample_town() {
    let env = Env::new();
    let r = env.json(&["faq", "coverage"]);
    assert_eq!(r["complete"], true);
    assert_eq!(r["procedure_percent"], 100.0);
    env.machi()
        .args(["--lang", "en", "faq", "coverage"])
        .assert()
        .success()
        .stdout(predicate::str::contains("(100.0 %)"));
}

#[test]
fn the_demo_shows_a_birth_checklist_with_due_dates() {
    let env = Env::new();
    let demo = env.json(&["demo", "--date", "2026-12-03"]);
    let list = &demo["birth_checklist"];
    assert_eq!(list["event"]["id"], "birth");
    assert_eq!(list["event_date"], "2026-12-01");
    assert_eq!(list["items"][0]["procedure"]["id"], "birth-registration");
    assert_eq!(list["items"][0]["due"], "2026-12-14");
    assert_eq!(list["items"][0]["overdue"], false);
    env.machi()
        .args(["--lang", "ja", "demo", "--date", "2026-12-03"])
        .assert()
        .success()
        .stdout(predicate::str::contains("出生のあとに必要な手続きと期限"))
        .stdout(predicate::str::contains("出生届"))
        .stdout(predicate::str::contains("7 件中 0 件"));
}
