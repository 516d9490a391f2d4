//! Update chains, cancels, out-of-order arrival, duplicates, expiry,
//! drills, area filtering and idempotent re-ingest.

mod common;

use machi_alerts::{
    get, ingest, ingest_and_notify, list, mark_read, AreaFilter, Error, IngestResult, ListFilter,
    NoticeKind, NoticeState, Status, TrustPolicy,
};

use common::*;

fn current(
    conn: &rusqlite::Connection,
    filter: AreaFilter,
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<(i64, NoticeState)> {
    list(
        conn,
        &ListFilter {
            area: filter,
            include_history: false,
        },
        now,
    )
    .unwrap()
    .into_iter()
    .map(|l| (l.stored.id, l.stored.state))
    .collect()
}

const NOW: (i32, u32, u32, u32, u32) = (2026, 9, 9, 23, 0);

fn now() -> chrono::DateTime<chrono::Utc> {
    utc(NOW.0, NOW.1, NOW.2, NOW.3, NOW.4)
}

#[test]
fn update_supersedes_and_cancel_withdraws() {
    let mut c = db();
    let home = takahagi_filter(vec![kamikimita_home()]);
    let o1 = ingest(
        &mut c,
        &fixture("takahagi-evac-l4.cap"),
        "l4",
        &TrustPolicy::empty(),
        now(),
    )
    .unwrap();
    let IngestResult::Stored { id: a } = o1.result else {
        panic!("{o1:?}")
    };
    assert_eq!(
        current(&c, home.clone(), now()),
        vec![(a, NoticeState::Active)]
    );

    let o2 = ingest(
        &mut c,
        &fixture("takahagi-evac-l5-update.cap"),
        "l5",
        &TrustPolicy::empty(),
        now(),
    )
    .unwrap();
    let IngestResult::Updated { id: b, superseded } = o2.result else {
        panic!("{o2:?}")
    };
    assert_eq!(superseded, vec![a]);
    assert_eq!(
        current(&c, home.clone(), now()),
        vec![(b, NoticeState::Active)]
    );
    let l5 = get(&c, b, now()).unwrap().unwrap();
    assert_eq!(l5.notice.level().map(|l| l.value), Some(5));

    let o3 = ingest(
        &mut c,
        &fixture("takahagi-evac-cancel.cap"),
        "cancel",
        &TrustPolicy::empty(),
        now(),
    )
    .unwrap();
    let IngestResult::Cancelled { id: x, withdrawn } = o3.result else {
        panic!("{o3:?}")
    };
    assert_eq!(withdrawn, vec![b]);
    // Withdrawn is shown as withdrawn, not silently deleted.
    assert_eq!(
        current(&c, home.clone(), now()),
        vec![(b, NoticeState::Withdrawn)]
    );
    assert_eq!(
        get(&c, a, now()).unwrap().unwrap().state,
        NoticeState::Superseded
    );
    assert_eq!(
        get(&c, x, now()).unwrap().unwrap().state,
        NoticeState::Control
    );
    // History keeps all three visible notices' chain.
    let hist = list(
        &c,
        &ListFilter {
            area: home,
            include_history: true,
        },
        now(),
    )
    .unwrap();
    assert_eq!(hist.len(), 2);
}

#[test]
fn update_before_original_is_linked_when_the_original_arrives() {
    let mut c = db();
    let o2 = ingest(
        &mut c,
        &fixture("takahagi-evac-l5-update.cap"),
        "l5",
        &TrustPolicy::empty(),
        now(),
    )
    .unwrap();
    let IngestResult::Updated { id: b, superseded } = o2.result else {
        panic!("{o2:?}")
    };
    assert!(superseded.is_empty());
    let o1 = ingest(
        &mut c,
        &fixture("takahagi-evac-l4.cap"),
        "l4",
        &TrustPolicy::empty(),
        now(),
    )
    .unwrap();
    let IngestResult::Stored { id: a } = o1.result else {
        panic!("{o1:?}")
    };
    assert!(o1.changed.contains(&a));
    assert_eq!(get(&c, a, now()).unwrap().unwrap().superseded_by, Some(b));
    let home = takahagi_filter(vec![kamikimita_home()]);
    assert_eq!(current(&c, home, now()), vec![(b, NoticeState::Active)]);
}

#[test]
fn cancel_before_original_withdraws_it_on_arrival() {
    let mut c = db();
    let a = cap(
        "t-1",
        "2026-09-10T05:30:00+09:00",
        "Alert",
        "Actual",
        "",
        "避難指示",
        "2026-09-11T05:30:00+09:00",
    );
    let x = cap(
        "t-2",
        "2026-09-10T05:40:00+09:00",
        "Cancel",
        "Actual",
        "bousai@city.takahagi.example,t-1,2026-09-10T05:30:00+09:00",
        "避難指示",
        "2026-09-11T05:30:00+09:00",
    );
    let ox = ingest(&mut c, &x, "x", &TrustPolicy::empty(), now()).unwrap();
    assert!(
        matches!(ox.result, IngestResult::Cancelled { ref withdrawn, .. } if withdrawn.is_empty())
    );
    let oa = ingest(&mut c, &a, "a", &TrustPolicy::empty(), now()).unwrap();
    let id = oa.id().unwrap();
    assert_eq!(
        get(&c, id, now()).unwrap().unwrap().state,
        NoticeState::Withdrawn
    );
}

#[test]
fn cancelling_the_original_withdraws_its_updates_transitively() {
    let mut c = db();
    let exp = "2026-09-11T05:30:00+09:00";
    let a = cap(
        "t-1",
        "2026-09-10T05:30:00+09:00",
        "Alert",
        "Actual",
        "",
        "高齢者等避難",
        exp,
    );
    let b = cap(
        "t-2",
        "2026-09-10T05:35:00+09:00",
        "Update",
        "Actual",
        "bousai@city.takahagi.example,t-1,2026-09-10T05:30:00+09:00",
        "避難指示",
        exp,
    );
    let d = cap(
        "t-3",
        "2026-09-10T05:40:00+09:00",
        "Update",
        "Actual",
        "bousai@city.takahagi.example,t-2,2026-09-10T05:35:00+09:00",
        "緊急安全確保",
        exp,
    );
    let x = cap(
        "t-4",
        "2026-09-10T05:50:00+09:00",
        "Cancel",
        "Actual",
        "bousai@city.takahagi.example,t-1,2026-09-10T05:30:00+09:00",
        "取消",
        exp,
    );
    let ids: Vec<i64> = [&a, &b, &d, &x]
        .iter()
        .map(|doc| {
            ingest(&mut c, doc, "t", &TrustPolicy::empty(), now())
                .unwrap()
                .id()
                .unwrap()
        })
        .collect();
    assert_eq!(
        get(&c, ids[2], now()).unwrap().unwrap().state,
        NoticeState::Withdrawn
    );
    assert_eq!(
        get(&c, ids[1], now()).unwrap().unwrap().state,
        NoticeState::Superseded
    );
    let town = takahagi_filter(vec![]);
    assert_eq!(
        current(&c, town, now()),
        vec![(ids[2], NoticeState::Withdrawn)]
    );
}

#[test]
fn duplicates_are_stored_once() {
    let mut c = db();
    let doc = fixture("takahagi-evac-l4.cap");
    let a = ingest(&mut c, &doc, "first", &TrustPolicy::empty(), now())
        .unwrap()
        .id()
        .unwrap();
    let o = ingest(&mut c, &doc, "again", &TrustPolicy::empty(), now()).unwrap();
    assert_eq!(o.result, IngestResult::Duplicate { id: a });
    assert!(o.changed.is_empty());
    // One JMA issuance arriving as two documents (new and old format
    // titles, same office, area and report time) is stored once.
    let w1 = jma_weather("2026-09-10T05:00:00+09:00", "発表", "大雨警報", "通常");
    let w2 = String::from_utf8(w1.clone())
        .unwrap()
        .replace(
            "<Title>気象特別警報・警報・注意報</Title>",
            "<Title>気象警報・注意報</Title>",
        )
        .into_bytes();
    let j = ingest(&mut c, &w1, "vpww53", &TrustPolicy::empty(), now())
        .unwrap()
        .id()
        .unwrap();
    assert_eq!(
        ingest(&mut c, &w2, "vpww54", &TrustPolicy::empty(), now())
            .unwrap()
            .result,
        IngestResult::Duplicate { id: j }
    );
}

#[test]
fn expired_notices_move_to_history() {
    let mut c = db();
    let id = ingest(
        &mut c,
        &fixture("takahagi-evac-l4.cap"),
        "l4",
        &TrustPolicy::empty(),
        now(),
    )
    .unwrap()
    .id()
    .unwrap();
    let later = utc(2026, 9, 11, 0, 0); // expires 2026-09-10T20:30Z
    let town = takahagi_filter(vec![]);
    assert!(current(&c, town.clone(), later).is_empty());
    let hist = list(
        &c,
        &ListFilter {
            area: town,
            include_history: true,
        },
        later,
    )
    .unwrap();
    assert_eq!(hist[0].stored.id, id);
    assert_eq!(hist[0].stored.state, NoticeState::Expired);
}

#[test]
fn jma_later_issuance_replaces_earlier_in_any_order_and_retraction_withdraws() {
    let t1 = jma_weather("2026-09-10T05:00:00+09:00", "発表", "大雨警報", "通常");
    let t2 = jma_weather("2026-09-10T08:00:00+09:00", "発表", "解除", "通常");
    let town = takahagi_filter(vec![]);
    for order in [[&t1, &t2], [&t2, &t1]] {
        let mut c = db();
        for d in order {
            ingest(&mut c, d, "jma", &TrustPolicy::empty(), now()).unwrap();
        }
        let cur = list(
            &c,
            &ListFilter {
                area: town.clone(),
                include_history: false,
            },
            now(),
        )
        .unwrap();
        assert_eq!(cur.len(), 1);
        assert_eq!(cur[0].stored.notice.kind, NoticeKind::AllClear);
    }
    let mut c = db();
    let a = ingest(&mut c, &t1, "jma", &TrustPolicy::empty(), now())
        .unwrap()
        .id()
        .unwrap();
    let r = jma_weather("2026-09-10T05:10:00+09:00", "取消", "大雨警報", "通常");
    let o = ingest(&mut c, &r, "jma", &TrustPolicy::empty(), now()).unwrap();
    assert!(
        matches!(o.result, IngestResult::Cancelled { ref withdrawn, .. } if withdrawn == &vec![a])
    );
    assert_eq!(current(&c, town, now()), vec![(a, NoticeState::Withdrawn)]);
}

#[test]
fn drills_are_listed_with_their_status_and_drafts_never() {
    let mut c = db();
    let id = ingest(
        &mut c,
        &fixture("takahagi-broadcast-exercise.cap"),
        "drill",
        &TrustPolicy::empty(),
        now(),
    )
    .unwrap()
    .id()
    .unwrap();
    let town = takahagi_filter(vec![]);
    let at = utc(2026, 9, 1, 2, 0);
    let cur = list(
        &c,
        &ListFilter {
            area: town.clone(),
            include_history: false,
        },
        at,
    )
    .unwrap();
    assert_eq!(cur.len(), 1);
    assert_eq!(cur[0].stored.id, id);
    assert_eq!(cur[0].stored.notice.status, Status::Exercise);
    let exp = "2026-09-11T05:30:00+09:00";
    let draft = cap(
        "d-1",
        "2026-09-10T05:30:00+09:00",
        "Alert",
        "Draft",
        "",
        "避難指示",
        exp,
    );
    let o = ingest(&mut c, &draft, "draft", &TrustPolicy::empty(), now()).unwrap();
    assert!(matches!(o.result, IngestResult::Stored { .. }));
    assert!(current(&c, town, now()).is_empty());
    // JMA 訓練 is an exercise too.
    let drill = jma_weather("2026-09-10T05:00:00+09:00", "発表", "大雨警報", "訓練");
    let jid = ingest(&mut c, &drill, "jma", &TrustPolicy::empty(), now())
        .unwrap()
        .id()
        .unwrap();
    assert_eq!(
        get(&c, jid, now()).unwrap().unwrap().notice.status,
        Status::Exercise
    );
}

#[test]
fn area_filter_uses_polygons_codes_and_hides_other_towns() {
    let mut c = db();
    // Polygon only (no geocode): the home inside sees it, the station does not.
    let polygon_only = String::from_utf8(fixture("takahagi-evac-l4.cap"))
        .unwrap()
        .replace(
            "<geocode><valueName>JIS X 0402</valueName><value>082147</value></geocode>",
            "",
        );
    ingest(
        &mut c,
        polygon_only.as_bytes(),
        "poly",
        &TrustPolicy::empty(),
        now(),
    )
    .unwrap();
    let home_only = AreaFilter {
        places: vec![kamikimita_home()],
        ..AreaFilter::default()
    };
    let station_only = AreaFilter {
        places: vec![station()],
        ..AreaFilter::default()
    };
    assert_eq!(current(&c, home_only, now()).len(), 1);
    assert!(current(&c, station_only.clone(), now()).is_empty());
    // A notice for another town (Mito only) is not shown in Takahagi.
    let mito = String::from_utf8(jma_weather(
        "2026-09-10T05:00:00+09:00",
        "発表",
        "大雨警報",
        "通常",
    ))
    .unwrap()
    .replace(
        "<Name>高萩市</Name><Code>0821400</Code>",
        "<Name>水戸市</Name><Code>0820100</Code>",
    )
    .replace("<Code>080000</Code>", "<Code>080020</Code>");
    ingest(
        &mut c,
        mito.as_bytes(),
        "mito",
        &TrustPolicy::empty(),
        now(),
    )
    .unwrap();
    assert!(current(&c, takahagi_filter(vec![station()]), now()).is_empty());
    // The R06 fixture: Takahagi's own entry decides the kind shown.
    ingest(
        &mut c,
        &fixture("takahagi-r06-heavy-rain.xml"),
        "r06",
        &TrustPolicy::empty(),
        now(),
    )
    .unwrap();
    let cur = list(
        &c,
        &ListFilter {
            area: takahagi_filter(vec![station()]),
            include_history: false,
        },
        now(),
    )
    .unwrap();
    assert_eq!(cur.len(), 1);
    assert_eq!(cur[0].matched.kinds.len(), 1);
    assert_eq!(cur[0].matched.kinds[0].level().map(|l| l.value), Some(4));
}

#[test]
fn notify_returns_newly_visible_notices_after_commit() {
    let mut c = db();
    let town = takahagi_filter(vec![kamikimita_home()]);
    let (o, visible) = ingest_and_notify(
        &mut c,
        &fixture("takahagi-evac-l4.cap"),
        "l4",
        &TrustPolicy::empty(),
        &town,
        now(),
    )
    .unwrap();
    assert_eq!(visible.len(), 1);
    assert_eq!(Some(visible[0].stored.id), o.id());
    // Already committed: a second connection-free read sees it.
    assert!(get(&c, visible[0].stored.id, now()).unwrap().is_some());
    let (_, visible) = ingest_and_notify(
        &mut c,
        &fixture("takahagi-evac-cancel.cap"),
        "x",
        &TrustPolicy::empty(),
        &town,
        now(),
    )
    .unwrap();
    assert!(
        visible.is_empty(),
        "cancel of an unknown update changes nothing visible"
    );
}

#[test]
fn mark_read_is_kept_and_unknown_ids_are_errors() {
    let mut c = db();
    let id = ingest(
        &mut c,
        &fixture("takahagi-evac-l4.cap"),
        "l4",
        &TrustPolicy::empty(),
        now(),
    )
    .unwrap()
    .id()
    .unwrap();
    mark_read(&c, id, now()).unwrap();
    mark_read(&c, id, utc(2026, 9, 10, 0, 0)).unwrap();
    assert_eq!(get(&c, id, now()).unwrap().unwrap().read_at, Some(now()));
    assert!(matches!(
        mark_read(&c, 999, now()),
        Err(Error::NotFound(999))
    ));
}

#[test]
fn any_arrival_order_gives_the_same_states() {
    let docs = [
        fixture("takahagi-evac-l4.cap"),
        fixture("takahagi-evac-l5-update.cap"),
        fixture("takahagi-evac-cancel.cap"),
        jma_weather("2026-09-10T05:00:00+09:00", "発表", "大雨警報", "通常"),
        jma_weather("2026-09-10T08:00:00+09:00", "発表", "大雨特別警報", "通常"),
    ];
    let states = |order: &[usize]| {
        let mut c = db();
        for &i in order {
            ingest(&mut c, &docs[i], "d", &TrustPolicy::empty(), now()).unwrap();
        }
        let mut st = c
            .prepare("SELECT dedup_key, superseded_by IS NOT NULL, withdrawn_by IS NOT NULL FROM alert_notice ORDER BY dedup_key")
            .unwrap();
        st.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, bool>(1)?,
                r.get::<_, bool>(2)?,
            ))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect::<Vec<_>>()
    };
    let reference = states(&[0, 1, 2, 3, 4]);
    for order in [[4, 3, 2, 1, 0], [2, 0, 4, 1, 3], [1, 2, 0, 3, 4]] {
        assert_eq!(states(&order), reference, "order {order:?}");
    }
}

#[test]
fn jma_correction_at_the_same_time_supersedes_the_issuance() {
    let mut c = db();
    let a = ingest(
        &mut c,
        &jma_weather("2026-09-10T05:00:00+09:00", "発表", "大雨警報", "通常"),
        "a",
        &TrustPolicy::empty(),
        now(),
    )
    .unwrap()
    .id()
    .unwrap();
    let o = ingest(
        &mut c,
        &jma_weather("2026-09-10T05:00:00+09:00", "訂正", "大雨特別警報", "通常"),
        "b",
        &TrustPolicy::empty(),
        now(),
    )
    .unwrap();
    let IngestResult::Updated { id: b, superseded } = o.result else {
        panic!("{o:?}")
    };
    assert_eq!(superseded, vec![a]);
    assert_eq!(
        current(&c, takahagi_filter(vec![]), now()),
        vec![(b, NoticeState::Active)]
    );
}

#[test]
fn hazards_for_the_shelter_lookup() {
    use machi_common::Hazard;
    let l4 = machi_alerts::parse_notice(&fixture("takahagi-evac-l4.cap")).unwrap();
    assert_eq!(l4.hazards(), vec![Hazard::Landslide]);
    let rain = machi_alerts::parse_notice(&fixture("takahagi-r06-heavy-rain.xml")).unwrap();
    assert!(rain.hazards().contains(&Hazard::Landslide));
    let shelter = machi_alerts::parse_notice(&fixture("takahagi-shelter-opened.cap")).unwrap();
    assert!(
        shelter.hazards().is_empty(),
        "unknown hazard: any open shelter"
    );
}
