package town.machi.ui

import androidx.compose.foundation.horizontalScroll
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.itemsIndexed
import androidx.compose.foundation.lazy.rememberLazyListState
import androidx.compose.foundation.rememberScrollState
import androidx.compose.material3.AssistChip
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.SuggestionChip
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import town.machi.shared.AppModel
import town.machi.shared.ChatItem

/** Ask: chat bubbles, clarifying choices, contact fallback, feedback, typing suggestions. */
@Composable
fun AskScreen(model: AppModel, modifier: Modifier) {
    val s by model.ask.state.collectAsStateWithLifecycle()
    var input by rememberSaveable { mutableStateOf("") }
    val list = rememberLazyListState()
    // A chat shows its newest bubble: follow each reply (and the thanks line) as it arrives.
    LaunchedEffect(s.items.size, s.thanks) {
        val last = s.items.size + (if (s.thanks != null) 1 else 0) - 1
        if (last >= 0) list.animateScrollToItem(last)
    }
    Column(modifier) {
        LazyColumn(Modifier.weight(1f).padding(8.dp), state = list) {
            itemsIndexed(s.items) { index, item ->
                when (item) {
                    is ChatItem.Question -> Text(item.text, Modifier.fillMaxWidth().padding(8.dp), style = MaterialTheme.typography.bodyLarge)
                    is ChatItem.Failure -> RubyText(item.message, color = MaterialTheme.colorScheme.error)
                    is ChatItem.Reply -> Card(Modifier.padding(4.dp)) {
                        Column(Modifier.padding(12.dp)) {
                            if (item.reply.message.isNotEmpty()) RubyText(model.repo.content(item.reply.message))
                            item.reply.answers.firstOrNull()?.let { a ->
                                RubyText(model.repo.content(a.question), style = MaterialTheme.typography.titleSmall)
                                RubyText(model.repo.content(a.answer))
                                a.note?.let { RubyText(model.repo.content(it), style = MaterialTheme.typography.bodySmall) }
                            }
                            item.procedure?.let { p ->
                                // The procedure the answer is about: what to bring, deadline, online link.
                                HorizontalDivider(Modifier.padding(vertical = 8.dp))
                                RubyText(model.t("ui-ask-procedure"), style = MaterialTheme.typography.titleSmall)
                                RubyText(model.repo.content(p.name.text), style = MaterialTheme.typography.titleMedium)
                                ProcedureCard(model, p, title = false)
                            }
                            for (c in item.reply.choices) {
                                AssistChip(onClick = { model.launch { model.ask.choose(c) } }, label = { RubyText(model.repo.content(c.label)) })
                            }
                            (item.reply.contact ?: item.reply.answers.firstOrNull()?.contact)?.let { c ->
                                RubyText(model.t("ui-ask-contact", "department" to c.text), style = MaterialTheme.typography.bodySmall)
                            }
                            if (!item.rated && item.reply.answers.isNotEmpty()) {
                                Row {
                                    TextButton(onClick = { model.launch { model.ask.rate(index, true) } }) { RubyText(model.t("ui-ask-helpful")) }
                                    TextButton(onClick = { model.launch { model.ask.rate(index, false) } }) { RubyText(model.t("ui-ask-not-helpful")) }
                                }
                            }
                        }
                    }
                }
            }
            s.thanks?.let { item { RubyText(it, style = MaterialTheme.typography.bodySmall) } }
        }
        // Typing suggestions scroll sideways in one row: at large text sizes a list of
        // them would push the question field and its Send button off the screen.
        if (s.suggestions.isNotEmpty()) {
            Row(Modifier.horizontalScroll(rememberScrollState()).padding(horizontal = 8.dp)) {
                for (sug in s.suggestions) {
                    SuggestionChip(
                        onClick = { input = ""; model.launch { model.ask.ask(sug.question) } },
                        label = { RubyText(model.repo.content(sug.question)) },
                        modifier = Modifier.padding(end = 8.dp),
                    )
                }
            }
        }
        Row(Modifier.padding(8.dp)) {
            OutlinedTextField(
                value = input,
                onValueChange = { input = it; model.launch { model.ask.typing(it) } },
                label = { RubyText(model.t("ui-ask-placeholder")) },
                modifier = Modifier.weight(1f),
            )
            Button(onClick = { val q = input; input = ""; model.launch { model.ask.ask(q) } }, modifier = Modifier.padding(start = 8.dp)) {
                RubyText(model.t("ui-ask-send"))
            }
        }
    }
}
