//! The chatbot: `ask`, clarifying menus, low-confidence fallback with the
//! responsible department, typing suggestions and category browsing, over
//! FAQ entries the caller supplies (from the content pack).

use std::collections::HashSet;
#[cfg(feature = "encoder")]
use std::sync::Arc;

use machi_common::{Lang, LocalizedText};
use machi_i18n::{Args, Localizer};
use serde::{Deserialize, Serialize};

use crate::confidence::{confidence, CONFIDENT};
use crate::error::FaqError;
use crate::index::{ExampleQuestion, Hit, IndexDoc, RetrievalConfig, Retriever};
use crate::menu::{link_items, parse_menu};
use crate::normalize::normalize;
use crate::synonyms::SynonymTable;
#[cfg(feature = "encoder")]
use crate::{dense::EmbeddingCache, encoder::Encoder};

/// The department responsible for an entry.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Department {
    /// Department name.
    pub name: LocalizedText,
    /// Phone number as it should be dialled/shown.
    pub phone: Option<String>,
    /// Opening hours, free text.
    pub hours: Option<LocalizedText>,
}

/// A browsing category.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Category {
    /// Stable key (e.g. `waste`).
    pub id: String,
    /// Display name.
    pub name: LocalizedText,
}

/// One FAQ entry as the content pack provides it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FaqEntry {
    /// Stable id, unique within the pack.
    pub id: String,
    /// The question, in every language the pack has.
    pub question: LocalizedText,
    /// The answer, in every language the pack has.
    pub answer: LocalizedText,
    /// Browsing category.
    pub category: Option<Category>,
    /// Responsible department.
    pub department: Option<Department>,
    /// Extra search words (any language).
    pub keywords: Vec<String>,
    /// Questions people asked that this entry answered (the pack's, and
    /// this phone's "this helped" votes): they make the entry findable by
    /// the words residents really use.
    #[serde(default)]
    pub examples: Vec<ExampleQuestion>,
}

/// How to reach the responsible department, localized.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    /// Department name in the reader's language (or the fallback).
    pub department: String,
    /// Phone number.
    pub phone: Option<String>,
    /// Opening hours in the reader's language (or the fallback).
    pub hours: Option<String>,
    /// A ready sentence ("Please contact … at … (…)"), from Fluent.
    pub text: String,
}

/// One entry shown to the user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// Entry id (for feedback and "show this entry").
    pub id: String,
    /// Question text.
    pub question: String,
    /// Answer text.
    pub answer: String,
    /// Language `answer` is written in.
    pub lang: Lang,
    /// A localized note when `answer` is not in the reader's language.
    pub note: Option<String>,
    /// Estimated probability that this entry answers the question (0..=1).
    pub confidence: f32,
    /// Category id, if any.
    pub category: Option<String>,
    /// Responsible department, if known.
    pub contact: Option<Contact>,
}

/// One tappable choice of a clarifying menu.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    /// The item text as shown.
    pub label: String,
    /// The entry this item leads to, when one clearly matches.
    pub entry_id: Option<String>,
    /// What to `ask` next when the user taps it (used when `entry_id` is `None`).
    pub query: String,
}

/// What kind of reply `ask` produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReplyKind {
    /// A confident answer (`answers[0]`), maybe with related entries after it.
    Answer,
    /// A confident match whose answer is a menu: show `message` and `choices`.
    Clarify,
    /// Not confident: `message` says so, `answers` holds up to 3 candidates,
    /// `contact` the department to call.
    NotSure,
    /// Nothing matched at all: `message` and, when known, a general contact.
    NoMatch,
    /// The question had no searchable text (empty, symbols only).
    EmptyQuery,
}

/// The chatbot's reply to one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    /// What kind of reply this is.
    pub kind: ReplyKind,
    /// The lead sentence to show (localized; empty for a plain answer).
    pub message: String,
    /// Answer or candidates, best first.
    pub answers: Vec<Answer>,
    /// Menu choices (only for [`ReplyKind::Clarify`]).
    pub choices: Vec<Choice>,
    /// Department to contact when unsure.
    pub contact: Option<Contact>,
    /// Confidence in the first answer (0..=1).
    pub confidence: f32,
}

impl Reply {
    /// The record to keep in the local unanswered-question log, when this
    /// reply did not answer (not sure / no match). Storing it is the app's job.
    pub fn unanswered(&self, question: &str, lang: Lang) -> Option<UnansweredQuestion> {
        matches!(self.kind, ReplyKind::NotSure | ReplyKind::NoMatch).then(|| UnansweredQuestion {
            text: question.to_string(),
            lang,
            best_entry: self.answers.first().map(|a| a.id.clone()),
            confidence: self.confidence,
        })
    }
}

/// "Did this help?" feedback on one entry; the app layer stores it locally.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    /// The entry the user rated.
    pub entry_id: String,
    /// True for "helped".
    pub helpful: bool,
    /// The reader's language.
    pub lang: Lang,
}

/// A question the bot could not answer confidently, for staff to review.
/// It holds only what the user typed, never who they are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnansweredQuestion {
    /// The question as typed.
    pub text: String,
    /// The reader's language.
    pub lang: Lang,
    /// The best candidate offered, if any.
    pub best_entry: Option<String>,
    /// Its confidence.
    pub confidence: f32,
}

/// A typing suggestion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    /// Entry id.
    pub id: String,
    /// Question text in the reader's language (or the fallback).
    pub question: String,
}

/// A category with its number of entries, for browsing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoryInfo {
    /// Category key.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Number of entries in it.
    pub count: usize,
}

/// Candidates shown when unsure.
const CANDIDATES: usize = 3;
/// Related entries shown under a confident answer.
const RELATED: usize = 2;
/// Match (see [`Retriever::item_matches`]) from which a menu item is taken
/// to name an entry.
const CHOICE_MATCH: f32 = 0.3;

/// The encoder (and its vector cache) a bot is built with, if any.
#[cfg(feature = "encoder")]
type WithEncoder<'a> = Option<(Arc<Encoder>, Option<&'a dyn EmbeddingCache>)>;
/// Without the `encoder` feature a bot never has one.
#[cfg(not(feature = "encoder"))]
type WithEncoder<'a> = Option<std::convert::Infallible>;

/// The chatbot over one list of entries. Immutable and cheap to share.
#[derive(Debug, Clone)]
pub struct FaqBot {
    entries: Vec<FaqEntry>,
    retriever: Retriever,
    /// Per entry, the normalized question in every language (for suggestions).
    suggest_keys: Vec<Vec<String>>,
    /// Per entry, whether its answer is itself a menu (never a menu item's
    /// target: an item should lead to an answer, not to another menu).
    is_menu: Vec<bool>,
}

impl FaqBot {
    /// Builds the bot over `entries`, expanding queries with the built-in
    /// synonym table plus `pack_synonyms`. Fails on duplicate ids.
    pub fn new(entries: Vec<FaqEntry>, pack_synonyms: &SynonymTable) -> Result<Self, FaqError> {
        Self::with_config(entries, pack_synonyms, RetrievalConfig::default())
    }

    /// Like [`FaqBot::new`] with explicit ranking settings.
    pub fn with_config(
        entries: Vec<FaqEntry>,
        pack_synonyms: &SynonymTable,
        cfg: RetrievalConfig,
    ) -> Result<Self, FaqError> {
        Self::build(entries, pack_synonyms, cfg, None)
    }

    /// Like [`FaqBot::with_config`], with a sentence encoder fused into
    /// retrieval: questions in any of its languages reach entries written
    /// in another (every entry is embedded here, once).
    #[cfg(feature = "encoder")]
    pub fn with_encoder(
        entries: Vec<FaqEntry>,
        pack_synonyms: &SynonymTable,
        cfg: RetrievalConfig,
        encoder: Arc<Encoder>,
    ) -> Result<Self, FaqError> {
        Self::build(entries, pack_synonyms, cfg, Some((encoder, None)))
    }

    /// [`FaqBot::with_encoder`], taking entry vectors from `cache` where it
    /// has them (a restart, or a sync that changed a few entries, then
    /// embeds only what is new) and keeping the ones it made there.
    #[cfg(feature = "encoder")]
    pub fn with_encoder_cached(
        entries: Vec<FaqEntry>,
        pack_synonyms: &SynonymTable,
        cfg: RetrievalConfig,
        encoder: Arc<Encoder>,
        cache: &dyn EmbeddingCache,
    ) -> Result<Self, FaqError> {
        Self::build(entries, pack_synonyms, cfg, Some((encoder, Some(cache))))
    }

    fn build(
        entries: Vec<FaqEntry>,
        pack_synonyms: &SynonymTable,
        cfg: RetrievalConfig,
        encoder: WithEncoder<'_>,
    ) -> Result<Self, FaqError> {
        let mut seen = HashSet::new();
        for e in &entries {
            if !seen.insert(e.id.as_str()) {
                return Err(FaqError::DuplicateId(e.id.clone()));
            }
        }
        let join = |t: &LocalizedText| t.iter().map(|(_, s)| s).collect::<Vec<_>>().join("\n");
        let docs: Vec<IndexDoc> = entries
            .iter()
            .map(|e| IndexDoc {
                question: join(&e.question),
                answer: join(&e.answer),
                keywords: e.keywords.join(" "),
                // Ruby markup (easy Japanese) would split words apart.
                questions: e
                    .question
                    .iter()
                    .map(|(_, q)| machi_i18n::strip_ruby(q).into_owned())
                    .collect(),
                examples: e.examples.clone(),
            })
            .collect();
        let mut synonyms = SynonymTable::builtin();
        synonyms.extend(pack_synonyms);
        let retriever = match encoder {
            #[cfg(feature = "encoder")]
            Some((enc, cache)) => {
                Retriever::build_with_encoder_cached(&docs, synonyms, cfg, enc, cache)
            }
            #[cfg(not(feature = "encoder"))]
            Some(never) => match never {},
            None => Retriever::build(&docs, synonyms, cfg),
        };
        let suggest_keys = entries
            .iter()
            .map(|e| e.question.iter().map(|(_, q)| normalize(q)).collect())
            .collect();
        let is_menu = entries
            .iter()
            .map(|e| e.answer.iter().any(|(_, a)| parse_menu(a).is_some()))
            .collect();
        Ok(FaqBot {
            entries,
            retriever,
            suggest_keys,
            is_menu,
        })
    }

    /// Whether retrieval fuses a sentence encoder with BM25.
    pub fn uses_encoder(&self) -> bool {
        self.retriever.has_encoder()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Answers `text` for a reader using `loc`. Errors only for a query
    /// longer than [`crate::MAX_QUERY_CHARS`]; empty or meaningless input
    /// gives [`ReplyKind::EmptyQuery`] / [`ReplyKind::NoMatch`].
    pub fn ask(&self, text: &str, loc: &Localizer) -> Result<Reply, FaqError> {
        if normalize(text).is_empty() {
            return Ok(Reply {
                kind: ReplyKind::EmptyQuery,
                message: loc.msg("faq-empty-query", &Args::new()),
                answers: Vec::new(),
                choices: Vec::new(),
                contact: None,
                confidence: 0.0,
            });
        }
        let hits = self.retriever.search(text, 10)?;
        let conf = confidence(&hits);
        let Some(top) = hits.first() else {
            return Ok(Reply {
                kind: ReplyKind::NoMatch,
                message: loc.msg("faq-no-match", &Args::new()),
                answers: Vec::new(),
                choices: Vec::new(),
                contact: None,
                confidence: 0.0,
            });
        };
        let best_score = top.score;
        // Later entries get the top confidence scaled by their relative score,
        // so the list reads as decreasing likelihood.
        let answer_at =
            |h: &Hit| self.answer(h.doc, conf * (h.score / best_score).clamp(0.0, 1.0), loc);
        if conf < CONFIDENT {
            let answers: Vec<Answer> = hits.iter().take(CANDIDATES).filter_map(answer_at).collect();
            let contact = answers.iter().find_map(|a| a.contact.clone());
            return Ok(Reply {
                kind: ReplyKind::NotSure,
                message: loc.msg("faq-not-sure", &Args::new()),
                answers,
                choices: Vec::new(),
                contact,
                confidence: conf,
            });
        }
        let answers: Vec<Answer> = hits
            .iter()
            .take(1 + RELATED)
            .filter_map(answer_at)
            .collect();
        let Some(first) = answers.first() else {
            return Ok(self.no_match(loc));
        };
        if let Some(menu) = parse_menu(&first.answer) {
            let choices = self.choices(&menu.items, first.lang, top.doc);
            // The menu's own question reads best, unless it is empty or in a
            // language other than the reader's (then the localized prompt).
            let message = if menu.prompt.is_empty() || first.lang != loc.lang() {
                loc.msg("faq-clarify", &Args::new())
            } else {
                menu.prompt.clone()
            };
            return Ok(Reply {
                kind: ReplyKind::Clarify,
                message,
                answers: answers.into_iter().take(1).collect(),
                choices,
                contact: None,
                confidence: conf,
            });
        }
        Ok(Reply {
            kind: ReplyKind::Answer,
            message: String::new(),
            answers,
            choices: Vec::new(),
            contact: None,
            confidence: conf,
        })
    }

    /// Like [`FaqBot::ask`] for raw bytes (e.g. from a socket or a file):
    /// bytes that are not UTF-8 give [`FaqError::NotUtf8`].
    pub fn ask_bytes(&self, bytes: &[u8], loc: &Localizer) -> Result<Reply, FaqError> {
        self.ask(std::str::from_utf8(bytes)?, loc)
    }

    fn no_match(&self, loc: &Localizer) -> Reply {
        Reply {
            kind: ReplyKind::NoMatch,
            message: loc.msg("faq-no-match", &Args::new()),
            answers: Vec::new(),
            choices: Vec::new(),
            contact: None,
            confidence: 0.0,
        }
    }

    /// The menu's items as choices, each linked to the entry that its text
    /// names best through the entry's question in the menu's language
    /// (`lang`) and its keywords, no two items to the same entry unless the
    /// items are the same text.
    fn choices(&self, items: &[String], lang: Lang, menu_doc: usize) -> Vec<Choice> {
        let scores: Vec<Vec<(usize, f32)>> = items
            .iter()
            .map(|label| {
                self.retriever
                    .item_matches(label, |d| {
                        self.entries
                            .get(d)?
                            .question
                            .iter()
                            .position(|(l, _)| l == lang)
                    })
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|&(d, _)| {
                        d != menu_doc && !self.is_menu.get(d).copied().unwrap_or(true)
                    })
                    .collect()
            })
            .collect();
        let same = |i: usize, j: usize| normalize(&items[i]) == normalize(&items[j]);
        link_items(&scores, CHOICE_MATCH, same)
            .into_iter()
            .zip(items)
            .map(|(doc, label)| Choice {
                label: label.clone(),
                entry_id: doc.and_then(|d| self.entries.get(d)).map(|e| e.id.clone()),
                query: label.clone(),
            })
            .collect()
    }

    /// The entry with `id`, localized, with confidence 1.
    pub fn entry(&self, id: &str, loc: &Localizer) -> Option<Answer> {
        let doc = self.entries.iter().position(|e| e.id == id)?;
        self.answer(doc, 1.0, loc)
    }

    fn answer(&self, doc: usize, confidence: f32, loc: &Localizer) -> Option<Answer> {
        let e = self.entries.get(doc)?;
        let chain = loc.chain();
        let ans = e.answer.resolve(chain)?;
        let question = e.question.text_for(chain).to_string();
        let note = (ans.lang != loc.lang()).then(|| {
            loc.msg(
                "faq-answer-fallback",
                &Args::new().str("lang", ans.lang.tag()),
            )
        });
        Some(Answer {
            id: e.id.clone(),
            question,
            answer: ans.text.to_string(),
            lang: ans.lang,
            note,
            confidence,
            category: e.category.as_ref().map(|c| c.id.clone()),
            contact: e.department.as_ref().map(|d| contact(d, loc)),
        })
    }

    /// Up to `limit` questions matching what has been typed so far, for a
    /// suggestion list: questions containing the typed text first (those
    /// starting with it before the rest, shorter before longer), then the
    /// best retrieval matches (which also covers other languages).
    pub fn suggest(&self, typed: &str, limit: usize, loc: &Localizer) -> Vec<Suggestion> {
        let key = normalize(typed);
        if key.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut scored: Vec<(usize, usize, usize)> = Vec::new(); // (starts?0:1, len, doc)
        for (doc, keys) in self.suggest_keys.iter().enumerate() {
            let best = keys
                .iter()
                .filter_map(|k| k.find(&key).map(|pos| (usize::from(pos != 0), k.len())))
                .min();
            if let Some((starts, len)) = best {
                scored.push((starts, len, doc));
            }
        }
        scored.sort_unstable();
        let mut docs: Vec<usize> = scored.into_iter().map(|s| s.2).take(limit).collect();
        // Retrieval fills up the list once there is more than one character
        // to go on (a single kana matches half the corpus and costs time).
        if docs.len() < limit && key.chars().count() >= 2 {
            if let Ok(hits) = self.retriever.search_lexical(typed, limit) {
                for h in hits {
                    if docs.len() >= limit {
                        break;
                    }
                    if !docs.contains(&h.doc) {
                        docs.push(h.doc);
                    }
                }
            }
        }
        let chain = loc.chain();
        docs.into_iter()
            .filter_map(|d| self.entries.get(d))
            .map(|e| Suggestion {
                id: e.id.clone(),
                question: e.question.text_for(chain).to_string(),
            })
            .collect()
    }

    /// Categories in the order they first appear, with entry counts.
    pub fn categories(&self, loc: &Localizer) -> Vec<CategoryInfo> {
        let mut out: Vec<CategoryInfo> = Vec::new();
        for c in self.entries.iter().filter_map(|e| e.category.as_ref()) {
            match out.iter_mut().find(|i| i.id == c.id) {
                Some(i) => i.count += 1,
                None => out.push(CategoryInfo {
                    id: c.id.clone(),
                    name: c.name.text_for(loc.chain()).to_string(),
                    count: 1,
                }),
            }
        }
        out
    }

    /// The entries of category `id`, in pack order, as suggestions (id + question).
    pub fn browse(&self, category_id: &str, loc: &Localizer) -> Vec<Suggestion> {
        self.entries
            .iter()
            .filter(|e| e.category.as_ref().is_some_and(|c| c.id == category_id))
            .map(|e| Suggestion {
                id: e.id.clone(),
                question: e.question.text_for(loc.chain()).to_string(),
            })
            .collect()
    }
}

fn contact(d: &Department, loc: &Localizer) -> Contact {
    let department = d.name.text_for(loc.chain()).to_string();
    let hours = d
        .hours
        .as_ref()
        .map(|h| h.text_for(loc.chain()).to_string())
        .filter(|h| !h.is_empty());
    let mut args = Args::new().str("department", department.clone());
    let id = match (&d.phone, &hours) {
        (Some(p), Some(h)) => {
            args = args.str("phone", p.clone()).str("hours", h.clone());
            "faq-contact-phone-hours"
        }
        (Some(p), None) => {
            args = args.str("phone", p.clone());
            "faq-contact-phone"
        }
        (None, Some(h)) => {
            args = args.str("hours", h.clone());
            "faq-contact-hours"
        }
        (None, None) => "faq-contact",
    };
    Contact {
        department,
        phone: d.phone.clone(),
        hours,
        text: loc.msg(id, &args),
    }
}
