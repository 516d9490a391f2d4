//! `course-eval`: run the solver on a benchmark folder and print a table or JSON.
//!
//! ```text
//! course-eval --instances DIR [--bks FILE]... [--tours M] [--time-limit-ms T]
//!             [--max-iterations N] [--seeds S] [--json]
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use machi_course::eval::{format_table, run_eval, EvalOptions};

fn main() -> ExitCode {
    let mut opts = EvalOptions {
        instances: PathBuf::new(),
        bks: Vec::new(),
        tours: None,
        time_limit_ms: 1000,
        max_iterations: None,
        seeds: 3,
    };
    let mut json = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or_else(|| format!("{a} needs a value"));
        let r: Result<(), String> = (|| {
            match a.as_str() {
                "--instances" => opts.instances = PathBuf::from(val()?),
                "--bks" => opts.bks.push(PathBuf::from(val()?)),
                "--tours" => {
                    opts.tours = Some(val()?.parse().map_err(|e| format!("--tours: {e}"))?)
                }
                "--time-limit-ms" => {
                    opts.time_limit_ms = val()?
                        .parse()
                        .map_err(|e| format!("--time-limit-ms: {e}"))?
                }
                "--max-iterations" => {
                    opts.max_iterations = Some(
                        val()?
                            .parse()
                            .map_err(|e| format!("--max-iterations: {e}"))?,
                    )
                }
                "--seeds" => opts.seeds = val()?.parse().map_err(|e| format!("--seeds: {e}"))?,
                "--json" => json = true,
                other => return Err(format!("unknown argument {other}")),
            }
            Ok(())
        })();
        if let Err(e) = r {
            eprintln!("course-eval: {e}");
            return ExitCode::from(2);
        }
    }
    if opts.instances.as_os_str().is_empty() {
        eprintln!("course-eval: --instances DIR is required");
        return ExitCode::from(2);
    }
    match run_eval(&opts) {
        Ok(report) => {
            if json {
                match serde_json::to_string_pretty(&report) {
                    Ok(s) => println!("{s}"),
                    Err(e) => {
                        eprintln!("course-eval: {e}");
                        return ExitCode::FAILURE;
                    }
                }
            } else {
                print!("{}", format_table(&report));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("course-eval: {e}");
            ExitCode::FAILURE
        }
    }
}
