package town.machi.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.material3.LocalTextStyle
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.SemanticsPropertyKey
import androidx.compose.ui.semantics.SemanticsPropertyReceiver
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.text.TextStyle
import androidx.compose.ui.unit.em
import town.machi.shared.UiText

/** The readings (furigana) a [RubyText] draws above its kanji, in order: for UI tests and accessibility tools. */
val RubyReadings = SemanticsPropertyKey<List<String>>("RubyReadings")

/** Sets [RubyReadings] on a node. */
var SemanticsPropertyReceiver.rubyReadings by RubyReadings

/**
 * Draws text with furigana above the kanji that carry a reading (easy
 * Japanese); plain text otherwise. TalkBack reads [UiText.plain] once,
 * not base and reading separately.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun RubyText(text: UiText, modifier: Modifier = Modifier, style: TextStyle = LocalTextStyle.current) {
    if (!text.hasRuby) {
        Text(text.display, modifier, style = style)
        return
    }
    val readings = text.segments.mapNotNull { it.ruby }
    FlowRow(
        modifier.clearAndSetSemantics {
            contentDescription = text.plain
            rubyReadings = readings
        },
        verticalArrangement = Arrangement.Bottom,
    ) {
        for (seg in text.segments) {
            Column(horizontalAlignment = Alignment.CenterHorizontally) {
                seg.ruby?.let { Text(it, style = style.copy(fontSize = style.fontSize * 0.5f, lineHeight = 1.em)) }
                Text(seg.base, style = style)
            }
        }
    }
}
