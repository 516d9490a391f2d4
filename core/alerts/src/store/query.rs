//! Reading the store: one notice, the user's list, counts, read marks.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};

use super::{ts, ListFilter, ListedNotice, NoticeState, StoredNotice};
use crate::area::match_notice;
use crate::error::{Error, Result};
use crate::model::Notice;
use crate::trust::{Trust, UnverifiedReason, Verification};

const SELECT_STORED: &str = "SELECT id, body, msg_type, superseded_by, withdrawn_by, expires_utc,
        read_utc, received_utc, source_name, verification, signer, signer_key,
        unverified_reason, refused_refs FROM alert_notice";

/// Which rows a list shows: notices, plus control messages that were
/// refused (shown as their own notice, so a forged Cancel is visible).
const LISTED: &str = "(msg_type IN ('alert','update') OR refused_refs = 1)
        AND status NOT IN ('system','draft')";

fn parse_ts(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

fn stored_from_row(r: &rusqlite::Row<'_>, now: DateTime<Utc>) -> Result<StoredNotice> {
    let id: i64 = r.get(0)?;
    let body: String = r.get(1)?;
    let notice: Notice =
        serde_json::from_str(&body).map_err(|source| Error::Corrupt { id, source })?;
    let msg_type: String = r.get(2)?;
    let superseded_by: Option<i64> = r.get(3)?;
    let withdrawn_by: Option<i64> = r.get(4)?;
    let expires: String = r.get(5)?;
    let read: Option<String> = r.get(6)?;
    let received: String = r.get(7)?;
    let verification = Verification::from_key(&r.get::<_, String>(9)?);
    let reason: Option<String> = r.get(12)?;
    let refused_references = r.get::<_, i64>(13)? != 0;
    let trust = Trust {
        state: verification,
        signer: r.get(10)?,
        key_id: r.get(11)?,
        // Rows stored before verification existed were never checked.
        reason: match verification {
            Verification::Verified => None,
            Verification::Unverified => Some(
                reason
                    .as_deref()
                    .and_then(UnverifiedReason::from_key)
                    .unwrap_or(UnverifiedReason::NoSignature),
            ),
        },
    };
    let control = !matches!(msg_type.as_str(), "alert" | "update");
    let state = if control && !refused_references {
        NoticeState::Control
    } else if superseded_by.is_some() {
        // A replaced notice is history even if its thread was later
        // withdrawn; the thread's head carries the withdrawal.
        NoticeState::Superseded
    } else if withdrawn_by.is_some() {
        NoticeState::Withdrawn
    } else if expires <= ts(now) {
        NoticeState::Expired
    } else {
        NoticeState::Active
    };
    Ok(StoredNotice {
        id,
        notice,
        state,
        trust,
        refused_references,
        superseded_by,
        withdrawn_by,
        read_at: read.as_deref().and_then(parse_ts),
        received_at: parse_ts(&received).unwrap_or(now),
        source_name: r.get(8)?,
    })
}

/// One stored notice by id (any state), or `None`.
pub fn get(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<Option<StoredNotice>> {
    let mut st = conn.prepare_cached(&format!("{SELECT_STORED} WHERE id = ?1"))?;
    let mut rows = st.query([id])?;
    match rows.next()? {
        Some(r) => Ok(Some(stored_from_row(r, now)?)),
        None => Ok(None),
    }
}

/// The notices for the user, newest first: current ones (active, and
/// withdrawn ones until they expire, marked as such), or with
/// `include_history` also superseded and expired ones. System and Draft
/// messages and Cancel/Ack/Error messages themselves are never listed —
/// unless they name a notice they may not change: then they are listed as
/// their own notice, so the reader sees what was attempted.
pub fn list(
    conn: &Connection,
    filter: &ListFilter,
    now: DateTime<Utc>,
) -> Result<Vec<ListedNotice>> {
    let sql = if filter.include_history {
        format!("{SELECT_STORED} WHERE {LISTED} ORDER BY sent_utc DESC, id DESC")
    } else {
        format!(
            "{SELECT_STORED} WHERE {LISTED} AND superseded_by IS NULL AND expires_utc > ?1
             ORDER BY sent_utc DESC, id DESC"
        )
    };
    let mut st = conn.prepare_cached(&sql)?;
    let mut rows = if filter.include_history {
        st.query([])?
    } else {
        st.query([ts(now)])?
    };
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let stored = stored_from_row(r, now)?;
        if let Some(matched) = match_notice(&stored.notice, &filter.area) {
            out.push(ListedNotice { stored, matched });
        }
    }
    Ok(out)
}

/// Marks a notice read (idempotent: the first read time is kept).
pub fn mark_read(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<()> {
    let n = conn.execute(
        "UPDATE alert_notice SET read_utc = COALESCE(read_utc, ?1) WHERE id = ?2",
        params![ts(now), id],
    )?;
    if n == 0 {
        return Err(Error::NotFound(id));
    }
    Ok(())
}

/// Number of stored notices of each state at `now` (for status lines and tests).
pub fn counts(conn: &Connection, now: DateTime<Utc>) -> Result<Vec<(NoticeState, usize)>> {
    let mut st = conn.prepare_cached(SELECT_STORED)?;
    let mut rows = st.query([])?;
    let mut counts: Vec<(NoticeState, usize)> = Vec::new();
    while let Some(r) = rows.next()? {
        let s = stored_from_row(r, now)?.state;
        match counts.iter_mut().find(|(k, _)| *k == s) {
            Some((_, n)) => *n += 1,
            None => counts.push((s, 1)),
        }
    }
    Ok(counts)
}
