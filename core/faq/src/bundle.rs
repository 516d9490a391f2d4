//! The FAQ of one verified content pack as a town's website serves it: the
//! file `faq.json` that `machi web build` writes from the signed pack and
//! the browser build of the chatbot (`bindings/web`) reads back. It holds
//! exactly what [`FaqBot`] is built from, so the website and the app answer
//! the same question with the same entry.

use machi_common::LocalizedText;
use machi_i18n::{Args, Localizer};
use serde::{Deserialize, Serialize};

use crate::chat::{FaqBot, FaqEntry};
use crate::error::FaqError;
use crate::synonyms::SynonymTable;

/// The format tag of [`FaqBundle`] files this build writes and reads.
pub const BUNDLE_FORMAT: &str = "machi-web-faq/1";

/// One pack's FAQ, for the website (see the module docs).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FaqBundle {
    /// Always [`BUNDLE_FORMAT`].
    pub format: String,
    /// The town's local government code (as in the pack's manifest).
    pub municipality_code: String,
    /// The town's name.
    pub town: LocalizedText,
    /// Version of the pack the entries come from.
    pub pack_version: u64,
    /// Key id of the publisher key the pack was verified against.
    pub key_id: String,
    /// When the pack was signed (the manifest's `created`).
    pub created: String,
    /// The entries, departments attached, in pack order.
    pub entries: Vec<FaqEntry>,
    /// The pack's synonym groups (the built-in table is always added).
    pub synonyms: Vec<Vec<String>>,
}

impl FaqBundle {
    /// Reads a bundle from its JSON bytes: bad JSON or another format
    /// version is [`FaqError::BadBundle`], never a panic.
    pub fn from_json(bytes: &[u8]) -> Result<Self, FaqError> {
        #[derive(Deserialize)]
        struct Head {
            format: Option<String>,
        }
        let bad = |reason: String| FaqError::BadBundle { reason };
        let head: Head = serde_json::from_slice(bytes).map_err(|e| bad(e.to_string()))?;
        match head.format.as_deref() {
            Some(BUNDLE_FORMAT) => {}
            Some(other) => {
                return Err(bad(format!(
                    "format {other:?}, this build reads {BUNDLE_FORMAT:?}"
                )))
            }
            None => return Err(bad(format!("no \"format\" (expected {BUNDLE_FORMAT:?})"))),
        }
        serde_json::from_slice(bytes).map_err(|e| bad(e.to_string()))
    }

    /// The chatbot over the bundle's entries, expanding queries with the
    /// built-in synonyms plus the pack's, as the app builds it.
    pub fn bot(&self) -> Result<FaqBot, FaqError> {
        FaqBot::new(
            self.entries.clone(),
            &SynonymTable::from_groups(&self.synonyms),
        )
    }
}

/// The display name of FAQ category `id`: the Fluent message
/// `faq-category-<id>` when the reader's language has it, else the key
/// itself (a pack may add categories the app does not know yet). Packs
/// carry only category keys; the app and the website both name them here.
pub fn category_name(id: &str, loc: &Localizer) -> String {
    let msg = format!("faq-category-{id}");
    if loc.has(&msg) {
        loc.msg(&msg, &Args::new())
    } else {
        id.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use machi_common::Lang;

    fn bundle() -> FaqBundle {
        FaqBundle {
            format: BUNDLE_FORMAT.into(),
            municipality_code: "082147".into(),
            town: LocalizedText::single(Lang::Ja, "高萩市"),
            pack_version: 3,
            key_id: "abcd".into(),
            created: "2026-01-01T00:00:00Z".into(),
            entries: vec![FaqEntry {
                id: "sodai".into(),
                question: LocalizedText::single(Lang::Ja, "粗大ごみの出し方は？"),
                answer: LocalizedText::single(Lang::Ja, "申込制です。"),
                ..Default::default()
            }],
            synonyms: vec![vec!["粗大ごみ".into(), "大型ごみ".into()]],
        }
    }

    #[test]
    fn a_bundle_reads_back_and_answers_with_the_pack_synonyms() {
        let json = serde_json::to_vec(&bundle()).unwrap();
        let back = FaqBundle::from_json(&json).unwrap();
        assert_eq!(back, bundle());
        let bot = back.bot().unwrap();
        let r = bot
            .ask("大型ごみの出し方は？", &Localizer::for_lang(Lang::Ja))
            .unwrap();
        assert_eq!(r.answers[0].id, "sodai");
    }

    #[test]
    fn other_formats_and_broken_files_are_typed_errors() {
        let mut v = serde_json::to_value(bundle()).unwrap();
        v["format"] = "machi-web-faq/2".into();
        let other = serde_json::to_vec(&v).unwrap();
        for bytes in [
            &other[..],
            b"{}",
            b"not json",
            br#"{"format":"machi-web-faq/1"}"#,
        ] {
            match FaqBundle::from_json(bytes) {
                Err(FaqError::BadBundle { reason }) => assert!(!reason.is_empty()),
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn duplicate_entries_are_refused() {
        let mut b = bundle();
        b.entries.push(b.entries[0].clone());
        assert!(matches!(b.bot(), Err(FaqError::DuplicateId(id)) if id == "sodai"));
    }

    #[test]
    fn unknown_category_keys_show_as_themselves() {
        let en = Localizer::for_lang(Lang::En);
        assert_eq!(category_name("no-such-category", &en), "no-such-category");
        assert_eq!(category_name("garbage", &en), "Garbage and recycling");
    }
}
