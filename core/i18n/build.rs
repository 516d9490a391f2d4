//! Embeds every `locales/<tag>/*.ftl` file into the library.
//!
//! Other capability crates add their own `<domain>.ftl` files next to ours, so
//! the list of files is discovered here instead of being written by hand.
//! Each locale's files go into one gzip blob (`<tag>.ftl.gz` in `OUT_DIR`, the
//! files sorted by name for reproducible builds, each as `name NUL text NUL`):
//! 212 KB of Fluent text becomes about 60 KB in the mobile library, and the
//! library unpacks only the locales it uses, once. The generated `embedded.rs`
//! holds one `(tag, include_bytes!(…))` entry per locale. `rerun-if-changed`
//! on each folder makes cargo rebuild when a file is added or removed, and on
//! each file when its text changes.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::{env, fs};

use flate2::write::GzEncoder;
use flate2::Compression;

/// The locale folders the library knows; must match `machi_common::Lang::tag`.
const TAGS: [&str; 6] = ["ja", "ja-yasasii", "en", "zh-Hans", "zh-Hant", "ko"];

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let locales = Path::new(&manifest).join("locales");
    println!("cargo:rerun-if-changed={}", locales.display());

    let mut code = String::from(
        "/// Every locale's Fluent files, gzipped: (locale tag, blob of `name NUL text NUL`).\n\
         pub(crate) static EMBEDDED_GZ: &[(&str, &[u8])] = &[\n",
    );
    for tag in TAGS {
        let dir = locales.join(tag);
        println!("cargo:rerun-if-changed={}", dir.display());
        let Ok(entries) = fs::read_dir(&dir) else {
            // A missing locale folder simply embeds nothing; the completeness
            // test reports the missing messages by name.
            continue;
        };
        let mut files: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        let mut blob = Vec::new();
        for path in files {
            println!("cargo:rerun-if-changed={}", path.display());
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                println!(
                    "cargo:warning=skipping {}: file name is not UTF-8",
                    path.display()
                );
                continue;
            };
            let text = fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{} is not readable UTF-8: {e}", path.display()));
            assert!(
                !text.contains('\0'),
                "{} contains a NUL character",
                path.display()
            );
            blob.extend_from_slice(name.as_bytes());
            blob.push(0);
            blob.extend_from_slice(text.as_bytes());
            blob.push(0);
        }
        let mut gz = GzEncoder::new(Vec::new(), Compression::best());
        gz.write_all(&blob).expect("writing to a Vec cannot fail");
        let gz = gz.finish().expect("writing to a Vec cannot fail");
        let file = Path::new(&out_dir).join(format!("{tag}.ftl.gz"));
        fs::write(&file, gz).expect("OUT_DIR is writable");
        writeln!(
            code,
            "    ({tag:?}, include_bytes!({:?})),",
            file.display().to_string()
        )
        .expect("writing to a String cannot fail");
    }
    code.push_str("];\n");

    fs::write(Path::new(&out_dir).join("embedded.rs"), code).expect("OUT_DIR is writable");
}
