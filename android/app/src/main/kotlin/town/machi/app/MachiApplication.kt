package town.machi.app

import android.app.Application
import android.content.Context
import android.os.LocaleList
import town.machi.shared.MachiRepository
import town.machi.shared.MachiStore
import town.machi.shared.SettingsStore

/**
 * Opens the core once per process; the activity (through [MainModel]) and
 * the FCM messaging service both reach it through [repository], and both
 * read and write the language through [settings].
 */
class MachiApplication : Application() {
    lateinit var repository: MachiRepository
        private set

    /** The language and text size, remembered in SharedPreferences. */
    lateinit var settings: SettingsStore
        private set

    override fun onCreate() {
        super.onCreate()
        val locales = LocaleList.getDefault().let { l -> (0 until l.size()).map { l[it].toLanguageTag() } }
        settings = PreferencesStore(this)
        repository = MachiStore.open(
            dataDir = filesDir,
            settings = settings,
            deviceLocales = locales,
            publisherKey = BuildConfig.PUBLISHER_KEY.ifEmpty { null },
        )
    }

    companion object {
        const val PREFS = "machi"
        const val KEY_LANGUAGE = "language"
        const val KEY_TEXT_SCALE = "text_scale"
    }
}

/** The language and text size in the app's SharedPreferences. */
private class PreferencesStore(app: Application) : SettingsStore {
    private val prefs = app.getSharedPreferences(MachiApplication.PREFS, Context.MODE_PRIVATE)

    override var language: String?
        get() = prefs.getString(MachiApplication.KEY_LANGUAGE, null)
        set(value) = prefs.edit().putString(MachiApplication.KEY_LANGUAGE, value).apply()

    override var textScale: Float
        get() = prefs.getFloat(MachiApplication.KEY_TEXT_SCALE, 1f)
        set(value) = prefs.edit().putFloat(MachiApplication.KEY_TEXT_SCALE, value).apply()
}
