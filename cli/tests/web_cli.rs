//! `machi web build`: the website's FAQ data comes only from a pack that
//! verifies, is what the app answers from, and the site gets every file the
//! widget needs. (The browser itself is exercised by scripts/test-web.sh.)

mod common;

use std::path::{Path, PathBuf};

use common::Env;
use predicates::prelude::*;
use serde_json::Value;

/// Builds the sample town's pack with a fresh key; returns (pack dir,
/// public key, number of FAQ entries its manifest counts).
fn signed_pack(env: &Env) -> (PathBuf, PathBuf, u64) {
    let keys = env.dir.path().join("keys");
    env.machi()
        .args(["keygen", "--out"])
        .arg(&keys)
        .assert()
        .success();
    let pack = env.dir.path().join("pack");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content/takahagi");
    let key = keys.join("publisher.key");
    let manifest = env.json(&[
        "pack",
        "build",
        src.to_str().unwrap(),
        "--key",
        key.to_str().unwrap(),
        "--out",
        pack.to_str().unwrap(),
    ]);
    let faq = manifest["counts"]["faq"].as_u64().unwrap();
    (pack, keys.join("publisher.pub"), faq)
}

/// A stand-in for scripts/build-web.sh's output: the two files, the module
/// with the wasm magic number.
fn wasm_dir(env: &Env) -> PathBuf {
    let dir = env.dir.path().join("wasm");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("machi_web_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(
        dir.join("machi_web.js"),
        b"export default function init() {}",
    )
    .unwrap();
    dir
}

#[test]
fn the_site_holds_the_verified_pack_faq_and_the_widget() {
    let env = Env::new();
    let (pack, pubkey, total) = signed_pack(&env);
    let site = env.dir.path().join("site");
    let out = env.json(&[
        "web",
        "build",
        pack.to_str().unwrap(),
        "--pubkey",
        pubkey.to_str().unwrap(),
        "--wasm",
        wasm_dir(&env).to_str().unwrap(),
        "--out",
        site.to_str().unwrap(),
    ]);
    for f in [
        "index.html",
        "machi-chat.js",
        "faq.json",
        "machi_web.js",
        "machi_web_bg.wasm",
    ] {
        assert!(site.join(f).is_file(), "{f} missing");
        // Its gzip sibling holds the same bytes.
        let gz = std::fs::read(site.join(format!("{f}.gz"))).unwrap();
        let mut plain = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&gz[..]), &mut plain).unwrap();
        assert_eq!(plain, std::fs::read(site.join(f)).unwrap(), "{f}.gz");
    }
    let index = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert!(index.contains(r#"<script src="machi-chat.js" defer></script>"#));
    let data: Value =
        serde_json::from_slice(&std::fs::read(site.join("faq.json")).unwrap()).unwrap();
    assert_eq!(data["format"], "machi-web-faq/1");
    assert_eq!(data["municipality_code"], "082147");
    assert_eq!(data["key_id"], out["key_id"]);
    // Every entry of the pack, departments attached.
    let entries = data["entries"].as_array().unwrap();
    assert_eq!(entries.len() as u64, total);
    assert_eq!(out["entries"].as_u64().unwrap(), total);
    let sodai = entries.iter().find(|e| e["id"] == "garbage-bulky").unwrap();
    assert!(sodai["department"]["phone"].is_string(), "{sodai}");
    assert!(!data["synonyms"].as_array().unwrap().is_empty());
}

#[test]
fn a_pack_that_does_not_verify_writes_nothing() {
    let env = Env::new();
    let (pack, pubkey, _) = signed_pack(&env);
    let wasm = wasm_dir(&env);
    let site = env.dir.path().join("site");
    let build = |pack: &Path, key: &Path, wasm: &Path| {
        let mut c = env.machi();
        c.args(["--lang", "en", "web", "build"])
            .arg(pack)
            .arg("--pubkey")
            .arg(key)
            .arg("--wasm")
            .arg(wasm)
            .arg("--out")
            .arg(&site);
        c
    };
    // Another publisher's key.
    let other = env.dir.path().join("other");
    env.machi()
        .args(["keygen", "--out"])
        .arg(&other)
        .assert()
        .success();
    build(&pack, &other.join("publisher.pub"), &wasm)
        .assert()
        .failure()
        .stderr(predicate::str::contains("machi:"));
    // A content part changed after signing.
    let tampered = env.dir.path().join("tampered");
    std::fs::create_dir_all(&tampered).unwrap();
    for e in std::fs::read_dir(&pack).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), tampered.join(e.file_name())).unwrap();
    }
    let part = std::fs::read_dir(&tampered)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("content-v"))
        .unwrap();
    let mut bytes = std::fs::read(&part).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0xff;
    std::fs::write(&part, bytes).unwrap();
    build(&tampered, &pubkey, &wasm).assert().failure();
    // No WebAssembly build, or something else in its place.
    build(&pack, &pubkey, &env.dir.path().join("nowhere"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("machi_web_bg.wasm"));
    std::fs::write(wasm.join("machi_web_bg.wasm"), b"<html>").unwrap();
    build(&pack, &pubkey, &wasm)
        .assert()
        .failure()
        .stderr(predicate::str::contains("scripts/build-web.sh"));
    let mut no_wasm = env.machi();
    no_wasm
        .env_remove("MACHI_WEB_WASM_DIR")
        .args(["--lang", "en", "web", "build"])
        .arg(&pack)
        .arg("--pubkey")
        .arg(&pubkey)
        .arg("--out")
        .arg(&site);
    no_wasm
        .assert()
        .failure()
        .stderr(predicate::str::contains("scripts/build-web.sh"));
    assert!(!site.exists(), "nothing may be written from a failed build");
}
