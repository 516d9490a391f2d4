//! Publisher keys: ed25519, stored as one line of base64.

use std::path::Path;

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use ed25519_dalek::{SigningKey, VerifyingKey};

use crate::error::PackError;

/// File name of the secret key written by [`write_keypair`].
pub const SECRET_KEY_FILE: &str = "publisher.key";
/// File name of the public key written by [`write_keypair`].
pub const PUBLIC_KEY_FILE: &str = "publisher.pub";

/// A fresh signing key from the operating system's random source.
pub fn generate() -> Result<SigningKey, PackError> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|e| PackError::Key {
        reason: format!("no system randomness: {e}"),
    })?;
    Ok(SigningKey::from_bytes(&seed))
}

fn key_error(e: machi_common::keys::KeyError) -> PackError {
    PackError::Key { reason: e.reason }
}

/// Parses a secret key (base64 of the 32-byte seed).
pub fn parse_signing_key(text: &str) -> Result<SigningKey, PackError> {
    machi_common::keys::parse_signing_key(text).map_err(key_error)
}

/// Parses a public key (base64 of the 32-byte key).
pub fn parse_verifying_key(text: &str) -> Result<VerifyingKey, PackError> {
    machi_common::keys::parse_verifying_key(text).map_err(key_error)
}

fn read(path: &Path) -> Result<String, PackError> {
    std::fs::read_to_string(path).map_err(|source| PackError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Reads a secret key file.
pub fn read_signing_key(path: &Path) -> Result<SigningKey, PackError> {
    parse_signing_key(&read(path)?)
}

/// Reads a public key file.
pub fn read_verifying_key(path: &Path) -> Result<VerifyingKey, PackError> {
    parse_verifying_key(&read(path)?)
}

/// The base64 text of a public key, as written to `publisher.pub`.
pub fn encode_verifying_key(key: &VerifyingKey) -> String {
    machi_common::keys::encode_verifying_key(key)
}

/// A short fingerprint of a public key (first 8 bytes of its sha256, hex),
/// written into manifests so a wrong key is told apart from a forged signature.
pub fn key_id(key: &VerifyingKey) -> String {
    machi_common::keys::key_id(key)
}

/// Writes `publisher.key` (mode 0600 on Unix) and `publisher.pub` into `dir`,
/// refusing to overwrite an existing secret key.
pub fn write_keypair(dir: &Path, key: &SigningKey) -> Result<(), PackError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| PackError::Io { path, source }
    };
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let secret = dir.join(SECRET_KEY_FILE);
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts.open(&secret).map_err(io(&secret))?;
    use std::io::Write;
    writeln!(f, "{}", B64.encode(key.to_bytes())).map_err(io(&secret))?;
    let public = dir.join(PUBLIC_KEY_FILE);
    std::fs::write(
        &public,
        format!("{}\n", encode_verifying_key(&key.verifying_key())),
    )
    .map_err(io(&public))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_refuse_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let k = generate().unwrap();
        write_keypair(dir.path(), &k).unwrap();
        let k2 = read_signing_key(&dir.path().join(SECRET_KEY_FILE)).unwrap();
        let p = read_verifying_key(&dir.path().join(PUBLIC_KEY_FILE)).unwrap();
        assert_eq!(k.to_bytes(), k2.to_bytes());
        assert_eq!(p, k.verifying_key());
        assert!(write_keypair(dir.path(), &k).is_err());
        assert!(parse_verifying_key("AAAA").is_err());
    }
}
