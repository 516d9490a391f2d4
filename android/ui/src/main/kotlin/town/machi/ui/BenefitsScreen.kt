package town.machi.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.lazy.rememberLazyListState
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.RadioButton
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import town.machi.shared.AppModel
import town.machi.shared.BenefitsViewModel
import town.machi.shared.UiText
import uniffi.machi_ffi.Question

/**
 * The eligibility check: the town's questions (answered on the phone, never
 * sent), then the services the household may receive, each with why and an
 * "apply" that opens the procedure's card.
 */
@Composable
fun BenefitsScreen(model: AppModel, back: () -> Unit, modifier: Modifier) {
    val vm = model.benefits
    val s by vm.state.collectAsStateWithLifecycle()
    LaunchedEffect(Unit) { if (s.questions.isEmpty()) vm.load() }
    val procedure = s.procedure
    if (procedure != null) {
        LazyColumn(modifier.padding(horizontal = 16.dp)) {
            item { TextButton(onClick = vm::closeProcedure) { RubyText(model.t("common-back")) } }
            item { ProcedureCard(model, procedure, Modifier.padding(bottom = 16.dp)) }
        }
        return
    }
    val list = rememberLazyListState()
    // The results appear below the questions: bring them into view when they arrive.
    val resultsAt = 3 + s.questions.size
    LaunchedEffect(s.results) { if (s.results != null) list.animateScrollToItem(resultsAt) }
    LazyColumn(modifier.padding(horizontal = 16.dp), state = list) {
        item { ServiceHeader(model, "ui-services-benefits", back) }
        item { RubyText(model.t("benefits-private"), Modifier.padding(bottom = 8.dp), MaterialTheme.typography.bodyMedium) }
        item { RubyText(model.t("ui-benefits-questions"), Modifier.semantics { heading() }, MaterialTheme.typography.titleMedium) }
        items(s.questions, key = { "q-" + it.id }) { q -> QuestionField(model, vm, q, s.answers[q.id], s.errors[q.id]) }
        item {
            Column {
                s.failure?.let { RubyText(it, color = MaterialTheme.colorScheme.error) }
                Button(onClick = { model.launch { vm.evaluate() } }, Modifier.padding(top = 8.dp)) { RubyText(model.t("ui-benefits-check")) }
                TextButton(onClick = vm::reset) { RubyText(model.t("ui-benefits-reset")) }
            }
        }
        s.results?.let { results ->
            item { RubyText(model.t("ui-benefits-results"), Modifier.padding(top = 16.dp).semantics { heading() }, MaterialTheme.typography.titleLarge) }
            if (results.isEmpty()) item { RubyText(model.t("benefits-none")) }
            items(results, key = { "b-" + it.benefit.id }) { r ->
                Card(Modifier.fillMaxWidth().padding(vertical = 8.dp)) {
                    Column(Modifier.padding(16.dp)) {
                        RubyText(model.repo.content(r.benefit.name.text), style = MaterialTheme.typography.titleMedium)
                        RubyText(r.status, style = MaterialTheme.typography.titleSmall, color = if (r.likely) MaterialTheme.colorScheme.primary else MaterialTheme.colorScheme.secondary)
                        r.benefit.summary?.let { RubyText(model.repo.content(it.text)) }
                        r.because?.let { RubyText(it, Modifier.padding(top = 4.dp)) }
                        if (r.benefit.sample) RubyText(model.t("procedures-sample"), style = MaterialTheme.typography.bodySmall, color = MaterialTheme.colorScheme.error)
                        TextButton(onClick = { model.launch { vm.openProcedure(r.benefit.procedureId) } }) { RubyText(r.apply) }
                    }
                }
            }
        }
    }
}

/** One question with the input its kind needs (yes/no, options, a number, numbers, a date), Skip and its error. */
@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun QuestionField(model: AppModel, vm: BenefitsViewModel, q: Question, answer: String?, error: UiText?) {
    Column(Modifier.fillMaxWidth().padding(vertical = 8.dp)) {
        RubyText(model.repo.content(q.text.text), style = MaterialTheme.typography.titleSmall)
        q.help?.let { RubyText(model.repo.content(it.text), style = MaterialTheme.typography.bodySmall) }
        when (q.kind) {
            "yes-no" -> FlowRow {
                FilterChip(answer == BenefitsViewModel.YES, { vm.answerYesNo(q.id, true) }, { RubyText(model.t("ui-benefits-yes")) }, Modifier.padding(end = 8.dp))
                FilterChip(answer == BenefitsViewModel.NO, { vm.answerYesNo(q.id, false) }, { RubyText(model.t("ui-benefits-no")) }, Modifier.padding(end = 8.dp))
                FilterChip(answer == null, { vm.skip(q.id) }, { RubyText(model.t("ui-benefits-skip")) })
            }
            "choice" -> Column {
                for (o in q.options) {
                    Row(
                        Modifier.fillMaxWidth().selectable(answer == o.id, role = Role.RadioButton) { vm.answerChoice(q.id, o.id) }.padding(vertical = 4.dp),
                        verticalAlignment = Alignment.CenterVertically,
                    ) {
                        RadioButton(selected = answer == o.id, onClick = null)
                        RubyText(model.repo.content(o.label.text), Modifier.padding(start = 8.dp))
                    }
                }
                if (answer != null) TextButton(onClick = { vm.skip(q.id) }) { RubyText(model.t("ui-benefits-skip")) }
            }
            else -> {
                val said = model.repo.machi.plainText(q.text.text)
                OutlinedTextField(
                    value = answer ?: "",
                    onValueChange = { vm.answer(q.id, it) },
                    singleLine = true,
                    isError = error != null,
                    placeholder = if (q.kind == "date") ({ RubyText(model.repo.content("2026-04-01")) }) else null,
                    // "numbers" takes commas, which a number keyboard may not have.
                    keyboardOptions = KeyboardOptions(keyboardType = if (q.kind == "number") KeyboardType.Number else KeyboardType.Text),
                    // TalkBack names the field by its question.
                    modifier = Modifier.fillMaxWidth().semantics { contentDescription = said },
                )
                if (q.kind == "numbers") RubyText(model.t("ui-benefits-numbers-hint"), style = MaterialTheme.typography.bodySmall)
            }
        }
        error?.let { RubyText(it, color = MaterialTheme.colorScheme.error) }
    }
}
