//! Composition of the alerts capability: notices stored in the same database
//! as the content, filtered to the town and the user's places, rendered in the
//! reader's language, with the nearest shelters suitable for the hazard.
//!
//! A notice is committed to SQLite before any listener hears of it, so a
//! crash between the two loses nothing: the notice is listed on next start.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use machi_alerts::{AreaCode, AreaFilter, CodeScheme, IngestResult, ListFilter, NoticeState};
use machi_common::{GeoPoint, Hazard, Lang};
use machi_i18n::Localizer;
use serde::Serialize;

use crate::content::ShelterView;
use crate::error::{Error, Result};
use crate::store::Machi;

/// Walking speed used for the minutes shown beside a shelter, metres per minute.
/// 4 km/h: the pace guidance for evacuating with elderly people and children,
/// slower than a tourist's stroll on purpose.
const EVACUATION_WALK_M_PER_MIN: f64 = 66.7;
/// Streets are longer than the straight line to a shelter.
const WALK_DETOUR_FACTOR: f64 = 1.3;

/// Receives notices that became visible (new, updated or withdrawn) after an ingest.
///
/// Called after the notice is committed, on the ingesting thread; keep it short
/// (post to the UI thread).
pub trait NoticeListener: Send + Sync {
    /// `notices` are rendered for the listener's registered locale.
    fn on_notices(&self, notices: Vec<NoticeView>);
}

/// A registered listener: its id, the locale it hears in, and the callback.
type Registered = (u64, Localizer, Arc<dyn NoticeListener>);

/// Per-instance alerts state: migration and pack-notice import done for which
/// content generation, and the registered listeners.
#[derive(Default)]
pub(crate) struct State {
    ready_for_generation: Mutex<Option<u64>>,
    listeners: Mutex<Vec<Registered>>,
    next_listener_id: Mutex<u64>,
}

impl std::fmt::Debug for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("alerts::State").finish_non_exhaustive()
    }
}

/// What happened to one ingested document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "outcome")]
pub enum IngestReport {
    /// A new notice was stored.
    Stored {
        /// Its id.
        id: i64,
    },
    /// Already stored (same sender, identifier and sent, or the same JMA issuance).
    Duplicate {
        /// The stored notice's id.
        id: i64,
    },
    /// An update that supersedes earlier notices.
    Updated {
        /// Its id.
        id: i64,
        /// The notices it replaced.
        superseded: Vec<i64>,
    },
    /// A cancellation that withdrew earlier notices.
    Cancelled {
        /// Its id.
        id: i64,
        /// The notices it withdrew.
        withdrawn: Vec<i64>,
    },
    /// Stored as its own notice: it names a notice it may not change
    /// (another sender's, or a verified one while it is unverified).
    Refused {
        /// Its id.
        id: i64,
        /// The notices it named but may not change.
        refused: Vec<i64>,
    },
    /// Not a usable notice; nothing stored.
    Rejected {
        /// Stable machine key of the reason, e.g. `dtd-forbidden`.
        key: String,
        /// The reason for people.
        reason: String,
    },
}

/// Which notices to list.
#[derive(Debug, Clone, Default)]
pub struct NoticeQuery {
    /// The device's current location, added to the registered places.
    pub at: Option<GeoPoint>,
    /// Include superseded and expired notices (history).
    pub include_history: bool,
    /// Show notices for any area, not only this town and the user's places.
    pub everywhere: bool,
}

/// A notice as a shell shows it, already in the reader's language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoticeView {
    /// Stored id.
    pub id: i64,
    /// Title, e.g. 「避難指示（警戒レベル4）」.
    pub title: String,
    /// "Drill"/"Test" label, always present for non-real notices.
    pub status_label: Option<String>,
    /// "Withdrawn"/"Superseded"/"Expired" label.
    pub state_label: Option<String>,
    /// Japan's 5-level alert scale label, where it applies.
    pub level_label: Option<String>,
    /// The alert level number 1–5, where it applies.
    pub level: Option<u8>,
    /// One-line headline.
    pub headline: String,
    /// Description and instructions.
    pub body: String,
    /// The affected areas, as text.
    pub areas: String,
    /// Where the text came from: `sender` (the issuer's own text in this
    /// language), `template` (translated by fixed template) or `original`.
    pub text_source: String,
    /// A note on the text (e.g. "translated by template; the original follows").
    pub note: Option<String>,
    /// The original text when it was not in the reader's language.
    pub original: Option<String>,
    /// Plain text for text-to-speech (no ruby markup), starting with the
    /// verification label.
    pub read_aloud: String,
    /// Who issued it.
    pub sender: String,
    /// When it was sent.
    pub sent: DateTime<Utc>,
    /// When it stops being current, if known.
    pub expires: Option<DateTime<Utc>>,
    /// Whether the user has opened it.
    pub read: bool,
    /// Whether it is current (not withdrawn, superseded or expired).
    pub active: bool,
    /// The shelter hazards it concerns (empty: any shelter).
    pub hazards: Vec<Hazard>,
    /// `verified` (signed by a key the town's pack trusts for its sender)
    /// or `unverified`.
    pub verification: String,
    /// The verification in the reader's language; always shown.
    pub verification_label: String,
    /// Why it is unverified (`no-signature`, `unknown-key`,
    /// `key-not-for-sender`, `signature-present-not-checked`).
    pub unverified_reason: Option<String>,
    /// Who signed a verified notice: the pack's name for the sender, in the
    /// reader's language (its sender id when the pack gives no name).
    pub signer: Option<String>,
    /// Key id of the signature (verified, or the unknown key it named).
    pub signer_key: Option<String>,
    /// "Refers to a notice it may not change", for a message that tried to
    /// change another sender's or a verified notice.
    pub refused_label: Option<String>,
    /// May raise a full-priority alert (sound, heads-up): only a verified,
    /// current, public notice. Shells show the others quietly.
    pub alert: bool,
}

/// A notice with the shelters to go to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoticeDetail {
    /// The notice.
    pub notice: NoticeView,
    /// Nearest shelters certified for the notice's hazards (when a location is known).
    pub shelters: Vec<ShelterChoice>,
}

/// A shelter with the walk to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShelterChoice {
    /// The shelter.
    pub shelter: ShelterView,
    /// Estimated walking minutes along streets.
    pub walk_minutes: u32,
}

impl From<machi_alerts::Error> for Error {
    fn from(e: machi_alerts::Error) -> Self {
        Error::Storage {
            reason: e.to_string(),
        }
    }
}

impl Machi {
    /// Stores one CAP or JMA XML document (from a push payload, a feed or a
    /// file) and tells the listeners about notices that became visible.
    /// A malformed or hostile document is reported as
    /// [`IngestReport::Rejected`], never as an error; `Err` means storage failed.
    pub fn ingest_notice(
        &self,
        bytes: &[u8],
        source_name: &str,
        now: DateTime<Utc>,
    ) -> Result<IngestReport> {
        let (outcome, filter) = {
            let mut store = self.store()?;
            self.alerts_ready(&mut store, now)?;
            let filter = self.area_filter(&store, None, false)?;
            let policy = trust_policy(&store)?;
            let outcome =
                machi_alerts::ingest(store.connection_mut(), bytes, source_name, &policy, now)?;
            (outcome, filter)
        };
        if !outcome.changed.is_empty() {
            self.notify_listeners(&outcome.changed, &filter, now)?;
        }
        Ok(report(outcome.result))
    }

    /// The notices for this town and the user's places (plus `query.at`), newest first.
    pub fn notices(
        &self,
        query: &NoticeQuery,
        loc: &Localizer,
        now: DateTime<Utc>,
    ) -> Result<Vec<NoticeView>> {
        let mut store = self.store()?;
        self.alerts_ready(&mut store, now)?;
        let filter = ListFilter {
            area: self.area_filter(&store, query.at, query.everywhere)?,
            include_history: query.include_history,
        };
        let listed = machi_alerts::list(store.connection(), &filter, now)?;
        let policy = trust_policy(&store)?;
        Ok(listed
            .iter()
            .map(|l| view(&l.stored, &l.matched.kinds, &policy, loc))
            .collect())
    }

    /// One notice with the nearest suitable shelters to `near` (or the town
    /// centre when no location is known).
    pub fn notice(
        &self,
        id: i64,
        near: Option<GeoPoint>,
        shelter_limit: usize,
        loc: &Localizer,
        now: DateTime<Utc>,
    ) -> Result<NoticeDetail> {
        let (stored, center, filter, policy) = {
            let mut store = self.store()?;
            self.alerts_ready(&mut store, now)?;
            let stored =
                machi_alerts::get(store.connection(), id, now)?.ok_or(Error::NotFound {
                    what: format!("notice {id}"),
                })?;
            let filter = self.area_filter(&store, near, false)?;
            (stored, store.center()?, filter, trust_policy(&store)?)
        };
        // The kinds in force where the reader is; a notice opened from history
        // that no longer matches still shows its headline kind.
        let kinds = machi_alerts::match_notice(&stored.notice, &filter)
            .map(|m| m.kinds)
            .filter(|k| !k.is_empty())
            .unwrap_or_else(|| vec![stored.notice.kind.clone()]);
        let notice = view(&stored, &kinds, &policy, loc);
        let shelters = match near.or(center) {
            Some(p) => self.shelters_for_at(p, &notice.hazards, shelter_limit, loc.chain(), now)?,
            None => Vec::new(),
        };
        Ok(NoticeDetail { notice, shelters })
    }

    /// Marks a notice as read.
    pub fn mark_notice_read(&self, id: i64, now: DateTime<Utc>) -> Result<()> {
        let mut store = self.store()?;
        self.alerts_ready(&mut store, now)?;
        machi_alerts::mark_read(store.connection(), id, now).map_err(|e| match e {
            machi_alerts::Error::NotFound(id) => Error::NotFound {
                what: format!("notice {id}"),
            },
            other => other.into(),
        })
    }

    /// Nearest shelters certified for all of `hazards` (any shelter when empty);
    /// when none is certified for all, those certified for any of them.
    /// Open shelters come first once a verified notice reports states (see
    /// [`Machi::shelters_near_at`]).
    pub fn shelters_for(
        &self,
        near: GeoPoint,
        hazards: &[Hazard],
        limit: usize,
        chain: &[Lang],
    ) -> Result<Vec<ShelterChoice>> {
        self.shelters_for_at(near, hazards, limit, chain, Utc::now())
    }

    /// [`Machi::shelters_for`] with the shelter statuses in force at `now`.
    pub fn shelters_for_at(
        &self,
        near: GeoPoint,
        hazards: &[Hazard],
        limit: usize,
        chain: &[Lang],
        now: DateTime<Utc>,
    ) -> Result<Vec<ShelterChoice>> {
        let mut found = self.shelters_near_at(near, hazards, limit, chain, now)?;
        if found.is_empty() && hazards.len() > 1 {
            for h in hazards {
                found.extend(self.shelters_near_at(
                    near,
                    std::slice::from_ref(h),
                    limit,
                    chain,
                    now,
                )?);
            }
            found.sort_by(|a, b| {
                a.status
                    .rank()
                    .cmp(&b.status.rank())
                    .then(a.distance_m.total_cmp(&b.distance_m))
            });
            found.dedup_by(|a, b| a.id == b.id);
            found.truncate(limit);
        }
        Ok(found
            .into_iter()
            .map(|shelter| ShelterChoice {
                walk_minutes: walk_minutes(shelter.distance_m),
                shelter,
            })
            .collect())
    }

    /// Registers a listener for notices that become visible, rendered with `loc`.
    /// Returns an id for [`Machi::remove_notice_listener`].
    pub fn add_notice_listener(&self, loc: Localizer, listener: Arc<dyn NoticeListener>) -> u64 {
        let id = {
            let mut next = self
                .alerts
                .next_listener_id
                .lock()
                .unwrap_or_else(|p| p.into_inner());
            *next += 1;
            *next
        };
        self.alerts
            .listeners
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push((id, loc, listener));
        id
    }

    /// Removes a listener; false when no listener had that id.
    pub fn remove_notice_listener(&self, id: u64) -> bool {
        let mut listeners = self
            .alerts
            .listeners
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        let before = listeners.len();
        listeners.retain(|(i, _, _)| *i != id);
        listeners.len() != before
    }

    /// Migrates the alerts tables once, and ingests the notices shipped in the
    /// installed pack whenever the content changed (duplicates are stored once,
    /// so re-ingesting is harmless).
    pub(crate) fn alerts_ready(
        &self,
        store: &mut machi_content::Store,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let generation = self.content_generation();
        let mut ready = self
            .alerts
            .ready_for_generation
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        if *ready == Some(generation) {
            return Ok(());
        }
        machi_alerts::migrate(store.connection_mut())?;
        let policy = trust_policy(store)?;
        // A signed pack notice travels as its envelope, so it is verified
        // against the pack's policy like any other channel.
        let docs: Vec<(String, Vec<u8>)> = store
            .notices()?
            .into_iter()
            .map(|d| {
                let bytes = match &d.signature {
                    Some(sig) => envelope_json(d.xml.as_bytes(), sig),
                    None => d.xml.into_bytes(),
                };
                (d.name, bytes)
            })
            .collect();
        machi_alerts::ingest_batch(
            store.connection_mut(),
            docs.iter().map(|(n, b)| (n.as_str(), b.as_slice())),
            &policy,
            now,
        )?;
        *ready = Some(generation);
        Ok(())
    }

    /// The town's JMA/JIS codes from the installed pack, the registered places
    /// and `at`.
    pub(crate) fn area_filter(
        &self,
        store: &machi_content::Store,
        at: Option<GeoPoint>,
        everywhere: bool,
    ) -> Result<AreaFilter> {
        let mut places: Vec<GeoPoint> = store.places()?.into_iter().map(|p| p.location).collect();
        places.extend(at);
        let mut codes = Vec::new();
        if let Some(installed) = store.installed()? {
            codes.push(AreaCode::municipality(&installed.meta.municipality_code));
            for code in &installed.meta.area_codes {
                codes.extend(codes_for(code));
            }
        }
        Ok(AreaFilter {
            places,
            codes,
            everywhere,
        })
    }

    fn notify_listeners(
        &self,
        changed: &[i64],
        filter: &AreaFilter,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let listeners = self
            .alerts
            .listeners
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        if listeners.is_empty() {
            return Ok(());
        }
        let (visible, policy) = {
            let store = self.store()?;
            let mut out = Vec::new();
            for id in changed {
                if let Some(stored) = machi_alerts::get(store.connection(), *id, now)? {
                    // Withdrawals are news; a notice that arrived already
                    // expired or superseded goes to history silently.
                    if !matches!(stored.state, NoticeState::Active | NoticeState::Withdrawn) {
                        continue;
                    }
                    if let Some(m) = machi_alerts::match_notice(&stored.notice, filter) {
                        out.push((stored, m.kinds));
                    }
                }
            }
            (out, trust_policy(&store)?)
        };
        if visible.is_empty() {
            return Ok(());
        }
        for (_, loc, listener) in listeners {
            let views = visible
                .iter()
                .map(|(s, k)| view(s, k, &policy, &loc))
                .collect();
            listener.on_notices(views);
        }
        Ok(())
    }
}

/// The installed pack's notice trust policy (trusting nobody without a pack).
pub(crate) fn trust_policy(store: &machi_content::Store) -> Result<machi_alerts::TrustPolicy> {
    Ok(match store.installed()? {
        Some(p) => machi_alerts::TrustPolicy::from_senders(&p.meta.notice_senders),
        None => machi_alerts::TrustPolicy::empty(),
    })
}

/// A pack notice and its detached signature as one envelope.
fn envelope_json(notice: &[u8], sig: &machi_content::model::NoticeSignature) -> Vec<u8> {
    machi_alerts::Envelope {
        format: machi_alerts::ENVELOPE_FORMAT.to_string(),
        key_id: sig.key_id.clone(),
        signature: sig.signature.clone(),
        notice: machi_common::keys::encode_base64(notice),
    }
    .to_json()
    .into_bytes()
}

/// The pack lists its JMA codes as plain strings; their length tells the
/// scheme (市町村等 7 digits, 府県予報区・細分区域 6 digits, 地震・津波予報区 3 digits).
fn codes_for(code: &str) -> Vec<AreaCode> {
    let code = code.trim();
    match code.len() {
        5 | 7 => vec![AreaCode::municipality(code)],
        6 => vec![AreaCode::new(CodeScheme::ForecastRegion, code)],
        3 => vec![
            AreaCode::new(CodeScheme::QuakeRegion, code),
            AreaCode::new(CodeScheme::TsunamiRegion, code),
        ],
        _ => vec![AreaCode::new(CodeScheme::Other(String::new()), code)],
    }
}

fn walk_minutes(distance_m: f64) -> u32 {
    (distance_m * WALK_DETOUR_FACTOR / EVACUATION_WALK_M_PER_MIN).ceil() as u32
}

fn view(
    stored: &machi_alerts::StoredNotice,
    kinds: &[machi_alerts::NoticeKind],
    policy: &machi_alerts::TrustPolicy,
    loc: &Localizer,
) -> NoticeView {
    let n = &stored.notice;
    let r = machi_alerts::render(n, stored.state, kinds, loc);
    let trust = &stored.trust;
    let signer = trust.signer.as_deref().map(|id| {
        policy
            .sender_name(id)
            .and_then(|name| name.resolve(loc.chain()))
            .map_or_else(|| id.to_string(), |r| r.text.to_string())
    });
    let labels =
        machi_alerts::trust_labels(trust, stored.refused_references, signer.as_deref(), loc);
    NoticeView {
        id: stored.id,
        title: r.title,
        status_label: r.status_label,
        state_label: r.state_label,
        level_label: r.level_label,
        level: n.level().map(|l| l.value),
        headline: r.headline,
        body: r.body,
        areas: r.areas,
        text_source: match r.text_source {
            machi_alerts::TextSource::Sender { .. } => "sender",
            machi_alerts::TextSource::Template => "template",
            machi_alerts::TextSource::Original { .. } => "original",
        }
        .to_string(),
        note: r.note,
        original: r.original,
        read_aloud: machi_alerts::speak_with_trust(&r.read_aloud, &labels),
        sender: n.sender.clone(),
        sent: n.sent.with_timezone(&Utc),
        expires: n.expires.map(|e| e.with_timezone(&Utc)),
        read: stored.read_at.is_some(),
        active: matches!(stored.state, NoticeState::Active),
        hazards: n.hazards(),
        verification: trust.state.key().to_string(),
        verification_label: labels.label,
        unverified_reason: trust.reason.map(|r| r.key().to_string()),
        signer,
        signer_key: trust.key_id.clone(),
        refused_label: labels.refused_label,
        alert: stored.may_alert(),
    }
}

fn report(result: IngestResult) -> IngestReport {
    match result {
        IngestResult::Stored { id } => IngestReport::Stored { id },
        IngestResult::Duplicate { id } => IngestReport::Duplicate { id },
        IngestResult::Updated { id, superseded } => IngestReport::Updated { id, superseded },
        IngestResult::Cancelled { id, withdrawn } => IngestReport::Cancelled { id, withdrawn },
        IngestResult::Refused { id, refused } => IngestReport::Refused { id, refused },
        IngestResult::Rejected { reason } => IngestReport::Rejected {
            key: reason.key().to_string(),
            reason: reason.to_string(),
        },
    }
}
