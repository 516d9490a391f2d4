import MachiKit
import SwiftUI

struct AskView: View {
    @ObservedObject var model: AskModel
    let repo: MachiRepository
    @State private var input = ""

    var body: some View {
        NavigationStack {
            chat
                .navigationTitle(repo.text("ui-tab-ask").plain)
                .navigationBarTitleDisplayMode(.inline)
                .settingsToolbar()
        }
    }

    private var chat: some View {
        VStack {
            List {
                ForEach(model.items) { item in
                    switch item {
                    case .question(_, let text):
                        Text(text).frame(maxWidth: .infinity, alignment: .trailing)
                    case .failure(_, let message):
                        Text(message.display).foregroundStyle(.red)
                    case .reply(let id, _, let reply, let rated):
                        replyView(id: id, reply: reply, rated: rated)
                    }
                }
                if let thanks = model.thanks {
                    Text(thanks.display).font(.footnote)
                }
            }
            ForEach(model.suggestions, id: \.id) { s in
                Button(s.question) { send(s.question) }
            }
            HStack {
                TextField(repo.text("ui-ask-placeholder").plain, text: $input)
                    .textFieldStyle(.roundedBorder)
                    .onChange(of: input) { text in Task { await model.typing(text) } }
                Button(repo.text("ui-ask-send").plain) { send(input) }
            }
            .padding()
        }
    }

    private func send(_ q: String) {
        input = ""
        Task { await model.ask(q) }
    }

    @ViewBuilder
    private func replyView(id: Int, reply: FaqReply, rated: Bool) -> some View {
        VStack(alignment: .leading, spacing: 8) {
            if !reply.message.isEmpty {
                RubyText(text: repo.content(reply.message))
            }
            if let a = reply.answers.first {
                RubyText(text: repo.content(a.question), font: .headline)
                RubyText(text: repo.content(a.answer))
            }
            ForEach(reply.choices, id: \.label) { c in
                Button(c.label) { Task { await model.choose(c) } }.buttonStyle(.bordered)
            }
            if let contact = reply.contact ?? reply.answers.first?.contact {
                Text(repo.text("ui-ask-contact", ["department": contact.text]).display).font(.footnote)
            }
            // The procedure the answer is about: what to bring, the deadline, the online page.
            if let card = model.cards[id] {
                VStack(alignment: .leading, spacing: 6) {
                    RubyText(text: repo.text("ui-ask-procedure"), font: .subheadline.bold())
                    ProcedureCardView(card: card, compact: true)
                }
                .padding(10)
                .background(RoundedRectangle(cornerRadius: 10).fill(Color.secondary.opacity(0.12)))
            }
            if !rated && !reply.answers.isEmpty {
                HStack {
                    Button(repo.text("ui-ask-helpful").plain) { Task { await model.rate(id, helpful: true) } }
                    Button(repo.text("ui-ask-not-helpful").plain) { Task { await model.rate(id, helpful: false) } }
                }
            }
        }
    }
}
