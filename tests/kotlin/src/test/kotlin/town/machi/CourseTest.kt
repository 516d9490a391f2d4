package town.machi

import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import kotlinx.coroutines.runBlocking
import town.machi.shared.CourseViewModel
import town.machi.shared.ErrorKind
import uniffi.machi_ffi.CourseEdits
import uniffi.machi_ffi.CourseMode
import uniffi.machi_ffi.CoursePace
import uniffi.machi_ffi.CoursePlace
import uniffi.machi_ffi.CourseRequest
import uniffi.machi_ffi.CourseView
import uniffi.machi_ffi.MachiException

class CourseTest {
    /** From Takahagi station on Sunday 2026-11-22 at 10:00. */
    private fun request(
        hours: Double = 4.0,
        mode: CourseMode = CourseMode.WALK,
        must: List<String> = emptyList(),
        interests: List<String> = listOf("nature", "history"),
        taxiBudgetYen: UInt? = null,
    ) =
        CourseRequest(
            date = "2026-11-22", startTime = "10:00", hours = hours, endTime = null,
            start = CoursePlace.Spot("takahagi-station"), end = null, mode = mode,
            interests = interests, pace = CoursePace.NORMAL,
            mustVisit = must, exclude = emptyList(), days = 1u, taxiBudgetYen = taxiBudgetYen,
        )

    private fun CourseView.stopIds() = main.days.flatMap { d -> d.stops.map { it.spotId } }

    @Test
    fun fourHourWalkFitsItsBudget() {
        val view = Fixtures.open().suggestCourse(request())
        assertTrue(view.main.stopCount >= 1u)
        assertEquals(view.main.stopCount.toInt(), view.stopIds().size)
        assertTrue(view.main.totalMinutes <= 240u, "total ${view.main.totalMinutes}")
        val day = view.main.days.single()
        assertEquals("2026-11-22", day.date)
        assertEquals("10:00", day.depart)
        assertTrue(day.arrive <= "14:00", day.arrive)
        assertEquals(day.stops.size + 1, day.legs.size)
    }

    @Test
    fun namesInTraditionalChinese() {
        val view = Fixtures.open("zh-TW", "en-US").suggestCourse(request(hours = 6.0, mode = CourseMode.CAR, must = listOf("hananuki-gorge")))
        val gorge = view.main.days.flatMap { it.stops }.single { it.spotId == "hananuki-gorge" }
        assertEquals("花貫溪谷", gorge.name)
        assertEquals("高萩站", view.main.days.first().startName)
    }

    @Test
    fun carToHananukiGorgeReportsTheCongestion() {
        val view = Fixtures.open().suggestCourse(request(hours = 6.0, mode = CourseMode.CAR, must = listOf("hananuki-gorge")))
        assertTrue("hananuki-gorge" in view.stopIds())
        assertTrue(view.congestion.isNotEmpty(), "congestion should be reported")
        assertTrue(view.congestion.all { it.name.isNotBlank() && it.note.isNotBlank() })
        val applied = (listOf(view.main) + view.alternatives).flatMap { it.congestionRules }.toSet()
        assertTrue(view.congestion.any { it.id in applied })
    }

    @Test
    fun transitCourseRidesALineWithDepartureAndFare() {
        val view = Fixtures.open().suggestCourse(
            request(mode = CourseMode.TRANSIT, interests = listOf("nature", "autumn-leaves"), taxiBudgetYen = 5000u),
        )
        val ids = view.stopIds()
        assertTrue(ids.any { it == "hananuki-gorge" || it == "shiomi-falls-bridge" }, "$ids")
        val legs = view.main.days.flatMap { it.legs }
        val ride = legs.flatMap { it.rides }.firstOrNull { it.line.isNotBlank() && it.departLabel.isNotBlank() && (it.fareYen ?: 0u) > 0u }
        assertNotNull(ride, legs.joinToString { it.description })
        assertTrue(ride.fromStop.isNotBlank() && ride.toStop.isNotBlank() && ride.depart <= ride.arrive, "$ride")
        assertTrue(legs.single { ride in it.rides }.description.contains(ride.line))
        assertTrue(view.main.transitYen >= ride.fareYen!!, "${view.main.transitYen}")
        assertTrue(view.main.longestWalkMinutes <= 20u, "${view.main.longestWalkMinutes}")
        assertTrue(view.main.taxiYen <= 5000u, "${view.main.taxiYen}")
    }

    @Test
    fun infeasibleRequestThrowsWithLocalizedReason() {
        val e = assertFailsWith<MachiException.Infeasible> {
            Fixtures.open().suggestCourse(request(hours = 0.5, must = listOf("hananuki-gorge")))
        }
        assertTrue("not enough time" in e.reason, e.reason)
        assertFailsWith<MachiException.NotFound> { Fixtures.open().suggestCourse(request(must = listOf("no-such-spot"))) }
    }

    @Test
    fun replanAfterRemovingTheFirstStopDropsIt() {
        val machi = Fixtures.open()
        val first = machi.suggestCourse(request()).stopIds().first()
        val again = machi.replanCourse(request(), CourseEdits(remove = listOf(first), lock = emptyList()))
        assertFalse(first in again.stopIds())
        assertTrue(again.main.stopCount >= 1u)
    }

    @Test
    fun viewModelFormToTimelineAndRemoveReplans(): Unit = runBlocking {
        val vm = CourseViewModel(Fixtures.repo(), today = { "2026-11-22" })
        assertNull(vm.state.value.course)
        vm.refresh()
        // The form offers the pack's interests, named, and never a station.
        val offered = vm.state.value.interests
        assertTrue(offered.any { it.id == "autumn-leaves" && it.label.plain == "Autumn leaves" }, "$offered")
        assertFalse(offered.any { it.id == "station" || it.id == "parking" }, "$offered")
        vm.toggleInterest("nature")
        vm.toggleInterest("history")
        vm.suggest()
        val s = vm.state.value
        assertNull(s.error)
        assertFalse(s.loading)
        assertNotNull(s.course)
        assertTrue(s.stops.isNotEmpty())
        val first = s.stops.first()
        // "Name, 10:20 to 11:50" for TalkBack.
        assertTrue(first.accessibilityLabel.startsWith(first.stop.name), first.accessibilityLabel)
        assertTrue(first.stop.arrivalLabel in first.accessibilityLabel)
        vm.removeStop(first.stop.spotId)
        val after = vm.state.value
        assertNull(after.error)
        assertEquals(listOf(first.stop.spotId), after.edits.remove)
        assertTrue(after.stops.none { it.stop.spotId == first.stop.spotId })
        // Too little time for a must-visit: the localized reason, as an infeasible failure.
        vm.edit { it.copy(hours = 0.5, mustVisit = listOf("hananuki-gorge")) }
        vm.suggest()
        assertEquals(ErrorKind.INFEASIBLE, vm.state.value.errorKind)
        assertTrue(vm.state.value.edits.remove.isEmpty())
    }
}
