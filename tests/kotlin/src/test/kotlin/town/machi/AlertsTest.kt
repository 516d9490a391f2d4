package town.machi

import java.io.File
import java.util.concurrent.CopyOnWriteArrayList
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertIs
import kotlin.test.assertNotNull
import kotlin.test.assertTrue
import kotlinx.coroutines.runBlocking
import town.machi.shared.AlertsViewModel
import town.machi.shared.Outcome
import town.machi.shared.PushHandler
import uniffi.machi_ffi.IngestOutcome
import uniffi.machi_ffi.MachiException
import uniffi.machi_ffi.Notice
import uniffi.machi_ffi.NoticeListener

class AlertsTest {
    private fun cap(name: String) = File(System.getProperty("machi.fixtures.dir"), name).readBytes()

    private class Inbox : NoticeListener {
        val received = CopyOnWriteArrayList<Notice>()
        override fun onNotices(notices: List<Notice>) {
            received.addAll(notices)
        }
    }

    @Test
    fun ingestedCapArrivesThroughTheListener() {
        val m = Fixtures.open()
        val inbox = Inbox()
        m.addNoticeListener(inbox)
        val outcome = m.ingestNotice(cap("cap-evacuation-order.xml"), "cap-evacuation-order.xml")
        assertIs<IngestOutcome.Stored>(outcome)
        val notice = inbox.received.single()
        assertEquals(outcome.id, notice.id)
        assertEquals(4.toUByte(), notice.level)
        assertEquals("template", notice.textSource)
        assertTrue("Evacuation order" in notice.title, notice.title)
        // Same document again: stored once, not announced again.
        assertEquals(IngestOutcome.Duplicate(outcome.id), m.ingestNotice(cap("cap-evacuation-order.xml"), "again.xml"))
        assertEquals(1, inbox.received.size)
    }

    @Test
    fun unsignedCancelFromAForgedSenderLeavesTheVerifiedOrderActive() {
        val m = Fixtures.open()
        val query = uniffi.machi_ffi.NoticeQuery(null, false, false)
        val order = m.notices(query).first { it.level == 4.toUByte() }
        // The sample town's notices are signed in its pack.
        assertEquals("verified", order.verification)
        assertNotNull(order.signer)
        assertTrue(order.alert)
        val outcome = m.ingestPushPayload(
            mapOf("machi_notice_xml" to String(cap("cap-forged-cancel.xml")), "machi_notice_name" to "forged"),
        )
        val refused = assertIs<IngestOutcome.Refused>(outcome)
        assertEquals(listOf(order.id), refused.refused)
        val after = m.notices(query).associateBy { it.id }
        assertEquals(order, after[order.id], "the verified order is still active and unchanged")
        val attempt = assertNotNull(after[refused.id])
        assertEquals("unverified", attempt.verification)
        assertNotNull(attempt.refusedLabel)
        assertFalse(attempt.alert)
    }

    @Test
    fun hostileDocumentIsRejectedAndBadPushIsInvalidInput() {
        val m = Fixtures.open()
        assertIs<IngestOutcome.Rejected>(m.ingestNotice(cap("cap-hostile-entity.xml"), "xxe.xml"))
        assertFailsWith<MachiException.InvalidInput> { m.ingestPushPayload(mapOf("title" to "hi")) }
        assertFailsWith<MachiException.NotFound> { m.markNoticeRead(987654L) }
    }

    @Test
    fun pushHandlerFeedsTheAlertsViewModel(): Unit = runBlocking {
        val repo = Fixtures.repo()
        val vm = AlertsViewModel(repo)
        vm.position = Fixtures.station
        vm.refresh()
        val before = vm.state.value.notices.size
        val payload = mapOf("machi_notice_xml" to String(cap("cap-evacuation-order.xml")), "machi_notice_name" to "push-1")
        val handled = PushHandler(repo).handle(payload)
        assertIs<Outcome.Ok<IngestOutcome>>(handled)
        val stored = assertIs<IngestOutcome.Stored>(handled.value)
        // The listener put it on screen without a refresh.
        val s = vm.state.value
        assertEquals(stored.id, s.incoming?.id)
        assertEquals(before + 1, s.notices.size)
        vm.open(stored.id)
        val detail = assertNotNull(vm.state.value.detail)
        assertTrue(detail.shelters.isNotEmpty() && detail.shelters.size <= 3)
        assertTrue(vm.state.value.notices.first { it.id == stored.id }.read)
        // Withdrawn: still listed, marked, no longer active.
        repo.machi.ingestNotice(cap("cap-evacuation-cancel.xml"), "cancel.xml")
        vm.refresh()
        assertFalse(vm.state.value.notices.first { it.id == stored.id }.active)
        vm.close()
    }
}
