//! Read queries over the content store.

use chrono::{NaiveDate, NaiveDateTime};
use machi_common::{GeoPoint, Hazard};
use rusqlite::OptionalExtension;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::{index, Store};
use crate::error::StoreError;
use crate::model::*;

/// Filters for [`Store::spots`]; all optional and combined with AND.
#[derive(Debug, Clone, Default)]
pub struct SpotQuery {
    /// Only spots carrying this tag.
    pub tag: Option<String>,
    /// Sort by distance from this point (nearest first); otherwise by popularity.
    pub near: Option<GeoPoint>,
    /// Only spots open at this local time (spots with no hours count as open).
    pub open_at: Option<NaiveDateTime>,
    /// At most this many results.
    pub limit: Option<usize>,
}

/// A spot found by a query.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpotHit {
    /// The spot.
    pub spot: Spot,
    /// Distance from the query point in metres, when one was given.
    pub distance_m: Option<f64>,
    /// Whether it is open at the query's `open_at` (`None`: no time asked,
    /// or the spot has no hours).
    pub open: Option<bool>,
}

/// A shelter found near a point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShelterHit {
    /// The shelter.
    pub shelter: Shelter,
    /// Great-circle distance in metres.
    pub distance_m: f64,
}

/// A centre shutdown that cancels a day's collection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GarbageClosure {
    /// Centre id.
    pub center_id: String,
    /// First day shut.
    pub from: NaiveDate,
    /// Last day shut (inclusive).
    pub to: NaiveDate,
}

/// One category collected on a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GarbageCollection {
    /// The category (name, how to put it out, colour…).
    pub category: GarbageCategory,
    /// The published rule that puts it on this day.
    pub rule: String,
}

/// What goes out in one area on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GarbageDay {
    /// The area.
    pub area: GarbageArea,
    /// The day.
    pub date: NaiveDate,
    /// Set when the centre is shut that day (then nothing is collected).
    pub closed: Option<GarbageClosure>,
    /// Categories collected, in the area's order.
    pub collections: Vec<GarbageCollection>,
}

impl Store {
    fn get_json<T: DeserializeOwned>(
        &self,
        table: &str,
        key: &str,
    ) -> Result<Option<T>, StoreError> {
        let data: Option<String> = self
            .conn
            .prepare_cached(&format!("SELECT data FROM {table} WHERE key = ?1"))?
            .query_row([key], |r| r.get(0))
            .optional()?;
        Ok(data.map(|d| serde_json::from_str(&d)).transpose()?)
    }

    fn all_json<T: DeserializeOwned>(&self, table: &str) -> Result<Vec<T>, StoreError> {
        let mut st = self
            .conn
            .prepare_cached(&format!("SELECT data FROM {table} ORDER BY rowid"))?;
        let mut rows = st.query([])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(serde_json::from_str(&r.get::<_, String>(0)?)?);
        }
        Ok(out)
    }

    /// Spots matching `q`: nearest first when `q.near` is set, else most popular first.
    pub fn spots(&self, q: &SpotQuery) -> Result<Vec<SpotHit>, StoreError> {
        let idx = &self.spots;
        let limit = q.limit.unwrap_or(usize::MAX);
        let order: Box<dyn Iterator<Item = u32> + '_> = match q.near {
            Some(p) => Box::new(idx.nearest(p)),
            None => Box::new(idx.by_popularity.iter().copied()),
        };
        let mut out = Vec::new();
        for i in order {
            if out.len() >= limit {
                break;
            }
            let e = &idx.entries[i as usize];
            if let Some(tag) = &q.tag {
                if !e.tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
                    continue;
                }
            }
            let mut open = None;
            if let Some(at) = q.open_at {
                // A spot with hours we cannot evaluate is not claimed open.
                match (&e.hours, e.hours()) {
                    (None, _) => {}
                    (Some(_), Some(h)) if h.is_open(at) => open = Some(true),
                    _ => continue,
                }
            }
            let spot: Spot = self
                .get_json("spots", &e.key)?
                .ok_or_else(|| StoreError::InvalidInput(format!("spot {} vanished", e.key)))?;
            out.push(SpotHit {
                distance_m: q.near.map(|p| p.distance_m(&e.point)),
                open,
                spot,
            });
        }
        Ok(out)
    }

    /// Whether a spot is open at `at` (`None`: no hours known or hours unparseable).
    pub fn spot_open_at(&self, id: &str, at: NaiveDateTime) -> Option<bool> {
        let i = *self.spots.by_key.get(id)?;
        self.spots.entries[i as usize]
            .hours()
            .map(|h| h.is_open(at))
    }

    /// One spot by id.
    pub fn spot(&self, id: &str) -> Result<Option<Spot>, StoreError> {
        self.get_json("spots", id)
    }

    /// Every spot, in pack order (the course planner's input).
    pub fn all_spots(&self) -> Result<Vec<Spot>, StoreError> {
        self.all_json("spots")
    }

    /// Every distinct spot tag, sorted.
    pub fn spot_tags(&self) -> Result<Vec<String>, StoreError> {
        let mut st = self
            .conn
            .prepare_cached("SELECT DISTINCT tag FROM spot_tags ORDER BY tag")?;
        let tags = st
            .query_map([], |r| r.get(0))?
            .collect::<Result<Vec<String>, _>>()?;
        Ok(tags)
    }

    /// Events overlapping `from..=to`, earliest first.
    pub fn events_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Event>, StoreError> {
        if to < from {
            return Err(StoreError::InvalidInput(format!(
                "date range ends ({to}) before it starts ({from})"
            )));
        }
        let mut st = self.conn.prepare_cached(
            "SELECT data FROM events WHERE end_date >= ?1 AND start_date <= ?2
             ORDER BY start_date, key",
        )?;
        let mut rows = st.query([from.to_string(), to.to_string()])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(serde_json::from_str(&r.get::<_, String>(0)?)?);
        }
        Ok(out)
    }

    /// One event by id.
    pub fn event(&self, id: &str) -> Result<Option<Event>, StoreError> {
        self.get_json("events", id)
    }

    /// Up to `limit` places nearest to `near` certified for every hazard in
    /// `hazards` (empty: any place), nearest first.
    pub fn shelters_near(
        &self,
        near: GeoPoint,
        hazards: &[Hazard],
        limit: usize,
    ) -> Result<Vec<ShelterHit>, StoreError> {
        let mask = hazards.iter().fold(0, |m, h| m | index::hazard_bit(*h));
        let idx = &self.shelters;
        idx.nearest(near, mask, limit)
            .into_iter()
            .map(|i| {
                let key = &idx.keys[i as usize];
                let shelter: Shelter = self
                    .get_json("shelters", key)?
                    .ok_or_else(|| StoreError::InvalidInput(format!("shelter {key} vanished")))?;
                Ok(ShelterHit {
                    distance_m: near.distance_m(&idx.points[i as usize]),
                    shelter,
                })
            })
            .collect()
    }

    /// One shelter by id.
    pub fn shelter(&self, id: &str) -> Result<Option<Shelter>, StoreError> {
        self.get_json("shelters", id)
    }

    /// Every shelter, in pack order.
    pub fn all_shelters(&self) -> Result<Vec<Shelter>, StoreError> {
        self.all_json("shelters")
    }

    /// All garbage rules (categories, items, areas, centres).
    pub fn garbage(&self) -> Result<GarbageData, StoreError> {
        Ok(GarbageData {
            categories: self.all_json("garbage_categories")?,
            items: self.all_json("garbage_items")?,
            areas: self.all_json("garbage_areas")?,
            centers: self.all_json("garbage_centers")?,
        })
    }

    /// Every garbage collection area.
    pub fn garbage_areas(&self) -> Result<Vec<GarbageArea>, StoreError> {
        self.all_json("garbage_areas")
    }

    /// What goes out in `area_id` on `date`, per category, honouring centre closures.
    pub fn garbage_day(&self, area_id: &str, date: NaiveDate) -> Result<GarbageDay, StoreError> {
        let data = self.garbage()?;
        let collections = crate::garbage::collections_on(&data, area_id, date)?;
        let closure = crate::garbage::closure_on(&data, area_id, date)?;
        let area = data
            .areas
            .iter()
            .find(|a| a.id == area_id)
            .cloned()
            .ok_or_else(|| crate::garbage::GarbageError::UnknownArea(area_id.to_string()))?;
        let collections = collections
            .into_iter()
            .map(|c| GarbageCollection {
                category: data
                    .categories
                    .iter()
                    .find(|k| k.id == c.category_id)
                    .cloned()
                    .unwrap_or_else(|| GarbageCategory {
                        id: c.category_id.clone(),
                        name: machi_common::LocalizedText::single(
                            machi_common::Lang::Ja,
                            &c.category_id,
                        ),
                        sublabel: Default::default(),
                        description: Default::default(),
                        caution: Default::default(),
                        color: None,
                    }),
                rule: c.rule,
            })
            .collect();
        Ok(GarbageDay {
            area,
            date,
            closed: closure.map(|c| GarbageClosure {
                center_id: c.center_id,
                from: c.from,
                to: c.to,
            }),
            collections,
        })
    }

    /// Departments (FAQ contacts).
    pub fn departments(&self) -> Result<Vec<Department>, StoreError> {
        self.all_json("departments")
    }

    /// One department by id.
    pub fn department(&self, id: &str) -> Result<Option<Department>, StoreError> {
        self.get_json("departments", id)
    }

    /// Every FAQ entry, in pack order.
    pub fn faq_entries(&self) -> Result<Vec<FaqEntry>, StoreError> {
        self.all_json("faq")
    }

    /// Every FAQ synonym set.
    pub fn synonyms(&self) -> Result<Vec<SynonymSet>, StoreError> {
        self.all_json("synonyms")
    }

    /// Every congestion rule (course planner).
    pub fn congestion_rules(&self) -> Result<Vec<CongestionRule>, StoreError> {
        self.all_json("congestion")
    }

    /// Every travel-time override (course planner).
    pub fn travel_times(&self) -> Result<Vec<TravelTime>, StoreError> {
        self.all_json("travel_times")
    }

    /// Notice documents shipped with the pack (alerts).
    pub fn notices(&self) -> Result<Vec<NoticeDocument>, StoreError> {
        self.all_json("notices")
    }

    /// The procedures catalogue, life events and questionnaire (empty when
    /// the pack has none).
    pub fn procedures(&self) -> Result<ProceduresData, StoreError> {
        Ok(self
            .all_json::<ProceduresData>("procedures")?
            .pop()
            .unwrap_or_default())
    }

    /// The installed pack's public-transport timetable, `None` when the pack
    /// has none (read it with `machi_transit::Timetable::from_blob`).
    pub fn transit(&self) -> Result<Option<TransitData>, StoreError> {
        Ok(self.all_json::<TransitData>("transit")?.pop())
    }

    /// The installed pack's taxi tariff and stands and its rental-bicycle
    /// stations (course planner); empty when the pack has none.
    pub fn mobility(&self) -> Result<Mobility, StoreError> {
        Ok(self
            .all_json::<Mobility>("mobility")?
            .pop()
            .unwrap_or_default())
    }

    /// The whole installed content as one [`PackData`] (`None`: empty store).
    pub fn export(&self) -> Result<Option<PackData>, StoreError> {
        let Some(installed) = self.installed()? else {
            return Ok(None);
        };
        Ok(Some(PackData {
            meta: installed.meta,
            spots: self.all_spots()?,
            events: self.all_json("events")?,
            shelters: self.all_shelters()?,
            garbage: self.garbage()?,
            departments: self.departments()?,
            faq: self.faq_entries()?,
            synonyms: self.synonyms()?,
            congestion: self.congestion_rules()?,
            travel_times: self.travel_times()?,
            notices: self.notices()?,
            procedures: self.procedures()?,
            transit: self.transit()?,
            mobility: self.mobility()?,
        }))
    }
}
