#!/usr/bin/env bash
# The Android app's Compose screens (android/ui) compiled for the desktop JVM with
# Compose Multiplatform and tested over the real core library (tests/compose):
# UI tests per screen, every screen at twice the text size, and headless PNG
# screenshots of each tab in ja, en, zh-Hant and easy Japanese under
# $TARGET/screenshots. Called by scripts/test.sh after scripts/gen-bindings.sh;
# runnable alone once the bindings exist.
#
#   scripts/test-compose.sh                       # the tests (and screenshots)
#   scripts/test-compose.sh --update-screenshots  # also refresh docs/screenshots (ja, en)
#
# Japanese and Chinese glyphs need a CJK font (Skia finds it through fontconfig):
# installed with apt when missing. Without one (no root, no network) the
# screenshots are skipped with a warning, or fail when MACHI_REQUIRE_DATA=1.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
cd "$root"

docs=""
[ "${1:-}" = "--update-screenshots" ] && docs="$root/docs/screenshots"

[ -f "$target/bindings/kotlin/uniffi/machi_ffi/machi_ffi.kt" ] || scripts/gen-bindings.sh

have_cjk_font() { fc-list :lang=ja family 2>/dev/null | grep -q . && fc-list :lang=zh-tw family 2>/dev/null | grep -q .; }
if ! have_cjk_font; then
  echo "test-compose: installing a CJK font (fonts-noto-cjk) for the screenshots"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fontconfig fonts-noto-cjk >/dev/null; } || true
    fc-cache -f >/dev/null 2>&1 || true
  fi
fi
only=()
if ! have_cjk_font; then
  if [ "${MACHI_REQUIRE_DATA:-}" = 1 ]; then
    echo "test-compose: no CJK font and none could be installed (MACHI_REQUIRE_DATA=1)" >&2
    exit 1
  fi
  echo "warning: no CJK font (apt-get install fonts-noto-cjk); skipping the screenshots"
  only=(-Dtest='!ScreenshotTest')
fi

# Maven resolves Compose, skiko and the Compose compiler plugin from Maven Central
# once; after a run that resolved this pom, later runs go offline (no update checks).
pom_sum=$(sha256sum tests/compose/pom.xml | cut -c1-16)
resolved="$target/compose-deps-$pom_sum.ok"
offline=()
[ -f "$resolved" ] && offline=(-o)

start=$(date +%s)
rm -rf tests/compose/target/surefire-reports # a skipped class must not count last run's report
(cd tests/compose && mvn -q -B "${offline[@]}" test "${only[@]}" \
  -Dmachi.lib.dir="$target/debug" \
  -Dmachi.generated.dir="$target/bindings/kotlin" \
  -Dmachi.screenshots.dir="$target/screenshots" \
  ${docs:+-Dmachi.docs.screenshots="$docs"})
touch "$resolved"
python3 scripts/surefire_summary.py tests/compose/target/surefire-reports
echo "test-compose: build and tests took $(( $(date +%s) - start )) s; screenshots in $target/screenshots"
