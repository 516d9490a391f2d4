import AVFoundation
import MachiKit
import SwiftUI

struct AlertsView: View {
    @ObservedObject var model: AlertsModel
    let repo: MachiRepository
    private let speech = AVSpeechSynthesizer()

    var body: some View {
        NavigationStack {
            List {
                if let n = model.incoming {
                    Button(repo.text("ui-alerts-new", ["title": repo.machi.plainText(text: n.title)]).display) {
                        Task { await model.open(n.id) }
                    }
                    .accessibilityAddTraits(.updatesFrequently)
                }
                Toggle(repo.text("ui-alerts-history").plain, isOn: $model.showHistory)
                    .onChange(of: model.showHistory) { _ in Task { await model.refresh() } }
                if model.notices.isEmpty {
                    RubyText(text: repo.text("ui-alerts-empty"))
                }
                ForEach(model.notices, id: \.id) { n in
                    Button {
                        Task { await model.open(n.id) }
                    } label: {
                        VStack(alignment: .leading) {
                            if let status = n.statusLabel {
                                Text(status).foregroundStyle(.red).font(.caption.bold())
                            }
                            if let state = n.stateLabel {
                                Text(state).font(.caption)
                            }
                            // Every notice says whether the town's pack verifies its sender.
                            RubyText(text: repo.content(n.verificationLabel), font: .caption)
                                .foregroundStyle(n.verification == "verified" ? Color.green : Color.orange)
                            if let refused = n.refusedLabel {
                                RubyText(text: repo.content(refused), font: .caption)
                                    .foregroundStyle(.orange)
                            }
                            RubyText(text: repo.content(n.title), font: .headline)
                            Text(repo.machi.plainText(text: n.headline)).font(.subheadline)
                        }
                    }
                }
            }
            .navigationTitle(repo.text("ui-tab-alerts").plain)
            .settingsToolbar()
            .sheet(item: Binding(get: { model.detail.map(DetailBox.init) }, set: { if $0 == nil { model.detail = nil } })) { box in
                detail(box.detail)
            }
        }
    }

    private func detail(_ d: NoticeDetail) -> some View {
        List {
            if let status = d.notice.statusLabel {
                Text(status).foregroundStyle(.red).font(.headline)
            }
            RubyText(text: repo.content(d.notice.verificationLabel), font: .headline)
                .foregroundStyle(d.notice.verification == "verified" ? Color.green : Color.orange)
            if let refused = d.notice.refusedLabel {
                RubyText(text: repo.content(refused))
            }
            RubyText(text: repo.content(d.notice.title), font: .title2)
            if let level = d.notice.levelLabel {
                Text(level).font(.headline)
            }
            RubyText(text: repo.content(d.notice.body))
            if let note = d.notice.note {
                Text(note).font(.footnote)
            }
            Button(repo.text("ui-alerts-read-aloud").plain) {
                speech.speak(AVSpeechUtterance(string: d.notice.readAloud))
            }
            Section(header: RubyText(text: repo.text("ui-alerts-shelters"))) {
                ForEach(d.shelters, id: \.shelter.id) { c in
                    VStack(alignment: .leading) {
                        RubyText(text: repo.content(c.shelter.name.text))
                        // Open / full / closed since the town's notice said so, or unknown.
                        RubyText(text: model.statusText(c.shelter), font: .caption.bold())
                            .padding(.horizontal, 6)
                            .padding(.vertical, 2)
                            .background(Capsule().fill(statusColor(c.shelter.status).opacity(0.18)))
                            .foregroundStyle(statusColor(c.shelter.status))
                        Text(repo.text("ui-alerts-walk", ["minutes": Int(c.walkMinutes)]).display).font(.caption)
                    }
                }
            }
        }
    }
}

/// The badge's colour: green open, orange full, grey closed or unknown.
func statusColor(_ status: ShelterStatus) -> Color {
    switch status {
    case .open: return .green
    case .full: return .orange
    case .closed, .unknown: return .secondary
    }
}

/// `sheet(item:)` needs Identifiable.
struct DetailBox: Identifiable {
    let detail: NoticeDetail
    var id: Int64 { detail.notice.id }
}
