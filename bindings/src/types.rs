//! Records shared by several parts of the facade, and conversions between
//! FFI values (plain strings and numbers) and the core's types.
//!
//! Dates and times cross the FFI as ISO 8601 text (`2026-11-21`,
//! `2026-11-21T14:30`, `09:30`): every platform parses them, and a bad one is
//! an `InvalidInput` error rather than a silent default.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use machi_common::{GeoPoint as CorePoint, Hazard as CoreHazard};

use crate::error::{MachiError, Result};

/// A WGS 84 position in decimal degrees.
#[derive(Debug, Clone, Copy, PartialEq, uniffi::Record)]
pub struct GeoPoint {
    /// Latitude, −90..=90.
    pub lat: f64,
    /// Longitude, −180..=180.
    pub lon: f64,
}

impl GeoPoint {
    /// The checked core point; out of range or NaN is `InvalidInput`.
    pub(crate) fn to_core(self) -> Result<CorePoint> {
        Ok(CorePoint::new(self.lat, self.lon)?)
    }
}

impl From<CorePoint> for GeoPoint {
    fn from(p: CorePoint) -> Self {
        GeoPoint {
            lat: p.lat,
            lon: p.lon,
        }
    }
}

/// The eight hazard kinds an evacuation place is certified for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Hazard {
    /// 洪水 — river flood.
    Flood,
    /// 崖崩れ、土石流及び地滑り — landslide, debris flow.
    Landslide,
    /// 高潮 — storm surge.
    StormSurge,
    /// 地震 — earthquake.
    Earthquake,
    /// 津波 — tsunami.
    Tsunami,
    /// 大規模な火事 — large fire.
    Fire,
    /// 内水氾濫 — inland flooding.
    InlandFlood,
    /// 火山現象 — volcanic phenomena.
    Volcano,
}

impl From<Hazard> for CoreHazard {
    fn from(h: Hazard) -> Self {
        match h {
            Hazard::Flood => CoreHazard::Flood,
            Hazard::Landslide => CoreHazard::Landslide,
            Hazard::StormSurge => CoreHazard::StormSurge,
            Hazard::Earthquake => CoreHazard::Earthquake,
            Hazard::Tsunami => CoreHazard::Tsunami,
            Hazard::Fire => CoreHazard::Fire,
            Hazard::InlandFlood => CoreHazard::InlandFlood,
            Hazard::Volcano => CoreHazard::Volcano,
        }
    }
}

impl From<CoreHazard> for Hazard {
    fn from(h: CoreHazard) -> Self {
        match h {
            CoreHazard::Flood => Hazard::Flood,
            CoreHazard::Landslide => Hazard::Landslide,
            CoreHazard::StormSurge => Hazard::StormSurge,
            CoreHazard::Earthquake => Hazard::Earthquake,
            CoreHazard::Tsunami => Hazard::Tsunami,
            CoreHazard::Fire => Hazard::Fire,
            CoreHazard::InlandFlood => Hazard::InlandFlood,
            CoreHazard::Volcano => Hazard::Volcano,
        }
    }
}

/// A text resolved for the reader's language chain.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Text {
    /// The text (may carry easy-Japanese ruby markup `{漢字|かんじ}`; see
    /// `Machi::ruby_segments`).
    pub text: String,
    /// Its language tag (`ja`, `en`, …).
    pub lang: String,
    /// True when it is not in the reader's first language: show the
    /// `common-shown-in-lang` note.
    pub is_fallback: bool,
}

impl From<machi_app::Text> for Text {
    fn from(t: machi_app::Text) -> Self {
        Text {
            text: t.text,
            lang: t.lang.tag().to_string(),
            is_fallback: t.is_fallback,
        }
    }
}

/// One piece of display text: `ruby` is the reading to draw above `base`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RubySegment {
    /// The text to show.
    pub base: String,
    /// Its reading (furigana), when it has one.
    pub ruby: Option<String>,
}

/// Converts an optional core text.
pub(crate) fn text(t: Option<machi_app::Text>) -> Option<Text> {
    t.map(Text::from)
}

/// Parses `YYYY-MM-DD`.
pub(crate) fn parse_date(s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|e| MachiError::invalid(format!("date {s:?} (want YYYY-MM-DD): {e}")))
}

/// Parses `YYYY-MM-DDTHH:MM` (seconds optional; a space may replace `T`).
pub(crate) fn parse_datetime(s: &str) -> Result<NaiveDateTime> {
    let t = s.trim().replacen(' ', "T", 1);
    ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(&t, f).ok())
        .ok_or_else(|| MachiError::invalid(format!("date-time {s:?} (want YYYY-MM-DDTHH:MM)")))
}

/// `HH:MM`.
pub(crate) fn fmt_time(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// `YYYY-MM-DD`.
pub(crate) fn fmt_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_or_fail_as_invalid_input() {
        assert_eq!(fmt_date(parse_date("2026-11-21").unwrap()), "2026-11-21");
        assert!(matches!(
            parse_date("21/11/2026"),
            Err(MachiError::InvalidInput { .. })
        ));
        assert!(parse_datetime("2026-11-21T14:30").is_ok());
        assert!(parse_datetime("2026-11-21 14:30:05").is_ok());
        assert!(parse_datetime("tomorrow").is_err());
    }

    #[test]
    fn points_are_checked() {
        assert!(GeoPoint {
            lat: 36.7,
            lon: 140.7
        }
        .to_core()
        .is_ok());
        assert!(GeoPoint {
            lat: f64::NAN,
            lon: 0.0
        }
        .to_core()
        .is_err());
        assert!(GeoPoint {
            lat: 91.0,
            lon: 0.0
        }
        .to_core()
        .is_err());
    }

    #[test]
    fn hazards_round_trip() {
        for h in CoreHazard::ALL {
            assert_eq!(CoreHazard::from(Hazard::from(h)), h);
        }
    }
}
