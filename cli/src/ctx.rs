//! What every command shares: global options, the reader's locale, output mode, errors.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

/// Options every command accepts.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Language for output (ja, ja-yasasii, en, zh-Hans, zh-Hant, ko; device tags like zh-TW work too).
    #[arg(long, global = true, env = "MACHI_LANG")]
    pub lang: Option<String>,
    /// Print machine-readable JSON instead of a table.
    #[arg(long, global = true)]
    pub json: bool,
    /// Database file (default: machi.sqlite3 in the user's data directory).
    #[arg(long, global = true, env = "MACHI_DB")]
    pub db: Option<PathBuf>,
}

/// The context a command runs in.
#[derive(Debug)]
pub struct Ctx {
    /// Whether to print JSON.
    pub json: bool,
    /// The database path chosen.
    pub db: Option<PathBuf>,
    /// The requested locale tag, if any.
    pub lang: Option<String>,
}

/// A command failure, printed as one line.
#[derive(Debug)]
pub struct CliError(pub String);

impl Ctx {
    /// Builds the context from the global options.
    pub fn new(args: GlobalArgs) -> Result<Ctx, CliError> {
        Ok(Ctx {
            json: args.json,
            db: args.db,
            lang: args.lang,
        })
    }
}

/// Prints an error as one line on stderr and returns the failing exit code.
pub fn report(_ctx: Option<&Ctx>, e: &CliError) -> ExitCode {
    eprintln!("machi: {}", e.0);
    ExitCode::from(1)
}
