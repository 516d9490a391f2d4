//! Link flags for the mobile library alone (cdylib), not for the CLI or tests.
//!
//! About 20,000 of the library's dynamic relocations are relative ones (vtables,
//! string tables, uniffi's metadata): as plain RELA entries they take 24 bytes each,
//! about 475 KB of the x86_64 library. Each platform has a packed form that its
//! loader reads: DT_RELR on glibc ≥ 2.36 (Debian bookworm and trixie), Android's
//! APS2 packing on every API level the app supports (minSdk 26; `android+relr`
//! would need API 28). Apple platforms' chained fixups are compact already.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    match (os.as_str(), env.as_str()) {
        ("linux", "gnu") => println!("cargo:rustc-cdylib-link-arg=-Wl,-z,pack-relative-relocs"),
        ("android", _) => println!("cargo:rustc-cdylib-link-arg=-Wl,--pack-dyn-relocs=android"),
        _ => {}
    }
}
