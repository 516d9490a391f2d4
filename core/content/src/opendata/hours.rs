//! 利用可能曜日 + 開始時間 / 終了時間 → an OSM `opening_hours` string.

use super::text::nfkc;
use super::values::time_of_day;

const OSM_DAYS: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
const JA_DAYS: [char; 7] = ['月', '火', '水', '木', '金', '土', '日'];

/// Which column a problem is in, for the caller's error report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HoursColumn {
    /// 利用可能曜日.
    Days,
    /// 開始時間.
    Start,
    /// 終了時間.
    End,
}

/// Days the place is open, plus public holidays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Days {
    week: [bool; 7],
    holidays: bool,
}

impl Days {
    fn all(&self) -> bool {
        self.week.iter().all(|d| *d)
    }

    /// OSM weekday selector: runs of three or more days as ranges (`Mo-Fr`),
    /// shorter runs listed (`Sa,Su`), holidays as `PH`.
    fn osm(&self) -> String {
        let mut parts = Vec::new();
        let mut i = 0;
        while i < 7 {
            if !self.week[i] {
                i += 1;
                continue;
            }
            let start = i;
            while i + 1 < 7 && self.week[i + 1] {
                i += 1;
            }
            match i - start {
                0 => parts.push(OSM_DAYS[start].to_string()),
                1 => {
                    parts.push(OSM_DAYS[start].to_string());
                    parts.push(OSM_DAYS[i].to_string());
                }
                _ => parts.push(format!("{}-{}", OSM_DAYS[start], OSM_DAYS[i])),
            }
            i += 1;
        }
        if self.holidays {
            parts.push("PH".into());
        }
        parts.join(",")
    }
}

/// Parsed 利用可能曜日 and the parenthesized remarks removed from it.
struct DaySpec {
    days: Option<Days>,
    remarks: Vec<String>,
}

/// Reads 利用可能曜日: `月火水木金土日`, `平日`, `土日祝`, `月～金`, `火曜日〜日曜日`,
/// `月・水・金`, `毎日`. Parenthesized remarks (`(年末年始を除く)`) are split off
/// so they can go to the hours note.
fn parse_days(text: &str) -> Result<DaySpec, String> {
    let mut t = nfkc(text);
    let mut remarks = Vec::new();
    while let (Some(a), Some(b)) = (t.find('('), t.find(')')) {
        if b < a {
            break;
        }
        let inner = t[a + 1..b].trim().to_string();
        if !inner.is_empty() {
            remarks.push(inner);
        }
        t.replace_range(a..=b, "");
    }
    let t = t.trim();
    if t.is_empty() {
        return Ok(DaySpec {
            days: None,
            remarks,
        });
    }
    if matches!(
        t,
        "毎日" | "全日" | "年中無休" | "無休" | "通年" | "全曜日" | "365日" | "終日"
    ) {
        return Ok(DaySpec {
            days: Some(Days {
                week: [true; 7],
                holidays: false,
            }),
            remarks,
        });
    }
    // Order matters: 祝日 contains 日 (Sunday), 平日 must expand before scanning.
    let t = t
        .replace("曜日", "")
        .replace('曜', "")
        .replace("祝祭日", "P")
        .replace("祝日", "P")
        .replace("祝", "P")
        .replace("平日", "月-金")
        .replace("週末", "土日");
    let mut days = Days::default();
    let mut prev: Option<usize> = None;
    let mut range_from: Option<usize> = None;
    for c in t.chars() {
        if let Some(d) = JA_DAYS.iter().position(|j| *j == c) {
            if let Some(from) = range_from.take() {
                // Ranges may wrap the week end (金～月).
                let mut i = from;
                loop {
                    days.week[i] = true;
                    if i == d {
                        break;
                    }
                    i = (i + 1) % 7;
                }
            }
            days.week[d] = true;
            prev = Some(d);
        } else if c == 'P' {
            days.holidays = true;
            prev = None;
        } else if matches!(c, '~' | '〜' | '-' | 'ー' | '−' | '–' | '—' | '―') {
            range_from = Some(prev.ok_or_else(|| {
                format!("day range without a first day in 利用可能曜日: {text:?}")
            })?);
        } else if matches!(c, ',' | '、' | '・' | ' ' | '/' | '及' | 'と' | 'び') {
            continue;
        } else {
            return Err(format!(
                "cannot read day {c:?} in 利用可能曜日 (expected e.g. 月火水木金, 平日, 土日祝, 月～金): {text:?}"
            ));
        }
    }
    if range_from.is_some() {
        return Err(format!("day range without a last day: {text:?}"));
    }
    Ok(DaySpec {
        days: Some(days),
        remarks,
    })
}

fn is_all_day_word(t: &str) -> bool {
    matches!(nfkc(t).as_str(), "終日" | "24時間" | "終日開放")
}

/// Builds an OSM `opening_hours` string from the three template columns.
///
/// - both times `00:00`, or a time written `終日` / `24時間` → `24/7` (or
///   `<days> 00:00-24:00` when not every day);
/// - otherwise `<days> HH:MM-HH:MM`, e.g. `Mo-Su 09:00-17:30`, `Tu-Su,PH 10:00-17:00`;
///   an end of `00:00` means midnight (`24:00`), an end before the start
///   crosses midnight as OSM allows;
/// - no times (or only one of the two) → `None`: the hours are unknown, which
///   the course planner treats differently from "always open".
///
/// `note` is 利用可能日時特記事項; `終日開放` there with blank times also means
/// all day. The second value returned is the remarks cut from 利用可能曜日
/// (parenthesized text), for the hours note.
pub fn opening_hours_from_columns(
    days: &str,
    start: &str,
    end: &str,
    note: &str,
) -> Result<(Option<String>, Vec<String>), (HoursColumn, String)> {
    let spec = parse_days(days).map_err(|e| (HoursColumn::Days, e))?;
    let (start, end) = (start.trim(), end.trim());
    let note_all_day = nfkc(note).starts_with("終日");
    let all_day = is_all_day_word(start)
        || is_all_day_word(end)
        || (start.is_empty() && end.is_empty() && note_all_day);
    let span = if all_day {
        Some(((0, 0), (24, 0)))
    } else if start.is_empty() || end.is_empty() {
        None
    } else {
        let s = time_of_day(start).map_err(|e| (HoursColumn::Start, e))?;
        let e = time_of_day(end).map_err(|e| (HoursColumn::End, e))?;
        match (s, e) {
            ((0, 0), (0, 0)) | ((0, 0), (24, 0)) => Some(((0, 0), (24, 0))),
            (s, e) if s == e => {
                return Err((
                    HoursColumn::End,
                    format!("終了時間 {end:?} equals 開始時間 {start:?}"),
                ))
            }
            (s, (0, 0)) => Some((s, (24, 0))),
            (s, e) => Some((s, e)),
        }
    };
    let Some(((sh, sm), (eh, em))) = span else {
        return Ok((None, spec.remarks));
    };
    let every_day = spec.days.map(|d| d.all()).unwrap_or(true);
    let hours = if (sh, sm, eh, em) == (0, 0, 24, 0) && every_day {
        "24/7".to_string()
    } else {
        let times = format!("{sh:02}:{sm:02}-{eh:02}:{em:02}");
        match spec.days {
            Some(d) => format!("{} {times}", d.osm()),
            None => times,
        }
    };
    Ok((Some(hours), spec.remarks))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn oh(days: &str, s: &str, e: &str) -> Option<String> {
        opening_hours_from_columns(days, s, e, "").unwrap().0
    }

    #[test]
    fn common_day_specs() {
        assert_eq!(
            oh("月火水木金土日", "09:00", "17:30").as_deref(),
            Some("Mo-Su 09:00-17:30")
        );
        assert_eq!(
            oh("火水木金土日", "10:00", "17:00").as_deref(),
            Some("Tu-Su 10:00-17:00")
        );
        assert_eq!(
            oh("月水木金土日", "10:00", "21:00").as_deref(),
            Some("Mo,We-Su 10:00-21:00")
        );
        assert_eq!(
            oh("平日", "8:30", "17:15").as_deref(),
            Some("Mo-Fr 08:30-17:15")
        );
        assert_eq!(
            oh("土日祝", "9:00", "16:00").as_deref(),
            Some("Sa,Su,PH 09:00-16:00")
        );
        assert_eq!(
            oh("月～金", "9時", "17時").as_deref(),
            Some("Mo-Fr 09:00-17:00")
        );
        assert_eq!(
            oh("金〜月", "9:00", "17:00").as_deref(),
            Some("Mo,Fr-Su 09:00-17:00")
        );
        assert_eq!(
            oh("火曜日～日曜日", "9:00", "17:00").as_deref(),
            Some("Tu-Su 09:00-17:00")
        );
        assert_eq!(oh("", "9:00", "17:00").as_deref(), Some("09:00-17:00"));
    }

    #[test]
    fn all_day_forms() {
        assert_eq!(
            oh("月火水木金土日", "00:00", "00:00").as_deref(),
            Some("24/7")
        );
        assert_eq!(oh("", "終日", "").as_deref(), Some("24/7"));
        assert_eq!(
            oh("土日", "00:00", "24:00").as_deref(),
            Some("Sa,Su 00:00-24:00")
        );
        let (h, _) = opening_hours_from_columns("毎日", "", "", "終日開放").unwrap();
        assert_eq!(h.as_deref(), Some("24/7"));
        assert_eq!(
            oh("月", "18:00", "00:00").as_deref(),
            Some("Mo 18:00-24:00")
        );
        assert_eq!(
            oh("金", "22:00", "02:00").as_deref(),
            Some("Fr 22:00-02:00")
        );
    }

    #[test]
    fn unknown_and_bad() {
        assert_eq!(oh("月火水", "", ""), None);
        assert_eq!(oh("", "9:00", ""), None);
        let (h, remarks) =
            opening_hours_from_columns("月火水木金（年末年始を除く）", "9:00", "17:00", "")
                .unwrap();
        assert_eq!(h.as_deref(), Some("Mo-Fr 09:00-17:00"));
        assert_eq!(remarks, vec!["年末年始を除く".to_string()]);
        assert_eq!(
            opening_hours_from_columns("毎週", "9:00", "17:00", "")
                .unwrap_err()
                .0,
            HoursColumn::Days
        );
        assert_eq!(
            opening_hours_from_columns("月", "nine", "17:00", "")
                .unwrap_err()
                .0,
            HoursColumn::Start
        );
        assert_eq!(
            opening_hours_from_columns("月", "9:00", "9:00", "")
                .unwrap_err()
                .0,
            HoursColumn::End
        );
    }
}
