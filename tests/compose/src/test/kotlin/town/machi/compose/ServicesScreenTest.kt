package town.machi.compose

import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.hasClickAction
import androidx.compose.ui.test.hasSetTextAction
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollToNode
import androidx.compose.ui.test.performTextClearance
import androidx.compose.ui.test.performTextInput
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import town.machi.shared.date
import town.machi.ui.ServicePage
import town.machi.ui.Tab

/** The Services tab (issue 15): garbage sorting, procedures after a life event, the eligibility check. */
@OptIn(ExperimentalTestApi::class)
class ServicesScreenTest {
    private fun SessionTest.open(page: ServicePage) {
        ui.tap(session.t(page.label).plain)
        ui.waitForText(session.t("ui-services-back").plain)
    }

    @Test
    fun anUmbrellaIsNonBurnableWithItsNextCollectionDay() = sessionTest("en-US", tab = Tab.SERVICES) {
        open(ServicePage.GARBAGE)
        ui.waitFor("areas") { session.model.garbage.state.value.areas.isNotEmpty() }
        // Suggestions while typing; choosing one looks it up.
        ui.onNode(hasSetTextAction()).performTextInput("umb")
        ui.waitFor("suggestions") { session.model.garbage.state.value.suggestions.isNotEmpty() }
        val suggestion = session.model.garbage.state.value.suggestions.first()
        assertEquals("傘", suggestion.itemJa)
        ui.tap(session.machi.plainText(suggestion.item.text))
        ui.waitFor("where an umbrella goes") { session.model.garbage.state.value.result != null }
        ui.waitForText("Non-burnable waste")
        val result = session.model.garbage.state.value.result!!
        val first = result.matches.first()
        assertEquals("傘", first.itemJa)
        val next = session.t("ui-garbage-next", "area" to result.area!!.name.text, "date" to session.repo.date(first.nextCollection!!)).plain
        ui.verticalList().performScrollToNode(hasText(next))
        // Another area: the day is that area's.
        val other = session.model.garbage.state.value.areas.last()
        ui.verticalList().performScrollToNode(hasText(session.machi.plainText(other.name.text)))
        ui.tap(session.machi.plainText(other.name.text))
        ui.waitFor("the other area's day") { session.model.garbage.state.value.result?.area?.id == other.id }
        assertTrue(session.model.garbage.state.value.result!!.matches.first().category.text == "Non-burnable waste")
        assertEquals(emptyList(), ui.undescribedControls())
    }

    @Test
    fun aBirthChecklistIsMadeAndAStepTicked() = sessionTest("en-US", tab = Tab.SERVICES) {
        open(ServicePage.PROCEDURES)
        ui.waitForText(session.t("ui-procedures-none").plain)
        ui.verticalList().performScrollToNode(hasText("A baby is born"))
        ui.tap("A baby is born")
        // Born on Nov 1: by "today" (Nov 22 in the session) the birth registration is overdue.
        ui.verticalList().performScrollToNode(hasSetTextAction())
        val date = ui.onNode(hasSetTextAction())
        date.performTextClearance()
        // A date that is none is refused, under the field; nothing is stored.
        date.performTextInput("2026-11-x")
        ui.tap(session.t("ui-procedures-start").plain)
        ui.waitForText(session.t("ui-procedures-invalid-date").plain)
        assertTrue(session.machi.startedChecklists().isEmpty())
        date.performTextClearance()
        date.performTextInput("2026-11-01")
        ui.tap(session.t("ui-procedures-start").plain)
        ui.waitFor("the checklist") { session.model.procedures.state.value.checklist != null }
        val rows = session.model.procedures.state.value.rows
        assertEquals("birth-registration", rows.first().item.procedure.id)
        ui.waitForText(rows.first().due.plain)
        ui.waitForText("overdue")
        val mark = session.t("ui-procedures-mark-done", "name" to "Birth registration").plain
        ui.tap(mark)
        ui.waitFor("the step ticked") { session.model.procedures.state.value.rows.first().item.done }
        ui.waitForText("1 of 7 done")
        // The box now offers the opposite, in words TalkBack reads.
        ui.onNode(hasContentDescriptionExactly(session.t("ui-procedures-mark-undone", "name" to "Birth registration").plain)).fetchSemanticsNode()
        assertTrue(session.machi.startedChecklists().single().eventDate == "2026-11-01")
        // A step's card: what to bring, where.
        ui.onAllNodes(hasClickAction() and hasText(session.t("ui-procedures-details").plain))[0].performClick()
        ui.waitForText(session.t("procedures-label-bring").plain)
        assertEquals(emptyList(), ui.undescribedControls())
        ui.tap(session.t("common-back").plain)
        // Back to the start: "My checklists" lists it.
        ui.tap(session.t("common-back").plain)
        ui.waitForText("A baby is born, Sun, Nov 1")
    }

    @Test
    fun theQuestionnaireGivesALikelyBenefitWithItsReasonAndProcedure() = sessionTest("en-US", tab = Tab.SERVICES) {
        open(ServicePage.BENEFITS)
        ui.waitFor("questions") { session.model.benefits.state.value.questions.isNotEmpty() }
        ui.waitForText(session.t("benefits-private").plain)
        val questions = session.model.benefits.state.value.questions.associateBy { it.id }
        val ages = session.machi.plainText(questions.getValue("child_ages").text.text)
        ui.verticalList().performScrollToNode(hasContentDescriptionExactly(ages))
        ui.onNode(hasSetTextAction() and hasContentDescriptionExactly(ages)).performTextInput("1, 4")
        val single = session.machi.plainText(questions.getValue("household").options.first { it.id == "single-parent" }.label.text)
        ui.verticalList().performScrollToNode(hasText(single))
        ui.tap(single)
        ui.verticalList().performScrollToNode(hasText(session.t("ui-benefits-check").plain))
        ui.tap(session.t("ui-benefits-check").plain)
        ui.waitFor("results") { session.model.benefits.state.value.results != null }
        val row = session.model.benefits.state.value.results!!.first { it.benefit.id == "child-support-allowance" }
        assertTrue(row.likely)
        ui.verticalList().performScrollToNode(hasText(row.because!!.plain))
        ui.waitForText("Because: a single-parent household and a child under 18")
        ui.verticalList().performScrollToNode(hasText(row.apply.plain))
        ui.tap(row.apply.plain)
        ui.waitFor("the card") { session.model.benefits.state.value.procedure != null }
        ui.waitForText(session.machi.plainText(row.benefit.procedureName.text))
        assertEquals(emptyList(), ui.undescribedControls())
        ui.tap(session.t("common-back").plain)
        ui.waitForText(session.t("ui-benefits-results").plain)
    }

    @Test
    fun aBadNumberIsShownUnderItsQuestion() = sessionTest("en-US", tab = Tab.SERVICES) {
        open(ServicePage.BENEFITS)
        ui.waitFor("questions") { session.model.benefits.state.value.questions.isNotEmpty() }
        val age = session.machi.plainText(session.model.benefits.state.value.questions.first { it.id == "age" }.text.text)
        ui.verticalList().performScrollToNode(hasContentDescriptionExactly(age))
        ui.onNode(hasSetTextAction() and hasContentDescriptionExactly(age)).performTextInput("abc")
        ui.verticalList().performScrollToNode(hasText(session.t("ui-benefits-check").plain))
        ui.tap(session.t("ui-benefits-check").plain)
        ui.waitFor("the error") { session.model.benefits.state.value.errors.isNotEmpty() }
        ui.verticalList().performScrollToNode(hasText("Type a whole number from 0 to 120."))
        ui.onNodeWithText("Type a whole number from 0 to 120.").fetchSemanticsNode()
    }
}
