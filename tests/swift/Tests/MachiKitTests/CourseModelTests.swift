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

    func testATransitCourseShowsARideWithItsLineAndFare() async throws {
        let repo = try Fixture.repo()
        let model = CourseModel(repo: repo)
        model.date = "2026-11-22"
        model.hours = 4
        model.mode = .transit
        model.taxiBudgetYen = 5000
        model.toggleInterest("nature")
        model.toggleInterest("autumn-leaves")
        XCTAssertTrue(model.offersAccess)
        XCTAssertEqual(model.request.taxiBudgetYen, 5000)
        XCTAssertFalse(model.request.bicycle)
        await model.suggest()
        XCTAssertNil(model.error)
        let ids = model.stops.map(\.spotId)
        XCTAssertTrue(ids.contains("hananuki-gorge") || ids.contains("shiomi-falls-bridge"), "\(ids)")
        let legs = try XCTUnwrap(model.course).main.days.flatMap(\.legs)
        let ride = try XCTUnwrap(
            legs.flatMap(\.rides).first { !$0.line.isEmpty && !$0.departLabel.isEmpty && ($0.fareYen ?? 0) > 0 },
            legs.map(\.description).joined(separator: " | ")
        )
        let fare = try XCTUnwrap(ride.fareYen)
        // The screen's texts for the ride: its times and stops, and its fare in the reader's language.
        let label = model.rideLabel(ride).plain
        XCTAssertTrue(label.contains(ride.fromStop) && label.contains(ride.toStop) && label.contains(ride.departLabel), label)
        // Fluent groups thousands ("¥5,000").
        XCTAssertTrue(model.yen(fare).plain.replacingOccurrences(of: ",", with: "").contains("\(fare)"), model.yen(fare).plain)
        let plan = try XCTUnwrap(model.course).main
        XCTAssertLessThanOrEqual(plan.longestWalkMinutes, 20)
        XCTAssertLessThanOrEqual(plan.taxiYen, 5000)
        let costs = try XCTUnwrap(model.costsLabel)
        XCTAssertTrue(costs.plain.contains(model.yen(plan.transitYen).plain), costs.plain)
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
