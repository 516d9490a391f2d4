//! The garbage sorting dictionary's search: every name an item is known by
//! (Japanese, its reading as kana and as romaji, easy Japanese, English,
//! Chinese, Korean, aliases) normalized once with the FAQ's
//! [`machi_faq::normalize`], then matched exactly, by prefix (suggestions
//! while typing), inside a longer name, inside a sentence ("where does a
//! broken umbrella go?"), and — when nothing matched that way — within one
//! or two typos.

use std::collections::HashSet;

use machi_content::model::GarbageItem;
use machi_faq::normalize;
use serde::{Deserialize, Serialize};

use super::romaji;

/// How a query matched an item's name, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MatchKind {
    /// The query is the name (after normalization).
    Exact,
    /// The name starts with the query (what a resident is still typing).
    Prefix,
    /// The query names the item inside a sentence or a longer phrase.
    InQuery,
    /// The query is part of the name.
    InName,
    /// The name is within one or two typos of the query.
    Typo,
}

/// One item found for a query.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index of the item in the list the index was built from.
    pub item: usize,
    /// How it matched.
    pub kind: MatchKind,
    /// The name it matched, as written in the pack.
    pub matched: String,
    /// Ranking score (higher is better), for ordering only.
    pub score: f32,
}

#[derive(Debug)]
struct Key {
    /// Normalized (and, for Latin letters, romaji-folded) text.
    text: String,
    /// The same as characters, for the typo pass.
    letters: Box<[char]>,
    /// Which of 64 buckets its letters fall in ([`mask`]): a name holds a
    /// query only if it has every bucket of the query, so most names are
    /// ruled out with two integer operations.
    mask: u64,
    chars: usize,
    item: u32,
    /// Index into `Index::shown`: the name as written.
    shown: u32,
    /// A part of a name split at `・` or spaces, or an English singular:
    /// ranks a little below the whole name.
    part: bool,
    /// Latin letters only (English names, romaji): matched against Latin queries.
    latin: bool,
    /// May be recognised inside a sentence: hiragana-only keys of one or two
    /// letters would match inside unrelated words (かさ in わかさぎ).
    in_sentence: bool,
}

/// A search index over one town's garbage items.
#[derive(Debug, Default)]
pub struct Index {
    keys: Vec<Key>,
    shown: Vec<String>,
}

fn is_latin(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b' ')
}

fn is_hiragana_only(s: &str) -> bool {
    s.chars().all(|c| ('\u{3041}'..='\u{309F}').contains(&c))
}

/// Normalizes a query or name the same way: the FAQ's normalization, then
/// romaji folding for Latin-letter text.
fn prepare(text: &str) -> String {
    let n = normalize(text);
    if is_latin(&n) {
        romaji::fold(&n)
    } else {
        n
    }
}

/// A crude English singular (`umbrellas` → `umbrella`, `boxes` → `box`,
/// `batteries` → `battery`), so a sentence with one umbrella finds the
/// item named "Umbrellas".
fn singular(word: &str) -> Option<String> {
    if let Some(stem) = word.strip_suffix("ies") {
        return Some(format!("{stem}y"));
    }
    for suffix in ["ses", "xes", "shes", "ches"] {
        if word.ends_with(suffix) {
            return Some(word[..word.len() - 2].to_string());
        }
    }
    word.strip_suffix('s')
        .filter(|s| !s.ends_with('s') && s.len() >= 3)
        .map(str::to_string)
}

impl Index {
    /// Indexes `items`: every language of the name, the reading (kana and
    /// romaji), the easy-Japanese name's ruby reading, and the aliases.
    pub fn new(items: &[GarbageItem]) -> Index {
        let mut index = Index::default();
        for (i, item) in items.iter().enumerate() {
            let mut seen = HashSet::new();
            let mut names: Vec<(String, Option<String>)> = Vec::new();
            for (_, text) in item.name.iter() {
                let plain = machi_i18n::strip_ruby(text).to_string();
                if text.contains('{') {
                    // Easy Japanese carries its own reading: {傘|かさ} → かさ.
                    names.push((plain.clone(), Some(machi_i18n::ruby_to_kana(text))));
                }
                names.push((plain, None));
            }
            if let Some(r) = &item.reading {
                names.push((r.clone(), Some(r.clone())));
            }
            for a in &item.aliases {
                names.push((a.clone(), None));
            }
            for (shown, reading) in names {
                index.add(i, &shown, &shown, &mut seen);
                if let Some(r) = reading {
                    let r = normalize(&r);
                    if let Some(romaji) = romaji::from_kana(&r) {
                        index.add_prepared(i, &shown, romaji, false, &mut seen);
                    }
                    index.add(i, &shown, &r, &mut seen);
                }
            }
        }
        index
    }

    fn add(&mut self, item: usize, shown: &str, text: &str, seen: &mut HashSet<String>) {
        let text = prepare(text);
        if text.is_empty() {
            return;
        }
        let parts: Vec<String> = text.split(' ').map(str::to_string).collect();
        let latin = is_latin(&text);
        let hangul = text.chars().any(|c| ('\u{AC00}'..='\u{D7AF}').contains(&c));
        if parts.len() > 1 && !latin && !hangul {
            // 茶わん・皿: each of the pair is a name of its own. Korean puts
            // spaces between words, so its parts (쓰레기 "waste") are not names.
            for p in &parts {
                self.add_prepared(item, shown, p.clone(), true, seen);
            }
        }
        if latin {
            if let Some(last) = parts.last().and_then(|w| singular(w)) {
                let mut s = parts[..parts.len() - 1].join(" ");
                if !s.is_empty() {
                    s.push(' ');
                }
                s.push_str(&last);
                self.add_prepared(item, shown, romaji::fold(&s), true, seen);
            }
        }
        self.add_prepared(item, shown, text, false, seen);
    }

    fn add_prepared(
        &mut self,
        item: usize,
        shown: &str,
        text: String,
        part: bool,
        seen: &mut HashSet<String>,
    ) {
        if text.is_empty() || !seen.insert(text.clone()) {
            return;
        }
        let shown_i = match self.shown.last() {
            Some(last) if last == shown => self.shown.len() - 1,
            _ => {
                self.shown.push(shown.to_string());
                self.shown.len() - 1
            }
        };
        let letters: Box<[char]> = text.chars().collect();
        let mask = mask(&letters);
        let chars = letters.len();
        let latin = is_latin(&text);
        let in_sentence = if latin {
            chars >= 3
        } else {
            !(is_hiragana_only(&text) && chars < 3)
        };
        self.keys.push(Key {
            text,
            letters,
            mask,
            chars,
            item: item as u32,
            shown: shown_i as u32,
            part,
            latin,
            in_sentence,
        });
    }

    /// The number of searchable names (for benchmarks and diagnostics).
    pub fn key_count(&self) -> usize {
        self.keys.len()
    }

    /// Up to `limit` items for `query`, best first, one hit per item. Typo
    /// matches are tried only when nothing matched exactly or by prefix, so
    /// a correctly typed name is never crowded out by look-alikes. An empty
    /// or symbols-only query finds nothing.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let q = prepare(query);
        if q.is_empty() || limit == 0 {
            return Vec::new();
        }
        let q_latin = is_latin(&q);
        let q_chars = q.chars().count();
        let mut best: Vec<Option<Hit>> = Vec::new();
        let mut strong = false;
        let q_letters: Vec<char> = q.chars().collect();
        let q_mask = mask(&q_letters);
        for k in &self.keys {
            let kind = if k.text == q {
                MatchKind::Exact
            } else if k.text.starts_with(&q) {
                MatchKind::Prefix
            } else if k.in_sentence
                && k.chars < q_chars
                && k.mask & !q_mask == 0
                && contains_word(&q, &k.text, k.latin)
            {
                MatchKind::InQuery
            } else if q_chars >= 2 && q_mask & !k.mask == 0 && k.text.contains(&q) {
                MatchKind::InName
            } else {
                continue;
            };
            strong |= matches!(kind, MatchKind::Exact | MatchKind::Prefix);
            let score = score(kind, k, q_chars, 0);
            self.offer(&mut best, k, kind, score);
        }
        if !strong {
            let max = match q_chars {
                0..=2 => 0,
                3..=5 => 1,
                _ => 2,
            };
            if max > 0 {
                let q = q_letters;
                let mut rows = Rows::default();
                for k in self.keys.iter().filter(|k| k.latin == q_latin) {
                    // Each letter bucket one side lacks costs at least one edit.
                    let lacking = (q_mask & !k.mask)
                        .count_ones()
                        .max((k.mask & !q_mask).count_ones());
                    if k.chars.abs_diff(q.len()) > max || lacking as usize > max {
                        continue;
                    }
                    if let Some(d) = distance(&q, &k.letters, max, &mut rows) {
                        let score = score(MatchKind::Typo, k, q.len(), d);
                        self.offer(&mut best, k, MatchKind::Typo, score);
                    }
                }
            }
        }
        let mut hits: Vec<Hit> = best.into_iter().flatten().collect();
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.matched.chars().count().cmp(&b.matched.chars().count()))
                .then(a.item.cmp(&b.item))
        });
        hits.truncate(limit);
        hits
    }

    fn offer(&self, best: &mut Vec<Option<Hit>>, k: &Key, kind: MatchKind, score: f32) {
        let i = k.item as usize;
        if best.len() <= i {
            best.resize(i + 1, None);
        }
        if best[i].as_ref().is_some_and(|h| h.score >= score) {
            return;
        }
        best[i] = Some(Hit {
            item: i,
            kind,
            matched: self.shown[k.shown as usize].clone(),
            score,
        });
    }
}

/// The 64-bucket letter set of a name or query (see [`Key::mask`]).
fn mask(letters: &[char]) -> u64 {
    letters.iter().fold(0, |m, c| {
        // A multiplicative hash spreads neighbouring code points (かさ, がさ).
        let h = (*c as u32).wrapping_mul(0x9E37_79B1) >> 26;
        m | 1 << h
    })
}

/// Ranks a match: by kind, then how much of the name the query covers (a
/// prefix `か` says less about `かさ` than `かさ` does), whole names above
/// their parts, fewer typos first.
fn score(kind: MatchKind, k: &Key, q_chars: usize, typos: usize) -> f32 {
    let base = match kind {
        MatchKind::Exact => 1.0,
        MatchKind::Prefix => 0.8,
        MatchKind::InQuery => 0.7,
        MatchKind::InName => 0.6,
        MatchKind::Typo => 0.5 - 0.1 * typos as f32,
    };
    let cover = match kind {
        MatchKind::InQuery => k.chars as f32 / q_chars.max(1) as f32,
        _ => q_chars as f32 / k.chars.max(1) as f32,
    };
    base + 0.1 * cover.min(1.0) - if k.part { 0.02 } else { 0.0 }
}

/// Whether `key` occurs in `text`; Latin keys only as whole words, so
/// `cap` does not match inside `capsule`.
fn contains_word(text: &str, key: &str, latin: bool) -> bool {
    if !latin {
        return text.contains(key);
    }
    text.match_indices(key).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + key.len()..].chars().next();
        before.is_none_or(|c| c == ' ') && after.is_none_or(|c| c == ' ')
    })
}

/// Row buffers of [`distance`], reused across the names of one search.
#[derive(Default)]
struct Rows {
    prev2: Vec<usize>,
    prev: Vec<usize>,
    cur: Vec<usize>,
}

/// The optimal-string-alignment distance (insertions, deletions,
/// substitutions, adjacent swaps) between `a` and `b`, if at most `max`;
/// stops as soon as a whole row exceeds `max`.
fn distance(a: &[char], b: &[char], max: usize, rows: &mut Rows) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    let Rows { prev2, prev, cur } = rows;
    prev2.clear();
    prev2.resize(m + 1, 0);
    prev.clear();
    prev.extend(0..=m);
    cur.clear();
    cur.resize(m + 1, 0);
    for i in 1..=n {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(prev2, prev);
        std::mem::swap(prev, cur);
    }
    (prev[m] <= max).then_some(prev[m])
}

#[cfg(test)]
mod tests {
    use super::*;
    use machi_common::{Lang, LocalizedText};

    fn item(ja: &str, yasasii: &str, en: &str, hans: &str, ko: &str) -> GarbageItem {
        let mut name = LocalizedText::single(Lang::Ja, ja);
        name.set(Lang::JaEasy, yasasii);
        name.set(Lang::En, en);
        name.set(Lang::ZhHans, hans);
        name.set(Lang::Ko, ko);
        GarbageItem {
            category_id: "c".into(),
            name,
            notice: LocalizedText::new(),
            furigana: None,
            reading: None,
            how: LocalizedText::new(),
            aliases: vec![],
        }
    }

    fn items() -> Vec<GarbageItem> {
        vec![
            item("傘", "{傘|かさ}", "Umbrellas", "雨伞", "우산"),
            item(
                "茶わん・皿",
                "{茶|ちゃ}わん・{皿|さら}",
                "Bowls and plates",
                "碗和盘子",
                "접시",
            ),
            item("新聞", "{新聞|しんぶん}", "Newspapers", "报纸", "신문"),
            item(
                "わかさぎの骨",
                "わかさぎの{骨|ほね}",
                "Fish bones",
                "鱼骨",
                "생선 뼈",
            ),
            item(
                "乾電池",
                "{電池|でんち}",
                "Dry-cell batteries",
                "干电池",
                "건전지",
            ),
        ]
    }

    fn first(index: &Index, q: &str) -> Option<(usize, MatchKind)> {
        index.search(q, 3).first().map(|h| (h.item, h.kind))
    }

    #[test]
    fn finds_an_item_by_every_name() {
        let index = Index::new(&items());
        for q in [
            "傘",
            "かさ",
            "カサ",
            "ｶｻ",
            "umbrella",
            "Umbrellas",
            "雨伞",
            "우산",
            "kasa",
        ] {
            assert_eq!(first(&index, q).map(|h| h.0), Some(0), "{q}");
        }
        assert_eq!(first(&index, "皿"), Some((1, MatchKind::Exact)));
        assert_eq!(first(&index, "shimbun"), Some((2, MatchKind::Exact)));
        assert_eq!(first(&index, "batteries").map(|h| h.0), Some(4));
    }

    #[test]
    fn prefixes_suggest_while_typing() {
        let index = Index::new(&items());
        assert_eq!(first(&index, "しん"), Some((2, MatchKind::Prefix)));
        assert_eq!(first(&index, "umb"), Some((0, MatchKind::Prefix)));
        assert!(index.search("", 5).is_empty());
        assert!(index.search("！？", 5).is_empty());
    }

    #[test]
    fn recognises_items_inside_sentences() {
        let index = Index::new(&items());
        let q = "Where can I throw away a broken umbrella?";
        assert_eq!(first(&index, q), Some((0, MatchKind::InQuery)));
        assert_eq!(
            first(&index, "壊れた傘はどこに捨てますか").map(|h| h.0),
            Some(0)
        );
        // A two-letter reading is not recognised inside another word.
        let hits = index.search("わかさぎの骨はどうする", 5);
        assert_eq!(hits.first().map(|h| h.item), Some(3));
        assert!(hits.iter().all(|h| h.item != 0), "{hits:?}");
    }

    #[test]
    fn tolerates_typos_only_when_nothing_else_matched() {
        let index = Index::new(&items());
        assert_eq!(first(&index, "umbrela"), Some((0, MatchKind::Typo)));
        assert_eq!(first(&index, "newspapres"), Some((2, MatchKind::Typo)));
        assert_eq!(first(&index, "しんぶむ"), Some((2, MatchKind::Typo)));
        assert!(index.search("xyzzyq", 5).is_empty());
        let mut rows = Rows::default();
        assert_eq!(distance(&['a', 'b'], &['b', 'a'], 1, &mut rows), Some(1));
        assert_eq!(
            distance(&['a', 'b', 'c'], &['x', 'y', 'z'], 2, &mut rows),
            None
        );
        assert_eq!(
            distance(&['a', 'b', 'c'], &['a', 'b', 'd'], 2, &mut rows),
            Some(1)
        );
    }
}
