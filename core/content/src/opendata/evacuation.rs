//! 指定緊急避難場所一覧 / 指定避難所一覧 CSV (template columns) → [`Shelter`]s.

use machi_common::{Hazard, Lang, LocalizedText};

use super::error::{OpenDataError, Problem};
use super::table::{cell, read_csv, Ids};
use super::tourism::{col as tcol, ja_en, AddressCols};
use super::values::{count, flag, metres, non_blank, phone, required_point};
use crate::model::{Shelter, ShelterKind};

/// The template's hazard columns in [`Hazard::ALL`] order, without the
/// `災害種別_` prefix (both the prefixed and bare names are accepted).
pub(crate) const HAZARD_COLUMNS: [&str; 8] = [
    "洪水",
    "崖崩れ、土石流及び地滑り",
    "高潮",
    "地震",
    "津波",
    "大規模な火事",
    "内水氾濫",
    "火山現象",
];

mod col {
    pub const COMMON_ID: &[&str] = &["共通ID"];
    pub const ELEVATION: &[&str] = &["標高", "高さ(海抜)", "海抜", "標高(m)"];
    pub const CAPACITY: &[&str] = &["想定収容人数", "収容人数", "収容人員"];
    pub const BOTH_FROM_PLACE: &[&str] = &["指定避難所との重複", "指定避難所との住所同一"];
    pub const BOTH_FROM_SHELTER: &[&str] =
        &["指定緊急避難場所との重複", "指定緊急避難場所との住所同一"];
    pub const NOTES: &[&str] = &["備考"];
}

/// Imports a 指定緊急避難場所一覧 (or 指定避難所一覧) CSV. `file` names the file in errors.
///
/// Required columns: 名称, 緯度, 経度. A file with hazard columns
/// (`災害種別_洪水` … or `洪水` …) lists emergency places: each row's hazards
/// are the flags set (`1`, `○` … yes; blank, `0` … no; anything else is an
/// error), kind [`ShelterKind::Both`] when 指定避難所との重複 is set. A file
/// without them lists shelters (kind `Shelter`, or `Both` when
/// 指定緊急避難場所との重複 is set). Id: the 共通ID column when present and
/// filled, else `shelter-<NO>`.
pub fn import_evacuation_csv(bytes: &[u8], file: &str) -> Result<Vec<Shelter>, OpenDataError> {
    let mut t = read_csv(bytes, file)?;
    let name_c = t.require(tcol::NAME);
    let lat_c = t.require(tcol::LAT);
    let lon_c = t.require(tcol::LON);
    let mut issues = std::mem::take(&mut t.issues);
    if name_c.is_none() || lat_c.is_none() || lon_c.is_none() {
        return issues.finish(Vec::new());
    }
    let c = |a: &[&str]| t.find(a);
    let hazard_c: Vec<(Hazard, usize)> = Hazard::ALL
        .iter()
        .zip(HAZARD_COLUMNS)
        .filter_map(|(h, name)| {
            let prefixed = format!("災害種別_{name}");
            c(&[prefixed.as_str(), name]).map(|i| (*h, i))
        })
        .collect();
    let is_place_list = !hazard_c.is_empty();
    let both_c = if is_place_list {
        c(col::BOTH_FROM_PLACE)
    } else {
        c(col::BOTH_FROM_SHELTER)
    };
    let (no_c, id_c, elev_c, cap_c) = (
        c(tcol::NO),
        c(col::COMMON_ID),
        c(col::ELEVATION),
        c(col::CAPACITY),
    );
    let address = AddressCols::find(&t);
    let mut ids = Ids::new("shelter");
    let mut shelters = Vec::new();
    for rec in &t.records {
        let mut bad = |column: Option<usize>, problem: Problem| {
            let name = column.map(|c| t.name(c).to_string());
            issues.push(file, rec.line, name.as_deref(), problem);
        };
        let id = match cell(rec, id_c) {
            "" => ids
                .next(cell(rec, no_c), rec.line)
                .map_err(|p| bad(no_c, p)),
            gsi => ids
                .claim(gsi.to_string(), rec.line)
                .map_err(|p| bad(id_c, p)),
        }
        .ok();
        let name = cell(rec, name_c);
        if name.is_empty() {
            bad(name_c, Problem::Empty);
        }
        let location = required_point(cell(rec, lat_c), cell(rec, lon_c), (lat_c, lon_c), &mut bad);
        let mut hazards = Vec::new();
        for (h, i) in &hazard_c {
            match flag(cell(rec, Some(*i))) {
                Ok(true) => hazards.push(*h),
                Ok(false) => {}
                Err(e) => bad(Some(*i), Problem::Invalid(e)),
            }
        }
        let both = flag(cell(rec, both_c))
            .map_err(|e| bad(both_c, Problem::Invalid(e)))
            .unwrap_or(false);
        let elevation_m = metres(cell(rec, elev_c))
            .map_err(|e| bad(elev_c, Problem::Invalid(e)))
            .unwrap_or(None);
        let capacity = count(cell(rec, cap_c))
            .map_err(|e| bad(cap_c, Problem::Invalid(e)))
            .unwrap_or(None);
        let (Some(id), Some(location)) = (id, location) else {
            continue;
        };
        shelters.push(Shelter {
            id,
            name: ja_en(name, cell(rec, c(tcol::NAME_EN))),
            kana: non_blank(cell(rec, c(tcol::KANA))),
            address: LocalizedText::single(Lang::Ja, address.text(rec)),
            location,
            elevation_m,
            capacity,
            hazards,
            kind: match (is_place_list, both) {
                (_, true) => ShelterKind::Both,
                (true, false) => ShelterKind::EmergencyPlace,
                (false, false) => ShelterKind::Shelter,
            },
            phone: phone(cell(rec, c(&["電話番号"])), cell(rec, c(&["内線番号"]))),
            notes: LocalizedText::single(Lang::Ja, cell(rec, c(col::NOTES))),
        });
    }
    issues.finish(shelters)
}
