//! The lifecycle store: every notice is committed before it is reported;
//! duplicates are stored once; Updates supersede, Cancels withdraw (kept,
//! shown as withdrawn); expiry moves a notice to history; an Update that
//! arrives before its original is linked when the original arrives.
//!
//! Lifecycle state is a pure function of the stored set and `now`, so
//! ingesting the same documents again, in any order, changes nothing.

use std::collections::HashSet;

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use crate::area::{match_notice, AreaFilter, AreaMatch};
use crate::error::{Error, RejectReason, Result};
use crate::model::{MsgType, Notice, Source, Status};
use crate::parse::parse_notice;

/// What happened to one ingested document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "result", rename_all = "kebab-case")]
pub enum IngestResult {
    /// Stored as a new notice.
    Stored {
        /// Its id.
        id: i64,
    },
    /// Already stored (same sender+identifier+sent, or same JMA issuance).
    Duplicate {
        /// The id of the stored copy.
        id: i64,
    },
    /// Stored, and it replaces earlier notices (possibly none yet: an
    /// Update whose original has not arrived is linked when it does).
    Updated {
        /// Its id.
        id: i64,
        /// Notices it superseded now.
        superseded: Vec<i64>,
    },
    /// Stored, and it withdraws earlier notices (kept, shown as withdrawn).
    Cancelled {
        /// Its id.
        id: i64,
        /// Notices it withdrew now.
        withdrawn: Vec<i64>,
    },
    /// Not a notice we accept; nothing was stored.
    Rejected {
        /// Why.
        reason: RejectReason,
    },
}

/// The result of ingesting one document, after it was committed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IngestOutcome {
    /// The caller's name for the document (file name, feed URL).
    pub source_name: String,
    /// What happened.
    pub result: IngestResult,
    /// Every notice whose visible state changed (the new one included), so
    /// a listener can refresh or notify.
    pub changed: Vec<i64>,
}

impl IngestOutcome {
    /// The stored notice's id, unless rejected.
    pub fn id(&self) -> Option<i64> {
        match &self.result {
            IngestResult::Stored { id }
            | IngestResult::Duplicate { id }
            | IngestResult::Updated { id, .. }
            | IngestResult::Cancelled { id, .. } => Some(*id),
            IngestResult::Rejected { .. } => None,
        }
    }
}

/// Where a stored notice is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoticeState {
    /// Current.
    Active,
    /// Withdrawn by a Cancel/取消 (still shown, marked withdrawn, until it expires).
    Withdrawn,
    /// Replaced by a later Update/issuance (history only).
    Superseded,
    /// Past its expiry (history only).
    Expired,
    /// A Cancel/Ack/Error message: it acts on others and is never shown itself.
    Control,
}

/// A notice as stored, with its lifecycle facts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredNotice {
    /// Store id.
    pub id: i64,
    /// The notice.
    pub notice: Notice,
    /// Its state at the `now` of the query.
    pub state: NoticeState,
    /// The notice that replaced it.
    pub superseded_by: Option<i64>,
    /// The Cancel that withdrew it.
    pub withdrawn_by: Option<i64>,
    /// When the user marked it read.
    pub read_at: Option<DateTime<Utc>>,
    /// When it was stored.
    pub received_at: DateTime<Utc>,
    /// The caller's name for the document it came from.
    pub source_name: String,
}

/// A notice listed for the user, with why it matched their areas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListedNotice {
    /// The stored notice.
    pub stored: StoredNotice,
    /// Which areas matched and the kinds in force there.
    pub matched: AreaMatch,
}

/// What to list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListFilter {
    /// The user's places and the town's codes.
    pub area: AreaFilter,
    /// Also list superseded and expired notices (history).
    pub include_history: bool,
}

fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn parse_ts(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// Parses and stores one document in its own transaction, committed before
/// this returns. A document that is not acceptable comes back as
/// [`IngestResult::Rejected`] (not an `Err`); `Err` means the database failed
/// and nothing of this document was stored.
pub fn ingest(
    conn: &mut Connection,
    bytes: &[u8],
    source_name: &str,
    now: DateTime<Utc>,
) -> Result<IngestOutcome> {
    let tx = conn.transaction()?;
    let outcome = ingest_in(&tx, bytes, source_name, now)?;
    tx.commit()?;
    Ok(outcome)
}

/// Ingests many documents in one transaction (much faster on disk); each
/// document's result is independent, a rejected one never stops the others.
/// All are committed before this returns; on a database error none are.
pub fn ingest_batch<'a>(
    conn: &mut Connection,
    docs: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    now: DateTime<Utc>,
) -> Result<Vec<IngestOutcome>> {
    let tx = conn.transaction()?;
    let mut out = Vec::new();
    for (name, bytes) in docs {
        out.push(ingest_in(&tx, bytes, name, now)?);
    }
    tx.commit()?;
    Ok(out)
}

/// Ingests one document and returns, beside the outcome, the notices that
/// became visible or changed for the user (new, updated, withdrawn) — what
/// a listener should notify about. Committed before it returns.
pub fn ingest_and_notify(
    conn: &mut Connection,
    bytes: &[u8],
    source_name: &str,
    filter: &AreaFilter,
    now: DateTime<Utc>,
) -> Result<(IngestOutcome, Vec<ListedNotice>)> {
    let outcome = ingest(conn, bytes, source_name, now)?;
    let mut visible = Vec::new();
    for id in &outcome.changed {
        let Some(stored) = get(conn, *id, now)? else {
            continue;
        };
        if !matches!(stored.state, NoticeState::Active | NoticeState::Withdrawn)
            || !stored.notice.status.is_public()
        {
            continue;
        }
        if let Some(matched) = match_notice(&stored.notice, filter) {
            visible.push(ListedNotice { stored, matched });
        }
    }
    Ok((outcome, visible))
}

/// Ingests inside the caller's transaction (for callers composing imports).
pub fn ingest_in(
    tx: &Transaction<'_>,
    bytes: &[u8],
    source_name: &str,
    now: DateTime<Utc>,
) -> Result<IngestOutcome> {
    let notice = match parse_notice(bytes) {
        Ok(n) => n,
        Err(reason) => {
            return Ok(IngestOutcome {
                source_name: source_name.to_string(),
                result: IngestResult::Rejected { reason },
                changed: Vec::new(),
            })
        }
    };
    store_notice(tx, &notice, source_name, now)
}

/// Stores an already-parsed notice with the full lifecycle.
pub fn store_notice(
    tx: &Transaction<'_>,
    notice: &Notice,
    source_name: &str,
    now: DateTime<Utc>,
) -> Result<IngestOutcome> {
    let outcome = |result, changed| IngestOutcome {
        source_name: source_name.to_string(),
        result,
        changed,
    };
    if let Some(id) = tx
        .prepare_cached("SELECT id FROM alert_notice WHERE dedup_key = ?1")?
        .query_row([&notice.dedup_key], |r| r.get::<_, i64>(0))
        .optional()?
    {
        return Ok(outcome(IngestResult::Duplicate { id }, Vec::new()));
    }
    let sent = ts(notice.sent.with_timezone(&Utc));
    let body = serde_json::to_string(notice)?;
    tx.prepare_cached(
        "INSERT INTO alert_notice (dedup_key, source, identifier, sender, sent_utc, status,
             msg_type, thread_key, expires_utc, source_name, received_utc, body)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        notice.dedup_key,
        match notice.source {
            Source::Cap => "cap",
            Source::Jma => "jma",
        },
        notice.identifier,
        notice.sender,
        sent,
        notice.status.key(),
        notice.msg_type.key(),
        notice.thread_key,
        ts(notice.effective_expiry()),
        source_name,
        ts(now),
        body,
    ])?;
    let id = tx.last_insert_rowid();
    {
        let mut ins = tx.prepare_cached(
            "INSERT OR IGNORE INTO alert_reference (notice_id, ref_sender, ref_identifier, ref_sent_utc)
             VALUES (?1, ?2, ?3, ?4)",
        )?;
        for r in &notice.references {
            ins.execute(params![id, r.sender, r.identifier, ts(r.sent)])?;
        }
    }
    let me = Row {
        id,
        sent: sent.clone(),
        msg_type: notice.msg_type,
    };
    let mut effects = Effects::default();
    if notice.source == Source::Cap {
        link_cap(tx, notice, &me, &mut effects)?;
    }
    if let Some(thread) = &notice.thread_key {
        link_thread(tx, thread, &me, &mut effects)?;
    }
    let mut changed = vec![id];
    changed.extend(effects.superseded.iter().copied());
    changed.extend(effects.withdrawn.iter().copied());
    changed.sort_unstable();
    changed.dedup();
    let result = match notice.msg_type {
        MsgType::Cancel => IngestResult::Cancelled {
            id,
            withdrawn: effects.withdrawn.into_iter().filter(|x| *x != id).collect(),
        },
        MsgType::Update => IngestResult::Updated {
            id,
            superseded: effects
                .superseded
                .into_iter()
                .filter(|x| *x != id)
                .collect(),
        },
        _ if effects.superseded.iter().any(|x| *x != id) => IngestResult::Updated {
            id,
            superseded: effects
                .superseded
                .into_iter()
                .filter(|x| *x != id)
                .collect(),
        },
        _ => IngestResult::Stored { id },
    };
    Ok(outcome(result, changed))
}

/// The lifecycle facts of a row.
#[derive(Debug, Clone)]
struct Row {
    id: i64,
    sent: String,
    msg_type: MsgType,
}

#[derive(Default)]
struct Effects {
    superseded: Vec<i64>,
    withdrawn: Vec<i64>,
}

fn msg_type_of(s: &str) -> MsgType {
    match s {
        "update" => MsgType::Update,
        "cancel" => MsgType::Cancel,
        "ack" => MsgType::Ack,
        "error" => MsgType::Error,
        _ => MsgType::Alert,
    }
}

fn row_by_id(tx: &Transaction<'_>, id: i64) -> Result<Option<Row>> {
    Ok(tx
        .query_row(
            "SELECT id, sent_utc, msg_type FROM alert_notice WHERE id = ?1",
            [id],
            |r| {
                Ok(Row {
                    id: r.get(0)?,
                    sent: r.get(1)?,
                    msg_type: msg_type_of(&r.get::<_, String>(2)?),
                })
            },
        )
        .optional()?)
}

/// CAP: act on the messages this one references, and let messages that
/// referenced this one (arrived earlier) act on it. References match on
/// identifier + sent only: real feeds spell the sender differently.
fn link_cap(tx: &Transaction<'_>, notice: &Notice, me: &Row, fx: &mut Effects) -> Result<()> {
    for r in &notice.references {
        let targets: Vec<i64> = {
            let mut st = tx.prepare_cached(
                "SELECT id FROM alert_notice WHERE identifier = ?1 AND sent_utc = ?2 AND id != ?3",
            )?;
            let rows = st.query_map(params![r.identifier, ts(r.sent), me.id], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for t in targets {
            act(tx, me, t, fx)?;
        }
    }
    let referrers: Vec<i64> = {
        let mut st = tx.prepare_cached(
            "SELECT notice_id FROM alert_reference
             WHERE ref_identifier = ?1 AND ref_sent_utc = ?2 AND notice_id != ?3",
        )?;
        let rows = st.query_map(params![notice.identifier, me.sent, me.id], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for m in referrers {
        if let Some(actor) = row_by_id(tx, m)? {
            act(tx, &actor, me.id, fx)?;
        }
    }
    Ok(())
}

/// JMA: within a thread (same family, office and area, or same event),
/// later reports replace earlier ones and 取消 withdraws what it follows.
fn link_thread(tx: &Transaction<'_>, thread: &str, me: &Row, fx: &mut Effects) -> Result<()> {
    let others: Vec<Row> = {
        let mut st = tx.prepare_cached(
            "SELECT id, sent_utc, msg_type FROM alert_notice WHERE thread_key = ?1 AND id != ?2",
        )?;
        let rows = st.query_map(params![thread, me.id], |r| {
            Ok(Row {
                id: r.get(0)?,
                sent: r.get(1)?,
                msg_type: msg_type_of(&r.get::<_, String>(2)?),
            })
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    // Ordering within a thread: time first; at the same time a correction
    // (訂正) comes after the report it corrects.
    let order = |r: &Row| (r.sent.clone(), u8::from(r.msg_type == MsgType::Update));
    for other in &others {
        match (me.msg_type, other.msg_type) {
            (MsgType::Cancel, MsgType::Cancel) => {}
            (MsgType::Cancel, _) => {
                if other.sent <= me.sent {
                    withdraw(tx, other.id, me, fx)?;
                }
            }
            (_, MsgType::Cancel) => {
                if me.sent <= other.sent {
                    withdraw(tx, me.id, other, fx)?;
                }
            }
            _ => {
                if order(other) < order(me) {
                    supersede(tx, other.id, me, fx)?;
                } else if order(other) > order(me) {
                    supersede(tx, me.id, other, fx)?;
                }
            }
        }
    }
    Ok(())
}

/// `actor` acts on `target` according to its message type.
fn act(tx: &Transaction<'_>, actor: &Row, target: i64, fx: &mut Effects) -> Result<()> {
    match actor.msg_type {
        MsgType::Update => supersede(tx, target, actor, fx),
        MsgType::Cancel => withdraw(tx, target, actor, fx),
        _ => Ok(()),
    }
}

fn supersede(tx: &Transaction<'_>, target: i64, by: &Row, fx: &mut Effects) -> Result<()> {
    let n = tx.execute(
        "UPDATE alert_notice SET superseded_by = ?1 WHERE id = ?2 AND superseded_by IS NULL",
        params![by.id, target],
    )?;
    if n > 0 {
        fx.superseded.push(target);
    }
    // An update of something already cancelled later than the update was
    // sent is cancelled too (documents arrived out of order).
    let cancel: Option<i64> = tx
        .query_row(
            "SELECT c.id FROM alert_notice t JOIN alert_notice c ON c.id = t.withdrawn_by
             WHERE t.id = ?1 AND c.sent_utc >= ?2",
            params![target, by.sent],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(c) = cancel {
        if let Some(crow) = row_by_id(tx, c)? {
            withdraw(tx, by.id, &crow, fx)?;
        }
    }
    Ok(())
}

/// Withdraws `target` and, transitively, the Updates that continued it
/// (sent no later than the Cancel): cancelling a thread cancels its updates.
fn withdraw(tx: &Transaction<'_>, target: i64, by: &Row, fx: &mut Effects) -> Result<()> {
    let mut stack = vec![target];
    let mut seen = HashSet::new();
    while let Some(x) = stack.pop() {
        if x == by.id || !seen.insert(x) {
            continue;
        }
        let n = tx.execute(
            "UPDATE alert_notice SET withdrawn_by = ?1 WHERE id = ?2 AND withdrawn_by IS NULL",
            params![by.id, x],
        )?;
        if n > 0 {
            fx.withdrawn.push(x);
        }
        let mut st = tx.prepare_cached(
            "SELECT n.id FROM alert_notice t
             JOIN alert_reference r ON r.ref_identifier = t.identifier AND r.ref_sent_utc = t.sent_utc
             JOIN alert_notice n ON n.id = r.notice_id
             WHERE t.id = ?1 AND n.msg_type = 'update' AND n.sent_utc <= ?2",
        )?;
        let next = st.query_map(params![x, by.sent], |r| r.get::<_, i64>(0))?;
        for id in next {
            stack.push(id?);
        }
    }
    Ok(())
}

const SELECT_STORED: &str = "SELECT id, body, msg_type, superseded_by, withdrawn_by, expires_utc,
        read_utc, received_utc, source_name FROM alert_notice";

fn stored_from_row(r: &rusqlite::Row<'_>, now: DateTime<Utc>) -> Result<StoredNotice> {
    let id: i64 = r.get(0)?;
    let body: String = r.get(1)?;
    let notice: Notice =
        serde_json::from_str(&body).map_err(|source| Error::Corrupt { id, source })?;
    let msg_type = msg_type_of(&r.get::<_, String>(2)?);
    let superseded_by: Option<i64> = r.get(3)?;
    let withdrawn_by: Option<i64> = r.get(4)?;
    let expires: String = r.get(5)?;
    let read: Option<String> = r.get(6)?;
    let received: String = r.get(7)?;
    let state = if !matches!(msg_type, MsgType::Alert | MsgType::Update) {
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
/// messages and Cancel/Ack/Error messages themselves are never listed.
pub fn list(
    conn: &Connection,
    filter: &ListFilter,
    now: DateTime<Utc>,
) -> Result<Vec<ListedNotice>> {
    let sql = if filter.include_history {
        format!(
            "{SELECT_STORED} WHERE msg_type IN ('alert','update') AND status NOT IN ('system','draft')
             ORDER BY sent_utc DESC, id DESC"
        )
    } else {
        format!(
            "{SELECT_STORED} WHERE msg_type IN ('alert','update') AND status NOT IN ('system','draft')
             AND superseded_by IS NULL AND expires_utc > ?1 ORDER BY sent_utc DESC, id DESC"
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

/// True when a status must be shown next to the notice (drills, tests).
pub fn status_needs_label(status: Status) -> bool {
    status != Status::Actual
}
