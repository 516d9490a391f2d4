//! The FAQ chatbot on the facade: ask, typing suggestions, browse by
//! category, one entry, and the "did this help?" vote — all answered in the
//! reader's current language by `machi-app`.

use machi_app::{
    FaqAnswer as Answer, FaqChoice as Choice, FaqContact as Contact, FaqSuggestion as Suggestion,
};
use machi_common::Lang;

use crate::error::Result;
use crate::Machi;

/// What kind of reply a question got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum FaqReplyKind {
    /// A confident answer (plus related entries).
    Answer,
    /// Several plausible topics: the user picks one of `choices`.
    Clarify,
    /// Not sure: candidates and the department to contact.
    NotSure,
    /// Nothing matched: the contact fallback.
    NoMatch,
}

/// How to reach the responsible department: its name, phone, opening
/// hours, and one localized line combining them.
#[uniffi::remote(Record)]
#[uniffi(name = "FaqContact")]
pub struct Contact {
    pub department: String,
    pub phone: Option<String>,
    pub hours: Option<String>,
    pub text: String,
}

/// One FAQ entry as shown to the reader: id (for feedback), question,
/// answer (may carry ruby markup in easy Japanese), the language it is
/// written in, a note such as "not yet translated", retrieval confidence
/// 0..1, category id and who to ask.
#[uniffi::remote(Record)]
#[uniffi(name = "FaqAnswer")]
pub struct Answer {
    pub id: String,
    pub question: String,
    pub answer: String,
    pub lang: Lang,
    pub note: Option<String>,
    pub confidence: f32,
    pub category: Option<String>,
    pub contact: Option<Contact>,
}

/// One tappable choice of a clarifying menu: what the button says, the
/// entry it opens directly if any, otherwise the question to ask next.
#[uniffi::remote(Record)]
#[uniffi(name = "FaqChoice")]
pub struct Choice {
    pub label: String,
    pub entry_id: Option<String>,
    pub query: String,
}

/// The chatbot's reply. (A mirror: the core's reply kinds include an
/// empty query, which the facade reports as `InvalidInput` instead.)
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct FaqReply {
    /// Its kind.
    pub kind: FaqReplyKind,
    /// The lead message.
    pub message: String,
    /// Answers or candidates, best first.
    pub answers: Vec<Answer>,
    /// Clarifying choices.
    pub choices: Vec<Choice>,
    /// The department to contact when unsure.
    pub contact: Option<Contact>,
    /// Confidence of the best answer, 0..1.
    pub confidence: f32,
}

/// A suggestion or browse row: entry id and its question.
#[uniffi::remote(Record)]
#[uniffi(name = "FaqSuggestion")]
pub struct Suggestion {
    pub id: String,
    pub question: String,
}

/// A browsing category (a mirror: the core counts in `usize`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FaqCategory {
    /// Category id.
    pub id: String,
    /// Its name in the reader's language.
    pub name: String,
    /// Entries in it.
    pub count: u32,
}

#[uniffi::export]
impl Machi {
    /// Builds the FAQ index now so the first question is answered at once
    /// (with the sentence encoder, every entry is embedded: seconds for a
    /// large FAQ). Blocking: call it off the UI thread after start and after
    /// a sync.
    pub fn prepare_faq(&self) -> Result<()> {
        Ok(self.app.prepare_faq()?)
    }

    /// Whether FAQ search uses the sentence encoder the content pack brought
    /// (questions in one language then reach entries written in another);
    /// false until a usable model has arrived with a sync.
    pub fn faq_uses_encoder(&self) -> Result<bool> {
        Ok(self.app.faq_uses_encoder()?)
    }

    /// Answers a question in the reader's language. `InvalidInput` (reason
    /// localized) for a question with no searchable text or far too long.
    pub fn ask(&self, question: String) -> Result<FaqReply> {
        let r = self.app.ask(&question, &self.localizer())?;
        use machi_app::FaqReplyKind as K;
        let kind = match r.kind {
            K::Answer => FaqReplyKind::Answer,
            K::Clarify => FaqReplyKind::Clarify,
            K::NotSure => FaqReplyKind::NotSure,
            // `ask` turns an empty query into InvalidInput; treat any other as no match.
            K::NoMatch | K::EmptyQuery => FaqReplyKind::NoMatch,
        };
        Ok(FaqReply {
            kind,
            message: r.message,
            answers: r.answers,
            choices: r.choices,
            contact: r.contact,
            confidence: r.confidence,
        })
    }

    /// Up to `limit` questions matching what has been typed so far.
    pub fn faq_suggest(&self, typed: String, limit: u32) -> Result<Vec<Suggestion>> {
        let limit = usize::try_from(limit).unwrap_or(usize::MAX);
        Ok(self.app.faq_suggest(&typed, limit, &self.localizer())?)
    }

    /// The FAQ categories with their entry counts.
    pub fn faq_categories(&self) -> Result<Vec<FaqCategory>> {
        Ok(self
            .app
            .faq_categories(&self.localizer())?
            .into_iter()
            .map(|c| FaqCategory {
                id: c.id,
                name: c.name,
                count: u32::try_from(c.count).unwrap_or(u32::MAX),
            })
            .collect())
    }

    /// The entries of one category; `NotFound` for an unknown category.
    pub fn faq_browse(&self, category: String) -> Result<Vec<Suggestion>> {
        Ok(self.app.faq_browse(&category, &self.localizer())?)
    }

    /// One entry by id; `NotFound` for an unknown id.
    pub fn faq_entry(&self, id: String) -> Result<Answer> {
        Ok(self.app.faq_entry(&id, &self.localizer())?)
    }

    /// Records whether an answer helped (`query`: what was asked, may be
    /// empty when browsing); `NotFound` for an unknown entry. "Helped"
    /// makes `query` an example question of the entry on this phone, so
    /// the same words find it next time; "did not help" on the same pair
    /// takes that back.
    pub fn faq_feedback(&self, entry_id: String, query: String, helpful: bool) -> Result<()> {
        Ok(self
            .app
            .rate_faq_answer(&entry_id, &query, helpful, &self.localizer())?)
    }
}
