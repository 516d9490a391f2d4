//! Content-pack sync: manifest → signature → pick delta or full → bounded,
//! resumable download → sha256 → decode → import in one transaction.
//!
//! Whatever fails (network, signature, hash, version, cancellation), the store
//! answers exactly as before: the content store's import is one transaction
//! and is only started once the part is completely downloaded and verified.

use std::path::Path;
use std::sync::Mutex;

use machi_content::pack::{Manifest, PartEntry, VerifyingKey, MANIFEST_FILE, SIGNATURE_FILE};
use machi_content::store::{ImportSummary, Store};
use machi_content::{PackError, StoreError};
use serde::Serialize;

use crate::client::{check_url, directory_url, join_file, HttpClient};
use crate::error::{Error, Result};
use crate::fetch::{download_part, get_conditional, remove_quietly, Fetched};
use crate::progress::{CancellationToken, Phase, Progress, ProgressFn};

/// Largest manifest accepted.
pub const MAX_MANIFEST_BYTES: u64 = 1 << 20;
/// Largest signature file accepted (a base64 ed25519 signature is 88 bytes).
pub const MAX_SIGNATURE_BYTES: u64 = 1024;

/// Access to the content store the sync imports into; the app keeps its
/// [`Store`] behind a mutex, tests may use a bare one.
pub trait StoreHandle: Sync {
    /// Runs `f` with exclusive access to the store.
    fn with_store<R>(&self, f: impl FnOnce(&mut Store) -> R) -> R;
}

impl StoreHandle for Mutex<Store> {
    fn with_store<R>(&self, f: impl FnOnce(&mut Store) -> R) -> R {
        // A panic in another holder cannot leave a half-applied import behind
        // (imports are transactions), so a poisoned lock is safe to reuse.
        let mut guard = self.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut guard)
    }
}

/// What to sync from where.
#[derive(Debug, Clone)]
pub struct PackRequest<'a> {
    /// URL of the directory holding `manifest.json` (https, or http to loopback).
    pub base_url: &'a str,
    /// The pinned publisher key.
    pub key: &'a VerifyingKey,
    /// ETag of the manifest as of the last successful sync, for `If-None-Match`.
    pub etag: Option<&'a str>,
    /// Directory for partial downloads (kept between calls so a download resumes).
    pub work_dir: &'a Path,
    /// Where the pack's assets (models) are kept, each as its manifest file
    /// name; `None` leaves assets alone (a tool that wants content only).
    pub assets_dir: Option<&'a Path>,
}

/// Whether the applied part was the full pack or a delta.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum PartKind {
    /// The full pack.
    Full,
    /// A delta from `from_version`.
    Delta {
        /// Base version.
        from_version: u64,
    },
}

/// What a sync did.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "outcome")]
pub enum Outcome {
    /// The server answered 304: the manifest did not change since the last sync.
    NotModified,
    /// The server offers the version already installed.
    UpToDate {
        /// That version.
        version: u64,
    },
    /// A newer version was downloaded, verified and imported.
    Applied {
        /// Full or delta.
        part: PartKind,
        /// The part's size as published.
        part_bytes: u64,
        /// Bytes that came over the network for it in this call (less when resumed).
        transferred: u64,
        /// What the import did (versions, counts).
        summary: ImportSummary,
    },
}

/// The result of [`sync_pack`]: the outcome and the ETag to send next time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SyncReport {
    /// What happened.
    pub outcome: Outcome,
    /// The manifest's ETag to keep for the next sync (`None`: keep none).
    pub etag: Option<String>,
    /// Names of the assets downloaded in this call (already present ones are
    /// not fetched again); whoever loads them should reload.
    pub assets_fetched: Vec<String>,
}

/// Brings `store` up to the version `req.base_url` publishes.
///
/// Order of checks: manifest (conditional GET) → signature with the pinned key
/// → municipality and version (an older version is refused as a rollback) →
/// delta from the installed version if published and present on the server,
/// else the full pack → download bounded by the manifest's size, resumed from
/// `work_dir` if interrupted → size and sha256 → decode → cancellation check →
/// one-transaction import. Transient network failures are retried with
/// jittered exponential backoff per the client's [`crate::HttpConfig`].
///
/// The import runs on the calling thread (inside `block_in_place` on a
/// multi-threaded tokio runtime), holding the store for its duration.
pub async fn sync_pack<S: StoreHandle>(
    client: &HttpClient,
    req: &PackRequest<'_>,
    store: &S,
    progress: &ProgressFn,
    cancel: &CancellationToken,
) -> Result<SyncReport> {
    let base = directory_url(&check_url(req.base_url)?);
    report(progress, Phase::Manifest, 0, 0);
    let installed = store
        .with_store(|s| s.installed())
        .map_err(store_error)?
        .map(|p| p.meta);
    // An ETag only means something if there is an installed pack it led to.
    let etag = installed.as_ref().and(req.etag);
    let manifest_url = join_file(&base, MANIFEST_FILE)?;
    let (manifest_bytes, new_etag) =
        match get_conditional(client, &manifest_url, etag, MAX_MANIFEST_BYTES, cancel).await? {
            Fetched::NotModified => {
                report(progress, Phase::Done, 0, 0);
                return Ok(SyncReport {
                    outcome: Outcome::NotModified,
                    etag: req.etag.map(str::to_owned),
                    assets_fetched: Vec::new(),
                });
            }
            Fetched::Body { bytes, etag } => (bytes, etag),
        };
    let sig_url = join_file(&base, SIGNATURE_FILE)?;
    let sig = match get_conditional(client, &sig_url, None, MAX_SIGNATURE_BYTES, cancel).await? {
        Fetched::Body { bytes, .. } => bytes,
        Fetched::NotModified => return Err(Error::BadKey("unexpected 304 for signature".into())),
    };
    let sig = String::from_utf8(sig).map_err(|_| Error::BadSignature)?;
    let manifest = Manifest::parse_verified(&manifest_bytes, &sig, req.key).map_err(pack_error)?;
    manifest
        .check_not_expired(chrono::Utc::now())
        .map_err(pack_error)?;

    let installed_version = installed.as_ref().map(|m| m.pack_version);
    if let Some(meta) = &installed {
        if meta.municipality_code != manifest.municipality_code {
            return Err(Error::WrongMunicipality {
                installed: meta.municipality_code.clone(),
                offered: manifest.municipality_code.clone(),
            });
        }
        if manifest.pack_version < meta.pack_version {
            return Err(Error::Rollback {
                installed: meta.pack_version,
                offered: manifest.pack_version,
            });
        }
    }
    // Assets are downloaded and checked first, so a failed model download
    // leaves the store as it was; they move into place only after the
    // content import (which records them) commits. An app that already has
    // the current content still gets a model it is missing.
    let pending = match req.assets_dir {
        Some(dir) => {
            download_assets(
                client,
                &base,
                &manifest,
                dir,
                req.work_dir,
                progress,
                cancel,
            )
            .await?
        }
        None => Vec::new(),
    };
    if let Some(meta) = installed
        .as_ref()
        .filter(|m| m.pack_version == manifest.pack_version)
    {
        let assets_fetched = match req.assets_dir {
            Some(dir) => {
                store
                    .with_store(|s| s.record_assets(&manifest))
                    .map_err(store_error)?;
                place_assets(pending, &manifest, dir).await?
            }
            None => Vec::new(),
        };
        report(progress, Phase::Done, 0, 0);
        return Ok(SyncReport {
            outcome: Outcome::UpToDate {
                version: meta.pack_version,
            },
            etag: new_etag,
            assets_fetched,
        });
    }

    // Delta first when one starts at the installed version; a delta the server
    // does not have (404/410) falls back to the full pack.
    let delta = installed_version.and_then(|v| manifest.delta_from(v));
    if let Some(d) = delta {
        let url = join_file(&base, &d.part.file)?;
        match download_part(client, &url, &d.part, req.work_dir, progress, cancel).await {
            Ok(got) => {
                let from = d.from_version;
                let decoded = decode_blocking(&manifest, Some(from), got.bytes).await?;
                let summary = import(store, decoded, &manifest, progress, cancel)?;
                let assets_fetched = place(pending, &manifest, req.assets_dir).await?;
                remove_stale_partials(req.work_dir).await;
                return Ok(applied(
                    PartKind::Delta { from_version: from },
                    &d.part,
                    got.transferred,
                    summary,
                    (new_etag, assets_fetched),
                    progress,
                ));
            }
            Err(Error::Status {
                status: 404 | 410, ..
            }) => {}
            Err(e) => return Err(e),
        }
    }
    let url = join_file(&base, &manifest.full.file)?;
    let got = download_part(client, &url, &manifest.full, req.work_dir, progress, cancel).await?;
    let decoded = decode_blocking(&manifest, None, got.bytes).await?;
    let summary = import(store, decoded, &manifest, progress, cancel)?;
    let assets_fetched = place(pending, &manifest, req.assets_dir).await?;
    remove_stale_partials(req.work_dir).await;
    Ok(applied(
        PartKind::Full,
        &manifest.full,
        got.transferred,
        summary,
        (new_etag, assets_fetched),
        progress,
    ))
}

/// An asset downloaded and checked in the work folder, not yet in place.
struct PendingAsset {
    name: String,
    file: String,
    path: std::path::PathBuf,
}

/// Downloads every asset the manifest lists that `assets_dir` does not hold
/// yet (files are named by their hash, so a file of the right size is the
/// right file; its full sha256 is checked again before first use), resumably
/// and checked like parts, into the work folder.
async fn download_assets(
    client: &HttpClient,
    base: &url::Url,
    manifest: &Manifest,
    assets_dir: &Path,
    work_dir: &Path,
    progress: &ProgressFn,
    cancel: &CancellationToken,
) -> Result<Vec<PendingAsset>> {
    let mut pending = Vec::new();
    for asset in &manifest.assets {
        let dest = assets_dir.join(&asset.file);
        let present = tokio::fs::metadata(&dest)
            .await
            .is_ok_and(|m| m.is_file() && m.len() == asset.size);
        if !present {
            let url = join_file(base, &asset.file)?;
            let got =
                download_part(client, &url, &asset.as_part(), work_dir, progress, cancel).await?;
            pending.push(PendingAsset {
                name: asset.name.clone(),
                file: asset.file.clone(),
                path: got.path,
            });
        }
    }
    Ok(pending)
}

/// [`place_assets`] when the request keeps assets.
async fn place(
    pending: Vec<PendingAsset>,
    manifest: &Manifest,
    assets_dir: Option<&Path>,
) -> Result<Vec<String>> {
    match assets_dir {
        Some(dir) => place_assets(pending, manifest, dir).await,
        None => Ok(Vec::new()),
    }
}

/// Moves downloaded assets into `assets_dir` (one rename each) once the
/// store records them, and removes older versions of every listed asset.
/// Returns the names of the assets placed.
async fn place_assets(
    pending: Vec<PendingAsset>,
    manifest: &Manifest,
    assets_dir: &Path,
) -> Result<Vec<String>> {
    let mut placed = Vec::new();
    if !pending.is_empty() {
        tokio::fs::create_dir_all(assets_dir).await?;
    }
    for p in pending {
        let dest = assets_dir.join(&p.file);
        if tokio::fs::rename(&p.path, &dest).await.is_err() {
            // Another file system: copy to a temporary name, then rename it.
            let tmp = assets_dir.join(format!(".{}.tmp", p.file));
            tokio::fs::copy(&p.path, &tmp).await?;
            tokio::fs::rename(&tmp, &dest).await?;
            remove_quietly(&p.path).await;
        }
        placed.push(p.name);
    }
    for asset in &manifest.assets {
        remove_other_versions(assets_dir, &asset.name, &asset.file).await;
    }
    Ok(placed)
}

/// Removes `NAME-*.bin` files other than `keep` (older versions of an asset).
async fn remove_other_versions(dir: &Path, name: &str, keep: &str) {
    let Ok(mut entries) = tokio::fs::read_dir(dir).await else {
        return;
    };
    let prefix = format!("{name}-");
    while let Ok(Some(e)) = entries.next_entry().await {
        let file = e.file_name().to_string_lossy().into_owned();
        if file != keep && file.starts_with(&prefix) && file.ends_with(".bin") {
            remove_quietly(&e.path()).await;
        }
    }
}

/// The file of asset `name` in `assets_dir` (as [`sync_pack`] stores it),
/// if one is there.
pub fn installed_asset(assets_dir: &Path, name: &str) -> Option<std::path::PathBuf> {
    let prefix = format!("{name}-");
    std::fs::read_dir(assets_dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|f| f.to_str())
                .is_some_and(|f| f.starts_with(&prefix) && f.ends_with(".bin"))
                && p.is_file()
        })
}

/// After a successful import no partial download is worth resuming any more
/// (they belong to this or older versions): remove every `*.part` file.
async fn remove_stale_partials(dir: &Path) {
    let Ok(mut entries) = tokio::fs::read_dir(dir).await else {
        return;
    };
    while let Ok(Some(e)) = entries.next_entry().await {
        if e.path().extension().is_some_and(|x| x == "part") {
            remove_quietly(&e.path()).await;
        }
    }
}

fn applied(
    part: PartKind,
    entry: &PartEntry,
    transferred: u64,
    summary: ImportSummary,
    (etag, assets_fetched): (Option<String>, Vec<String>),
    progress: &ProgressFn,
) -> SyncReport {
    report(progress, Phase::Done, 0, 0);
    SyncReport {
        outcome: Outcome::Applied {
            part,
            part_bytes: entry.size,
            transferred,
            summary,
        },
        etag,
        assets_fetched,
    }
}

/// A decoded part, ready to import.
enum Decoded {
    Full(Box<machi_content::model::PackData>),
    Delta(Box<machi_content::delta::Delta>),
}

/// Decompresses and parses off the async threads (a 10k-spot pack is tens of MB of JSON).
async fn decode_blocking(
    manifest: &Manifest,
    delta_from: Option<u64>,
    bytes: Vec<u8>,
) -> Result<Decoded> {
    let manifest = manifest.clone();
    tokio::task::spawn_blocking(move || match delta_from {
        Some(v) => manifest
            .decode_delta(v, &bytes)
            .map(|d| Decoded::Delta(Box::new(d))),
        None => manifest
            .decode_full(&bytes)
            .map(|d| Decoded::Full(Box::new(d))),
    })
    .await
    .map_err(|e| Error::Import(format!("decoder task failed: {e}")))?
    .map_err(pack_error)
}

fn import<S: StoreHandle>(
    store: &S,
    decoded: Decoded,
    manifest: &Manifest,
    progress: &ProgressFn,
    cancel: &CancellationToken,
) -> Result<ImportSummary> {
    let total: u64 = manifest.counts.values().sum();
    progress(&Progress {
        phase: Phase::Import,
        bytes_done: 0,
        bytes_total: 0,
        items_done: 0,
        items_total: total,
    });
    if cancel.is_cancelled() {
        return Err(Error::Cancelled);
    }
    let run = || {
        interruptible(store, cancel, |s| match &decoded {
            Decoded::Full(d) => s.import_full_signed(d, manifest),
            Decoded::Delta(d) => s.import_delta_signed(d, manifest),
        })
    };
    let multi = tokio::runtime::Handle::try_current()
        .map(|h| h.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread)
        .unwrap_or(false);
    let result = if multi {
        tokio::task::block_in_place(run)
    } else {
        run()
    };
    let summary = match result {
        Ok(s) => s,
        // The interrupt made a statement fail and the transaction rolled back.
        Err(_) if cancel.is_cancelled() => return Err(Error::Cancelled),
        Err(e) => return Err(store_error(e)),
    };
    progress(&Progress {
        phase: Phase::Import,
        bytes_done: 0,
        bytes_total: 0,
        items_done: total,
        items_total: total,
    });
    Ok(summary)
}

/// Runs `import` on the store so that cancellation takes effect up to the
/// commit and never after it:
/// - a commit hook turns the COMMIT into a ROLLBACK when the token is
///   cancelled (the last check, right before the commit);
/// - a watcher thread turns cancellation during the import's statements into
///   `sqlite3_interrupt`, so a long import stops promptly; the failing
///   statement makes the import's transaction roll back. It keeps
///   interrupting (an interrupt between two statements is a no-op) until the
///   commit hook has let a commit through; a mutex orders the two, so no
///   interrupt can reach the post-commit index rebuild.
fn interruptible<S: StoreHandle, T>(
    store: &S,
    cancel: &CancellationToken,
    import: impl FnOnce(&mut Store) -> std::result::Result<T, StoreError>,
) -> std::result::Result<T, StoreError> {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    use std::time::Duration;
    store.with_store(|s| {
        let interrupt = s.connection().get_interrupt_handle();
        // `true` once a commit was let through; guarded so the watcher never
        // interrupts after it.
        let committed = Arc::new(Mutex::new(false));
        let hook_committed = committed.clone();
        let hook_cancel = cancel.clone();
        s.connection().commit_hook(Some(move || {
            let mut done = hook_committed.lock().unwrap_or_else(|p| p.into_inner());
            if hook_cancel.is_cancelled() {
                return true; // roll back
            }
            *done = true;
            false
        }));
        let finished = AtomicBool::new(false);
        let result = std::thread::scope(|scope| {
            scope.spawn(|| {
                while !finished.load(Ordering::Acquire) {
                    if cancel.is_cancelled() {
                        let done = committed.lock().unwrap_or_else(|p| p.into_inner());
                        if *done {
                            return;
                        }
                        interrupt.interrupt();
                        drop(done);
                        std::thread::sleep(Duration::from_micros(200));
                    } else {
                        std::thread::sleep(Duration::from_millis(2));
                    }
                }
            });
            let result = import(s);
            finished.store(true, Ordering::Release);
            result
        });
        s.connection().commit_hook(None::<fn() -> bool>);
        result
    })
}

fn report(progress: &ProgressFn, phase: Phase, done: u64, total: u64) {
    progress(&Progress {
        phase,
        bytes_done: done,
        bytes_total: total,
        items_done: 0,
        items_total: 0,
    });
}

/// Maps the content crate's pack errors to ours (all mean: nothing applied).
fn pack_error(e: PackError) -> Error {
    match e {
        PackError::BadSignature | PackError::WrongKey { .. } => Error::BadSignature,
        PackError::HashMismatch { file } => Error::Integrity {
            file,
            reason: "sha256 mismatch".into(),
        },
        PackError::Truncated {
            file,
            expected,
            actual,
        } => Error::Integrity {
            file,
            reason: format!("expected {expected} bytes, got {actual}"),
        },
        PackError::BadFormat { reason } => Error::BadManifest(reason),
        PackError::UnsupportedFormat { found, supported } => {
            Error::BadManifest(format!("format {found}, this build reads {supported}"))
        }
        PackError::OlderVersion { installed, offered } => Error::Rollback { installed, offered },
        PackError::Expired { expires } => Error::Expired { expires },
        PackError::WrongMunicipality { expected, found } => Error::WrongMunicipality {
            installed: expected,
            offered: found,
        },
        other => Error::Import(other.to_string()),
    }
}

fn store_error(e: StoreError) -> Error {
    match e {
        StoreError::Pack(p) => pack_error(p),
        other => Error::Import(other.to_string()),
    }
}
