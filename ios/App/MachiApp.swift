import MachiKit
import SwiftUI

/// The app: five tabs over the shared view models (Settings opens from each tab's toolbar). Layout only; every word comes from Fluent.
@main
struct MachiApp: App {
    @StateObject private var env = AppEnvironment()

    var body: some Scene {
        WindowGroup {
            if let repo = env.repo {
                RootView(repo: repo, packURL: env.packURL, feedURL: env.feedURL)
            } else {
                Text(env.openError ?? "")
            }
        }
    }
}

/// Opens the core once per process with the saved language and the town's publisher key.
@MainActor
final class AppEnvironment: ObservableObject {
    let repo: MachiRepository?
    let openError: String?
    /// From Info.plist (`MachiPackURL`, `MachiFeedURL`, `MachiPublisherKey`), set per town at release.
    let packURL = Bundle.main.object(forInfoDictionaryKey: "MachiPackURL") as? String
    let feedURL = Bundle.main.object(forInfoDictionaryKey: "MachiFeedURL") as? String

    init() {
        let key = Bundle.main.object(forInfoDictionaryKey: "MachiPublisherKey") as? String
        do {
            // The App Group store the Notification Service Extension writes too.
            repo = try MachiStore.shared().open(publisherKey: key)
            openError = nil
        } catch {
            repo = nil
            openError = "\(error)"
        }
    }
}

struct RootView: View {
    let repo: MachiRepository
    let feedURL: String?
    @Environment(\.scenePhase) private var scenePhase
    @StateObject private var explore: ExploreModel
    @StateObject private var course: CourseModel
    @StateObject private var alerts: AlertsModel
    @StateObject private var settings: SettingsModel
    @StateObject private var ask: AskModel
    @StateObject private var garbage: GarbageModel
    @StateObject private var procedures: ProceduresModel
    @StateObject private var benefits: BenefitsModel
    @State private var showSettings = false

    init(repo: MachiRepository, packURL: String?, feedURL: String?) {
        self.repo = repo
        self.feedURL = feedURL
        _explore = StateObject(wrappedValue: ExploreModel(repo: repo))
        _course = StateObject(wrappedValue: CourseModel(repo: repo))
        _alerts = StateObject(wrappedValue: AlertsModel(repo: repo))
        _settings = StateObject(wrappedValue: SettingsModel(repo: repo, packURL: packURL))
        _ask = StateObject(wrappedValue: AskModel(repo: repo))
        _garbage = StateObject(wrappedValue: GarbageModel(repo: repo))
        _procedures = StateObject(wrappedValue: ProceduresModel(repo: repo))
        _benefits = StateObject(wrappedValue: BenefitsModel(repo: repo))
    }

    var body: some View {
        TabView {
            ExploreView(model: explore, repo: repo)
                .tabItem { Label(repo.text("ui-tab-explore").plain, systemImage: "map") }
            CourseScreen(model: course, repo: repo)
                .tabItem { Label(repo.text("ui-tab-course").plain, systemImage: "point.topleft.down.curvedto.point.bottomright.up") }
            AlertsView(model: alerts, repo: repo)
                .tabItem { Label(repo.text("ui-tab-alerts").plain, systemImage: "exclamationmark.triangle") }
                .badge(alerts.notices.filter { !$0.read }.count)
            AskView(model: ask, repo: repo)
                .tabItem { Label(repo.text("ui-tab-ask").plain, systemImage: "questionmark.bubble") }
            ServicesView(garbage: garbage, procedures: procedures, benefits: benefits, repo: repo)
                .tabItem { Label(repo.text("ui-tab-services").plain, systemImage: "building.columns") }
        }
        // Five tabs and no "More": Settings is a sheet behind the gear in every tab's bar.
        .environment(\.settingsOpener, SettingsOpener(label: repo.text("ui-tab-settings").plain, open: { showSettings = true }))
        .task {
            await explore.refresh()
            await alerts.refresh()
            await settings.refresh()
            await course.refresh()
            // Build the FAQ index off the main thread now, not on the first question.
            _ = await repo.call { try $0.prepareFaq() }
        }
        // The notice feed, polled while the app is open (push does the rest).
        .task {
            if let url = feedURL { await alerts.pollFeed(url: url) }
        }
        // Notices the extension stored from a push while the app was in the
        // background are in the shared store; this process's listener did not
        // hear about them, so reload when the app comes back.
        .onChange(of: scenePhase) { phase in
            if phase == .active { Task { await alerts.refresh() } }
        }
        // Re-render every screen in the new language.
        .id(settings.locale.lang)
        // Outside the `.id`: choosing a language re-renders the tabs without closing Settings.
        .sheet(isPresented: $showSettings) {
            SettingsView(model: settings, repo: repo)
        }
    }
}
