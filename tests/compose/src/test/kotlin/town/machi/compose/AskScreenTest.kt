package town.machi.compose

import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.assertIsEnabled
import androidx.compose.ui.test.hasSetTextAction
import androidx.compose.ui.test.onAllNodesWithText
import androidx.compose.ui.test.onLast
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performTextInput
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertIs
import kotlin.test.assertTrue
import town.machi.shared.ChatItem
import town.machi.ui.Tab
import uniffi.machi_ffi.FaqReplyKind

@OptIn(ExperimentalTestApi::class)
class AskScreenTest {
    private fun SessionTest.ask(question: String): ChatItem.Reply {
        val before = session.model.ask.state.value.items.size
        ui.onNode(hasSetTextAction()).performTextInput(question)
        ui.onNodeWithText(session.t("ui-ask-send").plain).assertIsEnabled().performClick()
        ui.waitFor("a reply to $question") { session.model.ask.state.value.items.size >= before + 2 }
        ui.waitForIdle()
        return assertIs<ChatItem.Reply>(session.model.ask.state.value.items.last())
    }

    @Test
    fun clarifyingChoicesLeadToAnAnswerAndAHelpfulVoteIsThanked() = sessionTest("en-US", tab = Tab.ASK) {
        val reply = ask("I have a question about garbage.")
        assertEquals(FaqReplyKind.CLARIFY, reply.reply.kind)
        assertTrue(reply.reply.choices.size >= 2)
        for (c in reply.reply.choices) ui.onNodeWithText(c.label).assertIsEnabled()
        val choice = reply.reply.choices.first()
        ui.onNodeWithText(choice.label).performClick()
        ui.waitFor("the chosen answer") { session.model.ask.state.value.items.size >= 4 }
        val answer = assertIs<ChatItem.Reply>(session.model.ask.state.value.items.last())
        val entry = answer.reply.answers.first()
        ui.waitForText(session.machi.plainText(entry.answer).lines().first(), substring = true)
        // One helpful vote per reply: thanks shown, the buttons go away.
        // (The clarifying reply above it offers its best candidate and a vote of its own.)
        val helpful = session.t("ui-ask-helpful").plain
        val votes = ui.onAllNodesWithText(helpful).fetchSemanticsNodes().size
        ui.onAllNodesWithText(helpful).onLast().assertIsEnabled().performClick()
        ui.waitForText(session.t("ui-ask-thanks").plain)
        assertEquals(votes - 1, ui.onAllNodesWithText(helpful).fetchSemanticsNodes().size)
        assertEquals(emptyList(), ui.undescribedControls())
    }

    @Test
    fun anAnswerAboutAProcedureShowsItsCard() = sessionTest("en-US", tab = Tab.ASK) {
        val reply = ask("How do I apply for child allowance?")
        val card = reply.procedure!!
        assertEquals("child-allowance", card.id)
        ui.waitForText(session.t("ui-ask-procedure").plain)
        ui.waitForText(session.machi.plainText(card.name.text))
        ui.waitForText(session.t("procedures-label-deadline").plain)
        ui.waitForText(session.machi.plainText(card.deadline.text))
        ui.waitForText(session.t("ui-procedures-open-online").plain)
        assertEquals(emptyList(), ui.undescribedControls())
    }

    @Test
    fun aNotSureReplyGivesTheDepartmentToContact() = sessionTest("en-US", tab = Tab.ASK) {
        val reply = ask("How do I report a death?")
        assertEquals(FaqReplyKind.NOT_SURE, reply.reply.kind)
        val contact = reply.reply.contact!!
        ui.waitForText(session.t("ui-ask-contact", "department" to contact.text).plain)
        assertEquals(emptyList(), ui.undescribedControls())
    }
}
