//! The trust rules end to end: a town's verified evacuation order survives
//! every forged, foreign, unsigned, tampered or replayed message, and only
//! the town (or a sender the policy lets act for it) with a valid signature
//! can change it.

mod common;

use machi_alerts::{
    get, ingest, list, AreaFilter, Envelope, IngestResult, ListFilter, NoticeState, StoredNotice,
    TrustPolicy, UnverifiedReason, Verification,
};
use machi_common::keys::{encode_verifying_key, SigningKey};
use machi_common::{LocalizedText, NoticeSender};
use rusqlite::Connection;

use common::*;

const TOWN: &str = "bousai@city.takahagi.example";
const PREF: &str = "bousai@pref.ibaraki.example";
const ORDER_ID: &str = "takahagi-2026-0100";
const ORDER_SENT: &str = "2026-09-10T05:30:00+09:00";
const EXPIRES: &str = "2026-09-11T05:30:00+09:00";

fn now() -> chrono::DateTime<chrono::Utc> {
    utc(2026, 9, 9, 23, 0)
}

fn town_key() -> SigningKey {
    SigningKey::from_bytes(&[11u8; 32])
}

fn pref_key() -> SigningKey {
    SigningKey::from_bytes(&[22u8; 32])
}

/// The town trusts itself and the prefecture; the prefecture may act for
/// the town only when `pref_acts_for_town`.
fn policy(pref_acts_for_town: bool) -> TrustPolicy {
    let sender = |id: &str, key: &SigningKey, acts_for: Vec<String>| NoticeSender {
        ids: vec![id.to_string()],
        name: LocalizedText::new(),
        keys: vec![encode_verifying_key(&key.verifying_key())],
        cert_fingerprints: Vec::new(),
        acts_for,
    };
    TrustPolicy::from_senders(&[
        sender(TOWN, &town_key(), Vec::new()),
        sender(
            PREF,
            &pref_key(),
            if pref_acts_for_town {
                vec![TOWN.to_string()]
            } else {
                Vec::new()
            },
        ),
    ])
}

/// A CAP 1.2 message for Takahagi.
fn doc(sender: &str, id: &str, sent: &str, msg_type: &str, refs: &str, event: &str) -> Vec<u8> {
    let refs = if refs.is_empty() {
        String::new()
    } else {
        format!("<references>{refs}</references>")
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
<identifier>{id}</identifier><sender>{sender}</sender>
<sent>{sent}</sent><status>Actual</status><msgType>{msg_type}</msgType><scope>Public</scope>{refs}
<info><language>ja</language><category>Geo</category><event>{event}</event>
<urgency>Immediate</urgency><severity>Severe</severity><certainty>Likely</certainty>
<expires>{EXPIRES}</expires><headline>{event}</headline>
<area><areaDesc>高萩市</areaDesc><geocode><valueName>JIS X 0402</valueName><value>082147</value></geocode></area>
</info></alert>"#
    )
    .into_bytes()
}

fn signed(bytes: &[u8], key: &SigningKey) -> Vec<u8> {
    Envelope::sign(bytes, key).to_json().into_bytes()
}

fn order_ref() -> String {
    format!("{TOWN},{ORDER_ID},{ORDER_SENT}")
}

/// A store holding the town's signed, verified Level-4 evacuation order.
fn with_order(policy: &TrustPolicy) -> (Connection, i64, StoredNotice) {
    let mut c = db();
    let order = doc(TOWN, ORDER_ID, ORDER_SENT, "Alert", "", "避難指示");
    let o = ingest(&mut c, &signed(&order, &town_key()), "order", policy, now()).unwrap();
    let IngestResult::Stored { id } = o.result else {
        panic!("{o:?}")
    };
    let stored = get(&c, id, now()).unwrap().unwrap();
    assert_eq!(stored.trust.state, Verification::Verified);
    assert_eq!(stored.trust.signer.as_deref(), Some(TOWN));
    assert!(stored.may_alert());
    (c, id, stored)
}

/// The order is still active and exactly as it was.
fn assert_order_intact(c: &Connection, id: i64, before: &StoredNotice) {
    let now_ = get(c, id, now()).unwrap().unwrap();
    assert_eq!(now_.state, NoticeState::Active);
    assert_eq!(now_.withdrawn_by, None);
    assert_eq!(now_.superseded_by, None);
    assert_eq!(now_.notice, before.notice);
    assert_eq!(now_.trust, before.trust);
}

fn listed(c: &Connection) -> Vec<StoredNotice> {
    let filter = ListFilter {
        area: AreaFilter {
            places: Vec::new(),
            codes: takahagi_codes(),
            everywhere: false,
        },
        include_history: false,
    };
    list(c, &filter, now())
        .unwrap()
        .into_iter()
        .map(|l| l.stored)
        .collect()
}

/// Ingests `payload` against a store with the order and checks it was
/// kept as its own notice that may not change the order.
fn assert_refused(payload: &[u8], expect: Verification) {
    let p = policy(false);
    let (mut c, id, before) = with_order(&p);
    let o = ingest(&mut c, payload, "attack", &p, now()).unwrap();
    let IngestResult::Refused { id: own, refused } = &o.result else {
        panic!("{o:?}")
    };
    assert_eq!(refused, &vec![id]);
    assert_eq!(o.trust.as_ref().unwrap().state, expect);
    assert_order_intact(&c, id, &before);
    let shown = listed(&c);
    let attempt = shown
        .iter()
        .find(|s| s.id == *own)
        .expect("listed as its own notice");
    assert!(attempt.refused_references);
    assert!(!attempt.may_alert() || expect == Verification::Verified);
}

#[test]
fn a_signed_cancel_from_another_sender_changes_nothing() {
    let cancel = doc(
        PREF,
        "pref-1",
        "2026-09-10T06:00:00+09:00",
        "Cancel",
        &order_ref(),
        "解除",
    );
    assert_refused(&signed(&cancel, &pref_key()), Verification::Verified);
    // Unsigned, the same.
    assert_refused(&cancel, Verification::Unverified);
}

#[test]
fn a_signed_update_from_another_sender_changes_nothing() {
    let update = doc(
        PREF,
        "pref-2",
        "2026-09-10T06:00:00+09:00",
        "Update",
        &order_ref(),
        "高齢者等避難",
    );
    assert_refused(&signed(&update, &pref_key()), Verification::Verified);
}

#[test]
fn an_unsigned_cancel_claiming_the_towns_sender_id_changes_nothing() {
    let forged = doc(
        TOWN,
        "forged-1",
        "2026-09-10T06:00:00+09:00",
        "Cancel",
        &order_ref(),
        "解除",
    );
    assert_refused(&forged, Verification::Unverified);
}

#[test]
fn a_notice_signed_by_an_untrusted_key_is_unverified_and_changes_nothing() {
    let rogue = SigningKey::from_bytes(&[99u8; 32]);
    let forged = doc(
        TOWN,
        "forged-2",
        "2026-09-10T06:00:00+09:00",
        "Cancel",
        &order_ref(),
        "解除",
    );
    assert_refused(&signed(&forged, &rogue), Verification::Unverified);
    let p = policy(false);
    let (o, trust) = p.verify(&signed(&forged, &rogue)).unwrap();
    assert_eq!(o.sender, TOWN);
    assert_eq!(trust.reason, Some(UnverifiedReason::UnknownKey));
    // The prefecture's key is trusted, but not for the town's sender id.
    let (_, trust) = p.verify(&signed(&forged, &pref_key())).unwrap();
    assert_eq!(trust.reason, Some(UnverifiedReason::KeyNotForSender));
    assert_refused(&signed(&forged, &pref_key()), Verification::Unverified);
}

#[test]
fn a_tampered_signed_notice_is_refused_and_nothing_is_stored() {
    let p = policy(false);
    let (mut c, id, before) = with_order(&p);
    let cancel = doc(
        TOWN,
        "town-9",
        "2026-09-10T06:00:00+09:00",
        "Cancel",
        &order_ref(),
        "解除",
    );
    let mut env = Envelope::sign(
        &doc(
            TOWN,
            "town-9",
            "2026-09-10T06:00:00+09:00",
            "Alert",
            "",
            "訓練",
        ),
        &town_key(),
    );
    env.notice = machi_common::keys::encode_base64(&cancel);
    let o = ingest(&mut c, env.to_json().as_bytes(), "tampered", &p, now()).unwrap();
    let IngestResult::Rejected { reason } = &o.result else {
        panic!("{o:?}")
    };
    assert_eq!(reason.key(), "signature-invalid");
    let rows: i64 = c
        .query_row("SELECT COUNT(*) FROM alert_notice", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 1);
    assert_order_intact(&c, id, &before);
}

#[test]
fn a_replayed_old_signed_cancel_for_another_notice_changes_nothing() {
    let p = policy(false);
    let (mut c, id, before) = with_order(&p);
    // Last year's order and the town's own signed Cancel of it.
    let old_ref = format!("{TOWN},takahagi-2025-0042,2025-08-01T10:00:00+09:00");
    let old_cancel = doc(
        TOWN,
        "takahagi-2025-0043",
        "2025-08-01T12:00:00+09:00",
        "Cancel",
        &old_ref,
        "解除",
    );
    let o = ingest(
        &mut c,
        &signed(&old_cancel, &town_key()),
        "replay",
        &p,
        now(),
    )
    .unwrap();
    assert!(
        matches!(o.result, IngestResult::Cancelled { ref withdrawn, .. } if withdrawn.is_empty()),
        "{o:?}"
    );
    assert_order_intact(&c, id, &before);
    // Replayed again: a duplicate.
    let o = ingest(
        &mut c,
        &signed(&old_cancel, &town_key()),
        "replay",
        &p,
        now(),
    )
    .unwrap();
    assert!(matches!(o.result, IngestResult::Duplicate { .. }));
    assert_order_intact(&c, id, &before);
}

#[test]
fn the_town_itself_and_a_delegate_can_change_the_order() {
    // The checks above would pass if nothing could ever change the order.
    let p = policy(false);
    let (mut c, id, _) = with_order(&p);
    let cancel = doc(
        TOWN,
        "town-2",
        "2026-09-10T08:00:00+09:00",
        "Cancel",
        &order_ref(),
        "解除",
    );
    let o = ingest(&mut c, &signed(&cancel, &town_key()), "cancel", &p, now()).unwrap();
    assert!(
        matches!(o.result, IngestResult::Cancelled { ref withdrawn, .. } if withdrawn == &vec![id]),
        "{o:?}"
    );
    assert_eq!(
        get(&c, id, now()).unwrap().unwrap().state,
        NoticeState::Withdrawn
    );

    let p = policy(true);
    let (mut c, id, _) = with_order(&p);
    let update = doc(
        PREF,
        "pref-3",
        "2026-09-10T06:00:00+09:00",
        "Update",
        &order_ref(),
        "緊急安全確保",
    );
    let o = ingest(&mut c, &signed(&update, &pref_key()), "update", &p, now()).unwrap();
    assert!(
        matches!(o.result, IngestResult::Updated { ref superseded, .. } if superseded == &vec![id]),
        "{o:?}"
    );
    // Only exactly the triplet: the same Cancel naming another sender spelling does nothing.
    let (mut c, id, before) = with_order(&p);
    let loose = format!("city.takahagi,{ORDER_ID},{ORDER_SENT}");
    let cancel = doc(
        TOWN,
        "town-3",
        "2026-09-10T08:00:00+09:00",
        "Cancel",
        &loose,
        "解除",
    );
    let o = ingest(&mut c, &signed(&cancel, &town_key()), "cancel", &p, now()).unwrap();
    assert!(matches!(o.result, IngestResult::Refused { .. }), "{o:?}");
    assert_order_intact(&c, id, &before);
}

#[test]
fn an_unsigned_cancel_that_arrived_first_cannot_withdraw_the_order_later() {
    let p = policy(false);
    let mut c = db();
    let forged = doc(
        TOWN,
        "forged-3",
        "2026-09-10T06:00:00+09:00",
        "Cancel",
        &order_ref(),
        "解除",
    );
    ingest(&mut c, &forged, "early", &p, now()).unwrap();
    let order = doc(TOWN, ORDER_ID, ORDER_SENT, "Alert", "", "避難指示");
    let o = ingest(&mut c, &signed(&order, &town_key()), "order", &p, now()).unwrap();
    let id = o.id().unwrap();
    let stored = get(&c, id, now()).unwrap().unwrap();
    assert_eq!(stored.state, NoticeState::Active);
    assert_eq!(stored.trust.state, Verification::Verified);
    assert!(listed(&c).iter().any(|s| s.refused_references));
}

#[test]
fn a_forged_lookalike_stored_first_does_not_shadow_the_verified_notice() {
    let p = policy(false);
    let mut c = db();
    // Same sender, identifier and sent as the real order, different text.
    let lookalike = doc(
        TOWN,
        ORDER_ID,
        ORDER_SENT,
        "Alert",
        "",
        "避難指示は解除されました",
    );
    let fake = ingest(&mut c, &lookalike, "fake", &p, now())
        .unwrap()
        .id()
        .unwrap();
    let order = doc(TOWN, ORDER_ID, ORDER_SENT, "Alert", "", "避難指示");
    let o = ingest(&mut c, &signed(&order, &town_key()), "order", &p, now()).unwrap();
    let IngestResult::Stored { id } = o.result else {
        panic!("{o:?}")
    };
    assert_ne!(id, fake);
    let real = get(&c, id, now()).unwrap().unwrap();
    assert_eq!(real.trust.state, Verification::Verified);
    assert_eq!(real.notice.event, "避難指示");
    assert!(!get(&c, fake, now()).unwrap().unwrap().may_alert());
}

#[test]
fn a_verified_copy_of_a_stored_unsigned_notice_upgrades_it_in_place() {
    let p = policy(false);
    let mut c = db();
    let order = doc(TOWN, ORDER_ID, ORDER_SENT, "Alert", "", "避難指示");
    let bare = ingest(&mut c, &order, "bare", &p, now())
        .unwrap()
        .id()
        .unwrap();
    let before = get(&c, bare, now()).unwrap().unwrap();
    assert_eq!(before.trust.reason, Some(UnverifiedReason::NoSignature));
    assert!(!before.may_alert());
    let o = ingest(&mut c, &signed(&order, &town_key()), "signed", &p, now()).unwrap();
    assert_eq!(o.id(), Some(bare));
    assert_eq!(
        get(&c, bare, now()).unwrap().unwrap().trust.state,
        Verification::Verified
    );
    assert_eq!(listed(&c).len(), 1);
}

#[test]
fn what_an_unsigned_cancel_did_to_an_unsigned_copy_is_undone_when_the_signed_one_arrives() {
    let p = policy(false);
    let mut c = db();
    let order = doc(TOWN, ORDER_ID, ORDER_SENT, "Alert", "", "避難指示");
    let bare = ingest(&mut c, &order, "bare", &p, now())
        .unwrap()
        .id()
        .unwrap();
    let forged = doc(
        TOWN,
        "forged-4",
        "2026-09-10T06:00:00+09:00",
        "Cancel",
        &order_ref(),
        "解除",
    );
    let o = ingest(&mut c, &forged, "forged", &p, now()).unwrap();
    // Unverified on unverified: the rules allow it.
    assert!(
        matches!(o.result, IngestResult::Cancelled { ref withdrawn, .. } if withdrawn == &vec![bare]),
        "{o:?}"
    );
    let o = ingest(&mut c, &signed(&order, &town_key()), "signed", &p, now()).unwrap();
    assert_eq!(o.id(), Some(bare));
    let now_ = get(&c, bare, now()).unwrap().unwrap();
    assert_eq!(now_.trust.state, Verification::Verified);
    assert_eq!(
        now_.state,
        NoticeState::Active,
        "an unverified Cancel never withdraws a verified notice"
    );
    assert!(now_.may_alert());
}

#[test]
fn a_cap_xml_signature_is_recorded_as_present_not_checked() {
    let order =
        String::from_utf8(doc(TOWN, ORDER_ID, ORDER_SENT, "Alert", "", "避難指示")).unwrap();
    let with_sig = order.replace(
        "</info></alert>",
        "</info><Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo/></Signature></alert>",
    );
    let (_, trust) = policy(false).verify(with_sig.as_bytes()).unwrap();
    assert_eq!(trust.state, Verification::Unverified);
    assert_eq!(trust.reason, Some(UnverifiedReason::XmlSignatureNotChecked));
}

#[test]
fn an_unverified_jma_report_never_supersedes_a_verified_one() {
    let office = "水戸地方気象台";
    let key = SigningKey::from_bytes(&[33u8; 32]);
    let p = TrustPolicy::from_senders(&[NoticeSender {
        ids: vec![office.to_string()],
        keys: vec![encode_verifying_key(&key.verifying_key())],
        ..Default::default()
    }]);
    let mut c = db();
    let first = jma_weather("2026-09-10T05:00:00+09:00", "発表", "大雨警報", "通常");
    let later = jma_weather("2026-09-10T06:00:00+09:00", "発表", "大雨注意報", "通常");
    let v = ingest(&mut c, &signed(&first, &key), "v", &p, now()).unwrap();
    let v_id = v.id().unwrap();
    let v_state = get(&c, v_id, now()).unwrap().unwrap();
    assert_eq!(
        v_state.notice.sender, office,
        "the helper's office changed: update the test"
    );
    assert_eq!(v_state.trust.state, Verification::Verified);
    ingest(&mut c, &later, "u", &p, now()).unwrap();
    assert_eq!(
        get(&c, v_id, now()).unwrap().unwrap().state,
        NoticeState::Active
    );
    // Signed, the later report does replace it.
    ingest(&mut c, &signed(&later, &key), "s", &p, now()).unwrap();
    assert_eq!(
        get(&c, v_id, now()).unwrap().unwrap().state,
        NoticeState::Superseded
    );
}
