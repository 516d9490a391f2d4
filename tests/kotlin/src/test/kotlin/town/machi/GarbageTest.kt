package town.machi

import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNull
import kotlin.test.assertTrue
import kotlinx.coroutines.launch
import uniffi.machi_ffi.GarbageMatchKind
import uniffi.machi_ffi.MachiException
import uniffi.machi_ffi.ShelterStatus

/** The garbage sorting dictionary and shelters' open status through the Kotlin bindings (issue 15). */
class GarbageTest {
    @Test
    fun anUmbrellaIsFoundByEveryNameWithItsNextCollectionDay() {
        val m = Fixtures.open()
        for (q in listOf("傘", "かさ", "カサ", "kasa", "umbrella", "雨伞", "우산", "umbrela")) {
            val first = m.garbageSort(q, "Takahagi district", "2026-12-03", 3u).matches.first()
            assertEquals("傘", first.itemJa, q)
            assertEquals("Non-burnable waste", first.category.text, q)
            assertEquals("2026-12-09", first.nextCollection, q)
        }
        val typo = m.garbageSort("umbrela", null, "2026-12-03", 1u).matches.first()
        assertEquals(GarbageMatchKind.TYPO, typo.matchKind)
        assertNull(typo.nextCollection)
    }

    @Test
    fun suggestionsChatAndErrors() {
        val m = Fixtures.open()
        assertEquals("自転車", m.garbageSuggest("じてん", 5u).first().itemJa)
        assertTrue(m.garbageSuggest("", 5u).isEmpty())
        assertEquals("garbage:燃やせないごみ:傘", m.ask("Where can I throw away a broken umbrella?").answers.first().id)
        assertFailsWith<MachiException.InvalidInput> { m.garbageSort("  ", null, "2026-12-03", 3u) }
        assertFailsWith<MachiException.NotFound> { m.garbageSort("傘", "Atlantis", "2026-12-03", 3u) }
    }

    @Test
    fun theDrillsOpenSheltersComeFirstWithTheirTime() {
        val shelters = Fixtures.open().sheltersNear(Fixtures.station, emptyList(), 6u)
        val open = shelters.takeWhile { it.status == ShelterStatus.OPEN }
        assertEquals(4, open.size)
        assertTrue(open.all { it.statusSince!!.startsWith("2026-11-20T07:") })
        assertTrue(shelters.drop(4).all { it.status == ShelterStatus.UNKNOWN && it.statusSince == null })
    }
}

/** The Android shared view model of the sorting screen. */
class GarbageViewModelTest {
    @Test
    fun typingSuggestsAndSortingAnswersWithTheNextDay(): Unit = kotlinx.coroutines.runBlocking {
        val vm = town.machi.shared.GarbageViewModel(Fixtures.repo(), today = { java.time.LocalDate.parse("2026-12-03") })
        vm.load()
        assertEquals("高萩地区", vm.state.value.area)
        vm.typing("umb")
        assertEquals("傘", vm.state.value.suggestions.first().itemJa)
        vm.chooseArea("松岡地区")
        vm.sort("umbrella")
        val first = vm.state.value.result!!.matches.first()
        assertEquals("Non-burnable waste", first.category.text)
        assertEquals("2026-12-23", first.nextCollection)
        assertTrue(vm.state.value.suggestions.isEmpty())
        vm.sort("   ")
        assertNull(vm.state.value.result)
        assertTrue(vm.state.value.failure != null)
    }
}

/**
 * A dispatcher that only queues the core calls, so a test can answer them in
 * the order a slow phone might: the view model must not show stale suggestions.
 */
private class HeldCalls : kotlinx.coroutines.CoroutineDispatcher() {
    val calls = java.util.concurrent.LinkedBlockingQueue<Runnable>()

    override fun dispatch(context: kotlin.coroutines.CoroutineContext, block: Runnable) {
        calls.add(block)
    }

    fun next(): Runnable = calls.poll(10, java.util.concurrent.TimeUnit.SECONDS) ?: error("no core call queued")
}

class GarbageViewModelOrderTest {
    @Test
    fun suggestionsAnsweringAfterALookupOrForOlderTextAreDropped(): Unit = kotlinx.coroutines.runBlocking {
        val held = HeldCalls()
        val vm = town.machi.shared.GarbageViewModel(town.machi.shared.MachiRepository(Fixtures.open(), held)) { java.time.LocalDate.parse("2026-12-03") }
        // The resident types "umb", then taps Look up before the suggestions answer.
        val typing = launch { vm.typing("umb") }
        kotlinx.coroutines.yield()
        val sorting = launch { vm.sort("umbrella") }
        kotlinx.coroutines.yield()
        val suggest = held.next()
        held.next().run() // the lookup answers first
        sorting.join()
        suggest.run()
        typing.join()
        assertEquals("傘", vm.state.value.result!!.matches.first().itemJa)
        assertTrue(vm.state.value.suggestions.isEmpty(), vm.state.value.suggestions.toString())
        // "k" then "ka": the answer for "k" arriving last does not replace the one for "ka".
        val first = launch { vm.typing("k") }
        kotlinx.coroutines.yield()
        val second = launch { vm.typing("かさ") }
        kotlinx.coroutines.yield()
        val forK = held.next()
        held.next().run()
        second.join()
        val newest = vm.state.value.suggestions
        assertTrue(newest.isNotEmpty())
        forK.run()
        first.join()
        assertEquals(newest, vm.state.value.suggestions)
    }
}
