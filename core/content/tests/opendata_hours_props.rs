//! The opening_hours strings built from 利用可能曜日 + 開始時間/終了時間 are
//! valid OSM syntax and mean what the columns say (checked with the
//! evaluator the app uses, `machi_content::hours::Hours`).

use chrono::{Datelike, Days, NaiveDate, NaiveTime};
use machi_content::hours::Hours;
use machi_content::opendata::opening_hours_from_columns;
use proptest::prelude::*;

const JA: [char; 7] = ['月', '火', '水', '木', '金', '土', '日'];

proptest! {
    #[test]
    fn built_hours_parse_and_match_the_columns(
        days in proptest::collection::btree_set(0usize..7, 1..=7),
        start_q in 0u32..(23 * 4),
        len_q in 1u32..(8 * 4),
        day_offset in 0u64..730,
        probe_q in 0u32..(24 * 4),
    ) {
        let start = start_q * 15;
        // Stay within the day (crossing midnight is covered by the unit tests).
        let end = (start + len_q * 15).min(24 * 60);
        prop_assume!(end > start);
        let text: String = days.iter().map(|i| JA[*i]).collect();
        let hhmm = |m: u32| format!("{}:{:02}", m / 60, m % 60);
        let (oh, _) = opening_hours_from_columns(&text, &hhmm(start), &hhmm(end), "").unwrap();
        let oh = oh.unwrap();
        let hours = Hours::parse(&oh).map_err(|e| TestCaseError::fail(format!("{oh:?}: {e}")))?;
        let date = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap().checked_add_days(Days::new(day_offset)).unwrap();
        let probe = probe_q * 15;
        let at = date.and_time(NaiveTime::from_hms_opt(probe / 60, probe % 60, 0).unwrap());
        let weekday = date.weekday().num_days_from_monday() as usize;
        let expected = days.contains(&weekday) && (start..end).contains(&probe);
        prop_assert_eq!(hours.is_open(at), expected, "{} at {}", oh, at);
    }
}

#[test]
fn sample_forms_are_valid_osm() {
    for (days, s, e) in [
        ("月火水木金土日", "00:00", "00:00"),
        ("平日", "8:30", "17:15"),
        ("土日祝", "9:00", "16:00"),
        ("金～月", "22:00", "02:00"),
        ("", "9:00", "17:00"),
        ("土日", "終日", ""),
    ] {
        let oh = opening_hours_from_columns(days, s, e, "")
            .unwrap()
            .0
            .unwrap();
        assert!(Hours::parse(&oh).is_ok(), "{days} {s}-{e} → {oh}");
    }
}
