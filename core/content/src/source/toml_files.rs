//! The TOML files of a pack source, as written by people.

use machi_common::{GeoPoint, LocalizedText};
use serde::Deserialize;
use toml::Spanned;

use crate::model::{CongestionArea, ReturnRule, TravelMode};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackToml {
    pub pack: PackSection,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackSection {
    pub municipality_code: Spanned<String>,
    pub version: u64,
    pub languages: Vec<machi_common::Lang>,
    pub center: Option<GeoPoint>,
    #[serde(default)]
    pub area_codes: Vec<String>,
    #[serde(default)]
    pub attribution: Vec<String>,
    #[serde(default)]
    pub name: LocalizedText,
    #[serde(default)]
    pub notice_senders: Vec<machi_common::NoticeSender>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpotsToml {
    #[serde(default)]
    pub spot: Vec<SpotOverlay>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpotOverlay {
    pub no: Option<Spanned<String>>,
    pub id: Spanned<String>,
    pub tags: Option<Vec<String>>,
    pub visit_minutes: Option<u32>,
    pub popularity: Option<f32>,
    pub opening_hours: Option<Spanned<String>>,
    pub kana: Option<String>,
    pub location: Option<GeoPoint>,
    pub phone: Option<String>,
    pub url: Option<String>,
    pub image_url: Option<String>,
    #[serde(default)]
    pub name: LocalizedText,
    #[serde(default)]
    pub description: LocalizedText,
    #[serde(default)]
    pub address: LocalizedText,
    #[serde(default)]
    pub hours_note: LocalizedText,
    #[serde(default)]
    pub fee: LocalizedText,
    #[serde(default)]
    pub access: LocalizedText,
    #[serde(default)]
    pub parking: LocalizedText,
    #[serde(default)]
    pub accessibility: LocalizedText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventsToml {
    #[serde(default)]
    pub event: Vec<EventOverlay>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventOverlay {
    pub no: Spanned<String>,
    pub id: Spanned<String>,
    pub tags: Option<Vec<String>>,
    pub location: Option<GeoPoint>,
    #[serde(default)]
    pub name: LocalizedText,
    #[serde(default)]
    pub description: LocalizedText,
    #[serde(default)]
    pub place_name: LocalizedText,
    #[serde(default)]
    pub address: LocalizedText,
    #[serde(default)]
    pub fee: LocalizedText,
    #[serde(default)]
    pub organizer: LocalizedText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SheltersToml {
    #[serde(default)]
    pub shelter: Vec<ShelterOverlay>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShelterOverlay {
    pub id: Spanned<String>,
    pub capacity: Option<u32>,
    pub elevation_m: Option<f64>,
    pub phone: Option<String>,
    pub kana: Option<String>,
    #[serde(default)]
    pub name: LocalizedText,
    #[serde(default)]
    pub address: LocalizedText,
    #[serde(default)]
    pub notes: LocalizedText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GarbageToml {
    #[serde(default)]
    pub area: Vec<GarbageAreaOverlay>,
    #[serde(default)]
    pub category: Vec<GarbageCategoryOverlay>,
    #[serde(default)]
    pub item: Vec<GarbageItemOverlay>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GarbageAreaOverlay {
    pub id: Spanned<String>,
    #[serde(default)]
    pub name: LocalizedText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GarbageCategoryOverlay {
    pub id: Spanned<String>,
    pub color: Option<String>,
    #[serde(default)]
    pub name: LocalizedText,
    #[serde(default)]
    pub sublabel: LocalizedText,
    #[serde(default)]
    pub description: LocalizedText,
    #[serde(default)]
    pub caution: LocalizedText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GarbageItemOverlay {
    pub category: Spanned<String>,
    pub ja: Spanned<String>,
    pub reading: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub name: LocalizedText,
    #[serde(default)]
    pub notice: LocalizedText,
    #[serde(default)]
    pub how: LocalizedText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaqToml {
    #[serde(default)]
    pub department: Vec<DepartmentToml>,
    #[serde(default)]
    pub entry: Vec<EntryToml>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepartmentToml {
    pub id: Spanned<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub url: Option<String>,
    #[serde(default)]
    pub name: LocalizedText,
    #[serde(default)]
    pub hours: LocalizedText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryToml {
    pub id: Spanned<String>,
    pub category: String,
    pub department: Option<Spanned<String>>,
    #[serde(default)]
    pub keywords: Vec<String>,
    #[serde(default)]
    pub examples: Vec<String>,
    #[serde(default)]
    pub question: LocalizedText,
    #[serde(default)]
    pub answer: LocalizedText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SynonymsToml {
    #[serde(default)]
    pub set: Vec<Spanned<SetToml>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetToml {
    pub terms: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseToml {
    #[serde(default)]
    pub congestion: Vec<CongestionToml>,
    #[serde(default)]
    pub travel_time: Vec<Spanned<TravelTimeToml>>,
    pub taxi: Option<TaxiToml>,
    #[serde(default)]
    pub taxi_stand: Vec<TaxiStandToml>,
    #[serde(default)]
    pub bicycle_rental: Vec<BicycleRentalToml>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CongestionToml {
    pub id: Spanned<String>,
    pub when: Spanned<String>,
    pub modes: Vec<TravelMode>,
    pub travel_factor: f64,
    #[serde(default)]
    pub closed_to_cars: bool,
    pub car_park_spot_id: Option<String>,
    pub area: CongestionArea,
    #[serde(default)]
    pub name: LocalizedText,
    #[serde(default)]
    pub note: LocalizedText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TravelTimeToml {
    pub from: String,
    pub to: String,
    pub mode: TravelMode,
    pub minutes: u32,
}

/// `[taxi]` of course.toml: the fare table (model: `TaxiTariff`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaxiToml {
    pub initial_yen: Spanned<u32>,
    pub initial_metres: u32,
    pub step_yen: Spanned<u32>,
    pub step_metres: Spanned<u32>,
    pub call_wait_minutes: u32,
    pub phone: Option<String>,
    #[serde(default)]
    pub operator: LocalizedText,
}

/// One `[[taxi_stand]]` of course.toml.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaxiStandToml {
    pub id: Spanned<String>,
    pub location: Spanned<GeoPoint>,
    pub wait_minutes: u32,
    #[serde(default)]
    pub name: LocalizedText,
}

/// One `[[bicycle_rental]]` of course.toml.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BicycleRentalToml {
    pub id: Spanned<String>,
    pub location: Spanned<GeoPoint>,
    pub opening_hours: Spanned<String>,
    pub fee_yen: u32,
    pub return_rule: ReturnRule,
    pub bikes: Option<u32>,
    #[serde(default)]
    pub electric: bool,
    #[serde(default)]
    pub name: LocalizedText,
    pub note: Option<LocalizedText>,
}
