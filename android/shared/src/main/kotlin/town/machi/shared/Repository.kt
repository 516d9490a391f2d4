package town.machi.shared

import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext
import uniffi.machi_ffi.Machi
import uniffi.machi_ffi.MachiException
import uniffi.machi_ffi.MessageArg

/** The outcome of a core call as the UI sees it: a value, or a Fluent message to show. */
sealed interface Outcome<out T> {
    /** The call answered. */
    data class Ok<T>(val value: T) : Outcome<T>

    /** The call failed; [message] is the localized text for the user. */
    data class Failed(val message: UiText, val kind: ErrorKind) : Outcome<Nothing>
}

/** What a UI does about a failure (retry later, fix the input, …). */
enum class ErrorKind { OFFLINE, INVALID_INPUT, INTEGRITY, NOT_FOUND, INFEASIBLE, CANCELLED, STORAGE }

/**
 * The one door from the shell to the core. Every call runs on [io] (the core
 * does SQLite and network I/O, never on the main thread) and failures become
 * localized [Outcome.Failed] values, so view models never see exceptions.
 */
class MachiRepository(
    val machi: Machi,
    private val io: CoroutineDispatcher = Dispatchers.IO,
) {
    /** Runs [block] against the core off the main thread. */
    suspend fun <T> call(block: (Machi) -> T): Outcome<T> = withContext(io) {
        try {
            Outcome.Ok(block(machi))
        } catch (e: MachiException) {
            failure(e)
        }
    }

    /** The localized UI message [id] with [args] (names to String or Number). */
    fun text(id: String, vararg args: Pair<String, Any>): UiText = UiText.of(
        machi.message(id, args.map { (name, v) ->
            when (v) {
                is Number -> MessageArg.Number(name, v.toDouble())
                else -> MessageArg.Text(name, v.toString())
            }
        }),
    )

    /** Content text from the core (which may carry ruby markup) as [UiText]. */
    fun content(text: String): UiText = UiText(text, machi.plainText(text), machi.rubySegments(text))

    /** The message a user sees for a core failure. */
    fun failure(e: MachiException): Outcome.Failed {
        val (id, kind) = when (e) {
            is MachiException.Offline -> "error-offline" to ErrorKind.OFFLINE
            is MachiException.InvalidInput -> "error-invalid-input" to ErrorKind.INVALID_INPUT
            is MachiException.Integrity -> "error-integrity" to ErrorKind.INTEGRITY
            is MachiException.NotFound -> "error-not-found" to ErrorKind.NOT_FOUND
            is MachiException.Infeasible -> return Outcome.Failed(UiText.plainText(e.reason), ErrorKind.INFEASIBLE)
            is MachiException.Cancelled -> "error-cancelled" to ErrorKind.CANCELLED
            is MachiException.Storage -> "error-storage" to ErrorKind.STORAGE
        }
        return Outcome.Failed(text(id), kind)
    }
}
