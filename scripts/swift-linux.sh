#!/usr/bin/env bash
# Compiles MachiKit (ios/Sources/MachiKit, the iOS view models) with the
# generated uniffi Swift bindings against the host-built libmachi_ffi.so and
# runs its XCTest suite (tests/swift) with Swift 6.0.3 inside the cached Debian
# trixie root (scripts/trixie-root.sh). Needs scripts/gen-bindings.sh first.
# The sync test serves $MACHI_SYNC_SITE (scripts/test.sh builds it) from a
# static HTTP server on the host; the root shares the host's network.
# When the root cannot be made (no network, no debootstrap) this warns and
# skips, unless MACHI_REQUIRE_DATA=1, when it fails.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
target=${CARGO_TARGET_DIR:-$repo/target}
target=$(mkdir -p "$target" && cd "$target" && pwd)
bindings="$target/bindings/swift"
lib="$target/debug/libmachi_ffi.so"
for f in "$bindings/machi_ffi.swift" "$bindings/machi_ffiFFI.h" "$lib"; do
  [ -f "$f" ] || { echo "swift-linux: $f missing: run scripts/gen-bindings.sh first" >&2; exit 1; }
done

if ! "$repo/scripts/trixie-root.sh" setup >/dev/null; then
  if [ "${MACHI_REQUIRE_DATA:-}" = 1 ]; then
    echo "swift-linux: the trixie root could not be made (MACHI_REQUIRE_DATA=1)" >&2
    exit 1
  fi
  echo "warning: swift-linux: no trixie root (needs debootstrap and network once); MachiKit tests skipped"
  exit 0
fi

# The files the iOS build gets from build-xcframework.sh, staged for SwiftPM:
# the bindings' Swift source inside MachiKit, the C header with a Linux module
# map (no Darwin; links libmachi_ffi) as a system-library target. Copied only
# when changed, so an unchanged tree is not rebuilt.
ffi="$repo/tests/swift/Generated/machi_ffiFFI"
mkdir -p "$ffi" "$repo/ios/Sources/MachiKit/Generated"
stage() { cmp -s "$1" "$2" || cp "$1" "$2"; }
modulemap=$(mktemp)
cat >"$modulemap" <<'MAP'
module machi_ffiFFI {
    header "machi_ffiFFI.h"
    link "machi_ffi"
    export *
}
MAP
stage "$modulemap" "$ffi/module.modulemap"
rm -f "$modulemap"
stage "$bindings/machi_ffiFFI.h" "$ffi/machi_ffiFFI.h"
stage "$bindings/machi_ffi.swift" "$repo/ios/Sources/MachiKit/Generated/machi_ffi.swift"

env=(LANG=C.UTF-8)
server_pid=
if [ -n "${MACHI_SYNC_SITE:-}" ] && [ -n "${MACHI_SYNC_PUBKEY:-}" ]; then
  port_file=$(mktemp)
  python3 - "$MACHI_SYNC_SITE" "$port_file" <<'PY' &
import functools, http.server, sys
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
handler = functools.partial(Quiet, directory=sys.argv[1])
httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
with open(sys.argv[2], "w") as f:
    f.write(str(httpd.server_address[1]))
httpd.serve_forever()
PY
  server_pid=$!
  trap 'kill "$server_pid" 2>/dev/null || true; rm -f "$port_file"' EXIT
  for _ in $(seq 100); do [ -s "$port_file" ] && break; sleep 0.1; done
  [ -s "$port_file" ] || { echo "swift-linux: the pack server did not start" >&2; exit 1; }
  env+=("MACHI_SYNC_URL=http://127.0.0.1:$(cat "$port_file")/" "MACHI_SYNC_PUBKEY=$MACHI_SYNC_PUBKEY")
else
  echo "warning: swift-linux: MACHI_SYNC_SITE/MACHI_SYNC_PUBKEY not set (scripts/test.sh sets them); the sync test skips"
fi

# --unresolved-symbols=ignore-in-shared-libs: Debian's swiftlang 6.0.3 ships
# XCTest linked against libswiftObservation symbols it does not provide.
"$repo/scripts/trixie-root.sh" run "$repo" "$target" -- env "${env[@]}" sh -c '
  cd "$1/tests/swift" && swift test --scratch-path "$2/swift-build" \
    -Xlinker -L"$2/debug" -Xlinker -rpath -Xlinker "$2/debug" \
    -Xlinker --unresolved-symbols=ignore-in-shared-libs
' sh "$repo" "$target" 2>&1
