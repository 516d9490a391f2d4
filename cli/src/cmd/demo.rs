//! `machi demo`: a tour of the app on the embedded town (being written).

use clap::Args;

use crate::ctx::{CliError, Ctx};

/// Options of `machi demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {}

/// Runs the demo.
pub fn run(_ctx: &Ctx, _args: DemoArgs) -> Result<(), CliError> {
    Ok(())
}
