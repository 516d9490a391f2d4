#!/usr/bin/env bash
# Builds the website chatbot's WebAssembly (bindings/web) and prints the folder
# holding machi_web_bg.wasm and machi_web.js, which `machi web build --wasm DIR`
# (or MACHI_WEB_WASM_DIR) takes.
#
# The host's Rust has no wasm32 std, so the build runs in the Debian trixie root
# (scripts/trixie-root.sh: rustc 1.85 + libstd-rust-dev-wasm32). wasm-bindgen-cli
# is not packaged: version 0.2.117, matching `wasm-bindgen = "=0.2.117"` in
# bindings/web/Cargo.toml, is installed once from its crates.io source (its newest
# lockfile needs rustc >= 1.86, so `time` is held at 0.3.41) and cached under
# $CARGO_TARGET_DIR/web-tools, like the crate registry the root's cargo uses.
# It is built unoptimized (--debug): on a fresh machine that took 9 min against
# 25 min for the optimized build (both on this 2-core box under load ~7), and
# it still processes the module in ~3 s, byte for byte as the optimized build
# does (checked on machi_web.wasm, 2026-12-03).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
target=${CARGO_TARGET_DIR:-$repo/target}
mkdir -p "$target"
target=$(cd "$target" && pwd)
tools="$target/web-tools"
out="$target/web-wasm"
bindgen_version=0.2.117
root_run() { "$repo/scripts/trixie-root.sh" run "$repo" "$target" -- "$@"; }
in_root_env="CARGO_HOME=$tools/cargo-home"

# wasm-bindgen is linked against the root's glibc: it runs there too.
if [ ! -x "$tools/bin/wasm-bindgen" ] || ! root_run "$tools/bin/wasm-bindgen" --version 2>/dev/null | grep -q " $bindgen_version\$"; then
  echo "== wasm-bindgen-cli $bindgen_version from crates.io (once, a few minutes)" >&2
  src="$tools/src/wasm-bindgen-cli-$bindgen_version"
  if [ ! -f "$src/Cargo.toml" ]; then
    mkdir -p "$tools/src"
    python3 -c 'import sys, urllib.request; urllib.request.urlretrieve(sys.argv[1], sys.argv[2])' \
      "https://static.crates.io/crates/wasm-bindgen-cli/wasm-bindgen-cli-$bindgen_version.crate" \
      "$tools/src/wasm-bindgen-cli.crate"
    echo "bb3601b2899d4887512bdcaad115074750be7c212b122fa7ed4faed6c919229e  $tools/src/wasm-bindgen-cli.crate" | sha256sum -c --quiet
    tar xzf "$tools/src/wasm-bindgen-cli.crate" -C "$tools/src"
  fi
  # With the target folder inside this repository (CI's clean clone), cargo
  # would take the unpacked crate for a member of machi's workspace and
  # refuse to build it; an empty [workspace] table makes it its own root.
  grep -q '^\[workspace\]' "$src/Cargo.toml" || printf '\n[workspace]\n' >>"$src/Cargo.toml"
  root_run sh -c "cd '$src' && export $in_root_env CARGO_TARGET_DIR='$tools/build' && \
    cargo update -q time --precise 0.3.41 && \
    cargo install -q --debug --locked --path . --root '$tools' --bin wasm-bindgen"
  # Its build folder (about a gigabyte of debug objects) is not needed once the
  # binary is installed; a version change rebuilds from the kept source.
  rm -rf "$tools/build"
fi

echo "== bindings/web for wasm32-unknown-unknown (rustc 1.85 in the trixie root)" >&2
# Not --locked: bindings/web/Cargo.lock is committed and used, but a dependency
# added to a core crate (whose own lockfile is the main one) only adds entries
# here; resolver 3 picks versions that rustc 1.85 builds, and nothing already
# locked moves.
# Debian's rustc has no rust-lld; lld-19's wasm-ld links the module.
root_run sh -c "cd '$repo/bindings/web' && export $in_root_env CARGO_TARGET_DIR='$target/web-build' \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-19 && \
  cargo build -q --release --lib --target wasm32-unknown-unknown"
mkdir -p "$out"
root_run "$tools/bin/wasm-bindgen" --target web --no-typescript --out-dir "$out" \
  "$target/web-build/wasm32-unknown-unknown/release/machi_web.wasm"
echo "$out"
