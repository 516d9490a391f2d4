import MachiKit
import SwiftUI

/// The eligibility check: a form per question kind, then the services the
/// household may receive with the reasons and the procedure to apply. The
/// answers stay on the phone (said on screen). Layout only.
struct BenefitsView: View {
    @ObservedObject var model: BenefitsModel
    let repo: MachiRepository

    var body: some View {
        Form {
            Section {
                RubyText(text: model.privacyNote, font: .footnote)
                    .foregroundStyle(.secondary)
            }
            Section {
                ForEach(model.questions, id: \.id) { q in
                    QuestionField(question: q, model: model, repo: repo)
                }
            } header: {
                RubyText(text: repo.text("ui-benefits-questions"))
            }
            if let failure = model.failure {
                RubyText(text: failure).foregroundStyle(.red)
            }
            Section {
                Button(repo.text("ui-benefits-check").plain) { Task { await model.evaluate() } }
                    .buttonStyle(.borderedProminent)
                Button(repo.text("ui-benefits-reset").plain, role: .destructive) { model.reset() }
            }
            if let results = model.results {
                Section {
                    if results.isEmpty {
                        RubyText(text: model.noneText)
                    }
                    ForEach(results) { r in
                        result(r)
                    }
                } header: {
                    RubyText(text: repo.text("ui-benefits-results"))
                }
            }
        }
        .navigationTitle(repo.text("ui-services-benefits").plain)
        .sheet(item: $model.card) { card in
            ProcedureCardSheet(card: card)
        }
        .task { if model.questions.isEmpty { await model.load() } }
    }

    private func result(_ r: BenefitRow) -> some View {
        VStack(alignment: .leading, spacing: 6) {
            RubyText(text: r.name, font: .headline)
            RubyText(text: r.eligibility, font: .subheadline.bold())
                .foregroundStyle(r.likely ? Color.green : Color.orange)
            if let because = r.because {
                RubyText(text: because, font: .callout)
            }
            if let summary = r.summary {
                RubyText(text: summary, font: .callout)
                    .foregroundStyle(.secondary)
            }
            if let note = r.sampleNote {
                RubyText(text: note, font: .footnote)
                    .foregroundStyle(.secondary)
            }
            Button(r.apply.plain) { Task { await model.openProcedure(r) } }
                .buttonStyle(.bordered)
        }
        .padding(.vertical, 4)
    }
}

/// One question, with the control its kind needs: yes/no, a number, several
/// numbers, one option, a date; each can be skipped. A refused answer is marked.
struct QuestionField: View {
    let question: Question
    @ObservedObject var model: BenefitsModel
    let repo: MachiRepository

    private var id: String { question.id }
    private var answer: String { model.answers[id] ?? "" }
    private var refused: Bool { model.invalidQuestion == id }

    /// The typed answer, written to the model (empty skips).
    private var typed: Binding<String> {
        Binding(get: { answer }, set: { model.answer(id, $0) })
    }

    var body: some View {
        VStack(alignment: .leading, spacing: 6) {
            RubyText(text: repo.content(question.text.text), font: .body)
            if let help = question.help {
                RubyText(text: repo.content(help.text), font: .footnote)
                    .foregroundStyle(.secondary)
            }
            control
            if refused, let failure = model.failure {
                RubyText(text: failure, font: .footnote).foregroundStyle(.red)
            }
        }
        .padding(.vertical, 4)
        .overlay(alignment: .leading) {
            if refused { Rectangle().fill(Color.red).frame(width: 3).offset(x: -10) }
        }
    }

    @ViewBuilder
    private var control: some View {
        switch question.kind {
        case "yes-no":
            Picker(repo.content(question.text.text).plain, selection: typed) {
                Text(repo.text("ui-benefits-yes").plain).tag("yes")
                Text(repo.text("ui-benefits-no").plain).tag("no")
                Text(repo.text("ui-benefits-skip").plain).tag("")
            }
            .pickerStyle(.segmented)
        case "choice":
            Picker(repo.content(question.text.text).plain, selection: typed) {
                Text(repo.text("ui-benefits-skip").plain).tag("")
                ForEach(question.options, id: \.id) { o in
                    Text(repo.content(o.label.text).plain).tag(o.id)
                }
            }
        case "date":
            HStack {
                DatePicker(repo.content(question.text.text).plain, selection: isoDate(typed), displayedComponents: .date)
                    .labelsHidden()
                    .opacity(answer.isEmpty ? 0.4 : 1)
                skipButton
            }
        case "numbers":
            HStack {
                TextField(repo.text("ui-benefits-numbers-hint").plain, text: typed)
                    .keyboardType(.numbersAndPunctuation)
                skipButton
            }
        default:
            // "number"; an unknown kind also takes the typed text, which the core then checks.
            HStack {
                TextField(range, text: typed)
                    .keyboardType(.numberPad)
                skipButton
            }
        }
    }

    /// "0 – 120" for a number with bounds, as the placeholder.
    private var range: String {
        switch (question.min, question.max) {
        case let (lo?, hi?): return "\(lo) – \(hi)"
        default: return ""
        }
    }

    private var skipButton: some View {
        Button(repo.text("ui-benefits-skip").plain) { model.skip(id) }
            .buttonStyle(.borderless)
            .disabled(answer.isEmpty)
    }
}
