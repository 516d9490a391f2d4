import MachiKit
import SwiftUI

struct SettingsView: View {
    @ObservedObject var model: SettingsModel
    let repo: MachiRepository
    @State private var placeName = ""

    /// The pack's sources and sample-data notes, which the app must show.
    private var attribution: some View {
        ForEach(Array(model.attribution.enumerated()), id: \.offset) { _, line in
            RubyText(text: line, font: .footnote)
                .foregroundStyle(.secondary)
        }
    }

    var body: some View {
        NavigationStack {
            Form {
                Section(header: RubyText(text: repo.text("ui-settings-language"))) {
                    languageRow(repo.text("ui-settings-follow-device").plain, tag: nil)
                    ForEach(model.languages, id: \.tag) { lang in
                        languageRow(lang.name, tag: lang.tag)
                    }
                }
                // Text size follows the system's Dynamic Type (Settings › Display & Text Size);
                // every Text here uses text styles, so it scales.
                Section(header: RubyText(text: repo.text("ui-settings-places"))) {
                    RubyText(text: repo.text("ui-settings-places-hint"), font: .footnote)
                    ForEach(model.places, id: \.id) { place in
                        Text(place.name)
                            .swipeActions {
                                Button(role: .destructive) {
                                    Task { await model.removePlace(place.id) }
                                } label: {
                                    Text(repo.text("ui-settings-remove-place", ["name": place.name]).plain)
                                }
                            }
                    }
                    TextField(repo.text("ui-settings-place-name").plain, text: $placeName)
                }
                if let status = model.packStatus, !model.canSync {
                    Section(header: RubyText(text: repo.text("ui-settings-sync"))) {
                        RubyText(text: status)
                        attribution
                    }
                }
                if model.canSync {
                    Section(header: RubyText(text: repo.text("ui-settings-sync"))) {
                        if let status = model.packStatus {
                            RubyText(text: status)
                        }
                        if model.syncRunning {
                            if let f = model.syncFraction {
                                ProgressView(value: f)
                            } else {
                                ProgressView()
                            }
                            Button(repo.text("ui-settings-sync-cancel").plain) { model.cancelSync() }
                        } else {
                            Button(repo.text("ui-settings-sync-now").plain) { Task { await model.syncNow() } }
                        }
                        if let status = model.syncStatus {
                            RubyText(text: status)
                        }
                        attribution
                    }
                }
                if let error = model.error {
                    Text(error.display).foregroundStyle(.red)
                }
            }
            .navigationTitle(repo.text("ui-tab-settings").plain)
        }
    }

    private func languageRow(_ name: String, tag: String?) -> some View {
        Button {
            Task { await model.chooseLanguage(tag) }
        } label: {
            HStack {
                Text(name)
                Spacer()
                if model.locale.languageOverride == tag {
                    Image(systemName: "checkmark").accessibilityHidden(true)
                }
            }
        }
        .accessibilityAddTraits(model.locale.languageOverride == tag ? .isSelected : [])
    }
}

/// Opens Settings from any tab's toolbar (Settings is not a tab, so five tabs
/// fit without "More"): the action and the gear's VoiceOver label, set once by
/// `RootView` in the current language.
struct SettingsOpener {
    var label = ""
    var open: () -> Void = {}
}

struct SettingsOpenerKey: EnvironmentKey {
    static let defaultValue = SettingsOpener()
}

extension EnvironmentValues {
    var settingsOpener: SettingsOpener {
        get { self[SettingsOpenerKey.self] }
        set { self[SettingsOpenerKey.self] = newValue }
    }
}

/// The gear button in a navigation bar.
struct SettingsToolbar: ViewModifier {
    @Environment(\.settingsOpener) private var opener

    func body(content: Content) -> some View {
        content.toolbar {
            ToolbarItem(placement: .primaryAction) {
                Button(action: opener.open) {
                    Image(systemName: "gear")
                }
                .accessibilityLabel(opener.label)
            }
        }
    }
}

extension View {
    /// Adds the gear button that opens Settings.
    func settingsToolbar() -> some View {
        modifier(SettingsToolbar())
    }
}
