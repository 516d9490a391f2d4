import Foundation

/// Alerts tab: notices, detail with shelters, live arrivals from the core's listener.
@MainActor
public final class AlertsModel: ObservableObject {
    @Published public private(set) var notices: [Notice] = []
    @Published public var showHistory = false
    @Published public var detail: NoticeDetail?
    @Published public var incoming: Notice?
    @Published public private(set) var error: UiText?
    public var position: GeoPoint?
    private let repo: MachiRepository
    private var handle: UInt64 = 0

    public init(repo: MachiRepository) {
        self.repo = repo
        handle = repo.machi.addNoticeListener(listener: Forwarder(model: self))
    }

    deinit {
        _ = repo.machi.removeNoticeListener(handle: handle)
    }

    /// The core calls this on the ingesting thread; hop to the main actor.
    final class Forwarder: NoticeListener, @unchecked Sendable {
        weak var model: AlertsModel?
        init(model: AlertsModel) { self.model = model }
        func onNotices(notices: [Notice]) {
            Task { @MainActor [weak model] in model?.received(notices) }
        }
    }

    func received(_ new: [Notice]) {
        let ids = Set(new.map(\.id))
        notices = (new + notices.filter { !ids.contains($0.id) }).sorted { $0.sent > $1.sent }
        incoming = new.max { $0.sent < $1.sent }
    }

    /// Reloads the list.
    public func refresh() async {
        let q = NoticeQuery(at: position, includeHistory: showHistory, everywhere: false)
        switch await repo.call({ try $0.notices(query: q) }) {
        case .success(let n): notices = n; error = nil
        case .failure(let f): error = f.message
        }
    }

    /// Opens a notice: marks it read, loads the nearest suitable shelters.
    public func open(_ id: Int64) async {
        let near = position
        let r = await repo.call { m -> NoticeDetail in
            try m.markNoticeRead(id: id)
            return try m.notice(id: id, near: near, shelterLimit: 3)
        }
        switch r {
        case .success(let d): detail = d; incoming = nil; await refresh()
        case .failure(let f): error = f.message
        }
    }

    /// Polls the town's notice feed until the calling task is cancelled: how
    /// notices reach a phone that push cannot. The core fetches, checks and
    /// stores each new notice, which arrives here through the listener; this
    /// only keeps time (what the core says, or `retrySeconds` after a failure).
    public func pollFeed(url: String, retrySeconds: UInt64 = 300) async {
        while !Task.isCancelled {
            var wait = retrySeconds
            if let poll = try? await repo.machi.syncNotices(feedUrl: url, cancel: CancelHandle()) {
                wait = max(poll.nextPollSeconds, 30)
            }
            try? await Task.sleep(nanoseconds: wait * 1_000_000_000)
        }
    }
}
