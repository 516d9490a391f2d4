import Foundation

/// Course tab: the request form, the suggested course as a timeline, and
/// edits (remove or lock a stop) that re-plan it. A new suggestion forgets
/// earlier edits. The SwiftUI screen only draws the published state.
@MainActor
public final class CourseModel: ObservableObject {
    /// First day, `YYYY-MM-DD`.
    @Published public var date: String
    /// Departure, `HH:MM`.
    @Published public var startTime = "10:00"
    @Published public var hours = 4.0
    @Published public var mode: CourseMode = .walk
    @Published public var pace: CoursePace = .normal
    @Published public var interests: Set<String> = []
    /// The interests the form offers: the pack's tags, named in the reader's language.
    @Published public private(set) var offeredInterests: [TagChip] = []
    @Published public var mustVisit: [String] = []
    /// The longest walk of one leg in minutes (nil: the planner's default, 20 beyond plain walking).
    @Published public var maxWalkMinutes: UInt32?
    /// Taxi rides accepted up to this many yen over the trip (nil: no taxi).
    @Published public var taxiBudgetYen: UInt32?
    /// A rental bicycle from a station at the start is accepted.
    @Published public var bicycle = false
    /// Where the course starts: the station unless the user picks a place.
    @Published public var start: CoursePlace = .spot(id: "takahagi-station")
    @Published public private(set) var course: CourseView?
    @Published public private(set) var removed: [String] = []
    @Published public private(set) var locked: [String] = []
    @Published public private(set) var loading = false
    @Published public private(set) var error: UiText?
    private let repo: MachiRepository

    public init(repo: MachiRepository) {
        self.repo = repo
        let fmt = ISO8601DateFormatter()
        fmt.formatOptions = [.withFullDate]
        date = fmt.string(from: Date())
    }

    /// The stops of the main course, in visiting order.
    public var stops: [CourseStopView] { course?.main.days.flatMap { $0.stops } ?? [] }

    /// The core request for the form.
    public var request: CourseRequest {
        CourseRequest(
            date: date, startTime: startTime, hours: hours, endTime: nil,
            start: start, end: nil, mode: mode, interests: interests.sorted(),
            pace: pace, mustVisit: mustVisit, exclude: [], days: 1,
            // Offered with bus and train only (see `offersAccess`): what is hidden is not sent.
            maxWalkMinutes: offersAccess ? maxWalkMinutes : nil,
            taxiBudgetYen: offersAccess ? taxiBudgetYen : nil,
            bicycle: offersAccess && bicycle
        )
    }

    /// Whether the form shows the taxi budget, rental bicycle and walking
    /// limit: with bus and train, where they complete the trip (the other
    /// modes are the vehicle itself, and a walk keeps its short form).
    public var offersAccess: Bool { mode == .transit }

    /// The modes a tourist can ask for: a taxi is a budget, not a mode of its own.
    public static let requestModes: [CourseMode] = [.walk, .bicycle, .car, .bus, .transit]
    /// The taxi budgets the form offers besides none, in yen.
    public static let taxiBudgets: [UInt32] = [3000, 5000]
    /// The walking limits the form offers besides the planner's default, in minutes.
    public static let walkLimits: [UInt32] = [10, 20, 30]

    /// "¥3000" in the reader's language.
    public func yen(_ amount: UInt32) -> UiText {
        repo.text("ui-course-yen", ["yen": Int(amount)])
    }

    /// A ride's times and stops: "10:15 AM Takahagi Station → 10:45 AM Hananuki Gorge".
    public func rideLabel(_ ride: CourseRideView) -> UiText {
        repo.text("ui-course-ride", [
            "depart": ride.departLabel, "from": ride.fromStop,
            "arrive": ride.arriveLabel, "to": ride.toStop,
        ])
    }

    /// What the main course spends ("Fares: bus and train ¥600, …"); nil for a course that costs nothing.
    public var costsLabel: UiText? {
        guard let p = course?.main, p.transitYen + p.taxiYen + p.bicycleYen > 0 else { return nil }
        return repo.text("course-costs", [
            "transit": Int(p.transitYen), "taxi": Int(p.taxiYen),
            "bicycle": Int(p.bicycleYen), "walk": Int(p.longestWalkMinutes),
        ])
    }

    /// Reloads the offered interests and re-plans a shown course (e.g. in a newly chosen language).
    public func refresh() async {
        switch await repo.call({ try $0.courseInterests() }) {
        case .success(let tags): offeredInterests = tags.map { TagChip(id: $0.id, label: repo.content($0.label)) }
        case .failure(let f): error = f.message
        }
        if course != nil { await plan() }
    }

    /// Adds or removes an interest tag.
    public func toggleInterest(_ tag: String) {
        if interests.contains(tag) { interests.remove(tag) } else { interests.insert(tag) }
    }

    /// Plans a course for the form, dropping earlier edits.
    public func suggest() async {
        removed = []
        locked = []
        await plan()
    }

    /// Removes a stop (never proposed again) and re-plans.
    public func remove(_ spotId: String) async {
        if !removed.contains(spotId) { removed.append(spotId) }
        locked.removeAll { $0 == spotId }
        await plan()
    }

    /// Locks a stop in (or unlocks it) and re-plans.
    public func toggleLock(_ spotId: String) async {
        if locked.contains(spotId) { locked.removeAll { $0 == spotId } } else { locked.append(spotId) }
        await plan()
    }

    /// What VoiceOver reads for a stop: "name, 10:20 to 11:50".
    public func accessibilityLabel(_ stop: CourseStopView) -> String {
        repo.text("ui-course-stop-row", [
            "name": repo.machi.plainText(text: stop.name),
            "arrival": stop.arrivalLabel,
            "leave": stop.leaveLabel,
        ]).plain
    }

    private func plan() async {
        loading = true
        error = nil
        let req = request
        let edits = CourseEdits(remove: removed, lock: locked)
        let noEdits = removed.isEmpty && locked.isEmpty
        let r = await repo.call { m -> CourseView in
            if noEdits { return try m.suggestCourse(request: req) }
            return try m.replanCourse(request: req, edits: edits)
        }
        loading = false
        switch r {
        case .success(let view): course = view
        case .failure(let f): error = f.message
        }
    }
}
