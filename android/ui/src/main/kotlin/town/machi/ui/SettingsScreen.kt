package town.machi.ui

import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.selection.selectable
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Close
import androidx.compose.material3.Button
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.ListItem
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.RadioButton
import androidx.compose.material3.Slider
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import town.machi.shared.AppModel
import town.machi.shared.SettingsViewModel
import town.machi.shared.UiText

/** Settings: language (incl. easy Japanese), text size, registered places, sync now with progress. */
@Composable
fun SettingsScreen(model: AppModel, modifier: Modifier) {
    val s by model.settings.state.collectAsStateWithLifecycle()
    var placeName by rememberSaveable { mutableStateOf("") }
    LazyColumn(modifier.padding(16.dp)) {
        item { RubyText(model.t("ui-settings-language"), style = MaterialTheme.typography.titleMedium) }
        item {
            LanguageRow(model.t("ui-settings-follow-device"), s.locale?.languageOverride == null) { model.chooseLanguage(null) }
        }
        items(s.languages, key = { it.tag }) { lang ->
            LanguageRow(model.repo.content(lang.name), s.locale?.languageOverride == lang.tag) { model.chooseLanguage(lang.tag) }
        }
        item { RubyText(model.t("ui-settings-text-size"), Modifier.padding(top = 16.dp), MaterialTheme.typography.titleMedium) }
        item {
            val label = model.t("ui-settings-text-size-value", "percent" to (s.textScale * 100).toInt())
            Slider(
                value = s.textScale,
                onValueChange = model::setTextScale,
                valueRange = SettingsViewModel.MIN_SCALE..SettingsViewModel.MAX_SCALE,
                modifier = Modifier.semantics { contentDescription = label.plain },
            )
        }
        item { RubyText(model.t("ui-settings-places"), Modifier.padding(top = 16.dp), MaterialTheme.typography.titleMedium) }
        item { RubyText(model.t("ui-settings-places-hint")) }
        items(s.places, key = { it.id }) { p ->
            ListItem(
                headlineContent = { RubyText(model.repo.content(p.name)) },
                trailingContent = {
                    val removeLabel = model.t("ui-settings-remove-place", "name" to p.name).plain
                    IconButton(onClick = { model.launch { model.settings.removePlace(p.id) } }, modifier = Modifier.semantics { contentDescription = removeLabel }) {
                        Icon(Icons.Filled.Close, contentDescription = null)
                    }
                },
            )
        }
        item {
            Row {
                OutlinedTextField(placeName, { placeName = it }, label = { RubyText(model.t("ui-settings-place-name")) }, modifier = Modifier.weight(1f))
                // The place is the current position; the Activity asks for location permission first.
                TextButton(onClick = {
                    val here = model.explore.position ?: return@TextButton
                    model.launch { model.settings.addPlace(placeName, here) }
                    placeName = ""
                }) { RubyText(model.t("ui-settings-add-place")) }
            }
        }
        s.error?.let { item { RubyText(it, color = MaterialTheme.colorScheme.error) } }
        item {
            RubyText(model.t("ui-settings-sync"), Modifier.padding(top = 16.dp), MaterialTheme.typography.titleMedium)
            s.packStatus?.let { RubyText(it, Modifier.padding(vertical = 4.dp)) }
        }
        // The sources' terms (GSI's shelter data) and the sample-data notice, which the app must show.
        items(s.attribution.size) { i ->
            RubyText(s.attribution[i], Modifier.padding(vertical = 2.dp), MaterialTheme.typography.bodySmall, MaterialTheme.colorScheme.onSurfaceVariant)
        }
        model.sync?.let { sync ->
            item {
                val st by sync.state.collectAsStateWithLifecycle()
                if (st.running) {
                    val f = st.fraction
                    if (f != null) LinearProgressIndicator(progress = { f }) else LinearProgressIndicator()
                    TextButton(onClick = sync::cancel) { RubyText(model.t("ui-settings-sync-cancel")) }
                } else {
                    Button(onClick = { model.syncNow() }) { RubyText(model.t("ui-settings-sync-now")) }
                }
                st.status?.let { RubyText(it) }
                st.error?.let { RubyText(it, color = MaterialTheme.colorScheme.error) }
            }
        }
    }
}

@Composable
private fun LanguageRow(name: UiText, selected: Boolean, onClick: () -> Unit) {
    Row(Modifier.selectable(selected, onClick = onClick, role = Role.RadioButton).padding(vertical = 8.dp)) {
        RadioButton(selected = selected, onClick = null)
        RubyText(name, Modifier.padding(start = 8.dp))
    }
}
