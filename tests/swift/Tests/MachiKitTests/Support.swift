import Foundation
import XCTest

@testable import MachiKit

/// Shared setup for the MachiKit tests: a fresh data directory per test,
/// the repository's CAP fixtures, and waiting for listener hops.
enum Fixture {
    /// The repository checkout (this file is tests/swift/Tests/MachiKitTests/Support.swift).
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Takahagi station, where the sample town's courses start.
    static let station = GeoPoint(lat: 36.7191, lon: 140.7107)

    /// A new empty directory under the system's temporary folder.
    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("machikit-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// machi opened on an empty data dir (the embedded town), English UI unless told.
    static func repo(language: String? = nil, publisherKey: String? = nil, dir: URL? = nil) throws -> MachiRepository {
        let config = MachiConfig(deviceLocales: ["en-US"], languageOverride: language, publisherKey: publisherKey, inMemory: false)
        return MachiRepository(machi: try Machi.open(dataDir: (try dir ?? tempDir()).path, config: config))
    }

    /// A CAP document from tests/python/fixtures, as text.
    static func cap(_ name: String) throws -> String {
        let url = repoRoot.appendingPathComponent("tests/python/fixtures/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }
}

/// Waits (yielding to the main actor, where the models' listener hops land)
/// until `condition` holds; false after `seconds`.
@MainActor
func eventually(seconds: Double = 10, _ condition: () -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while !condition() {
        if Date() > deadline { return false }
        try? await Task.sleep(nanoseconds: 10_000_000)
    }
    return true
}
