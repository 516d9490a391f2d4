//! `calendar.txt` and `calendar_dates.txt` to [`Service`]s. Either file may
//! be absent, not both; a service may be defined by dates alone, and dates
//! outside the calendar's range are kept (they apply as written).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::parse::At;
use super::table::{read_rows, CalendarDateRow, CalendarRow};
use super::FeedFiles;
use crate::error::{GtfsError, GtfsErrorKind};
use crate::timetable::Service;

const CAL: &str = "calendar.txt";
const CD: &str = "calendar_dates.txt";
const DAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

type Services = (Vec<Service>, HashMap<String, u32>, Vec<NaiveDate>);

pub(crate) fn read(files: &FeedFiles) -> Result<Services, GtfsError> {
    let (cal, cd) = (files.get(CAL), files.get(CD));
    if cal.is_none() && cd.is_none() {
        return Err(GtfsError::file(CAL, GtfsErrorKind::MissingFile));
    }
    let mut services: Vec<Service> = Vec::new();
    let mut ix: HashMap<String, u32> = HashMap::new();
    if let Some(bytes) = cal {
        let mut required = vec!["service_id", "start_date", "end_date"];
        required.extend(DAYS);
        for (line, r) in read_rows::<CalendarRow>(CAL, bytes, &required)? {
            let at = At { file: CAL, line };
            let id = at.req("service_id", &r.service_id)?.to_string();
            let flags = [
                &r.monday,
                &r.tuesday,
                &r.wednesday,
                &r.thursday,
                &r.friday,
                &r.saturday,
                &r.sunday,
            ];
            let mut weekdays = 0u8;
            for (bit, (day, v)) in DAYS.iter().zip(flags).enumerate() {
                if at.flag(day, v)? {
                    weekdays |= 1 << bit;
                }
            }
            let start = at.date("start_date", at.req("start_date", &r.start_date)?)?;
            let end = at.date("end_date", at.req("end_date", &r.end_date)?)?;
            if ix.insert(id.clone(), services.len() as u32).is_some() {
                return Err(at.err(GtfsErrorKind::Duplicate {
                    column: "service_id".into(),
                    value: id,
                }));
            }
            services.push(Service {
                id,
                weekdays,
                start: Some(start),
                end: Some(end),
                added: Vec::new(),
                removed: Vec::new(),
            });
        }
    }
    let mut all_dates = Vec::new();
    if let Some(bytes) = cd {
        let required = ["service_id", "date", "exception_type"];
        for (line, r) in read_rows::<CalendarDateRow>(CD, bytes, &required)? {
            let at = At { file: CD, line };
            let id = at.req("service_id", &r.service_id)?;
            let date = at.date("date", at.req("date", &r.date)?)?;
            let kind = at.req("exception_type", &r.exception_type)?;
            let i = match ix.get(id) {
                Some(i) => *i as usize,
                None => {
                    ix.insert(id.to_string(), services.len() as u32);
                    services.push(Service {
                        id: id.to_string(),
                        weekdays: 0,
                        start: None,
                        end: None,
                        added: Vec::new(),
                        removed: Vec::new(),
                    });
                    services.len() - 1
                }
            };
            let Some(s) = services.get_mut(i) else {
                continue;
            };
            match kind {
                "1" => s.added.push(date),
                "2" => s.removed.push(date),
                other => {
                    return Err(at.err(GtfsErrorKind::BadValue {
                        column: "exception_type".into(),
                        value: other.to_string(),
                        expected: "1 (added) or 2 (removed)",
                    }))
                }
            }
            all_dates.push(date);
        }
    }
    for s in &mut services {
        s.added.sort_unstable();
        s.added.dedup();
        s.removed.sort_unstable();
        s.removed.dedup();
    }
    all_dates.sort_unstable();
    all_dates.dedup();
    Ok((services, ix, all_dates))
}
