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
            pace: pace, mustVisit: mustVisit, exclude: [], days: 1
        )
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
