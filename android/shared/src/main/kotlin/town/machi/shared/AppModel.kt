package town.machi.shared

import java.time.LocalDate
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.launch

/**
 * Where the platform keeps the user's two settings between launches
 * (SharedPreferences on Android; memory in the desktop preview and tests).
 */
interface SettingsStore {
    /** The chosen UI language tag, or `null` to follow the device. */
    var language: String?

    /** The chosen text size factor (1.0 = the platform's size). */
    var textScale: Float
}

/** A [SettingsStore] that forgets everything when the process ends. */
class MemorySettingsStore(
    override var language: String? = null,
    override var textScale: Float = 1f,
) : SettingsStore

/**
 * Every view model of one app session, and the few actions that touch
 * several of them (a language change reloads every tab). The platform owns
 * [scope] (Android: the activity's `viewModelScope`) and [store]; the
 * Compose screens receive this object and only draw its state.
 */
class AppModel(
    val repo: MachiRepository,
    private val scope: CoroutineScope,
    private val store: SettingsStore = MemorySettingsStore(),
    /** The town's pack site (`null`: no sync row in Settings). */
    packUrl: String? = null,
    /** The town's notice feed, polled while the app is open (`null`: push only). */
    feedUrl: String? = null,
    /** Today's date (fixed by tests and screenshots so due dates and collection days are stable). */
    val today: () -> LocalDate = LocalDate::now,
) {
    /** The Explore tab. */
    val explore = ExploreViewModel(repo, today = { today().toString() }, addDays = { d, n -> LocalDate.parse(d).plusDays(n.toLong()).toString() })

    /** The Course tab. */
    val course = CourseViewModel(repo, today = { today().toString() })

    /** The Alerts tab. */
    val alerts = AlertsViewModel(repo, today)

    /** The Settings tab (language, text size, places). */
    val settings = SettingsViewModel(repo)

    /** The Ask tab. */
    val ask = AskViewModel(repo)

    /** Services: the garbage sorting dictionary. */
    val garbage = GarbageViewModel(repo, today)

    /** Services: procedures after life events, with the resident's checklists. */
    val procedures = ProceduresViewModel(repo, today)

    /** Services: the eligibility check. */
    val benefits = BenefitsViewModel(repo, today)

    /** The "Sync now" row of Settings, when the build names a pack site. */
    val sync: SyncViewModel? = packUrl?.let { SyncViewModel(repo, it) }

    init {
        settings.setTextScale(store.textScale)
        refreshAll()
        feedUrl?.let { url -> scope.launch { NoticeFeedPoller(repo, url).run() } }
    }

    /** Localized UI text for a Fluent id. */
    fun t(id: String, vararg args: Pair<String, Any>): UiText = repo.text(id, *args)

    /** Reloads what every tab shows from the core. */
    fun refreshAll(): Job = scope.launch {
        explore.refresh()
        alerts.refresh()
        settings.refresh()
        course.refresh()
        refreshServices()
        // Build the FAQ index off the main thread now, not on the first question.
        repo.call { it.prepareFaq() }
    }

    /** Runs a view-model action in the session's scope (screens call this from click handlers). */
    fun launch(block: suspend () -> Unit): Job = scope.launch { block() }

    /** Chooses the UI language (`null`: follow the device), remembers it, and reloads every tab in it. */
    fun chooseLanguage(tag: String?): Job = scope.launch {
        settings.chooseLanguage(tag)
        store.language = tag
        explore.refresh()
        alerts.refresh()
        course.refresh()
        refreshServices()
    }

    /** Reloads the Services screens (and re-reads what they have open) from the core. */
    private suspend fun refreshServices() {
        garbage.refresh()
        procedures.refresh()
        benefits.load()
    }

    /** Sets and remembers the text size. */
    fun setTextScale(scale: Float) {
        settings.setTextScale(scale)
        store.textScale = settings.state.value.textScale
    }

    /** Syncs the town's content now, then reloads every tab (the new content shows at once). */
    fun syncNow(): Job? = sync?.let { s ->
        scope.launch {
            s.syncNow()
            refreshAll().join()
        }
    }

    /**
     * The language a read-aloud voice should speak (BCP 47): the UI's, with
     * easy Japanese read by a Japanese voice.
     */
    fun speechLanguage(): String {
        val lang = settings.state.value.locale?.lang ?: return "ja"
        return if (lang.startsWith("ja")) "ja" else lang
    }

    /** Stops listening to the core (the session's owner is gone). */
    fun close() = alerts.close()
}
