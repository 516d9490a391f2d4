//! End-to-end tests of `machi garbage sort` / `garbage suggest`, the shelter
//! status column and the demo's garbage lookup, on the embedded town.

mod common;

use common::Env;

use predicates::prelude::*;

#[test]
fn garbage_sort_answers_in_every_script_with_the_next_day() {
    let env = Env::new();
    for q in ["傘", "かさ", "kasa", "umbrella", "雨伞", "우산"] {
        let v = env.json(&[
            "garbage",
            "sort",
            q,
            "--area",
            "高萩地区",
            "--date",
            "2026-12-03",
        ]);
        assert_eq!(v["matches"][0]["item_ja"], "傘", "{q}");
        assert_eq!(v["matches"][0]["next_collection"], "2026-12-09", "{q}");
    }
    env.machi()
        .args([
            "--lang",
            "en",
            "garbage",
            "sort",
            "umbrela",
            "--area",
            "Matsuoka district",
        ])
        .args(["--date", "2026-12-03"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Umbrellas → Non-burnable waste"))
        .stdout(predicate::str::contains(
            "Next collection (Matsuoka district): Wed, Dec 23",
        ));
    env.machi()
        .args([
            "--lang", "en", "garbage", "sort", "傘", "--area", "Atlantis",
        ])
        .assert()
        .failure();
    env.machi()
        .args(["--lang", "en", "garbage"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--area"));
}

#[test]
fn suggestions_shelter_status_and_the_demo() {
    let env = Env::new();
    let s = env.json(&["garbage", "suggest", "じてん"]);
    assert_eq!(s[0]["item_ja"], "自転車");
    let shelters = env.json(&["shelters", "--near", "36.7191,140.7107", "--limit", "5"]);
    assert_eq!(shelters[0]["status"], "open");
    assert!(shelters[0]["status_since"]
        .as_str()
        .unwrap()
        .starts_with("2026-11-20T07:30"));
    env.machi()
        .args([
            "--lang",
            "en",
            "shelters",
            "--near",
            "36.7191,140.7107",
            "--limit",
            "5",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("Open since"))
        .stdout(predicate::str::contains("Status unknown"));
    let demo = env.json(&["demo", "--date", "2026-12-03"]);
    assert_eq!(demo["garbage_lookup"]["matches"][0]["item_ja"], "傘");
    assert_eq!(demo["shelters"][0]["shelter"]["status"], "open");
    env.machi()
        .args(["--lang", "en", "pack", "status"])
        .assert()
        .success()
        .stdout(predicate::str::contains("国土地理院"));
}
