//! `machi`: the town app's capabilities on a terminal.
//!
//! Every command takes `--lang` (the reader's locale) and `--json` (machine
//! output); human output is a readable table in the chosen language, and an
//! error is one clear localized line with a non-zero exit status. Each
//! capability's commands live in their own module under `cmd/`.

mod cmd;
mod ctx;

use std::process::ExitCode;

use clap::Parser;

/// The machi town app on a terminal.
#[derive(Debug, Parser)]
#[command(name = "machi", version, about)]
struct Cli {
    #[command(flatten)]
    global: ctx::GlobalArgs,
    #[command(subcommand)]
    command: cmd::Command,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let ctx = match ctx::Ctx::new(cli.global) {
        Ok(ctx) => ctx,
        Err(e) => return ctx::report(None, &e),
    };
    match cmd::run(&ctx, cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => ctx::report(Some(&ctx), &e),
    }
}
