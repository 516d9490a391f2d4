package town.machi.ui

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.selection.toggleable
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.ListItem
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Surface
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import town.machi.shared.AppModel
import town.machi.shared.ShelterRow
import uniffi.machi_ffi.ShelterStatus

/** Alerts: the list (or history), a notice with shelters and read-aloud, a live banner for new ones. */
@Composable
fun AlertsScreen(model: AppModel, readAloud: ReadAloud, modifier: Modifier) {
    val s by model.alerts.state.collectAsStateWithLifecycle()
    val detail = s.detail
    if (detail != null) {
        val n = detail.notice
        LazyColumn(modifier.padding(16.dp)) {
            item { TextButton(onClick = model.alerts::closeDetail) { RubyText(model.t("common-back")) } }
            n.statusLabel?.let { item { RubyText(model.repo.content(it), style = MaterialTheme.typography.titleMedium, color = MaterialTheme.colorScheme.error) } }
            n.stateLabel?.let { item { RubyText(model.repo.content(it)) } }
            // Whether the town's pack verifies the sender, always shown.
            item { RubyText(model.repo.content(n.verificationLabel), style = MaterialTheme.typography.titleSmall, color = trustColor(n.verification)) }
            n.refusedLabel?.let { item { RubyText(model.repo.content(it), color = trustColor(n.verification)) } }
            item { RubyText(model.repo.content(n.title), style = MaterialTheme.typography.headlineSmall) }
            n.levelLabel?.let { item { RubyText(model.repo.content(it), style = MaterialTheme.typography.titleMedium) } }
            item { RubyText(model.repo.content(n.body)) }
            n.note?.let { item { RubyText(model.repo.content(it), style = MaterialTheme.typography.bodySmall) } }
            n.original?.let { item { RubyText(model.repo.content(it), style = MaterialTheme.typography.bodySmall) } }
            item {
                Button(onClick = { readAloud.speak(n.readAloud, model.speechLanguage(), "notice-${n.id}") }) {
                    RubyText(model.t("ui-alerts-read-aloud"))
                }
            }
            item { RubyText(model.t("ui-alerts-shelters"), Modifier.padding(top = 16.dp), MaterialTheme.typography.titleMedium) }
            items(s.shelters, key = { it.choice.shelter.id }) { row ->
                val c = row.choice
                ListItem(
                    overlineContent = { StatusBadge(row) },
                    headlineContent = { RubyText(model.repo.content(c.shelter.name.text)) },
                    supportingContent = { RubyText(model.t("ui-alerts-walk", "minutes" to c.walkMinutes.toInt())) },
                    trailingContent = { RubyText(model.repo.content(model.repo.machi.formatDistance(c.shelter.distanceM))) },
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
                    RubyText(model.t("ui-alerts-new", "title" to model.repo.machi.plainText(n.title)), Modifier.padding(16.dp))
                }
            }
        }
        item {
            // The whole row is the switch: one target, announced with its label.
            Row(
                Modifier
                    .toggleable(s.showHistory, role = Role.Switch) { v -> model.launch { model.alerts.showHistory(v) } }
                    .padding(16.dp),
                verticalAlignment = Alignment.CenterVertically,
            ) {
                RubyText(model.t("ui-alerts-history"), Modifier.weight(1f))
                Switch(checked = s.showHistory, onCheckedChange = null)
            }
        }
        if (s.notices.isEmpty()) item { RubyText(model.t("ui-alerts-empty"), Modifier.padding(16.dp)) }
        items(s.notices, key = { it.id }) { n ->
            ListItem(
                overlineContent = {
                    Column {
                        n.statusLabel?.let { RubyText(model.repo.content(it), color = MaterialTheme.colorScheme.error) }
                        n.stateLabel?.let { RubyText(model.repo.content(it)) }
                        RubyText(model.repo.content(n.verificationLabel), color = trustColor(n.verification))
                        n.refusedLabel?.let { RubyText(model.repo.content(it), color = trustColor(n.verification)) }
                    }
                },
                headlineContent = { RubyText(model.repo.content(n.title)) },
                supportingContent = { RubyText(model.repo.content(n.headline)) },
                modifier = Modifier.clickable { model.launch { model.alerts.open(n.id) } },
            )
        }
    }
}

/** A shelter's open status as a coloured badge: open in the primary colour, full or closed in the error colour. */
@Composable
private fun StatusBadge(row: ShelterRow) {
    val (bg, fg) = when (row.status) {
        ShelterStatus.OPEN -> MaterialTheme.colorScheme.primary to MaterialTheme.colorScheme.onPrimary
        ShelterStatus.FULL, ShelterStatus.CLOSED -> MaterialTheme.colorScheme.error to MaterialTheme.colorScheme.onError
        ShelterStatus.UNKNOWN -> MaterialTheme.colorScheme.surfaceVariant to MaterialTheme.colorScheme.onSurfaceVariant
    }
    Surface(color = bg, shape = MaterialTheme.shapes.small) {
        RubyText(row.statusText, Modifier.padding(horizontal = 8.dp, vertical = 2.dp), MaterialTheme.typography.labelLarge, color = fg)
    }
}

/** Verified notices in the theme's primary colour; unverified ones in its error colour. */
@Composable
private fun trustColor(verification: String) =
    if (verification == "verified") MaterialTheme.colorScheme.primary else MaterialTheme.colorScheme.error
