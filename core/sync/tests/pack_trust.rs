//! Integrity of what a sync installs (issue 17, part 6): an expired manifest
//! (a "freeze": an old, validly signed pack served forever) is refused; the
//! store records which key signed the installed pack and until when; an
//! asset is recorded with the content and placed only after the import commits.

mod support;

use std::path::Path;
use std::sync::Arc;

use chrono::{Duration, Utc};
use machi_content::model::PackData;
use machi_content::pack::keys::key_id;
use machi_content::pack::{build_pack_with_options, BuildOptions, FAQ_ENCODER_ASSET};
use machi_sync::{installed_asset, CancellationToken, Error, Outcome, Phase, ProgressFn};
use support::synthetic::pack;
use support::*;

fn dirs() -> [tempfile::TempDir; 4] {
    [(); 4].map(|_| tempfile::tempdir().unwrap_or_else(|e| panic!("{e}")))
}

/// Publishes `data` valid until `expires`, with a small model asset when `model` is given.
fn publish_until(
    dir: &Path,
    src: &Path,
    data: &PackData,
    expires: chrono::DateTime<Utc>,
    model: Option<&[u8]>,
) {
    let mut options = BuildOptions {
        expires,
        ..BuildOptions::new()
    };
    if let Some(bytes) = model {
        let path = src.join("model.bin");
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
        options.assets.push((FAQ_ENCODER_ASSET.to_string(), path));
    }
    build_pack_with_options(data, &signing_key(), dir, &options).unwrap_or_else(|e| panic!("{e}"));
}

#[tokio::test]
async fn an_expired_manifest_is_refused_and_changes_nothing() {
    let [publish, src, work, assets] = dirs();
    let v1 = pack(1, 20, 0);
    let v2 = pack(2, 20, 3);
    publish_until(
        publish.path(),
        src.path(),
        &v1,
        Utc::now() - Duration::days(1),
        None,
    );
    publish_until(
        publish.path(),
        src.path(),
        &v2,
        Utc::now() - Duration::hours(1),
        Some(&[7u8; 4096]),
    );
    let server = FaultServer::start(publish.path(), Faults::default()).await;
    let store = store_with(Some(&v1));
    let before = snapshot(&store);
    let err = sync_assets(&server.url(), &store, work.path(), assets.path()).await;
    assert!(matches!(err, Err(Error::Expired { .. })), "{err:?}");
    assert_eq!(snapshot(&store), before);
    assert!(
        server.requests_for("delta-1-2.json.gz").is_empty(),
        "nothing downloaded"
    );
    assert!(installed_asset(assets.path(), FAQ_ENCODER_ASSET).is_none());
}

#[tokio::test]
async fn the_store_records_the_signer_and_validity_of_what_it_installed() {
    let [publish, src, work, assets] = dirs();
    let v1 = pack(1, 20, 0);
    let expires = Utc::now() + Duration::days(30);
    publish_until(publish.path(), src.path(), &v1, expires, Some(&[1u8; 4096]));
    let server = FaultServer::start(publish.path(), Faults::default()).await;
    let store = store_with(None);
    let r = sync_assets(&server.url(), &store, work.path(), assets.path())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(r.outcome, Outcome::Applied { .. }), "{r:?}");
    let s = store.lock().unwrap_or_else(|e| panic!("{e}"));
    let p = s
        .provenance()
        .unwrap_or_else(|e| panic!("{e}"))
        .expect("signed pack recorded");
    assert_eq!(p.key_id, key_id(&public_key()));
    let recorded =
        chrono::DateTime::parse_from_rfc3339(&p.expires).unwrap_or_else(|e| panic!("{e}"));
    assert!((recorded.to_utc() - expires).num_seconds().abs() <= 1);
    assert!(!p.is_stale(Utc::now()));
    assert!(p.is_stale(expires + Duration::minutes(1)));
    let asset = s
        .installed_asset(FAQ_ENCODER_ASSET)
        .unwrap_or_else(|e| panic!("{e}"))
        .expect("asset recorded");
    assert!(assets.path().join(&asset.file).is_file());
}

#[tokio::test]
async fn an_asset_is_placed_only_after_the_content_import_commits() {
    let [publish, src, work, assets] = dirs();
    let v1 = pack(1, 20, 0);
    let v2 = pack(2, 20, 3);
    publish_until(
        publish.path(),
        src.path(),
        &v1,
        Utc::now() + Duration::days(30),
        None,
    );
    publish_until(
        publish.path(),
        src.path(),
        &v2,
        Utc::now() + Duration::days(30),
        Some(&[2u8; 8192]),
    );
    let server = FaultServer::start(publish.path(), Faults::default()).await;
    let store = store_with(Some(&v1));
    let before = snapshot(&store);
    // Cancelled as the import starts: the model was downloaded and checked,
    // but must not be in place (nor recorded) for content that did not commit.
    let cancel = CancellationToken::new();
    let trip = cancel.clone();
    let progress: ProgressFn = Arc::new(move |p| {
        if p.phase == Phase::Import {
            trip.cancel();
        }
    });
    let err = sync_with_assets(
        &server.url(),
        &store,
        work.path(),
        assets.path(),
        &progress,
        &cancel,
    )
    .await;
    assert!(matches!(err, Err(Error::Cancelled)), "{err:?}");
    assert_eq!(snapshot(&store), before);
    assert!(installed_asset(assets.path(), FAQ_ENCODER_ASSET).is_none());
    {
        let s = store.lock().unwrap_or_else(|e| panic!("{e}"));
        assert!(s
            .installed_asset(FAQ_ENCODER_ASSET)
            .unwrap_or_else(|e| panic!("{e}"))
            .is_none());
    }
    // The next sync imports and then places the model it already holds.
    let r = sync_assets(&server.url(), &store, work.path(), assets.path())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(r.outcome, Outcome::Applied { .. }), "{r:?}");
    assert_eq!(r.assets_fetched, vec![FAQ_ENCODER_ASSET.to_string()]);
    assert_eq!(snapshot(&store), expected(&v2));
    assert!(installed_asset(assets.path(), FAQ_ENCODER_ASSET).is_some());
}
