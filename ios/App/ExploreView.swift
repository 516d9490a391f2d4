import MachiKit
import SwiftUI

struct ExploreView: View {
    @ObservedObject var model: ExploreModel
    let repo: MachiRepository

    var body: some View {
        NavigationStack {
            List {
                Section {
                    ScrollView(.horizontal) {
                        HStack {
                            Button(repo.text("ui-explore-all-tags").plain) { select(nil) }
                            ForEach(model.tags) { tag in
                                Button(tag.label.plain) { select(tag.id) }
                                    .accessibilityLabel(repo.text("ui-explore-filter", ["tag": tag.label.plain]).plain)
                            }
                        }
                    }
                }
                if let error = model.error {
                    Text(error.display).foregroundStyle(.red)
                }
                Section(header: RubyText(text: repo.text("ui-explore-spots"))) {
                    ForEach(model.spots, id: \.id) { spot in
                        NavigationLink(value: spot.id) {
                            HStack {
                                RubyText(text: repo.content(spot.name.text))
                                Spacer()
                                if let d = spot.distanceM {
                                    Text(repo.machi.formatDistance(metres: d)).foregroundStyle(.secondary)
                                }
                            }
                            .accessibilityElement(children: .ignore)
                            .accessibilityLabel(model.accessibilityLabel(spot))
                        }
                    }
                }
                Section(header: RubyText(text: repo.text("ui-explore-events"))) {
                    ForEach(model.events, id: \.id) { event in
                        VStack(alignment: .leading) {
                            RubyText(text: repo.content(event.name.text))
                            Text("\(event.startDate) – \(event.endDate)").font(.caption)
                        }
                    }
                }
            }
            .navigationTitle(repo.text("ui-tab-explore").plain)
            .settingsToolbar()
            .navigationDestination(for: String.self) { id in
                SpotDetailView(id: id, model: model, repo: repo)
            }
        }
    }

    private func select(_ tag: String?) {
        model.selectedTag = tag
        Task { await model.refresh() }
    }
}

struct SpotDetailView: View {
    let id: String
    @ObservedObject var model: ExploreModel
    let repo: MachiRepository

    var body: some View {
        ScrollView {
            if let spot = model.detail, spot.id == id {
                VStack(alignment: .leading, spacing: 12) {
                    RubyText(text: repo.content(spot.name.text), font: .title)
                    if let d = spot.description {
                        RubyText(text: repo.content(d.text))
                    }
                    Text(repo.text("ui-spot-visit-time", ["duration": repo.machi.formatDuration(minutes: spot.visitMinutes)]).display)
                    if let hours = spot.openingHours {
                        Text(hours).font(.callout)
                    }
                }
                .padding()
            }
        }
        .task { await model.open(id) }
    }
}
