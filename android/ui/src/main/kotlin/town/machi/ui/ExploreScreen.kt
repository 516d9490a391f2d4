package town.machi.ui

import androidx.compose.foundation.clickable
import androidx.compose.foundation.horizontalScroll
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.FilterChip
import androidx.compose.material3.ListItem
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import town.machi.shared.AppModel

/** Explore: tag chips, spots (nearest first when located), upcoming events, a spot's detail. */
@Composable
fun ExploreScreen(model: AppModel, modifier: Modifier) {
    val s by model.explore.state.collectAsStateWithLifecycle()
    val detail = s.detail
    if (detail != null) {
        // Scrolls: at large text sizes a description is longer than the screen.
        Column(modifier.verticalScroll(rememberScrollState()).padding(16.dp)) {
            TextButton(onClick = model.explore::closeDetail) { RubyText(model.t("common-back")) }
            RubyText(model.repo.content(detail.name.text), style = MaterialTheme.typography.headlineSmall)
            detail.description?.let { RubyText(model.repo.content(it.text)) }
            RubyText(model.t("ui-spot-visit-time", "duration" to model.repo.machi.formatDuration(detail.visitMinutes)))
            detail.openingHours?.let { RubyText(model.repo.content(it)) }
            detail.access?.let { RubyText(model.repo.content(it.text)) }
        }
        return
    }
    LazyColumn(modifier) {
        item {
            Row(Modifier.horizontalScroll(rememberScrollState()).padding(8.dp)) {
                FilterChip(selected = s.selectedTag == null, onClick = { model.launch { model.explore.selectTag(null) } }, label = { RubyText(model.t("ui-explore-all-tags")) })
                for (tag in s.tags) {
                    FilterChip(
                        selected = s.selectedTag == tag.id,
                        onClick = { model.launch { model.explore.selectTag(tag.id) } },
                        label = { RubyText(tag.label) },
                        modifier = Modifier.padding(start = 8.dp).semantics { contentDescription = model.t("ui-explore-filter", "tag" to tag.label.plain).plain },
                    )
                }
            }
        }
        s.error?.let { item { RubyText(it, Modifier.padding(16.dp), color = MaterialTheme.colorScheme.error) } }
        item { RubyText(model.t("ui-explore-spots"), Modifier.padding(16.dp), MaterialTheme.typography.titleMedium) }
        items(s.spots, key = { it.spot.id }) { row ->
            ListItem(
                headlineContent = { RubyText(model.repo.content(row.spot.name.text)) },
                supportingContent = { row.fallbackNote?.let { RubyText(it) } },
                trailingContent = { row.spot.distanceM?.let { RubyText(model.repo.content(model.repo.machi.formatDistance(it))) } },
                modifier = Modifier
                    .clickable { model.launch { model.explore.open(row.spot.id) } }
                    .semantics { contentDescription = row.accessibilityLabel },
            )
        }
        item { RubyText(model.t("ui-explore-events"), Modifier.padding(16.dp), MaterialTheme.typography.titleMedium) }
        items(s.events, key = { it.id }) { e ->
            ListItem(headlineContent = { RubyText(model.repo.content(e.name.text)) }, supportingContent = { Text("${e.startDate} – ${e.endDate}") })
        }
    }
}
