//! The embedded sample town, compiled into the library so the app works on
//! first launch with no network.
//!
//! What is embedded is the *built* pack, `content/takahagi.pack.json` (the
//! JSON that the pack source in `content/takahagi/` loads to), gzipped by
//! `build.rs`. Shipping the built form keeps the source loader (TOML, CSV,
//! CP932 decoding) out of the phone library; the test
//! `embedded_town_is_built_from_its_source` fails when the two drift apart
//! and says how to rebuild the JSON.

use std::io::Read;

use machi_content::model::PackData;

/// The built pack of `content/takahagi/`, gzipped.
const SAMPLE_TOWN_GZ: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/takahagi.pack.json.gz"));

// SAMPLE_TOWN_CODE and SAMPLE_TOWN_VERSION, read from the JSON at build time.
include!(concat!(env!("OUT_DIR"), "/takahagi_identity.rs"));

/// The embedded town's municipality code and pack version (known at build
/// time: no decompression). `Option` for callers that treat a missing
/// embedded town like an older one.
pub fn sample_town_identity() -> Option<(String, u64)> {
    Some((SAMPLE_TOWN_CODE.to_owned(), SAMPLE_TOWN_VERSION))
}

/// The embedded sample town as JSON text (what `content/takahagi.pack.json` holds).
pub fn sample_town_json() -> Result<String, std::io::Error> {
    let mut json = String::new();
    flate2::read::GzDecoder::new(SAMPLE_TOWN_GZ).read_to_string(&mut json)?;
    Ok(json)
}

/// The embedded sample town as pack data, ready to import.
pub fn sample_town() -> Result<PackData, serde_json::Error> {
    let json = sample_town_json().map_err(serde_json::Error::io)?;
    serde_json::from_str(&json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compressed_town_is_the_json_file_and_its_identity_matches() {
        let json = sample_town_json().unwrap_or_else(|e| panic!("{e}"));
        let file = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../content/takahagi.pack.json"
        ))
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(json, file);
        let town = sample_town().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            sample_town_identity(),
            Some((town.meta.municipality_code, town.meta.pack_version))
        );
        assert!(
            SAMPLE_TOWN_GZ.len() * 2 < file.len(),
            "compressed: {} bytes",
            SAMPLE_TOWN_GZ.len()
        );
    }
}
