//! End-to-end tests of `machi course` and `machi eval course` on the embedded
//! town and the shared TOPTW benchmark files (each test uses its own database).

mod common;

use common::Env;

use std::path::PathBuf;

use predicates::prelude::*;

/// The example command.
const EXAMPLE: [&str; 13] = [
    "course",
    "--hours",
    "4",
    "--start-spot",
    "station",
    "--date",
    "2026-11-22",
    "--time",
    "10:00",
    "--mode",
    "walk",
    "--interests",
    "nature,history",
];

#[test]
fn example_course_prints_a_timeline_in_english() {
    let env = Env::new();
    env.machi()
        .args(EXAMPLE)
        .args(["--lang", "en"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("10:00 AM  Leave Takahagi Station")
                .and(predicate::str::contains("Walk, "))
                .and(predicate::str::contains("Matches your interests"))
                .and(predicate::str::contains("Arrive at Takahagi Station"))
                .and(predicate::str::contains("Total ")),
        );
}

#[test]
fn example_course_as_json() {
    let env = Env::new();
    let mut args = EXAMPLE.to_vec();
    args.extend(["--lang", "en"]);
    let v = env.json(&args);
    let day = &v["main"]["days"][0];
    assert_eq!(day["date"], "2026-11-22");
    assert_eq!(day["depart"], "10:00:00");
    let stops = day["stops"].as_array().expect("stops");
    assert!(!stops.is_empty());
    assert_eq!(day["legs"].as_array().expect("legs").len(), stops.len() + 1);
    assert_eq!(day["legs"][0]["mode"], "walk");
    assert!(v["main"]["total_minutes"].as_u64().expect("total") <= 240);
    assert!(!stops[0]["explanations"]
        .as_array()
        .expect("expl")
        .is_empty());
    assert!(v["alternatives"].as_array().expect("alts").len() <= 2);
}

#[test]
fn infeasible_and_unknown_requests_fail_with_one_localized_line() {
    let env = Env::new();
    // Half an hour cannot include a 150-minute hike.
    let mut short = EXAMPLE.to_vec();
    short[2] = "0.5";
    env.machi()
        .args(short)
        .args(["--must", "tsuchidake", "--lang", "en"])
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("not enough time")
                .or(predicate::str::contains("does not fit into the time")),
        );
    let mut unknown = EXAMPLE.to_vec();
    unknown[4] = "nowhere";
    env.machi()
        .args(unknown)
        .args(["--lang", "en"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("nowhere"));
}

fn toptw() -> Option<PathBuf> {
    let root = machi_common::testdata::shared_data_dir().join("toptw");
    root.join("solomon_100")
        .join("c101.txt")
        .is_file()
        .then_some(root)
}

#[test]
fn eval_course_on_two_solomon_instances_reports_routes() {
    let Some(data) = toptw() else {
        machi_common::testdata::skip_missing("../shared/data/toptw not found");
        return;
    };
    // Two instances, linked (not copied) into a folder of their own.
    let dir = tempfile::tempdir().unwrap();
    for name in ["c101.txt", "r101.txt"] {
        std::os::unix::fs::symlink(data.join("solomon_100").join(name), dir.path().join(name))
            .unwrap();
    }
    let env = Env::new();
    let bks = data.join("bks.csv");
    let v = env.json(&[
        "eval",
        "course",
        "--instances",
        dir.path().to_str().unwrap(),
        "--bks",
        bks.to_str().unwrap(),
        "--tours",
        "1",
        "--time-limit-ms",
        "200",
        "--seeds",
        "1",
    ]);
    assert_eq!(v["summary"]["instances"], 2);
    assert_eq!(v["summary"]["all_feasible"], true);
    let inst = v["instances"].as_array().expect("instances");
    assert_eq!(inst[0]["name"], "c101");
    assert_eq!(inst[0]["bks"], 320.0);
    for i in inst {
        let routes = i["runs"][0]["routes"].as_array().expect("routes");
        assert_eq!(routes.len(), 1);
        assert!(!routes[0].as_array().expect("route").is_empty());
        assert!(i["median_score"].as_f64().expect("score") > 0.0);
    }
}

#[test]
fn a_course_by_bus_names_the_line_departure_and_fare() {
    let env = Env::new();
    env.machi()
        .args([
            "--lang",
            "en",
            "course",
            "--hours",
            "4",
            "--date",
            "2026-11-22",
            "--time",
            "10:00",
            "--mode",
            "transit",
            "--taxi-budget",
            "5000",
            "--interests",
            "nature,autumn-leaves",
        ])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Line 10:15 AM from Takahagi Station")
                .and(predicate::str::contains("¥300"))
                .and(predicate::str::contains("Fares: bus and train ¥")),
        );
    env.machi()
        .args(["course", "--mode", "transit", "--max-walk", "x"])
        .assert()
        .failure();
}
