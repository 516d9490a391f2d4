//! The content model: what a content pack carries and the store holds.
//!
//! Every human-readable field is a [`LocalizedText`]; content is authored in
//! Japanese and translated where the publisher could. Identifiers are stable
//! strings chosen by the pack source, so a newer pack can replace, update or
//! remove an item by id (delta packs rely on this).

use chrono::{NaiveDate, NaiveTime};
use machi_common::{GeoPoint, Hazard, Lang, LocalizedText};
use serde::{Deserialize, Serialize};

pub use machi_procedures::ProceduresData;

mod mobility;
pub use mobility::{BicycleRental, Mobility, ReturnRule, TaxiStand, TaxiTariff};

/// Everything one content pack holds, fully parsed and validated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct PackData {
    /// Who published the pack and for which town.
    pub meta: PackMeta,
    /// Tourism spots (観光施設).
    #[serde(default)]
    pub spots: Vec<Spot>,
    /// Events (イベント).
    #[serde(default)]
    pub events: Vec<Event>,
    /// Designated emergency evacuation places and designated shelters.
    #[serde(default)]
    pub shelters: Vec<Shelter>,
    /// Garbage sorting and collection rules (5374 format).
    #[serde(default)]
    pub garbage: GarbageData,
    /// Municipal departments, referenced by FAQ entries.
    #[serde(default)]
    pub departments: Vec<Department>,
    /// FAQ entries about municipal procedures.
    #[serde(default)]
    pub faq: Vec<FaqEntry>,
    /// Synonym sets the FAQ search expands queries with (may be bilingual).
    #[serde(default)]
    pub synonyms: Vec<SynonymSet>,
    /// Seasonal congestion and road-closure rules for the course planner.
    #[serde(default)]
    pub congestion: Vec<CongestionRule>,
    /// Measured travel times that override the distance estimate.
    #[serde(default)]
    pub travel_times: Vec<TravelTime>,
    /// Sample or standing notices, as the original CAP / JMA XML documents.
    #[serde(default)]
    pub notices: Vec<NoticeDocument>,
    /// Municipal procedures, life events and the eligibility questionnaire.
    #[serde(default, skip_serializing_if = "ProceduresData::is_empty")]
    pub procedures: ProceduresData,
    /// The public-transport timetable imported from the source's `transit/`
    /// GTFS-JP feed, when it has one (packs before issue 16 have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transit: Option<TransitData>,
    /// Taxis and rental bicycles for the course planner, from the source's
    /// `course.toml` (empty, and absent from the JSON, in packs without them,
    /// so packs from before issue 16 install unchanged).
    #[serde(default, skip_serializing_if = "Mobility::is_empty")]
    pub mobility: Mobility,
}

/// A public-transport timetable as the pack carries it: the
/// `machi_transit::Timetable::to_blob` JSON, kept opaque here so the store
/// (and the phone library) need not link the GTFS reader to install it; the
/// app reads it back with `machi_transit::Timetable::from_blob`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TransitData {
    /// The source folder the feed was imported from (`transit`).
    pub feed: String,
    /// The timetable blob (JSON text written by `Timetable::to_blob`).
    pub blob: String,
}

/// Pack-level facts: identity, version and coverage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct PackMeta {
    /// 6-digit local government code with check digit, e.g. `082147` (Takahagi).
    pub municipality_code: String,
    /// The town's name.
    pub municipality_name: LocalizedText,
    /// Monotonic pack version; a store refuses a pack whose version is not newer.
    pub pack_version: u64,
    /// Languages the pack's content is (at least partly) translated into.
    pub languages: Vec<Lang>,
    /// When the pack was built, RFC 3339.
    pub created: String,
    /// A representative point of the town (map centre, default course start).
    pub center: Option<GeoPoint>,
    /// JMA area codes that cover the town: the 7-digit municipality code
    /// (e.g. `0821400`) and the forecast / tsunami regions containing it.
    #[serde(default)]
    pub area_codes: Vec<String>,
    /// Attribution lines the app must show for the open data used.
    #[serde(default)]
    pub attribution: Vec<String>,
    /// The senders whose disaster notices this town accepts, and the keys
    /// that verify them. Installed with the rest of the meta, so a pack's
    /// content and its trust policy change in one transaction.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notice_senders: Vec<machi_common::NoticeSender>,
}

/// A tourism spot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Spot {
    /// Stable id, e.g. `hananuki-gorge`.
    pub id: String,
    /// Name.
    pub name: LocalizedText,
    /// Reading of the Japanese name in katakana (名称_カナ), if known.
    pub kana: Option<String>,
    /// Description.
    pub description: LocalizedText,
    /// Interest tags: nature, history, food, onsen, family, autumn-leaves, beach, …
    #[serde(default)]
    pub tags: Vec<String>,
    /// Position.
    pub location: GeoPoint,
    /// Postal address.
    pub address: LocalizedText,
    /// Opening hours in OSM `opening_hours` syntax (`None`: always open / unknown).
    pub opening_hours: Option<String>,
    /// Free-text notes on hours (last admission, seasonal closure).
    pub hours_note: LocalizedText,
    /// Fee text.
    pub fee: LocalizedText,
    /// Typical visit duration in minutes.
    pub visit_minutes: u32,
    /// Base popularity 0.0..=1.0 used when scoring course suggestions.
    pub popularity: f32,
    /// How to get there.
    pub access: LocalizedText,
    /// Parking information.
    pub parking: LocalizedText,
    /// Barrier-free information.
    pub accessibility: LocalizedText,
    /// Contact phone number.
    pub phone: Option<String>,
    /// Web page.
    pub url: Option<String>,
    /// Image URL.
    pub image_url: Option<String>,
}

/// An event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: LocalizedText,
    /// Description.
    pub description: LocalizedText,
    /// First day.
    pub start_date: NaiveDate,
    /// Last day (equal to `start_date` for one-day events).
    pub end_date: NaiveDate,
    /// Daily start time, if given.
    pub start_time: Option<NaiveTime>,
    /// Daily end time, if given.
    pub end_time: Option<NaiveTime>,
    /// Venue name.
    pub place_name: LocalizedText,
    /// Venue address.
    pub address: LocalizedText,
    /// Venue position.
    pub location: Option<GeoPoint>,
    /// Fee text.
    pub fee: LocalizedText,
    /// Organizer.
    pub organizer: LocalizedText,
    /// Contact phone.
    pub phone: Option<String>,
    /// Web page.
    pub url: Option<String>,
    /// Interest tags, as for spots.
    #[serde(default)]
    pub tags: Vec<String>,
}

/// Which designation a place has under the Disaster Countermeasures Basic Act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ShelterKind {
    /// 指定緊急避難場所: a place to flee to from an imminent hazard.
    EmergencyPlace,
    /// 指定避難所: a place to stay while one cannot go home.
    Shelter,
    /// Both designations at the same address.
    Both,
}

/// A designated emergency evacuation place and/or designated shelter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shelter {
    /// Stable id (the GSI 共通ID when known, e.g. `E0821400001`).
    pub id: String,
    /// Name.
    pub name: LocalizedText,
    /// Reading in katakana, if known.
    pub kana: Option<String>,
    /// Address.
    pub address: LocalizedText,
    /// Position.
    pub location: GeoPoint,
    /// Elevation in metres, if known (matters for tsunami).
    pub elevation_m: Option<f64>,
    /// Expected capacity in people, if known.
    pub capacity: Option<u32>,
    /// Hazards the place is certified for (empty for a shelter-only entry).
    #[serde(default)]
    pub hazards: Vec<Hazard>,
    /// Designation.
    pub kind: ShelterKind,
    /// Contact phone.
    pub phone: Option<String>,
    /// Notes (e.g. 津波避難ビル, who may use it).
    pub notes: LocalizedText,
}

/// Garbage rules in the 5374.jp model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct GarbageData {
    /// Categories (燃えるごみ, 粗大ごみ, …).
    #[serde(default)]
    pub categories: Vec<GarbageCategory>,
    /// Items and which category they belong to (target.csv).
    #[serde(default)]
    pub items: Vec<GarbageItem>,
    /// Collection areas and their schedules (area_days.csv).
    #[serde(default)]
    pub areas: Vec<GarbageArea>,
    /// Collection centres and their shutdown periods (center.csv).
    #[serde(default)]
    pub centers: Vec<GarbageCenter>,
}

/// A garbage category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GarbageCategory {
    /// Stable id: the Japanese label in 5374 data (e.g. `燃えるごみ`).
    pub id: String,
    /// Display name.
    pub name: LocalizedText,
    /// How to put it out (bag, container…): 5374 `sublabel`.
    pub sublabel: LocalizedText,
    /// Rules text.
    pub description: LocalizedText,
    /// Cautions.
    pub caution: LocalizedText,
    /// Display colour, `#rrggbb`, if given.
    pub color: Option<String>,
}

/// One kind of item and its category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GarbageItem {
    /// The category id it goes into.
    pub category_id: String,
    /// Item name.
    pub name: LocalizedText,
    /// Special handling note.
    pub notice: LocalizedText,
    /// Reading (index letter), if given.
    pub furigana: Option<String>,
    /// The whole name's reading in kana (よみがな of a dictionary CSV or
    /// garbage.toml), searched as typed and as romaji.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
    /// How to put this item out (出し方), beyond its category's rules.
    #[serde(default, skip_serializing_if = "LocalizedText::is_empty")]
    pub how: LocalizedText,
    /// Other names it is found by (any language: `アンブレラ`, `brolly`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// A collection area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GarbageArea {
    /// Stable id (the Japanese area name in 5374 data).
    pub id: String,
    /// Display name.
    pub name: LocalizedText,
    /// Collection centre id, if any (its shutdowns apply).
    pub center_id: Option<String>,
    /// One schedule per category collected in this area.
    pub schedules: Vec<GarbageSchedule>,
}

/// When one category is collected in one area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GarbageSchedule {
    /// Category id.
    pub category_id: String,
    /// The rule in 5374 syntax exactly as published: `月 木` (weekly),
    /// `水1 水3` (nth weekday), `水2:4 6 8` (nth weekday in listed months),
    /// `20260105 20260119` (irregular dates). Parsed by `garbage::Schedule`.
    pub rule: String,
}

/// A collection centre and its shutdowns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GarbageCenter {
    /// Stable id (the Japanese name).
    pub id: String,
    /// Display name.
    pub name: LocalizedText,
    /// Inclusive date ranges with no collection (year-end holidays).
    pub closures: Vec<(NaiveDate, NaiveDate)>,
}

/// A municipal department or contact point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Department {
    /// Stable id, e.g. `shimin`.
    pub id: String,
    /// Name, e.g. 市民課.
    pub name: LocalizedText,
    /// Phone number.
    pub phone: Option<String>,
    /// Office hours.
    pub hours: LocalizedText,
    /// E-mail address.
    pub email: Option<String>,
    /// Web page.
    pub url: Option<String>,
}

/// One FAQ entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FaqEntry {
    /// Stable id.
    pub id: String,
    /// Category key, e.g. `garbage`, `certificates`, `tax`, `childcare`.
    pub category: String,
    /// Question.
    pub question: LocalizedText,
    /// Answer.
    pub answer: LocalizedText,
    /// Responsible department id.
    pub department_id: Option<String>,
    /// Extra search keywords, any language.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Questions residents really asked that this entry answers, in their
    /// own words (any language; e.g. from the app's exported log of
    /// unanswered questions). Searched, never shown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<String>,
}

/// Terms the FAQ search treats as equivalent (e.g. `粗大ごみ`, `大型ごみ`, `bulky waste`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SynonymSet {
    /// The equivalent terms.
    pub terms: Vec<String>,
}

/// A way of travelling between stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TravelMode {
    /// On foot.
    Walk,
    /// Bicycle.
    Bicycle,
    /// Car or taxi.
    Car,
    /// Bus or train.
    Bus,
}

/// Where a congestion rule applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "type")]
pub enum CongestionArea {
    /// Legs that start or end within `radius_m` of `center`.
    Circle {
        /// Centre.
        center: GeoPoint,
        /// Radius in metres.
        radius_m: f64,
    },
    /// Legs that start or end at one of these spots.
    Spots {
        /// Spot ids.
        spot_ids: Vec<String>,
    },
}

/// A seasonal slowdown or closure, e.g. autumn-leaves weekends near 花貫渓谷.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CongestionRule {
    /// Stable id.
    pub id: String,
    /// Short name, e.g. "Autumn leaves traffic".
    pub name: LocalizedText,
    /// What the planner tells the user.
    pub note: LocalizedText,
    /// When it is in force, in OSM `opening_hours` syntax
    /// (e.g. `Nov 01-Nov 30 Sa,Su,PH 10:00-15:00`).
    pub when: String,
    /// Modes it affects.
    pub modes: Vec<TravelMode>,
    /// Where it applies.
    pub area: CongestionArea,
    /// Travel-time multiplier for affected legs (1.0 = none).
    pub travel_factor: f64,
    /// The area is closed to cars; visitors park at `car_park_spot_id` and walk.
    #[serde(default)]
    pub closed_to_cars: bool,
    /// Where cars must stop when `closed_to_cars`.
    pub car_park_spot_id: Option<String>,
}

/// A measured travel time that overrides the distance estimate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TravelTime {
    /// From spot id.
    pub from: String,
    /// To spot id.
    pub to: String,
    /// Mode.
    pub mode: TravelMode,
    /// Minutes.
    pub minutes: u32,
}

/// A notice document shipped in a pack, kept as the original bytes' text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoticeDocument {
    /// File name in the pack source, for error messages.
    pub name: String,
    /// The XML text (CAP 1.2 or JMA).
    pub xml: String,
    /// The sender's detached signature over the XML's UTF-8 bytes
    /// (`NAME.sig` beside the notice in the pack source), if signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<NoticeSignature>,
}

/// A detached ed25519 signature over a notice's bytes: the signature part
/// of a notice envelope (`docs/notice-envelope.md`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeSignature {
    /// Key id of the signing key (first 8 bytes of its sha256, hex).
    pub key_id: String,
    /// The ed25519 signature, base64.
    pub signature: String,
}
