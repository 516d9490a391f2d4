import MachiKit
import SwiftUI

/// A procedure card (the checklist's details, an eligibility result's
/// "Apply", under a chatbot answer): labelled rows, the online page, notes.
/// MachiKit's `ProcedureCard` decides every word; this only lays it out.
struct ProcedureCardView: View {
    let card: ProcedureCard
    /// Under a chat answer the name is a headline, not a title.
    var compact = false

    var body: some View {
        VStack(alignment: .leading, spacing: 10) {
            RubyText(text: card.name, font: compact ? .headline : .title2)
            if let summary = card.summary {
                RubyText(text: summary)
            }
            ForEach(card.rows) { row in
                VStack(alignment: .leading, spacing: 2) {
                    RubyText(text: row.label, font: .subheadline.bold())
                    ForEach(Array(row.lines.enumerated()), id: \.offset) { _, line in
                        RubyText(text: line, font: .callout)
                    }
                }
                // One VoiceOver stop per row: "What to bring, …".
                .accessibilityElement(children: .ignore)
                .accessibilityLabel(([row.label] + row.lines).map(\.plain).joined(separator: ", "))
            }
            if let url = card.onlineURL {
                Link(destination: url) {
                    Label(card.onlineLabel.plain, systemImage: "safari")
                }
                .buttonStyle(.borderedProminent)
            }
            ForEach(Array(card.notes.enumerated()), id: \.offset) { _, note in
                RubyText(text: note, font: .footnote)
                    .foregroundStyle(.secondary)
            }
        }
    }
}

/// A card in a sheet, with room to scroll.
struct ProcedureCardSheet: View {
    let card: ProcedureCard

    var body: some View {
        NavigationStack {
            ScrollView {
                ProcedureCardView(card: card)
                    .padding()
                    .frame(maxWidth: .infinity, alignment: .leading)
            }
        }
    }
}
