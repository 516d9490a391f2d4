package town.machi

import com.sun.net.httpserver.HttpServer
import java.io.File
import java.net.InetSocketAddress
import java.net.ServerSocket
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.Executors
import java.util.concurrent.atomic.AtomicInteger
import kotlin.concurrent.thread
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertIs
import kotlin.test.assertTrue
import kotlinx.coroutines.runBlocking
import town.machi.shared.ErrorKind
import town.machi.shared.NoticeFeedPoller
import town.machi.shared.SyncViewModel
import java.security.MessageDigest
import uniffi.machi_ffi.CancelHandle
import uniffi.machi_ffi.IngestOutcome
import uniffi.machi_ffi.MachiException
import uniffi.machi_ffi.SpotFilter
import uniffi.machi_ffi.SyncOutcome
import uniffi.machi_ffi.SyncPhase
import uniffi.machi_ffi.SyncProgress
import uniffi.machi_ffi.SyncProgressListener

/** Sync from a local static server (scripts/test.sh publishes the fixture: versions 1 and 2). */
class SyncTest {
    private val site = System.getenv("MACHI_SYNC_SITE")
    private val pubkey = System.getenv("MACHI_SYNC_PUBKEY")

    private fun keyed() = Fixtures.open(key = File(pubkey).readText().trim())

    /** Serves [root] (by default the pack site) as static files, like any web server or CDN would. */
    private fun <T> serve(root: String = site, block: (String) -> T): T {
        val server = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)
        server.createContext("/") { ex ->
            val f = File(root, ex.requestURI.path.trimStart('/'))
            if (f.isFile) {
                ex.sendResponseHeaders(200, f.length())
                ex.responseBody.use { out -> f.inputStream().use { it.copyTo(out) } }
            } else {
                ex.sendResponseHeaders(404, -1)
            }
            ex.close()
        }
        server.executor = Executors.newFixedThreadPool(2)
        server.start()
        try {
            return block("http://127.0.0.1:${server.address.port}/")
        } finally {
            server.stop(0)
        }
    }

    @Test
    fun syncAppliesTheDeltaWithProgressWhileUiThreadsRead() {
        Fixtures.requireData(site != null && pubkey != null, "MACHI_SYNC_SITE/MACHI_SYNC_PUBKEY not set: run scripts/test.sh")
        val m = keyed()
        assertEquals(1uL, m.packInfo()!!.packVersion)
        val reports = CopyOnWriteArrayList<SyncProgress>()
        val listener = object : SyncProgressListener {
            override fun onProgress(progress: SyncProgress) {
                reports.add(progress)
            }
        }
        val reads = AtomicInteger()
        val errors = CopyOnWriteArrayList<Throwable>()
        val stop = java.util.concurrent.atomic.AtomicBoolean(false)
        val readers = (1..3).map {
            thread {
                try {
                    while (!stop.get()) {
                        assertTrue(m.spots(SpotFilter(null, null, null, null)).size >= 25)
                        m.sheltersNear(Fixtures.station, emptyList(), 3u)
                        reads.incrementAndGet()
                    }
                } catch (t: Throwable) {
                    errors.add(t)
                }
            }
        }
        val outcome = try {
            serve { url -> runBlocking { m.syncContent(url, listener, CancelHandle()) } }
        } finally {
            stop.set(true)
            readers.forEach { it.join() }
        }
        assertTrue(errors.isEmpty(), errors.toString())
        assertTrue(reads.get() > 0)
        val applied = assertIs<SyncOutcome.Applied>(outcome)
        assertEquals(2uL, applied.toVersion)
        assertTrue(applied.delta)
        val info = m.packInfo()!!
        assertEquals(2uL, info.packVersion)
        // Recorded with the content: who signed it, and until when it counts.
        assertTrue(!info.signedBy.isNullOrEmpty() && !info.stale && info.expires != null, info.toString())
        assertTrue("vouched for by the town's signature" in m.packStatusLine()!!)
        // scripts/test.sh ships the FAQ model with version 2 when it could build one.
        assertEquals(!System.getenv("MACHI_ENCODER").isNullOrEmpty(), m.faqUsesEncoder())
        assertTrue(reports.any { it.phase == SyncPhase.DOWNLOAD })
        assertEquals(SyncPhase.DONE, reports.last().phase)
    }

    @Test
    fun cancelledAndOfflineSyncsLeaveContentAnswering() {
        Fixtures.requireData(site != null && pubkey != null, "MACHI_SYNC_SITE/MACHI_SYNC_PUBKEY not set: run scripts/test.sh")
        val m = keyed()
        val cancelled = CancelHandle().also { it.cancel() }
        serve { url -> assertFailsWith<MachiException.Cancelled> { runBlocking { m.syncContent(url, null, cancelled) } } }
        val port = ServerSocket(0).use { it.localPort }
        assertFailsWith<MachiException.Offline> { runBlocking { m.syncContent("http://127.0.0.1:$port/", null, CancelHandle()) } }
        assertEquals(1uL, m.packInfo()!!.packVersion)
        assertEquals("hananuki-gorge", m.spot("hananuki-gorge").id)
    }

    @Test
    fun syncViewModelShowsProgressAndOutcome(): Unit = runBlocking {
        Fixtures.requireData(site != null && pubkey != null, "MACHI_SYNC_SITE/MACHI_SYNC_PUBKEY not set: run scripts/test.sh")
        val repo = Fixtures.repo(keyed())
        serve { url ->
            runBlocking {
                val vm = SyncViewModel(repo, url)
                vm.syncNow()
                val s = vm.state.value
                assertEquals(false, s.running)
                assertIs<SyncOutcome.Applied>(s.lastOutcome)
                assertEquals("The town information is now up to date.", s.status?.display)
                vm.syncNow()
                assertEquals("You already have the latest information.", vm.state.value.status?.display)
            }
        }
        // Offline: a localized message, not an exception.
        val port = ServerSocket(0).use { it.localPort }
        val offline = SyncViewModel(repo, "http://127.0.0.1:$port/")
        offline.syncNow()
        assertTrue(offline.state.value.error!!.display.startsWith("You are offline"))
        assertEquals(ErrorKind.OFFLINE, repo.failure(MachiException.Offline("x")).kind)
    }

    /** Copies signed feed [version] (1: the order; 2: the order and its withdrawal), published by scripts/test.sh, into [dir]. */
    private fun publishFeed(dir: File, version: Int) {
        val feeds = System.getenv("MACHI_FEED_SITES")
        Fixtures.requireData(feeds != null, "MACHI_FEED_SITES not set: run scripts/test.sh")
        File(feeds, version.toString()).listFiles()!!.forEach { it.copyTo(File(dir, it.name), overwrite = true) }
    }

    @Test
    fun noticeFeedPollStoresEachNewNoticeOnce() {
        Fixtures.requireData(site != null && pubkey != null, "MACHI_SYNC_SITE/MACHI_SYNC_PUBKEY not set: run scripts/test.sh")
        val dir = java.nio.file.Files.createTempDirectory("machi-feed").toFile()
        val m = keyed()
        publishFeed(dir, 1)
        serve(dir.path) { base ->
            runBlocking {
                val first = m.syncNotices(base + "feed.json", CancelHandle())
                assertIs<IngestOutcome.Stored>(first.outcomes.single())
                assertTrue(first.nextPollSeconds > 0uL)
                assertTrue(m.syncNotices(base + "feed.json", CancelHandle()).outcomes.isEmpty())
                publishFeed(dir, 2)
                assertIs<IngestOutcome.Cancelled>(m.syncNotices(base + "feed.json", CancelHandle()).outcomes.single())
                // A tampered index is refused whole.
                val index = File(dir, "feed.json")
                index.writeText(index.readText().replace("evacuation", "evacuatiom"))
                assertFailsWith<MachiException.Integrity> { m.syncNotices(base + "feed.json", CancelHandle()) }
                File(dir, "feed.json").writeText("{broken")
                assertFailsWith<MachiException.Integrity> { m.syncNotices(base + "feed.json", CancelHandle()) }
            }
        }
    }

    @Test
    fun feedPollerWaitsWhatTheCoreSaysAndRetriesAfterFailures(): Unit = runBlocking {
        Fixtures.requireData(site != null && pubkey != null, "MACHI_SYNC_SITE/MACHI_SYNC_PUBKEY not set: run scripts/test.sh")
        val dir = java.nio.file.Files.createTempDirectory("machi-feed").toFile()
        publishFeed(dir, 1)
        val repo = Fixtures.repo(keyed())
        serve(dir.path) { base ->
            runBlocking { assertTrue(NoticeFeedPoller(repo, base + "feed.json", retrySeconds = 7).pollOnce() >= 30) }
        }
        val port = ServerSocket(0).use { it.localPort }
        assertEquals(7L, NoticeFeedPoller(repo, "http://127.0.0.1:$port/feed.json", retrySeconds = 7).pollOnce())
    }
}
