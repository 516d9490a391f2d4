//! machi-web: the town's FAQ chatbot in the browser. A thin wasm-bindgen
//! layer over [`site`], which holds the logic in plain Rust: every export
//! takes strings and returns JSON text (or throws an `Error` whose message
//! the widget shows).
//!
//! Built by `scripts/build-web.sh` (rustc 1.85 with the wasm32 std in the
//! Debian trixie root, then wasm-bindgen 0.2.117 `--target web`);
//! `machi web build` copies the result next to the pack's FAQ data.

pub mod site;

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The page's monotonic clock, for timing evaluation queries (std has
    /// no clock on wasm32-unknown-unknown).
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

fn js(e: site::WebError) -> JsError {
    JsError::new(&e.0)
}

/// The chatbot over one website's `faq.json`.
#[wasm_bindgen]
pub struct TownFaq(site::Site);

#[wasm_bindgen]
impl TownFaq {
    /// Builds the bot from the bytes of `faq.json`.
    #[wasm_bindgen(constructor)]
    pub fn new(data: &[u8]) -> Result<TownFaq, JsError> {
        site::Site::new(data).map(TownFaq).map_err(js)
    }

    /// `{reply, unanswered}` for a question (see [`site::Site::ask`]).
    pub fn ask(&self, text: &str, lang: &str) -> Result<String, JsError> {
        self.0.ask(text, lang).map_err(js)
    }

    /// Suggestions for what has been typed so far.
    pub fn suggest(&self, typed: &str, limit: usize, lang: &str) -> Result<String, JsError> {
        self.0.suggest(typed, limit, lang).map_err(js)
    }

    /// Categories with entry counts.
    pub fn categories(&self, lang: &str) -> Result<String, JsError> {
        self.0.categories(lang).map_err(js)
    }

    /// The entries of one category.
    pub fn browse(&self, category: &str, lang: &str) -> Result<String, JsError> {
        self.0.browse(category, lang).map_err(js)
    }

    /// One entry by id.
    pub fn entry(&self, id: &str, lang: &str) -> Result<String, JsError> {
        self.0.entry(id, lang).map_err(js)
    }

    /// Town, pack version, signing key, answering mode.
    pub fn info(&self, lang: &str) -> Result<String, JsError> {
        self.0.info(lang).map_err(js)
    }

    /// One widget message with a `$count` filled in.
    pub fn count_message(&self, id: &str, count: u32, lang: &str) -> Result<String, JsError> {
        self.0.count_message(id, count, lang).map_err(js)
    }

    /// The six languages, each named in itself.
    pub fn languages(&self) -> Result<String, JsError> {
        self.0.languages().map_err(js)
    }

    /// The widget's strings for one language.
    pub fn ui(&self, lang: &str) -> Result<String, JsError> {
        self.0.ui(lang).map_err(js)
    }
}

/// The supported language for the browser's preferences (JSON array of tags).
#[wasm_bindgen]
pub fn negotiate(tags_json: &str) -> Result<String, JsError> {
    site::negotiate(tags_json).map_err(js)
}

/// Ruby segments of a text with `{漢字|かんじ}` markup.
#[wasm_bindgen]
pub fn ruby(text: &str) -> Result<String, JsError> {
    site::ruby(text).map_err(js)
}

/// A text without its ruby markup.
#[wasm_bindgen]
pub fn plain(text: &str) -> String {
    site::plain(text)
}

/// `machi eval faq` (BM25) on LocalgovFAQ files, in the browser.
#[wasm_bindgen]
pub fn eval_localgov(corpus: &[u8], queries: &[u8], qrels: &[u8]) -> Result<String, JsError> {
    site::eval_localgov(corpus, queries, qrels, performance_now).map_err(js)
}
