// swift-tools-version:5.9
// MachiKit on Linux: the same view-model sources as the iOS package
// (MachiKit is a symlink to ios/Sources/MachiKit), compiled with the uniffi
// Swift bindings against the host-built libmachi_ffi.so, and an XCTest suite
// over the real library. scripts/swift-linux.sh stages the generated files
// (Generated/machi_ffiFFI: C header + module map;
// ios/Sources/MachiKit/Generated/machi_ffi.swift, as build-xcframework.sh does
// for iOS) and runs `swift test` inside the Debian trixie root.
import PackageDescription

let package = Package(
    name: "MachiKitLinux",
    targets: [
        // The C side of the bindings; its module map links libmachi_ffi.
        .systemLibrary(name: "machi_ffiFFI", path: "Generated/machi_ffiFFI"),
        .target(name: "MachiKit", dependencies: ["machi_ffiFFI"], path: "MachiKit"),
        .testTarget(name: "MachiKitTests", dependencies: ["MachiKit"], path: "Tests/MachiKitTests"),
    ]
)
