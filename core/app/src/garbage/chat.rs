//! The chatbot's route to the sorting dictionary: "where does a broken
//! umbrella go?" is answered from the dictionary (category, how to put it
//! out, next collection day per area) instead of the best-scoring FAQ text.

use chrono::NaiveDate;
use machi_faq::{Answer, Reply, ReplyKind};
use machi_i18n::{Args, Localizer};

use super::{GarbageMatchKind, GarbageMatchView};
use crate::error::Result;
use crate::Machi;

/// Entry ids of dictionary answers in a chatbot reply start with this, then
/// `<category id>:<item's Japanese name>`.
pub const GARBAGE_ANSWER_PREFIX: &str = "garbage:";

/// More areas than this and the answer asks the resident to look up their
/// own area instead of listing every one.
const MAX_AREAS_LISTED: usize = 4;

/// Words that make a question about putting something out, in the six
/// locales (compared after normalization, so katakana and width do not matter).
const CUES: &[&str] = &[
    "捨て",
    "すて",
    "出し方",
    "だしかた",
    "分別",
    "ぶんべつ",
    "ごみ",
    "処分",
    "しょぶん",
    "何ごみ",
    "throw",
    "dispose",
    "disposal",
    "bin",
    "garbage",
    "trash",
    "rubbish",
    "recycl",
    "put out",
    "扔",
    "丢",
    "垃圾",
    "分类",
    "丟",
    "分類",
    "버리",
    "버려",
    "쓰레기",
    "분리",
];

fn is_garbage_question(normalized: &str) -> bool {
    CUES.iter()
        .any(|c| normalized.contains(&machi_faq::normalize(c)))
}

impl Machi {
    /// The dictionary's answer to `text` when it asks where an item goes (a
    /// disposal word and an item named in it, or just an item's exact name);
    /// `None` to let the FAQ answer.
    pub(crate) fn garbage_reply(
        &self,
        text: &str,
        loc: &Localizer,
        today: NaiveDate,
    ) -> Result<Option<Reply>> {
        let normalized = machi_faq::normalize(text);
        if normalized.is_empty() || text.chars().count() > super::MAX_GARBAGE_QUERY_CHARS {
            return Ok(None);
        }
        let cue = is_garbage_question(&normalized);
        let view = self.garbage_sort(text, None, today, 1, loc.chain())?;
        let Some(m) = view.matches.into_iter().next() else {
            return Ok(None);
        };
        let routed = match m.match_kind {
            GarbageMatchKind::Exact => true,
            GarbageMatchKind::InQuery => cue,
            _ => false,
        };
        if !routed {
            return Ok(None);
        }
        Ok(Some(self.garbage_chat_reply(&m, loc, today)?))
    }

    /// Whether `id` is a dictionary answer's id of an item in the pack.
    pub(crate) fn is_garbage_answer(&self, id: &str) -> Result<bool> {
        let Some(rest) = id.strip_prefix(GARBAGE_ANSWER_PREFIX) else {
            return Ok(false);
        };
        let Some((category, name)) = rest.split_once(':') else {
            return Ok(false);
        };
        let dict = self.garbage_dictionary()?;
        Ok(dict
            .data
            .items
            .iter()
            .any(|i| i.category_id == category && i.name.get(machi_common::Lang::Ja) == Some(name)))
    }

    fn garbage_chat_reply(
        &self,
        m: &GarbageMatchView,
        loc: &Localizer,
        today: NaiveDate,
    ) -> Result<Reply> {
        let dict = self.garbage_dictionary()?;
        let args = Args::new()
            .str("item", m.item.text.as_str())
            .str("category", m.category.text.as_str());
        let mut lines = vec![loc.msg("garbage-chat-category", &args)];
        for t in [&m.category_how, &m.how, &m.notice, &m.caution]
            .into_iter()
            .flatten()
        {
            lines.push(t.text.clone());
        }
        let areas = &dict.data.areas;
        if areas.len() > MAX_AREAS_LISTED {
            lines.push(loc.msg("garbage-chat-ask-area", &Args::new()));
        } else {
            for a in areas {
                let name = super::text_or_id(&a.name, loc.chain(), &a.id).text;
                let next = machi_content::garbage::next_collection(
                    &dict.data,
                    &a.id,
                    &m.category_id,
                    today,
                );
                lines.push(match next {
                    Some(d) => loc.msg(
                        "garbage-chat-next",
                        &Args::new().str("area", name).str("date", loc.date(d)),
                    ),
                    None => loc.msg("garbage-chat-no-schedule", &Args::new().str("area", name)),
                });
            }
        }
        let note = m
            .item
            .is_fallback
            .then(|| loc.msg("garbage-chat-untranslated", &Args::new()));
        Ok(Reply {
            kind: ReplyKind::Answer,
            message: String::new(),
            answers: vec![Answer {
                id: format!("{GARBAGE_ANSWER_PREFIX}{}:{}", m.category_id, m.item_ja),
                question: loc.msg("garbage-chat-question", &args),
                answer: lines.join("\n"),
                lang: loc.lang(),
                note,
                confidence: 1.0,
                category: Some("garbage".into()),
                contact: None,
            }],
            choices: Vec::new(),
            contact: None,
            confidence: 1.0,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disposal_words_are_recognised_in_every_locale() {
        for q in [
            "壊れた傘はどこに捨てますか",
            "カサの出し方",
            "Where can I throw away a broken umbrella?",
            "雨伞怎么扔",
            "雨傘要丟哪裡",
            "우산은 어떻게 버리나요",
        ] {
            assert!(is_garbage_question(&machi_faq::normalize(q)), "{q}");
        }
        assert!(!is_garbage_question(&machi_faq::normalize(
            "住民票はどこで取れますか"
        )));
    }
}
