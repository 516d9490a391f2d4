//! Start-up and formatting cost of machi-i18n, printed as a table.
//!
//! Run: `cargo run -p machi-i18n --profile bench --example i18n_bench`
//! (add `-- --json` for machine-readable output with every raw sample).
//!
//! - "build" = `Localizer::for_lang`: parse every embedded `.ftl` file of one
//!   locale and build its Fluent bundle (what an app pays at launch).
//! - "first msg" = the first formatted message after that (plural rules and
//!   other lazily created formatters).
//! - "10k msgs" = formatting 10,000 messages of a realistic mix (plain
//!   messages, messages with text and number arguments, plural selection,
//!   durations, distances, dates, times), display form.

use std::hint::black_box;
use std::time::Instant;

use chrono::{NaiveDate, NaiveTime};
use machi_i18n::{embedded_resources, negotiate, Args, Lang, Localizer};

const BUILD_RUNS: usize = 200;
const FORMAT_RUNS: usize = 20;
const MESSAGES: usize = 10_000;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i]
}

/// Formats exactly `MESSAGES` messages; returns total output bytes so the
/// work cannot be optimised away.
fn format_mix(loc: &Localizer) -> usize {
    let date = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default();
    let time = NaiveTime::from_hms_opt(15, 5, 0).unwrap_or_default();
    let mut bytes = 0;
    for i in 0..MESSAGES {
        let s = match i % 8 {
            0 => loc.msg("common-offline-banner", &Args::new()),
            1 => loc.msg("common-results", &Args::new().num("count", i)),
            2 => loc.msg(
                "error-invalid-input-detail",
                &Args::new().str("reason", "latitude out of range"),
            ),
            3 => loc.duration(i % 300),
            4 => loc.distance((i * 37) as f64),
            5 => loc.date(date),
            6 => loc.time(time),
            _ => loc.plain(
                "common-relative-in-minutes",
                &Args::new().num("minutes", i % 60),
            ),
        };
        bytes += black_box(s).len();
    }
    bytes
}

struct Row {
    lang: Lang,
    ftl_bytes: usize,
    build_us: Vec<f64>,
    first_msg_us: Vec<f64>,
    format_ms: Vec<f64>,
}

fn main() {
    let json = std::env::args().any(|a| a == "--json");
    let mut rows = Vec::new();
    for lang in Lang::ALL {
        let ftl_bytes = embedded_resources()
            .iter()
            .filter(|(tag, _, _)| *tag == lang.tag())
            .map(|(_, _, text)| text.len())
            .sum();
        let mut build_us = Vec::with_capacity(BUILD_RUNS);
        let mut first_msg_us = Vec::with_capacity(BUILD_RUNS);
        for _ in 0..BUILD_RUNS {
            let t = Instant::now();
            let loc = Localizer::for_lang(lang);
            build_us.push(t.elapsed().as_secs_f64() * 1e6);
            let t = Instant::now();
            black_box(loc.msg("common-results", &Args::new().num("count", 3)));
            first_msg_us.push(t.elapsed().as_secs_f64() * 1e6);
        }
        let loc = Localizer::for_lang(lang);
        format_mix(&loc); // warm-up
        let mut format_ms = Vec::with_capacity(FORMAT_RUNS);
        for _ in 0..FORMAT_RUNS {
            let t = Instant::now();
            black_box(format_mix(&loc));
            format_ms.push(t.elapsed().as_secs_f64() * 1e3);
        }
        for v in [&mut build_us, &mut first_msg_us, &mut format_ms] {
            v.sort_by(f64::total_cmp);
        }
        rows.push(Row {
            lang,
            ftl_bytes,
            build_us,
            first_msg_us,
            format_ms,
        });
    }

    // Negotiation alone (tag parsing, CLDR likely subtags, chains).
    let device = ["pt-BR", "zh-TW", "en-US"];
    let mut negotiate_us = Vec::with_capacity(BUILD_RUNS);
    for _ in 0..BUILD_RUNS {
        let t = Instant::now();
        black_box(negotiate(black_box(&device)));
        negotiate_us.push(t.elapsed().as_secs_f64() * 1e6);
    }
    negotiate_us.sort_by(f64::total_cmp);

    if json {
        let esc = |v: &[f64]| {
            v.iter()
                .map(|x| format!("{x:.3}"))
                .collect::<Vec<_>>()
                .join(",")
        };
        println!(
            "{{\"negotiate_us_median\":{:.2},\"raw_negotiate_us\":[{}],\"locales\":[",
            percentile(&negotiate_us, 0.5),
            esc(&negotiate_us)
        );
        for (i, r) in rows.iter().enumerate() {
            println!(
                "  {{\"lang\":\"{}\",\"ftl_bytes\":{},\"build_us_median\":{:.1},\"build_us_p95\":{:.1},\"first_msg_us_median\":{:.1},\"format_10k_ms_median\":{:.3},\"raw\":{{\"build_us\":[{}],\"first_msg_us\":[{}],\"format_10k_ms\":[{}]}}}}{}",
                r.lang,
                r.ftl_bytes,
                percentile(&r.build_us, 0.5),
                percentile(&r.build_us, 0.95),
                percentile(&r.first_msg_us, 0.5),
                percentile(&r.format_ms, 0.5),
                esc(&r.build_us),
                esc(&r.first_msg_us),
                esc(&r.format_ms),
                if i + 1 < rows.len() { "," } else { "" }
            );
        }
        println!("]}}");
        return;
    }

    println!("{BUILD_RUNS} builds and {FORMAT_RUNS} × {MESSAGES} formatted messages per locale");
    println!(
        "| locale     | FTL bytes | build median | build p95 | first msg | 10k msgs median | per msg |"
    );
    println!(
        "|------------|----------:|-------------:|----------:|----------:|----------------:|--------:|"
    );
    for r in &rows {
        let f = percentile(&r.format_ms, 0.5);
        println!(
            "| {:<10} | {:>9} | {:>9.2} ms | {:>6.2} ms | {:>6.1} µs | {:>12.2} ms | {:>4.2} µs |",
            r.lang.tag(),
            r.ftl_bytes,
            percentile(&r.build_us, 0.5) / 1e3,
            percentile(&r.build_us, 0.95) / 1e3,
            percentile(&r.first_msg_us, 0.5),
            f,
            f * 1e3 / MESSAGES as f64,
        );
    }
    println!(
        "negotiate {device:?}: median {:.1} µs, p95 {:.1} µs",
        percentile(&negotiate_us, 0.5),
        percentile(&negotiate_us, 0.95)
    );
}
