//! OSM `opening_hours` → service-start windows for one date.
//!
//! Uses the `opening-hours` crate with Japan's public-holiday calendar, so
//! `PH off` / `Mo-Fr,PH …` rules follow Japanese holidays.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use opening_hours::localization::Country;
use opening_hours::{Context, OpeningHours, RuleKind};

/// Why a spot's opening hours could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BadHours(pub(crate) String);

/// Parsed opening hours, evaluated against Japanese public holidays.
#[derive(Clone)]
pub(crate) struct Hours(OpeningHours);

impl Hours {
    pub(crate) fn parse(text: &str) -> Result<Self, BadHours> {
        let oh = text
            .parse::<OpeningHours>()
            .map_err(|e| BadHours(e.to_string()))?;
        Ok(Self(oh.with_context(
            Context::default().with_holidays(Country::JP.holidays()),
        )))
    }

    /// Open intervals on `date`, in minutes since that date's midnight
    /// (an interval running past midnight ends at 1440).
    pub(crate) fn open_intervals(&self, date: NaiveDate) -> Vec<(f64, f64)> {
        let from = NaiveDateTime::new(date, NaiveTime::MIN);
        let Some(next) = date.succ_opt() else {
            return Vec::new();
        };
        let to = NaiveDateTime::new(next, NaiveTime::MIN);
        let mut out: Vec<(f64, f64)> = Vec::new();
        for r in self.0.iter_range(from, to) {
            if r.kind != RuleKind::Open {
                continue;
            }
            let minutes = |t: NaiveDateTime| {
                if t >= to {
                    1440.0
                } else {
                    f64::from(t.time().hour() * 60 + t.time().minute())
                }
            };
            let (a, b) = (minutes(r.range.start), minutes(r.range.end));
            // Merge touching ranges (rules can split one open period).
            match out.last_mut() {
                Some(last) if (last.1 - a).abs() < 1e-9 => last.1 = b,
                _ if b > a => out.push((a, b)),
                _ => {}
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn weekday_rule_and_closed_day() {
        let h = Hours::parse("Tu-Su 09:00-17:00; Mo off").unwrap();
        // 2026-11-23 is a Monday (also Labour Thanksgiving Day).
        assert!(h.open_intervals(d(2026, 11, 23)).is_empty());
        assert_eq!(h.open_intervals(d(2026, 11, 22)), vec![(540.0, 1020.0)]);
    }

    #[test]
    fn japanese_public_holiday_is_known() {
        let h = Hours::parse("Mo-Fr 10:00-16:00; PH off").unwrap();
        // 2026-11-03 (Tuesday) is Culture Day; 2026-11-04 is an ordinary Wednesday.
        assert!(h.open_intervals(d(2026, 11, 3)).is_empty());
        assert_eq!(h.open_intervals(d(2026, 11, 4)), vec![(600.0, 960.0)]);
    }

    #[test]
    fn split_hours_and_midnight() {
        let h = Hours::parse("10:00-12:00,13:00-24:00").unwrap();
        assert_eq!(
            h.open_intervals(d(2026, 11, 4)),
            vec![(600.0, 720.0), (780.0, 1440.0)]
        );
        assert!(Hours::parse("not hours at all").is_err());
    }
}
