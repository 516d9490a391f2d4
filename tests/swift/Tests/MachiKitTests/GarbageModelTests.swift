import XCTest

@testable import MachiKit

@MainActor
final class GarbageModelTests: XCTestCase {
    func testTypingSuggestsAndSortingAnswersWithTheNextDay() async throws {
        let model = GarbageModel(repo: try Fixture.repo(), today: { "2026-12-03" })
        await model.load()
        XCTAssertEqual(model.area, "高萩地区")
        await model.typing("umb")
        XCTAssertEqual(model.suggestions.first?.itemJa, "傘")
        model.area = "松岡地区"
        await model.sort("우산")
        let first = try XCTUnwrap(model.result?.matches.first)
        XCTAssertEqual(first.category.text, "Non-burnable waste")
        XCTAssertEqual(first.nextCollection, "2026-12-23")
        let area = try XCTUnwrap(model.areas.first { $0.id == "松岡地区" }).name.text
        XCTAssertEqual(model.collectionText(first)?.plain, "Next collection in \(area): Wed, Dec 23")
        XCTAssertNil(model.noneText)
        XCTAssertTrue(model.suggestions.isEmpty)
        // The text of the answered lookup, typed (a tapped suggestion) after it: no list again.
        await model.typing("우산")
        XCTAssertTrue(model.suggestions.isEmpty)
        await model.typing("umb")
        XCTAssertFalse(model.suggestions.isEmpty, "new typing suggests again")
        await model.sort("   ")
        XCTAssertNil(model.result)
        XCTAssertNotNil(model.failure)
    }

    func testTheDrillsOpenSheltersComeFirst() async throws {
        let repo = try Fixture.repo()
        guard case .success(let shelters) = await repo.call({ try $0.sheltersNear(near: Fixture.station, hazards: [], limit: 6) }) else {
            return XCTFail("shelters")
        }
        let open = shelters.prefix { $0.status == .open }
        XCTAssertEqual(open.count, 4)
        XCTAssertTrue(open.allSatisfy { $0.statusSince?.hasPrefix("2026-11-20T07:") == true })
        XCTAssertTrue(shelters.dropFirst(4).allSatisfy { $0.status == .unknown && $0.statusSince == nil })
    }

    func testNothingFoundSaysSoWithTheQuery() async throws {
        let model = GarbageModel(repo: try Fixture.repo(), today: { "2026-12-03" })
        await model.load()
        await model.sort("qqqqzzzzxxxx")
        XCTAssertEqual(model.result?.matches.isEmpty, true)
        XCTAssertEqual(model.noneText?.plain, "Nothing found for “qqqqzzzzxxxx”. Try another name, or ask the town.")
    }
}
