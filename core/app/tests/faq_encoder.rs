//! The FAQ's sentence encoder on the facade: a model named when opening is
//! used (or refused clearly), and a model the content pack brings is used
//! after a sync — or skipped, leaving BM25 answering, when it is unusable.
//!
//! Tests that need the real model read it from `$MACHI_ENCODER` (built by
//! `machi faq build-encoder`; scripts/test.sh does it) and skip otherwise.

use std::path::{Path, PathBuf};

use machi_app::{Error, Machi, OpenOptions};
use machi_common::Lang;
use machi_content::pack::{build_pack_with_assets, SigningKey, FAQ_ENCODER_ASSET};
use machi_i18n::Localizer;
use machi_sync::server::Server;
use machi_sync::CancellationToken;

fn model() -> Option<PathBuf> {
    let p = PathBuf::from(std::env::var_os("MACHI_ENCODER")?);
    if p.is_file() {
        Some(p)
    } else {
        machi_common::testdata::skip_missing(&format!(
            "MACHI_ENCODER={} does not exist",
            p.display()
        ));
        None
    }
}

fn skip_without_model() -> Option<PathBuf> {
    let m = model();
    if m.is_none() {
        machi_common::testdata::skip_missing(
            "no FAQ model: set MACHI_ENCODER (scripts/test.sh builds one)",
        );
    }
    m
}

fn top_answer(m: &Machi, question: &str) -> String {
    let reply = m
        .ask(question, &Localizer::for_lang(Lang::En))
        .unwrap_or_else(|e| panic!("{e}"));
    reply
        .answers
        .first()
        .map(|a| a.id.clone())
        .unwrap_or_default()
}

/// English about a Japanese-only entry: BM25 ranks a word-matching English
/// entry first, the encoder the entry that means the same.
const LEAK: &str = "water is leaking from the pipe";

#[test]
fn a_model_named_when_opening_is_used() {
    let Some(model) = skip_without_model() else {
        return;
    };
    let plain = Machi::open(OpenOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    assert!(!plain.faq_uses_encoder().unwrap_or_else(|e| panic!("{e}")));
    assert_eq!(top_answer(&plain, LEAK), "water-start-stop");
    let m = Machi::open(OpenOptions {
        faq_encoder: Some(model),
        ..Default::default()
    })
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(m.faq_uses_encoder().unwrap_or_else(|e| panic!("{e}")));
    assert_eq!(top_answer(&m, LEAK), "water-leak");
}

#[test]
fn a_broken_model_named_when_opening_is_invalid_input() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let bad = dir.path().join("model.bin");
    std::fs::write(&bad, b"not a model at all").unwrap_or_else(|e| panic!("{e}"));
    let m = Machi::open(OpenOptions {
        faq_encoder: Some(bad),
        ..Default::default()
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let e = m
        .ask("粗大ごみ", &Localizer::for_lang(Lang::Ja))
        .unwrap_err();
    assert!(matches!(e, Error::InvalidInput { .. }), "{e}");
}

/// Publishes the embedded town one version up with `model` as its FAQ
/// model, syncs `m` from it, and returns the names of the assets fetched.
fn sync_with_model(m: &Machi, key: &SigningKey, model: &Path) -> Vec<String> {
    let publish = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut data = machi_app::sample_town().unwrap_or_else(|e| panic!("{e}"));
    data.meta.pack_version += 1;
    let assets = [(FAQ_ENCODER_ASSET.to_string(), model.to_path_buf())];
    build_pack_with_assets(&data, key, publish.path(), &assets).unwrap_or_else(|e| panic!("{e}"));
    machi_sync::block_on(async {
        let server = Server::start(
            publish.path(),
            "127.0.0.1:0".parse().unwrap_or_else(|_| unreachable!()),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
        let report = m
            .sync_content(
                &server.base_url(),
                machi_sync::no_progress(),
                &CancellationToken::new(),
            )
            .await;
        server.stop().await;
        report
    })
    .unwrap_or_else(|e| panic!("{e}"))
    .unwrap_or_else(|e| panic!("{e}"))
    .assets_fetched
}

fn open_keyed(dir: &Path, key: &SigningKey) -> Machi {
    Machi::open(OpenOptions {
        db_path: Some(dir.join("machi.sqlite3")),
        publisher_key: Some(key.verifying_key()),
        ..Default::default()
    })
    .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_model_a_pack_brings_is_used_after_sync_and_after_restart() {
    let Some(model) = skip_without_model() else {
        return;
    };
    let key = SigningKey::from_bytes(&[9u8; 32]);
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let m = open_keyed(data.path(), &key);
    assert_eq!(top_answer(&m, LEAK), "water-start-stop");
    assert_eq!(sync_with_model(&m, &key, &model), vec![FAQ_ENCODER_ASSET]);
    assert!(m.faq_uses_encoder().unwrap_or_else(|e| panic!("{e}")));
    assert_eq!(top_answer(&m, LEAK), "water-leak");
    drop(m);
    let again = open_keyed(data.path(), &key);
    assert!(again.faq_uses_encoder().unwrap_or_else(|e| panic!("{e}")));
}

/// A model file changed on disk after it was installed (damaged storage, or
/// anything else writing into the app's folder) no longer matches the signed
/// manifest: it is not used, it is removed, and BM25 keeps answering.
#[test]
fn a_model_file_changed_after_install_is_not_used() {
    let Some(model) = skip_without_model() else {
        return;
    };
    let key = SigningKey::from_bytes(&[9u8; 32]);
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let m = open_keyed(data.path(), &key);
    assert_eq!(sync_with_model(&m, &key, &model), vec![FAQ_ENCODER_ASSET]);
    drop(m);
    let installed = machi_sync::installed_asset(&data.path().join("assets"), FAQ_ENCODER_ASSET)
        .unwrap_or_else(|| panic!("model installed"));
    let mut bytes = std::fs::read(&installed).unwrap_or_else(|e| panic!("{e}"));
    let last = bytes.len() - 1;
    bytes[last] ^= 0x55;
    std::fs::write(&installed, &bytes).unwrap_or_else(|e| panic!("{e}"));
    let again = open_keyed(data.path(), &key);
    assert!(!again.faq_uses_encoder().unwrap_or_else(|e| panic!("{e}")));
    assert_eq!(top_answer(&again, LEAK), "water-start-stop");
    assert!(!installed.exists(), "the damaged model is removed");
}

/// A model file that matches its signed manifest but is not a usable model
/// (a publisher's mistake) must not take the FAQ down: BM25 keeps answering.
#[test]
fn an_unusable_model_from_the_pack_leaves_bm25_answering() {
    let key = SigningKey::from_bytes(&[9u8; 32]);
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let junk = data.path().join("junk.bin");
    std::fs::write(&junk, vec![7u8; 4096]).unwrap_or_else(|e| panic!("{e}"));
    let m = open_keyed(data.path(), &key);
    assert_eq!(sync_with_model(&m, &key, &junk), vec![FAQ_ENCODER_ASSET]);
    assert!(!m.faq_uses_encoder().unwrap_or_else(|e| panic!("{e}")));
    let reply = m
        .ask("粗大ごみの出し方", &Localizer::for_lang(Lang::Ja))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(reply.kind, machi_app::FaqReplyKind::Answer);
    assert_eq!(
        reply.answers.first().map(|a| a.id.as_str()),
        Some("garbage-bulky")
    );
}

fn cached_rows(m: &Machi) -> i64 {
    m.with_store(|s| {
        Ok(s.connection()
            .query_row("SELECT count(*) FROM faq_embedding_cache", [], |r| r.get(0))
            .map_err(machi_content::StoreError::from)?)
    })
    .unwrap_or_else(|e| panic!("{e}"))
}

/// Entry vectors are kept in the database: a restart answers the same
/// without adding any, and a different model replaces them.
#[test]
fn entry_vectors_survive_a_restart_and_follow_the_model() {
    let Some(model) = skip_without_model() else {
        return;
    };
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let open = |file: &Path| {
        Machi::open(OpenOptions {
            db_path: Some(data.path().join("machi.sqlite3")),
            faq_encoder: Some(file.to_path_buf()),
            ..Default::default()
        })
        .unwrap_or_else(|e| panic!("{e}"))
    };
    let first = open(&model);
    assert_eq!(top_answer(&first, LEAK), "water-leak");
    let rows = cached_rows(&first);
    assert!(rows > 47, "every wording cached: {rows}");
    drop(first);
    let again = open(&model);
    assert_eq!(top_answer(&again, LEAK), "water-leak");
    assert_eq!(cached_rows(&again), rows);
    drop(again);
    // The same model under another name counts as another model.
    let copy = data.path().join("other-model.bin");
    std::fs::copy(&model, &copy).unwrap_or_else(|e| panic!("{e}"));
    let other = open(&copy);
    assert_eq!(top_answer(&other, LEAK), "water-leak");
    assert_eq!(
        cached_rows(&other),
        rows,
        "old model's rows replaced, not added"
    );
}
