//! The one spelling of dates and times machi accepts from people and shells:
//! `YYYY-MM-DD`, `HH:MM` (seconds optional) and `YYYY-MM-DDTHH:MM` (seconds
//! optional, a space may replace the `T`). The CLI and the FFI facade both
//! parse through here, so a value one accepts the other accepts too.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// A date or time that is not in the accepted form; `Display` names the
/// value and the form wanted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind} {value:?} (want {want})")]
pub struct BadDateTime {
    /// `date`, `time` or `date-time`.
    pub kind: &'static str,
    /// The text as given.
    pub value: String,
    /// The accepted form, e.g. `YYYY-MM-DD`.
    pub want: &'static str,
}

impl BadDateTime {
    fn new(kind: &'static str, value: &str, want: &'static str) -> Self {
        BadDateTime {
            kind,
            value: value.to_string(),
            want,
        }
    }
}

/// Parses `YYYY-MM-DD` (surrounding spaces ignored).
pub fn parse_date(s: &str) -> Result<NaiveDate, BadDateTime> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| BadDateTime::new("date", s, "YYYY-MM-DD"))
}

/// Parses `HH:MM`, or `HH:MM:SS`.
pub fn parse_time(s: &str) -> Result<NaiveTime, BadDateTime> {
    ["%H:%M:%S", "%H:%M"]
        .iter()
        .find_map(|f| NaiveTime::parse_from_str(s.trim(), f).ok())
        .ok_or_else(|| BadDateTime::new("time", s, "HH:MM"))
}

/// Parses `YYYY-MM-DDTHH:MM` with optional seconds; one space may stand for the `T`.
pub fn parse_datetime(s: &str) -> Result<NaiveDateTime, BadDateTime> {
    let t = s.trim().replacen(' ', "T", 1);
    ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(&t, f).ok())
        .ok_or_else(|| BadDateTime::new("date-time", s, "YYYY-MM-DDTHH:MM"))
}

/// `YYYY-MM-DD`.
pub fn fmt_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// `HH:MM` (seconds dropped: timetables and opening hours are to the minute).
pub fn fmt_time(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_forms_parse_and_print_back() {
        assert_eq!(fmt_date(parse_date(" 2026-11-21 ").unwrap()), "2026-11-21");
        assert_eq!(fmt_time(parse_time("09:30").unwrap()), "09:30");
        assert_eq!(fmt_time(parse_time("09:30:59").unwrap()), "09:30");
        for s in [
            "2026-11-21T14:30",
            "2026-11-21 14:30",
            "2026-11-21T14:30:05",
        ] {
            let dt = parse_datetime(s).unwrap();
            assert_eq!(fmt_date(dt.date()), "2026-11-21", "{s}");
            assert_eq!(fmt_time(dt.time()), "14:30", "{s}");
        }
    }

    #[test]
    fn other_forms_are_errors_naming_the_value_and_the_form() {
        let e = parse_date("21/11/2026").unwrap_err();
        assert_eq!(e.to_string(), r#"date "21/11/2026" (want YYYY-MM-DD)"#);
        assert!(parse_date("2026-02-30").is_err());
        assert!(parse_time("10h").is_err());
        assert!(parse_time("24:00").is_err());
        assert!(parse_datetime("tomorrow").is_err());
        assert!(parse_datetime("2026-11-21").is_err());
        assert_eq!(parse_datetime("").unwrap_err().kind, "date-time");
    }
}
