package town.machi.ui

import androidx.compose.foundation.layout.padding
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.DateRange
import androidx.compose.material.icons.filled.Info
import androidx.compose.material.icons.filled.Place
import androidx.compose.material.icons.filled.Settings
import androidx.compose.material.icons.filled.Warning
import androidx.compose.material3.Badge
import androidx.compose.material3.BadgedBox
import androidx.compose.material3.Icon
import androidx.compose.material3.NavigationBar
import androidx.compose.material3.NavigationBarItem
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.vector.ImageVector
import androidx.compose.ui.platform.LocalDensity
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.Density
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import town.machi.shared.AppModel

/** The app's tabs, in bottom-bar order, with their Fluent label ids. */
enum class Tab(val label: String, val icon: ImageVector) {
    EXPLORE("ui-tab-explore", Icons.Filled.Place),
    COURSE("ui-tab-course", Icons.Filled.DateRange),
    ALERTS("ui-tab-alerts", Icons.Filled.Warning),
    ASK("ui-tab-ask", Icons.Filled.Info),
    SETTINGS("ui-tab-settings", Icons.Filled.Settings),
}

/**
 * The app frame: Material 3 bottom navigation over the tabs, at the user's
 * text size. The platform passes the session's [model] and its [readAloud]
 * voice; [initialTab] lets a preview or a screenshot start on any tab.
 */
@Composable
fun MachiApp(model: AppModel, readAloud: ReadAloud, initialTab: Tab = Tab.EXPLORE) {
    val settings by model.settings.state.collectAsStateWithLifecycle()
    val alerts by model.alerts.state.collectAsStateWithLifecycle()
    var tab by rememberSaveable { mutableStateOf(initialTab) }
    val density = LocalDensity.current
    // The app's own text size multiplies the system's (font scale on Android).
    CompositionLocalProvider(LocalDensity provides Density(density.density, density.fontScale * settings.textScale)) {
        MachiTheme {
            Scaffold(bottomBar = {
                NavigationBar {
                    for (t in Tab.entries) {
                        val label = model.t(t.label)
                        NavigationBarItem(
                            selected = tab == t,
                            onClick = { tab = t },
                            icon = {
                                if (t == Tab.ALERTS && alerts.unread > 0) {
                                    val unread = model.t("ui-alerts-unread", "count" to alerts.unread).plain
                                    BadgedBox(badge = { Badge(Modifier.semantics { contentDescription = unread }) { Text("${alerts.unread}") } }) {
                                        Icon(t.icon, contentDescription = null)
                                    }
                                } else {
                                    Icon(t.icon, contentDescription = null)
                                }
                            },
                            label = { RubyText(label) },
                        )
                    }
                }
            }) { padding ->
                val m = Modifier.padding(padding)
                when (tab) {
                    Tab.EXPLORE -> ExploreScreen(model, m)
                    Tab.COURSE -> CourseScreen(model, m)
                    Tab.ALERTS -> AlertsScreen(model, readAloud, m)
                    Tab.ASK -> AskScreen(model, m)
                    Tab.SETTINGS -> SettingsScreen(model, m)
                }
            }
        }
    }
}
