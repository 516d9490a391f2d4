//! What a notice-feed poller remembers across restarts, kept in the app's
//! SQLite database (component `feeds`): the index's ETag, so an unchanged
//! feed is not downloaded again, and the ids already delivered, so no
//! document is fetched or stored twice.

use std::collections::BTreeSet;

use machi_common::migrations::{apply, MigrationError};
use rusqlite::{params, Connection, OptionalExtension};

/// This component's row in `schema_migrations`.
pub const COMPONENT: &str = "feeds";

/// Migration steps; step *i* brings the schema to version *i + 1*.
const MIGRATIONS: &[&str] = &["CREATE TABLE feed_state (
        url TEXT PRIMARY KEY,
        etag TEXT,
        saved_at TEXT NOT NULL
    );
    CREATE TABLE feed_delivered (
        url TEXT NOT NULL,
        entry_id TEXT NOT NULL,
        PRIMARY KEY (url, entry_id)
    ) WITHOUT ROWID;"];

/// One feed's remembered state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedState {
    /// The ETag of the last index fully processed.
    pub etag: Option<String>,
    /// Entry ids already delivered (only those the feed still lists).
    pub delivered: BTreeSet<String>,
}

/// Creates or updates the `feeds` tables; safe on every start.
pub fn migrate(conn: &mut Connection) -> Result<(), MigrationError> {
    apply(conn, COMPONENT, MIGRATIONS)
}

/// The saved state of the feed at `url` (empty when never saved).
pub fn load(conn: &Connection, url: &str) -> rusqlite::Result<FeedState> {
    let etag: Option<String> = conn
        .query_row("SELECT etag FROM feed_state WHERE url = ?1", [url], |r| {
            r.get(0)
        })
        .optional()?
        .flatten();
    let mut st = conn.prepare("SELECT entry_id FROM feed_delivered WHERE url = ?1")?;
    let delivered = st
        .query_map([url], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<BTreeSet<String>>>()?;
    Ok(FeedState { etag, delivered })
}

/// Saves `state` for the feed at `url`, replacing what was saved, in one transaction.
pub fn save(conn: &mut Connection, url: &str, state: &FeedState) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    tx.execute(
        "INSERT INTO feed_state(url, etag, saved_at) VALUES (?1, ?2, ?3)
         ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, saved_at = excluded.saved_at",
        params![
            url,
            state.etag,
            chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        ],
    )?;
    tx.execute("DELETE FROM feed_delivered WHERE url = ?1", [url])?;
    {
        let mut ins = tx.prepare("INSERT INTO feed_delivered(url, entry_id) VALUES (?1, ?2)")?;
        for id in &state.delivered {
            ins.execute(params![url, id])?;
        }
    }
    tx.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_state_loads_back_and_replaces_the_old_one() -> Result<(), Box<dyn std::error::Error>>
    {
        let mut c = Connection::open_in_memory()?;
        migrate(&mut c)?;
        migrate(&mut c)?;
        assert_eq!(load(&c, "https://a/feed.json")?, FeedState::default());
        let s = FeedState {
            etag: Some("\"v1\"".into()),
            delivered: ["n1".to_string(), "n2".to_string()].into(),
        };
        save(&mut c, "https://a/feed.json", &s)?;
        assert_eq!(load(&c, "https://a/feed.json")?, s);
        let t = FeedState {
            etag: None,
            delivered: ["n2".to_string()].into(),
        };
        save(&mut c, "https://a/feed.json", &t)?;
        assert_eq!(load(&c, "https://a/feed.json")?, t);
        assert_eq!(load(&c, "https://b/feed.json")?, FeedState::default());
        Ok(())
    }
}
