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
        switch await repo.call({ try $0.ask(question: question) }) {
        case .success(let r): items.append(.reply(id: newId(), question: question, reply: r, rated: false))
        case .failure(let f): items.append(.failure(id: newId(), message: f.message))
        }
    }

    public func choose(_ choice: FaqChoice) async {
        guard let entry = choice.entryId else {
            await ask(choice.query)
            return
        }
        items.append(.question(id: newId(), text: choice.label))
        switch await repo.call({ try $0.faqEntry(id: entry) }) {
        case .success(let a):
            let reply = FaqReply(kind: .answer, message: "", answers: [a], choices: [], contact: a.contact, confidence: 1)
            items.append(.reply(id: newId(), question: choice.label, reply: reply, rated: false))
        case .failure(let f):
            items.append(.failure(id: newId(), message: f.message))
        }
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
