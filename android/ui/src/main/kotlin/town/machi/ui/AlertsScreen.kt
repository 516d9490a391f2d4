package town.machi.ui

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.ListItem
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import town.machi.shared.AppModel

/** Alerts: the list (or history), a notice with shelters and read-aloud, a live banner for new ones. */
@Composable
fun AlertsScreen(model: AppModel, readAloud: ReadAloud, modifier: Modifier) {
    val s by model.alerts.state.collectAsStateWithLifecycle()
    val detail = s.detail
    if (detail != null) {
        val n = detail.notice
        LazyColumn(modifier.padding(16.dp)) {
            item { TextButton(onClick = model.alerts::closeDetail) { Text(model.t("common-back").display) } }
            n.statusLabel?.let { item { Text(it, color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.titleMedium) } }
            n.stateLabel?.let { item { Text(it) } }
            item { RubyText(model.repo.content(n.title), style = MaterialTheme.typography.headlineSmall) }
            n.levelLabel?.let { item { Text(it, style = MaterialTheme.typography.titleMedium) } }
            item { RubyText(model.repo.content(n.body)) }
            n.note?.let { item { Text(it, style = MaterialTheme.typography.bodySmall) } }
            n.original?.let { item { Text(it, style = MaterialTheme.typography.bodySmall) } }
            item {
                Button(onClick = { readAloud.speak(n.readAloud, model.speechLanguage(), "notice-${n.id}") }) {
                    Text(model.t("ui-alerts-read-aloud").display)
                }
            }
            item { RubyText(model.t("ui-alerts-shelters"), Modifier.padding(top = 16.dp), MaterialTheme.typography.titleMedium) }
            items(detail.shelters, key = { it.shelter.id }) { c ->
                ListItem(
                    headlineContent = { RubyText(model.repo.content(c.shelter.name.text)) },
                    supportingContent = { Text(model.t("ui-alerts-walk", "minutes" to c.walkMinutes.toInt()).display) },
                    trailingContent = { Text(model.repo.machi.formatDistance(c.shelter.distanceM)) },
                )
            }
        }
        return
    }
    LazyColumn(modifier) {
        s.incoming?.let { n ->
            item {
                // Announced by TalkBack as soon as it appears.
                Card(Modifier.padding(8.dp).semantics { liveRegion = LiveRegionMode.Assertive }.clickable { model.launch { model.alerts.open(n.id) } }) {
                    Text(model.t("ui-alerts-new", "title" to model.repo.machi.plainText(n.title)).display, Modifier.padding(16.dp))
                }
            }
        }
        item {
            Row(Modifier.padding(16.dp)) {
                Text(model.t("ui-alerts-history").display, Modifier.weight(1f))
                Switch(checked = s.showHistory, onCheckedChange = { v -> model.launch { model.alerts.showHistory(v) } })
            }
        }
        if (s.notices.isEmpty()) item { RubyText(model.t("ui-alerts-empty"), Modifier.padding(16.dp)) }
        items(s.notices, key = { it.id }) { n ->
            ListItem(
                overlineContent = { Column { n.statusLabel?.let { Text(it, color = MaterialTheme.colorScheme.error) }; n.stateLabel?.let { Text(it) } } },
                headlineContent = { RubyText(model.repo.content(n.title)) },
                supportingContent = { Text(model.repo.machi.plainText(n.headline)) },
                modifier = Modifier.clickable { model.launch { model.alerts.open(n.id) } },
            )
        }
    }
}
