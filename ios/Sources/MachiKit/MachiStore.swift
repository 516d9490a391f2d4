import Foundation

/// Where every process of the app keeps machi: one SQLite store and one
/// language setting, shared by the app, the Notification Service Extension
/// and any later target (widget, App Intents). A notice stored from a push
/// must land in the database the app reads, and the banner must speak the
/// language the resident chose in the app, so no target picks its own folder.
///
/// Xcode: give the app target *and* the NotificationService target the App
/// Groups capability with `group.town.machi` (entitlement
/// `com.apple.security.application-groups`), and the same `MachiPublisherKey`
/// in both Info.plists.
public struct MachiStore {
    /// The App Group all targets share.
    public static let appGroup = "group.town.machi"
    /// The language choice's key in the group's `UserDefaults`.
    static let languageKey = "language"

    /// The folder holding `machi.sqlite3`.
    public let directory: URL
    /// The group's settings (the language choice).
    public let defaults: UserDefaults

    /// A store inside `container` (the App Group container, or any folder
    /// for tests) with its settings in `defaults`.
    public init(container: URL, defaults: UserDefaults) {
        directory = container.appendingPathComponent("machi", isDirectory: true)
        self.defaults = defaults
    }

    /// The one store every target opens: the `group.town.machi` container.
    /// Throws `MachiStoreError.noAppGroup` when the target lacks the App
    /// Groups entitlement, rather than falling back to a private folder the
    /// other targets never read. Without App Groups (Linux, where MachiKit is
    /// tested) it is a `group.town.machi` folder in Application Support.
    public static func shared(fileManager: FileManager = .default) throws -> MachiStore {
        guard let defaults = UserDefaults(suiteName: appGroup) else {
            throw MachiStoreError.noAppGroup(appGroup)
        }
        #if canImport(Darwin)
        guard let container = fileManager.containerURL(forSecurityApplicationGroupIdentifier: appGroup) else {
            throw MachiStoreError.noAppGroup(appGroup)
        }
        #else
        let container = try fileManager.url(for: .applicationSupportDirectory, in: .userDomainMask, appropriateFor: nil, create: true)
            .appendingPathComponent(appGroup, isDirectory: true)
        #endif
        return MachiStore(container: container, defaults: defaults)
    }

    /// The resident's language choice (`nil`: follow the device).
    public var language: String? {
        get { defaults.string(forKey: Self.languageKey) }
        nonmutating set {
            if let tag = newValue { defaults.set(tag, forKey: Self.languageKey) } else { defaults.removeObject(forKey: Self.languageKey) }
        }
    }

    /// Opens the core on this store in the saved language.
    public func open(publisherKey: String?, deviceLocales: [String] = Locale.preferredLanguages) throws -> MachiRepository {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = MachiConfig(
            deviceLocales: deviceLocales,
            languageOverride: language,
            publisherKey: publisherKey,
            inMemory: false
        )
        return MachiRepository(machi: try Machi.open(dataDir: directory.path, config: config), store: self)
    }
}

/// Why the shared store could not be found.
public enum MachiStoreError: Error, Equatable {
    /// The App Group container is unavailable: the target lacks the entitlement.
    case noAppGroup(String)
}
