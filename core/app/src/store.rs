//! Opening the store and the [`Machi`] handle (being written by the content work).

use std::path::PathBuf;

/// How to open the store.
#[derive(Debug, Clone, Default)]
pub struct OpenOptions {
    /// Database file; `None` keeps everything in memory (tests, demos).
    pub db_path: Option<PathBuf>,
}

/// The facade: one per app process. `Send + Sync`; calls may come from any thread.
#[derive(Debug)]
pub struct Machi {
    pub(crate) course: crate::course::State,
    pub(crate) faq: crate::faq::State,
    pub(crate) alerts: crate::alerts::State,
    pub(crate) sync: crate::sync::State,
}
