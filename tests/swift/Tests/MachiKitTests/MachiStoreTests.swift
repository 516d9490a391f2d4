import Foundation
import XCTest

@testable import MachiKit

/// The app and the Notification Service Extension are separate processes
/// that each open machi; these tests open it twice on one container, as
/// they do, and check that a push stored by the extension reaches the app
/// and that the extension speaks the language chosen in the app.
@MainActor
final class MachiStoreTests: XCTestCase {
    private var suites: [String] = []

    override func tearDown() async throws {
        for suite in suites { UserDefaults.standard.removePersistentDomain(forName: suite) }
    }

    /// One container and one settings suite, opened as each target opens it.
    private func target(_ container: URL, suite: String) throws -> MachiStore {
        MachiStore(container: container, defaults: try XCTUnwrap(UserDefaults(suiteName: suite)))
    }

    func testThePushTheExtensionStoresReachesTheAppInTheChosenLanguage() async throws {
        let container = try Fixture.tempDir()
        let suite = "machikit-test-\(UUID().uuidString)"
        suites.append(suite)
        let app = try target(container, suite: suite).open(publisherKey: nil, deviceLocales: ["en-US"])
        let settings = SettingsModel(repo: app, packURL: nil)
        await settings.chooseLanguage("zh-Hant")
        XCTAssertEqual(app.store?.language, "zh-Hant", "the choice is saved in the shared settings")
        let alerts = AlertsModel(repo: app)
        await alerts.refresh()
        let before = alerts.notices.map(\.id)

        // The extension: its own open, the same store and language.
        let ext = try target(container, suite: suite).open(publisherKey: nil, deviceLocales: ["en-US"])
        XCTAssertEqual(ext.store?.directory, app.store?.directory)
        XCTAssertEqual(ext.machi.locale().lang, "zh-Hant")
        let push: [AnyHashable: Any] = [
            "machi_notice_xml": try Fixture.cap("cap-evacuation-order.xml"),
            "machi_notice_name": "push-1",
            "aps": ["mutable-content": 1],
        ]
        let notice = try XCTUnwrap(try ext.storePush(userInfo: push))
        XCTAssertTrue(notice.title.contains("避難") || notice.title.contains("撤離"), "banner in zh-Hant: \(notice.title)")
        XCTAssertFalse(notice.readAloud.isEmpty)

        // The app reads the same database.
        await alerts.refresh()
        XCTAssertFalse(before.contains(notice.id))
        XCTAssertEqual(alerts.notices.map(\.id), [notice.id] + before, "the pushed notice, newest first")
        XCTAssertTrue(FileManager.default.fileExists(atPath: container.appendingPathComponent("machi/machi.sqlite3").path))

        // Following the device again clears the shared setting.
        await settings.chooseLanguage(nil)
        XCTAssertNil(try target(container, suite: suite).language)
    }

    func testAPushWithoutANoticeThrowsAndARejectedOneShowsNothing() async throws {
        let repo = try target(try Fixture.tempDir(), suite: "machikit-test-\(UUID().uuidString)").open(publisherKey: nil)
        XCTAssertThrowsError(try repo.storePush(userInfo: ["title": "hello", 7: "not a key"])) { error in
            guard case MachiError.InvalidInput = error else { return XCTFail("expected InvalidInput, got \(error)") }
        }
        let hostile: [AnyHashable: Any] = ["machi_notice_xml": try Fixture.cap("cap-hostile-entity.xml"), "machi_notice_name": "xxe"]
        XCTAssertNil(try repo.storePush(userInfo: hostile))
    }

    func testEveryTargetGetsTheSameAppGroupStore() async throws {
        let one = try MachiStore.shared()
        let other = try MachiStore.shared()
        XCTAssertEqual(one.directory, other.directory)
        XCTAssertEqual(MachiStore.appGroup, "group.town.machi")
        XCTAssertTrue(one.directory.path.contains("group.town.machi"), one.directory.path)
        XCTAssertEqual(one.directory.lastPathComponent, "machi")
    }
}
