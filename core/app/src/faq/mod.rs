//! The FAQ chatbot on the facade: a [`FaqBot`] built from the installed
//! pack's FAQ entries, departments and synonyms, cached until the content
//! changes, plus the local "did this help?" votes and unanswered-question log.
//!
//! Everything returned is already localized for the reader (`&Localizer`),
//! so the CLI and the bindings show the same text.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};

use machi_common::LocalizedText;
use machi_content::model;
use machi_content::store::FaqFeedback;
use machi_faq::{
    Category, Department, Encoder, ExampleQuestion, FaqBot, FaqEntry, FaqError, RetrievalConfig,
    SynonymTable,
};
use machi_i18n::{Args, Localizer};

use crate::error::{Error, Result};
use crate::Machi;

mod encoder;
mod eval;
mod web;

use encoder::StoreCache;
pub use eval::{eval_faq, FaqEvalExamples};
pub use web::web_faq_bundle;

/// Summary and per-query rankings of a LocalgovFAQ evaluation run.
pub use machi_faq::eval::EvalReport as FaqEvalReport;
/// One FAQ entry as shown to the reader (question, answer, language, note, contact).
pub use machi_faq::Answer as FaqAnswer;
/// A browsing category with its localized name and number of entries.
pub use machi_faq::CategoryInfo as FaqCategory;
/// One tappable choice of a clarifying menu.
pub use machi_faq::Choice as FaqChoice;
/// How to reach the responsible department, localized.
pub use machi_faq::Contact as FaqContact;
/// The chatbot's reply to one question: its kind, lead message, answers or
/// candidates, clarifying choices and the department to contact.
pub use machi_faq::Reply as FaqReply;
/// What kind of reply [`Machi::ask`] produced (answer, clarify, not sure, no match).
pub use machi_faq::ReplyKind as FaqReplyKind;
/// A typing suggestion or a browse row: entry id and question.
pub use machi_faq::Suggestion as FaqSuggestion;

/// The bot built for one content generation.
#[derive(Debug)]
struct Cached {
    generation: u64,
    bot: Arc<FaqBot>,
}

/// The FAQ capability's state inside [`Machi`]: the cached bot and the
/// sentence encoder it was built with.
///
/// Readers share the bot through the `RwLock`; `build` serializes rebuilds
/// so that two threads missing the cache at once build it only once.
#[derive(Debug, Default)]
pub(crate) struct State {
    cache: RwLock<Option<Cached>>,
    build: Mutex<()>,
    /// The model file named in [`crate::OpenOptions::faq_encoder`], if any.
    encoder_file: Option<PathBuf>,
    /// The encoder last opened, and from which file (opening validates the
    /// whole file, so it is done once per file, not per rebuild).
    encoder: Mutex<Option<(PathBuf, Arc<Encoder>)>>,
}

impl State {
    /// State that uses the model in `file` (if given) instead of the pack's.
    pub(crate) fn with_encoder_file(file: Option<PathBuf>) -> Self {
        State {
            encoder_file: file,
            ..Default::default()
        }
    }
}

fn poisoned() -> Error {
    Error::Storage {
        reason: "FAQ cache lock poisoned by an earlier panic".into(),
    }
}

/// Maps a machi-faq error to the facade's, with the user-facing reason
/// localized for `loc` where the user can act on it.
fn faq_error(e: FaqError, loc: &Localizer) -> Error {
    let id = e.message_id();
    match e {
        FaqError::QueryTooLong { max, .. } => Error::InvalidInput {
            reason: loc.msg(id, &Args::new().num("max", max)),
        },
        FaqError::NotUtf8(_) => Error::InvalidInput {
            reason: loc.msg(id, &Args::new()),
        },
        // Evaluation files are named by the caller: the path and cause are
        // what they need to fix it.
        FaqError::Io { .. }
        | FaqError::Json { .. }
        | FaqError::BadCorpusEntry { .. }
        | FaqError::BadEncoder { .. }
        | FaqError::BadWheel { .. } => Error::InvalidInput {
            reason: e.to_string(),
        },
        // The store's primary key should make this impossible; if the
        // installed content is inconsistent, it is a storage problem.
        FaqError::DuplicateId(_) => Error::Storage {
            reason: e.to_string(),
        },
        // Only the browser build reads FAQ data files.
        FaqError::BadBundle { .. } => Error::InvalidInput {
            reason: e.to_string(),
        },
    }
}

/// The questions this phone's reader said an entry answered ("this
/// helped"), per entry id: the latest vote on an (entry, question) pair
/// counts, so "did not help" after "helped" takes the example back. They
/// never leave the phone; they only make the same words find the same
/// entry next time.
fn local_examples(votes: &[FaqFeedback]) -> HashMap<String, Vec<String>> {
    let mut latest: HashMap<(&str, String), bool> = HashMap::new();
    let mut order: Vec<(&str, String)> = Vec::new();
    for v in votes {
        let q = v.query.trim();
        if q.is_empty() {
            continue;
        }
        let key = (v.entry_id.as_str(), q.to_string());
        if latest.insert(key.clone(), v.helpful).is_none() {
            order.push(key);
        }
    }
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for key in order {
        if latest.get(&key) == Some(&true) {
            out.entry(key.0.to_string()).or_default().push(key.1);
        }
    }
    out
}

/// Turns the pack's FAQ rows into the chatbot's entries, attaching each
/// entry's department (name, phone, hours) by id, and as example questions
/// the pack's and `local` ones (see [`local_examples`]).
fn bot_entries(
    entries: Vec<model::FaqEntry>,
    departments: Vec<model::Department>,
    mut local: HashMap<String, Vec<String>>,
) -> Vec<FaqEntry> {
    let departments: HashMap<String, Department> = departments
        .into_iter()
        .map(|d| {
            let hours = (!d.hours.is_empty()).then_some(d.hours);
            (
                d.id,
                Department {
                    name: d.name,
                    phone: d.phone,
                    hours,
                },
            )
        })
        .collect();
    entries
        .into_iter()
        .map(|e| FaqEntry {
            department: e
                .department_id
                .as_ref()
                .and_then(|id| departments.get(id).cloned()),
            // Category names come from Fluent at call time (see
            // `category_name`), so the key is all the bot needs.
            category: (!e.category.is_empty()).then(|| Category {
                id: e.category,
                name: LocalizedText::new(),
            }),
            examples: e
                .examples
                .into_iter()
                .chain(local.remove(&e.id).unwrap_or_default())
                .map(ExampleQuestion::new)
                .collect(),
            id: e.id,
            question: e.question,
            answer: e.answer,
            keywords: e.keywords,
        })
        .collect()
}

impl Machi {
    /// The chatbot over the installed pack, built on first use and rebuilt
    /// after every content import ([`Machi::content_generation`]). Imports
    /// made directly on the store through [`Machi::with_store`] do not bump
    /// the generation, so they are not seen until the next facade import.
    fn faq_bot(&self) -> Result<Arc<FaqBot>> {
        let generation = self.content_generation();
        let cached = |state: &State| -> Result<Option<Arc<FaqBot>>> {
            let cache = state.cache.read().map_err(|_| poisoned())?;
            Ok(cache
                .as_ref()
                .filter(|c| c.generation == generation)
                .map(|c| Arc::clone(&c.bot)))
        };
        if let Some(bot) = cached(&self.faq)? {
            return Ok(bot);
        }
        let _building = self.faq.build.lock().map_err(|_| poisoned())?;
        // Another thread may have built it while this one waited.
        if let Some(bot) = cached(&self.faq)? {
            return Ok(bot);
        }
        let (entries, departments, synonyms, votes) = {
            let store = self.store()?;
            (
                store.faq_entries()?,
                store.departments()?,
                store.synonyms()?,
                store.faq_feedback()?,
            )
        };
        let groups: Vec<Vec<String>> = synonyms.into_iter().map(|s| s.terms).collect();
        let pack_synonyms = SynonymTable::from_groups(&groups);
        let entries = bot_entries(entries, departments, local_examples(&votes));
        let bot = match self.faq_encoder()? {
            Some((enc, model)) => {
                // Vectors of an earlier model are of no use any more.
                let _ = self.store()?.retain_embeddings_of(&model);
                let cache = StoreCache { machi: self, model };
                FaqBot::with_encoder_cached(
                    entries,
                    &pack_synonyms,
                    RetrievalConfig::default(),
                    enc,
                    &cache,
                )
            }
            None => FaqBot::new(entries, &pack_synonyms),
        }
        .map_err(|e| Error::Storage {
            reason: e.to_string(),
        })?;
        let bot = Arc::new(bot);
        *self.faq.cache.write().map_err(|_| poisoned())? = Some(Cached {
            generation,
            bot: Arc::clone(&bot),
        });
        Ok(bot)
    }

    /// Drops the cached chatbot so the next question rebuilds it (after a
    /// vote changed the local example questions). Only BM25 is rebuilt from
    /// scratch; entry vectors come back from the store's cache.
    pub(crate) fn forget_faq_bot(&self) {
        if let Ok(mut cache) = self.faq.cache.write() {
            *cache = None;
        }
    }

    /// Builds the FAQ index now, so the first question is answered at once.
    /// With a sentence encoder, building embeds every entry (0.2 s for the
    /// sample town, about 6 s for 1,800 entries on a desktop core): shells
    /// call this on a background thread after start and after a sync.
    pub fn prepare_faq(&self) -> Result<()> {
        self.faq_bot().map(|_| ())
    }

    /// Whether FAQ answers use a sentence encoder: true once a usable model
    /// is there (the file named when opening, or the one a pack brought).
    pub fn faq_uses_encoder(&self) -> Result<bool> {
        Ok(self.faq_bot()?.uses_encoder())
    }

    /// Answers a resident's or visitor's question in the reader's language
    /// (`loc`): a confident answer with related entries, a clarifying menu,
    /// or — when unsure — a "not sure" message with up to three candidates
    /// and the responsible department's contact. Questions that were not
    /// answered confidently go to the local unanswered log (only the text
    /// and language, never who asked).
    ///
    /// Errors: [`Error::InvalidInput`] (reason localized) for a question
    /// with no searchable text (empty, blanks or symbols only) or longer
    /// than [`machi_faq::MAX_QUERY_CHARS`]; so the reply is never
    /// [`FaqReplyKind::EmptyQuery`].
    pub fn ask(&self, text: &str, loc: &Localizer) -> Result<FaqReply> {
        // "Where does X go?" is answered from the sorting dictionary.
        let today = chrono::Local::now().date_naive();
        if let Some(reply) = self.garbage_reply(text, loc, today)? {
            return Ok(reply);
        }
        let bot = self.faq_bot()?;
        let reply = bot.ask(text, loc).map_err(|e| faq_error(e, loc))?;
        if reply.kind == FaqReplyKind::EmptyQuery {
            return Err(Error::InvalidInput {
                reason: reply.message,
            });
        }
        if let Some(q) = reply.unanswered(text, loc.lang()) {
            // Best effort on purpose: the staff log must never keep a
            // resident from getting the candidates and the phone number, so
            // a failed write (full disk, locked file) does not fail `ask`.
            if let Ok(mut store) = self.store() {
                let _ = store.log_unanswered(&q.text, Some(q.lang));
            }
        }
        Ok(reply)
    }

    /// Up to `limit` questions matching what has been typed so far (any
    /// language), for a suggestion list under the input box. Empty input
    /// gives an empty list.
    pub fn faq_suggest(
        &self,
        typed: &str,
        limit: usize,
        loc: &Localizer,
    ) -> Result<Vec<FaqSuggestion>> {
        Ok(self.faq_bot()?.suggest(typed, limit, loc))
    }

    /// The FAQ categories in pack order with their entry counts, names
    /// localized for `loc`.
    pub fn faq_categories(&self, loc: &Localizer) -> Result<Vec<FaqCategory>> {
        let mut list = self.faq_bot()?.categories(loc);
        for c in &mut list {
            c.name = machi_faq::category_name(&c.id, loc);
        }
        Ok(list)
    }

    /// The entries of one category (id and question), in pack order.
    /// [`Error::NotFound`] when no entry has that category.
    pub fn faq_browse(&self, category: &str, loc: &Localizer) -> Result<Vec<FaqSuggestion>> {
        let list = self.faq_bot()?.browse(category, loc);
        if list.is_empty() {
            return Err(Error::NotFound {
                what: category.to_string(),
            });
        }
        Ok(list)
    }

    /// One FAQ entry by id, localized (confidence 1). [`Error::NotFound`]
    /// for an unknown id.
    pub fn faq_entry(&self, id: &str, loc: &Localizer) -> Result<FaqAnswer> {
        self.faq_bot()?
            .entry(id, loc)
            .ok_or_else(|| Error::NotFound {
                what: id.to_string(),
            })
    }

    /// Records the reader's "did this help?" vote on entry `entry_id`, for
    /// the question `query` they asked (may be empty when the entry was
    /// opened by browsing). [`Error::NotFound`] for an unknown entry, so
    /// votes never point at nothing.
    pub fn rate_faq_answer(
        &self,
        entry_id: &str,
        query: &str,
        helpful: bool,
        loc: &Localizer,
    ) -> Result<()> {
        // Dictionary answers (see `ask`) are rated like entries.
        if !self.is_garbage_answer(entry_id)? {
            self.faq_entry(entry_id, loc)?;
        }
        self.record_faq_feedback(entry_id, query.trim(), helpful, Some(loc.lang()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use machi_common::Lang;

    #[test]
    fn departments_and_categories_are_attached() {
        let dep = model::Department {
            id: "kankyo".into(),
            name: LocalizedText::single(Lang::Ja, "環境課"),
            phone: Some("0293-23-2111".into()),
            hours: LocalizedText::new(),
            email: None,
            url: None,
        };
        let entry = |id: &str, dep: Option<&str>, cat: &str| model::FaqEntry {
            id: id.into(),
            category: cat.into(),
            question: LocalizedText::single(Lang::Ja, "粗大ごみは？"),
            answer: LocalizedText::single(Lang::Ja, "申込制です。"),
            department_id: dep.map(Into::into),
            keywords: vec![],
            examples: vec![],
        };
        let out = bot_entries(
            vec![
                entry("a", Some("kankyo"), "garbage"),
                entry("b", Some("nowhere"), ""),
            ],
            vec![dep],
            HashMap::new(),
        );
        let d = out[0].department.as_ref().unwrap();
        assert_eq!(d.phone.as_deref(), Some("0293-23-2111"));
        // Empty hours become "no hours" rather than an empty line.
        assert!(d.hours.is_none());
        assert_eq!(out[0].category.as_ref().unwrap().id, "garbage");
        assert!(out[1].department.is_none());
        assert!(out[1].category.is_none());
    }

    #[test]
    fn helpful_votes_become_examples_until_taken_back() {
        let vote = |entry: &str, query: &str, helpful: bool| FaqFeedback {
            entry_id: entry.into(),
            query: query.into(),
            helpful,
            lang: None,
            at: String::new(),
        };
        let local = local_examples(&[
            vote("a", "sodai gomi?", true),
            vote("a", "  ", true),
            vote("b", "kekkon", true),
            vote("b", "kekkon", false),
            vote("c", "inkan", false),
            vote("a", " sodai gomi? ", true),
            vote("a", "big trash", true),
        ]);
        assert_eq!(local.get("a").unwrap(), &["sodai gomi?", "big trash"]);
        // The later "did not help" took the example back; a plain "did
        // not help" never makes one.
        assert!(!local.contains_key("b"));
        assert!(!local.contains_key("c"));
        let mut pack = model::FaqEntry {
            id: "a".into(),
            category: String::new(),
            question: LocalizedText::single(Lang::Ja, "粗大ごみは？"),
            answer: LocalizedText::single(Lang::Ja, "申込制です。"),
            department_id: None,
            keywords: vec![],
            examples: vec!["大きいごみ".into()],
        };
        pack.examples.push("bulky".into());
        let out = bot_entries(vec![pack], vec![], local);
        let texts: Vec<&str> = out[0].examples.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(texts, ["大きいごみ", "bulky", "sodai gomi?", "big trash"]);
        assert!(out[0].examples.iter().all(|e| e.weight == 1.0));
    }

    #[test]
    fn query_errors_are_invalid_input_with_a_localized_reason() {
        let en = Localizer::for_lang(Lang::En);
        let e = faq_error(
            FaqError::QueryTooLong {
                chars: 2000,
                max: 1000,
            },
            &en,
        );
        match e {
            Error::InvalidInput { reason } => {
                assert!(reason.contains("too long"), "{reason}");
                assert!(
                    reason.contains("1,000") || reason.contains("1000"),
                    "{reason}"
                );
            }
            other => panic!("{other:?}"),
        }
    }
}
