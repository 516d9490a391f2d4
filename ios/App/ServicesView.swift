import MachiKit
import SwiftUI

/// Services tab: the hub for residents' errands — garbage sorting,
/// procedures after life events, the eligibility check. Layout only.
struct ServicesView: View {
    @ObservedObject var garbage: GarbageModel
    @ObservedObject var procedures: ProceduresModel
    @ObservedObject var benefits: BenefitsModel
    let repo: MachiRepository

    /// The three screens the hub leads to.
    enum Screen: Hashable {
        case garbage, procedures, benefits
    }

    var body: some View {
        NavigationStack {
            List {
                entry(.garbage, title: "ui-services-garbage", hint: "ui-services-garbage-hint", icon: "trash")
                entry(.procedures, title: "ui-services-procedures", hint: "ui-services-procedures-hint", icon: "checklist")
                entry(.benefits, title: "ui-services-benefits", hint: "ui-services-benefits-hint", icon: "person.2.circle")
            }
            .navigationTitle(repo.text("ui-tab-services").plain)
            .settingsToolbar()
            .navigationDestination(for: Screen.self) { screen in
                switch screen {
                case .garbage: GarbageView(model: garbage, repo: repo)
                case .procedures: ProceduresView(model: procedures, repo: repo)
                case .benefits: BenefitsView(model: benefits, repo: repo)
                }
            }
        }
    }

    private func entry(_ screen: Screen, title: String, hint: String, icon: String) -> some View {
        NavigationLink(value: screen) {
            Label {
                VStack(alignment: .leading, spacing: 2) {
                    RubyText(text: repo.text(title), font: .headline)
                    RubyText(text: repo.text(hint), font: .footnote)
                        .foregroundStyle(.secondary)
                }
            } icon: {
                Image(systemName: icon)
            }
        }
    }
}

/// The sorting dictionary: suggestions while typing, the area picker, where
/// the item goes, how to put it out and the next collection day.
struct GarbageView: View {
    @ObservedObject var model: GarbageModel
    let repo: MachiRepository
    @State private var query = ""

    var body: some View {
        List {
            Section {
                TextField(repo.text("ui-garbage-search-hint").plain, text: $query)
                    .accessibilityLabel(repo.text("ui-garbage-search").plain)
                    .submitLabel(.search)
                    .onSubmit { lookUp(query) }
                    .onChange(of: query) { text in Task { await model.typing(text) } }
                ForEach(model.suggestions, id: \.itemJa) { s in
                    Button {
                        query = s.matched
                        lookUp(s.matched)
                    } label: {
                        HStack {
                            RubyText(text: repo.content(s.item.text))
                            Spacer()
                            RubyText(text: repo.content(s.category.text), font: .caption)
                                .foregroundStyle(.secondary)
                        }
                    }
                }
                Picker(repo.text("ui-garbage-area").plain, selection: $model.area) {
                    ForEach(model.areas, id: \.id) { a in
                        Text(repo.content(a.name.text).plain).tag(Optional(a.id))
                    }
                }
                .onChange(of: model.area) { _ in
                    if model.result != nil { lookUp(query) }
                }
                Button(repo.text("ui-garbage-lookup").plain) { lookUp(query) }
                    .disabled(query.trimmingCharacters(in: .whitespaces).isEmpty)
            } header: {
                RubyText(text: repo.text("ui-garbage-search"))
            }
            if let failure = model.failure {
                RubyText(text: failure).foregroundStyle(.red)
            }
            if let result = model.result {
                if let none = model.noneText {
                    RubyText(text: none)
                }
                ForEach(Array(result.matches.enumerated()), id: \.offset) { _, m in
                    Section {
                        match(m)
                    }
                }
            }
        }
        .navigationTitle(repo.text("ui-services-garbage").plain)
        .task { await model.load() }
    }

    private func lookUp(_ text: String) {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        Task { await model.sort(text) }
    }

    @ViewBuilder
    private func match(_ m: GarbageMatch) -> some View {
        VStack(alignment: .leading, spacing: 6) {
            RubyText(text: repo.content(m.item.text), font: .headline)
            HStack {
                Circle().fill(color(m.color)).frame(width: 12, height: 12).accessibilityHidden(true)
                RubyText(text: repo.content(m.category.text), font: .title3.bold())
            }
            if let how = m.how ?? m.categoryHow {
                RubyText(text: repo.text("ui-garbage-how"), font: .subheadline.bold())
                RubyText(text: repo.content(how.text))
            }
            if let notice = m.notice {
                RubyText(text: repo.content(notice.text), font: .callout)
            }
            if let caution = m.caution {
                RubyText(text: repo.content(caution.text), font: .callout)
                    .foregroundStyle(.orange)
            }
            if let next = model.collectionText(m) {
                RubyText(text: next, font: .callout.bold())
            }
        }
    }

    /// The category's colour from the town's data (`#RRGGBB`), grey when absent.
    private func color(_ hex: String?) -> Color {
        guard let hex, hex.hasPrefix("#"), hex.count == 7, let v = UInt32(hex.dropFirst(), radix: 16) else {
            return .gray
        }
        return Color(red: Double(v >> 16 & 0xFF) / 255, green: Double(v >> 8 & 0xFF) / 255, blue: Double(v & 0xFF) / 255)
    }
}
