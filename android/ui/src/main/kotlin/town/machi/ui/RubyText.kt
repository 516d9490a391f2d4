package town.machi.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.material3.LocalTextStyle
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.layout.layout
import androidx.compose.ui.semantics.SemanticsPropertyKey
import androidx.compose.ui.semantics.SemanticsPropertyReceiver
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.text.TextStyle
import androidx.compose.ui.unit.Constraints
import androidx.compose.ui.unit.em
import town.machi.shared.UiText

/** The readings (furigana) a [RubyText] draws above its kanji, in order: for UI tests and accessibility tools. */
val RubyReadings = SemanticsPropertyKey<List<String>>("RubyReadings")

/** Sets [RubyReadings] on a node. */
var SemanticsPropertyReceiver.rubyReadings by RubyReadings

/**
 * True when a [RubyText] is given less height than its lines need, so some
 * line (or the furigana above it) is cut off: the ruby counterpart of a
 * Text's visual overflow, for the large-text UI tests.
 */
val RubyClipped = SemanticsPropertyKey<Boolean>("RubyClipped")

/** Sets [RubyClipped] on a node. */
var SemanticsPropertyReceiver.rubyClipped by RubyClipped

/**
 * Draws text with furigana above the kanji that carry a reading (easy
 * Japanese); plain text otherwise. [color] overrides [style]'s colour.
 * TalkBack reads [UiText.plain] once, not base and reading separately.
 * Lines break between any two characters of Japanese text (and between
 * words of Latin text), never inside a word that carries a reading.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun RubyText(
    text: UiText,
    modifier: Modifier = Modifier,
    style: TextStyle = LocalTextStyle.current,
    color: Color = Color.Unspecified,
) {
    val drawn = if (color == Color.Unspecified) style else style.copy(color = color)
    if (!text.hasRuby) {
        Text(text.display, modifier, style = drawn)
        return
    }
    val readings = text.segments.mapNotNull { it.ruby }
    var clipped by remember { mutableStateOf(false) }
    FlowRow(
        modifier
            .clearAndSetSemantics {
                contentDescription = text.plain
                rubyReadings = readings
                rubyClipped = clipped
            }
            .layout { measurable, constraints ->
                // Measure at the height the lines need, then report whether the parent gave less.
                val p = measurable.measure(constraints.copy(maxHeight = Constraints.Infinity))
                clipped = p.height > constraints.maxHeight
                layout(p.width, p.height.coerceIn(constraints.minHeight, constraints.maxHeight)) { p.place(0, 0) }
            },
        verticalArrangement = Arrangement.Bottom,
    ) {
        for (seg in text.segments) {
            val ruby = seg.ruby
            if (ruby == null) {
                // Plain runs break like ordinary text; bottom-aligned with the ruby words around them.
                for (unit in breakUnits(seg.base)) Text(unit, Modifier.align(Alignment.Bottom), style = drawn)
            } else {
                Column(Modifier.align(Alignment.Bottom), horizontalAlignment = Alignment.CenterHorizontally) {
                    Text(ruby, style = drawn.copy(fontSize = drawn.fontSize * 0.5f, lineHeight = 1.em))
                    Text(seg.base, style = drawn)
                }
            }
        }
    }
}

// Characters that may not start a line (closing brackets, small kana, punctuation)
// and that may not end one (opening brackets): Japanese line-breaking rules (kinsoku).
private const val NO_LINE_START = "、。，．・：；？！ー）」』】〕〉》）]}ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ…,.:;!?)"
private const val NO_LINE_END = "（「『【〔〈《([{"

/**
 * Splits a run without readings into the pieces a line may break between:
 * each CJK character on its own, Latin words with their trailing space, and
 * punctuation kept with its neighbour.
 */
internal fun breakUnits(run: String): List<String> {
    val units = mutableListOf<StringBuilder>()
    var open = false // the last unit may still grow (a Latin word, or an opening bracket)
    for (ch in run) {
        val last = units.lastOrNull()
        when {
            last != null && ch in NO_LINE_START -> last.append(ch)
            last != null && open -> last.append(ch)
            else -> units += StringBuilder().append(ch)
        }
        open = when {
            ch in NO_LINE_END -> true
            ch.isWhitespace() -> false
            ch.code < 0x2E80 -> !ch.isWhitespace() // inside a Latin word until its space
            else -> false
        }
    }
    return units.map { it.toString() }
}
