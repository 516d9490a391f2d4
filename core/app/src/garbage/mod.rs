//! The garbage sorting dictionary (ごみ分別辞典) on the facade: "where does
//! X go?" answered with the item's category, how to put it out, its notes
//! and the next collection day in the resident's area; suggestions while
//! typing; and the chatbot's routing of garbage questions to it.
//!
//! The search index is built from the installed pack on first use and
//! rebuilt after every content import (as the FAQ bot is).

mod chat;
pub mod index;
mod romaji;

use std::sync::{Arc, Mutex, RwLock};

use chrono::NaiveDate;
use machi_common::{Lang, LocalizedText};
use machi_content::garbage::next_collection;
use machi_content::model::{GarbageCategory, GarbageData};
use serde::{Deserialize, Serialize};

use crate::content::{GarbageAreaView, Text};
use crate::error::{Error, Result};
use crate::Machi;
pub use chat::GARBAGE_ANSWER_PREFIX;
pub use index::MatchKind as GarbageMatchKind;

/// The longest query searched, in characters (a pasted page is not a name).
pub const MAX_GARBAGE_QUERY_CHARS: usize = 200;

/// One item found in the sorting dictionary, resolved for the reader.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GarbageMatchView {
    /// The item's name in the reader's language.
    pub item: Text,
    /// The item's Japanese name (its id within its category).
    pub item_ja: String,
    /// The name the query matched, as written in the pack (`umbrellas`, `かさ`).
    pub matched: String,
    /// How the query matched.
    pub match_kind: GarbageMatchKind,
    /// Category id (`燃やせないごみ`).
    pub category_id: String,
    /// Category name.
    pub category: Text,
    /// How the category is put out (bag, container, booking).
    pub category_how: Option<Text>,
    /// How this item in particular is put out (出し方).
    pub how: Option<Text>,
    /// Notes on this item (備考).
    pub notice: Option<Text>,
    /// The category's cautions.
    pub caution: Option<Text>,
    /// The category's colour, `#rrggbb`.
    pub color: Option<String>,
    /// The next collection day of the category in the asked area, on or
    /// after the asked day; `None` without an area or when the category is
    /// not collected on a schedule there (bulky waste by booking).
    pub next_collection: Option<NaiveDate>,
    /// The area's published rule for the category (`月 木`), if collected there.
    pub rule: Option<String>,
}

/// The answer to "where does X go?".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GarbageSortView {
    /// The query as asked.
    pub query: String,
    /// The area the collection days are for, if one was given.
    pub area: Option<GarbageAreaView>,
    /// The day collection days are counted from.
    pub from: NaiveDate,
    /// The items found, best first (empty: nothing matched).
    pub matches: Vec<GarbageMatchView>,
}

/// A suggestion while typing: an item and its category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GarbageSuggestion {
    /// The item's name in the reader's language.
    pub item: Text,
    /// The item's Japanese name (pass it to [`Machi::garbage_sort`]).
    pub item_ja: String,
    /// The name the typed text matched.
    pub matched: String,
    /// Category name.
    pub category: Text,
}

/// The index for one content generation, with the data it was built from.
#[derive(Debug)]
pub(crate) struct Dictionary {
    generation: u64,
    pub(crate) data: GarbageData,
    pub(crate) index: index::Index,
}

/// The dictionary's state inside [`Machi`]: the cached index.
#[derive(Debug, Default)]
pub(crate) struct State {
    cache: RwLock<Option<Arc<Dictionary>>>,
    build: Mutex<()>,
}

fn poisoned() -> Error {
    Error::Storage {
        reason: "garbage dictionary lock poisoned by an earlier panic".into(),
    }
}

/// Checks a query's length; `Ok(trimmed)` or [`Error::InvalidInput`].
fn checked(query: &str) -> Result<&str> {
    let q = query.trim();
    if q.chars().count() > MAX_GARBAGE_QUERY_CHARS {
        return Err(Error::InvalidInput {
            reason: format!("the item name is longer than {MAX_GARBAGE_QUERY_CHARS} characters"),
        });
    }
    if machi_faq::normalize(q).is_empty() {
        return Err(Error::InvalidInput {
            reason: "name an item to look up (e.g. 傘, umbrella)".into(),
        });
    }
    Ok(q)
}

fn category<'a>(data: &'a GarbageData, id: &str) -> Option<&'a GarbageCategory> {
    data.categories.iter().find(|c| c.id == id)
}

impl Machi {
    pub(crate) fn garbage_dictionary(&self) -> Result<Arc<Dictionary>> {
        let generation = self.content_generation();
        let cached = || -> Result<Option<Arc<Dictionary>>> {
            let cache = self.garbage.cache.read().map_err(|_| poisoned())?;
            Ok(cache
                .as_ref()
                .filter(|d| d.generation == generation)
                .map(Arc::clone))
        };
        if let Some(d) = cached()? {
            return Ok(d);
        }
        let _building = self.garbage.build.lock().map_err(|_| poisoned())?;
        if let Some(d) = cached()? {
            return Ok(d);
        }
        let data = self.store()?.garbage()?;
        let dict = Arc::new(Dictionary {
            generation,
            index: index::Index::new(&data.items),
            data,
        });
        *self.garbage.cache.write().map_err(|_| poisoned())? = Some(Arc::clone(&dict));
        Ok(dict)
    }

    /// Where `query` goes: up to `limit` items of the sorting dictionary
    /// found by any of their names (kanji, kana, romaji, easy Japanese,
    /// English, Chinese, Korean, aliases; typos tolerated), each with its
    /// category, how to put it out and — when `area` (id or any name) is
    /// given — the category's next collection day there on or after `from`.
    ///
    /// Errors: [`Error::InvalidInput`] for a query with nothing searchable
    /// or longer than [`MAX_GARBAGE_QUERY_CHARS`]; [`Error::NotFound`] for
    /// an unknown area. Finding no item is not an error (empty `matches`).
    pub fn garbage_sort(
        &self,
        query: &str,
        area: Option<&str>,
        from: NaiveDate,
        limit: usize,
        chain: &[Lang],
    ) -> Result<GarbageSortView> {
        let q = checked(query)?;
        let area_id = area.map(|a| self.find_garbage_area(a)).transpose()?;
        let dict = self.garbage_dictionary()?;
        let area = area_id.as_deref().and_then(|id| {
            dict.data
                .areas
                .iter()
                .find(|a| a.id == id)
                .map(|a| GarbageAreaView {
                    id: a.id.clone(),
                    name: text_or_id(&a.name, chain, &a.id),
                })
        });
        let matches = dict
            .index
            .search(q, limit)
            .into_iter()
            .filter_map(|h| match_view(&dict.data, &h, area_id.as_deref(), from, chain))
            .collect();
        Ok(GarbageSortView {
            query: q.to_string(),
            area,
            from,
            matches,
        })
    }

    /// Up to `limit` items whose names start with (or contain) what has been
    /// typed so far, for a list under the search box. Empty or symbols-only
    /// input gives an empty list, not an error.
    pub fn garbage_suggest(
        &self,
        typed: &str,
        limit: usize,
        chain: &[Lang],
    ) -> Result<Vec<GarbageSuggestion>> {
        let Ok(q) = checked(typed) else {
            return Ok(Vec::new());
        };
        let dict = self.garbage_dictionary()?;
        Ok(dict
            .index
            .search(q, limit)
            .into_iter()
            .filter_map(|h| {
                let item = dict.data.items.get(h.item)?;
                let cat = category(&dict.data, &item.category_id);
                Some(GarbageSuggestion {
                    item: text_or_id(&item.name, chain, &item.category_id),
                    item_ja: item.name.get(Lang::Ja).unwrap_or_default().to_string(),
                    matched: h.matched,
                    category: cat.map_or_else(
                        || text_or_id(&LocalizedText::new(), chain, &item.category_id),
                        |c| text_or_id(&c.name, chain, &c.id),
                    ),
                })
            })
            .collect())
    }
}

fn text_or_id(t: &LocalizedText, chain: &[Lang], id: &str) -> Text {
    Text::resolve(t, chain).unwrap_or(Text {
        text: id.to_string(),
        lang: Lang::Ja,
        is_fallback: true,
    })
}

fn match_view(
    data: &GarbageData,
    hit: &index::Hit,
    area: Option<&str>,
    from: NaiveDate,
    chain: &[Lang],
) -> Option<GarbageMatchView> {
    let item = data.items.get(hit.item)?;
    let item_ja = item.name.get(Lang::Ja).unwrap_or_default().to_string();
    let cat = category(data, &item.category_id);
    let r = |t: &LocalizedText| Text::resolve(t, chain);
    let rule = area.and_then(|a| {
        data.areas
            .iter()
            .find(|x| x.id == a)?
            .schedules
            .iter()
            .find(|s| s.category_id == item.category_id)
            .map(|s| s.rule.clone())
    });
    Some(GarbageMatchView {
        item: text_or_id(&item.name, chain, &item_ja),
        matched: hit.matched.clone(),
        match_kind: hit.kind,
        category: cat.map_or_else(
            || text_or_id(&LocalizedText::new(), chain, &item.category_id),
            |c| text_or_id(&c.name, chain, &c.id),
        ),
        category_how: cat.and_then(|c| r(&c.sublabel)),
        how: r(&item.how),
        notice: r(&item.notice),
        caution: cat.and_then(|c| r(&c.caution)),
        color: cat.and_then(|c| c.color.clone()),
        next_collection: area.and_then(|a| next_collection(data, a, &item.category_id, from)),
        rule,
        category_id: item.category_id.clone(),
        item_ja,
    })
}
