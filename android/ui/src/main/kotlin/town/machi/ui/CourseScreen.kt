package town.machi.ui

import androidx.compose.foundation.horizontalScroll
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.rememberScrollState
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Close
import androidx.compose.material.icons.filled.Lock
import androidx.compose.material.icons.outlined.Lock
import androidx.compose.material3.Button
import androidx.compose.material3.FilterChip
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.IconToggleButton
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.ListItem
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Slider
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import town.machi.shared.AppModel
import town.machi.shared.CourseForm
import uniffi.machi_ffi.CourseLegView
import uniffi.machi_ffi.CourseMode
import uniffi.machi_ffi.CoursePace

/** Course: the request form, then the suggested course as a timeline with remove / lock per stop. */
@Composable
fun CourseScreen(model: AppModel, modifier: Modifier) {
    val s by model.course.state.collectAsStateWithLifecycle()
    val vm = model.course
    LazyColumn(modifier.padding(horizontal = 16.dp)) {
        item {
            Column {
                OutlinedTextField(s.form.date, { v -> vm.edit { it.copy(date = v) } }, label = { RubyText(model.t("ui-course-date")) })
                OutlinedTextField(s.form.startTime, { v -> vm.edit { it.copy(startTime = v) } }, label = { RubyText(model.t("ui-course-start-time")) })
                val hoursLabel = model.repo.content("${model.t("ui-course-hours").display}: ${model.repo.machi.formatDuration((s.form.hours * 60).toUInt())}")
                RubyText(hoursLabel)
                Slider(
                    value = s.form.hours.toFloat(),
                    onValueChange = { v -> vm.edit { it.copy(hours = Math.round(v * 2) / 2.0) } },
                    valueRange = 1f..10f,
                    modifier = Modifier.semantics { contentDescription = hoursLabel.plain },
                )
                RubyText(model.t("ui-course-mode"))
                Row(Modifier.horizontalScroll(rememberScrollState())) {
                    for (mode in CourseForm.REQUEST_MODES) {
                        FilterChip(
                            selected = s.form.mode == mode,
                            onClick = { vm.edit { it.copy(mode = mode) } },
                            label = { RubyText(model.t("course-mode-${mode.name.lowercase()}")) },
                            modifier = Modifier.padding(end = 8.dp),
                        )
                    }
                }
                if (s.form.offersAccess) AccessChoices(model, s.form)
                RubyText(model.t("ui-course-pace"))
                Row {
                    for (pace in CoursePace.entries) {
                        FilterChip(
                            selected = s.form.pace == pace,
                            onClick = { vm.edit { it.copy(pace = pace) } },
                            label = { RubyText(model.t("ui-course-pace-${pace.name.lowercase()}")) },
                            modifier = Modifier.padding(end = 8.dp),
                        )
                    }
                }
                RubyText(model.t("ui-course-interests"))
                Row(Modifier.horizontalScroll(rememberScrollState())) {
                    for (tag in s.interests) {
                        FilterChip(
                            selected = tag.id in s.form.interests,
                            onClick = { vm.toggleInterest(tag.id) },
                            label = { RubyText(tag.label) },
                            modifier = Modifier.padding(end = 8.dp),
                        )
                    }
                }
                Button(onClick = { model.launch { vm.suggest() } }, enabled = !s.loading, modifier = Modifier.padding(vertical = 8.dp)) {
                    RubyText(model.t("ui-course-plan"))
                }
                if (s.loading) LinearProgressIndicator()
                s.error?.let { RubyText(it, style = MaterialTheme.typography.bodyMedium.copy(color = MaterialTheme.colorScheme.error)) }
            }
        }
        val course = s.course ?: return@LazyColumn
        for (day in course.main.days) {
            item { RubyText(model.repo.content("${day.dateLabel}  ${day.departLabel} ${day.startName}"), style = MaterialTheme.typography.titleMedium) }
            items(day.stops.size, key = { "${day.date}-${day.stops[it].spotId}" }) { i ->
                val stop = day.stops[i]
                val row = s.stops.firstOrNull { it.stop.spotId == stop.spotId }
                Column {
                    LegRows(model, day.legs[i])
                    ListItem(
                        headlineContent = { RubyText(model.repo.content(stop.name)) },
                        supportingContent = {
                            Column {
                                RubyText(model.repo.content("${stop.arrivalLabel} – ${stop.leaveLabel}"))
                                for (e in stop.explanations) RubyText(model.repo.content(e), style = MaterialTheme.typography.bodySmall)
                            }
                        },
                        trailingContent = {
                            Row {
                                val plainName = model.repo.machi.plainText(stop.name)
                                val lockLabel = model.t("ui-course-lock-stop", "name" to plainName).plain
                                // A toggle: TalkBack says whether the stop is locked in.
                                IconToggleButton(
                                    checked = row?.locked == true,
                                    onCheckedChange = { model.launch { vm.toggleLock(stop.spotId) } },
                                    modifier = Modifier.semantics { contentDescription = lockLabel },
                                ) {
                                    Icon(if (row?.locked == true) Icons.Filled.Lock else Icons.Outlined.Lock, contentDescription = null)
                                }
                                val removeLabel = model.t("ui-course-remove-stop", "name" to plainName).plain
                                IconButton(onClick = { model.launch { vm.removeStop(stop.spotId) } }, modifier = Modifier.semantics { contentDescription = removeLabel }) {
                                    Icon(Icons.Filled.Close, contentDescription = null)
                                }
                            }
                        },
                        modifier = Modifier.semantics { row?.let { contentDescription = it.accessibilityLabel } },
                    )
                }
            }
            item {
                Column {
                    day.legs.lastOrNull()?.let { LegRows(model, it) }
                    RubyText(model.repo.content("${day.arriveLabel} ${day.endName}"), style = MaterialTheme.typography.titleSmall)
                }
            }
        }
        item {
            Column(Modifier.padding(vertical = 8.dp)) {
                RubyText(model.repo.content(course.main.totalsLabel))
                s.costs?.let { RubyText(it) }
            }
        }
        if (course.congestion.isNotEmpty()) {
            item { RubyText(model.t("ui-course-congestion"), style = MaterialTheme.typography.titleMedium) }
            items(course.congestion, key = { it.id }) { c ->
                ListItem(headlineContent = { RubyText(model.repo.content(c.name)) }, supportingContent = { RubyText(model.repo.content(c.note)) })
            }
        }
    }
}

/** The form's ways beyond the mode: a taxi budget, a rental bicycle and the longest walk. */
@Composable
private fun AccessChoices(model: AppModel, form: CourseForm) {
    val vm = model.course
    RubyText(model.t("ui-course-taxi-budget"))
    Row(Modifier.horizontalScroll(rememberScrollState())) {
        for (budget in listOf<UInt?>(null) + CourseForm.TAXI_BUDGETS) {
            FilterChip(
                selected = form.taxiBudgetYen == budget,
                onClick = { vm.edit { it.copy(taxiBudgetYen = budget) } },
                label = { RubyText(budget?.let { yen(model, it) } ?: model.t("ui-course-taxi-none")) },
                modifier = Modifier.padding(end = 8.dp),
            )
        }
    }
    RubyText(model.t("ui-course-max-walk"))
    Row(Modifier.horizontalScroll(rememberScrollState())) {
        for (limit in listOf<UInt?>(null) + CourseForm.WALK_LIMITS) {
            FilterChip(
                selected = form.maxWalkMinutes == limit,
                onClick = { vm.edit { it.copy(maxWalkMinutes = limit) } },
                label = {
                    RubyText(limit?.let { model.repo.content(model.repo.machi.formatDuration(it)) } ?: model.t("ui-course-max-walk-any"))
                },
                modifier = Modifier.padding(end = 8.dp),
            )
        }
    }
    FilterChip(
        selected = form.bicycle,
        onClick = { vm.edit { it.copy(bicycle = !it.bicycle) } },
        label = { RubyText(model.t("ui-course-bicycle-rental")) },
    )
}

/** "¥3000" in the reader's language. */
private fun yen(model: AppModel, amount: UInt) = model.t("ui-course-yen", "yen" to amount.toLong())

/**
 * A travel leg: its description, then each bus or train ride (line, departure
 * and arrival, from → to, fare) and a taxi leg's fare, so the times and costs
 * stand out of the sentence.
 */
@Composable
private fun LegRows(model: AppModel, leg: CourseLegView) {
    Column {
        RubyText(model.repo.content(leg.description), style = MaterialTheme.typography.bodySmall)
        for (ride in leg.rides) {
            Column(Modifier.padding(start = 16.dp, top = 2.dp)) {
                RubyText(model.repo.content(ride.line), style = MaterialTheme.typography.labelLarge)
                val times = model.t(
                    "ui-course-ride",
                    "depart" to ride.departLabel,
                    "from" to ride.fromStop,
                    "arrive" to ride.arriveLabel,
                    "to" to ride.toStop,
                )
                RubyText(times, style = MaterialTheme.typography.bodySmall)
                ride.fareYen?.let { RubyText(yen(model, it), style = MaterialTheme.typography.bodySmall) }
            }
        }
        if (leg.mode == CourseMode.TAXI && leg.fareYen > 0u) {
            Row(Modifier.padding(start = 16.dp, top = 2.dp)) {
                RubyText(model.t("course-mode-taxi"), style = MaterialTheme.typography.labelLarge)
                RubyText(yen(model, leg.fareYen), Modifier.padding(start = 8.dp), style = MaterialTheme.typography.bodySmall)
            }
        }
    }
}
