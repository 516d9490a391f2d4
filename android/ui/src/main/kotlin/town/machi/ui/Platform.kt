package town.machi.ui

/**
 * Speech for the read-aloud button of a notice: Android's TextToSpeech on a
 * phone, a desktop speech command in the preview, a recorder in the UI tests.
 * The screens receive it; they never reach a platform API themselves.
 */
fun interface ReadAloud {
    /** Speaks [text] in [languageTag] (BCP 47), replacing whatever is being spoken; [utteranceId] names it. */
    fun speak(text: String, languageTag: String, utteranceId: String)
}
