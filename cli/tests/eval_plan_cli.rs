//! `machi eval plan` on the repository's scenario list and the embedded
//! town: issue 16's targets on plan quality, and bad scenario files.

mod common;

use common::Env;
use predicates::prelude::*;

fn scenarios() -> String {
    format!("{}/../eval/plan-scenarios.toml", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_scenario_gets_a_checked_plan_no_worse_than_walking() {
    let env = Env::new();
    let report = env.json(&["eval", "plan", "--scenarios", &scenarios()]);
    let results = report["results"].as_array().expect("results");
    assert!(results.len() >= 30, "{} scenarios", results.len());
    let s = &report["summary"];
    assert_eq!(s["infeasible"], 0, "{s}");
    assert_eq!(s["over_walk_limit"], 0, "{s}");
    assert_eq!(s["below_walk_score"], 0, "{s}");
    // Raw results beside the summary: every plan's stops and legs.
    for r in results {
        assert!(r["legs"].as_array().is_some_and(|d| !d.is_empty()), "{r}");
    }
    // Issue 16's request: 4 h, no car, taxi up to ¥5,000, nature and autumn leaves.
    let first = &results[0];
    assert_eq!(first["id"], "issue-4h-no-car-taxi-autumn");
    let stops = first["stops"].to_string();
    assert!(
        stops.contains("hananuki-gorge") || stops.contains("shiomi-falls-bridge"),
        "{stops}"
    );
}

#[test]
fn a_bad_scenario_file_is_one_clear_error() {
    let env = Env::new();
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[[scenario]]\nid = \"x\"\nmode = \"walk\"\n").unwrap();
    env.machi()
        .args(["eval", "plan", "--scenarios", bad.to_str().unwrap()])
        .assert()
        .failure()
        .stderr(predicate::str::contains("bad.toml"));
    std::fs::write(
        &bad,
        "[[scenario]]\nid = \"x\"\ndate = \"2026-11-22\"\nstart_time = \"10:00\"\nhours = 3\nmode = \"plane\"\ninterests = []\nstart = \"takahagi-station\"\n",
    )
    .unwrap();
    env.machi()
        .args(["eval", "plan", "--scenarios", bad.to_str().unwrap()])
        .assert()
        .failure()
        .stderr(predicate::str::contains("unknown mode"));
}
