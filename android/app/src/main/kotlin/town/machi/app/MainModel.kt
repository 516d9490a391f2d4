package town.machi.app

import androidx.lifecycle.ViewModel
import androidx.lifecycle.ViewModelProvider
import androidx.lifecycle.viewModelScope
import town.machi.shared.AppModel

/**
 * Keeps the shared (JVM-tested) [AppModel] for the activity's lifetime, its
 * work running in [viewModelScope] and its two settings in the application's
 * SharedPreferences store (the one the messaging service's core was opened with).
 * No UI logic here: only Android wiring.
 */
class MainModel(app: MachiApplication) : ViewModel() {
    /** The session the Compose screens draw. */
    val session = AppModel(
        repo = app.repository,
        scope = viewModelScope,
        store = app.settings,
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
