//! `machi garbage sort ITEM` and `machi garbage suggest TEXT`: the sorting
//! dictionary (ごみ分別辞典) on the terminal.

use chrono::Local;
use clap::Subcommand;
use machi_i18n::Args;

use super::content::{cell, footnote, opt_cell, parse_date};
use crate::ctx::{out, term, CliError, Ctx};

/// The dictionary commands.
#[derive(Debug, Subcommand)]
pub enum GarbageCommand {
    /// Where an item goes: its category, how to put it out and, with
    /// --area, the next collection day.
    Sort {
        /// The item, in any language (傘, かさ, kasa, umbrella, 雨伞, 우산).
        item: String,
        /// Your collection area (its name in any language).
        #[arg(long)]
        area: Option<String>,
        /// Count collection days from this day (YYYY-MM-DD; default today).
        #[arg(long)]
        date: Option<String>,
        /// How many items at most.
        #[arg(long, default_value_t = 3)]
        limit: usize,
    },
    /// Items matching what has been typed so far.
    Suggest {
        /// The text typed so far.
        typed: String,
        /// How many suggestions at most.
        #[arg(long, default_value_t = 8)]
        limit: usize,
    },
}

/// Runs one dictionary command.
pub fn run(ctx: &Ctx, command: GarbageCommand) -> Result<(), CliError> {
    match command {
        GarbageCommand::Sort {
            item,
            area,
            date,
            limit,
        } => sort(ctx, &item, area.as_deref(), date, limit),
        GarbageCommand::Suggest { typed, limit } => suggest(ctx, &typed, limit),
    }
}

fn sort(
    ctx: &Ctx,
    item: &str,
    area: Option<&str>,
    date: Option<String>,
    limit: usize,
) -> Result<(), CliError> {
    let from = match date {
        Some(v) => parse_date(ctx, &v)?,
        None => Local::now().date_naive(),
    };
    let view = ctx
        .machi()?
        .garbage_sort(item, area, from, limit, ctx.chain())
        .map_err(|e| ctx.app_error(e))?;
    if ctx.json {
        return ctx.print_json(&view);
    }
    if view.matches.is_empty() {
        out(&ctx.msg("cli-garbage-sort-none", &Args::new().str("query", item)));
        return Ok(());
    }
    let mut fb = false;
    for (i, m) in view.matches.iter().enumerate() {
        if i > 0 {
            out("");
        }
        let category = cell(&m.category, &mut fb);
        out(&format!("{} → {category}", cell(&m.item, &mut fb)));
        if term(&m.item.text) != term(&m.matched) && m.item_ja != m.matched {
            out(&format!(
                "  ({})",
                ctx.msg(
                    "cli-garbage-sort-matched",
                    &Args::new().str("matched", m.matched.as_str())
                )
            ));
        }
        for t in [&m.category_how, &m.how, &m.notice, &m.caution] {
            let line = opt_cell(t, &mut fb);
            if !line.is_empty() {
                out(&format!("  {line}"));
            }
        }
        if let Some(a) = &view.area {
            let area = cell(&a.name, &mut fb);
            out(&match m.next_collection {
                Some(d) => format!(
                    "  {}",
                    ctx.msg(
                        "cli-garbage-sort-next",
                        &Args::new().str("area", area).str("date", ctx.date(d))
                    )
                ),
                None => format!(
                    "  {}",
                    ctx.msg(
                        "cli-garbage-sort-no-schedule",
                        &Args::new().str("area", area)
                    )
                ),
            });
        }
    }
    if view.area.is_none() {
        out("");
        out(&ctx.m("cli-garbage-sort-area-hint"));
    }
    footnote(ctx, fb);
    Ok(())
}

fn suggest(ctx: &Ctx, typed: &str, limit: usize) -> Result<(), CliError> {
    let list = ctx
        .machi()?
        .garbage_suggest(typed, limit, ctx.chain())
        .map_err(|e| ctx.app_error(e))?;
    if ctx.json {
        return ctx.print_json(&list);
    }
    let mut fb = false;
    let rows = list
        .iter()
        .map(|s| vec![cell(&s.item, &mut fb), cell(&s.category, &mut fb)])
        .collect();
    ctx.print_table(&["cli-garbage-col-item", "cli-col-category"], rows);
    footnote(ctx, fb);
    Ok(())
}
