//! Shelters' open status through the facade: a verified shelter notice
//! opens, fills or closes the shelters it names; the list puts open ones
//! first with "since"; an unverified notice changes nothing; the status
//! expires with the notice; the sample town's drill names its shelters.

use chrono::{DateTime, Utc};
use machi_app::common::keys::{encode_verifying_key, SigningKey};
use machi_app::common::{GeoPoint, Lang};
use machi_app::{alerts_core::Envelope, IngestReport, Machi, OpenOptions, ShelterStatus};
use machi_i18n::Localizer;

const SENDER: &str = "test.takahagi";
/// Near JR Takahagi station.
const STATION: GeoPoint = GeoPoint {
    lat: 36.7190,
    lon: 140.7108,
};

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn key() -> SigningKey {
    SigningKey::from_bytes(&[7; 32])
}

/// The sample town with our own trusted key and none of its notices.
fn town() -> Machi {
    let mut pack = machi_app::sample_town().unwrap();
    pack.notices.clear();
    pack.meta.notice_senders[0].ids = vec![SENDER.into()];
    pack.meta.notice_senders[0].keys = vec![encode_verifying_key(&key().verifying_key())];
    let m = Machi::open(OpenOptions {
        skip_embedded: true,
        ..Default::default()
    })
    .unwrap();
    m.import_full(&pack).unwrap();
    m
}

fn notice(id: &str, sent: &str, expires: &str, kind: &str, params: &[(&str, &str)]) -> Vec<u8> {
    let params: String = params
        .iter()
        .map(|(n, v)| {
            format!("<parameter><valueName>{n}</valueName><value>{v}</value></parameter>")
        })
        .collect();
    format!(
        r#"<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>{id}</identifier><sender>{SENDER}</sender><sent>{sent}</sent>
  <status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
  <info><language>ja-JP</language><category>Safety</category><event>避難所</event>
    <urgency>Expected</urgency><severity>Moderate</severity><certainty>Observed</certainty>
    <eventCode><valueName>machi-kind</valueName><value>{kind}</value></eventCode>
    <effective>{sent}</effective><expires>{expires}</expires>
    <headline>避難所の状況</headline>{params}
    <area><areaDesc>高萩市</areaDesc><geocode><valueName>JIS X 0402</valueName><value>0821400</value></geocode></area>
  </info>
</alert>"#
    )
    .into_bytes()
}

fn signed(xml: &[u8]) -> Vec<u8> {
    Envelope::sign(xml, &key()).to_json().into_bytes()
}

fn ingest(m: &Machi, bytes: &[u8], now: DateTime<Utc>) {
    let r = m.ingest_notice(bytes, "test", now).unwrap();
    assert!(matches!(r, IngestReport::Stored { .. }), "{r:?}");
}

const TAKAHAGI_HIGH: &str = "E0821400012201";
const AKIYAMA_ELEMENTARY: &str = "E0821400053201";

fn status_of(m: &Machi, id: &str, now: DateTime<Utc>) -> (ShelterStatus, Option<String>) {
    let list = m
        .shelters_near_at(STATION, &[], 80, &[Lang::En, Lang::Ja], now)
        .unwrap();
    let s = list
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("{id}"));
    (s.status, s.status_since.map(|d| d.to_rfc3339()))
}

#[test]
fn a_verified_notice_opens_fills_and_closes_the_shelters_it_names() {
    let m = town();
    let now = t("2026-11-20T14:10:00+09:00");
    assert_eq!(status_of(&m, TAKAHAGI_HIGH, now).0, ShelterStatus::Unknown);
    // 秋山小学校 is 2.4 km away, beyond the nearest five: it still comes first.
    let open = notice(
        "open-1",
        "2026-11-20T14:05:00+09:00",
        "2026-11-21T14:05:00+09:00",
        "shelter-opened",
        &[
            ("machi-shelter", AKIYAMA_ELEMENTARY),
            ("machi-shelter-full", TAKAHAGI_HIGH),
        ],
    );
    ingest(&m, &signed(&open), now);
    let list = m
        .shelters_near_at(STATION, &[], 5, &[Lang::En, Lang::Ja], now)
        .unwrap();
    assert_eq!(list.len(), 5);
    assert_eq!(list[0].id, AKIYAMA_ELEMENTARY);
    assert_eq!(list[0].status, ShelterStatus::Open);
    assert_eq!(
        list[0].status_since.unwrap().to_rfc3339(),
        "2026-11-20T14:05:00+09:00"
    );
    // 高萩高校 is the nearest but full: the unknown ones come before it.
    assert!(list[1..].iter().all(|s| s.status == ShelterStatus::Unknown));
    let all = m
        .shelters_near_at(STATION, &[], 80, &[Lang::En, Lang::Ja], now)
        .unwrap();
    assert_eq!(all.len(), 57);
    assert_eq!(all[56].id, TAKAHAGI_HIGH, "full comes last");
    assert_eq!(all[56].status, ShelterStatus::Full);
    assert!(all[1..56]
        .iter()
        .all(|s| s.status == ShelterStatus::Unknown));
    assert!(all[1..56]
        .windows(2)
        .all(|w| w[0].distance_m <= w[1].distance_m));
    // JSON carries the status and since.
    let json = serde_json::to_value(&list[0]).unwrap();
    assert_eq!(json["status"], "open");
    assert_eq!(json["status_since"], "2026-11-20T14:05:00+09:00");

    // A later closing notice closes one; the other stays open since 14:05.
    let later = t("2026-11-20T18:10:00+09:00");
    let close = notice(
        "close-1",
        "2026-11-20T18:00:00+09:00",
        "2026-11-21T18:00:00+09:00",
        "shelter-closed",
        &[("machi-shelter", TAKAHAGI_HIGH)],
    );
    ingest(&m, &signed(&close), later);
    assert_eq!(status_of(&m, TAKAHAGI_HIGH, later).0, ShelterStatus::Closed);
    assert_eq!(
        status_of(&m, AKIYAMA_ELEMENTARY, later),
        (
            ShelterStatus::Open,
            Some("2026-11-20T14:05:00+09:00".into())
        )
    );
    // The status expires with the notice that reported it.
    let next_day = t("2026-11-21T15:00:00+09:00");
    assert_eq!(
        status_of(&m, AKIYAMA_ELEMENTARY, next_day).0,
        ShelterStatus::Unknown
    );
    assert_eq!(
        status_of(&m, TAKAHAGI_HIGH, next_day).0,
        ShelterStatus::Closed
    );
}

#[test]
fn an_unverified_notice_changes_no_shelter() {
    let m = town();
    let now = t("2026-11-20T14:10:00+09:00");
    let forged = notice(
        "forged-1",
        "2026-11-20T14:05:00+09:00",
        "2026-11-21T14:05:00+09:00",
        "shelter-opened",
        &[("machi-shelter", AKIYAMA_ELEMENTARY)],
    );
    ingest(&m, &forged, now);
    let wrong_key = Envelope::sign(&forged, &SigningKey::from_bytes(&[8; 32]));
    let r = m
        .ingest_notice(wrong_key.to_json().as_bytes(), "forged", now)
        .unwrap();
    assert!(!matches!(r, IngestReport::Rejected { .. }), "{r:?}");
    assert_eq!(
        status_of(&m, AKIYAMA_ELEMENTARY, now).0,
        ShelterStatus::Unknown
    );
}

#[test]
fn the_sample_drill_names_the_shelters_it_opened() {
    let m = Machi::open(OpenOptions::default()).unwrap();
    let now = t("2026-12-03T12:00:00+09:00");
    let open: Vec<String> = m
        .shelters_near_at(STATION, &[], 10, &[Lang::Ja], now)
        .unwrap()
        .into_iter()
        .filter(|s| s.status == ShelterStatus::Open)
        .map(|s| s.name.text)
        .collect();
    assert_eq!(
        open,
        ["高萩小学校", "高萩中学校", "松岡小学校", "松岡中学校"]
    );
    // The evacuation order's detail lists them first, open since the order's update.
    let loc = Localizer::for_lang(Lang::En);
    let list = m.notices(&Default::default(), &loc, now).unwrap();
    let order = list
        .iter()
        .find(|n| n.level == Some(4))
        .expect("drill order");
    let detail = m.notice(order.id, Some(STATION), 3, &loc, now).unwrap();
    for c in &detail.shelters {
        assert_eq!(
            c.shelter.status,
            ShelterStatus::Open,
            "{:?}",
            c.shelter.name
        );
        assert_eq!(
            c.shelter.status_since.unwrap().to_rfc3339(),
            "2026-11-20T07:30:00+09:00"
        );
    }
}

#[test]
fn the_gsi_shelters_and_their_attribution_are_in_the_sample_town() {
    let data = machi_app::sample_town().unwrap();
    assert_eq!(
        data.shelters.len(),
        57,
        "57 指定緊急避難場所, the 12 指定避難所 merged in"
    );
    let both = data
        .shelters
        .iter()
        .filter(|s| s.kind == machi_app::content_core::model::ShelterKind::Both)
        .count();
    assert_eq!(both, 12);
    assert!(data
        .meta
        .attribution
        .iter()
        .any(|a| a.contains("国土地理院")));
    let m = Machi::open(OpenOptions::default()).unwrap();
    let info = m.pack_info(&[Lang::En]).unwrap().expect("installed");
    assert!(
        info.attribution.iter().any(|a| a.contains("国土地理院")),
        "{info:?}"
    );
}
