package town.machi.shared

import java.io.File
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import uniffi.machi_ffi.Machi
import uniffi.machi_ffi.MachiConfig

/**
 * The one way every Android entry point gets machi: the activity's session,
 * the FCM messaging service and any later widget or worker open the same
 * database in [dataDir] (the app's files dir) in the language saved in the
 * one [SettingsStore], so a notice stored from a push is in the database the
 * Alerts tab reads and speaks the language chosen in Settings. (On iOS the
 * same rule is MachiKit's `MachiStore.shared()`, over the App Group.)
 */
object MachiStore {
    /** Opens (creating on first launch) the store in [dataDir] in [settings]' language. */
    fun open(
        dataDir: File,
        settings: SettingsStore,
        deviceLocales: List<String>,
        publisherKey: String?,
        io: CoroutineDispatcher = Dispatchers.IO,
    ): MachiRepository {
        val config = MachiConfig(
            deviceLocales = deviceLocales,
            languageOverride = settings.language,
            publisherKey = publisherKey,
            inMemory = false,
        )
        return MachiRepository(Machi.open(dataDir.absolutePath, config), io)
    }
}
