#!/usr/bin/env bash
# Builds the core for iOS devices and simulators and packs it as an XCFramework,
# then generates the Swift bindings from the host's *unstripped* debug library
# (stripping removes the metadata uniffi-bindgen reads). Needs macOS with Xcode
# and: rustup target add aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
out="$here/build"
cd "$root"

for t in aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios; do
  cargo build --locked --release -p machi-bindings --target "$t"
done

# Swift bindings + C header + module map from the host build.
cargo build --locked -p machi-bindings -p uniffi-bindgen
host_lib=$(ls "$target"/debug/libmachi_ffi.{dylib,so} 2>/dev/null | head -n1)
rm -rf "$out" && mkdir -p "$out/headers" "$out/sim"
"$target/debug/uniffi-bindgen" generate --library "$host_lib" --language swift --out-dir "$out/swift"
cp "$out/swift/machi_ffiFFI.h" "$out/headers/"
# An XCFramework's module map must be called module.modulemap.
cp "$out/swift/machi_ffiFFI.modulemap" "$out/headers/module.modulemap"
mkdir -p "$here/Sources/MachiKit/Generated"
cp "$out/swift/machi_ffi.swift" "$here/Sources/MachiKit/Generated/"

# One simulator slice holding both simulator architectures.
lipo -create \
  "$target/aarch64-apple-ios-sim/release/libmachi_ffi.a" \
  "$target/x86_64-apple-ios/release/libmachi_ffi.a" \
  -output "$out/sim/libmachi_ffi.a"

xcodebuild -create-xcframework \
  -library "$target/aarch64-apple-ios/release/libmachi_ffi.a" -headers "$out/headers" \
  -library "$out/sim/libmachi_ffi.a" -headers "$out/headers" \
  -output "$out/MachiFFI.xcframework"
echo "ios: $out/MachiFFI.xcframework and Sources/MachiKit/Generated/machi_ffi.swift ready"
