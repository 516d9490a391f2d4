package town.machi.app

import android.app.Application
import android.os.LocaleList
import town.machi.shared.MachiRepository
import uniffi.machi_ffi.Machi
import uniffi.machi_ffi.MachiConfig

/** Opens the core once per process; everything else reaches it through [repository]. */
class MachiApplication : Application() {
    lateinit var repository: MachiRepository
        private set

    override fun onCreate() {
        super.onCreate()
        val locales = LocaleList.getDefault().let { l -> (0 until l.size()).map { l[it].toLanguageTag() } }
        val prefs = getSharedPreferences(PREFS, MODE_PRIVATE)
        val machi = Machi.open(
            filesDir.absolutePath,
            MachiConfig(
                deviceLocales = locales,
                languageOverride = prefs.getString(KEY_LANGUAGE, null),
                publisherKey = BuildConfig.PUBLISHER_KEY.ifEmpty { null },
                inMemory = false,
            ),
        )
        repository = MachiRepository(machi)
    }

    companion object {
        const val PREFS = "machi"
        const val KEY_LANGUAGE = "language"
        const val KEY_TEXT_SCALE = "text_scale"
    }
}
