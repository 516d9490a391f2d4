//! `machi` commands of the faq capability (being written).

use clap::Subcommand;

use crate::ctx::{CliError, Ctx};

/// The faq commands.
#[derive(Debug, Subcommand)]
pub enum Command {}

/// Runs one faq command.
pub fn run(_ctx: &Ctx, command: Command) -> Result<(), CliError> {
    match command {}
}

/// `machi eval faq …` (being written).
#[derive(Debug, Subcommand)]
pub enum EvalCommand {}

/// Runs a `machi eval faq` command.
pub fn run_eval(_ctx: &Ctx, command: EvalCommand) -> Result<(), CliError> {
    match command {}
}
