package town.machi.shared

import java.time.LocalDate
import java.time.OffsetDateTime
import java.time.format.DateTimeParseException
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import uniffi.machi_ffi.GeoPoint
import uniffi.machi_ffi.IngestOutcome
import uniffi.machi_ffi.MachiException
import uniffi.machi_ffi.Notice
import uniffi.machi_ffi.NoticeDetail
import uniffi.machi_ffi.NoticeListener
import uniffi.machi_ffi.NoticeQuery
import uniffi.machi_ffi.ShelterChoice
import uniffi.machi_ffi.ShelterStatus

/** A shelter under a notice, with its open status in words. */
data class ShelterRow(
    val choice: ShelterChoice,
    /** Open, full, closed or unknown, as the verified notices in force say (`choice.shelter.status`). */
    val status: ShelterStatus,
    /** "Open since 14:05", "Status unknown": a badge on the row. */
    val statusText: UiText,
)

/** Everything the Alerts tab shows. */
data class AlertsState(
    val notices: List<Notice> = emptyList(),
    val showHistory: Boolean = false,
    val detail: NoticeDetail? = null,
    /** The detail's shelters, open ones first (the core's order), each with its status line. */
    val shelters: List<ShelterRow> = emptyList(),
    /** The newest notice announced by the core since the user last looked (drives the banner). */
    val incoming: Notice? = null,
    val unread: Int = 0,
    val error: UiText? = null,
)

/**
 * Alerts tab: current notices (or history), a notice's detail with the
 * nearest suitable shelters, read-aloud text, and live arrival of notices
 * through the core's listener (push, feed or file).
 */
class AlertsViewModel(
    private val repo: MachiRepository,
    private val today: () -> LocalDate = { LocalDate.now() },
) : NoticeListener {
    private val _state = MutableStateFlow(AlertsState())
    val state: StateFlow<AlertsState> = _state.asStateFlow()
    private val handle: ULong = repo.machi.addNoticeListener(this)

    /** Where the user is, if known (adds their area and orders shelters). */
    var position: GeoPoint? = null

    /**
     * Called by the core on the ingesting thread (StateFlow updates are
     * thread-safe). The core decides what the list becomes and which notice
     * the banner shows (the same function serves iOS), so the shells cannot
     * disagree; the store is not locked while listeners run.
     */
    override fun onNotices(notices: List<Notice>) {
        val query = NoticeQuery(at = position, includeHistory = _state.value.showHistory, everywhere = false)
        val arrival = try {
            repo.machi.noticesAfterArrival(query, notices)
        } catch (e: MachiException) {
            _state.update { it.copy(error = repo.failure(e).message) }
            return
        }
        _state.update { s ->
            s.copy(notices = arrival.notices, incoming = arrival.incoming ?: s.incoming, unread = arrival.unread.toInt(), error = null)
        }
    }

    /** Reloads the list. */
    suspend fun refresh() {
        val history = _state.value.showHistory
        val r = repo.call { it.notices(NoticeQuery(at = position, includeHistory = history, everywhere = false)) }
        _state.update {
            when (r) {
                is Outcome.Ok -> it.copy(notices = r.value, unread = r.value.count { n -> !n.read }, error = null)
                is Outcome.Failed -> it.copy(error = r.message)
            }
        }
    }

    /** Shows history (withdrawn, replaced, expired) too, or only current notices. */
    suspend fun showHistory(show: Boolean) {
        _state.update { it.copy(showHistory = show) }
        refresh()
    }

    /** Opens a notice: marks it read and loads the nearest suitable shelters. */
    suspend fun open(id: Long) {
        val near = position
        val r = repo.call { m ->
            m.markNoticeRead(id)
            m.notice(id, near, SHELTERS_SHOWN)
        }
        when (r) {
            is Outcome.Ok -> {
                val shelters = r.value.shelters.map { ShelterRow(it, it.shelter.status, statusText(it)) }
                _state.update { it.copy(detail = r.value, shelters = shelters, incoming = null, error = null) }
                refresh()
            }
            is Outcome.Failed -> _state.update { it.copy(error = r.message) }
        }
    }

    /** Closes the detail. */
    fun closeDetail() = _state.update { it.copy(detail = null, shelters = emptyList()) }

    /** "Open since 14:05" (with the day when it is not today), or "Status unknown". */
    private fun statusText(c: ShelterChoice): UiText {
        val key = when (c.shelter.status) {
            ShelterStatus.OPEN -> "shelter-status-open"
            ShelterStatus.FULL -> "shelter-status-full"
            ShelterStatus.CLOSED -> "shelter-status-closed"
            ShelterStatus.UNKNOWN -> return repo.text("shelter-status-unknown")
        }
        val since = c.shelter.statusSince?.let {
            try {
                OffsetDateTime.parse(it)
            } catch (e: DateTimeParseException) {
                null
            }
        } ?: return repo.text("shelter-status-unknown")
        return repo.text(key, "time" to repo.timeSince(since, today()))
    }

    /** Dismisses the "new notice" banner. */
    fun dismissIncoming() = _state.update { it.copy(incoming = null) }

    /** Stops listening (the screen's owner is gone). */
    fun close() {
        repo.machi.removeNoticeListener(handle)
    }

    companion object {
        /** Shelters listed under a notice. */
        const val SHELTERS_SHOWN: UInt = 3u
    }
}

/**
 * Hands push-message data to the core (FCM `RemoteMessage.data`, APNs
 * userInfo converted to strings). Returns what the core did, or a failure for
 * a payload that carries no notice.
 */
class PushHandler(private val repo: MachiRepository) {
    /** Stores the notice in [data]; listeners (the Alerts tab) hear about it. */
    suspend fun handle(data: Map<String, String>): Outcome<IngestOutcome> = repo.call { it.ingestPushPayload(data) }
}
