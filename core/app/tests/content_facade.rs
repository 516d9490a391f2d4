//! The facade on the embedded sample town: first open imports it, views are
//! resolved for a language chain, imports bump the content generation.

use chrono::NaiveDate;
use machi_app::common::{GeoPoint, Hazard, Lang};
use machi_app::content_core::pack;
use machi_app::{Error, Machi, OpenOptions, SpotFilter};

fn open() -> Machi {
    Machi::open(OpenOptions::default()).unwrap()
}

#[test]
fn embedded_town_loads_with_its_promised_content() {
    let town = machi_app::sample_town().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(town.meta.municipality_code, "082147");
    assert!(town.spots.len() >= 25, "{}", town.spots.len());
    assert!(town.shelters.len() >= 10);
    assert!(town.garbage.areas.len() >= 3);
    assert!(town.faq.len() >= 40, "{}", town.faq.len());
    assert!(!town.notices.is_empty());
}

#[test]
fn first_open_imports_the_embedded_town() {
    let m = open();
    let info = m.pack_info(&[Lang::En]).unwrap().unwrap();
    assert_eq!(info.municipality_code, "082147");
    assert!(info.counts.spots >= 25);
    let en = m
        .spots(&SpotFilter::default(), &[Lang::En, Lang::Ja])
        .unwrap();
    assert_eq!(en.len() as u64, info.counts.spots);
    // Content is written in Japanese first: every name resolves.
    assert!(en.iter().all(|s| !s.name.text.is_empty()));
    let ja = m.spot(&en[0].id, &[Lang::Ja]).unwrap();
    assert!(!ja.name.is_fallback);
    assert!(matches!(
        m.spot("no-such-spot", &[Lang::Ja]),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn nearest_shelters_and_garbage_days_answer() {
    let m = open();
    let station = GeoPoint::new(36.7191, 140.7107).unwrap();
    let s = m
        .shelters_near(station, &[Hazard::Tsunami], 3, &[Lang::En])
        .unwrap();
    assert!(!s.is_empty());
    assert!(s.windows(2).all(|w| w[0].distance_m <= w[1].distance_m));
    let areas = m.garbage_areas(&[Lang::En]).unwrap();
    assert!(areas.len() >= 3);
    // Any area by its id or by its displayed name.
    let by_name = m
        .garbage_day(
            &areas[0].name.text,
            NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
            &[Lang::En],
        )
        .unwrap();
    assert_eq!(by_name.area.id, areas[0].id);
    let week: usize = (23..30)
        .map(|d| {
            m.garbage_day(
                &areas[0].id,
                NaiveDate::from_ymd_opt(2026, 11, d).unwrap(),
                &[Lang::En],
            )
            .unwrap()
            .collections
            .len()
        })
        .sum();
    assert!(week >= 2, "{week}");
    assert!(matches!(
        m.garbage_day(
            "atlantis",
            NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
            &[]
        ),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn reopening_a_file_keeps_the_store_and_imports_bump_generation() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sub/machi.sqlite3");
    let opts = OpenOptions {
        db_path: Some(db.clone()),
        ..Default::default()
    };
    let m = Machi::open(opts.clone()).unwrap();
    let p = m
        .add_place("home", GeoPoint::new(36.72, 140.71).unwrap())
        .unwrap();
    drop(m);
    let m = Machi::open(opts).unwrap();
    assert_eq!(m.places().unwrap(), vec![p]);
    assert_eq!(m.content_generation(), 0);

    // A newer signed pack of the town imports through the facade.
    let key = pack::SigningKey::from_bytes(&[3; 32]);
    let mut town = machi_app::sample_town().unwrap();
    town.meta.pack_version += 1;
    let out = dir.path().join("pack");
    pack::build_pack(&town, &key, &out).unwrap();
    assert!(matches!(
        m.import_pack_dir(&out, None),
        Err(Error::InvalidInput { .. })
    ));
    let wrong = pack::SigningKey::from_bytes(&[4; 32]).verifying_key();
    assert!(matches!(
        m.import_pack_dir(&out, Some(&wrong)),
        Err(Error::Integrity { .. })
    ));
    assert_eq!(m.content_generation(), 0);
    m.import_pack_dir(&out, Some(&key.verifying_key())).unwrap();
    assert_eq!(m.content_generation(), 1);
    assert!(matches!(
        m.import_pack_dir(&out, Some(&key.verifying_key())),
        Err(Error::Integrity { .. })
    ));
}

#[test]
fn faq_user_state_api() {
    let m = open();
    m.record_faq_feedback("x", "住民票", false, Some(Lang::Ja))
        .unwrap();
    m.log_unanswered("ペットの登録", Some(Lang::Ja)).unwrap();
    assert_eq!(m.faq_feedback().unwrap().len(), 1);
    assert_eq!(m.export_unanswered().unwrap()[0].count, 1);
}

#[test]
fn embedded_town_identity_matches_what_is_installed() {
    let (code, version) = machi_app::sample_town_identity().unwrap();
    let m = open();
    let info = m.pack_info(&[Lang::Ja]).unwrap().unwrap();
    assert_eq!((code, version), (info.municipality_code, info.pack_version));
}

#[test]
fn an_older_embedded_town_is_upgraded_but_other_packs_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("old.sqlite3");
    let (_, version) = machi_app::sample_town_identity().unwrap();
    let mut old = machi_app::sample_town().unwrap();
    old.meta.pack_version = version - 1;
    old.spots.truncate(3);
    machi_app::content_core::Store::open(&db)
        .unwrap()
        .import_full(&old)
        .unwrap();
    let m = Machi::open(OpenOptions {
        db_path: Some(db.clone()),
        ..Default::default()
    })
    .unwrap();
    let info = m.pack_info(&[Lang::Ja]).unwrap().unwrap();
    assert_eq!(info.pack_version, version);
    assert!(info.counts.spots >= 25);

    // Another town's pack stays as it is.
    let db2 = dir.path().join("other.sqlite3");
    let mut other = machi_app::sample_town().unwrap();
    other.meta.municipality_code = "082015".into();
    other.meta.pack_version = 1;
    machi_app::content_core::Store::open(&db2)
        .unwrap()
        .import_full(&other)
        .unwrap();
    let m = Machi::open(OpenOptions {
        db_path: Some(db2),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(
        m.pack_info(&[]).unwrap().unwrap().municipality_code,
        "082015"
    );
}

#[test]
fn spot_tags_come_named_in_the_readers_language_and_marked_as_interests() {
    let m = open();
    let en = m
        .spot_tag_views(&machi_i18n::Localizer::for_lang(Lang::En))
        .unwrap();
    assert_eq!(en.len(), m.spot_tags().unwrap().len());
    let leaves = en.iter().find(|t| t.id == "autumn-leaves").unwrap();
    assert_eq!(leaves.label, "Autumn leaves");
    assert!(leaves.interest);
    let station = en.iter().find(|t| t.id == "station").unwrap();
    assert!(
        !station.interest,
        "a station is where a course starts, not an interest"
    );
    let ja = m
        .spot_tag_views(&machi_i18n::Localizer::for_lang(Lang::Ja))
        .unwrap();
    let leaves_ja = ja.iter().find(|t| t.id == "autumn-leaves").unwrap();
    assert_ne!(leaves_ja.label, "autumn-leaves");
    assert_ne!(leaves_ja.label, leaves.label);
}
