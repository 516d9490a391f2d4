package town.machi.compose

import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.hasScrollAction
import androidx.compose.ui.test.onNodeWithContentDescription
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performScrollToNode
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.assertIsDisplayed
import androidx.compose.ui.test.assertIsSelected
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue

@OptIn(ExperimentalTestApi::class)
class ExploreScreenTest {
    @Test
    fun spotListOpensASpotsDetailAndGoesBack() = Session("en-US").use { s ->
        phoneTest {
            setContent { HostedApp(s) }
            waitForText("Places to visit")
            verticalList().performScrollToNode(hasText("Hananuki Gorge"))
            onNodeWithText("Hananuki Gorge").assertIsDisplayed().performClick()
            waitForText("Visit: about", substring = true)
            val spot = s.machi.spot("hananuki-gorge")
            // The detail: name, description, visit time and access, as the core gives them.
            onNodeWithText("Hananuki Gorge").assertIsDisplayed()
            spot.description?.let { onNodeWithText(s.machi.plainText(it.text)).assertIsDisplayed() }
            onNodeWithText(s.t("ui-spot-visit-time", "duration" to s.machi.formatDuration(spot.visitMinutes)).plain).assertIsDisplayed()
            assertEquals(emptyList(), undescribedControls())
            onNodeWithText("Back").performClick()
            waitForText("Places to visit")
        }
    }

    @Test
    fun tagChipsFilterTheListAndAreDescribed() = Session("en-US").use { s ->
        phoneTest {
            setContent { HostedApp(s) }
            waitForText("Places to visit")
            onNodeWithContentDescription("Show only: History").performScrollTo().performClick()
            waitFor("history filter applied") { s.model.explore.state.value.selectedTag == "history" && !s.model.explore.state.value.loading }
            onNodeWithContentDescription("Show only: History").assertIsSelected()
            val shown = s.model.explore.state.value.spots
            assertTrue(shown.isNotEmpty() && shown.all { "history" in it.spot.tags })
            assertEquals(emptyList(), undescribedControls())
        }
    }
}
