package town.machi.shared

import java.time.LocalDate
import java.util.concurrent.atomic.AtomicInteger
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import uniffi.machi_ffi.GarbageArea
import uniffi.machi_ffi.GarbageSort
import uniffi.machi_ffi.GarbageSuggestion

/** Everything the garbage sorting screen shows. */
data class GarbageState(
    val areas: List<GarbageArea> = emptyList(),
    /** The resident's area (its id), for the next collection day. */
    val area: String? = null,
    val suggestions: List<GarbageSuggestion> = emptyList(),
    val result: GarbageSort? = null,
    val failure: UiText? = null,
)

/**
 * The garbage sorting dictionary (ごみ分別辞典): suggestions while typing, then where an
 * item goes and when it is next collected in the chosen area. The core decides
 * everything; this only keeps the screen's state.
 */
class GarbageViewModel(private val repo: MachiRepository, private val today: () -> LocalDate = { LocalDate.now() }) {
    private val _state = MutableStateFlow(GarbageState())
    val state: StateFlow<GarbageState> = _state.asStateFlow()
    private val lookups = AtomicInteger()

    @Volatile
    private var typed = ""

    /** Loads the collection areas (for the area picker). */
    suspend fun load() {
        when (val r = repo.call { it.garbageAreas() }) {
            is Outcome.Ok -> _state.update { it.copy(areas = r.value, area = it.area ?: r.value.firstOrNull()?.id) }
            is Outcome.Failed -> _state.update { it.copy(failure = r.message) }
        }
    }

    /** Reloads the areas and re-runs the shown lookup (e.g. after a language change). */
    suspend fun refresh() {
        load()
        _state.value.result?.let { sort(it.query) }
    }

    /** Chooses the resident's area. */
    fun chooseArea(id: String) = _state.update { it.copy(area = id) }

    /** Updates the suggestions as the resident types. */
    suspend fun typing(text: String) {
        val lookup = lookups.get()
        typed = text
        val r = repo.call { it.garbageSuggest(text, SUGGESTIONS) }
        // Calls answer out of order: only the newest text's suggestions count, and none
        // that arrive after a lookup began (they would reappear under its answer).
        if (r is Outcome.Ok && lookup == lookups.get() && text == typed) _state.update { it.copy(suggestions = r.value) }
    }

    /** Looks [query] up: the items found with their category, how to put them out and next day. */
    suspend fun sort(query: String) {
        lookups.incrementAndGet()
        val area = _state.value.area
        when (val r = repo.call { it.garbageSort(query, area, today().toString(), RESULTS) }) {
            is Outcome.Ok -> _state.update { it.copy(result = r.value, suggestions = emptyList(), failure = null) }
            is Outcome.Failed -> _state.update { it.copy(result = null, failure = r.message) }
        }
    }

    companion object {
        /** Suggestions under the search box. */
        const val SUGGESTIONS: UInt = 8u

        /** Items shown for one lookup. */
        const val RESULTS: UInt = 3u
    }
}
