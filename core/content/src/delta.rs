//! Changes between two pack versions: upserts and removals by id, per table.
//!
//! Every table row has a stable key ([`Keyed`]); a delta from version F to N
//! lists the rows of N that are new or differ from F, and the keys of F that
//! N no longer has. Applying it on top of F yields exactly N.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::model::*;

/// A row with a stable key inside its table.
pub trait Keyed {
    /// The key: the id for most tables, a composite for the others.
    fn key(&self) -> String;
}

// Composite keys join their parts with U+001F (unit separator), which never
// appears in ids or names.
const SEP: char = '\u{1f}';

macro_rules! keyed_by_id {
    ($($t:ty),*) => {$(
        impl Keyed for $t {
            fn key(&self) -> String {
                self.id.clone()
            }
        }
    )*};
}
keyed_by_id!(
    Spot,
    Event,
    Shelter,
    GarbageCategory,
    GarbageArea,
    GarbageCenter,
    Department,
    FaqEntry,
    CongestionRule
);

impl Keyed for GarbageItem {
    fn key(&self) -> String {
        let name = self
            .name
            .get(machi_common::Lang::Ja)
            .or_else(|| self.name.resolve(&[]).map(|r| r.text))
            .unwrap_or_default();
        format!("{}{SEP}{name}", self.category_id)
    }
}

impl Keyed for SynonymSet {
    fn key(&self) -> String {
        self.terms.join(&SEP.to_string())
    }
}

impl Keyed for TravelTime {
    fn key(&self) -> String {
        let mode = serde_json::to_value(self.mode)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        format!("{}{SEP}{}{SEP}{mode}", self.from, self.to)
    }
}

impl Keyed for ProceduresData {
    fn key(&self) -> String {
        "procedures".into()
    }
}

impl Keyed for TransitData {
    fn key(&self) -> String {
        "transit".into()
    }
}

impl Keyed for Mobility {
    fn key(&self) -> String {
        "mobility".into()
    }
}

impl Keyed for NoticeDocument {
    fn key(&self) -> String {
        self.name.clone()
    }
}

/// Changes to one table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
pub struct TableDelta<T> {
    /// Rows to insert or replace (matched by key).
    #[serde(default = "Vec::new")]
    pub upsert: Vec<T>,
    /// Keys to delete.
    #[serde(default = "Vec::new")]
    pub remove: Vec<String>,
}

impl<T> Default for TableDelta<T> {
    fn default() -> Self {
        TableDelta {
            upsert: Vec::new(),
            remove: Vec::new(),
        }
    }
}

impl<T: Keyed + PartialEq + Clone> TableDelta<T> {
    /// The changes that turn `old` into `new`.
    pub fn between(old: &[T], new: &[T]) -> Self {
        let old_by_key: BTreeMap<String, &T> = old.iter().map(|r| (r.key(), r)).collect();
        let new_keys: BTreeSet<String> = new.iter().map(Keyed::key).collect();
        let upsert = new
            .iter()
            .filter(|r| old_by_key.get(&r.key()).is_none_or(|o| *o != *r))
            .cloned()
            .collect();
        let remove = old_by_key
            .keys()
            .filter(|k| !new_keys.contains(*k))
            .cloned()
            .collect();
        TableDelta { upsert, remove }
    }

    /// Applies the changes to `rows` in memory (order: survivors, then upserts in delta order).
    pub fn apply_to(&self, rows: &mut Vec<T>) {
        let drop: BTreeSet<String> = self
            .remove
            .iter()
            .cloned()
            .chain(self.upsert.iter().map(Keyed::key))
            .collect();
        rows.retain(|r| !drop.contains(&r.key()));
        rows.extend(self.upsert.iter().cloned());
    }

    /// True when there is nothing to change.
    pub fn is_empty(&self) -> bool {
        self.upsert.is_empty() && self.remove.is_empty()
    }
}

/// Everything that changed from pack version `from_version` to `meta.pack_version`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Delta {
    /// The version this delta applies on top of.
    pub from_version: u64,
    /// The new pack's metadata (its version is the result's version).
    pub meta: PackMeta,
    /// Spot changes.
    #[serde(default)]
    pub spots: TableDelta<Spot>,
    /// Event changes.
    #[serde(default)]
    pub events: TableDelta<Event>,
    /// Shelter changes.
    #[serde(default)]
    pub shelters: TableDelta<Shelter>,
    /// Garbage category changes.
    #[serde(default)]
    pub garbage_categories: TableDelta<GarbageCategory>,
    /// Garbage item changes.
    #[serde(default)]
    pub garbage_items: TableDelta<GarbageItem>,
    /// Garbage area changes.
    #[serde(default)]
    pub garbage_areas: TableDelta<GarbageArea>,
    /// Garbage centre changes.
    #[serde(default)]
    pub garbage_centers: TableDelta<GarbageCenter>,
    /// Department changes.
    #[serde(default)]
    pub departments: TableDelta<Department>,
    /// FAQ changes.
    #[serde(default)]
    pub faq: TableDelta<FaqEntry>,
    /// Synonym-set changes.
    #[serde(default)]
    pub synonyms: TableDelta<SynonymSet>,
    /// Congestion-rule changes.
    #[serde(default)]
    pub congestion: TableDelta<CongestionRule>,
    /// Travel-time changes.
    #[serde(default)]
    pub travel_times: TableDelta<TravelTime>,
    /// Notice-document changes.
    #[serde(default)]
    pub notices: TableDelta<NoticeDocument>,
    /// Procedures changes: the catalogue travels as one row (it is small and
    /// its parts refer to each other), so any change resends all of it.
    #[serde(default, skip_serializing_if = "TableDelta::is_empty")]
    pub procedures: TableDelta<ProceduresData>,
    /// Timetable changes: one row, resent whole when the feed changes.
    #[serde(default, skip_serializing_if = "TableDelta::is_empty")]
    pub transit: TableDelta<TransitData>,
    /// Taxi and rental-bicycle changes: one row (small, and the stands only
    /// make sense with the tariff), resent whole when any part changes.
    #[serde(default, skip_serializing_if = "TableDelta::is_empty")]
    pub mobility: TableDelta<Mobility>,
}

impl Delta {
    /// The delta that turns `old` into `new`.
    pub fn between(old: &PackData, new: &PackData) -> Delta {
        Delta {
            from_version: old.meta.pack_version,
            meta: new.meta.clone(),
            spots: TableDelta::between(&old.spots, &new.spots),
            events: TableDelta::between(&old.events, &new.events),
            shelters: TableDelta::between(&old.shelters, &new.shelters),
            garbage_categories: TableDelta::between(
                &old.garbage.categories,
                &new.garbage.categories,
            ),
            garbage_items: TableDelta::between(&old.garbage.items, &new.garbage.items),
            garbage_areas: TableDelta::between(&old.garbage.areas, &new.garbage.areas),
            garbage_centers: TableDelta::between(&old.garbage.centers, &new.garbage.centers),
            departments: TableDelta::between(&old.departments, &new.departments),
            faq: TableDelta::between(&old.faq, &new.faq),
            synonyms: TableDelta::between(&old.synonyms, &new.synonyms),
            congestion: TableDelta::between(&old.congestion, &new.congestion),
            travel_times: TableDelta::between(&old.travel_times, &new.travel_times),
            notices: TableDelta::between(&old.notices, &new.notices),
            procedures: TableDelta::between(
                &procedures_rows(&old.procedures),
                &procedures_rows(&new.procedures),
            ),
            transit: TableDelta::between(&transit_rows(&old.transit), &transit_rows(&new.transit)),
            mobility: TableDelta::between(
                &mobility_rows(&old.mobility),
                &mobility_rows(&new.mobility),
            ),
        }
    }

    /// Applies the delta to an in-memory pack (used by tests and by pack building checks).
    pub fn apply_to(&self, data: &mut PackData) {
        data.meta = self.meta.clone();
        self.spots.apply_to(&mut data.spots);
        self.events.apply_to(&mut data.events);
        self.shelters.apply_to(&mut data.shelters);
        self.garbage_categories
            .apply_to(&mut data.garbage.categories);
        self.garbage_items.apply_to(&mut data.garbage.items);
        self.garbage_areas.apply_to(&mut data.garbage.areas);
        self.garbage_centers.apply_to(&mut data.garbage.centers);
        self.departments.apply_to(&mut data.departments);
        self.faq.apply_to(&mut data.faq);
        self.synonyms.apply_to(&mut data.synonyms);
        self.congestion.apply_to(&mut data.congestion);
        self.travel_times.apply_to(&mut data.travel_times);
        self.notices.apply_to(&mut data.notices);
        let mut rows = procedures_rows(&data.procedures);
        self.procedures.apply_to(&mut rows);
        data.procedures = rows.pop().unwrap_or_default();
        let mut rows = transit_rows(&data.transit);
        self.transit.apply_to(&mut rows);
        data.transit = rows.pop();
        let mut rows = mobility_rows(&data.mobility);
        self.mobility.apply_to(&mut rows);
        data.mobility = rows.pop().unwrap_or_default();
    }
}

/// The procedures table's rows: none for a pack without procedures, else one.
pub(crate) fn procedures_rows(p: &ProceduresData) -> Vec<ProceduresData> {
    if p.is_empty() {
        Vec::new()
    } else {
        vec![p.clone()]
    }
}

/// The transit table's rows: none for a pack without a timetable, else one.
pub(crate) fn transit_rows(t: &Option<TransitData>) -> Vec<TransitData> {
    t.iter().cloned().collect()
}

/// The mobility table's rows: none for a pack without taxis or bicycles, else one.
pub(crate) fn mobility_rows(m: &Mobility) -> Vec<Mobility> {
    if m.is_empty() {
        Vec::new()
    } else {
        vec![m.clone()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use machi_common::{Lang, LocalizedText};

    fn set(terms: &[&str]) -> SynonymSet {
        SynonymSet {
            terms: terms.iter().map(|t| t.to_string()).collect(),
        }
    }

    #[test]
    fn between_then_apply_reproduces_the_new_rows() {
        let old = vec![set(&["a", "b"]), set(&["c", "d"]), set(&["e", "f"])];
        let new = vec![set(&["c", "d"]), set(&["g", "h"])];
        let d = TableDelta::between(&old, &new);
        assert_eq!(d.upsert, vec![set(&["g", "h"])]);
        assert_eq!(d.remove.len(), 2);
        let mut rows = old.clone();
        d.apply_to(&mut rows);
        assert_eq!(rows, new);
        assert!(TableDelta::between(&new, &new).is_empty());
    }

    #[test]
    fn changed_rows_are_upserted_by_key() {
        let dept = |name: &str| Department {
            id: "shimin".into(),
            name: LocalizedText::single(Lang::Ja, name),
            phone: None,
            hours: LocalizedText::new(),
            email: None,
            url: None,
        };
        let d = TableDelta::between(&[dept("市民課")], &[dept("市民窓口課")]);
        assert!(d.remove.is_empty());
        assert_eq!(d.upsert.len(), 1);
        let mut rows = vec![dept("市民課")];
        d.apply_to(&mut rows);
        assert_eq!(rows, vec![dept("市民窓口課")]);
    }
}
