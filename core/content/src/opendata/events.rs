//! イベント一覧 (events) → [`Event`]s.

use machi_common::{Lang, LocalizedText};

use super::error::{OpenDataError, Problem};
use super::table::{cell, read_csv, Ids};
use super::tourism::{col as tcol, fee_text, ja_en, AddressCols};
use super::values::{date, naive_time, non_blank, optional_point, phone};
use crate::model::Event;

mod col {
    pub const NAME: &[&str] = &["イベント名", "名称"];
    pub const NAME_EN: &[&str] = &[
        "イベント名_英語",
        "イベント名_英字",
        "名称_英語",
        "名称_英字",
    ];
    pub const START_DATE: &[&str] = &["開始日", "開始年月日"];
    pub const END_DATE: &[&str] = &["終了日", "終了年月日"];
    pub const START_TIME: &[&str] = &["開始時間"];
    pub const END_TIME: &[&str] = &["終了時間"];
    pub const PLACE: &[&str] = &["場所名称", "会場名", "場所"];
    pub const ORGANIZER: &[&str] = &["主催者"];
}

/// Imports an イベント一覧 CSV. `file` names the file in errors.
///
/// Required columns: イベント名 (or 名称) and 開始日. Ids are `event-<NO>`
/// (NO blank → the row's 1-based position). 終了日 blank → a one-day event;
/// an end before the start is an error. Position is optional, but a half-given
/// or invalid coordinate is an error. Tags are empty (overlays add them).
pub fn import_events_csv(bytes: &[u8], file: &str) -> Result<Vec<Event>, OpenDataError> {
    let mut t = read_csv(bytes, file)?;
    let name_c = t.require(col::NAME);
    let start_c = t.require(col::START_DATE);
    let mut issues = std::mem::take(&mut t.issues);
    if name_c.is_none() || start_c.is_none() {
        return issues.finish(Vec::new());
    }
    let c = |a: &[&str]| t.find(a);
    let (no_c, end_c, st_c, et_c) = (
        c(tcol::NO),
        c(col::END_DATE),
        c(col::START_TIME),
        c(col::END_TIME),
    );
    let (lat_c, lon_c) = (c(tcol::LAT), c(tcol::LON));
    let address = AddressCols::find(&t);
    let mut ids = Ids::new("event");
    let mut events = Vec::new();
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
        let start_date = match cell(rec, start_c) {
            "" => {
                bad(start_c, Problem::Empty);
                None
            }
            s => date(s).map_err(|e| bad(start_c, Problem::Invalid(e))).ok(),
        };
        let end_date = match cell(rec, end_c) {
            "" => start_date,
            s => date(s).map_err(|e| bad(end_c, Problem::Invalid(e))).ok(),
        };
        if let (Some(s), Some(e)) = (start_date, end_date) {
            if e < s {
                bad(
                    end_c,
                    Problem::Invalid(format!("終了日 {e} is before 開始日 {s}")),
                );
            }
        }
        let start_time = naive_time(cell(rec, st_c))
            .map_err(|e| bad(st_c, Problem::Invalid(e)))
            .ok();
        let end_time = naive_time(cell(rec, et_c))
            .map_err(|e| bad(et_c, Problem::Invalid(e)))
            .ok();
        let location = optional_point(cell(rec, lat_c), cell(rec, lon_c), (lat_c, lon_c), &mut bad);
        let (
            Some(id),
            Some(start_date),
            Some(end_date),
            Some(start_time),
            Some(end_time),
            Some(location),
        ) = (id, start_date, end_date, start_time, end_time, location)
        else {
            continue;
        };
        if end_date < start_date || name.is_empty() {
            continue;
        }
        events.push(Event {
            id,
            name: ja_en(name, cell(rec, c(col::NAME_EN))),
            description: ja_en(
                cell(rec, c(tcol::DESCRIPTION)),
                cell(rec, c(tcol::DESCRIPTION_EN)),
            ),
            start_date,
            end_date,
            start_time,
            end_time,
            place_name: LocalizedText::single(Lang::Ja, cell(rec, c(col::PLACE))),
            address: LocalizedText::single(Lang::Ja, address.text(rec)),
            location,
            fee: LocalizedText::single(
                Lang::Ja,
                fee_text(cell(rec, c(tcol::FEE)), cell(rec, c(tcol::FEE_DETAIL))),
            ),
            organizer: LocalizedText::single(Lang::Ja, cell(rec, c(col::ORGANIZER))),
            phone: phone(cell(rec, c(tcol::PHONE)), cell(rec, c(tcol::EXTENSION))),
            url: non_blank(cell(rec, c(tcol::URL))),
            tags: Vec::new(),
        });
    }
    issues.finish(events)
}
