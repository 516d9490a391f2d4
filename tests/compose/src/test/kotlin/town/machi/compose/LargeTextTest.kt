package town.machi.compose

import androidx.compose.ui.test.hasScrollAction
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.performScrollToNode
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlinx.coroutines.runBlocking
import town.machi.ui.ServicePage
import town.machi.ui.Tab

/**
 * Every screen at twice the text size (the app's largest; older residents
 * are the readers the town most wants to reach): no text is cut off, on any
 * tab or detail, anywhere down the list.
 */
class LargeTextTest {
    private fun everyScreenFits(locale: String, question: String, language: String? = null, item: String = "傘") = sessionTest(locale, language = language) {
        session.model.setTextScale(2f)
        val problems = mutableListOf<String>()
        for (tab in Tab.entries) {
            showTypical(tab, question)
            problems += ui.everyScrollPosition { ui.cutOffTexts() + ui.rawRubyMarkup() }.map { "$tab: $it" }
        }
        // The two detail screens.
        ui.openTab(session, Tab.EXPLORE)
        val gorge = session.machi.plainText(session.machi.spot("hananuki-gorge").name.text)
        // In easy Japanese the name is ruby text: its node speaks the plain text.
        ui.verticalList().performScrollToNode(hasText(gorge) or hasContentDescriptionExactly(gorge))
        ui.tap(gorge)
        ui.waitFor("spot detail") { session.model.explore.state.value.detail != null }
        problems += ui.everyScrollPosition { ui.cutOffTexts() }.map { "spot detail: $it" }
        ui.openTab(session, Tab.ALERTS)
        val notice = session.model.alerts.state.value.notices.first()
        ui.tap(session.machi.plainText(notice.title))
        ui.waitFor("notice detail") { session.model.alerts.state.value.detail != null }
        problems += ui.everyScrollPosition { ui.cutOffTexts() }.map { "notice detail: $it" }
        // The Services screens, each in use, and the procedure card behind a step.
        for (page in ServicePage.entries) {
            showService(page, item)
            problems += ui.everyScrollPosition { ui.cutOffTexts() + ui.rawRubyMarkup() }.map { "$page: $it" }
        }
        runBlocking { session.model.procedures.openProcedure("child-allowance") }
        showService(ServicePage.PROCEDURES, item)
        problems += ui.everyScrollPosition { ui.cutOffTexts() + ui.rawRubyMarkup() }.map { "procedure card: $it" }
        assertEquals(emptyList(), problems)
    }

    @Test
    fun japaneseAtTwiceTheTextSize() = everyScreenFits("ja-JP", "粗大ごみはどう出すの？")

    @Test
    fun englishAtTwiceTheTextSize() = everyScreenFits("en-US", "How do I get rid of bulky waste?", item = "umbrella")

    /** Furigana make every line taller: no ruby line may be squeezed out either. */
    @Test
    fun easyJapaneseAtTwiceTheTextSize() = everyScreenFits("ja-JP", "粗大ごみはどう出すの？", language = "ja-yasasii")
}
