package town.machi.app

import android.content.Context
import androidx.lifecycle.ViewModel
import androidx.lifecycle.ViewModelProvider
import androidx.lifecycle.viewModelScope
import town.machi.shared.AppModel
import town.machi.shared.SettingsStore

/**
 * Keeps the shared (JVM-tested) [AppModel] for the activity's lifetime, its
 * work running in [viewModelScope] and its two settings in SharedPreferences.
 * No UI logic here: only Android wiring.
 */
class MainModel(app: MachiApplication) : ViewModel() {
    /** The session the Compose screens draw. */
    val session = AppModel(
        repo = app.repository,
        scope = viewModelScope,
        store = PreferencesStore(app),
        packUrl = BuildConfig.PACK_URL.ifEmpty { null },
        feedUrl = BuildConfig.FEED_URL.ifEmpty { null },
    )

    override fun onCleared() {
        session.close()
    }

    companion object {
        fun factory(app: MachiApplication) = object : ViewModelProvider.Factory {
            @Suppress("UNCHECKED_CAST")
            override fun <T : ViewModel> create(modelClass: Class<T>): T = MainModel(app) as T
        }
    }
}

/** The language and text size, remembered in the app's SharedPreferences. */
private class PreferencesStore(app: MachiApplication) : SettingsStore {
    private val prefs = app.getSharedPreferences(MachiApplication.PREFS, Context.MODE_PRIVATE)

    override var language: String?
        get() = prefs.getString(MachiApplication.KEY_LANGUAGE, null)
        set(value) = prefs.edit().putString(MachiApplication.KEY_LANGUAGE, value).apply()

    override var textScale: Float
        get() = prefs.getFloat(MachiApplication.KEY_TEXT_SCALE, 1f)
        set(value) = prefs.edit().putFloat(MachiApplication.KEY_TEXT_SCALE, value).apply()
}
