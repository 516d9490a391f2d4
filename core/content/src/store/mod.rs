//! The SQLite content store: what the app shows offline.
//!
//! One [`Store`] owns one writer connection (WAL, foreign keys on) plus
//! in-memory spatial indexes over spots and shelters that are rebuilt after
//! every import. Imports run in one transaction and check the pack's version
//! and municipality first, so a refused or failing import leaves the store
//! answering exactly as before.

mod checklists;
mod embeddings;
mod import;
mod index;
mod provenance;
mod query;
mod user;

use std::path::Path;

use machi_common::GeoPoint;
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::StoreError;
use crate::model::PackMeta;
use crate::schema;

pub use checklists::{DoneStep, StartedChecklist};
pub use import::{ImportKind, ImportSummary};
pub use provenance::Provenance;
pub use query::{GarbageClosure, GarbageCollection, GarbageDay, ShelterHit, SpotHit, SpotQuery};
pub use user::{FaqFeedback, Place, UnansweredQuery};

/// How many rows each content table holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Tourism spots.
    pub spots: u64,
    /// Events.
    pub events: u64,
    /// Evacuation places and shelters.
    pub shelters: u64,
    /// Garbage categories.
    pub garbage_categories: u64,
    /// Garbage items.
    pub garbage_items: u64,
    /// Garbage collection areas.
    pub garbage_areas: u64,
    /// Garbage collection centres.
    pub garbage_centers: u64,
    /// Departments.
    pub departments: u64,
    /// FAQ entries.
    pub faq: u64,
    /// Synonym sets.
    pub synonyms: u64,
    /// Congestion rules.
    pub congestion: u64,
    /// Travel-time overrides.
    pub travel_times: u64,
    /// Notice documents.
    pub notices: u64,
}

/// The pack currently installed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InstalledPack {
    /// Its metadata (version, municipality, languages…).
    pub meta: PackMeta,
    /// When it was imported, RFC 3339.
    pub installed_at: String,
}

/// The content store. Not `Sync` by itself (one SQLite connection); share it behind a mutex.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    spots: index::SpotIndex,
    shelters: index::ShelterIndex,
}

impl Store {
    /// Opens (creating if needed) the database file and migrates it.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::from_connection(Connection::open(path)?)
    }

    /// An empty store in memory (tests, demos, `--db :memory:`).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        Store::from_connection(Connection::open_in_memory()?)
    }

    /// Configures and migrates an already opened connection, then builds the indexes.
    pub fn from_connection(mut conn: Connection) -> Result<Store, StoreError> {
        // WAL lets readers (other processes, backups) run beside the one writer;
        // an in-memory database answers "memory", which is fine.
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |_| Ok(()))?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        schema::migrate(&mut conn)?;
        let mut store = Store {
            conn,
            spots: Default::default(),
            shelters: Default::default(),
        };
        store.rebuild_indexes()?;
        Ok(store)
    }

    /// The connection, for components that keep their own tables in the same
    /// database (they migrate them through `schema_migrations`).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Mutable access to the connection (transactions of other components).
    pub fn connection_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    fn rebuild_indexes(&mut self) -> Result<(), StoreError> {
        self.spots = index::SpotIndex::load(&self.conn)?;
        self.shelters = index::ShelterIndex::load(&self.conn)?;
        Ok(())
    }

    /// The installed pack, or `None` for an empty store.
    pub fn installed(&self) -> Result<Option<InstalledPack>, StoreError> {
        let row: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT data, installed_at FROM pack_meta WHERE id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        row.map(|(data, installed_at)| {
            Ok(InstalledPack {
                meta: serde_json::from_str(&data)?,
                installed_at,
            })
        })
        .transpose()
    }

    /// The installed pack version (`None`: empty store).
    pub fn installed_version(&self) -> Result<Option<u64>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT pack_version FROM pack_meta WHERE id = 1", [], |r| {
                r.get::<_, i64>(0)
            })
            .optional()?
            .map(|v| v as u64))
    }

    /// The town's representative point, if the pack gives one.
    pub fn center(&self) -> Result<Option<GeoPoint>, StoreError> {
        Ok(self.installed()?.and_then(|p| p.meta.center))
    }

    /// Row counts of every content table.
    pub fn counts(&self) -> Result<Counts, StoreError> {
        let n = |t: &str| -> Result<u64, StoreError> {
            Ok(self
                .conn
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| {
                    r.get::<_, i64>(0)
                })? as u64)
        };
        Ok(Counts {
            spots: n("spots")?,
            events: n("events")?,
            shelters: n("shelters")?,
            garbage_categories: n("garbage_categories")?,
            garbage_items: n("garbage_items")?,
            garbage_areas: n("garbage_areas")?,
            garbage_centers: n("garbage_centers")?,
            departments: n("departments")?,
            faq: n("faq")?,
            synonyms: n("synonyms")?,
            congestion: n("congestion")?,
            travel_times: n("travel_times")?,
            notices: n("notices")?,
        })
    }

    /// A sha256 (hex) over the installed pack metadata and every content row,
    /// ordered by key: equal checksums mean the store answers the same.
    pub fn content_checksum(&self) -> Result<String, StoreError> {
        let mut h = Sha256::new();
        let meta: Option<String> = self
            .conn
            .query_row("SELECT data FROM pack_meta WHERE id = 1", [], |r| r.get(0))
            .optional()?;
        h.update(meta.unwrap_or_default().as_bytes());
        for t in schema::CONTENT_TABLES {
            h.update(t.as_bytes());
            let mut st = self
                .conn
                .prepare(&format!("SELECT key, data FROM {t} ORDER BY key"))?;
            let mut rows = st.query([])?;
            while let Some(r) = rows.next()? {
                let k: String = r.get(0)?;
                let d: String = r.get(1)?;
                h.update(k.as_bytes());
                h.update([0]);
                h.update(d.as_bytes());
                h.update([0]);
            }
        }
        let mut tags = self
            .conn
            .prepare("SELECT spot_key, tag FROM spot_tags ORDER BY spot_key, tag")?;
        let mut rows = tags.query([])?;
        while let Some(r) = rows.next()? {
            let k: String = r.get(0)?;
            let t: String = r.get(1)?;
            h.update(k.as_bytes());
            h.update(t.as_bytes());
        }
        Ok(crate::hex(&h.finalize()))
    }
}
