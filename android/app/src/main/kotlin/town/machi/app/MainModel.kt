package town.machi.app

import android.content.Context
import androidx.lifecycle.ViewModel
import androidx.lifecycle.ViewModelProvider
import androidx.lifecycle.viewModelScope
import java.time.LocalDate
import kotlinx.coroutines.launch
import town.machi.shared.AlertsViewModel
import town.machi.shared.AskViewModel
import town.machi.shared.CourseViewModel
import town.machi.shared.ExploreViewModel
import town.machi.shared.MachiRepository
import town.machi.shared.NoticeFeedPoller
import town.machi.shared.SettingsViewModel
import town.machi.shared.SyncViewModel
import town.machi.shared.UiText

/**
 * Holds the shared (JVM-tested) view models for the activity's lifetime and
 * launches their work in [viewModelScope]. No UI logic here: only wiring and
 * persisting the two user settings.
 */
class MainModel(private val app: MachiApplication) : ViewModel() {
    val repo: MachiRepository = app.repository
    val explore = ExploreViewModel(repo, today = { LocalDate.now().toString() }, addDays = { d, n -> LocalDate.parse(d).plusDays(n.toLong()).toString() })
    val course = CourseViewModel(repo, today = { LocalDate.now().toString() })
    val alerts = AlertsViewModel(repo)
    val settings = SettingsViewModel(repo)
    val ask = AskViewModel(repo)
    val sync: SyncViewModel? = BuildConfig.PACK_URL.ifEmpty { null }?.let { SyncViewModel(repo, it) }

    init {
        val prefs = app.getSharedPreferences(MachiApplication.PREFS, Context.MODE_PRIVATE)
        settings.setTextScale(prefs.getFloat(MachiApplication.KEY_TEXT_SCALE, 1f))
        refreshAll()
        // The notice feed, polled while the app is open (push does the rest).
        BuildConfig.FEED_URL.ifEmpty { null }?.let { url -> viewModelScope.launch { NoticeFeedPoller(repo, url).run() } }
    }

    /** Localized UI text for a Fluent id. */
    fun t(id: String, vararg args: Pair<String, Any>): UiText = repo.text(id, *args)

    fun refreshAll() = viewModelScope.launch {
        explore.refresh()
        alerts.refresh()
        settings.refresh()
        // Build the FAQ index off the main thread now, not on the first question.
        repo.call { it.prepareFaq() }
    }

    fun launch(block: suspend () -> Unit) = viewModelScope.launch { block() }

    /** Chooses the UI language, remembers it, and reloads every screen in it. */
    fun chooseLanguage(tag: String?) = viewModelScope.launch {
        settings.chooseLanguage(tag)
        prefs().edit().putString(MachiApplication.KEY_LANGUAGE, tag).apply()
        explore.refresh()
        alerts.refresh()
    }

    /** Sets and remembers the text size. */
    fun setTextScale(scale: Float) {
        settings.setTextScale(scale)
        prefs().edit().putFloat(MachiApplication.KEY_TEXT_SCALE, settings.state.value.textScale).apply()
    }

    private fun prefs() = app.getSharedPreferences(MachiApplication.PREFS, Context.MODE_PRIVATE)

    override fun onCleared() {
        alerts.close()
    }

    companion object {
        fun factory(app: MachiApplication) = object : ViewModelProvider.Factory {
            @Suppress("UNCHECKED_CAST")
            override fun <T : ViewModel> create(modelClass: Class<T>): T = MainModel(app) as T
        }
    }
}
