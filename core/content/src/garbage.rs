//! The 5374.jp garbage collection schedule: rule syntax and what goes out when.
//!
//! A rule is one cell of 5374's `area_days.csv`, e.g.
//! - `月 木` — every Monday and Thursday;
//! - `水1 水3 水5` — the 1st, 3rd and 5th Wednesday of each month;
//! - `水2:4 6 8 10 12 2` — the 2nd Wednesday, only in April, June, …, February
//!   (everything after `:` is the month list and limits every weekday entry);
//! - `20260105 20260119` — irregular collection on those dates (8-digit
//!   `yyyymmdd` entries, never limited by the month list);
//! - blank — not collected in that area.
//!
//! A collection centre's shutdown (center.csv, e.g. 2018/12/29–2019/01/02)
//! cancels every collection of the areas it serves on those days.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use unicode_normalization::UnicodeNormalization;

use crate::model::GarbageData;

const JA_WEEKDAYS: [(char, Weekday); 7] = [
    ('月', Weekday::Mon),
    ('火', Weekday::Tue),
    ('水', Weekday::Wed),
    ('木', Weekday::Thu),
    ('金', Weekday::Fri),
    ('土', Weekday::Sat),
    ('日', Weekday::Sun),
];

/// One entry of a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Every week on this day (`月`).
    Weekly(Weekday),
    /// The `n`th (1..=5) such weekday of the month (`水3`): days 7(n−1)+1 ..= 7n.
    Nth {
        /// The weekday.
        weekday: Weekday,
        /// Which occurrence in the month, 1..=5.
        n: u8,
    },
    /// One irregular collection date (`20260105`).
    Date(NaiveDate),
}

/// A parsed 5374 rule; see the module docs for the syntax.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    rules: Vec<Rule>,
    /// `months[m-1]`: weekday entries apply in month `m`. All true when no `:` list.
    months: [bool; 12],
}

/// A 5374 rule that does not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    /// A day entry that is neither `曜`, `曜N` nor `yyyymmdd`.
    #[error("{token:?} is not a day entry (expected e.g. 月, 水2 or 20260105)")]
    BadEntry {
        /// The entry as written.
        token: String,
    },
    /// `曜N` with N outside 1..=5.
    #[error("{token:?}: the week of the month must be 1 to 5")]
    BadWeek {
        /// The entry as written.
        token: String,
    },
    /// An 8-digit entry that is not a real date.
    #[error("{token:?} is not a valid yyyymmdd date")]
    BadDate {
        /// The entry as written.
        token: String,
    },
    /// A month in the `:` list outside 1..=12 or not a number.
    #[error("{token:?} is not a month 1 to 12 in the list after ':'")]
    BadMonth {
        /// The month as written.
        token: String,
    },
    /// `:` with nothing after it, before it, or more than one `:`.
    #[error("the month list after ':' is malformed: {rule:?}")]
    BadMonthList {
        /// The whole rule.
        rule: String,
    },
}

impl Schedule {
    /// Parses one rule cell. Full-width digits, spaces and colons are accepted
    /// (NFKC). A blank rule parses to a schedule that never occurs.
    pub fn parse(text: &str) -> Result<Schedule, ScheduleError> {
        let text: String = text.nfkc().collect();
        let (days, months) = match text.split_once(':') {
            None => (text.as_str(), None),
            Some((d, m)) => {
                if m.contains(':') || d.trim().is_empty() || m.trim().is_empty() {
                    return Err(ScheduleError::BadMonthList { rule: text.clone() });
                }
                (d, Some(m))
            }
        };
        let mut rules = Vec::new();
        for token in days.split_whitespace() {
            rules.push(parse_entry(token)?);
        }
        let months = match months {
            None => [true; 12],
            Some(list) => {
                let mut m = [false; 12];
                for token in list.split_whitespace() {
                    let n: usize = token
                        .parse()
                        .ok()
                        .filter(|n| (1..=12).contains(n))
                        .ok_or_else(|| ScheduleError::BadMonth {
                            token: token.to_string(),
                        })?;
                    m[n - 1] = true;
                }
                m
            }
        };
        Ok(Schedule { rules, months })
    }

    /// The entries, in the order written.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The months (1..=12) weekday entries apply in; all twelve when unrestricted.
    pub fn months(&self) -> Vec<u32> {
        (1..=12u32)
            .filter(|m| self.months[*m as usize - 1])
            .collect()
    }

    /// Whether collection falls on `date` by this rule alone (centre closures
    /// are applied by [`collections_on`] / [`next_collection`]).
    pub fn occurs_on(&self, date: NaiveDate) -> bool {
        let in_month = self.months[date.month0() as usize];
        let nth = (date.day0() / 7 + 1) as u8;
        self.rules.iter().any(|r| match *r {
            Rule::Date(d) => d == date,
            Rule::Weekly(w) => in_month && date.weekday() == w,
            Rule::Nth { weekday, n } => in_month && date.weekday() == weekday && nth == n,
        })
    }

    /// The last irregular date, if any (searches must reach at least that far).
    fn last_date(&self) -> Option<NaiveDate> {
        self.rules
            .iter()
            .filter_map(|r| match r {
                Rule::Date(d) => Some(*d),
                _ => None,
            })
            .max()
    }
}

fn parse_entry(token: &str) -> Result<Rule, ScheduleError> {
    let bad = || ScheduleError::BadEntry {
        token: token.to_string(),
    };
    if token.len() == 8 && token.chars().all(|c| c.is_ascii_digit()) {
        let num = |r: std::ops::Range<usize>| token[r].parse::<u32>().ok();
        return match (num(0..4), num(4..6), num(6..8)) {
            (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y as i32, m, d)
                .map(Rule::Date)
                .ok_or_else(|| ScheduleError::BadDate {
                    token: token.to_string(),
                }),
            _ => Err(bad()),
        };
    }
    let mut chars = token.chars();
    let first = chars.next().ok_or_else(bad)?;
    let weekday = JA_WEEKDAYS
        .iter()
        .find(|(c, _)| *c == first)
        .map(|(_, w)| *w)
        .ok_or_else(bad)?;
    let rest = chars.as_str();
    if rest.is_empty() {
        return Ok(Rule::Weekly(weekday));
    }
    if !rest.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad());
    }
    match rest.parse::<u8>() {
        Ok(n @ 1..=5) => Ok(Rule::Nth { weekday, n }),
        _ => Err(ScheduleError::BadWeek {
            token: token.to_string(),
        }),
    }
}

/// One category collected on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Collection {
    /// The category id (its 5374 label, e.g. `燃えるごみ`).
    pub category_id: String,
    /// The rule that puts it on this day, as published.
    pub rule: String,
}

/// A centre shutdown that cancels collection on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closure {
    /// The centre's id.
    pub center_id: String,
    /// First day of the shutdown.
    pub from: NaiveDate,
    /// Last day of the shutdown (inclusive).
    pub to: NaiveDate,
}

/// Why a garbage question cannot be answered from the data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GarbageError {
    /// No area has this id.
    #[error("no garbage collection area {0:?}")]
    UnknownArea(String),
    /// A stored rule that does not parse (imports validate rules, so only
    /// data that bypassed the importer can hit this).
    #[error("area {area:?}, category {category:?}: {source}")]
    BadRule {
        /// Area id.
        area: String,
        /// Category id.
        category: String,
        /// The parse error.
        source: ScheduleError,
    },
}

fn area<'a>(
    data: &'a GarbageData,
    area_id: &str,
) -> Result<&'a crate::model::GarbageArea, GarbageError> {
    data.areas
        .iter()
        .find(|a| a.id == area_id)
        .ok_or_else(|| GarbageError::UnknownArea(area_id.to_string()))
}

/// The centre shutdown, if any, that cancels collection in `area_id` on `date`.
pub fn closure_on(
    data: &GarbageData,
    area_id: &str,
    date: NaiveDate,
) -> Result<Option<Closure>, GarbageError> {
    let a = area(data, area_id)?;
    Ok(closure_for(data, a.center_id.as_deref(), date))
}

fn closure_for(data: &GarbageData, center_id: Option<&str>, date: NaiveDate) -> Option<Closure> {
    let center = data
        .centers
        .iter()
        .find(|c| Some(c.id.as_str()) == center_id)?;
    center
        .closures
        .iter()
        .find(|(from, to)| (*from..=*to).contains(&date))
        .map(|(from, to)| Closure {
            center_id: center.id.clone(),
            from: *from,
            to: *to,
        })
}

/// What is collected in `area_id` on `date`, in the area's category order.
/// Empty on days the area's centre is shut (see [`closure_on`] for which
/// shutdown) and on days nothing is scheduled.
pub fn collections_on(
    data: &GarbageData,
    area_id: &str,
    date: NaiveDate,
) -> Result<Vec<Collection>, GarbageError> {
    let a = area(data, area_id)?;
    let mut out = Vec::new();
    for s in &a.schedules {
        let schedule = Schedule::parse(&s.rule).map_err(|source| GarbageError::BadRule {
            area: a.id.clone(),
            category: s.category_id.clone(),
            source,
        })?;
        if schedule.occurs_on(date) {
            out.push(Collection {
                category_id: s.category_id.clone(),
                rule: s.rule.clone(),
            });
        }
    }
    if closure_for(data, a.center_id.as_deref(), date).is_some() {
        out.clear();
    }
    Ok(out)
}

/// How far ahead [`next_collection`] looks for weekday rules: more than a year,
/// so month-limited rules and a year-end shutdown are always passed.
pub const SEARCH_DAYS: u64 = 400;

/// The first day on or after `from` when `category` is collected in `area`,
/// skipping centre shutdowns. `None` when the area or category is unknown,
/// the rule does not parse (see [`collections_on`] for the error), or no
/// collection falls within [`SEARCH_DAYS`] (or before the last irregular date).
pub fn next_collection(
    data: &GarbageData,
    area_id: &str,
    category: &str,
    from: NaiveDate,
) -> Option<NaiveDate> {
    let a = area(data, area_id).ok()?;
    let rule = a.schedules.iter().find(|s| s.category_id == category)?;
    let schedule = Schedule::parse(&rule.rule).ok()?;
    let mut end = from.checked_add_days(Days::new(SEARCH_DAYS))?;
    if let Some(last) = schedule.last_date() {
        end = end.max(last);
    }
    from.iter_days()
        .take_while(|d| *d <= end)
        .find(|d| schedule.occurs_on(*d) && closure_for(data, a.center_id.as_deref(), *d).is_none())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{GarbageArea, GarbageCenter, GarbageSchedule};
    use machi_common::LocalizedText;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn parses_every_form() {
        let s = Schedule::parse("月 木").unwrap();
        assert_eq!(
            s.rules(),
            &[Rule::Weekly(Weekday::Mon), Rule::Weekly(Weekday::Thu)]
        );
        assert_eq!(s.months().len(), 12);
        let s = Schedule::parse("水2:4 6 8 10 12 2").unwrap();
        assert_eq!(s.months(), vec![2, 4, 6, 8, 10, 12]);
        let s = Schedule::parse("２０２６０１０５　水１").unwrap();
        assert_eq!(
            s.rules(),
            &[
                Rule::Date(d(2026, 1, 5)),
                Rule::Nth {
                    weekday: Weekday::Wed,
                    n: 1
                }
            ]
        );
        assert!(Schedule::parse("").unwrap().rules().is_empty());
    }

    #[test]
    fn rejects_malformed_rules() {
        assert!(matches!(
            Schedule::parse("水6"),
            Err(ScheduleError::BadWeek { .. })
        ));
        assert!(matches!(
            Schedule::parse("水0"),
            Err(ScheduleError::BadWeek { .. })
        ));
        assert!(matches!(
            Schedule::parse("毎週"),
            Err(ScheduleError::BadEntry { .. })
        ));
        assert!(matches!(
            Schedule::parse("水2:13"),
            Err(ScheduleError::BadMonth { .. })
        ));
        assert!(matches!(
            Schedule::parse("水2:"),
            Err(ScheduleError::BadMonthList { .. })
        ));
        assert!(matches!(
            Schedule::parse("20260230"),
            Err(ScheduleError::BadDate { .. })
        ));
        assert!(matches!(
            Schedule::parse("水x"),
            Err(ScheduleError::BadEntry { .. })
        ));
    }

    #[test]
    fn occurrences_match_the_calendar() {
        // 2026-01: Thu 1st; Wednesdays 7, 14, 21, 28.
        let s = Schedule::parse("水1 水3").unwrap();
        assert!(s.occurs_on(d(2026, 1, 7)));
        assert!(!s.occurs_on(d(2026, 1, 14)));
        assert!(s.occurs_on(d(2026, 1, 21)));
        let limited = Schedule::parse("水2:4 6 8 10 12 2").unwrap();
        assert!(!limited.occurs_on(d(2026, 1, 14)));
        assert!(limited.occurs_on(d(2026, 2, 11)));
        let irregular = Schedule::parse("20260105:4").unwrap();
        assert!(
            irregular.occurs_on(d(2026, 1, 5)),
            "dates ignore the month list"
        );
    }

    fn town() -> GarbageData {
        GarbageData {
            areas: vec![GarbageArea {
                id: "秋葉".into(),
                name: LocalizedText::new(),
                center_id: Some("C".into()),
                schedules: vec![
                    GarbageSchedule {
                        category_id: "燃えるごみ".into(),
                        rule: "月 木".into(),
                    },
                    GarbageSchedule {
                        category_id: "古紙類".into(),
                        rule: "火2 月4".into(),
                    },
                ],
            }],
            centers: vec![GarbageCenter {
                id: "C".into(),
                name: LocalizedText::new(),
                closures: vec![(d(2018, 12, 29), d(2019, 1, 2))],
            }],
            ..GarbageData::default()
        }
    }

    #[test]
    fn closures_cancel_collection() {
        let data = town();
        // 2018-12-31 is a Monday inside the shutdown.
        assert!(collections_on(&data, "秋葉", d(2018, 12, 31))
            .unwrap()
            .is_empty());
        assert_eq!(
            closure_on(&data, "秋葉", d(2018, 12, 31))
                .unwrap()
                .map(|c| c.center_id),
            Some("C".to_string())
        );
        let jan3 = collections_on(&data, "秋葉", d(2019, 1, 3)).unwrap();
        assert_eq!(jan3.len(), 1);
        assert_eq!(jan3[0].category_id, "燃えるごみ");
        assert_eq!(
            next_collection(&data, "秋葉", "燃えるごみ", d(2018, 12, 28)),
            Some(d(2019, 1, 3))
        );
        // 2019-01: 2nd Tuesday is the 8th.
        assert_eq!(
            next_collection(&data, "秋葉", "古紙類", d(2019, 1, 1)),
            Some(d(2019, 1, 8))
        );
        assert!(matches!(
            collections_on(&data, "どこか", d(2019, 1, 3)),
            Err(GarbageError::UnknownArea(_))
        ));
        assert_eq!(
            next_collection(&data, "秋葉", "粗大ごみ", d(2019, 1, 1)),
            None
        );
    }
}
