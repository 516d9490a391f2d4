//! Parsers for the cell values open data uses: coordinates, dates, times,
//! yes/no flags and counts. Each returns a reason text on failure; the caller
//! attaches file, line and column.

use chrono::{NaiveDate, NaiveTime};
use machi_common::GeoPoint;

use super::error::Problem;
use super::text::nfkc;

/// A row's required position from its 緯度/経度 cells (`cols` are their
/// column indexes): a blank or bad value is reported against the column it is
/// in, and gives `None`.
pub(crate) fn required_point(
    lat: &str,
    lon: &str,
    cols: (Option<usize>, Option<usize>),
    bad: &mut impl FnMut(Option<usize>, Problem),
) -> Option<GeoPoint> {
    let point = optional_point(lat, lon, cols, bad)?;
    if point.is_none() {
        bad(cols.0, Problem::Empty);
    }
    point
}

/// A row's optional position: `Some(None)` when both cells are blank; a bad
/// value is reported against the column it is in, and gives `None`.
pub(crate) fn optional_point(
    lat: &str,
    lon: &str,
    cols: (Option<usize>, Option<usize>),
    bad: &mut impl FnMut(Option<usize>, Problem),
) -> Option<Option<GeoPoint>> {
    match coordinates(lat, lon) {
        Ok(p) => Some(p),
        Err((which, reason)) => {
            bad(
                if which == 0 { cols.0 } else { cols.1 },
                Problem::Invalid(reason),
            );
            None
        }
    }
}

/// Reads a latitude/longitude pair. Both blank → `Ok(None)`; one blank, a
/// non-number or an out-of-range value → `Err((which, reason))` where `which`
/// is 0 for the latitude and 1 for the longitude.
pub(crate) fn coordinates(lat: &str, lon: &str) -> Result<Option<GeoPoint>, (usize, String)> {
    if lat.is_empty() && lon.is_empty() {
        return Ok(None);
    }
    let la = number(lat).ok_or_else(|| (0, format!("not a latitude: {lat:?}")))?;
    let lo = number(lon).ok_or_else(|| (1, format!("not a longitude: {lon:?}")))?;
    // Swapped columns are a common publishing slip; say so rather than "out of range".
    if !(-90.0..=90.0).contains(&la) && (-90.0..=90.0).contains(&lo) {
        return Err((
            0,
            format!("latitude {la} is out of range (latitude and longitude swapped?)"),
        ));
    }
    if !(-90.0..=90.0).contains(&la) {
        return Err((0, format!("latitude {la} is out of range -90..90")));
    }
    if !(-180.0..=180.0).contains(&lo) {
        return Err((1, format!("longitude {lo} is out of range -180..180")));
    }
    if la == 0.0 && lo == 0.0 {
        return Err((0, "coordinates 0,0 are a placeholder, not a place".into()));
    }
    GeoPoint::new(la, lo)
        .map(Some)
        .map_err(|e| (0, e.to_string()))
}

/// A finite decimal number (full-width digits and thousands separators allowed).
pub(crate) fn number(text: &str) -> Option<f64> {
    let t = nfkc(text).replace(',', "");
    if t.is_empty() {
        return None;
    }
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A count such as `1,200`, `500人` or `約300`.
pub(crate) fn count(text: &str) -> Result<Option<u32>, String> {
    let t = nfkc(text).replace(',', "");
    if t.is_empty() {
        return Ok(None);
    }
    let digits = t
        .trim_start_matches('約')
        .trim_end_matches(['人', '名'])
        .trim();
    digits
        .parse::<u32>()
        .map(Some)
        .map_err(|_| format!("not a whole number: {text:?}"))
}

/// An elevation in metres such as `12.5`, `12.5m` or `-1`.
pub(crate) fn metres(text: &str) -> Result<Option<f64>, String> {
    let t = nfkc(text);
    if t.is_empty() {
        return Ok(None);
    }
    let v = t
        .trim_end_matches(['m', 'M', 'ｍ'])
        .trim_end_matches("メートル");
    number(v)
        .map(Some)
        .ok_or_else(|| format!("not a height in metres: {text:?}"))
}

/// A yes/no flag as templates write it: `1`, `○`, `◯`, `〇`, `有`, `true` …
/// for yes; blank, `0`, `×`, `無`, `-` … for no.
pub(crate) fn flag(text: &str) -> Result<bool, String> {
    let t = nfkc(text).to_lowercase();
    match t.as_str() {
        "1" | "○" | "◯" | "〇" | "●" | "◎" | "有" | "有り" | "あり" | "可" | "true" | "yes"
        | "y" | "t" => Ok(true),
        "" | "0" | "×" | "✕" | "x" | "無" | "無し" | "なし" | "-" | "−" | "ー" | "不可"
        | "false" | "no" | "n" | "f" => Ok(false),
        _ => Err(format!("not a yes/no flag (expected 1 or blank): {text:?}")),
    }
}

/// A time of day: `9:00`, `09:00`, `9時`, `9時30分`, `0930`. `24:00` is
/// allowed and returned as `(24, 0)`.
pub(crate) fn time_of_day(text: &str) -> Result<(u32, u32), String> {
    let t = nfkc(text);
    let bad = || format!("not a time of day (expected HH:MM): {text:?}");
    let (h, m) = if let Some((h, m)) = t.split_once(':') {
        // `9:00:00` (seconds) also appears in spreadsheet exports.
        let m = m.split(':').next().unwrap_or("");
        (h.to_string(), m.to_string())
    } else if let Some(rest) = t.strip_suffix('分') {
        let (h, m) = rest.split_once('時').ok_or_else(bad)?;
        (h.to_string(), m.to_string())
    } else if let Some(h) = t.strip_suffix('時') {
        (h.to_string(), "0".to_string())
    } else if t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()) {
        (t[..2].to_string(), t[2..].to_string())
    } else {
        return Err(bad());
    };
    let h: u32 = h.trim().parse().map_err(|_| bad())?;
    let m: u32 = m.trim().parse().map_err(|_| bad())?;
    if m > 59 || h > 24 || (h == 24 && m != 0) {
        return Err(bad());
    }
    Ok((h, m))
}

/// A time of day as a `NaiveTime` (`24:00` is read as end of day 23:59:59).
pub(crate) fn naive_time(text: &str) -> Result<Option<NaiveTime>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let (h, m) = time_of_day(text)?;
    let t = if h == 24 {
        NaiveTime::from_hms_opt(23, 59, 59)
    } else {
        NaiveTime::from_hms_opt(h, m, 0)
    };
    t.map(Some)
        .ok_or_else(|| format!("not a time of day: {text:?}"))
}

/// A calendar date: `2026-04-01`, `2026/4/1`, `2026年4月1日`, `20260401`,
/// or Japanese era `令和8年4月1日` / `R8.4.1` / `平成31年4月30日`.
pub(crate) fn date(text: &str) -> Result<NaiveDate, String> {
    let t = nfkc(text);
    let bad = || format!("not a date (expected YYYY-MM-DD): {text:?}");
    if t.len() == 8 && t.chars().all(|c| c.is_ascii_digit()) {
        let n = |r: std::ops::Range<usize>| t[r].parse::<u32>().map_err(|_| bad());
        return NaiveDate::from_ymd_opt(n(0..4)? as i32, n(4..6)?, n(6..8)?).ok_or_else(bad);
    }
    let (era_base, rest) = if let Some(r) = t.strip_prefix("令和").or_else(|| t.strip_prefix('R'))
    {
        (Some(2018), r)
    } else if let Some(r) = t.strip_prefix("平成").or_else(|| t.strip_prefix('H')) {
        (Some(1988), r)
    } else {
        (None, t.as_str())
    };
    let rest = rest.replace("元年", "1年");
    let parts: Vec<&str> = rest
        .split(['-', '/', '.', '年', '月', '日'])
        .filter(|p| !p.is_empty())
        .collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(bad());
    };
    let y: i32 = y.trim().parse().map_err(|_| bad())?;
    let y = era_base.map(|b| b + y).unwrap_or(y);
    let m: u32 = m.trim().parse().map_err(|_| bad())?;
    let d: u32 = d.trim().parse().map_err(|_| bad())?;
    if !(1000..=9999).contains(&y) {
        return Err(bad());
    }
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(bad)
}

/// Joins the non-blank parts with `sep`.
pub(crate) fn join(parts: &[&str], sep: &str) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(sep)
}

/// A phone number with its extension, e.g. `0957-63-1111 (内線 212)`.
pub(crate) fn phone(number: &str, extension: &str) -> Option<String> {
    match (number.trim(), extension.trim()) {
        ("", _) => None,
        (n, "") => Some(n.to_string()),
        (n, e) => Some(format!("{n} (内線 {e})")),
    }
}

/// `Some(text)` unless blank.
pub(crate) fn non_blank(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_check_range_and_swaps() {
        assert!(coordinates("32.78926", "130.36723").unwrap().is_some());
        assert_eq!(coordinates("", "").unwrap(), None);
        assert_eq!(coordinates("abc", "130").unwrap_err().0, 0);
        assert_eq!(coordinates("32", "").unwrap_err().0, 1);
        assert!(coordinates("130.3", "32.7")
            .unwrap_err()
            .1
            .contains("swapped"));
        assert_eq!(coordinates("32", "200").unwrap_err().0, 1);
        assert!(coordinates("0", "0").is_err());
        assert!(coordinates("３２．５", "１３０").unwrap().is_some());
    }

    #[test]
    fn times_and_dates() {
        assert_eq!(time_of_day("9:00"), Ok((9, 0)));
        assert_eq!(time_of_day("１７：３０"), Ok((17, 30)));
        assert_eq!(time_of_day("9時30分"), Ok((9, 30)));
        assert_eq!(time_of_day("24:00"), Ok((24, 0)));
        assert!(time_of_day("25:00").is_err());
        assert!(time_of_day("朝").is_err());
        let d = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
        for t in [
            "2026-04-01",
            "2026/4/1",
            "2026年4月1日",
            "20260401",
            "令和8年4月1日",
            "R8.4.1",
        ] {
            assert_eq!(date(t), Ok(d), "{t}");
        }
        assert!(date("2026/2/30").is_err());
        assert!(date("soon").is_err());
    }

    #[test]
    fn flags_and_counts() {
        assert_eq!(flag("1"), Ok(true));
        assert_eq!(flag("○"), Ok(true));
        assert_eq!(flag(""), Ok(false));
        assert!(flag("maybe").is_err());
        assert_eq!(count("1,200人"), Ok(Some(1200)));
        assert_eq!(count(""), Ok(None));
        assert!(count("many").is_err());
        assert_eq!(metres("12.5m"), Ok(Some(12.5)));
    }
}
