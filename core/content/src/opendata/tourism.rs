//! 観光施設一覧 (tourism facilities) → [`Spot`]s.

use machi_common::{Lang, LocalizedText};

use super::error::{OpenDataError, Problem};
use super::hours::{opening_hours_from_columns, HoursColumn};
use super::table::{cell, read_csv, Ids, Record, Table};
use super::values::{join, non_blank, phone, required_point};
use crate::model::Spot;

/// Visit duration given to a spot when the source does not say (open data
/// carries none; pack overlays set real values).
pub const DEFAULT_VISIT_MINUTES: u32 = 60;
/// Popularity given to a spot when the source does not say (0..=1; overlays set it).
pub const DEFAULT_POPULARITY: f32 = 0.5;

/// Column names (NFKC-normalized) accepted for each field, 推奨データセット
/// names first, then 自治体標準オープンデータセット ones.
pub(crate) mod col {
    pub const NO: &[&str] = &["NO", "ID", "No", "番号"];
    pub const NAME: &[&str] = &["名称"];
    pub const KANA: &[&str] = &["名称_カナ"];
    pub const NAME_EN: &[&str] = &["名称_英語", "名称_英字"];
    pub const ADDRESS: &[&str] = &["住所", "所在地_連結表記", "所在地"];
    pub const ADDRESS_PARTS: &[&[&str]] = &[
        &["所在地_都道府県"],
        &["所在地_市区町村"],
        &["所在地_町字"],
        &["所在地_番地以下"],
    ];
    pub const BUILDING: &[&str] = &["方書", "建物名等(方書)", "建物名等"];
    pub const LAT: &[&str] = &["緯度"];
    pub const LON: &[&str] = &["経度"];
    pub const DAYS: &[&str] = &["利用可能曜日"];
    pub const START: &[&str] = &["開始時間"];
    pub const END: &[&str] = &["終了時間"];
    pub const HOURS_NOTE: &[&str] = &["利用可能日時特記事項", "利用可能時間特記事項"];
    pub const FEE: &[&str] = &["料金(基本)", "料金"];
    pub const FEE_DETAIL: &[&str] = &["料金(詳細)"];
    pub const DESCRIPTION: &[&str] = &["説明", "概要"];
    pub const DESCRIPTION_EN: &[&str] = &["説明_英語", "説明_英字", "概要_英語", "概要_英字"];
    pub const ACCESS: &[&str] = &["アクセス方法"];
    pub const PARKING: &[&str] = &["駐車場情報"];
    pub const ACCESSIBILITY: &[&str] = &["バリアフリー情報"];
    pub const PHONE: &[&str] = &["連絡先電話番号", "電話番号"];
    pub const EXTENSION: &[&str] = &["連絡先内線番号", "内線番号"];
    pub const URL: &[&str] = &["URL"];
    pub const IMAGE: &[&str] = &["画像"];
}

/// Where the address of a row comes from: one full column, else the split
/// 自治体標準 columns, plus the building (方書) either way.
pub(crate) struct AddressCols {
    full: Option<usize>,
    parts: Vec<usize>,
    building: Option<usize>,
}

impl AddressCols {
    pub fn find(t: &Table) -> AddressCols {
        AddressCols {
            full: t.find(col::ADDRESS),
            parts: col::ADDRESS_PARTS
                .iter()
                .filter_map(|a| t.find(a))
                .collect(),
            building: t.find(col::BUILDING),
        }
    }

    pub fn text(&self, rec: &Record) -> String {
        let main = match cell(rec, self.full) {
            "" => self
                .parts
                .iter()
                .map(|c| cell(rec, Some(*c)))
                .collect::<String>(),
            full => full.to_string(),
        };
        join(&[&main, cell(rec, self.building)], " ")
    }
}

/// Text in Japanese and (when given) English.
pub(crate) fn ja_en(ja: &str, en: &str) -> LocalizedText {
    LocalizedText::single(Lang::Ja, ja.trim()).with(Lang::En, en.trim())
}

/// Imports a 観光施設一覧 CSV. `file` names the file in errors.
///
/// Required columns: 名称, 緯度, 経度. Every non-blank row becomes a [`Spot`]
/// with id `spot-<NO>` (NO blank → the row's 1-based position), Japanese and
/// English name/description, an OSM opening-hours string built from
/// 利用可能曜日 + 開始時間/終了時間 (see [`super::opening_hours_from_columns`]),
/// [`DEFAULT_VISIT_MINUTES`] and [`DEFAULT_POPULARITY`], and no tags (overlays add them).
/// A template with only blank rows gives an empty list.
pub fn import_tourism_csv(bytes: &[u8], file: &str) -> Result<Vec<Spot>, OpenDataError> {
    let mut t = read_csv(bytes, file)?;
    let name_c = t.require(col::NAME);
    let lat_c = t.require(col::LAT);
    let lon_c = t.require(col::LON);
    let mut issues = std::mem::take(&mut t.issues);
    if name_c.is_none() || lat_c.is_none() || lon_c.is_none() {
        // Without the key columns every row would repeat the same complaint.
        return issues.finish(Vec::new());
    }
    let c = |a: &[&str]| t.find(a);
    let (no_c, kana_c, name_en_c) = (c(col::NO), c(col::KANA), c(col::NAME_EN));
    let (days_c, start_c, end_c, note_c) =
        (c(col::DAYS), c(col::START), c(col::END), c(col::HOURS_NOTE));
    let address = AddressCols::find(&t);
    let mut ids = Ids::new("spot");
    let mut spots = Vec::new();
    for rec in &t.records {
        let mut bad = |column: Option<usize>, problem: Problem| {
            let name = column.map(|c| t.name(c).to_string());
            issues.push(file, rec.line, name.as_deref(), problem);
        };
        let id = ids
            .next(cell(rec, no_c), rec.line)
            .map_err(|p| bad(no_c, p))
            .ok();
        let name = cell(rec, name_c);
        if name.is_empty() {
            bad(name_c, Problem::Empty);
        }
        let location = required_point(cell(rec, lat_c), cell(rec, lon_c), (lat_c, lon_c), &mut bad);
        let note = cell(rec, note_c);
        let hours = opening_hours_from_columns(
            cell(rec, days_c),
            cell(rec, start_c),
            cell(rec, end_c),
            note,
        );
        let (opening_hours, remarks) = match hours {
            Ok(h) => h,
            Err((which, reason)) => {
                let column = match which {
                    HoursColumn::Days => days_c,
                    HoursColumn::Start => start_c,
                    HoursColumn::End => end_c,
                };
                bad(column, Problem::Invalid(reason));
                (None, Vec::new())
            }
        };
        let (Some(id), Some(location)) = (id, location) else {
            continue;
        };
        // Days without usable times cannot become opening_hours; keep them
        // readable in the note instead of dropping them.
        let days = cell(rec, days_c);
        let days_note = match (&opening_hours, days) {
            (None, d) if !d.is_empty() => format!("{}: {d}", col::DAYS[0]),
            _ => String::new(),
        };
        let mut note_parts: Vec<&str> = vec![days_note.as_str(), note];
        note_parts.extend(remarks.iter().map(String::as_str));
        spots.push(Spot {
            id,
            name: ja_en(name, cell(rec, name_en_c)),
            kana: non_blank(cell(rec, kana_c)),
            description: ja_en(
                cell(rec, c(col::DESCRIPTION)),
                cell(rec, c(col::DESCRIPTION_EN)),
            ),
            tags: Vec::new(),
            location,
            address: LocalizedText::single(Lang::Ja, address.text(rec)),
            opening_hours,
            hours_note: LocalizedText::single(Lang::Ja, join(&note_parts, "\n")),
            fee: LocalizedText::single(
                Lang::Ja,
                fee_text(cell(rec, c(col::FEE)), cell(rec, c(col::FEE_DETAIL))),
            ),
            visit_minutes: DEFAULT_VISIT_MINUTES,
            popularity: DEFAULT_POPULARITY,
            access: LocalizedText::single(Lang::Ja, cell(rec, c(col::ACCESS))),
            parking: LocalizedText::single(Lang::Ja, cell(rec, c(col::PARKING))),
            accessibility: LocalizedText::single(Lang::Ja, cell(rec, c(col::ACCESSIBILITY))),
            phone: phone(cell(rec, c(col::PHONE)), cell(rec, c(col::EXTENSION))),
            url: non_blank(cell(rec, c(col::URL))),
            image_url: non_blank(cell(rec, c(col::IMAGE))),
        });
    }
    issues.finish(spots)
}

/// 料金(基本) and 料金(詳細) together; the detail alone when it repeats the basic fee.
pub(crate) fn fee_text(basic: &str, detail: &str) -> String {
    if detail.trim() == basic.trim() {
        basic.trim().to_string()
    } else {
        join(&[basic, detail], "\n")
    }
}
