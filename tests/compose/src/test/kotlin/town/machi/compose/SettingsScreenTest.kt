package town.machi.compose

import androidx.compose.ui.semantics.SemanticsProperties
import androidx.compose.ui.test.SemanticsMatcher
import androidx.compose.ui.test.assertIsEnabled
import androidx.compose.ui.test.hasScrollAction
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollToNode
import com.sun.net.httpserver.HttpServer
import java.io.File
import java.net.InetSocketAddress
import java.util.concurrent.Executors
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import town.machi.ui.RubyReadings
import town.machi.ui.Tab
import uniffi.machi_ffi.SyncOutcome

class SettingsScreenTest {
    private fun SessionTest.choose(languageName: String, tag: String) {
        ui.verticalList().performScrollToNode(hasText(languageName))
        ui.onNodeWithText(languageName).performClick()
        ui.waitFor("UI language $tag") { session.model.settings.state.value.locale?.lang == tag }
        ui.waitForIdle()
    }

    @Test
    fun easyJapaneseDrawsRubyOverTheKanji() = sessionTest("en-US", tab = Tab.SETTINGS) {
        choose("Easy Japanese", "ja-yasasii")
        // The Settings tab's own label: 設定 with せってい above it, read once as 設定.
        val settings = ui.onAllNodes(SemanticsMatcher.expectValue(RubyReadings, listOf("せってい")), useUnmergedTree = true)
            .fetchSemanticsNodes()
        assertTrue(settings.any { it.config[SemanticsProperties.ContentDescription] == listOf("設定") }, "no ruby 設定(せってい)")
        // Every tab label with kanji carries ruby in easy Japanese (くらし has none to carry).
        val withRuby = ui.onAllNodes(SemanticsMatcher.keyIsDefined(RubyReadings), useUnmergedTree = true).fetchSemanticsNodes()
        val labelled = Tab.entries.filter { session.t(it.label).hasRuby }
        assertTrue(labelled.size >= 5, labelled.toString())
        for (t in labelled) {
            val plain = session.t(t.label).plain
            assertTrue(withRuby.any { it.config[SemanticsProperties.ContentDescription] == listOf(plain) }, "tab $plain has no ruby")
        }
        ui.openTab(session, Tab.EXPLORE)
        ui.waitFor("spots in easy Japanese") { ui.onAllNodes(SemanticsMatcher.expectValue(RubyReadings, listOf("はなぬきけいこく")), useUnmergedTree = true).fetchSemanticsNodes().isNotEmpty() }
        assertEquals(emptyList(), ui.undescribedControls())
    }

    @Test
    fun traditionalChineseChangesEveryTab() = sessionTest("en-US", tab = Tab.COURSE) {
        // A course planned in English is re-planned in the new language too.
        ui.onNodeWithText("Suggest a course").performClick()
        ui.waitFor("a course") { session.model.course.state.value.course != null }
        ui.openTab(session, Tab.SETTINGS)
        choose("Chinese (Traditional)", "zh-Hant")
        val expected = mapOf(
            Tab.EXPLORE to listOf("景點", "觀光景點", "花貫溪谷"),
            Tab.COURSE to listOf("路線", "推薦路線", "高萩站"),
            Tab.ALERTS to listOf("防災資訊", "顯示過去的資訊"),
            Tab.ASK to listOf("詢問", "傳送"),
            Tab.SERVICES to listOf("生活", "垃圾分類", "人生大事後的手續"),
            Tab.SETTINGS to listOf("設定", "語言"),
        )
        for ((tab, texts) in expected) {
            // Five tabs in the bottom bar, Settings behind the top bar's gear: each named in Chinese.
            ui.openTab(session, tab)
            for (text in texts) {
                ui.waitFor("$text on the $tab tab") { ui.visibleTexts().any { text in it } }
            }
            assertTrue(ui.visibleTexts().none { it == "Explore" || it == "Places to visit" || it == "Suggest a course" }, ui.visibleTexts().toString())
            assertEquals(emptyList(), ui.undescribedControls())
        }
    }

    @Test
    fun syncAgainstALocalPackServerShowsItsProgress() {
        val site = System.getenv("MACHI_SYNC_SITE")
        val pubkey = System.getenv("MACHI_SYNC_PUBKEY")
        needs(site != null && pubkey != null, "MACHI_SYNC_SITE/MACHI_SYNC_PUBKEY not set: run scripts/test.sh")
        slowServer(File(site)) { url ->
            sessionTest("en-US", tab = Tab.SETTINGS, key = File(pubkey).readText().trim(), packUrl = url) {
                val list = ui.verticalList()
                // Before: the town built into the app.
                list.performScrollToNode(hasText("the sample town built into the app", substring = true))
                list.performScrollToNode(hasText("Update now"))
                ui.onNodeWithText("Update now").assertIsEnabled().performClick()
                // While it runs: a phase line with a percentage, a progress bar and a Stop button.
                ui.waitFor("download progress") { ui.visibleTexts().any { it.startsWith("Downloading…") || it.startsWith("Saving…") } }
                assertTrue(ui.onAllNodes(SemanticsMatcher.keyIsDefined(SemanticsProperties.ProgressBarRangeInfo)).fetchSemanticsNodes().isNotEmpty())
                ui.onNodeWithText("Stop updating").assertIsEnabled()
                ui.waitFor("sync done", timeoutMillis = 60_000) { !session.model.sync!!.state.value.running }
                ui.waitForText("The town information is now up to date.")
                ui.onNodeWithText("Update now").assertIsEnabled()
                val outcome = session.model.sync!!.state.value.lastOutcome
                assertTrue(outcome is SyncOutcome.Applied && outcome.toVersion == 2uL, outcome.toString())
                // The status line now vouches for version 2 by the town's signature.
                ui.waitFor("pack status of version 2") {
                    session.model.settings.state.value.packStatus?.plain?.startsWith("Version 2, vouched for") == true
                }
                list.performScrollToNode(hasText("Version 2, vouched for", substring = true))
                assertEquals(emptyList(), ui.undescribedControls())
            }
        }
    }

    /**
     * Serves [root] like a slow mobile network (8 KiB every 15 ms) for the first
     * 512 KiB of each file, so the progress can be seen, then at full speed: the
     * version-2 pack may carry the 80 MB FAQ model, which would take minutes.
     */
    private fun slowServer(root: File, block: (String) -> Unit) {
        val server = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)
        server.createContext("/") { ex ->
            val f = File(root, ex.requestURI.path.trimStart('/'))
            if (f.isFile) {
                ex.sendResponseHeaders(200, f.length())
                ex.responseBody.use { out ->
                    f.inputStream().use { input ->
                        val buf = ByteArray(8192)
                        var sent = 0L
                        while (true) {
                            val n = input.read(buf)
                            if (n < 0) break
                            out.write(buf, 0, n)
                            sent += n
                            if (sent <= 512 * 1024) {
                                out.flush()
                                Thread.sleep(15)
                            }
                        }
                    }
                }
            } else {
                ex.sendResponseHeaders(404, -1)
            }
            ex.close()
        }
        server.executor = Executors.newFixedThreadPool(2)
        server.start()
        try {
            block("http://127.0.0.1:${server.address.port}/")
        } finally {
            server.stop(0)
        }
    }
}
