//! Content on the facade: spots, events, shelters, garbage and packs, as view
//! records already resolved for the reader's language chain.
//!
//! Resolution happens here once, so the CLI and the bindings show the same
//! text and the same "not yet translated" marks.

mod views;

use std::path::Path;

use chrono::NaiveDate;
use machi_common::{GeoPoint, Hazard, Lang, LocalizedText};
use machi_content::delta::Delta;
use machi_content::model::PackData;
use machi_content::pack::{self, VerifyingKey};
use machi_content::store::ImportSummary;
use machi_i18n::{Args, Localizer};

use crate::error::{Error, Result};
use crate::Machi;

pub use views::*;

impl Machi {
    /// The installed pack (`None`: empty store).
    pub fn pack_info(&self, chain: &[Lang]) -> Result<Option<PackInfo>> {
        let store = self.store()?;
        let Some(p) = store.installed()? else {
            return Ok(None);
        };
        let provenance = store.provenance()?;
        let stale = provenance
            .as_ref()
            .is_some_and(|p| p.is_stale(chrono::Utc::now()));
        Ok(Some(PackInfo {
            signed_by: provenance.as_ref().map(|p| p.key_id.clone()),
            expires: provenance.map(|p| p.expires),
            stale,
            municipality_code: p.meta.municipality_code,
            name: Text::resolve(&p.meta.municipality_name, chain),
            pack_version: p.meta.pack_version,
            languages: p.meta.languages,
            created: p.meta.created,
            installed_at: p.installed_at,
            attribution: p.meta.attribution,
            counts: store.counts()?,
        }))
    }

    /// One line for the settings screen on how current the town information
    /// is, in the reader's language (`loc`), as of `now`: the version and
    /// until when the town's signature vouches for it, a warning once that
    /// time has passed (the town has not re-signed its pack since, or a
    /// server keeps serving an old one), or that it is the town built into
    /// the app. `None` for an empty store.
    pub fn pack_status_line(
        &self,
        loc: &Localizer,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Option<String>> {
        let store = self.store()?;
        let Some(version) = store.installed_version()? else {
            return Ok(None);
        };
        let Some(provenance) = store.provenance()? else {
            return Ok(Some(loc.msg(
                "ui-settings-pack-built-in",
                &Args::new().num("version", version),
            )));
        };
        // The town's own calendar day (Japan has no daylight saving time).
        let date = chrono::DateTime::parse_from_rfc3339(&provenance.expires)
            .ok()
            .and_then(|t| chrono::FixedOffset::east_opt(9 * 3600).map(|jst| t.with_timezone(&jst)))
            .map(|t| loc.date_with_year(t.date_naive()))
            .unwrap_or_else(|| provenance.expires.clone());
        let id = if provenance.is_stale(now) {
            "ui-settings-pack-stale"
        } else {
            "ui-settings-pack-current"
        };
        Ok(Some(loc.msg(
            id,
            &Args::new().num("version", version).str("date", date),
        )))
    }

    /// The town's representative point (map centre, default start).
    pub fn town_center(&self) -> Result<Option<GeoPoint>> {
        Ok(self.store()?.center()?)
    }

    /// Spots matching `filter`, resolved for `chain`.
    pub fn spots(&self, filter: &SpotFilter, chain: &[Lang]) -> Result<Vec<SpotView>> {
        let store = self.store()?;
        Ok(store
            .spots(filter)?
            .into_iter()
            .map(|h| SpotView::new(h.spot, chain, h.distance_m, h.open))
            .collect())
    }

    /// One spot; `NotFound` when no spot has that id.
    pub fn spot(&self, id: &str, chain: &[Lang]) -> Result<SpotView> {
        let store = self.store()?;
        let s = store.spot(id)?.ok_or_else(|| Error::NotFound {
            what: id.to_string(),
        })?;
        Ok(SpotView::new(s, chain, None, None))
    }

    /// Every spot tag in the pack.
    pub fn spot_tags(&self) -> Result<Vec<String>> {
        Ok(self.store()?.spot_tags()?)
    }

    /// Every spot tag in the pack with its display name, for filter chips.
    pub fn spot_tag_views(&self, loc: &Localizer) -> Result<Vec<TagView>> {
        Ok(self
            .spot_tags()?
            .into_iter()
            .map(|id| TagView {
                label: tag_label(loc, &id),
                interest: !crate::course::TRANSPORT_TAGS.contains(&id.as_str()),
                id,
            })
            .collect())
    }

    /// Events overlapping `from..=to`, earliest first.
    pub fn events(&self, from: NaiveDate, to: NaiveDate, chain: &[Lang]) -> Result<Vec<EventView>> {
        let events = self.store()?.events_between(from, to)?;
        let r = |t: &LocalizedText| Text::resolve(t, chain);
        Ok(events
            .into_iter()
            .map(|e| EventView {
                name: Text::required(&e.name, chain, &e.id),
                description: r(&e.description),
                place_name: r(&e.place_name),
                address: r(&e.address),
                fee: r(&e.fee),
                organizer: r(&e.organizer),
                id: e.id,
                start_date: e.start_date,
                end_date: e.end_date,
                start_time: e.start_time,
                end_time: e.end_time,
                location: e.location,
                phone: e.phone,
                url: e.url,
                tags: e.tags,
            })
            .collect())
    }

    /// Up to `limit` places nearest to `near` certified for all of `hazards`,
    /// each with its open status (open ones first once a notice reports
    /// states; see [`Machi::shelters_near_at`]).
    pub fn shelters_near(
        &self,
        near: GeoPoint,
        hazards: &[Hazard],
        limit: usize,
        chain: &[Lang],
    ) -> Result<Vec<ShelterView>> {
        self.shelters_near_at(near, hazards, limit, chain, chrono::Utc::now())
    }

    /// [`Machi::shelters_near`] with the statuses in force at `now`. When a
    /// verified notice reports shelters' states, open suitable shelters
    /// come first (then unknown, full, closed), each group nearest first,
    /// even an open one farther away than the `limit` nearest.
    pub fn shelters_near_at(
        &self,
        near: GeoPoint,
        hazards: &[Hazard],
        limit: usize,
        chain: &[Lang],
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<ShelterView>> {
        let statuses = self.shelter_statuses(now)?;
        let store = self.store()?;
        let mut hits: Vec<(machi_content::model::Shelter, f64)> = store
            .shelters_near(near, hazards, limit)?
            .into_iter()
            .map(|h| (h.shelter, h.distance_m))
            .collect();
        if !statuses.is_empty() {
            // Shelters with a reported state may lie beyond the nearest few.
            for s in store.all_shelters()? {
                let suitable = hazards.iter().all(|h| s.hazards.contains(h));
                if suitable && statuses.of(&s).is_some() && !hits.iter().any(|(h, _)| h.id == s.id)
                {
                    let d = near.distance_m(&s.location);
                    hits.push((s, d));
                }
            }
        }
        let mut views: Vec<ShelterView> = hits
            .into_iter()
            .map(|(s, d)| {
                let known = statuses.of(&s);
                ShelterView {
                    name: Text::required(&s.name, chain, &s.id),
                    address: Text::resolve(&s.address, chain),
                    notes: Text::resolve(&s.notes, chain),
                    id: s.id,
                    kana: s.kana,
                    location: s.location,
                    elevation_m: s.elevation_m,
                    capacity: s.capacity,
                    hazards: s.hazards,
                    kind: s.kind,
                    phone: s.phone,
                    distance_m: d,
                    status: known.map_or(crate::ShelterStatus::Unknown, |k| k.status),
                    status_since: known.map(|k| k.since),
                    status_notice: known.map(|k| k.notice),
                }
            })
            .collect();
        views.sort_by(|a, b| {
            a.status
                .rank()
                .cmp(&b.status.rank())
                .then(a.distance_m.total_cmp(&b.distance_m))
        });
        views.truncate(limit);
        Ok(views)
    }

    /// Every garbage collection area.
    pub fn garbage_areas(&self, chain: &[Lang]) -> Result<Vec<GarbageAreaView>> {
        Ok(self
            .store()?
            .garbage_areas()?
            .into_iter()
            .map(|a| GarbageAreaView {
                name: Text::required(&a.name, chain, &a.id),
                id: a.id,
            })
            .collect())
    }

    /// The area whose id or name (in any language, ignoring case and ruby
    /// readings) is `name`; failing that, the one area whose name contains it.
    pub fn find_garbage_area(&self, name: &str) -> Result<String> {
        let wanted = name.trim().to_lowercase();
        let areas = self.store()?.garbage_areas()?;
        let names = |a: &machi_content::model::GarbageArea| -> Vec<String> {
            std::iter::once(a.id.to_lowercase())
                .chain(
                    a.name
                        .iter()
                        .map(|(_, t)| machi_i18n::strip_ruby(t).to_lowercase()),
                )
                .collect()
        };
        let exact: Vec<&str> = areas
            .iter()
            .filter(|a| names(a).contains(&wanted))
            .map(|a| a.id.as_str())
            .collect();
        let partial: Vec<&str> = areas
            .iter()
            .filter(|a| !wanted.is_empty() && names(a).iter().any(|n| n.contains(&wanted)))
            .map(|a| a.id.as_str())
            .collect();
        match (exact.as_slice(), partial.as_slice()) {
            ([id, ..], _) | ([], [id]) => Ok(id.to_string()),
            _ => Err(Error::NotFound {
                what: name.to_string(),
            }),
        }
    }

    /// What goes out in the area named `area` (id or any name) on `date`.
    pub fn garbage_day(
        &self,
        area: &str,
        date: NaiveDate,
        chain: &[Lang],
    ) -> Result<GarbageDayView> {
        let id = self.find_garbage_area(area)?;
        let day = self.store()?.garbage_day(&id, date)?;
        let r = |t: &LocalizedText| Text::resolve(t, chain);
        Ok(GarbageDayView {
            area: GarbageAreaView {
                name: Text::required(&day.area.name, chain, &day.area.id),
                id: day.area.id,
            },
            date: day.date,
            closed: day.closed.map(|c| (c.from, c.to)),
            collections: day
                .collections
                .into_iter()
                .map(|c| GarbageCollectionView {
                    name: Text::required(&c.category.name, chain, &c.category.id),
                    sublabel: r(&c.category.sublabel),
                    caution: r(&c.category.caution),
                    color: c.category.color,
                    category_id: c.category.id,
                    rule: c.rule,
                })
                .collect(),
        })
    }

    /// Imports the pack in `dir`, verified with `key` or else the pinned
    /// publisher key. Refusals leave the store unchanged.
    pub fn import_pack_dir(&self, dir: &Path, key: Option<&VerifyingKey>) -> Result<ImportSummary> {
        let key = key
            .or(self.publisher_key.as_ref())
            .ok_or_else(|| Error::InvalidInput {
                reason: "no publisher key: pass one or pin it in OpenOptions".into(),
            })?;
        let s = pack::import_dir(&mut *self.store()?, dir, key)?;
        self.bump_generation();
        Ok(s)
    }

    /// Imports an already verified and decoded full pack (sync downloads).
    pub fn import_full(&self, data: &PackData) -> Result<ImportSummary> {
        let s = self.store()?.import_full(data)?;
        self.bump_generation();
        Ok(s)
    }

    /// Imports an already verified and decoded delta (sync downloads).
    pub fn import_delta(&self, delta: &Delta) -> Result<ImportSummary> {
        let s = self.store()?.import_delta(delta)?;
        self.bump_generation();
        Ok(s)
    }

    /// The installed pack version (`None`: empty store); sync asks for deltas from it.
    pub fn installed_pack_version(&self) -> Result<Option<u64>> {
        Ok(self.store()?.installed_version()?)
    }
}
