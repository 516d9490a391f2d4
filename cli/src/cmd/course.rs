//! `machi course …`: a model course for the visitor's time and interests, and
//! `machi eval course …`: the itinerary solver on public benchmark sets.

use std::path::PathBuf;

use chrono::NaiveTime;
use clap::Subcommand;
use machi_app::common::clock;
use machi_app::{CourseMode, CoursePace, CoursePlace, CoursePlanView, CourseRequest, CourseView};
use machi_i18n::Args;

use crate::cmd::content::{parse_date, parse_point};
use crate::ctx::{out, term, CliError, Ctx};

/// The course commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Suggest a model course: stops with times, travel legs and why each stop was chosen.
    Course(Box<CourseArgs>),
}

/// `machi course` options (boxed: the option set is large beside other commands).
#[derive(Debug, clap::Args)]
pub struct CourseArgs {
    /// Hours available per day (or give --end-time).
    #[arg(long)]
    pub hours: Option<f64>,
    /// Time to be back each day, HH:MM (instead of --hours).
    #[arg(long, value_name = "HH:MM")]
    pub end_time: Option<String>,
    /// Start spot id, or a short alias such as `station`.
    #[arg(long, value_name = "ID", conflicts_with = "start")]
    pub start_spot: Option<String>,
    /// Start coordinate, LAT,LON.
    #[arg(long, value_name = "LAT,LON")]
    pub start: Option<String>,
    /// End spot id (default: back to the start).
    #[arg(long, value_name = "ID", conflicts_with = "end")]
    pub end_spot: Option<String>,
    /// End coordinate, LAT,LON.
    #[arg(long, value_name = "LAT,LON")]
    pub end: Option<String>,
    /// Date of the (first) day, YYYY-MM-DD (default: today).
    #[arg(long)]
    pub date: Option<String>,
    /// Departure time, HH:MM.
    #[arg(long, default_value = "10:00", value_name = "HH:MM")]
    pub time: String,
    /// walk, bicycle, car, bus (estimated) or transit (the town's bus and
    /// train timetable, with walks between).
    #[arg(long, default_value = "walk")]
    pub mode: String,
    /// Accept taxi rides up to this many yen over the trip.
    #[arg(long, value_name = "YEN")]
    pub taxi_budget: Option<u32>,
    /// Accept a rental bicycle from a rental station at the start.
    #[arg(long)]
    pub bicycle: bool,
    /// The longest walk of one leg, minutes (default 20 with transit, a
    /// taxi or a bicycle; no limit for a plain walk).
    #[arg(long, value_name = "MIN")]
    pub max_walk: Option<u32>,
    /// Interest tags, comma-separated (e.g. nature,history).
    #[arg(long, value_delimiter = ',')]
    pub interests: Vec<String>,
    /// relaxed, normal or packed.
    #[arg(long, default_value = "normal")]
    pub pace: String,
    /// A spot that must be visited (repeatable).
    #[arg(long = "must", value_name = "ID")]
    pub must: Vec<String>,
    /// A spot to leave out (repeatable).
    #[arg(long = "exclude", value_name = "ID")]
    pub exclude: Vec<String>,
    /// Number of days.
    #[arg(long, default_value_t = 1)]
    pub days: u32,
}

fn invalid(ctx: &Ctx, reason: String) -> CliError {
    ctx.err(
        "error-invalid-input-detail",
        &Args::new().str("reason", reason),
    )
}

fn parse_time(ctx: &Ctx, text: &str) -> Result<NaiveTime, CliError> {
    clock::parse_time(text).map_err(|e| invalid(ctx, e.to_string()))
}

/// Runs one course command.
pub fn run(ctx: &Ctx, command: Command) -> Result<(), CliError> {
    let Command::Course(args) = command;
    let CourseArgs {
        hours,
        end_time,
        start_spot,
        start,
        end_spot,
        end,
        date,
        time,
        mode,
        interests,
        pace,
        must,
        exclude,
        days,
        taxi_budget,
        bicycle,
        max_walk,
    } = *args;
    let place = |spot: Option<String>, point: Option<String>| -> Result<_, CliError> {
        Ok(match (spot, point) {
            (Some(s), _) => Some(CoursePlace::Spot(s)),
            (None, Some(p)) => Some(CoursePlace::Point(parse_point(ctx, &p)?)),
            (None, None) => None,
        })
    };
    let start = place(start_spot, start)?.unwrap_or_else(|| CoursePlace::Spot("station".into()));
    let request = CourseRequest {
        date: match date {
            Some(d) => parse_date(ctx, &d)?,
            None => chrono::Local::now().date_naive(),
        },
        start_time: parse_time(ctx, &time)?,
        hours: if hours.is_none() && end_time.is_none() {
            Some(4.0)
        } else {
            hours
        },
        end_time: end_time.map(|t| parse_time(ctx, &t)).transpose()?,
        start,
        end: place(end_spot, end)?,
        mode: mode
            .parse::<CourseMode>()
            .map_err(|e| invalid(ctx, e.to_string()))?,
        interests: interests
            .into_iter()
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect(),
        pace: pace
            .parse::<CoursePace>()
            .map_err(|e| invalid(ctx, e.to_string()))?,
        must_visit: must,
        exclude,
        days,
        max_walk_minutes: max_walk,
        taxi_budget_yen: taxi_budget,
        bicycle,
    };
    let view = ctx
        .machi()?
        .suggest_course(&request, &ctx.l10n)
        .map_err(|e| ctx.app_error(e))?;
    if ctx.json {
        return ctx.print_json(&view);
    }
    print_view(ctx, &view);
    Ok(())
}

fn print_plan(ctx: &Ctx, plan: &CoursePlanView) {
    let multi = plan.days.len() > 1;
    for (n, day) in plan.days.iter().enumerate() {
        if multi || n == 0 {
            out(&ctx.msg(
                "course-day-heading",
                &Args::new()
                    .num("day", n + 1)
                    .str("date", day.date_label.clone()),
            ));
        }
        out(&ctx.msg(
            "course-timeline-depart",
            &Args::new()
                .str("time", day.depart_label.clone())
                .str("place", day.start_name.clone()),
        ));
        for (i, leg) in day.legs.iter().enumerate() {
            let mut line = format!("   ↓ {}", term(&leg.description));
            if !leg.congestion_notes.is_empty() {
                line.push_str(&format!("  ⚠ {}", ctx.list(&leg.congestion_notes)));
            }
            out(&line);
            if let Some(stop) = day.stops.get(i) {
                out(&ctx.msg(
                    "course-timeline-stop",
                    &Args::new()
                        .str("arrival", stop.arrival_label.clone())
                        .str("leave", stop.leave_label.clone())
                        .str("name", stop.name.clone()),
                ));
                for e in &stop.explanations {
                    out(&format!("      · {}", term(e)));
                }
            }
        }
        out(&ctx.msg(
            "course-timeline-arrive",
            &Args::new()
                .str("time", day.arrive_label.clone())
                .str("place", day.end_name.clone()),
        ));
    }
    out(&term(&plan.totals_label));
    if plan.transit_yen + plan.taxi_yen + plan.bicycle_yen > 0 {
        out(&term(
            &ctx.msg(
                "course-costs",
                &Args::new()
                    .num("transit", plan.transit_yen)
                    .num("taxi", plan.taxi_yen)
                    .num("bicycle", plan.bicycle_yen)
                    .num("walk", plan.longest_walk_minutes),
            ),
        ));
    }
}

/// Prints a course timeline, its congestion notes and the alternatives.
pub(crate) fn print_view(ctx: &Ctx, view: &CourseView) {
    print_plan(ctx, &view.main);
    if !view.congestion.is_empty() {
        out("");
        out(&ctx.m("course-congestion-heading"));
        for c in &view.congestion {
            out(&format!("  ⚠ {}: {}", term(&c.name), term(&c.note)));
        }
    }
    if !view.alternatives.is_empty() {
        out("");
        out(&ctx.m("course-alternatives-heading"));
        for (i, alt) in view.alternatives.iter().enumerate() {
            let names: Vec<String> = alt
                .days
                .iter()
                .flat_map(|d| d.stops.iter().map(|s| s.name.clone()))
                .collect();
            out(&format!(
                "  {}",
                ctx.msg(
                    "course-alternative",
                    &Args::new().num("n", i + 1).str("spots", names.join(" → ")),
                )
            ));
            out(&format!("    {}", term(&alt.totals_label)));
        }
    }
}

/// `machi eval course …`.
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Run the itinerary solver on (T)OPTW / TTDP / TOP benchmark files; gap to best known, time.
    Course {
        /// Folder of instance files (searched recursively) or one file.
        #[arg(long)]
        instances: PathBuf,
        /// Best-known-value tables (bks.csv or the reference results CSV), first match wins.
        #[arg(long)]
        bks: Vec<PathBuf>,
        /// Number of tours m (default: 1 for TOPTW, the file's value otherwise).
        #[arg(long)]
        tours: Option<usize>,
        /// Wall-clock budget per run, ms.
        #[arg(long, default_value_t = 1000)]
        time_limit_ms: u64,
        /// Iteration cap per run (makes runs machine-independent).
        #[arg(long)]
        max_iterations: Option<u64>,
        /// Seeds 1..=N per instance (the median is reported).
        #[arg(long, default_value_t = 3)]
        seeds: u32,
    },
    /// Plan quality on visitor requests (a TOML list of [[scenario]]): time at
    /// sights, walking, taxi spend, waits, infeasibility, score against walking.
    Plan {
        /// The scenario file (e.g. eval/plan-scenarios.toml).
        #[arg(long)]
        scenarios: PathBuf,
    },
}

/// A scenario file: `[[scenario]]` tables.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ScenarioFile {
    scenario: Vec<machi_app::PlanScenario>,
}

fn run_eval_plan(ctx: &Ctx, scenarios: PathBuf) -> Result<(), CliError> {
    let text = std::fs::read_to_string(&scenarios)
        .map_err(|e| invalid(ctx, format!("{}: {e}", scenarios.display())))?;
    let file: ScenarioFile =
        toml::from_str(&text).map_err(|e| invalid(ctx, format!("{}: {e}", scenarios.display())))?;
    if file.scenario.is_empty() {
        return Err(invalid(
            ctx,
            format!("{}: no [[scenario]]", scenarios.display()),
        ));
    }
    let report = ctx
        .machi()?
        .eval_plan(&file.scenario, &ctx.l10n)
        .map_err(|e| ctx.app_error(e))?;
    if ctx.json {
        return ctx.print_json(&report);
    }
    // An evaluation table for developers and publishers (ids and figures).
    out(machi_app::format_plan_eval(&report).trim_end());
    Ok(())
}

/// Runs a `machi eval course` command.
pub fn run_eval(ctx: &Ctx, command: EvalCommand) -> Result<(), CliError> {
    let opts = match command {
        EvalCommand::Plan { scenarios } => return run_eval_plan(ctx, scenarios),
        EvalCommand::Course {
            instances,
            bks,
            tours,
            time_limit_ms,
            max_iterations,
            seeds,
        } => machi_app::CourseEvalOptions {
            instances,
            bks,
            tours,
            time_limit_ms,
            max_iterations,
            seeds,
        },
    };
    let report = machi_app::eval_course(&opts).map_err(|e| invalid(ctx, e.to_string()))?;
    if ctx.json {
        return ctx.print_json(&report);
    }
    // The benchmark table is a publisher tool's output (instance names, numbers).
    out(machi_app::format_course_eval(&report).trim_end());
    Ok(())
}
