//! The publisher's side of a notice feed: `machi alerts publish DIR --key K`
//! turns a folder of CAP / JMA documents into a static site that
//! [`Machi::sync_notices`](crate::Machi::sync_notices) polls — each document
//! signed as a notice envelope, listed with its size and sha256 in
//! `feed.json`, and the index signed beside it (`feed.json.sig`).

use std::path::{Path, PathBuf};

use machi_content::pack::SigningKey;
use machi_sync::feed::{FeedEntry, FeedIndex, SIGNATURE_SUFFIX};

use crate::error::{Error, Result};

/// File name of the feed index a published site carries.
pub const FEED_INDEX_FILE: &str = "feed.json";

/// What [`publish_notice_feed`] wrote.
#[derive(Debug, Clone)]
pub struct PublishedFeed {
    /// The index as signed (newest notice first).
    pub index: FeedIndex,
    /// Where the index is.
    pub index_path: PathBuf,
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |e| Error::Storage {
        reason: format!("{}: {e}", path.display()),
    }
}

/// Signs every `.xml` / `.cap` document in `src` with `key` (each must parse
/// as CAP or JMA XML: a broken one is refused by name and nothing is
/// written), writes them as envelopes `NAME.json` into `out`, and the signed
/// index `feed.json` + `feed.json.sig` listing them newest first (by the
/// notice's sent time). Entry ids are the notice's sender, identifier and
/// sent time, unique per issuance.
pub fn publish_notice_feed(src: &Path, key: &SigningKey, out: &Path) -> Result<PublishedFeed> {
    let mut docs = Vec::new();
    let rd = std::fs::read_dir(src).map_err(io(src))?;
    for e in rd {
        let path = e.map_err(io(src))?.path();
        let is_doc = path
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| x.eq_ignore_ascii_case("xml") || x.eq_ignore_ascii_case("cap"));
        if !is_doc || !path.is_file() {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(io(&path))?;
        let notice = machi_alerts::parse_notice(&bytes).map_err(|r| Error::InvalidInput {
            reason: format!("{}: {r}", path.display()),
        })?;
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .filter(|s| {
                !s.is_empty()
                    && s.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
            })
            .ok_or_else(|| Error::InvalidInput {
                reason: format!(
                    "{}: file names must be ASCII letters, digits, '-', '_' or '.'",
                    path.display()
                ),
            })?
            .to_owned();
        docs.push((notice, stem, bytes));
    }
    docs.sort_by(|a, b| b.0.sent.cmp(&a.0.sent).then_with(|| a.1.cmp(&b.1)));
    std::fs::create_dir_all(out).map_err(io(out))?;
    let mut entries = Vec::with_capacity(docs.len());
    for (notice, stem, bytes) in &docs {
        let file = format!("{stem}.json");
        let envelope = machi_alerts::Envelope::sign(bytes, key).to_json();
        let path = out.join(&file);
        std::fs::write(&path, &envelope).map_err(io(&path))?;
        entries.push(FeedEntry {
            id: format!(
                "{},{},{}",
                notice.sender,
                notice.identifier,
                notice.sent.to_rfc3339()
            ),
            file,
            updated: notice.sent.to_rfc3339(),
            size: Some(envelope.len() as u64),
            sha256: Some(machi_common::keys::sha256_hex(envelope.as_bytes())),
        });
    }
    let index = FeedIndex { format: 1, entries };
    let bytes = serde_json::to_vec_pretty(&index).map_err(|e| Error::Storage {
        reason: e.to_string(),
    })?;
    let signature = machi_common::keys::sign_detached(key, &bytes);
    // Signature first, index last: a poller never sees an index whose
    // signature is not there yet (it reads the index, then the signature).
    let index_path = out.join(FEED_INDEX_FILE);
    let sig_path = out.join(format!("{FEED_INDEX_FILE}{SIGNATURE_SUFFIX}"));
    std::fs::write(&sig_path, format!("{signature}\n")).map_err(io(&sig_path))?;
    std::fs::write(&index_path, &bytes).map_err(io(&index_path))?;
    Ok(PublishedFeed { index, index_path })
}
