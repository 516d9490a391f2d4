//! Garbage sorting dictionary benchmark: `Machi::garbage_sort` (search, view
//! building and the next collection day in an area) over a dictionary of
//! 2,000 items, and the bare index search and suggestions on the same items.
//!
//! Run: `cargo run --profile bench -p machi-app --bin garbage_bench [-- --json] [-- --per-query]`.
//!
//! The 2,000 items are the sample town's real dictionary (about 240 items in
//! six languages) plus variants of them made for timing only ("壊れた傘" /
//! "Broken umbrellas" …), so names, readings and translations have the
//! lengths and scripts of real entries. Queries mix every way residents
//! search: kanji, kana, romaji, English, Chinese, Korean, prefixes while
//! typing, typos, whole sentences and names that match nothing (the slowest
//! path: exact, prefix and typo passes over every name).

use std::time::Instant;

use chrono::NaiveDate;
use machi_app::common::{Lang, LocalizedText};
use machi_app::content_core::model::GarbageItem;
use machi_app::{GarbageIndex, Machi, OpenOptions};

const ITEMS: usize = 2_000;

const QUALIFIERS: [(&str, &str, &str, &str, &str, &str); 8] = [
    (
        "壊れた",
        "こわれた",
        "Broken",
        "坏掉的",
        "壞掉的",
        "고장 난 ",
    ),
    ("古い", "ふるい", "Old", "旧的", "舊的", "낡은 "),
    ("大きい", "おおきい", "Large", "大的", "大的", "큰 "),
    ("小さい", "ちいさい", "Small", "小的", "小的", "작은 "),
    (
        "子ども用の",
        "こどもようの",
        "Children's",
        "儿童用",
        "兒童用",
        "어린이용 ",
    ),
    (
        "業務用の",
        "ぎょうむようの",
        "Commercial",
        "商用",
        "商用",
        "업무용 ",
    ),
    ("汚れた", "よごれた", "Dirty", "脏的", "髒的", "더러운 "),
    (
        "使い終わった",
        "つかいおわった",
        "Used",
        "用完的",
        "用完的",
        "다 쓴 ",
    ),
];

const QUERIES: [&str; 24] = [
    "傘",
    "かさ",
    "カサ",
    "kasa",
    "umbrella",
    "雨伞",
    "우산",
    "しんぶん",
    "shimbun",
    "電池",
    "でん",
    "ぺっと",
    "umb",
    "fryng pan",
    "umbrela",
    "れいぞうこ",
    "냉장고",
    "冰箱",
    "Where can I throw away a broken umbrella?",
    "壊れた傘はどこに捨てますか",
    "xylophone",
    "ぴよぴよ",
    "quantum flux capacitor",
    "量子コンピューター",
];

fn variant(base: &GarbageItem, q: &(&str, &str, &str, &str, &str, &str)) -> GarbageItem {
    let name = &base.name;
    let get = |l: Lang| name.get(l).unwrap_or_default();
    let mut out = LocalizedText::single(Lang::Ja, format!("{}{}", q.0, get(Lang::Ja)));
    out.set(Lang::JaEasy, format!("{}{}", q.1, get(Lang::JaEasy)));
    out.set(
        Lang::En,
        format!("{} {}", q.2, get(Lang::En).to_lowercase()),
    );
    out.set(Lang::ZhHans, format!("{}{}", q.3, get(Lang::ZhHans)));
    out.set(Lang::ZhHant, format!("{}{}", q.4, get(Lang::ZhHant)));
    out.set(Lang::Ko, format!("{}{}", q.5, get(Lang::Ko)));
    GarbageItem {
        name: out,
        reading: base.reading.as_ref().map(|r| format!("{}{r}", q.1)),
        ..base.clone()
    }
}

fn stats(v: &mut [f64]) -> (f64, f64, f64, f64) {
    v.sort_by(f64::total_cmp);
    let at = |p: f64| v[((v.len() as f64 * p) as usize).min(v.len() - 1)];
    (v[0], at(0.5), at(0.95), v[v.len() - 1])
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let json = std::env::args().any(|a| a == "--json");
    let mut town = machi_app::sample_town()?;
    let real = town.garbage.items.clone();
    let mut items = real.clone();
    'fill: for q in &QUALIFIERS {
        for base in &real {
            if items.len() >= ITEMS {
                break 'fill;
            }
            items.push(variant(base, q));
        }
    }
    town.garbage.items = items;
    let dir = std::env::temp_dir().join(format!("machi-garbage-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let machi = Machi::open(OpenOptions {
        db_path: Some(dir.join("bench.sqlite3")),
        skip_embedded: true,
        ..Default::default()
    })?;
    machi.import_full(&town)?;
    let area = town
        .garbage
        .areas
        .first()
        .map(|a| a.id.clone())
        .ok_or("the sample town has no garbage area")?;
    let from = NaiveDate::from_ymd_opt(2026, 12, 3).ok_or("date")?;
    let chain = [Lang::En, Lang::Ja];

    let (index, build_ms) = {
        let t = Instant::now();
        let i = GarbageIndex::new(&town.garbage.items);
        (i, t.elapsed().as_secs_f64() * 1e3)
    };
    // First call builds the facade's index; it is reported on its own.
    let t = Instant::now();
    machi.garbage_sort("傘", Some(&area), from, 3, &chain)?;
    let first_ms = t.elapsed().as_secs_f64() * 1e3;

    const ROUNDS: usize = 100;
    let mut sort_us = Vec::new();
    let mut search_us = Vec::new();
    let mut suggest_us = Vec::new();
    let mut found = 0usize;
    for _ in 0..ROUNDS {
        for q in QUERIES {
            let t = Instant::now();
            let v = machi.garbage_sort(q, Some(&area), from, 3, &chain)?;
            sort_us.push(t.elapsed().as_secs_f64() * 1e6);
            found += usize::from(!v.matches.is_empty());
            let t = Instant::now();
            std::hint::black_box(index.search(q, 3));
            search_us.push(t.elapsed().as_secs_f64() * 1e6);
            let t = Instant::now();
            std::hint::black_box(machi.garbage_suggest(q, 8, &chain)?);
            suggest_us.push(t.elapsed().as_secs_f64() * 1e6);
        }
    }
    if std::env::args().any(|a| a == "--per-query") {
        // The index search's median per query, slowest first.
        let n = QUERIES.len();
        let mut per: Vec<(f64, &str)> = QUERIES
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let mut v: Vec<f64> = (0..ROUNDS).map(|r| search_us[r * n + i]).collect();
                (stats(&mut v).1, *q)
            })
            .collect();
        per.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (med, q) in per {
            println!("{med:>8.0} µs  {q}");
        }
    }
    let rows = [
        (
            "garbage_sort (facade, with next collection day)",
            &mut sort_us,
        ),
        ("index search only", &mut search_us),
        ("garbage_suggest (8 suggestions)", &mut suggest_us),
    ];
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    if json {
        let mut list = Vec::new();
        for (name, v) in rows {
            let (min, med, p95, max) = stats(v);
            list.push(serde_json::json!({
                "name": name, "runs": v.len(), "min_us": min, "median_us": med,
                "p95_us": p95, "max_us": max,
            }));
        }
        println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "items": town.garbage.items.len(),
                "keys": index.key_count(),
                "index_build_ms": build_ms,
                "first_call_ms": first_ms,
                "loadavg": load.trim(),
                "rows": list,
            }))?
        );
    } else {
        println!(
            "{} items, {} searchable names; index build {build_ms:.1} ms; first call (builds the facade's index) {first_ms:.1} ms; load average {}",
            town.garbage.items.len(),
            index.key_count(),
            load.trim()
        );
        println!(
            "{} of {} timed lookups found an item",
            found,
            ROUNDS * QUERIES.len()
        );
        println!("| benchmark | runs | min | median | p95 | max |");
        println!("|---|---:|---:|---:|---:|---:|");
        for (name, v) in rows {
            let (min, med, p95, max) = stats(v);
            println!(
                "| {name} | {} | {min:.0} µs | {med:.0} µs | {p95:.0} µs | {max:.0} µs |",
                v.len()
            );
        }
    }
    drop(machi);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
