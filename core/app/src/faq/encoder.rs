//! The FAQ's sentence-encoder model: which file answers (the one named at
//! open, or the one the installed pack lists, hash-checked before first use),
//! opened once, and the content store as the cache of entry vectors.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use machi_content::pack::FAQ_ENCODER_ASSET;
use machi_faq::{EmbeddingCache, Encoder, FaqError};

use super::State;
use crate::error::{Error, Result};
use crate::Machi;

impl State {
    /// The encoder in `path`, opened once and then shared.
    pub(super) fn open_encoder(&self, path: &Path) -> std::result::Result<Arc<Encoder>, FaqError> {
        let mut slot = self.encoder.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((p, enc)) = slot.as_ref() {
            if p == path {
                return Ok(Arc::clone(enc));
            }
        }
        let enc = Arc::new(Encoder::open(path)?);
        *slot = Some((path.to_path_buf(), Arc::clone(&enc)));
        Ok(enc)
    }
}

/// The key entry vectors of the model in `file` are cached under: its name
/// (a pack's model file is named by its hash), size and modification time,
/// so a different model under the same name never reuses the old vectors.
pub(super) fn model_key(file: &Path) -> String {
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
    let meta = std::fs::metadata(file).ok();
    let mtime = meta
        .as_ref()
        .and_then(|m| m.modified().ok())
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs());
    format!(
        "{}:{}:{mtime}",
        name.unwrap_or_default(),
        meta.map_or(0, |m| m.len())
    )
}

/// The content store as the FAQ's entry-vector cache. A store that cannot
/// be read or written only makes the build slower: errors are not passed on.
pub(super) struct StoreCache<'a> {
    pub(super) machi: &'a Machi,
    pub(super) model: String,
}

impl EmbeddingCache for StoreCache<'_> {
    fn load(&self, texts: &[String]) -> Vec<Option<(Vec<i8>, f32)>> {
        self.machi
            .store()
            .ok()
            .and_then(|s| s.cached_embeddings(&self.model, texts).ok())
            .unwrap_or_default()
    }

    fn save(&self, items: &[(&str, &[i8], f32)]) {
        if let Ok(mut s) = self.machi.store() {
            let _ = s.cache_embeddings(&self.model, items);
        }
    }
}

impl Machi {
    /// The sentence encoder the FAQ fuses with BM25, so questions in one
    /// language reach entries written in another: the file given in
    /// [`crate::OpenOptions::faq_encoder`] (an unusable one is an
    /// `InvalidInput` error: whoever named it can fix it), else the model
    /// the content pack brought (an unusable one is skipped: the FAQ then
    /// answers with BM25 alone, as it does before any model arrives), else
    /// none.
    /// Returns the encoder with the key its cached vectors are kept under.
    pub(super) fn faq_encoder(&self) -> Result<Option<(Arc<Encoder>, String)>> {
        if let Some(file) = &self.faq.encoder_file {
            return self
                .faq
                .open_encoder(file)
                .map(|enc| Some((enc, model_key(file))))
                .map_err(|e| Error::InvalidInput {
                    reason: e.to_string(),
                });
        }
        Ok(self.installed_model()?.and_then(|file| {
            let enc = self.faq.open_encoder(&file).ok()?;
            Some((enc, model_key(&file)))
        }))
    }

    /// The FAQ model the installed pack lists, if its file is there and
    /// matches the size and sha256 of the signed manifest. The hash (a
    /// streamed pass over tens of MB) runs before first use and again
    /// whenever the file's size or modification time changed; a file that
    /// fails it is removed (the next sync fetches it again) and the FAQ
    /// answers with BM25 alone meanwhile.
    fn installed_model(&self) -> Result<Option<PathBuf>> {
        let (entry, checked) = {
            let store = self.store()?;
            let Some(entry) = store.installed_asset(FAQ_ENCODER_ASSET)? else {
                return Ok(None);
            };
            let checked = store.asset_checked_stamp(FAQ_ENCODER_ASSET)?;
            (entry, checked)
        };
        let path = self.assets_dir()?.join(&entry.file);
        if !path.is_file() {
            return Ok(None);
        }
        let stamp = model_key(&path);
        if checked.as_deref() == Some(stamp.as_str()) {
            return Ok(Some(path));
        }
        // Outside the store lock: hashing takes a moment.
        match machi_content::pack::check_asset_file(&entry, &path) {
            Ok(()) => {
                self.store()?
                    .mark_asset_checked(FAQ_ENCODER_ASSET, &stamp)?;
                Ok(Some(path))
            }
            Err(_) => {
                let _ = std::fs::remove_file(&path);
                Ok(None)
            }
        }
    }
}
