package town.machi

import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import kotlinx.coroutines.runBlocking
import town.machi.shared.ExploreViewModel
import town.machi.shared.SettingsViewModel
import uniffi.machi_ffi.GeoPoint

class ViewModelTest {
    private fun explore(vararg locales: String) = Fixtures.repo(Fixtures.open(*locales)).let { repo ->
        ExploreViewModel(repo, today = { "2026-11-21" }, addDays = { d, n -> java.time.LocalDate.parse(d).plusDays(n.toLong()).toString() })
    }

    @Test
    fun exploreLoadsSpotsAndFiltersByTag(): Unit = runBlocking {
        val vm = explore("en-US")
        vm.position = Fixtures.station
        vm.refresh()
        val s = vm.state.value
        assertEquals(false, s.loading)
        assertNull(s.error)
        assertTrue(s.spots.size >= 25)
        // Chips carry the tag for the filter and its name in the reader's language.
        assertTrue(s.tags.any { it.id == "autumn-leaves" && it.label.plain == "Autumn leaves" }, "${s.tags}")
        // Rows carry a spoken label with the distance, nearest first.
        assertTrue(s.spots.first().accessibilityLabel.matches(Regex(""".+, [\d.,]+ k?m away""")), s.spots.first().accessibilityLabel)
        vm.selectTag("history")
        val history = vm.state.value.spots
        assertTrue(history.isNotEmpty() && history.size < s.spots.size)
        assertTrue(history.all { "history" in it.spot.tags })
    }

    @Test
    fun exploreDetailAndNotFoundMessage(): Unit = runBlocking {
        val vm = explore("en-US")
        vm.open("hananuki-gorge")
        assertEquals("hananuki-gorge", vm.state.value.detail?.id)
        vm.open("nope")
        assertEquals("Not found.", vm.state.value.error?.display)
    }

    @Test
    fun easyJapaneseGivesRubyAndPlainLabels(): Unit = runBlocking {
        val repo = Fixtures.repo(Fixtures.open("en-US"))
        val settings = SettingsViewModel(repo)
        settings.chooseLanguage("ja-yasasii")
        assertEquals(true, settings.state.value.locale?.usesRuby)
        val vm = ExploreViewModel(repo, { "2026-11-21" }, { d, _ -> d })
        vm.refresh()
        val gorge = vm.state.value.spots.first { it.spot.id == "hananuki-gorge" }
        assertEquals("{花貫渓谷|はなぬきけいこく}", gorge.spot.name.text)
        assertEquals("花貫渓谷", gorge.accessibilityLabel)
        val msg = repo.text("common-relative-now")
        assertTrue(msg.hasRuby)
        assertEquals("今", msg.plain)
    }

    @Test
    fun settingsPlacesAndTextSize(): Unit = runBlocking {
        val vm = SettingsViewModel(Fixtures.repo())
        vm.refresh()
        assertEquals(6, vm.state.value.languages.size)
        // The shelter data's terms: the GSI source line is shown with the pack, and the sample-data notice.
        val attribution = vm.state.value.attribution.map { it.plain }
        assertTrue(attribution.any { "国土地理院" in it && "gsi.go.jp" in it }, attribution.toString())
        assertTrue(attribution.any { it.startsWith("This sample pack") }, attribution.toString())
        vm.addPlace("Home", GeoPoint(36.745, 140.70))
        val home = vm.state.value.places.single()
        assertEquals("Home", home.name)
        vm.addPlace(" ", GeoPoint(36.7, 140.7))
        assertNotNull(vm.state.value.error)
        vm.removePlace(home.id)
        assertTrue(vm.state.value.places.isEmpty())
        vm.setTextScale(5f)
        assertEquals(SettingsViewModel.MAX_SCALE, vm.state.value.textScale)
    }
}
