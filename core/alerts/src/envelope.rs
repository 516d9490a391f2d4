//! The notice envelope: notice bytes + detached ed25519 signature + signer
//! key id, one JSON object (`docs/notice-envelope.md`). Push payloads, feed
//! documents and `machi alerts ingest` all carry it; the shells pass it on
//! unchanged. A payload that is not an envelope is a bare notice.

use machi_common::keys::{self, Signature, SigningKey};
use serde::{Deserialize, Serialize};

use crate::error::RejectReason;
use crate::xml::MAX_DOCUMENT_BYTES;

/// The `format` value of this envelope version.
pub const ENVELOPE_FORMAT: &str = "machi-notice-envelope/1";

/// Largest envelope read: a maximal notice in base64 plus the small fields.
const MAX_ENVELOPE_BYTES: usize = MAX_DOCUMENT_BYTES / 3 * 4 + 4 + 1024;

/// A signed notice as it travels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Envelope {
    /// Always [`ENVELOPE_FORMAT`].
    pub format: String,
    /// Key id of the signing key (`machi_common::keys::key_id`).
    pub key_id: String,
    /// ed25519 signature over the exact notice bytes, base64.
    pub signature: String,
    /// The notice bytes (CAP or JMA XML, any encoding it declares), base64.
    pub notice: String,
}

impl Envelope {
    /// Signs `notice` with `key`.
    pub fn sign(notice: &[u8], key: &SigningKey) -> Envelope {
        Envelope {
            format: ENVELOPE_FORMAT.to_string(),
            key_id: keys::key_id(&key.verifying_key()),
            signature: keys::sign_detached(key, notice),
            notice: keys::encode_base64(notice),
        }
    }

    /// The detached signature alone (`key_id` and `signature`), as written
    /// beside a notice in a pack source (`NAME.sig`).
    pub fn detached_json(&self) -> String {
        let mut s =
            serde_json::json!({ "key_id": self.key_id, "signature": self.signature }).to_string();
        s.push('\n');
        s
    }

    /// The envelope as its JSON text (one line, then a newline).
    pub fn to_json(&self) -> String {
        // Serialising four strings cannot fail.
        let mut s = serde_json::to_string(self).unwrap_or_default();
        s.push('\n');
        s
    }
}

/// A received payload, opened but not yet verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Payload {
    /// A notice with no envelope.
    Bare(Vec<u8>),
    /// A notice in an envelope.
    Signed {
        /// The notice bytes.
        notice: Vec<u8>,
        /// The key id the envelope names (untrusted until looked up).
        key_id: String,
        /// The signature.
        signature: Signature,
    },
}

/// True when `bytes` look like an envelope (a JSON object), not XML.
pub fn is_envelope(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'{')
}

/// Opens a payload: an envelope is decoded (every field checked), anything
/// else is a bare notice left for the XML parser to judge.
pub fn open(bytes: &[u8]) -> Result<Payload, RejectReason> {
    if !is_envelope(bytes) {
        return Ok(Payload::Bare(bytes.to_vec()));
    }
    if bytes.len() > MAX_ENVELOPE_BYTES {
        return Err(RejectReason::TooLarge {
            size: bytes.len(),
            limit: MAX_ENVELOPE_BYTES,
        });
    }
    let bad = |m: String| RejectReason::BadEnvelope(RejectReason::clip(&m));
    let env: Envelope = serde_json::from_slice(bytes).map_err(|e| bad(e.to_string()))?;
    if env.format != ENVELOPE_FORMAT {
        return Err(bad(format!("unknown format {:?}", env.format)));
    }
    if env.key_id.len() != 16
        || !env
            .key_id
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    {
        return Err(bad(format!(
            "key_id {:?} is not 16 lower-case hex digits",
            env.key_id
        )));
    }
    let signature = keys::parse_signature(&env.signature).map_err(|e| bad(e.reason))?;
    let notice =
        keys::decode_base64(&env.notice).map_err(|e| bad(format!("notice {}", e.reason)))?;
    Ok(Payload::Signed {
        notice,
        key_id: env.key_id,
        signature,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn envelope_round_trips_and_bare_stays_bare() {
        let key = SigningKey::from_bytes(&[3u8; 32]);
        let env = Envelope::sign(b"<alert/>", &key);
        match open(env.to_json().as_bytes()).unwrap() {
            Payload::Signed { notice, key_id, .. } => {
                assert_eq!(notice, b"<alert/>");
                assert_eq!(key_id, keys::key_id(&key.verifying_key()));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            open(b" <alert/>").unwrap(),
            Payload::Bare(b" <alert/>".to_vec())
        );
    }

    #[test]
    fn malformed_envelopes_are_refused_with_a_reason() {
        let key = SigningKey::from_bytes(&[3u8; 32]);
        let good = Envelope::sign(b"<alert/>", &key);
        let cases = [
            "{".to_string(),
            "{}".to_string(),
            Envelope {
                format: "x/1".into(),
                ..good.clone()
            }
            .to_json(),
            Envelope {
                key_id: "ABC".into(),
                ..good.clone()
            }
            .to_json(),
            Envelope {
                signature: "AAAA".into(),
                ..good.clone()
            }
            .to_json(),
            Envelope {
                notice: "***".into(),
                ..good.clone()
            }
            .to_json(),
            good.to_json()
                .replace("\"notice\"", "\"extra\":1,\"notice\""),
        ];
        for c in cases {
            assert_eq!(open(c.as_bytes()).unwrap_err().key(), "bad-envelope", "{c}");
        }
    }
}
