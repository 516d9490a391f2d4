//! Importers on fixtures we wrote (tests/fixtures/opendata): the 自治体標準
//! layout, events, evacuation CSV, and malformed inputs reported as
//! file:line, column and reason with nothing imported.

use chrono::{NaiveDate, NaiveTime};
use machi_common::{Hazard, Lang};
use machi_content::model::ShelterKind;
use machi_content::opendata::{
    decode_text, import_5374, import_evacuation_csv, import_events_csv, import_gsi_geojson,
    import_tourism_csv, Issue, OpenDataError, Problem,
};

fn fixture(name: &str) -> Vec<u8> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/opendata/");
    std::fs::read(format!("{path}{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// `(line, column, problem text)` of every issue, for compact assertions.
fn places(err: &OpenDataError) -> Vec<(u64, Option<&str>, String)> {
    err.issues
        .iter()
        .map(|i: &Issue| (i.line, i.column.as_deref(), i.problem.to_string()))
        .collect()
}

#[test]
fn standard_layout_with_width_variants_and_shuffled_columns() {
    let f = "standard_layout_tourism.csv";
    let spots = import_tourism_csv(&fixture(f), f).unwrap();
    assert_eq!(spots.len(), 3);
    let gorge = &spots[0];
    assert_eq!(gorge.id, "spot-T001");
    assert_eq!(gorge.name.get(Lang::En), Some("Hananuki Gorge"));
    assert_eq!(
        gorge.description.get(Lang::En),
        Some("A gorge famous for autumn leaves.")
    );
    assert_eq!(gorge.address.get(Lang::Ja), Some("茨城県高萩市大能"));
    assert_eq!(gorge.opening_hours.as_deref(), Some("24/7"));
    assert_eq!(gorge.fee.get(Lang::Ja), Some("無料"));
    let info = &spots[1];
    assert_eq!(
        info.address.get(Lang::Ja),
        Some("茨城県高萩市本町1丁目 駅舎内")
    );
    // 平日 + full-width times, CRLF line ends, multi-line note.
    assert_eq!(info.opening_hours.as_deref(), Some("Mo-Fr 08:30-17:15"));
    assert_eq!(
        info.hours_note.get(Lang::Ja),
        Some("年末年始は休み\n(12/29〜1/3)")
    );
    assert_eq!(info.url.as_deref(), Some("https://example.invalid/info"));
    // Days without times: hours unknown, the days kept in the note.
    let mountain = &spots[2];
    assert_eq!(mountain.opening_hours, None);
    assert_eq!(
        mountain.hours_note.get(Lang::Ja),
        Some("利用可能曜日: 土日祝")
    );
}

#[test]
fn bad_rows_are_all_reported_with_line_and_column() {
    let f = "bad_rows_tourism.csv";
    let err = import_tourism_csv(&fixture(f), f).unwrap_err();
    let got = places(&err);
    let expected: Vec<(u64, Option<&str>, &str)> = vec![
        (6, Some("緯度"), "not a latitude"),
        (7, Some("経度"), "out of range"),
        (8, Some("緯度"), "swapped"),
        (
            9,
            Some("NO"),
            "duplicate value \"2\" (first used on line 3)",
        ),
        (10, Some("名称"), "required value is empty"),
        (10, Some("利用可能曜日"), "cannot read day"),
        (11, None, "row has 3 fields but the header has 8"),
    ];
    assert_eq!(got.len(), expected.len(), "{err}");
    for ((line, col, text), (eline, ecol, etext)) in got.iter().zip(&expected) {
        assert_eq!((line, col), (eline, ecol), "{err}");
        assert!(text.contains(etext), "{text:?} should contain {etext:?}");
    }
    // The Display form names file:line and column.
    let shown = err.to_string();
    assert!(shown.starts_with("7 problems in open data:"), "{shown}");
    assert!(
        shown.contains("bad_rows_tourism.csv:6: column 緯度: not a latitude"),
        "{shown}"
    );
}

#[test]
fn unterminated_quote_is_reported_where_the_record_starts() {
    let f = "unterminated_quote_tourism.csv";
    let err = import_tourism_csv(&fixture(f), f).unwrap_err();
    assert_eq!(
        places(&err),
        vec![(4, Some("説明"), Problem::UnterminatedQuote.to_string())]
    );
    assert_eq!(err.issues[0].file, f);
}

#[test]
fn wrong_header_names_the_missing_column() {
    let f = "wrong_header_events.csv";
    let err = import_events_csv(&fixture(f), f).unwrap_err();
    assert_eq!(
        places(&err),
        vec![(1, Some("開始日"), Problem::MissingColumn.to_string())]
    );
}

#[test]
fn events_import_dates_times_and_places() {
    let f = "events.csv";
    let events = import_events_csv(&fixture(f), f).unwrap();
    assert_eq!(events.len(), 2);
    let fest = &events[0];
    assert_eq!(fest.id, "event-1");
    assert_eq!(
        fest.name.get(Lang::En),
        Some("Hananuki Gorge Autumn Leaves Festival")
    );
    assert_eq!(
        fest.start_date,
        NaiveDate::from_ymd_opt(2026, 11, 7).unwrap()
    );
    assert_eq!(
        fest.end_date,
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    );
    assert_eq!(fest.start_time, NaiveTime::from_hms_opt(10, 0, 0));
    assert_eq!(fest.end_time, NaiveTime::from_hms_opt(15, 0, 0));
    assert_eq!(fest.place_name.get(Lang::Ja), Some("花貫渓谷"));
    assert_eq!(fest.organizer.get(Lang::Ja), Some("高萩市観光協会"));
    assert!(fest.location.is_some());
    let one_day = &events[1];
    // 令和8年 = 2026; blank 終了日 = one-day event; no position.
    assert_eq!(
        one_day.start_date,
        NaiveDate::from_ymd_opt(2026, 8, 1).unwrap()
    );
    assert_eq!(one_day.end_date, one_day.start_date);
    assert_eq!(one_day.location, None);
}

#[test]
fn bad_events_are_reported() {
    let f = "bad_events.csv";
    let err = import_events_csv(&fixture(f), f).unwrap_err();
    let got: Vec<(u64, Option<&str>)> = places(&err).into_iter().map(|(l, c, _)| (l, c)).collect();
    assert_eq!(
        got,
        vec![
            (2, Some("終了日")),
            (3, Some("開始日")),
            (4, Some("経度")),
            (5, Some("開始時間"))
        ],
        "{err}"
    );
}

#[test]
fn evacuation_csv_reads_hazards_capacity_and_elevation() {
    let f = "evacuation.csv";
    let shelters = import_evacuation_csv(&fixture(f), f).unwrap();
    assert_eq!(shelters.len(), 2);
    let school = &shelters[0];
    assert_eq!(school.id, "shelter-1");
    assert_eq!(school.kind, ShelterKind::Both);
    assert_eq!(school.capacity, Some(1200));
    assert_eq!(school.elevation_m, Some(8.5));
    assert_eq!(school.kana.as_deref(), Some("タカハギショウガッコウ"));
    assert_eq!(school.hazards.len(), 7);
    assert!(!school.hazards.contains(&Hazard::Volcano));
    let hall = &shelters[1];
    assert_eq!(hall.kind, ShelterKind::EmergencyPlace);
    assert_eq!(hall.hazards.len(), 6);
    assert!(!hall.hazards.contains(&Hazard::Flood));
    assert!(!hall.hazards.contains(&Hazard::Volcano));
}

#[test]
fn bad_evacuation_values_are_reported() {
    let f = "bad_evacuation.csv";
    let err = import_evacuation_csv(&fixture(f), f).unwrap_err();
    let got: Vec<(u64, Option<&str>)> = places(&err).into_iter().map(|(l, c, _)| (l, c)).collect();
    assert_eq!(
        got,
        vec![(2, Some("災害種別_洪水")), (3, Some("想定収容人数"))]
    );
}

#[test]
fn bad_geojson_features_name_their_line() {
    let f = "bad_gsi.geojson";
    let err = import_gsi_geojson(&fixture(f), f).unwrap_err();
    let got: Vec<(u64, Option<&str>)> = places(&err).into_iter().map(|(l, c, _)| (l, c)).collect();
    assert_eq!(
        got,
        vec![
            (9, Some("geometry")),
            (9, Some("洪水")),
            (14, Some("共通ID"))
        ],
        "{err}"
    );
    assert!(err.issues[0]
        .problem
        .to_string()
        .contains("[longitude, latitude]"));
    let not_json = import_gsi_geojson(b"{\n  \"type\": ", "x.json").unwrap_err();
    assert!(matches!(not_json.issues[0].problem, Problem::Json(_)));
    let not_fc = import_gsi_geojson(br#"{"type":"Feature","features":[]}"#, "y.json").unwrap_err();
    assert!(matches!(not_fc.issues[0].problem, Problem::Structure(_)));
}

#[test]
fn bad_5374_set_reports_every_file() {
    let err = import_5374(
        &fixture("bad_area_days.csv"),
        &fixture("bad_center.csv"),
        &fixture("bad_description.csv"),
        &fixture("bad_target.csv"),
    )
    .unwrap_err();
    let got: Vec<(&str, u64, Option<&str>)> = err
        .issues
        .iter()
        .map(|i| (i.file.as_str(), i.line, i.column.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("area_days.csv", 1, Some("謎のごみ")),
            ("area_days.csv", 3, Some("燃えるごみ")),
            ("area_days.csv", 4, Some("燃えるごみ")),
            ("area_days.csv", 5, Some("地名")),
            ("center.csv", 2, Some("休止終了日")),
            ("description.csv", 2, Some("bgcolor")),
            ("target.csv", 3, Some("type")),
        ],
        "{err}"
    );
    assert!(matches!(err.issues[1].problem, Problem::Schedule(_)));
}

#[test]
fn decode_text_rejects_bytes_in_no_known_encoding() {
    assert!(decode_text(b"ok,\xE5\x90\x8D").is_ok());
    let err = decode_text(b"a\n\xFF\xFF\xFF").unwrap_err();
    assert_eq!(err.issues[0].problem, Problem::Encoding);
    assert_eq!(err.issues[0].line, 2);
}

#[test]
fn standard_layout_evacuation_csv_with_split_address() {
    let f = "standard_layout_evacuation.csv";
    let shelters = import_evacuation_csv(&fixture(f), f).unwrap();
    assert_eq!(shelters.len(), 2);
    let school = &shelters[0];
    assert_eq!(school.id, "shelter-H001");
    assert_eq!(
        school.name.get(Lang::En),
        Some("Takahagi Elementary School")
    );
    // No 所在地_連結表記: the split columns are joined.
    assert_eq!(school.address.get(Lang::Ja), Some("茨城県高萩市安良川1048"));
    assert_eq!(school.elevation_m, Some(8.5));
    assert_eq!(school.capacity, Some(500));
    assert_eq!(school.kind, ShelterKind::Both);
    assert_eq!(school.hazards.len(), 7);
    let hall = &shelters[1];
    assert_eq!(
        hall.address.get(Lang::Ja),
        Some("茨城県高萩市安良川272-164")
    );
    assert_eq!(hall.kind, ShelterKind::EmergencyPlace);
    assert_eq!(hall.hazards.len(), 6);
}

#[test]
fn cp932_standard_layout_events() {
    let f = "cp932_standard_events.csv";
    let bytes = fixture(f);
    assert!(std::str::from_utf8(&bytes).is_err());
    let events = import_events_csv(&bytes, f).unwrap();
    assert_eq!(events.len(), 1);
    let e = &events[0];
    assert_eq!(e.id, "event-E01");
    assert_eq!(e.name.get(Lang::Ja), Some("高萩の夏祭り"));
    assert_eq!(e.name.get(Lang::En), Some("Takahagi Summer Festival"));
    assert_eq!(e.start_time, NaiveTime::from_hms_opt(17, 0, 0));
    assert_eq!(e.end_time, NaiveTime::from_hms_opt(21, 0, 0));
    assert_eq!(
        e.description.get(Lang::Ja),
        Some("夜店と花火。\n雨天中止。")
    );
    assert_eq!(e.fee.get(Lang::Ja), Some("無料"));
    assert_eq!(e.address.get(Lang::Ja), Some("茨城県高萩市本町"));
    assert_eq!(e.organizer.get(Lang::Ja), Some("高萩市"));
}
