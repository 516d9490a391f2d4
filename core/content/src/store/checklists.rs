//! The resident's checklists: life events they started (event + date) and
//! the steps they ticked off. User state on the phone: pack imports and sync
//! never touch these tables, and a step whose procedure a newer pack drops
//! simply stops being shown (its tick stays, harmless).

use chrono::NaiveDate;
use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::Store;
use crate::error::StoreError;

/// A checklist the resident started.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StartedChecklist {
    /// Life event id.
    pub event_id: String,
    /// The event's date.
    pub event_date: NaiveDate,
    /// When started, RFC 3339.
    pub started_at: String,
}

/// A ticked-off step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DoneStep {
    /// Procedure id.
    pub procedure_id: String,
    /// When ticked, RFC 3339.
    pub done_at: String,
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn parse_date(s: &str) -> Result<NaiveDate, rusqlite::Error> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

impl Store {
    /// Records that the resident follows `event_id` on `date` (idempotent).
    pub fn start_checklist(&mut self, event_id: &str, date: NaiveDate) -> Result<(), StoreError> {
        if event_id.trim().is_empty() {
            return Err(StoreError::InvalidInput("life event id is empty".into()));
        }
        self.conn.execute(
            "INSERT OR IGNORE INTO checklists(event_id, event_date, started_at) VALUES (?1, ?2, ?3)",
            params![event_id, date.to_string(), now()],
        )?;
        Ok(())
    }

    /// Checklists started, oldest first.
    pub fn started_checklists(&self) -> Result<Vec<StartedChecklist>, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT event_id, event_date, started_at FROM checklists ORDER BY started_at, rowid",
        )?;
        let rows = st.query_map([], |r| {
            Ok(StartedChecklist {
                event_id: r.get(0)?,
                event_date: parse_date(&r.get::<_, String>(1)?)?,
                started_at: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Forgets a checklist and its ticks; false when there was none.
    pub fn remove_checklist(
        &mut self,
        event_id: &str,
        date: NaiveDate,
    ) -> Result<bool, StoreError> {
        let tx = self.conn.transaction()?;
        let d = date.to_string();
        tx.execute(
            "DELETE FROM checklist_progress WHERE event_id = ?1 AND event_date = ?2",
            params![event_id, d],
        )?;
        let n = tx.execute(
            "DELETE FROM checklists WHERE event_id = ?1 AND event_date = ?2",
            params![event_id, d],
        )?;
        tx.commit()?;
        Ok(n > 0)
    }

    /// Ticks a step off (`done`) or back on; starts the checklist if needed.
    /// Returns whether anything changed.
    pub fn set_step_done(
        &mut self,
        event_id: &str,
        date: NaiveDate,
        procedure_id: &str,
        done: bool,
    ) -> Result<bool, StoreError> {
        if procedure_id.trim().is_empty() {
            return Err(StoreError::InvalidInput("procedure id is empty".into()));
        }
        self.start_checklist(event_id, date)?;
        let d = date.to_string();
        let n = if done {
            self.conn.execute(
                "INSERT OR IGNORE INTO checklist_progress(event_id, event_date, procedure_id, done_at)
                 VALUES (?1, ?2, ?3, ?4)",
                params![event_id, d, procedure_id, now()],
            )?
        } else {
            self.conn.execute(
                "DELETE FROM checklist_progress
                 WHERE event_id = ?1 AND event_date = ?2 AND procedure_id = ?3",
                params![event_id, d, procedure_id],
            )?
        };
        Ok(n > 0)
    }

    /// The steps ticked off in the checklist for `event_id` on `date`.
    pub fn done_steps(&self, event_id: &str, date: NaiveDate) -> Result<Vec<DoneStep>, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT procedure_id, done_at FROM checklist_progress
             WHERE event_id = ?1 AND event_date = ?2 ORDER BY done_at, procedure_id",
        )?;
        let rows = st.query_map(params![event_id, date.to_string()], |r| {
            Ok(DoneStep {
                procedure_id: r.get(0)?,
                done_at: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn ticks_survive_and_are_per_event_and_date() {
        let mut s = Store::open_in_memory().unwrap();
        assert!(s
            .set_step_done("birth", d(2026, 12, 1), "birth-registration", true)
            .unwrap());
        assert!(!s
            .set_step_done("birth", d(2026, 12, 1), "birth-registration", true)
            .unwrap());
        s.set_step_done("birth", d(2026, 12, 1), "child-allowance", true)
            .unwrap();
        s.start_checklist("move-in", d(2026, 11, 20)).unwrap();
        assert_eq!(s.done_steps("birth", d(2026, 12, 1)).unwrap().len(), 2);
        assert!(s.done_steps("birth", d(2026, 12, 2)).unwrap().is_empty());
        assert!(s
            .set_step_done("birth", d(2026, 12, 1), "child-allowance", false)
            .unwrap());
        let started = s.started_checklists().unwrap();
        assert_eq!(started.len(), 2);
        assert_eq!(started[0].event_id, "birth");
        assert!(s.remove_checklist("birth", d(2026, 12, 1)).unwrap());
        assert!(s.done_steps("birth", d(2026, 12, 1)).unwrap().is_empty());
        assert!(!s.remove_checklist("birth", d(2026, 12, 1)).unwrap());
        assert!(matches!(
            s.set_step_done("birth", d(2026, 12, 1), " ", true),
            Err(StoreError::InvalidInput(_))
        ));
    }
}
