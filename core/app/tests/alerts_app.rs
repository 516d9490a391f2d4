//! Notices through the facade on the embedded town: pack drills listed, a
//! pushed CAP stored before listeners hear of it, shelters for its hazard,
//! read marks, and hostile input rejected without touching what is stored.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, TimeZone, Utc};
use machi_app::{IngestReport, Machi, NoticeListener, NoticeQuery, NoticeView, OpenOptions};
use machi_common::{GeoPoint, Hazard, Lang};
use machi_i18n::Localizer;

const L4: &[u8] = include_bytes!("../../alerts/tests/fixtures/takahagi-evac-l4.cap");
const L5: &[u8] = include_bytes!("../../alerts/tests/fixtures/takahagi-evac-l5-update.cap");

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0)
        .single()
        .expect("valid time")
}

/// While the pushed fixtures (sent 2026-09-10 05:30 JST, valid 24 h) are current.
fn during_l4() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 9, 10, 0, 0, 0)
        .single()
        .expect("valid time")
}

fn town() -> Machi {
    Machi::open(OpenOptions::default()).expect("embedded town opens")
}

#[derive(Default)]
struct Recorder(Mutex<Vec<NoticeView>>);

impl NoticeListener for Recorder {
    fn on_notices(&self, notices: Vec<NoticeView>) {
        self.0.lock().expect("recorder lock").extend(notices);
    }
}

#[test]
fn pack_drill_notices_are_listed_with_their_drill_label() {
    let m = town();
    let loc = Localizer::for_lang(Lang::En);
    let list = m
        .notices(&NoticeQuery::default(), &loc, now())
        .expect("list");
    assert!(!list.is_empty(), "the sample pack ships drill notices");
    for n in &list {
        assert!(
            n.status_label.is_some(),
            "drills are always labelled: {n:?}"
        );
    }
    // The update supersedes the original: only one evacuation order is current.
    let current_orders = list
        .iter()
        .filter(|n| n.active && n.level == Some(4))
        .count();
    assert_eq!(current_orders, 1, "{list:#?}");
}

#[test]
fn pushed_notice_is_stored_then_heard_then_superseded() {
    let m = town();
    let recorder = Arc::new(Recorder::default());
    m.add_notice_listener(Localizer::for_lang(Lang::ZhHant), recorder.clone());

    let first = m.ingest_notice(L4, "push-1", during_l4()).expect("ingest");
    let IngestReport::Stored { id } = first else {
        panic!("expected stored, got {first:?}");
    };
    let heard = recorder.0.lock().expect("lock").clone();
    assert_eq!(heard.len(), 1);
    assert_eq!(heard[0].id, id);
    assert_eq!(heard[0].level, Some(4));

    // The same document again is a duplicate and nobody is told twice.
    assert_eq!(
        m.ingest_notice(L4, "push-1-again", during_l4())
            .expect("ingest"),
        IngestReport::Duplicate { id }
    );
    assert_eq!(recorder.0.lock().expect("lock").len(), 1);

    let update = m.ingest_notice(L5, "push-2", during_l4()).expect("ingest");
    assert!(
        matches!(&update, IngestReport::Updated { superseded, .. } if superseded.contains(&id)),
        "{update:?}"
    );
    let loc = Localizer::for_lang(Lang::En);
    let history = NoticeQuery {
        include_history: true,
        ..NoticeQuery::default()
    };
    let all = m.notices(&history, &loc, during_l4()).expect("list");
    let old = all
        .iter()
        .find(|n| n.id == id)
        .expect("original kept in history");
    assert!(!old.active);
}

#[test]
fn notice_detail_offers_shelters_certified_for_its_hazard() {
    let m = town();
    let IngestReport::Stored { id } = m.ingest_notice(L4, "push", during_l4()).expect("ingest")
    else {
        panic!("not stored");
    };
    let near = GeoPoint::new(36.7191, 140.7107).expect("point");
    let detail = m
        .notice(
            id,
            Some(near),
            3,
            &Localizer::for_lang(Lang::Ja),
            during_l4(),
        )
        .expect("detail");
    assert!(!detail.notice.hazards.is_empty());
    assert!(!detail.shelters.is_empty(), "the sample town has shelters");
    for s in &detail.shelters {
        let certified_for_one = detail
            .notice
            .hazards
            .iter()
            .any(|h: &Hazard| s.shelter.hazards.contains(h));
        assert!(certified_for_one, "{s:?}");
        assert!(s.walk_minutes >= 1);
    }
    let d: Vec<f64> = detail
        .shelters
        .iter()
        .map(|s| s.shelter.distance_m)
        .collect();
    assert!(d.windows(2).all(|w| w[0] <= w[1]), "nearest first: {d:?}");

    m.mark_notice_read(id, during_l4()).expect("mark read");
    let again = m
        .notice(id, None, 0, &Localizer::for_lang(Lang::Ja), during_l4())
        .expect("detail");
    assert!(again.notice.read);
    assert!(matches!(
        m.mark_notice_read(999_999, during_l4()),
        Err(machi_app::Error::NotFound { .. })
    ));
}

#[test]
fn a_notice_that_arrives_expired_goes_to_history_without_alerting() {
    let m = town();
    let recorder = Arc::new(Recorder::default());
    m.add_notice_listener(Localizer::for_lang(Lang::En), recorder.clone());
    let r = m.ingest_notice(L4, "late", now()).expect("ingest");
    assert!(matches!(r, IngestReport::Stored { .. }), "{r:?}");
    assert!(recorder.0.lock().expect("lock").is_empty());
}

#[test]
fn hostile_input_is_rejected_and_nothing_stored_changes() {
    let m = town();
    let loc = Localizer::for_lang(Lang::En);
    let before = m
        .notices(&NoticeQuery::default(), &loc, now())
        .expect("list");
    let xxe = br#"<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">&x;</alert>"#;
    for bad in [&xxe[..], b"", b"\xff\xfe garbage", b"<alert>"] {
        let r = m
            .ingest_notice(bad, "bad", now())
            .expect("rejection is not an error");
        assert!(matches!(r, IngestReport::Rejected { .. }), "{r:?}");
    }
    let after = m
        .notices(&NoticeQuery::default(), &loc, now())
        .expect("list");
    assert_eq!(before, after);
}

/// The sample town's notices are signed in its pack and verified by the
/// pack's own trust policy; an unsigned Cancel claiming the town's sender id
/// is listed beside them as unverified and changes nothing.
#[test]
fn the_sample_towns_signed_notices_are_verified_and_a_forged_cancel_is_not() {
    let m = town();
    let loc = Localizer::for_lang(Lang::En);
    let before = m
        .notices(&NoticeQuery::default(), &loc, now())
        .expect("list");
    assert!(!before.is_empty());
    for n in &before {
        assert_eq!(n.verification, "verified", "{}", n.headline);
        assert!(
            n.verification_label.starts_with("Verified"),
            "{}",
            n.verification_label
        );
        assert_eq!(
            n.signer.as_deref(),
            Some("Takahagi City Disaster Prevention and Safety Division (sample)")
        );
        assert!(n.read_aloud.starts_with("Verified"), "{}", n.read_aloud);
        assert!(n.refused_label.is_none());
    }
    let order = before
        .iter()
        .find(|n| n.level == Some(4))
        .expect("the sample Level-4 order")
        .clone();
    let forged = include_bytes!("../../../cli/demo/unsigned-cancel.xml");
    let report = m
        .ingest_notice(forged, "forged.xml", now())
        .expect("ingest");
    assert!(
        matches!(report, IngestReport::Refused { ref refused, .. } if refused == &vec![order.id]),
        "{report:?}"
    );
    let after = m
        .notices(&NoticeQuery::default(), &loc, now())
        .expect("list");
    let still = after
        .iter()
        .find(|n| n.id == order.id)
        .expect("order still listed");
    assert_eq!(still, &order);
    let attempt = after
        .iter()
        .find(|n| n.verification == "unverified")
        .expect("the forged cancel is listed as its own notice");
    assert_eq!(attempt.unverified_reason.as_deref(), Some("no-signature"));
    assert!(attempt.refused_label.is_some());
    assert!(!attempt.alert);
    assert!(
        attempt.read_aloud.starts_with("Unverified"),
        "{}",
        attempt.read_aloud
    );
}
