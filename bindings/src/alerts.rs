//! Disaster notices on the facade: ingest (push payload, file bytes, feed),
//! list, detail with shelters, mark read, and a foreign listener that hears
//! about notices as soon as they are stored.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use chrono::Utc;

use crate::content::Shelter;
use crate::error::{MachiError, Result};
use crate::types::{GeoPoint, Hazard};
use crate::Machi;

/// The push-payload key holding the CAP/JMA XML text (FCM data message or
/// APNs custom key; both shells use the same contract).
pub const PUSH_XML_KEY: &str = "machi_notice_xml";
/// The push-payload key holding a signed notice envelope (JSON, see
/// `docs/notice-envelope.md`); the shells pass it through unchanged.
pub const PUSH_ENVELOPE_KEY: &str = "machi_notice_envelope";
/// The optional push-payload key naming the document (for logs and reports).
pub const PUSH_NAME_KEY: &str = "machi_notice_name";

/// A notice, already in the reader's language.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Notice {
    /// Stored id.
    pub id: i64,
    /// Title, e.g. "Evacuation order (Level 4)".
    pub title: String,
    /// "DRILL"/"TEST" label: always shown for non-real notices.
    pub status_label: Option<String>,
    /// "Withdrawn"/"Replaced"/"Expired" label.
    pub state_label: Option<String>,
    /// Japan's 5-level alert scale label, where it applies.
    pub level_label: Option<String>,
    /// The alert level 1–5, where it applies.
    pub level: Option<u8>,
    /// One-line headline.
    pub headline: String,
    /// Description and instructions.
    pub body: String,
    /// The affected areas, as text.
    pub areas: String,
    /// `sender` (issuer's own text), `template` (fixed-template translation) or `original`.
    pub text_source: String,
    /// A note on the text (e.g. translated by template).
    pub note: Option<String>,
    /// The original text when not in the reader's language.
    pub original: Option<String>,
    /// Plain text for text-to-speech.
    pub read_aloud: String,
    /// Issuer.
    pub sender: String,
    /// When it was sent.
    pub sent: SystemTime,
    /// When it stops being current.
    pub expires: Option<SystemTime>,
    /// Opened by the user.
    pub read: bool,
    /// Current (not withdrawn, superseded or expired).
    pub active: bool,
    /// Shelter hazards it concerns (empty: any shelter).
    pub hazards: Vec<Hazard>,
    /// `verified` (signed by a key the town's pack trusts for its sender) or `unverified`.
    pub verification: String,
    /// The verification in the reader's language; always shown beside the notice.
    pub verification_label: String,
    /// Why it is unverified: `no-signature`, `unknown-key`, `key-not-for-sender`
    /// or `signature-present-not-checked` (a CAP XML signature, not checked).
    pub unverified_reason: Option<String>,
    /// Who signed a verified notice, as the town's pack names the sender.
    pub signer: Option<String>,
    /// Key id of the signature.
    pub signer_key: Option<String>,
    /// "Refers to a notice it may not change", when it tried to.
    pub refused_label: Option<String>,
    /// May raise a full-priority alert (sound, heads-up): only verified, current
    /// notices. Show the others quietly.
    pub alert: bool,
}

impl From<machi_app::NoticeView> for Notice {
    fn from(n: machi_app::NoticeView) -> Self {
        Notice {
            id: n.id,
            title: n.title,
            status_label: n.status_label,
            state_label: n.state_label,
            level_label: n.level_label,
            level: n.level,
            headline: n.headline,
            body: n.body,
            areas: n.areas,
            text_source: n.text_source,
            note: n.note,
            original: n.original,
            read_aloud: n.read_aloud,
            sender: n.sender,
            sent: n.sent.into(),
            expires: n.expires.map(Into::into),
            read: n.read,
            active: n.active,
            hazards: n.hazards.into_iter().map(Into::into).collect(),
            verification: n.verification,
            verification_label: n.verification_label,
            unverified_reason: n.unverified_reason,
            signer: n.signer,
            signer_key: n.signer_key,
            refused_label: n.refused_label,
            alert: n.alert,
        }
    }
}

/// A shelter with the estimated walk to it.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ShelterChoice {
    /// The shelter.
    pub shelter: Shelter,
    /// Walking minutes along streets (evacuation pace).
    pub walk_minutes: u32,
}

/// A notice with the shelters to go to.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct NoticeDetail {
    /// The notice.
    pub notice: Notice,
    /// Nearest suitable shelters.
    pub shelters: Vec<ShelterChoice>,
}

/// Which notices to list.
#[derive(Debug, Clone, Default, uniffi::Record)]
pub struct NoticeQuery {
    /// The device's current position, added to the registered places.
    #[uniffi(default = None)]
    pub at: Option<GeoPoint>,
    /// Include withdrawn, superseded and expired notices.
    #[uniffi(default = false)]
    pub include_history: bool,
    /// Any area, not only this town and the user's places.
    #[uniffi(default = false)]
    pub everywhere: bool,
}

/// What happened to one ingested document.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum IngestOutcome {
    /// A new notice was stored.
    Stored {
        /// Its id.
        id: i64,
    },
    /// Already stored.
    Duplicate {
        /// The stored notice.
        id: i64,
    },
    /// An update superseding earlier notices.
    Updated {
        /// Its id.
        id: i64,
        /// The notices it replaced.
        superseded: Vec<i64>,
    },
    /// A cancellation withdrawing earlier notices.
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
        /// Stable reason key, e.g. `dtd-forbidden`.
        key: String,
        /// The reason, for logs.
        reason: String,
    },
}

impl From<machi_app::IngestReport> for IngestOutcome {
    fn from(r: machi_app::IngestReport) -> Self {
        use machi_app::IngestReport as R;
        match r {
            R::Stored { id } => IngestOutcome::Stored { id },
            R::Duplicate { id } => IngestOutcome::Duplicate { id },
            R::Updated { id, superseded } => IngestOutcome::Updated { id, superseded },
            R::Cancelled { id, withdrawn } => IngestOutcome::Cancelled { id, withdrawn },
            R::Refused { id, refused } => IngestOutcome::Refused { id, refused },
            R::Rejected { key, reason } => IngestOutcome::Rejected { key, reason },
        }
    }
}

/// Hears about notices that became visible (new, updated, withdrawn) for
/// this town and the user's places. Called on the ingesting thread right
/// after the notice is stored: post to the UI thread and return.
#[uniffi::export(with_foreign)]
pub trait NoticeListener: Send + Sync {
    /// The notices, in the reader's current language.
    fn on_notices(&self, notices: Vec<Notice>);
}

/// Adapts a foreign listener to the app's listener trait.
struct Forward(Arc<dyn NoticeListener>);

impl machi_app::NoticeListener for Forward {
    fn on_notices(&self, notices: Vec<machi_app::NoticeView>) {
        self.0
            .on_notices(notices.into_iter().map(Into::into).collect());
    }
}

/// A foreign listener and its current registration id in `machi-app`.
type Registered = (u64, Arc<dyn NoticeListener>);

/// The foreign listeners, by the handle given to the shell, with the app's
/// registration id (which changes when the locale changes: listeners are
/// re-registered so notices keep arriving in the reader's language).
#[derive(Default)]
pub(crate) struct Listeners {
    entries: Mutex<HashMap<u64, Registered>>,
    next: Mutex<u64>,
}

impl Listeners {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Registered>> {
        // Only ids live here; a panic elsewhere cannot leave them inconsistent.
        self.entries.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Machi {
    /// Re-registers every listener with the current locale.
    pub(crate) fn relocalize_listeners(&self) {
        let loc = self.localizer();
        let mut entries = self.listeners.lock();
        for (app_id, listener) in entries.values_mut() {
            self.app.remove_notice_listener(*app_id);
            *app_id = self
                .app
                .add_notice_listener(loc.clone(), Arc::new(Forward(Arc::clone(listener))));
        }
    }
}

#[uniffi::export]
impl Machi {
    /// Stores one CAP 1.x or JMA XML document, or a notice envelope, from a
    /// file or download. A malformed or hostile document, or an envelope whose
    /// signature does not verify, is `Rejected` (not an error).
    pub fn ingest_notice(&self, bytes: Vec<u8>, source_name: String) -> Result<IngestOutcome> {
        Ok(self
            .app
            .ingest_notice(&bytes, &source_name, Utc::now())?
            .into())
    }

    /// Stores the notice carried by a push message's data: a signed envelope
    /// under `machi_notice_envelope` (verified against the town's pack) or a
    /// bare document under `machi_notice_xml` (stored as unverified), optional
    /// `machi_notice_name`. A payload with neither, or with both (which one
    /// would be meant?), is `InvalidInput`.
    pub fn ingest_push_payload(&self, data: HashMap<String, String>) -> Result<IngestOutcome> {
        let xml = match (data.get(PUSH_ENVELOPE_KEY), data.get(PUSH_XML_KEY)) {
            (Some(env), None) => env,
            (None, Some(xml)) => xml,
            (Some(_), Some(_)) => {
                return Err(MachiError::invalid(format!(
                    "push payload has both {PUSH_ENVELOPE_KEY} and {PUSH_XML_KEY}"
                )))
            }
            (None, None) => {
                return Err(MachiError::invalid(format!(
                    "push payload has no {PUSH_ENVELOPE_KEY} or {PUSH_XML_KEY}"
                )))
            }
        };
        let name = data
            .get(PUSH_NAME_KEY)
            .map(String::as_str)
            .unwrap_or("push");
        Ok(self
            .app
            .ingest_notice(xml.as_bytes(), name, Utc::now())?
            .into())
    }

    /// Notices for this town and the user's places, newest first.
    pub fn notices(&self, query: NoticeQuery) -> Result<Vec<Notice>> {
        let q = machi_app::NoticeQuery {
            at: query.at.map(GeoPoint::to_core).transpose()?,
            include_history: query.include_history,
            everywhere: query.everywhere,
        };
        Ok(self
            .app
            .notices(&q, &self.localizer(), Utc::now())?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// One notice with up to `shelter_limit` suitable shelters nearest to
    /// `near` (the town centre when `None`).
    pub fn notice(
        &self,
        id: i64,
        near: Option<GeoPoint>,
        shelter_limit: u32,
    ) -> Result<NoticeDetail> {
        let near = near.map(GeoPoint::to_core).transpose()?;
        let limit = usize::try_from(shelter_limit).unwrap_or(usize::MAX);
        let d = self
            .app
            .notice(id, near, limit, &self.localizer(), Utc::now())?;
        Ok(NoticeDetail {
            notice: d.notice.into(),
            shelters: d
                .shelters
                .into_iter()
                .map(|c| ShelterChoice {
                    shelter: c.shelter.into(),
                    walk_minutes: c.walk_minutes,
                })
                .collect(),
        })
    }

    /// Marks a notice as read; `NotFound` for an unknown id.
    pub fn mark_notice_read(&self, id: i64) -> Result<()> {
        Ok(self.app.mark_notice_read(id, Utc::now())?)
    }

    /// Registers `listener`; returns a handle for [`Machi::remove_notice_listener`].
    pub fn add_notice_listener(&self, listener: Arc<dyn NoticeListener>) -> u64 {
        let app_id = self
            .app
            .add_notice_listener(self.localizer(), Arc::new(Forward(Arc::clone(&listener))));
        let handle = {
            let mut next = self
                .listeners
                .next
                .lock()
                .unwrap_or_else(|p| p.into_inner());
            *next += 1;
            *next
        };
        self.listeners.lock().insert(handle, (app_id, listener));
        handle
    }

    /// Unregisters a listener; false when the handle is unknown.
    pub fn remove_notice_listener(&self, handle: u64) -> bool {
        match self.listeners.lock().remove(&handle) {
            Some((app_id, _)) => self.app.remove_notice_listener(app_id),
            None => false,
        }
    }
}
