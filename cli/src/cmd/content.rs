//! `machi` commands of the content capability: spots, events, shelters,
//! garbage, and the publisher's pack and key tools.

use std::path::PathBuf;

use chrono::{Days, Local, NaiveDate, NaiveDateTime};
use clap::Subcommand;
use machi_app::common::{clock, GeoPoint, Hazard};
use machi_app::content_core::pack::{self, keys};
use machi_app::content_core::source;
use machi_app::content_core::store::ImportKind;
use machi_app::{SpotFilter, Text};
use machi_i18n::Args;

use crate::ctx::{out, term, CliError, Ctx};

/// The content commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List tourism spots (most popular first, or nearest first with --near).
    Spots {
        /// Only spots with this tag (nature, history, food, onsen, family, autumn-leaves…).
        #[arg(long)]
        tag: Option<String>,
        /// Sort by distance from LAT,LON.
        #[arg(long, value_name = "LAT,LON")]
        near: Option<String>,
        /// Only spots open at this local time (YYYY-MM-DDTHH:MM).
        #[arg(long, value_name = "DATETIME")]
        open_at: Option<String>,
        /// At most this many spots.
        #[arg(long)]
        limit: Option<usize>,
    },
    /// Show one spot.
    Spot {
        /// The spot id (see `machi spots`).
        id: String,
    },
    /// List events in a date range (default: the next 30 days).
    Events {
        /// First day (YYYY-MM-DD; default today).
        #[arg(long)]
        from: Option<String>,
        /// Last day (YYYY-MM-DD; default 30 days after --from).
        #[arg(long)]
        to: Option<String>,
    },
    /// Nearest evacuation places and shelters.
    Shelters {
        /// Your position, LAT,LON.
        #[arg(long, value_name = "LAT,LON")]
        near: String,
        /// Only places certified for this hazard (flood, landslide, storm-surge, earthquake, tsunami, fire, inland-flood, volcano); repeatable.
        #[arg(long)]
        hazard: Vec<String>,
        /// How many places.
        #[arg(long, default_value_t = 5)]
        limit: usize,
    },
    /// What garbage goes out in an area on a day (`--area`), or the sorting
    /// dictionary (`garbage sort ITEM`, `garbage suggest TEXT`).
    Garbage {
        /// The sorting dictionary.
        #[command(subcommand)]
        what: Option<super::garbage::GarbageCommand>,
        /// The collection area (its name in any language).
        #[arg(long)]
        area: Option<String>,
        /// The day (YYYY-MM-DD; default today).
        #[arg(long)]
        date: Option<String>,
    },
    /// Build, verify and import signed content packs.
    #[command(subcommand)]
    Pack(PackCommand),
    /// Make a publisher key pair (publisher.key, publisher.pub).
    Keygen {
        /// Folder to write the keys into.
        #[arg(long)]
        out: PathBuf,
    },
}

/// `machi pack …`.
#[derive(Debug, Subcommand)]
pub enum PackCommand {
    /// Build a signed pack from a source folder (see docs/pack-source.md).
    Build {
        /// The pack source folder.
        src: PathBuf,
        /// The publisher's secret key file.
        #[arg(long)]
        key: PathBuf,
        /// Output folder (earlier packs there get deltas).
        #[arg(long)]
        out: PathBuf,
        /// A FAQ sentence-encoder model file (`machi faq build-encoder`) to ship
        /// beside the pack, listed with its hash in the signed manifest.
        #[arg(long, value_name = "FILE")]
        faq_encoder: Option<PathBuf>,
        /// How many days the signed manifest stays valid: the town rebuilds
        /// (re-signs) its pack before then, and apps whose pack expired say
        /// their information may be out of date.
        #[arg(long, value_name = "DAYS", default_value_t = pack::DEFAULT_VALIDITY_DAYS,
              value_parser = clap::value_parser!(i64).range(1..=366))]
        valid_days: i64,
    },
    /// What is installed: version, who signed it and until when it is valid.
    Status,
    /// Check a built pack: signature, sizes, hashes and content.
    Verify {
        /// The pack folder.
        dir: PathBuf,
        /// The publisher's public key file.
        #[arg(long)]
        pubkey: PathBuf,
    },
    /// Verify and import a pack into the database.
    Import {
        /// The pack folder.
        dir: PathBuf,
        /// The publisher's public key file.
        #[arg(long, env = "MACHI_PUBKEY")]
        pubkey: Option<PathBuf>,
    },
}

/// Runs one content command.
pub fn run(ctx: &Ctx, command: Command) -> Result<(), CliError> {
    match command {
        Command::Spots {
            tag,
            near,
            open_at,
            limit,
        } => spots(ctx, tag, near, open_at, limit),
        Command::Spot { id } => spot(ctx, &id),
        Command::Events { from, to } => events(ctx, from, to),
        Command::Shelters {
            near,
            hazard,
            limit,
        } => shelters(ctx, &near, &hazard, limit),
        Command::Garbage { what, area, date } => match (what, area) {
            (Some(w), _) => super::garbage::run(ctx, w),
            (None, Some(area)) => garbage(ctx, &area, date),
            (None, None) => Err(ctx.err("cli-garbage-need-area", &Args::new())),
        },
        Command::Pack(p) => pack_cmd(ctx, p),
        Command::Keygen { out: dir } => keygen(ctx, dir),
    }
}

/// Parses `LAT,LON` or fails with a localized line.
pub fn parse_point(ctx: &Ctx, v: &str) -> Result<GeoPoint, CliError> {
    GeoPoint::parse(v).map_err(|_| ctx.err("cli-error-bad-point", &Args::new().str("value", v)))
}

/// Parses `YYYY-MM-DD` or fails with a localized line.
pub fn parse_date(ctx: &Ctx, v: &str) -> Result<NaiveDate, CliError> {
    clock::parse_date(v).map_err(|_| ctx.err("cli-error-bad-date", &Args::new().str("value", v)))
}

/// Parses `YYYY-MM-DDTHH:MM[:SS]` (or with a space) or fails with a localized line.
pub fn parse_datetime(ctx: &Ctx, v: &str) -> Result<NaiveDateTime, CliError> {
    clock::parse_datetime(v)
        .map_err(|_| ctx.err("cli-error-bad-datetime", &Args::new().str("value", v)))
}

/// Text for a table cell, with `*` when it is shown in a fallback language.
pub(crate) fn cell(t: &Text, any_fallback: &mut bool) -> String {
    *any_fallback |= t.is_fallback;
    let s = term(&t.text);
    if t.is_fallback {
        format!("{s} *")
    } else {
        s
    }
}

pub(crate) fn opt_cell(t: &Option<Text>, any_fallback: &mut bool) -> String {
    t.as_ref()
        .map(|t| cell(t, any_fallback))
        .unwrap_or_default()
}

pub(crate) fn footnote(ctx: &Ctx, any_fallback: bool) {
    if any_fallback {
        out(&ctx.m("cli-fallback-note"));
    }
}

/// "Open since 14:05" / "Status unknown"; the day too when it is not today.
pub(crate) fn shelter_status(ctx: &Ctx, s: &machi_app::ShelterView) -> String {
    let Some(since) = s.status_since else {
        return ctx.m("shelter-status-unknown");
    };
    let today = chrono::Utc::now()
        .with_timezone(since.offset())
        .date_naive();
    let mut time = term(&ctx.l10n.time(since.time()));
    if since.date_naive() != today {
        time = format!("{} {time}", ctx.date(since.date_naive()));
    }
    let id = format!("shelter-status-{}", s.status.key());
    ctx.msg(&id, &Args::new().str("time", time))
}

fn nothing(ctx: &Ctx) {
    out(&ctx.m("cli-none-found"));
}

fn spots(
    ctx: &Ctx,
    tag: Option<String>,
    near: Option<String>,
    open_at: Option<String>,
    limit: Option<usize>,
) -> Result<(), CliError> {
    let filter = SpotFilter {
        tag,
        near: near.as_deref().map(|v| parse_point(ctx, v)).transpose()?,
        open_at: open_at
            .as_deref()
            .map(|v| parse_datetime(ctx, v))
            .transpose()?,
        limit,
    };
    let m = ctx.machi()?;
    let list = m
        .spots(&filter, ctx.chain())
        .map_err(|e| ctx.app_error(e))?;
    if ctx.json {
        return ctx.print_json(&list);
    }
    if list.is_empty() {
        nothing(ctx);
        return Ok(());
    }
    let mut fb = false;
    let with_distance = filter.near.is_some();
    let mut headers = vec!["cli-col-id", "cli-col-name", "cli-col-tags"];
    if with_distance {
        headers.push("cli-col-distance");
    }
    let rows = list
        .iter()
        .map(|s| {
            let mut r = vec![s.id.clone(), cell(&s.name, &mut fb), ctx.tags(&s.tags)];
            if let Some(d) = s.distance_m {
                r.push(ctx.distance(d));
            }
            r
        })
        .collect();
    ctx.print_table(&headers, rows);
    footnote(ctx, fb);
    Ok(())
}

fn spot(ctx: &Ctx, id: &str) -> Result<(), CliError> {
    let s = ctx
        .machi()?
        .spot(id, ctx.chain())
        .map_err(|e| ctx.app_error(e))?;
    if ctx.json {
        return ctx.print_json(&s);
    }
    let mut fb = false;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut add = |id: &str, v: String| {
        if !v.is_empty() {
            rows.push(vec![ctx.m(id), v]);
        }
    };
    add("cli-field-name", cell(&s.name, &mut fb));
    add("cli-field-description", opt_cell(&s.description, &mut fb));
    add("cli-field-tags", ctx.tags(&s.tags));
    add("cli-field-address", opt_cell(&s.address, &mut fb));
    add(
        "cli-field-location",
        format!("{:.5},{:.5}", s.location.lat, s.location.lon),
    );
    add(
        "cli-field-hours",
        s.opening_hours.clone().unwrap_or_default(),
    );
    add("cli-field-hours-note", opt_cell(&s.hours_note, &mut fb));
    add("cli-field-visit", ctx.duration(s.visit_minutes));
    add("cli-field-fee", opt_cell(&s.fee, &mut fb));
    add("cli-field-access", opt_cell(&s.access, &mut fb));
    add("cli-field-parking", opt_cell(&s.parking, &mut fb));
    add(
        "cli-field-accessibility",
        opt_cell(&s.accessibility, &mut fb),
    );
    add("cli-field-phone", s.phone.clone().unwrap_or_default());
    add("cli-field-url", s.url.clone().unwrap_or_default());
    ctx.print_table(&["cli-col-field", "cli-col-value"], rows);
    footnote(ctx, fb);
    Ok(())
}

fn events(ctx: &Ctx, from: Option<String>, to: Option<String>) -> Result<(), CliError> {
    let from = match from {
        Some(v) => parse_date(ctx, &v)?,
        None => Local::now().date_naive(),
    };
    let to = match to {
        Some(v) => parse_date(ctx, &v)?,
        None => from.checked_add_days(Days::new(30)).unwrap_or(from),
    };
    let list = ctx
        .machi()?
        .events(from, to, ctx.chain())
        .map_err(|e| ctx.app_error(e))?;
    if ctx.json {
        return ctx.print_json(&list);
    }
    if list.is_empty() {
        nothing(ctx);
        return Ok(());
    }
    let mut fb = false;
    let rows = list
        .iter()
        .map(|e| {
            let dates = if e.start_date == e.end_date {
                ctx.date(e.start_date)
            } else {
                format!("{} – {}", ctx.date(e.start_date), ctx.date(e.end_date))
            };
            vec![
                dates,
                cell(&e.name, &mut fb),
                opt_cell(&e.place_name, &mut fb),
                e.id.clone(),
            ]
        })
        .collect();
    ctx.print_table(
        &[
            "cli-col-dates",
            "cli-col-name",
            "cli-col-place",
            "cli-col-id",
        ],
        rows,
    );
    footnote(ctx, fb);
    Ok(())
}

fn shelters(ctx: &Ctx, near: &str, hazards: &[String], limit: usize) -> Result<(), CliError> {
    let near = parse_point(ctx, near)?;
    let hazards = hazards
        .iter()
        .map(|h| {
            h.parse::<Hazard>().map_err(|_| {
                ctx.err(
                    "cli-error-bad-hazard",
                    &Args::new().str("value", h.as_str()),
                )
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let list = ctx
        .machi()?
        .shelters_near(near, &hazards, limit, ctx.chain())
        .map_err(|e| ctx.app_error(e))?;
    if ctx.json {
        return ctx.print_json(&list);
    }
    if list.is_empty() {
        nothing(ctx);
        return Ok(());
    }
    let mut fb = false;
    let rows = list
        .iter()
        .map(|s| {
            let hz = ctx.hazard_names(&s.hazards);
            vec![
                ctx.distance(s.distance_m),
                cell(&s.name, &mut fb),
                shelter_status(ctx, s),
                ctx.list(&hz),
                s.capacity
                    .map(|c| ctx.msg("cli-people", &Args::new().num("count", c)))
                    .unwrap_or_default(),
                opt_cell(&s.address, &mut fb),
            ]
        })
        .collect();
    ctx.print_table(
        &[
            "cli-col-distance",
            "cli-col-name",
            "cli-col-status",
            "cli-col-hazards",
            "cli-col-capacity",
            "cli-col-address",
        ],
        rows,
    );
    footnote(ctx, fb);
    Ok(())
}

fn garbage(ctx: &Ctx, area: &str, date: Option<String>) -> Result<(), CliError> {
    let date = match date {
        Some(v) => parse_date(ctx, &v)?,
        None => Local::now().date_naive(),
    };
    let day = ctx
        .machi()?
        .garbage_day(area, date, ctx.chain())
        .map_err(|e| ctx.app_error(e))?;
    if ctx.json {
        return ctx.print_json(&day);
    }
    let mut fb = false;
    let area_name = cell(&day.area.name, &mut fb);
    out(&ctx.msg(
        "cli-garbage-title",
        &Args::new()
            .str("area", area_name)
            .str("date", ctx.date(day.date)),
    ));
    if let Some((from, to)) = day.closed {
        out(&ctx.msg(
            "cli-garbage-closed",
            &Args::new()
                .str("from", ctx.date(from))
                .str("to", ctx.date(to)),
        ));
    } else if day.collections.is_empty() {
        out(&ctx.m("cli-garbage-nothing"));
    } else {
        let rows = day
            .collections
            .iter()
            .map(|c| vec![cell(&c.name, &mut fb), opt_cell(&c.sublabel, &mut fb)])
            .collect();
        ctx.print_table(&["cli-col-category", "cli-col-how"], rows);
    }
    footnote(ctx, fb);
    Ok(())
}

fn pack_error(ctx: &Ctx, e: impl Into<machi_app::Error>) -> CliError {
    ctx.app_error(e.into())
}

fn pack_cmd(ctx: &Ctx, cmd: PackCommand) -> Result<(), CliError> {
    match cmd {
        PackCommand::Build {
            src,
            key,
            out: out_dir,
            faq_encoder,
            valid_days,
        } => {
            let key = keys::read_signing_key(&key).map_err(|e| pack_error(ctx, e))?;
            let data = source::load_dir(&src).map_err(|e| match e {
                machi_app::content_core::SourceError::Invalid(issues) => {
                    let lines: Vec<String> = issues.iter().map(|i| i.to_string()).collect();
                    CliError(format!(
                        "{}\n{}",
                        ctx.msg("cli-error-source", &Args::new().num("count", issues.len())),
                        lines.join("\n")
                    ))
                }
                other => pack_error(ctx, other),
            })?;
            let options = pack::BuildOptions {
                assets: faq_encoder
                    .into_iter()
                    .map(|f| (pack::FAQ_ENCODER_ASSET.to_string(), f))
                    .collect(),
                ..pack::BuildOptions::valid_for_days(valid_days)
            };
            let r = pack::build_pack_with_options(&data, &key, &out_dir, &options)
                .map_err(|e| pack_error(ctx, e))?;
            if ctx.json {
                return ctx.print_json(&r.manifest);
            }
            let town = Text::resolve(&r.manifest.name, ctx.chain())
                .map(|t| t.text)
                .unwrap_or_default();
            let count = |k: &str| r.manifest.counts.get(k).copied().unwrap_or(0);
            out(&ctx.msg(
                "cli-pack-built",
                &Args::new()
                    .num("version", r.manifest.pack_version)
                    .str("town", town)
                    .str("code", r.manifest.municipality_code.as_str())
                    .str("dir", out_dir.display().to_string())
                    .num("spots", count("spots"))
                    .num("shelters", count("shelters"))
                    .num("faq", count("faq"))
                    .num("deltas", r.manifest.deltas.len()),
            ));
            Ok(())
        }
        PackCommand::Verify { dir, pubkey } => {
            let key = keys::read_verifying_key(&pubkey).map_err(|e| pack_error(ctx, e))?;
            let v = pack::verify_dir(&dir, &key).map_err(|e| pack_error(ctx, e))?;
            if ctx.json {
                return ctx.print_json(&v.manifest);
            }
            let town = Text::resolve(&v.manifest.name, ctx.chain())
                .map(|t| t.text)
                .unwrap_or_default();
            out(&ctx.msg(
                "cli-pack-verified",
                &Args::new()
                    .num("version", v.manifest.pack_version)
                    .str("town", town)
                    .str("code", v.manifest.municipality_code.as_str()),
            ));
            Ok(())
        }
        PackCommand::Status => {
            let machi = ctx.machi()?;
            let info = machi.pack_info(ctx.chain()).map_err(|e| ctx.app_error(e))?;
            let line = machi
                .pack_status_line(&ctx.l10n, chrono::Utc::now())
                .map_err(|e| ctx.app_error(e))?;
            if ctx.json {
                return ctx.print_json(&serde_json::json!({ "pack": info, "status": line }));
            }
            let line = line.ok_or_else(|| ctx.err("demo-no-pack", &Args::new()))?;
            out(&term(&line));
            if let Some(info) = info {
                if let Some(key) = &info.signed_by {
                    out(&ctx.msg("cli-pack-signed-by", &Args::new().str("key", key.as_str())));
                }
                // The data's terms (GSI shelters and others) require showing these.
                for line in &info.attribution {
                    out(&term(line));
                }
            }
            Ok(())
        }
        PackCommand::Import { dir, pubkey } => {
            let pubkey = pubkey.ok_or_else(|| ctx.err("cli-error-no-pubkey", &Args::new()))?;
            let key = keys::read_verifying_key(&pubkey).map_err(|e| pack_error(ctx, e))?;
            let s = ctx
                .machi()?
                .import_pack_dir(&dir, Some(&key))
                .map_err(|e| ctx.app_error(e))?;
            if ctx.json {
                return ctx.print_json(&s);
            }
            let line = match s.kind {
                ImportKind::Full => ctx.msg(
                    "cli-pack-imported-full",
                    &Args::new().num("version", s.pack_version),
                ),
                ImportKind::Delta { from_version } => ctx.msg(
                    "cli-pack-imported-delta",
                    &Args::new()
                        .num("version", s.pack_version)
                        .num("from", from_version),
                ),
            };
            out(&line);
            Ok(())
        }
    }
}

fn keygen(ctx: &Ctx, dir: PathBuf) -> Result<(), CliError> {
    let key = keys::generate().map_err(|e| pack_error(ctx, e))?;
    keys::write_keypair(&dir, &key).map_err(|e| pack_error(ctx, e))?;
    let secret = dir.join(keys::SECRET_KEY_FILE).display().to_string();
    let public = dir.join(keys::PUBLIC_KEY_FILE).display().to_string();
    if ctx.json {
        return ctx.print_json(&serde_json::json!({
            "secret_key_file": secret,
            "public_key_file": public,
            "public_key": keys::encode_verifying_key(&key.verifying_key()),
            "key_id": keys::key_id(&key.verifying_key()),
        }));
    }
    out(&ctx.msg(
        "cli-keygen-done",
        &Args::new().str("secret", secret).str("public", public),
    ));
    Ok(())
}
