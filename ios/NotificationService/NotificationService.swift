import MachiKit
import UserNotifications

/// Notification Service Extension: stores the notice carried by the push
/// (`machi_notice_xml`, `machi_notice_name` in the payload — the same
/// contract as Android) in the core before iOS shows the banner, and
/// replaces the banner text with the notice's title in the user's language.
/// The extension shares the app's data through an App Group container.
final class NotificationService: UNNotificationServiceExtension {
    private var contentHandler: ((UNNotificationContent) -> Void)?
    private var content: UNMutableNotificationContent?

    override func didReceive(_ request: UNNotificationRequest, withContentHandler contentHandler: @escaping (UNNotificationContent) -> Void) {
        self.contentHandler = contentHandler
        let content = (request.content.mutableCopy() as? UNMutableNotificationContent) ?? UNMutableNotificationContent()
        self.content = content
        var data: [String: String] = [:]
        for (key, value) in request.content.userInfo {
            if let k = key as? String, let v = value as? String {
                data[k] = v
            }
        }
        do {
            let group = FileManager.default.containerURL(forSecurityApplicationGroupIdentifier: "group.town.machi")
            let dir = (group ?? FileManager.default.temporaryDirectory).appendingPathComponent("machi").path
            let saved = UserDefaults(suiteName: "group.town.machi")?.string(forKey: "language")
            let machi = try Machi.open(dataDir: dir, config: MachiConfig(
                deviceLocales: Locale.preferredLanguages, languageOverride: saved, publisherKey: nil, inMemory: false))
            let outcome = try machi.ingestPushPayload(data: data)
            let id: Int64?
            switch outcome {
            case .stored(let i), .duplicate(let i): id = i
            case .updated(let i, _), .cancelled(let i, _): id = i
            case .rejected: id = nil
            }
            if let id, let notice = try? machi.notice(id: id, near: nil, shelterLimit: 0).notice {
                content.title = machi.plainText(text: notice.title)
                content.body = notice.readAloud
                content.interruptionLevel = (notice.level ?? 0) >= 4 ? .timeSensitive : .active
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
