//! Value parsers for GTFS columns; each error names the column and the value.

use chrono::NaiveDate;

use crate::error::{GtfsError, GtfsErrorKind};

/// Where a value came from, for error messages.
#[derive(Clone, Copy)]
pub(crate) struct At<'a> {
    pub file: &'a str,
    pub line: u64,
}

impl At<'_> {
    pub fn err(&self, kind: GtfsErrorKind) -> GtfsError {
        GtfsError::at(self.file, self.line, kind)
    }

    fn bad(&self, column: &str, value: &str, expected: &'static str) -> GtfsError {
        self.err(GtfsErrorKind::BadValue {
            column: column.to_string(),
            value: value.to_string(),
            expected,
        })
    }

    /// A value that must be present and non-empty.
    pub fn req<'v>(&self, column: &str, v: &'v Option<String>) -> Result<&'v str, GtfsError> {
        match v.as_deref() {
            Some(s) if !s.is_empty() => Ok(s),
            _ => Err(self.err(GtfsErrorKind::Empty(column.to_string()))),
        }
    }

    /// `H:MM:SS` or `HH:MM:SS` (hours may pass 24 for trips after midnight)
    /// as seconds after the service day's start.
    pub fn time(&self, column: &str, v: &str) -> Result<u32, GtfsError> {
        let bad = || self.bad(column, v, "a time H:MM:SS");
        let mut parts = v.split(':');
        let (Some(h), Some(m), s, None) = (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        let num = |t: &str, max: u32| -> Option<u32> {
            if t.is_empty() || t.len() > 3 || !t.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            t.parse::<u32>().ok().filter(|n| *n <= max)
        };
        let h = num(h, 167).ok_or_else(bad)?;
        let m = num(m, 59).filter(|_| m.len() == 2).ok_or_else(bad)?;
        // Seconds are required by GTFS; `HH:MM` is accepted as :00 because
        // some hand-made feeds drop them and the meaning is unambiguous.
        let s = match s {
            Some(s) => num(s, 59).filter(|_| s.len() == 2).ok_or_else(bad)?,
            None => 0,
        };
        Ok(h * 3600 + m * 60 + s)
    }

    /// `YYYYMMDD`.
    pub fn date(&self, column: &str, v: &str) -> Result<NaiveDate, GtfsError> {
        if v.len() == 8 && v.bytes().all(|b| b.is_ascii_digit()) {
            if let Ok(d) = NaiveDate::parse_from_str(v, "%Y%m%d") {
                return Ok(d);
            }
        }
        Err(self.bad(column, v, "a date YYYYMMDD"))
    }

    /// A non-negative integer.
    pub fn uint(&self, column: &str, v: &str) -> Result<u32, GtfsError> {
        v.parse::<u32>()
            .map_err(|_| self.bad(column, v, "a whole number"))
    }

    /// A price: a whole number, or a decimal with zeros after the point
    /// (`200.0`); yen have no subunit.
    pub fn price(&self, column: &str, v: &str) -> Result<u32, GtfsError> {
        let whole = match v.split_once('.') {
            Some((w, frac)) if frac.bytes().all(|b| b == b'0') => w,
            Some(_) => return Err(self.bad(column, v, "a price in whole units")),
            None => v,
        };
        whole
            .parse::<u32>()
            .map_err(|_| self.bad(column, v, "a price in whole units"))
    }

    /// `0` or `1` (days of the week in calendar.txt).
    pub fn flag(&self, column: &str, v: &Option<String>) -> Result<bool, GtfsError> {
        match self.req(column, v)? {
            "0" => Ok(false),
            "1" => Ok(true),
            other => Err(self.bad(column, other, "0 or 1")),
        }
    }

    /// A decimal degree.
    pub fn degree(&self, column: &str, v: &str) -> Result<f64, GtfsError> {
        v.parse::<f64>()
            .ok()
            .filter(|d| d.is_finite())
            .ok_or_else(|| self.bad(column, v, "a decimal degree"))
    }

    /// An optional small enumeration (`location_type`, `pickup_type`, …)
    /// with values `0..=max`; empty means 0.
    pub fn small(&self, column: &str, v: &Option<String>, max: u8) -> Result<u8, GtfsError> {
        match v.as_deref() {
            None | Some("") => Ok(0),
            Some(s) => s
                .parse::<u8>()
                .ok()
                .filter(|n| *n <= max)
                .ok_or_else(|| self.bad(column, s, "one of the format's codes")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AT: At<'static> = At {
        file: "stop_times.txt",
        line: 7,
    };

    #[test]
    fn times_padded_unpadded_and_after_midnight() {
        assert_eq!(AT.time("t", "6:10:00").unwrap(), 6 * 3600 + 600);
        assert_eq!(AT.time("t", "06:10:00").unwrap(), 6 * 3600 + 600);
        assert_eq!(AT.time("t", "25:01:30").unwrap(), 25 * 3600 + 90);
        assert_eq!(AT.time("t", "7:05").unwrap(), 7 * 3600 + 300);
        for bad in [
            "",
            "6",
            "6:1:00",
            "6:60:00",
            "6:00:61",
            "a:00:00",
            "6:00:00:00",
            "-1:00:00",
        ] {
            let e = AT.time("arrival_time", bad).unwrap_err();
            assert_eq!(e.line, Some(7));
            assert!(
                e.to_string().starts_with("stop_times.txt:7: arrival_time"),
                "{e}"
            );
        }
    }

    #[test]
    fn dates_and_prices() {
        assert_eq!(
            AT.date("date", "20180901").unwrap(),
            NaiveDate::from_ymd_opt(2018, 9, 1).unwrap()
        );
        assert!(AT.date("date", "2018-09-01").is_err());
        assert!(AT.date("date", "20180231").is_err());
        assert_eq!(AT.price("price", "200").unwrap(), 200);
        assert_eq!(AT.price("price", "200.00").unwrap(), 200);
        assert!(AT.price("price", "200.5").is_err());
        assert!(AT.price("price", "-1").is_err());
    }
}
