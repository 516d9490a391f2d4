import XCTest

@testable import MachiKit

@MainActor
final class ExploreModelTests: XCTestCase {
    func testRefreshListsTagsSpotsNearestFirstAndFiltersByTag() async throws {
        let repo = try Fixture.repo()
        let model = ExploreModel(repo: repo)
        model.position = Fixture.station
        await model.refresh()
        XCTAssertNil(model.error)
        XCTAssertFalse(model.tags.isEmpty)
        XCTAssertGreaterThan(model.spots.count, 1)
        let distances = model.spots.compactMap(\.distanceM)
        XCTAssertEqual(distances.count, model.spots.count, "located: every spot has a distance")
        XCTAssertEqual(distances, distances.sorted(), "nearest first")

        XCTAssertTrue(model.tags.contains { $0.id == "autumn-leaves" && $0.label.plain == "Autumn leaves" }, "\(model.tags)")
        let tag = try XCTUnwrap(model.tags.first?.id)
        model.selectedTag = tag
        await model.refresh()
        XCTAssertFalse(model.spots.isEmpty)
        XCTAssertTrue(model.spots.allSatisfy { $0.tags.contains(tag) }, "only spots tagged \(tag)")
    }

    func testOpenShowsTheDetailAndTheRowLabelReadsNameAndDistance() async throws {
        let repo = try Fixture.repo()
        let model = ExploreModel(repo: repo)
        model.position = Fixture.station
        await model.refresh()
        let first = try XCTUnwrap(model.spots.first)
        await model.open(first.id)
        XCTAssertEqual(model.detail?.id, first.id)
        let label = model.accessibilityLabel(first)
        XCTAssertTrue(label.contains(repo.machi.plainText(text: first.name.text)), label)
        XCTAssertTrue(label.contains(repo.machi.formatDistance(metres: try XCTUnwrap(first.distanceM))), label)
        XCTAssertFalse(label.contains("{"), "no ruby markup or Fluent braces: \(label)")
    }

    func testAnUnknownSpotSurfacesAsNotFound() async throws {
        let repo = try Fixture.repo()
        XCTAssertThrowsError(try repo.machi.spot(id: "no-such-spot")) { error in
            guard case MachiError.NotFound = error else { return XCTFail("expected NotFound, got \(error)") }
        }
        let model = ExploreModel(repo: repo)
        await model.open("no-such-spot")
        XCTAssertNil(model.detail)
        XCTAssertEqual(model.error, repo.text("error-not-found"))
        XCTAssertNotEqual(model.error?.plain, "error-not-found", "a real message, not the id")
    }
}
