//! `machi transit route` and `machi transit departures`: walk + bus/train
//! journeys and stop boards over the installed pack's GTFS-JP timetable
//! (issue 16).

use chrono::NaiveTime;
use clap::Subcommand;
use machi_app::common::Lang;
use machi_app::{TransitError, TransitJourneyView};
use machi_i18n::Args;

use super::content::parse_date;
use crate::ctx::{out, term, CliError, Ctx};

/// The public-transport commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Public transport from the installed pack's timetable.
    #[command(subcommand)]
    Transit(TransitCommand),
}

/// `machi transit …`.
#[derive(Debug, Subcommand)]
pub enum TransitCommand {
    /// The earliest arrival (or with --arrive-by the latest departure)
    /// between two stops or points, with walks, rides, times and fares.
    Route {
        /// Start: a stop name or id, or LAT,LON.
        #[arg(long)]
        from: String,
        /// Destination: a stop name or id, or LAT,LON.
        #[arg(long)]
        to: String,
        /// The day of travel (YYYY-MM-DD).
        #[arg(long)]
        date: String,
        /// Leave at (or with --arrive-by: arrive by) HH:MM.
        #[arg(long, value_name = "HH:MM")]
        time: String,
        /// Treat --time as the latest arrival.
        #[arg(long)]
        arrive_by: bool,
    },
    /// The next departures from a stop (a station: all its poles).
    Departures {
        /// The stop: its name or id.
        #[arg(long)]
        stop: String,
        /// The day (YYYY-MM-DD).
        #[arg(long)]
        date: String,
        /// From this time on (HH:MM).
        #[arg(long, value_name = "HH:MM")]
        time: String,
        /// How many departures to list.
        #[arg(long, default_value_t = 10)]
        count: usize,
    },
}

/// Runs one transit command.
pub fn run(ctx: &Ctx, command: Command) -> Result<(), CliError> {
    match command {
        Command::Transit(TransitCommand::Route {
            from,
            to,
            date,
            time,
            arrive_by,
        }) => route(ctx, &from, &to, &date, &time, arrive_by),
        Command::Transit(TransitCommand::Departures {
            stop,
            date,
            time,
            count,
        }) => super::transit_board::departures(ctx, &stop, &date, &time, count),
    }
}

/// `HH:MM` as seconds after midnight, or a localized error.
pub(super) fn parse_time(ctx: &Ctx, v: &str) -> Result<u32, CliError> {
    NaiveTime::parse_from_str(v, "%H:%M")
        .map(|t| chrono::Timelike::num_seconds_from_midnight(&t))
        .map_err(|_| ctx.err("transit-error-bad-time", &Args::new().str("value", v)))
}

fn route(
    ctx: &Ctx,
    from: &str,
    to: &str,
    date: &str,
    time: &str,
    arrive_by: bool,
) -> Result<(), CliError> {
    let lang = ctx.chain().first().copied().unwrap_or(Lang::Ja);
    let date = parse_date(ctx, date)?;
    let time = parse_time(ctx, time)?;
    let found = ctx
        .machi()?
        .transit_route(from, to, date, time, arrive_by, Some(lang))
        .map_err(|e| transit_error(ctx, e))?;
    let Some(j) = found else {
        return Err(ctx.err(
            "transit-error-no-connection",
            &Args::new().str("from", from).str("to", to),
        ));
    };
    if ctx.json {
        return ctx.print_json(&j);
    }
    print_journey(ctx, &j);
    Ok(())
}

/// A facade transit error as a localized line.
pub(super) fn transit_error(ctx: &Ctx, e: TransitError) -> CliError {
    match e {
        TransitError::NoTimetable => ctx.err("transit-error-no-timetable", &Args::new()),
        TransitError::BadTimetable(reason) => ctx.err(
            "transit-error-bad-timetable",
            &Args::new().str("reason", reason),
        ),
        TransitError::UnknownStop(stop) => {
            ctx.err("transit-error-unknown-stop", &Args::new().str("stop", stop))
        }
        TransitError::BadPoint(value) => {
            ctx.err("transit-error-bad-point", &Args::new().str("value", value))
        }
        TransitError::Search(reason) => {
            ctx.err("transit-error-search", &Args::new().str("reason", reason))
        }
        TransitError::Store(e) => ctx.app_error(e),
    }
}

fn print_journey(ctx: &Ctx, j: &TransitJourneyView) {
    let fare = |y: Option<u32>| match y {
        Some(y) => ctx.msg("transit-fare", &Args::new().num("yen", y)),
        None => ctx.m("transit-fare-unknown"),
    };
    out(&ctx.msg(
        "transit-journey",
        &Args::new()
            .str("depart", j.depart_hhmm.as_str())
            .str("arrive", j.arrive_hhmm.as_str())
            .num("transfers", j.transfers)
            .str("fare", fare(j.fare_yen)),
    ));
    let text = |t: &Option<String>| t.clone().unwrap_or_default();
    for leg in &j.legs {
        let line = if leg.kind == "walk" {
            ctx.msg(
                "transit-leg-walk",
                &Args::new()
                    .str("depart", leg.depart_hhmm.as_str())
                    .num("minutes", leg.walk_minutes)
                    .num("metres", leg.walk_metres),
            )
        } else {
            ctx.msg(
                "transit-leg-ride",
                &Args::new()
                    .str("route", text(&leg.line_name))
                    .str("depart", leg.depart_hhmm.as_str())
                    .str("arrive", leg.arrive_hhmm.as_str())
                    .str("from", text(&leg.from_name))
                    .str("to", text(&leg.to_name))
                    .str("headsign", text(&leg.headsign))
                    .str("fare", fare(leg.fare_yen)),
            )
        };
        out(&format!("  {}", term(&line)));
    }
}
