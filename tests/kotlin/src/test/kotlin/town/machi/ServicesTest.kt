package town.machi

import java.nio.file.Files
import java.time.LocalDate
import java.time.OffsetDateTime
import java.time.format.DateTimeFormatter
import java.util.Locale
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertIs
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import kotlinx.coroutines.runBlocking
import town.machi.shared.AlertsViewModel
import town.machi.shared.AskViewModel
import town.machi.shared.BenefitsViewModel
import town.machi.shared.ChatItem
import town.machi.shared.MachiRepository
import town.machi.shared.ProceduresViewModel
import town.machi.shared.list
import kotlinx.coroutines.Dispatchers
import uniffi.machi_ffi.Machi
import uniffi.machi_ffi.NoticeQuery
import uniffi.machi_ffi.ShelterStatus

/** The Services view models (issue 15) over the Kotlin bindings: checklists, the eligibility check, cards, shelter status. */
class ProceduresViewModelTest {
    private val today = LocalDate.parse("2026-12-20")

    @Test
    fun aBirthChecklistHasDueDatesOverdueStepsAndTicksThatPersist(): Unit = runBlocking {
        val dir = Files.createTempDirectory("machi-kt").toString()
        val first = Machi.open(dir, Fixtures.config())
        val repo = MachiRepository(first, Dispatchers.Default)
        val vm = ProceduresViewModel(repo) { today }
        vm.refresh()
        assertTrue(vm.state.value.events.any { it.id == "birth" }, vm.state.value.events.map { it.id }.toString())
        assertTrue(vm.state.value.started.isEmpty())

        vm.start("birth", "2026-12-01")
        val s = vm.state.value
        // The same steps and due dates as `machi procedures --event birth --date 2026-12-01 --json`.
        assertEquals(
            listOf(
                "birth-registration" to "2026-12-14",
                "nhi-join" to "2026-12-15",
                "child-allowance" to "2026-12-16",
                "baby-visit" to "2026-12-28",
                "child-medical-welfare" to null,
                "birth-lump-sum" to null,
                "child-vaccinations" to null,
            ),
            s.rows.map { it.item.procedure.id to it.item.due },
        )
        assertEquals("Due Mon, Dec 14, 2026", s.rows[0].due.plain)
        // As of Dec 20 the first three are overdue, the home-visit card (Dec 28) is not.
        assertEquals(listOf(true, true, true, false), s.rows.take(4).map { it.overdue != null })
        assertEquals("overdue", s.rows[0].overdue?.plain)
        assertEquals("Mark “Birth registration” as done", s.rows[0].toggleLabel.plain)
        assertEquals("0 of 7 done", s.progress?.plain)
        assertEquals(listOf("birth" to "2026-12-01"), s.started.map { it.eventId to it.eventDate })
        assertEquals("A baby is born, Tue, Dec 1", s.started[0].label.plain)

        vm.setDone("birth-registration", true)
        val ticked = vm.state.value.rows.first()
        assertTrue(ticked.item.done)
        assertNull(ticked.overdue, "a step that is done is not overdue")
        assertEquals("Mark “Birth registration” as not done", ticked.toggleLabel.plain)
        assertEquals("1 of 7 done", vm.state.value.progress?.plain)
        first.close()

        // A new session on the same store: the tick is still there.
        val again = ProceduresViewModel(MachiRepository(Machi.open(dir, Fixtures.config()), Dispatchers.Default)) { today }
        again.refresh()
        val row = again.state.value.started.single()
        again.open(row.eventId, row.eventDate)
        assertEquals(listOf(true, false), again.state.value.rows.take(2).map { it.item.done })
        again.setDone("birth-registration", false)
        assertTrue(again.state.value.rows.none { it.item.done })

        // The card opens from a step; removing the checklist forgets it.
        again.showCard(again.state.value.rows[2].item.procedure)
        assertEquals("child-allowance", again.state.value.card?.id)
        again.remove("birth", "2026-12-01")
        assertTrue(again.state.value.started.isEmpty())
        assertNull(again.state.value.checklist)
    }

    @Test
    fun aBadDateIsAFailureAndStoresNothing(): Unit = runBlocking {
        val repo = Fixtures.repo()
        val vm = ProceduresViewModel(repo) { today }
        vm.refresh()
        vm.start("birth", "2026-13-01")
        assertEquals(repo.text("ui-procedures-invalid-date"), vm.state.value.failure)
        assertNull(vm.state.value.checklist)
        assertTrue(repo.machi.startedChecklists().isEmpty())
        vm.start("no-such-event", "2026-12-01")
        assertEquals(repo.text("error-not-found"), vm.state.value.failure)
        assertTrue(repo.machi.startedChecklists().isEmpty())
        vm.openProcedure("juminhyo-copy-nope")
        assertNull(vm.state.value.card)
        vm.openProcedure("child-allowance")
        val card = assertNotNull(vm.state.value.card)
        assertEquals("pittari", card.online?.kind)
    }
}

class BenefitsViewModelTest {
    private val today = LocalDate.parse("2026-12-03")

    @Test
    fun childrenOneAndFourInASingleParentHouseholdGetLikelyBenefitsWithReasons(): Unit = runBlocking {
        val repo = Fixtures.repo()
        val vm = BenefitsViewModel(repo) { today }
        vm.load()
        val kinds = vm.state.value.questions.associate { it.id to it.kind }
        assertEquals("numbers", kinds["child_ages"])
        assertEquals("choice", kinds["household"])
        vm.answer("child_ages", "1, 4")
        vm.answerChoice("household", "single-parent")
        vm.evaluate()
        val results = assertNotNull(vm.state.value.results)
        val likely = results.filter { it.likely }.associateBy { it.benefit.id }
        assertTrue("child-support-allowance" in likely && "child-allowance" in likely, likely.keys.toString())
        val single = likely.getValue("child-support-allowance")
        assertEquals("Likely eligible", single.status.plain)
        assertEquals("Because: a single-parent household and a child under 18", single.because?.plain)
        assertEquals("child-support-allowance", single.benefit.procedureId)
        assertTrue(single.apply.plain.startsWith("Apply: "), single.apply.plain)
        // A service that depends on an unanswered question names it.
        val maybe = results.first { !it.likely && "pregnant" in it.benefit.missing }
        val pregnant = vm.state.value.questions.first { it.id == "pregnant" }.text.text
        assertTrue(repo.machi.plainText(pregnant) in maybe.status.plain, maybe.status.plain)
        // Answering it (no) takes that service away; skipping brings the "maybe" back.
        vm.answerYesNo("pregnant", false)
        assertNull(vm.state.value.results, "results are cleared when an answer changes")
        vm.evaluate()
        assertTrue(vm.state.value.results!!.none { it.benefit.id == maybe.benefit.id })
        vm.skip("pregnant")
        vm.evaluate()
        assertTrue(vm.state.value.results!!.any { it.benefit.id == maybe.benefit.id })
        // The card to apply with.
        vm.openProcedure(single.benefit.procedureId)
        assertEquals("child-support-allowance", vm.state.value.procedure?.id)
        vm.reset()
        assertTrue(vm.state.value.answers.isEmpty() && vm.state.value.results == null)
        assertTrue(vm.state.value.questions.isNotEmpty())
    }

    @Test
    fun aBadlyTypedAnswerIsAFailureTiedToItsQuestion(): Unit = runBlocking {
        val repo = Fixtures.repo()
        val vm = BenefitsViewModel(repo) { today }
        vm.load()
        vm.answer("age", "abc")
        vm.answer("child_ages", "1, x")
        vm.answerChoice("household", "single-parent")
        vm.evaluate()
        val s = vm.state.value
        assertNull(s.results)
        assertNotNull(s.failure)
        assertEquals(setOf("age", "child_ages"), s.errors.keys)
        assertEquals("Type a whole number from 0 to 120.", s.errors["age"]?.plain)
        assertEquals("Type whole numbers from 0 to 25, separated by commas.", s.errors["child_ages"]?.plain)
        // Fixing one answer clears its message only.
        vm.answer("age", "70")
        assertEquals(setOf("child_ages"), vm.state.value.errors.keys)
        vm.answer("child_ages", "1")
        vm.evaluate()
        assertTrue(vm.state.value.errors.isEmpty())
        assertTrue(vm.state.value.results!!.any { it.likely && it.benefit.id == "child-support-allowance" })
    }

    @Test
    fun listsJoinAsTheLanguageDoes() {
        val repo = Fixtures.repo()
        assertEquals("a, b, and c", repo.list(listOf("a", "b", "c")))
        assertEquals("a and b", repo.list(listOf("a", "b")))
        assertEquals("a", repo.list(listOf("a")))
    }
}

class ServicesCardsTest {
    @Test
    fun anAnswerAboutAProcedureCarriesItsCard(): Unit = runBlocking {
        val vm = AskViewModel(Fixtures.repo())
        vm.ask("How do I apply for child allowance?")
        val reply = assertIs<ChatItem.Reply>(vm.state.value.items.last())
        assertEquals("jido-teate", reply.reply.answers.first().id)
        val card = assertNotNull(reply.procedure)
        assertEquals("child-allowance", card.id)
        assertTrue(card.online!!.url.startsWith("https://"), card.online!!.url)
        // An answer that is no procedure (where an umbrella goes) carries no card.
        vm.ask("Where can I throw away a broken umbrella?")
        val umbrella = assertIs<ChatItem.Reply>(vm.state.value.items.last())
        assertEquals("garbage:燃やせないごみ:傘", umbrella.reply.answers.first().id)
        assertNull(umbrella.procedure)
    }

    @Test
    fun noticeSheltersSayWhetherTheyAreOpenAndSince(): Unit = runBlocking {
        val repo = Fixtures.repo()
        val today = LocalDate.parse("2026-11-22")
        val vm = AlertsViewModel(repo) { today }
        vm.position = Fixtures.station
        val order = repo.machi.notices(NoticeQuery(at = Fixtures.station, includeHistory = false, everywhere = false))
            .first { it.level == 4.toUByte() }
        vm.open(order.id)
        val rows = vm.state.value.shelters
        assertTrue(rows.isNotEmpty())
        assertEquals(vm.state.value.detail!!.shelters.map { it.shelter.id }, rows.map { it.choice.shelter.id })
        val open = rows.filter { it.status == ShelterStatus.OPEN }
        assertTrue(open.isNotEmpty(), rows.map { it.status }.toString())
        val english = DateTimeFormatter.ofPattern("EEE, MMM d h:mm a", Locale.US)
        for (r in open) {
            val since = OffsetDateTime.parse(r.choice.shelter.statusSince!!)
            assertEquals("Open since ${since.format(english)}", r.statusText.plain)
        }
        for (r in rows.filter { it.status == ShelterStatus.UNKNOWN }) assertEquals("Status unknown", r.statusText.plain)
        vm.closeDetail()
        assertTrue(vm.state.value.shelters.isEmpty())
        vm.close()
    }
}
