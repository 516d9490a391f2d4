//! Ingest-rate benchmark for machi-alerts: prints a table.
//!
//! Run: `cargo run -p machi-alerts --profile bench --bin alerts-bench -- [N]`
//!
//! Generates N distinct town CAP messages (10 % Updates and 2 % Cancels of
//! earlier ones, each with a polygon and a geocode, ~1.6 KB), then measures
//! parsing alone, ingest with one committed transaction per message into an
//! on-disk WAL database (the app's real path), ingest in one batch
//! transaction, and listing for a place. The same messages, signed into
//! notice envelopes by a key the bench's trust policy lists, measure the
//! verification cost per notice (ed25519 alone, and envelope open + verify
//! + parse) and ingest with verification on.

use std::time::Instant;

use chrono::{Duration, TimeZone, Utc};
use machi_alerts::{
    ingest, ingest_batch, list, migrate, open_payload, parse_notice, AreaCode, AreaFilter,
    Envelope, IngestResult, ListFilter, Payload, TrustPolicy, Verification,
};
use machi_common::keys::{encode_verifying_key, SigningKey, Verifier};
use machi_common::{GeoPoint, NoticeSender};
use rusqlite::Connection;

fn message(i: usize) -> String {
    let base = Utc
        .with_ymd_and_hms(2026, 9, 10, 0, 0, 0)
        .single()
        .unwrap_or_default();
    let sent = |k: usize| (base + Duration::seconds(k as i64)).to_rfc3339();
    let (msg_type, refs, event) = if i > 10 && i % 10 == 0 {
        let r = format!("bousai@town.example,bench-{},{}", i - 7, sent(i - 7));
        (
            "Update",
            format!("<references>{r}</references>"),
            "緊急安全確保（土砂災害）",
        )
    } else if i > 10 && i % 50 == 3 {
        let r = format!("bousai@town.example,bench-{},{}", i - 2, sent(i - 2));
        ("Cancel", format!("<references>{r}</references>"), "取消")
    } else {
        ("Alert", String::new(), "避難指示（土砂災害）")
    };
    let lat = 36.70 + (i % 100) as f64 * 0.001;
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
<identifier>bench-{i}</identifier><sender>bousai@town.example</sender><sent>{sent}</sent>
<status>Actual</status><msgType>{msg_type}</msgType><scope>Public</scope>{refs}
<info><language>ja</language><category>Geo</category><event>{event}</event>
<urgency>Immediate</urgency><severity>Severe</severity><certainty>Likely</certainty>
<expires>2026-09-12T00:00:00+09:00</expires>
<headline>【警戒レベル4】ベンチマーク地区{i}に避難指示</headline>
<description>土砂災害の危険が高まっています。ベンチマーク用の文です。危険な場所から全員避難してください。</description>
<instruction>危険な場所から全員避難してください。</instruction>
<area><areaDesc>ベンチマーク地区{i}</areaDesc>
<polygon>{lat},140.60 {lat},140.66 {lat2},140.66 {lat2},140.60 {lat},140.60</polygon>
<geocode><valueName>JIS X 0402</valueName><value>082147</value></geocode></area>
</info></alert>"#,
        sent = sent(i),
        lat2 = lat + 0.05,
    )
}

/// CPU time this (single-threaded) process has run, from Linux
/// `/proc/self/schedstat`; other processes competing for the two cores do
/// not inflate it, unlike wall time. `None` elsewhere.
fn cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Wall and CPU seconds since `(t, cpu)`.
fn elapsed(t: Instant, cpu: Option<f64>) -> (f64, Option<f64>) {
    let c = match (cpu, cpu_seconds()) {
        (Some(a), Some(b)) if b > a => Some(b - a),
        _ => None,
    };
    (t.elapsed().as_secs_f64(), c)
}

fn open(path: &std::path::Path) -> rusqlite::Result<Connection> {
    let c = Connection::open(path)?;
    c.execute_batch("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;")?;
    Ok(c)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let docs: Vec<String> = (0..n).map(message).collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let now = Utc
        .with_ymd_and_hms(2026, 9, 10, 12, 0, 0)
        .single()
        .unwrap_or_default();
    let dir = std::env::temp_dir().join(format!("machi-alerts-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;

    let mut rows: Vec<(String, f64, Option<f64>, String)> = Vec::new();

    let key = SigningKey::from_bytes(&[42u8; 32]);
    let policy = TrustPolicy::from_senders(&[NoticeSender {
        ids: vec!["bousai@town.example".into()],
        keys: vec![encode_verifying_key(&key.verifying_key())],
        ..Default::default()
    }]);
    let signed: Vec<Vec<u8>> = docs
        .iter()
        .map(|d| Envelope::sign(d.as_bytes(), &key).to_json().into_bytes())
        .collect();

    let (t, c0) = (Instant::now(), cpu_seconds());
    let mut ok = 0;
    for d in &docs {
        ok += usize::from(parse_notice(d.as_bytes()).is_ok());
    }
    let (s, cs) = elapsed(t, c0);
    assert_eq!(ok, n, "every generated message parses");
    rows.push((
        "parse only".into(),
        n as f64 / s,
        cs.map(|c| n as f64 / c),
        format!("{:.1} MB/s", bytes as f64 / s / 1e6),
    ));

    // Verification cost per notice: the ed25519 check alone (on opened
    // envelopes), then what ingest does before storing: open the envelope,
    // verify, parse.
    let opened: Vec<Payload> = signed
        .iter()
        .map(|e| open_payload(e))
        .collect::<Result<_, _>>()?;
    let vk = key.verifying_key();
    let (t, c0) = (Instant::now(), cpu_seconds());
    let mut ok = 0;
    for p in &opened {
        if let Payload::Signed {
            notice, signature, ..
        } = p
        {
            ok += usize::from(vk.verify(notice, signature).is_ok());
        }
    }
    let (s, cs) = elapsed(t, c0);
    assert_eq!(ok, n, "every signature verifies");
    rows.push((
        "ed25519 verify only".into(),
        n as f64 / s,
        cs.map(|c| n as f64 / c),
        format!("{:.1} µs/notice", s / n as f64 * 1e6),
    ));
    let (t, c0) = (Instant::now(), cpu_seconds());
    let mut ok = 0;
    for e in &signed {
        let (_, trust) = policy.verify(e)?;
        ok += usize::from(trust.state == Verification::Verified);
    }
    let (s, cs) = elapsed(t, c0);
    assert_eq!(ok, n, "every envelope verifies");
    rows.push((
        "open envelope + verify + parse".into(),
        n as f64 / s,
        cs.map(|c| n as f64 / c),
        format!("{:.1} µs/notice", s / n as f64 * 1e6),
    ));

    let mut c = open(&dir.join("one-by-one.sqlite"))?;
    migrate(&mut c)?;
    let (t, c0) = (Instant::now(), cpu_seconds());
    let mut updated = 0;
    for (i, d) in docs.iter().enumerate() {
        let o = ingest(&mut c, d.as_bytes(), &format!("m{i}"), &policy, now)?;
        updated += usize::from(matches!(
            o.result,
            IngestResult::Updated { ref superseded, .. } if !superseded.is_empty()
        ));
    }
    let (s, cs) = elapsed(t, c0);
    rows.push((
        "ingest, 1 commit per message (WAL file)".into(),
        n as f64 / s,
        cs.map(|c| n as f64 / c),
        format!("{updated} updates linked"),
    ));

    let (t, c0) = (Instant::now(), cpu_seconds());
    let mut dups = 0;
    for (i, d) in docs.iter().enumerate() {
        let o = ingest(&mut c, d.as_bytes(), &format!("m{i}"), &policy, now)?;
        dups += usize::from(matches!(o.result, IngestResult::Duplicate { .. }));
    }
    let (s, cs) = elapsed(t, c0);
    assert_eq!(dups, n, "re-ingest finds every message stored");
    rows.push((
        "re-ingest same set (all duplicates)".into(),
        n as f64 / s,
        cs.map(|c| n as f64 / c),
        String::new(),
    ));

    let mut c2 = open(&dir.join("batch.sqlite"))?;
    migrate(&mut c2)?;
    let names: Vec<String> = (0..n).map(|i| format!("m{i}")).collect();
    let (t, c0) = (Instant::now(), cpu_seconds());
    let out = ingest_batch(
        &mut c2,
        names
            .iter()
            .map(String::as_str)
            .zip(docs.iter().map(|d| d.as_bytes())),
        &policy,
        now,
    )?;
    let (s, cs) = elapsed(t, c0);
    assert_eq!(out.len(), n);
    rows.push((
        "ingest_batch, 1 transaction (WAL file)".into(),
        n as f64 / s,
        cs.map(|c| n as f64 / c),
        String::new(),
    ));

    let mut c3 = open(&dir.join("signed.sqlite"))?;
    migrate(&mut c3)?;
    let (t, c0) = (Instant::now(), cpu_seconds());
    let mut verified = 0;
    for (i, e) in signed.iter().enumerate() {
        let o = ingest(&mut c3, e, &format!("m{i}"), &policy, now)?;
        verified += usize::from(
            o.trust
                .as_ref()
                .is_some_and(|t| t.state == Verification::Verified),
        );
    }
    let (s, cs) = elapsed(t, c0);
    assert_eq!(verified, n, "every signed message is stored verified");
    rows.push((
        "ingest signed, verification on, 1 commit per message".into(),
        n as f64 / s,
        cs.map(|c| n as f64 / c),
        String::new(),
    ));

    let mut c4 = open(&dir.join("signed-batch.sqlite"))?;
    migrate(&mut c4)?;
    let (t, c0) = (Instant::now(), cpu_seconds());
    let out = ingest_batch(
        &mut c4,
        names
            .iter()
            .map(String::as_str)
            .zip(signed.iter().map(Vec::as_slice)),
        &policy,
        now,
    )?;
    let (s, cs) = elapsed(t, c0);
    assert_eq!(out.len(), n);
    rows.push((
        "ingest_batch signed, verification on".into(),
        n as f64 / s,
        cs.map(|c| n as f64 / c),
        String::new(),
    ));

    let filter = ListFilter {
        area: AreaFilter {
            places: vec![GeoPoint::new(36.72, 140.63)?],
            codes: vec![AreaCode::municipality("0821400")],
            everywhere: false,
        },
        include_history: false,
    };
    let (t, c0) = (Instant::now(), cpu_seconds());
    let reps = 5;
    let mut shown = 0;
    for _ in 0..reps {
        shown = list(&c, &filter, now)?.len();
    }
    let (s, cs) = elapsed(t, c0);
    let (s, cs) = (s / f64::from(reps), cs.map(|c| c / f64::from(reps)));
    rows.push((
        format!("list current for a place ({n} stored)"),
        1.0 / s,
        cs.map(|c| 1.0 / c),
        format!("{shown} shown, {:.1} ms/query", s * 1e3),
    ));

    drop(c);
    drop(c2);
    drop(c3);
    drop(c4);
    let _ = std::fs::remove_dir_all(&dir);

    println!(
        "machi-alerts bench: {n} CAP messages, {:.0} bytes avg",
        bytes as f64 / n as f64
    );
    println!("| measurement | per wall second | per CPU second | notes |");
    println!("|---|---:|---:|---|");
    for (name, rate, cpu_rate, note) in rows {
        let cpu = cpu_rate.map_or_else(|| "-".to_string(), |r| format!("{r:.0}"));
        println!("| {name} | {rate:.0} | {cpu} | {note} |");
    }
    Ok(())
}
