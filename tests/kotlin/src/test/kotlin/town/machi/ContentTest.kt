package town.machi

import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertTrue
import uniffi.machi_ffi.GeoPoint
import uniffi.machi_ffi.Hazard
import uniffi.machi_ffi.MachiException
import uniffi.machi_ffi.SpotFilter

class ContentTest {
    private val all = SpotFilter(tag = null, near = null, openAt = null, limit = null)

    @Test
    fun embeddedTownAnswersOffline() {
        val info = Fixtures.open().packInfo()!!
        assertEquals("082147", info.municipalityCode)
        assertTrue(info.spots >= 25uL)
    }

    @Test
    fun spotsInEnglishAndTraditionalChinese() {
        val en = Fixtures.open("en-US")
        val zh = Fixtures.open("zh-TW", "en-US")
        assertEquals("zh-Hant", zh.locale().lang)
        val gorge = zh.spot("hananuki-gorge")
        assertEquals("花貫溪谷", gorge.name.text)
        assertFalse(gorge.name.isFallback)
        assertEquals("en", en.spot("hananuki-gorge").name.lang)
        assertEquals(en.spots(all).map { it.id }, zh.spots(all).map { it.id })
    }

    @Test
    fun nearestTsunamiShelters() {
        val shelters = Fixtures.open().sheltersNear(Fixtures.station, listOf(Hazard.TSUNAMI), 3u)
        assertTrue(shelters.isNotEmpty() && shelters.size <= 3)
        assertTrue(shelters.all { Hazard.TSUNAMI in it.hazards })
        assertEquals(shelters.map { it.distanceM }.sorted(), shelters.map { it.distanceM })
    }

    @Test
    fun garbageOnAMonday() {
        val day = Fixtures.open().garbageDay("Takahagi district", "2026-11-23")
        assertEquals("高萩地区", day.area.id)
        assertTrue(day.collections.any { it.categoryId == "燃やせるごみ" })
    }

    @Test
    fun errorsSurfaceAsTheirOwnExceptionTypes() {
        val m = Fixtures.open()
        assertFailsWith<MachiException.NotFound> { m.spot("no-such-spot") }
        assertFailsWith<MachiException.InvalidInput> { m.garbageDay("Takahagi district", "23/11/2026") }
        assertFailsWith<MachiException.InvalidInput> { m.sheltersNear(GeoPoint(123.0, 0.0), emptyList(), 3u) }
        assertFailsWith<MachiException.InvalidInput> { m.setLanguageOverride("!!") }
    }
}
