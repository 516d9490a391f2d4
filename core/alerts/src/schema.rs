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
    // v2: verification state of every notice (rows stored before were never
    // checked: unverified), and the mark of a message that named a notice
    // it may not change.
    "ALTER TABLE alert_notice ADD COLUMN verification TEXT NOT NULL DEFAULT 'unverified';
    ALTER TABLE alert_notice ADD COLUMN signer TEXT;
    ALTER TABLE alert_notice ADD COLUMN signer_key TEXT;
    ALTER TABLE alert_notice ADD COLUMN unverified_reason TEXT;
    ALTER TABLE alert_notice ADD COLUMN refused_refs INTEGER NOT NULL DEFAULT 0;",
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
    fn notices_stored_before_verification_read_back_as_unverified() {
        let mut c = Connection::open_in_memory().unwrap();
        machi_common::migrations::apply(&mut c, COMPONENT, &MIGRATIONS[..1]).unwrap();
        let now = chrono::DateTime::parse_from_rfc3339("2026-09-09T21:00:00Z")
            .unwrap()
            .to_utc();
        let notice =
            crate::parse_notice(include_bytes!("../tests/fixtures/takahagi-evac-l4.cap")).unwrap();
        c.execute(
            "INSERT INTO alert_notice (dedup_key, source, identifier, sender, sent_utc, status,
                 msg_type, expires_utc, source_name, received_utc, body)
             VALUES ('k', 'cap', 'i', 's', '2026-09-09T20:00:00Z', 'actual', 'alert',
                 '2026-09-12T00:00:00Z', 'old', '2026-09-09T20:00:00Z', ?1)",
            [serde_json::to_string(&notice).unwrap()],
        )
        .unwrap();
        migrate(&mut c).unwrap();
        let stored = crate::get(&c, 1, now).unwrap().unwrap();
        assert_eq!(stored.trust.state, crate::Verification::Unverified);
        assert_eq!(
            stored.trust.reason,
            Some(crate::UnverifiedReason::NoSignature)
        );
        assert!(!stored.refused_references);
        assert!(!stored.may_alert());
    }

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
