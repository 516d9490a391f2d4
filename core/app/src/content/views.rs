//! The content records a shell shows, each already resolved for the reader's
//! language chain, and how a tag is named.

use chrono::NaiveDate;
use machi_common::{GeoPoint, Hazard, Lang, LocalizedText};
use machi_content::model::{ShelterKind, Spot};
use machi_content::store::{Counts, SpotQuery};
use machi_i18n::{Args, Localizer};
use serde::{Deserialize, Serialize};

/// A text resolved for a reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// The text.
    pub text: String,
    /// Its language.
    pub lang: Lang,
    /// True when it is not in the reader's first language (show "not yet translated").
    pub is_fallback: bool,
}

impl Text {
    /// Resolves `t` for `chain`; `None` when the text is empty in every language.
    pub fn resolve(t: &LocalizedText, chain: &[Lang]) -> Option<Text> {
        t.resolve(chain).map(|r| Text {
            text: r.text.to_string(),
            lang: r.lang,
            is_fallback: r.is_fallback,
        })
    }

    pub(crate) fn required(t: &LocalizedText, chain: &[Lang], id: &str) -> Text {
        // A name is required by the loader; an id keeps a broken row visible.
        Text::resolve(t, chain).unwrap_or(Text {
            text: id.to_string(),
            lang: Lang::Ja,
            is_fallback: true,
        })
    }
}

/// A tourism spot for display.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpotView {
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
    /// OSM opening hours.
    pub opening_hours: Option<String>,
    /// Notes on hours.
    pub hours_note: Option<Text>,
    /// Fee.
    pub fee: Option<Text>,
    /// Typical visit in minutes.
    pub visit_minutes: u32,
    /// Popularity 0..1.
    pub popularity: f32,
    /// Access.
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
    /// Open at the query time (`None`: no time asked or hours unknown).
    pub open: Option<bool>,
}

impl SpotView {
    pub(crate) fn new(
        s: Spot,
        chain: &[Lang],
        distance_m: Option<f64>,
        open: Option<bool>,
    ) -> SpotView {
        let r = |t: &LocalizedText| Text::resolve(t, chain);
        SpotView {
            name: Text::required(&s.name, chain, &s.id),
            description: r(&s.description),
            address: r(&s.address),
            hours_note: r(&s.hours_note),
            fee: r(&s.fee),
            access: r(&s.access),
            parking: r(&s.parking),
            accessibility: r(&s.accessibility),
            id: s.id,
            kana: s.kana,
            tags: s.tags,
            location: s.location,
            opening_hours: s.opening_hours,
            visit_minutes: s.visit_minutes,
            popularity: s.popularity,
            phone: s.phone,
            url: s.url,
            image_url: s.image_url,
            distance_m,
            open,
        }
    }
}

/// An event for display.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventView {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: Text,
    /// Description.
    pub description: Option<Text>,
    /// First day.
    pub start_date: NaiveDate,
    /// Last day.
    pub end_date: NaiveDate,
    /// Daily start.
    pub start_time: Option<chrono::NaiveTime>,
    /// Daily end.
    pub end_time: Option<chrono::NaiveTime>,
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

/// An evacuation place / shelter for display.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShelterView {
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
    /// Certified hazards.
    pub hazards: Vec<Hazard>,
    /// Designation.
    pub kind: ShelterKind,
    /// Phone.
    pub phone: Option<String>,
    /// Notes.
    pub notes: Option<Text>,
    /// Distance from the query point, metres.
    pub distance_m: f64,
    /// Open, full or closed as a verified notice in force reports it, or unknown.
    pub status: crate::ShelterStatus,
    /// Since when (the reporting notice's effective time, in the sender's
    /// time zone): "open since 14:05". `None` while the status is unknown.
    pub status_since: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// The store id of the notice that reported the status.
    pub status_notice: Option<i64>,
}

/// A garbage collection area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GarbageAreaView {
    /// Stable id (the Japanese name).
    pub id: String,
    /// Name.
    pub name: Text,
}

/// One category that goes out on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GarbageCollectionView {
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
    /// The published rule.
    pub rule: String,
}

/// What goes out in an area on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GarbageDayView {
    /// The area.
    pub area: GarbageAreaView,
    /// The day.
    pub date: NaiveDate,
    /// When the centre is shut: (first day, last day); nothing is collected.
    pub closed: Option<(NaiveDate, NaiveDate)>,
    /// What goes out.
    pub collections: Vec<GarbageCollectionView>,
}

/// The installed pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackInfo {
    /// Municipality code.
    pub municipality_code: String,
    /// Town name.
    pub name: Option<Text>,
    /// Pack version.
    pub pack_version: u64,
    /// Languages.
    pub languages: Vec<Lang>,
    /// Build time.
    pub created: String,
    /// Import time.
    pub installed_at: String,
    /// Attribution lines to show.
    pub attribution: Vec<String>,
    /// Rows per table.
    pub counts: Counts,
    /// Fingerprint of the key that signed the installed pack's manifest
    /// (`None`: the town embedded in the app, which came with the app itself).
    pub signed_by: Option<String>,
    /// End of the signed manifest's validity, RFC 3339 (`None` when unsigned).
    pub expires: Option<String>,
    /// The manifest's validity ended: the town has not re-signed its pack
    /// since (or a server keeps serving an old one), so the information may
    /// be out of date. The app says so until a sync brings a current pack.
    pub stale: bool,
}

/// A spot tag as a shell shows it: a filter chip, or an interest on the
/// course form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TagView {
    /// The tag (`autumn-leaves`): what filters and course requests take.
    pub id: String,
    /// Its name in the reader's language (`course-tag-*`; the tag itself
    /// when the strings do not know it yet, rather than dropping it).
    pub label: String,
    /// Whether a visitor can choose it as an interest for a course (not a
    /// tag that only marks a station or car park).
    pub interest: bool,
}

/// The display name of a spot tag (`course-tag-*`), the tag itself when
/// the strings do not know it yet.
pub fn tag_label(loc: &Localizer, tag: &str) -> String {
    let id = format!("course-tag-{tag}");
    if loc.has(&id) {
        loc.msg(&id, &Args::new())
    } else {
        tag.to_string()
    }
}

/// Filters for [`Machi::spots`].
pub type SpotFilter = SpotQuery;
