//! The subcommands, one module per capability.

pub mod alerts;
pub mod content;
pub mod course;
pub mod demo;
pub mod faq;
pub mod garbage;
pub mod procedures;
pub mod sync;
pub mod transit;
mod transit_board;
pub mod web;

use clap::Subcommand;

use crate::ctx::{CliError, Ctx};

/// All subcommands; each capability contributes its own enum, flattened here.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show what the app offers on the embedded town: spots, garbage, shelters, a course, an answer, notices.
    Demo(demo::DemoArgs),
    #[command(flatten)]
    Content(content::Command),
    #[command(flatten)]
    Course(course::Command),
    #[command(flatten)]
    Faq(faq::Command),
    #[command(flatten)]
    Procedures(procedures::Command),
    #[command(flatten)]
    Transit(transit::Command),
    #[command(flatten)]
    Alerts(alerts::Command),
    #[command(flatten)]
    Sync(sync::Command),
    /// Publish the town's FAQ chatbot as a static website (WebAssembly).
    #[command(subcommand)]
    Web(web::WebCommand),
    /// Evaluate a capability on a public benchmark set.
    #[command(subcommand)]
    Eval(EvalCommand),
}

/// `machi eval …`: the evaluation harnesses.
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    #[command(flatten)]
    Course(course::EvalCommand),
    #[command(flatten)]
    Faq(faq::EvalCommand),
}

/// Runs one parsed command.
pub fn run(ctx: &Ctx, command: Command) -> Result<(), CliError> {
    match command {
        Command::Demo(a) => demo::run(ctx, a),
        Command::Content(c) => content::run(ctx, c),
        Command::Course(c) => course::run(ctx, c),
        Command::Faq(c) => faq::run(ctx, c),
        Command::Procedures(c) => procedures::run(ctx, c),
        Command::Transit(c) => transit::run(ctx, c),
        Command::Alerts(c) => alerts::run(ctx, c),
        Command::Sync(c) => sync::run(ctx, c),
        Command::Web(c) => web::run(ctx, c),
        Command::Eval(EvalCommand::Course(c)) => course::run_eval(ctx, c),
        Command::Eval(EvalCommand::Faq(c)) => faq::run_eval(ctx, c),
    }
}
