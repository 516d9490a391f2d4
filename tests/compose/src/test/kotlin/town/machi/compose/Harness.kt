package town.machi.compose

import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.ui.geometry.Size
import androidx.lifecycle.Lifecycle
import androidx.lifecycle.LifecycleOwner
import androidx.lifecycle.LifecycleRegistry
import androidx.lifecycle.compose.LocalLifecycleOwner
import androidx.compose.ui.semantics.SemanticsActions
import androidx.compose.ui.semantics.SemanticsNode
import androidx.compose.ui.semantics.SemanticsProperties
import androidx.compose.ui.semantics.getOrNull
import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.SemanticsMatcher
import androidx.compose.ui.test.SemanticsNodeInteractionsProvider
import androidx.compose.ui.test.SkikoComposeUiTest
import androidx.compose.ui.test.hasClickAction
import androidx.compose.ui.test.hasScrollAction
import androidx.compose.ui.test.hasSetTextAction
import androidx.compose.ui.test.performScrollToIndex
import androidx.compose.ui.test.performScrollToNode
import androidx.compose.ui.test.performSemanticsAction
import androidx.compose.ui.test.performTextInput
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.runSkikoComposeUiTest
import androidx.compose.ui.text.TextLayoutResult
import androidx.compose.ui.unit.Density
import java.io.File
import java.nio.file.Files
import java.time.LocalDate
import java.util.concurrent.CopyOnWriteArrayList
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assumptions
import town.machi.shared.AppModel
import town.machi.shared.MachiRepository
import town.machi.shared.UiText
import town.machi.ui.MachiApp
import town.machi.ui.ReadAloud
import town.machi.ui.RubyClipped
import town.machi.ui.ServicePage
import town.machi.ui.Tab
import uniffi.machi_ffi.CourseMode
import uniffi.machi_ffi.Machi
import uniffi.machi_ffi.MachiConfig

/**
 * Skips the test when a prerequisite the test command provides is missing
 * ([why] says which), or fails it when MACHI_REQUIRE_DATA=1 (CI).
 */
fun needs(present: Boolean, why: String) {
    if (present) return
    check(System.getenv("MACHI_REQUIRE_DATA") != "1") { "$why (MACHI_REQUIRE_DATA=1)" }
    Assumptions.assumeTrue(false, why)
}

/** A read-aloud voice that remembers what it was asked to say. */
class RecordingReadAloud : ReadAloud {
    /** (text, language) in call order. */
    val spoken = CopyOnWriteArrayList<Pair<String, String>>()

    override fun speak(text: String, languageTag: String, utteranceId: String) {
        spoken.add(text to languageTag)
    }
}

/**
 * One app session over the embedded sample town in a fresh data folder, as a
 * phone would open it: the core through JNA, the shared view models, a
 * recording voice. [today] is fixed so course and event screens are stable.
 */
class Session(
    vararg locales: String,
    key: String? = null,
    packUrl: String? = null,
    today: LocalDate = LocalDate.parse("2026-11-22"),
) : AutoCloseable {
    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default)
    val machi: Machi = Machi.open(
        Files.createTempDirectory("machi-compose").toString(),
        MachiConfig(deviceLocales = locales.toList(), languageOverride = null, publisherKey = key, inMemory = false),
    )
    val repo = MachiRepository(machi, Dispatchers.Default)
    val model = AppModel(repo, scope, packUrl = packUrl, today = { today })
    val speech = RecordingReadAloud()

    init {
        runBlocking { model.refreshAll().join() }
    }

    /** The localized message [id], as the screens show it. */
    fun t(id: String, vararg args: Pair<String, Any>): UiText = repo.text(id, *args)

    override fun close() {
        model.close()
        scope.cancel()
    }
}

/**
 * A host that is on screen and in the foreground, as an Activity or a desktop
 * Window provides it: the screens collect their state "with lifecycle".
 */
private object ResumedHost : LifecycleOwner {
    private val registry = LifecycleRegistry.createUnsafe(this).apply { currentState = Lifecycle.State.RESUMED }
    override val lifecycle: Lifecycle get() = registry
}

/** Shows the app as its platform host would: [MachiApp] under a resumed lifecycle. */
@Composable
fun HostedApp(session: Session, tab: Tab = Tab.EXPLORE) {
    CompositionLocalProvider(LocalLifecycleOwner provides ResumedHost) {
        MachiApp(session.model, session.speech, tab)
    }
}

/** A phone-sized screen: 360 × 780 dp at density 2 (720 × 1560 px). */
val PHONE = Size(720f, 1560f)

/** Runs [block] on a headless phone-sized Compose scene. */
@OptIn(ExperimentalTestApi::class)
fun phoneTest(block: SkikoComposeUiTest.() -> Unit) = runSkikoComposeUiTest(PHONE, Density(2f)) { block() }

/** Waits (real time: the core works on other threads) until [text] is on screen. */
@OptIn(ExperimentalTestApi::class)
fun SkikoComposeUiTest.waitForText(text: String, substring: Boolean = false, timeoutMillis: Long = 20_000) {
    waitUntil("\"$text\" on screen", timeoutMillis) {
        onAllNodes(hasText(text, substring = substring), useUnmergedTree = true).fetchSemanticsNodes().isNotEmpty()
    }
}

/** Waits until [condition] holds. */
@OptIn(ExperimentalTestApi::class)
fun SkikoComposeUiTest.waitFor(what: String, timeoutMillis: Long = 20_000, condition: () -> Boolean) =
    waitUntil(what, timeoutMillis, condition)

/** Taps the bottom-bar tab [tab] (its label in the session's language). */
@OptIn(ExperimentalTestApi::class)
fun SkikoComposeUiTest.openTab(session: Session, tab: Tab) {
    val label = session.t(tab.label).plain
    onNode(hasClickAction() and (hasText(label) or hasContentDescriptionExactly(label))).performClick()
    waitForIdle()
}

/** Matches a node whose content description is exactly [text]. */
fun hasContentDescriptionExactly(text: String) = SemanticsMatcher("contentDescription == $text") { n ->
    n.config.getOrNull(SemanticsProperties.ContentDescription)?.contains(text) == true
}

/** The visible texts of all nodes (unmerged), for failure messages. */
fun SemanticsNodeInteractionsProvider.visibleTexts(): List<String> =
    onAllNodes(SemanticsMatcher.keyIsDefined(SemanticsProperties.Text), useUnmergedTree = true)
        .fetchSemanticsNodes().flatMap { n -> n.config[SemanticsProperties.Text].map { it.text } }

/**
 * Controls a person can tap that show no text of their own (icon buttons,
 * sliders, chips drawn as icons) but have no spoken description; each entry
 * names the node. The descriptions must be real words, not message ids.
 */
fun SemanticsNodeInteractionsProvider.undescribedControls(): List<String> {
    val id = Regex("^[a-z]+(-[a-z0-9]+)+$")
    val controls = onAllNodes(hasClickAction() or SemanticsMatcher.keyIsDefined(SemanticsActions.SetProgress))
        .fetchSemanticsNodes()
    return controls.mapNotNull { n ->
        val texts = n.config.getOrNull(SemanticsProperties.Text).orEmpty().map { it.text } +
            n.config.getOrNull(SemanticsProperties.EditableText)?.text.let { listOfNotNull(it) }
        val descriptions = n.config.getOrNull(SemanticsProperties.ContentDescription).orEmpty()
        val said = (texts + descriptions).filter { it.isNotBlank() }
        when {
            said.isEmpty() -> "node ${n.id} at ${n.boundsInRoot} has neither text nor description"
            descriptions.any { id.matches(it) } -> "node ${n.id} is described by a message id: $descriptions"
            else -> null
        }
    }
}

/**
 * Texts that do not fit where they are laid out: a Text whose layout reports
 * overflow (cut off or ellipsized), a ruby text given less height than its
 * lines need, or one that ends past the screen's right edge outside a
 * horizontally scrolling row.
 */
fun SemanticsNodeInteractionsProvider.cutOffTexts(): List<String> {
    val root = onAllNodes(SemanticsMatcher("root") { it.parent == null }, useUnmergedTree = true).fetchSemanticsNodes().first()
    val width = root.size.width
    val ruby = onAllNodes(SemanticsMatcher.expectValue(RubyClipped, true), useUnmergedTree = true).fetchSemanticsNodes()
        .map { n -> "ruby text \"${n.config.getOrNull(SemanticsProperties.ContentDescription)?.joinToString()}\" is cut off (${n.size})" }
    return ruby + onAllNodes(SemanticsMatcher.keyIsDefined(SemanticsActions.GetTextLayoutResult), useUnmergedTree = true)
        .fetchSemanticsNodes().mapNotNull { n ->
            val layouts = mutableListOf<TextLayoutResult>()
            n.config[SemanticsActions.GetTextLayoutResult].action?.invoke(layouts)
            val text = n.config.getOrNull(SemanticsProperties.Text)?.joinToString { it.text } ?: "?"
            val layout = layouts.firstOrNull() ?: return@mapNotNull null
            when {
                // (Not hasVisualOverflow: a wrapping Text's paragraph is as wide as its constraint, wider than the node.)
                layout.multiParagraph.didExceedMaxLines -> "\"$text\" has more lines than it may show"
                layout.size.height + 0.5f < layout.multiParagraph.height -> "\"$text\" is cut off at the bottom of its ${layout.size} box (needs height ${layout.multiParagraph.height})"
                (0 until layout.lineCount).any { layout.isLineEllipsized(it) } -> "\"$text\" is ellipsized"
                (0 until layout.lineCount).any { layout.getLineRight(it) > layout.size.width + 0.5f } -> "\"$text\" is wider than its ${layout.size} box"
                !inHorizontalScroll(n) && n.positionInRoot.x + n.size.width > width + 1 -> "\"$text\" ends past the screen edge"
                else -> null
            }
        }
}

private fun inHorizontalScroll(n: SemanticsNode): Boolean {
    var p: SemanticsNode? = n.parent
    while (p != null) {
        if (p.config.getOrNull(SemanticsProperties.HorizontalScrollAxisRange) != null) return true
        p = p.parent
    }
    return false
}

/** Where screenshots go (target/screenshots, set by the pom). */
val screenshotsDir: File = File(System.getProperty("machi.screenshots.dir") ?: "target/screenshots")

/** A UI test's session and its screen. */
class SessionTest(val session: Session, val ui: SkikoComposeUiTest)

/**
 * Opens a [Session] with the device [locales] (and the in-app [language]
 * choice, e.g. `ja-yasasii`), shows the app on a phone-sized screen on
 * [tab], and runs [block].
 */
fun sessionTest(
    vararg locales: String,
    tab: Tab = Tab.EXPLORE,
    language: String? = null,
    key: String? = null,
    packUrl: String? = null,
    block: SessionTest.() -> Unit,
) =
    Session(*locales, key = key, packUrl = packUrl).use { s ->
        if (language != null) runBlocking { s.model.chooseLanguage(language).join() }
        phoneTest {
            setContent { HostedApp(s) }
            if (tab != Tab.EXPLORE) openTab(s, tab)
            SessionTest(s, this).block()
        }
    }

/**
 * Taps the control labelled [label] (its text, or the spoken text of a ruby
 * label), first scrolling it into view as a person would.
 */
fun SkikoComposeUiTest.tap(label: String) {
    val control = onNode(hasClickAction() and (hasText(label) or hasContentDescriptionExactly(label)))
    if (scrolls(control.fetchSemanticsNode())) control.performScrollTo()
    control.performClick()
    waitForIdle()
}

private fun scrolls(n: SemanticsNode): Boolean {
    var p: SemanticsNode? = n.parent
    while (p != null) {
        if (p.config.getOrNull(SemanticsActions.ScrollBy) != null) return true
        p = p.parent
    }
    return false
}

/** Ruby markup `{漢字|かんじ}` shown as characters instead of drawn as furigana. */
private val RAW_RUBY = Regex("""\{[^{}|]+\|[^{}]+\}""")

/** Visible texts that show raw ruby markup (a core string drawn with Text instead of RubyText). */
fun SemanticsNodeInteractionsProvider.rawRubyMarkup(): List<String> = visibleTexts().filter { RAW_RUBY.containsMatchIn(it) }

/**
 * Brings [tab] into what a resident typically sees there: the spot list, a
 * planned course's timeline, the notices, an answered [question], the settings.
 */
fun SessionTest.showTypical(tab: Tab, question: String) {
    val m = session.model
    ui.openTab(session, tab)
    when (tab) {
        Tab.EXPLORE -> ui.waitFor("spots") { m.explore.state.value.spots.isNotEmpty() }
        Tab.COURSE -> {
            if (m.course.state.value.course == null) {
                // By bus and train with a taxi budget: the timeline shows rides and fares.
                m.course.edit { it.copy(mode = CourseMode.TRANSIT, taxiBudgetYen = 5000u, interests = setOf("nature", "autumn-leaves")) }
                ui.tap(session.t("ui-course-plan").plain)
                ui.waitFor("a course") { m.course.state.value.course != null && !m.course.state.value.loading }
            }
            // The timeline, starting with the day's departure.
            ui.verticalList().performScrollToIndex(1)
        }
        Tab.ALERTS -> ui.waitFor("notices") { m.alerts.state.value.notices.isNotEmpty() }
        Tab.ASK -> if (m.ask.state.value.items.isEmpty()) {
            ui.onNode(hasSetTextAction()).performTextInput(question)
            ui.tap(session.t("ui-ask-send").plain)
            ui.waitFor("a reply") { m.ask.state.value.items.size >= 2 }
        }
        Tab.SERVICES -> {
            // In easy Japanese the label is ruby text: its node speaks the plain text.
            val garbage = session.t(ServicePage.GARBAGE.label).plain
            ui.waitFor("the Services hub") {
                ui.onAllNodes(hasText(garbage) or hasContentDescriptionExactly(garbage)).fetchSemanticsNodes().isNotEmpty()
            }
        }
        Tab.SETTINGS -> ui.waitFor("languages") { m.settings.state.value.languages.isNotEmpty() }
    }
    ui.waitForIdle()
}

/**
 * Opens the Services screen [page] from its hub and brings it into what a
 * resident typically sees there: where [item] goes, a birth checklist with its
 * first step ticked, the eligibility check answered for children of 1 and 4 in
 * a single-parent household.
 */
fun SessionTest.showService(page: ServicePage, item: String) {
    val m = session.model
    ui.openTab(session, Tab.SERVICES)
    // Tapping the tab again returns to the hub from any Services screen.
    val label = session.t(page.label).plain
    val onHub = hasClickAction() and (hasText(label) or hasContentDescriptionExactly(label))
    if (ui.onAllNodes(onHub).fetchSemanticsNodes().isEmpty()) ui.openTab(session, Tab.SERVICES)
    ui.tap(label)
    when (page) {
        ServicePage.GARBAGE -> {
            ui.waitFor("areas") { m.garbage.state.value.areas.isNotEmpty() }
            if (m.garbage.state.value.result == null) {
                ui.onNode(hasSetTextAction()).performTextInput(item)
                ui.tap(session.t("ui-garbage-lookup").plain)
                ui.waitFor("where $item goes") { m.garbage.state.value.result != null }
            }
        }
        ServicePage.PROCEDURES -> {
            ui.waitFor("life events") { m.procedures.state.value.events.isNotEmpty() }
            if (m.procedures.state.value.checklist == null) {
                runBlocking { m.procedures.start("birth", "2026-12-01") }
                ui.waitFor("a checklist") { m.procedures.state.value.checklist != null }
                val first = m.procedures.state.value.rows.first()
                if (!first.item.done) ui.tap(first.toggleLabel.plain)
                ui.waitFor("a ticked step") { m.procedures.state.value.rows.first().item.done }
            }
        }
        ServicePage.BENEFITS -> {
            ui.waitFor("questions") { m.benefits.state.value.questions.isNotEmpty() }
            if (m.benefits.state.value.results == null) {
                m.benefits.answer("child_ages", "1, 4")
                m.benefits.answerChoice("household", "single-parent")
                runBlocking { m.benefits.evaluate() }
                ui.waitFor("results") { m.benefits.state.value.results != null }
            }
        }
    }
    ui.waitForIdle()
}

/** Opens the evacuation order's detail and scrolls to its shelters, each with its open-status badge. */
fun SessionTest.showShelters() {
    val m = session.model
    ui.openTab(session, Tab.ALERTS)
    ui.waitFor("notices") { m.alerts.state.value.notices.isNotEmpty() }
    val order = m.alerts.state.value.notices.firstOrNull { it.level?.toInt() == 4 } ?: m.alerts.state.value.notices.first()
    ui.tap(session.machi.plainText(order.title))
    ui.waitFor("the shelters") { m.alerts.state.value.shelters.isNotEmpty() }
    val heading = session.t("ui-alerts-shelters").plain
    ui.verticalList().performScrollToNode(hasText(heading) or hasContentDescriptionExactly(heading))
    ui.waitForIdle()
}

/** Runs [check] at every scroll position of each vertically scrolling list on screen, top to bottom. */
fun <T> SkikoComposeUiTest.everyScrollPosition(check: () -> List<T>): List<T> {
    val found = check().toMutableList()
    val lists = SemanticsMatcher.keyIsDefined(SemanticsProperties.VerticalScrollAxisRange)
    val count = onAllNodes(lists).fetchSemanticsNodes().size
    for (i in 0 until count) {
        repeat(60) {
            val node = onAllNodes(lists)[i]
            val range = node.fetchSemanticsNode().config[SemanticsProperties.VerticalScrollAxisRange]
            if (range.value() >= range.maxValue()) return@repeat
            node.performSemanticsAction(SemanticsActions.ScrollBy) { it(0f, PHONE.height / 3) }
            waitForIdle()
            found += check()
        }
    }
    return found.distinct()
}

/** The screen's vertically scrolling list (chip rows scroll sideways and are not it). */
fun SkikoComposeUiTest.verticalList() = onNode(SemanticsMatcher.keyIsDefined(SemanticsProperties.VerticalScrollAxisRange))
