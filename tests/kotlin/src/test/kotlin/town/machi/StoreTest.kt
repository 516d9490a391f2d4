package town.machi

import java.io.File
import java.nio.file.Files
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertIs
import kotlin.test.assertTrue
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.runBlocking
import town.machi.shared.AppModel
import town.machi.shared.MachiStore
import town.machi.shared.MemorySettingsStore
import town.machi.shared.Outcome
import town.machi.shared.PushHandler
import uniffi.machi_ffi.IngestOutcome

/**
 * The FCM messaging service can start the app's process cold, without the
 * activity: it opens machi through [MachiStore] like the app does. A push it
 * stores must be in the database the Alerts tab reads, in the language
 * chosen in Settings.
 */
class StoreTest {
    private fun cap(name: String) = File(System.getProperty("machi.fixtures.dir"), name).readText()

    @Test
    fun theMessagingServiceAndTheAppShareOneDatabaseAndLanguage(): Unit = runBlocking {
        val dir = Files.createTempDirectory("machi-store").toFile()
        val settings = MemorySettingsStore()
        val app = AppModel(MachiStore.open(dir, settings, listOf("en-US"), null, Dispatchers.Default), this, settings)
        app.chooseLanguage("zh-Hant").join()
        assertEquals("zh-Hant", settings.language, "the choice is saved where every entry point reads it")
        app.alerts.refresh()
        val before = app.alerts.state.value.notices.map { it.id }

        // The messaging service, opened on its own as in a cold-started process.
        val service = MachiStore.open(dir, settings, listOf("en-US"), null, Dispatchers.Default)
        assertEquals("zh-Hant", service.machi.locale().lang)
        val payload = mapOf("machi_notice_xml" to cap("cap-evacuation-order.xml"), "machi_notice_name" to "push-1")
        val handled = assertIs<Outcome.Ok<IngestOutcome>>(PushHandler(service).handle(payload))
        val stored = assertIs<IngestOutcome.Stored>(handled.value)
        val title = service.machi.notice(stored.id, null, 0u).notice.title
        assertTrue("避難" in title || "撤離" in title, "in zh-Hant: $title")

        app.alerts.refresh()
        val after = app.alerts.state.value.notices.map { it.id }
        assertFalse(stored.id in before)
        assertEquals((before + stored.id).toSet(), after.toSet(), "the app lists the pushed notice")
        assertTrue(File(dir, "machi.sqlite3").isFile)

        // Following the device again is saved too: the next open is in English.
        app.chooseLanguage(null).join()
        assertEquals(null, settings.language)
        assertEquals("en", MachiStore.open(dir, settings, listOf("en-US"), null).machi.locale().lang)
        app.close()
    }
}
