//! `translations.txt` in both layouts.
//!
//! * Old GTFS-JP (1st/2nd edition): `trans_id,lang,translation`, where
//!   `trans_id` is the Japanese text itself (a stop name, a route name, a
//!   headsign) and the translation applies wherever that text appears.
//! * Current GTFS (GTFS-JP 3rd edition): `table_name,field_name,language,
//!   translation,record_id,record_sub_id,field_value`: either one record's
//!   field (`record_id`) or every occurrence of a value (`field_value`).
//!
//! `ja-Hrkt` (the kana reading) is kept apart from the display languages;
//! `ja` rows repeat the source text and are skipped.

use std::collections::HashMap;

use machi_common::{Lang, LocalizedText};

use super::table::{header_of, read_rows, NewTranslationRow, OldTranslationRow};
use crate::error::GtfsError;
use crate::timetable::Name;

const FILE: &str = "translations.txt";

/// What one translation row gives: a display language or the kana reading.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Target {
    Kana,
    Lang(Lang),
}

fn target(tag: &str) -> Option<Target> {
    let t = tag.trim();
    if t.eq_ignore_ascii_case("ja-Hrkt") || t.eq_ignore_ascii_case("ja-Kana") {
        return Some(Target::Kana);
    }
    match Lang::from_tag(t) {
        // `ja` is the source text; easy Japanese is never in a feed.
        Ok(Lang::Ja) | Ok(Lang::JaEasy) => None,
        Ok(l) => Some(Target::Lang(l)),
        // A language machi does not show (fr, de, …): not an error.
        Err(_) => None,
    }
}

type Entries = Vec<(Target, String)>;

/// Every translation of a feed, ready to turn a Japanese field into a [`Name`].
#[derive(Default, Debug)]
pub(crate) struct Translations {
    /// Old layout: keyed by the Japanese text.
    by_text: HashMap<String, Entries>,
    /// New layout, `field_value` form: (table, field, value).
    by_value: HashMap<(String, String, String), Entries>,
    /// New layout, `record_id` form: (table, field, record_id, record_sub_id).
    by_record: HashMap<(String, String, String, String), Entries>,
}

impl Translations {
    /// Reads either layout, telling them apart by the header.
    pub fn read(bytes: &[u8]) -> Result<Translations, GtfsError> {
        let header = header_of(bytes);
        let mut t = Translations::default();
        if header.iter().any(|h| h == "trans_id") {
            let rows: Vec<(u64, OldTranslationRow)> =
                read_rows(FILE, bytes, &["trans_id", "lang", "translation"])?;
            for (_, r) in rows {
                let (Some(key), Some(lang), Some(text)) = (r.trans_id, r.lang, r.translation)
                else {
                    continue;
                };
                if let Some(tg) = target(&lang) {
                    t.by_text.entry(key).or_default().push((tg, text));
                }
            }
        } else {
            let rows: Vec<(u64, NewTranslationRow)> = read_rows(
                FILE,
                bytes,
                &["table_name", "field_name", "language", "translation"],
            )?;
            for (line, r) in rows {
                let at = super::parse::At { file: FILE, line };
                let table = at.req("table_name", &r.table_name)?.to_string();
                let field = at.req("field_name", &r.field_name)?.to_string();
                let (Some(lang), Some(text)) = (r.language, r.translation) else {
                    continue;
                };
                let Some(tg) = target(&lang) else { continue };
                if let Some(id) = r.record_id {
                    let sub = r.record_sub_id.unwrap_or_default();
                    t.by_record
                        .entry((table, field, id, sub))
                        .or_default()
                        .push((tg, text));
                } else if let Some(value) = r.field_value {
                    t.by_value
                        .entry((table, field, value))
                        .or_default()
                        .push((tg, text));
                }
            }
        }
        Ok(t)
    }

    /// The name for `ja` (the value of `table.field` in record `id`/`sub`),
    /// with whatever translations the feed has: by record first, then by
    /// value, then by text (old layout).
    pub fn name(&self, table: &str, field: &str, id: &str, sub: &str, ja: &str) -> Name {
        let key = |a: &str, b: &str| (a.to_string(), b.to_string());
        let (t, f) = key(table, field);
        let found = self
            .by_record
            .get(&(t.clone(), f.clone(), id.to_string(), sub.to_string()))
            .or_else(|| self.by_value.get(&(t, f, ja.to_string())))
            .or_else(|| self.by_text.get(ja));
        let mut text = LocalizedText::single(Lang::Ja, ja);
        let mut kana = None;
        for (tg, s) in found.into_iter().flatten() {
            match tg {
                Target::Kana => kana = Some(s.clone()).filter(|k| !k.trim().is_empty()),
                Target::Lang(l) => text.set(*l, s.clone()),
            }
        }
        Name { text, kana }
    }

    /// A name looked up by its Japanese text only (routes_jp stop names,
    /// which have no record of their own).
    pub fn name_of_text(&self, table: &str, field: &str, ja: &str) -> Name {
        self.name(table, field, "\u{0}", "", ja)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_layout_by_text() {
        let t = Translations::read(
            "\u{feff}trans_id,lang,translation\r\n入善駅前,ja,入善駅前\r\n入善駅前,ja-Hrkt,にゅうぜんえきまえ\r\n入善駅前,en,Nyuzen Ekimae\r\n入善駅前,zh-TW,入善站前\r\n入善駅前,fr,Gare\r\n"
                .as_bytes(),
        )
        .unwrap();
        let n = t.name("stops", "stop_name", "1_1", "", "入善駅前");
        assert_eq!(n.get(Lang::En), "Nyuzen Ekimae");
        assert_eq!(n.get(Lang::ZhHant), "入善站前");
        assert_eq!(n.get(Lang::Ko), "入善駅前");
        assert_eq!(n.kana.as_deref(), Some("にゅうぜんえきまえ"));
    }

    #[test]
    fn new_layout_by_record_and_by_value() {
        let t = Translations::read(
            "record_sub_id,field_value,table_name,field_name,language,translation,record_id,extra\n\
             ,,stops,stop_name,en,Station A,S1,x\n\
             ,駅前,stops,stop_name,en,Ekimae,,\n\
             ,駅前,stops,stop_name,zh-CN,站前,,\n\
             ,駅前,stops,stop_name,zh,站前2,,\n\
             ,駅前,stops,stop_name,ko,역전,,\n"
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(
            t.name("stops", "stop_name", "S1", "", "駅前").get(Lang::En),
            "Station A"
        );
        let n = t.name("stops", "stop_name", "S2", "", "駅前");
        assert_eq!(n.get(Lang::En), "Ekimae");
        assert_eq!(n.get(Lang::ZhHans), "站前2");
        assert_eq!(n.get(Lang::Ko), "역전");
        // A value translated for stops is not a translation for routes.
        assert_eq!(
            t.name("routes", "route_long_name", "R", "", "駅前")
                .get(Lang::En),
            "駅前"
        );
    }

    #[test]
    fn new_layout_needs_its_columns() {
        let e = Translations::read(b"table_name,field_name,translation\nstops,stop_name,x\n")
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "translations.txt: required column language is missing"
        );
    }
}
