package town.machi.desktop

import java.io.File
import town.machi.ui.ReadAloud

/**
 * Read-aloud on a desktop: espeak-ng (or espeak) when one is installed, which
 * speaks Japanese, Chinese, Korean and English. Without one the button still
 * works as on a phone whose speech engine is missing: nothing is spoken and
 * the preview says so on stderr.
 */
class SpeechCommand : ReadAloud {
    private val command: String? = listOf("espeak-ng", "espeak").firstOrNull { onPath(it) }
    private var running: Process? = null

    override fun speak(text: String, languageTag: String, utteranceId: String) {
        running?.destroy()
        val cmd = command ?: run {
            System.err.println("preview: no espeak-ng on PATH; would read $utteranceId aloud ($languageTag): $text")
            return
        }
        running = ProcessBuilder(cmd, "-v", voice(languageTag), text).inheritIO().start()
    }

    private fun voice(tag: String) = when {
        tag.startsWith("zh-Hant") -> "yue"
        tag.startsWith("zh") -> "cmn"
        else -> tag.substringBefore('-')
    }

    private fun onPath(name: String) =
        System.getenv("PATH").orEmpty().split(File.pathSeparator).any { File(it, name).canExecute() }
}
