//! How the core's own types cross the FFI, and the records shared by several
//! parts of the facade.
//!
//! The facade does not mirror the core's records: `#[uniffi::remote]`
//! declares the FFI shape of a `machi-app` (or `machi-common`) type in place,
//! and the compiler checks each declaration against the core type (a field
//! added, removed or retyped there fails to build here). Only records whose
//! FFI shape really differs stay separate: requests the facade validates
//! (ISO text parsed into dates, coordinates range-checked) and a few results
//! regrouped for the shells. uniffi gives every crate that derives FFI types
//! its own foreign module, so deriving in the core crates would split each
//! shell's imports (and Swift's C modules) across five modules; declaring the
//! core types here keeps one `machi_ffi` module with no conversion code.
//!
//! Dates and times cross as ISO 8601 text (`2026-11-21`, `09:30`): every
//! platform reads them. Instants cross as the platform's own time type.

use std::time::SystemTime;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Utc};
use machi_app::Text;
use machi_common::clock;
use machi_common::{GeoPoint, Hazard, Lang};

use crate::error::{MachiError, Result};

/// An instant (UTC); `Instant`/`Date`/`datetime` on the platforms.
pub type UtcTime = DateTime<Utc>;
/// An instant with the UTC offset it was given in (a notice's own time
/// zone), RFC 3339 text on the platforms (`2026-11-21T14:05:00+09:00`).
pub type OffsetTime = DateTime<FixedOffset>;
/// A calendar day, `YYYY-MM-DD` on the platforms.
pub type IsoDate = NaiveDate;
/// A time of day, `HH:MM` on the platforms.
pub type IsoTime = NaiveTime;

uniffi::custom_type!(UtcTime, SystemTime, {
    remote,
    lower: |t| t.into(),
    try_lift: |t| Ok(t.into()),
});

uniffi::custom_type!(OffsetTime, String, {
    remote,
    lower: |t| t.to_rfc3339(),
    try_lift: |s| Ok(DateTime::parse_from_rfc3339(&s)?),
});

uniffi::custom_type!(IsoDate, String, {
    remote,
    lower: |d| clock::fmt_date(d),
    try_lift: |s| Ok(clock::parse_date(&s)?),
});

uniffi::custom_type!(IsoTime, String, {
    remote,
    lower: |t| clock::fmt_time(t),
    try_lift: |s| Ok(clock::parse_time(&s)?),
});

// A language crosses as its canonical BCP 47 tag (`ja-yasasii`, `zh-Hant`).
uniffi::custom_type!(Lang, String, {
    remote,
    lower: |l| l.tag().to_string(),
    try_lift: |s| Ok(Lang::from_tag(&s)?),
});

/// A WGS 84 position in decimal degrees (latitude −90..=90, longitude
/// −180..=180). Positions from a shell are range-checked with [`checked`]
/// before use.
#[uniffi::remote(Record)]
pub struct GeoPoint {
    pub lat: f64,
    pub lon: f64,
}

/// The eight hazard kinds an evacuation place is certified for
/// (flood, landslide, storm surge, earthquake, tsunami, large fire, inland
/// flooding, volcanic phenomena).
#[uniffi::remote(Enum)]
pub enum Hazard {
    Flood,
    Landslide,
    StormSurge,
    Earthquake,
    Tsunami,
    Fire,
    InlandFlood,
    Volcano,
}

/// A text resolved for the reader's language chain: `text` (may carry
/// easy-Japanese ruby markup `{漢字|かんじ}`, see `Machi::ruby_segments`),
/// its language tag, and `is_fallback` when it is not in the reader's first
/// language (show the `common-shown-in-lang` note).
#[uniffi::remote(Record)]
pub struct Text {
    pub text: String,
    pub lang: Lang,
    pub is_fallback: bool,
}

/// One piece of display text: `ruby` is the reading to draw above `base`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RubySegment {
    /// The text to show.
    pub base: String,
    /// Its reading (furigana), when it has one.
    pub ruby: Option<String>,
}

/// The checked core point; out of range or NaN is `InvalidInput`.
pub(crate) fn checked(p: GeoPoint) -> Result<GeoPoint> {
    Ok(GeoPoint::new(p.lat, p.lon)?)
}

/// Parses `YYYY-MM-DD`; anything else is `InvalidInput`.
pub(crate) fn parse_date(s: &str) -> Result<NaiveDate> {
    clock::parse_date(s).map_err(|e| MachiError::invalid(e.to_string()))
}

/// Parses `HH:MM` (seconds optional); anything else is `InvalidInput`.
pub(crate) fn parse_time(s: &str) -> Result<NaiveTime> {
    clock::parse_time(s).map_err(|e| MachiError::invalid(e.to_string()))
}

/// Parses `YYYY-MM-DDTHH:MM` (seconds optional, a space may replace `T`).
pub(crate) fn parse_datetime(s: &str) -> Result<chrono::NaiveDateTime> {
    clock::parse_datetime(s).map_err(|e| MachiError::invalid(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_or_fail_as_invalid_input() {
        assert_eq!(
            clock::fmt_date(parse_date("2026-11-21").unwrap()),
            "2026-11-21"
        );
        assert!(matches!(
            parse_date("21/11/2026"),
            Err(MachiError::InvalidInput { .. })
        ));
        assert!(parse_datetime("2026-11-21T14:30").is_ok());
        assert!(parse_datetime("2026-11-21 14:30:05").is_ok());
        assert!(parse_datetime("tomorrow").is_err());
        assert!(matches!(
            parse_time("10h"),
            Err(MachiError::InvalidInput { .. })
        ));
    }

    #[test]
    fn points_are_checked() {
        assert!(checked(GeoPoint {
            lat: 36.7,
            lon: 140.7
        })
        .is_ok());
        for (lat, lon) in [(f64::NAN, 0.0), (91.0, 0.0), (0.0, 181.0)] {
            assert!(checked(GeoPoint { lat, lon }).is_err());
        }
    }
}
