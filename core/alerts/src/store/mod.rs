//! The lifecycle store: every notice is committed before it is reported;
//! duplicates are stored once; Updates supersede, Cancels withdraw (kept,
//! shown as withdrawn); expiry moves a notice to history; an Update that
//! arrives before its original is linked when the original arrives.
//!
//! Every stored notice carries its verification state ([`Trust`]). A CAP
//! reference acts only on the exact `sender,identifier,sent` it names, and
//! only when the referencing message is from the same sender (or one the
//! policy lets act for it) and at least as verified; otherwise it is kept as
//! its own notice, marked as referring to a notice it may not change.
//!
//! Lifecycle state is a pure function of the stored set and `now`, so
//! ingesting the same documents again, in any order, changes nothing.

mod lifecycle;
mod query;

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use crate::area::{match_notice, AreaFilter, AreaMatch};
use crate::error::{RejectReason, Result};
use crate::model::{MsgType, Notice, Source, Status};
use crate::trust::{Trust, TrustPolicy, Verification};
use lifecycle::{Linker, Row};
pub use query::{counts, get, list, mark_read};

/// What happened to one ingested document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "result", rename_all = "kebab-case")]
pub enum IngestResult {
    /// Stored as a new notice.
    Stored {
        /// Its id.
        id: i64,
    },
    /// Already stored (same sender+identifier+sent, or same JMA issuance,
    /// at the same verification state).
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
    /// Stored as its own notice: it refers to a notice it may not change
    /// (another sender's, or a verified one while it is unverified).
    Refused {
        /// Its id.
        id: i64,
        /// The stored notices it named but may not change.
        refused: Vec<i64>,
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
    /// What verification found (absent when rejected).
    pub trust: Option<Trust>,
}

impl IngestOutcome {
    /// The stored notice's id, unless rejected.
    pub fn id(&self) -> Option<i64> {
        match &self.result {
            IngestResult::Stored { id }
            | IngestResult::Duplicate { id }
            | IngestResult::Updated { id, .. }
            | IngestResult::Cancelled { id, .. }
            | IngestResult::Refused { id, .. } => Some(*id),
            IngestResult::Rejected { .. } => None,
        }
    }

    fn rejected(source_name: &str, reason: RejectReason) -> IngestOutcome {
        IngestOutcome {
            source_name: source_name.to_string(),
            result: IngestResult::Rejected { reason },
            changed: Vec::new(),
            trust: None,
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
    /// Its verification state and signer.
    pub trust: Trust,
    /// It names an earlier notice it may not change (shown as its own notice).
    pub refused_references: bool,
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

impl StoredNotice {
    /// True when it may raise a full-priority alert: verified, current and
    /// public. An unverified notice is shown, never sounded.
    pub fn may_alert(&self) -> bool {
        self.trust.state == Verification::Verified
            && self.state == NoticeState::Active
            && self.notice.status.is_public()
    }
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

pub(crate) fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Parses, verifies against `policy` and stores one payload (a notice
/// envelope or a bare CAP/JMA document) in its own transaction, committed
/// before this returns. A payload that is not acceptable comes back as
/// [`IngestResult::Rejected`] (not an `Err`); `Err` means the database failed
/// and nothing of this document was stored.
pub fn ingest(
    conn: &mut Connection,
    payload: &[u8],
    source_name: &str,
    policy: &TrustPolicy,
    now: DateTime<Utc>,
) -> Result<IngestOutcome> {
    let tx = conn.transaction()?;
    let outcome = ingest_in(&tx, payload, source_name, policy, now)?;
    tx.commit()?;
    Ok(outcome)
}

/// Ingests many payloads in one transaction (much faster on disk); each
/// document's result is independent, a rejected one never stops the others.
/// All are committed before this returns; on a database error none are.
pub fn ingest_batch<'a>(
    conn: &mut Connection,
    docs: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    policy: &TrustPolicy,
    now: DateTime<Utc>,
) -> Result<Vec<IngestOutcome>> {
    let tx = conn.transaction()?;
    let mut out = Vec::new();
    for (name, bytes) in docs {
        out.push(ingest_in(&tx, bytes, name, policy, now)?);
    }
    tx.commit()?;
    Ok(out)
}

/// Ingests one payload and returns, beside the outcome, the notices that
/// became visible or changed for the user (new, updated, withdrawn) — what
/// a listener should notify about. Committed before it returns.
pub fn ingest_and_notify(
    conn: &mut Connection,
    payload: &[u8],
    source_name: &str,
    policy: &TrustPolicy,
    filter: &AreaFilter,
    now: DateTime<Utc>,
) -> Result<(IngestOutcome, Vec<ListedNotice>)> {
    let outcome = ingest(conn, payload, source_name, policy, now)?;
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
    payload: &[u8],
    source_name: &str,
    policy: &TrustPolicy,
    now: DateTime<Utc>,
) -> Result<IngestOutcome> {
    match policy.verify(payload) {
        Ok((notice, trust)) => store_notice(tx, &notice, &trust, source_name, policy, now),
        Err(reason) => Ok(IngestOutcome::rejected(source_name, reason)),
    }
}

/// The storage key: a verified copy never collides with an unverified one,
/// so a forged notice that reuses a real notice's identifier first cannot
/// make the real one a "duplicate".
fn storage_key(notice: &Notice, state: Verification) -> String {
    match state {
        Verification::Verified => format!("verified|{}", notice.dedup_key),
        Verification::Unverified => notice.dedup_key.clone(),
    }
}

/// Stores an already-verified, parsed notice with the full lifecycle.
pub fn store_notice(
    tx: &Transaction<'_>,
    notice: &Notice,
    trust: &Trust,
    source_name: &str,
    policy: &TrustPolicy,
    now: DateTime<Utc>,
) -> Result<IngestOutcome> {
    let outcome = |result, changed| IngestOutcome {
        source_name: source_name.to_string(),
        result,
        changed,
        trust: Some(trust.clone()),
    };
    let key = storage_key(notice, trust.state);
    if let Some(id) = tx
        .prepare_cached("SELECT id FROM alert_notice WHERE dedup_key = ?1")?
        .query_row([&key], |r| r.get::<_, i64>(0))
        .optional()?
    {
        return Ok(outcome(IngestResult::Duplicate { id }, Vec::new()));
    }
    let sent = ts(notice.sent.with_timezone(&Utc));
    let body = serde_json::to_string(notice)?;
    let id = match upgrade_in_place(tx, notice, trust, &key, &body)? {
        Some(id) => id,
        None => insert(tx, notice, trust, &key, &sent, &body, source_name, now)?,
    };
    let me = Row {
        id,
        sent: sent.clone(),
        msg_type: notice.msg_type,
        sender: notice.sender.clone(),
        state: trust.state,
    };
    let mut linker = Linker::new(tx, policy);
    if notice.source == Source::Cap {
        linker.link_cap(notice, &me)?;
    }
    if let Some(thread) = &notice.thread_key {
        linker.link_thread(thread, &me)?;
    }
    let fx = linker.effects;
    let mut changed = vec![id];
    changed.extend(fx.superseded.iter().copied());
    changed.extend(fx.withdrawn.iter().copied());
    changed.extend(fx.refusing_actors());
    changed.sort_unstable();
    changed.dedup();
    let others = |v: Vec<i64>| v.into_iter().filter(|x| *x != id).collect::<Vec<_>>();
    let refused = fx.refused_by(id);
    let result = match notice.msg_type {
        _ if !refused.is_empty() && fx.acted_by(id) == 0 => IngestResult::Refused { id, refused },
        MsgType::Cancel => IngestResult::Cancelled {
            id,
            withdrawn: others(fx.withdrawn),
        },
        MsgType::Update => IngestResult::Updated {
            id,
            superseded: others(fx.superseded),
        },
        _ if fx.superseded.iter().any(|x| *x != id) => IngestResult::Updated {
            id,
            superseded: others(fx.superseded),
        },
        _ => IngestResult::Stored { id },
    };
    Ok(outcome(result, changed))
}

/// A verified copy of a notice stored earlier as unverified with exactly the
/// same content is the same notice: it becomes verified in place (nothing
/// is lost, and the reader does not see it twice).
fn upgrade_in_place(
    tx: &Transaction<'_>,
    notice: &Notice,
    trust: &Trust,
    key: &str,
    body: &str,
) -> Result<Option<i64>> {
    if trust.state != Verification::Verified {
        return Ok(None);
    }
    let id: Option<i64> = tx
        .prepare_cached(
            "SELECT id FROM alert_notice WHERE dedup_key = ?1 AND verification = 'unverified'
             AND body = ?2",
        )?
        .query_row(params![notice.dedup_key, body], |r| r.get(0))
        .optional()?;
    if let Some(id) = id {
        tx.execute(
            "UPDATE alert_notice SET dedup_key = ?1, verification = 'verified', signer = ?2,
                 signer_key = ?3, unverified_reason = NULL WHERE id = ?4",
            params![key, trust.signer, trust.key_id, id],
        )?;
        // What unverified messages did to it while it was unverified no
        // longer holds: a verified notice is changed only by verified ones
        // (which the linking that follows applies again).
        for column in ["withdrawn_by", "superseded_by"] {
            tx.execute(
                &format!(
                    "UPDATE alert_notice SET {column} = NULL WHERE id = ?1 AND {column} IN
                     (SELECT id FROM alert_notice WHERE verification = 'unverified')"
                ),
                [id],
            )?;
        }
    }
    Ok(id)
}

#[allow(clippy::too_many_arguments)]
fn insert(
    tx: &Transaction<'_>,
    notice: &Notice,
    trust: &Trust,
    key: &str,
    sent: &str,
    body: &str,
    source_name: &str,
    now: DateTime<Utc>,
) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO alert_notice (dedup_key, source, identifier, sender, sent_utc, status,
             msg_type, thread_key, expires_utc, source_name, received_utc, body,
             verification, signer, signer_key, unverified_reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?
    .execute(params![
        key,
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
        trust.state.key(),
        trust.signer,
        trust.key_id,
        trust.reason.map(|r| r.key()),
    ])?;
    let id = tx.last_insert_rowid();
    let mut ins = tx.prepare_cached(
        "INSERT OR IGNORE INTO alert_reference (notice_id, ref_sender, ref_identifier, ref_sent_utc)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for r in &notice.references {
        ins.execute(params![id, r.sender, r.identifier, ts(r.sent)])?;
    }
    Ok(id)
}

/// True when a status must be shown next to the notice (drills, tests).
pub fn status_needs_label(status: Status) -> bool {
    status != Status::Actual
}
