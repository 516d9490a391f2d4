//! Disaster notices on the facade: ingest (push payload, file bytes, feed),
//! list, detail with shelters, mark read, and a foreign listener that hears
//! about notices as soon as they are stored.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::Utc;

use machi_app::{IngestReport, NoticeDetail, NoticeView, ShelterChoice, ShelterView};
use machi_common::{GeoPoint, Hazard};

use crate::error::{MachiError, Result};
use crate::types::{checked, UtcTime};
use crate::Machi;

/// The push-payload key holding the CAP/JMA XML text (FCM data message or
/// APNs custom key; both shells use the same contract).
pub const PUSH_XML_KEY: &str = "machi_notice_xml";
/// The push-payload key holding a signed notice envelope (JSON, see
/// `docs/notice-envelope.md`); the shells pass it through unchanged.
pub const PUSH_ENVELOPE_KEY: &str = "machi_notice_envelope";
/// The optional push-payload key naming the document (for logs and reports).
pub const PUSH_NAME_KEY: &str = "machi_notice_name";

/// A notice, already in the reader's language (`machi_app::NoticeView`):
/// title, the DRILL/TEST label (always shown for non-real notices), the
/// withdrawn/replaced/expired label, the alert level 1–5 and its label,
/// headline, body, areas, where the text came from (`sender`, `template`,
/// `original`) with a note and the original, read-aloud text, sender, sent
/// and expiry instants, read and current flags, the hazards it concerns
/// (empty: any shelter), `verified`/`unverified` with its label and reason,
/// signer and key, the refused label, and `alert` (only verified, current
/// notices may sound a full-priority alert; show the others quietly).
#[uniffi::remote(Record)]
#[uniffi(name = "Notice")]
pub struct NoticeView {
    pub id: i64,
    pub title: String,
    pub status_label: Option<String>,
    pub state_label: Option<String>,
    pub level_label: Option<String>,
    pub level: Option<u8>,
    pub headline: String,
    pub body: String,
    pub areas: String,
    pub text_source: String,
    pub note: Option<String>,
    pub original: Option<String>,
    pub read_aloud: String,
    pub sender: String,
    pub sent: UtcTime,
    pub expires: Option<UtcTime>,
    pub read: bool,
    pub active: bool,
    pub hazards: Vec<Hazard>,
    pub verification: String,
    pub verification_label: String,
    pub unverified_reason: Option<String>,
    pub signer: Option<String>,
    pub signer_key: Option<String>,
    pub refused_label: Option<String>,
    pub alert: bool,
}

/// A shelter with the estimated walk to it (minutes along streets, at
/// evacuation pace).
#[uniffi::remote(Record)]
pub struct ShelterChoice {
    pub shelter: ShelterView,
    pub walk_minutes: u32,
}

/// A notice with the nearest suitable shelters.
#[uniffi::remote(Record)]
pub struct NoticeDetail {
    pub notice: NoticeView,
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

/// What happened to one ingested document: a new notice `Stored`, a
/// `Duplicate` of a stored one, an update that `Updated` (superseded)
/// earlier notices, a cancellation that `Cancelled` (withdrew) them, one
/// `Refused` the change it asked for (it names another sender's notice, or a
/// verified one while it is unverified) and stored on its own, or `Rejected`
/// (not a usable notice, nothing stored) with a stable reason key such as
/// `dtd-forbidden` and the reason for logs.
#[uniffi::remote(Enum)]
#[uniffi(name = "IngestOutcome")]
pub enum IngestReport {
    Stored { id: i64 },
    Duplicate { id: i64 },
    Updated { id: i64, superseded: Vec<i64> },
    Cancelled { id: i64, withdrawn: Vec<i64> },
    Refused { id: i64, refused: Vec<i64> },
    Rejected { key: String, reason: String },
}

/// Hears about notices that became visible (new, updated, withdrawn) for
/// this town and the user's places. Called on the ingesting thread right
/// after the notice is stored: post to the UI thread and return.
#[uniffi::export(with_foreign)]
pub trait NoticeListener: Send + Sync {
    /// The notices, in the reader's current language.
    fn on_notices(&self, notices: Vec<NoticeView>);
}

/// Adapts a foreign listener to the app's listener trait.
struct Forward(Arc<dyn NoticeListener>);

impl machi_app::NoticeListener for Forward {
    fn on_notices(&self, notices: Vec<NoticeView>) {
        self.0.on_notices(notices);
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
    pub fn ingest_notice(&self, bytes: Vec<u8>, source_name: String) -> Result<IngestReport> {
        Ok(self.app.ingest_notice(&bytes, &source_name, Utc::now())?)
    }

    /// Stores the notice carried by a push message's data: a signed envelope
    /// under `machi_notice_envelope` (verified against the town's pack) or a
    /// bare document under `machi_notice_xml` (stored as unverified), optional
    /// `machi_notice_name`. A payload with neither, or with both (which one
    /// would be meant?), is `InvalidInput`.
    pub fn ingest_push_payload(&self, data: HashMap<String, String>) -> Result<IngestReport> {
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
        Ok(self.app.ingest_notice(xml.as_bytes(), name, Utc::now())?)
    }

    /// Notices for this town and the user's places, newest first.
    pub fn notices(&self, query: NoticeQuery) -> Result<Vec<NoticeView>> {
        let q = machi_app::NoticeQuery {
            at: query.at.map(checked).transpose()?,
            include_history: query.include_history,
            everywhere: query.everywhere,
        };
        Ok(self.app.notices(&q, &self.localizer(), Utc::now())?)
    }

    /// One notice with up to `shelter_limit` suitable shelters nearest to
    /// `near` (the town centre when `None`).
    pub fn notice(
        &self,
        id: i64,
        near: Option<GeoPoint>,
        shelter_limit: u32,
    ) -> Result<NoticeDetail> {
        let near = near.map(checked).transpose()?;
        let limit = usize::try_from(shelter_limit).unwrap_or(usize::MAX);
        Ok(self
            .app
            .notice(id, near, limit, &self.localizer(), Utc::now())?)
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
