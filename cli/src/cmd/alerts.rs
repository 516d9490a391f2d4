//! `machi alerts …` and `machi places …`: disaster notices for where the user
//! lives, and the registered places that decide which notices concern them.

use std::path::PathBuf;

use chrono::Utc;
use clap::Subcommand;
use machi_app::{IngestReport, NoticeQuery, NoticeView};
use machi_i18n::Args;

use crate::cmd::content::parse_point;
use crate::ctx::{out, term, CliError, Ctx};

/// The notice commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Disaster notices (CAP 1.2 and JMA XML): ingest, list, show.
    #[command(subcommand)]
    Alerts(AlertsCommand),
    /// Registered places (home, parents' house…) whose notices you receive.
    #[command(subcommand)]
    Places(PlacesCommand),
}

/// `machi alerts …`.
#[derive(Debug, Subcommand)]
pub enum AlertsCommand {
    /// Store CAP / JMA XML files or signed notice envelopes (docs/notice-envelope.md);
    /// prints per file: stored, duplicate, updated, cancelled, refused or rejected.
    Ingest {
        /// The XML or envelope files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Publisher tool: sign a CAP / JMA XML file with a notice-signing key and
    /// write the notice envelope (docs/notice-envelope.md).
    Sign {
        /// The notice file.
        file: PathBuf,
        /// The secret key file (`machi keygen`).
        #[arg(long)]
        key: PathBuf,
        /// Where to write (default: FILE.envelope.json, or FILE.sig with --detached).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Write only the detached signature (for a pack source's notices/ folder).
        #[arg(long)]
        detached: bool,
    },
    /// Publisher tool: a folder of CAP / JMA XML files as a signed notice feed
    /// (each notice an envelope, `feed.json` listing them with size and
    /// sha256, its signature `feed.json.sig`), ready for `machi serve` or any
    /// static web server.
    Publish {
        /// The folder of notice files (*.xml, *.cap).
        dir: PathBuf,
        /// The secret key file of a key the town's pack trusts for notices.
        #[arg(long)]
        key: PathBuf,
        /// The site folder to write.
        #[arg(long)]
        out: PathBuf,
    },
    /// Current notices for this town, your registered places and --at.
    List {
        /// Your current position, LAT,LON.
        #[arg(long, value_name = "LAT,LON")]
        at: Option<String>,
        /// Include history (superseded and expired notices).
        #[arg(long)]
        all: bool,
        /// Notices for any area, not only yours.
        #[arg(long)]
        everywhere: bool,
    },
    /// One notice in full, with the nearest shelters suitable for it.
    Show {
        /// The notice id (see `machi alerts list`).
        id: i64,
        /// Your position, LAT,LON (default: the town centre).
        #[arg(long, value_name = "LAT,LON")]
        near: Option<String>,
        /// How many shelters.
        #[arg(long, default_value_t = 3)]
        shelters: usize,
    },
    /// Mark a notice as read.
    Read {
        /// The notice id.
        id: i64,
    },
}

/// `machi places …`.
#[derive(Debug, Subcommand)]
pub enum PlacesCommand {
    /// Register a place.
    Add {
        /// A name for it, e.g. "home".
        name: String,
        /// Its position, LAT,LON.
        #[arg(value_name = "LAT,LON")]
        at: String,
    },
    /// List registered places.
    List,
    /// Remove a registered place.
    Remove {
        /// Its id.
        id: i64,
    },
}

/// Runs one notice or places command.
pub fn run(ctx: &Ctx, command: Command) -> Result<(), CliError> {
    match command {
        Command::Alerts(AlertsCommand::Ingest { files }) => ingest(ctx, &files),
        Command::Alerts(AlertsCommand::Sign {
            file,
            key,
            out,
            detached,
        }) => sign(ctx, &file, &key, out, detached),
        Command::Alerts(AlertsCommand::Publish { dir, key, out }) => publish(ctx, &dir, &key, &out),
        Command::Alerts(AlertsCommand::List {
            at,
            all,
            everywhere,
        }) => list(ctx, at.as_deref(), all, everywhere),
        Command::Alerts(AlertsCommand::Show { id, near, shelters }) => {
            show(ctx, id, near.as_deref(), shelters)
        }
        Command::Alerts(AlertsCommand::Read { id }) => {
            let m = ctx.machi()?;
            m.mark_notice_read(id, Utc::now())
                .map_err(|e| ctx.app_error(e))?;
            if ctx.json {
                ctx.print_json(&serde_json::json!({ "id": id, "read": true }))
            } else {
                out(&ctx.msg("notices-marked-read", &Args::new().num("id", id)));
                Ok(())
            }
        }
        Command::Places(p) => places(ctx, p),
    }
}

fn ingest(ctx: &Ctx, files: &[PathBuf]) -> Result<(), CliError> {
    let m = ctx.machi()?;
    let mut reports = Vec::new();
    for f in files {
        let name = f.display().to_string();
        // A file that cannot be read is reported like a rejected one: the
        // other files are still ingested.
        let report = match std::fs::read(f) {
            Ok(bytes) => m
                .ingest_notice(&bytes, &name, Utc::now())
                .map_err(|e| ctx.app_error(e))?,
            Err(e) => IngestReport::Rejected {
                key: "unreadable".into(),
                reason: e.to_string(),
            },
        };
        let trust = match report_id(&report) {
            Some(id) => {
                let n = m
                    .notice(id, None, 0, &ctx.l10n, Utc::now())
                    .map_err(|e| ctx.app_error(e))?
                    .notice;
                serde_json::json!({
                    "verification": n.verification,
                    "unverified_reason": n.unverified_reason,
                    "signer": n.signer,
                    "signer_key": n.signer_key,
                })
            }
            None => serde_json::Value::Null,
        };
        reports.push(serde_json::json!({ "file": name, "report": report, "trust": trust }));
        if !ctx.json {
            out(&ingest_line(ctx, &name, &report));
        }
    }
    if ctx.json {
        ctx.print_json(&reports)?;
    }
    Ok(())
}

/// The stored notice an ingest report names, unless rejected.
fn report_id(r: &IngestReport) -> Option<i64> {
    match r {
        IngestReport::Stored { id }
        | IngestReport::Duplicate { id }
        | IngestReport::Updated { id, .. }
        | IngestReport::Cancelled { id, .. }
        | IngestReport::Refused { id, .. } => Some(*id),
        IngestReport::Rejected { .. } => None,
    }
}

fn publish(
    ctx: &Ctx,
    dir: &std::path::Path,
    key: &std::path::Path,
    out_dir: &std::path::Path,
) -> Result<(), CliError> {
    use machi_app::content_core::pack::keys;
    let key = keys::read_signing_key(key).map_err(|e| ctx.app_error(e.into()))?;
    let feed = machi_app::publish_notice_feed(dir, &key, out_dir).map_err(|e| ctx.app_error(e))?;
    if ctx.json {
        return ctx.print_json(&feed.index);
    }
    out(&ctx.msg(
        "cli-alerts-published",
        &Args::new()
            .num("count", feed.index.entries.len())
            .str("index", feed.index_path.display().to_string()),
    ));
    Ok(())
}

fn sign(
    ctx: &Ctx,
    file: &std::path::Path,
    key: &std::path::Path,
    out_path: Option<PathBuf>,
    detached: bool,
) -> Result<(), CliError> {
    use machi_app::alerts_core::{parse_notice, Envelope};
    use machi_app::content_core::pack::keys;
    let name = file.display().to_string();
    let key = keys::read_signing_key(key).map_err(|e| ctx.app_error(e.into()))?;
    let bytes = std::fs::read(file).map_err(|e| CliError(format!("{name}: {e}")))?;
    // Refuse to sign what no app would accept: a signature would only make
    // a broken notice look deliberate.
    parse_notice(&bytes).map_err(|reason| {
        ctx.err(
            "cli-error-not-a-notice",
            &Args::new()
                .str("file", name.as_str())
                .str("reason", reason.to_string()),
        )
    })?;
    let env = Envelope::sign(&bytes, &key);
    let suffix = if detached { "sig" } else { "envelope.json" };
    let target = out_path.unwrap_or_else(|| PathBuf::from(format!("{name}.{suffix}")));
    let text = if detached {
        env.detached_json()
    } else {
        env.to_json()
    };
    std::fs::write(&target, text).map_err(|e| CliError(format!("{}: {e}", target.display())))?;
    let shown = target.display().to_string();
    if ctx.json {
        return ctx.print_json(&serde_json::json!({
            "file": name, "out": shown, "key_id": env.key_id, "detached": detached,
        }));
    }
    out(&ctx.msg(
        "notices-sign-written",
        &Args::new()
            .str("file", name.as_str())
            .str("out", shown)
            .str("key", env.key_id.as_str()),
    ));
    Ok(())
}

fn ingest_line(ctx: &Ctx, file: &str, r: &IngestReport) -> String {
    let a = Args::new().str("file", file);
    match r {
        IngestReport::Stored { id } => ctx.msg("notices-ingest-stored", &a.num("id", *id)),
        IngestReport::Duplicate { id } => ctx.msg("notices-ingest-duplicate", &a.num("id", *id)),
        IngestReport::Updated { id, superseded } => ctx.msg(
            "notices-ingest-updated",
            &a.num("id", *id).num("count", superseded.len()),
        ),
        IngestReport::Cancelled { id, withdrawn } => ctx.msg(
            "notices-ingest-cancelled",
            &a.num("id", *id).num("count", withdrawn.len()),
        ),
        IngestReport::Refused { id, .. } => ctx.msg("notices-ingest-refused", &a.num("id", *id)),
        IngestReport::Rejected { reason, .. } => {
            ctx.msg("notices-ingest-rejected", &a.str("reason", reason.as_str()))
        }
    }
}

fn list(ctx: &Ctx, at: Option<&str>, all: bool, everywhere: bool) -> Result<(), CliError> {
    let at = at.map(|v| parse_point(ctx, v)).transpose()?;
    let m = ctx.machi()?;
    let q = NoticeQuery {
        at,
        include_history: all,
        everywhere,
    };
    let notices = m
        .notices(&q, &ctx.l10n, Utc::now())
        .map_err(|e| ctx.app_error(e))?;
    if ctx.json {
        return ctx.print_json(&notices);
    }
    if notices.is_empty() {
        out(&ctx.m("notices-none"));
        return Ok(());
    }
    let rows = notices
        .iter()
        .map(|n| {
            vec![
                n.id.to_string(),
                labels(n),
                term(&n.title),
                term(&n.headline),
                n.sent
                    .with_timezone(&chrono::Local)
                    .format("%Y-%m-%d %H:%M")
                    .to_string(),
            ]
        })
        .collect();
    ctx.print_table(
        &[
            "cli-col-id",
            "notices-col-status",
            "notices-col-title",
            "notices-col-headline",
            "notices-col-sent",
        ],
        rows,
    );
    Ok(())
}

/// Drill/test, withdrawn/expired, unverified and level markers, in that
/// order (a verified notice's signer is shown by `alerts show`).
fn labels(n: &NoticeView) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.extend(n.status_label.iter().map(|s| term(s)));
    parts.extend(n.state_label.iter().map(|s| term(s)));
    if n.verification != "verified" {
        parts.push(term(&n.verification_label));
    }
    parts.extend(n.refused_label.iter().map(|s| term(s)));
    if let Some(level) = &n.level_label {
        parts.push(term(level));
    }
    parts.join(" ")
}

fn show(ctx: &Ctx, id: i64, near: Option<&str>, shelters: usize) -> Result<(), CliError> {
    let near = near.map(|v| parse_point(ctx, v)).transpose()?;
    let m = ctx.machi()?;
    let detail = m
        .notice(id, near, shelters, &ctx.l10n, Utc::now())
        .map_err(|e| ctx.app_error(e))?;
    if ctx.json {
        return ctx.print_json(&detail);
    }
    let n = &detail.notice;
    let labels = labels(n);
    if !labels.is_empty() {
        out(&format!("[{labels}]"));
    }
    // Unverified ones say so in the labels line above.
    if n.verification == "verified" {
        out(&term(&n.verification_label));
    }
    out(&term(&n.title));
    out(&term(&n.headline));
    out("");
    out(&term(&n.body));
    if let Some(note) = &n.note {
        out("");
        out(&term(note));
    }
    if let Some(original) = &n.original {
        out(&term(original));
    }
    out("");
    let a = Args::new();
    out(&ctx.msg(
        "notices-field-areas",
        &a.clone().str("areas", n.areas.as_str()),
    ));
    out(&ctx.msg(
        "notices-field-sender",
        &a.clone().str("sender", n.sender.as_str()),
    ));
    let local = |t: chrono::DateTime<Utc>| {
        t.with_timezone(&chrono::Local)
            .format("%Y-%m-%d %H:%M")
            .to_string()
    };
    out(&ctx.msg("notices-field-sent", &a.clone().str("time", local(n.sent))));
    if let Some(e) = n.expires {
        out(&ctx.msg("notices-field-expires", &a.clone().str("time", local(e))));
    }
    if !detail.shelters.is_empty() {
        out("");
        out(&ctx.m("notices-shelters-title"));
        let rows = detail
            .shelters
            .iter()
            .map(|c| {
                vec![
                    term(&c.shelter.name.text),
                    super::content::shelter_status(ctx, &c.shelter),
                    ctx.distance(c.shelter.distance_m),
                    ctx.duration(c.walk_minutes),
                    c.shelter
                        .address
                        .as_ref()
                        .map(|t| term(&t.text))
                        .unwrap_or_default(),
                ]
            })
            .collect();
        ctx.print_table(
            &[
                "cli-col-name",
                "cli-col-status",
                "cli-col-distance",
                "notices-col-walk",
                "cli-col-address",
            ],
            rows,
        );
    }
    Ok(())
}

fn places(ctx: &Ctx, command: PlacesCommand) -> Result<(), CliError> {
    let m = ctx.machi()?;
    match command {
        PlacesCommand::Add { name, at } => {
            let p = parse_point(ctx, &at)?;
            let place = m.add_place(&name, p).map_err(|e| ctx.app_error(e))?;
            if ctx.json {
                return ctx.print_json(&place);
            }
            out(&ctx.msg(
                "notices-place-added",
                &Args::new().str("name", name).num("id", place.id),
            ));
        }
        PlacesCommand::List => {
            let places = m.places().map_err(|e| ctx.app_error(e))?;
            if ctx.json {
                return ctx.print_json(&places);
            }
            if places.is_empty() {
                out(&ctx.m("notices-places-none"));
                return Ok(());
            }
            let rows = places
                .iter()
                .map(|p| {
                    vec![
                        p.id.to_string(),
                        p.name.clone(),
                        format!("{:.5},{:.5}", p.location.lat, p.location.lon),
                    ]
                })
                .collect();
            ctx.print_table(
                &["cli-col-id", "cli-col-name", "notices-col-position"],
                rows,
            );
        }
        PlacesCommand::Remove { id } => {
            if !m.remove_place(id).map_err(|e| ctx.app_error(e))? {
                return Err(ctx.app_error(machi_app::Error::NotFound {
                    what: format!("place {id}"),
                }));
            }
            if ctx.json {
                return ctx.print_json(&serde_json::json!({ "id": id, "removed": true }));
            }
            out(&ctx.msg("notices-place-removed", &Args::new().num("id", id)));
        }
    }
    Ok(())
}
