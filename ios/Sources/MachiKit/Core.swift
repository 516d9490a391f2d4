import Foundation

/// Text ready for the screen: `display` for layout, `segments` for ruby
/// (furigana) in easy Japanese, `plain` for VoiceOver and read-aloud.
public struct UiText: Equatable {
    public let display: String
    public let plain: String
    public let segments: [RubySegment]

    /// True when some segment carries a reading to draw above it.
    public var hasRuby: Bool { segments.contains { $0.ruby != nil } }
}

/// The one door from the shell to the core: calls run off the main actor
/// and failures become localized messages, never crashes.
public final class MachiRepository: @unchecked Sendable {
    public let machi: Machi
    /// Where `machi` was opened (`MachiStore.open`), so settings persist there;
    /// `nil` for a core opened directly (previews, tests).
    public let store: MachiStore?

    public init(machi: Machi, store: MachiStore? = nil) {
        self.machi = machi
        self.store = store
    }

    /// Stores the notice a push carries (`machi_notice_envelope`, signed, or a
    /// bare `machi_notice_xml`, with `machi_notice_name`; the same contract as
    /// Android) and returns it in the reader's language for the banner (a
    /// refused one too: it is listed, marked, as its own notice); `nil` when
    /// the core rejected the document (nothing is shown). A payload without a
    /// notice throws `MachiError.InvalidInput`.
    public func storePush(userInfo: [AnyHashable: Any]) throws -> Notice? {
        var data: [String: String] = [:]
        for (key, value) in userInfo {
            if let k = key as? String, let v = value as? String { data[k] = v }
        }
        let id: Int64
        switch try machi.ingestPushPayload(data: data) {
        case .stored(let i), .duplicate(let i): id = i
        case .updated(let i, _), .cancelled(let i, _), .refused(let i, _): id = i
        case .rejected: return nil
        }
        return try machi.notice(id: id, near: nil, shelterLimit: 0).notice
    }

    /// Runs `block` against the core on a background task.
    public func call<T>(_ block: @escaping @Sendable (Machi) throws -> T) async -> Result<T, UiFailure> {
        let machi = self.machi
        let task = Task.detached(priority: .userInitiated) { () -> Result<T, UiFailure> in
            do {
                return .success(try block(machi))
            } catch let e as MachiError {
                return .failure(self.failure(e))
            } catch {
                return .failure(UiFailure(message: self.text("error-internal")))
            }
        }
        return await task.value
    }

    /// The localized UI message `id` with `args` (String or number values).
    public func text(_ id: String, _ args: [String: Any] = [:]) -> UiText {
        let list: [MessageArg] = args.map { name, value in
            if let n = value as? Double { return .number(name: name, value: n) }
            if let n = value as? Int { return .number(name: name, value: Double(n)) }
            return .text(name: name, value: "\(value)")
        }
        let m = machi.message(id: id, args: list)
        return UiText(display: m.display, plain: m.plain, segments: m.segments)
    }

    /// Content text from the core (which may carry ruby markup).
    public func content(_ text: String) -> UiText {
        UiText(display: text, plain: machi.plainText(text: text), segments: machi.rubySegments(text: text))
    }

    /// What the user sees for a core failure.
    public func failure(_ e: MachiError) -> UiFailure {
        switch e {
        case .Offline: return UiFailure(message: text("error-offline"))
        case .InvalidInput: return UiFailure(message: text("error-invalid-input"))
        case .Integrity: return UiFailure(message: text("error-integrity"))
        case .NotFound: return UiFailure(message: text("error-not-found"))
        case .Infeasible(let reason): return UiFailure(message: content(reason))
        case .Cancelled: return UiFailure(message: text("error-cancelled"))
        case .Storage: return UiFailure(message: text("error-storage"))
        }
    }
}

/// A failure as the UI shows it.
public struct UiFailure: Error, Equatable {
    public let message: UiText
}
