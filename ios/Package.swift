// swift-tools-version:5.9
// machi for iOS: `MachiKit` is the generated uniffi bindings plus the view
// models (no UIKit/SwiftUI inside); the SwiftUI app (App/) and the Notification
// Service Extension (NotificationService/) are Xcode targets that depend on it.
// Build the XCFramework first: ./build-xcframework.sh (needs Xcode).
import PackageDescription

let package = Package(
    name: "Machi",
    platforms: [.iOS(.v16)],
    products: [
        .library(name: "MachiKit", targets: ["MachiKit"]),
    ],
    targets: [
        // libmachi_ffi.a for device + simulator, with the C header and module map.
        .binaryTarget(name: "MachiFFI", path: "build/MachiFFI.xcframework"),
        // Sources/MachiKit/Generated/machi_ffi.swift is written by build-xcframework.sh.
        .target(name: "MachiKit", dependencies: ["MachiFFI"], path: "Sources/MachiKit"),
    ]
)
