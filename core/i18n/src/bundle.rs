//! Building one Fluent bundle per language from the embedded files.

use std::io::Read;
use std::sync::OnceLock;

use flate2::read::GzDecoder;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::FluentResource;
use machi_common::Lang;
use unic_langid::LanguageIdentifier;

use crate::number::fluent_formatter;
use crate::ruby::escape_ftl_ruby;

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// A thread-safe bundle (Send + Sync), so a `Localizer` can be shared.
pub(crate) type Bundle = FluentBundle<FluentResource>;

/// Each locale's unpacked blob (`name NUL text NUL`…), in `EMBEDDED_GZ` order,
/// filled the first time the locale is used.
static UNPACKED: [OnceLock<String>; 6] = [const { OnceLock::new() }; 6];

/// Every file of every locale, for tools and the completeness check.
static ALL_FILES: OnceLock<Vec<(&'static str, &'static str, &'static str)>> = OnceLock::new();

/// The unpacked blob of the locale at `index` of `EMBEDDED_GZ`. A blob that
/// does not unpack (it is written by our own build script, so only a broken
/// build could cause it) yields no files, which the completeness test reports.
fn unpacked(index: usize) -> &'static str {
    let Some(slot) = UNPACKED.get(index) else {
        return "";
    };
    slot.get_or_init(|| {
        let mut text = String::new();
        match EMBEDDED_GZ.get(index) {
            Some((_, gz)) if GzDecoder::new(*gz).read_to_string(&mut text).is_ok() => text,
            _ => String::new(),
        }
    })
}

/// Splits an unpacked blob into (file name, text) pairs.
fn files_of(blob: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    let mut parts = blob.split('\0');
    std::iter::from_fn(move || {
        let name = parts.next().filter(|n| !n.is_empty())?;
        Some((name, parts.next().unwrap_or("")))
    })
}

/// The embedded `.ftl` files of one language: (file name, text).
pub(crate) fn embedded_files(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    let blob = EMBEDDED_GZ
        .iter()
        .position(|(tag, _)| *tag == lang.tag())
        .map_or("", unpacked);
    files_of(blob)
}

/// Every embedded Fluent file as (locale tag, file name, text), grouped by
/// locale (in `Lang::ALL` order), file names sorted; for tools and benchmarks.
pub fn embedded_resources() -> &'static [(&'static str, &'static str, &'static str)] {
    ALL_FILES.get_or_init(|| {
        EMBEDDED_GZ
            .iter()
            .enumerate()
            .flat_map(|(i, (tag, _))| files_of(unpacked(i)).map(move |(n, t)| (*tag, n, t)))
            .collect()
    })
}

/// The locale Fluent uses for plural rules. Easy Japanese follows Japanese.
fn bundle_locale(lang: Lang) -> LanguageIdentifier {
    let tag = if lang == Lang::JaEasy {
        "ja"
    } else {
        lang.tag()
    };
    tag.parse().unwrap_or_default()
}

/// Parses and adds every embedded file of `lang`. Never fails: a syntax
/// error drops only the broken entry and a duplicate id keeps the first
/// definition; the completeness test reports both before release.
pub(crate) fn build(lang: Lang) -> Bundle {
    build_from(lang, embedded_files(lang).map(|(_, text)| text))
}

/// Builds a bundle for `lang` from the given `.ftl` texts (same leniency as
/// [`build`]).
pub(crate) fn build_from<'a>(lang: Lang, texts: impl Iterator<Item = &'a str>) -> Bundle {
    let mut bundle = FluentBundle::new_concurrent(vec![bundle_locale(lang)]);
    // Isolation marks (U+2068/U+2069) only matter for mixing right-to-left
    // text; none of our six languages is RTL, and the marks would end up in
    // terminals, tests and text-to-speech.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(fluent_formatter));
    // Only fails if NUMBER is already registered, which it is not.
    let _ = bundle.add_builtins();
    for text in texts {
        let source = escape_ftl_ruby(text).into_owned();
        let resource = match FluentResource::try_new(source) {
            Ok(r) | Err((r, _)) => r,
        };
        let _ = bundle.add_resource(resource);
    }
    bundle
}
