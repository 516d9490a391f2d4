//! Evaluates the FAQ ranker on LocalgovFAQ-shaped files.
//!
//! ```text
//! faq-eval --corpus corpus.json --queries queries.json --qrels qrels.json
//!          [--json] [--no-synonyms] [--config '{"k1":1.2,...}']
//! ```
//! Prints a table, or with `--json` the full report (summary keys plus the
//! per-query top-10 entry ids in `runs`).

use std::path::PathBuf;
use std::process::ExitCode;

use machi_faq::eval::{evaluate, load_localgov};
use machi_faq::{RetrievalConfig, SynonymTable};

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
    let (mut corpus, mut queries, mut qrels) = (None, None, None);
    let mut json = false;
    let mut synonyms = true;
    let mut cfg = RetrievalConfig::default();
    while let Some(a) = args.next() {
        let mut val = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--corpus" => corpus = Some(PathBuf::from(val("--corpus")?)),
            "--queries" => queries = Some(PathBuf::from(val("--queries")?)),
            "--qrels" => qrels = Some(PathBuf::from(val("--qrels")?)),
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
                println!("usage: faq-eval --corpus F --queries F --qrels F [--json] [--no-synonyms] [--config JSON]");
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
    let report = evaluate(&set, table, cfg);
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?
        );
    } else {
        print!("{}", report.table());
    }
    Ok(())
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
