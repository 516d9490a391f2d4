#!/usr/bin/env bash
# Opens the Android app's Compose screens (android/ui) in a desktop window over the
# embedded sample town, so a developer or a town's staff can click through the app
# without a phone. Needs a display (on a headless machine: xvfb-run scripts/preview-app.sh).
#
#   scripts/preview-app.sh                      # the desktop's language
#   scripts/preview-app.sh --lang ja-JP         # any device locale
#   scripts/preview-app.sh --db DIR             # keep the store between runs
#   scripts/preview-app.sh --pack-url URL --key PUBKEY   # try "Update now" against a pack site
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
cd "$root"

cargo build --locked -p machi-bindings
[ -f "$target/bindings/kotlin/uniffi/machi_ffi/machi_ffi.kt" ] || scripts/gen-bindings.sh
cd tests/compose
cp="$target/compose-preview.classpath"
mvn -q -B compile dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=runtime \
  -Dmachi.lib.dir="$target/debug" -Dmachi.generated.dir="$target/bindings/kotlin"
exec java -Djna.library.path="$target/debug" -Dfile.encoding=UTF-8 \
  -cp "target/classes:$(cat "$cp")" town.machi.desktop.PreviewAppKt "$@"
