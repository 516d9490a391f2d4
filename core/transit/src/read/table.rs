//! One GTFS member file as typed rows: BOM and CRLF tolerated, columns found
//! by name in any order, unknown columns ignored, required columns checked
//! before any row is read so the error names the column, not a serde field.

use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::error::{GtfsError, GtfsErrorKind};

/// A row with the (1-based) line it starts on.
pub(crate) type Lined<T> = (u64, T);

/// Physical line numbers from byte offsets, counted forward as the reader
/// advances. The csv crate's own `Position::line` runs one low on CRLF files
/// (as GTFS-JP exports usually are), so lines are counted from the bytes
/// themselves: `\n` ends a line in both LF and CRLF files.
struct LineCounter<'a> {
    bytes: &'a [u8],
    offset: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        LineCounter {
            bytes,
            offset: 0,
            line: 1,
        }
    }

    /// The 1-based line of the first non-line-break byte at or after `at`;
    /// an offset before the previous one restarts the count from the start.
    fn line_at(&mut self, at: usize) -> u64 {
        let mut at = at.min(self.bytes.len());
        // On CRLF input the reader places a record after the `\r` that ended
        // the one before, i.e. on its `\n`: no record starts with a line break.
        while self
            .bytes
            .get(at)
            .is_some_and(|b| *b == b'\r' || *b == b'\n')
        {
            at += 1;
        }
        if at < self.offset {
            self.offset = 0;
            self.line = 1;
        }
        let newlines = self.bytes[self.offset..at]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        self.line += newlines as u64;
        self.offset = at;
        self.line
    }
}

/// Reads `bytes` as the CSV file `file`, checking that every column in
/// `required` is in the header. Empty fields deserialize as `None`.
pub(crate) fn read_rows<T: DeserializeOwned>(
    file: &str,
    bytes: &[u8],
    required: &[&str],
) -> Result<Vec<Lined<T>>, GtfsError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // GTFS is UTF-8; a Shift_JIS export is named as such, with its line.
    if let Err(e) = std::str::from_utf8(bytes) {
        let line = LineCounter::new(bytes).line_at(e.valid_up_to());
        return Err(GtfsError::at(
            file,
            line,
            GtfsErrorKind::Csv(
                "not UTF-8 (GTFS requires UTF-8; Shift_JIS exports must be converted)".into(),
            ),
        ));
    }
    let mut rdr = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(bytes);
    let headers = rdr
        .headers()
        .map_err(|e| GtfsError::at(file, 1, GtfsErrorKind::Csv(e.to_string())))?
        .clone();
    let headers: csv::StringRecord = headers
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim().to_ascii_lowercase())
        .collect();
    if let Some(missing) = required.iter().find(|c| !headers.iter().any(|h| h == **c)) {
        return Err(GtfsError::file(
            file,
            GtfsErrorKind::MissingColumn(missing.to_string()),
        ));
    }
    let mut lines = LineCounter::new(bytes);
    let mut rows = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map_or(0, |p| lines.line_at(p.byte() as usize));
            GtfsError::at(file, line, GtfsErrorKind::Csv(e.to_string()))
        })?;
        let line = rec
            .position()
            .map_or(0, |p| lines.line_at(p.byte() as usize));
        // A row of only empty fields (a trailing ",,,") carries nothing.
        if rec.iter().all(str::is_empty) {
            continue;
        }
        let row: T = rec
            .deserialize(Some(&headers))
            .map_err(|e| GtfsError::at(file, line, GtfsErrorKind::Csv(e.to_string())))?;
        rows.push((line, row));
    }
    Ok(rows)
}

/// The header of a file (lowercased, BOM stripped): used to tell the two
/// `translations.txt` layouts apart.
pub(crate) fn header_of(bytes: &[u8]) -> Vec<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut rdr = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(bytes);
    rdr.headers()
        .map(|h| h.iter().map(|c| c.trim().to_ascii_lowercase()).collect())
        .unwrap_or_default()
}

// The rows, one struct per file. Every field is text: values are parsed in
// `build` so that a bad value is reported with its column and line.

#[derive(Deserialize)]
pub(crate) struct AgencyRow {
    pub agency_id: Option<String>,
    pub agency_name: Option<String>,
    pub agency_url: Option<String>,
    pub agency_timezone: Option<String>,
    pub agency_lang: Option<String>,
    pub agency_phone: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct AgencyJpRow {
    pub agency_id: Option<String>,
    pub agency_official_name: Option<String>,
    pub agency_zip_number: Option<String>,
    pub agency_address: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct StopRow {
    pub stop_id: Option<String>,
    pub stop_name: Option<String>,
    pub stop_lat: Option<String>,
    pub stop_lon: Option<String>,
    pub location_type: Option<String>,
    pub parent_station: Option<String>,
    pub zone_id: Option<String>,
    pub platform_code: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct RouteRow {
    pub route_id: Option<String>,
    pub agency_id: Option<String>,
    pub route_short_name: Option<String>,
    pub route_long_name: Option<String>,
    pub route_type: Option<String>,
    pub jp_parent_route_id: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct RouteJpRow {
    pub route_id: Option<String>,
    pub origin_stop: Option<String>,
    pub via_stop: Option<String>,
    pub destination_stop: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct TripRow {
    pub route_id: Option<String>,
    pub service_id: Option<String>,
    pub trip_id: Option<String>,
    pub trip_headsign: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct StopTimeRow {
    pub trip_id: Option<String>,
    pub arrival_time: Option<String>,
    pub departure_time: Option<String>,
    pub stop_id: Option<String>,
    pub stop_sequence: Option<String>,
    pub stop_headsign: Option<String>,
    pub pickup_type: Option<String>,
    pub drop_off_type: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct CalendarRow {
    pub service_id: Option<String>,
    pub monday: Option<String>,
    pub tuesday: Option<String>,
    pub wednesday: Option<String>,
    pub thursday: Option<String>,
    pub friday: Option<String>,
    pub saturday: Option<String>,
    pub sunday: Option<String>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct CalendarDateRow {
    pub service_id: Option<String>,
    pub date: Option<String>,
    pub exception_type: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct FareAttributeRow {
    pub fare_id: Option<String>,
    pub price: Option<String>,
    pub currency_type: Option<String>,
    pub transfers: Option<String>,
    pub transfer_duration: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct FareRuleRow {
    pub fare_id: Option<String>,
    pub route_id: Option<String>,
    pub origin_id: Option<String>,
    pub destination_id: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct FeedInfoRow {
    pub feed_publisher_name: Option<String>,
    pub feed_publisher_url: Option<String>,
    pub feed_lang: Option<String>,
    pub feed_start_date: Option<String>,
    pub feed_end_date: Option<String>,
    pub feed_version: Option<String>,
}

/// `translations.txt`, old GTFS-JP layout: keyed by the Japanese text.
#[derive(Deserialize)]
pub(crate) struct OldTranslationRow {
    pub trans_id: Option<String>,
    pub lang: Option<String>,
    pub translation: Option<String>,
}

/// `translations.txt`, current GTFS layout: keyed by record or by field value.
#[derive(Deserialize)]
pub(crate) struct NewTranslationRow {
    pub table_name: Option<String>,
    pub field_name: Option<String>,
    pub language: Option<String>,
    pub translation: Option<String>,
    pub record_id: Option<String>,
    pub record_sub_id: Option<String>,
    pub field_value: Option<String>,
}
