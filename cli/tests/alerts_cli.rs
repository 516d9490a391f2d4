//! End-to-end tests of `machi alerts` and `machi places` on the embedded town.

mod common;

use common::Env;

use std::path::PathBuf;

use predicates::prelude::*;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../core/alerts/tests/fixtures");

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(FIXTURES).join(name)
}

#[test]
fn ingest_reports_each_file_and_a_bad_file_does_not_stop_the_others() {
    let env = Env::new();
    let hostile = env.dir.path().join("xxe.xml");
    std::fs::write(
        &hostile,
        r#"<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>"#,
    )
    .expect("write");
    let l4 = fixture("takahagi-evac-l4.cap");
    let l5 = fixture("takahagi-evac-l5-update.cap");
    let out = env.json(&[
        "alerts",
        "ingest",
        hostile.to_str().expect("utf-8 path"),
        l4.to_str().expect("utf-8 path"),
        l5.to_str().expect("utf-8 path"),
        l4.to_str().expect("utf-8 path"),
    ]);
    let outcomes: Vec<&str> = out
        .as_array()
        .expect("array")
        .iter()
        .map(|r| r["report"]["outcome"].as_str().expect("outcome"))
        .collect();
    assert_eq!(outcomes, ["rejected", "stored", "updated", "duplicate"]);
    assert_eq!(out[0]["report"]["key"], "dtd-forbidden");
}

#[test]
fn list_shows_the_sample_drills_in_traditional_chinese() {
    let env = Env::new();
    env.machi()
        .args(["alerts", "list", "--lang", "zh-TW"])
        .assert()
        .success()
        .stdout(predicate::str::contains("演習"))
        .stdout(predicate::str::contains("避難指示"));
    let list = env.json(&["alerts", "list"]);
    assert!(list
        .as_array()
        .expect("array")
        .iter()
        .all(|n| n["status_label"].is_string()));
}

#[test]
fn show_gives_shelters_and_unknown_ids_fail_cleanly() {
    let env = Env::new();
    let list = env.json(&["alerts", "list"]);
    let id = list[0]["id"].as_i64().expect("id").to_string();
    let detail = env.json(&["alerts", "show", &id, "--near", "36.7191,140.7107"]);
    assert!(!detail["shelters"].as_array().expect("shelters").is_empty());
    env.machi()
        .args(["alerts", "show", "424242", "--lang", "en"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("424242"));
    env.machi()
        .args(["alerts", "list", "--at", "north pole"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("north pole"));
}

#[test]
fn registered_places_round_trip() {
    let env = Env::new();
    let place = env.json(&["places", "add", "home", "36.7600,140.6500"]);
    let id = place["id"].as_i64().expect("id");
    let places = env.json(&["places", "list"]);
    assert_eq!(places[0]["name"], "home");
    env.machi()
        .args(["places", "remove", &id.to_string()])
        .assert()
        .success();
    env.machi()
        .args(["places", "remove", &id.to_string()])
        .assert()
        .failure();
}
