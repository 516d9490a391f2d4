package town.machi.app.push

import com.google.firebase.messaging.FirebaseMessagingService
import com.google.firebase.messaging.RemoteMessage
import kotlinx.coroutines.runBlocking
import town.machi.app.MachiApplication
import town.machi.shared.PushHandler

/**
 * Receives FCM data messages and hands them to the core, which stores the
 * notice before anything is shown; the Alerts tab hears about it through the
 * core's listener. The data contract (`machi_notice_envelope`, a signed
 * envelope as docs/notice-envelope.md defines it, or a bare `machi_notice_xml`,
 * stored unverified; plus `machi_notice_name`) is the core's, shared with iOS:
 * the data map is passed through unchanged.
 */
class MachiMessagingService : FirebaseMessagingService() {
    override fun onMessageReceived(message: RemoteMessage) {
        val repo = (application as MachiApplication).repository
        // onMessageReceived runs on a background thread with a ~10 s budget:
        // blocking here until the notice is stored is what keeps it from being lost.
        runBlocking { PushHandler(repo).handle(message.data) }
    }
}
