package town.machi.compose

import java.io.File
import javax.imageio.ImageIO
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertNotNull
import kotlin.test.assertTrue
import org.jetbrains.skia.EncodedImageFormat
import org.jetbrains.skia.FontMgr
import org.jetbrains.skia.FontStyle
import org.jetbrains.skia.Image
import androidx.compose.ui.graphics.asSkiaBitmap
import town.machi.ui.ServicePage
import town.machi.ui.Tab

/**
 * Each tab (and each Services screen in use) in Japanese, English,
 * Traditional Chinese and easy Japanese, rendered headless to
 * target/screenshots/<screen>-<lang>.png on every run.
 * With -Dmachi.docs.screenshots=DIR (scripts/test-compose.sh
 * --update-screenshots) the Japanese and English ones are also written
 * there: the set the README shows.
 */
class ScreenshotTest {
    private val docs = System.getProperty("machi.docs.screenshots")?.takeIf { it.isNotBlank() }?.let(::File)

    private fun shootEveryTab(name: String, locale: String, language: String?, question: String, item: String = "傘") {
        // Without a CJK font Skia draws tofu boxes: say so instead of writing wrong pictures.
        for ((lang, ch) in listOf("ja" to '観', "zh-Hant" to '點')) {
            assertNotNull(
                FontMgr.default.matchFamilyStyleCharacter(null, FontStyle.NORMAL, arrayOf(lang), ch.code),
                "no font for $lang text: install a CJK font (Debian: apt-get install fonts-noto-cjk)",
            )
        }
        screenshotsDir.mkdirs()
        sessionTest(locale, language = language) {
            val screens = Tab.entries.map { tab -> tab.name.lowercase() to { showTypical(tab, question) } } +
                listOf("alerts-shelters" to { showShelters() }) +
                ServicePage.entries.map { page -> "services-${page.name.lowercase()}" to { showService(page, item) } }
            for ((screen, show) in screens) {
                show()
                assertEquals(emptyList(), ui.rawRubyMarkup(), "$screen in $name shows ruby markup as text")
                val png = Image.makeFromBitmap(ui.captureToImage().asSkiaBitmap()).encodeToData(EncodedImageFormat.PNG)!!.bytes
                val file = File(screenshotsDir, "$screen-$name.png")
                file.writeBytes(png)
                val image = ImageIO.read(file)
                assertEquals(PHONE.width.toInt() to PHONE.height.toInt(), image.width to image.height)
                // A drawn screen, not a blank one: many colours (text anti-aliasing, chips, icons).
                val colours = HashSet<Int>()
                for (y in 0 until image.height step 4) for (x in 0 until image.width step 4) colours += image.getRGB(x, y)
                assertTrue(colours.size > 20, "$file looks blank (${colours.size} colours)")
                if (docs != null && name in DOCS_LANGS) {
                    docs.mkdirs()
                    file.copyTo(File(docs, file.name), overwrite = true)
                }
            }
        }
    }

    @Test
    fun japanese() = shootEveryTab("ja", "ja-JP", null, "粗大ごみはどう出すの？")

    @Test
    fun english() = shootEveryTab("en", "en-US", null, "How do I get rid of bulky waste?", item = "umbrella")

    @Test
    fun traditionalChinese() = shootEveryTab("zh-Hant", "zh-TW", null, "大型垃圾要怎麼丟？")

    @Test
    fun easyJapanese() = shootEveryTab("ja-yasasii", "ja-JP", "ja-yasasii", "粗大ごみはどう出すの？")

    private companion object {
        /** The languages whose screenshots the README shows. */
        val DOCS_LANGS = setOf("ja", "en")
    }
}
