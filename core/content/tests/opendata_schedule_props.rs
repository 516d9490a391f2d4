//! Property tests of the 5374 schedule rules against the calendar.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use machi_content::garbage::Schedule;
use proptest::prelude::*;

const JA: [(char, Weekday); 7] = [
    ('月', Weekday::Mon),
    ('火', Weekday::Tue),
    ('水', Weekday::Wed),
    ('木', Weekday::Thu),
    ('金', Weekday::Fri),
    ('土', Weekday::Sat),
    ('日', Weekday::Sun),
];

fn any_date() -> impl Strategy<Value = NaiveDate> {
    // 2000-01-01 plus up to ~60 years.
    (0u64..22_000).prop_map(|n| {
        NaiveDate::from_ymd_opt(2000, 1, 1)
            .unwrap()
            .checked_add_days(Days::new(n))
            .unwrap()
    })
}

fn months_text(months: &[u32]) -> String {
    months
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

proptest! {
    /// `曜N:months` holds exactly on that weekday, days 7(N−1)+1..=7N, in a listed month.
    #[test]
    fn nth_weekday_in_listed_months_is_exact(
        wd in 0usize..7,
        n in 1u32..=5,
        months in proptest::collection::btree_set(1u32..=12, 1..12),
        date in any_date(),
    ) {
        let months: Vec<u32> = months.into_iter().collect();
        let (c, weekday) = JA[wd];
        let s = Schedule::parse(&format!("{c}{n}:{}", months_text(&months))).unwrap();
        let expected = date.weekday() == weekday
            && (7 * (n - 1) + 1..=7 * n).contains(&date.day())
            && months.contains(&date.month());
        prop_assert_eq!(s.occurs_on(date), expected);
    }

    /// The example from the brief: `水2:4 6 8 10 12 2` is a Wednesday, day 8..=14, even month.
    #[test]
    fn second_wednesday_in_even_months(date in any_date()) {
        let s = Schedule::parse("水2:4 6 8 10 12 2").unwrap();
        let expected = date.weekday() == Weekday::Wed
            && (8..=14).contains(&date.day())
            && date.month() % 2 == 0;
        prop_assert_eq!(s.occurs_on(date), expected);
    }

    /// A weekly rule hits exactly once in every 7 consecutive days.
    #[test]
    fn weekly_hits_once_per_seven_days(wd in 0usize..7, start in any_date()) {
        let s = Schedule::parse(&JA[wd].0.to_string()).unwrap();
        let hits = start
            .iter_days()
            .take(7)
            .filter(|d| s.occurs_on(*d))
            .count();
        prop_assert_eq!(hits, 1);
    }

    /// Several weekdays: one hit per listed day per week.
    #[test]
    fn weekly_lists_hit_each_day_once_a_week(
        days in proptest::collection::btree_set(0usize..7, 1..=7),
        start in any_date(),
    ) {
        let text = days.iter().map(|i| JA[*i].0.to_string()).collect::<Vec<_>>().join(" ");
        let s = Schedule::parse(&text).unwrap();
        let hits = start.iter_days().take(7).filter(|d| s.occurs_on(*d)).count();
        prop_assert_eq!(hits, days.len());
    }

    /// An nth-weekday rule never hits more than once per month for each n,
    /// and hits exactly once when the month has an nth such weekday.
    #[test]
    fn nth_weekday_at_most_once_per_month(
        wd in 0usize..7,
        ns in proptest::collection::btree_set(1u32..=5, 1..=5),
        year in 2000i32..2060,
        month in 1u32..=12,
    ) {
        let (c, weekday) = JA[wd];
        let text = ns.iter().map(|n| format!("{c}{n}")).collect::<Vec<_>>().join(" ");
        let s = Schedule::parse(&text).unwrap();
        let first = NaiveDate::from_ymd_opt(year, month, 1).unwrap();
        let days: Vec<NaiveDate> = first
            .iter_days()
            .take_while(|d| d.month() == month)
            .filter(|d| s.occurs_on(*d))
            .collect();
        let occurrences_of_weekday = first
            .iter_days()
            .take_while(|d| d.month() == month)
            .filter(|d| d.weekday() == weekday)
            .count() as u32;
        let expected = ns.iter().filter(|n| **n <= occurrences_of_weekday).count();
        prop_assert_eq!(days.len(), expected);
        for d in &days {
            prop_assert_eq!(d.weekday(), weekday);
        }
    }

    /// Irregular dates hit on exactly those dates, whatever the month list.
    #[test]
    fn irregular_dates_hit_exactly(
        dates in proptest::collection::btree_set(any_date(), 1..6),
        probe in any_date(),
        limit in 1u32..=12,
    ) {
        let text = dates.iter().map(|d| d.format("%Y%m%d").to_string()).collect::<Vec<_>>().join(" ");
        let s = Schedule::parse(&format!("{text}:{limit}")).unwrap();
        prop_assert_eq!(s.occurs_on(probe), dates.contains(&probe));
        for d in &dates {
            prop_assert!(s.occurs_on(*d));
        }
    }

    /// Parsing never panics on arbitrary text.
    #[test]
    fn parse_never_panics(text in "\\PC{0,24}") {
        let _ = Schedule::parse(&text);
    }
}
