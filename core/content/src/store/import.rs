//! Importing full packs and deltas: version/municipality checks, then one transaction.

use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};

use super::{index, provenance, Counts, Store};
use crate::delta::{Delta, Keyed, TableDelta};
use crate::error::{PackError, StoreError};
use crate::model::*;
use crate::pack::Manifest;
use crate::schema::CONTENT_TABLES;

/// Whether an import replaced everything or applied changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum ImportKind {
    /// A full pack replaced the content.
    Full,
    /// A delta applied on top of `from_version`.
    Delta {
        /// The base version.
        from_version: u64,
    },
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportSummary {
    /// Full or delta.
    pub kind: ImportKind,
    /// Version installed before (`None`: the store was empty).
    pub previous_version: Option<u64>,
    /// Version installed now.
    pub pack_version: u64,
    /// Row counts after the import.
    pub counts: Counts,
}

impl Store {
    /// Checks that a pack with `meta` may be installed: same town as the
    /// installed pack (if any) and a strictly newer version. Returns the
    /// installed version.
    pub fn check_offer(&self, meta: &PackMeta) -> Result<Option<u64>, StoreError> {
        let installed = self.installed()?;
        if let Some(p) = &installed {
            if p.meta.municipality_code != meta.municipality_code {
                return Err(PackError::WrongMunicipality {
                    expected: p.meta.municipality_code.clone(),
                    found: meta.municipality_code.clone(),
                }
                .into());
            }
            if meta.pack_version <= p.meta.pack_version {
                return Err(PackError::OlderVersion {
                    installed: p.meta.pack_version,
                    offered: meta.pack_version,
                }
                .into());
            }
        }
        Ok(installed.map(|p| p.meta.pack_version))
    }

    /// Replaces all content with a full pack, in one transaction, after
    /// [`Store::check_offer`]. On any error nothing changes. The pack counts
    /// as unsigned ([`Store::provenance`] is `None`): use
    /// [`Store::import_full_signed`] for a pack that came with its manifest.
    pub fn import_full(&mut self, data: &PackData) -> Result<ImportSummary, StoreError> {
        self.import_full_from(data, None)
    }

    /// [`Store::import_full`] of a pack verified with `manifest`, whose signer,
    /// validity and assets are recorded in the same transaction.
    pub fn import_full_signed(
        &mut self,
        data: &PackData,
        manifest: &Manifest,
    ) -> Result<ImportSummary, StoreError> {
        self.import_full_from(data, Some(manifest))
    }

    /// [`Store::import_delta`] of a delta verified with `manifest`, whose
    /// signer, validity and assets are recorded in the same transaction.
    pub fn import_delta_signed(
        &mut self,
        delta: &Delta,
        manifest: &Manifest,
    ) -> Result<ImportSummary, StoreError> {
        self.import_delta_from(delta, Some(manifest))
    }

    fn import_full_from(
        &mut self,
        data: &PackData,
        signed: Option<&Manifest>,
    ) -> Result<ImportSummary, StoreError> {
        let previous_version = self.check_offer(&data.meta)?;
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM spot_tags", [])?;
        for t in CONTENT_TABLES.iter().rev() {
            tx.execute(&format!("DELETE FROM {t}"), [])?;
        }
        put_departments(&tx, &data.departments)?;
        put_spots(&tx, &data.spots)?;
        put_events(&tx, &data.events)?;
        put_shelters(&tx, &data.shelters)?;
        put_plain(&tx, "garbage_categories", &data.garbage.categories)?;
        put_plain(&tx, "garbage_items", &data.garbage.items)?;
        put_plain(&tx, "garbage_areas", &data.garbage.areas)?;
        put_plain(&tx, "garbage_centers", &data.garbage.centers)?;
        put_faq(&tx, &data.faq)?;
        put_plain(&tx, "synonyms", &data.synonyms)?;
        put_plain(&tx, "congestion", &data.congestion)?;
        put_plain(&tx, "travel_times", &data.travel_times)?;
        put_plain(&tx, "notices", &data.notices)?;
        put_plain(
            &tx,
            "procedures",
            &crate::delta::procedures_rows(&data.procedures),
        )?;
        put_plain(&tx, "transit", &crate::delta::transit_rows(&data.transit))?;
        put_plain(
            &tx,
            "mobility",
            &crate::delta::mobility_rows(&data.mobility),
        )?;
        put_meta(&tx, &data.meta)?;
        provenance::put(&tx, signed)?;
        tx.commit()?;
        self.finish(ImportKind::Full, previous_version, data.meta.pack_version)
    }

    /// Applies a delta on top of exactly its base version, in one transaction.
    /// The result counts as unsigned, like [`Store::import_full`].
    pub fn import_delta(&mut self, delta: &Delta) -> Result<ImportSummary, StoreError> {
        self.import_delta_from(delta, None)
    }

    fn import_delta_from(
        &mut self,
        delta: &Delta,
        signed: Option<&Manifest>,
    ) -> Result<ImportSummary, StoreError> {
        let installed = self.installed_version()?;
        if installed != Some(delta.from_version) {
            return Err(PackError::DeltaBase {
                installed,
                base: delta.from_version,
            }
            .into());
        }
        let previous_version = self.check_offer(&delta.meta)?;
        let tx = self.conn.transaction()?;
        apply(&tx, "departments", &delta.departments, put_departments)?;
        apply(&tx, "spots", &delta.spots, put_spots)?;
        apply(&tx, "events", &delta.events, put_events)?;
        apply(&tx, "shelters", &delta.shelters, put_shelters)?;
        apply(
            &tx,
            "garbage_categories",
            &delta.garbage_categories,
            |t, r| put_plain(t, "garbage_categories", r),
        )?;
        apply(&tx, "garbage_items", &delta.garbage_items, |t, r| {
            put_plain(t, "garbage_items", r)
        })?;
        apply(&tx, "garbage_areas", &delta.garbage_areas, |t, r| {
            put_plain(t, "garbage_areas", r)
        })?;
        apply(&tx, "garbage_centers", &delta.garbage_centers, |t, r| {
            put_plain(t, "garbage_centers", r)
        })?;
        apply(&tx, "faq", &delta.faq, put_faq)?;
        apply(&tx, "synonyms", &delta.synonyms, |t, r| {
            put_plain(t, "synonyms", r)
        })?;
        apply(&tx, "congestion", &delta.congestion, |t, r| {
            put_plain(t, "congestion", r)
        })?;
        apply(&tx, "travel_times", &delta.travel_times, |t, r| {
            put_plain(t, "travel_times", r)
        })?;
        apply(&tx, "notices", &delta.notices, |t, r| {
            put_plain(t, "notices", r)
        })?;
        apply(&tx, "procedures", &delta.procedures, |t, r| {
            put_plain(t, "procedures", r)
        })?;
        apply(&tx, "transit", &delta.transit, |t, r| {
            put_plain(t, "transit", r)
        })?;
        apply(&tx, "mobility", &delta.mobility, |t, r| {
            put_plain(t, "mobility", r)
        })?;
        put_meta(&tx, &delta.meta)?;
        provenance::put(&tx, signed)?;
        tx.commit()?;
        self.finish(
            ImportKind::Delta {
                from_version: delta.from_version,
            },
            previous_version,
            delta.meta.pack_version,
        )
    }

    /// Removes all pack content and the installed-pack record (user state stays).
    /// Needed before installing another town's pack.
    pub fn clear_content(&mut self) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM spot_tags", [])?;
        for t in CONTENT_TABLES.iter().rev() {
            tx.execute(&format!("DELETE FROM {t}"), [])?;
        }
        tx.execute("DELETE FROM pack_meta", [])?;
        provenance::put(&tx, None)?;
        tx.commit()?;
        self.rebuild_indexes()
    }

    fn finish(
        &mut self,
        kind: ImportKind,
        previous_version: Option<u64>,
        pack_version: u64,
    ) -> Result<ImportSummary, StoreError> {
        self.rebuild_indexes()?;
        Ok(ImportSummary {
            kind,
            previous_version,
            pack_version,
            counts: self.counts()?,
        })
    }
}

fn apply<T: Keyed>(
    tx: &Transaction<'_>,
    table: &str,
    d: &TableDelta<T>,
    put: impl Fn(&Transaction<'_>, &[T]) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    if !d.remove.is_empty() {
        let mut st = tx.prepare(&format!("DELETE FROM {table} WHERE key = ?1"))?;
        for k in &d.remove {
            st.execute([k])?;
        }
    }
    put(tx, &d.upsert)
}

fn put_meta(tx: &Transaction<'_>, meta: &PackMeta) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO pack_meta(id, municipality_code, pack_version, data, installed_at)
         VALUES (1, ?1, ?2, ?3, ?4)
         ON CONFLICT(id) DO UPDATE SET municipality_code = excluded.municipality_code,
           pack_version = excluded.pack_version, data = excluded.data,
           installed_at = excluded.installed_at",
        params![
            meta.municipality_code,
            meta.pack_version as i64,
            serde_json::to_string(meta)?,
            chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        ],
    )?;
    Ok(())
}

fn put_plain<T: Keyed + Serialize>(
    tx: &Transaction<'_>,
    table: &str,
    rows: &[T],
) -> Result<(), StoreError> {
    let mut st = tx.prepare(&format!(
        "INSERT INTO {table}(key, data) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET data = excluded.data"
    ))?;
    for r in rows {
        st.execute(params![r.key(), serde_json::to_string(r)?])?;
    }
    Ok(())
}

fn put_departments(tx: &Transaction<'_>, rows: &[Department]) -> Result<(), StoreError> {
    put_plain(tx, "departments", rows)
}

fn put_spots(tx: &Transaction<'_>, rows: &[Spot]) -> Result<(), StoreError> {
    let mut st = tx.prepare(
        "INSERT INTO spots(key, lat, lon, popularity, opening_hours, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(key) DO UPDATE SET lat = excluded.lat, lon = excluded.lon,
           popularity = excluded.popularity, opening_hours = excluded.opening_hours, data = excluded.data",
    )?;
    let mut clear = tx.prepare("DELETE FROM spot_tags WHERE spot_key = ?1")?;
    let mut tag = tx.prepare("INSERT OR IGNORE INTO spot_tags(spot_key, tag) VALUES (?1, ?2)")?;
    for s in rows {
        st.execute(params![
            s.id,
            s.location.lat,
            s.location.lon,
            s.popularity as f64,
            s.opening_hours,
            serde_json::to_string(s)?
        ])?;
        clear.execute([&s.id])?;
        for t in &s.tags {
            tag.execute(params![s.id, t])?;
        }
    }
    Ok(())
}

fn put_events(tx: &Transaction<'_>, rows: &[Event]) -> Result<(), StoreError> {
    let mut st = tx.prepare(
        "INSERT INTO events(key, start_date, end_date, data) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(key) DO UPDATE SET start_date = excluded.start_date,
           end_date = excluded.end_date, data = excluded.data",
    )?;
    for e in rows {
        st.execute(params![
            e.id,
            e.start_date.to_string(),
            e.end_date.to_string(),
            serde_json::to_string(e)?
        ])?;
    }
    Ok(())
}

fn put_shelters(tx: &Transaction<'_>, rows: &[Shelter]) -> Result<(), StoreError> {
    let mut st = tx.prepare(
        "INSERT INTO shelters(key, lat, lon, hazards, data) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(key) DO UPDATE SET lat = excluded.lat, lon = excluded.lon,
           hazards = excluded.hazards, data = excluded.data",
    )?;
    for s in rows {
        let mask = s.hazards.iter().fold(0, |m, h| m | index::hazard_bit(*h));
        st.execute(params![
            s.id,
            s.location.lat,
            s.location.lon,
            mask,
            serde_json::to_string(s)?
        ])?;
    }
    Ok(())
}

fn put_faq(tx: &Transaction<'_>, rows: &[FaqEntry]) -> Result<(), StoreError> {
    let mut st = tx.prepare(
        "INSERT INTO faq(key, department_key, data) VALUES (?1, ?2, ?3)
         ON CONFLICT(key) DO UPDATE SET department_key = excluded.department_key, data = excluded.data",
    )?;
    for f in rows {
        st.execute(params![f.id, f.department_id, serde_json::to_string(f)?])?;
    }
    Ok(())
}
