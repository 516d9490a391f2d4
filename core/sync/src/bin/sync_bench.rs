//! Sync benchmark: full sync of a 10,000-spot pack and a delta of 100 changed
//! spots from a local `machi serve`-style server on 127.0.0.1, into a
//! file-backed store. Prints a table; run with `--release`:
//!
//! `CARGO_TARGET_DIR=… cargo run --release -p machi-sync --bin sync-bench -- [SPOTS] [CHANGED] [RUNS]`
//!
//! The pack is synthetic (generated spots), built and signed with the content
//! crate's real pack builder.

#[path = "../../tests/support/synthetic.rs"]
mod synthetic;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use machi_content::pack::{build_pack, SigningKey};
use machi_content::store::Store;
use machi_sync::server::Server;
use machi_sync::{
    sync_pack, CancellationToken, HttpClient, HttpConfig, Outcome, PackRequest, Phase, ProgressFn,
};

struct Run {
    total: Duration,
    apply: Duration,
    bytes: u64,
}

fn arg(i: usize, default: usize) -> usize {
    std::env::args()
        .nth(i)
        .and_then(|a| a.parse().ok())
        .unwrap_or(default)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let spots = arg(1, 10_000);
    let changed = arg(2, 100);
    let runs = arg(3, 5).max(1);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(bench(spots, changed, runs))
}

async fn bench(
    spots: usize,
    changed: usize,
    runs: usize,
) -> Result<(), Box<dyn std::error::Error>> {
    let key = SigningKey::from_bytes(&[9u8; 32]);
    let publish = tempfile_dir("publish")?;
    let v1 = synthetic::pack(1, spots, 0);
    let v2 = synthetic::pack(2, spots, changed);
    build_pack(&v1, &key, &publish)?;
    let report = build_pack(&v2, &key, &publish)?;
    let _ = report;
    let full_size = std::fs::metadata(publish.join("content-v2.json.gz"))?.len();
    let full_v1_size = std::fs::metadata(publish.join("content-v1.json.gz"))?.len();
    let delta_size = std::fs::metadata(publish.join("delta-1-2.json.gz"))?.len();

    // v1 alone for the full-sync runs, v1+v2 for the delta runs.
    let publish_v1 = tempfile_dir("publish-v1")?;
    build_pack(&v1, &key, &publish_v1)?;
    let server_v1 = Server::start(&publish_v1, "127.0.0.1:0".parse()?).await?;
    let server_v2 = Server::start(&publish, "127.0.0.1:0".parse()?).await?;
    let client = HttpClient::new(HttpConfig::default())?;
    let pk = key.verifying_key();

    let mut full = Vec::new();
    let mut delta = Vec::new();
    for i in 0..runs {
        let dir = tempfile_dir(&format!("run{i}"))?;
        let store = Mutex::new(Store::open(&dir.join("machi.sqlite3"))?);
        full.push(one(&client, &server_v1.base_url(), &pk, &store, &dir).await?);
        delta.push(one(&client, &server_v2.base_url(), &pk, &store, &dir).await?);
        std::fs::remove_dir_all(&dir)?;
    }
    server_v1.stop().await;
    server_v2.stop().await;
    std::fs::remove_dir_all(&publish)?;
    std::fs::remove_dir_all(&publish_v1)?;

    println!(
        "sync bench: {spots} spots, {changed} changed, {runs} runs, 127.0.0.1, file-backed store"
    );
    println!("| sync | bytes transferred | wall time median (min–max) | apply (import) median |");
    println!("|---|---:|---:|---:|");
    for (name, rs) in [("full v1 (empty store)", &full), ("delta v1→v2", &delta)] {
        let mut t: Vec<Duration> = rs.iter().map(|r| r.total).collect();
        let mut a: Vec<Duration> = rs.iter().map(|r| r.apply).collect();
        t.sort();
        a.sort();
        println!(
            "| {name} | {} | {:.1} ms ({:.1}–{:.1}) | {:.1} ms |",
            rs[0].bytes,
            ms(t[t.len() / 2]),
            ms(t[0]),
            ms(t[t.len() - 1]),
            ms(a[a.len() / 2]),
        );
    }
    println!();
    println!(
        "full pack v2: {full_size} B (v1: {full_v1_size} B); delta 1→2: {delta_size} B = {:.2} % of full (target ≤ 5 %)",
        delta_size as f64 * 100.0 / full_size as f64
    );
    Ok(())
}

async fn one(
    client: &HttpClient,
    url: &str,
    key: &machi_content::pack::VerifyingKey,
    store: &Mutex<Store>,
    work: &std::path::Path,
) -> Result<Run, Box<dyn std::error::Error>> {
    let import_started: Arc<Mutex<Option<Instant>>> = Arc::default();
    let mark = import_started.clone();
    let progress: ProgressFn = Arc::new(move |p| {
        if p.phase == Phase::Import && p.items_done == 0 {
            *mark.lock().unwrap_or_else(|e| e.into_inner()) = Some(Instant::now());
        }
    });
    let req = PackRequest {
        base_url: url,
        key,
        etag: None,
        work_dir: &work.join("partial"),
        assets_dir: None,
    };
    let start = Instant::now();
    let report = sync_pack(client, &req, store, &progress, &CancellationToken::new()).await?;
    let end = Instant::now();
    let bytes = match report.outcome {
        Outcome::Applied { transferred, .. } => transferred,
        other => return Err(format!("expected an import, got {other:?}").into()),
    };
    let began = import_started
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .unwrap_or(end);
    Ok(Run {
        total: end - start,
        apply: end - began,
        bytes,
    })
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn tempfile_dir(name: &str) -> std::io::Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("machi-sync-bench-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
