package town.machi

import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertIs
import kotlin.test.assertNotNull
import kotlin.test.assertTrue
import kotlinx.coroutines.runBlocking
import town.machi.shared.AskViewModel
import town.machi.shared.ChatItem
import uniffi.machi_ffi.FaqReplyKind
import uniffi.machi_ffi.MachiException

class AskTest {
    @Test
    fun bulkyWasteAnswerInJapaneseWithContact() {
        val reply = Fixtures.open("ja-JP").ask("粗大ごみはどう出すの？")
        assertEquals("garbage-bulky", reply.answers.first().id)
        assertNotNull(reply.answers.first().contact)
    }

    @Test
    fun aHelpfulVoteTeachesTheReadersWordsUntilTakenBack() {
        val machi = Fixtures.open()
        val asked = "someone in my family died"
        val before = machi.ask(asked).answers.first().id
        assertTrue(before != "death-registration", before)
        machi.faqFeedback("death-registration", asked, true)
        val after = machi.ask(asked)
        assertEquals(FaqReplyKind.ANSWER, after.kind)
        assertEquals("death-registration", after.answers.first().id)
        machi.faqFeedback("death-registration", asked, false)
        assertEquals(before, machi.ask(asked).answers.first().id)
    }

    @Test
    fun emptyQuestionIsInvalidInput() {
        assertFailsWith<MachiException.InvalidInput> { Fixtures.open().ask("  ") }
    }

    @Test
    fun chatViewModelAnswersRatesAndShowsFailures(): Unit = runBlocking {
        val vm = AskViewModel(Fixtures.repo())
        vm.ask("How do I put out bulky waste?")
        val reply = assertIs<ChatItem.Reply>(vm.state.value.items[1])
        assertEquals(FaqReplyKind.ANSWER, reply.reply.kind)
        assertEquals("garbage-bulky", reply.reply.answers.first().id)
        vm.rate(1, helpful = true)
        assertTrue(assertIs<ChatItem.Reply>(vm.state.value.items[1]).rated)
        assertEquals("Thank you. Your answer helps us improve.", vm.state.value.thanks?.display)
        vm.ask(" ")
        assertIs<ChatItem.Failure>(vm.state.value.items.last())
    }
}
