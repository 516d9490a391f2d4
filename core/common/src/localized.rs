use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::Lang;

/// Human-readable text in one or more of the supported languages.
///
/// Serialized as a map from language tag to text, e.g.
/// `{"ja": "花貫渓谷", "en": "Hananuki Gorge"}`. Empty strings are never stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LocalizedText(BTreeMap<Lang, String>);

/// The text chosen for a reader, and whether it is in the language they asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved<'a> {
    /// The text itself.
    pub text: &'a str,
    /// The language the text is written in.
    pub lang: Lang,
    /// True when `lang` is not the first language of the requested chain, so a
    /// UI can mark the item as "not yet translated".
    pub is_fallback: bool,
}

impl LocalizedText {
    /// An empty text (no language present).
    pub fn new() -> Self {
        Self::default()
    }

    /// A text present in one language only.
    pub fn single(lang: Lang, text: impl Into<String>) -> Self {
        let mut t = Self::new();
        t.set(lang, text);
        t
    }

    /// Sets the text for `lang`; a blank string removes that language instead.
    pub fn set(&mut self, lang: Lang, text: impl Into<String>) {
        let text = text.into();
        if text.trim().is_empty() {
            self.0.remove(&lang);
        } else {
            self.0.insert(lang, text);
        }
    }

    /// Builder form of [`LocalizedText::set`].
    pub fn with(mut self, lang: Lang, text: impl Into<String>) -> Self {
        self.set(lang, text);
        self
    }

    /// The text in exactly `lang`, if present.
    pub fn get(&self, lang: Lang) -> Option<&str> {
        self.0.get(&lang).map(String::as_str)
    }

    /// The first language of `chain` that is present; failing all of them,
    /// Japanese (content is authored in Japanese); failing that, any language
    /// present. `None` only when the text is empty.
    pub fn resolve(&self, chain: &[Lang]) -> Option<Resolved<'_>> {
        let first = chain.first().copied();
        let pick = chain
            .iter()
            .copied()
            .chain(std::iter::once(Lang::Ja))
            .find_map(|l| self.0.get(&l).map(|t| (l, t)))
            .or_else(|| self.0.iter().next().map(|(l, t)| (*l, t)))?;
        Some(Resolved {
            text: pick.1,
            lang: pick.0,
            is_fallback: Some(pick.0) != first,
        })
    }

    /// Like [`LocalizedText::resolve`] but returns only the text, or `""` when empty.
    pub fn text_for(&self, chain: &[Lang]) -> &str {
        self.resolve(chain).map(|r| r.text).unwrap_or("")
    }

    /// True when no language is present.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The languages present, in [`Lang`] order.
    pub fn langs(&self) -> impl Iterator<Item = Lang> + '_ {
        self.0.keys().copied()
    }

    /// Every (language, text) pair present.
    pub fn iter(&self) -> impl Iterator<Item = (Lang, &str)> + '_ {
        self.0.iter().map(|(l, t)| (*l, t.as_str()))
    }
}

impl FromIterator<(Lang, String)> for LocalizedText {
    fn from_iter<I: IntoIterator<Item = (Lang, String)>>(iter: I) -> Self {
        let mut t = Self::new();
        for (l, s) in iter {
            t.set(l, s);
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_follows_chain_then_japanese() {
        let t = LocalizedText::single(Lang::Ja, "花貫渓谷").with(Lang::En, "Hananuki Gorge");
        let r = t.resolve(&[Lang::ZhHant, Lang::En]).unwrap();
        assert_eq!(
            (r.text, r.lang, r.is_fallback),
            ("Hananuki Gorge", Lang::En, true)
        );
        let r = t.resolve(&[Lang::En]).unwrap();
        assert!(!r.is_fallback);
        let r = t.resolve(&[Lang::Ko]).unwrap();
        assert_eq!(r.lang, Lang::Ja);
        assert!(LocalizedText::new().resolve(&[Lang::Ja]).is_none());
    }

    #[test]
    fn blank_is_not_stored() {
        let t = LocalizedText::single(Lang::En, "  ");
        assert!(t.is_empty());
    }

    #[test]
    fn serde_is_a_tag_map() {
        let t = LocalizedText::single(Lang::ZhHans, "花贯溪谷");
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            r#"{"zh-Hans":"花贯溪谷"}"#
        );
        let back: LocalizedText = serde_json::from_str(r#"{"ja":"a","ko":"b"}"#).unwrap();
        assert_eq!(back.get(Lang::Ko), Some("b"));
    }
}
