//! `machi procedures`, `machi procedure ID`, `machi benefits` and
//! `machi faq coverage`: the procedures catalogue on the terminal.

use std::io::{BufRead, IsTerminal, Write};

use chrono::Local;
use clap::Subcommand;
use machi_app::{ChecklistView, ProcedureView, Text};
use machi_i18n::Args;

use super::content::{cell, footnote, opt_cell, parse_date};
use crate::ctx::{out, term, CliError, Ctx};

/// The procedures commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Life events, or with --event the checklist of procedures that follow
    /// one, with due dates (e.g. --event birth --date 2026-12-01).
    Procedures {
        /// The life event id (without it: list the events).
        #[arg(long)]
        event: Option<String>,
        /// The event's date (YYYY-MM-DD; default today).
        #[arg(long)]
        date: Option<String>,
        /// Mark overdue steps as of this day (YYYY-MM-DD; default today).
        #[arg(long)]
        today: Option<String>,
        /// Tick a step off (procedure id; repeatable). Kept on this device.
        #[arg(long)]
        done: Vec<String>,
        /// Untick a step (procedure id; repeatable).
        #[arg(long)]
        undo: Vec<String>,
    },
    /// One procedure's card: who, deadline, what to bring, fee, where, online.
    Procedure {
        /// The procedure id (shown in checklists).
        id: String,
    },
    /// Which services and allowances your household may qualify for
    /// (answers stay on this device). Without --answer on a terminal, asks
    /// the questions one by one.
    Benefits {
        /// An answer as QUESTION=VALUE (repeatable), e.g. child_ages=1,4.
        #[arg(long = "answer", value_name = "QUESTION=VALUE")]
        answers: Vec<String>,
        /// Ask the questionnaire interactively.
        #[arg(short, long)]
        interactive: bool,
        /// Evaluate "within N days" as of this day (YYYY-MM-DD; default today).
        #[arg(long)]
        today: Option<String>,
    },
}

/// Runs one procedures command.
pub fn run(ctx: &Ctx, command: Command) -> Result<(), CliError> {
    match command {
        Command::Procedures {
            event,
            date,
            today,
            done,
            undo,
        } => procedures(ctx, event, date, today, &done, &undo),
        Command::Procedure { id } => procedure(ctx, &id),
        Command::Benefits {
            answers,
            interactive,
            today,
        } => benefits(ctx, &answers, interactive, today),
    }
}

fn day(ctx: &Ctx, v: Option<String>) -> Result<chrono::NaiveDate, CliError> {
    match v {
        Some(v) => parse_date(ctx, &v),
        None => Ok(Local::now().date_naive()),
    }
}

fn procedures(
    ctx: &Ctx,
    event: Option<String>,
    date: Option<String>,
    today: Option<String>,
    done: &[String],
    undo: &[String],
) -> Result<(), CliError> {
    let machi = ctx.machi()?;
    let Some(event) = event else {
        let events = machi.life_events(&ctx.l10n).map_err(|e| ctx.app_error(e))?;
        if ctx.json {
            return ctx.print_json(&events);
        }
        out(&ctx.m("cli-procedures-events"));
        let mut fb = false;
        for e in &events {
            out(&format!("  {:<14} {}", e.id, cell(&e.name, &mut fb)));
        }
        footnote(ctx, fb);
        return Ok(());
    };
    let date = day(ctx, date)?;
    let today = day(ctx, today)?;
    for (ids, tick) in [(done, true), (undo, false)] {
        for id in ids {
            machi
                .set_checklist_step(&event, date, id, tick)
                .map_err(|e| ctx.app_error(e))?;
        }
    }
    let list = machi
        .checklist(&event, date, today, &ctx.l10n)
        .map_err(|e| ctx.app_error(e))?;
    if ctx.json {
        return ctx.print_json(&list);
    }
    print_checklist(ctx, &list);
    Ok(())
}

/// Prints a life event's checklist: the event, each step with its due date
/// and tick, and the progress line (also in `machi demo`).
pub(crate) fn print_checklist(ctx: &Ctx, list: &ChecklistView) {
    let mut fb = false;
    out(&format!(
        "{} — {}",
        cell(&list.event.name, &mut fb),
        ctx.date(list.event_date)
    ));
    let desc = opt_cell(&list.event.description, &mut fb);
    if !desc.is_empty() {
        out(&desc);
    }
    out("");
    for item in &list.items {
        let mark = if item.done { "[x]" } else { "[ ]" };
        let overdue = if item.overdue {
            format!("  ⚠ {}", ctx.m("procedures-overdue"))
        } else {
            String::new()
        };
        out(&format!(
            "{mark} {}  [{}]",
            cell(&item.procedure.name, &mut fb),
            item.procedure.id
        ));
        out(&format!("    {}{overdue}", term(&item.due_text)));
    }
    out("");
    out(&term(&list.progress_text));
    footnote(ctx, fb);
}

/// Prints a procedure card (also under a chatbot answer).
pub(crate) fn print_card(ctx: &Ctx, p: &ProcedureView, fb: &mut bool) {
    let line = |label: &str, value: String| {
        if !value.is_empty() {
            out(&format!("  {}: {value}", ctx.m(label)));
        }
    };
    out(&format!("{}  [{}]", cell(&p.name, fb), p.id));
    let summary = opt_cell(&p.summary, fb);
    if !summary.is_empty() {
        out(&format!("  {summary}"));
    }
    line("procedures-label-who", opt_cell(&p.who, fb));
    line("procedures-label-deadline", term(&p.deadline.text));
    let bring: Vec<String> = p.bring.iter().map(|b| cell(b, fb)).collect();
    line("procedures-label-bring", bring.join(" / "));
    let note = opt_cell(&p.bring_note, fb);
    if !note.is_empty() {
        out(&format!("    {note}"));
    }
    let fee_note = opt_cell(&p.fee_note, fb);
    let fee = if fee_note.is_empty() {
        term(&p.fee_text)
    } else {
        format!("{} ({fee_note})", term(&p.fee_text))
    };
    line("procedures-label-fee", fee);
    if let Some(c) = &p.counter {
        let mut w = cell(&c.name, fb);
        for part in [opt_cell(&c.place, fb), opt_cell(&c.hours, fb)] {
            if !part.is_empty() {
                w = format!("{w}, {part}");
            }
        }
        if let Some(phone) = &c.phone {
            w = format!("{w}, ☎ {phone}");
        }
        line("procedures-label-where", w);
    }
    if let Some(o) = &p.online {
        let note = opt_cell(&o.note, fb);
        line(
            "procedures-label-online",
            if note.is_empty() {
                o.url.clone()
            } else {
                format!("{} ({note})", o.url)
            },
        );
    }
    if p.convenience_store {
        out(&format!("  {}", ctx.m("procedures-konbini")));
    }
    line("procedures-label-faq", p.faq_ids.join(", "));
    if p.sample {
        out(&format!("  ({})", ctx.m("procedures-sample")));
    }
}

fn procedure(ctx: &Ctx, id: &str) -> Result<(), CliError> {
    let card = ctx
        .machi()?
        .procedure(id, &ctx.l10n)
        .map_err(|e| ctx.app_error(e))?;
    if ctx.json {
        return ctx.print_json(&card);
    }
    let mut fb = false;
    print_card(ctx, &card, &mut fb);
    footnote(ctx, fb);
    Ok(())
}

fn ask_all(ctx: &Ctx) -> Result<Vec<(String, String)>, CliError> {
    let machi = ctx.machi()?;
    let questions = machi
        .questionnaire(&ctx.l10n)
        .map_err(|e| ctx.app_error(e))?;
    let stdin = std::io::stdin();
    let mut answers = Vec::new();
    let mut fb = false;
    for q in &questions {
        out("");
        out(&cell(&q.text, &mut fb));
        let help = opt_cell(&q.help, &mut fb);
        if !help.is_empty() {
            out(&format!("  {help}"));
        }
        let choices: Vec<String> = q
            .options
            .iter()
            .map(|o| format!("{} = {}", o.id, cell(&o.label, &mut fb)))
            .collect();
        for c in &choices {
            out(&format!("  {c}"));
        }
        if q.kind == "yes-no" {
            out("  yes / no");
        }
        loop {
            print!("{} ", ctx.m("cli-procedures-answer-prompt"));
            let _ = std::io::stdout().flush();
            let mut line = String::new();
            if stdin.lock().read_line(&mut line).unwrap_or(0) == 0 {
                return Ok(answers);
            }
            let pair = (q.id.clone(), line.trim().to_string());
            // Checked at once so a typo is asked again, not reported at the end.
            match machi.parse_answers(std::slice::from_ref(&pair)) {
                Ok(_) => {
                    answers.push(pair);
                    break;
                }
                Err(e) => out(&ctx.app_error(e).0),
            }
        }
    }
    Ok(answers)
}

fn benefits(
    ctx: &Ctx,
    raw: &[String],
    interactive: bool,
    today: Option<String>,
) -> Result<(), CliError> {
    let today = day(ctx, today)?;
    let machi = ctx.machi()?;
    let pairs: Vec<(String, String)> =
        if interactive || (raw.is_empty() && std::io::stdin().is_terminal() && !ctx.json) {
            ask_all(ctx)?
        } else {
            raw.iter()
                .map(|a| match a.split_once('=') {
                    Some((k, v)) => Ok((k.trim().to_string(), v.to_string())),
                    None => Err(CliError(format!("--answer {a:?}: use QUESTION=VALUE"))),
                })
                .collect::<Result<_, _>>()?
        };
    let answers = machi.parse_answers(&pairs).map_err(|e| ctx.app_error(e))?;
    let found = machi
        .benefits(&answers, today, &ctx.l10n)
        .map_err(|e| ctx.app_error(e))?;
    if ctx.json {
        return ctx.print_json(&found);
    }
    let mut fb = false;
    out("");
    out(&ctx.m("benefits-private"));
    if found.is_empty() {
        out(&ctx.m("benefits-none"));
        return Ok(());
    }
    for b in &found {
        out("");
        let head = if b.eligibility == "likely" {
            ctx.m("benefits-likely")
        } else {
            ctx.msg(
                "benefits-maybe",
                &Args::new().str("questions", ctx.list(&b.missing)),
            )
        };
        out(&format!("{}  ({head})", cell(&b.name, &mut fb)));
        let summary = opt_cell(&b.summary, &mut fb);
        if !summary.is_empty() {
            out(&format!("  {summary}"));
        }
        if !b.reasons.is_empty() {
            let reasons: Vec<String> = b.reasons.iter().map(|r: &Text| cell(r, &mut fb)).collect();
            out(&format!(
                "  {}",
                ctx.msg(
                    "benefits-because",
                    &Args::new().str("reasons", ctx.list(&reasons))
                )
            ));
        }
        out(&format!(
            "  {}",
            ctx.msg(
                "benefits-apply",
                &Args::new().str(
                    "procedure",
                    format!("{} [{}]", cell(&b.procedure_name, &mut fb), b.procedure_id)
                )
            )
        ));
        if b.sample {
            out(&format!("  ({})", ctx.m("procedures-sample")));
        }
    }
    footnote(ctx, fb);
    Ok(())
}

/// `machi faq coverage`: procedures without an FAQ entry and FAQ entries naming no procedure.
pub fn coverage(ctx: &Ctx) -> Result<(), CliError> {
    let c = ctx.machi()?.faq_coverage().map_err(|e| ctx.app_error(e))?;
    if ctx.json {
        #[derive(serde::Serialize)]
        struct Report<'a> {
            #[serde(flatten)]
            coverage: &'a machi_app::procedures_core::Coverage,
            procedure_percent: f64,
            faq_percent: f64,
            complete: bool,
        }
        return ctx.print_json(&Report {
            coverage: &c,
            procedure_percent: c.procedure_percent(),
            faq_percent: c.faq_percent(),
            complete: c.is_complete(),
        });
    }
    let pct = |p: f64| format!("{p:.1}");
    out(&ctx.msg(
        "faq-coverage-procedures",
        &Args::new()
            .num(
                "covered",
                (c.procedures - c.procedures_without_faq.len()) as u64,
            )
            .num("total", c.procedures as u64)
            .str("percent", pct(c.procedure_percent())),
    ));
    out(&ctx.msg(
        "faq-coverage-faq",
        &Args::new()
            .num(
                "covered",
                (c.faq_entries - c.faq_without_procedure.len()) as u64,
            )
            .num("total", c.faq_entries as u64)
            .str("percent", pct(c.faq_percent()))
            .num("info", c.information_only.len() as u64),
    ));
    let list = |id: &str, items: Vec<String>| {
        if !items.is_empty() {
            out(&ctx.m(id));
            for i in items {
                out(&format!("  {i}"));
            }
        }
    };
    list("faq-coverage-missing", c.procedures_without_faq.clone());
    list("faq-coverage-orphans", c.faq_without_procedure.clone());
    list(
        "faq-coverage-dangling",
        c.dangling
            .iter()
            .map(|(p, f)| format!("{p} → {f}"))
            .collect(),
    );
    Ok(())
}
