import Foundation

/// A service the household may receive, with its texts ready for the screen.
public struct BenefitRow: Equatable, Identifiable {
    /// The core's record.
    public let benefit: Benefit
    public let name: UiText
    public let summary: UiText?
    /// `benefits-likely`, or `benefits-maybe` naming the questions that would decide it.
    public let eligibility: UiText
    /// "Because: a child under 3" (`benefits-because`); nil without reasons.
    public let because: UiText?
    /// "Apply: …" (`benefits-apply`), the button to the procedure card.
    public let apply: UiText
    /// `procedures-sample` when the entry is sample data.
    public let sampleNote: UiText?

    public var id: String { benefit.id }
    public var likely: Bool { benefit.eligibility == "likely" }
}

/// The eligibility check (受給可能なサービスの判定): the pack's questionnaire,
/// answered on the phone and evaluated by the core on the phone; answers are
/// never stored or sent. Answers are kept as typed (`yes`, `42`, `1, 4`, an
/// option id, `YYYY-MM-DD`): the core parses and checks them, so both shells
/// and the CLI accept exactly the same input.
@MainActor
public final class BenefitsModel: ObservableObject {
    @Published public private(set) var questions: [Question] = []
    /// The answers given, by question id; a question without one is skipped.
    @Published public private(set) var answers: [String: String] = [:]
    /// The evaluation, nil until asked (or after a change to the answers).
    @Published public private(set) var results: [BenefitRow]?
    /// A failed load or evaluation, e.g. `error-invalid-input` for a badly typed answer.
    @Published public private(set) var failure: UiText?
    /// The question whose answer the core refused (to mark its field).
    @Published public private(set) var invalidQuestion: String?
    /// The procedure card opened from a result's "Apply".
    @Published public var card: ProcedureCard?
    private let repo: MachiRepository
    private let today: () -> String

    /// `today` (`YYYY-MM-DD`) is the day "within a year" and ages are judged on.
    public init(repo: MachiRepository, today: @escaping () -> String = GarbageModel.localToday) {
        self.repo = repo
        self.today = today
    }

    /// The line under the form: answers stay on this device.
    public var privacyNote: UiText { repo.text("benefits-private") }

    /// Shown when no service matched (`benefits-none`).
    public var noneText: UiText { repo.text("benefits-none") }

    /// Loads the questionnaire.
    public func load() async {
        switch await repo.call({ try $0.questionnaire() }) {
        case .success(let q): questions = q; failure = nil
        case .failure(let f): failure = f.message
        }
    }

    /// The answer to `id` as typed (free text for `number`, `numbers`, `date`;
    /// an option id for `choice`). Empty text skips the question.
    public func answer(_ id: String, _ value: String) {
        if value.trimmingCharacters(in: .whitespaces).isEmpty {
            answers[id] = nil
        } else {
            answers[id] = value
        }
        changed(id)
    }

    /// A `yes-no` answer.
    public func answer(_ id: String, yes: Bool) {
        answer(id, yes ? "yes" : "no")
    }

    /// Leaves `id` unanswered; results that depend on it become "may be eligible".
    public func skip(_ id: String) {
        answers[id] = nil
        changed(id)
    }

    private func changed(_ id: String) {
        results = nil
        if invalidQuestion == id {
            invalidQuestion = nil
            failure = nil
        }
    }

    /// Evaluates the answers. A badly typed answer fails with
    /// `error-invalid-input` and `invalidQuestion` says which; nothing else changes.
    public func evaluate() async {
        // In questionnaire order, so the first refused answer is the first one on screen.
        let given = questions.compactMap { q in answers[q.id].map { AnswerInput(question: q.id, value: $0) } }
        let day = today()
        switch await repo.call({ try $0.benefits(answers: given, today: day) }) {
        case .success(let b):
            results = b.map(row)
            failure = nil
            invalidQuestion = nil
        case .failure(let f):
            results = nil
            failure = f.message
            invalidQuestion = await refused(given, day: day)
        }
    }

    /// The first answer the core refuses on its own: the error names no
    /// field the shell can rely on, and one answer evaluates in microseconds.
    private func refused(_ given: [AnswerInput], day: String) async -> String? {
        for a in given {
            if case .failure = await repo.call({ try $0.benefits(answers: [a], today: day) }) { return a.question }
        }
        return nil
    }

    private func row(_ b: Benefit) -> BenefitRow {
        let eligibility: UiText
        if b.eligibility == "likely" {
            eligibility = repo.text("benefits-likely")
        } else {
            let names = b.missing.map { id in
                questions.first { $0.id == id }?.text.text ?? id
            }
            eligibility = repo.text("benefits-maybe", ["questions": repo.list(names)])
        }
        // Raw texts into the message: the ruby markup of easy Japanese survives into its segments.
        let reasons = b.reasons.map(\.text)
        return BenefitRow(
            benefit: b,
            name: repo.content(b.name.text),
            summary: b.summary.map { repo.content($0.text) },
            eligibility: eligibility,
            because: reasons.isEmpty ? nil : repo.text("benefits-because", ["reasons": repo.list(reasons)]),
            apply: repo.text("benefits-apply", ["procedure": b.procedureName.text]),
            sampleNote: b.sample ? repo.text("procedures-sample") : nil
        )
    }

    /// Opens the card of the procedure to apply for `row`.
    public func openProcedure(_ row: BenefitRow) async {
        let id = row.benefit.procedureId
        switch await repo.call({ try $0.procedure(id: id) }) {
        case .success(let p): card = ProcedureCard(p, repo: repo)
        case .failure(let f): failure = f.message
        }
    }

    /// Clears every answer and result.
    public func reset() {
        answers = [:]
        results = nil
        failure = nil
        invalidQuestion = nil
        card = nil
    }
}
