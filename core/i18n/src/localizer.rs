//! The object every capability formats user-visible text through.

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use machi_common::Lang;

use crate::bundle::{build, build_from, Bundle};
use crate::negotiate::{negotiate, negotiate_with_override, Negotiated};
use crate::ruby::{parse_ruby, strip_ruby, RubySegment};
use crate::{Args, FtlSource, I18nError};

/// Bundles shared by clones: the UI language's is built up front, the
/// fallback languages' only when a message is actually missing.
struct Shared {
    negotiated: Negotiated,
    bundles: [OnceLock<Bundle>; 6],
    /// Resources given in memory instead of the embedded ones.
    sources: Option<Vec<FtlSource>>,
}

impl Shared {
    fn bundle(&self, lang: Lang) -> &Bundle {
        let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        self.bundles[i].get_or_init(|| match &self.sources {
            None => build(lang),
            Some(sources) => build_from(
                lang,
                sources
                    .iter()
                    .filter(|s| s.locale == lang.tag())
                    .map(|s| s.text.as_str()),
            ),
        })
    }
}

/// Formats messages for one reader: a UI language, its message fallback
/// chain, and the content fallback chain.
///
/// Cheap to clone (shared bundles) and `Send + Sync`.
#[derive(Clone)]
pub struct Localizer {
    shared: Arc<Shared>,
}

impl std::fmt::Debug for Localizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Localizer")
            .field("lang", &self.lang())
            .field("chain", &self.chain())
            .finish()
    }
}

impl Localizer {
    fn from_negotiated(negotiated: Negotiated) -> Self {
        Self::build(negotiated, None)
    }

    fn build(negotiated: Negotiated, sources: Option<Vec<FtlSource>>) -> Self {
        let shared = Arc::new(Shared {
            negotiated,
            bundles: Default::default(),
            sources,
        });
        // Build the UI language now so the first message is not slower.
        shared.bundle(shared.negotiated.lang);
        Localizer { shared }
    }

    /// A localizer for the device's ordered locale list, e.g.
    /// `["zh-TW", "en-US"]`. Invalid or unsupported entries are skipped;
    /// when none is supported, English.
    pub fn negotiate<S: AsRef<str>>(requested: &[S]) -> Self {
        Self::from_negotiated(negotiate(requested))
    }

    /// A localizer where the user's explicit choice (settings, `--lang`)
    /// comes first and the device list extends the content chain. An
    /// override that is not a language tag at all (`!!`) is an error; a
    /// valid but unsupported one (`pt-BR`) means English.
    pub fn with_override<S: AsRef<str>>(
        user: Option<&str>,
        device: &[S],
    ) -> Result<Self, I18nError> {
        Ok(Self::from_negotiated(negotiate_with_override(
            user, device,
        )?))
    }

    /// A localizer for exactly `lang`.
    pub fn for_lang(lang: Lang) -> Self {
        Self::from_negotiated(Negotiated::for_lang(lang))
    }

    /// A localizer over the given resources instead of the embedded ones,
    /// for translators' previews and tests. Same leniency: broken entries
    /// are skipped (run [`crate::check_sources`] to see them).
    pub fn from_sources(lang: Lang, sources: Vec<FtlSource>) -> Self {
        Self::build(Negotiated::for_lang(lang), Some(sources))
    }

    /// The UI language.
    pub fn lang(&self) -> Lang {
        self.shared.negotiated.lang
    }

    /// The content fallback chain (first = UI language, always ends with
    /// Japanese); pass it to `LocalizedText::resolve`.
    pub fn chain(&self) -> &[Lang] {
        &self.shared.negotiated.chain
    }

    /// Where UI messages are looked up, in order (English, then Japanese,
    /// after the UI language; easy Japanese tries Japanese first).
    pub fn message_chain(&self) -> &[Lang] {
        &self.shared.negotiated.message_chain
    }

    /// True when the UI language itself (not a fallback) has message `id`.
    pub fn has(&self, id: &str) -> bool {
        let (msg, _) = split_id(id);
        self.shared.bundle(self.lang()).has_message(msg)
    }

    /// The display form of message `id` (or `id.attribute`): may contain
    /// ruby markup `{漢字|かんじ}` (easy Japanese), which shells render
    /// with [`parse_ruby`] or remove with [`strip_ruby`].
    ///
    /// Never fails: a message missing from every language of the chain
    /// yields `id` itself, a missing variable yields `{$name}`.
    pub fn msg(&self, id: &str, args: &Args) -> String {
        let (msg_id, attr) = split_id(id);
        let fluent_args = if args.is_empty() {
            None
        } else {
            Some(args.to_fluent())
        };
        for lang in self.message_chain() {
            let bundle = self.shared.bundle(*lang);
            let Some(message) = bundle.get_message(msg_id) else {
                continue;
            };
            let pattern = match attr {
                Some(a) => message.get_attribute(a).map(|a| a.value()),
                None => message.value(),
            };
            let Some(pattern) = pattern else { continue };
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, fluent_args.as_ref(), &mut errors)
                .into_owned();
        }
        id.to_string()
    }

    /// The read-aloud form of message `id`: no isolation marks and no ruby
    /// markup, for text-to-speech and plain-text outputs.
    pub fn plain(&self, id: &str, args: &Args) -> String {
        let text = self.msg(id, args);
        let stripped = match strip_ruby(&text) {
            Cow::Owned(s) => Some(s),
            Cow::Borrowed(_) => None,
        };
        stripped.unwrap_or(text)
    }

    /// The display form split into plain and ruby segments, ready for a
    /// shell's ruby rendering. Owned, because the text is formatted here.
    pub fn segments(&self, id: &str, args: &Args) -> Vec<(String, Option<String>)> {
        let text = self.msg(id, args);
        parse_ruby(&text)
            .into_iter()
            .map(|RubySegment { base, ruby }| (base.to_string(), ruby.map(str::to_string)))
            .collect()
    }
}

/// `faq-x.title` → (`faq-x`, Some(`title`)).
fn split_id(id: &str) -> (&str, Option<&str>) {
    match id.split_once('.') {
        Some((m, a)) => (m, Some(a)),
        None => (id, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(locale: Lang, text: &str) -> FtlSource {
        FtlSource {
            locale: locale.tag().to_string(),
            file: "t.ftl".to_string(),
            text: text.to_string(),
        }
    }

    #[test]
    fn missing_messages_fall_back_through_english_then_japanese() {
        let sources = vec![
            src(Lang::Ko, "only-ko = 한국어\n"),
            src(Lang::En, "in-en = English { $n }\nboth = both-en\n"),
            src(Lang::Ja, "in-ja = 日本語\nboth = both-ja\n"),
        ];
        let loc = Localizer::from_sources(Lang::Ko, sources);
        let a = Args::new().num("n", 2);
        assert_eq!(loc.msg("only-ko", &a), "한국어");
        assert_eq!(loc.msg("in-en", &a), "English 2");
        assert_eq!(loc.msg("both", &a), "both-en");
        assert_eq!(loc.msg("in-ja", &a), "日本語");
        assert_eq!(loc.msg("nowhere", &a), "nowhere");
        assert!(loc.has("only-ko"));
        assert!(!loc.has("in-en"));
    }

    #[test]
    fn easy_japanese_falls_back_to_japanese_first() {
        let sources = vec![
            src(Lang::En, "m = English\n"),
            src(Lang::Ja, "m = 日本語\n"),
        ];
        let loc = Localizer::from_sources(Lang::JaEasy, sources);
        assert_eq!(loc.msg("m", &Args::new()), "日本語");
    }

    #[test]
    fn attributes_and_broken_entries() {
        let sources = vec![src(
            Lang::En,
            "m = value\n    .title = Title { $x }\nbroken = { $\ngood = fine\n",
        )];
        let loc = Localizer::from_sources(Lang::En, sources);
        assert_eq!(loc.msg("m.title", &Args::new().str("x", "X")), "Title X");
        assert_eq!(loc.msg("m.nope", &Args::new()), "m.nope");
        assert_eq!(loc.msg("good", &Args::new()), "fine");
        assert_eq!(loc.msg("broken", &Args::new()), "broken");
    }
}
