import Foundation

/// One bubble of the Ask chat.
public enum ChatItem: Identifiable {
    case question(id: Int, text: String)
    case reply(id: Int, question: String, reply: FaqReply, rated: Bool)
    case failure(id: Int, message: UiText)

    public var id: Int {
        switch self {
        case .question(let id, _), .reply(let id, _, _, _), .failure(let id, _): return id
        }
    }
}

/// Ask tab: chat over the on-device FAQ with suggestions, choices and feedback.
@MainActor
public final class AskModel: ObservableObject {
    @Published public private(set) var items: [ChatItem] = []
    @Published public private(set) var suggestions: [FaqSuggestion] = []
    @Published public private(set) var thanks: UiText?
    /// The procedure card under a reply (by the reply's item id), when its top
    /// answer is about a procedure: what to bring, the deadline, the online page.
    @Published public private(set) var cards: [Int: ProcedureCard] = [:]
    private let repo: MachiRepository
    private var nextId = 0

    public init(repo: MachiRepository) {
        self.repo = repo
    }

    private func newId() -> Int {
        nextId += 1
        return nextId
    }

    public func typing(_ text: String) async {
        if case .success(let s) = await repo.call({ try $0.faqSuggest(typed: text, limit: 5) }) {
            suggestions = s
        }
    }

    public func ask(_ question: String) async {
        items.append(.question(id: newId(), text: question))
        suggestions = []
        thanks = nil
        let r = await repo.call { m -> (FaqReply, Procedure?) in
            let reply = try m.ask(question: question)
            // A menu (clarify) names its entries' procedures too; a card belongs under an answer only.
            return (reply, reply.kind == .answer ? Self.procedure(m, reply.answers.first?.id) : nil)
        }
        switch r {
        case .success(let (reply, card)): appendReply(question, reply, card)
        case .failure(let f): items.append(.failure(id: newId(), message: f.message))
        }
    }

    public func choose(_ choice: FaqChoice) async {
        guard let entry = choice.entryId else {
            await ask(choice.query)
            return
        }
        items.append(.question(id: newId(), text: choice.label))
        switch await repo.call({ m in (try m.faqEntry(id: entry), Self.procedure(m, entry)) }) {
        case .success(let (a, card)):
            let reply = FaqReply(kind: .answer, message: "", answers: [a], choices: [], contact: a.contact, confidence: 1)
            appendReply(choice.label, reply, card)
        case .failure(let f):
            items.append(.failure(id: newId(), message: f.message))
        }
    }

    /// The card of the procedure FAQ entry `id` is about. Best effort: a card
    /// that cannot be read leaves the answer itself shown, without a card.
    nonisolated private static func procedure(_ m: Machi, _ id: String?) -> Procedure? {
        guard let id else { return nil }
        return try? m.procedureForFaq(faqId: id)
    }

    private func appendReply(_ question: String, _ reply: FaqReply, _ card: Procedure?) {
        let id = newId()
        if let card { cards[id] = ProcedureCard(card, repo: repo) }
        items.append(.reply(id: id, question: question, reply: reply, rated: false))
    }

    public func rate(_ itemId: Int, helpful: Bool) async {
        guard let i = items.firstIndex(where: { $0.id == itemId }),
              case .reply(let id, let question, let reply, false) = items[i],
              let entry = reply.answers.first?.id else { return }
        if case .success = await repo.call({ try $0.faqFeedback(entryId: entry, query: question, helpful: helpful) }) {
            items[i] = .reply(id: id, question: question, reply: reply, rated: true)
            thanks = repo.text("ui-ask-thanks")
        }
    }
}
