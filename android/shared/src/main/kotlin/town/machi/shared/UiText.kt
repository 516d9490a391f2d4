package town.machi.shared

import uniffi.machi_ffi.Message
import uniffi.machi_ffi.RubySegment

/**
 * Text ready for the screen: [display] for layout, [segments] for ruby
 * (furigana) rendering in easy Japanese, [plain] for TalkBack/VoiceOver and
 * read-aloud.
 */
data class UiText(
    val display: String,
    val plain: String,
    val segments: List<RubySegment>,
) {
    /** True when some segment carries a reading to draw above it. */
    val hasRuby: Boolean get() = segments.any { it.ruby != null }

    companion object {
        /** From a core [Message]. */
        fun of(m: Message) = UiText(m.display, m.plain, m.segments)

        /** Text that has no ruby (e.g. an already localized reason from the core). */
        fun plainText(s: String) = UiText(s, s, listOf(RubySegment(s, null)))
    }
}
