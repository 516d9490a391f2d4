//! Taxis and rental bicycles (`course.toml`'s `[taxi]`, `[[taxi_stand]]`,
//! `[[bicycle_rental]]`): parsed and checked at build, carried in the signed
//! pack, kept by the store, moved by deltas.

mod common;

use std::path::Path;

use machi_common::Lang;
use machi_content::delta::Delta;
use machi_content::model::{Mobility, PackData, ReturnRule};
use machi_content::pack::{self, SigningKey};
use machi_content::source;
use machi_content::store::Store;
use machi_content::SourceError;

/// What the tests append to the mini town's course.toml (its 14 lines come first).
const MOBILITY: &str = r#"
[taxi]
initial_yen = 600
initial_metres = 1300
step_yen = 100
step_metres = 290
call_wait_minutes = 15
phone = "0293-00-0000"
[taxi.operator]
ja = "町のタクシー"
en = "Town taxis"

[[taxi_stand]]
id = "station-taxi"
location = { lat = 36.7190, lon = 140.7108 }
wait_minutes = 3
[taxi_stand.name]
ja = "駅前タクシー乗り場"

[[bicycle_rental]]
id = "station-cycle"
location = { lat = 36.7190, lon = 140.7108 }
opening_hours = "09:00-17:00; Dec 29-Jan 03 off"
fee_yen = 500
return_rule = "same-station"
bikes = 10
electric = true
[bicycle_rental.name]
ja = "駅レンタサイクル"
[bicycle_rental.note]
en = "Return by 17:00."

[[bicycle_rental]]
id = "gorge-cycle"
location = { lat = 36.7360, lon = 140.6340 }
opening_hours = "Sa,Su 10:00-16:00"
fee_yen = 300
return_rule = "any-station"
[bicycle_rental.name]
ja = "渓谷レンタサイクル"
"#;

/// The mini town with `course.toml` = its own text + `extra`, in `dir`.
fn source_with(dir: &Path, extra: &str) -> std::path::PathBuf {
    let src = dir.join("src");
    common::copy_dir(&common::fixture(), &src);
    let p = src.join("course.toml");
    let mut text = std::fs::read_to_string(&p).unwrap();
    text.push_str(extra);
    std::fs::write(&p, text).unwrap();
    src
}

fn load_with(extra: &str) -> Result<PackData, SourceError> {
    let tmp = tempfile::tempdir().unwrap();
    source::load_dir(&source_with(tmp.path(), extra))
}

/// The issues a broken source yields, as `file:line [column]: reason`.
fn issues(extra: &str) -> Vec<String> {
    match load_with(extra) {
        Err(SourceError::Invalid(issues)) => issues.iter().map(|i| i.to_string()).collect(),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

/// 1-based lines of the whole course.toml (fixture + `extra`) containing `needle`.
fn lines_in(extra: &str, needle: &str) -> Vec<usize> {
    let base = std::fs::read_to_string(common::fixture().join("course.toml")).unwrap();
    format!("{base}{extra}")
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .map(|(i, _)| i + 1)
        .collect()
}

/// The first of [`lines_in`].
fn line_in(extra: &str, needle: &str) -> usize {
    *lines_in(extra, needle)
        .first()
        .unwrap_or_else(|| panic!("{needle:?} not in course.toml"))
}

/// `MOBILITY` with its first `from` replaced by `to` (the edit must apply).
fn edited(from: &str, to: &str) -> String {
    assert!(MOBILITY.contains(from), "{from:?}");
    MOBILITY.replacen(from, to, 1)
}

/// Exactly one issue, at `course.toml:LINE`, whose text contains `reason`.
fn one_issue_at(extra: &str, needle: &str, reason: &str) {
    let found = issues(extra);
    assert_eq!(found.len(), 1, "{found:?}");
    let prefix = format!("course.toml:{}", line_in(extra, needle));
    assert!(
        found[0].starts_with(&format!("{prefix}:")) || found[0].starts_with(&format!("{prefix} ")),
        "{} does not start with {prefix}",
        found[0]
    );
    assert!(found[0].contains(reason), "{}", found[0]);
}

#[test]
fn a_source_with_taxis_and_bicycles_loads_them() {
    let data = load_with(MOBILITY).unwrap();
    let m = &data.mobility;
    let taxi = m.taxi.as_ref().expect("the [taxi] table");
    assert_eq!(taxi.operator.get(Lang::Ja), Some("町のタクシー"));
    assert_eq!(taxi.operator.get(Lang::En), Some("Town taxis"));
    assert_eq!(taxi.phone.as_deref(), Some("0293-00-0000"));
    assert_eq!(
        (
            taxi.initial_yen,
            taxi.initial_metres,
            taxi.step_yen,
            taxi.step_metres
        ),
        (600, 1300, 100, 290)
    );
    assert_eq!(taxi.call_wait_minutes, 15);
    assert_eq!(taxi.fare_yen(2000.0), 900, "700 m beyond: 3 started steps");
    assert_eq!(m.taxi_stands.len(), 1);
    let stand = &m.taxi_stands[0];
    assert_eq!(stand.id, "station-taxi");
    assert_eq!(stand.wait_minutes, 3);
    assert_eq!((stand.location.lat, stand.location.lon), (36.719, 140.7108));
    let ids: Vec<&str> = m.bicycle_rentals.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["station-cycle", "gorge-cycle"]);
    let r = &m.bicycle_rentals[0];
    assert_eq!(r.opening_hours, "09:00-17:00; Dec 29-Jan 03 off");
    assert_eq!(r.fee_yen, 500);
    assert_eq!(r.return_rule, ReturnRule::SameStation);
    assert_eq!(r.bikes, Some(10));
    assert!(r.electric);
    assert_eq!(
        r.note.as_ref().and_then(|n| n.get(Lang::En)),
        Some("Return by 17:00.")
    );
    let g = &m.bicycle_rentals[1];
    assert_eq!(g.return_rule, ReturnRule::AnyStation);
    assert_eq!((g.bikes, g.electric, g.note.is_none()), (None, false, true));
    // The rest of course.toml still loads beside it.
    assert_eq!(data.congestion.len(), 1);
    assert_eq!(data.travel_times.len(), 1);
}

#[test]
fn an_unknown_field_is_rejected_with_its_line() {
    one_issue_at(
        &edited("wait_minutes = 3", "wait_minutes = 3\nwait_mins = 4"),
        "wait_mins",
        "unknown field `wait_mins`",
    );
    one_issue_at(
        &edited(
            "step_metres = 290",
            "step_metres = 290\nnight_surcharge = 20",
        ),
        "night_surcharge",
        "unknown field",
    );
    one_issue_at(
        &edited(
            "return_rule = \"same-station\"",
            "return_rule = \"anywhere\"",
        ),
        "anywhere",
        "unknown variant",
    );
}

#[test]
fn bad_opening_hours_are_rejected_with_their_line() {
    one_issue_at(
        &edited("09:00-17:00; Dec 29-Jan 03 off", "when the shop is open"),
        "when the shop is open",
        "bicycle rental \"station-cycle\": opening hours",
    );
}

#[test]
fn duplicate_ids_are_rejected_with_both_lines() {
    let extra = edited("id = \"gorge-cycle\"", "id = \"station-cycle\"");
    let found = issues(&extra);
    assert_eq!(found.len(), 1, "{found:?}");
    let [first, second] = lines_in(&extra, "id = \"station-cycle\"")[..] else {
        panic!("two ids");
    };
    assert_eq!(
        found[0],
        format!(
            "course.toml:{second} [id]: bicycle rental id \"station-cycle\" already used by course.toml:{first}"
        )
    );
    // A stand and a rental are separate tables: the same id in both is fine.
    let data = load_with(&edited("id = \"station-taxi\"", "id = \"station-cycle\"")).unwrap();
    assert_eq!(data.mobility.taxi_stands[0].id, "station-cycle");
}

#[test]
fn a_zero_step_is_rejected() {
    one_issue_at(
        &edited("step_metres = 290", "step_metres = 0"),
        "step_metres = 0",
        "taxi step_metres must be > 0",
    );
    one_issue_at(
        &edited("step_yen = 100", "step_yen = 0"),
        "step_yen = 0",
        "taxi step_yen must be > 0",
    );
    // Negative numbers do not fit the unsigned fields at all.
    one_issue_at(
        &edited("step_metres = 290", "step_metres = -290"),
        "step_metres = -290",
        "",
    );
}

#[test]
fn coordinates_out_of_range_are_rejected() {
    one_issue_at(
        &edited(
            "lat = 36.7190, lon = 140.7108 }\nwait",
            "lat = 96.7190, lon = 140.7108 }\nwait",
        ),
        "lat = 96.7190",
        "coordinate out of range",
    );
    one_issue_at(
        &edited("lon = 140.6340", "lon = 240.6340"),
        "lon = 240.6340",
        "coordinate out of range",
    );
}

#[test]
fn names_need_japanese_and_stands_need_a_tariff() {
    one_issue_at(
        &edited("ja = \"渓谷レンタサイクル\"", "en = \"Gorge cycles\""),
        "id = \"gorge-cycle\"",
        "bicycle rental \"gorge-cycle\" has no Japanese name",
    );
    one_issue_at(
        &edited("ja = \"町のタクシー\"\n", ""),
        "initial_yen = 600",
        "the taxi operator needs a Japanese name",
    );
    let no_tariff = MOBILITY
        .split("[[taxi_stand]]")
        .nth(1)
        .map(|rest| format!("\n[[taxi_stand]]{rest}"))
        .unwrap();
    one_issue_at(
        &no_tariff,
        "id = \"station-taxi\"",
        "taxi stand \"station-taxi\" needs the [taxi] fare table",
    );
}

#[test]
fn a_pack_with_mobility_builds_signs_installs_and_reads_back() {
    let tmp = tempfile::tempdir().unwrap();
    let data = source::load_dir(&source_with(tmp.path(), MOBILITY)).unwrap();
    assert!(!data.mobility.is_empty());
    let key = SigningKey::from_bytes(&[7; 32]);
    let out = tmp.path().join("pack");
    let built = pack::build_pack(&data, &key, &out).unwrap();
    // The signed manifest says how many there are (`machi pack build --json`).
    assert_eq!(built.manifest.counts["taxi_stands"], 1);
    assert_eq!(built.manifest.counts["bicycle_rentals"], 2);
    let mut store = Store::open_in_memory().unwrap();
    pack::import_dir(&mut store, &out, &key.verifying_key()).unwrap();
    assert_eq!(store.mobility().unwrap(), data.mobility);
    assert_eq!(store.export().unwrap().unwrap().mobility, data.mobility);
}

#[test]
fn a_pack_without_mobility_has_none_and_older_json_still_reads() {
    let data = source::load_dir(&common::fixture()).unwrap();
    assert!(data.mobility.is_empty());
    let json = serde_json::to_value(&data).unwrap();
    assert!(json.get("mobility").is_none(), "no key in packs without it");
    let back: PackData = serde_json::from_value(json).unwrap();
    assert_eq!(back.mobility, Mobility::default());
    let mut store = Store::open_in_memory().unwrap();
    store.import_full(&data).unwrap();
    assert_eq!(store.mobility().unwrap(), Mobility::default());
}

#[test]
fn a_delta_adds_changes_and_removes_mobility() {
    let v1 = source::load_dir(&common::fixture()).unwrap();
    let mut v2 = load_with(MOBILITY).unwrap();
    v2.meta.pack_version = v1.meta.pack_version + 1;
    let mut store = Store::open_in_memory().unwrap();
    store.import_full(&v1).unwrap();
    let d = Delta::between(&v1, &v2);
    assert_eq!(d.mobility.upsert.len(), 1);
    store.import_delta(&d).unwrap();
    assert_eq!(store.mobility().unwrap(), v2.mobility);

    // A fare change resends the one row.
    let mut v3 = v2.clone();
    v3.meta.pack_version += 1;
    if let Some(t) = v3.mobility.taxi.as_mut() {
        t.initial_yen = 700;
    }
    let d = Delta::between(&v2, &v3);
    assert_eq!((d.mobility.upsert.len(), d.mobility.remove.len()), (1, 0));
    store.import_delta(&d).unwrap();
    assert_eq!(store.mobility().unwrap(), v3.mobility);

    let mut v4 = v1.clone();
    v4.meta.pack_version = v3.meta.pack_version + 1;
    let d = Delta::between(&v3, &v4);
    assert_eq!(d.mobility.remove, ["mobility"]);
    store.import_delta(&d).unwrap();
    assert_eq!(store.mobility().unwrap(), Mobility::default());
    // In memory too.
    let mut mem = v3.clone();
    d.apply_to(&mut mem);
    assert!(mem.mobility.is_empty());
}
