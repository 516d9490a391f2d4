//! Life events → ordered checklists with due dates.
//!
//! Deadlines count calendar days. Where a procedure's rule says so, a last
//! day on which its counter is closed moves to the next open day (after an
//! event) or the previous one (before it), as 民法 第142条 does for legal
//! deadlines that end on a holiday. Whether a counter is open on a day is
//! the caller's function, so this crate holds no calendar of its own.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::ProceduresError;
use crate::model::{Deadline, Procedure, ProceduresData};

/// How far a deadline is moved looking for an open day before giving up
/// (a counter closed for longer, e.g. hours that parse but never open, keeps
/// the calendar date rather than sending a resident to a date far away).
const MAX_SHIFT_DAYS: u64 = 31;

/// A computed due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueDate {
    /// The last day to do it.
    pub date: NaiveDate,
    /// The calendar date before moving off a closed day, when it moved.
    pub moved_from: Option<NaiveDate>,
}

/// The due date of `deadline` for an event on `event`; `open` tells
/// whether the counter is open on a day. `None` for no deadline, or a
/// date outside chrono's range.
pub fn due_date(
    deadline: &Deadline,
    event: NaiveDate,
    open: &dyn Fn(NaiveDate) -> bool,
) -> Option<DueDate> {
    let (raw, skip, forward) = match *deadline {
        Deadline::None => return None,
        Deadline::After {
            days,
            count_event_day,
            skip_closures,
        } => {
            let days = u64::from(days).saturating_sub(u64::from(count_event_day));
            (
                event.checked_add_days(Days::new(days))?,
                skip_closures,
                true,
            )
        }
        Deadline::Before {
            days,
            skip_closures,
        } => (
            event.checked_sub_days(Days::new(u64::from(days)))?,
            skip_closures,
            false,
        ),
    };
    if !skip || open(raw) {
        return Some(DueDate {
            date: raw,
            moved_from: None,
        });
    }
    let moved = (1..=MAX_SHIFT_DAYS)
        .filter_map(|n| {
            if forward {
                raw.checked_add_days(Days::new(n))
            } else {
                raw.checked_sub_days(Days::new(n))
            }
        })
        .find(|d| open(*d));
    Some(match moved {
        Some(date) => DueDate {
            date,
            moved_from: Some(raw),
        },
        None => DueDate {
            date: raw,
            moved_from: None,
        },
    })
}

/// One line of a checklist.
#[derive(Debug, Clone, PartialEq)]
pub struct ChecklistItem<'a> {
    /// The procedure.
    pub procedure: &'a Procedure,
    /// When it is due (`None`: no deadline).
    pub due: Option<DueDate>,
    /// Position in the event's own list (ties keep it).
    pub step: usize,
}

/// The checklist for `event_id` on `event`: its procedures with due dates,
/// earliest first, those without a deadline last, ties in the event's order.
/// `open(procedure, day)` tells whether the procedure's counter is open.
pub fn checklist<'a>(
    data: &'a ProceduresData,
    event_id: &str,
    event: NaiveDate,
    open: &dyn Fn(&Procedure, NaiveDate) -> bool,
) -> Result<Vec<ChecklistItem<'a>>, ProceduresError> {
    let ev = data
        .life_event(event_id)
        .ok_or_else(|| ProceduresError::UnknownEvent(event_id.to_string()))?;
    let mut items = ev
        .steps
        .iter()
        .enumerate()
        .map(|(step, id)| {
            let p = data
                .procedure(id)
                .ok_or_else(|| ProceduresError::UnknownProcedure(id.clone()))?;
            let due = due_date(&p.deadline, event, &|d| open(p, d));
            Ok(ChecklistItem {
                procedure: p,
                due,
                step,
            })
        })
        .collect::<Result<Vec<_>, ProceduresError>>()?;
    // `None` sorts after every date: no deadline goes last.
    items.sort_by_key(|i| (i.due.is_none(), i.due.map(|d| d.date), i.step));
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LifeEvent;
    use chrono::Datelike;
    use machi_common::{Lang, LocalizedText};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn weekdays(day: NaiveDate) -> bool {
        day.weekday().num_days_from_monday() < 5
    }

    fn after(days: u32, count_event_day: bool, skip_closures: bool) -> Deadline {
        Deadline::After {
            days,
            count_event_day,
            skip_closures,
        }
    }

    #[test]
    fn birth_registration_counts_the_day_of_birth() {
        // Born Tue 2026-12-01: day 14 is Mon 2026-12-14.
        let due = due_date(&after(14, true, true), d(2026, 12, 1), &weekdays).unwrap();
        assert_eq!(due.date, d(2026, 12, 14));
        assert_eq!(due.moved_from, None);
        // Not counting the event day: Tue 2026-12-15.
        let due = due_date(&after(14, false, false), d(2026, 12, 1), &weekdays).unwrap();
        assert_eq!(due.date, d(2026, 12, 15));
    }

    #[test]
    fn a_closed_last_day_moves_forward_after_and_backward_before() {
        // Born Sun 2026-11-29: day 14 is Sat 2026-12-12 -> Mon 2026-12-14.
        let due = due_date(&after(14, true, true), d(2026, 11, 29), &weekdays).unwrap();
        assert_eq!(due.date, d(2026, 12, 14));
        assert_eq!(due.moved_from, Some(d(2026, 12, 12)));
        // Without skipping, the Saturday stays.
        let due = due_date(&after(14, true, false), d(2026, 11, 29), &weekdays).unwrap();
        assert_eq!(due.date, d(2026, 12, 12));
        // 14 days before Sun 2026-12-20 is Sun 2026-12-06 -> Fri 2026-12-04.
        let before = Deadline::Before {
            days: 14,
            skip_closures: true,
        };
        let due = due_date(&before, d(2026, 12, 20), &weekdays).unwrap();
        assert_eq!(due.date, d(2026, 12, 4));
        assert_eq!(due_date(&Deadline::None, d(2026, 12, 20), &weekdays), None);
    }

    #[test]
    fn a_counter_that_never_opens_keeps_the_calendar_date() {
        let due = due_date(&after(5, false, true), d(2026, 1, 1), &|_| false).unwrap();
        assert_eq!(due.date, d(2026, 1, 6));
        assert_eq!(due.moved_from, None);
    }

    fn proc(id: &str, deadline: Deadline) -> Procedure {
        Procedure {
            id: id.into(),
            name: LocalizedText::single(Lang::Ja, id),
            summary: LocalizedText::new(),
            department_id: "shimin".into(),
            who: LocalizedText::new(),
            deadline,
            bring: vec![],
            bring_note: LocalizedText::new(),
            fee_yen: Some(0),
            fee_note: LocalizedText::new(),
            counter_id: "c".into(),
            online: None,
            convenience_store: false,
            faq_ids: vec![],
            sample: false,
        }
    }

    #[test]
    fn checklist_orders_by_due_date_then_event_order_no_deadline_last() {
        let data = ProceduresData {
            procedures: vec![
                proc("vaccines", Deadline::None),
                proc("allowance", after(15, false, true)),
                proc("birth", after(14, true, true)),
                proc("insurance", after(14, true, true)),
            ],
            life_events: vec![LifeEvent {
                id: "birth".into(),
                name: LocalizedText::single(Lang::Ja, "出生"),
                description: LocalizedText::new(),
                steps: vec![
                    "vaccines".into(),
                    "allowance".into(),
                    "birth".into(),
                    "insurance".into(),
                ],
            }],
            ..Default::default()
        };
        let list = checklist(&data, "birth", d(2026, 12, 1), &|_, day| weekdays(day)).unwrap();
        let ids: Vec<&str> = list.iter().map(|i| i.procedure.id.as_str()).collect();
        assert_eq!(ids, ["birth", "insurance", "allowance", "vaccines"]);
        assert_eq!(
            checklist(&data, "wedding", d(2026, 12, 1), &|_, _| true).unwrap_err(),
            ProceduresError::UnknownEvent("wedding".into())
        );
    }
}
