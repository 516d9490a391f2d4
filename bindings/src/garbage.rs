//! The garbage sorting dictionary (ごみ分別辞典) on the facade: the core's
//! records declared for the FFI (see `types`).

use machi_app::{
    GarbageAreaView, GarbageMatchKind, GarbageMatchView, GarbageSortView, GarbageSuggestion, Text,
};

use crate::error::Result;
use crate::types::{parse_date, IsoDate};
use crate::Machi;

/// How a query matched an item's name, best first: the name itself, a
/// prefix (still typing), the item named inside a sentence, the query
/// inside a longer name, within one or two typos.
#[uniffi::remote(Enum)]
pub enum GarbageMatchKind {
    Exact,
    Prefix,
    InQuery,
    InName,
    Typo,
}

/// One item found in the sorting dictionary (`machi_app::GarbageMatchView`):
/// its name for the reader and in Japanese, the name the query matched and
/// how, its category (id, name, how the category is put out), how this item
/// is put out, its notes, the category's cautions and colour, and — when an
/// area was asked — the next collection day and the area's published rule.
#[uniffi::remote(Record)]
#[uniffi(name = "GarbageMatch")]
pub struct GarbageMatchView {
    pub item: Text,
    pub item_ja: String,
    pub matched: String,
    pub match_kind: GarbageMatchKind,
    pub category_id: String,
    pub category: Text,
    pub category_how: Option<Text>,
    pub how: Option<Text>,
    pub notice: Option<Text>,
    pub caution: Option<Text>,
    pub color: Option<String>,
    pub next_collection: Option<IsoDate>,
    pub rule: Option<String>,
}

/// The answer to "where does X go?": the query, the area the days are for,
/// the day they are counted from and the items found, best first.
#[uniffi::remote(Record)]
#[uniffi(name = "GarbageSort")]
pub struct GarbageSortView {
    pub query: String,
    pub area: Option<GarbageAreaView>,
    pub from: IsoDate,
    pub matches: Vec<GarbageMatchView>,
}

/// A suggestion while typing: the item (for the reader and in Japanese),
/// the name the typed text matched, and its category.
#[uniffi::remote(Record)]
pub struct GarbageSuggestion {
    pub item: Text,
    pub item_ja: String,
    pub matched: String,
    pub category: Text,
}

fn limit(n: u32) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

#[uniffi::export]
impl Machi {
    /// Where `query` goes (any language, typos tolerated): up to `limit`
    /// items with their category and how to put them out, and — with `area`
    /// (id or name) — the next collection day on or after `date`
    /// (`YYYY-MM-DD`). `InvalidInput` for an empty or over-long query or a
    /// bad date, `NotFound` for an unknown area.
    pub fn garbage_sort(
        &self,
        query: String,
        area: Option<String>,
        date: String,
        limit: u32,
    ) -> Result<GarbageSortView> {
        Ok(self.app.garbage_sort(
            &query,
            area.as_deref().filter(|a| !a.trim().is_empty()),
            parse_date(&date)?,
            self::limit(limit),
            &self.chain(),
        )?)
    }

    /// Up to `limit` items matching what has been typed so far; empty input
    /// gives an empty list.
    pub fn garbage_suggest(&self, typed: String, limit: u32) -> Result<Vec<GarbageSuggestion>> {
        Ok(self
            .app
            .garbage_suggest(&typed, self::limit(limit), &self.chain())?)
    }
}
