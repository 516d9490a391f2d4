//! Where the installed pack came from: the key that signed its manifest, until
//! when that manifest is valid, and the assets (models) it lists — written in
//! the same transaction as the content, so the three never disagree.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::Store;
use crate::error::StoreError;
use crate::pack::{AssetEntry, Manifest};

/// Who signed the installed pack, and until when its manifest is valid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// Fingerprint of the key that signed the manifest (`pack::key_id`).
    pub key_id: String,
    /// End of the manifest's validity, RFC 3339.
    pub expires: String,
}

impl Provenance {
    /// Whether the manifest's validity ended before `now`: the town has not
    /// re-signed its pack since (or a server keeps serving an old one), so
    /// what the app shows may be out of date. An unreadable time counts as stale.
    pub fn is_stale(&self, now: DateTime<Utc>) -> bool {
        DateTime::parse_from_rfc3339(&self.expires).map_or(true, |t| t.to_utc() < now)
    }
}

/// Replaces the provenance and asset list inside an import's transaction:
/// from `signed`'s manifest, or none for content without one (the town
/// embedded in the app, a test import).
pub(crate) fn put(tx: &Transaction<'_>, signed: Option<&Manifest>) -> Result<(), StoreError> {
    tx.execute("DELETE FROM pack_provenance", [])?;
    let Some(m) = signed else {
        tx.execute("DELETE FROM pack_assets", [])?;
        return Ok(());
    };
    let expires = m.expires.clone().unwrap_or_default();
    tx.execute(
        "INSERT INTO pack_provenance(id, key_id, expires) VALUES (1, ?1, ?2)",
        params![m.key_id, expires],
    )?;
    put_assets(tx, &m.assets)
}

fn put_assets(tx: &Transaction<'_>, assets: &[AssetEntry]) -> Result<(), StoreError> {
    // Rows of unchanged assets keep their "checked" stamp.
    let keep: Vec<String> = assets.iter().map(|a| a.file.clone()).collect();
    let mut stale = tx.prepare("SELECT file FROM pack_assets")?;
    let files: Vec<String> = stale
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    drop(stale);
    for f in files.iter().filter(|f| !keep.contains(f)) {
        tx.execute("DELETE FROM pack_assets WHERE file = ?1", [f])?;
    }
    for a in assets {
        tx.execute(
            "INSERT INTO pack_assets(name, file, sha256, size) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(name) DO UPDATE SET file = excluded.file, sha256 = excluded.sha256,
               size = excluded.size,
               checked = CASE WHEN pack_assets.file = excluded.file THEN pack_assets.checked END",
            params![a.name, a.file, a.sha256, a.size as i64],
        )?;
    }
    Ok(())
}

impl Store {
    /// Who signed the installed pack (`None`: no pack, or content that came
    /// without a signed manifest, such as the town embedded in the app).
    pub fn provenance(&self) -> Result<Option<Provenance>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT key_id, expires FROM pack_provenance WHERE id = 1",
                [],
                |r| {
                    Ok(Provenance {
                        key_id: r.get(0)?,
                        expires: r.get(1)?,
                    })
                },
            )
            .optional()?)
    }

    /// Records the asset list of the installed pack's `manifest` (the same
    /// version as installed): for a store whose content is current but whose
    /// asset list is missing or older.
    pub fn record_assets(&mut self, manifest: &Manifest) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        put_assets(&tx, &manifest.assets)?;
        tx.commit()?;
        Ok(())
    }

    /// The installed pack's asset called `name`, as its signed manifest lists it.
    pub fn installed_asset(&self, name: &str) -> Result<Option<AssetEntry>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT name, file, sha256, size FROM pack_assets WHERE name = ?1",
                [name],
                |r| {
                    Ok(AssetEntry {
                        name: r.get(0)?,
                        file: r.get(1)?,
                        sha256: r.get(2)?,
                        size: r.get::<_, i64>(3)? as u64,
                    })
                },
            )
            .optional()?)
    }

    /// The stamp (size and modification time of the file, as the caller
    /// writes it) under which asset `name`'s file was last hash-checked.
    pub fn asset_checked_stamp(&self, name: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT checked FROM pack_assets WHERE name = ?1",
                [name],
                |r| r.get::<_, Option<String>>(0),
            )
            .optional()?
            .flatten())
    }

    /// Records that asset `name`'s file matched its sha256 under `stamp`.
    pub fn mark_asset_checked(&self, name: &str, stamp: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE pack_assets SET checked = ?2 WHERE name = ?1",
            params![name, stamp],
        )?;
        Ok(())
    }
}
