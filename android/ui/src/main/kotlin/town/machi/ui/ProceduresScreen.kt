package town.machi.ui

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.selection.selectable
import androidx.compose.material3.Button
import androidx.compose.material3.Checkbox
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.ListItem
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.RadioButton
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import town.machi.shared.AppModel
import town.machi.shared.date

/**
 * Procedures after a life event: choose the event and its date, make the
 * checklist, tick steps off (each box says to TalkBack what it does), see
 * what is due and overdue, open a step's card; "My checklists" reopens them.
 */
@Composable
fun ProceduresScreen(model: AppModel, back: () -> Unit, modifier: Modifier) {
    val vm = model.procedures
    val s by vm.state.collectAsStateWithLifecycle()
    LaunchedEffect(Unit) { if (s.events.isEmpty()) vm.refresh() }
    val card = s.card
    val checklist = s.checklist
    if (card != null) {
        LazyColumn(modifier.padding(horizontal = 16.dp)) {
            item { TextButton(onClick = vm::closeCard) { RubyText(model.t("common-back")) } }
            item { ProcedureCard(model, card, Modifier.padding(bottom = 16.dp)) }
        }
        return
    }
    if (checklist != null) {
        LazyColumn(modifier.padding(horizontal = 16.dp)) {
            item { TextButton(onClick = vm::closeChecklist) { RubyText(model.t("common-back")) } }
            item {
                Column {
                    RubyText(model.repo.content(checklist.event.name.text), Modifier.semantics { heading() }, MaterialTheme.typography.headlineSmall)
                    RubyText(model.repo.content(model.repo.date(checklist.eventDate)))
                    s.progress?.let { RubyText(it, Modifier.padding(vertical = 8.dp), MaterialTheme.typography.titleSmall) }
                }
            }
            items(s.rows, key = { it.item.procedure.id }) { row ->
                val p = row.item.procedure
                Row(Modifier.fillMaxWidth().padding(vertical = 4.dp), verticalAlignment = Alignment.Top) {
                    Checkbox(
                        checked = row.item.done,
                        onCheckedChange = { done -> model.launch { vm.setDone(p.id, done) } },
                        modifier = Modifier.semantics { contentDescription = row.toggleLabel.plain },
                    )
                    Column(Modifier.weight(1f).padding(top = 12.dp)) {
                        RubyText(model.repo.content(p.name.text), style = MaterialTheme.typography.titleMedium)
                        RubyText(row.due)
                        row.overdue?.let { RubyText(it, style = MaterialTheme.typography.titleSmall, color = MaterialTheme.colorScheme.error) }
                        TextButton(onClick = { vm.showCard(p) }) { RubyText(model.t("ui-procedures-details")) }
                    }
                }
                HorizontalDivider()
            }
            item {
                TextButton(onClick = { model.launch { vm.remove(checklist.event.id, checklist.eventDate) } }, Modifier.padding(vertical = 16.dp)) {
                    RubyText(model.t("ui-procedures-remove"), color = MaterialTheme.colorScheme.error)
                }
            }
        }
        return
    }
    var event by rememberSaveable { mutableStateOf<String?>(null) }
    var date by rememberSaveable { mutableStateOf(model.today().toString()) }
    LazyColumn(modifier.padding(horizontal = 16.dp)) {
        item { ServiceHeader(model, "ui-services-procedures", back) }
        item { RubyText(model.t("ui-procedures-my-checklists"), Modifier.padding(top = 8.dp).semantics { heading() }, MaterialTheme.typography.titleMedium) }
        // (With an event chosen, its failure shows under its date instead.)
        if (event == null) s.failure?.let { item { RubyText(it, Modifier.padding(vertical = 8.dp), color = MaterialTheme.colorScheme.error) } }
        if (s.started.isEmpty()) item { RubyText(model.t("ui-procedures-none"), Modifier.padding(vertical = 8.dp)) }
        items(s.started, key = { "c-${it.eventId}-${it.eventDate}" }) { c ->
            ListItem(
                headlineContent = { RubyText(c.label) },
                modifier = Modifier.clickable { model.launch { vm.open(c.eventId, c.eventDate) } },
            )
        }
        item { RubyText(model.t("ui-procedures-events"), Modifier.padding(top = 16.dp).semantics { heading() }, MaterialTheme.typography.titleMedium) }
        items(s.events, key = { "e-" + it.id }) { e ->
            Column {
                Row(
                    Modifier.fillMaxWidth().selectable(event == e.id, role = Role.RadioButton) { event = e.id }.padding(vertical = 8.dp),
                    verticalAlignment = Alignment.Top,
                ) {
                    RadioButton(selected = event == e.id, onClick = null)
                    Column(Modifier.weight(1f).padding(start = 8.dp)) {
                        RubyText(model.repo.content(e.name.text))
                        e.description?.let { RubyText(model.repo.content(it.text), style = MaterialTheme.typography.bodySmall) }
                    }
                }
                // The chosen event opens its date and the button right under it (the list is long).
                if (event == e.id) {
                    OutlinedTextField(
                        value = date,
                        onValueChange = { date = it },
                        label = { RubyText(model.t("ui-procedures-event-date")) },
                        singleLine = true,
                        modifier = Modifier.fillMaxWidth().padding(start = 32.dp),
                    )
                    s.failure?.let { RubyText(it, Modifier.padding(start = 32.dp, top = 4.dp), color = MaterialTheme.colorScheme.error) }
                    Button(onClick = { model.launch { vm.start(e.id, date) } }, Modifier.padding(start = 32.dp, top = 8.dp, bottom = 8.dp)) {
                        RubyText(model.t("ui-procedures-start"))
                    }
                }
            }
        }
    }
}
