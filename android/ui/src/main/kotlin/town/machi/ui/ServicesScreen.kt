package town.machi.ui

import androidx.compose.foundation.clickable
import androidx.compose.foundation.horizontalScroll
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.text.KeyboardActions
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.FilterChip
import androidx.compose.material3.ListItem
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.input.ImeAction
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import town.machi.shared.AppModel
import town.machi.shared.date

/** The screens under the Services tab. */
enum class ServicePage(val label: String, val hint: String) {
    GARBAGE("ui-services-garbage", "ui-services-garbage-hint"),
    PROCEDURES("ui-services-procedures", "ui-services-procedures-hint"),
    BENEFITS("ui-services-benefits", "ui-services-benefits-hint"),
}

/**
 * Services: a hub of the resident's errands (garbage sorting, procedures
 * after life events, the eligibility check), or the one [page] chosen.
 * [onPage] moves between them (`null`: back to the hub).
 */
@Composable
fun ServicesScreen(model: AppModel, page: ServicePage?, onPage: (ServicePage?) -> Unit, modifier: Modifier) {
    when (page) {
        null -> LazyColumn(modifier.padding(8.dp)) {
            items(ServicePage.entries) { p ->
                Card(Modifier.fillMaxWidth().padding(8.dp)) {
                    // The ListItem merges its texts: the clickable goes on it, so its node is the one TalkBack reads and taps.
                    ListItem(
                        headlineContent = { RubyText(model.t(p.label), style = MaterialTheme.typography.titleMedium) },
                        supportingContent = { RubyText(model.t(p.hint)) },
                        modifier = Modifier.clickable { onPage(p) },
                    )
                }
            }
        }
        ServicePage.GARBAGE -> GarbageScreen(model, { onPage(null) }, modifier)
        ServicePage.PROCEDURES -> ProceduresScreen(model, { onPage(null) }, modifier)
        ServicePage.BENEFITS -> BenefitsScreen(model, { onPage(null) }, modifier)
    }
}

/** The "Back to services" button and the page's heading, at the top of each service screen. */
@Composable
internal fun ServiceHeader(model: AppModel, title: String, back: () -> Unit) {
    Column {
        TextButton(onClick = back) { RubyText(model.t("ui-services-back")) }
        RubyText(model.t(title), Modifier.padding(vertical = 8.dp).semantics { heading() }, MaterialTheme.typography.headlineSmall)
    }
}

/** Garbage sorting: search with suggestions while typing, the area, where each item goes and its next day. */
@Composable
fun GarbageScreen(model: AppModel, back: () -> Unit, modifier: Modifier) {
    val vm = model.garbage
    val s by vm.state.collectAsStateWithLifecycle()
    var query by rememberSaveable { mutableStateOf(s.result?.query ?: "") }
    LaunchedEffect(Unit) { if (s.areas.isEmpty()) vm.load() }
    val lookUp = { q: String -> if (q.isNotBlank()) model.launch { vm.sort(q) } }
    LazyColumn(modifier.padding(horizontal = 16.dp)) {
        item { ServiceHeader(model, "ui-services-garbage", back) }
        item {
            OutlinedTextField(
                value = query,
                onValueChange = { query = it; model.launch { vm.typing(it) } },
                label = { RubyText(model.t("ui-garbage-search")) },
                placeholder = { RubyText(model.t("ui-garbage-search-hint")) },
                singleLine = true,
                keyboardOptions = KeyboardOptions(imeAction = ImeAction.Search),
                keyboardActions = KeyboardActions(onSearch = { lookUp(query) }),
                modifier = Modifier.fillMaxWidth(),
            )
        }
        items(s.suggestions, key = { "s-" + it.itemJa + it.matched }) { sug ->
            ListItem(
                headlineContent = { RubyText(model.repo.content(sug.item.text)) },
                supportingContent = { RubyText(model.repo.content(sug.category.text)) },
                modifier = Modifier.clickable { query = sug.item.text; lookUp(sug.itemJa) },
            )
        }
        item { Button(onClick = { lookUp(query) }, Modifier.padding(vertical = 8.dp)) { RubyText(model.t("ui-garbage-lookup")) } }
        if (s.areas.isNotEmpty()) {
            item {
                RubyText(model.t("ui-garbage-area"), Modifier.padding(top = 8.dp), MaterialTheme.typography.titleSmall)
            }
            item {
                Row(Modifier.horizontalScroll(rememberScrollState()).padding(vertical = 4.dp)) {
                    for (a in s.areas) {
                        FilterChip(
                            selected = s.area == a.id,
                            onClick = {
                                vm.chooseArea(a.id)
                                // The next collection day is the area's: look the shown item up again.
                                s.result?.let { r -> lookUp(r.query) }
                            },
                            label = { RubyText(model.repo.content(a.name.text)) },
                            modifier = Modifier.padding(end = 8.dp),
                        )
                    }
                }
            }
        }
        s.failure?.let { item { RubyText(it, Modifier.padding(vertical = 8.dp), color = MaterialTheme.colorScheme.error) } }
        s.result?.let { r ->
            if (r.matches.isEmpty()) item { RubyText(model.t("ui-garbage-none", "query" to r.query), Modifier.padding(vertical = 8.dp)) }
            items(r.matches, key = { "m-" + it.itemJa + it.categoryId }) { m ->
                Card(Modifier.fillMaxWidth().padding(vertical = 8.dp)) {
                    Column(Modifier.padding(16.dp)) {
                        RubyText(model.repo.content(m.item.text), style = MaterialTheme.typography.titleMedium)
                        RubyText(model.repo.content(m.category.text), style = MaterialTheme.typography.titleLarge, color = MaterialTheme.colorScheme.primary)
                        val how = m.how ?: m.categoryHow
                        how?.let {
                            RubyText(model.t("ui-garbage-how"), Modifier.padding(top = 8.dp), MaterialTheme.typography.titleSmall)
                            RubyText(model.repo.content(it.text))
                        }
                        m.notice?.let { RubyText(model.repo.content(it.text), Modifier.padding(top = 4.dp)) }
                        m.caution?.let { RubyText(model.repo.content(it.text), Modifier.padding(top = 4.dp), color = MaterialTheme.colorScheme.error) }
                        r.area?.let { area ->
                            val next = m.nextCollection
                            val line = if (next != null) {
                                model.t("ui-garbage-next", "area" to area.name.text, "date" to model.repo.date(next))
                            } else {
                                model.t("ui-garbage-no-schedule", "area" to area.name.text)
                            }
                            RubyText(line, Modifier.padding(top = 8.dp), MaterialTheme.typography.titleSmall)
                        }
                    }
                }
            }
        }
    }
}
