//! Shelter-state `<parameter>`s of CAP notices: which shelters a notice
//! opens, fills or closes.

use machi_alerts::{parse_notice, NoticeKind, ShelterState, ShelterUpdate};

fn cap(event_code: &str, params: &[(&str, &str)]) -> Vec<u8> {
    let params: String = params
        .iter()
        .map(|(n, v)| {
            format!("<parameter><valueName>{n}</valueName><value>{v}</value></parameter>")
        })
        .collect();
    format!(
        r#"<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>t-1</identifier><sender>s</sender><sent>2026-11-20T14:05:00+09:00</sent>
  <status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
  <info><language>ja-JP</language><category>Safety</category><event>避難所</event>
    <urgency>Expected</urgency><severity>Moderate</severity><certainty>Observed</certainty>
    <eventCode><valueName>machi-kind</valueName><value>{event_code}</value></eventCode>
    {params}
    <area><areaDesc>市内</areaDesc></area></info>
</alert>"#
    )
    .into_bytes()
}

fn update(id: &str, state: ShelterState) -> ShelterUpdate {
    ShelterUpdate {
        shelter_id: id.into(),
        state,
    }
}

#[test]
fn parameters_name_the_shelters_and_their_state() {
    let n = parse_notice(&cap(
        "shelter-opened",
        &[
            ("machi-shelter", "E0821400001111"),
            ("machi-shelter-full", " E0821400002111 "),
            ("machi-shelter-open", ""),
            ("other", "x"),
        ],
    ))
    .unwrap();
    assert_eq!(n.kind, NoticeKind::ShelterOpened);
    assert_eq!(
        n.shelter_updates,
        [
            update("E0821400001111", ShelterState::Open),
            update("E0821400002111", ShelterState::Full)
        ]
    );
    // A closing notice closes the shelters it names; a later parameter wins.
    let n = parse_notice(&cap(
        "shelter-closed",
        &[
            ("machi-shelter", "A"),
            ("machi-shelter", "B"),
            ("machi-shelter-open", "B"),
        ],
    ))
    .unwrap();
    assert_eq!(
        n.shelter_updates,
        [
            update("A", ShelterState::Closed),
            update("B", ShelterState::Open)
        ]
    );
}

#[test]
fn other_notices_change_no_shelter_without_an_explicit_state() {
    let n = parse_notice(&cap("evacuation-order", &[("machi-shelter", "A")])).unwrap();
    assert!(n.shelter_updates.is_empty(), "{:?}", n.shelter_updates);
    let n = parse_notice(&cap("evacuation-order", &[("machi-shelter-open", "A")])).unwrap();
    assert_eq!(n.shelter_updates, [update("A", ShelterState::Open)]);
}
