//! Opening the store and the [`Machi`] handle.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};

use machi_content::pack::VerifyingKey;
use machi_content::Store;

use crate::error::{Error, Result};

/// How to open the store.
#[derive(Debug, Clone, Default)]
pub struct OpenOptions {
    /// Database file; `None` keeps everything in memory (tests, demos).
    pub db_path: Option<PathBuf>,
    /// The publisher's pinned public key: packs from anywhere else are refused.
    /// `None`: only the embedded town and explicitly keyed imports.
    pub publisher_key: Option<VerifyingKey>,
    /// Do not import the embedded sample town into an empty store.
    pub skip_embedded: bool,
    /// A FAQ sentence-encoder model file to use instead of the one the
    /// content pack brought (tools and tests; the app leaves it `None`).
    pub faq_encoder: Option<PathBuf>,
}

/// The facade: one per app process. `Send + Sync`; calls may come from any thread.
///
/// The content store sits behind one mutex (one SQLite writer connection).
/// [`Machi::content_generation`] grows on every successful import, so a
/// capability that caches derived data (FAQ index, course graph) knows when
/// to rebuild it.
#[derive(Debug)]
pub struct Machi {
    pub(crate) store: Mutex<Store>,
    pub(crate) generation: AtomicU64,
    pub(crate) publisher_key: Option<VerifyingKey>,
    // Capability state is read by each capability's module as it lands.
    #[allow(dead_code)]
    pub(crate) course: crate::course::State,
    #[allow(dead_code)]
    pub(crate) faq: crate::faq::State,
    #[allow(dead_code)]
    pub(crate) alerts: crate::alerts::State,
    pub(crate) garbage: crate::garbage::State,
    pub(crate) procedures: crate::procedures::State,
    #[allow(dead_code)]
    pub(crate) sync: crate::sync::State,
    pub(crate) transit: crate::transit::State,
}

/// True when the store is empty, or holds an older pack of the embedded
/// town (an app update shipped a newer one); a pack of another town or a
/// newer downloaded pack is never replaced.
fn embedded_is_newer(store: &Store) -> Result<bool> {
    let Some(installed) = store.installed()? else {
        return Ok(true);
    };
    Ok(match crate::embedded::sample_town_identity() {
        Some((code, version)) => {
            code == installed.meta.municipality_code && version > installed.meta.pack_version
        }
        None => false,
    })
}

impl Machi {
    /// Opens (creating and migrating) the store; when it holds no pack yet
    /// (or an older version of the embedded town), builds and imports the
    /// embedded sample town.
    pub fn open(options: OpenOptions) -> Result<Machi> {
        let mut store = match &options.db_path {
            Some(p) if p.as_os_str() != ":memory:" => {
                if let Some(dir) = p.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir).map_err(|e| Error::Storage {
                        reason: format!("{}: {e}", dir.display()),
                    })?;
                }
                Store::open(p)?
            }
            _ => Store::open_in_memory()?,
        };
        if !options.skip_embedded && embedded_is_newer(&store)? {
            let town = crate::embedded::sample_town().map_err(|e| Error::Storage {
                reason: format!("embedded sample town: {e}"),
            })?;
            store.import_full(&town)?;
        }
        Ok(Machi {
            store: Mutex::new(store),
            generation: AtomicU64::new(0),
            publisher_key: options.publisher_key,
            course: Default::default(),
            faq: crate::faq::State::with_encoder_file(options.faq_encoder),
            alerts: Default::default(),
            garbage: Default::default(),
            procedures: Default::default(),
            sync: Default::default(),
            transit: Default::default(),
        })
    }

    /// The content store, locked. Capability modules read their listings
    /// through it (FAQ entries, congestion rules, notices…).
    pub(crate) fn store(&self) -> Result<MutexGuard<'_, Store>> {
        self.store.lock().map_err(|_| Error::Storage {
            reason: "content store lock poisoned by an earlier panic".into(),
        })
    }

    /// Runs `f` with the locked store (for callers that need several reads at once).
    pub fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        f(&mut *self.store()?)
    }

    /// Grows by one after every successful content import.
    pub fn content_generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    pub(crate) fn bump_generation(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
    }

    /// The pinned publisher key, if one was given at open.
    pub fn publisher_key(&self) -> Option<&VerifyingKey> {
        self.publisher_key.as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn machi_is_send_and_sync() {
        assert_send_sync::<Machi>();
    }
}
