//! Content-store benchmarks: cold open with the embedded town, importing a
//! generated pack of 10,000 spots + 2,000 FAQ entries, `spots --near` over
//! 10,000 spots, the nearest shelter among 10,000, and the hash check of an
//! installed FAQ model before its first use (`MACHI_ENCODER` names the real
//! model file; otherwise an 80 MB generated file of the same size class).
//!
//! Run: `cargo run --profile bench -p machi-app --bin content_bench [-- --json]`.
//! The generated pack is synthetic (random points around Takahagi) and is
//! built for timing only.

use std::time::{Duration, Instant};

use machi_app::common::{GeoPoint, Hazard, Lang, LocalizedText};
use machi_app::content_core::model::*;
use machi_app::content_core::pack;
use machi_app::content_core::store::SpotQuery;
use machi_app::content_core::Store;
use machi_app::{Machi, OpenOptions};

/// A small deterministic generator (no dependency needed for timing data).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
    fn point(&mut self) -> GeoPoint {
        GeoPoint {
            lat: 36.45 + self.next() * 0.6,
            lon: 140.45 + self.next() * 0.6,
        }
    }
}

fn text(ja: String, en: String) -> LocalizedText {
    LocalizedText::new().with(Lang::Ja, ja).with(Lang::En, en)
}

fn generated(spots: usize, faq: usize, shelters: usize, version: u64) -> PackData {
    let mut r = Lcg(42);
    const TAGS: [&str; 6] = ["nature", "history", "food", "onsen", "family", "beach"];
    let spot = |i: usize, r: &mut Lcg| Spot {
        id: format!("gen-spot-{i}"),
        name: text(format!("生成スポット{i}"), format!("Generated spot {i}")),
        kana: None,
        description: text(
            format!("ベンチマーク用に生成したスポット{i}の説明文です。").repeat(3),
            format!("Description of generated spot {i} for the benchmark. ").repeat(3),
        ),
        tags: vec![TAGS[i % 6].to_string(), TAGS[(i / 6) % 6].to_string()],
        location: r.point(),
        address: text(format!("高萩市{i}番地"), String::new()),
        opening_hours: Some(if i % 3 == 0 {
            "24/7".into()
        } else {
            "Tu-Su 09:00-17:00; PH off".into()
        }),
        hours_note: LocalizedText::new(),
        fee: text("無料".into(), "Free".into()),
        visit_minutes: 30 + (i % 90) as u32,
        popularity: (i % 100) as f32 / 100.0,
        access: LocalizedText::new(),
        parking: LocalizedText::new(),
        accessibility: LocalizedText::new(),
        phone: Some("0293-00-0000".into()),
        url: None,
        image_url: None,
    };
    let spots = (0..spots).map(|i| spot(i, &mut r)).collect();
    let departments = (0..20)
        .map(|i| Department {
            id: format!("dept-{i}"),
            name: text(format!("課{i}"), format!("Division {i}")),
            phone: Some("0293-00-0000".into()),
            hours: LocalizedText::new(),
            email: None,
            url: None,
        })
        .collect();
    let faq = (0..faq)
        .map(|i| FaqEntry {
            id: format!("gen-faq-{i}"),
            category: "generated".into(),
            question: text(
                format!("生成した質問{i}はどうすればよいですか。"),
                format!("How do I do generated thing {i}?"),
            ),
            answer: text(
                format!("生成した回答{i}です。窓口にお問い合わせください。").repeat(4),
                format!("Generated answer {i}. Please ask at the counter. ").repeat(4),
            ),
            department_id: Some(format!("dept-{}", i % 20)),
            keywords: vec![format!("質問{i}"), format!("thing {i}")],
            examples: vec![],
        })
        .collect();
    let shelters = (0..shelters)
        .map(|i| Shelter {
            id: format!("gen-shelter-{i}"),
            name: text(format!("避難所{i}"), format!("Shelter {i}")),
            kana: None,
            address: LocalizedText::new(),
            location: r.point(),
            elevation_m: Some(5.0 + (i % 50) as f64),
            capacity: Some(100 + (i % 500) as u32),
            hazards: Hazard::ALL
                .iter()
                .copied()
                .filter(|h| (i + *h as usize) % 3 != 0)
                .collect(),
            kind: ShelterKind::Both,
            phone: None,
            notes: LocalizedText::new(),
        })
        .collect();
    PackData {
        meta: PackMeta {
            municipality_code: "082147".into(),
            municipality_name: text("高萩市".into(), "Takahagi".into()),
            pack_version: version,
            languages: vec![Lang::Ja, Lang::En],
            created: "2026-11-21T00:00:00Z".into(),
            center: Some(GeoPoint {
                lat: 36.7191,
                lon: 140.7107,
            }),
            area_codes: vec![],
            attribution: vec![],
            notice_senders: vec![],
        },
        spots,
        departments,
        faq,
        shelters,
        ..Default::default()
    }
}

struct Row {
    name: String,
    runs: usize,
    samples_us: Vec<f64>,
    target_us: Option<f64>,
}

fn stats(v: &[f64]) -> (f64, f64, f64) {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    let med = s[s.len() / 2];
    let p95 = s[((s.len() as f64 * 0.95) as usize).min(s.len() - 1)];
    (s[0], med, p95)
}

fn time<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let t = Instant::now();
    let v = f();
    (v, t.elapsed())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let json = std::env::args().any(|a| a == "--json");
    let tmp = std::env::temp_dir().join(format!("machi-content-bench-{}", std::process::id()));
    std::fs::create_dir_all(&tmp)?;
    let mut rows = Vec::new();

    // 1. Cold open: a new database file, embedded town built and imported.
    let mut cold = Vec::new();
    let mut warm = Vec::new();
    for i in 0..5 {
        let db = tmp.join(format!("cold-{i}.sqlite3"));
        let opts = OpenOptions {
            db_path: Some(db),
            ..Default::default()
        };
        let (m, d) = time(|| Machi::open(opts.clone()));
        drop(m?);
        cold.push(d.as_secs_f64() * 1e6);
        let (m, d) = time(|| Machi::open(opts));
        drop(m?);
        warm.push(d.as_secs_f64() * 1e6);
    }
    rows.push(Row {
        name: "open, new db + embedded town import (cold)".into(),
        runs: 5,
        samples_us: cold,
        target_us: None,
    });
    rows.push(Row {
        name: "open, existing db (warm)".into(),
        runs: 5,
        samples_us: warm,
        target_us: None,
    });

    // 2. Import a signed pack of 10,000 spots + 2,000 FAQ (+ 10,000 shelters).
    let key = pack::SigningKey::from_bytes(&[1; 32]);
    let big = generated(10_000, 2_000, 10_000, 1);
    let big_no_shelters = PackData {
        shelters: Vec::new(),
        ..big.clone()
    };
    let out = tmp.join("pack-10k");
    pack::build_pack(&big_no_shelters, &key, &out)?;
    let mut imports = Vec::new();
    for i in 0..3 {
        let mut store = Store::open(&tmp.join(format!("import-{i}.sqlite3")))?;
        let (r, d) = time(|| pack::import_dir(&mut store, &out, &key.verifying_key()));
        r?;
        imports.push(d.as_secs_f64() * 1e6);
    }
    rows.push(Row {
        name: "import signed pack 10k spots + 2k FAQ (verify+decode+tx)".into(),
        runs: 3,
        samples_us: imports,
        target_us: Some(1_000_000.0),
    });

    // 3. Queries on a store with 10,000 spots and 10,000 shelters.
    let mut store = Store::open(&tmp.join("query.sqlite3"))?;
    store.import_full(&big)?;
    let mut r = Lcg(7);
    let points: Vec<GeoPoint> = (0..2_000).map(|_| r.point()).collect();
    let mut near = Vec::new();
    for p in &points {
        let q = SpotQuery {
            near: Some(*p),
            limit: Some(20),
            ..Default::default()
        };
        let (h, d) = time(|| store.spots(&q));
        assert_eq!(h?.len(), 20);
        near.push(d.as_secs_f64() * 1e6);
    }
    rows.push(Row {
        name: "spots --near (10k spots, 20 results)".into(),
        runs: near.len(),
        samples_us: near,
        target_us: Some(5_000.0),
    });
    let mut tagged = Vec::new();
    let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).and_then(|d| d.and_hms_opt(10, 0, 0));
    for p in points.iter().take(500) {
        let q = SpotQuery {
            near: Some(*p),
            limit: Some(20),
            tag: Some("onsen".into()),
            open_at: at,
        };
        let (h, d) = time(|| store.spots(&q));
        h?;
        tagged.push(d.as_secs_f64() * 1e6);
    }
    rows.push(Row {
        name: "spots --near --tag --open-at (10k spots)".into(),
        runs: tagged.len(),
        samples_us: tagged,
        target_us: Some(5_000.0),
    });
    let mut nearest = Vec::new();
    for p in &points {
        let (h, d) = time(|| store.shelters_near(*p, &[], 1));
        assert_eq!(h?.len(), 1);
        nearest.push(d.as_secs_f64() * 1e6);
    }
    rows.push(Row {
        name: "nearest shelter (10k shelters)".into(),
        runs: nearest.len(),
        samples_us: nearest,
        target_us: Some(1_000.0),
    });
    let mut hz = Vec::new();
    for p in &points {
        let (h, d) = time(|| store.shelters_near(*p, &[Hazard::Tsunami, Hazard::Flood], 5));
        h?;
        hz.push(d.as_secs_f64() * 1e6);
    }
    rows.push(Row {
        name: "5 nearest shelters, tsunami+flood (10k)".into(),
        runs: hz.len(),
        samples_us: hz,
        target_us: Some(1_000.0),
    });
    drop(store);

    // 4. The hash check an installed FAQ model gets before its first use
    //    (and after its file changed): a streamed sha256 over the whole file.
    let model = match std::env::var_os("MACHI_ENCODER") {
        Some(p) => std::path::PathBuf::from(p),
        None => {
            let p = tmp.join("model.bin");
            let mut r = Lcg(11);
            let bytes: Vec<u8> = (0..80_000_000).map(|_| (r.next() * 256.0) as u8).collect();
            std::fs::write(&p, bytes)?;
            p
        }
    };
    let options = pack::BuildOptions {
        assets: vec![(pack::FAQ_ENCODER_ASSET.to_string(), model)],
        ..pack::BuildOptions::new()
    };
    let with_model = tmp.join("pack-model");
    let built =
        pack::build_pack_with_options(&generated(10, 10, 10, 1), &key, &with_model, &options)?;
    let entry = built
        .manifest
        .asset(pack::FAQ_ENCODER_ASSET)
        .ok_or("no asset")?
        .clone();
    let file = with_model.join(&entry.file);
    let mut checks = Vec::new();
    for _ in 0..5 {
        let (r, d) = time(|| pack::check_asset_file(&entry, &file));
        r?;
        checks.push(d.as_secs_f64() * 1e6);
    }
    let model_row = format!(
        "FAQ model hash check before first use ({:.1} MB, streamed sha256)",
        entry.size as f64 / 1e6
    );
    rows.push(Row {
        name: model_row,
        runs: checks.len(),
        samples_us: checks,
        target_us: None,
    });
    let _ = std::fs::remove_dir_all(&tmp);

    if json {
        let v: Vec<_> = rows
            .iter()
            .map(|r| {
                let (min, med, p95) = stats(&r.samples_us);
                serde_json::json!({
                    "name": r.name, "runs": r.runs, "min_us": min, "median_us": med, "p95_us": p95,
                    "target_us": r.target_us, "samples_us": r.samples_us,
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        println!(
            "{:<58} {:>6} {:>12} {:>12} {:>12} {:>10}",
            "benchmark", "runs", "min", "median", "p95", "target"
        );
        for r in &rows {
            let (min, med, p95) = stats(&r.samples_us);
            let f = |us: f64| {
                if us >= 1000.0 {
                    format!("{:.1} ms", us / 1000.0)
                } else {
                    format!("{us:.1} µs")
                }
            };
            let target = r
                .target_us
                .map(|t| format!("≤ {}", f(t)))
                .unwrap_or_default();
            println!(
                "{:<58} {:>6} {:>12} {:>12} {:>12} {:>10}",
                r.name,
                r.runs,
                f(min),
                f(med),
                f(p95),
                target
            );
        }
    }
    Ok(())
}
