//! The four 5374.jp garbage CSVs → [`GarbageData`].

use std::collections::{BTreeMap, HashMap, HashSet};

use machi_common::{Lang, LocalizedText};

use super::error::{Issues, OpenDataError, Problem};
use super::table::{cell, read_csv_with, Table};
use super::values::{date, non_blank};
use crate::garbage::Schedule;
use crate::model::{
    GarbageArea, GarbageCategory, GarbageCenter, GarbageData, GarbageItem, GarbageSchedule,
};

const AREA_DAYS: &str = "area_days.csv";
const CENTER: &str = "center.csv";
const DESCRIPTION: &str = "description.csv";
const TARGET: &str = "target.csv";

/// Reads a file, moving its reading issues into `issues`; `None` when it
/// could not be read at all (that error is recorded too).
fn open(bytes: &[u8], file: &str, issues: &mut Issues) -> Option<Table> {
    match read_csv_with(bytes, file, true) {
        Ok(mut t) => {
            issues.absorb(std::mem::take(&mut t.issues));
            Some(t)
        }
        Err(e) => {
            issues.extend(e.issues);
            None
        }
    }
}

/// 5374 descriptions are HTML fragments; the app shows plain text.
fn plain(html: &str) -> String {
    html.replace("<br />", "\n")
        .replace("<br/>", "\n")
        .replace("<br>", "\n")
        .replace("<BR>", "\n")
}

fn is_colour(c: &str) -> bool {
    let hex = c.strip_prefix('#').unwrap_or("");
    (hex.len() == 6 || hex.len() == 3) && hex.chars().all(|h| h.is_ascii_hexdigit())
}

/// Imports the 5374.jp data set of one town from its four files (errors name
/// them `area_days.csv`, `center.csv`, `description.csv`, `target.csv`).
///
/// - `description.csv` (`label,sublabel,description,styles,bgcolor[,caution]`):
///   one category per row, id = label; `<br>` becomes a line break.
/// - `target.csv` (`type|label,name,notice,furigana`): items, whose category
///   must be a label from description.csv.
/// - `center.csv` (`名称,休止開始日,休止終了日`): closure ranges, several rows per centre allowed.
/// - `area_days.csv` (`地名,センター,<category>…`): one area per row; every
///   category column must be a description.csv label and every non-blank cell a
///   valid [`Schedule`] (blank: not collected there). A centre named by an area
///   but absent from center.csv is added with no closures.
///
/// All four files are checked and every problem reported; any problem fails the import.
pub fn import_5374(
    area_days: &[u8],
    center: &[u8],
    description: &[u8],
    target: &[u8],
) -> Result<GarbageData, OpenDataError> {
    let mut issues = Issues::default();
    let categories = open(description, DESCRIPTION, &mut issues)
        .map(|t| read_categories(t, &mut issues))
        .unwrap_or_default();
    // With no readable categories every reference would be flagged; the
    // description.csv issues already say what is wrong.
    let labels: Option<HashSet<&str>> =
        (!categories.is_empty()).then(|| categories.iter().map(|c| c.id.as_str()).collect());
    let items = open(target, TARGET, &mut issues)
        .map(|t| read_items(t, labels.as_ref(), &mut issues))
        .unwrap_or_default();
    let mut centers = open(center, CENTER, &mut issues)
        .map(|t| read_centers(t, &mut issues))
        .unwrap_or_default();
    let areas = open(area_days, AREA_DAYS, &mut issues)
        .map(|t| read_areas(t, labels.as_ref(), &mut issues))
        .unwrap_or_default();
    for a in &areas {
        if let Some(c) = &a.center_id {
            if !centers.iter().any(|x| &x.id == c) {
                centers.push(GarbageCenter {
                    id: c.clone(),
                    name: LocalizedText::single(Lang::Ja, c.as_str()),
                    closures: Vec::new(),
                });
            }
        }
    }
    issues.finish(GarbageData {
        categories,
        items,
        areas,
        centers,
    })
}

fn read_categories(mut t: Table, issues: &mut Issues) -> Vec<GarbageCategory> {
    let label_c = t.require(&["label"]);
    issues.absorb(std::mem::take(&mut t.issues));
    let Some(label_c) = label_c else {
        return Vec::new();
    };
    let c = |n: &str| t.find(&[n]);
    let (sub_c, desc_c, color_c, caution_c) =
        (c("sublabel"), c("description"), c("bgcolor"), c("caution"));
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut out = Vec::new();
    for rec in &t.records {
        let label = cell(rec, Some(label_c));
        if label.is_empty() {
            issues.push(&t.file, rec.line, Some("label"), Problem::Empty);
            continue;
        }
        if let Some(first) = seen.get(label) {
            issues.push(
                &t.file,
                rec.line,
                Some("label"),
                Problem::Duplicate {
                    value: label.to_string(),
                    first_line: *first,
                },
            );
            continue;
        }
        seen.insert(label.to_string(), rec.line);
        let color = cell(rec, color_c);
        if !color.is_empty() && !is_colour(color) {
            issues.push(
                &t.file,
                rec.line,
                Some("bgcolor"),
                Problem::Invalid(format!("not a #rrggbb colour: {color:?}")),
            );
        }
        out.push(GarbageCategory {
            id: label.to_string(),
            name: LocalizedText::single(Lang::Ja, label),
            sublabel: LocalizedText::single(Lang::Ja, cell(rec, sub_c)),
            description: LocalizedText::single(Lang::Ja, plain(cell(rec, desc_c))),
            caution: LocalizedText::single(Lang::Ja, plain(cell(rec, caution_c))),
            color: non_blank(color).filter(|c| is_colour(c)),
        });
    }
    out
}

fn read_items(
    mut t: Table,
    labels: Option<&HashSet<&str>>,
    issues: &mut Issues,
) -> Vec<GarbageItem> {
    // Old 5374 data calls the category column `type`, newer data `label`.
    let type_c = t.require(&["type", "label"]);
    let name_c = t.require(&["name"]);
    issues.absorb(std::mem::take(&mut t.issues));
    let (Some(type_c), Some(name_c)) = (type_c, name_c) else {
        return Vec::new();
    };
    let type_name = t.name(type_c).to_string();
    let (notice_c, furi_c) = (t.find(&["notice"]), t.find(&["furigana"]));
    let mut out = Vec::new();
    for rec in &t.records {
        let category = cell(rec, Some(type_c));
        let name = cell(rec, Some(name_c));
        if category.is_empty() {
            issues.push(&t.file, rec.line, Some(&type_name), Problem::Empty);
        } else if labels.is_some_and(|l| !l.contains(category)) {
            issues.push(
                &t.file,
                rec.line,
                Some(&type_name),
                Problem::Invalid(format!(
                    "category {category:?} is not a label in {DESCRIPTION}"
                )),
            );
        }
        if name.is_empty() {
            issues.push(&t.file, rec.line, Some("name"), Problem::Empty);
        }
        out.push(GarbageItem {
            category_id: category.to_string(),
            name: LocalizedText::single(Lang::Ja, name),
            notice: LocalizedText::single(Lang::Ja, cell(rec, notice_c)),
            furigana: non_blank(cell(rec, furi_c)),
            reading: None,
            how: LocalizedText::new(),
            aliases: Vec::new(),
        });
    }
    out
}

fn read_centers(mut t: Table, issues: &mut Issues) -> Vec<GarbageCenter> {
    let name_c = t.require(&["名称"]);
    let from_c = t.require(&["休止開始日"]);
    let to_c = t.require(&["休止終了日"]);
    issues.absorb(std::mem::take(&mut t.issues));
    let (Some(name_c), Some(from_c), Some(to_c)) = (name_c, from_c, to_c) else {
        return Vec::new();
    };
    let mut centers: BTreeMap<String, GarbageCenter> = BTreeMap::new();
    let mut order = Vec::new();
    for rec in &t.records {
        let name = cell(rec, Some(name_c));
        if name.is_empty() {
            issues.push(&t.file, rec.line, Some(t.name(name_c)), Problem::Empty);
            continue;
        }
        let mut read = |c: usize| match date(cell(rec, Some(c))) {
            Ok(d) => Some(d),
            Err(e) => {
                issues.push(&t.file, rec.line, Some(t.name(c)), Problem::Invalid(e));
                None
            }
        };
        let (from, to) = (read(from_c), read(to_c));
        let entry = centers.entry(name.to_string()).or_insert_with(|| {
            order.push(name.to_string());
            GarbageCenter {
                id: name.to_string(),
                name: LocalizedText::single(Lang::Ja, name),
                closures: Vec::new(),
            }
        });
        match (from, to) {
            (Some(f), Some(to)) if to < f => issues.push(
                &t.file,
                rec.line,
                Some(t.name(to_c)),
                Problem::Invalid(format!("休止終了日 {to} is before 休止開始日 {f}")),
            ),
            (Some(f), Some(to)) => entry.closures.push((f, to)),
            _ => {}
        }
    }
    order
        .into_iter()
        .filter_map(|n| centers.remove(&n))
        .collect()
}

fn read_areas(
    mut t: Table,
    labels: Option<&HashSet<&str>>,
    issues: &mut Issues,
) -> Vec<GarbageArea> {
    let name_c = t.require(&["地名"]);
    let center_c = t.find(&["センター"]);
    issues.absorb(std::mem::take(&mut t.issues));
    let Some(name_c) = name_c else {
        return Vec::new();
    };
    let category_cols: Vec<usize> = (0..t.columns.len())
        .filter(|i| Some(*i) != center_c && *i != name_c && !t.columns[*i].is_empty())
        .collect();
    for i in &category_cols {
        if labels.is_some_and(|l| !l.contains(t.name(*i))) {
            issues.push(
                &t.file,
                t.header_line,
                Some(t.name(*i)),
                Problem::Invalid(format!("category column is not a label in {DESCRIPTION}")),
            );
        }
    }
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut out = Vec::new();
    for rec in &t.records {
        let name = cell(rec, Some(name_c));
        if name.is_empty() {
            issues.push(&t.file, rec.line, Some("地名"), Problem::Empty);
            continue;
        }
        if let Some(first) = seen.get(name) {
            issues.push(
                &t.file,
                rec.line,
                Some("地名"),
                Problem::Duplicate {
                    value: name.to_string(),
                    first_line: *first,
                },
            );
            continue;
        }
        seen.insert(name.to_string(), rec.line);
        let mut schedules = Vec::new();
        for i in &category_cols {
            let rule = cell(rec, Some(*i));
            if rule.is_empty() {
                continue;
            }
            if let Err(e) = Schedule::parse(rule) {
                issues.push(&t.file, rec.line, Some(t.name(*i)), Problem::Schedule(e));
                continue;
            }
            schedules.push(GarbageSchedule {
                category_id: t.name(*i).to_string(),
                rule: rule.to_string(),
            });
        }
        out.push(GarbageArea {
            id: name.to_string(),
            name: LocalizedText::single(Lang::Ja, name),
            center_id: non_blank(cell(rec, center_c)),
            schedules,
        });
    }
    out
}
