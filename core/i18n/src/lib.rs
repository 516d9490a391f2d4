//! Every user-visible string machi produces, in six languages.
//!
//! - Fluent resources live in `core/i18n/locales/<tag>/<domain>.ftl` for the
//!   tags `ja`, `ja-yasasii` (easy Japanese), `en`, `zh-Hans`, `zh-Hant`,
//!   `ko`, and are embedded at build time (the build script finds new files).
//! - [`Localizer`] negotiates a device's locale list into a UI language, a
//!   message fallback chain and a content fallback chain, and formats
//!   messages ([`Localizer::msg`] for display, [`Localizer::plain`] for
//!   text-to-speech) and values (durations, distances, dates, times,
//!   relative times, lists).
//! - Easy Japanese carries furigana as `{漢字|かんじ}`; [`parse_ruby`] splits
//!   it into segments for ruby rendering and [`strip_ruby`] removes it.
//! - [`check_embedded`] / [`check_dir`] / [`check_sources`] verify that every
//!   message exists in every locale with the same variables; `cargo test`
//!   runs it on the real resources.
//!
//! ```
//! use machi_i18n::{Args, Lang, Localizer};
//!
//! let loc = Localizer::negotiate(&["zh-TW", "en-US"]);
//! assert_eq!(loc.lang(), Lang::ZhHant);
//! assert_eq!(loc.chain(), &[Lang::ZhHant, Lang::En, Lang::Ja]);
//! assert_eq!(loc.duration(90), "1小時30分鐘");
//!
//! let easy = Localizer::with_override(Some("ja-easy"), &["en-US"]).unwrap();
//! assert_eq!(easy.msg("common-relative-now", &Args::new()), "{今|いま}");
//! assert_eq!(easy.plain("common-relative-now", &Args::new()), "今");
//!
//! // `--lang !!` is a typed error; `--lang pt-BR` quietly means English.
//! assert!(Localizer::with_override(Some("!!"), &["ja"]).is_err());
//! let en = Localizer::with_override(Some("pt-BR"), &["ja"]).unwrap();
//! assert_eq!(en.msg("common-cancel", &Args::new()), "Cancel");
//! ```

#![warn(missing_docs)]

mod args;
mod bundle;
mod check;
mod error;
mod format;
mod localizer;
mod negotiate;
mod number;
mod ruby;

pub use args::{ArgNumber, ArgValue, Args};
pub use bundle::embedded_resources;
pub use check::{check_dir, check_embedded, check_sources, FtlSource, Problem, Report};
pub use error::I18nError;
pub use localizer::Localizer;
pub use machi_common::Lang;
pub use negotiate::{match_tag, negotiate, negotiate_with_override, parse_override, Negotiated};
pub use ruby::{escape_ftl_ruby, parse_ruby, ruby_to_kana, strip_ruby, RubySegment};
