//! Locale formatting of durations, distances, dates, times, relative times
//! and lists. Rust only does the arithmetic (rounding, splitting hours from
//! minutes, choosing the unit); every word, unit and ordering is a message in
//! `common.ftl`, so each locale writes them its own way.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};

use machi_common::Lang;

use crate::{ArgNumber, Args, Localizer};

/// A non-negative whole number from any numeric input (NaN and negatives
/// become 0, huge values saturate).
fn whole(v: f64) -> u64 {
    if v.is_finite() && v > 0.0 {
        // Saturating float→int conversion is what `as` does.
        v.round() as u64
    } else {
        0
    }
}

impl Localizer {
    /// A duration given in minutes (rounded to whole minutes; negative
    /// counts as 0): "1 h 30 min", "1時間30分", "45 min".
    pub fn duration(&self, minutes: impl ArgNumber) -> String {
        let total = whole(minutes.to_f64());
        let (h, m) = (total / 60, total % 60);
        if h == 0 {
            self.msg("common-duration-minutes", &Args::new().num("minutes", m))
        } else if m == 0 {
            self.msg("common-duration-hours", &Args::new().num("hours", h))
        } else {
            self.msg(
                "common-duration-hours-minutes",
                &Args::new().num("hours", h).num("minutes", m),
            )
        }
    }

    /// A distance given in metres: below 1 km to the nearest 10 m ("350 m",
    /// but "5 m" stays exact below 10 m), below 10 km with one decimal
    /// ("1.2 km"), beyond that whole kilometres ("12 km").
    pub fn distance(&self, metres: impl ArgNumber) -> String {
        let m = metres.to_f64();
        let m = if m.is_finite() && m > 0.0 { m } else { 0.0 };
        let rounded_m = if m < 10.0 {
            m.round()
        } else {
            (m / 10.0).round() * 10.0
        };
        if rounded_m < 1000.0 {
            return self.msg("common-distance-m", &Args::new().num("metres", rounded_m));
        }
        let km = m / 1000.0;
        let km = if km < 9.95 {
            (km * 10.0).round() / 10.0
        } else {
            km.round()
        };
        self.msg("common-distance-km", &Args::new().num("km", km))
    }

    /// A date with its weekday and without the year: "Sat, Nov 21",
    /// "11月21日(土)".
    pub fn date(&self, date: NaiveDate) -> String {
        self.msg("common-date", &date_args(date))
    }

    /// A date with year and weekday: "Sat, Nov 21, 2026", "2026年11月21日(土)".
    pub fn date_with_year(&self, date: NaiveDate) -> String {
        self.msg(
            "common-date-with-year",
            &date_args(date).num("year", date.year()),
        )
    }

    /// A time of day in the locale's habit: 24-hour where the locale says
    /// so in `common-time-clock` (ja, zh-Hans: "15:05"), otherwise 12-hour
    /// ("3:05 PM", "오후 3:05", "午後3時5分" in easy Japanese).
    pub fn time(&self, time: NaiveTime) -> String {
        let (hour, minute) = (time.hour(), time.minute());
        if self.msg("common-time-clock", &Args::new()).trim() == "12h" {
            let (pm, h12) = time.hour12();
            self.msg(
                "common-time-12h",
                &Args::new()
                    .num("hour", h12)
                    .num("minute", minute)
                    .str("period", if pm { "pm" } else { "am" }),
            )
        } else {
            self.msg(
                "common-time-24h",
                &Args::new().num("hour", hour).num("minute", minute),
            )
        }
    }

    /// The weekday's full name: "Saturday", "土曜日".
    pub fn weekday(&self, day: Weekday) -> String {
        self.msg(
            "common-weekday",
            &Args::new().num("weekday", day.number_from_monday()),
        )
    }

    /// A time relative to now, given in minutes (positive = future):
    /// "now", "in 5 minutes", "5分前", "in 3 hours", "2 days ago". Under a
    /// minute is "now"; under an hour counts minutes; under a day hours;
    /// beyond that days (each rounded to the nearest).
    pub fn relative(&self, minutes: i64) -> String {
        let future = minutes > 0;
        let abs = minutes.unsigned_abs();
        let (unit, n) = if abs == 0 {
            return self.msg("common-relative-now", &Args::new());
        } else if abs < 60 {
            ("minutes", abs)
        } else if abs < 24 * 60 {
            ("hours", (abs + 30) / 60)
        } else {
            ("days", (abs + 12 * 60) / (24 * 60))
        };
        // Rounding 23.6 hours gives 24: say "1 day" instead.
        let (unit, n) = if unit == "hours" && n >= 24 {
            ("days", 1)
        } else {
            (unit, n)
        };
        let id = match (unit, future) {
            ("minutes", true) => "common-relative-in-minutes",
            ("minutes", false) => "common-relative-minutes-ago",
            ("hours", true) => "common-relative-in-hours",
            ("hours", false) => "common-relative-hours-ago",
            (_, true) => "common-relative-in-days",
            (_, false) => "common-relative-days-ago",
        };
        self.msg(id, &Args::new().num(unit, n))
    }

    /// A language's name in the UI language: "Chinese (Traditional)",
    /// "中国語（繁体字）".
    pub fn lang_name(&self, lang: Lang) -> String {
        self.msg("common-lang-name", &Args::new().str("lang", lang.tag()))
    }

    /// The note for content shown in a fallback language ("Shown in
    /// Japanese"); use when `LocalizedText::resolve` reports `is_fallback`.
    pub fn shown_in(&self, lang: Lang) -> String {
        self.msg("common-shown-in-lang", &Args::new().str("lang", lang.tag()))
    }

    /// Joins items as a list: "A, B and C", "A、B、C", "A 및 B".
    pub fn list<S: AsRef<str>>(&self, items: &[S]) -> String {
        match items {
            [] => String::new(),
            [one] => one.as_ref().to_string(),
            [a, b] => self.msg(
                "common-list-two",
                &Args::new()
                    .str("first", a.as_ref())
                    .str("second", b.as_ref()),
            ),
            [init @ .., last] => {
                // Build from the right so each pattern sees finished pieces.
                let mut acc = self.msg(
                    "common-list-end",
                    &Args::new()
                        .str("first", init[init.len() - 1].as_ref())
                        .str("second", last.as_ref()),
                );
                for item in init[..init.len() - 1].iter().rev() {
                    acc = self.msg(
                        "common-list-middle",
                        &Args::new().str("first", item.as_ref()).str("second", acc),
                    );
                }
                acc
            }
        }
    }
}

fn date_args(date: NaiveDate) -> Args {
    Args::new()
        .num("month", date.month())
        .num("day", date.day())
        .num("weekday", date.weekday().number_from_monday())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_rounding_and_unit_choice() {
        let en = Localizer::for_lang(Lang::En);
        let d = |m: f64| en.distance(m);
        assert_eq!(d(0.0), "0 m");
        assert_eq!(d(-5.0), "0 m");
        assert_eq!(d(f64::NAN), "0 m");
        assert_eq!(d(7.4), "7 m");
        assert_eq!(d(346.0), "350 m");
        assert_eq!(d(994.0), "990 m");
        assert_eq!(d(996.0), "1 km");
        assert_eq!(d(1000.0), "1 km");
        assert_eq!(d(1049.0), "1 km");
        assert_eq!(d(1050.0), "1.1 km");
        assert_eq!(d(9949.0), "9.9 km");
        assert_eq!(d(9960.0), "10 km");
        assert_eq!(d(123_456.0), "123 km");
        assert_eq!(d(1_234_567.0), "1,235 km");
    }

    #[test]
    fn duration_splits_and_rounds() {
        let en = Localizer::for_lang(Lang::En);
        assert_eq!(en.duration(0), "0 min");
        assert_eq!(en.duration(-3), "0 min");
        assert_eq!(en.duration(59.6), "1 h");
        assert_eq!(en.duration(125u64), "2 h 5 min");
        assert_eq!(en.duration(24 * 60 + 1), "24 h 1 min");
    }

    #[test]
    fn relative_units_and_rounding() {
        let en = Localizer::for_lang(Lang::En);
        assert_eq!(en.relative(0), "now");
        assert_eq!(en.relative(59), "in 59 minutes");
        assert_eq!(en.relative(60), "in 1 hour");
        assert_eq!(en.relative(-89), "1 hour ago");
        assert_eq!(en.relative(-90), "2 hours ago");
        assert_eq!(en.relative(23 * 60 + 40), "in 1 day");
        assert_eq!(en.relative(-3 * 24 * 60), "3 days ago");
        assert!(!en.relative(i64::MIN).is_empty());
    }

    #[test]
    fn language_names() {
        let ja = Localizer::for_lang(Lang::Ja);
        assert_eq!(ja.lang_name(Lang::ZhHant), "中国語（繁体字）");
        assert_eq!(ja.shown_in(Lang::En), "英語で表示しています");
        let en = Localizer::for_lang(Lang::En);
        for l in Lang::ALL {
            assert!(!en.lang_name(l).is_empty());
        }
        assert_eq!(en.lang_name(Lang::JaEasy), "Easy Japanese");
        assert_eq!(en.shown_in(Lang::Ja), "Shown in Japanese");
    }

    #[test]
    fn lists() {
        let en = Localizer::for_lang(Lang::En);
        let none: [&str; 0] = [];
        assert_eq!(en.list(&none), "");
        assert_eq!(en.list(&["a"]), "a");
        assert_eq!(en.list(&["a", "b"]), "a and b");
        assert_eq!(en.list(&["a", "b", "c", "d"]), "a, b, c, and d");
        let ko = Localizer::for_lang(Lang::Ko);
        assert_eq!(ko.list(&["가", "나", "다"]), "가, 나 및 다");
    }

    #[test]
    fn weekdays_and_midnight() {
        let en = Localizer::for_lang(Lang::En);
        assert_eq!(en.weekday(Weekday::Mon), "Monday");
        assert_eq!(en.weekday(Weekday::Sun), "Sunday");
        let ko = Localizer::for_lang(Lang::Ko);
        assert_eq!(ko.weekday(Weekday::Sat), "토요일");
        let midnight = NaiveTime::from_hms_opt(0, 7, 0).unwrap_or_default();
        assert_eq!(en.time(midnight), "12:07 AM");
        assert_eq!(Localizer::for_lang(Lang::Ja).time(midnight), "0:07");
    }
}
