//! `machi transit departures`: the next vehicles leaving a stop, like the
//! departure board at a station.

use machi_app::common::Lang;
use machi_app::transit_core::format_hhmm;
use machi_app::TransitDepartureView;
use machi_i18n::Args;
use serde::Serialize;

use super::content::parse_date;
use super::transit::{parse_time, transit_error};
use crate::ctx::{out, CliError, Ctx};

/// The board as `--json` prints it.
#[derive(Serialize)]
struct BoardOut<'a> {
    stop: String,
    date: &'a str,
    departures: Vec<TransitDepartureView>,
}

/// Runs `machi transit departures`.
pub(super) fn departures(
    ctx: &Ctx,
    stop: &str,
    date: &str,
    time: &str,
    count: usize,
) -> Result<(), CliError> {
    let day = parse_date(ctx, date)?;
    let from = parse_time(ctx, time)?;
    let lang = Some(ctx.chain().first().copied().unwrap_or(Lang::Ja));
    let machi = ctx.machi()?;
    let count = u32::try_from(count).unwrap_or(u32::MAX);
    let rows = machi
        .transit_departures(stop, day, from, count, lang)
        .map_err(|e| transit_error(ctx, e))?;
    let stop_name = machi
        .transit_stop_name(stop, lang)
        .map_err(|e| transit_error(ctx, e))?;
    if ctx.json {
        return ctx.print_json(&BoardOut {
            stop: stop_name,
            date,
            departures: rows,
        });
    }
    let args = Args::new()
        .str("stop", stop_name.as_str())
        .str("date", date)
        .str("time", format_hhmm(from));
    if rows.is_empty() {
        out(&ctx.msg("transit-departures-none", &args));
        return Ok(());
    }
    out(&ctx.msg("transit-departures-header", &args));
    for r in &rows {
        let args = Args::new()
            .str("time", r.time.as_str())
            .str("route", r.line_name.as_str())
            .str("headsign", r.headsign.as_str());
        let line = match &r.platform {
            Some(p) => ctx.msg(
                "transit-departure-platform",
                &args.str("platform", p.as_str()),
            ),
            None => ctx.msg("transit-departure", &args),
        };
        out(&format!("  {line}"));
    }
    Ok(())
}
