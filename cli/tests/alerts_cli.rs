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
    assert!(out[0]["trust"].is_null());
    assert_eq!(out[1]["trust"]["unverified_reason"], "no-signature");
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

#[test]
fn demo_shows_a_verified_and_an_unverified_notice_side_by_side() {
    // The demo's own in-memory store (with --db it never ingests the forgery).
    let out = assert_cmd::Command::cargo_bin("machi")
        .expect("machi binary")
        .env_remove("MACHI_LANG")
        .args(["--lang", "en", "demo"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Verified: signed by Takahagi City"), "{text}");
    assert!(text.contains("Unverified"), "{text}");
    assert!(
        text.contains("Refers to a notice it may not change"),
        "{text}"
    );
}

#[test]
fn sign_writes_an_envelope_that_ingest_reads_as_signed_by_an_unknown_key() {
    let env = Env::new();
    let keys = env.dir.path().join("keys");
    env.machi()
        .args(["keygen", "--out", keys.to_str().expect("utf-8 path")])
        .assert()
        .success();
    let l4 = fixture("takahagi-evac-l4.cap");
    let envelope = env.dir.path().join("l4.envelope.json");
    let signed = env.json(&[
        "alerts",
        "sign",
        l4.to_str().expect("utf-8 path"),
        "--key",
        keys.join("publisher.key").to_str().expect("utf-8 path"),
        "--out",
        envelope.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(signed["key_id"].as_str().map(str::len), Some(16));
    // The embedded town does not trust this key: stored, but unverified.
    let out = env.json(&["alerts", "ingest", envelope.to_str().expect("utf-8 path")]);
    assert_eq!(out[0]["report"]["outcome"], "stored");
    assert_eq!(out[0]["trust"]["verification"], "unverified");
    assert_eq!(out[0]["trust"]["unverified_reason"], "unknown-key");
    let id = out[0]["report"]["id"].as_i64().expect("id");
    let shown = env.json(&["alerts", "show", &id.to_string()]);
    assert_eq!(shown["notice"]["verification"], "unverified");
    assert_eq!(shown["notice"]["unverified_reason"], "unknown-key");
    assert_eq!(shown["notice"]["signer_key"], signed["key_id"]);
    // A bare file is unverified too, with no signature.
    let list = env.json(&["alerts", "list", "--everywhere"]);
    assert!(list
        .as_array()
        .expect("array")
        .iter()
        .all(|n| n["verification"].is_string() && n["verification_label"].is_string()));
    // Refusing to sign what is not a notice.
    let junk = env.dir.path().join("junk.xml");
    std::fs::write(&junk, "<a/>").expect("write");
    env.machi()
        .args([
            "alerts",
            "sign",
            junk.to_str().expect("utf-8 path"),
            "--key",
            keys.join("publisher.key").to_str().expect("utf-8 path"),
        ])
        .assert()
        .failure();
}

#[test]
fn publish_writes_a_signed_feed_of_envelopes_and_refuses_a_broken_notice() {
    let env = Env::new();
    let keys = env.dir.path().join("keys");
    env.machi()
        .args(["keygen", "--out", keys.to_str().expect("utf-8 path")])
        .assert()
        .success();
    let src = env.dir.path().join("notices");
    std::fs::create_dir_all(&src).expect("mkdir");
    for f in ["takahagi-evac-l4.cap", "takahagi-evac-l5-update.cap"] {
        std::fs::copy(fixture(f), src.join(f)).expect("copy");
    }
    let site = env.dir.path().join("site");
    let key = keys.join("publisher.key");
    let index = env.json(&[
        "alerts",
        "publish",
        src.to_str().expect("utf-8 path"),
        "--key",
        key.to_str().expect("utf-8 path"),
        "--out",
        site.to_str().expect("utf-8 path"),
    ]);
    let entries = index["entries"].as_array().expect("entries");
    assert_eq!(entries.len(), 2);
    // Newest first; each entry an envelope beside the index, with its hash.
    assert!(entries[0]["updated"].as_str() >= entries[1]["updated"].as_str());
    for e in entries {
        let file = site.join(e["file"].as_str().expect("file"));
        let bytes = std::fs::read(&file).expect("envelope written");
        assert_eq!(e["size"].as_u64(), Some(bytes.len() as u64));
        assert_eq!(e["sha256"].as_str().map(str::len), Some(64));
        let out = env.json(&["alerts", "ingest", file.to_str().expect("utf-8 path")]);
        assert_eq!(out[0]["trust"]["unverified_reason"], "unknown-key", "{out}");
    }
    assert!(site.join("feed.json.sig").is_file());
    // A broken notice: refused by name, nothing published.
    std::fs::write(src.join("broken.xml"), "<alert").expect("write");
    let again = env.dir.path().join("site2");
    env.machi()
        .args(["--lang", "en", "alerts", "publish"])
        .arg(&src)
        .arg("--key")
        .arg(&key)
        .arg("--out")
        .arg(&again)
        .assert()
        .failure()
        .stderr(predicate::str::contains("broken.xml"));
    assert!(!again.join("feed.json").exists());
}
