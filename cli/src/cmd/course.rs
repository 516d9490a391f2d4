//! `machi` commands of the course capability (being written).

use clap::Subcommand;

use crate::ctx::{CliError, Ctx};

/// The course commands.
#[derive(Debug, Subcommand)]
pub enum Command {}

/// Runs one course command.
pub fn run(_ctx: &Ctx, command: Command) -> Result<(), CliError> {
    match command {}
}

/// `machi eval course …` (being written).
#[derive(Debug, Subcommand)]
pub enum EvalCommand {}

/// Runs a `machi eval course` command.
pub fn run_eval(_ctx: &Ctx, command: EvalCommand) -> Result<(), CliError> {
    match command {}
}
