//! The content store's SQLite schema and its versioned migrations.
//!
//! Versions live in the shared `schema_migrations(component, version)` table,
//! row `content`, so other components (alerts) migrate the same database
//! independently. Each migration step runs in its own transaction.
//!
//! Content rows keep their queryable facts in columns (position, dates,
//! hazards, tags) and the whole model object as JSON in `data`; localized
//! fields stay maps of language → text there, so a reader's fallback chain is
//! applied at read time and an untranslated item still shows, marked as a
//! fallback.

use machi_common::migrations::MigrationError;
use rusqlite::Connection;

use crate::error::StoreError;

/// This component's row in `schema_migrations`.
pub const COMPONENT: &str = "content";

/// Migration steps; step *i* brings the schema to version *i + 1*.
const MIGRATIONS: &[&str] = &[
    // v1: pack content, pack metadata, user state.
    "CREATE TABLE pack_meta (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        municipality_code TEXT NOT NULL,
        pack_version INTEGER NOT NULL,
        data TEXT NOT NULL,
        installed_at TEXT NOT NULL
    );
    CREATE TABLE spots (
        key TEXT PRIMARY KEY,
        lat REAL NOT NULL,
        lon REAL NOT NULL,
        popularity REAL NOT NULL,
        opening_hours TEXT,
        data TEXT NOT NULL
    );
    CREATE TABLE spot_tags (
        spot_key TEXT NOT NULL REFERENCES spots(key) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        tag TEXT NOT NULL,
        PRIMARY KEY (spot_key, tag)
    ) WITHOUT ROWID;
    CREATE INDEX spot_tags_by_tag ON spot_tags(tag);
    CREATE TABLE events (
        key TEXT PRIMARY KEY,
        start_date TEXT NOT NULL,
        end_date TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX events_by_date ON events(start_date, end_date);
    CREATE TABLE shelters (
        key TEXT PRIMARY KEY,
        lat REAL NOT NULL,
        lon REAL NOT NULL,
        hazards INTEGER NOT NULL,
        data TEXT NOT NULL
    );
    CREATE TABLE garbage_categories (key TEXT PRIMARY KEY, data TEXT NOT NULL);
    CREATE TABLE garbage_items (key TEXT PRIMARY KEY, data TEXT NOT NULL);
    CREATE TABLE garbage_areas (key TEXT PRIMARY KEY, data TEXT NOT NULL);
    CREATE TABLE garbage_centers (key TEXT PRIMARY KEY, data TEXT NOT NULL);
    CREATE TABLE departments (key TEXT PRIMARY KEY, data TEXT NOT NULL);
    CREATE TABLE faq (
        key TEXT PRIMARY KEY,
        department_key TEXT REFERENCES departments(key) DEFERRABLE INITIALLY DEFERRED,
        data TEXT NOT NULL
    );
    CREATE TABLE synonyms (key TEXT PRIMARY KEY, data TEXT NOT NULL);
    CREATE TABLE congestion (key TEXT PRIMARY KEY, data TEXT NOT NULL);
    CREATE TABLE travel_times (key TEXT PRIMARY KEY, data TEXT NOT NULL);
    CREATE TABLE notices (key TEXT PRIMARY KEY, data TEXT NOT NULL);
    CREATE TABLE places (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        lat REAL NOT NULL,
        lon REAL NOT NULL,
        created TEXT NOT NULL
    );
    CREATE TABLE faq_feedback (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        entry_id TEXT NOT NULL,
        query TEXT NOT NULL,
        helpful INTEGER NOT NULL,
        lang TEXT,
        at TEXT NOT NULL
    );
    CREATE TABLE faq_unanswered (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        query TEXT NOT NULL,
        lang TEXT,
        at TEXT NOT NULL
    );",
    // v2: the FAQ's entry vectors, kept between index builds (derived data:
    // losing it only costs time). `model` names the encoder file.
    "CREATE TABLE faq_embedding_cache (
        model TEXT NOT NULL,
        text_sha256 BLOB NOT NULL,
        codes BLOB NOT NULL,
        scale REAL NOT NULL,
        PRIMARY KEY (model, text_sha256)
    ) WITHOUT ROWID;",
    // Who signed the installed pack and until when its manifest is valid, and
    // the assets (models) it lists with the stamp of their last hash check.
    "CREATE TABLE pack_provenance (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key_id TEXT NOT NULL,
        expires TEXT NOT NULL
    );
    CREATE TABLE pack_assets (
        name TEXT PRIMARY KEY,
        file TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        checked TEXT
    );",
    // Procedures (one row: the pack's ProceduresData), and on the user's
    // side the checklists they started and the steps they ticked off,
    // which imports never touch.
    "CREATE TABLE procedures (key TEXT PRIMARY KEY, data TEXT NOT NULL);
    CREATE TABLE checklists (
        event_id TEXT NOT NULL,
        event_date TEXT NOT NULL,
        started_at TEXT NOT NULL,
        PRIMARY KEY (event_id, event_date)
    );
    CREATE TABLE checklist_progress (
        event_id TEXT NOT NULL,
        event_date TEXT NOT NULL,
        procedure_id TEXT NOT NULL,
        done_at TEXT NOT NULL,
        PRIMARY KEY (event_id, event_date, procedure_id)
    );",
    // The public-transport timetable (one row: the pack's TransitData).
    "CREATE TABLE transit (key TEXT PRIMARY KEY, data TEXT NOT NULL);",
    // Taxis and rental bicycles (one row: the pack's Mobility, when it has any).
    "CREATE TABLE mobility (key TEXT PRIMARY KEY, data TEXT NOT NULL);",
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The content tables whose rows are `(key, …, data)`, in dependency order
/// (departments before FAQ entries, spots before tags).
pub(crate) const CONTENT_TABLES: &[&str] = &[
    "departments",
    "spots",
    "events",
    "shelters",
    "garbage_categories",
    "garbage_items",
    "garbage_areas",
    "garbage_centers",
    "faq",
    "synonyms",
    "congestion",
    "travel_times",
    "notices",
    "procedures",
    "transit",
    "mobility",
];

/// Brings this component's tables to [`SCHEMA_VERSION`] in one transaction.
/// Safe to call on every start; refuses a database from a newer version.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    machi_common::migrations::apply(conn, COMPONENT, MIGRATIONS).map_err(|e| match e {
        MigrationError::Sql(e) => e.into(),
        MigrationError::TooNew { found, supported } => {
            StoreError::SchemaTooNew { found, supported }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrates_once_and_refuses_newer() {
        let mut c = Connection::open_in_memory().unwrap();
        migrate(&mut c).unwrap();
        migrate(&mut c).unwrap();
        let v: i64 = c
            .query_row(
                "SELECT version FROM schema_migrations WHERE component='content'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(v, SCHEMA_VERSION);
        c.execute(
            "UPDATE schema_migrations SET version = 99 WHERE component='content'",
            [],
        )
        .unwrap();
        assert!(matches!(
            migrate(&mut c),
            Err(StoreError::SchemaTooNew { found: 99, .. })
        ));
    }
}
