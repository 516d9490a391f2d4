//! Assets (the FAQ's model file) travel beside the pack: fetched with the
//! pack, resumed after a cut, refused when they do not match the signed
//! manifest — and a failed asset leaves the store exactly as it was.

mod support;

use std::path::Path;

use machi_content::model::PackData;
use machi_content::pack::{build_pack_with_assets, sha256_hex, FAQ_ENCODER_ASSET};
use machi_sync::{installed_asset, Error, Outcome};
use support::synthetic::pack;
use support::*;

/// A model-like file: 300 KB, bytes that do not compress away.
fn model(version: u8) -> Vec<u8> {
    (0..300_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8 ^ version)
        .collect()
}

fn publish_with_model(dir: &Path, data: &PackData, bytes: &[u8]) -> String {
    let src = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = src.path().join("model.bin");
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
    let assets = [(FAQ_ENCODER_ASSET.to_string(), path)];
    let r = build_pack_with_assets(data, &signing_key(), dir, &assets)
        .unwrap_or_else(|e| panic!("{e}"));
    r.manifest.assets[0].file.clone()
}

fn dirs() -> [tempfile::TempDir; 3] {
    [(); 3].map(|_| tempfile::tempdir().unwrap_or_else(|e| panic!("{e}")))
}

#[tokio::test]
async fn the_model_arrives_with_the_pack_and_is_replaced_by_the_next() {
    let [publish, work, assets] = dirs();
    let v1 = pack(1, 50, 0);
    let file1 = publish_with_model(publish.path(), &v1, &model(1));
    let server = FaultServer::start(publish.path(), Faults::default()).await;
    let store = store_with(None);

    let r = sync_assets(&server.url(), &store, work.path(), assets.path())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(r.outcome, Outcome::Applied { .. }));
    assert_eq!(r.assets_fetched, vec![FAQ_ENCODER_ASSET.to_string()]);
    let installed = installed_asset(assets.path(), FAQ_ENCODER_ASSET).expect("model installed");
    assert_eq!(
        installed.file_name().and_then(|f| f.to_str()),
        Some(file1.as_str())
    );
    assert_eq!(std::fs::read(&installed).ok(), Some(model(1)));

    // Up to date and the model present: nothing is downloaded again.
    let r = sync_assets(&server.url(), &store, work.path(), assets.path())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(r.outcome, Outcome::UpToDate { .. }));
    assert!(r.assets_fetched.is_empty());
    assert_eq!(server.requests_for(&file1).len(), 1);

    // A new model with version 2 replaces the old file.
    let v2 = pack(2, 50, 3);
    let file2 = publish_with_model(publish.path(), &v2, &model(2));
    let r = sync_assets(&server.url(), &store, work.path(), assets.path())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(r.outcome, Outcome::Applied { .. }));
    assert_eq!(r.assets_fetched, vec![FAQ_ENCODER_ASSET.to_string()]);
    assert!(!assets.path().join(&file1).exists());
    let installed = installed_asset(assets.path(), FAQ_ENCODER_ASSET).expect("model installed");
    assert_eq!(installed, assets.path().join(&file2));
    assert_eq!(
        sha256_hex(&std::fs::read(&installed).unwrap_or_default()),
        sha256_hex(&model(2))
    );
}

#[tokio::test]
async fn a_model_the_app_lacks_is_fetched_even_when_content_is_current() {
    let [publish, work, assets] = dirs();
    let v1 = pack(1, 50, 0);
    publish_with_model(publish.path(), &v1, &model(1));
    let server = FaultServer::start(publish.path(), Faults::default()).await;
    let store = store_with(Some(&v1));
    let r = sync_assets(&server.url(), &store, work.path(), assets.path())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(r.outcome, Outcome::UpToDate { version: 1 }));
    assert_eq!(r.assets_fetched, vec![FAQ_ENCODER_ASSET.to_string()]);
    assert!(installed_asset(assets.path(), FAQ_ENCODER_ASSET).is_some());
}

#[tokio::test]
async fn a_tampered_model_is_refused_and_nothing_changes() {
    let [publish, work, assets] = dirs();
    let v1 = pack(1, 50, 0);
    let v2 = pack(2, 50, 3);
    build_pack_with_assets(&v1, &signing_key(), publish.path(), &[])
        .unwrap_or_else(|e| panic!("{e}"));
    let file = publish_with_model(publish.path(), &v2, &model(2));
    let mut faults = Faults::default();
    faults.tamper.insert(file.clone());
    let server = FaultServer::start(publish.path(), faults).await;
    let store = store_with(Some(&v1));
    let before = snapshot(&store);
    let err = sync_assets(&server.url(), &store, work.path(), assets.path()).await;
    assert!(matches!(err, Err(Error::Integrity { .. })), "{err:?}");
    assert_eq!(
        snapshot(&store),
        before,
        "content changed after a refused model"
    );
    assert!(installed_asset(assets.path(), FAQ_ENCODER_ASSET).is_none());
}

#[tokio::test]
async fn a_cut_model_download_resumes() {
    let [publish, work, assets] = dirs();
    let v1 = pack(1, 50, 0);
    let file = publish_with_model(publish.path(), &v1, &model(1));
    let mut faults = Faults::default();
    faults.reset_after.insert(file.clone(), 100_000);
    let server = FaultServer::start(publish.path(), faults).await;
    let store = store_with(None);
    let r = sync_assets(&server.url(), &store, work.path(), assets.path())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(r.outcome, Outcome::Applied { .. }));
    let asked = server.requests_for(&file);
    assert!(asked.iter().any(|s| s.range.is_some()), "{asked:?}");
    assert_eq!(
        std::fs::read(installed_asset(assets.path(), FAQ_ENCODER_ASSET).expect("model")).ok(),
        Some(model(1))
    );
}
