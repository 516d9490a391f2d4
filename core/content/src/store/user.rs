//! User state the app owns: registered places, FAQ feedback, unanswered questions.
//!
//! These tables are never touched by pack imports.

use machi_common::{GeoPoint, Lang};
use serde::{Deserialize, Serialize};

use super::Store;
use crate::error::StoreError;

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A place the user registered (home, school, work…), used for nearest shelters and courses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Row id.
    pub id: i64,
    /// The user's label.
    pub name: String,
    /// Position.
    pub location: GeoPoint,
    /// When registered, RFC 3339.
    pub created: String,
}

/// One recorded vote on an FAQ answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FaqFeedback {
    /// FAQ entry id.
    pub entry_id: String,
    /// The question the user asked.
    pub query: String,
    /// Whether the answer helped.
    pub helpful: bool,
    /// Reader language.
    pub lang: Option<Lang>,
    /// When, RFC 3339.
    pub at: String,
}

/// A question the FAQ could not answer, aggregated by text for the municipality.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnansweredQuery {
    /// The question as typed.
    pub query: String,
    /// Reader language of the first occurrence.
    pub lang: Option<Lang>,
    /// How many times it was asked.
    pub count: u64,
    /// First time asked, RFC 3339.
    pub first_at: String,
    /// Last time asked, RFC 3339.
    pub last_at: String,
}

impl Store {
    /// Registers a place; a blank name is refused.
    pub fn add_place(&mut self, name: &str, location: GeoPoint) -> Result<Place, StoreError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::InvalidInput("place name is empty".into()));
        }
        let created = now();
        self.conn.execute(
            "INSERT INTO places(name, lat, lon, created) VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![name, location.lat, location.lon, created],
        )?;
        Ok(Place {
            id: self.conn.last_insert_rowid(),
            name: name.to_string(),
            location,
            created,
        })
    }

    /// Registered places, oldest first.
    pub fn places(&self) -> Result<Vec<Place>, StoreError> {
        let mut st = self
            .conn
            .prepare_cached("SELECT id, name, lat, lon, created FROM places ORDER BY id")?;
        let rows = st.query_map([], |r| {
            Ok(Place {
                id: r.get(0)?,
                name: r.get(1)?,
                location: GeoPoint {
                    lat: r.get(2)?,
                    lon: r.get(3)?,
                },
                created: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Removes a place; false when there was none with that id.
    pub fn remove_place(&mut self, id: i64) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .execute("DELETE FROM places WHERE id = ?1", [id])?
            > 0)
    }

    /// Records whether an FAQ answer helped.
    pub fn record_faq_feedback(
        &mut self,
        entry_id: &str,
        query: &str,
        helpful: bool,
        lang: Option<Lang>,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO faq_feedback(entry_id, query, helpful, lang, at) VALUES (?1, ?2, ?3, ?4, ?5)",
            rusqlite::params![entry_id, query, helpful, lang.map(Lang::tag), now()],
        )?;
        Ok(())
    }

    /// Every FAQ feedback vote, oldest first.
    pub fn faq_feedback(&self) -> Result<Vec<FaqFeedback>, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT entry_id, query, helpful, lang, at FROM faq_feedback ORDER BY id",
        )?;
        let rows = st.query_map([], |r| {
            Ok(FaqFeedback {
                entry_id: r.get(0)?,
                query: r.get(1)?,
                helpful: r.get(2)?,
                lang: r
                    .get::<_, Option<String>>(3)?
                    .and_then(|t| Lang::from_tag(&t).ok()),
                at: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Logs a question the FAQ could not answer (blank questions are ignored).
    pub fn log_unanswered(&mut self, query: &str, lang: Option<Lang>) -> Result<(), StoreError> {
        let query = query.trim();
        if query.is_empty() {
            return Ok(());
        }
        self.conn.execute(
            "INSERT INTO faq_unanswered(query, lang, at) VALUES (?1, ?2, ?3)",
            rusqlite::params![query, lang.map(Lang::tag), now()],
        )?;
        Ok(())
    }

    /// Unanswered questions grouped by text, most asked first.
    pub fn export_unanswered(&self) -> Result<Vec<UnansweredQuery>, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT query, (SELECT lang FROM faq_unanswered u2 WHERE u2.query = u.query ORDER BY id LIMIT 1),
                    count(*), min(at), max(at)
             FROM faq_unanswered u GROUP BY query ORDER BY count(*) DESC, min(id)",
        )?;
        let rows = st.query_map([], |r| {
            Ok(UnansweredQuery {
                query: r.get(0)?,
                lang: r
                    .get::<_, Option<String>>(1)?
                    .and_then(|t| Lang::from_tag(&t).ok()),
                count: r.get::<_, i64>(2)? as u64,
                first_at: r.get(3)?,
                last_at: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
