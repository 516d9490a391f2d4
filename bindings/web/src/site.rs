//! The chatbot as the website's widget uses it, in plain Rust (tested
//! natively; `lib.rs` only exports it through wasm-bindgen). Every call
//! takes the reader's language tag and returns JSON text for the widget.
//!
//! What it answers is what the app answers: [`FaqBot`] built from the
//! pack's entries and synonyms ([`FaqBundle`]), replies localized by
//! Fluent, category names from `faq-category-*` ([`category_name`]).

use std::cell::RefCell;
use std::collections::HashMap;

use machi_common::Lang;
use machi_faq::eval::{evaluate_retriever_with_clock, parse_localgov, Clock};
use machi_faq::{
    category_name, FaqBot, FaqBundle, FaqError, Reply, RetrievalConfig, Retriever, SynonymTable,
    UnansweredQuestion,
};
use machi_i18n::{Args, Localizer};
use serde::Serialize;

/// Everything that can go wrong, as one message the widget shows (already
/// localized where the reader can act on it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebError(pub String);

impl std::fmt::Display for WebError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WebError {}

fn json<T: Serialize + ?Sized>(value: &T) -> Result<String, WebError> {
    serde_json::to_string(value).map_err(|e| WebError(e.to_string()))
}

/// The reader's localizer for `tag` (ja, ja-yasasii, en, zh-Hans, zh-Hant,
/// ko, or a browser tag such as zh-TW); an unusable tag is an error naming it.
pub fn localizer(tag: &str) -> Result<Localizer, WebError> {
    Localizer::with_override(Some(tag), &[] as &[&str]).map_err(|e| {
        let (id, args) = e.ui_message();
        WebError(Localizer::for_lang(Lang::En).plain(id, &args))
    })
}

/// A reply and, when it did not answer, the record for the browser's
/// unanswered-question log (the widget keeps it in localStorage).
#[derive(Debug, Serialize)]
struct Asked<'a> {
    reply: &'a Reply,
    unanswered: Option<UnansweredQuestion>,
}

/// What the page shows about where answers come from.
#[derive(Debug, Serialize)]
struct Info {
    town: String,
    municipality_code: String,
    pack_version: u64,
    key_id: String,
    created: String,
    entries: usize,
    /// "bm25": keyword search only (the browser build has no sentence encoder).
    mode: &'static str,
}

/// A language of the switch: its tag, its own name, and the HTML `lang`.
#[derive(Debug, Serialize)]
struct Language {
    tag: &'static str,
    name: String,
    html_lang: &'static str,
}

/// The widget's own strings (`web-*` in the Fluent files), for one reader.
const UI_MESSAGES: &[&str] = &[
    "web-title",
    "web-intro",
    "web-input-label",
    "web-placeholder",
    "web-send",
    "web-suggestions",
    "web-categories",
    "web-language",
    "web-mode-bm25",
    "web-related",
    "web-you",
    "web-bot",
    "web-call",
    "web-log-count",
    "web-log-export",
    "web-log-clear",
    "web-log-cleared",
    "web-loading",
    "web-ready",
    "web-open",
    "web-close",
    "faq-related",
];

/// The chatbot over one website's FAQ data.
#[derive(Debug)]
pub struct Site {
    bundle: FaqBundle,
    bot: FaqBot,
    /// One localizer per tag asked for: building one parses that
    /// language's Fluent files, which would otherwise happen per call.
    localizers: RefCell<HashMap<String, Localizer>>,
}

impl Site {
    /// The localizer for `tag`, made once (see [`localizer`]).
    fn loc(&self, tag: &str) -> Result<Localizer, WebError> {
        if let Some(l) = self.localizers.borrow().get(tag) {
            return Ok(l.clone());
        }
        let l = localizer(tag)?;
        self.localizers
            .borrow_mut()
            .insert(tag.to_string(), l.clone());
        Ok(l)
    }

    /// Reads `faq.json` (written by `machi web build`) and builds the bot.
    pub fn new(data: &[u8]) -> Result<Site, WebError> {
        let bundle = FaqBundle::from_json(data).map_err(|e| WebError(e.to_string()))?;
        let bot = bundle.bot().map_err(|e| WebError(e.to_string()))?;
        Ok(Site {
            bundle,
            bot,
            localizers: RefCell::default(),
        })
    }

    /// The reply to `text` as JSON `{reply, unanswered}`: the same reply
    /// `Machi::ask` gives for the same pack. A question too long or not
    /// readable is an error with a localized reason.
    pub fn ask(&self, text: &str, lang: &str) -> Result<String, WebError> {
        let loc = self.loc(lang)?;
        let reply = self
            .bot
            .ask(text, &loc)
            .map_err(|e| query_error(&e, &loc))?;
        let unanswered = reply.unanswered(text, loc.lang());
        json(&Asked {
            reply: &reply,
            unanswered,
        })
    }

    /// Up to `limit` questions for what has been typed so far.
    pub fn suggest(&self, typed: &str, limit: usize, lang: &str) -> Result<String, WebError> {
        let loc = self.loc(lang)?;
        json(&self.bot.suggest(typed, limit, &loc))
    }

    /// The categories with their entry counts, names from Fluent.
    pub fn categories(&self, lang: &str) -> Result<String, WebError> {
        let loc = self.loc(lang)?;
        let mut list = self.bot.categories(&loc);
        for c in &mut list {
            c.name = category_name(&c.id, &loc);
        }
        json(&list)
    }

    /// The entries of one category (id and question).
    pub fn browse(&self, category: &str, lang: &str) -> Result<String, WebError> {
        let loc = self.loc(lang)?;
        json(&self.bot.browse(category, &loc))
    }

    /// One entry by id, localized; an unknown id is an error.
    pub fn entry(&self, id: &str, lang: &str) -> Result<String, WebError> {
        let loc = self.loc(lang)?;
        let answer = self
            .bot
            .entry(id, &loc)
            .ok_or_else(|| WebError(loc.plain("web-error-no-entry", &Args::new().str("id", id))))?;
        json(&answer)
    }

    /// Town, pack version, signing key and answering mode, for the page.
    pub fn info(&self, lang: &str) -> Result<String, WebError> {
        let loc = self.loc(lang)?;
        json(&Info {
            town: self.bundle.town.text_for(loc.chain()).to_string(),
            municipality_code: self.bundle.municipality_code.clone(),
            pack_version: self.bundle.pack_version,
            key_id: self.bundle.key_id.clone(),
            created: self.bundle.created.clone(),
            entries: self.bot.len(),
            mode: if self.bot.uses_encoder() {
                "encoder"
            } else {
                "bm25"
            },
        })
    }

    /// The widget's strings for `lang` as a JSON object (message id → text,
    /// ruby markup kept for the widget to render), with the town's name and
    /// pack version filled in.
    pub fn ui(&self, lang: &str) -> Result<String, WebError> {
        let loc = self.loc(lang)?;
        let town = self.bundle.town.text_for(loc.chain()).to_string();
        let args = Args::new()
            .str("town", town)
            .num("version", self.bundle.pack_version);
        let map: serde_json::Map<String, serde_json::Value> = UI_MESSAGES
            .iter()
            .map(|id| (id.to_string(), loc.msg(id, &args).into()))
            .collect();
        json(&map)
    }
}

impl Site {
    /// Widget message `id` (a `web-` one) with a number `$count` filled in
    /// (plural rules are Fluent's, per language).
    pub fn count_message(&self, id: &str, count: u32, lang: &str) -> Result<String, WebError> {
        let loc = self.loc(lang)?;
        if !id.starts_with("web-") || !loc.has(id) {
            return Err(WebError(format!("no widget message {id:?}")));
        }
        Ok(loc.msg(id, &Args::new().num("count", count)))
    }
}

/// A query error as the reader should see it.
fn query_error(e: &FaqError, loc: &Localizer) -> WebError {
    match e {
        FaqError::QueryTooLong { max, .. } => {
            WebError(loc.msg(e.message_id(), &Args::new().num("max", *max)))
        }
        FaqError::NotUtf8(_) => WebError(loc.msg(e.message_id(), &Args::new())),
        other => WebError(other.to_string()),
    }
}

impl Site {
    /// The six languages for the switch, each named in itself.
    pub fn languages(&self) -> Result<String, WebError> {
        let mut list = Vec::new();
        for l in Lang::ALL {
            list.push(Language {
                tag: l.tag(),
                name: self
                    .loc(l.tag())?
                    .plain("common-lang-name", &Args::new().str("lang", l.tag())),
                // Easy Japanese is Japanese to a browser and a screen reader.
                html_lang: if l == Lang::JaEasy { "ja" } else { l.tag() },
            });
        }
        json(&list)
    }
}

/// The supported language that best serves a browser's preferences
/// (`navigator.languages` as a JSON array of tags), e.g. `zh-TW` →
/// `zh-Hant`; English when none fits, as in the app.
pub fn negotiate(tags_json: &str) -> Result<String, WebError> {
    let tags: Vec<String> = serde_json::from_str(tags_json).map_err(|e| WebError(e.to_string()))?;
    Ok(Localizer::negotiate(&tags).lang().tag().to_string())
}

/// The ruby segments of `text` (`{漢字|かんじ}` markup) as JSON
/// `[[base, ruby or null], …]`, for the widget to render as `<ruby>`.
pub fn ruby(text: &str) -> Result<String, WebError> {
    let segs: Vec<(&str, Option<&str>)> = machi_i18n::parse_ruby(text)
        .into_iter()
        .map(|s| (s.base, s.ruby))
        .collect();
    json(&segs)
}

/// `text` without ruby markup (for attributes: labels, placeholders).
pub fn plain(text: &str) -> String {
    machi_i18n::strip_ruby(text).into_owned()
}

/// Runs `machi eval faq` (BM25, no encoder, no examples: built-in
/// synonyms, default settings) on LocalgovFAQ-shaped files given as bytes,
/// timing each query with `clock`; the report as JSON.
pub fn eval_localgov(
    corpus: &[u8],
    queries: &[u8],
    qrels: &[u8],
    clock: Clock,
) -> Result<String, WebError> {
    let set = parse_localgov(corpus, queries, qrels).map_err(|e| WebError(e.to_string()))?;
    let retriever = Retriever::build(
        &machi_faq::eval::corpus_docs(&set),
        SynonymTable::builtin(),
        RetrievalConfig::default(),
    );
    json(&evaluate_retriever_with_clock(&set, &retriever, clock))
}

#[cfg(test)]
mod tests;
