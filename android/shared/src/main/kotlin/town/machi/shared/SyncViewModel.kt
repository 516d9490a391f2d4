package town.machi.shared

import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import uniffi.machi_ffi.CancelHandle
import uniffi.machi_ffi.MachiException
import uniffi.machi_ffi.SyncOutcome
import uniffi.machi_ffi.SyncPhase
import uniffi.machi_ffi.SyncProgress
import uniffi.machi_ffi.SyncProgressListener

/** The "Sync now" row of Settings. */
data class SyncState(
    val running: Boolean = false,
    val phase: SyncPhase? = null,
    /** 0.0–1.0 when the size is known, else null (indeterminate bar). */
    val fraction: Float? = null,
    /** The spoken/visible status line (e.g. "Downloading… 40 %"). */
    val status: UiText? = null,
    val lastOutcome: SyncOutcome? = null,
    val error: UiText? = null,
)

/**
 * Runs a content sync with a progress bar and a cancel button. The core does
 * the work; this only turns progress reports into state.
 */
class SyncViewModel(
    private val repo: MachiRepository,
    private val baseUrl: String,
) {
    private val _state = MutableStateFlow(SyncState())
    val state: StateFlow<SyncState> = _state.asStateFlow()
    @Volatile private var cancel: CancelHandle? = null

    private val listener = object : SyncProgressListener {
        override fun onProgress(progress: SyncProgress) {
            val fraction = when {
                progress.phase == SyncPhase.IMPORT && progress.itemsTotal > 0uL ->
                    progress.itemsDone.toFloat() / progress.itemsTotal.toFloat()
                progress.bytesTotal > 0uL -> progress.bytesDone.toFloat() / progress.bytesTotal.toFloat()
                else -> null
            }
            val percent = ((fraction ?: 0f) * 100).toInt()
            _state.update {
                it.copy(phase = progress.phase, fraction = fraction, status = repo.text(phaseMessage(progress.phase), "percent" to percent))
            }
        }
    }

    /** Syncs now; returns when done, failed or cancelled. A second call while running is ignored. */
    suspend fun syncNow() {
        if (_state.value.running) return
        val handle = CancelHandle()
        cancel = handle
        _state.update { SyncState(running = true, status = repo.text("ui-sync-phase-manifest", "percent" to 0)) }
        val result = try {
            Outcome.Ok(repo.machi.syncContent(baseUrl, listener, handle))
        } catch (e: MachiException) {
            repo.failure(e)
        } finally {
            cancel = null
        }
        _state.update {
            when (result) {
                is Outcome.Ok -> it.copy(running = false, lastOutcome = result.value, fraction = 1f, status = repo.text(doneMessage(result.value)))
                is Outcome.Failed -> it.copy(running = false, error = result.message, status = null)
            }
        }
    }

    /** Cancels a running sync; the content stays as it was. */
    fun cancel() {
        cancel?.cancel()
    }

    private fun phaseMessage(p: SyncPhase) = when (p) {
        SyncPhase.MANIFEST -> "ui-sync-phase-manifest"
        SyncPhase.DOWNLOAD -> "ui-sync-phase-download"
        SyncPhase.VERIFY -> "ui-sync-phase-verify"
        SyncPhase.IMPORT -> "ui-sync-phase-import"
        SyncPhase.DONE -> "ui-sync-phase-done"
    }

    private fun doneMessage(o: SyncOutcome) = when (o) {
        is SyncOutcome.Applied -> "ui-sync-updated"
        else -> "ui-sync-up-to-date"
    }
}
