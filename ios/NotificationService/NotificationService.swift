import MachiKit
import UserNotifications

/// Notification Service Extension: stores the notice carried by the push
/// (`machi_notice_envelope` — a signed envelope, docs/notice-envelope.md —
/// or `machi_notice_xml`, plus `machi_notice_name`: the same contract as
/// Android, passed through unchanged) in the core before iOS shows the banner, and
/// replaces the banner text with the notice's title in the user's language.
/// It opens the app's own store and language through `MachiStore.shared()`
/// (the App Group container: this target needs the App Groups entitlement).
final class NotificationService: UNNotificationServiceExtension {
    private var contentHandler: ((UNNotificationContent) -> Void)?
    private var content: UNMutableNotificationContent?

    override func didReceive(_ request: UNNotificationRequest, withContentHandler contentHandler: @escaping (UNNotificationContent) -> Void) {
        self.contentHandler = contentHandler
        let content = (request.content.mutableCopy() as? UNMutableNotificationContent) ?? UNMutableNotificationContent()
        self.content = content
        do {
            let key = Bundle.main.object(forInfoDictionaryKey: "MachiPublisherKey") as? String
            let repo = try MachiStore.shared().open(publisherKey: key)
            if let notice = try repo.storePush(userInfo: request.content.userInfo) {
                content.title = repo.machi.plainText(text: notice.title)
                // Starts with the verification label ("Unverified: …").
                content.body = notice.readAloud
                // The core decides how loud: only a verified, current notice may sound,
                // and only a real (not drill) level 4-5 one breaks through. This only maps it.
                switch noticeUrgency(notice: notice) {
                case .quiet: content.interruptionLevel = .passive
                case .normal: content.interruptionLevel = .active
                case .urgent: content.interruptionLevel = .timeSensitive
                }
            }
        } catch {
            // Leave the server's text: a banner must never be lost.
        }
        contentHandler(content)
    }

    override func serviceExtensionTimeWillExpire() {
        if let contentHandler, let content {
            contentHandler(content)
        }
    }
}
