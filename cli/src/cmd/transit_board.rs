//! `machi transit departures`: the next vehicles leaving a stop, like the
//! departure board at a station.

use machi_i18n::Args;
use machi_transit::{format_hhmm, CalendarOptions, Name, StopKind, Timetable};
use serde::Serialize;

use super::content::parse_date;
use super::transit::{parse_time, timetable};
use crate::ctx::{out, CliError, Ctx};

/// One departure as `--json` prints it.
#[derive(Serialize)]
struct DepartureOut {
    /// `H:MM`.
    time: String,
    /// Seconds after midnight of the date.
    seconds: u32,
    route: String,
    headsign: String,
    /// The pole's `platform_code`, if any.
    platform: Option<String>,
    stop_id: String,
}

/// The board as `--json` prints it.
#[derive(Serialize)]
struct BoardOut {
    stop: String,
    date: String,
    departures: Vec<DepartureOut>,
}

/// The stops a name or id stands for: a station of that name (all its
/// poles), else every pole of that name (a stop often has one pole per
/// direction), else the stop with that id.
fn stops_for(tt: &Timetable, v: &str) -> Vec<u32> {
    let named = tt.stops_named(v.trim());
    if let Some(&station) = named
        .iter()
        .find(|&&i| tt.stops[i as usize].kind == StopKind::Station)
    {
        return vec![station];
    }
    if !named.is_empty() {
        return named;
    }
    tt.stop_by_id(v.trim()).into_iter().collect()
}

/// Runs `machi transit departures`.
pub(super) fn departures(
    ctx: &Ctx,
    stop: &str,
    date: &str,
    time: &str,
    count: usize,
) -> Result<(), CliError> {
    let tt = timetable(ctx)?;
    let day = parse_date(ctx, date)?;
    let from = parse_time(ctx, time)?;
    let stops = stops_for(&tt, stop);
    let Some(&first) = stops.first() else {
        return Err(ctx.err("transit-error-unknown-stop", &Args::new().str("stop", stop)));
    };
    let mut found: Vec<_> = stops
        .iter()
        .flat_map(|&s| tt.departures(s, day, from, count, CalendarOptions::default()))
        .collect();
    found.sort_by_key(|d| (d.time, d.stop, d.trip));
    found.dedup();
    found.truncate(count);
    let chain = ctx.chain();
    let name = |n: &Name| n.text.text_for(chain).to_string();
    let stop_name = name(&tt.stops[first as usize].name);
    let rows: Vec<DepartureOut> = found
        .iter()
        .filter_map(|d| {
            let route = tt.routes.get(d.route as usize)?;
            let route_name = if route.short_name.is_empty() {
                &route.long_name
            } else {
                &route.short_name
            };
            Some(DepartureOut {
                time: format_hhmm(d.time),
                seconds: d.time,
                route: name(route_name),
                headsign: name(&tt.trips.get(d.trip as usize)?.headsign),
                platform: tt.stops.get(d.stop as usize)?.platform.clone(),
                stop_id: tt.stops.get(d.stop as usize)?.id.clone(),
            })
        })
        .collect();
    if ctx.json {
        return ctx.print_json(&BoardOut {
            stop: stop_name,
            date: date.to_string(),
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
            .str("route", r.route.as_str())
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
