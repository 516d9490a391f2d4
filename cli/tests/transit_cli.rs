//! `machi transit` over the embedded sample town's own (SAMPLE) feed, and
//! over a pack built from a source with the Nyuzen GTFS-JP feed (copied
//! into a temp source at test time; the feed ran until 2020, so those dates
//! are in 2019).

mod common;

use std::path::{Path, PathBuf};

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

/// The sample town's source folder.
fn town_source() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../content/takahagi")
}

/// Builds and installs the sample town (version bumped) with `feed` as its
/// `transit/` (none: no timetable at all).
fn install_town_with(env: &Env, feed: Option<&Path>) {
    let keys = env.dir.path().join("keys");
    env.machi()
        .args(["keygen", "--out"])
        .arg(&keys)
        .assert()
        .success();
    let src = env.dir.path().join("src");
    copy_dir(&town_source(), &src);
    // The town's own feed goes, so that none of its files mixes with `feed`.
    std::fs::remove_dir_all(src.join("transit")).unwrap();
    if let Some(feed) = feed {
        copy_dir(feed, &src.join("transit"));
    }
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
}

/// The sample town with the Nyuzen feed; `false` when the shared data is absent.
fn install_with_nyuzen(env: &Env) -> bool {
    let Some(feed) = machi_common::testdata::shared_data("opendata/gtfs-jp/nyuzen-noran") else {
        return false;
    };
    install_town_with(env, Some(&feed));
    true
}

#[test]
fn a_pack_without_a_timetable_says_so() {
    let env = Env::new();
    install_town_with(&env, None);
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

/// `machi transit route` on the embedded town, `--lang` `lang`.
fn town_route(
    env: &Env,
    lang: &str,
    from: &str,
    to: &str,
    date: &str,
    time: &str,
) -> assert_cmd::Command {
    let mut c = env.machi();
    c.args([
        "--lang", lang, "transit", "route", "--from", from, "--to", to,
    ])
    .args(["--date", date, "--time", time]);
    c
}

#[test]
fn the_embedded_town_reaches_hananuki_gorge_by_bus_in_the_autumn_leaves() {
    let env = Env::new();
    // Sunday 22 November 2026: the autumn-leaves extra run at 9:15.
    town_route(&env, "ja", "高萩駅", "花貫渓谷", "2026-11-22", "09:00")
        .assert()
        .success()
        .stdout(predicate::str::contains("9:15 出発、9:43 到着"))
        .stdout(predicate::str::contains(
            "花貫渓谷線 9:15 高萩駅 発 → 花貫渓谷",
        ))
        .stdout(predicate::str::contains("300 円"));
    // Shiomi Falls bridge (its spot's coordinates): the bus, then a short walk.
    let j = env.json(&[
        "transit",
        "route",
        "--from",
        "Takahagi Station",
        "--to",
        "36.7405,140.6245",
        "--date",
        "2026-11-22",
        "--time",
        "09:00",
    ]);
    assert_eq!(j["legs"][0]["kind"], "ride", "{j:#}");
    assert_eq!(j["legs"][1]["kind"], "walk", "{j:#}");
    let walk = j["legs"][1]["walk_minutes"].as_u64().unwrap();
    assert!(walk <= 20, "{j:#}");
    // A weekday in December: no extra runs, the next bus is 12:15.
    town_route(
        &env,
        "en",
        "高萩駅",
        "Hananuki Gorge",
        "2026-12-01",
        "09:00",
    )
    .assert()
    .success()
    .stdout(predicate::str::contains(
        "Hananuki Gorge Line 12:15 from Takahagi Station to Hananuki Gorge",
    ));
}

#[test]
fn the_embedded_town_changes_from_the_joban_line_to_the_bus() {
    let env = Env::new();
    town_route(&env, "en", "十王駅", "花貫渓谷", "2026-11-24", "07:30")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Joban Line 8:02 from Juo Station to Takahagi Station (Iwaki), arrive 8:08, ¥200",
        ))
        .stdout(predicate::str::contains(
            "Leave 8:02, arrive 8:43 (1 transfer), ¥500",
        ));
    town_route(&env, "zh-Hant", "花貫渓谷", "十王駅", "2026-11-23", "15:00")
        .arg("--arrive-by")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "常磐線 14:35 從 高萩站 到 十王站（水戶）",
        ));
}

#[test]
fn departures_from_a_station_list_all_its_poles() {
    let env = Env::new();
    let board = |lang: &str, stop: &str, date: &str, time: &str| {
        let mut c = env.machi();
        c.args(["--lang", lang, "transit", "departures", "--stop", stop])
            .args(["--date", date, "--time", time, "--count", "4"]);
        c
    };
    board("en", "高萩駅", "2026-11-22", "09:00")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Departures from Takahagi Station, 2026-11-22, from 9:00:",
        ))
        .stdout(predicate::str::contains(
            "9:08  Joban Line for Iwaki (platform 1)",
        ))
        .stdout(predicate::str::contains(
            "9:15  Hananuki Gorge Line for Hananuki Gorge (platform B1)",
        ))
        .stdout(predicate::str::contains("10:08").not());
    board("ja", "花貫渓谷", "2026-11-24", "12:00")
        .assert()
        .success()
        .stdout(predicate::str::contains("13:00  花貫渓谷線 高萩駅 行き"));
    board("ko", "hananuki_gorge", "2026-11-24", "21:00")
        .assert()
        .success()
        .stdout(predicate::str::contains("출발하는 편이 없습니다"));
    let j = env.json(&[
        "transit",
        "departures",
        "--stop",
        "Takahagi Station",
        "--date",
        "2026-11-22",
        "--time",
        "09:10",
        "--count",
        "2",
    ]);
    let d = j["departures"].as_array().unwrap();
    assert_eq!(d.len(), 2, "{j:#}");
    assert_eq!(d[0]["time"], "9:15", "{j:#}");
    assert_eq!(d[0]["seconds"], 9 * 3600 + 15 * 60, "{j:#}");
    assert_eq!(d[0]["platform"], "B1", "{j:#}");
    assert_eq!(d[0]["stop_id"], "takahagi_sta_b1", "{j:#}");
    board("en", "Nowhere", "2026-11-22", "09:00")
        .assert()
        .failure()
        .stderr(predicate::str::contains("No stop is called “Nowhere”"));
}

#[test]
fn the_sample_feed_runs_its_holiday_service_on_every_public_holiday() {
    let tt = machi_transit::Timetable::from_dir(&town_source().join("transit")).unwrap();
    let feed = tt.feed.as_ref().unwrap();
    assert!(feed.publisher.contains("サンプル"), "{}", feed.publisher);
    let ix = |id: &str| tt.services.iter().position(|s| s.id == id).unwrap();
    let (weekday, holiday) = (ix("weekday"), ix("holiday"));
    let (mut day, end) = (feed.start.unwrap(), feed.end.unwrap());
    let mut holidays = 0;
    while day <= end {
        if machi_transit::is_public_holiday(day) {
            holidays += 1;
            let on = tt.services_on(day, Default::default());
            assert!(on[holiday] && !on[weekday], "{day}");
        }
        day = day.succ_opt().unwrap();
    }
    assert!(holidays >= 16, "{holidays}");
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
