//! `machi transit route` over a pack built from a source with the Nyuzen
//! GTFS-JP feed (copied into a temp source at test time; the feed ran until
//! 2020, so the dates are in 2019).

mod common;

use std::path::Path;

use common::Env;
use predicates::prelude::*;

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

/// Builds and installs the sample town (version bumped) with the Nyuzen
/// feed as its `transit/`; `false` when the shared data is absent.
fn install_with_nyuzen(env: &Env) -> bool {
    let Some(feed) = machi_common::testdata::shared_data("opendata/gtfs-jp/nyuzen-noran") else {
        return false;
    };
    let keys = env.dir.path().join("keys");
    env.machi()
        .args(["keygen", "--out"])
        .arg(&keys)
        .assert()
        .success();
    let src = env.dir.path().join("src");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../content/takahagi"),
        &src,
    );
    copy_dir(&feed, &src.join("transit"));
    let toml = std::fs::read_to_string(src.join("pack.toml")).unwrap();
    let bumped: Vec<String> = toml
        .lines()
        .map(|l| {
            if l.trim_start().starts_with("version =") {
                "version = 1000".to_string()
            } else {
                l.to_string()
            }
        })
        .collect();
    std::fs::write(src.join("pack.toml"), bumped.join("\n")).unwrap();
    let out = env.dir.path().join("out");
    env.machi()
        .args(["pack", "build"])
        .arg(&src)
        .arg("--key")
        .arg(keys.join("publisher.key"))
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    env.machi()
        .args(["pack", "import"])
        .arg(&out)
        .arg("--pubkey")
        .arg(keys.join("publisher.pub"))
        .assert()
        .success();
    true
}

#[test]
fn the_embedded_town_has_no_timetable() {
    let env = Env::new();
    env.machi()
        .args([
            "--lang", "en", "transit", "route", "--from", "a", "--to", "b",
        ])
        .args(["--date", "2019-06-04", "--time", "17:30"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "has no public-transport timetable",
        ));
}

#[test]
fn a_route_on_the_nyuzen_bus_in_english_japanese_and_json() {
    let env = Env::new();
    if !install_with_nyuzen(&env) {
        return;
    }
    let route = |lang: &str, from: &str, to: &str, time: &str| {
        let mut c = env.machi();
        c.args([
            "--lang", lang, "transit", "route", "--from", from, "--to", to,
        ])
        .args(["--date", "2019-06-04", "--time", time]);
        c
    };
    route("en", "入善駅前", "中沢公民館", "17:30")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "17:45 from Nyuzen Ekimae(Nyuzen sta.) to",
        ))
        .stdout(predicate::str::contains("arrive 18:15, ¥200"));
    route("ja", "Nyuzen Ekimae(Nyuzen sta.)", "33", "17:30")
        .assert()
        .success()
        .stdout(predicate::str::contains("17:45 入善駅前 発 → 中沢公民館"))
        .stdout(predicate::str::contains("200 円"));

    // A point 300 m west of the station: a walk first.
    route("en", "36.941264,137.4966", "33", "17:30")
        .assert()
        .success()
        .stdout(predicate::str::contains("walk"));

    // Arrive by 18:20: the same bus.
    let j = env.json(&[
        "transit",
        "route",
        "--from",
        "1",
        "--to",
        "33",
        "--date",
        "2019-06-04",
        "--time",
        "18:20",
        "--arrive-by",
    ]);
    assert_eq!(j["arrive"], 18 * 3600 + 15 * 60, "{j:#}");
    assert_eq!(j["fare_yen"], 200, "{j:#}");
    assert_eq!(j["legs"][0]["kind"], "ride", "{j:#}");

    route("en", "Nowhere", "33", "17:30")
        .assert()
        .failure()
        .stderr(predicate::str::contains("No stop is called “Nowhere”"));
    // Arrive by 05:00: before the first bus of the day.
    route("en", "1", "33", "05:00")
        .arg("--arrive-by")
        .assert()
        .failure()
        .stderr(predicate::str::contains("No bus or train connects"));
    route("en", "1", "33", "25:99")
        .assert()
        .failure()
        .stderr(predicate::str::contains("is not a time HH:MM"));
}
