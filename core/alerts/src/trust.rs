//! The town's trust policy applied to notices: which senders it accepts,
//! which keys verify them, who may act for whom, and the verification
//! state every stored notice carries.
//!
//! Verification comes first: an envelope's signature is checked against
//! the key it names before the notice inside is parsed. A signature that
//! does not verify is refused; a notice without a usable signature is
//! stored as unverified and can never change a verified one.

use machi_common::keys::{self, Verifier, VerifyingKey};
use machi_common::{LocalizedText, NoticeSender};
use serde::{Deserialize, Serialize};

use crate::envelope::{self, Payload};
use crate::error::RejectReason;
use crate::model::Notice;
use crate::parse::parse_notice;

/// A notice's verification state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verification {
    /// No signature the policy can check, or a sender it does not list.
    Unverified,
    /// A valid signature by a key the policy trusts for the notice's sender.
    Verified,
}

impl Verification {
    /// Stable key (`verified`, `unverified`) used in storage, JSON and Fluent ids.
    pub fn key(self) -> &'static str {
        match self {
            Verification::Verified => "verified",
            Verification::Unverified => "unverified",
        }
    }

    /// Reads a stored key; anything unknown is unverified.
    pub fn from_key(s: &str) -> Verification {
        if s == "verified" {
            Verification::Verified
        } else {
            Verification::Unverified
        }
    }
}

/// Why a notice is unverified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnverifiedReason {
    /// It came with no signature.
    NoSignature,
    /// It carries a CAP XML `<Signature>`, which is not checked.
    XmlSignatureNotChecked,
    /// Its envelope names a key the town's policy does not list.
    UnknownKey,
    /// A trusted key signed it, but not for the sender the notice names.
    KeyNotForSender,
}

impl UnverifiedReason {
    /// Stable key used in storage and JSON.
    pub fn key(self) -> &'static str {
        match self {
            UnverifiedReason::NoSignature => "no-signature",
            UnverifiedReason::XmlSignatureNotChecked => "signature-present-not-checked",
            UnverifiedReason::UnknownKey => "unknown-key",
            UnverifiedReason::KeyNotForSender => "key-not-for-sender",
        }
    }

    /// Reads a stored key.
    pub fn from_key(s: &str) -> Option<UnverifiedReason> {
        [
            UnverifiedReason::NoSignature,
            UnverifiedReason::XmlSignatureNotChecked,
            UnverifiedReason::UnknownKey,
            UnverifiedReason::KeyNotForSender,
        ]
        .into_iter()
        .find(|r| r.key() == s)
    }
}

/// What verification found for one notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trust {
    /// Verified or not.
    pub state: Verification,
    /// For a verified notice, the sender id the policy verified it as.
    pub signer: Option<String>,
    /// The key id that signed it (verified, or named by the envelope).
    pub key_id: Option<String>,
    /// For an unverified notice, why.
    pub reason: Option<UnverifiedReason>,
}

impl Trust {
    fn unverified(reason: UnverifiedReason, key_id: Option<String>) -> Trust {
        Trust {
            state: Verification::Unverified,
            signer: None,
            key_id,
            reason: Some(reason),
        }
    }
}

/// One trusted sender with its keys decoded.
#[derive(Debug, Clone)]
struct Trusted {
    ids: Vec<String>,
    name: LocalizedText,
    keys: Vec<(String, VerifyingKey)>,
    acts_for: Vec<String>,
}

/// The policy of the installed pack, ready to check notices against.
#[derive(Debug, Clone, Default)]
pub struct TrustPolicy {
    senders: Vec<Trusted>,
}

impl TrustPolicy {
    /// A policy trusting nobody: every notice is unverified.
    pub fn empty() -> TrustPolicy {
        TrustPolicy::default()
    }

    /// The policy a pack lists. A key that does not parse is left out (the
    /// pack builder reports it; here it can only make notices unverified).
    pub fn from_senders(senders: &[NoticeSender]) -> TrustPolicy {
        TrustPolicy {
            senders: senders
                .iter()
                .map(|s| Trusted {
                    ids: s.ids.iter().map(|i| i.trim().to_string()).collect(),
                    name: s.name.clone(),
                    keys: s
                        .keys
                        .iter()
                        .filter_map(|k| keys::parse_verifying_key(k).ok())
                        .map(|k| (keys::key_id(&k), k))
                        .collect(),
                    acts_for: s.acts_for.iter().map(|i| i.trim().to_string()).collect(),
                })
                .collect(),
        }
    }

    /// The display name the policy gives a sender id.
    pub fn sender_name(&self, id: &str) -> Option<&LocalizedText> {
        self.senders
            .iter()
            .find(|s| s.ids.iter().any(|i| i == id))
            .map(|s| &s.name)
    }

    fn key(&self, key_id: &str) -> Option<&VerifyingKey> {
        self.senders
            .iter()
            .flat_map(|s| &s.keys)
            .find(|(id, _)| id == key_id)
            .map(|(_, k)| k)
    }

    /// True when `key_id` is trusted for `sender`.
    fn key_is_for(&self, key_id: &str, sender: &str) -> bool {
        self.senders
            .iter()
            .any(|s| s.ids.iter().any(|i| i == sender) && s.keys.iter().any(|(id, _)| id == key_id))
    }

    /// True when messages from `actor` may update or cancel notices from
    /// `target`: the same sender, one entry listing both ids, or an entry
    /// for `actor` that may act for `target`.
    pub fn may_act_for(&self, actor: &str, target: &str) -> bool {
        actor == target
            || self.senders.iter().any(|s| {
                s.ids.iter().any(|i| i == actor)
                    && (s.ids.iter().any(|i| i == target) || s.acts_for.iter().any(|i| i == target))
            })
    }

    /// Opens, verifies and parses one payload (an envelope or a bare
    /// notice). The signature is checked before the notice is parsed.
    /// `Err` is a refusal: nothing of it may be stored.
    pub fn verify(&self, payload: &[u8]) -> Result<(Notice, Trust), RejectReason> {
        match envelope::open(payload)? {
            Payload::Bare(bytes) => {
                let notice = parse_notice(&bytes)?;
                let reason = if notice.xml_signature {
                    UnverifiedReason::XmlSignatureNotChecked
                } else {
                    UnverifiedReason::NoSignature
                };
                Ok((notice, Trust::unverified(reason, None)))
            }
            Payload::Signed {
                notice,
                key_id,
                signature,
            } => {
                let Some(key) = self.key(&key_id) else {
                    let parsed = parse_notice(&notice)?;
                    return Ok((
                        parsed,
                        Trust::unverified(UnverifiedReason::UnknownKey, Some(key_id)),
                    ));
                };
                if key.verify(&notice, &signature).is_err() {
                    return Err(RejectReason::SignatureInvalid { key_id });
                }
                let parsed = parse_notice(&notice)?;
                if !self.key_is_for(&key_id, &parsed.sender) {
                    return Ok((
                        parsed,
                        Trust::unverified(UnverifiedReason::KeyNotForSender, Some(key_id)),
                    ));
                }
                let signer = Some(parsed.sender.clone());
                Ok((
                    parsed,
                    Trust {
                        state: Verification::Verified,
                        signer,
                        key_id: Some(key_id),
                        reason: None,
                    },
                ))
            }
        }
    }
}
