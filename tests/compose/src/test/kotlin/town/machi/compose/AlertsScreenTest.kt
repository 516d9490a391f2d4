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
import uniffi.machi_ffi.ShelterStatus

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
            // Each shelter's open status as the drill's opening notice gave it: a badge on its row.
            val rows = s.model.alerts.state.value.shelters
            assertEquals(detail.shelters.map { it.shelter.id }, rows.map { it.choice.shelter.id })
            assertTrue(rows.any { it.status == ShelterStatus.OPEN }, rows.map { it.status }.toString())
            for (r in rows) {
                val badge = r.statusText.plain
                assertTrue(if (r.status == ShelterStatus.OPEN) badge.startsWith("Open since ") else badge == "Status unknown", badge)
                list.performScrollToNode(hasText(badge))
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
