//! A pack source's `transit/` GTFS-JP feed: imported at build time, carried
//! in the signed pack, kept by the store, read back as a timetable.

mod common;

use std::path::{Path, PathBuf};

use machi_content::error::SourceError;
use machi_content::pack::{self, SigningKey};
use machi_content::source;
use machi_content::store::Store;
use machi_transit::Timetable;

/// The mini town with the Nyuzen feed copied into `transit/` (None: data absent).
fn source_with_nyuzen(tmp: &Path) -> Option<PathBuf> {
    let feed = machi_common::testdata::shared_data("opendata/gtfs-jp/nyuzen-noran")?;
    let src = tmp.join("src");
    common::copy_dir(&common::fixture(), &src);
    common::copy_dir(&feed, &src.join("transit"));
    Some(src)
}

#[test]
fn a_pack_with_a_timetable_installs_and_reads_back() {
    let tmp = tempfile::tempdir().unwrap();
    let Some(src) = source_with_nyuzen(tmp.path()) else {
        return;
    };
    let data = source::load_dir(&src).unwrap();
    let t = data
        .transit
        .as_ref()
        .expect("the transit folder is imported");
    assert_eq!(t.feed, "transit");
    let expected = Timetable::from_dir(&src.join("transit")).unwrap();

    let key = SigningKey::from_bytes(&[7; 32]);
    let out = tmp.path().join("pack");
    pack::build_pack(&data, &key, &out).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    pack::import_dir(&mut store, &out, &key.verifying_key()).unwrap();
    let stored = store
        .transit()
        .unwrap()
        .expect("the store keeps the timetable");
    let tt = Timetable::from_blob(stored.blob.as_bytes()).unwrap();
    assert_eq!(tt, expected);
    assert_eq!(tt.stops.len(), expected.stops.len());
    assert!(!tt.connections.is_empty());
    assert_eq!(store.export().unwrap().unwrap().transit.as_ref(), Some(t));
}

#[test]
fn a_pack_without_transit_installs_with_no_timetable() {
    let data = source::load_dir(&common::fixture()).unwrap();
    assert!(data.transit.is_none());
    // Older packs' JSON has no `transit` key at all: still reads.
    let json = serde_json::to_value(&data).unwrap();
    assert!(json.get("transit").is_none());
    let mut store = Store::open_in_memory().unwrap();
    store.import_full(&data).unwrap();
    assert_eq!(store.transit().unwrap(), None);
}

#[test]
fn a_delta_adds_and_removes_the_timetable() {
    let tmp = tempfile::tempdir().unwrap();
    let Some(src) = source_with_nyuzen(tmp.path()) else {
        return;
    };
    let v1 = source::load_dir(&common::fixture()).unwrap();
    let mut v2 = source::load_dir(&src).unwrap();
    v2.meta.pack_version = v1.meta.pack_version + 1;
    let mut store = Store::open_in_memory().unwrap();
    store.import_full(&v1).unwrap();
    store
        .import_delta(&machi_content::delta::Delta::between(&v1, &v2))
        .unwrap();
    assert_eq!(store.transit().unwrap(), v2.transit);
    let mut v3 = v1.clone();
    v3.meta.pack_version = v2.meta.pack_version + 1;
    store
        .import_delta(&machi_content::delta::Delta::between(&v2, &v3))
        .unwrap();
    assert_eq!(store.transit().unwrap(), None);
}

#[test]
fn a_malformed_feed_fails_the_build_with_file_and_line() {
    let tmp = tempfile::tempdir().unwrap();
    let Some(src) = source_with_nyuzen(tmp.path()) else {
        return;
    };
    let path = src.join("transit/stop_times.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    // Line 3 (the header is line 1) gets an impossible time. Written back
    // with LF: on CRLF files the csv crate's record positions are one line
    // low (reported to machi-transit, not worked around here).
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines[2] = lines[2].replacen("17:46:00", "17:4x:00", 2);
    std::fs::write(&path, lines.join("\n")).unwrap();
    let Err(SourceError::Invalid(issues)) = source::load_dir(&src) else {
        panic!("a malformed feed must fail the build");
    };
    assert_eq!(issues.len(), 1, "{issues:?}");
    let shown = issues[0].to_string();
    assert!(shown.starts_with("transit/stop_times.txt:3: "), "{shown}");
    assert!(shown.contains("17:4x:00"), "{shown}");
}
