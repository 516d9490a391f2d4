//! The alerts tables (prefix `alert_`) and their versioned migrations.
//!
//! Versions are kept in the shared `schema_migrations(component, version)`
//! table, row `alerts`, so several components can migrate one database
//! independently of `PRAGMA user_version`.

use machi_common::migrations::MigrationError;
use rusqlite::Connection;

use crate::error::{Error, Result};

/// This component's row in `schema_migrations`.
pub const COMPONENT: &str = "alerts";

/// Migration steps; step *i* brings the schema to version *i + 1*.
const MIGRATIONS: &[&str] = &[
    // v1: notices (full model as JSON beside the columns the lifecycle and
    // queries need) and the references Updates/Cancels make.
    "CREATE TABLE alert_notice (
        id            INTEGER PRIMARY KEY,
        dedup_key     TEXT NOT NULL UNIQUE,
        source        TEXT NOT NULL,
        identifier    TEXT NOT NULL,
        sender        TEXT NOT NULL,
        sent_utc      TEXT NOT NULL,
        status        TEXT NOT NULL,
        msg_type      TEXT NOT NULL,
        thread_key    TEXT,
        expires_utc   TEXT NOT NULL,
        superseded_by INTEGER REFERENCES alert_notice(id),
        withdrawn_by  INTEGER REFERENCES alert_notice(id),
        source_name   TEXT NOT NULL,
        received_utc  TEXT NOT NULL,
        read_utc      TEXT,
        body          TEXT NOT NULL
    );
    CREATE INDEX alert_notice_ident ON alert_notice(identifier, sent_utc);
    CREATE INDEX alert_notice_thread ON alert_notice(thread_key, sent_utc);
    CREATE TABLE alert_reference (
        notice_id      INTEGER NOT NULL REFERENCES alert_notice(id),
        ref_sender     TEXT NOT NULL,
        ref_identifier TEXT NOT NULL,
        ref_sent_utc   TEXT NOT NULL,
        PRIMARY KEY (notice_id, ref_identifier, ref_sent_utc)
    );
    CREATE INDEX alert_reference_target ON alert_reference(ref_identifier, ref_sent_utc);",
];

/// The schema version this code writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings this component's tables to [`SCHEMA_VERSION`] in one transaction.
/// Safe to call on every start; refuses a database from a newer version.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    machi_common::migrations::apply(conn, COMPONENT, MIGRATIONS).map_err(|e| match e {
        MigrationError::Sql(e) => e.into(),
        MigrationError::TooNew { found, supported } => Error::SchemaTooNew { found, supported },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrate_is_idempotent_and_refuses_newer() {
        let mut c = Connection::open_in_memory().unwrap();
        migrate(&mut c).unwrap();
        migrate(&mut c).unwrap();
        let v: i64 = c
            .query_row(
                "SELECT version FROM schema_migrations WHERE component='alerts'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(v, SCHEMA_VERSION);
        c.execute(
            "UPDATE schema_migrations SET version = 99 WHERE component='alerts'",
            [],
        )
        .unwrap();
        assert!(matches!(
            migrate(&mut c),
            Err(Error::SchemaTooNew { found: 99, .. })
        ));
    }
}
