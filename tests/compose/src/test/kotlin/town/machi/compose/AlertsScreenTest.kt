package town.machi.compose

import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.assertIsDisplayed
import androidx.compose.ui.test.hasScrollAction
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.onAllNodesWithText
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollToNode
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import town.machi.ui.Tab

@OptIn(ExperimentalTestApi::class)
class AlertsScreenTest {
    @Test
    fun drillNoticesOpenWithNearestSheltersAndReadAloud() = Session("en-US").use { s ->
        phoneTest {
            setContent { HostedApp(s) }
            openTab(s, Tab.ALERTS)
            waitFor("the sample town's notices") { s.model.alerts.state.value.notices.isNotEmpty() }
            val notices = s.model.alerts.state.value.notices
            // The sample town's notices are drills, and every row says so.
            assertTrue(notices.all { it.statusLabel != null }, notices.map { it.statusLabel }.toString())
            val label = notices.first().statusLabel!!
            assertEquals(notices.size, onAllNodesWithText(label).fetchSemanticsNodes().size)
            // They are signed in the town's pack: every row says verified, by whom.
            assertTrue(notices.all { it.verification == "verified" }, notices.map { it.verification }.toString())
            val verified = s.machi.plainText(notices.first().verificationLabel)
            assertTrue("Verified" in verified, verified)
            assertEquals(notices.size, onAllNodesWithText(verified).fetchSemanticsNodes().size)
            val first = notices.first()
            onNodeWithText(s.machi.plainText(first.title)).performClick()
            waitForText(s.t("ui-alerts-shelters").plain)
            onNodeWithText(verified).assertIsDisplayed()
            val detail = s.model.alerts.state.value.detail!!
            assertTrue(detail.shelters.isNotEmpty(), "no shelters listed")
            val list = verticalList()
            for (c in detail.shelters) {
                list.performScrollToNode(hasText(s.machi.plainText(c.shelter.name.text)))
                list.performScrollToNode(hasText(s.t("ui-alerts-walk", "minutes" to c.walkMinutes.toInt()).plain))
            }
            // Opening the notice marked it read: the unread badge counts one fewer.
            waitFor("marked read") { s.model.alerts.state.value.notices.first { it.id == first.id }.read }
            list.performScrollToNode(hasText("Read aloud"))
            onNodeWithText("Read aloud").assertIsDisplayed().performClick()
            assertEquals(listOf(first.readAloud to "en"), s.speech.spoken)
            assertTrue(first.readAloud.contains(s.machi.plainText(first.title)), first.readAloud)
            assertEquals(emptyList(), undescribedControls())
            list.performScrollToNode(hasText("Back"))
            onNodeWithText("Back").performClick()
            waitForText(s.t("ui-alerts-history").plain)
        }
    }
}
