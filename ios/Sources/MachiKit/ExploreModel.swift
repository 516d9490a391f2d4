import Foundation

/// A tag as a chip shows it: `id` for filters and requests, `label` in the reader's language.
public struct TagChip: Equatable, Identifiable {
    public let id: String
    public let label: UiText
}

/// Explore tab: tag filter, spots (nearest first when located), events, detail.
@MainActor
public final class ExploreModel: ObservableObject {
    @Published public private(set) var tags: [TagChip] = []
    @Published public var selectedTag: String?
    @Published public private(set) var spots: [Spot] = []
    @Published public private(set) var events: [Event] = []
    @Published public var detail: Spot?
    @Published public private(set) var error: UiText?
    public var position: GeoPoint?
    private let repo: MachiRepository

    public init(repo: MachiRepository) {
        self.repo = repo
    }

    /// Loads tags, spots and the next 30 days of events.
    public func refresh() async {
        let tag = selectedTag
        let near = position
        let fmt = ISO8601DateFormatter()
        fmt.formatOptions = [.withFullDate]
        let from = fmt.string(from: Date())
        let to = fmt.string(from: Date().addingTimeInterval(30 * 86_400))
        let r = await repo.call { m in
            (try m.spotTags(), try m.spots(filter: SpotFilter(tag: tag, near: near, openAt: nil, limit: nil)), try m.events(from: from, to: to))
        }
        switch r {
        case .success(let (t, s, e)):
            tags = t.map { TagChip(id: $0.id, label: repo.content($0.label)) }
            spots = s
            events = e
            error = nil
        case .failure(let f):
            error = f.message
        }
    }

    /// Opens a spot's detail.
    public func open(_ id: String) async {
        switch await repo.call({ try $0.spot(id: id) }) {
        case .success(let s): detail = s
        case .failure(let f): error = f.message
        }
    }

    /// What VoiceOver reads for a row: name and distance.
    public func accessibilityLabel(_ s: Spot) -> String {
        let name = repo.machi.plainText(text: s.name.text)
        guard let d = s.distanceM else { return name }
        return repo.text("ui-spot-row", ["name": name, "distance": repo.machi.formatDistance(metres: d)]).plain
    }
}
