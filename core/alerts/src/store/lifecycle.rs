//! Who acts on whom: CAP references and JMA threads, under the trust rules.
//!
//! Every change goes through [`Linker::supersede`] or [`Linker::withdraw`],
//! and both check [`Linker::may_act`] on every notice they touch, including
//! the ones reached transitively: an unverified message can never change a
//! verified notice, and a sender can only change its own notices or those
//! the policy lets it act for.

use std::collections::HashSet;

use rusqlite::{params, OptionalExtension, Transaction};

use super::ts;
use crate::error::Result;
use crate::model::{MsgType, Notice};
use crate::trust::{TrustPolicy, Verification};

/// The lifecycle facts of a row.
#[derive(Debug, Clone)]
pub(super) struct Row {
    pub id: i64,
    pub sent: String,
    pub msg_type: MsgType,
    pub sender: String,
    pub state: Verification,
}

/// What one ingest changed.
#[derive(Default)]
pub(super) struct Effects {
    pub superseded: Vec<i64>,
    pub withdrawn: Vec<i64>,
    /// (actor, target) pairs where a reference matched and it acted.
    acted: Vec<(i64, i64)>,
    /// (actor, target) pairs where the actor named a notice it may not change.
    refused: Vec<(i64, i64)>,
}

impl Effects {
    /// Targets `actor` named but may not change.
    pub fn refused_by(&self, actor: i64) -> Vec<i64> {
        let mut v: Vec<i64> = self
            .refused
            .iter()
            .filter(|(a, _)| *a == actor)
            .map(|(_, t)| *t)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// How many notices `actor` acted on through its references.
    pub fn acted_by(&self, actor: i64) -> usize {
        self.acted.iter().filter(|(a, _)| *a == actor).count()
    }

    /// Actors that became visible as their own notice (refused).
    pub fn refusing_actors(&self) -> impl Iterator<Item = i64> + '_ {
        self.refused.iter().map(|(a, _)| *a)
    }
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

const ROW_COLUMNS: &str = "id, sent_utc, msg_type, sender, verification";

fn row_of(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok(Row {
        id: r.get(0)?,
        sent: r.get(1)?,
        msg_type: msg_type_of(&r.get::<_, String>(2)?),
        sender: r.get(3)?,
        state: Verification::from_key(&r.get::<_, String>(4)?),
    })
}

/// Applies the lifecycle rules inside one ingest's transaction.
pub(super) struct Linker<'a, 't> {
    tx: &'a Transaction<'t>,
    policy: &'a TrustPolicy,
    pub effects: Effects,
}

impl<'a, 't> Linker<'a, 't> {
    pub fn new(tx: &'a Transaction<'t>, policy: &'a TrustPolicy) -> Self {
        Linker {
            tx,
            policy,
            effects: Effects::default(),
        }
    }

    /// The trust rule: at least as verified as the target, and the same
    /// sender or one the policy lets act for it.
    fn may_act(&self, actor: &Row, target: &Row) -> bool {
        actor.state >= target.state && self.policy.may_act_for(&actor.sender, &target.sender)
    }

    fn row(&self, id: i64) -> Result<Option<Row>> {
        Ok(self
            .tx
            .prepare_cached(&format!(
                "SELECT {ROW_COLUMNS} FROM alert_notice WHERE id = ?1"
            ))?
            .query_row([id], row_of)
            .optional()?)
    }

    fn refuse(&mut self, actor: i64, target: i64) -> Result<()> {
        self.tx.execute(
            "UPDATE alert_notice SET refused_refs = 1 WHERE id = ?1",
            [actor],
        )?;
        self.effects.refused.push((actor, target));
        Ok(())
    }

    /// CAP: act on the messages this one references, and let messages that
    /// referenced this one (arrived earlier) act on it. A reference names
    /// one notice by its exact `sender,identifier,sent`; a stored notice with
    /// the same identifier and time that it may not change (another
    /// sender's, or more verified) marks the message as refused instead.
    pub fn link_cap(&mut self, notice: &Notice, me: &Row) -> Result<()> {
        for r in &notice.references {
            let candidates: Vec<Row> = {
                let mut st = self.tx.prepare_cached(&format!(
                    "SELECT {ROW_COLUMNS} FROM alert_notice
                     WHERE identifier = ?1 AND sent_utc = ?2 AND id != ?3"
                ))?;
                let rows = st.query_map(params![r.identifier, ts(r.sent), me.id], row_of)?;
                rows.collect::<rusqlite::Result<_>>()?
            };
            let mut acted = false;
            let mut blocked = Vec::new();
            for t in candidates {
                if t.sender == r.sender && self.may_act(me, &t) {
                    self.act(me, &t)?;
                    acted = true;
                } else {
                    blocked.push(t.id);
                }
            }
            if !acted {
                for b in blocked {
                    self.refuse(me.id, b)?;
                }
            }
        }
        let referrers: Vec<(i64, String)> = {
            let mut st = self.tx.prepare_cached(
                "SELECT notice_id, ref_sender FROM alert_reference
                 WHERE ref_identifier = ?1 AND ref_sent_utc = ?2 AND notice_id != ?3",
            )?;
            let rows = st.query_map(params![notice.identifier, me.sent, me.id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for (m, ref_sender) in referrers {
            let Some(actor) = self.row(m)? else { continue };
            if ref_sender == me.sender && self.may_act(&actor, me) {
                self.act(&actor, me)?;
            } else if !self.has_acted(actor.id)? {
                self.refuse(actor.id, me.id)?;
            }
        }
        Ok(())
    }

    /// True when an earlier message already changed some stored notice.
    fn has_acted(&self, actor: i64) -> Result<bool> {
        Ok(self
            .tx
            .prepare_cached(
                "SELECT 1 FROM alert_notice WHERE superseded_by = ?1 OR withdrawn_by = ?1 LIMIT 1",
            )?
            .query_row([actor], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// JMA: within a thread (same family, office and area, or same event),
    /// later reports replace earlier ones and 取消 withdraws what it follows —
    /// only where the later report may act on the earlier one.
    pub fn link_thread(&mut self, thread: &str, me: &Row) -> Result<()> {
        let others: Vec<Row> = {
            let mut st = self.tx.prepare_cached(&format!(
                "SELECT {ROW_COLUMNS} FROM alert_notice WHERE thread_key = ?1 AND id != ?2"
            ))?;
            let rows = st.query_map(params![thread, me.id], row_of)?;
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
                        self.withdraw(other.id, me)?;
                    }
                }
                (_, MsgType::Cancel) => {
                    if me.sent <= other.sent {
                        self.withdraw(me.id, other)?;
                    }
                }
                _ => {
                    if order(other) < order(me) {
                        self.supersede(other, me)?;
                    } else if order(other) > order(me) {
                        self.supersede(me, other)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// `actor` acts on `target` according to its message type.
    fn act(&mut self, actor: &Row, target: &Row) -> Result<()> {
        self.effects.acted.push((actor.id, target.id));
        match actor.msg_type {
            MsgType::Update => self.supersede(target, actor),
            MsgType::Cancel => self.withdraw(target.id, actor),
            _ => Ok(()),
        }
    }

    fn supersede(&mut self, target: &Row, by: &Row) -> Result<()> {
        if !self.may_act(by, target) {
            return Ok(());
        }
        let n = self.tx.execute(
            "UPDATE alert_notice SET superseded_by = ?1 WHERE id = ?2 AND superseded_by IS NULL",
            params![by.id, target.id],
        )?;
        if n > 0 {
            self.effects.superseded.push(target.id);
        }
        // An update of something already cancelled later than the update was
        // sent is cancelled too (documents arrived out of order).
        let cancel: Option<i64> = self
            .tx
            .query_row(
                "SELECT c.id FROM alert_notice t JOIN alert_notice c ON c.id = t.withdrawn_by
                 WHERE t.id = ?1 AND c.sent_utc >= ?2",
                params![target.id, by.sent],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(c) = cancel {
            if let Some(crow) = self.row(c)? {
                self.withdraw(by.id, &crow)?;
            }
        }
        Ok(())
    }

    /// Withdraws `target` and, transitively, the Updates that continued it
    /// (sent no later than the Cancel): cancelling a thread cancels its
    /// updates — each only where the Cancel may act on it.
    fn withdraw(&mut self, target: i64, by: &Row) -> Result<()> {
        let mut stack = vec![target];
        let mut seen = HashSet::new();
        while let Some(x) = stack.pop() {
            if x == by.id || !seen.insert(x) {
                continue;
            }
            let Some(xrow) = self.row(x)? else { continue };
            if !self.may_act(by, &xrow) {
                continue;
            }
            let n = self.tx.execute(
                "UPDATE alert_notice SET withdrawn_by = ?1 WHERE id = ?2 AND withdrawn_by IS NULL",
                params![by.id, x],
            )?;
            if n > 0 {
                self.effects.withdrawn.push(x);
            }
            let mut st = self.tx.prepare_cached(
                "SELECT n.id FROM alert_notice t
                 JOIN alert_reference r ON r.ref_identifier = t.identifier
                      AND r.ref_sent_utc = t.sent_utc AND r.ref_sender = t.sender
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
}
