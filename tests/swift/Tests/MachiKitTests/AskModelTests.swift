import XCTest

@testable import MachiKit

@MainActor
final class AskModelTests: XCTestCase {
    func testSuggestAskAndRateOnce() async throws {
        let repo = try Fixture.repo()
        let model = AskModel(repo: repo)
        await model.typing("bulky")
        XCTAssertFalse(model.suggestions.isEmpty, "typing offers questions")

        await model.ask("How do I put out bulky waste?")
        XCTAssertTrue(model.suggestions.isEmpty, "asking clears the suggestions")
        XCTAssertEqual(model.items.count, 2)
        guard case .question(_, let text) = model.items[0] else { return XCTFail("\(model.items[0])") }
        XCTAssertEqual(text, "How do I put out bulky waste?")
        guard case .reply(let id, _, let reply, false) = model.items[1] else { return XCTFail("\(model.items[1])") }
        XCTAssertEqual(reply.kind, .answer)
        XCTAssertEqual(reply.answers.first?.id, "garbage-bulky")

        await model.rate(id, helpful: true)
        guard case .reply(_, _, _, true) = model.items[1] else { return XCTFail("not marked rated") }
        XCTAssertEqual(model.thanks, repo.text("ui-ask-thanks"))
        XCTAssertEqual(Set(model.items.map(\.id)).count, model.items.count, "ids are unique")
    }

    func testAMenuAnswerOffersChoicesThatLeadToAnswers() async throws {
        let repo = try Fixture.repo()
        let model = AskModel(repo: repo)
        await model.ask("I need a certificate.")
        guard case .reply(_, _, let reply, _) = try XCTUnwrap(model.items.last) else {
            return XCTFail("\(model.items)")
        }
        XCTAssertEqual(reply.kind, .clarify, "\(reply)")
        XCTAssertEqual(reply.answers.first?.id, "menu-certificates")
        let linked = try XCTUnwrap(reply.choices.first { $0.entryId != nil }, "a choice linked to an entry")

        await model.choose(linked)
        guard case .question(_, let label) = model.items[model.items.count - 2],
              case .reply(let id, _, let answer, false) = model.items[model.items.count - 1] else {
            return XCTFail("\(model.items)")
        }
        XCTAssertEqual(label, linked.label)
        XCTAssertEqual(answer.kind, .answer)
        XCTAssertEqual(answer.answers.map(\.id), [linked.entryId])

        // Voting on the chosen answer is feedback for that entry.
        await model.rate(id, helpful: false)
        XCTAssertEqual(model.thanks, repo.text("ui-ask-thanks"))
    }

    func testAnEmptyQuestionIsAnInvalidInputBubble() async throws {
        let repo = try Fixture.repo()
        XCTAssertThrowsError(try repo.machi.ask(question: "   ")) { error in
            guard case MachiError.InvalidInput = error else { return XCTFail("expected InvalidInput, got \(error)") }
        }
        let model = AskModel(repo: repo)
        await model.ask("   ")
        guard case .failure(_, let message) = try XCTUnwrap(model.items.last) else {
            return XCTFail("\(model.items)")
        }
        XCTAssertEqual(message, repo.text("error-invalid-input"))
    }

    func testAnAnswerAboutAProcedureCarriesItsCardAndAMenuDoesNot() async throws {
        let repo = try Fixture.repo()
        let model = AskModel(repo: repo)
        await model.ask("Our baby was born. How do we register the birth?")
        guard case .reply(let id, _, let reply, _) = try XCTUnwrap(model.items.last) else {
            return XCTFail("\(model.items)")
        }
        XCTAssertEqual(reply.answers.first?.id, "birth-registration")
        let card = try XCTUnwrap(model.cards[id], "the procedure card under the answer")
        XCTAssertEqual(card.procedure.id, "birth-registration")
        XCTAssertEqual(card.procedure.deadline.days, 14)
        XCTAssertEqual(card.rows.first { $0.id == "where" }?.lines.first?.plain, "Citizens Division counter")

        await model.ask("I need a certificate.")
        guard case .reply(let menuId, _, let menu, _) = try XCTUnwrap(model.items.last) else {
            return XCTFail("\(model.items)")
        }
        XCTAssertEqual(menu.kind, .clarify)
        XCTAssertNil(model.cards[menuId], "no card under a menu")

        let linked = try XCTUnwrap(menu.choices.first { $0.entryId != nil })
        await model.choose(linked)
        let chosen = try XCTUnwrap(model.items.last).id
        let expected = try repo.machi.procedureForFaq(faqId: try XCTUnwrap(linked.entryId))
        XCTAssertEqual(model.cards[chosen]?.procedure, expected, "a chosen entry brings its card too")
        XCTAssertNotNil(expected)
    }
}
