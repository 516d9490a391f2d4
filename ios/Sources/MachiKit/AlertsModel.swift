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
    private let today: () -> String

    /// `today` (`YYYY-MM-DD`) decides whether a shelter's status time needs its day.
    public init(repo: MachiRepository, today: @escaping () -> String = GarbageModel.localToday) {
        self.repo = repo
        self.today = today
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
            Task { @MainActor [weak model] in await model?.received(notices) }
        }
    }

    /// The core decides what the list becomes and which notice the banner
    /// shows (the same function serves Android), so the shells cannot disagree.
    func received(_ new: [Notice]) async {
        let q = query
        switch await repo.call({ try $0.noticesAfterArrival(query: q, arrived: new) }) {
        case .success(let a):
            notices = a.notices
            if let n = a.incoming { incoming = n }
            error = nil
        case .failure(let f): error = f.message
        }
    }

    private var query: NoticeQuery {
        NoticeQuery(at: position, includeHistory: showHistory, everywhere: false)
    }

    /// Reloads the list.
    public func refresh() async {
        let q = query
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

    /// A shelter's status as its badge says it: "Open since 7:05 AM", "Full
    /// since …", "Closed since …" (with the day when it is not today), or
    /// "Status unknown" when no verified notice in force names it. The time is
    /// the notice's own, in the town's clock.
    public func statusText(_ shelter: Shelter) -> UiText {
        guard let since = shelter.statusSince, shelter.status != .unknown,
              let (y, m, d) = MachiRepository.ymd(since) else {
            return repo.text("shelter-status-unknown")
        }
        let clock = since.dropFirst(11).prefix(5).split(separator: ":").compactMap { Int($0) }
        guard clock.count == 2 else { return repo.text("shelter-status-unknown") }
        var time = repo.time(hour: clock[0], minute: clock[1])
        let day = String(format: "%04d-%02d-%02d", y, m, d)
        if day != today() { time = "\(repo.date(day)) \(time)" }
        let key: String
        switch shelter.status {
        case .open: key = "shelter-status-open"
        case .full: key = "shelter-status-full"
        case .closed: key = "shelter-status-closed"
        case .unknown: key = "shelter-status-unknown"
        }
        return repo.text(key, ["time": time])
    }
}
