//! `machi transit route` and `machi transit departures`: walk + bus/train
//! journeys and stop boards over the installed pack's GTFS-JP timetable
//! (issue 16).

use chrono::NaiveTime;
use clap::Subcommand;
use machi_app::common::{GeoPoint, Lang};
use machi_app::content_core::Store;
use machi_i18n::Args;
use machi_transit::{format_hhmm, Journey, Leg, Place, Query, Router, SearchParams, Timetable};

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
    let (from, to) = (from.to_string(), to.to_string());
    let tt = timetable(ctx)?;
    let lang = ctx.chain().first().copied().unwrap_or(Lang::Ja);
    let date = parse_date(ctx, date)?;
    let time = parse_time(ctx, time)?;
    let q = Query {
        from: place(ctx, &tt, &from)?,
        to: place(ctx, &tt, &to)?,
        date,
        time,
        lang,
    };
    let router = Router::new(&tt, SearchParams::default());
    let found = if arrive_by {
        router.latest_departure(&q)
    } else {
        router.earliest_arrival(&q)
    }
    .map_err(|e| {
        ctx.err(
            "transit-error-search",
            &Args::new().str("reason", e.to_string()),
        )
    })?;
    let Some(j) = found else {
        return Err(ctx.err(
            "transit-error-no-connection",
            &Args::new().str("from", &from).str("to", &to),
        ));
    };
    if ctx.json {
        return ctx.print_json(&j);
    }
    print_journey(ctx, &j);
    Ok(())
}

/// The installed pack's timetable, or a typed error when it has none.
pub(super) fn timetable(ctx: &Ctx) -> Result<Timetable, CliError> {
    // Opening the app first migrates the database and installs the
    // embedded town when it is empty; the timetable is then read directly.
    ctx.machi()?;
    let bad = |reason: String| {
        ctx.err(
            "transit-error-bad-timetable",
            &Args::new().str("reason", reason),
        )
    };
    let store = Store::open(&ctx.db_path()?).map_err(|e| bad(e.to_string()))?;
    let data = store
        .transit()
        .map_err(|e| bad(e.to_string()))?
        .ok_or_else(|| ctx.err("transit-error-no-timetable", &Args::new()))?;
    Timetable::from_blob(data.blob.as_bytes()).map_err(|e| bad(e.to_string()))
}

/// `LAT,LON`, else a stop by exact name (any language) or id.
fn place(ctx: &Ctx, tt: &Timetable, v: &str) -> Result<Place, CliError> {
    if let Some((a, b)) = v.split_once(',') {
        if let (Ok(lat), Ok(lon)) = (a.trim().parse::<f64>(), b.trim().parse::<f64>()) {
            return GeoPoint::new(lat, lon)
                .map(Place::Point)
                .map_err(|_| ctx.err("transit-error-bad-point", &Args::new().str("value", v)));
        }
    }
    // A name shared by a station and its poles: the station (its poles are
    // all boarded from it), else the first pole.
    let named = tt.stops_named(v.trim());
    let pick = named
        .iter()
        .copied()
        .find(|&i| tt.stops[i as usize].kind != machi_transit::StopKind::Stop)
        .or_else(|| named.first().copied())
        .or_else(|| tt.stop_by_id(v.trim()));
    pick.map(Place::Stop)
        .ok_or_else(|| ctx.err("transit-error-unknown-stop", &Args::new().str("stop", v)))
}

fn print_journey(ctx: &Ctx, j: &Journey) {
    let fare = |y: Option<u32>| match y {
        Some(y) => ctx.msg("transit-fare", &Args::new().num("yen", y)),
        None => ctx.m("transit-fare-unknown"),
    };
    out(&ctx.msg(
        "transit-journey",
        &Args::new()
            .str("depart", format_hhmm(j.depart))
            .str("arrive", format_hhmm(j.arrive))
            .num("transfers", j.transfers)
            .str("fare", fare(j.fare_yen)),
    ));
    for leg in &j.legs {
        let line = match leg {
            Leg::Walk(w) => ctx.msg(
                "transit-leg-walk",
                &Args::new()
                    .str("depart", format_hhmm(w.depart))
                    .num("minutes", w.minutes)
                    .num("metres", w.metres),
            ),
            Leg::Ride(r) => ctx.msg(
                "transit-leg-ride",
                &Args::new()
                    .str("route", r.route_name.as_str())
                    .str("depart", format_hhmm(r.depart))
                    .str("arrive", format_hhmm(r.arrive))
                    .str("from", r.from_name.as_str())
                    .str("to", r.to_name.as_str())
                    .str("headsign", r.headsign.as_str())
                    .str("fare", fare(r.fare_yen)),
            ),
        };
        out(&format!("  {}", term(&line)));
    }
}
