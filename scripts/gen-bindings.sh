#!/usr/bin/env bash
# Builds the core library (debug, unstripped: stripping removes uniffi's metadata)
# and generates the Kotlin, Swift and Python bindings into $TARGET/bindings/<lang>.
# The Python folder also gets a copy of the library so `import machi_ffi` works.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
cd "$root"
# MACHI_CARGO_SCOPE (set by scripts/test.sh) reuses the test build instead.
# shellcheck disable=SC2086
cargo build --locked ${MACHI_CARGO_SCOPE:--p machi-bindings -p uniffi-bindgen}
lib="$target/debug/libmachi_ffi.so"
[ -f "$lib" ] || { echo "gen-bindings: $lib not built" >&2; exit 1; }
out="$target/bindings"
rm -rf "$out"
for lang in kotlin swift python; do
  "$target/debug/uniffi-bindgen" generate --no-format --library "$lib" --language "$lang" --out-dir "$out/$lang" >/dev/null
done
cp "$lib" "$out/python/"
echo "gen-bindings: bindings in $out"
