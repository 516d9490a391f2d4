//! Content queries: spots, events, shelters, garbage and the installed pack,
//! resolved for the current locale by `machi-app` and copied into records.

use machi_app::SpotFilter as CoreFilter;

use crate::error::{MachiError, Result};
use crate::types::{fmt_date, fmt_time, parse_date, parse_datetime, text, GeoPoint, Hazard, Text};
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

/// A tourism spot.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Spot {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: Text,
    /// Katakana reading.
    pub kana: Option<String>,
    /// Description.
    pub description: Option<Text>,
    /// Tags.
    pub tags: Vec<String>,
    /// Position.
    pub location: GeoPoint,
    /// Address.
    pub address: Option<Text>,
    /// Opening hours, OSM `opening_hours` syntax.
    pub opening_hours: Option<String>,
    /// Notes on the hours.
    pub hours_note: Option<Text>,
    /// Fee.
    pub fee: Option<Text>,
    /// Typical visit, minutes.
    pub visit_minutes: u32,
    /// Access directions.
    pub access: Option<Text>,
    /// Parking.
    pub parking: Option<Text>,
    /// Barrier-free information.
    pub accessibility: Option<Text>,
    /// Phone.
    pub phone: Option<String>,
    /// Web page.
    pub url: Option<String>,
    /// Image.
    pub image_url: Option<String>,
    /// Distance from the query point, metres.
    pub distance_m: Option<f64>,
    /// Open at the query time (`None`: not asked, or hours unknown).
    pub open: Option<bool>,
}

impl From<machi_app::SpotView> for Spot {
    fn from(s: machi_app::SpotView) -> Self {
        Spot {
            id: s.id,
            name: s.name.into(),
            kana: s.kana,
            description: text(s.description),
            tags: s.tags,
            location: s.location.into(),
            address: text(s.address),
            opening_hours: s.opening_hours,
            hours_note: text(s.hours_note),
            fee: text(s.fee),
            visit_minutes: s.visit_minutes,
            access: text(s.access),
            parking: text(s.parking),
            accessibility: text(s.accessibility),
            phone: s.phone,
            url: s.url,
            image_url: s.image_url,
            distance_m: s.distance_m,
            open: s.open,
        }
    }
}

/// An event.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Event {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: Text,
    /// Description.
    pub description: Option<Text>,
    /// First day, `YYYY-MM-DD`.
    pub start_date: String,
    /// Last day, `YYYY-MM-DD`.
    pub end_date: String,
    /// Daily start, `HH:MM`.
    pub start_time: Option<String>,
    /// Daily end, `HH:MM`.
    pub end_time: Option<String>,
    /// Venue.
    pub place_name: Option<Text>,
    /// Venue address.
    pub address: Option<Text>,
    /// Venue position.
    pub location: Option<GeoPoint>,
    /// Fee.
    pub fee: Option<Text>,
    /// Organizer.
    pub organizer: Option<Text>,
    /// Phone.
    pub phone: Option<String>,
    /// Web page.
    pub url: Option<String>,
    /// Tags.
    pub tags: Vec<String>,
}

impl From<machi_app::EventView> for Event {
    fn from(e: machi_app::EventView) -> Self {
        Event {
            id: e.id,
            name: e.name.into(),
            description: text(e.description),
            start_date: fmt_date(e.start_date),
            end_date: fmt_date(e.end_date),
            start_time: e.start_time.map(fmt_time),
            end_time: e.end_time.map(fmt_time),
            place_name: text(e.place_name),
            address: text(e.address),
            location: e.location.map(Into::into),
            fee: text(e.fee),
            organizer: text(e.organizer),
            phone: e.phone,
            url: e.url,
            tags: e.tags,
        }
    }
}

/// Which designation an evacuation place has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ShelterKind {
    /// 指定緊急避難場所: flee here from an imminent hazard.
    EmergencyPlace,
    /// 指定避難所: stay here while you cannot go home.
    Shelter,
    /// Both.
    Both,
}

/// An evacuation place near a point.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Shelter {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: Text,
    /// Katakana reading.
    pub kana: Option<String>,
    /// Address.
    pub address: Option<Text>,
    /// Position.
    pub location: GeoPoint,
    /// Elevation, metres.
    pub elevation_m: Option<f64>,
    /// Capacity, people.
    pub capacity: Option<u32>,
    /// Hazards it is certified for.
    pub hazards: Vec<Hazard>,
    /// Designation.
    pub kind: ShelterKind,
    /// Phone.
    pub phone: Option<String>,
    /// Notes.
    pub notes: Option<Text>,
    /// Distance from the query point, metres.
    pub distance_m: f64,
}

impl From<machi_app::ShelterView> for Shelter {
    fn from(s: machi_app::ShelterView) -> Self {
        use machi_app::content_core::model::ShelterKind as K;
        Shelter {
            id: s.id,
            name: s.name.into(),
            kana: s.kana,
            address: text(s.address),
            location: s.location.into(),
            elevation_m: s.elevation_m,
            capacity: s.capacity,
            hazards: s.hazards.into_iter().map(Into::into).collect(),
            kind: match s.kind {
                K::EmergencyPlace => ShelterKind::EmergencyPlace,
                K::Shelter => ShelterKind::Shelter,
                K::Both => ShelterKind::Both,
            },
            phone: s.phone,
            notes: text(s.notes),
            distance_m: s.distance_m,
        }
    }
}

/// A garbage collection area.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct GarbageArea {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: Text,
}

impl From<machi_app::GarbageAreaView> for GarbageArea {
    fn from(a: machi_app::GarbageAreaView) -> Self {
        GarbageArea {
            id: a.id,
            name: a.name.into(),
        }
    }
}

/// A category that goes out on a day.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct GarbageCollection {
    /// Category id.
    pub category_id: String,
    /// Category name.
    pub name: Text,
    /// How to put it out.
    pub sublabel: Option<Text>,
    /// Cautions.
    pub caution: Option<Text>,
    /// Colour `#rrggbb`.
    pub color: Option<String>,
    /// The published rule, as written.
    pub rule: String,
}

/// What goes out in an area on a day.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct GarbageDay {
    /// The area.
    pub area: GarbageArea,
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// First and last day of a centre closure covering this day (nothing is collected).
    pub closed_from: Option<String>,
    /// Last day of that closure.
    pub closed_to: Option<String>,
    /// What goes out.
    pub collections: Vec<GarbageCollection>,
}

/// The installed content pack.
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
    pub fn spots(&self, filter: SpotFilter) -> Result<Vec<Spot>> {
        let q = CoreFilter {
            tag: filter.tag.filter(|t| !t.is_empty()),
            near: filter.near.map(GeoPoint::to_core).transpose()?,
            open_at: filter.open_at.as_deref().map(parse_datetime).transpose()?,
            limit: filter.limit.map(limit),
        };
        Ok(self
            .app
            .spots(&q, &self.chain())?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// One spot; `NotFound` for an unknown id.
    pub fn spot(&self, id: String) -> Result<Spot> {
        Ok(self.app.spot(&id, &self.chain())?.into())
    }

    /// Every spot tag in the pack (for filter chips).
    pub fn spot_tags(&self) -> Result<Vec<String>> {
        Ok(self.app.spot_tags()?)
    }

    /// Events overlapping `from..=to` (`YYYY-MM-DD`), earliest first.
    pub fn events(&self, from: String, to: String) -> Result<Vec<Event>> {
        let (from, to) = (parse_date(&from)?, parse_date(&to)?);
        if to < from {
            return Err(MachiError::invalid("events: `to` is before `from`"));
        }
        Ok(self
            .app
            .events(from, to, &self.chain())?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// Up to `limit` evacuation places nearest to `near`, certified for
    /// every hazard in `hazards` (empty: any).
    pub fn shelters_near(
        &self,
        near: GeoPoint,
        hazards: Vec<Hazard>,
        limit: u32,
    ) -> Result<Vec<Shelter>> {
        let hazards: Vec<_> = hazards.into_iter().map(Into::into).collect();
        Ok(self
            .app
            .shelters_near(near.to_core()?, &hazards, self::limit(limit), &self.chain())?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// The garbage collection areas.
    pub fn garbage_areas(&self) -> Result<Vec<GarbageArea>> {
        Ok(self
            .app
            .garbage_areas(&self.chain())?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// What goes out in `area` (id or name in any language) on `date` (`YYYY-MM-DD`).
    pub fn garbage_day(&self, area: String, date: String) -> Result<GarbageDay> {
        let d = self
            .app
            .garbage_day(&area, parse_date(&date)?, &self.chain())?;
        Ok(GarbageDay {
            area: d.area.into(),
            date: fmt_date(d.date),
            closed_from: d.closed.map(|(a, _)| fmt_date(a)),
            closed_to: d.closed.map(|(_, b)| fmt_date(b)),
            collections: d
                .collections
                .into_iter()
                .map(|c| GarbageCollection {
                    category_id: c.category_id,
                    name: c.name.into(),
                    sublabel: text(c.sublabel),
                    caution: text(c.caution),
                    color: c.color,
                    rule: c.rule,
                })
                .collect(),
        })
    }

    /// The installed pack (`None` only for an empty store).
    pub fn pack_info(&self) -> Result<Option<PackInfo>> {
        Ok(self.app.pack_info(&self.chain())?.map(|p| PackInfo {
            municipality_code: p.municipality_code,
            name: text(p.name),
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
        Ok(self.app.town_center()?.map(Into::into))
    }
}
