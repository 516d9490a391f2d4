import Foundation

/// Settings tab: language (incl. easy Japanese), text size, places, sync now.
@MainActor
public final class SettingsModel: ObservableObject {
    @Published public private(set) var locale: LocaleInfo
    @Published public private(set) var languages: [LanguageOption] = []
    @Published public private(set) var places: [Place] = []
    @Published public private(set) var syncRunning = false
    @Published public private(set) var syncFraction: Double?
    @Published public private(set) var syncStatus: UiText?
    /// How current the town information is (version, until when the town's
    /// signature vouches for it, or that it may be out of date), from the core.
    @Published public private(set) var packStatus: UiText?
    /// The pack's attribution lines (the sources' terms, e.g. GSI's shelter
    /// data, and that sample data is not the town's official information),
    /// which the app must show.
    @Published public private(set) var attribution: [UiText] = []
    @Published public private(set) var error: UiText?
    private let repo: MachiRepository
    private let packURL: String?
    private var cancel: CancelHandle?

    public init(repo: MachiRepository, packURL: String?) {
        self.repo = repo
        self.packURL = packURL
        locale = repo.machi.locale()
    }

    public var canSync: Bool { packURL != nil }

    public func refresh() async {
        switch await repo.call({ m in (m.locale(), m.languages(), try m.places(), try m.packStatusLine(), try m.packInfo()) }) {
        case .success(let (l, langs, p, status, pack)):
            locale = l; languages = langs; places = p; error = nil
            packStatus = status.map(repo.content)
            attribution = (pack?.attribution ?? []).map(repo.content)
        case .failure(let f): error = f.message
        }
    }

    /// Chooses the UI language (`nil`: follow the device) and remembers it in
    /// the shared store, where the extension's banners read it too.
    public func chooseLanguage(_ tag: String?) async {
        switch await repo.call({ try $0.setLanguageOverride(tag: tag) }) {
        case .success(let info):
            repo.store?.language = info.languageOverride
            await refresh()
        case .failure(let f): error = f.message
        }
    }

    public func addPlace(name: String, at point: GeoPoint) async {
        switch await repo.call({ try $0.addPlace(name: name, location: point) }) {
        case .success: await refresh()
        case .failure(let f): error = f.message
        }
    }

    public func removePlace(_ id: Int64) async {
        switch await repo.call({ try $0.removePlace(id: id) }) {
        case .success: await refresh()
        case .failure(let f): error = f.message
        }
    }

    /// Progress reports arrive on a background thread; hop to the main actor.
    /// A hop that lands after its sync ended (or after a newer one started) is
    /// dropped, so a late phase never overwrites the final status.
    final class Progress: SyncProgressListener, @unchecked Sendable {
        weak var model: SettingsModel?
        let sync: CancelHandle
        init(model: SettingsModel, sync: CancelHandle) {
            self.model = model
            self.sync = sync
        }
        func onProgress(progress: SyncProgress) {
            let sync = self.sync
            Task { @MainActor [weak model] in
                if let model, model.cancel === sync { model.show(progress) }
            }
        }
    }

    func show(_ p: SyncProgress) {
        // The core reports `done` with no sizes: a finished sync is a full bar.
        let fraction: Double? = p.phase == .done ? 1
            : p.phase == .import && p.itemsTotal > 0
            ? Double(p.itemsDone) / Double(p.itemsTotal)
            : (p.bytesTotal > 0 ? Double(p.bytesDone) / Double(p.bytesTotal) : nil)
        syncFraction = fraction
        let id: String
        switch p.phase {
        case .manifest: id = "ui-sync-phase-manifest"
        case .download: id = "ui-sync-phase-download"
        case .verify: id = "ui-sync-phase-verify"
        case .import: id = "ui-sync-phase-import"
        case .done: id = "ui-sync-phase-done"
        }
        syncStatus = repo.text(id, ["percent": Int((fraction ?? 0) * 100)])
    }

    /// Syncs now with progress; `cancelSync()` stops it and leaves content as it was.
    public func syncNow() async {
        guard let url = packURL, !syncRunning else { return }
        let handle = CancelHandle()
        cancel = handle
        syncRunning = true
        syncFraction = nil
        error = nil
        defer { syncRunning = false }
        let outcome: Result<SyncOutcome, Error>
        do {
            outcome = .success(try await repo.machi.syncContent(baseUrl: url, listener: Progress(model: self, sync: handle), cancel: handle))
        } catch {
            outcome = .failure(error)
        }
        // From here on, progress hops still in flight are dropped.
        cancel = nil
        switch outcome {
        case .success(.applied):
            syncStatus = repo.text("ui-sync-updated")
            // New content (or a new FAQ model): rebuild the FAQ index in the background.
            _ = await repo.call { try $0.prepareFaq() }
            await refresh() // the version and its validity changed
        case .success:
            syncStatus = repo.text("ui-sync-up-to-date")
            await refresh() // the validity may have been renewed
        case .failure(let e as MachiError):
            error = repo.failure(e).message
        case .failure:
            error = repo.text("error-internal")
        }
    }

    public func cancelSync() {
        cancel?.cancel()
    }
}
