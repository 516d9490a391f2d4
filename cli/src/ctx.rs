//! What every command shares: global options, the reader's locale, the opened
//! app, output (tables, JSON) and one-line localized errors.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::OnceLock;

use clap::Args;
use machi_app::common::Lang;
use machi_app::{Machi, OpenOptions};
use machi_i18n::{Args as MsgArgs, Localizer};
use serde::Serialize;

/// Options every command accepts.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Language for output (ja, ja-yasasii, en, zh-Hans, zh-Hant, ko; device tags like zh-TW work too).
    #[arg(long, global = true, env = "MACHI_LANG")]
    pub lang: Option<String>,
    /// Print machine-readable JSON instead of a table.
    #[arg(long, global = true)]
    pub json: bool,
    /// Database file (default: machi.sqlite3 in the user's data directory; `:memory:` for none).
    #[arg(long, global = true, env = "MACHI_DB")]
    pub db: Option<PathBuf>,
    /// FAQ sentence-encoder model to answer with, instead of the one the content pack brought.
    #[arg(long, global = true, env = "MACHI_FAQ_ENCODER", value_name = "FILE")]
    pub faq_encoder: Option<PathBuf>,
}

/// The context a command runs in.
#[derive(Debug)]
pub struct Ctx {
    /// Whether to print JSON.
    pub json: bool,
    /// The database path chosen (`None`: the default in the user's data dir).
    pub db: Option<PathBuf>,
    /// The requested locale tag, if any (the negotiated result is `l10n`).
    #[allow(dead_code)]
    pub lang: Option<String>,
    /// The FAQ model file given with `--faq-encoder`, if any.
    pub faq_encoder: Option<PathBuf>,
    /// The reader's localizer (UI messages and the content fallback chain).
    pub l10n: Localizer,
    machi: OnceLock<Machi>,
}

/// A command failure: one line, already localized.
#[derive(Debug)]
pub struct CliError(pub String);

/// The device's locale list from the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`).
fn device_locales() -> Vec<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .filter(|v| !v.is_empty())
        .map(|v| {
            v.split(['.', '@'])
                .next()
                .unwrap_or_default()
                .replace('_', "-")
        })
        .collect()
}

/// Renders ruby markup `{漢字|かんじ}` for a terminal as `漢字(かんじ)`.
pub fn term(text: &str) -> String {
    machi_i18n::parse_ruby(text)
        .into_iter()
        .map(|s| match s.ruby {
            Some(r) => format!("{}({r})", s.base),
            None => s.base.to_string(),
        })
        .collect()
}

/// Writes one line to stdout; a closed pipe (`machi spots | head`) ends
/// output quietly instead of panicking.
pub fn out(text: &str) {
    use std::io::Write;
    let mut o = std::io::stdout().lock();
    if writeln!(o, "{text}").is_err() {
        std::process::exit(0);
    }
}

impl Ctx {
    /// Builds the context from the global options; an unusable `--lang` is an error.
    pub fn new(args: GlobalArgs) -> Result<Ctx, CliError> {
        let device = device_locales();
        let l10n = Localizer::with_override(args.lang.as_deref(), &device).map_err(|e| {
            let (id, a) = e.ui_message();
            CliError(term(&Localizer::negotiate(&device).msg(id, &a)))
        })?;
        Ok(Ctx {
            json: args.json,
            db: args.db,
            lang: args.lang,
            faq_encoder: args.faq_encoder,
            l10n,
            machi: OnceLock::new(),
        })
    }

    /// The content language chain (reader's language first, ends in Japanese).
    pub fn chain(&self) -> &[Lang] {
        self.l10n.chain()
    }

    /// A localized message, ruby rendered for the terminal.
    pub fn msg(&self, id: &str, args: &MsgArgs) -> String {
        term(&self.l10n.msg(id, args))
    }

    /// A localized message with no arguments.
    pub fn m(&self, id: &str) -> String {
        self.msg(id, &MsgArgs::new())
    }

    /// A distance, localized for the terminal.
    pub fn distance(&self, metres: f64) -> String {
        term(&self.l10n.distance(metres.round() as i64))
    }

    /// A duration in minutes, localized for the terminal.
    pub fn duration(&self, minutes: u32) -> String {
        term(&self.l10n.duration(minutes))
    }

    /// A date, localized for the terminal.
    pub fn date(&self, d: chrono::NaiveDate) -> String {
        term(&self.l10n.date(d))
    }

    /// A list ("a, b and c"), localized for the terminal.
    pub fn list(&self, items: &[String]) -> String {
        term(&self.l10n.list(items))
    }

    /// Spot tags by their display names (`course-tag-*`), joined; a tag the
    /// strings do not know yet is shown as its key rather than dropped.
    pub fn tags(&self, tags: &[String]) -> String {
        let names: Vec<String> = tags
            .iter()
            .map(|t| machi_app::tag_label(&self.l10n, t))
            .collect();
        names.join(", ")
    }

    /// The display names of hazard kinds (`content-hazard-*`), in order.
    pub fn hazard_names(&self, hazards: &[machi_app::common::Hazard]) -> Vec<String> {
        hazards
            .iter()
            .map(|h| self.m(&format!("content-hazard-{}", h.key())))
            .collect()
    }

    /// A localized error line.
    pub fn err(&self, id: &str, args: &MsgArgs) -> CliError {
        CliError(self.msg(id, args))
    }

    /// The database path: `--db`, else `machi.sqlite3` in the user's data directory.
    pub fn db_path(&self) -> Result<PathBuf, CliError> {
        if let Some(p) = &self.db {
            return Ok(p.clone());
        }
        directories::ProjectDirs::from("", "", "machi")
            .map(|d| d.data_dir().join("machi.sqlite3"))
            .ok_or_else(|| self.err("cli-error-no-data-dir", &MsgArgs::new()))
    }

    /// The app, opened on first use (imports the embedded town into an empty store).
    pub fn machi(&self) -> Result<&Machi, CliError> {
        if let Some(m) = self.machi.get() {
            return Ok(m);
        }
        let opts = OpenOptions {
            db_path: Some(self.db_path()?),
            faq_encoder: self.faq_encoder.clone(),
            ..Default::default()
        };
        let m = Machi::open(opts).map_err(|e| self.app_error(e))?;
        Ok(self.machi.get_or_init(|| m))
    }

    /// A facade error as one localized line.
    pub fn app_error(&self, e: machi_app::Error) -> CliError {
        use machi_app::Error as E;
        let a = MsgArgs::new();
        match e {
            E::Offline { .. } => self.err("error-offline", &a),
            E::InvalidInput { reason } => {
                self.err("error-invalid-input-detail", &a.str("reason", reason))
            }
            E::Integrity { reason } => self.err("error-integrity-detail", &a.str("reason", reason)),
            E::NotFound { what } => self.err("cli-error-not-found", &a.str("what", what)),
            E::Infeasible { reason } => CliError(reason),
            E::Cancelled => self.err("error-cancelled", &a),
            E::Storage { reason } => self.err("error-storage-detail", &a.str("reason", reason)),
        }
    }

    /// Prints `value` as pretty JSON on stdout.
    pub fn print_json<T: Serialize + ?Sized>(&self, value: &T) -> Result<(), CliError> {
        let text = serde_json::to_string_pretty(value).map_err(|e| {
            self.err(
                "error-storage-detail",
                &MsgArgs::new().str("reason", e.to_string()),
            )
        })?;
        out(&text);
        Ok(())
    }

    /// Prints a table with localized headers (message ids) and rows; widths
    /// count East Asian wide characters as two columns.
    pub fn print_table(&self, header_ids: &[&str], rows: Vec<Vec<String>>) {
        let mut t = comfy_table::Table::new();
        t.load_preset(comfy_table::presets::UTF8_FULL_CONDENSED)
            .set_header(header_ids.iter().map(|id| self.m(id)));
        for r in rows {
            t.add_row(r);
        }
        out(&t.to_string());
    }
}

/// Prints an error as one line on stderr and returns the failing exit code.
pub fn report(_ctx: Option<&Ctx>, e: &CliError) -> ExitCode {
    eprintln!("machi: {}", e.0);
    ExitCode::from(1)
}
