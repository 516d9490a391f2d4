package town.machi.shared

import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import uniffi.machi_ffi.FaqChoice
import uniffi.machi_ffi.FaqReply
import uniffi.machi_ffi.FaqReplyKind
import uniffi.machi_ffi.FaqSuggestion
import uniffi.machi_ffi.Machi
import uniffi.machi_ffi.MachiException
import uniffi.machi_ffi.Procedure

/** One bubble of the Ask chat. */
sealed interface ChatItem {
    /** What the user asked. */
    data class Question(val text: String) : ChatItem

    /**
     * The core's reply (answers, choices, contact fallback), and the card of
     * the procedure its top answer is about (what to bring, deadline, online link), if any.
     */
    data class Reply(val question: String, val reply: FaqReply, val rated: Boolean = false, val procedure: Procedure? = null) : ChatItem

    /** A failure shown in the chat (e.g. an empty question). */
    data class Failure(val message: UiText) : ChatItem
}

/** Everything the Ask tab shows. */
data class AskState(
    val items: List<ChatItem> = emptyList(),
    val suggestions: List<FaqSuggestion> = emptyList(),
    val thanks: UiText? = null,
)

/** Ask tab: a chat over the on-device FAQ, with typing suggestions, choices and feedback. */
class AskViewModel(private val repo: MachiRepository) {
    private val _state = MutableStateFlow(AskState())
    val state: StateFlow<AskState> = _state.asStateFlow()

    /** Updates the suggestions under the input box as the user types. */
    suspend fun typing(text: String) {
        val r = repo.call { it.faqSuggest(text, SUGGESTIONS) }
        if (r is Outcome.Ok) _state.update { it.copy(suggestions = r.value) }
    }

    /** Asks [question]; the reply (or a localized failure) is appended to the chat. */
    suspend fun ask(question: String) {
        _state.update { it.copy(items = it.items + ChatItem.Question(question), suggestions = emptyList(), thanks = null) }
        val item = when (val r = repo.call { m -> m.ask(question).let { it to card(m, it) } }) {
            is Outcome.Ok -> ChatItem.Reply(question, r.value.first, procedure = r.value.second)
            is Outcome.Failed -> ChatItem.Failure(r.message)
        }
        _state.update { it.copy(items = it.items + item) }
    }

    /** Follows a clarifying choice: opens its entry directly, or asks its question. */
    suspend fun choose(choice: FaqChoice) {
        val id = choice.entryId
        if (id == null) {
            ask(choice.query)
            return
        }
        val r = repo.call { m ->
            val e = m.faqEntry(id)
            val reply = FaqReply(FaqReplyKind.ANSWER, "", listOf(e), emptyList(), e.contact, 1f)
            reply to card(m, reply)
        }
        val item = when (r) {
            is Outcome.Ok -> ChatItem.Reply(choice.label, r.value.first, procedure = r.value.second)
            is Outcome.Failed -> ChatItem.Failure(r.message)
        }
        _state.update { it.copy(items = it.items + ChatItem.Question(choice.label) + item) }
    }

    /** Records whether the reply at [index] helped (once per reply). */
    suspend fun rate(index: Int, helpful: Boolean) {
        val item = _state.value.items.getOrNull(index) as? ChatItem.Reply ?: return
        if (item.rated) return
        val entry = item.reply.answers.firstOrNull()?.id ?: return
        val r = repo.call { it.faqFeedback(entry, item.question, helpful) }
        if (r is Outcome.Ok) {
            _state.update { s ->
                s.copy(items = s.items.mapIndexed { i, it -> if (i == index) item.copy(rated = true) else it }, thanks = repo.text("ui-ask-thanks"))
            }
        }
    }

    /**
     * The procedure card of [reply]'s top answer (the FAQ reply itself carries
     * none): only for a sure answer, and a failed look-up costs the card, not the answer.
     */
    private fun card(m: Machi, reply: FaqReply): Procedure? {
        if (reply.kind != FaqReplyKind.ANSWER) return null
        val id = reply.answers.firstOrNull()?.id ?: return null
        return try {
            m.procedureForFaq(id)
        } catch (e: MachiException) {
            null
        }
    }

    companion object {
        /** Suggestions shown under the input box. */
        const val SUGGESTIONS: UInt = 5u
    }
}
