//! Composition of the sync capability: content packs from the publisher's
//! server into the store, notices from a feed into the alerts capability.
//!
//! Both entry points are `async` and need a tokio runtime (uniffi:
//! `#[uniffi::export(async_runtime = "tokio")]`; the CLI uses
//! [`machi_sync::block_on`]). Cancelling the token at any point leaves the
//! store exactly as it was.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use machi_sync::feed::{FeedDocument, FeedPoller};
use machi_sync::pack::{Outcome, PackRequest, SyncReport};
use machi_sync::{CancellationToken, HttpClient, HttpConfig, ProgressFn};

use crate::error::{Error, Result};
use crate::store::Machi;

/// Default time between two polls of a healthy notice feed.
pub const FEED_INTERVAL: Duration = Duration::from_secs(60);

/// Per-instance sync state: one HTTP client (connection reuse), the manifest
/// ETag per server, and one poller per notice feed. The manifest ETags are
/// kept in memory (after a restart the first sync reads the small manifest
/// again and finds the installed version current); a feed's ETag and
/// delivered ids are also saved in the database by [`Machi::sync_notices`].
#[derive(Debug, Default)]
pub(crate) struct State {
    client: OnceLock<HttpClient>,
    etags: Mutex<HashMap<String, String>>,
    feeds: Mutex<HashMap<String, FeedPoller>>,
}

impl State {
    fn client(&self) -> Result<HttpClient> {
        if let Some(c) = self.client.get() {
            return Ok(c.clone());
        }
        let c = HttpClient::new(HttpConfig::default()).map_err(map_error)?;
        Ok(self.client.get_or_init(|| c).clone())
    }
}

fn storage(e: impl std::fmt::Display) -> Error {
    Error::Storage {
        reason: e.to_string(),
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // Only caches live behind these locks; a panic elsewhere cannot corrupt them.
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Machi {
    /// Brings the content up to the version published at `base_url` (the
    /// directory holding `manifest.json`; https, or http to loopback), verified
    /// with the publisher key pinned at open. Applies a delta from the installed
    /// version when published, else the full pack. `progress` is called with
    /// (phase, bytes, items); `cancel` stops the sync at the next chunk or before
    /// the import commits. On any error the store is unchanged and keeps answering.
    pub async fn sync_content(
        &self,
        base_url: &str,
        progress: ProgressFn,
        cancel: &CancellationToken,
    ) -> Result<SyncReport> {
        let key = self
            .publisher_key()
            .cloned()
            .ok_or_else(|| Error::InvalidInput {
                reason: "no publisher key is pinned; open with OpenOptions::publisher_key".into(),
            })?;
        let client = self.sync.client()?;
        let work_dir = self.partial_dir()?;
        let assets_dir = self.assets_dir()?;
        let etag = lock(&self.sync.etags).get(base_url).cloned();
        let req = PackRequest {
            base_url,
            key: &key,
            etag: etag.as_deref(),
            work_dir: &work_dir,
            assets_dir: Some(&assets_dir),
        };
        let report = machi_sync::sync_pack(&client, &req, &self.store, &progress, cancel)
            .await
            .map_err(map_error)?;
        if matches!(report.outcome, Outcome::Applied { .. }) || !report.assets_fetched.is_empty() {
            // New content or a new model: indexes are rebuilt on next use.
            self.bump_generation();
        }
        let mut etags = lock(&self.sync.etags);
        match &report.etag {
            Some(tag) => etags.insert(base_url.to_owned(), tag.clone()),
            None => etags.remove(base_url),
        };
        Ok(report)
    }

    /// Polls the notice feed index at `feed_url` once (conditional GET) and
    /// returns the documents not delivered before, oldest first, plus how long
    /// to wait before the next poll (the normal interval, or a jittered
    /// exponential backoff after failures — the error is returned, the backoff
    /// is remembered for the next call). Ids are remembered so each document
    /// arrives once. [`Machi::sync_notices`] also stores them.
    pub async fn poll_notice_feed(
        &self,
        feed_url: &str,
        cancel: &CancellationToken,
    ) -> Result<(Vec<FeedDocument>, Duration)> {
        let client = self.sync.client()?;
        let mut poller = match lock(&self.sync.feeds).remove(feed_url) {
            Some(p) => p,
            None => {
                let mut p = FeedPoller::new(
                    feed_url,
                    FEED_INTERVAL,
                    Duration::from_secs(5),
                    Duration::from_secs(15 * 60),
                )
                .map_err(map_error)?;
                // After a restart: the ETag and the ids delivered before.
                p.restore(self.saved_feed_state(feed_url)?);
                p
            }
        };
        // The installed pack may have changed since the last poll.
        poller.trust(self.feed_keys()?);
        let (result, delay) = poller.poll(&client, cancel).await;
        lock(&self.sync.feeds).insert(feed_url.to_owned(), poller);
        result.map(|docs| (docs, delay)).map_err(map_error)
    }

    /// Polls the notice feed at `feed_url` once and stores every new document
    /// through the alerts capability ([`Machi::ingest_notice`], which also
    /// tells the notice listeners). Returns one report per new document
    /// (oldest first; a malformed document is `Rejected`, not an error) and
    /// the delay before the next poll. Network or feed errors come back as
    /// errors; the backoff they cause is remembered for the next call.
    pub async fn sync_notices(
        &self,
        feed_url: &str,
        cancel: &CancellationToken,
    ) -> Result<(Vec<crate::IngestReport>, Duration)> {
        let (docs, delay) = self.poll_notice_feed(feed_url, cancel).await?;
        let now = chrono::Utc::now();
        let mut reports = Vec::with_capacity(docs.len());
        for doc in docs {
            let source = format!("{feed_url}#{}", doc.file);
            reports.push(self.ingest_notice(&doc.bytes, &source, now)?);
        }
        // Saved only once every document is stored: a crash in between
        // fetches them again, and the alerts store recognises duplicates.
        let state = lock(&self.sync.feeds)
            .get(feed_url)
            .map(|p| p.state().clone());
        if let Some(state) = state {
            let mut store = self.store()?;
            machi_sync::feed_state::save(store.connection_mut(), feed_url, &state)
                .map_err(storage)?;
        }
        Ok((reports, delay))
    }

    /// The feed state saved by an earlier [`Machi::sync_notices`] (empty for
    /// a feed never polled).
    fn saved_feed_state(&self, feed_url: &str) -> Result<machi_sync::feed_state::FeedState> {
        let mut store = self.store()?;
        machi_sync::feed_state::migrate(store.connection_mut()).map_err(storage)?;
        machi_sync::feed_state::load(store.connection(), feed_url).map_err(storage)
    }

    /// The keys a notice feed's index must be signed with: the publisher key
    /// pinned at open and every notice-signing key of the installed pack.
    fn feed_keys(&self) -> Result<Vec<machi_content::pack::VerifyingKey>> {
        let mut keys: Vec<_> = self.publisher_key.iter().copied().collect();
        if let Some(p) = self.store()?.installed()? {
            for text in p.meta.notice_senders.iter().flat_map(|s| &s.keys) {
                // The pack was verified; a key it spells wrongly just trusts nothing.
                if let Ok(k) = machi_common::keys::parse_verifying_key(text) {
                    if !keys.contains(&k) {
                        keys.push(k);
                    }
                }
            }
        }
        Ok(keys)
    }

    /// Where partial downloads wait to be resumed: `sync-partial/` beside the
    /// database file, or a per-process temp dir for an in-memory store.
    fn partial_dir(&self) -> Result<PathBuf> {
        self.beside_db("sync-partial")
    }

    /// Where the pack's assets (the FAQ model) are kept: `assets/` beside the
    /// database file, or a per-process temp dir for an in-memory store.
    pub(crate) fn assets_dir(&self) -> Result<PathBuf> {
        self.beside_db("assets")
    }

    fn beside_db(&self, name: &str) -> Result<PathBuf> {
        let db = self
            .store()?
            .connection()
            .path()
            .filter(|p| !p.is_empty())
            .map(PathBuf::from);
        Ok(match db.as_deref().and_then(|p| p.parent()) {
            Some(dir) => dir.join(name),
            None => std::env::temp_dir().join(format!("machi-{name}-{}", std::process::id())),
        })
    }
}

/// Maps sync errors to the facade's kinds a UI acts on.
pub(crate) fn map_error(e: machi_sync::Error) -> Error {
    use machi_sync::Error as S;
    let reason = e.to_string();
    match e {
        S::Offline(_) | S::Timeout(_) | S::Interrupted(_) => Error::Offline { reason },
        S::Status {
            status: 404 | 410,
            url,
        } => Error::NotFound { what: url },
        S::Status { .. } => Error::Offline { reason },
        S::BadUrl { .. } => Error::InvalidInput { reason },
        S::BadSignature
        | S::BadKey(_)
        | S::BadManifest(_)
        | S::Integrity { .. }
        | S::TooLarge { .. }
        | S::Rollback { .. }
        | S::Expired { .. }
        | S::WrongMunicipality { .. }
        | S::BadFeed(_)
        | S::FeedSignature(_) => Error::Integrity { reason },
        S::Cancelled => Error::Cancelled,
        S::Import(_) | S::Io(_) | S::Client(_) => Error::Storage { reason },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::OpenOptions;
    use machi_content::pack::{build_pack, SigningKey};
    use machi_sync::server::Server;

    fn open(key: &SigningKey) -> Machi {
        let opts = OpenOptions {
            db_path: None,
            publisher_key: Some(key.verifying_key()),
            skip_embedded: false,
            faq_encoder: None,
        };
        Machi::open(opts).unwrap_or_else(|e| panic!("{e}"))
    }

    /// The embedded town, one version newer, published on a local server,
    /// reaches the store through the facade; a second call is a no-op.
    #[test]
    fn sync_content_through_the_facade() {
        let key = SigningKey::from_bytes(&[5u8; 32]);
        let machi = open(&key);
        let mut data = machi
            .with_store(|s| Ok(s.export()?))
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|| panic!("embedded town installed"));
        let installed = data.meta.pack_version;
        let publish = std::env::temp_dir().join(format!("machi-app-sync-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&publish);
        build_pack(&data, &key, &publish).unwrap_or_else(|e| panic!("{e}"));
        data.meta.pack_version = installed + 1;
        if let Some(s) = data.spots.first_mut() {
            s.visit_minutes += 5;
        }
        build_pack(&data, &key, &publish).unwrap_or_else(|e| panic!("{e}"));
        let generation = machi.content_generation();
        let outcome = machi_sync::block_on(async {
            let server = Server::start(
                &publish,
                "127.0.0.1:0".parse().unwrap_or_else(|_| unreachable!()),
            )
            .await
            .unwrap_or_else(|e| panic!("{e}"));
            let cancel = CancellationToken::new();
            let first = machi
                .sync_content(&server.base_url(), machi_sync::no_progress(), &cancel)
                .await;
            let second = machi
                .sync_content(&server.base_url(), machi_sync::no_progress(), &cancel)
                .await;
            server.stop().await;
            (first, second)
        })
        .unwrap_or_else(|e| panic!("{e}"));
        let first = outcome.0.unwrap_or_else(|e| panic!("{e}"));
        assert!(
            matches!(first.outcome, Outcome::Applied { part: machi_sync::pack::PartKind::Delta { from_version }, .. } if from_version == installed),
            "{first:?}"
        );
        assert!(machi.content_generation() > generation);
        let second = outcome.1.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(second.outcome, Outcome::NotModified);
        let version = machi
            .with_store(|s| Ok(s.installed_version()?))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(version, Some(installed + 1));
        let _ = std::fs::remove_dir_all(&publish);
    }

    #[test]
    fn offline_maps_to_offline_and_store_keeps_answering() {
        let key = SigningKey::from_bytes(&[5u8; 32]);
        let machi = open(&key);
        let before = machi
            .with_store(|s| Ok(s.content_checksum()?))
            .unwrap_or_else(|e| panic!("{e}"));
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .unwrap_or_else(|e| panic!("{e}"));
        let r = machi_sync::block_on(machi.sync_content(
            &format!("http://127.0.0.1:{port}/"),
            machi_sync::no_progress(),
            &CancellationToken::new(),
        ))
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(r, Err(Error::Offline { .. })), "{r:?}");
        let after = machi
            .with_store(|s| Ok(s.content_checksum()?))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(before, after);
    }

    /// A notice published on a signed feed reaches the alerts store once,
    /// also across a restart (the feed state is saved in the database).
    #[test]
    fn notices_from_a_feed_are_ingested_once_across_a_restart() {
        let key = SigningKey::from_bytes(&[5u8; 32]);
        let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let open_at = || {
            Machi::open(OpenOptions {
                db_path: Some(data.path().join("machi.sqlite3")),
                publisher_key: Some(key.verifying_key()),
                skip_embedded: false,
                faq_encoder: None,
            })
            .unwrap_or_else(|e| panic!("{e}"))
        };
        let src = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let dir = dir.path();
        let now = chrono::Utc::now();
        let cap = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
<identifier>machi-test-feed-1</identifier><sender>bousai@city.takahagi.example</sender>
<sent>{sent}</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
<info><language>ja-JP</language><category>Safety</category><event>避難指示</event>
<urgency>Immediate</urgency><severity>Severe</severity><certainty>Observed</certainty>
<expires>{expires}</expires><headline>試験</headline>
<area><areaDesc>高萩市</areaDesc><geocode><valueName>JMA-code</valueName><value>0821400</value></geocode></area>
</info></alert>"#,
            sent = now.format("%Y-%m-%dT%H:%M:%S+00:00"),
            expires = (now + chrono::Duration::hours(6)).format("%Y-%m-%dT%H:%M:%S+00:00"),
        );
        std::fs::write(src.path().join("n1.xml"), &cap).unwrap_or_else(|e| panic!("{e}"));
        crate::publish_notice_feed(src.path(), &key, dir).unwrap_or_else(|e| panic!("{e}"));
        let (first, second, after_restart) = machi_sync::block_on(async {
            let server = Server::start(
                dir,
                "127.0.0.1:0".parse().unwrap_or_else(|_| unreachable!()),
            )
            .await
            .unwrap_or_else(|e| panic!("{e}"));
            let url = format!("{}feed.json", server.base_url());
            let cancel = CancellationToken::new();
            let machi = open_at();
            let first = machi.sync_notices(&url, &cancel).await;
            let second = machi.sync_notices(&url, &cancel).await;
            drop(machi);
            let again = open_at().sync_notices(&url, &cancel).await;
            server.stop().await;
            (first, second, again)
        })
        .unwrap_or_else(|e| panic!("{e}"));
        let (reports, delay) = first.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(reports.len(), 1, "{reports:?}");
        assert!(
            matches!(reports[0], crate::IngestReport::Stored { .. }),
            "{reports:?}"
        );
        assert_eq!(delay, FEED_INTERVAL);
        let (reports, _) = second.unwrap_or_else(|e| panic!("{e}"));
        assert!(reports.is_empty(), "nothing new on the second poll");
        let (reports, _) = after_restart.unwrap_or_else(|e| panic!("{e}"));
        assert!(reports.is_empty(), "nothing stored twice after a restart");
    }

    /// A feed signed by a key neither pinned nor in the town's pack is refused.
    #[test]
    fn a_feed_signed_by_an_untrusted_key_is_an_integrity_error() {
        let machi = open(&SigningKey::from_bytes(&[5u8; 32]));
        let stranger = SigningKey::from_bytes(&[6u8; 32]);
        let src = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        std::fs::copy(
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../tests/python/fixtures/cap-evacuation-order.xml"
            ),
            src.path().join("order.xml"),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        crate::publish_notice_feed(src.path(), &stranger, dir.path())
            .unwrap_or_else(|e| panic!("{e}"));
        let r = machi_sync::block_on(async {
            let server = Server::start(
                dir.path(),
                "127.0.0.1:0".parse().unwrap_or_else(|_| unreachable!()),
            )
            .await
            .unwrap_or_else(|e| panic!("{e}"));
            let r = machi
                .sync_notices(
                    &format!("{}feed.json", server.base_url()),
                    &CancellationToken::new(),
                )
                .await;
            server.stop().await;
            r
        })
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(r, Err(Error::Integrity { .. })), "{r:?}");
    }

    /// uniffi's tokio async export needs `Send` futures.
    #[test]
    fn facade_futures_are_send() {
        fn assert_send<T: Send>(_: &T) {}
        let key = SigningKey::from_bytes(&[5u8; 32]);
        let machi = open(&key);
        let cancel = CancellationToken::new();
        let sync = machi.sync_content("https://example.jp/", machi_sync::no_progress(), &cancel);
        assert_send(&sync);
        let poll = machi.poll_notice_feed("https://example.jp/feed.json", &cancel);
        assert_send(&poll);
        let notices = machi.sync_notices("https://example.jp/feed.json", &cancel);
        assert_send(&notices);
    }

    #[test]
    fn remote_plain_http_is_invalid_input() {
        let key = SigningKey::from_bytes(&[5u8; 32]);
        let machi = open(&key);
        let r = machi_sync::block_on(machi.sync_content(
            "http://example.jp/pack/",
            machi_sync::no_progress(),
            &CancellationToken::new(),
        ))
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(r, Err(Error::InvalidInput { .. })), "{r:?}");
    }
}
