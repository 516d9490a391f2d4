#!/usr/bin/env bash
# Runs every test of machi: the Rust workspace (unit, end-to-end, CLI), then the
# generated bindings from Python (pytest), Kotlin on the JVM (Maven + JUnit 5 + JNA),
# and a syntax check of the Swift bindings and the iOS shell (tree-sitter-swift).
# Tests that need ../shared/data skip with a message when it is absent.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
cd "$root"

echo "== Rust workspace tests"
cargo test --locked --workspace

echo "== Generating bindings"
scripts/gen-bindings.sh

echo "== Python binding tests"
MACHI_BINDINGS_DIR="$target/bindings/python" python3 -m pytest -q tests/python

echo "== Kotlin binding tests (JVM)"
(cd tests/kotlin && mvn -q -B test \
  -Dmachi.lib.dir="$target/debug" \
  -Dmachi.generated.dir="$target/bindings/kotlin")
python3 scripts/surefire_summary.py tests/kotlin/target/surefire-reports

echo "== Swift syntax check (no Swift toolchain here: iOS builds need Xcode)"
python3 tests/swift/check_swift_syntax.py "$target/bindings/swift" ios
