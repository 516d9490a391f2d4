import Foundation
import XCTest

@testable import MachiKit

@MainActor
final class SettingsModelTests: XCTestCase {
    func testLanguagesChooseEasyJapaneseThenFollowTheDevice() async throws {
        let repo = try Fixture.repo()
        let model = SettingsModel(repo: repo, packURL: nil)
        XCTAssertFalse(model.canSync)
        await model.refresh()
        XCTAssertEqual(model.locale.lang, "en")
        // The shelter data's terms: the GSI source line is shown with the pack.
        XCTAssertTrue(model.attribution.contains { $0.plain.contains("国土地理院") && $0.plain.contains("gsi.go.jp") }, "\(model.attribution.map(\.plain))")
        XCTAssertTrue(model.attribution.contains { $0.plain.hasPrefix("This sample pack") })
        XCTAssertEqual(Set(model.languages.map(\.tag)), ["ja", "ja-yasasii", "en", "zh-Hans", "zh-Hant", "ko"])
        let english = model.languages.map(\.name)

        await model.chooseLanguage("ja-yasasii")
        XCTAssertNil(model.error)
        XCTAssertEqual(model.locale.lang, "ja-yasasii")
        XCTAssertTrue(model.locale.usesRuby)
        XCTAssertNotEqual(model.languages.map(\.name), english, "names follow the UI language")
        XCTAssertTrue(repo.text("ui-tab-settings").hasRuby || !repo.text("ui-tab-settings").plain.isEmpty)

        await model.chooseLanguage(nil)
        XCTAssertEqual(model.locale.lang, "en")
        XCTAssertNil(model.locale.languageOverride)
    }

    func testPlacesAreAddedAndRemoved() async throws {
        let repo = try Fixture.repo()
        let model = SettingsModel(repo: repo, packURL: nil)
        await model.addPlace(name: "Home", at: Fixture.station)
        XCTAssertEqual(model.places.map(\.name), ["Home"])
        await model.removePlace(try XCTUnwrap(model.places.first).id)
        XCTAssertEqual(model.places, [])
    }

    func testProgressBecomesAFractionAndAPhaseMessage() async throws {
        let repo = try Fixture.repo()
        let model = SettingsModel(repo: repo, packURL: nil)
        model.show(SyncProgress(phase: .download, bytesDone: 250, bytesTotal: 1000, itemsDone: 0, itemsTotal: 0))
        XCTAssertEqual(model.syncFraction, 0.25)
        XCTAssertEqual(model.syncStatus, repo.text("ui-sync-phase-download", ["percent": 25]))
        model.show(SyncProgress(phase: .import, bytesDone: 1000, bytesTotal: 1000, itemsDone: 3, itemsTotal: 4))
        XCTAssertEqual(model.syncFraction, 0.75, "import counts items, not bytes")
        model.show(SyncProgress(phase: .manifest, bytesDone: 0, bytesTotal: 0, itemsDone: 0, itemsTotal: 0))
        XCTAssertNil(model.syncFraction, "unknown size: an indeterminate bar")
        model.show(SyncProgress(phase: .done, bytesDone: 0, bytesTotal: 0, itemsDone: 0, itemsTotal: 0))
        XCTAssertEqual(model.syncFraction, 1)
        XCTAssertEqual(model.syncStatus, repo.text("ui-sync-phase-done", ["percent": 100]))
    }

    func testSyncWithoutAPinnedKeyIsInvalidInput() async throws {
        let repo = try Fixture.repo()
        let model = SettingsModel(repo: repo, packURL: "http://127.0.0.1:9/")
        await model.syncNow()
        XCTAssertFalse(model.syncRunning)
        XCTAssertEqual(model.error, repo.text("error-invalid-input"))
    }

    /// scripts/swift-linux.sh serves the fixture scripts/test.sh builds.
    private func syncServer() throws -> (url: String, key: String) {
        let env = ProcessInfo.processInfo.environment
        guard let url = env["MACHI_SYNC_URL"], let keyFile = env["MACHI_SYNC_PUBKEY"] else {
            throw XCTSkip("MACHI_SYNC_URL/MACHI_SYNC_PUBKEY not set: run scripts/test.sh")
        }
        let key = try String(contentsOfFile: keyFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        return (url, key)
    }

    func testSyncNowAppliesTheDeltaWithProgressThenIsUpToDate() async throws {
        let server = try syncServer()
        let repo = try Fixture.repo(publisherKey: server.key)
        XCTAssertEqual(try repo.machi.packInfo()?.packVersion, 1)
        let model = SettingsModel(repo: repo, packURL: server.url)
        XCTAssertTrue(model.canSync)
        await model.syncNow()
        XCTAssertNil(model.error)
        XCTAssertFalse(model.syncRunning)
        XCTAssertEqual(model.syncStatus, repo.text("ui-sync-updated"), "no late progress overwrote the outcome")
        XCTAssertEqual(model.syncFraction, 1, "progress reached the model, up to done")
        XCTAssertEqual(try repo.machi.packInfo()?.packVersion, 2)
        XCTAssertEqual(try repo.machi.spot(id: "hananuki-gorge").visitMinutes, 95)

        await model.syncNow()
        XCTAssertNil(model.error)
        XCTAssertEqual(model.syncStatus, repo.text("ui-sync-up-to-date"))
    }

    func testAnUnreachableServerIsOfflineAndContentStillAnswers() async throws {
        let server = try syncServer()
        let repo = try Fixture.repo(publisherKey: server.key)
        let model = SettingsModel(repo: repo, packURL: "http://127.0.0.1:9/")
        await model.syncNow()
        XCTAssertEqual(model.error, repo.text("error-offline"))
        XCTAssertEqual(try repo.machi.packInfo()?.packVersion, 1)
        XCTAssertFalse(try repo.machi.spotTags().isEmpty)
    }
}
