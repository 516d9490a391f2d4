//! The garbage part of a pack source: the four 5374 files, the optional
//! sorting dictionary `garbage/dictionary.csv`, and the `garbage.toml`
//! overlays (translations, readings, aliases).

use std::collections::HashSet;

use machi_common::Lang;
use toml::Spanned;

use super::toml_files::GarbageToml;
use super::{line_of, merge_text, Loader};
use crate::model::GarbageData;
use crate::opendata;

/// Where a town's sorting dictionary lives in the source folder.
const DICTIONARY: &str = "garbage/dictionary.csv";

impl Loader<'_> {
    pub(super) fn garbage(&mut self) -> GarbageData {
        const NAMES: [&str; 4] = [
            "garbage/area_days.csv",
            "garbage/center.csv",
            "garbage/description.csv",
            "garbage/target.csv",
        ];
        let present: Vec<Option<&[u8]>> = NAMES.iter().map(|n| self.files.get(n)).collect();
        let mut data = match present.as_slice() {
            [Some(a), Some(c), Some(d), Some(t)] => match opendata::import_5374(a, c, d, t) {
                Ok(g) => g,
                Err(e) => {
                    // 5374 issues name the conventional file; say where it lives.
                    let mut e = e;
                    for i in &mut e.issues {
                        if !i.file.starts_with("garbage/") {
                            i.file = format!("garbage/{}", i.file);
                        }
                    }
                    self.opendata_issues(e);
                    GarbageData::default()
                }
            },
            p if p.iter().all(Option::is_none) => GarbageData::default(),
            p => {
                for (n, f) in NAMES.iter().zip(p) {
                    if f.is_none() {
                        self.issue(
                            n,
                            None,
                            None,
                            "missing: the 5374 garbage files come as a set of four".into(),
                        );
                    }
                }
                GarbageData::default()
            }
        };
        self.garbage_dictionary(&mut data);
        const F: &str = "garbage.toml";
        if let Some((t, text)) = self.toml::<GarbageToml>(F) {
            let line = |s: &Spanned<String>| Some(line_of(&text, s.span().start));
            for o in t.area {
                match data.areas.iter_mut().find(|a| a.id == *o.id.get_ref()) {
                    Some(a) => merge_text(&mut a.name, &o.name),
                    None => self.issue(
                        F,
                        line(&o.id),
                        Some("id"),
                        format!("no garbage area {:?} in area_days.csv", o.id.get_ref()),
                    ),
                }
            }
            for o in t.category {
                match data.categories.iter_mut().find(|c| c.id == *o.id.get_ref()) {
                    Some(c) => {
                        if o.color.is_some() {
                            c.color = o.color;
                        }
                        merge_text(&mut c.name, &o.name);
                        merge_text(&mut c.sublabel, &o.sublabel);
                        merge_text(&mut c.description, &o.description);
                        merge_text(&mut c.caution, &o.caution);
                    }
                    None => self.issue(
                        F,
                        line(&o.id),
                        Some("id"),
                        format!(
                            "no garbage category {:?} in description.csv",
                            o.id.get_ref()
                        ),
                    ),
                }
            }
            for o in t.item {
                let found = data.items.iter_mut().find(|i| {
                    i.category_id == *o.category.get_ref()
                        && i.name.get(machi_common::Lang::Ja) == Some(o.ja.get_ref().as_str())
                });
                match found {
                    Some(i) => {
                        merge_text(&mut i.name, &o.name);
                        merge_text(&mut i.notice, &o.notice);
                        merge_text(&mut i.how, &o.how);
                        if o.reading.is_some() {
                            i.reading = o.reading;
                        }
                        i.aliases.extend(o.aliases);
                    }
                    None => self.issue(
                        F,
                        line(&o.ja),
                        Some("ja"),
                        format!(
                            "no item {:?} in category {:?} in target.csv",
                            o.ja.get_ref(),
                            o.category.get_ref()
                        ),
                    ),
                }
            }
        }
        data
    }

    /// Adds the items of `garbage/dictionary.csv` (if present) to those of
    /// target.csv. A dictionary row naming an item target.csv already has in
    /// the same category fills in its reading, how-to and notes where
    /// target.csv left them blank; in another category it is an error (the
    /// resident would get two answers).
    fn garbage_dictionary(&mut self, data: &mut GarbageData) {
        let Some(bytes) = self.files.get(DICTIONARY) else {
            return;
        };
        if data.categories.is_empty() {
            self.issue(
                DICTIONARY,
                None,
                None,
                "needs the 5374 files: its categories are description.csv labels".into(),
            );
            return;
        }
        let labels: HashSet<&str> = data.categories.iter().map(|c| c.id.as_str()).collect();
        let items = match opendata::import_garbage_dictionary(bytes, DICTIONARY, &labels) {
            Ok(items) => items,
            Err(e) => {
                self.opendata_issues(e);
                return;
            }
        };
        for item in items {
            let name = item.name.get(Lang::Ja).unwrap_or_default().to_string();
            let existing = data
                .items
                .iter_mut()
                .find(|i| i.name.get(Lang::Ja) == Some(name.as_str()));
            match existing {
                None => data.items.push(item),
                Some(i) if i.category_id == item.category_id => {
                    if i.reading.is_none() {
                        i.reading = item.reading;
                    }
                    if i.how.is_empty() {
                        i.how = item.how;
                    }
                    if i.notice.is_empty() {
                        i.notice = item.notice;
                    }
                }
                Some(i) => {
                    let other = i.category_id.clone();
                    self.issue(
                        DICTIONARY,
                        None,
                        Some("分別区分"),
                        format!(
                            "{name:?} is {:?} here but {other:?} in garbage/target.csv",
                            item.category_id
                        ),
                    );
                }
            }
        }
    }
}
