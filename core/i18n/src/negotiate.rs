//! Device locale list → supported language and fallback chains.
//!
//! Tags are parsed by `unic-langid` and matched on their language subtag.
//! Chinese is the one language whose script decides the match: an explicit
//! script wins, else `zh-TW`, `zh-HK` and `zh-MO` are Traditional and every
//! other region (`zh`, `zh-CN`, `zh-SG`…) Simplified, as CLDR's likely
//! subtags say. That one rule is written here instead of pulling in
//! fluent-langneg's CLDR tables, which cost 330 KB of the phone library to
//! choose among five languages. Easy Japanese has no standard tag, so its
//! aliases are recognised before that.

use machi_common::Lang;
use unic_langid::LanguageIdentifier;

use crate::I18nError;

/// The variant subtag machi uses for easy Japanese (`ja-yasasii`).
const EASY_VARIANT: &str = "yasasii";

/// Spellings people and systems use for easy Japanese, compared after
/// lower-casing and `_` → `-`. `ja-x-easy` is listed because unic-langid
/// rejects private-use subtags.
const EASY_ALIASES: [&str; 9] = [
    "ja-yasasii",
    "ja-easy",
    "ja-x-easy",
    "easy",
    "easy-ja",
    "easy-japanese",
    "yasasii",
    "yasashii",
    "ja-yasashii",
];

/// Cleans platform spellings into BCP 47: `zh_TW` → `zh-TW`, and POSIX
/// locales such as `ja_JP.UTF-8@calendar` lose their codeset and modifier.
fn normalise(tag: &str) -> String {
    let t = tag.trim();
    let t = t.split(['.', '@']).next().unwrap_or(t);
    t.replace('_', "-")
}

/// Parses one tag strictly. `Err` only when it is not a syntactically valid
/// language tag (an explicit `--lang !!` should be reported, not ignored).
fn parse(tag: &str) -> Result<LanguageIdentifier, I18nError> {
    let clean = normalise(tag);
    if clean.is_empty() {
        return Err(I18nError::InvalidTag {
            tag: tag.to_string(),
            reason: "empty".to_string(),
        });
    }
    clean
        .parse::<LanguageIdentifier>()
        .map_err(|e| I18nError::InvalidTag {
            tag: tag.to_string(),
            reason: e.to_string(),
        })
}

/// Regions whose Chinese is written in Traditional characters (CLDR likely
/// subtags: `zh-TW` → `zh-Hant-TW`, and so for Hong Kong and Macau).
const TRADITIONAL_REGIONS: [&str; 3] = ["TW", "HK", "MO"];

/// The supported language a parsed tag names. Easy Japanese is absent on
/// purpose: only its explicit aliases select it, never plain `ja`.
fn lang_of(id: &LanguageIdentifier) -> Option<Lang> {
    match id.language.as_str() {
        "ja" => Some(Lang::Ja),
        "en" => Some(Lang::En),
        "ko" => Some(Lang::Ko),
        "zh" => Some(match (id.script, id.region) {
            (Some(script), _) if script.as_str() == "Hant" => Lang::ZhHant,
            (Some(_), _) => Lang::ZhHans,
            (None, Some(region)) if TRADITIONAL_REGIONS.contains(&region.as_str()) => Lang::ZhHant,
            (None, _) => Lang::ZhHans,
        }),
        _ => None,
    }
}

/// Maps one tag to a supported language.
///
/// `Ok(None)` for a valid tag machi has no language for (e.g. `pt-BR`),
/// `Err` for a tag that is not a language tag at all.
pub fn match_tag(tag: &str) -> Result<Option<Lang>, I18nError> {
    let clean = normalise(tag).to_ascii_lowercase();
    if EASY_ALIASES.contains(&clean.as_str()) {
        return Ok(Some(Lang::JaEasy));
    }
    let id = parse(tag)?;
    if id.language.as_str() == "ja" && id.variants().any(|v| v.as_str() == EASY_VARIANT) {
        return Ok(Some(Lang::JaEasy));
    }
    Ok(lang_of(&id))
}

/// Parses an explicit user choice (settings screen, `--lang`): a supported
/// language, English for a valid but unsupported tag, or a typed error for
/// text that is not a language tag.
pub fn parse_override(tag: &str) -> Result<Lang, I18nError> {
    Ok(match_tag(tag)?.unwrap_or(Lang::En))
}

/// The result of negotiation: the UI language and both fallback chains.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Negotiated {
    /// The language UI strings are shown in.
    pub lang: Lang,
    /// Content fallback chain: the supported languages the reader asked for,
    /// in their order; then English for readers of neither Japanese form;
    /// always ending in Japanese (content is authored in Japanese).
    pub chain: Vec<Lang>,
    /// Where a UI message is looked up when missing in `lang`: easy Japanese
    /// first tries Japanese, then English, then Japanese.
    pub message_chain: Vec<Lang>,
}

impl Negotiated {
    /// Chains for a language chosen directly.
    pub fn for_lang(lang: Lang) -> Self {
        Self::from_matches(vec![lang])
    }

    fn from_matches(mut matched: Vec<Lang>) -> Self {
        if matched.is_empty() {
            matched.push(Lang::En);
        }
        let lang = matched[0];
        let mut chain = Vec::new();
        let push = |v: &mut Vec<Lang>, l: Lang| {
            if !v.contains(&l) {
                v.push(l);
            }
        };
        for l in &matched {
            push(&mut chain, *l);
            // Someone who reads easy Japanese reads ordinary Japanese better
            // than any other language we might fall back to.
            if *l == Lang::JaEasy {
                push(&mut chain, Lang::Ja);
            }
        }
        if !matches!(lang, Lang::Ja | Lang::JaEasy) {
            push(&mut chain, Lang::En);
        }
        push(&mut chain, Lang::Ja);

        let mut message_chain = vec![lang];
        if lang == Lang::JaEasy {
            push(&mut message_chain, Lang::Ja);
        }
        push(&mut message_chain, Lang::En);
        push(&mut message_chain, Lang::Ja);
        Negotiated {
            lang,
            chain,
            message_chain,
        }
    }
}

/// Negotiates a device's ordered locale list. Tags that are invalid or name
/// unsupported languages are skipped silently (a device list is not the
/// user's typing); when nothing matches, English.
pub fn negotiate<S: AsRef<str>>(requested: &[S]) -> Negotiated {
    let matched = requested
        .iter()
        .filter_map(|t| match_tag(t.as_ref()).ok().flatten())
        .collect();
    Negotiated::from_matches(matched)
}

/// Negotiates with an explicit user choice taking precedence over the device
/// list. The override must be a valid tag (else `Err`); if valid but
/// unsupported it means English, like any unknown language (someone who
/// explicitly picks Portuguese wants a foreign-language UI, not whatever
/// the device's other entries say). The device list then extends the
/// content chain.
pub fn negotiate_with_override<S: AsRef<str>>(
    user: Option<&str>,
    device: &[S],
) -> Result<Negotiated, I18nError> {
    let mut matched = Vec::new();
    if let Some(tag) = user {
        matched.push(parse_override(tag)?);
    }
    matched.extend(
        device
            .iter()
            .filter_map(|t| match_tag(t.as_ref()).ok().flatten()),
    );
    Ok(Negotiated::from_matches(matched))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(tag: &str) -> Option<Lang> {
        match_tag(tag).unwrap()
    }

    #[test]
    fn chinese_regions_pick_the_script() {
        // An explicit script wins over the region.
        for t in [
            "zh-TW",
            "zh-HK",
            "zh-MO",
            "zh-Hant",
            "zh_TW",
            "zh-Hant-HK",
            "zh-Hant-CN",
        ] {
            assert_eq!(m(t), Some(Lang::ZhHant), "{t}");
        }
        for t in [
            "zh-CN",
            "zh-SG",
            "zh",
            "zh-Hans",
            "zh-Hans-CN",
            "zh_CN.UTF-8",
            "zh-Hans-TW",
        ] {
            assert_eq!(m(t), Some(Lang::ZhHans), "{t}");
        }
    }

    #[test]
    fn easy_japanese_aliases_and_plain_japanese() {
        for t in [
            "ja-yasasii",
            "ja-easy",
            "easy",
            "ja-x-easy",
            "JA_EASY",
            "ja-JP-yasasii",
        ] {
            assert_eq!(m(t), Some(Lang::JaEasy), "{t}");
        }
        for t in ["ja", "ja-JP", "ja_JP.UTF-8"] {
            assert_eq!(m(t), Some(Lang::Ja), "{t}");
        }
    }

    #[test]
    fn other_languages() {
        assert_eq!(m("en-US"), Some(Lang::En));
        assert_eq!(m("en-GB"), Some(Lang::En));
        assert_eq!(m("ko-KR"), Some(Lang::Ko));
        assert_eq!(m("pt-BR"), None);
        assert_eq!(m("fr"), None);
    }

    #[test]
    fn invalid_tags_are_errors_only_when_explicit() {
        assert!(matches!(
            parse_override("!!"),
            Err(I18nError::InvalidTag { .. })
        ));
        assert!(matches!(
            parse_override(""),
            Err(I18nError::InvalidTag { .. })
        ));
        assert_eq!(parse_override("pt-BR"), Ok(Lang::En));
        assert_eq!(negotiate(&["!!", "ko"]).lang, Lang::Ko);
        assert!(negotiate_with_override(Some("!!"), &["ko"]).is_err());
    }

    #[test]
    fn chains() {
        let n = negotiate(&["zh-TW", "en-US"]);
        assert_eq!(n.lang, Lang::ZhHant);
        assert_eq!(n.chain, vec![Lang::ZhHant, Lang::En, Lang::Ja]);
        assert_eq!(n.message_chain, vec![Lang::ZhHant, Lang::En, Lang::Ja]);

        let n = negotiate(&["ja-JP"]);
        assert_eq!(n.chain, vec![Lang::Ja]);
        assert_eq!(n.message_chain, vec![Lang::Ja, Lang::En]);

        let n = negotiate(&["pt-BR", "en"]);
        assert_eq!((n.lang, n.chain), (Lang::En, vec![Lang::En, Lang::Ja]));

        let n = negotiate(&["pt-BR"]);
        assert_eq!((n.lang, n.chain), (Lang::En, vec![Lang::En, Lang::Ja]));

        let n = negotiate::<&str>(&[]);
        assert_eq!(n.lang, Lang::En);

        let n = negotiate(&["ja-easy"]);
        assert_eq!(n.chain, vec![Lang::JaEasy, Lang::Ja]);
        assert_eq!(n.message_chain, vec![Lang::JaEasy, Lang::Ja, Lang::En]);

        let n = negotiate(&["ko", "zh-CN"]);
        assert_eq!(n.chain, vec![Lang::Ko, Lang::ZhHans, Lang::En, Lang::Ja]);
    }

    #[test]
    fn override_wins_and_unsupported_override_means_english() {
        let n = negotiate_with_override(Some("zh-TW"), &["ko"]).unwrap();
        assert_eq!(n.chain, vec![Lang::ZhHant, Lang::Ko, Lang::En, Lang::Ja]);
        let n = negotiate_with_override(Some("pt-BR"), &["ko"]).unwrap();
        assert_eq!(n.lang, Lang::En);
        assert_eq!(n.chain, vec![Lang::En, Lang::Ko, Lang::Ja]);
        let n = negotiate_with_override(None, &["ja"]).unwrap();
        assert_eq!(n.lang, Lang::Ja);
    }
}
