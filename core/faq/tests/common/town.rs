//! The embedded sample town's FAQ (`content/takahagi/faq.toml` and
//! `synonyms.toml`, our own content), read the way the app reads a pack:
//! every language of question and answer, keywords, departments. A small
//! town (about fifty entries, six languages): the corpus-size and language
//! mix that a confidence model fitted on LocalgovFAQ must carry over to.

use std::path::PathBuf;

use machi_common::{Lang, LocalizedText};
use machi_faq::{Category, Department, FaqBot, FaqEntry, SynonymTable};
use toml::Value;

fn town_dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content/takahagi"
    ))
}

fn read(name: &str) -> Value {
    let path = town_dir().join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} must be readable: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{} must parse: {e}", path.display()))
}

fn localized(v: Option<&Value>) -> LocalizedText {
    let mut t = LocalizedText::new();
    if let Some(table) = v.and_then(Value::as_table) {
        for (tag, text) in table {
            if let (Ok(lang), Some(text)) = (Lang::from_tag(tag), text.as_str()) {
                t.set(lang, text);
            }
        }
    }
    t
}

fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The sample town's entries, departments attached.
pub fn entries() -> Vec<FaqEntry> {
    let faq = read("faq.toml");
    let empty = Vec::new();
    let depts = faq
        .get("department")
        .and_then(Value::as_array)
        .unwrap_or(&empty);
    let dept = |id: &str| {
        depts
            .iter()
            .find(|d| d.get("id").and_then(Value::as_str) == Some(id))
            .map(|d| Department {
                name: localized(d.get("name")),
                phone: d.get("phone").and_then(Value::as_str).map(str::to_string),
                hours: Some(localized(d.get("hours"))),
            })
    };
    let list = faq.get("entry").and_then(Value::as_array).unwrap_or(&empty);
    list.iter()
        .map(|e| {
            let s = |k: &str| e.get(k).and_then(Value::as_str).unwrap_or("").to_string();
            let category = s("category");
            FaqEntry {
                id: s("id"),
                question: localized(e.get("question")),
                answer: localized(e.get("answer")),
                category: (!category.is_empty()).then(|| Category {
                    name: LocalizedText::single(Lang::Ja, category.clone()),
                    id: category,
                }),
                department: dept(&s("department")),
                keywords: strings(e.get("keywords")),
            }
        })
        .collect()
}

/// The sample town's synonym sets.
pub fn synonyms() -> SynonymTable {
    let syn = read("synonyms.toml");
    let groups: Vec<Vec<String>> = syn
        .get("set")
        .and_then(Value::as_array)
        .map(|sets| sets.iter().map(|s| strings(s.get("terms"))).collect())
        .unwrap_or_default();
    SynonymTable::from_groups(&groups)
}

/// The bot over the sample town.
pub fn bot() -> FaqBot {
    let entries = entries();
    assert!(
        entries.len() >= 40,
        "sample town has {} entries",
        entries.len()
    );
    match FaqBot::new(entries, &synonyms()) {
        Ok(b) => b,
        Err(e) => panic!("sample town must build: {e}"),
    }
}
