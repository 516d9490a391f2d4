//! The embedded sample town: the pack source of `content/takahagi/`, compiled
//! into the binary and built into a pack at first open, so the app works on
//! first launch with no network.

use include_dir::{include_dir, Dir};
use machi_content::model::PackData;
use machi_content::source::{self, SourceFiles};
use machi_content::SourceError;

static TOWN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../content/takahagi");

fn collect(dir: &Dir<'static>, out: &mut SourceFiles) {
    for f in dir.files() {
        out.insert(
            f.path().to_string_lossy().into_owned(),
            f.contents().to_vec(),
        );
    }
    for d in dir.dirs() {
        collect(d, out);
    }
}

/// The embedded source's files.
pub fn source_files() -> SourceFiles {
    let mut files = SourceFiles::new();
    collect(&TOWN, &mut files);
    files
}

/// The embedded town's municipality code and pack version.
pub fn sample_town_identity() -> Option<(String, u64)> {
    source::identity(&source_files())
}

/// Loads the embedded sample town into a pack (the same loader `pack build` uses).
pub fn sample_town() -> Result<PackData, SourceError> {
    source::load(&source_files())
}
