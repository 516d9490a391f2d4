package town.machi.desktop

import androidx.compose.ui.unit.DpSize
import androidx.compose.ui.unit.dp
import androidx.compose.ui.window.Window
import androidx.compose.ui.window.application
import androidx.compose.ui.window.rememberWindowState
import java.nio.file.Files
import java.util.Locale
import kotlinx.coroutines.MainScope
import town.machi.shared.AppModel
import town.machi.shared.MachiRepository
import town.machi.shared.MemorySettingsStore
import town.machi.ui.MachiApp
import uniffi.machi_ffi.Machi
import uniffi.machi_ffi.MachiConfig

/**
 * The phone app's screens in a desktop window over the embedded sample town
 * (scripts/preview-app.sh). Arguments: `--lang TAG` (default: the desktop's
 * locale), `--db DIR` (default: a fresh temporary folder), `--pack-url URL`
 * and `--key PUBKEY` to try "Update now" against a pack site.
 */
fun main(args: Array<String>) {
    val opts = args.toList().windowed(2, 2, partialWindows = false).associate { (k, v) -> k to v }
    val dir = opts["--db"] ?: Files.createTempDirectory("machi-preview").toString()
    val machi = Machi.open(
        dir,
        MachiConfig(
            deviceLocales = listOf(opts["--lang"] ?: Locale.getDefault().toLanguageTag()),
            languageOverride = null,
            publisherKey = opts["--key"],
            inMemory = false,
        ),
    )
    val session = AppModel(MachiRepository(machi), MainScope(), MemorySettingsStore(), packUrl = opts["--pack-url"])
    val speech = SpeechCommand()
    application {
        Window(
            onCloseRequest = { session.close(); exitApplication() },
            title = "machi",
            state = rememberWindowState(size = DpSize(420.dp, 860.dp)),
        ) {
            MachiApp(session, speech)
        }
    }
}
