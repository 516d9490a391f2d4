//! A town's garbage sorting dictionary (ごみ分別辞典) CSV → [`GarbageItem`]s.
//!
//! Towns publish their 分別辞典 as one row per item. The columns are matched
//! by name (NFKC, so full-width and half-width headers are the same), each
//! accepting the names seen in published dictionaries:
//!
//! | field | header names accepted | required |
//! |---|---|---|
//! | item name | `品目名`, `品目`, `品名`, `名称` | yes |
//! | reading | `よみがな`, `読み仮名`, `ふりがな`, `フリガナ`, `読み` | no |
//! | category | `分別区分`, `区分`, `分別`, `分類` | yes |
//! | how to put it out | `出し方`, `出し方のポイント`, `排出方法` | no |
//! | notes | `備考`, `注意事項` | no |

use std::collections::{HashMap, HashSet};

use machi_common::{Lang, LocalizedText};

use super::error::{OpenDataError, Problem};
use super::table::{cell, read_csv_with};
use super::values::non_blank;
use crate::model::GarbageItem;

const NAME: &[&str] = &["品目名", "品目", "品名", "名称"];
const READING: &[&str] = &["よみがな", "読み仮名", "ふりがな", "フリガナ", "読み"];
const CATEGORY: &[&str] = &["分別区分", "区分", "分別", "分類"];
const HOW: &[&str] = &["出し方", "出し方のポイント", "排出方法"];
const NOTES: &[&str] = &["備考", "注意事項"];

/// Whether a reading is kana only (hiragana, katakana, the long-vowel mark,
/// middle dot and spaces): anything else cannot be searched as a reading.
fn is_kana_reading(s: &str) -> bool {
    s.chars().all(|c| {
        matches!(c, '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}' | 'ー' | '・' | ' ' | '　')
    })
}

/// Imports a sorting dictionary CSV (see the module docs for the columns).
/// `file` names the file in errors; `categories` are the category ids an
/// item may go into (the 5374 description.csv labels) — a row naming any
/// other is an error, so a typo in 分別区分 never hides an item. The same
/// name twice in the file is an error too (name the variants apart:
/// `傘（ビニール）`, `傘（金属の骨）`).
///
/// Every problem in the file is reported; any problem fails the import.
pub fn import_garbage_dictionary(
    bytes: &[u8],
    file: &str,
    categories: &HashSet<&str>,
) -> Result<Vec<GarbageItem>, OpenDataError> {
    let mut t = read_csv_with(bytes, file, true)?;
    let name_c = t.require(NAME);
    let cat_c = t.require(CATEGORY);
    let (read_c, how_c, notes_c) = (t.find(READING), t.find(HOW), t.find(NOTES));
    let mut issues = std::mem::take(&mut t.issues);
    let (Some(name_c), Some(cat_c)) = (name_c, cat_c) else {
        return Err(issues.finish(()).err().unwrap_or_else(|| {
            OpenDataError::one(file, t.header_line, None, Problem::MissingColumn)
        }));
    };
    let cat_name = t.name(cat_c).to_string();
    let name_name = t.name(name_c).to_string();
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut out = Vec::new();
    for rec in &t.records {
        let name = cell(rec, Some(name_c));
        let category = cell(rec, Some(cat_c));
        let reading = cell(rec, read_c);
        if name.is_empty() {
            issues.push(&t.file, rec.line, Some(&name_name), Problem::Empty);
        } else if let Some(first) = seen.get(name) {
            issues.push(
                &t.file,
                rec.line,
                Some(&name_name),
                Problem::Duplicate {
                    value: name.to_string(),
                    first_line: *first,
                },
            );
        } else {
            seen.insert(name.to_string(), rec.line);
        }
        if category.is_empty() {
            issues.push(&t.file, rec.line, Some(&cat_name), Problem::Empty);
        } else if !categories.contains(category) {
            issues.push(
                &t.file,
                rec.line,
                Some(&cat_name),
                Problem::Invalid(format!(
                    "category {category:?} is not a label in description.csv"
                )),
            );
        }
        if !reading.is_empty() && !is_kana_reading(reading) {
            issues.push(
                &t.file,
                rec.line,
                Some(t.name(read_c.unwrap_or(0))),
                Problem::Invalid(format!("the reading {reading:?} is not in kana")),
            );
        }
        out.push(GarbageItem {
            category_id: category.to_string(),
            name: LocalizedText::single(Lang::Ja, name),
            notice: LocalizedText::single(Lang::Ja, cell(rec, notes_c)),
            furigana: reading.chars().next().map(String::from),
            reading: non_blank(reading),
            how: LocalizedText::single(Lang::Ja, cell(rec, how_c)),
            aliases: Vec::new(),
        });
    }
    issues.finish(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cats() -> HashSet<&'static str> {
        ["燃やせるごみ", "燃やせないごみ"].into_iter().collect()
    }

    #[test]
    fn reads_the_published_columns() {
        let csv = "品目名,よみがな,分別区分,出し方,備考\n傘,かさ,燃やせないごみ,,骨が金属のもの\nアイロン,アイロン,燃やせないごみ,コードを束ねる,\n";
        let items = import_garbage_dictionary(csv.as_bytes(), "d.csv", &cats()).unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].reading.as_deref(), Some("かさ"));
        assert_eq!(items[0].furigana.as_deref(), Some("か"));
        assert_eq!(items[0].notice.get(Lang::Ja), Some("骨が金属のもの"));
        assert_eq!(items[1].how.get(Lang::Ja), Some("コードを束ねる"));
        // Full-width headers and other accepted names are the same columns.
        let csv = "品目,読み,区分\n紙くず,かみくず,燃やせるごみ\n";
        let items = import_garbage_dictionary(csv.as_bytes(), "d.csv", &cats()).unwrap();
        assert_eq!(items[0].category_id, "燃やせるごみ");
        assert!(items[0].how.is_empty());
    }

    #[test]
    fn every_problem_is_reported_with_its_line() {
        let csv = "品目名,よみがな,分別区分\n傘,かさ,燃えないごみ\n,x,燃やせるごみ\n傘,kasa,燃やせないごみ\n";
        let e = import_garbage_dictionary(csv.as_bytes(), "d.csv", &cats()).unwrap_err();
        let lines: Vec<u64> = e.issues.iter().map(|i| i.line).collect();
        assert_eq!(lines, [2, 3, 3, 4, 4], "{e}");
        assert!(e.to_string().contains("燃えないごみ"), "{e}");
        let e =
            import_garbage_dictionary("名前,区分\nx,燃やせるごみ\n".as_bytes(), "d.csv", &cats())
                .unwrap_err();
        assert!(matches!(e.issues[0].problem, Problem::MissingColumn), "{e}");
    }
}
