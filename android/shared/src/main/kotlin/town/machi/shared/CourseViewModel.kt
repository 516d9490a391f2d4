package town.machi.shared

import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import uniffi.machi_ffi.CourseEdits
import uniffi.machi_ffi.CourseMode
import uniffi.machi_ffi.CoursePace
import uniffi.machi_ffi.CoursePlace
import uniffi.machi_ffi.CourseRequest
import uniffi.machi_ffi.CourseStopView
import uniffi.machi_ffi.CourseView

/** The request form as the user fills it in (ISO text for date and time, like the core). */
data class CourseForm(
    val date: String,
    val startTime: String = "10:00",
    val hours: Double = 4.0,
    val start: CoursePlace = CoursePlace.Spot("takahagi-station"),
    val mode: CourseMode = CourseMode.WALK,
    val pace: CoursePace = CoursePace.NORMAL,
    val interests: Set<String> = emptySet(),
    val mustVisit: List<String> = emptyList(),
    /** The longest walk of one leg in minutes (null: the planner's default, 20 beyond plain walking). */
    val maxWalkMinutes: UInt? = null,
    /** Taxi rides accepted up to this many yen over the trip (null: no taxi). */
    val taxiBudgetYen: UInt? = null,
    /** A rental bicycle from a station at the start is accepted. */
    val bicycle: Boolean = false,
) {
    /** The core request for this form. */
    fun toRequest() = CourseRequest(
        date = date,
        startTime = startTime,
        hours = hours,
        endTime = null,
        start = start,
        end = null,
        mode = mode,
        interests = interests.sorted(),
        pace = pace,
        mustVisit = mustVisit,
        exclude = emptyList(),
        days = 1u,
        // The form offers these with bus and train only (see [offersAccess]): what is hidden is not sent.
        maxWalkMinutes = maxWalkMinutes.takeIf { offersAccess },
        taxiBudgetYen = taxiBudgetYen.takeIf { offersAccess },
        bicycle = bicycle && offersAccess,
    )

    /**
     * Whether the form shows the taxi budget, rental bicycle and walking limit:
     * with bus and train, where they complete the trip (the other modes are the
     * vehicle itself, and a walk keeps its short form).
     */
    val offersAccess: Boolean get() = mode == CourseMode.TRANSIT

    companion object {
        /** The taxi budgets the form offers besides none, in yen. */
        val TAXI_BUDGETS: List<UInt> = listOf(3000u, 5000u)

        /** The walking limits the form offers besides the planner's default, in minutes. */
        val WALK_LIMITS: List<UInt> = listOf(10u, 20u, 30u)

        /** The modes a tourist can ask for: a taxi is a budget, not a mode of its own. */
        val REQUEST_MODES: List<CourseMode> = CourseMode.entries - CourseMode.TAXI
    }
}

/** One stop of the timeline, with what TalkBack/VoiceOver reads and whether the user locked it. */
data class CourseStopRow(
    val stop: CourseStopView,
    /** "Hananuki Gorge, 10:40 to 12:10". */
    val accessibilityLabel: String,
    val locked: Boolean,
)

/** Everything the Course tab shows: the form, then the timeline of the suggested course. */
data class CourseState(
    val form: CourseForm,
    /** The interests the form offers: the pack's tags, named in the reader's language. */
    val interests: List<TagChip> = emptyList(),
    val loading: Boolean = false,
    val course: CourseView? = null,
    val stops: List<CourseStopRow> = emptyList(),
    val edits: CourseEdits = CourseEdits(remove = emptyList(), lock = emptyList()),
    val error: UiText? = null,
    val errorKind: ErrorKind? = null,
    /** "Fares: bus and train ¥600, taxi ¥0, …" for the main course, when it spends anything. */
    val costs: UiText? = null,
)

/**
 * Course tab: the request form, the suggested course as a timeline, and
 * edits (remove a stop, lock a stop) that re-plan it. A new suggestion
 * forgets earlier edits. The screens only draw [state].
 */
class CourseViewModel(
    private val repo: MachiRepository,
    today: () -> String,
) {
    private val _state = MutableStateFlow(CourseState(form = CourseForm(date = today())))
    val state: StateFlow<CourseState> = _state.asStateFlow()

    /** Changes the form (the timeline stays until the next [suggest]). */
    fun edit(change: (CourseForm) -> CourseForm) = _state.update { it.copy(form = change(it.form)) }

    /** Adds or removes an interest tag. */
    fun toggleInterest(tag: String) = edit { f ->
        f.copy(interests = if (tag in f.interests) f.interests - tag else f.interests + tag)
    }

    /** Plans a course for the form, dropping earlier edits. */
    suspend fun suggest() {
        _state.update { it.copy(edits = CourseEdits(emptyList(), emptyList())) }
        plan()
    }

    /** Removes a stop (never proposed again) and re-plans. */
    suspend fun removeStop(spotId: String) {
        _state.update { s ->
            s.copy(edits = CourseEdits(remove = (s.edits.remove + spotId).distinct(), lock = s.edits.lock - spotId))
        }
        plan()
    }

    /** Locks a stop in (or unlocks it) and re-plans. */
    suspend fun toggleLock(spotId: String) {
        _state.update { s ->
            val lock = if (spotId in s.edits.lock) s.edits.lock - spotId else s.edits.lock + spotId
            s.copy(edits = CourseEdits(remove = s.edits.remove, lock = lock))
        }
        plan()
    }

    /** Reloads the offered interests and re-plans the shown course, keeping its edits (e.g. in a newly chosen language). */
    suspend fun refresh() {
        when (val r = repo.call { m -> m.courseInterests() }) {
            is Outcome.Ok -> _state.update { s -> s.copy(interests = r.value.map { TagChip(it.id, repo.content(it.label)) }) }
            is Outcome.Failed -> _state.update { it.copy(error = r.message, errorKind = r.kind) }
        }
        if (_state.value.course != null) plan()
    }

    private suspend fun plan() {
        _state.update { it.copy(loading = true, error = null, errorKind = null) }
        val s = _state.value
        val request = s.form.toRequest()
        val edits = s.edits
        val noEdits = edits.remove.isEmpty() && edits.lock.isEmpty()
        val result = repo.call { m -> if (noEdits) m.suggestCourse(request) else m.replanCourse(request, edits) }
        _state.update {
            when (result) {
                is Outcome.Ok -> it.copy(
                    loading = false,
                    course = result.value,
                    stops = rows(result.value, edits),
                    costs = costs(result.value),
                )
                is Outcome.Failed -> it.copy(loading = false, error = result.message, errorKind = result.kind)
            }
        }
    }

    /** The spend line of the main course; none for a course that costs nothing (a plain walk). */
    private fun costs(view: CourseView): UiText? {
        val p = view.main
        if (p.transitYen + p.taxiYen + p.bicycleYen == 0u) return null
        return repo.text(
            "course-costs",
            "transit" to p.transitYen.toLong(),
            "taxi" to p.taxiYen.toLong(),
            "bicycle" to p.bicycleYen.toLong(),
            "walk" to p.longestWalkMinutes.toLong(),
        )
    }

    private fun rows(view: CourseView, edits: CourseEdits): List<CourseStopRow> =
        view.main.days.flatMap { it.stops }.map { stop ->
            val label = repo.text(
                "ui-course-stop-row",
                "name" to repo.machi.plainText(stop.name),
                "arrival" to stop.arrivalLabel,
                "leave" to stop.leaveLabel,
            ).plain
            CourseStopRow(stop, label, stop.spotId in edits.lock)
        }
}
