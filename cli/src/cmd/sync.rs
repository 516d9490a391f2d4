//! `machi sync` (update the content from a publisher's server) and `machi serve`
//! (serve a built pack directory, for local use and tests).

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use clap::Subcommand;
use indicatif::{ProgressBar, ProgressStyle};
use machi_app::content_core::pack::keys;
use machi_app::{Machi, OpenOptions};
use machi_i18n::Args;
use machi_sync::pack::{Outcome, PartKind};
use machi_sync::{CancellationToken, Phase, Progress, ProgressFn};

use crate::ctx::{out, CliError, Ctx};

/// The sync commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Update the content from a publisher's pack directory (delta when possible, verified, resumable).
    Sync {
        /// URL of the directory holding manifest.json (https; http only to 127.0.0.1/localhost).
        #[arg(long, value_name = "URL")]
        from: String,
        /// The publisher's public key file (publisher.pub) to verify the pack with.
        #[arg(long, value_name = "FILE", env = "MACHI_PUBLISHER_KEY")]
        key: PathBuf,
        /// Also poll this notice feed (feed.json) once and store new notices.
        #[arg(long, value_name = "URL")]
        feed: Option<String>,
    },
    /// Serve a built pack directory (and notice feeds) over HTTP with ETag, Range and gzip.
    Serve {
        /// The directory to serve (e.g. the OUT_DIR of `machi pack build`).
        dir: PathBuf,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
    },
}

/// Runs one sync command.
pub fn run(ctx: &Ctx, command: Command) -> Result<(), CliError> {
    match command {
        Command::Sync { from, key, feed } => sync(ctx, &from, &key, feed.as_deref()),
        Command::Serve { dir, addr } => serve(ctx, dir, addr),
    }
}

fn sync(
    ctx: &Ctx,
    from: &str,
    key_file: &std::path::Path,
    feed: Option<&str>,
) -> Result<(), CliError> {
    let key = keys::read_verifying_key(key_file).map_err(|e| ctx.app_error(e.into()))?;
    let machi = Machi::open(OpenOptions {
        db_path: Some(ctx.db_path()?),
        publisher_key: Some(key),
        ..Default::default()
    })
    .map_err(|e| ctx.app_error(e))?;
    let bar = (!ctx.json && std::io::stderr().is_terminal()).then(|| progress_bar(ctx));
    let progress: ProgressFn = match &bar {
        Some((bar, labels)) => {
            let bar = bar.clone();
            let labels = labels.clone();
            Arc::new(move |p: &Progress| show(&bar, &labels, p))
        }
        None => machi_sync::no_progress(),
    };
    let cancel = CancellationToken::new();
    let result =
        machi_sync::block_on(machi.sync_content(from, progress, &cancel)).map_err(|e| {
            ctx.app_error(machi_app::Error::Storage {
                reason: e.to_string(),
            })
        })?;
    if let Some((bar, _)) = &bar {
        bar.finish_and_clear();
    }
    let report = result.map_err(|e| ctx.app_error(e))?;
    let notices = match feed {
        Some(url) => {
            let polled = machi_sync::block_on(machi.sync_notices(url, &cancel)).map_err(|e| {
                ctx.app_error(machi_app::Error::Storage {
                    reason: e.to_string(),
                })
            })?;
            Some(polled.map_err(|e| ctx.app_error(e))?.0)
        }
        None => None,
    };
    if ctx.json {
        let value = serde_json::json!({ "content": report, "notices": notices });
        return ctx.print_json(&value);
    }
    let kb = |bytes: u64| bytes.div_ceil(1024);
    let line = match &report.outcome {
        Outcome::NotModified => ctx.m("sync-not-modified"),
        Outcome::UpToDate { version } => {
            ctx.msg("sync-up-to-date", &Args::new().num("version", *version))
        }
        Outcome::Applied {
            part: PartKind::Full,
            transferred,
            summary,
            ..
        } => ctx.msg(
            "sync-applied-full",
            &Args::new()
                .num("version", summary.pack_version)
                .num("kb", kb(*transferred)),
        ),
        Outcome::Applied {
            part: PartKind::Delta { from_version },
            transferred,
            summary,
            ..
        } => ctx.msg(
            "sync-applied-delta",
            &Args::new()
                .num("from", *from_version)
                .num("version", summary.pack_version)
                .num("kb", kb(*transferred)),
        ),
    };
    out(&line);
    if let Some(n) = notices {
        out(&ctx.msg(
            "sync-notices-new",
            &Args::new().num("count", n.len() as u64),
        ));
    }
    Ok(())
}

/// Localized phase labels (looked up once: the callback runs on the sync task)
/// and the bar styles for byte and item phases.
struct Labels {
    phases: [String; 5],
    bytes: ProgressStyle,
    items: ProgressStyle,
}

fn progress_bar(ctx: &Ctx) -> (ProgressBar, Arc<Labels>) {
    let style = |template: &str| {
        ProgressStyle::with_template(template)
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ")
    };
    let labels = Labels {
        phases: [
            ctx.m("sync-phase-manifest"),
            ctx.m("sync-phase-download"),
            ctx.m("sync-phase-verify"),
            ctx.m("sync-phase-import"),
            ctx.m("sync-phase-done"),
        ],
        bytes: style("{msg:24} [{bar:30}] {bytes}/{total_bytes}"),
        items: style("{msg:24} [{bar:30}] {pos}/{len}"),
    };
    let bar = ProgressBar::new(0);
    bar.set_style(labels.bytes.clone());
    (bar, Arc::new(labels))
}

fn show(bar: &ProgressBar, labels: &Labels, p: &Progress) {
    let i = match p.phase {
        Phase::Manifest => 0,
        Phase::Download => 1,
        Phase::Verify => 2,
        Phase::Import => 3,
        Phase::Done => 4,
    };
    bar.set_message(labels.phases[i].clone());
    match p.phase {
        Phase::Download | Phase::Verify => {
            bar.set_length(p.bytes_total);
            bar.set_position(p.bytes_done);
        }
        Phase::Import => {
            bar.set_length(p.items_total.max(1));
            bar.set_position(p.items_done);
            if p.items_done == 0 {
                bar.set_style(labels.items.clone());
            }
        }
        Phase::Manifest | Phase::Done => {}
    }
}

fn serve(ctx: &Ctx, dir: PathBuf, addr: SocketAddr) -> Result<(), CliError> {
    let io = |e: machi_sync::Error| {
        ctx.app_error(machi_app::Error::Storage {
            reason: e.to_string(),
        })
    };
    machi_sync::block_on(async {
        let server = machi_sync::server::Server::start(&dir, addr)
            .await
            .map_err(io)?;
        out(&ctx.msg(
            "sync-serve-listening",
            &Args::new()
                .str("dir", dir.display().to_string())
                .str("url", server.base_url()),
        ));
        server.wait().await;
        Ok(())
    })
    .map_err(io)?
}
