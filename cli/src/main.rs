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

/// Keeps glibc from raising its mmap threshold at run time. By default
/// every freed block above the threshold raises it (up to 32 MiB), so the
/// FAQ encoder's batch activations (a few MiB each while an index is built)
/// move onto the heap, where the index's long-lived allocations pin them:
/// `machi eval faq --encoder` then kept 145 MB resident for a heap that
/// never exceeded 29 MB. Pinned at glibc's own default (128 KiB), large
/// temporaries stay separate mappings that are returned when freed.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn pin_mmap_threshold() {
    // SAFETY: mallopt only changes allocator parameters; it is called once,
    // before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn pin_mmap_threshold() {}

fn main() -> ExitCode {
    pin_mmap_threshold();
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
