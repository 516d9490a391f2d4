import XCTest

@testable import MachiKit

@MainActor
final class ProceduresModelTests: XCTestCase {
    /// The values `machi procedures --event birth --date 2026-12-01 --json` gives.
    private let birthDue: [(String, String?)] = [
        ("birth-registration", "2026-12-14"),
        ("nhi-join", "2026-12-15"),
        ("child-allowance", "2026-12-16"),
        ("baby-visit", "2026-12-28"),
        ("child-medical-welfare", nil),
        ("birth-lump-sum", nil),
        ("child-vaccinations", nil),
    ]

    func testABirthChecklistHasItsDueDatesAndOverdueAsOfToday() async throws {
        let repo = try Fixture.repo()
        let model = ProceduresModel(repo: repo, today: { "2026-12-15" })
        XCTAssertEqual(model.eventDate, "2026-12-15", "the picker starts on today")
        await model.load()
        XCTAssertNil(model.failure)
        XCTAssertTrue(model.events.contains { $0.id == "birth" }, "\(model.events.map(\.id))")
        XCTAssertTrue(model.started.isEmpty)

        model.selectedEvent = "birth"
        model.eventDate = "2026-12-01"
        await model.start()
        let c = try XCTUnwrap(model.checklist)
        XCTAssertEqual(c.event.id, "birth")
        XCTAssertEqual(c.items.map(\.procedure.id), birthDue.map(\.0))
        XCTAssertEqual(c.items.map(\.due), birthDue.map(\.1))
        XCTAssertEqual(c.items[0].dueText, "Due Mon, Dec 14, 2026")
        XCTAssertEqual(c.items.map(\.overdue), [true, false, false, false, false, false, false],
                       "only what was due before the 15th")
        XCTAssertEqual(c.progressText, "0 of 7 done")
        XCTAssertEqual(model.overdueLabel.plain, "overdue")

        XCTAssertEqual(model.started.map(\.id), ["birth|2026-12-01"])
        XCTAssertEqual(model.started[0].label.plain, "A baby is born, Tue, Dec 1, 2026", "the row names event and day")
        XCTAssertEqual(model.toggleLabel(c.items[0]).plain, "Mark “Birth registration” as done")
    }

    func testATickIsStoredOnThePhoneAndSeenByANewModelOnTheSameStore() async throws {
        let dir = try Fixture.tempDir()
        do {
            let model = ProceduresModel(repo: try Fixture.repo(dir: dir), today: { "2026-12-15" })
            await model.load()
            model.selectedEvent = "birth"
            model.eventDate = "2026-12-01"
            await model.start()
            await model.setDone("birth-registration", true)
            let c = try XCTUnwrap(model.checklist)
            XCTAssertTrue(c.items[0].done)
            XCTAssertFalse(c.items[0].overdue, "done is never overdue")
            XCTAssertEqual(c.progressText, "1 of 7 done")
            XCTAssertEqual(model.toggleLabel(c.items[0]).plain, "Mark “Birth registration” as not done")
        }
        // A new core on the same folder: what the phone keeps after a restart.
        let again = ProceduresModel(repo: try Fixture.repo(dir: dir), today: { "2026-12-15" })
        await again.load()
        let row = try XCTUnwrap(again.started.first)
        XCTAssertEqual(row.eventDate, "2026-12-01")
        await again.open(eventId: row.eventId, eventDate: row.eventDate)
        let c = try XCTUnwrap(again.checklist)
        XCTAssertEqual(c.items.filter(\.done).map(\.procedure.id), ["birth-registration"])
        XCTAssertNotNil(c.items[0].doneAt)

        await again.setDone("birth-registration", false)
        XCTAssertEqual(again.checklist?.items[0].done, false)
        XCTAssertEqual(again.checklist?.items[0].overdue, true, "untick: overdue again")

        await again.remove(row)
        XCTAssertNil(again.checklist, "removing the open checklist closes it")
        XCTAssertTrue(again.started.isEmpty)
    }

    func testAProcedureCardHasItsRowsAndAnUnknownOneFails() async throws {
        let repo = try Fixture.repo()
        let model = ProceduresModel(repo: repo)
        await model.openProcedure("birth-registration")
        let card = try XCTUnwrap(model.card)
        XCTAssertEqual(card.name.plain, "Birth registration")
        XCTAssertEqual(card.rows.first { $0.id == "deadline" }?.lines.first?.plain, "Within 14 days, counting the day of the event (a closed day moves it to the next open day)")
        XCTAssertEqual(card.rows.first { $0.id == "deadline" }?.label, repo.text("procedures-label-deadline"))
        XCTAssertFalse(card.rows.first { $0.id == "bring" }?.lines.isEmpty ?? true, "what to bring")
        XCTAssertNotNil(card.rows.first { $0.id == "where" }, "where and when")
        XCTAssertEqual(card.rows.first { $0.id == "fee" }?.lines.first?.plain, "Free")
        XCTAssertNil(card.onlineURL, "registered at the counter only")
        XCTAssertTrue(card.notes.isEmpty, "\(card.notes)")

        await model.openProcedure("child-allowance")
        XCTAssertEqual(model.card?.onlineURL?.absoluteString, "https://app.oss.myna.go.jp/")
        XCTAssertEqual(model.card?.onlineLabel.plain, "Do it online")
        await model.openProcedure("juminhyo-copy")
        XCTAssertEqual(model.card?.rows.first { $0.id == "fee" }?.lines.first?.plain, "¥300")
        XCTAssertEqual(model.card?.notes, [repo.text("procedures-konbini"), repo.text("procedures-sample")])

        model.card = nil
        await model.openProcedure("no-such-procedure")
        XCTAssertNil(model.card)
        XCTAssertEqual(model.failure, repo.text("error-not-found"))
    }

    func testABadDateFailsAndStartsNothing() async throws {
        let repo = try Fixture.repo()
        let model = ProceduresModel(repo: repo)
        await model.load()
        model.selectedEvent = "birth"
        model.eventDate = "2026-13-01"
        await model.start()
        XCTAssertEqual(model.failure, repo.text("error-invalid-input"))
        XCTAssertNil(model.checklist)
        XCTAssertTrue(model.started.isEmpty)
    }

    func testDatesTimesAndListsFollowTheLanguage() async throws {
        let en = try Fixture.repo()
        XCTAssertEqual(en.date("2026-12-14"), "Mon, Dec 14")
        XCTAssertEqual(en.date("2026-12-01", withYear: true), "Tue, Dec 1, 2026")
        XCTAssertEqual(en.date("2024-02-29"), "Thu, Feb 29")
        XCTAssertEqual(en.time(hour: 14, minute: 5), "2:05 PM")
        XCTAssertEqual(en.time(hour: 0, minute: 30), "12:30 AM")
        XCTAssertEqual(en.list(["a", "b", "c"]), "a, b, and c")
        XCTAssertEqual(en.list(["a", "b"]), "a and b")
        let ja = try Fixture.repo(language: "ja")
        XCTAssertEqual(ja.time(hour: 14, minute: 5), "14:05")
        XCTAssertEqual(en.date("not a date"), "not a date")
    }
}
