//! Evaluates the FAQ ranker on LocalgovFAQ-shaped files.
//!
//! ```text
//! faq-eval --corpus corpus.json --queries queries.json --qrels qrels.json
//!          [--json] [--no-synonyms] [--config '{"k1":1.2,...}']
//!          [--encoder MODEL [--dense-sweep [--weights W,W,...]]]
//! ```
//! Prints a table, or with `--json` the full report (summary keys plus the
//! per-query top-10 entry ids in `runs`; with `--encoder`, an `encoder`
//! object with the model file and the entry-embedding time).
//! `--encoder` fuses BM25 with the sentence encoder in MODEL (a
//! machi-encoder file, see `faq-encoder-build`). `--dense-sweep` prints
//! SR@k / MRR@10 for both fusion modes over a grid of encoder weights
//! (`--weights`, default 0, .2, .3, … .8, 1)
//! (for fitting `dense_weight` on the shared half only).
//! `--folds K` cross-validates example questions: each query is ranked
//! with the other folds' queries as examples of the entries they were
//! judged relevant to; `--example-sweep` then prints the figures over a
//! grid of example weights and floors.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use machi_faq::eval::{
    corpus_docs, evaluate_folds, evaluate_folds_variants, evaluate_retriever, load_localgov,
    EvalReport,
};
use machi_faq::{Encoder, Fusion, MemoryCache, RetrievalConfig, Retriever, SynonymTable};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("faq-eval: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (mut corpus, mut queries, mut qrels, mut encoder) = (None, None, None, None);
    let mut json = false;
    let mut synonyms = true;
    let mut sweep = false;
    let mut weights = vec![0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0];
    let mut folds: Option<usize> = None;
    let mut example_sweep = false;
    let mut cfg = RetrievalConfig::default();
    while let Some(a) = args.next() {
        let mut val = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--corpus" => corpus = Some(PathBuf::from(val("--corpus")?)),
            "--queries" => queries = Some(PathBuf::from(val("--queries")?)),
            "--qrels" => qrels = Some(PathBuf::from(val("--qrels")?)),
            "--encoder" => encoder = Some(PathBuf::from(val("--encoder")?)),
            "--dense-sweep" => sweep = true,
            "--folds" => {
                folds = Some(
                    val("--folds")?
                        .parse()
                        .map_err(|e| format!("--folds: {e}"))?,
                )
            }
            "--example-sweep" => example_sweep = true,
            "--weights" => {
                weights = val("--weights")?
                    .split(',')
                    .map(|w| {
                        w.trim()
                            .parse::<f32>()
                            .map_err(|e| format!("--weights: {e}"))
                    })
                    .collect::<Result<_, _>>()?
            }
            "--json" => json = true,
            "--no-synonyms" => synonyms = false,
            "--config" => {
                // Overrides on top of the defaults, e.g. '{"w_answer":0.3}'.
                let mut base = serde_json::to_value(cfg).map_err(|e| e.to_string())?;
                let over: serde_json::Value =
                    serde_json::from_str(&val("--config")?).map_err(|e| e.to_string())?;
                merge(&mut base, over);
                cfg = serde_json::from_value(base).map_err(|e| e.to_string())?;
            }
            "-h" | "--help" => {
                println!("usage: faq-eval --corpus F --queries F --qrels F [--json] [--no-synonyms] [--config JSON] [--encoder MODEL [--dense-sweep [--weights W,W,...]]] [--folds K [--example-sweep]]");
                return Ok(());
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    let need = |p: Option<PathBuf>, n: &str| p.ok_or(format!("missing {n}"));
    let set = load_localgov(
        &need(corpus, "--corpus")?,
        &need(queries, "--queries")?,
        &need(qrels, "--qrels")?,
    )
    .map_err(|e| e.to_string())?;
    let table = if synonyms {
        SynonymTable::builtin()
    } else {
        SynonymTable::new()
    };
    if let Some(k) = folds {
        let enc = match &encoder {
            Some(path) => Some(Arc::new(Encoder::open(path).map_err(|e| e.to_string())?)),
            None => None,
        };
        let cache = MemoryCache::default();
        let build = |docs: &[machi_faq::IndexDoc]| match &enc {
            Some(e) => Retriever::build_with_encoder_cached(
                docs,
                table.clone(),
                cfg,
                e.clone(),
                Some(&cache),
            ),
            None => Retriever::build(docs, table.clone(), cfg),
        };
        if example_sweep {
            let mut grid = Vec::new();
            for w_examples in [0.0, 1.0, 1.5, 2.0] {
                for example_dense_weight in [0.0, 0.2, 0.4, 0.6] {
                    for example_floor in [0.3, 0.4, 0.5] {
                        grid.push(RetrievalConfig {
                            w_examples,
                            example_dense_weight,
                            example_floor,
                            ..cfg
                        });
                    }
                }
            }
            let variants: Vec<_> = grid.iter().copied().map(Some).collect();
            let reports = evaluate_folds_variants(&set, k, build, &variants);
            println!("w_ex  dense floor  sr1    sr5    sr10   mrr10  sr1_g2 sr5_g2 mrr10_g2");
            for (c, r) in grid.iter().zip(reports) {
                let setting = format!(
                    "{:<5.2} {:<5.2} {:<5.2}",
                    c.w_examples, c.example_dense_weight, c.example_floor
                );
                println!("{setting}  {}", figures(&r));
            }
            return Ok(());
        }
        let report = evaluate_folds(&set, k, build);
        if json {
            println!(
                "{}",
                serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?
            );
        } else {
            print!("{}", report.table());
        }
        return Ok(());
    }
    let docs = corpus_docs(&set);
    let mut info = None;
    let mut retriever = match &encoder {
        None => Retriever::build(&docs, table, cfg),
        Some(path) => {
            let enc = Arc::new(Encoder::open(path).map_err(|e| e.to_string())?);
            let t0 = Instant::now();
            let r = Retriever::build_with_encoder(&docs, table, cfg, enc);
            let build_ms = t0.elapsed().as_secs_f64() * 1000.0;
            info = Some(serde_json::json!({
                "file": path.display().to_string(),
                "index_build_ms": build_ms,
                "entries": docs.len(),
                "fusion": cfg.fusion,
                "dense_weight": cfg.dense_weight,
                "dense_answer_chars": cfg.dense_answer_chars,
            }));
            r
        }
    };
    if sweep {
        if !retriever.has_encoder() {
            return Err("--dense-sweep needs --encoder".into());
        }
        println!("fusion weight   sr1    sr5    sr10   mrr10  sr1_g2 sr5_g2 mrr10_g2");
        for fusion in [Fusion::Score, Fusion::Rrf] {
            for &w in &weights {
                retriever.set_fusion(fusion, w);
                let r = evaluate_retriever(&set, &retriever);
                println!("{:<6} {:<6.2} {}", format!("{fusion:?}"), w, figures(&r));
            }
        }
        return Ok(());
    }
    let report = evaluate_retriever(&set, &retriever);
    if json {
        let mut v = serde_json::to_value(&report).map_err(|e| e.to_string())?;
        if let (Some(info), Some(obj)) = (info, v.as_object_mut()) {
            obj.insert("encoder".into(), info);
        }
        println!(
            "{}",
            serde_json::to_string_pretty(&v).map_err(|e| e.to_string())?
        );
    } else {
        if let Some(info) = &info {
            println!("encoder: {info}");
        }
        print!("{}", report.table());
    }
    Ok(())
}

/// One sweep row's figures: SR@1/5/10, MRR@10, then the grade-2 ones.
fn figures(r: &EvalReport) -> String {
    format!(
        "{:.3}  {:.3}  {:.3}  {:.3}  {:.3}  {:.3}  {:.3}",
        r.sr1, r.sr5, r.sr10, r.mrr10, r.sr1_g2, r.sr5_g2, r.mrr10_g2
    )
}

fn merge(base: &mut serde_json::Value, over: serde_json::Value) {
    match (base, over) {
        (serde_json::Value::Object(b), serde_json::Value::Object(o)) => {
            for (k, v) in o {
                merge(b.entry(k).or_insert(serde_json::Value::Null), v);
            }
        }
        (b, o) => *b = o,
    }
}
