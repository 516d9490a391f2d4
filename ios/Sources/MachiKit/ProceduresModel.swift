import Foundation

/// A checklist the resident started, as "My checklists" lists it.
public struct ChecklistRow: Equatable, Identifiable {
    public let eventId: String
    /// The event's date, `YYYY-MM-DD`.
    public let eventDate: String
    /// "Birth of a child, Tue, Dec 1, 2026" (`ui-procedures-checklist-row`).
    public let label: UiText

    public var id: String { "\(eventId)|\(eventDate)" }
}

/// Procedures after life events: pick an event and its date, get the ordered
/// checklist with due dates, tick steps off (kept on this phone only), open a
/// procedure's card. The core computes dates, overdue and progress; every
/// tick is written to the core and the checklist re-read from it, so the
/// screen never shows a state the store does not hold.
@MainActor
public final class ProceduresModel: ObservableObject {
    @Published public private(set) var events: [LifeEvent] = []
    /// The event chosen in the picker (its id).
    @Published public var selectedEvent: String?
    /// The date chosen for it, `YYYY-MM-DD`.
    @Published public var eventDate: String
    @Published public private(set) var started: [ChecklistRow] = []
    /// The open checklist, due dates and overdue as of `today`.
    @Published public private(set) var checklist: Checklist?
    /// The procedure card on screen.
    @Published public var card: ProcedureCard?
    @Published public private(set) var failure: UiText?
    private let repo: MachiRepository
    private let today: () -> String

    /// `today` (`YYYY-MM-DD`) is the day overdue is judged on and the date picker's start.
    public init(repo: MachiRepository, today: @escaping () -> String = GarbageModel.localToday) {
        self.repo = repo
        self.today = today
        eventDate = today()
    }

    /// Loads the life events and the started checklists.
    public func load() async {
        switch await repo.call({ m in (try m.lifeEvents(), try m.startedChecklists()) }) {
        case .success(let (e, s)):
            events = e
            if selectedEvent == nil { selectedEvent = e.first?.id }
            started = rows(s, events: e)
            failure = nil
        case .failure(let f): failure = f.message
        }
    }

    private func rows(_ s: [StartedChecklist], events: [LifeEvent]) -> [ChecklistRow] {
        s.map { c in
            let name = events.first { $0.id == c.eventId }?.name.text ?? c.eventId
            let label = repo.text("ui-procedures-checklist-row", ["event": name, "date": repo.date(c.eventDate, withYear: true)])
            return ChecklistRow(eventId: c.eventId, eventDate: c.eventDate, label: label)
        }
    }

    private func reloadStarted() async {
        let e = events
        if case .success(let s) = await repo.call({ try $0.startedChecklists() }) {
            started = rows(s, events: e)
        }
    }

    /// Starts the checklist for the chosen event and date, and opens it.
    public func start() async {
        guard let event = selectedEvent else { return }
        let date = eventDate
        if case .failure(let f) = await repo.call({ try $0.startChecklist(eventId: event, eventDate: date) }) {
            failure = f.message
            return
        }
        await reloadStarted()
        await open(eventId: event, eventDate: date)
    }

    /// Opens a checklist: each step with its due date, done or not, overdue as of today.
    public func open(eventId: String, eventDate: String) async {
        let day = today()
        switch await repo.call({ try $0.checklist(eventId: eventId, eventDate: eventDate, today: day) }) {
        case .success(let c): checklist = c; failure = nil
        case .failure(let f): failure = f.message
        }
    }

    /// Ticks a step of the open checklist off (or back), then re-reads the checklist.
    public func setDone(_ procedureId: String, _ done: Bool) async {
        guard let c = checklist else { return }
        let (event, date) = (c.event.id, c.eventDate)
        if case .failure(let f) = await repo.call({ try $0.setChecklistStep(eventId: event, eventDate: date, procedureId: procedureId, done: done) }) {
            failure = f.message
            return
        }
        await open(eventId: event, eventDate: date)
    }

    /// Forgets a started checklist and its ticks.
    public func remove(_ row: ChecklistRow) async {
        if case .failure(let f) = await repo.call({ try $0.removeChecklist(eventId: row.eventId, eventDate: row.eventDate) }) {
            failure = f.message
            return
        }
        if let c = checklist, c.event.id == row.eventId, c.eventDate == row.eventDate { checklist = nil }
        await reloadStarted()
    }

    /// Closes the open checklist (back to the events and "My checklists").
    public func close() {
        checklist = nil
    }

    /// Opens a procedure's card.
    public func openProcedure(_ id: String) async {
        switch await repo.call({ try $0.procedure(id: id) }) {
        case .success(let p): card = ProcedureCard(p, repo: repo)
        case .failure(let f): failure = f.message
        }
    }

    /// What VoiceOver reads for a step's toggle: "Mark “…” as done" or, once
    /// done, "Mark “…” as not done".
    public func toggleLabel(_ item: ChecklistItem) -> UiText {
        let name = repo.machi.plainText(text: item.procedure.name.text)
        return repo.text(item.done ? "ui-procedures-mark-undone" : "ui-procedures-mark-done", ["name": name])
    }

    /// The mark beside a step past its due date (`procedures-overdue`).
    public var overdueLabel: UiText { repo.text("procedures-overdue") }
}
