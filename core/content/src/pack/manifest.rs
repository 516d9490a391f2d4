//! The signed pack manifest and decoding of the parts it describes.

use std::collections::BTreeMap;
use std::io::Read;

use chrono::{DateTime, Utc};
use ed25519_dalek::{SigningKey, Verifier, VerifyingKey};
use flate2::read::GzDecoder;
use machi_common::{Lang, LocalizedText};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::keys::key_id;
use crate::delta::Delta;
use crate::error::PackError;
use crate::model::PackData;

/// The pack format this build writes and reads.
pub const FORMAT: u32 = 1;

/// One compressed part file (full pack or delta) as the manifest describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartEntry {
    /// File name next to the manifest.
    pub file: String,
    /// sha256 of the compressed bytes, lowercase hex.
    pub sha256: String,
    /// Size of the compressed bytes.
    pub size: u64,
    /// Size of the JSON once decompressed.
    pub uncompressed_size: u64,
}

/// A delta part: changes from `from_version` to the manifest's version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeltaEntry {
    /// The base version the delta applies to.
    pub from_version: u64,
    /// The part file.
    #[serde(flatten)]
    pub part: PartEntry,
}

/// The asset name of the FAQ's sentence-encoder model (see machi-faq's
/// `encoder` module for its format).
pub const FAQ_ENCODER_ASSET: &str = "faq-encoder";

/// A file that travels beside the pack but is not content rows: a model the
/// app loads from disk (today the FAQ's sentence encoder, tens of MB, which
/// no content table should carry). Checked by size and sha256 like a part;
/// the signed manifest is what makes it trusted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssetEntry {
    /// What the asset is for (e.g. [`FAQ_ENCODER_ASSET`]).
    pub name: String,
    /// File name next to the manifest.
    pub file: String,
    /// sha256 of the file, lowercase hex.
    pub sha256: String,
    /// Size of the file in bytes.
    pub size: u64,
}

impl AssetEntry {
    /// The asset as a part reference, for the download and check code that
    /// parts use (an asset is stored as is: its size is its unpacked size).
    pub fn as_part(&self) -> PartEntry {
        PartEntry {
            file: self.file.clone(),
            sha256: self.sha256.clone(),
            size: self.size,
            uncompressed_size: self.size,
        }
    }
}

/// `manifest.json`: what a pack contains, signed by the publisher.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// Pack format ([`FORMAT`]).
    pub format: u32,
    /// Pack version (monotonic).
    pub pack_version: u64,
    /// Municipality code.
    pub municipality_code: String,
    /// Town name.
    pub name: LocalizedText,
    /// Languages covered.
    pub languages: Vec<Lang>,
    /// Build time, RFC 3339.
    pub created: String,
    /// End of the manifest's validity, RFC 3339: the publisher re-signs
    /// before then, so an old manifest served again (a "freeze") is noticed.
    /// Required of every manifest read ([`Manifest::parse_verified`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
    /// Fingerprint of the signing key ([`super::keys::key_id`]).
    pub key_id: String,
    /// Items per table.
    pub counts: BTreeMap<String, u64>,
    /// The full pack.
    pub full: PartEntry,
    /// Deltas from earlier versions.
    #[serde(default)]
    pub deltas: Vec<DeltaEntry>,
    /// Files beside the pack that the app loads from disk (models). Left out
    /// of the JSON when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assets: Vec<AssetEntry>,
}

pub use machi_common::keys::{is_sha256_hex, sha256_hex};

impl Manifest {
    /// Serializes and signs: returns `(manifest bytes, signature file text)`.
    pub fn sign(&self, key: &SigningKey) -> Result<(Vec<u8>, String), PackError> {
        let bytes = serde_json::to_vec_pretty(self).map_err(|e| PackError::BadFormat {
            reason: e.to_string(),
        })?;
        let sig = machi_common::keys::sign_detached(key, &bytes);
        Ok((bytes, format!("{sig}\n")))
    }

    /// Verifies the signature over the exact `bytes` with the pinned `key`,
    /// then parses and checks the format. Nothing in `bytes` is trusted before
    /// the signature holds.
    pub fn parse_verified(
        bytes: &[u8],
        sig_text: &str,
        key: &VerifyingKey,
    ) -> Result<Manifest, PackError> {
        let sig =
            machi_common::keys::parse_signature(sig_text).map_err(|_| PackError::BadSignature)?;
        if key.verify(bytes, &sig).is_err() {
            // Tell a pack signed by someone else from a damaged one. The key id
            // read here is untrusted and only picks the error to report.
            #[derive(Deserialize)]
            struct Peek {
                key_id: String,
            }
            let expected = key_id(key);
            if let Ok(p) = serde_json::from_slice::<Peek>(bytes) {
                if p.key_id != expected {
                    return Err(PackError::WrongKey {
                        expected,
                        found: p.key_id,
                    });
                }
            }
            return Err(PackError::BadSignature);
        }
        #[derive(Deserialize)]
        struct FormatOnly {
            format: u32,
        }
        let format = serde_json::from_slice::<FormatOnly>(bytes)
            .map_err(|e| PackError::BadFormat {
                reason: format!("manifest.json: {e}"),
            })?
            .format;
        if format != FORMAT {
            return Err(PackError::UnsupportedFormat {
                found: format,
                supported: FORMAT,
            });
        }
        let manifest: Manifest =
            serde_json::from_slice(bytes).map_err(|e| PackError::BadFormat {
                reason: format!("manifest.json: {e}"),
            })?;
        manifest.check_files()?;
        manifest.check_assets()?;
        manifest.expires_at()?;
        Ok(manifest)
    }

    /// When the manifest stops being valid. A manifest without a valid
    /// `expires` is refused: nothing else bounds how long an old one counts.
    pub fn expires_at(&self) -> Result<DateTime<Utc>, PackError> {
        let text = self
            .expires
            .as_deref()
            .ok_or_else(|| PackError::BadFormat {
                reason: "manifest.json has no expires time".into(),
            })?;
        DateTime::parse_from_rfc3339(text)
            .map(|t| t.to_utc())
            .map_err(|e| PackError::BadFormat {
                reason: format!("manifest.json: expires {text:?}: {e}"),
            })
    }

    /// Refuses a manifest whose validity ended before `now`.
    pub fn check_not_expired(&self, now: DateTime<Utc>) -> Result<(), PackError> {
        let expires = self.expires_at()?;
        if expires < now {
            return Err(PackError::Expired {
                expires: expires.to_rfc3339(),
            });
        }
        Ok(())
    }

    /// Every part's file is a plain name and its sha256 is 64 lower-case hex
    /// characters, checked before any of them is used in a path or compared.
    fn check_files(&self) -> Result<(), PackError> {
        let parts = std::iter::once(&self.full).chain(self.deltas.iter().map(|d| &d.part));
        for p in parts {
            if !is_plain_file_name(&p.file) || p.file.is_empty() || !is_sha256_hex(&p.sha256) {
                return Err(PackError::BadFormat {
                    reason: format!("manifest.json: part {:?} is malformed", p.file),
                });
            }
        }
        Ok(())
    }

    /// Asset names are short slugs, unique, and their files plain names next
    /// to the manifest (a signed manifest is trusted, but a path in it must
    /// still never reach outside the app's folder).
    pub(crate) fn check_assets(&self) -> Result<(), PackError> {
        let slug = |s: &str| {
            !s.is_empty()
                && s.len() <= 64
                && s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        };
        for (i, a) in self.assets.iter().enumerate() {
            let plain_file =
                !a.file.is_empty() && is_plain_file_name(&a.file) && a.file.len() <= 255;
            let hex_sha = is_sha256_hex(&a.sha256);
            let unique = self.assets[..i].iter().all(|b| b.name != a.name);
            if !(slug(&a.name) && plain_file && hex_sha && unique) {
                return Err(PackError::BadFormat {
                    reason: format!(
                        "manifest.json: asset {:?} ({:?}) is malformed",
                        a.name, a.file
                    ),
                });
            }
        }
        Ok(())
    }

    /// The asset called `name`, if the pack has one.
    pub fn asset(&self, name: &str) -> Option<&AssetEntry> {
        self.assets.iter().find(|a| a.name == name)
    }

    /// The delta entry starting at `from_version`, if the pack has one.
    pub fn delta_from(&self, from_version: u64) -> Option<&DeltaEntry> {
        self.deltas.iter().find(|d| d.from_version == from_version)
    }

    /// Checks and decodes the full pack's bytes, and that its content is the
    /// pack the manifest announces (version, municipality).
    pub fn decode_full(&self, bytes: &[u8]) -> Result<PackData, PackError> {
        let data: PackData = decode_part(&self.full, bytes)?;
        self.check_meta(&data.meta)?;
        Ok(data)
    }

    /// Checks and decodes the delta from `from_version`.
    pub fn decode_delta(&self, from_version: u64, bytes: &[u8]) -> Result<Delta, PackError> {
        let entry = self.delta_from(from_version).ok_or(PackError::DeltaBase {
            installed: Some(from_version),
            base: from_version,
        })?;
        let delta: Delta = decode_part(&entry.part, bytes)?;
        if delta.from_version != from_version {
            return Err(PackError::BadFormat {
                reason: format!(
                    "{} starts at version {}, manifest says {from_version}",
                    entry.part.file, delta.from_version
                ),
            });
        }
        self.check_meta(&delta.meta)?;
        Ok(delta)
    }

    fn check_meta(&self, meta: &crate::model::PackMeta) -> Result<(), PackError> {
        if meta.pack_version != self.pack_version {
            return Err(PackError::BadFormat {
                reason: format!(
                    "content is version {}, manifest says {}",
                    meta.pack_version, self.pack_version
                ),
            });
        }
        if meta.municipality_code != self.municipality_code {
            return Err(PackError::WrongMunicipality {
                expected: self.municipality_code.clone(),
                found: meta.municipality_code.clone(),
            });
        }
        Ok(())
    }
}

/// Checks that `bytes` have the size and sha256 (lowercase hex) the
/// manifest gives for `entry`.
pub(crate) fn check_part_bytes(entry: &PartEntry, bytes: &[u8]) -> Result<(), PackError> {
    if bytes.len() as u64 != entry.size {
        return Err(PackError::Truncated {
            file: entry.file.clone(),
            expected: entry.size,
            actual: bytes.len() as u64,
        });
    }
    if sha256_hex(bytes) != entry.sha256 {
        return Err(PackError::HashMismatch {
            file: entry.file.clone(),
        });
    }
    Ok(())
}

/// A file name a manifest may give: no directory part and not hidden, so
/// it always names a file right next to the manifest.
pub(crate) fn is_plain_file_name(file: &str) -> bool {
    !file.starts_with('.') && !file.contains(['/', '\\'])
}

/// Checks a part's size and sha256, decompresses it (never past the announced
/// size) and parses the JSON.
pub fn decode_part<T: DeserializeOwned>(entry: &PartEntry, bytes: &[u8]) -> Result<T, PackError> {
    check_part_bytes(entry, bytes)?;
    let mut json = Vec::new();
    GzDecoder::new(bytes)
        .take(entry.uncompressed_size.saturating_add(1))
        .read_to_end(&mut json)
        .map_err(|e| PackError::BadFormat {
            reason: format!("{}: {e}", entry.file),
        })?;
    if json.len() as u64 != entry.uncompressed_size {
        return Err(PackError::Truncated {
            file: entry.file.clone(),
            expected: entry.uncompressed_size,
            actual: json.len() as u64,
        });
    }
    serde_json::from_slice(&json).map_err(|e| PackError::BadFormat {
        reason: format!("{}: {e}", entry.file),
    })
}
