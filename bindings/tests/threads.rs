//! The facade from several threads at once: readers on "UI threads" while a
//! writer changes state and the locale flips, as a phone does during a sync.

use std::sync::Arc;
use std::thread;

use machi_ffi::GeoPoint;
use machi_ffi::{Machi, MachiConfig};

fn open(dir: &std::path::Path) -> Arc<Machi> {
    Machi::open(
        dir.to_string_lossy().into_owned(),
        MachiConfig {
            device_locales: vec!["en-US".into()],
            language_override: None,
            publisher_key: None,
            in_memory: false,
        },
    )
    .expect("open")
}

#[test]
fn readers_writers_and_locale_changes_interleave_safely() {
    let dir = tempfile::tempdir().expect("tempdir");
    let machi = open(dir.path());
    let station = GeoPoint {
        lat: 36.7191,
        lon: 140.7107,
    };
    let spot_count = machi.spots(Default::default()).expect("spots").len();

    let mut handles = Vec::new();
    for t in 0..4 {
        let m = Arc::clone(&machi);
        handles.push(thread::spawn(move || {
            for i in 0..50 {
                assert_eq!(
                    m.spots(Default::default()).expect("spots").len(),
                    spot_count
                );
                assert!(!m
                    .shelters_near(station, vec![], 3)
                    .expect("shelters")
                    .is_empty());
                let name = m.spot("hananuki-gorge".into()).expect("spot").name;
                // Whatever the locale at this instant, the name is resolved and non-empty.
                assert!(!name.text.is_empty(), "thread {t} iteration {i}");
            }
        }));
    }
    let writer = {
        let m = Arc::clone(&machi);
        thread::spawn(move || {
            for i in 0..50 {
                m.add_place(format!("place {i}"), station)
                    .expect("add place");
                let tag = if i % 2 == 0 { "zh-Hant" } else { "ja-yasasii" };
                m.set_language_override(Some(tag.into())).expect("locale");
            }
        })
    };
    for h in handles {
        h.join().expect("reader thread panicked");
    }
    writer.join().expect("writer thread panicked");
    assert_eq!(machi.places().expect("places").len(), 50);
    assert_eq!(machi.locale().lang, "ja-yasasii");
}

const NOTICE: &str = include_str!("../../tests/python/fixtures/cap-evacuation-order.xml");
const CANCEL: &str = include_str!("../../tests/python/fixtures/cap-evacuation-cancel.xml");

/// Counts notices heard through the listener.
struct Count(std::sync::atomic::AtomicUsize);

impl machi_ffi::NoticeListener for Count {
    fn on_notices(&self, notices: Vec<machi_ffi::Notice>) {
        self.0
            .fetch_add(notices.len(), std::sync::atomic::Ordering::SeqCst);
    }
}

#[test]
fn notices_ingested_on_one_thread_reach_the_listener_while_others_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let machi = open(dir.path());
    let heard = Arc::new(Count(Default::default()));
    machi.add_notice_listener(heard.clone());
    let readers: Vec<_> = (0..3)
        .map(|_| {
            let m = Arc::clone(&machi);
            thread::spawn(move || {
                for _ in 0..30 {
                    m.notices(Default::default()).expect("notices");
                    m.spot("hananuki-gorge".into()).expect("spot");
                }
            })
        })
        .collect();
    let first = machi
        .ingest_notice(NOTICE.as_bytes().to_vec(), "order.xml".into())
        .expect("ingest");
    for _ in 0..5 {
        machi
            .ingest_notice(NOTICE.as_bytes().to_vec(), "again.xml".into())
            .expect("ingest duplicate");
    }
    let cancel = machi
        .ingest_notice(CANCEL.as_bytes().to_vec(), "cancel.xml".into())
        .expect("ingest cancel");
    for r in readers {
        r.join().expect("reader thread panicked");
    }
    assert!(
        matches!(first, machi_ffi::IngestOutcome::Stored { .. }),
        "{first:?}"
    );
    assert!(
        matches!(cancel, machi_ffi::IngestOutcome::Cancelled { .. }),
        "{cancel:?}"
    );
    // The order once, then its withdrawal: duplicates are not announced.
    assert_eq!(heard.0.load(std::sync::atomic::Ordering::SeqCst), 2);
}

#[test]
fn reads_continue_while_a_sync_applies_a_new_version() {
    use machi_app::content_core::pack::{build_pack, keys::encode_verifying_key, SigningKey};

    let key = SigningKey::from_bytes(&[7u8; 32]);
    let site = tempfile::tempdir().expect("tempdir");
    let mut data = machi_app::sample_town().expect("sample town");
    build_pack(&data, &key, site.path()).expect("build v1");
    data.meta.pack_version += 1;
    build_pack(&data, &key, site.path()).expect("build v2");

    let dir = tempfile::tempdir().expect("tempdir");
    let machi = Machi::open(
        dir.path().to_string_lossy().into_owned(),
        MachiConfig {
            device_locales: vec!["en".into()],
            language_override: None,
            publisher_key: Some(encode_verifying_key(&key.verifying_key())),
            in_memory: false,
        },
    )
    .expect("open");
    let version = |m: &Machi| m.pack_info().expect("pack info").map(|p| p.pack_version);
    let before = version(&machi).expect("installed");

    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let readers: Vec<_> = (0..3)
        .map(|_| {
            let (m, stop) = (Arc::clone(&machi), Arc::clone(&stop));
            thread::spawn(move || {
                let mut n = 0;
                while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                    assert!(!m.spots(Default::default()).expect("spots").is_empty());
                    n += 1;
                }
                n
            })
        })
        .collect();
    let outcome = machi_sync::block_on(async {
        let server = machi_sync::server::Server::start(site.path(), ([127, 0, 0, 1], 0).into())
            .await
            .expect("server");
        let r = machi
            .sync_content(server.base_url(), None, machi_ffi::CancelHandle::new())
            .await;
        server.stop().await;
        r
    })
    .expect("runtime");
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    let reads: usize = readers.into_iter().map(|r| r.join().expect("reader")).sum();
    let outcome = outcome.expect("sync");
    assert!(
        matches!(outcome, machi_ffi::SyncOutcome::Applied { delta: true, .. }),
        "{outcome:?}"
    );
    assert_eq!(version(&machi), Some(before + 1));
    assert!(reads > 0);
}
