//! End-to-end tests of the content commands of `machi`, on the embedded town
//! (each test uses its own database file).

mod common;

use common::Env;

use std::path::{Path, PathBuf};

use predicates::prelude::*;
use serde_json::Value;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.path().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

fn town_source() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../content/takahagi")
}

#[test]
fn spots_json_and_languages() {
    let env = Env::new();
    let all = env.json(&["spots"]);
    let all = all.as_array().unwrap();
    assert!(all.len() >= 25);
    assert!(all.iter().any(|s| s["id"] == "hananuki-gorge"));
    env.machi()
        .args(["--lang", "en", "spots", "--tag", "nature"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Hananuki Gorge"));
    env.machi()
        .args(["--lang", "ja", "spots"])
        .assert()
        .success()
        .stdout(predicate::str::contains("花貫渓谷"))
        .stdout(predicate::str::contains("名称"));
    // Nearest first from the station, with distances.
    let near = env.json(&["spots", "--near", "36.7191,140.7107", "--limit", "5"]);
    let d: Vec<f64> = near
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["distance_m"].as_f64().unwrap())
        .collect();
    assert_eq!(d.len(), 5);
    assert!(d.windows(2).all(|w| w[0] <= w[1]), "{d:?}");
    // Open at a time: every listed spot says so.
    let open = env.json(&["spots", "--open-at", "2026-11-24T10:00"]);
    assert!(open.as_array().unwrap().iter().all(|s| s["open"] != false));
}

#[test]
fn spot_detail_and_not_found() {
    let env = Env::new();
    let s = env.json(&["--lang", "zh-TW", "spot", "hananuki-gorge"]);
    assert_eq!(s["name"]["lang"], "zh-Hant");
    env.machi()
        .args(["--lang", "en", "spot", "atlantis"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Not found: atlantis"))
        .stderr(predicate::function(|e: &str| e.lines().count() == 1));
}

#[test]
fn shelters_by_hazard() {
    let env = Env::new();
    let s = env.json(&[
        "shelters",
        "--near",
        "36.7191,140.7107",
        "--hazard",
        "tsunami",
        "--limit",
        "4",
    ]);
    let s = s.as_array().unwrap();
    assert_eq!(s.len(), 4);
    assert!(s.iter().all(|x| x["hazards"]
        .as_array()
        .unwrap()
        .contains(&Value::from("tsunami"))));
    env.machi()
        .args(["--lang", "en", "shelters", "--near", "36.7191,140.7107"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Distance"));
    env.machi()
        .args([
            "--lang",
            "ja",
            "shelters",
            "--near",
            "36.7,140.7",
            "--hazard",
            "lava",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("災害の種類ではありません"));
    env.machi()
        .args(["--lang", "en", "shelters", "--near", "north"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is not a position"));
}

#[test]
fn garbage_and_events() {
    let env = Env::new();
    // Thursday: burnable waste in 高萩地区 (name matched in English).
    let day = env.json(&[
        "--lang",
        "en",
        "garbage",
        "--area",
        "Takahagi",
        "--date",
        "2026-11-26",
    ]);
    assert_eq!(day["area"]["id"], "高萩地区");
    assert!(!day["collections"].as_array().unwrap().is_empty());
    env.machi()
        .args([
            "--lang",
            "ko",
            "garbage",
            "--area",
            "高萩地区",
            "--date",
            "2026-11-26",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("쓰레기 종류"));
    env.machi()
        .args(["garbage", "--area", "高萩地区", "--date", "26/11/2026"])
        .assert()
        .code(1);
    let ev = env.json(&["events", "--from", "2026-01-01", "--to", "2027-12-31"]);
    assert!(!ev.as_array().unwrap().is_empty());
}

#[test]
fn keygen_build_verify_import_and_refusals() {
    let env = Env::new();
    let keys = env.dir.path().join("keys");
    env.machi()
        .args(["keygen", "--out"])
        .arg(&keys)
        .assert()
        .success();
    let src = env.dir.path().join("src");
    copy_dir(&town_source(), &src);
    let toml = std::fs::read_to_string(src.join("pack.toml")).unwrap();
    let bumped = toml
        .lines()
        .map(|l| {
            if l.trim_start().starts_with("version =") {
                "version = 1000".to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(src.join("pack.toml"), bumped).unwrap();
    let out = env.dir.path().join("out");
    env.machi()
        .args(["--lang", "en", "pack", "build"])
        .arg(&src)
        .arg("--key")
        .arg(keys.join("publisher.key"))
        .arg("--out")
        .arg(&out)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Built pack version 1,000")
                .or(predicate::str::contains("Built pack version 1000")),
        );
    // Before any import: the town built into the app, unsigned.
    env.machi()
        .args(["--lang", "en", "pack", "status"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "the sample town built into the app",
        ));
    // A validity the publisher cannot mean is refused.
    env.machi()
        .args(["--lang", "en", "pack", "build"])
        .arg(&src)
        .arg("--key")
        .arg(keys.join("publisher.key"))
        .arg("--out")
        .arg(env.dir.path().join("never"))
        .args(["--valid-days", "0"])
        .assert()
        .code(2);
    let pubkey = keys.join("publisher.pub");
    env.machi()
        .args(["--lang", "en", "pack", "verify"])
        .arg(&out)
        .arg("--pubkey")
        .arg(&pubkey)
        .assert()
        .success();

    // Tampered data: refused, store unchanged.
    let before = env.json(&["spots"]);
    let part = out.join("content-v1000.json.gz");
    let good = std::fs::read(&part).unwrap();
    let mut bad = good.clone();
    bad[200] ^= 1;
    std::fs::write(&part, &bad).unwrap();
    env.machi()
        .args(["--lang", "en", "pack", "import"])
        .arg(&out)
        .arg("--pubkey")
        .arg(&pubkey)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("safety check"));
    assert_eq!(env.json(&["spots"]), before);
    std::fs::write(&part, &good).unwrap();

    // No key: refused with a clear line.
    env.machi()
        .args(["--lang", "en", "pack", "import"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--pubkey"));
    // Good pack imports; the same pack again is refused as not newer.
    env.machi()
        .args(["--lang", "en", "pack", "import"])
        .arg(&out)
        .arg("--pubkey")
        .arg(&pubkey)
        .assert()
        .success()
        .stdout(predicate::str::contains("Imported pack version"));
    // What is installed now: signed by the key above, valid for 30 days.
    env.machi()
        .args(["--lang", "en", "pack", "status"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "vouched for by the town's signature until",
        ))
        .stdout(predicate::str::contains("Signed with key"));
    let status = env.json(&["pack", "status"]);
    assert_eq!(status["pack"]["stale"], false, "{status}");
    assert_eq!(status["pack"]["pack_version"], 1000);
    assert!(status["pack"]["expires"].is_string(), "{status}");
    env.machi()
        .args(["--json", "pack", "import"])
        .arg(&out)
        .arg("--pubkey")
        .arg(&pubkey)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not newer"));
    // A broken source builds nothing and names the file and line.
    std::fs::write(src.join("synonyms.toml"), "[[set]]\nterms = 3\n").unwrap();
    let out2 = env.dir.path().join("out2");
    env.machi()
        .args(["--lang", "en", "pack", "build"])
        .arg(&src)
        .arg("--key")
        .arg(keys.join("publisher.key"))
        .arg("--out")
        .arg(&out2)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("synonyms.toml:2"));
    assert!(!out2.join("manifest.json").exists());
}

#[test]
fn bad_language_tag_is_one_line_error() {
    let env = Env::new();
    env.machi()
        .args(["--lang", "!!", "spots"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("!!"));
}
