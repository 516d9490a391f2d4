//! Procedures benchmarks on the embedded town: a life-event checklist
//! (catalogue cached, counters' hours evaluated with Japan's holidays, the
//! ticks read from SQLite, every card resolved for the reader), and the
//! eligibility check (typed answers parsed, every benefit's rule evaluated,
//! views resolved), each through the facade as a shell calls it; plus the
//! bare rule evaluation for comparison.
//!
//! Run: `cargo run --profile bench -p machi-app --bin procedures_bench [-- RUNS]`.

use std::time::Instant;

use chrono::{Days, NaiveDate};
use machi_app::common::Lang;
use machi_app::{Machi, OpenOptions};
use machi_i18n::Localizer;

fn stats(mut v: Vec<f64>) -> (f64, f64, f64) {
    v.sort_by(|a, b| a.total_cmp(b));
    let p = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
    (v[0], p(0.5), p(0.95))
}

fn report(name: &str, samples: Vec<f64>) {
    let n = samples.len();
    let (min, med, p95) = stats(samples);
    println!("{name:<44} n={n:<5} min {min:.3} ms  median {med:.3} ms  p95 {p95:.3} ms");
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runs: usize = std::env::args()
        .nth(1)
        .map(|s| s.parse())
        .transpose()?
        .unwrap_or(2000);
    let machi = Machi::open(OpenOptions::default())?;
    let loc = Localizer::for_lang(Lang::En);
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).ok_or("date")?;
    let events = machi.life_events(&loc)?;
    machi.set_checklist_step("birth", start, "birth-registration", true)?;
    // First call parses the catalogue and the hours; timed separately.
    let t = Instant::now();
    machi.checklist("birth", start, start, &loc)?;
    println!(
        "first checklist (parses the catalogue)      {:.3} ms",
        t.elapsed().as_secs_f64() * 1e3
    );

    let mut birth = Vec::with_capacity(runs);
    let mut any_event = Vec::with_capacity(runs);
    for i in 0..runs {
        // A different event date each run, across two years of holidays.
        let day = start
            .checked_add_days(Days::new((i % 730) as u64))
            .ok_or("date")?;
        let t = Instant::now();
        let c = machi.checklist("birth", day, day, &loc)?;
        birth.push(t.elapsed().as_secs_f64() * 1e3);
        std::hint::black_box(c);
        let e = &events[i % events.len()];
        let t = Instant::now();
        let c = machi.checklist(&e.id, day, day, &loc)?;
        any_event.push(t.elapsed().as_secs_f64() * 1e3);
        std::hint::black_box(c);
    }
    report("checklist, birth (7 steps)", birth);
    report("checklist, each of the 13 life events", any_event);

    let answer_sets: Vec<Vec<(String, String)>> = (0..64)
        .map(|i| {
            let mut a = vec![
                (
                    "child_ages".to_string(),
                    format!("{},{}", i % 19, (i * 7) % 19),
                ),
                (
                    "household".to_string(),
                    ["two-parents", "single-parent", "couple", "single", "other"][i % 5]
                        .to_string(),
                ),
                ("age".to_string(), ((i * 13) % 100).to_string()),
                (
                    "hardship".to_string(),
                    if i % 3 == 0 { "yes" } else { "no" }.into(),
                ),
                ("moved_in".to_string(), format!("2026-{:02}-01", i % 12 + 1)),
            ];
            if i % 2 == 0 {
                a.push(("pregnant".into(), "yes".into()));
                a.push(("in_nhi".into(), "yes".into()));
                a.push(("from_tokyo".into(), "yes".into()));
                a.push(("disability".into(), "no".into()));
            }
            a
        })
        .collect();
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).ok_or("date")?;
    let mut check = Vec::with_capacity(runs);
    for i in 0..runs {
        let t = Instant::now();
        let answers = machi.parse_answers(&answer_sets[i % answer_sets.len()])?;
        let b = machi.benefits(&answers, today, &loc)?;
        check.push(t.elapsed().as_secs_f64() * 1e3);
        std::hint::black_box(b);
    }
    report("eligibility check, 9 questions, 16 benefits", check);

    // The bare evaluator, without the facade's views.
    let data = machi_app::content_core::Store::open_in_memory().and_then(|mut s| {
        s.import_full(&machi_app::sample_town()?)?;
        s.procedures()
    })?;
    let parsed: Vec<_> = answer_sets
        .iter()
        .map(|a| machi.parse_answers(a))
        .collect::<Result<_, _>>()?;
    let mut bare = Vec::with_capacity(runs);
    for i in 0..runs {
        let t = Instant::now();
        let f = machi_app::procedures_core::eligibility(&data, &parsed[i % parsed.len()], today)?;
        bare.push(t.elapsed().as_secs_f64() * 1e3);
        std::hint::black_box(f);
    }
    report("rule evaluation only (machi-procedures)", bare);
    Ok(())
}
