#!/usr/bin/env bash
# The town's website chatbot end to end: the WebAssembly build (scripts/build-web.sh,
# toolchain set up and cached under $CARGO_TARGET_DIR on first use), its unit tests
# on the host, `machi web build` from a freshly signed pack of the sample town, and
# the browser tests (tests/web/browser_test.py: headless Chromium from the trixie
# root, driven over the DevTools protocol, against `machi serve` on loopback).
#
#   scripts/test-web.sh                       # as in scripts/test.sh
#   scripts/test-web.sh --update-screenshots  # also rewrite docs/screenshots/web-chat-*.png
#
# Needs root (the trixie root uses unshare and chroot). Without root, or without
# ../shared/data for the LocalgovFAQ comparison, it warns and skips that part, or
# fails when MACHI_REQUIRE_DATA=1 (.ci/run).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
target=${CARGO_TARGET_DIR:-$repo/target}
mkdir -p "$target"
target=$(cd "$target" && pwd)
export CARGO_TARGET_DIR=$target
cd "$repo"
required=${MACHI_REQUIRE_DATA:-}
missing() {
  if [ "$required" = 1 ]; then
    echo "error: $1 (MACHI_REQUIRE_DATA=1)" >&2
    exit 1
  fi
  echo "warning: $1" >&2
}
shots="$target/web-fixture/screenshots"
[ "${1:-}" = --update-screenshots ] && shots="$repo/docs/screenshots"

if [ "$(id -u)" != 0 ]; then
  missing "the website chatbot's browser tests need root (Debian trixie root via unshare); skipped"
  exit 0
fi

echo "== bindings/web unit tests (host)"
# Not --locked, for the reason given in scripts/build-web.sh.
(cd bindings/web && CARGO_TARGET_DIR="$target/web-native" cargo test -q)

wasm=$(scripts/build-web.sh)
# shellcheck disable=SC2086
cargo build -q --locked ${MACHI_CARGO_SCOPE:--p machi-cli}
machi="$target/debug/machi"

echo "== machi web build (sample town, freshly signed)"
fixture="$target/web-fixture"
rm -rf "$fixture" && mkdir -p "$fixture/browser"
"$machi" --db :memory: keygen --out "$fixture/keys" >/dev/null
"$machi" --db :memory: pack build content/takahagi --key "$fixture/keys/publisher.key" --out "$fixture/pack" >/dev/null
"$machi" --db :memory: --lang en web build "$fixture/pack" --pubkey "$fixture/keys/publisher.pub" \
  --wasm "$wasm" --out "$fixture/site"

localgov="${MACHI_SHARED_DATA:-$repo/../shared/data}/faq/localgovfaq"
eval_args=()
if [ -f "$localgov/corpus.json" ]; then
  eval_args=(--localgov "$localgov")
else
  missing "$localgov not found: the LocalgovFAQ evaluation in the browser is skipped"
fi

echo "== Browser tests (headless Chromium over the DevTools protocol)"
python3 tests/web/browser_test.py --machi "$machi" --site "$fixture/site" \
  --questions tests/web/questions.json --root-run "$repo/scripts/trixie-root.sh" \
  --tmp "$fixture/browser" --screenshots "$shots" --report "$fixture/report.json" "${eval_args[@]}"
