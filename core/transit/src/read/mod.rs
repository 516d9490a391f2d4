//! The GTFS-JP reader: member files from a folder or from memory to a
//! [`Timetable`](crate::Timetable).

mod build;
mod fares;
mod parse;
mod services;
mod stop_times;
mod table;
mod translations;

use std::collections::HashMap;
use std::path::Path;

use crate::error::{GtfsError, GtfsErrorKind};
use crate::timetable::Timetable;

/// The member files of a feed by name (`stops.txt`, …), as bytes: what a
/// zip or a pack builder hands over. Names are matched without any folder
/// part and case-insensitively.
#[derive(Debug, Clone, Default)]
pub struct FeedFiles(HashMap<String, Vec<u8>>);

impl FeedFiles {
    /// No files yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds (or replaces) one member file.
    pub fn insert(&mut self, name: &str, bytes: impl Into<Vec<u8>>) {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        self.0.insert(base.to_ascii_lowercase(), bytes.into());
    }

    /// Every `*.txt` file of `dir` (not recursive).
    pub fn from_dir(dir: &Path) -> Result<FeedFiles, GtfsError> {
        let io = |e: std::io::Error| {
            GtfsError::file(&dir.display().to_string(), GtfsErrorKind::Io(e.to_string()))
        };
        let mut files = FeedFiles::new();
        for entry in std::fs::read_dir(dir).map_err(io)? {
            let path = entry.map_err(io)?.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if path.is_file() && name.to_ascii_lowercase().ends_with(".txt") {
                let bytes = std::fs::read(&path)
                    .map_err(|e| GtfsError::file(name, GtfsErrorKind::Io(e.to_string())))?;
                files.insert(name, bytes);
            }
        }
        Ok(files)
    }

    pub(crate) fn get(&self, name: &str) -> Option<&[u8]> {
        self.0.get(name).map(Vec::as_slice)
    }
}

impl<N: AsRef<str>, B: Into<Vec<u8>>> FromIterator<(N, B)> for FeedFiles {
    fn from_iter<I: IntoIterator<Item = (N, B)>>(iter: I) -> Self {
        let mut f = FeedFiles::new();
        for (n, b) in iter {
            f.insert(n.as_ref(), b);
        }
        f
    }
}

impl Timetable {
    /// Reads a feed from its member files. Required: `agency.txt`,
    /// `stops.txt`, `routes.txt`, `trips.txt`, `stop_times.txt`, and
    /// `calendar.txt` or `calendar_dates.txt`; the rest is optional.
    pub fn from_files(files: &FeedFiles) -> Result<Timetable, GtfsError> {
        build::build(files)
    }

    /// Reads the feed unpacked in `dir`.
    pub fn from_dir(dir: &Path) -> Result<Timetable, GtfsError> {
        Timetable::from_files(&FeedFiles::from_dir(dir)?)
    }
}
