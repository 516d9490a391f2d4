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

# The binding tests sync from a local server: a publisher key and the embedded
# town published as version 1 and 2 (so version 2 arrives as a delta), built by
# the CLI from a copy of content/takahagi with one visible change.
echo "== Sync fixture (machi keygen + pack build)"
cargo build --locked -p machi-cli
fixture="$target/sync-fixture"
rm -rf "$fixture" && mkdir -p "$fixture"
cp -r content/takahagi "$fixture/src"
machi() { "$target/debug/machi" --db "$fixture/cli.sqlite3" "$@" >/dev/null; }
machi keygen --out "$fixture/keys"
machi pack build "$fixture/src" --key "$fixture/keys/publisher.key" --out "$fixture/site"
sed -i 's/^version = 1$/version = 2/' "$fixture/src/pack.toml"
sed -i '0,/^visit_minutes = 90$/s//visit_minutes = 95/' "$fixture/src/spots.toml"
machi pack build "$fixture/src" --key "$fixture/keys/publisher.key" --out "$fixture/site"
export MACHI_SYNC_SITE="$fixture/site" MACHI_SYNC_PUBKEY="$fixture/keys/publisher.pub"

echo "== Python binding tests"
MACHI_BINDINGS_DIR="$target/bindings/python" python3 -m pytest -q tests/python

echo "== Kotlin binding tests (JVM)"
(cd tests/kotlin && mvn -q -B test \
  -Dmachi.lib.dir="$target/debug" \
  -Dmachi.generated.dir="$target/bindings/kotlin")
python3 scripts/surefire_summary.py tests/kotlin/target/surefire-reports

echo "== Swift syntax check (no Swift toolchain here: iOS builds need Xcode)"
python3 tests/swift/check_swift_syntax.py "$target/bindings/swift" ios
