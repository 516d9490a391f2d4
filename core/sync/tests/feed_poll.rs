//! Notice-feed polling against real servers on 127.0.0.1: a signed index
//! (refused unsigned, tampered or signed by an untrusted key), conditional
//! GET, only new documents delivered, hash checks, backoff on failure, state
//! that survives a restart, and Atom feeds of CAP entries.

mod support;

use std::path::Path;
use std::time::Duration;

use machi_content::pack::SigningKey;
use machi_sync::feed::{FeedAuth, FeedEntry, FeedIndex, FeedPoller};
use machi_sync::feed_state;
use machi_sync::fetch::sha256_hex;
use machi_sync::server::Server;
use machi_sync::{CancellationToken, Error};
use support::*;

fn cap(id: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>{id}</identifier><sender>test@example.jp</sender>
<sent>2026-11-21T10:00:00+09:00</sent><status>Test</status><msgType>Alert</msgType><scope>Public</scope></alert>"#
    )
}

/// Writes `feed.json` listing `ids` (documents beside it) and its signature
/// by the test publisher key.
fn write_feed(dir: &Path, ids: &[&str], bad_hash_for: Option<&str>) {
    let mut entries = Vec::new();
    for id in ids.iter().rev() {
        let file = format!("{id}.xml");
        let body = cap(id);
        std::fs::write(dir.join(&file), &body).unwrap_or_else(|e| panic!("{e}"));
        let sha = if bad_hash_for == Some(*id) {
            "00".repeat(32)
        } else {
            sha256_hex(body.as_bytes())
        };
        entries.push(FeedEntry {
            id: (*id).to_owned(),
            file,
            updated: "2026-11-21T01:00:00Z".into(),
            size: Some(body.len() as u64),
            sha256: Some(sha),
        });
    }
    let index = FeedIndex { format: 1, entries };
    let json = serde_json::to_vec(&index).unwrap_or_else(|e| panic!("{e}"));
    sign_index(dir, &json, &signing_key());
    std::fs::write(dir.join("feed.json"), json).unwrap_or_else(|e| panic!("{e}"));
}

fn sign_index(dir: &Path, json: &[u8], key: &SigningKey) {
    let sig = machi_common::keys::sign_detached(key, json);
    std::fs::write(dir.join("feed.json.sig"), sig).unwrap_or_else(|e| panic!("{e}"));
}

fn poller(url: &str) -> FeedPoller {
    let mut p = FeedPoller::new(
        url,
        Duration::from_secs(60),
        Duration::from_millis(100),
        Duration::from_secs(5),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    p.trust(vec![public_key()]);
    p
}

#[tokio::test]
async fn delivers_new_documents_once_oldest_first() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write_feed(dir.path(), &["n1", "n2"], None);
    let server = Server::start(
        dir.path(),
        "127.0.0.1:0".parse().unwrap_or_else(|_| unreachable!()),
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let client = fast_client();
    let cancel = CancellationToken::new();
    let mut p = poller(&format!("{}feed.json", server.base_url()));
    let (docs, delay) = p.poll(&client, &cancel).await;
    let docs = docs.unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, vec!["n1", "n2"]);
    assert_eq!(docs[0].bytes, cap("n1").into_bytes());
    assert_eq!(delay, Duration::from_secs(60));
    // Unchanged feed: 304, nothing new.
    let (docs, _) = p.poll(&client, &cancel).await;
    assert!(docs.unwrap_or_else(|e| panic!("{e}")).is_empty());
    // One more notice published.
    tokio::time::sleep(Duration::from_millis(20)).await; // a different mtime → a different ETag
    write_feed(dir.path(), &["n1", "n2", "n3"], None);
    let (docs, _) = p.poll(&client, &cancel).await;
    let ids: Vec<String> = docs
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .map(|d| d.id)
        .collect();
    assert_eq!(ids, vec!["n3".to_owned()]);
    server.stop().await;
}

#[tokio::test]
async fn conditional_get_sends_etag() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write_feed(dir.path(), &["a"], None);
    let server = FaultServer::start(dir.path(), Faults::default()).await;
    let mut p = poller(&format!("{}feed.json", server.url()));
    let cancel = CancellationToken::new();
    let client = fast_client();
    p.poll(&client, &cancel)
        .await
        .0
        .unwrap_or_else(|e| panic!("{e}"));
    p.poll(&client, &cancel)
        .await
        .0
        .unwrap_or_else(|e| panic!("{e}"));
    let reqs = server.requests_for("feed.json");
    assert_eq!(reqs.len(), 2);
    assert!(reqs[0].if_none_match.is_none());
    assert!(reqs[1].if_none_match.is_some());
    assert_eq!(reqs[1].status, 304);
}

#[tokio::test]
async fn failures_back_off_and_recover() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write_feed(dir.path(), &["a"], None);
    let mut faults = Faults::default();
    // 2 attempts per poll (client) × 2 polls fail, then success.
    faults.fail_500.insert("feed.json".into(), 4);
    let server = FaultServer::start(dir.path(), faults).await;
    let mut p = poller(&format!("{}feed.json", server.url()));
    let cancel = CancellationToken::new();
    let client = client_with(Duration::from_secs(2), 2);
    let (r1, d1) = p.poll(&client, &cancel).await;
    assert!(matches!(r1, Err(Error::Status { status: 500, .. })));
    assert!(d1 <= Duration::from_millis(100));
    let (r2, d2) = p.poll(&client, &cancel).await;
    assert!(r2.is_err());
    assert!(d2 <= Duration::from_millis(200));
    assert_eq!(p.failures(), 2);
    let (r3, d3) = p.poll(&client, &cancel).await;
    assert_eq!(r3.unwrap_or_else(|e| panic!("{e}")).len(), 1);
    assert_eq!(d3, Duration::from_secs(60));
    assert_eq!(p.failures(), 0);
}

#[tokio::test]
async fn bad_hash_is_refused_and_retried_next_poll() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write_feed(dir.path(), &["good", "bad"], Some("bad"));
    let server = FaultServer::start(dir.path(), Faults::default()).await;
    let mut p = poller(&format!("{}feed.json", server.url()));
    let cancel = CancellationToken::new();
    let (r, _) = p.poll(&fast_client(), &cancel).await;
    assert!(matches!(r, Err(Error::Integrity { .. })), "{r:?}");
    // Fixed by the publisher: both arrive (nothing was marked seen by the failed poll).
    write_feed(dir.path(), &["good", "bad"], None);
    let (r, _) = p.poll(&fast_client(), &cancel).await;
    assert_eq!(r.unwrap_or_else(|e| panic!("{e}")).len(), 2);
}

#[tokio::test]
async fn an_unsigned_tampered_or_foreign_signed_index_is_refused_whole() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write_feed(dir.path(), &["a"], None);
    let server = FaultServer::start(dir.path(), Faults::default()).await;
    let url = format!("{}feed.json", server.url());
    let cancel = CancellationToken::new();
    // Unsigned.
    std::fs::remove_file(dir.path().join("feed.json.sig")).unwrap_or_else(|e| panic!("{e}"));
    let (r, _) = poller(&url).poll(&fast_client(), &cancel).await;
    assert!(matches!(r, Err(Error::FeedSignature(_))), "{r:?}");
    // Signed by a key the town does not trust.
    let json = std::fs::read(dir.path().join("feed.json")).unwrap_or_else(|e| panic!("{e}"));
    sign_index(dir.path(), &json, &SigningKey::from_bytes(&[99; 32]));
    let (r, _) = poller(&url).poll(&fast_client(), &cancel).await;
    assert!(matches!(r, Err(Error::FeedSignature(_))), "{r:?}");
    // Signed, then changed (another document slipped in).
    sign_index(dir.path(), &json, &signing_key());
    let tampered = String::from_utf8(json)
        .unwrap_or_else(|e| panic!("{e}"))
        .replace("\"a\"", "\"b\"");
    std::fs::write(dir.path().join("feed.json"), tampered).unwrap_or_else(|e| panic!("{e}"));
    let (r, _) = poller(&url).poll(&fast_client(), &cancel).await;
    assert!(matches!(r, Err(Error::FeedSignature(_))), "{r:?}");
    assert!(
        server.requests_for("a.xml").is_empty(),
        "no document fetched from a refused index"
    );
}

#[tokio::test]
async fn an_entry_without_size_or_hash_is_refused() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("a.xml"), cap("a")).unwrap_or_else(|e| panic!("{e}"));
    let json = br#"{"format":1,"entries":[{"id":"a","file":"a.xml"}]}"#;
    sign_index(dir.path(), json, &signing_key());
    std::fs::write(dir.path().join("feed.json"), json).unwrap_or_else(|e| panic!("{e}"));
    let server = FaultServer::start(dir.path(), Faults::default()).await;
    let (r, _) = poller(&format!("{}feed.json", server.url()))
        .poll(&fast_client(), &CancellationToken::new())
        .await;
    assert!(matches!(r, Err(Error::BadFeed(_))), "{r:?}");
    assert!(server.requests_for("a.xml").is_empty());
}

#[tokio::test]
async fn a_restart_between_two_polls_neither_downloads_nor_delivers_again() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write_feed(dir.path(), &["a", "b"], None);
    let server = FaultServer::start(dir.path(), Faults::default()).await;
    let url = format!("{}feed.json", server.url());
    let cancel = CancellationToken::new();
    let db = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = db.path().join("app.sqlite3");
    {
        let mut conn = rusqlite::Connection::open(&db).unwrap_or_else(|e| panic!("{e}"));
        feed_state::migrate(&mut conn).unwrap_or_else(|e| panic!("{e}"));
        let mut p = poller(&url);
        let docs = p
            .poll(&fast_client(), &cancel)
            .await
            .0
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(docs.len(), 2);
        assert!(matches!(docs[0].auth, FeedAuth::SignedIndex { .. }));
        feed_state::save(&mut conn, &url, p.state()).unwrap_or_else(|e| panic!("{e}"));
    }
    // The app starts again: a fresh poller from the saved state.
    let conn = rusqlite::Connection::open(&db).unwrap_or_else(|e| panic!("{e}"));
    let mut p = poller(&url);
    p.restore(feed_state::load(&conn, &url).unwrap_or_else(|e| panic!("{e}")));
    let docs = p
        .poll(&fast_client(), &cancel)
        .await
        .0
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(docs.is_empty());
    let index = server.requests_for("feed.json");
    assert_eq!(index.len(), 2);
    assert_eq!(
        index[1].status, 304,
        "the unchanged index is not downloaded again"
    );
    assert_eq!(server.requests_for("a.xml").len(), 1);
    assert_eq!(server.requests_for("b.xml").len(), 1);
}

#[tokio::test]
async fn an_atom_feed_of_cap_entries_is_read_as_unsigned() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut entries = String::new();
    for id in ["new", "old"] {
        let body = cap(id);
        std::fs::write(dir.path().join(format!("{id}.xml")), &body)
            .unwrap_or_else(|e| panic!("{e}"));
        entries.push_str(&format!(
            r#"<entry><id>{id}</id><updated>2026-11-21T01:00:00Z</updated><link type="application/cap+xml" href="{id}.xml" length="{}"/></entry>"#,
            body.len()
        ));
    }
    let atom = format!(
        r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><id>urn:f</id>{entries}</feed>"#
    );
    std::fs::write(dir.path().join("feed.atom"), atom).unwrap_or_else(|e| panic!("{e}"));
    let server = FaultServer::start(dir.path(), Faults::default()).await;
    let docs = poller(&format!("{}feed.atom", server.url()))
        .poll(&fast_client(), &CancellationToken::new())
        .await
        .0
        .unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, vec!["old", "new"], "oldest first");
    assert!(docs.iter().all(|d| d.auth == FeedAuth::UnsignedAtom));
}
