//! `machi` commands of the alerts capability (being written).

use clap::Subcommand;

use crate::ctx::{CliError, Ctx};

/// The alerts commands.
#[derive(Debug, Subcommand)]
pub enum Command {}

/// Runs one alerts command.
pub fn run(_ctx: &Ctx, command: Command) -> Result<(), CliError> {
    match command {}
}

