//! Building one Fluent bundle per language from the embedded files.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::FluentResource;
use machi_common::Lang;
use unic_langid::LanguageIdentifier;

use crate::number::fluent_formatter;
use crate::ruby::escape_ftl_ruby;

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// A thread-safe bundle (Send + Sync), so a `Localizer` can be shared.
pub(crate) type Bundle = FluentBundle<FluentResource>;

/// The embedded `.ftl` files of one language: (file name, text).
pub(crate) fn embedded_files(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    EMBEDDED
        .iter()
        .filter(move |(tag, _, _)| *tag == lang.tag())
        .map(|(_, name, text)| (*name, *text))
}

/// Every embedded Fluent file as (locale tag, file name, text), grouped by
/// locale (in `Lang::ALL` order), file names sorted; for tools and benchmarks.
pub fn embedded_resources() -> &'static [(&'static str, &'static str, &'static str)] {
    EMBEDDED
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
