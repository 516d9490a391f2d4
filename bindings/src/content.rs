//! Content queries: spots, events, shelters, garbage and the installed pack,
//! resolved for the current locale by `machi-app` and copied into records.

use machi_app::content_core::model::ShelterKind;
use machi_app::{
    EventView, GarbageAreaView, GarbageCollectionView, ShelterStatus, ShelterView,
    SpotFilter as CoreFilter, SpotView, TagView, Text,
};
use machi_common::clock::fmt_date;
use machi_common::{GeoPoint, Hazard};

use crate::error::{MachiError, Result};
use crate::types::{checked, parse_date, parse_datetime, IsoDate, IsoTime, OffsetTime};
use crate::Machi;

/// Filters for [`Machi::spots`]; all optional, combined with AND.
#[derive(Debug, Clone, Default, uniffi::Record)]
pub struct SpotFilter {
    /// Only spots with this tag (`nature`, `history`, …).
    #[uniffi(default = None)]
    pub tag: Option<String>,
    /// Sort nearest first from here (otherwise by popularity).
    #[uniffi(default = None)]
    pub near: Option<GeoPoint>,
    /// Only spots open at this local time, `YYYY-MM-DDTHH:MM`.
    #[uniffi(default = None)]
    pub open_at: Option<String>,
    /// At most this many.
    #[uniffi(default = None)]
    pub limit: Option<u32>,
}

/// A tourism spot (`machi_app::SpotView`): name, reading, description,
/// tags, position, address, opening hours (OSM syntax) and their notes, fee,
/// typical visit minutes, popularity, access, parking, barrier-free notes,
/// phone, web page, image, the distance from the query point (metres) and
/// whether it is open at the query time (`None`: not asked or hours unknown).
#[uniffi::remote(Record)]
#[uniffi(name = "Spot")]
pub struct SpotView {
    pub id: String,
    pub name: Text,
    pub kana: Option<String>,
    pub description: Option<Text>,
    pub tags: Vec<String>,
    pub location: GeoPoint,
    pub address: Option<Text>,
    pub opening_hours: Option<String>,
    pub hours_note: Option<Text>,
    pub fee: Option<Text>,
    pub visit_minutes: u32,
    pub popularity: f32,
    pub access: Option<Text>,
    pub parking: Option<Text>,
    pub accessibility: Option<Text>,
    pub phone: Option<String>,
    pub url: Option<String>,
    pub image_url: Option<String>,
    pub distance_m: Option<f64>,
    pub open: Option<bool>,
}

/// An event (`machi_app::EventView`): first and last day, daily start and
/// end, venue, its address and position, fee, organizer, phone, web page, tags.
#[uniffi::remote(Record)]
#[uniffi(name = "Event")]
pub struct EventView {
    pub id: String,
    pub name: Text,
    pub description: Option<Text>,
    pub start_date: IsoDate,
    pub end_date: IsoDate,
    pub start_time: Option<IsoTime>,
    pub end_time: Option<IsoTime>,
    pub place_name: Option<Text>,
    pub address: Option<Text>,
    pub location: Option<GeoPoint>,
    pub fee: Option<Text>,
    pub organizer: Option<Text>,
    pub phone: Option<String>,
    pub url: Option<String>,
    pub tags: Vec<String>,
}

/// Which designation an evacuation place has: 指定緊急避難場所 (flee here
/// from an imminent hazard), 指定避難所 (stay here while you cannot go
/// home), or both.
#[uniffi::remote(Enum)]
pub enum ShelterKind {
    EmergencyPlace,
    Shelter,
    Both,
}

/// Whether a shelter is open, as the verified notices in force say.
#[uniffi::remote(Enum)]
pub enum ShelterStatus {
    Open,
    Full,
    Closed,
    Unknown,
}

/// An evacuation place near a point (`machi_app::ShelterView`): reading,
/// address, position, elevation (m), capacity (people), the hazards it is
/// certified for, designation, phone, notes, distance from the query point
/// (m), its open status, since when (the notice's own time) and the notice
/// that reported it.
#[uniffi::remote(Record)]
#[uniffi(name = "Shelter")]
pub struct ShelterView {
    pub id: String,
    pub name: Text,
    pub kana: Option<String>,
    pub address: Option<Text>,
    pub location: GeoPoint,
    pub elevation_m: Option<f64>,
    pub capacity: Option<u32>,
    pub hazards: Vec<Hazard>,
    pub kind: ShelterKind,
    pub phone: Option<String>,
    pub notes: Option<Text>,
    pub distance_m: f64,
    pub status: ShelterStatus,
    pub status_since: Option<OffsetTime>,
    pub status_notice: Option<i64>,
}

/// A spot tag: its id (what filters and course requests take), its name in
/// the reader's language, and whether it can be a course interest.
#[uniffi::remote(Record)]
#[uniffi(name = "SpotTag")]
pub struct TagView {
    pub id: String,
    pub label: String,
    pub interest: bool,
}

/// A garbage collection area.
#[uniffi::remote(Record)]
#[uniffi(name = "GarbageArea")]
pub struct GarbageAreaView {
    pub id: String,
    pub name: Text,
}

/// A category that goes out on a day: its name, how to put it out
/// (`sublabel`), cautions, colour `#rrggbb`, and the published rule as written.
#[uniffi::remote(Record)]
#[uniffi(name = "GarbageCollection")]
pub struct GarbageCollectionView {
    pub category_id: String,
    pub name: Text,
    pub sublabel: Option<Text>,
    pub caution: Option<Text>,
    pub color: Option<String>,
    pub rule: String,
}

/// What goes out in an area on a day. (The core gives the closure as a
/// pair, which the FFI cannot carry: hence this record.)
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct GarbageDay {
    /// The area.
    pub area: GarbageAreaView,
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// First and last day of a centre closure covering this day (nothing is collected).
    pub closed_from: Option<String>,
    /// Last day of that closure.
    pub closed_to: Option<String>,
    /// What goes out.
    pub collections: Vec<GarbageCollectionView>,
}

/// The installed content pack (flattened: the core nests its counts).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct PackInfo {
    /// Municipality code (e.g. `082147`).
    pub municipality_code: String,
    /// Town name.
    pub name: Option<Text>,
    /// Pack version.
    pub pack_version: u64,
    /// Languages it carries.
    pub languages: Vec<String>,
    /// When it was built.
    pub created: String,
    /// When it was installed.
    pub installed_at: String,
    /// Attribution lines the app must show.
    pub attribution: Vec<String>,
    /// Number of spots.
    pub spots: u64,
    /// Number of events.
    pub events: u64,
    /// Number of evacuation places.
    pub shelters: u64,
    /// Number of FAQ entries.
    pub faq: u64,
    /// Fingerprint of the key that signed the installed pack (`None`: the
    /// town embedded in the app).
    pub signed_by: Option<String>,
    /// End of the signed manifest's validity, RFC 3339 (`None` when unsigned).
    pub expires: Option<String>,
    /// The manifest's validity ended without a newer pack: the town
    /// information may be out of date, and the app says so.
    pub stale: bool,
}

fn limit(n: u32) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

#[uniffi::export]
impl Machi {
    /// Spots matching `filter`.
    pub fn spots(&self, filter: SpotFilter) -> Result<Vec<SpotView>> {
        let q = CoreFilter {
            tag: filter.tag.filter(|t| !t.is_empty()),
            near: filter.near.map(checked).transpose()?,
            open_at: filter.open_at.as_deref().map(parse_datetime).transpose()?,
            limit: filter.limit.map(limit),
        };
        Ok(self.app.spots(&q, &self.chain())?)
    }

    /// One spot; `NotFound` for an unknown id.
    pub fn spot(&self, id: String) -> Result<SpotView> {
        Ok(self.app.spot(&id, &self.chain())?)
    }

    /// Every spot tag in the pack with its name in the reader's language
    /// (Explore's filter chips).
    pub fn spot_tags(&self) -> Result<Vec<TagView>> {
        Ok(self.app.spot_tag_views(&self.localizer())?)
    }

    /// The tags a visitor can choose as interests on the course form (the
    /// pack's tags but those marking only stations and car parks), named in
    /// the reader's language.
    pub fn course_interests(&self) -> Result<Vec<TagView>> {
        let mut tags = self.app.spot_tag_views(&self.localizer())?;
        tags.retain(|t| t.interest);
        Ok(tags)
    }

    /// Events overlapping `from..=to` (`YYYY-MM-DD`), earliest first.
    pub fn events(&self, from: String, to: String) -> Result<Vec<EventView>> {
        let (from, to) = (parse_date(&from)?, parse_date(&to)?);
        if to < from {
            return Err(MachiError::invalid("events: `to` is before `from`"));
        }
        Ok(self.app.events(from, to, &self.chain())?)
    }

    /// Up to `limit` evacuation places nearest to `near`, certified for
    /// every hazard in `hazards` (empty: any).
    pub fn shelters_near(
        &self,
        near: GeoPoint,
        hazards: Vec<Hazard>,
        limit: u32,
    ) -> Result<Vec<ShelterView>> {
        Ok(self
            .app
            .shelters_near(checked(near)?, &hazards, self::limit(limit), &self.chain())?)
    }

    /// The garbage collection areas.
    pub fn garbage_areas(&self) -> Result<Vec<GarbageAreaView>> {
        Ok(self.app.garbage_areas(&self.chain())?)
    }

    /// What goes out in `area` (id or name in any language) on `date` (`YYYY-MM-DD`).
    pub fn garbage_day(&self, area: String, date: String) -> Result<GarbageDay> {
        let d = self
            .app
            .garbage_day(&area, parse_date(&date)?, &self.chain())?;
        Ok(GarbageDay {
            area: d.area,
            date: fmt_date(d.date),
            closed_from: d.closed.map(|(a, _)| fmt_date(a)),
            closed_to: d.closed.map(|(_, b)| fmt_date(b)),
            collections: d.collections,
        })
    }

    /// The installed pack (`None` only for an empty store).
    pub fn pack_info(&self) -> Result<Option<PackInfo>> {
        Ok(self.app.pack_info(&self.chain())?.map(|p| PackInfo {
            municipality_code: p.municipality_code,
            name: p.name,
            pack_version: p.pack_version,
            languages: p.languages.iter().map(|l| l.tag().to_string()).collect(),
            created: p.created,
            installed_at: p.installed_at,
            attribution: p.attribution,
            spots: p.counts.spots,
            events: p.counts.events,
            shelters: p.counts.shelters,
            faq: p.counts.faq,
            signed_by: p.signed_by,
            expires: p.expires,
            stale: p.stale,
        }))
    }

    /// One line for the settings screen on how current the town information
    /// is, in the reader's language: the version and until when the town's
    /// signature vouches for it, a warning once that time has passed (the
    /// town has not re-signed its pack since, or a server keeps serving an
    /// old one), or that it is the town built into the app. `None`: no pack.
    pub fn pack_status_line(&self) -> Result<Option<String>> {
        Ok(self
            .app
            .pack_status_line(&self.localizer(), chrono::Utc::now())?)
    }

    /// The town's representative point (map centre, default start).
    pub fn town_center(&self) -> Result<Option<GeoPoint>> {
        Ok(self.app.town_center()?)
    }
}
