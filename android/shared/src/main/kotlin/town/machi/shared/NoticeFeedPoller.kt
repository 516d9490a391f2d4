package town.machi.shared

import kotlinx.coroutines.delay
import uniffi.machi_ffi.CancelHandle
import uniffi.machi_ffi.MachiException

/**
 * Polls the town's notice feed while the app is open: how notices reach a
 * phone that push cannot (no Play services, notifications blocked by the
 * network). The core fetches, checks and stores each new notice, and the
 * Alerts tab hears of it through the core's notice listener; this class only
 * keeps time. The core says when to poll next; after a failure (offline, a
 * broken feed) it keeps its own backoff and this waits [retrySeconds].
 */
class NoticeFeedPoller(
    private val repo: MachiRepository,
    private val feedUrl: String,
    private val retrySeconds: Long = 300,
) {
    /** Polls once; returns the seconds to wait before the next poll. */
    suspend fun pollOnce(): Long = try {
        repo.machi.syncNotices(feedUrl, CancelHandle()).nextPollSeconds.toLong().coerceAtLeast(MIN_SECONDS)
    } catch (e: MachiException) {
        retrySeconds
    }

    /** Polls until the calling coroutine is cancelled (e.g. the screen's scope ends). */
    suspend fun run(): Nothing {
        while (true) {
            delay(pollOnce() * 1000)
        }
    }

    private companion object {
        /** Never faster than this, whatever a feed says: the battery matters too. */
        const val MIN_SECONDS = 30L
    }
}
