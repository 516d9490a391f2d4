package town.machi

import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import uniffi.machi_ffi.MachiException

/** Public transport through the Kotlin bindings (issue 16), on the sample town's SAMPLE timetable. */
class TransitTest {
    @Test
    fun aBusToHananukiGorgeThenAWalkToShiomiFallsBridge() {
        val m = Fixtures.open()
        val j = assertNotNull(m.transitRoute("高萩駅", "花貫渓谷", "2026-11-22", "09:00", false))
        assertEquals("9:15" to "9:43", j.departHhmm to j.arriveHhmm)
        assertEquals(300u, j.fareYen)
        val ride = j.legs.first()
        assertEquals("ride", ride.kind)
        assertEquals("Hananuki Gorge Line", ride.lineName)
        assertEquals("B1", ride.platform)
        val walk = assertNotNull(m.transitRoute("Takahagi Station", "36.7405,140.6245", "2026-11-22", "09:00", false))
        assertEquals(listOf("ride", "walk"), walk.legs.map { it.kind })
        assertNull(walk.legs.last().toName)
        assertTrue(walk.walkMinutes in 1u..20u, walk.toString())
    }

    @Test
    fun theStationBoardInKoreanAndTypedErrors() {
        val m = Fixtures.open("ko-KR")
        val board = m.transitDepartures("高萩駅", "2026-11-22", "09:00", 3u)
        assertEquals(listOf("9:08", "9:15", "9:30"), board.map { it.time })
        assertEquals("하나누키 계곡선", board[1].lineName)
        assertEquals("B1", board[1].platform)
        assertFailsWith<MachiException.NotFound> { m.transitDepartures("Nowhere", "2026-11-22", "09:00", 3u) }
    }
}
