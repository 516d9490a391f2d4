//! `machi demo`: a tour of what the app offers, on the embedded sample town,
//! in the reader's language — the first thing a new developer runs.
//!
//! It opens an in-memory store (unless `--db` is given), so it needs no
//! setup, no network and leaves nothing behind.

use chrono::{Duration, Local, NaiveDate, NaiveTime, Utc};
use clap::Args;
use machi_app::common::{GeoPoint, Lang};
use machi_app::{
    CourseMode, CoursePace, CoursePlace, CourseRequest, FaqReplyKind, Machi, NoticeQuery,
    OpenOptions, SpotFilter,
};
use machi_i18n::Args as MsgArgs;
use serde_json::{json, Value};

use crate::ctx::{out, term, CliError, Ctx};

/// Options of `machi demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// The day to show (YYYY-MM-DD; default today).
    #[arg(long)]
    date: Option<String>,
}

/// Where the demo stands: in front of Takahagi station, where visitors arrive.
const DEMO_POINT: (f64, f64) = (36.7191, 140.7107);

/// Runs the demo.
pub fn run(ctx: &Ctx, args: DemoArgs) -> Result<(), CliError> {
    let date = match &args.date {
        Some(d) => crate::cmd::content::parse_date(ctx, d)?,
        None => Local::now().date_naive(),
    };
    let machi = Machi::open(OpenOptions {
        db_path: ctx.db.clone(),
        faq_encoder: ctx.faq_encoder.clone(),
        ..Default::default()
    })
    .map_err(|e| ctx.app_error(e))?;
    let here = GeoPoint::new(DEMO_POINT.0, DEMO_POINT.1).map_err(|e| CliError(e.to_string()))?;

    let mut report = serde_json::Map::new();
    report.insert("town".into(), town(ctx, &machi)?);
    report.insert("spots".into(), spots(ctx, &machi)?);
    report.insert("garbage".into(), garbage(ctx, &machi, date)?);
    report.insert("garbage_lookup".into(), garbage_lookup(ctx, &machi, date)?);
    report.insert("shelters".into(), shelters(ctx, &machi, here)?);
    report.insert(
        "birth_checklist".into(),
        birth_checklist(ctx, &machi, date)?,
    );
    report.insert("course".into(), course(ctx, &machi, date)?);
    report.insert("faq".into(), faq(ctx, &machi)?);
    report.insert("notices".into(), notices(ctx, &machi)?);
    if ctx.json {
        ctx.print_json(&Value::Object(report))?;
    }
    Ok(())
}

fn heading(ctx: &Ctx, id: &str) {
    if !ctx.json {
        out("");
        out(&format!("■ {}", ctx.m(id)));
    }
}

fn town(ctx: &Ctx, machi: &Machi) -> Result<Value, CliError> {
    let info = machi
        .pack_info(ctx.chain())
        .map_err(|e| ctx.app_error(e))?
        .ok_or_else(|| ctx.err("demo-no-pack", &MsgArgs::new()))?;
    let name = info
        .name
        .as_ref()
        .map(|t| t.text.clone())
        .unwrap_or_default();
    if !ctx.json {
        out(&ctx.msg(
            "demo-title",
            &MsgArgs::new()
                .str("town", term(&name))
                .num("version", info.pack_version),
        ));
        for line in &info.attribution {
            out(&format!("  {line}"));
        }
    }
    Ok(json!({ "name": name, "pack_version": info.pack_version, "attribution": info.attribution }))
}

fn spots(ctx: &Ctx, machi: &Machi) -> Result<Value, CliError> {
    heading(ctx, "demo-spots");
    let filter = SpotFilter {
        limit: Some(5),
        ..Default::default()
    };
    let spots = machi
        .spots(&filter, ctx.chain())
        .map_err(|e| ctx.app_error(e))?;
    if !ctx.json {
        let rows = spots
            .iter()
            .map(|s| {
                vec![
                    term(&s.name.text),
                    ctx.tags(&s.tags),
                    ctx.duration(s.visit_minutes),
                ]
            })
            .collect();
        ctx.print_table(&["cli-col-name", "cli-col-tags", "demo-col-visit"], rows);
    }
    Ok(serde_json::to_value(&spots).unwrap_or(Value::Null))
}

fn garbage(ctx: &Ctx, machi: &Machi, date: NaiveDate) -> Result<Value, CliError> {
    heading(ctx, "demo-garbage");
    let areas = machi
        .garbage_areas(ctx.chain())
        .map_err(|e| ctx.app_error(e))?;
    let mut days = Vec::new();
    for area in &areas {
        let day = machi
            .garbage_day(&area.id, date, ctx.chain())
            .map_err(|e| ctx.app_error(e))?;
        if !ctx.json {
            let what = if let Some((from, to)) = day.closed {
                ctx.msg(
                    "cli-garbage-closed",
                    &MsgArgs::new()
                        .str("from", ctx.date(from))
                        .str("to", ctx.date(to)),
                )
            } else if day.collections.is_empty() {
                ctx.m("cli-garbage-nothing")
            } else {
                let names: Vec<String> =
                    day.collections.iter().map(|c| term(&c.name.text)).collect();
                ctx.list(&names)
            };
            out(&ctx.msg(
                "demo-garbage-line",
                &MsgArgs::new()
                    .str("area", term(&area.name.text))
                    .str("date", ctx.date(date))
                    .str("what", what),
            ));
        }
        days.push(day);
    }
    Ok(serde_json::to_value(&days).unwrap_or(Value::Null))
}

/// The sorting dictionary: where an umbrella goes, typed in the reader's
/// language, and when it next goes out in the first area.
fn garbage_lookup(ctx: &Ctx, machi: &Machi, date: NaiveDate) -> Result<Value, CliError> {
    let area = machi
        .garbage_areas(ctx.chain())
        .map_err(|e| ctx.app_error(e))?
        .into_iter()
        .next();
    let query = match ctx.chain().first() {
        Some(Lang::En) => "umbrella",
        Some(Lang::ZhHans) => "雨伞",
        Some(Lang::ZhHant) => "雨傘",
        Some(Lang::Ko) => "우산",
        _ => "かさ",
    };
    let v = machi
        .garbage_sort(
            query,
            area.as_ref().map(|a| a.id.as_str()),
            date,
            1,
            ctx.chain(),
        )
        .map_err(|e| ctx.app_error(e))?;
    if !ctx.json {
        for m in &v.matches {
            out(&format!(
                "{query}: {} → {}",
                term(&m.item.text),
                term(&m.category.text)
            ));
            if let (Some(a), Some(d)) = (&v.area, m.next_collection) {
                out(&format!(
                    "  {}",
                    ctx.msg(
                        "cli-garbage-sort-next",
                        &MsgArgs::new()
                            .str("area", term(&a.name.text))
                            .str("date", ctx.date(d))
                    )
                ));
            }
        }
    }
    Ok(serde_json::to_value(&v).unwrap_or(Value::Null))
}

fn shelters(ctx: &Ctx, machi: &Machi, here: GeoPoint) -> Result<Value, CliError> {
    heading(ctx, "demo-shelters");
    let found = machi
        .shelters_for(here, &[], 3, ctx.chain())
        .map_err(|e| ctx.app_error(e))?;
    if !ctx.json {
        let rows = found
            .iter()
            .map(|c| {
                let hazards = ctx.hazard_names(&c.shelter.hazards);
                vec![
                    term(&c.shelter.name.text),
                    crate::cmd::content::shelter_status(ctx, &c.shelter),
                    ctx.distance(c.shelter.distance_m),
                    ctx.duration(c.walk_minutes),
                    hazards.join(", "),
                ]
            })
            .collect();
        ctx.print_table(
            &[
                "cli-col-name",
                "cli-col-status",
                "cli-col-distance",
                "notices-col-walk",
                "cli-col-hazards",
            ],
            rows,
        );
    }
    Ok(serde_json::to_value(&found).unwrap_or(Value::Null))
}

/// What a family does after a birth, and by when: the checklist for a baby
/// born two days before the demo's day, judged as of that day.
fn birth_checklist(ctx: &Ctx, machi: &Machi, date: NaiveDate) -> Result<Value, CliError> {
    heading(ctx, "demo-procedures");
    let born = date - Duration::days(2);
    let list = machi
        .checklist("birth", born, date, &ctx.l10n)
        .map_err(|e| ctx.app_error(e))?;
    if !ctx.json {
        crate::cmd::procedures::print_checklist(ctx, &list);
    }
    Ok(serde_json::to_value(&list).unwrap_or(Value::Null))
}

/// An unsigned Cancel claiming the sample town's sender id (see the file).
const UNSIGNED_CANCEL: &[u8] = include_bytes!("../../demo/unsigned-cancel.xml");

fn notices(ctx: &Ctx, machi: &Machi) -> Result<Value, CliError> {
    heading(ctx, "demo-notices");
    // Only into the demo's own in-memory store: a forged notice has no place
    // in a database the user keeps.
    if ctx
        .db
        .as_deref()
        .is_none_or(|p| p.as_os_str() == ":memory:")
    {
        machi
            .ingest_notice(UNSIGNED_CANCEL, "demo/unsigned-cancel.xml", Utc::now())
            .map_err(|e| ctx.app_error(e))?;
        if !ctx.json {
            out(&ctx.m("demo-notices-forged"));
        }
    }
    let list = machi
        .notices(&NoticeQuery::default(), &ctx.l10n, Utc::now())
        .map_err(|e| ctx.app_error(e))?;
    if !ctx.json {
        if list.is_empty() {
            out(&ctx.m("notices-none"));
        }
        for n in &list {
            let label = n
                .status_label
                .iter()
                .chain(n.state_label.iter())
                .map(|s| term(s))
                .collect::<Vec<_>>()
                .join(" ");
            out(&format!("[{label}] {}", term(&n.headline)));
            // Verified and unverified side by side: every notice says which.
            let trust = std::iter::once(&n.verification_label)
                .chain(n.refused_label.iter())
                .map(|s| term(s))
                .collect::<Vec<_>>()
                .join(" / ");
            out(&format!("    {trust}"));
        }
    }
    Ok(serde_json::to_value(&list).unwrap_or(Value::Null))
}

fn faq(ctx: &Ctx, machi: &Machi) -> Result<Value, CliError> {
    heading(ctx, "demo-faq");
    // The sample question is asked in the reader's own language, as a resident would.
    let question = ctx.l10n.plain("demo-faq-question", &MsgArgs::new());
    let reply = machi
        .ask(&question, &ctx.l10n)
        .map_err(|e| ctx.app_error(e))?;
    if !ctx.json {
        out(&ctx.msg(
            "demo-faq-asked",
            &MsgArgs::new().str("question", question.clone()),
        ));
        if !reply.message.is_empty() {
            out(&term(&reply.message));
        }
        match (reply.kind, reply.answers.first()) {
            (FaqReplyKind::Answer, Some(a)) => {
                out(&term(&a.question));
                out(&term(&a.answer));
                if let Some(note) = &a.note {
                    out(&term(note));
                }
                if let Some(c) = &a.contact {
                    out(&term(&c.text));
                }
            }
            _ => {
                for c in &reply.choices {
                    out(&format!("  - {}", term(&c.label)));
                }
                for a in reply.answers.iter().take(3) {
                    out(&format!("  - {}", term(&a.question)));
                }
            }
        }
    }
    Ok(json!({ "question": question, "reply": reply }))
}

/// The issue's own example visitor: four hours on foot from the station,
/// interested in nature and history, starting at 10:00.
fn course(ctx: &Ctx, machi: &Machi, date: NaiveDate) -> Result<Value, CliError> {
    heading(ctx, "demo-course");
    let request = CourseRequest {
        date,
        start_time: NaiveTime::from_hms_opt(10, 0, 0).unwrap_or_default(),
        hours: Some(4.0),
        end_time: None,
        start: CoursePlace::Spot("takahagi-station".into()),
        end: None,
        mode: CourseMode::Walk,
        interests: vec!["nature".into(), "history".into()],
        pace: CoursePace::Normal,
        must_visit: Vec::new(),
        exclude: Vec::new(),
        days: 1,
        max_walk_minutes: None,
        taxi_budget_yen: None,
        bicycle: false,
    };
    match machi.suggest_course(&request, &ctx.l10n) {
        Ok(view) => {
            if !ctx.json {
                crate::cmd::course::print_view(ctx, &view);
            }
            Ok(serde_json::to_value(&view).unwrap_or(Value::Null))
        }
        // A day with nothing open is an answer worth showing, not a failed demo.
        Err(machi_app::Error::Infeasible { reason }) => {
            if !ctx.json {
                out(&term(&reason));
            }
            Ok(json!({ "infeasible": reason }))
        }
        Err(e) => Err(ctx.app_error(e)),
    }
}
