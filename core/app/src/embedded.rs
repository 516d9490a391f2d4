//! The embedded sample town, compiled into the library so the app works on
//! first launch with no network.
//!
//! What is embedded is the *built* pack, `content/takahagi.pack.json`: the
//! JSON that the pack source in `content/takahagi/` loads to. Shipping the
//! built form keeps the source loader (TOML, CSV, CP932 decoding) out of the
//! phone library; the test `embedded_town_is_built_from_its_source` fails
//! when the two drift apart and says how to rebuild the JSON.

use machi_content::model::{PackData, PackMeta};

/// The built pack of `content/takahagi/`.
pub const SAMPLE_TOWN_JSON: &str = include_str!("../../../content/takahagi.pack.json");

/// The embedded town's municipality code and pack version, or `None` if the
/// embedded JSON were unreadable (cheap: reads only the pack's `meta`).
pub fn sample_town_identity() -> Option<(String, u64)> {
    #[derive(serde::Deserialize)]
    struct MetaOnly {
        meta: PackMeta,
    }
    let m: MetaOnly = serde_json::from_str(SAMPLE_TOWN_JSON).ok()?;
    Some((m.meta.municipality_code, m.meta.pack_version))
}

/// The embedded sample town as pack data, ready to import.
pub fn sample_town() -> Result<PackData, serde_json::Error> {
    serde_json::from_str(SAMPLE_TOWN_JSON)
}
