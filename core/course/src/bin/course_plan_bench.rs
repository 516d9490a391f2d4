//! `course-plan-bench`: planner speed on a synthetic town (300 spots by
//! default). The town is generated here from a seed — invented data for
//! timing only, not a real place list.
//!
//! ```text
//! course-plan-bench [--spots N] [--requests R] [--days D] [--quality K]
//!                   [--iterations N] [--alt-iterations N] [--alternatives N]
//!                   [--pack content/takahagi.pack.json]
//! ```
//!
//! `--pack` adds rows for buses and trains (and transit with a ¥5,000 taxi
//! budget) from a built pack's timetable and taxi tariff; the synthetic
//! spots lie around the same town centre.
//!
//! `--quality K` also re-solves the first K requests per mode with a long
//! search (20 000 iterations, 3 s) and reports the main course's score as a
//! share of that reference.

use std::time::Instant;

use chrono::{NaiveDate, NaiveTime};
use machi_common::GeoPoint;
use machi_course::planner::{
    suggest, Access, Mode, Pace, Place, PlanContext, PlanRequest, PlannerConfig, Spot, Taxi,
    TaxiFare, TaxiStand,
};
use machi_transit::Timetable;
use rand_core::{Rng, SeedableRng};
use rand_pcg::Pcg64Mcg;

const TAGS: [&str; 8] = [
    "nature",
    "history",
    "art",
    "food",
    "sea",
    "autumn-leaves",
    "shopping",
    "onsen",
];
const HOURS: [Option<&str>; 6] = [
    None,
    Some("09:00-17:00"),
    Some("Tu-Su 09:00-17:00; PH off"),
    Some("Mo-Sa 10:00-18:00"),
    Some("08:00-12:00,13:00-17:00"),
    Some("Sa,Su,PH 09:00-16:00"),
];

fn unit(r: &mut Pcg64Mcg) -> f64 {
    (r.next_u64() >> 11) as f64 / (1u64 << 53) as f64
}

/// CPU time of this process in ms from `/proc/self/stat` (utime + stime,
/// 100 ticks/s), so figures can be read apart from other load on the
/// machine; `None` where that file is missing. Coarse (10 ms ticks), so only
/// totals over many requests are meaningful.
fn process_cpu_ms() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesised command name; utime, stime are 14, 15.
    let rest = text.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks * 10.0)
}

fn town(n: usize, seed: u64) -> Vec<Spot> {
    let mut r = Pcg64Mcg::seed_from_u64(seed);
    (0..n)
        .map(|i| {
            // About 8 km × 8 km around a town centre.
            let lat = 36.72 + (unit(&mut r) - 0.5) * 0.072;
            let lon = 140.71 + (unit(&mut r) - 0.5) * 0.09;
            let tags = (0..1 + (r.next_u32() % 3) as usize)
                .map(|_| TAGS[(r.next_u32() % 8) as usize].to_string())
                .collect();
            Spot {
                id: format!("s{i}"),
                location: GeoPoint { lat, lon },
                tags,
                popularity: unit(&mut r),
                visit_minutes: 15 + (r.next_u32() % 76),
                opening_hours: HOURS[(r.next_u32() % 6) as usize].map(str::to_string),
            }
        })
        .collect()
}

/// The timetable and taxi tariff of a built pack's JSON.
fn load_pack(path: &str) -> Result<(Option<Timetable>, Option<Taxi>), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let v: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))?;
    let tt = match v["transit"]["blob"].as_str() {
        Some(b) => Some(Timetable::from_blob(b.as_bytes()).map_err(|e| format!("{path}: {e}"))?),
        None => None,
    };
    let t = &v["mobility"]["taxi"];
    let n = |x: &serde_json::Value| x.as_u64().and_then(|x| u32::try_from(x).ok());
    let taxi = match (
        n(&t["initial_yen"]),
        n(&t["initial_metres"]),
        n(&t["step_yen"]),
        n(&t["step_metres"]),
    ) {
        (Some(initial_yen), Some(initial_metres), Some(step_yen), Some(step_metres)) => {
            Some(Taxi {
                fare: TaxiFare {
                    initial_yen,
                    initial_metres,
                    step_yen,
                    step_metres,
                },
                call_wait_minutes: n(&t["call_wait_minutes"]).unwrap_or(15),
                stands: v["mobility"]["taxi_stands"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|s| {
                        Some(TaxiStand {
                            location: GeoPoint {
                                lat: s["location"]["lat"].as_f64()?,
                                lon: s["location"]["lon"].as_f64()?,
                            },
                            wait_minutes: n(&s["wait_minutes"]).unwrap_or(5),
                        })
                    })
                    .collect(),
            })
        }
        _ => None,
    };
    Ok((tt, taxi))
}

fn main() {
    let mut spots_n = 300usize;
    let mut requests = 40usize;
    let mut days = 1u32;
    let mut quality = 0usize;
    let mut config = PlannerConfig::default();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut pack: Option<String> = None;
    let mut i = 0;
    while i < args.len() {
        let v = args.get(i + 1).and_then(|v| v.parse::<usize>().ok());
        match (args[i].as_str(), v) {
            ("--pack", _) if i + 1 < args.len() => pack = Some(args[i + 1].clone()),
            ("--spots", Some(v)) => spots_n = v,
            ("--requests", Some(v)) => requests = v,
            ("--days", Some(v)) => days = v as u32,
            ("--quality", Some(v)) => quality = v,
            ("--iterations", Some(v)) => config.iterations = v as u64,
            ("--alt-iterations", Some(v)) => config.alt_iterations = v as u64,
            ("--alternatives", Some(v)) => config.alternatives = v,
            (a, _) => {
                eprintln!("course-plan-bench: bad argument {a}");
                std::process::exit(2);
            }
        }
        i += 2;
    }
    let spots = town(spots_n, 42);
    // A built pack (e.g. content/takahagi.pack.json) brings its timetable
    // and taxi tariff: the synthetic spots lie around the same town.
    let (timetable, taxi) = match pack.as_deref().map(load_pack) {
        Some(Ok(t)) => t,
        Some(Err(e)) => {
            eprintln!("course-plan-bench: {e}");
            std::process::exit(2);
        }
        None => (None, None),
    };
    let ctx = PlanContext {
        spots: &spots,
        transit: timetable.as_ref(),
        taxi: taxi.as_ref(),
        ..Default::default()
    };
    let mut rows: Vec<(&str, Mode, Access)> = vec![
        ("walk", Mode::Walk, Access::default()),
        ("bicycle", Mode::Bicycle, Access::default()),
        ("car", Mode::Car, Access::default()),
    ];
    if timetable.is_some() {
        rows.push(("transit", Mode::Transit, Access::default()));
        rows.push((
            "tr+taxi",
            Mode::Transit,
            Access {
                taxi_budget_yen: Some(5_000),
                ..Access::default()
            },
        ));
    }
    println!("synthetic town: {spots_n} spots, {days} day(s), {requests} requests per mode, config {config:?}");
    println!(
        "{:<8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>7} {:>6} {:>9}",
        "mode", "median", "p90", "max", "mean", "cpu-mean", "stops", "alts", "quality%"
    );
    for (label, mode, access) in rows {
        let mut times = Vec::new();
        let cpu_start = process_cpu_ms();
        let (mut stops, mut alts, mut failures) = (0usize, 0usize, 0usize);
        let mut ratios = Vec::new();
        let mut reference_cpu = 0.0;
        for k in 0..requests {
            let req = PlanRequest {
                // 2026-11-21 is a Saturday; walk through a week of dates.
                date: NaiveDate::from_ymd_opt(2026, 11, 21 + (k % 7) as u32).unwrap_or_default(),
                start_time: NaiveTime::from_hms_opt(9 + (k % 3) as u32, 0, 0).unwrap_or_default(),
                end_time: None,
                budget_minutes: Some(240 + 60 * (k % 4) as u32),
                start: Place::Spot(format!("s{}", (k * 37) % spots_n)),
                end: None,
                mode,
                interests: vec![
                    (TAGS[k % 8].to_string(), 1.0),
                    (TAGS[(k * 3 + 1) % 8].to_string(), 0.5),
                ],
                pace: [Pace::Relaxed, Pace::Normal, Pace::Packed][k % 3],
                must_visit: vec![],
                exclude: vec![],
                days,
                access: access.clone(),
            };
            let t0 = Instant::now();
            let res = suggest(
                &ctx,
                &req,
                &PlannerConfig {
                    seed: k as u64,
                    ..config
                },
            );
            times.push(t0.elapsed().as_secs_f64() * 1e3);
            match res {
                Ok(s) => {
                    stops += s.main.stop_ids().len();
                    alts += s.alternatives.len();
                    if k < quality {
                        // Reference runs are excluded from the CPU figure below.
                        let before = process_cpu_ms();
                        let long = PlannerConfig {
                            iterations: 20_000,
                            time_limit_ms: 3_000,
                            alternatives: 0,
                            ..config
                        };
                        if let Ok(best) = suggest(
                            &ctx,
                            &req,
                            &PlannerConfig {
                                seed: k as u64,
                                ..long
                            },
                        ) {
                            ratios.push(
                                100.0 * s.main.score / best.main.score.max(s.main.score).max(1e-9),
                            );
                        }
                        if let (Some(a), Some(b)) = (before, process_cpu_ms()) {
                            reference_cpu += b - a;
                        }
                    }
                }
                Err(_) => failures += 1,
            }
        }
        times.sort_by(f64::total_cmp);
        let cpu_mean = match (cpu_start, process_cpu_ms()) {
            (Some(a), Some(b)) => {
                format!("{:.1}", (b - a - reference_cpu) / requests.max(1) as f64)
            }
            _ => "-".to_string(),
        };
        let q = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
        println!(
            "{:<8} {:>8.2} {:>8.2} {:>8.2} {:>8.2} {:>8} {:>7.1} {:>6.2} {:>9}{}",
            label,
            q(0.5),
            q(0.9),
            q(1.0),
            times.iter().sum::<f64>() / times.len() as f64,
            cpu_mean,
            stops as f64 / requests.max(1) as f64,
            alts as f64 / requests.max(1) as f64,
            if ratios.is_empty() {
                "-".to_string()
            } else {
                format!("{:.2}", ratios.iter().sum::<f64>() / ratios.len() as f64)
            },
            if failures > 0 {
                format!("  ({failures} without a course)")
            } else {
                String::new()
            }
        );
    }
    println!("wall ms per suggestion (main course + up to 2 alternatives), single thread; cpu-mean = process CPU ms per suggestion (10 ms ticks)");
}
