import Foundation

/// The garbage sorting dictionary (ごみ分別辞典): suggestions while typing, then where an
/// item goes and when it is next collected in the chosen area. The core decides
/// everything; this keeps the screen's state.
@MainActor
public final class GarbageModel: ObservableObject {
    @Published public private(set) var areas: [GarbageArea] = []
    /// The resident's area (its id), for the next collection day.
    @Published public var area: String?
    @Published public private(set) var suggestions: [GarbageSuggestion] = []
    @Published public private(set) var result: GarbageSort?
    @Published public private(set) var failure: UiText?
    private let repo: MachiRepository
    private let today: () -> String

    /// `today` gives the day collection days are counted from, `YYYY-MM-DD`.
    public init(repo: MachiRepository, today: @escaping () -> String = GarbageModel.localToday) {
        self.repo = repo
        self.today = today
    }

    /// Today on this device, `YYYY-MM-DD`.
    public nonisolated static func localToday() -> String {
        let f = DateFormatter()
        f.calendar = Calendar(identifier: .gregorian)
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: Date())
    }

    /// Loads the collection areas (for the area picker).
    public func load() async {
        switch await repo.call({ try $0.garbageAreas() }) {
        case .success(let a):
            areas = a
            if area == nil { area = a.first?.id }
        case .failure(let f): failure = f.message
        }
    }

    /// Updates the suggestions as the resident types.
    public func typing(_ text: String) async {
        if case .success(let s) = await repo.call({ try $0.garbageSuggest(typed: text, limit: 8) }) {
            // A tapped suggestion sets the text and looks it up at once; when the
            // lookup answered first, no list may reappear under its answer.
            suggestions = result?.query == text ? [] : s
        }
    }

    /// Looks `query` up in the chosen area.
    public func sort(_ query: String) async {
        let area = self.area
        let day = today()
        switch await repo.call({ try $0.garbageSort(query: query, area: area, date: day, limit: 3) }) {
        case .success(let r):
            result = r
            suggestions = []
            failure = nil
        case .failure(let f):
            result = nil
            failure = f.message
        }
    }

    /// When `m` next goes out in the result's area: "Next collection in
    /// 松岡地区: Wed, Dec 23" (`ui-garbage-next`), `ui-garbage-no-schedule`
    /// when the area has no regular day for it; nil when no area was asked.
    public func collectionText(_ m: GarbageMatch) -> UiText? {
        guard let area = result?.area else { return nil }
        // The raw name into the message, so easy Japanese keeps its readings.
        let name = area.name.text
        guard let day = m.nextCollection else {
            return repo.text("ui-garbage-no-schedule", ["area": name])
        }
        return repo.text("ui-garbage-next", ["area": name, "date": repo.date(day)])
    }

    /// Shown when nothing matched the query (`ui-garbage-none`).
    public var noneText: UiText? {
        guard let r = result, r.matches.isEmpty else { return nil }
        return repo.text("ui-garbage-none", ["query": r.query])
    }
}
