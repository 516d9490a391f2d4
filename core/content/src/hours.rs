//! Opening-hours evaluation (OSM `opening_hours` syntax) with Japanese public holidays.

use std::sync::OnceLock;

use chrono::NaiveDateTime;
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

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
    fn rejects_nonsense() {
        assert!(Hours::parse("whenever we like").is_err());
    }
}
