import XCTest

@testable import MachiKit

@MainActor
final class AlertsModelTests: XCTestCase {
    private func payload(_ file: String, name: String) throws -> [String: String] {
        ["machi_notice_xml": try Fixture.cap(file), "machi_notice_name": name]
    }

    func testAPushPayloadReachesTheModelThroughTheListenerAndOpens() async throws {
        let repo = try Fixture.repo()
        let model = AlertsModel(repo: repo)
        await model.refresh()
        XCTAssertNil(model.error)
        let data = try payload("cap-evacuation-order.xml", name: "push-1")
        // The push arrives off the main actor, as from a push handler's thread.
        let outcome = try await Task.detached { try repo.machi.ingestPushPayload(data: data) }.value
        guard case .stored(let id) = outcome else { return XCTFail("\(outcome)") }

        let arrived = await eventually { model.incoming?.id == id }
        XCTAssertTrue(arrived, "the listener hop reached the model")
        XCTAssertEqual(model.notices.filter { $0.id == id }.count, 1)
        XCTAssertEqual(model.notices.first?.id, id, "newest first")
        let incoming = try XCTUnwrap(model.incoming)
        XCTAssertEqual(incoming.level, 4)
        XCTAssertTrue(incoming.active)
        XCTAssertFalse(incoming.read)
        XCTAssertTrue(incoming.title.contains("Evacuation order"), incoming.title)

        model.position = Fixture.station
        await model.open(id)
        XCTAssertNil(model.error)
        let detail = try XCTUnwrap(model.detail)
        XCTAssertEqual(detail.notice.id, id)
        XCTAssertTrue((1...3).contains(detail.shelters.count), "\(detail.shelters.count) shelters")
        XCTAssertNil(model.incoming, "opening dismisses the banner")
        XCTAssertEqual(model.notices.first { $0.id == id }?.read, true, "refreshed after marking read")
    }

    func testAForgedUnsignedCancelIsListedUnverifiedAndTheVerifiedOrderStays() async throws {
        let repo = try Fixture.repo()
        let model = AlertsModel(repo: repo)
        await model.refresh()
        let order = try XCTUnwrap(model.notices.first { $0.level == 4 }, "the sample Level-4 order")
        XCTAssertEqual(order.verification, "verified")
        XCTAssertTrue(order.verificationLabel.hasPrefix("Verified"), order.verificationLabel)
        XCTAssertTrue(order.alert)
        // Through the same path as the Notification Service Extension.
        let stored = try repo.storePush(userInfo: try payload("cap-forged-cancel.xml", name: "forged"))
        let forged = try XCTUnwrap(stored)
        XCTAssertEqual(forged.verification, "unverified")
        XCTAssertNotNil(forged.refusedLabel)
        XCTAssertFalse(forged.alert, "an unverified notice never breaks through")
        XCTAssertTrue(forged.readAloud.hasPrefix("Unverified"), forged.readAloud)
        await model.refresh()
        XCTAssertEqual(model.notices.first { $0.id == order.id }, order, "still active and unchanged")
        XCTAssertTrue(model.notices.contains { $0.id == forged.id })
    }

    func testAWithdrawalArrivesAndTheWithdrawnNoticeStaysListedAndQuiet() async throws {
        let repo = try Fixture.repo()
        let model = AlertsModel(repo: repo)
        guard case .stored(let id) = try repo.machi.ingestPushPayload(data: try payload("cap-evacuation-order.xml", name: "push-1")) else {
            return XCTFail("not stored")
        }
        let arrived = await eventually { model.notices.first?.id == id }
        XCTAssertTrue(arrived)
        let order = try XCTUnwrap(model.incoming)
        XCTAssertEqual(order.verification, "unverified", "a bare push is not signed")
        XCTAssertEqual(noticeUrgency(notice: order), .quiet, "an unverified order may not sound")

        _ = try repo.machi.ingestPushPayload(data: try payload("cap-evacuation-cancel.xml", name: "push-2"))
        let withdrawn = await eventually { model.notices.first { $0.id == id }?.active == false }
        XCTAssertTrue(withdrawn, "the withdrawal reached the list through the listener")
        let listed = try XCTUnwrap(model.notices.first { $0.id == id }, "a withdrawn notice stays listed")
        XCTAssertNotNil(listed.stateLabel, "marked withdrawn")
        XCTAssertEqual(noticeUrgency(notice: listed), .quiet)
        let shown = model.notices.map(\.id)
        await model.refresh()
        XCTAssertEqual(model.notices.map(\.id), shown, "the listener's list is the core's list")
    }

    func testTheSameNoticeTwiceIsStoredOnceAndListedOnce() async throws {
        let repo = try Fixture.repo()
        let model = AlertsModel(repo: repo)
        let data = try payload("cap-evacuation-order.xml", name: "push-1")
        let first = try repo.machi.ingestPushPayload(data: data)
        let again = try repo.machi.ingestPushPayload(data: data)
        guard case .stored(let id) = first else { return XCTFail("\(first)") }
        XCTAssertEqual(again, .duplicate(id: id))
        let arrived = await eventually { model.incoming?.id == id }
        XCTAssertTrue(arrived)
        await model.refresh()
        XCTAssertEqual(model.notices.filter { $0.id == id }.count, 1)
    }

    func testAPushWithoutANoticeIsInvalidInputAndAnUnknownNoticeNotFound() async throws {
        let repo = try Fixture.repo()
        XCTAssertThrowsError(try repo.machi.ingestPushPayload(data: ["title": "hello"])) { error in
            guard case MachiError.InvalidInput = error else { return XCTFail("expected InvalidInput, got \(error)") }
        }
        let model = AlertsModel(repo: repo)
        await model.open(987_654)
        XCTAssertNil(model.detail)
        XCTAssertEqual(model.error, repo.text("error-not-found"))
    }

    func testTheDrillsOrderListsItsOpenSheltersFirstWithTheirStatus() async throws {
        let repo = try Fixture.repo()
        let model = AlertsModel(repo: repo, today: { "2026-11-20" })
        model.position = Fixture.station
        await model.refresh()
        let order = try XCTUnwrap(model.notices.first { $0.level == 4 && $0.verification == "verified" }, "the drill's order")
        await model.open(order.id)
        let shelters = try XCTUnwrap(model.detail).shelters.map(\.shelter)
        XCTAssertFalse(shelters.isEmpty)
        XCTAssertTrue(shelters.allSatisfy { $0.status == .open }, "\(shelters.map(\.status))")
        XCTAssertEqual(shelters.first?.statusSince, "2026-11-20T07:30:00+09:00")
        XCTAssertEqual(model.statusText(shelters[0]).plain, "Open since 7:30 AM", "the town's own clock, no day on the day")

        // Another day: the day is said too; a shelter no notice names is unknown.
        let later = AlertsModel(repo: repo, today: { "2026-12-03" })
        XCTAssertEqual(later.statusText(shelters[0]).plain, "Open since Fri, Nov 20 7:30 AM")
        guard case .success(let near) = await repo.call({ try $0.sheltersNear(near: Fixture.station, hazards: [], limit: 6) }) else {
            return XCTFail("shelters")
        }
        let unknown = try XCTUnwrap(near.first { $0.status == .unknown })
        XCTAssertEqual(later.statusText(unknown), repo.text("shelter-status-unknown"))
        XCTAssertEqual(later.statusText(unknown).plain, "Status unknown")

        let ja = AlertsModel(repo: try Fixture.repo(language: "ja"), today: { "2026-11-20" })
        XCTAssertEqual(ja.statusText(shelters[0]).plain, "7:30から開設")
    }
}
