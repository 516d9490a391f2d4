//! Embeds every `locales/<tag>/*.ftl` file into the library.
//!
//! Other capability crates add their own `<domain>.ftl` files next to ours, so
//! the list of files is discovered here instead of being written by hand: the
//! generated `embedded.rs` holds one `(tag, file name, include_str!(…))` entry
//! per file, sorted for reproducible builds. `rerun-if-changed` on each folder
//! makes cargo rebuild when a file is added or removed, and on each file when
//! its text changes.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

/// The locale folders the library knows; must match `machi_common::Lang::tag`.
const TAGS: [&str; 6] = ["ja", "ja-yasasii", "en", "zh-Hans", "zh-Hant", "ko"];

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let locales = Path::new(&manifest).join("locales");
    println!("cargo:rerun-if-changed={}", locales.display());

    let mut code = String::from(
        "/// Every embedded Fluent file: (locale tag, file name, text).\n\
         pub(crate) static EMBEDDED: &[(&str, &str, &str)] = &[\n",
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
        for path in files {
            println!("cargo:rerun-if-changed={}", path.display());
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                println!(
                    "cargo:warning=skipping {}: file name is not UTF-8",
                    path.display()
                );
                continue;
            };
            writeln!(
                code,
                "    ({tag:?}, {name:?}, include_str!({:?})),",
                path.display().to_string()
            )
            .expect("writing to a String cannot fail");
        }
    }
    code.push_str("];\n");

    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}
