//! End-to-end pack sync against real HTTP servers on 127.0.0.1: the crate's own
//! static server and a fault-injecting one. After every scenario the store
//! answers exactly as before or exactly as the new version (counts + checksum).

mod support;

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use machi_content::store::Store;
use machi_sync::pack::PartKind;
use machi_sync::server::Server;
use machi_sync::{
    no_progress, sync_pack, CancellationToken, Error, HttpClient, Outcome, PackRequest, Phase,
    Progress, ProgressFn,
};
use support::synthetic::pack;
use support::*;

const SPOTS: usize = 300;

struct Env {
    publish: tempfile::TempDir,
    work: tempfile::TempDir,
}

fn env() -> Env {
    Env {
        publish: tempfile::tempdir().unwrap_or_else(|e| panic!("{e}")),
        work: tempfile::tempdir().unwrap_or_else(|e| panic!("{e}")),
    }
}

async fn run(
    client: &HttpClient,
    url: &str,
    store: &Mutex<Store>,
    work: &Path,
    etag: Option<&str>,
    progress: &ProgressFn,
    cancel: &CancellationToken,
) -> Result<machi_sync::SyncReport, Error> {
    let key = public_key();
    let req = PackRequest {
        base_url: url,
        key: &key,
        etag,
        work_dir: work,
        assets_dir: None,
    };
    sync_pack(client, &req, store, progress, cancel).await
}

async fn plain(
    client: &HttpClient,
    url: &str,
    store: &Mutex<Store>,
    work: &Path,
) -> Result<machi_sync::SyncReport, Error> {
    run(
        client,
        url,
        store,
        work,
        None,
        &no_progress(),
        &CancellationToken::new(),
    )
    .await
}

fn file_size(dir: &Path, name: &str) -> u64 {
    std::fs::metadata(dir.join(name))
        .map(|m| m.len())
        .unwrap_or(0)
}

fn partials(work: &Path) -> usize {
    std::fs::read_dir(work).map(|d| d.count()).unwrap_or(0)
}

#[tokio::test]
async fn first_sync_installs_full_pack_then_304() {
    let e = env();
    let v1 = pack(1, SPOTS, 0);
    publish(e.publish.path(), &v1);
    let server = Server::start(
        e.publish.path(),
        "127.0.0.1:0".parse().unwrap_or_else(|_| unreachable!()),
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    // A partial left by an abandoned older download: cleaned up after success.
    std::fs::write(
        e.work.path().join(format!("{}.part", "ab".repeat(32))),
        b"stale",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let store = store_with(None);
    let client = fast_client();
    let seen: Arc<Mutex<Vec<Progress>>> = Arc::default();
    let sink = seen.clone();
    let progress: ProgressFn =
        Arc::new(move |p| sink.lock().unwrap_or_else(|x| x.into_inner()).push(*p));
    let report = run(
        &client,
        &server.base_url(),
        &store,
        e.work.path(),
        None,
        &progress,
        &CancellationToken::new(),
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    match &report.outcome {
        Outcome::Applied {
            part,
            transferred,
            part_bytes,
            summary,
        } => {
            assert_eq!(*part, PartKind::Full);
            assert_eq!(transferred, part_bytes);
            assert_eq!(summary.pack_version, 1);
        }
        other => panic!("expected a full import, got {other:?}"),
    }
    assert_eq!(snapshot(&store), expected(&v1));
    assert_eq!(
        partials(e.work.path()),
        0,
        "partial file removed after import"
    );
    let phases: Vec<Phase> = seen
        .lock()
        .unwrap_or_else(|x| x.into_inner())
        .iter()
        .map(|p| p.phase)
        .collect();
    for ph in [
        Phase::Manifest,
        Phase::Download,
        Phase::Verify,
        Phase::Import,
        Phase::Done,
    ] {
        assert!(phases.contains(&ph), "missing phase {ph:?} in {phases:?}");
    }
    assert!(report.etag.is_some(), "our server sends an ETag");

    // Same manifest again, with the ETag: 304, nothing changes.
    let again = run(
        &client,
        &server.base_url(),
        &store,
        e.work.path(),
        report.etag.as_deref(),
        &no_progress(),
        &CancellationToken::new(),
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again.outcome, Outcome::NotModified);
    // Without the ETag: the manifest is read again and found current.
    let again = plain(&client, &server.base_url(), &store, e.work.path())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again.outcome, Outcome::UpToDate { version: 1 });
    assert_eq!(snapshot(&store), expected(&v1));
    server.stop().await;
}

#[tokio::test]
async fn delta_applies_changed_items_only() {
    let e = env();
    let v1 = pack(1, SPOTS, 0);
    let v2 = pack(2, SPOTS, 20);
    publish(e.publish.path(), &v1);
    publish(e.publish.path(), &v2);
    let server = FaultServer::start(e.publish.path(), Faults::default()).await;
    let store = store_with(Some(&v1));
    let report = plain(&fast_client(), &server.url(), &store, e.work.path())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    match report.outcome {
        Outcome::Applied {
            part, transferred, ..
        } => {
            assert_eq!(part, PartKind::Delta { from_version: 1 });
            assert_eq!(
                transferred,
                file_size(e.publish.path(), "delta-1-2.json.gz")
            );
            assert!(transferred < file_size(e.publish.path(), "content-v2.json.gz") / 2);
        }
        other => panic!("expected a delta, got {other:?}"),
    }
    assert!(
        server.requests_for("content-v2.json.gz").is_empty(),
        "full pack not fetched"
    );
    assert_eq!(snapshot(&store), expected(&v2));
}

#[tokio::test]
async fn full_pack_when_delta_missing_on_server() {
    let e = env();
    let v1 = pack(1, SPOTS, 0);
    let v2 = pack(2, SPOTS, 20);
    publish(e.publish.path(), &v1);
    publish(e.publish.path(), &v2);
    let mut faults = Faults::default();
    faults.missing.insert("delta-1-2.json.gz".into());
    let server = FaultServer::start(e.publish.path(), faults).await;
    let store = store_with(Some(&v1));
    let report = plain(&fast_client(), &server.url(), &store, e.work.path())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        matches!(
            report.outcome,
            Outcome::Applied {
                part: PartKind::Full,
                ..
            }
        ),
        "{report:?}"
    );
    assert_eq!(
        server.requests_for("delta-1-2.json.gz").len(),
        1,
        "404 is not retried"
    );
    assert_eq!(snapshot(&store), expected(&v2));
}

#[tokio::test]
async fn full_pack_when_no_delta_from_installed_version() {
    let e = env();
    let v1 = pack(1, SPOTS, 0);
    let v3 = pack(3, SPOTS, 10);
    publish(e.publish.path(), &v3);
    let server = FaultServer::start(e.publish.path(), Faults::default()).await;
    let store = store_with(Some(&v1));
    let report = plain(&fast_client(), &server.url(), &store, e.work.path())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(
        report.outcome,
        Outcome::Applied {
            part: PartKind::Full,
            ..
        }
    ));
    assert_eq!(snapshot(&store), expected(&v3));
}

#[tokio::test]
async fn reset_mid_body_resumes_with_range() {
    let e = env();
    let v1 = pack(1, SPOTS, 0);
    publish(e.publish.path(), &v1);
    let size = file_size(e.publish.path(), "content-v1.json.gz") as usize;
    let mut faults = Faults::default();
    faults
        .reset_after
        .insert("content-v1.json.gz".into(), size / 2);
    let server = FaultServer::start(e.publish.path(), faults).await;
    let store = store_with(None);
    let report = plain(&fast_client(), &server.url(), &store, e.work.path())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(
        report.outcome,
        Outcome::Applied {
            part: PartKind::Full,
            ..
        }
    ));
    let reqs = server.requests_for("content-v1.json.gz");
    assert_eq!(reqs.len(), 2, "{reqs:?}");
    assert_eq!(reqs[0].range, None);
    let resumed_at: u64 = reqs[1]
        .range
        .as_deref()
        .and_then(|r| r.strip_prefix("bytes="))
        .and_then(|r| r.strip_suffix('-'))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("second request has no Range: {:?}", reqs[1]));
    assert!(
        resumed_at > 0 && resumed_at <= (size / 2) as u64,
        "resumed at {resumed_at} of {size}"
    );
    assert_eq!(reqs[1].status, 206);
    assert_eq!(snapshot(&store), expected(&v1));
}

#[tokio::test]
async fn server_errors_then_backoff_then_success() {
    let e = env();
    let v1 = pack(1, SPOTS, 0);
    publish(e.publish.path(), &v1);
    let mut faults = Faults::default();
    faults.fail_500.insert("manifest.json".into(), 2);
    faults.fail_500.insert("content-v1.json.gz".into(), 2);
    let server = FaultServer::start(e.publish.path(), faults).await;
    let store = store_with(None);
    let report = plain(&fast_client(), &server.url(), &store, e.work.path())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(report.outcome, Outcome::Applied { .. }));
    let statuses: Vec<u16> = server
        .requests_for("manifest.json")
        .iter()
        .map(|s| s.status)
        .collect();
    assert_eq!(statuses, vec![500, 500, 200]);
    assert_eq!(server.requests_for("content-v1.json.gz").len(), 3);
    assert_eq!(snapshot(&store), expected(&v1));
}

#[tokio::test]
async fn persistent_server_errors_give_up_and_change_nothing() {
    let e = env();
    let v1 = pack(1, SPOTS, 0);
    let v2 = pack(2, SPOTS, 5);
    publish(e.publish.path(), &v1);
    publish(e.publish.path(), &v2);
    let mut faults = Faults::default();
    faults.fail_500.insert("delta-1-2.json.gz".into(), 100);
    let server = FaultServer::start(e.publish.path(), faults).await;
    let store = store_with(Some(&v1));
    let before = snapshot(&store);
    let err = plain(
        &client_with(Duration::from_secs(2), 3),
        &server.url(),
        &store,
        e.work.path(),
    )
    .await;
    assert!(
        matches!(err, Err(Error::Status { status: 500, .. })),
        "{err:?}"
    );
    assert_eq!(
        server.requests_for("delta-1-2.json.gz").len(),
        3,
        "bounded attempts"
    );
    assert_eq!(snapshot(&store), before);
}

#[tokio::test]
async fn slow_server_beyond_timeout() {
    let e = env();
    let v1 = pack(1, SPOTS, 0);
    publish(e.publish.path(), &v1);
    let mut faults = Faults::default();
    faults
        .delay
        .insert("manifest.json".into(), Duration::from_secs(3));
    let server = FaultServer::start(e.publish.path(), faults).await;
    let store = store_with(None);
    let before = snapshot(&store);
    let started = std::time::Instant::now();
    let err = plain(
        &client_with(Duration::from_millis(300), 2),
        &server.url(),
        &store,
        e.work.path(),
    )
    .await;
    assert!(matches!(err, Err(Error::Timeout(_))), "{err:?}");
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "gave up before the server answered"
    );
    assert_eq!(snapshot(&store), before);
}

#[tokio::test]
async fn tampered_manifest_is_refused() {
    let e = env();
    let v1 = pack(1, SPOTS, 0);
    publish(e.publish.path(), &v1);
    let mut faults = Faults::default();
    faults.tamper.insert("manifest.json".into());
    let server = FaultServer::start(e.publish.path(), faults).await;
    let store = store_with(None);
    let err = plain(&fast_client(), &server.url(), &store, e.work.path()).await;
    assert!(matches!(err, Err(Error::BadSignature)), "{err:?}");
    assert!(
        server.requests_for("content-v1.json.gz").is_empty(),
        "nothing downloaded on a bad signature"
    );
    assert_eq!(snapshot(&store).version, None);
}

#[tokio::test]
async fn tampered_pack_is_refused_and_partial_removed() {
    let e = env();
    let v1 = pack(1, SPOTS, 0);
    let v2 = pack(2, SPOTS, 5);
    publish(e.publish.path(), &v1);
    publish(e.publish.path(), &v2);
    let mut faults = Faults::default();
    faults.tamper.insert("delta-1-2.json.gz".into());
    let server = FaultServer::start(e.publish.path(), faults).await;
    let store = store_with(Some(&v1));
    let before = snapshot(&store);
    let err = plain(&fast_client(), &server.url(), &store, e.work.path()).await;
    assert!(matches!(err, Err(Error::Integrity { .. })), "{err:?}");
    assert_eq!(snapshot(&store), before);
    assert_eq!(partials(e.work.path()), 0);
}

#[tokio::test]
async fn older_pack_is_refused_as_rollback() {
    let e = env();
    let v1 = pack(1, SPOTS, 0);
    let v2 = pack(2, SPOTS, 5);
    publish(e.publish.path(), &v1);
    let server = FaultServer::start(e.publish.path(), Faults::default()).await;
    let store = store_with(Some(&v2));
    let before = snapshot(&store);
    let err = plain(&fast_client(), &server.url(), &store, e.work.path()).await;
    assert!(
        matches!(
            err,
            Err(Error::Rollback {
                installed: 2,
                offered: 1
            })
        ),
        "{err:?}"
    );
    assert_eq!(snapshot(&store), before);
}

#[tokio::test]
async fn body_larger_than_manifest_says_is_cut_off() {
    for announce in [false, true] {
        let e = env();
        let v1 = pack(1, SPOTS, 0);
        publish(e.publish.path(), &v1);
        let mut faults = Faults::default();
        faults
            .extra
            .insert("content-v1.json.gz".into(), (1 << 20, announce));
        let server = FaultServer::start(e.publish.path(), faults).await;
        let store = store_with(None);
        let err = plain(&fast_client(), &server.url(), &store, e.work.path()).await;
        assert!(
            matches!(err, Err(Error::TooLarge { .. })),
            "announce={announce}: {err:?}"
        );
        assert_eq!(
            server.requests_for("content-v1.json.gz").len(),
            1,
            "not retried"
        );
        assert_eq!(snapshot(&store).version, None);
        assert_eq!(partials(e.work.path()), 0);
    }
}

#[tokio::test]
async fn cancellation_before_import_commit_changes_nothing() {
    let e = env();
    let v1 = pack(1, SPOTS, 0);
    let v2 = pack(2, SPOTS, 20);
    publish(e.publish.path(), &v1);
    publish(e.publish.path(), &v2);
    let server = FaultServer::start(e.publish.path(), Faults::default()).await;
    let store = store_with(Some(&v1));
    let before = snapshot(&store);
    let cancel = CancellationToken::new();
    let trip = cancel.clone();
    let progress: ProgressFn = Arc::new(move |p| {
        if p.phase == Phase::Import {
            trip.cancel();
        }
    });
    let err = run(
        &fast_client(),
        &server.url(),
        &store,
        e.work.path(),
        None,
        &progress,
        &cancel,
    )
    .await;
    assert!(matches!(err, Err(Error::Cancelled)), "{err:?}");
    assert_eq!(snapshot(&store), before);
    // The verified download was kept: the next sync imports without fetching again.
    let report = plain(&fast_client(), &server.url(), &store, e.work.path())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        matches!(report.outcome, Outcome::Applied { transferred: 0, .. }),
        "{report:?}"
    );
    assert_eq!(server.requests_for("delta-1-2.json.gz").len(), 1);
    assert_eq!(snapshot(&store), expected(&v2));
}

#[tokio::test]
async fn cancellation_mid_download_then_resume_later() {
    let e = env();
    let v1 = pack(1, 3000, 0);
    publish(e.publish.path(), &v1);
    let size = file_size(e.publish.path(), "content-v1.json.gz");
    let mut faults = Faults::default();
    // Half the body, then the connection breaks: the first attempt fails
    // after data arrived; the cancel fires when progress shows those bytes.
    faults
        .reset_after
        .insert("content-v1.json.gz".into(), (size / 2) as usize);
    let server = FaultServer::start(e.publish.path(), faults).await;
    let store = store_with(None);
    let cancel = CancellationToken::new();
    let trip = cancel.clone();
    let progress: ProgressFn = Arc::new(move |p| {
        if p.phase == Phase::Download && p.bytes_done > 0 {
            trip.cancel();
        }
    });
    let err = run(
        &fast_client(),
        &server.url(),
        &store,
        e.work.path(),
        None,
        &progress,
        &cancel,
    )
    .await;
    assert!(matches!(err, Err(Error::Cancelled)), "{err:?}");
    assert_eq!(snapshot(&store).version, None);
    assert_eq!(partials(e.work.path()), 1, "partial kept for resume");
    let report = plain(&fast_client(), &server.url(), &store, e.work.path())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    match report.outcome {
        Outcome::Applied {
            transferred,
            part_bytes,
            ..
        } => assert!(
            transferred < part_bytes,
            "resumed: {transferred} of {part_bytes}"
        ),
        other => panic!("{other:?}"),
    }
    assert!(server
        .requests_for("content-v1.json.gz")
        .iter()
        .any(|s| s.range.is_some()));
    assert_eq!(snapshot(&store), expected(&v1));
}

#[tokio::test]
async fn unreachable_server_is_offline_and_store_keeps_answering() {
    let e = env();
    let v1 = pack(1, SPOTS, 0);
    // A port that was just free: nothing listens there.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("{e}"));
        l.local_addr().unwrap_or_else(|e| panic!("{e}")).port()
    };
    let store = store_with(Some(&v1));
    let err = plain(
        &client_with(Duration::from_secs(1), 2),
        &format!("http://127.0.0.1:{port}/"),
        &store,
        e.work.path(),
    )
    .await;
    assert!(matches!(err, Err(Error::Offline(_))), "{err:?}");
    assert_eq!(snapshot(&store), expected(&v1));
    let spot = store
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .spot("gen-spot-00007")
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(spot.is_some(), "cached queries keep answering");
}

#[tokio::test]
async fn plain_http_to_remote_host_is_refused() {
    let e = env();
    let store = store_with(None);
    let err = plain(
        &fast_client(),
        "http://example.jp/pack/",
        &store,
        e.work.path(),
    )
    .await;
    assert!(matches!(err, Err(Error::BadUrl { .. })), "{err:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancellation_during_a_running_import_rolls_back() {
    let e = env();
    let v1 = pack(1, 50, 0);
    let v2 = pack(2, 8_000, 0);
    publish(e.publish.path(), &v1);
    publish(e.publish.path(), &v2);
    // No delta from 1 to 2 is served: the full 8,000-spot import takes long
    // enough for a cancel 20 ms after it started to land inside it.
    let mut faults = Faults::default();
    faults.missing.insert("delta-1-2.json.gz".into());
    let server = FaultServer::start(e.publish.path(), faults).await;
    let store = store_with(Some(&v1));
    let before = snapshot(&store);
    let cancel = CancellationToken::new();
    let trip = cancel.clone();
    let progress: ProgressFn = Arc::new(move |p| {
        if p.phase == Phase::Import && p.items_done == 0 {
            let trip = trip.clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(20));
                trip.cancel();
            });
        }
    });
    let err = run(
        &fast_client(),
        &server.url(),
        &store,
        e.work.path(),
        None,
        &progress,
        &cancel,
    )
    .await;
    assert!(matches!(err, Err(Error::Cancelled)), "{err:?}");
    assert_eq!(snapshot(&store), before);
    // The store still works normally afterwards (no interrupt left behind).
    let again = plain(&fast_client(), &server.url(), &store, e.work.path()).await;
    assert!(
        matches!(again, Ok(ref r) if matches!(r.outcome, Outcome::Applied { .. })),
        "{again:?}"
    );
    assert_eq!(snapshot(&store), expected(&v2));
}
