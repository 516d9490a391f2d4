//! Signed content packs: build, verify, decode, import.
//!
//! A pack is static files (see `docs/pack-source.md`): `manifest.json`,
//! `manifest.json.sig` (ed25519 over the manifest's exact bytes, base64), the
//! full content `content-v<N>.json.gz` and deltas `delta-<F>-<N>.json.gz`.
//! A client verifies the signature first, then the size and sha256 of each
//! part it reads, then imports in one transaction.
//!
//! The in-memory API ([`Manifest::parse_verified`], [`Manifest::decode_full`],
//! [`Manifest::decode_delta`]) serves clients that download the files
//! themselves (sync); [`verify_dir`] and [`import_dir`] work on a folder.

mod build;
pub mod keys;
mod manifest;

use std::path::Path;

pub use build::{
    build_pack, build_pack_with_assets, build_pack_with_options, BuildOptions, BuildReport,
    DEFAULT_VALIDITY_DAYS, MAX_DELTAS,
};
pub use ed25519_dalek::{SigningKey, VerifyingKey};
pub use manifest::{
    decode_part, is_sha256_hex, sha256_hex, AssetEntry, DeltaEntry, Manifest, PartEntry,
    FAQ_ENCODER_ASSET, FORMAT,
};

use crate::error::{PackError, StoreError};
use crate::model::PackData;
use crate::store::{ImportSummary, Store};

/// File name of the manifest.
pub const MANIFEST_FILE: &str = "manifest.json";
/// File name of the manifest signature.
pub const SIGNATURE_FILE: &str = "manifest.json.sig";

fn read_file(path: &Path) -> Result<Vec<u8>, PackError> {
    std::fs::read(path).map_err(|source| PackError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Reads and verifies `DIR/manifest.json` against its signature.
pub fn read_manifest(dir: &Path, key: &VerifyingKey) -> Result<Manifest, PackError> {
    let bytes = read_file(&dir.join(MANIFEST_FILE))?;
    let sig = read_file(&dir.join(SIGNATURE_FILE))?;
    let sig = String::from_utf8(sig).map_err(|_| PackError::BadSignature)?;
    Manifest::parse_verified(&bytes, &sig, key)
}

/// Reads a part file named by the manifest (only plain names next to the manifest).
fn read_part(dir: &Path, file: &str) -> Result<Vec<u8>, PackError> {
    if !manifest::is_plain_file_name(file) {
        return Err(PackError::BadFormat {
            reason: format!("part file name {file:?} is not a plain file name"),
        });
    }
    read_file(&dir.join(file))
}

/// Checks an asset's bytes against their manifest entry (size and sha256).
pub fn check_asset(entry: &AssetEntry, bytes: &[u8]) -> Result<(), PackError> {
    manifest::check_part_bytes(&entry.as_part(), bytes)
}

/// Checks an asset file on disk against its manifest entry (size, then a
/// streamed sha256: models are tens of MB, never read into memory whole).
pub fn check_asset_file(entry: &AssetEntry, path: &Path) -> Result<(), PackError> {
    use sha2::{Digest, Sha256};
    let io = |source| PackError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut file = std::fs::File::open(path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    if len != entry.size {
        return Err(PackError::Truncated {
            file: entry.file.clone(),
            expected: entry.size,
            actual: len,
        });
    }
    let mut hasher = Sha256::new();
    std::io::copy(&mut file, &mut hasher).map_err(io)?;
    if crate::hex(&hasher.finalize()) != entry.sha256 {
        return Err(PackError::HashMismatch {
            file: entry.file.clone(),
        });
    }
    Ok(())
}

/// Everything a folder's pack holds once verified.
#[derive(Debug, Clone)]
pub struct VerifiedPack {
    /// The verified manifest.
    pub manifest: Manifest,
    /// The full content.
    pub data: PackData,
}

/// Verifies a pack folder completely: signature, then size, sha256 and
/// content of the full pack and of every delta.
pub fn verify_dir(dir: &Path, key: &VerifyingKey) -> Result<VerifiedPack, PackError> {
    let manifest = read_manifest(dir, key)?;
    let data = manifest.decode_full(&read_part(dir, &manifest.full.file)?)?;
    for d in &manifest.deltas {
        manifest.decode_delta(d.from_version, &read_part(dir, &d.part.file)?)?;
    }
    for a in &manifest.assets {
        check_asset(a, &read_part(dir, &a.file)?)?;
    }
    Ok(VerifiedPack { manifest, data })
}

/// Imports the pack in `dir` into `store`: verifies the manifest, refuses a
/// pack that is not newer or is for another town, then applies the delta
/// from the installed version when the pack has one, else the full pack.
pub fn import_dir(
    store: &mut Store,
    dir: &Path,
    key: &VerifyingKey,
) -> Result<ImportSummary, StoreError> {
    let manifest = read_manifest(dir, key)?;
    manifest.check_not_expired(chrono::Utc::now())?;
    let offered = crate::model::PackMeta {
        municipality_code: manifest.municipality_code.clone(),
        pack_version: manifest.pack_version,
        ..Default::default()
    };
    let installed = store.check_offer(&offered)?;
    if let Some(entry) = installed.and_then(|v| manifest.delta_from(v)) {
        let delta =
            manifest.decode_delta(entry.from_version, &read_part(dir, &entry.part.file)?)?;
        return store.import_delta_signed(&delta, &manifest);
    }
    let data = manifest.decode_full(&read_part(dir, &manifest.full.file)?)?;
    store.import_full_signed(&data, &manifest)
}
