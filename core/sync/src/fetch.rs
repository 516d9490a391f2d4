//! Bounded, retried, cancellable HTTP fetches: small documents with a
//! conditional GET, and large parts downloaded to a file with resume.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use reqwest::header::{self, HeaderMap, HeaderValue};
use reqwest::StatusCode;
use tokio::io::AsyncWriteExt;
use url::Url;

use crate::backoff::Backoff;
use crate::client::{map_reqwest, HttpClient};
use crate::error::{Error, Result};
use crate::progress::{CancellationToken, Phase, Progress, ProgressFn};
use machi_content::pack::PartEntry as PartRef;

/// The answer to a conditional GET.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// `304 Not Modified`: the copy the caller has (by ETag) is current.
    NotModified,
    /// A full body.
    Body {
        /// The bytes, at most the requested limit.
        bytes: Vec<u8>,
        /// The validator to send next time, if the server gave one.
        etag: Option<String>,
    },
}

/// Runs `attempt` until it succeeds, fails permanently, or the client's attempt
/// budget is spent, sleeping with jittered exponential backoff in between.
/// Cancellation interrupts both the attempt and the sleep.
pub(crate) async fn with_retries<T, F, Fut>(
    client: &HttpClient,
    cancel: &CancellationToken,
    mut attempt: F,
) -> Result<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T>>,
{
    let cfg = client.config();
    let mut backoff = Backoff::new(cfg.backoff_base, cfg.backoff_max);
    let max = cfg.max_attempts.max(1);
    let mut tries = 0;
    loop {
        tries += 1;
        let result = tokio::select! {
            biased;
            _ = cancel.cancelled() => return Err(Error::Cancelled),
            r = attempt() => r,
        };
        match result {
            Err(e) if e.is_transient() && tries < max => {
                let delay = backoff.next_delay();
                tokio::select! {
                    biased;
                    _ = cancel.cancelled() => return Err(Error::Cancelled),
                    _ = tokio::time::sleep(delay) => {}
                }
            }
            other => return other,
        }
    }
}

/// GETs `url` (retrying transient failures), sending `If-None-Match: etag` when
/// given; a body longer than `limit` bytes is refused with [`Error::TooLarge`].
pub async fn get_conditional(
    client: &HttpClient,
    url: &Url,
    etag: Option<&str>,
    limit: u64,
    cancel: &CancellationToken,
) -> Result<Fetched> {
    with_retries(client, cancel, || get_once(client, url, etag, limit)).await
}

async fn get_once(
    client: &HttpClient,
    url: &Url,
    etag: Option<&str>,
    limit: u64,
) -> Result<Fetched> {
    let cfg = client.config();
    let mut req = client.inner.get(url.clone());
    if let Some(tag) = etag.and_then(|t| HeaderValue::from_str(t).ok()) {
        req = req.header(header::IF_NONE_MATCH, tag);
    }
    let mut resp = req.send().await.map_err(|e| map_reqwest(e, cfg))?;
    let status = resp.status();
    if status == StatusCode::NOT_MODIFIED {
        return Ok(Fetched::NotModified);
    }
    if status != StatusCode::OK {
        return Err(Error::Status {
            status: status.as_u16(),
            url: url.to_string(),
        });
    }
    let etag = header_str(resp.headers(), header::ETAG);
    let too_large = || Error::TooLarge {
        url: url.to_string(),
        limit,
    };
    if resp.content_length().is_some_and(|n| n > limit) {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    while let Some(chunk) = resp.chunk().await.map_err(|e| map_reqwest(e, cfg))? {
        if bytes.len() as u64 + chunk.len() as u64 > limit {
            return Err(too_large());
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(Fetched::Body { bytes, etag })
}

fn header_str(headers: &HeaderMap, name: header::HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// A part fully downloaded and checked against its manifest entry.
#[derive(Debug)]
pub struct Downloaded {
    /// The verified bytes.
    pub bytes: Vec<u8>,
    /// The partial file they were assembled in; remove it once applied.
    pub path: PathBuf,
    /// Bytes that came over the network in this call (less than the size when resumed).
    pub transferred: u64,
}

/// Downloads `part` from `url` into `dir/<sha256>.part`, resuming from whatever
/// an earlier interrupted call left there (HTTP `Range`), never accepting more
/// than `part.size` bytes, then checks size and sha256.
///
/// Transient failures are retried with backoff, each retry resuming where the
/// last one stopped. On cancellation the partial file is kept for a later
/// resume; on a size or hash mismatch it is deleted.
pub async fn download_part(
    client: &HttpClient,
    url: &Url,
    part: &PartRef,
    dir: &Path,
    progress: &ProgressFn,
    cancel: &CancellationToken,
) -> Result<Downloaded> {
    tokio::fs::create_dir_all(dir).await?;
    let path = dir.join(format!("{}.part", part.sha256.to_ascii_lowercase()));
    let transferred = AtomicU64::new(0);
    let mut restarted = false;
    loop {
        let got = with_retries(client, cancel, || {
            download_once(client, url, part, &path, progress, cancel, &transferred)
        })
        .await;
        match got {
            Ok(()) => {}
            Err(e @ Error::TooLarge { .. }) => {
                remove_quietly(&path).await;
                return Err(e);
            }
            Err(e) => return Err(e),
        }
        progress(&Progress {
            phase: Phase::Verify,
            bytes_done: part.size,
            bytes_total: part.size,
            items_done: 0,
            items_total: 0,
        });
        let bytes = tokio::fs::read(&path).await?;
        let digest = sha256_hex(&bytes);
        let transferred = transferred.load(Ordering::Relaxed);
        if bytes.len() as u64 == part.size && digest.eq_ignore_ascii_case(&part.sha256) {
            return Ok(Downloaded {
                bytes,
                path,
                transferred,
            });
        }
        remove_quietly(&path).await;
        // A stale partial from another build of the same name could poison a resume;
        // start once more from zero before blaming the server.
        if restarted || transferred == part.size {
            return Err(Error::Integrity {
                file: part.file.clone(),
                reason: format!(
                    "sha256 is {digest}, the signed manifest says {}",
                    part.sha256
                ),
            });
        }
        restarted = true;
    }
}

async fn download_once(
    client: &HttpClient,
    url: &Url,
    part: &PartRef,
    path: &Path,
    progress: &ProgressFn,
    cancel: &CancellationToken,
    transferred: &AtomicU64,
) -> Result<()> {
    let cfg = client.config();
    let mut have = match tokio::fs::metadata(path).await {
        Ok(m) => m.len(),
        Err(_) => 0,
    };
    if have > part.size {
        tokio::fs::remove_file(path).await?;
        have = 0;
    }
    if have == part.size {
        return Ok(());
    }
    let report = |done: u64| {
        progress(&Progress {
            phase: Phase::Download,
            bytes_done: done,
            bytes_total: part.size,
            items_done: 0,
            items_total: 0,
        })
    };
    report(have);
    let mut req = client.inner.get(url.clone());
    if have > 0 {
        req = req.header(header::RANGE, format!("bytes={have}-"));
    }
    let mut resp = req.send().await.map_err(|e| map_reqwest(e, cfg))?;
    let status = resp.status();
    let mut file = match status {
        StatusCode::PARTIAL_CONTENT if have > 0 => {
            let start = content_range_start(resp.headers());
            if start != Some(have) {
                return Err(Error::Interrupted(format!(
                    "server resumed at {start:?}, expected {have}"
                )));
            }
            tokio::fs::OpenOptions::new()
                .append(true)
                .open(path)
                .await?
        }
        StatusCode::OK => {
            // Server ignored the range (or none was asked): start over.
            have = 0;
            tokio::fs::File::create(path).await?
        }
        StatusCode::RANGE_NOT_SATISFIABLE => {
            tokio::fs::remove_file(path).await?;
            return Err(Error::Interrupted(
                "partial download no longer matches".into(),
            ));
        }
        s => {
            return Err(Error::Status {
                status: s.as_u16(),
                url: url.to_string(),
            })
        }
    };
    let too_large = || Error::TooLarge {
        url: url.to_string(),
        limit: part.size,
    };
    if resp.content_length().is_some_and(|n| have + n > part.size) {
        return Err(too_large());
    }
    loop {
        let chunk = tokio::select! {
            biased;
            _ = cancel.cancelled() => {
                file.flush().await?;
                return Err(Error::Cancelled);
            }
            c = resp.chunk() => c,
        };
        let chunk = match chunk {
            Ok(Some(c)) => c,
            Ok(None) => break,
            Err(e) => {
                // Keep what arrived so the retry resumes after it.
                file.flush().await?;
                return Err(map_reqwest(e, cfg));
            }
        };
        if have + chunk.len() as u64 > part.size {
            return Err(too_large());
        }
        file.write_all(&chunk).await?;
        have += chunk.len() as u64;
        transferred.fetch_add(chunk.len() as u64, Ordering::Relaxed);
        report(have);
    }
    file.flush().await?;
    file.sync_all().await?;
    if have < part.size {
        return Err(Error::Interrupted(format!(
            "body ended after {have} of {} bytes",
            part.size
        )));
    }
    Ok(())
}

/// Start offset of a `Content-Range: bytes START-END/TOTAL` header.
fn content_range_start(headers: &HeaderMap) -> Option<u64> {
    let v = headers.get(header::CONTENT_RANGE)?.to_str().ok()?;
    let rest = v.trim().strip_prefix("bytes ")?;
    let (start, _) = rest.split_once('-')?;
    start.trim().parse().ok()
}

pub(crate) async fn remove_quietly(path: &Path) {
    // Best effort: a leftover partial is harmless (checked by hash before use).
    let _ = tokio::fs::remove_file(path).await;
}

pub use machi_common::keys::{hex, sha256_hex};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_content_range() {
        let mut h = HeaderMap::new();
        h.insert(
            header::CONTENT_RANGE,
            HeaderValue::from_static("bytes 100-199/200"),
        );
        assert_eq!(content_range_start(&h), Some(100));
        h.insert(
            header::CONTENT_RANGE,
            HeaderValue::from_static("bytes */200"),
        );
        assert_eq!(content_range_start(&h), None);
    }

    #[test]
    fn sha_hex() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
