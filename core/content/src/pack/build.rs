//! Writing a pack folder: full content, deltas against earlier full packs, signed manifest.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, SecondsFormat, Utc};
use flate2::read::GzDecoder;
use flate2::{Compression, GzBuilder};

use super::keys::key_id;
use super::manifest::{sha256_hex, AssetEntry, DeltaEntry, Manifest, PartEntry, FORMAT};
use super::{read_file, SigningKey, MANIFEST_FILE, SIGNATURE_FILE};
use crate::delta::Delta;
use crate::error::PackError;
use crate::model::PackData;

/// How many earlier versions get a delta to the new one.
pub const MAX_DELTAS: usize = 3;

/// How long a manifest stays valid by default: the town re-signs (rebuilds)
/// its pack at least this often, and an app whose installed pack's manifest
/// expired says its town information may be out of date.
pub const DEFAULT_VALIDITY_DAYS: i64 = 30;

/// What else goes into a pack besides its content.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Asset files (name, path) copied beside the pack as `NAME-SHA16.bin`
    /// and listed, with size and sha256, in the signed manifest.
    pub assets: Vec<(String, PathBuf)>,
    /// End of the manifest's validity.
    pub expires: DateTime<Utc>,
}

impl BuildOptions {
    /// No assets, valid for [`DEFAULT_VALIDITY_DAYS`] from now.
    pub fn new() -> Self {
        Self::valid_for_days(DEFAULT_VALIDITY_DAYS)
    }

    /// No assets, valid for `days` from now.
    pub fn valid_for_days(days: i64) -> Self {
        BuildOptions {
            assets: Vec::new(),
            expires: Utc::now() + chrono::Duration::days(days),
        }
    }
}

impl Default for BuildOptions {
    fn default() -> Self {
        Self::new()
    }
}

/// What [`build_pack`] wrote.
#[derive(Debug, Clone)]
pub struct BuildReport {
    /// The manifest as signed.
    pub manifest: Manifest,
    /// Files written, in writing order (the manifest and signature last).
    pub files: Vec<String>,
}

fn gzip(json: &[u8]) -> Result<Vec<u8>, std::io::Error> {
    // No file name and mtime 0 in the header: the same content gives the same bytes.
    let mut enc = GzBuilder::new()
        .mtime(0)
        .write(Vec::new(), Compression::best());
    enc.write_all(json)?;
    enc.finish()
}

fn counts(d: &PackData) -> BTreeMap<String, u64> {
    let n = |x: usize| x as u64;
    BTreeMap::from([
        ("spots".to_string(), n(d.spots.len())),
        ("events".to_string(), n(d.events.len())),
        ("shelters".to_string(), n(d.shelters.len())),
        ("garbage_areas".to_string(), n(d.garbage.areas.len())),
        (
            "garbage_categories".to_string(),
            n(d.garbage.categories.len()),
        ),
        ("garbage_items".to_string(), n(d.garbage.items.len())),
        ("garbage_centers".to_string(), n(d.garbage.centers.len())),
        ("departments".to_string(), n(d.departments.len())),
        ("faq".to_string(), n(d.faq.len())),
        ("synonyms".to_string(), n(d.synonyms.len())),
        ("congestion".to_string(), n(d.congestion.len())),
        ("travel_times".to_string(), n(d.travel_times.len())),
        ("notices".to_string(), n(d.notices.len())),
        ("taxi_stands".to_string(), n(d.mobility.taxi_stands.len())),
        (
            "bicycle_rentals".to_string(),
            n(d.mobility.bicycle_rentals.len()),
        ),
    ])
}

/// Earlier full packs in `dir` (version, file name), newest first.
fn earlier_full_packs(dir: &Path, below: u64) -> Result<Vec<(u64, String)>, PackError> {
    let rd = std::fs::read_dir(dir).map_err(|source| PackError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut found = Vec::new();
    for e in rd.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if let Some(v) = name
            .strip_prefix("content-v")
            .and_then(|s| s.strip_suffix(".json.gz"))
            .and_then(|s| s.parse::<u64>().ok())
        {
            if v < below {
                found.push((v, name));
            }
        }
    }
    found.sort_by_key(|f| std::cmp::Reverse(f.0));
    Ok(found)
}

/// Writes `data` as a signed pack into `out_dir`, with deltas from up to
/// [`MAX_DELTAS`] earlier full packs found there. Refuses a version that is
/// not newer than a manifest already in `out_dir`.
pub fn build_pack(
    data: &PackData,
    key: &SigningKey,
    out_dir: &Path,
) -> Result<BuildReport, PackError> {
    build_pack_with_assets(data, key, out_dir, &[])
}

/// [`build_pack`], plus asset files (name, path) copied beside the pack as
/// `NAME-SHA16.bin` and listed, with size and sha256, in the signed manifest.
/// A file name carries its hash so a client never resumes one version's
/// download with another's bytes.
pub fn build_pack_with_assets(
    data: &PackData,
    key: &SigningKey,
    out_dir: &Path,
    assets: &[(String, PathBuf)],
) -> Result<BuildReport, PackError> {
    let options = BuildOptions {
        assets: assets.to_vec(),
        ..BuildOptions::new()
    };
    build_pack_with_options(data, key, out_dir, &options)
}

/// Writes `data` as a signed pack into `out_dir` with the assets and validity
/// of `options` (see [`build_pack`] and [`build_pack_with_assets`]).
pub fn build_pack_with_options(
    data: &PackData,
    key: &SigningKey,
    out_dir: &Path,
    options: &BuildOptions,
) -> Result<BuildReport, PackError> {
    let assets = &options.assets;
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| PackError::Io { path, source }
    };
    let bad = |e: serde_json::Error| PackError::BadFormat {
        reason: e.to_string(),
    };
    std::fs::create_dir_all(out_dir).map_err(io(out_dir))?;
    let version = data.meta.pack_version;
    let existing = out_dir.join(MANIFEST_FILE);
    if existing.exists() {
        #[derive(serde::Deserialize)]
        struct V {
            pack_version: u64,
        }
        let old: V = serde_json::from_slice(&read_file(&existing)?).map_err(bad)?;
        if old.pack_version >= version {
            return Err(PackError::OlderVersion {
                installed: old.pack_version,
                offered: version,
            });
        }
    }
    let mut files = Vec::new();
    let mut write_part = |name: String, json: Vec<u8>| -> Result<PartEntry, PackError> {
        let path = out_dir.join(&name);
        let gz = gzip(&json).map_err(io(&path))?;
        std::fs::write(&path, &gz).map_err(io(&path))?;
        files.push(name.clone());
        Ok(PartEntry {
            file: name,
            sha256: sha256_hex(&gz),
            size: gz.len() as u64,
            uncompressed_size: json.len() as u64,
        })
    };
    let full = write_part(
        format!("content-v{version}.json.gz"),
        serde_json::to_vec(data).map_err(bad)?,
    )?;
    let mut deltas = Vec::new();
    for (from, name) in earlier_full_packs(out_dir, version)?
        .into_iter()
        .take(MAX_DELTAS)
    {
        let gz = read_file(&out_dir.join(&name))?;
        let mut json = Vec::new();
        GzDecoder::new(gz.as_slice())
            .read_to_end(&mut json)
            .map_err(io(&out_dir.join(&name)))?;
        let old: PackData = serde_json::from_slice(&json).map_err(bad)?;
        let delta = Delta::between(&old, data);
        let part = write_part(
            format!("delta-{from}-{version}.json.gz"),
            serde_json::to_vec(&delta).map_err(bad)?,
        )?;
        deltas.push(DeltaEntry {
            from_version: from,
            part,
        });
    }
    let mut asset_entries = Vec::with_capacity(assets.len());
    for (name, path) in assets {
        let bytes = read_file(path)?;
        let sha256 = sha256_hex(&bytes);
        let file = format!("{name}-{}.bin", &sha256[..16]);
        let dest = out_dir.join(&file);
        std::fs::write(&dest, &bytes).map_err(io(&dest))?;
        files.push(file.clone());
        asset_entries.push(AssetEntry {
            name: name.clone(),
            file,
            sha256,
            size: bytes.len() as u64,
        });
    }
    let manifest = Manifest {
        format: FORMAT,
        pack_version: version,
        municipality_code: data.meta.municipality_code.clone(),
        name: data.meta.municipality_name.clone(),
        languages: data.meta.languages.clone(),
        created: data.meta.created.clone(),
        expires: Some(options.expires.to_rfc3339_opts(SecondsFormat::Secs, true)),
        key_id: key_id(&key.verifying_key()),
        counts: counts(data),
        full,
        deltas,
        assets: asset_entries,
    };
    manifest.check_assets()?;
    let (bytes, sig) = manifest.sign(key)?;
    // Manifest last: a reader never sees a manifest naming parts not yet written.
    let sig_path = out_dir.join(SIGNATURE_FILE);
    let man_path = out_dir.join(MANIFEST_FILE);
    std::fs::write(&man_path, &bytes).map_err(io(&man_path))?;
    std::fs::write(&sig_path, sig).map_err(io(&sig_path))?;
    files.push(MANIFEST_FILE.to_string());
    files.push(SIGNATURE_FILE.to_string());
    Ok(BuildReport { manifest, files })
}
