//! Benchmark runner: solve every instance file in a folder with several
//! seeds, verify each result with [`crate::check`], compare with best-known
//! values, and return a serializable report (summary **and** raw routes).
//!
//! This is the crate's only module that touches the file system.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::check::check_solution;
use crate::error::{CourseError, Result};
use crate::parse::parse_instance;
use crate::solver::{solve, SolverConfig};

/// What to run.
#[derive(Debug, Clone, Serialize)]
pub struct EvalOptions {
    /// A folder (searched recursively for `*.txt` instance files, format notes
    /// skipped) or a single instance file.
    pub instances: PathBuf,
    /// Best-known-value tables, first match wins. Accepts `bks.csv`
    /// (`set,instance,tours,bks,source`) and `reference_results_TOPTW_xls.csv`
    /// (`instance,tours,best,…`).
    pub bks: Vec<PathBuf>,
    /// Number of tours m (default: 1 for TOPTW, the file's value for TTDP/TOP).
    pub tours: Option<usize>,
    /// Wall-clock budget per run.
    pub time_limit_ms: u64,
    /// Optional iteration cap per run (makes runs machine-independent).
    pub max_iterations: Option<u64>,
    /// Seeds `1..=seeds` are run per instance.
    pub seeds: u32,
}

/// One solver run.
#[derive(Debug, Clone, Serialize)]
pub struct RunResult {
    /// Seed used.
    pub seed: u64,
    /// Score found.
    pub score: f64,
    /// Wall time of the run in ms.
    pub time_ms: f64,
    /// Time until the best solution was found, ms.
    pub time_to_best_ms: f64,
    /// Iterations run.
    pub iterations: u64,
    /// Whether the independent checker accepted the routes.
    pub feasible: bool,
    /// Routes as lists of vertex ids from the file, one list per tour.
    pub routes: Vec<Vec<u32>>,
}

/// All runs on one instance.
#[derive(Debug, Clone, Serialize)]
pub struct InstanceResult {
    /// Instance name (file stem).
    pub name: String,
    /// Tours used.
    pub tours: usize,
    /// Best-known value, when a table had one.
    pub bks: Option<f64>,
    /// Where the best-known value came from.
    pub bks_source: Option<String>,
    /// Median score over seeds (lower median for an even count).
    pub median_score: f64,
    /// Best score over seeds.
    pub best_score: f64,
    /// `100 · (bks − median) / bks`, when a bks is known.
    pub gap_pct: Option<f64>,
    /// Gap of the best seed.
    pub best_gap_pct: Option<f64>,
    /// Median wall time per run, ms.
    pub median_time_ms: f64,
    /// Every run.
    pub runs: Vec<RunResult>,
}

/// Averages over the instances.
#[derive(Debug, Clone, Serialize)]
pub struct EvalSummary {
    /// Instances run.
    pub instances: usize,
    /// Instances with a best-known value.
    pub with_bks: usize,
    /// Mean of the median gaps over instances with a bks.
    pub avg_gap_pct: Option<f64>,
    /// Mean of the best-seed gaps.
    pub avg_best_gap_pct: Option<f64>,
    /// Instances whose median score reaches the bks.
    pub reached_bks: usize,
    /// Instances whose median score beats the bks.
    pub beat_bks: usize,
    /// Mean of the median run times, ms.
    pub avg_time_ms: f64,
    /// Longest single run, ms.
    pub max_time_ms: f64,
    /// Every run passed the feasibility checker.
    pub all_feasible: bool,
}

/// The full report.
#[derive(Debug, Clone, Serialize)]
pub struct EvalReport {
    /// Options the report was made with.
    pub options: EvalOptions,
    /// Averages.
    pub summary: EvalSummary,
    /// Per-instance results, sorted by name.
    pub instances: Vec<InstanceResult>,
}

/// Best-known values keyed by `(instance, tours)`.
#[derive(Debug, Clone, Default)]
pub struct BksTable(BTreeMap<(String, usize), (f64, String)>);

impl BksTable {
    /// Parses one CSV table (either supported layout); `origin` names the file
    /// for the reference-layout source column.
    pub fn add_csv(&mut self, text: &str, origin: &str) -> Result<()> {
        let mut rows = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty());
        let Some((_, header)) = rows.next() else {
            return Ok(());
        };
        let cols: Vec<&str> = header
            .trim_end_matches('\r')
            .split(',')
            .map(str::trim)
            .collect();
        let find = |name: &str| cols.iter().position(|c| *c == name);
        let (ci, ct) = (
            find("instance").ok_or_else(|| CourseError::Parse {
                line: 1,
                reason: "no `instance` column".into(),
            })?,
            find("tours").ok_or_else(|| CourseError::Parse {
                line: 1,
                reason: "no `tours` column".into(),
            })?,
        );
        let (cv, cs) = match (find("bks"), find("best")) {
            (Some(v), _) => (v, find("source")),
            (None, Some(v)) => (v, None),
            (None, None) => {
                return Err(CourseError::Parse {
                    line: 1,
                    reason: "no `bks` or `best` column".into(),
                })
            }
        };
        for (i, line) in rows {
            let f: Vec<&str> = line
                .trim_end_matches('\r')
                .splitn(cols.len(), ',')
                .collect();
            let get = |c: usize| {
                f.get(c).map(|s| s.trim()).ok_or(CourseError::Parse {
                    line: i + 1,
                    reason: "short row".into(),
                })
            };
            let tours: usize = get(ct)?.parse().map_err(|_| CourseError::Parse {
                line: i + 1,
                reason: "bad tours".into(),
            })?;
            let value: f64 = get(cv)?.parse().map_err(|_| CourseError::Parse {
                line: i + 1,
                reason: "bad value".into(),
            })?;
            let source = match cs {
                Some(c) => get(c)?.trim_matches('"').to_string(),
                None => format!("{origin} (best column)"),
            };
            self.0
                .entry((get(ci)?.to_string(), tours))
                .or_insert((value, source));
        }
        Ok(())
    }

    /// The best-known value and its source.
    pub fn get(&self, instance: &str, tours: usize) -> Option<(f64, &str)> {
        self.0
            .get(&(instance.to_string(), tours))
            .map(|(v, s)| (*v, s.as_str()))
    }
}

fn io_err(path: &Path, e: std::io::Error) -> CourseError {
    CourseError::Io {
        path: path.display().to_string(),
        reason: e.to_string(),
    }
}

fn collect_files(path: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    if path.is_file() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| io_err(path, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if p.is_dir() {
            collect_files(&p, out)?;
        } else if name.ends_with(".txt") && !name.to_ascii_lowercase().contains("format") {
            out.push(p);
        }
    }
    Ok(())
}

/// Runs the evaluation described by `opts`.
pub fn run_eval(opts: &EvalOptions) -> Result<EvalReport> {
    if opts.seeds == 0 {
        return Err(CourseError::InvalidOptions(
            "at least one seed is needed".into(),
        ));
    }
    let mut bks = BksTable::default();
    for p in &opts.bks {
        let text = std::fs::read_to_string(p).map_err(|e| io_err(p, e))?;
        bks.add_csv(&text, &p.display().to_string())?;
    }
    let mut files = Vec::new();
    collect_files(&opts.instances, &mut files)?;
    if files.is_empty() {
        return Err(CourseError::InvalidOptions(format!(
            "no instance files under {}",
            opts.instances.display()
        )));
    }
    let mut results = Vec::with_capacity(files.len());
    for f in &files {
        let name = f
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("?")
            .to_string();
        let text = std::fs::read_to_string(f).map_err(|e| io_err(f, e))?;
        let inst = parse_instance(&name, &text, opts.tours)?;
        let tours = inst.tour_count();
        let mut runs = Vec::with_capacity(opts.seeds as usize);
        for seed in 1..=u64::from(opts.seeds) {
            let cfg = SolverConfig {
                seed,
                time_limit: Some(Duration::from_millis(opts.time_limit_ms)),
                max_iterations: opts.max_iterations,
            };
            let t0 = Instant::now();
            let sol = solve(&inst, &cfg)?;
            let time_ms = t0.elapsed().as_secs_f64() * 1e3;
            let feasible = check_solution(&inst, &sol.routes)
                .map(|tt| (tt.score - sol.score).abs() < 1e-6)
                .unwrap_or(false);
            runs.push(RunResult {
                seed,
                score: sol.score,
                time_ms,
                time_to_best_ms: sol.time_to_best_ms,
                iterations: sol.iterations,
                feasible,
                routes: sol
                    .routes
                    .iter()
                    .map(|r| r.iter().map(|&v| inst.nodes[v].id).collect())
                    .collect(),
            });
        }
        let mut scores: Vec<f64> = runs.iter().map(|r| r.score).collect();
        scores.sort_by(f64::total_cmp);
        let median_score = scores[(scores.len() - 1) / 2];
        let best_score = scores[scores.len() - 1];
        let mut times: Vec<f64> = runs.iter().map(|r| r.time_ms).collect();
        times.sort_by(f64::total_cmp);
        let known = bks.get(&name, tours);
        let gap = |s: f64| known.map(|(b, _)| if b > 0.0 { 100.0 * (b - s) / b } else { 0.0 });
        results.push(InstanceResult {
            name,
            tours,
            bks: known.map(|k| k.0),
            bks_source: known.map(|k| k.1.to_string()),
            median_score,
            best_score,
            gap_pct: gap(median_score),
            best_gap_pct: gap(best_score),
            median_time_ms: times[(times.len() - 1) / 2],
            runs,
        });
    }
    let with: Vec<&InstanceResult> = results.iter().filter(|r| r.bks.is_some()).collect();
    let mean = |v: Vec<f64>| {
        if v.is_empty() {
            None
        } else {
            Some(v.iter().sum::<f64>() / v.len() as f64)
        }
    };
    let summary = EvalSummary {
        instances: results.len(),
        with_bks: with.len(),
        avg_gap_pct: mean(with.iter().filter_map(|r| r.gap_pct).collect()),
        avg_best_gap_pct: mean(with.iter().filter_map(|r| r.best_gap_pct).collect()),
        reached_bks: with
            .iter()
            .filter(|r| r.bks.is_some_and(|b| r.median_score >= b - 1e-6))
            .count(),
        beat_bks: with
            .iter()
            .filter(|r| r.bks.is_some_and(|b| r.median_score > b + 1e-6))
            .count(),
        avg_time_ms: results.iter().map(|r| r.median_time_ms).sum::<f64>() / results.len() as f64,
        max_time_ms: results
            .iter()
            .flat_map(|r| r.runs.iter().map(|x| x.time_ms))
            .fold(0.0, f64::max),
        all_feasible: results.iter().all(|r| r.runs.iter().all(|x| x.feasible)),
    };
    Ok(EvalReport {
        options: opts.clone(),
        summary,
        instances: results,
    })
}

/// Renders the report as a plain-text table (developer output, not localized).
pub fn format_table(report: &EvalReport) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{:<12} {:>2} {:>9} {:>9} {:>9} {:>8} {:>8} {:>9} feasible",
        "instance", "m", "median", "best", "bks", "gap%", "bestgap%", "time_ms"
    );
    for r in &report.instances {
        let opt = |v: Option<f64>, p: usize| v.map_or("-".to_string(), |x| format!("{x:.p$}"));
        let _ = writeln!(
            s,
            "{:<12} {:>2} {:>9.1} {:>9.1} {:>9} {:>8} {:>8} {:>9.1} {}",
            r.name,
            r.tours,
            r.median_score,
            r.best_score,
            opt(r.bks, 0),
            opt(r.gap_pct, 2),
            opt(r.best_gap_pct, 2),
            r.median_time_ms,
            if r.runs.iter().all(|x| x.feasible) {
                "yes"
            } else {
                "NO"
            }
        );
    }
    let m = &report.summary;
    let opt = |v: Option<f64>| v.map_or("-".to_string(), |x| format!("{x:.3}"));
    let _ = writeln!(
        s,
        "instances {}  with bks {}  avg gap {}%  avg best-seed gap {}%  reached bks {}  beat bks {}  avg time {:.1} ms  max {:.1} ms  all feasible {}",
        m.instances, m.with_bks, opt(m.avg_gap_pct), opt(m.avg_best_gap_pct), m.reached_bks, m.beat_bks, m.avg_time_ms, m.max_time_ms, m.all_feasible
    );
    s
}
