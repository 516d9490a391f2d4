//! Notice feeds: a signed JSON index of recent CAP / JMA documents beside the
//! files, or an Atom feed of CAP entries as CAP publishers publish them;
//! polled with a conditional GET and exponential backoff with jitter.
//!
//! `feed.json` (any static server or CDN can serve it), with its detached
//! signature `feed.json.sig` beside it (base64 ed25519 over the exact bytes,
//! the format of the pack manifest's signature; `machi alerts publish` writes
//! both):
//! ```json
//! { "format": 1,
//!   "entries": [ { "id": "urn:oid:…,2026-11-21T10:00:00+09:00", "file": "evac-20261121-1000.json",
//!                  "updated": "2026-11-21T01:00:00Z", "size": 2345, "sha256": "…" } ] }
//! ```
//! `id` is the CAP identifier (or any string unique per document version);
//! `size` and `sha256` are required and each document is checked against them
//! before anything parses it. The index must verify with one of the keys the
//! poller trusts (the town's publisher key and the notice-signing keys of its
//! pack): a tampered or unsigned index is refused whole. A document may itself
//! be a signed notice envelope; whether a notice counts as verified is decided
//! by the alerts capability from the document, never from the feed.
//!
//! An Atom feed ([`crate::atom`]) has no signature: its entries are fetched
//! (size-checked when the entry gives a `length`) and their notices are stored
//! as unverified unless each document is a signed envelope.

use std::collections::BTreeSet;
use std::time::Duration;

use machi_content::pack::VerifyingKey;
use serde::{Deserialize, Serialize};
use url::Url;

use crate::atom::{looks_like_xml, parse_atom};
use crate::backoff::Backoff;
use crate::client::{join_file, HttpClient};
use crate::error::{Error, Result};
use crate::feed_state::FeedState;
use crate::fetch::{get_conditional, sha256_hex, Fetched};
use crate::progress::CancellationToken;

/// Largest feed index accepted.
pub const MAX_FEED_BYTES: u64 = 1 << 20;
/// Largest notice document accepted (CAP messages are a few KiB).
pub const MAX_NOTICE_BYTES: u64 = 1 << 20;
/// At most this many new documents are fetched in one poll; the rest wait for the next.
pub const MAX_NEW_PER_POLL: usize = 50;
/// Suffix of the detached signature beside a JSON feed index.
pub const SIGNATURE_SUFFIX: &str = ".sig";
/// Largest signature file accepted.
const MAX_SIGNATURE_BYTES: u64 = 4096;

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
    /// Exact size in bytes (required in a JSON index; from `length` in Atom).
    #[serde(default)]
    pub size: Option<u64>,
    /// Lower-case hex sha256 (required in a JSON index; Atom has none).
    #[serde(default)]
    pub sha256: Option<String>,
}

/// How a feed's list of documents was authenticated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedAuth {
    /// A JSON index whose signature verified with the key of this id.
    SignedIndex {
        /// Key id of the key that signed the index.
        key_id: String,
    },
    /// An Atom feed: no signature (its documents may still be envelopes).
    UnsignedAtom,
}

/// A new document fetched from the feed, ready for the alerts capability.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedDocument {
    /// The entry's id.
    pub id: String,
    /// The file name it came from.
    pub file: String,
    /// The raw bytes (CAP / JMA XML, or a signed notice envelope).
    pub bytes: Vec<u8>,
    /// How the feed listing it was authenticated.
    pub auth: FeedAuth,
}

/// Parses and checks a JSON feed index: format 1, and every entry with a
/// size and a 64-character lower-case hex sha256.
pub fn parse_index(bytes: &[u8]) -> Result<FeedIndex> {
    let index: FeedIndex =
        serde_json::from_slice(bytes).map_err(|e| Error::BadFeed(e.to_string()))?;
    if index.format != 1 {
        return Err(Error::BadFeed(format!(
            "format {} is not supported",
            index.format
        )));
    }
    for e in &index.entries {
        if e.size.is_none()
            || !e
                .sha256
                .as_deref()
                .is_some_and(machi_common::keys::is_sha256_hex)
        {
            return Err(Error::BadFeed(format!(
                "entry {:?} lacks its size or a lower-case hex sha256",
                e.id
            )));
        }
    }
    Ok(index)
}

/// Checks the detached signature `sig_text` over the index `bytes` with any
/// of `keys`; returns the id of the key that verified it.
pub fn verify_index(bytes: &[u8], sig_text: &str, keys: &[VerifyingKey]) -> Result<String> {
    use machi_content::pack::keys::key_id;
    let sig = machi_common::keys::parse_signature(sig_text.trim())
        .map_err(|e| Error::FeedSignature(format!("malformed signature: {e}")))?;
    keys.iter()
        .find(|k| k.verify_strict(bytes, &sig).is_ok())
        .map(key_id)
        .ok_or_else(|| {
            Error::FeedSignature(if keys.is_empty() {
                "no key is trusted to sign notice feeds (install the town's pack)".into()
            } else {
                "the index is not signed by a key the town's pack trusts".into()
            })
        })
}

/// Polls one feed; remembers its ETag and the ids already delivered, and how
/// long to wait before the next poll.
#[derive(Debug, Clone)]
pub struct FeedPoller {
    index_url: Url,
    interval: Duration,
    keys: Vec<VerifyingKey>,
    state: FeedState,
    backoff: Backoff,
}

impl FeedPoller {
    /// A poller for the index at `index_url` (checked: https, or http to loopback),
    /// polling every `interval` while healthy and backing off (from `backoff_base`,
    /// at most `backoff_max`) while failing. It trusts no key until [`FeedPoller::trust`].
    pub fn new(
        index_url: &str,
        interval: Duration,
        backoff_base: Duration,
        backoff_max: Duration,
    ) -> Result<FeedPoller> {
        Ok(FeedPoller {
            index_url: crate::client::check_url(index_url)?,
            interval,
            keys: Vec::new(),
            state: FeedState::default(),
            backoff: Backoff::new(backoff_base, backoff_max),
        })
    }

    /// Sets the keys a JSON index must be signed with (replacing earlier ones:
    /// a new pack may bring new notice-signing keys).
    pub fn trust(&mut self, keys: Vec<VerifyingKey>) {
        self.keys = keys;
    }

    /// Continues from a state saved earlier ([`FeedPoller::state`]), e.g. after
    /// a restart: the ETag and the delivered ids.
    pub fn restore(&mut self, state: FeedState) {
        self.state = state;
    }

    /// What to save so a restart neither re-downloads an unchanged index nor
    /// delivers a document twice.
    pub fn state(&self) -> &FeedState {
        &self.state
    }

    /// Marks ids as already delivered (e.g. notices already in the store after a restart).
    pub fn mark_seen<I: IntoIterator<Item = String>>(&mut self, ids: I) {
        self.state.delivered.extend(ids);
    }

    /// Consecutive failed polls.
    pub fn failures(&self) -> u32 {
        self.backoff.failures()
    }

    /// One poll: a conditional GET of the index (and, for a JSON index, its
    /// signature), then each undelivered entry's file (bounded, checked).
    /// Returns the new documents, oldest first. The ETag and the delivered set
    /// advance only when every new document arrived, so a failed poll is
    /// repeated in full next time. Returns the delay to wait before the next
    /// poll alongside: `interval` after success, a jittered exponential
    /// backoff after failure.
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
            self.state.etag.as_deref(),
            MAX_FEED_BYTES,
            cancel,
        )
        .await?;
        let (bytes, etag) = match fetched {
            Fetched::NotModified => return Ok(Vec::new()),
            Fetched::Body { bytes, etag } => (bytes, etag),
        };
        let (entries, auth) = if looks_like_xml(&bytes) {
            (parse_atom(&bytes, &self.index_url)?, FeedAuth::UnsignedAtom)
        } else {
            let key_id = self
                .fetch_and_verify_signature(client, &bytes, cancel)
                .await?;
            (
                parse_index(&bytes)?.entries,
                FeedAuth::SignedIndex { key_id },
            )
        };
        let delivered = &self.state.delivered;
        let undelivered: Vec<&FeedEntry> = entries
            .iter()
            .filter(|e| !delivered.contains(&e.id))
            .collect();
        let complete = undelivered.len() <= MAX_NEW_PER_POLL;
        let mut docs = Vec::new();
        // Oldest first, so updates and cancellations reach the store after what they refer to.
        for entry in undelivered.iter().take(MAX_NEW_PER_POLL).rev() {
            docs.push(fetch_entry(client, &self.index_url, entry, &auth, cancel).await?);
        }
        self.state
            .delivered
            .extend(docs.iter().map(|d| d.id.clone()));
        if complete {
            // An id no longer listed will not come back; forgetting it keeps the
            // saved state as small as the feed (a reappearing one is a duplicate
            // the alerts store recognises).
            let listed: BTreeSet<&str> = entries.iter().map(|e| e.id.as_str()).collect();
            self.state
                .delivered
                .retain(|id| listed.contains(id.as_str()));
            self.state.etag = etag;
        }
        Ok(docs)
    }

    async fn fetch_and_verify_signature(
        &self,
        client: &HttpClient,
        index: &[u8],
        cancel: &CancellationToken,
    ) -> Result<String> {
        let mut sig_url = self.index_url.clone();
        sig_url.set_path(&format!("{}{SIGNATURE_SUFFIX}", self.index_url.path()));
        let sig = match get_conditional(client, &sig_url, None, MAX_SIGNATURE_BYTES, cancel).await {
            Ok(Fetched::Body { bytes, .. }) => bytes,
            Ok(Fetched::NotModified) => {
                return Err(Error::FeedSignature(
                    "unexpected 304 for the signature".into(),
                ))
            }
            Err(Error::Status { status: 404, .. }) => {
                return Err(Error::FeedSignature(
                    "the index is unsigned (no feed.json.sig beside it)".into(),
                ))
            }
            Err(e) => return Err(e),
        };
        let sig = String::from_utf8(sig)
            .map_err(|_| Error::FeedSignature("the signature is not text".into()))?;
        verify_index(index, &sig, &self.keys)
    }
}

async fn fetch_entry(
    client: &HttpClient,
    index_url: &Url,
    entry: &FeedEntry,
    auth: &FeedAuth,
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
        if &got != want {
            return Err(integrity(format!("sha256 is {got}, the feed says {want}")));
        }
    }
    Ok(FeedDocument {
        id: entry.id.clone(),
        file: entry.file.clone(),
        bytes,
        auth: auth.clone(),
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
    fn parses_index_and_requires_size_and_hash() -> Result<()> {
        let sha = "ab".repeat(32);
        let idx = parse_index(
            format!(r#"{{"format":1,"entries":[{{"id":"a","file":"a.xml","size":3,"sha256":"{sha}"}}]}}"#)
                .as_bytes(),
        )?;
        assert_eq!(idx.entries[0].size, Some(3));
        for bad in [
            r#"{"format":1,"entries":[{"id":"b","file":"b.xml"}]}"#.to_owned(),
            format!(
                r#"{{"format":1,"entries":[{{"id":"b","file":"b.xml","size":3,"sha256":"{}"}}]}}"#,
                "AB".repeat(32)
            ),
            r#"{"format":2,"entries":[]}"#.to_owned(),
            "<feed/>".to_owned(),
        ] {
            assert!(parse_index(bad.as_bytes()).is_err(), "{bad}");
        }
        Ok(())
    }

    #[test]
    fn an_index_verifies_only_with_a_trusted_key() {
        use machi_content::pack::SigningKey;
        let town = SigningKey::from_bytes(&[3; 32]);
        let other = SigningKey::from_bytes(&[4; 32]);
        let index = br#"{"format":1,"entries":[]}"#;
        let sig = machi_common::keys::sign_detached(&town, index);
        assert!(verify_index(index, &sig, &[other.verifying_key(), town.verifying_key()]).is_ok());
        assert!(verify_index(index, &sig, &[other.verifying_key()]).is_err());
        assert!(verify_index(
            b"{\"format\":1,\"entries\":[ ]}",
            &sig,
            &[town.verifying_key()]
        )
        .is_err());
        assert!(verify_index(index, "not base64!", &[town.verifying_key()]).is_err());
    }
}
