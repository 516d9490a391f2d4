package town.machi.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalUriHandler
import androidx.compose.ui.unit.dp
import town.machi.shared.AppModel
import town.machi.shared.UiText
import uniffi.machi_ffi.Procedure

/**
 * A procedure's card, as the Procedures, eligibility and Ask screens show it:
 * who, deadline, what to bring, fee, where and when, the online route (opened
 * in the browser), convenience-store issuance and the sample-data note. With
 * [title] false the name is left to the caller (the Ask bubble has its own heading).
 */
@Composable
fun ProcedureCard(model: AppModel, p: Procedure, modifier: Modifier = Modifier, title: Boolean = true) {
    val c = model.repo::content
    val uri = LocalUriHandler.current
    Column(modifier) {
        if (title) RubyText(c(p.name.text), style = MaterialTheme.typography.headlineSmall)
        p.summary?.let { RubyText(c(it.text)) }
        if (p.sample) RubyText(model.t("procedures-sample"), style = MaterialTheme.typography.bodySmall, color = MaterialTheme.colorScheme.error)
        p.who?.let { who -> Field(model.t("procedures-label-who")) { RubyText(c(who.text)) } }
        Field(model.t("procedures-label-deadline")) { RubyText(c(p.deadline.text)) }
        if (p.bring.isNotEmpty() || p.bringNote != null) {
            Field(model.t("procedures-label-bring")) {
                for (b in p.bring) RubyText(c("・" + b.text))
                p.bringNote?.let { RubyText(c(it.text), style = MaterialTheme.typography.bodySmall) }
            }
        }
        Field(model.t("procedures-label-fee")) {
            RubyText(c(p.feeText))
            p.feeNote?.let { RubyText(c(it.text), style = MaterialTheme.typography.bodySmall) }
        }
        if (p.counter != null || p.department != null) {
            Field(model.t("procedures-label-where")) {
                val where = p.counter
                if (where == null) p.department?.let { RubyText(c(it.text)) } else RubyText(c(where.name.text))
                where?.place?.let { RubyText(c(it.text)) }
                where?.hours?.let { RubyText(c(it.text)) }
                where?.phone?.let { RubyText(c("☎ $it")) }
            }
        }
        p.online?.let { online ->
            Field(model.t("procedures-label-online")) {
                online.note?.let { RubyText(c(it.text)) }
                RubyText(c(online.url), style = MaterialTheme.typography.bodySmall)
                Button(onClick = { uri.openUri(online.url) }) { RubyText(model.t("ui-procedures-open-online")) }
            }
        }
        if (p.convenienceStore) RubyText(model.t("procedures-konbini"), Modifier.padding(top = 8.dp))
    }
}

/** One labelled part of the card. */
@Composable
private fun Field(label: UiText, content: @Composable () -> Unit) {
    RubyText(label, Modifier.padding(top = 12.dp), MaterialTheme.typography.titleSmall)
    content()
}
