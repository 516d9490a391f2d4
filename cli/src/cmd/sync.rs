//! `machi` commands of the sync capability (being written).

use clap::Subcommand;

use crate::ctx::{CliError, Ctx};

/// The sync commands.
#[derive(Debug, Subcommand)]
pub enum Command {}

/// Runs one sync command.
pub fn run(_ctx: &Ctx, command: Command) -> Result<(), CliError> {
    match command {}
}

