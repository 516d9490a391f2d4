package town.machi.ui

import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.WindowInsets
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.statusBars
import androidx.compose.foundation.layout.windowInsetsPadding
import androidx.compose.material.icons.automirrored.filled.ArrowBack
import androidx.compose.material.icons.filled.Home
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.DateRange
import androidx.compose.material.icons.filled.Info
import androidx.compose.material.icons.filled.Place
import androidx.compose.material.icons.filled.Settings
import androidx.compose.material.icons.filled.Warning
import androidx.compose.material3.Badge
import androidx.compose.material3.BadgedBox
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.NavigationBar
import androidx.compose.material3.NavigationBarItem
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.vector.ImageVector
import androidx.compose.ui.platform.LocalDensity
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.Density
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import town.machi.shared.AppModel
import town.machi.shared.UiText

/**
 * The app's screens, in bottom-bar order, with their Fluent label ids. Five
 * fit a phone's bottom bar at large text sizes; Settings ([inBar] false) is
 * the gear in the top bar instead.
 */
enum class Tab(val label: String, val icon: ImageVector, val inBar: Boolean = true) {
    EXPLORE("ui-tab-explore", Icons.Filled.Place),
    COURSE("ui-tab-course", Icons.Filled.DateRange),
    ALERTS("ui-tab-alerts", Icons.Filled.Warning),
    ASK("ui-tab-ask", Icons.Filled.Info),
    SERVICES("ui-tab-services", Icons.Filled.Home),
    SETTINGS("ui-tab-settings", Icons.Filled.Settings, inBar = false),
}

/**
 * The app frame: a top bar with the screen's title and the Settings gear,
 * Material 3 bottom navigation over the tabs, at the user's text size. The platform passes the session's [model] and its [readAloud]
 * voice; [initialTab] lets a preview or a screenshot start on any tab.
 */
@Composable
fun MachiApp(model: AppModel, readAloud: ReadAloud, initialTab: Tab = Tab.EXPLORE) {
    val settings by model.settings.state.collectAsStateWithLifecycle()
    val alerts by model.alerts.state.collectAsStateWithLifecycle()
    var tab by rememberSaveable { mutableStateOf(initialTab) }
    // Where Settings' back arrow returns to.
    var lastTab by rememberSaveable { mutableStateOf(if (initialTab.inBar) initialTab else Tab.EXPLORE) }
    // The open Services screen survives switching tabs (null: the Services hub).
    var servicePage by rememberSaveable { mutableStateOf<ServicePage?>(null) }
    val density = LocalDensity.current
    // The app's own text size multiplies the system's (font scale on Android).
    CompositionLocalProvider(LocalDensity provides Density(density.density, density.fontScale * settings.textScale)) {
        MachiTheme {
            Scaffold(topBar = {
                // The texts are passed in (not read inside) so a language change redraws the bar.
                TopBar(
                    title = model.t(tab.label),
                    settingsLabel = model.t(Tab.SETTINGS.label).plain,
                    backLabel = model.t("common-back").plain,
                    onSettings = tab == Tab.SETTINGS,
                    openSettings = { lastTab = tab; tab = Tab.SETTINGS },
                    closeSettings = { tab = lastTab },
                )
            }, bottomBar = {
                NavigationBar {
                    for (t in Tab.entries.filter { it.inBar }) {
                        val label = model.t(t.label)
                        NavigationBarItem(
                            selected = tab == t,
                            onClick = {
                                // Tapping Services again goes back to its hub.
                                if (t == Tab.SERVICES && tab == Tab.SERVICES) servicePage = null
                                tab = t
                            },
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
                    Tab.SERVICES -> ServicesScreen(model, servicePage, { servicePage = it }, m)
                    Tab.SETTINGS -> SettingsScreen(model, m)
                }
            }
        }
    }
}

/**
 * The screen's title (wrapping, never cut, at any text size) and the gear
 * that opens Settings; on Settings, a back arrow to the tab it came from.
 */
@Composable
private fun TopBar(
    title: UiText,
    settingsLabel: String,
    backLabel: String,
    onSettings: Boolean,
    openSettings: () -> Unit,
    closeSettings: () -> Unit,
) {
    Surface(color = MaterialTheme.colorScheme.surfaceContainer) {
        Row(Modifier.fillMaxWidth().windowInsetsPadding(WindowInsets.statusBars).padding(horizontal = 8.dp), verticalAlignment = Alignment.CenterVertically) {
            if (onSettings) {
                IconButton(onClick = closeSettings, modifier = Modifier.semantics { contentDescription = backLabel }) {
                    Icon(Icons.AutoMirrored.Filled.ArrowBack, contentDescription = null)
                }
            }
            RubyText(title, Modifier.weight(1f).padding(horizontal = 8.dp, vertical = 8.dp).semantics { heading() }, MaterialTheme.typography.titleLarge)
            if (!onSettings) {
                IconButton(onClick = openSettings, modifier = Modifier.semantics { contentDescription = settingsLabel }) {
                    Icon(Tab.SETTINGS.icon, contentDescription = null)
                }
            }
        }
    }
}
