//! The reader's language on the command line: explicit tags, device locales,
//! easy Japanese with furigana, fallback to English, and bad tags.

use assert_cmd::Command;
use predicates::prelude::*;

fn machi() -> Command {
    let mut c = Command::cargo_bin("machi").expect("machi binary");
    c.env_remove("MACHI_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .args(["--db", ":memory:"]);
    c
}

#[test]
fn zh_tw_prints_traditional_chinese() {
    machi()
        .args(["--lang", "zh-TW", "spots", "--limit", "3"])
        .assert()
        .success()
        .stdout(predicate::str::contains("花貫溪谷"))
        .stdout(predicate::str::contains("名稱"))
        .stdout(predicate::str::contains("自然"));
}

#[test]
fn zh_cn_prints_simplified_chinese() {
    machi()
        .args(["--lang", "zh-CN", "spots", "--limit", "3"])
        .assert()
        .success()
        .stdout(predicate::str::contains("花贯溪谷"))
        .stdout(predicate::str::contains("名称"));
}

#[test]
fn easy_japanese_prints_furigana() {
    for tag in ["ja-easy", "ja-yasasii"] {
        machi()
            .args([
                "--lang",
                tag,
                "shelters",
                "--near",
                "36.7191,140.7107",
                "--limit",
                "1",
            ])
            .assert()
            .success()
            // Ruby markup is rendered for a terminal as 漢字(かんじ).
            .stdout(predicate::str::contains("名前(なまえ)"))
            .stdout(predicate::str::contains("{").not());
    }
}

#[test]
fn unsupported_locale_falls_back_to_english() {
    machi()
        .args(["--lang", "pt-BR", "spots", "--limit", "3"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Hananuki Gorge"))
        .stdout(predicate::str::contains("Name"));
}

#[test]
fn device_locale_is_negotiated_when_no_lang_is_given() {
    machi()
        .env("LANG", "ko_KR.UTF-8")
        .args(["spots", "--limit", "3"])
        .assert()
        .success()
        .stdout(predicate::str::contains("하나누키"));
}

#[test]
fn a_malformed_tag_is_one_clear_error_line() {
    machi()
        .args(["--lang", "!!", "spots"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("!!"))
        .stderr(predicate::function(|s: &str| {
            s.trim_end().lines().count() == 1
        }));
}
