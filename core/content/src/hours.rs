//! Opening-hours evaluation (OSM `opening_hours` syntax) with Japanese public holidays.

use std::sync::OnceLock;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use opening_hours::localization::Country;
use opening_hours::{Context, OpeningHours};

/// A parsed opening-hours expression evaluated against Japan's public holidays (`PH`).
#[derive(Debug, Clone)]
pub struct Hours(OpeningHours);

fn japan() -> &'static Context {
    static CTX: OnceLock<Context> = OnceLock::new();
    CTX.get_or_init(|| Context::default().with_holidays(Country::JP.holidays()))
}

impl Hours {
    /// Parses an OSM `opening_hours` expression; the error text is the parser's reason.
    pub fn parse(text: &str) -> Result<Hours, String> {
        // The parser's message is a multi-line caret diagram; keep its gist on one line.
        let oh: OpeningHours = text.parse().map_err(|e| {
            let msg = format!("{e}");
            let gist = msg
                .lines()
                .find_map(|l| l.trim().strip_prefix("= "))
                .unwrap_or(msg.trim());
            gist.split_whitespace().collect::<Vec<_>>().join(" ")
        })?;
        Ok(Hours(oh.with_context(japan().clone())))
    }

    /// Whether the place is open at `at` (local time in Japan). Unknown or
    /// "open end" states count as closed: a planner must not send people to a
    /// place that may be shut.
    pub fn is_open(&self, at: NaiveDateTime) -> bool {
        self.0.is_open(at)
    }

    /// Whether the place is open at some time on `date` (a counter that
    /// takes a filing that day). Decides which days a deadline may fall on.
    pub fn open_on(&self, date: NaiveDate) -> bool {
        let start = date.and_time(NaiveTime::MIN);
        if self.0.is_open(start) {
            return true;
        }
        let Some(next_day) = date.succ_opt() else {
            return false;
        };
        // From a closed midnight, the next change is the day's first opening, if any.
        self.0
            .next_change(start)
            .is_some_and(|t| t < next_day.and_time(NaiveTime::MIN) && self.0.is_open(t))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    #[test]
    fn weekdays_and_japanese_holidays() {
        let h = Hours::parse("Mo-Fr 09:00-17:00; PH off").unwrap();
        // 2026-11-23 (Mon) is 勤労感謝の日, a public holiday in Japan.
        assert!(!h.is_open(at(2026, 11, 23, 10)));
        assert!(h.is_open(at(2026, 11, 24, 10)));
        assert!(!h.is_open(at(2026, 11, 24, 18)));
        assert!(!h.is_open(at(2026, 11, 22, 10)));
    }

    #[test]
    fn open_on_a_day_follows_weekdays_holidays_and_the_year_end() {
        let h = Hours::parse("Mo-Fr 08:30-17:15; PH off; Dec 29-Jan 03 off").unwrap();
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert!(h.open_on(d(2026, 12, 28)), "Monday");
        assert!(!h.open_on(d(2026, 12, 29)), "year-end closure on a Tuesday");
        assert!(!h.open_on(d(2027, 1, 1)));
        assert!(h.open_on(d(2027, 1, 4)), "first Monday after");
        assert!(!h.open_on(d(2026, 11, 23)), "勤労感謝の日");
        assert!(!h.open_on(d(2026, 12, 12)), "Saturday");
        assert!(Hours::parse("24/7").unwrap().open_on(d(2026, 12, 12)));
    }

    #[test]
    fn rejects_nonsense() {
        assert!(Hours::parse("whenever we like").is_err());
    }
}
