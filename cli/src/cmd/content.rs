//! `machi` commands of the content capability (being written).

use clap::Subcommand;

use crate::ctx::{CliError, Ctx};

/// The content commands.
#[derive(Debug, Subcommand)]
pub enum Command {}

/// Runs one content command.
pub fn run(_ctx: &Ctx, command: Command) -> Result<(), CliError> {
    match command {}
}

