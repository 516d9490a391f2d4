package town.machi.compose

import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.assertIsEnabled
import androidx.compose.ui.test.hasScrollAction
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.onAllNodesWithText
import androidx.compose.ui.test.onNodeWithContentDescription
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performScrollToNode
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertTrue
import town.machi.ui.Tab
import uniffi.machi_ffi.CourseMode

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

    @Test
    fun aTransitRequestShowsEachRidesLineDepartureAndFare() = Session("en-US").use { s ->
        phoneTest {
            setContent { HostedApp(s) }
            openTab(s, Tab.COURSE)
            val vm = s.model.course
            vm.toggleInterest("nature")
            vm.toggleInterest("autumn-leaves")
            val list = verticalList()
            // The form's own choices: bus and train, a ¥5000 taxi budget.
            // The walk's form is short: the taxi budget appears with bus and train.
            val budget = s.t("ui-course-yen", "yen" to 5000).plain
            assertTrue(onAllNodesWithText(budget).fetchSemanticsNodes().isEmpty())
            onNodeWithText(s.t("course-mode-transit").plain).performScrollTo().performClick()
            waitForIdle()
            onNodeWithText(budget).performScrollTo().performClick()
            waitForIdle()
            assertEquals(CourseMode.TRANSIT, vm.state.value.form.mode)
            assertEquals(5000u, vm.state.value.form.toRequest().taxiBudgetYen)
            list.performScrollToNode(hasText("Suggest a course"))
            onNodeWithText("Suggest a course").performClick()
            waitFor("a transit course") { vm.state.value.course != null && !vm.state.value.loading }
            val state = vm.state.value
            val plan = state.course!!.main
            val ride = plan.days.flatMap { it.legs }.flatMap { it.rides }.first { (it.fareYen ?: 0u) > 0u }
            // The ride's line, its departure and stops, and its fare are on screen.
            list.performScrollToNode(hasText(ride.line))
            list.performScrollToNode(hasText(s.t("ui-course-ride", "depart" to ride.departLabel, "from" to ride.fromStop, "arrive" to ride.arriveLabel, "to" to ride.toStop).plain))
            val fare = s.t("ui-course-yen", "yen" to ride.fareYen!!.toLong()).plain
            assertTrue(fare.replace(",", "").contains("${ride.fareYen}"), fare) // "¥1,200": Fluent groups thousands
            list.performScrollToNode(hasText(fare))
            // And what the course spends.
            val costs = state.costs!!.plain
            assertTrue(costs.contains(s.t("ui-course-yen", "yen" to plan.transitYen.toLong()).plain), costs)
            list.performScrollToNode(hasText(costs))
            assertTrue(plan.longestWalkMinutes <= 20u && plan.taxiYen <= 5000u, "$plan")
            assertEquals(emptyList(), undescribedControls())
        }
    }
}
