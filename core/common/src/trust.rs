//! The town's notice trust policy, as its signed content pack carries it.
//!
//! Plain data here (the pack model and the alerts crate both name it); the
//! alerts crate turns it into checked keys and applies it at ingest.

use serde::{Deserialize, Serialize};

use crate::LocalizedText;

/// One sender whose disaster notices this town's app accepts.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct NoticeSender {
    /// The sender ids this entry covers: CAP `<sender>` values, or the JMA
    /// publishing office as written in `Control/PublishingOffice`.
    pub ids: Vec<String>,
    /// Display name, in the pack's languages.
    #[serde(default)]
    pub name: LocalizedText,
    /// ed25519 public keys (base64, 32 bytes) whose detached signatures
    /// verify this sender's notices: the publisher's key or a separate
    /// notice-signing key.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keys: Vec<String>,
    /// sha256 fingerprints (hex) of the X.509 certificates this sender
    /// signs CAP XML signatures with. Recorded for when XML signatures are
    /// checked; today such signatures are reported as present, not checked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cert_fingerprints: Vec<String>,
    /// Other sender ids whose notices this sender may update or cancel
    /// (e.g. the city acting on the prefecture's relayed notices).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub acts_for: Vec<String>,
}
