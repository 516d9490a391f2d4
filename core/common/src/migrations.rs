//! Versioned schema migrations for components sharing one SQLite database.
//!
//! Each component (content, alerts, …) keeps its own version in the shared
//! `schema_migrations(component, version)` table instead of `PRAGMA
//! user_version`, so components migrate independently. Migrating is one
//! transaction: a failing step leaves the database exactly as it was.

use rusqlite::{Connection, OptionalExtension};

/// Why a migration did not happen.
#[derive(Debug, thiserror::Error)]
pub enum MigrationError {
    /// SQLite failed; the transaction was rolled back.
    #[error("database error: {0}")]
    Sql(#[from] rusqlite::Error),
    /// The database was written by a newer version of this component.
    #[error("schema version {found} is newer than supported {supported}")]
    TooNew {
        /// Version found in `schema_migrations`.
        found: i64,
        /// Highest version this code knows (`steps.len()`).
        supported: i64,
    },
}

/// Brings `component` to version `steps.len()`, where step *i* (SQL, possibly
/// several statements) takes the schema from version *i* to *i + 1*. Safe to
/// call on every start; refuses a database from a newer version.
pub fn apply(conn: &mut Connection, component: &str, steps: &[&str]) -> Result<(), MigrationError> {
    let supported = i64::try_from(steps.len()).unwrap_or(i64::MAX);
    let tx = conn.transaction()?;
    tx.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
            component TEXT PRIMARY KEY,
            version   INTEGER NOT NULL
        );",
    )?;
    let current: i64 = tx
        .query_row(
            "SELECT version FROM schema_migrations WHERE component = ?1",
            [component],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(0);
    if current > supported {
        return Err(MigrationError::TooNew {
            found: current,
            supported,
        });
    }
    for step in steps.iter().skip(usize::try_from(current).unwrap_or(0)) {
        tx.execute_batch(step)?;
    }
    tx.execute(
        "INSERT INTO schema_migrations(component, version) VALUES (?1, ?2)
         ON CONFLICT(component) DO UPDATE SET version = excluded.version",
        rusqlite::params![component, supported],
    )?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(c: &Connection, component: &str) -> Option<i64> {
        c.query_row(
            "SELECT version FROM schema_migrations WHERE component = ?1",
            [component],
            |r| r.get(0),
        )
        .optional()
        .unwrap()
    }

    #[test]
    fn applies_pending_steps_once_per_component() {
        let mut c = Connection::open_in_memory().unwrap();
        apply(&mut c, "a", &["CREATE TABLE a1 (x)"]).unwrap();
        apply(&mut c, "a", &["CREATE TABLE a1 (x)", "CREATE TABLE a2 (x)"]).unwrap();
        apply(&mut c, "b", &["CREATE TABLE b1 (x)"]).unwrap();
        apply(&mut c, "b", &["CREATE TABLE b1 (x)"]).unwrap();
        assert_eq!(version(&c, "a"), Some(2));
        assert_eq!(version(&c, "b"), Some(1));
    }

    #[test]
    fn refuses_a_newer_database() {
        let mut c = Connection::open_in_memory().unwrap();
        apply(&mut c, "a", &["CREATE TABLE a1 (x)", "CREATE TABLE a2 (x)"]).unwrap();
        let r = apply(&mut c, "a", &["CREATE TABLE a1 (x)"]);
        assert!(matches!(
            r,
            Err(MigrationError::TooNew {
                found: 2,
                supported: 1
            })
        ));
    }

    #[test]
    fn a_failing_step_leaves_the_database_as_it_was() {
        let mut c = Connection::open_in_memory().unwrap();
        apply(&mut c, "a", &["CREATE TABLE a1 (x)"]).unwrap();
        let r = apply(
            &mut c,
            "a",
            &["CREATE TABLE a1 (x)", "CREATE TABLE a2 (x)", "NOT SQL"],
        );
        assert!(matches!(r, Err(MigrationError::Sql(_))));
        assert_eq!(version(&c, "a"), Some(1));
        let a2: i64 = c
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'a2'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(a2, 0);
    }
}
