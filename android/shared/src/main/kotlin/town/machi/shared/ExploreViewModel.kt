package town.machi.shared

import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import uniffi.machi_ffi.Event
import uniffi.machi_ffi.GeoPoint
import uniffi.machi_ffi.Spot
import uniffi.machi_ffi.SpotFilter

/** One row of the spot list, with its accessibility label already composed. */
data class SpotRow(
    val spot: Spot,
    /** "Hananuki Gorge, 1.2 km": what TalkBack/VoiceOver reads for the row. */
    val accessibilityLabel: String,
    /** The "shown in Japanese" note when the name is not in the reader's language. */
    val fallbackNote: UiText?,
)

/** A tag as a chip shows it: [id] for filters and requests, [label] in the reader's language. */
data class TagChip(val id: String, val label: UiText)

/** Everything the Explore tab shows. */
data class ExploreState(
    val loading: Boolean = true,
    val tags: List<TagChip> = emptyList(),
    val selectedTag: String? = null,
    val spots: List<SpotRow> = emptyList(),
    val events: List<Event> = emptyList(),
    val detail: Spot? = null,
    val error: UiText? = null,
)

/**
 * Explore tab: spots (filterable by tag, nearest first when a position is
 * known), upcoming events, and a spot's detail. The Compose/SwiftUI screens
 * only draw [state].
 */
class ExploreViewModel(
    private val repo: MachiRepository,
    private val today: () -> String,
    private val addDays: (String, Int) -> String,
) {
    private val _state = MutableStateFlow(ExploreState())
    val state: StateFlow<ExploreState> = _state.asStateFlow()

    /** Where the user is, if known (sorts the list by distance). */
    var position: GeoPoint? = null

    /** Loads tags, spots and the next 30 days of events. */
    suspend fun refresh() {
        _state.update { it.copy(loading = true, error = null) }
        val tag = _state.value.selectedTag
        val from = today()
        val result = repo.call { m ->
            Triple(
                m.spotTags(),
                m.spots(SpotFilter(tag = tag, near = position, openAt = null, limit = null)),
                m.events(from, addDays(from, 30)),
            )
        }
        _state.update {
            when (result) {
                is Outcome.Ok -> it.copy(
                    loading = false,
                    tags = result.value.first.map { TagChip(it.id, repo.content(it.label)) },
                    spots = result.value.second.map(::row),
                    events = result.value.third,
                )
                is Outcome.Failed -> it.copy(loading = false, error = result.message)
            }
        }
    }

    /** Filters by [tag] (`null`: all) and reloads. */
    suspend fun selectTag(tag: String?) {
        _state.update { it.copy(selectedTag = tag) }
        refresh()
    }

    /** Opens a spot's detail. */
    suspend fun open(spotId: String) {
        when (val r = repo.call { it.spot(spotId) }) {
            is Outcome.Ok -> _state.update { it.copy(detail = r.value, error = null) }
            is Outcome.Failed -> _state.update { it.copy(error = r.message) }
        }
    }

    /** Closes the detail. */
    fun closeDetail() = _state.update { it.copy(detail = null) }

    private fun row(s: Spot): SpotRow {
        val name = repo.machi.plainText(s.name.text)
        val label = s.distanceM?.let { repo.text("ui-spot-row", "name" to name, "distance" to repo.machi.formatDistance(it)).plain } ?: name
        val note = if (s.name.isFallback) repo.text("common-shown-in-lang", "lang" to s.name.lang) else null
        return SpotRow(s, label, note)
    }
}
