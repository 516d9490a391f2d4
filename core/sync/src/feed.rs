//! Notice feeds: a small static JSON index of recent CAP / JMA XML files, beside
//! the files, polled with a conditional GET and exponential backoff with jitter.
//!
//! `feed.json` (any static server or CDN can serve it):
//! ```json
//! { "format": 1,
//!   "entries": [ { "id": "urn:oid:…,2026-11-21T10:00:00+09:00", "file": "evac-20261121-1000.xml",
//!                  "updated": "2026-11-21T01:00:00Z", "size": 2345, "sha256": "…" } ] }
//! ```
//! `id` is the CAP identifier (or any string unique per document version);
//! `size` and `sha256` are optional but checked when present. Notices are not
//! signed by the publisher key: like CAP feeds in general they rely on HTTPS,
//! and the alerts capability validates each document before storing it.

use std::collections::BTreeSet;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use url::Url;

use crate::backoff::Backoff;
use crate::client::{join_file, HttpClient};
use crate::error::{Error, Result};
use crate::fetch::{get_conditional, sha256_hex, Fetched};
use crate::progress::CancellationToken;

/// Largest feed index accepted.
pub const MAX_FEED_BYTES: u64 = 1 << 20;
/// Largest notice document accepted (CAP messages are a few KiB).
pub const MAX_NOTICE_BYTES: u64 = 1 << 20;
/// At most this many new documents are fetched in one poll; the rest wait for the next.
pub const MAX_NEW_PER_POLL: usize = 50;

/// The feed index file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedIndex {
    /// Layout version; only 1 is understood.
    pub format: u32,
    /// Recent documents, newest first.
    pub entries: Vec<FeedEntry>,
}

/// One document listed in the feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedEntry {
    /// Unique id of this document version (the CAP identifier).
    pub id: String,
    /// File name relative to the feed's directory.
    pub file: String,
    /// When it was published, RFC 3339.
    #[serde(default)]
    pub updated: String,
    /// Exact size in bytes, if the publisher states it.
    #[serde(default)]
    pub size: Option<u64>,
    /// Lower-case hex sha256, if the publisher states it.
    #[serde(default)]
    pub sha256: Option<String>,
}

/// A new document fetched from the feed, ready for the alerts capability.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedDocument {
    /// The entry's id.
    pub id: String,
    /// The file name it came from.
    pub file: String,
    /// The raw XML bytes.
    pub bytes: Vec<u8>,
}

/// Parses and checks a feed index.
pub fn parse_index(bytes: &[u8]) -> Result<FeedIndex> {
    let index: FeedIndex =
        serde_json::from_slice(bytes).map_err(|e| Error::BadFeed(e.to_string()))?;
    if index.format != 1 {
        return Err(Error::BadFeed(format!(
            "format {} is not supported",
            index.format
        )));
    }
    Ok(index)
}

/// Polls one feed; remembers its ETag and the ids already delivered, and how
/// long to wait before the next poll.
#[derive(Debug, Clone)]
pub struct FeedPoller {
    index_url: Url,
    interval: Duration,
    etag: Option<String>,
    seen: BTreeSet<String>,
    backoff: Backoff,
}

impl FeedPoller {
    /// A poller for the index at `index_url` (checked: https, or http to loopback),
    /// polling every `interval` while healthy and backing off (from `backoff_base`,
    /// at most `backoff_max`) while failing.
    pub fn new(
        index_url: &str,
        interval: Duration,
        backoff_base: Duration,
        backoff_max: Duration,
    ) -> Result<FeedPoller> {
        Ok(FeedPoller {
            index_url: crate::client::check_url(index_url)?,
            interval,
            etag: None,
            seen: BTreeSet::new(),
            backoff: Backoff::new(backoff_base, backoff_max),
        })
    }

    /// Marks ids as already delivered (e.g. notices already in the store after a restart).
    pub fn mark_seen<I: IntoIterator<Item = String>>(&mut self, ids: I) {
        self.seen.extend(ids);
    }

    /// Consecutive failed polls.
    pub fn failures(&self) -> u32 {
        self.backoff.failures()
    }

    /// One poll: a conditional GET of the index, then each unseen entry's file
    /// (bounded, hash-checked). Returns the new documents, oldest first. The
    /// ETag and the seen set advance only when every new document arrived, so a
    /// failed poll is repeated in full next time. Returns the delay to wait
    /// before the next poll alongside: `interval` after success, a jittered
    /// exponential backoff after failure.
    pub async fn poll(
        &mut self,
        client: &HttpClient,
        cancel: &CancellationToken,
    ) -> (Result<Vec<FeedDocument>>, Duration) {
        match self.poll_inner(client, cancel).await {
            Ok(docs) => {
                self.backoff.reset();
                (Ok(docs), self.interval)
            }
            Err(e) => {
                let delay = self.backoff.next_delay();
                (Err(e), delay)
            }
        }
    }

    async fn poll_inner(
        &mut self,
        client: &HttpClient,
        cancel: &CancellationToken,
    ) -> Result<Vec<FeedDocument>> {
        let fetched = get_conditional(
            client,
            &self.index_url,
            self.etag.as_deref(),
            MAX_FEED_BYTES,
            cancel,
        )
        .await?;
        let (bytes, etag) = match fetched {
            Fetched::NotModified => return Ok(Vec::new()),
            Fetched::Body { bytes, etag } => (bytes, etag),
        };
        let index = parse_index(&bytes)?;
        let fresh: Vec<&FeedEntry> = index
            .entries
            .iter()
            .filter(|e| !self.seen.contains(&e.id))
            .take(MAX_NEW_PER_POLL)
            .collect();
        let complete = fresh.len()
            == index
                .entries
                .iter()
                .filter(|e| !self.seen.contains(&e.id))
                .count();
        let mut docs = Vec::with_capacity(fresh.len());
        // Oldest first, so updates and cancellations reach the store after what they refer to.
        for entry in fresh.iter().rev() {
            docs.push(fetch_entry(client, &self.index_url, entry, cancel).await?);
        }
        self.seen.extend(docs.iter().map(|d| d.id.clone()));
        if complete {
            self.etag = etag;
        }
        Ok(docs)
    }
}

async fn fetch_entry(
    client: &HttpClient,
    index_url: &Url,
    entry: &FeedEntry,
    cancel: &CancellationToken,
) -> Result<FeedDocument> {
    let url = join_file(&feed_dir(index_url)?, &entry.file)?;
    let limit = entry.size.unwrap_or(MAX_NOTICE_BYTES).min(MAX_NOTICE_BYTES);
    let bytes = match get_conditional(client, &url, None, limit, cancel).await? {
        Fetched::Body { bytes, .. } => bytes,
        Fetched::NotModified => {
            return Err(Error::BadFeed(format!("{}: unexpected 304", entry.file)));
        }
    };
    let integrity = |reason: String| Error::Integrity {
        file: entry.file.clone(),
        reason,
    };
    if let Some(size) = entry.size {
        if bytes.len() as u64 != size {
            return Err(integrity(format!(
                "{} bytes, the feed says {size}",
                bytes.len()
            )));
        }
    }
    if let Some(want) = &entry.sha256 {
        let got = sha256_hex(&bytes);
        if !got.eq_ignore_ascii_case(want) {
            return Err(integrity(format!("sha256 is {got}, the feed says {want}")));
        }
    }
    Ok(FeedDocument {
        id: entry.id.clone(),
        file: entry.file.clone(),
        bytes,
    })
}

/// The feed index URL names a file; entries are relative to its directory.
fn feed_dir(index_url: &Url) -> Result<Url> {
    index_url
        .join("./")
        .map_err(|e| Error::BadFeed(format!("feed URL {index_url}: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_index() -> Result<()> {
        let idx = parse_index(
            br#"{"format":1,"entries":[{"id":"a","file":"a.xml","size":3},{"id":"b","file":"b.xml"}]}"#,
        )?;
        assert_eq!(idx.entries.len(), 2);
        assert_eq!(idx.entries[0].size, Some(3));
        assert!(parse_index(br#"{"format":2,"entries":[]}"#).is_err());
        assert!(parse_index(b"<feed/>").is_err());
        Ok(())
    }
}
