//! The source's optional `transit/` folder: one GTFS-JP feed (its `.txt`
//! member files), imported with `machi-transit` and carried as one blob.

use machi_transit::{FeedFiles, Timetable};

use super::Loader;
use crate::model::TransitData;

/// The folder a pack source keeps its GTFS-JP feed in.
pub(super) const TRANSIT_FOLDER: &str = "transit";

impl Loader<'_> {
    /// The timetable of `transit/*.txt`, `None` when the folder is absent.
    /// A feed the reader rejects is one issue at `transit/FILE:LINE`.
    pub(super) fn transit(&mut self) -> Option<TransitData> {
        let members: Vec<(&str, &[u8])> = self.files.in_folder(TRANSIT_FOLDER, &[".txt"]).collect();
        if members.is_empty() {
            return None;
        }
        let feed: FeedFiles = members.into_iter().collect();
        match Timetable::from_files(&feed) {
            Ok(tt) => match String::from_utf8(tt.to_blob()) {
                Ok(blob) => Some(TransitData {
                    feed: TRANSIT_FOLDER.to_string(),
                    blob,
                }),
                // serde_json writes UTF-8; kept as an issue rather than a panic.
                Err(e) => {
                    self.issue(TRANSIT_FOLDER, None, None, format!("timetable blob: {e}"));
                    None
                }
            },
            Err(e) => {
                let file = format!("{TRANSIT_FOLDER}/{}", e.file);
                self.issue(&file, e.line.map(|l| l as usize), None, e.kind.to_string());
                None
            }
        }
    }
}
