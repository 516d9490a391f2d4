//! The FAQ data of the town's website (`machi web build`): the entries of
//! a signed pack folder, verified here, in the form the browser build of
//! the chatbot reads ([`FaqBundle`]). The entries are made by the same
//! conversion the app's chatbot uses ([`super::bot_entries`]), so the
//! website and the app answer alike.

use std::collections::HashMap;
use std::path::Path;

use machi_content::pack::{self, VerifyingKey};
use machi_faq::{FaqBundle, BUNDLE_FORMAT};

use super::bot_entries;
use crate::error::Result;

/// Verifies the pack in `dir` against the publisher `key` completely
/// (signature, then size, sha256 and content of every part, as
/// `machi pack verify` does), refuses an expired one, and returns its FAQ
/// for the website: entries with their departments attached and the pack's
/// synonym groups. No local votes: a website has no resident's history.
///
/// Errors: [`crate::Error::Integrity`] for a bad signature, hash or size,
/// [`crate::Error::InvalidInput`] for an unreadable folder, a malformed or
/// expired pack.
pub fn web_faq_bundle(dir: &Path, key: &VerifyingKey) -> Result<FaqBundle> {
    let verified = pack::verify_dir(dir, key)?;
    verified.manifest.check_not_expired(chrono::Utc::now())?;
    let data = verified.data;
    let synonyms = data.synonyms.into_iter().map(|s| s.terms).collect();
    Ok(FaqBundle {
        format: BUNDLE_FORMAT.to_string(),
        municipality_code: verified.manifest.municipality_code,
        town: verified.manifest.name,
        pack_version: verified.manifest.pack_version,
        key_id: verified.manifest.key_id,
        created: verified.manifest.created,
        entries: bot_entries(data.faq, data.departments, HashMap::new()),
        synonyms,
    })
}
