use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// One of the six languages machi content and UI strings are written in.
///
/// The canonical tags are BCP 47: `ja`, `en`, `zh-Hans`, `zh-Hant`, `ko`, and
/// `ja-yasasii` for easy Japanese (やさしい日本語). A private-use tag such as
/// `ja-x-easy` is rejected by `unic-langid`, so easy Japanese uses a
/// syntactically valid variant subtag instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Lang {
    /// Japanese.
    #[serde(rename = "ja")]
    Ja,
    /// Easy Japanese (やさしい日本語): short sentences, common words, furigana.
    #[serde(rename = "ja-yasasii")]
    JaEasy,
    /// English.
    #[serde(rename = "en")]
    En,
    /// Simplified Chinese.
    #[serde(rename = "zh-Hans")]
    ZhHans,
    /// Traditional Chinese.
    #[serde(rename = "zh-Hant")]
    ZhHant,
    /// Korean.
    #[serde(rename = "ko")]
    Ko,
}

impl Lang {
    /// Every supported language, Japanese first (the language content is authored in).
    pub const ALL: [Lang; 6] = [
        Lang::Ja,
        Lang::JaEasy,
        Lang::En,
        Lang::ZhHans,
        Lang::ZhHant,
        Lang::Ko,
    ];

    /// The canonical BCP 47 tag, e.g. `zh-Hant`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::JaEasy => "ja-yasasii",
            Lang::En => "en",
            Lang::ZhHans => "zh-Hans",
            Lang::ZhHant => "zh-Hant",
            Lang::Ko => "ko",
        }
    }

    /// Parses a canonical tag or a common exact alias (`ja-easy`, `zh-TW`,
    /// `zh-CN`, …), case-insensitively. Full negotiation of arbitrary device
    /// locales (regions, scripts, fallbacks to English) is `machi-i18n`'s job.
    pub fn from_tag(tag: &str) -> Result<Lang, UnknownLang> {
        let t = tag.trim().replace('_', "-").to_ascii_lowercase();
        let lang = match t.as_str() {
            "ja" | "ja-jp" => Lang::Ja,
            "ja-yasasii" | "ja-easy" | "ja-x-easy" | "easy-ja" | "yasasii" | "yasashii" => {
                Lang::JaEasy
            }
            "en" | "en-us" | "en-gb" => Lang::En,
            "zh-hans" | "zh-cn" | "zh-sg" | "zh-hans-cn" | "zh" => Lang::ZhHans,
            "zh-hant" | "zh-tw" | "zh-hk" | "zh-mo" | "zh-hant-tw" | "zh-hant-hk" => Lang::ZhHant,
            "ko" | "ko-kr" => Lang::Ko,
            _ => return Err(UnknownLang(tag.to_string())),
        };
        Ok(lang)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

impl FromStr for Lang {
    type Err = UnknownLang;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::from_tag(s)
    }
}

/// A language tag that is none of the six supported languages.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language tag {0:?}")]
pub struct UnknownLang(pub String);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_tag(l.tag()), Ok(l));
            let json = serde_json::to_string(&l).unwrap();
            assert_eq!(json, format!("\"{}\"", l.tag()));
        }
    }

    #[test]
    fn aliases() {
        assert_eq!(Lang::from_tag("zh_TW"), Ok(Lang::ZhHant));
        assert_eq!(Lang::from_tag("ZH-cn"), Ok(Lang::ZhHans));
        assert_eq!(Lang::from_tag("ja-easy"), Ok(Lang::JaEasy));
        assert!(Lang::from_tag("pt-BR").is_err());
    }
}
