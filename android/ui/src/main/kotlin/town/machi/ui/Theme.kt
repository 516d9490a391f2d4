package town.machi.ui

import androidx.compose.foundation.isSystemInDarkTheme
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.darkColorScheme
import androidx.compose.material3.lightColorScheme
import androidx.compose.runtime.Composable
import androidx.compose.ui.graphics.Color

// The town's colours: a sea blue for the coast, with a strong red reserved for
// warnings (Material's error role), and a high-contrast dark scheme.
private val Light = lightColorScheme(
    primary = Color(0xFF00629D),
    onPrimary = Color.White,
    primaryContainer = Color(0xFFCFE5FF),
    onPrimaryContainer = Color(0xFF001D33),
    secondary = Color(0xFF4F6070),
    secondaryContainer = Color(0xFFD3E4F7),
    onSecondaryContainer = Color(0xFF0B1D2A),
    error = Color(0xFFBA1A1A),
)

private val Dark = darkColorScheme(
    primary = Color(0xFF9ACBFF),
    onPrimary = Color(0xFF003354),
    primaryContainer = Color(0xFF004A78),
    onPrimaryContainer = Color(0xFFCFE5FF),
    secondary = Color(0xFFB7C8DB),
    secondaryContainer = Color(0xFF374857),
    onSecondaryContainer = Color(0xFFD3E4F7),
    error = Color(0xFFFFB4AB),
)

/** Material 3 in the town's colours, following the system's light or dark setting. */
@Composable
fun MachiTheme(dark: Boolean = isSystemInDarkTheme(), content: @Composable () -> Unit) {
    MaterialTheme(colorScheme = if (dark) Dark else Light, content = content)
}
