//! ed25519 keys as machi writes them: one line of base64, named by a short
//! key id. Used for content-pack manifests and for notice signatures, so a
//! key is spelled and fingerprinted the same way everywhere.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
pub use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use sha2::{Digest, Sha256};

/// A key or signature text that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{reason}")]
pub struct KeyError {
    /// What is wrong, for people.
    pub reason: String,
}

fn err(reason: String) -> KeyError {
    KeyError { reason }
}

/// Lowercase hex of bytes (hashes, key ids).
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// Lowercase hex sha256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Whether `s` is a sha256 as machi writes it: 64 lower-case hex characters
/// (checked before a hash from a manifest or feed is used in a file name or compared).
pub fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// A short fingerprint of a public key (first 8 bytes of its sha256, hex),
/// written beside signatures so a wrong key is told apart from a forged one.
pub fn key_id(key: &VerifyingKey) -> String {
    hex(&Sha256::digest(key.as_bytes())[..8])
}

fn decode32(text: &str, what: &str) -> Result<[u8; 32], KeyError> {
    let bytes = B64
        .decode(text.trim())
        .map_err(|e| err(format!("{what} is not base64: {e}")))?;
    <[u8; 32]>::try_from(bytes.as_slice())
        .map_err(|_| err(format!("{what} must be 32 bytes, found {}", bytes.len())))
}

/// Parses a secret key (base64 of the 32-byte seed).
pub fn parse_signing_key(text: &str) -> Result<SigningKey, KeyError> {
    Ok(SigningKey::from_bytes(&decode32(text, "secret key")?))
}

/// Parses a public key (base64 of the 32-byte key).
pub fn parse_verifying_key(text: &str) -> Result<VerifyingKey, KeyError> {
    VerifyingKey::from_bytes(&decode32(text, "public key")?)
        .map_err(|e| err(format!("not an ed25519 public key: {e}")))
}

/// The base64 text of a public key.
pub fn encode_verifying_key(key: &VerifyingKey) -> String {
    B64.encode(key.as_bytes())
}

/// The base64 text of a signature.
pub fn encode_signature(sig: &Signature) -> String {
    B64.encode(sig.to_bytes())
}

/// The detached signature of `bytes` by `key`, as base64 text (pack
/// manifests, notice feed indexes).
pub fn sign_detached(key: &SigningKey, bytes: &[u8]) -> String {
    encode_signature(&key.sign(bytes))
}

/// Parses a signature (base64 of the 64 bytes).
pub fn parse_signature(text: &str) -> Result<Signature, KeyError> {
    let bytes = B64
        .decode(text.trim())
        .map_err(|e| err(format!("signature is not base64: {e}")))?;
    Signature::from_slice(&bytes)
        .map_err(|_| err(format!("signature must be 64 bytes, found {}", bytes.len())))
}

/// Base64 of arbitrary bytes (the notice inside an envelope).
pub fn encode_base64(bytes: &[u8]) -> String {
    B64.encode(bytes)
}

/// Bytes from base64 text.
pub fn decode_base64(text: &str) -> Result<Vec<u8>, KeyError> {
    B64.decode(text.trim())
        .map_err(|e| err(format!("not base64: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_signatures_round_trip() {
        let k = SigningKey::from_bytes(&[7u8; 32]);
        let p = k.verifying_key();
        assert_eq!(parse_verifying_key(&encode_verifying_key(&p)).unwrap(), p);
        assert_eq!(key_id(&p).len(), 16);
        let sig = k.sign(b"notice");
        let back = parse_signature(&encode_signature(&sig)).unwrap();
        assert!(p.verify(b"notice", &back).is_ok());
        assert!(p.verify(b"notic3", &back).is_err());
        assert!(parse_signature("AAAA").is_err());
        assert!(parse_verifying_key("AAAA").is_err());
        assert_eq!(hex(&[0, 255, 16]), "00ff10");
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
