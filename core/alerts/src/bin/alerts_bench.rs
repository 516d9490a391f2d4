//! Ingest-rate benchmark for machi-alerts: prints a table.
//!
//! Run: `cargo run -p machi-alerts --profile bench --bin alerts-bench -- [N]`
//!
//! Generates N distinct town CAP messages (10 % Updates and 2 % Cancels of
//! earlier ones, each with a polygon and a geocode, ~1.6 KB), then measures
//! parsing alone, ingest with one committed transaction per message into an
//! on-disk WAL database (the app's real path), ingest in one batch
//! transaction, and listing for a place.

use std::time::Instant;

use chrono::{Duration, TimeZone, Utc};
use machi_alerts::{
    ingest, ingest_batch, list, migrate, parse_notice, AreaCode, AreaFilter, IngestResult,
    ListFilter, TrustPolicy,
};
use machi_common::GeoPoint;
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

    let mut c = open(&dir.join("one-by-one.sqlite"))?;
    migrate(&mut c)?;
    let (t, c0) = (Instant::now(), cpu_seconds());
    let mut updated = 0;
    for (i, d) in docs.iter().enumerate() {
        let o = ingest(
            &mut c,
            d.as_bytes(),
            &format!("m{i}"),
            &TrustPolicy::empty(),
            now,
        )?;
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
        let o = ingest(
            &mut c,
            d.as_bytes(),
            &format!("m{i}"),
            &TrustPolicy::empty(),
            now,
        )?;
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
        &TrustPolicy::empty(),
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
