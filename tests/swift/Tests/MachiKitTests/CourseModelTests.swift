import XCTest

@testable import MachiKit

@MainActor
final class CourseModelTests: XCTestCase {
    /// The form of tests/python/test_course.py: Sunday 2026-11-22 from the station.
    private func model(_ repo: MachiRepository) -> CourseModel {
        let model = CourseModel(repo: repo)
        model.date = "2026-11-22"
        model.hours = 4
        model.toggleInterest("nature")
        model.toggleInterest("history")
        return model
    }

    func testTheFormOffersThePacksInterestsNamedAndNoStation() async throws {
        let model = CourseModel(repo: try Fixture.repo())
        await model.refresh()
        XCTAssertNil(model.error)
        XCTAssertTrue(model.offeredInterests.contains { $0.id == "autumn-leaves" && $0.label.plain == "Autumn leaves" }, "\(model.offeredInterests)")
        XCTAssertFalse(model.offeredInterests.contains { $0.id == "station" || $0.id == "parking" })
        XCTAssertNil(model.course, "refresh plans nothing before the first suggestion")
    }

    func testSuggestThenRemoveAndLockReplan() async throws {
        let repo = try Fixture.repo()
        let model = model(repo)
        XCTAssertEqual(model.request.interests, ["history", "nature"])
        await model.suggest()
        XCTAssertNil(model.error)
        XCTAssertFalse(model.loading)
        let first = model.stops.map(\.spotId)
        XCTAssertGreaterThan(first.count, 1, "a four-hour walk visits more than one place")

        await model.remove(first[0])
        XCTAssertEqual(model.removed, [first[0]])
        XCTAssertFalse(model.stops.map(\.spotId).contains(first[0]), "a removed stop is never proposed again")

        let keep = try XCTUnwrap(model.stops.first?.spotId)
        await model.toggleLock(keep)
        XCTAssertEqual(model.locked, [keep])
        XCTAssertTrue(model.stops.map(\.spotId).contains(keep))
        await model.toggleLock(keep)
        XCTAssertEqual(model.locked, [])

        // A new suggestion forgets the edits.
        await model.suggest()
        XCTAssertEqual(model.removed, [])
        XCTAssertEqual(model.stops.map(\.spotId), first)
    }

    func testStopLabelReadsNameAndTimesWithoutMarkup() async throws {
        let repo = try Fixture.repo(language: "ja-yasasii")
        let model = model(repo)
        await model.suggest()
        let stop = try XCTUnwrap(model.stops.first)
        let label = model.accessibilityLabel(stop)
        XCTAssertTrue(label.contains(repo.machi.plainText(text: stop.name)), label)
        let times = [stop.arrivalLabel, stop.leaveLabel].map { repo.machi.plainText(text: $0) }
        XCTAssertTrue(times.allSatisfy { label.contains($0) }, "\(label) has \(times)")
        XCTAssertFalse(label.contains("{") || label.contains("|"), "no ruby markup read aloud: \(label)")
    }

    func testAnInfeasibleRequestIsTheLocalizedReason() async throws {
        let repo = try Fixture.repo()
        let model = model(repo)
        model.hours = 0.5
        model.mustVisit = ["hananuki-gorge"]
        XCTAssertThrowsError(try repo.machi.suggestCourse(request: model.request)) { error in
            guard case MachiError.Infeasible(let reason) = error else {
                return XCTFail("expected Infeasible, got \(error)")
            }
            XCTAssertFalse(reason.isEmpty)
        }
        await model.suggest()
        XCTAssertNil(model.course)
        let message = try XCTUnwrap(model.error)
        XCTAssertFalse(message.plain.isEmpty)
        XCTAssertNotEqual(message, repo.text("error-internal"))
    }
}
