// The embedded sample town: its built pack (content/takahagi.pack.json)
// gzipped into OUT_DIR, so it takes a quarter of the room in the phone
// library (the library already decodes gzip for downloaded packs), and its
// identity (municipality code, pack version) read here once, so opening the
// store never has to decompress it just to compare versions.
use std::io::Write;

fn main() {
    let src = "../../content/takahagi.pack.json";
    println!("cargo:rerun-if-changed={src}");
    println!("cargo:rerun-if-changed=build.rs");
    let json = std::fs::read(src).unwrap_or_else(|e| panic!("{src}: {e}"));
    let value: serde_json::Value =
        serde_json::from_slice(&json).unwrap_or_else(|e| panic!("{src}: {e}"));
    let code = value["meta"]["municipality_code"]
        .as_str()
        .unwrap_or_else(|| panic!("{src}: meta.municipality_code missing"));
    let version = value["meta"]["pack_version"]
        .as_u64()
        .unwrap_or_else(|| panic!("{src}: meta.pack_version missing"));
    let out = std::path::PathBuf::from(
        std::env::var_os("OUT_DIR").unwrap_or_else(|| panic!("OUT_DIR unset")),
    );
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&json)
        .and_then(|()| gz.finish())
        .and_then(|bytes| std::fs::write(out.join("takahagi.pack.json.gz"), bytes))
        .unwrap_or_else(|e| panic!("compressing {src}: {e}"));
    std::fs::write(
        out.join("takahagi_identity.rs"),
        format!("const SAMPLE_TOWN_CODE: &str = {code:?};\nconst SAMPLE_TOWN_VERSION: u64 = {version};\n"),
    )
    .unwrap_or_else(|e| panic!("writing the identity: {e}"));
}
