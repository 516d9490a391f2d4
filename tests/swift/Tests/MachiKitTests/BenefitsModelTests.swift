import XCTest

@testable import MachiKit

@MainActor
final class BenefitsModelTests: XCTestCase {
    func testTheQuestionnaireHasEveryKindOfQuestion() async throws {
        let model = BenefitsModel(repo: try Fixture.repo())
        await model.load()
        XCTAssertNil(model.failure)
        let kinds = Dictionary(model.questions.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(kinds["child_ages"], "numbers")
        XCTAssertEqual(kinds["household"], "choice")
        XCTAssertEqual(kinds["age"], "number")
        XCTAssertEqual(kinds["pregnant"], "yes-no")
        XCTAssertEqual(kinds["moved_in"], "date")
        XCTAssertTrue(model.questions.first { $0.id == "household" }?.options.contains { $0.id == "single-parent" } ?? false)
        XCTAssertEqual(model.privacyNote.plain, "Your answers stay on this device.")
    }

    func testAChildOf1And4InASingleParentHouseholdIsLikelyEligibleWithReasons() async throws {
        let repo = try Fixture.repo()
        let model = BenefitsModel(repo: repo, today: { "2026-12-03" })
        await model.load()
        model.answer("child_ages", "1, 4")
        model.answer("household", "single-parent")
        await model.evaluate()
        XCTAssertNil(model.failure)
        let results = try XCTUnwrap(model.results)
        let likely = results.filter(\.likely)
        XCTAssertEqual(Set(likely.map(\.id)),
                       ["child-allowance", "maru-fuku", "nursery", "infant-health", "child-support-allowance"])
        let support = try XCTUnwrap(likely.first { $0.id == "child-support-allowance" })
        XCTAssertEqual(support.eligibility.plain, "Likely eligible")
        XCTAssertEqual(support.because?.plain, "Because: a single-parent household and a child under 18")
        XCTAssertEqual(likely.first { $0.id == "infant-health" }?.because?.plain, "Because: a child under 3")
        XCTAssertEqual(support.benefit.procedureId, "child-support-allowance")
        XCTAssertTrue(support.apply.plain.hasPrefix("Apply: "), support.apply.plain)

        // Those that hang on unanswered questions say which, in words.
        let prenatal = try XCTUnwrap(results.first { $0.id == "prenatal-checkups" })
        XCTAssertFalse(prenatal.likely)
        let pregnant = try XCTUnwrap(model.questions.first { $0.id == "pregnant" })
        XCTAssertEqual(prenatal.eligibility, repo.text("benefits-maybe", ["questions": pregnant.text.text]))
        XCTAssertNil(prenatal.because)

        await model.openProcedure(support)
        XCTAssertEqual(model.card?.procedure.id, "child-support-allowance")

        // Answering "no" to a question that is still open settles it.
        model.answer("pregnant", yes: false)
        XCTAssertNil(model.results, "a changed answer clears the old results")
        await model.evaluate()
        XCTAssertNil(model.results?.first { $0.id == "prenatal-checkups" })

        model.reset()
        XCTAssertTrue(model.answers.isEmpty)
        XCTAssertNil(model.results)
        XCTAssertNil(model.card)
    }

    func testABadNumberFailsWithTheInvalidInputTextAndNamesTheQuestion() async throws {
        let repo = try Fixture.repo()
        let model = BenefitsModel(repo: repo, today: { "2026-12-03" })
        await model.load()
        model.answer("household", "single-parent")
        model.answer("child_ages", "1, x")
        await model.evaluate()
        XCTAssertNil(model.results)
        XCTAssertEqual(model.failure, repo.text("error-invalid-input"))
        XCTAssertEqual(model.failure?.plain, "This input is not valid. Please check it and try again.")
        XCTAssertEqual(model.invalidQuestion, "child_ages")

        // Out of range is refused too; fixing the field clears the mark.
        model.answer("child_ages", "1")
        XCTAssertNil(model.invalidQuestion)
        XCTAssertNil(model.failure)
        model.answer("age", "200")
        await model.evaluate()
        XCTAssertEqual(model.invalidQuestion, "age")
        model.skip("age")
        await model.evaluate()
        XCTAssertNil(model.failure)
        XCTAssertEqual(model.results?.contains { $0.id == "child-allowance" && $0.likely }, true)
    }

    func testEasyJapaneseReasonsKeepTheirFurigana() async throws {
        let model = BenefitsModel(repo: try Fixture.repo(language: "ja-yasasii"), today: { "2026-12-03" })
        await model.load()
        model.answer("child_ages", "1")
        await model.evaluate()
        let because = try XCTUnwrap(model.results?.first { $0.id == "infant-health" }?.because)
        XCTAssertEqual(because.plain, "わけ：3歳より下の子どもがいる")
        XCTAssertTrue(because.hasRuby, "the reason's readings reach the message's segments")
        XCTAssertTrue(because.segments.contains { $0.base == "歳" && $0.ruby == "さい" }, "\(because.segments)")
    }
}
