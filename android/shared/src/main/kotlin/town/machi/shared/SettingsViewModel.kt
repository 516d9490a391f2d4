package town.machi.shared

import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import uniffi.machi_ffi.GeoPoint
import uniffi.machi_ffi.LanguageOption
import uniffi.machi_ffi.LocaleInfo
import uniffi.machi_ffi.Place

/** Everything the Settings tab shows. */
data class SettingsState(
    val locale: LocaleInfo? = null,
    val languages: List<LanguageOption> = emptyList(),
    /** Text size as a factor of the platform's size (1.0 = system default). */
    val textScale: Float = 1.0f,
    val places: List<Place> = emptyList(),
    /**
     * How current the town information is (version, until when the town's
     * signature vouches for it, or that it may be out of date), from the core.
     */
    val packStatus: UiText? = null,
    /**
     * The pack's attribution lines (the sources' terms, e.g. GSI's shelter
     * data, and that sample data is not the town's official information),
     * which the app must show.
     */
    val attribution: List<UiText> = emptyList(),
    val error: UiText? = null,
)

/**
 * Settings tab: language (incl. easy Japanese), text size, registered places.
 * (Sync now lives in [SyncViewModel].) Persisting the chosen language and
 * text size is the platform's job; it passes them back in at start.
 */
class SettingsViewModel(private val repo: MachiRepository) {
    private val _state = MutableStateFlow(SettingsState())
    val state: StateFlow<SettingsState> = _state.asStateFlow()

    /** Reloads language options, places and the town information's status. */
    suspend fun refresh() {
        val r = repo.call { m -> Triple(m.locale(), m.languages(), m.places()) to (m.packStatusLine() to m.packInfo()) }
        _state.update {
            when (r) {
                is Outcome.Ok -> it.copy(
                    locale = r.value.first.first,
                    languages = r.value.first.second,
                    places = r.value.first.third,
                    packStatus = r.value.second.first?.let(repo::content),
                    attribution = r.value.second.second?.attribution.orEmpty().map(repo::content),
                    error = null,
                )
                is Outcome.Failed -> it.copy(error = r.message)
            }
        }
    }

    /** Chooses a UI language (`null`: follow the device). */
    suspend fun chooseLanguage(tag: String?) {
        when (val r = repo.call { it.setLanguageOverride(tag) }) {
            is Outcome.Ok -> refresh()
            is Outcome.Failed -> _state.update { it.copy(error = r.message) }
        }
    }

    /** Sets the text size, clamped to what layouts are tested with (85 %–200 %). */
    fun setTextScale(scale: Float) = _state.update { it.copy(textScale = scale.coerceIn(MIN_SCALE, MAX_SCALE)) }

    /** Registers a place. */
    suspend fun addPlace(name: String, location: GeoPoint) {
        when (val r = repo.call { it.addPlace(name, location) }) {
            is Outcome.Ok -> refresh()
            is Outcome.Failed -> _state.update { it.copy(error = r.message) }
        }
    }

    /** Removes a registered place. */
    suspend fun removePlace(id: Long) {
        when (val r = repo.call { it.removePlace(id) }) {
            is Outcome.Ok -> refresh()
            is Outcome.Failed -> _state.update { it.copy(error = r.message) }
        }
    }

    companion object {
        /** Smallest text scale offered. */
        const val MIN_SCALE = 0.85f

        /** Largest text scale offered. */
        const val MAX_SCALE = 2.0f
    }
}
