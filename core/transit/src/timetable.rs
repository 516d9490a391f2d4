//! The compact timetable built from a feed: what the pack stores (one serde
//! blob) and what the connection search reads.
//!
//! Indices (`u32`) point into the timetable's own vectors; ids from the feed
//! are kept for display and debugging. Times are seconds after the start of
//! the service day (GTFS "noon minus 12 h", which is midnight in Japan) and
//! may exceed 24 h for trips running past midnight.

use chrono::{Datelike, NaiveDate, Weekday};
use machi_common::{GeoPoint, Lang, LocalizedText};
use serde::{Deserialize, Serialize};

/// The version of the blob layout written by [`Timetable::to_blob`].
pub const BLOB_FORMAT: u32 = 1;

/// A name in the feed's languages: Japanese always, others from
/// `translations.txt`, and the kana reading (`ja-Hrkt`) when given.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Name {
    /// The display text per language (Japanese always present unless the feed left it empty).
    pub text: LocalizedText,
    /// The kana reading (`ja-Hrkt`), for furigana and easy Japanese.
    pub kana: Option<String>,
}

impl Name {
    /// The text in `lang`, falling back to Japanese (then any language present).
    pub fn get(&self, lang: Lang) -> &str {
        self.text.text_for(&[lang])
    }

    /// True when no language has any text.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// An operator (`agency.txt` with `agency_jp.txt`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agency {
    /// `agency_id` (empty when the feed has one agency and no id).
    pub id: String,
    /// `agency_name`, translated.
    pub name: Name,
    /// `agency_url`.
    pub url: String,
    /// `agency_timezone`, e.g. `Asia/Tokyo`.
    pub timezone: String,
    /// `agency_phone`.
    pub phone: Option<String>,
    /// `agency_lang`.
    pub lang: Option<String>,
    /// `agency_jp.agency_official_name` (e.g. 入善町).
    pub official_name: Option<String>,
    /// `agency_jp.agency_zip_number`.
    pub zip: Option<String>,
    /// `agency_jp.agency_address`.
    pub address: Option<String>,
}

/// `feed_info.txt`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedMeta {
    /// `feed_publisher_name`.
    pub publisher: String,
    /// `feed_publisher_url`.
    pub url: String,
    /// `feed_lang`.
    pub lang: String,
    /// `feed_start_date`.
    pub start: Option<NaiveDate>,
    /// `feed_end_date`.
    pub end: Option<NaiveDate>,
    /// `feed_version`.
    pub version: Option<String>,
}

/// What a `stops.txt` row is (`location_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StopKind {
    /// `0`: a stop or pole (標柱) where vehicles call.
    Stop,
    /// `1`: a station grouping poles (停留所).
    Station,
    /// `2`–`4`: entrance, generic node, boarding area.
    Other,
}

/// A stop, pole or station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stop {
    /// `stop_id`.
    pub id: String,
    /// `stop_name`, translated.
    pub name: Name,
    /// Where it is.
    pub point: GeoPoint,
    /// `location_type`.
    pub kind: StopKind,
    /// `parent_station` as an index into [`Timetable::stops`].
    pub parent: Option<u32>,
    /// `zone_id` as an index into [`Timetable::zones`].
    pub zone: Option<u32>,
    /// `platform_code` (のりば).
    pub platform: Option<String>,
}

/// A route (系統).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Route {
    /// `route_id`.
    pub id: String,
    /// Index into [`Timetable::agencies`].
    pub agency: u32,
    /// `route_short_name`, translated (often empty in GTFS-JP).
    pub short_name: Name,
    /// `route_long_name`, translated.
    pub long_name: Name,
    /// `route_type` (3 = bus, 2 = rail).
    pub route_type: u16,
    /// `jp_parent_route_id`: the line (路線) this route belongs to.
    pub parent_route_id: Option<String>,
    /// `routes_jp.origin_stop`.
    pub origin: Option<Name>,
    /// `routes_jp.via_stop`.
    pub via: Option<Name>,
    /// `routes_jp.destination_stop`.
    pub destination: Option<Name>,
}

impl Route {
    /// The name to show: the short name if any, else the long name.
    pub fn display_name(&self, lang: Lang) -> &str {
        if self.short_name.is_empty() {
            self.long_name.get(lang)
        } else {
            self.short_name.get(lang)
        }
    }
}

/// One run of a vehicle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trip {
    /// `trip_id`.
    pub id: String,
    /// Index into [`Timetable::routes`].
    pub route: u32,
    /// Index into [`Timetable::services`].
    pub service: u32,
    /// `trip_headsign`; when empty, the first `stop_headsign`, the route's
    /// `routes_jp.destination_stop`, or the last stop's name, in that order.
    pub headsign: Name,
}

/// When a service runs (`calendar.txt` with `calendar_dates.txt`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Service {
    /// `service_id`.
    pub id: String,
    /// Days of the week, bit 0 = Monday … bit 6 = Sunday (0 without a calendar row).
    pub weekdays: u8,
    /// `start_date`, inclusive (none without a calendar row).
    pub start: Option<NaiveDate>,
    /// `end_date`, inclusive.
    pub end: Option<NaiveDate>,
    /// `exception_type = 1` dates, sorted.
    pub added: Vec<NaiveDate>,
    /// `exception_type = 2` dates, sorted.
    pub removed: Vec<NaiveDate>,
}

/// A vehicle going from one stop to the next without stopping.
///
/// Serialized as the array `[dep, arr, from, to, trip, seq, flags]` (flags:
/// bit 0 pickup, bit 1 drop-off): connections are most of a timetable, and
/// field names would double the blob.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "ConnectionRow", from = "ConnectionRow")]
pub struct Connection {
    /// Departure from `from`, seconds after the service day's start.
    pub dep: u32,
    /// Arrival at `to`, seconds after the service day's start.
    pub arr: u32,
    /// Index into [`Timetable::stops`].
    pub from: u32,
    /// Index into [`Timetable::stops`].
    pub to: u32,
    /// Index into [`Timetable::trips`].
    pub trip: u32,
    /// Position of `from` in the trip (0 for the first stop).
    pub seq: u16,
    /// Whether passengers may board at `from` (`pickup_type` ≠ 1).
    pub pickup: bool,
    /// Whether passengers may alight at `to` (`drop_off_type` ≠ 1).
    pub drop_off: bool,
}

/// The serialized form of a [`Connection`].
#[derive(Serialize, Deserialize)]
struct ConnectionRow(u32, u32, u32, u32, u32, u16, u8);

impl From<Connection> for ConnectionRow {
    fn from(c: Connection) -> Self {
        let flags = u8::from(c.pickup) | (u8::from(c.drop_off) << 1);
        ConnectionRow(c.dep, c.arr, c.from, c.to, c.trip, c.seq, flags)
    }
}

impl From<ConnectionRow> for Connection {
    fn from(r: ConnectionRow) -> Self {
        Connection {
            dep: r.0,
            arr: r.1,
            from: r.2,
            to: r.3,
            trip: r.4,
            seq: r.5,
            pickup: r.6 & 1 != 0,
            drop_off: r.6 & 2 != 0,
        }
    }
}

/// A fare (`fare_attributes.txt`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fare {
    /// `fare_id`.
    pub id: String,
    /// `price` in whole units of `currency` (yen).
    pub price: u32,
    /// `currency_type`, e.g. `JPY`.
    pub currency: String,
}

/// When a fare applies (`fare_rules.txt`): every given part must match.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FareRule {
    /// Index into [`Timetable::fares`].
    pub fare: u32,
    /// Index into [`Timetable::routes`]; none = any route.
    pub route: Option<u32>,
    /// Boarding zone, index into [`Timetable::zones`]; none = any.
    pub origin: Option<u32>,
    /// Alighting zone, index into [`Timetable::zones`]; none = any.
    pub destination: Option<u32>,
}

/// How a date picks its services beyond what the feed says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CalendarOptions {
    /// Treat a Japanese public holiday as a Sunday — but only when no
    /// service of the feed lists that date in `calendar_dates.txt`: a feed
    /// that says what runs on a holiday is followed as written.
    pub holidays_as_sunday: bool,
}

/// The whole timetable of one feed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timetable {
    /// [`BLOB_FORMAT`] when written.
    pub format: u32,
    /// Operators.
    pub agencies: Vec<Agency>,
    /// `feed_info.txt`, when present.
    pub feed: Option<FeedMeta>,
    /// Stops, poles and stations.
    pub stops: Vec<Stop>,
    /// Routes.
    pub routes: Vec<Route>,
    /// Trips.
    pub trips: Vec<Trip>,
    /// Services.
    pub services: Vec<Service>,
    /// Every dated exception of any service, sorted and deduplicated.
    pub exception_dates: Vec<NaiveDate>,
    /// All connections, sorted by departure (then arrival).
    pub connections: Vec<Connection>,
    /// Fares.
    pub fares: Vec<Fare>,
    /// Fare rules.
    pub fare_rules: Vec<FareRule>,
    /// `zone_id`s, indexed by [`Stop::zone`].
    pub zones: Vec<String>,
}

/// Whether `date` is a Japanese public holiday (the embedded list of the
/// `opening-hours` crate, the same one opening hours use).
pub fn is_public_holiday(date: NaiveDate) -> bool {
    use std::sync::OnceLock;
    static JP: OnceLock<opening_hours::ContextHolidays> = OnceLock::new();
    JP.get_or_init(|| opening_hours::localization::Country::JP.holidays())
        .get_public()
        .contains(date)
}

impl Service {
    /// Whether the service runs on `date`, its weekly pattern read as `weekday`.
    fn runs(&self, date: NaiveDate, weekday: Weekday) -> bool {
        if self.removed.binary_search(&date).is_ok() {
            return false;
        }
        if self.added.binary_search(&date).is_ok() {
            return true;
        }
        let in_range =
            matches!((self.start, self.end), (Some(s), Some(e)) if s <= date && date <= e);
        in_range && self.weekdays & (1 << weekday.num_days_from_monday()) != 0
    }
}

impl Timetable {
    /// For each service (by index), whether it runs on `date`.
    ///
    /// `calendar_dates.txt` wins over `calendar.txt`, and applies on any
    /// date, also outside the calendar's range. With
    /// [`CalendarOptions::holidays_as_sunday`], a public holiday that no
    /// service lists in `calendar_dates.txt` follows the Sunday pattern.
    pub fn services_on(&self, date: NaiveDate, opts: CalendarOptions) -> Vec<bool> {
        let listed = self.exception_dates.binary_search(&date).is_ok();
        let weekday = if opts.holidays_as_sunday && !listed && is_public_holiday(date) {
            Weekday::Sun
        } else {
            date.weekday()
        };
        self.services
            .iter()
            .map(|s| s.runs(date, weekday))
            .collect()
    }

    /// The stop with this `stop_id`.
    pub fn stop_by_id(&self, id: &str) -> Option<u32> {
        self.stops.iter().position(|s| s.id == id).map(|i| i as u32)
    }

    /// Stops and stations whose Japanese or translated name is exactly `name`.
    pub fn stops_named(&self, name: &str) -> Vec<u32> {
        (0..self.stops.len() as u32)
            .filter(|&i| {
                self.stops[i as usize]
                    .name
                    .text
                    .iter()
                    .any(|(_, t)| t == name)
            })
            .collect()
    }

    /// The fare of riding `route` from `from` to `to` (stop indices): the
    /// cheapest fare whose rule matches the route and the stops' zones.
    /// `None` when no rule matches (the feed does not say). A feed with a
    /// single fare and no rules charges that fare on every ride.
    pub fn fare_for(&self, route: u32, from: u32, to: u32) -> Option<&Fare> {
        let zone = |s: u32| self.stops.get(s as usize).and_then(|s| s.zone);
        let (zf, zt) = (zone(from), zone(to));
        // GTFS: a feed with one fare and no rules charges it on every ride.
        if self.fare_rules.is_empty() && self.fares.len() == 1 {
            return self.fares.first();
        }
        self.fare_rules
            .iter()
            .filter(|r| r.route.is_none_or(|x| x == route))
            .filter(|r| r.origin.is_none_or(|z| Some(z) == zf))
            .filter(|r| r.destination.is_none_or(|z| Some(z) == zt))
            .filter_map(|r| self.fares.get(r.fare as usize))
            .min_by_key(|f| f.price)
    }

    /// The timetable as one blob for the content pack (JSON, self-describing
    /// and versioned by [`Timetable::format`]).
    pub fn to_blob(&self) -> Vec<u8> {
        // Serializing plain structs to a Vec cannot fail.
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// Reads a blob written by [`Timetable::to_blob`].
    pub fn from_blob(bytes: &[u8]) -> Result<Timetable, BlobError> {
        let t: Timetable =
            serde_json::from_slice(bytes).map_err(|e| BlobError::Syntax(e.to_string()))?;
        if t.format != BLOB_FORMAT {
            return Err(BlobError::Format(t.format));
        }
        t.check().map_err(BlobError::Inconsistent)?;
        Ok(t)
    }
}

impl Timetable {
    /// Every index in range and every time below a week: what the search
    /// relies on, checked once when a blob is read rather than on each query.
    fn check(&self) -> Result<(), String> {
        let (ns, nt, nr) = (self.stops.len(), self.trips.len(), self.routes.len());
        let week = 7 * 86_400;
        for (i, c) in self.connections.iter().enumerate() {
            if c.from as usize >= ns || c.to as usize >= ns || c.trip as usize >= nt {
                return Err(format!("connection {i} points outside the timetable"));
            }
            if c.dep > c.arr || c.arr >= week {
                return Err(format!("connection {i} has times {}..{}", c.dep, c.arr));
            }
        }
        if self.connections.windows(2).any(|w| w[0].dep > w[1].dep) {
            return Err("connections are not sorted by departure".into());
        }
        for t in &self.trips {
            if t.route as usize >= nr || t.service as usize >= self.services.len() {
                return Err(format!("trip {} points outside the timetable", t.id));
            }
        }
        for s in &self.stops {
            if s.parent.is_some_and(|p| p as usize >= ns)
                || s.zone.is_some_and(|z| z as usize >= self.zones.len())
            {
                return Err(format!("stop {} points outside the timetable", s.id));
            }
        }
        for r in &self.fare_rules {
            if r.fare as usize >= self.fares.len() || r.route.is_some_and(|x| x as usize >= nr) {
                return Err("a fare rule points outside the timetable".into());
            }
        }
        Ok(())
    }
}

/// A timetable blob that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BlobError {
    /// Not a timetable blob.
    #[error("not a timetable blob: {0}")]
    Syntax(String),
    /// Written by a layout this build does not read.
    #[error("timetable blob format {0} is not {BLOB_FORMAT}")]
    Format(u32),
    /// Parsed, but its indices or times do not hold together.
    #[error("timetable blob is inconsistent: {0}")]
    Inconsistent(String),
}
