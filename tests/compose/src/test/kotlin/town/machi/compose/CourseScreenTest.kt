package town.machi.compose

import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.assertIsEnabled
import androidx.compose.ui.test.hasScrollAction
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.onNodeWithContentDescription
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollToNode
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertTrue
import town.machi.ui.Tab

@OptIn(ExperimentalTestApi::class)
class CourseScreenTest {
    @Test
    fun aRequestBecomesATimelineWithTimesAndLegs() = Session("en-US").use { s ->
        phoneTest {
            setContent { HostedApp(s) }
            openTab(s, Tab.COURSE)
            onNodeWithText("Suggest a course").assertIsEnabled().performClick()
            waitFor("a course") { s.model.course.state.value.course != null }
            val day = s.model.course.state.value.course!!.main.days.single()
            assertEquals("2026-11-22", day.date)
            val list = verticalList()
            // The day starts at the station at 10:00, each stop shows its times and the leg before it.
            list.performScrollToNode(hasText("${day.departLabel} ${day.startName}", substring = true))
            assertTrue(day.departLabel.contains("10:00"), day.departLabel)
            for ((i, stop) in day.stops.withIndex()) {
                list.performScrollToNode(hasText("${stop.arrivalLabel} – ${stop.leaveLabel}"))
                list.performScrollToNode(hasText(day.legs[i].description))
                onNodeWithContentDescription(s.t("ui-course-remove-stop", "name" to s.machi.plainText(stop.name)).plain).assertIsEnabled()
            }
            list.performScrollToNode(hasText(day.legs.last().description))
            list.performScrollToNode(hasText(s.model.course.state.value.course!!.main.totalsLabel))
            assertEquals(emptyList(), undescribedControls())

            // Removing a stop re-plans without it.
            val first = day.stops.first()
            list.performScrollToNode(hasText("${first.arrivalLabel} – ${first.leaveLabel}"))
            onNodeWithContentDescription(s.t("ui-course-remove-stop", "name" to s.machi.plainText(first.name)).plain).performClick()
            waitFor("re-planned without ${first.spotId}") {
                val c = s.model.course.state.value
                !c.loading && c.course!!.main.days.flatMap { it.stops }.none { it.spotId == first.spotId }
            }
            waitForIdle()
            assertFalse(s.machi.plainText(first.name) in visibleTexts(), "removed stop still shown")
        }
    }
}
