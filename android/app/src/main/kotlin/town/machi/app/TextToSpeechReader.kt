package town.machi.app

import android.content.Context
import android.speech.tts.TextToSpeech
import java.util.Locale
import town.machi.ui.ReadAloud

/** Reads notices aloud with the phone's TextToSpeech engine (the screens see only [ReadAloud]). */
class TextToSpeechReader(context: Context) : ReadAloud {
    private val tts = TextToSpeech(context.applicationContext) {}

    override fun speak(text: String, languageTag: String, utteranceId: String) {
        tts.language = Locale.forLanguageTag(languageTag)
        tts.speak(text, TextToSpeech.QUEUE_FLUSH, null, utteranceId)
    }

    /** Releases the engine (the activity is gone). */
    fun shutdown() = tts.shutdown()
}
