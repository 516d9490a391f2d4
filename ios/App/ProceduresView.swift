import MachiKit
import SwiftUI

/// Procedures after life events: choose an event and its date, make the
/// checklist, and come back to "My checklists". Layout only.
struct ProceduresView: View {
    @ObservedObject var model: ProceduresModel
    let repo: MachiRepository

    var body: some View {
        List {
            Section {
                Picker(repo.text("ui-procedures-events").plain, selection: $model.selectedEvent) {
                    ForEach(model.events, id: \.id) { e in
                        Text(repo.content(e.name.text).plain).tag(Optional(e.id))
                    }
                }
                if let e = model.events.first(where: { $0.id == model.selectedEvent }), let d = e.description {
                    RubyText(text: repo.content(d.text), font: .footnote)
                        .foregroundStyle(.secondary)
                }
                DatePicker(repo.text("ui-procedures-event-date").plain, selection: isoDate($model.eventDate), displayedComponents: .date)
                Button(repo.text("ui-procedures-start").plain) { Task { await model.start() } }
                    .disabled(model.selectedEvent == nil)
            } header: {
                RubyText(text: repo.text("ui-procedures-events"))
            }
            if let failure = model.failure {
                RubyText(text: failure).foregroundStyle(.red)
            }
            Section {
                if model.started.isEmpty {
                    RubyText(text: repo.text("ui-procedures-none"), font: .callout)
                }
                ForEach(model.started) { row in
                    Button {
                        Task { await model.open(eventId: row.eventId, eventDate: row.eventDate) }
                    } label: {
                        RubyText(text: row.label)
                    }
                    .swipeActions {
                        Button(role: .destructive) {
                            Task { await model.remove(row) }
                        } label: {
                            Text(repo.text("ui-procedures-remove").plain)
                        }
                    }
                }
            } header: {
                RubyText(text: repo.text("ui-procedures-my-checklists"))
            }
        }
        .navigationTitle(repo.text("ui-services-procedures").plain)
        .navigationDestination(isPresented: Binding(get: { model.checklist != nil }, set: { if !$0 { model.close() } })) {
            ChecklistView(model: model, repo: repo)
        }
        .task { await model.load() }
    }
}

/// One checklist: each step with its due date, a toggle to tick it off, the card.
struct ChecklistView: View {
    @ObservedObject var model: ProceduresModel
    let repo: MachiRepository

    var body: some View {
        List {
            if let c = model.checklist {
                Section {
                    RubyText(text: repo.text("ui-procedures-checklist-row", ["event": c.event.name.text, "date": repo.date(c.eventDate, withYear: true)]), font: .headline)
                    RubyText(text: repo.content(c.progressText), font: .subheadline)
                    ProgressView(value: Double(c.done), total: Double(max(c.items.count, 1)))
                        .accessibilityHidden(true)
                }
                Section {
                    ForEach(c.items, id: \.procedure.id) { item in
                        step(item)
                    }
                }
                Section {
                    Button(role: .destructive) {
                        let row = model.started.first { $0.eventId == c.event.id && $0.eventDate == c.eventDate }
                        if let row { Task { await model.remove(row) } }
                    } label: {
                        Text(repo.text("ui-procedures-remove").plain)
                    }
                }
            }
            if let failure = model.failure {
                RubyText(text: failure).foregroundStyle(.red)
            }
        }
        .navigationTitle(model.checklist.map { repo.content($0.event.name.text).plain } ?? "")
        .sheet(item: $model.card) { card in
            ProcedureCardSheet(card: card)
        }
    }

    private func step(_ item: ChecklistItem) -> some View {
        HStack(alignment: .top) {
            Toggle(isOn: Binding(get: { item.done }, set: { done in Task { await model.setDone(item.procedure.id, done) } })) {
                VStack(alignment: .leading, spacing: 2) {
                    RubyText(text: repo.content(item.procedure.name.text), font: .body)
                        .strikethrough(item.done)
                    RubyText(text: repo.content(item.dueText), font: .caption)
                        .foregroundStyle(item.overdue ? Color.red : Color.secondary)
                    if item.overdue {
                        RubyText(text: model.overdueLabel, font: .caption.bold())
                            .foregroundStyle(.red)
                    }
                }
            }
            .toggleStyle(CheckboxToggleStyle())
            // VoiceOver: "Mark “Birth registration” as done", then the due date.
            .accessibilityLabel(model.toggleLabel(item).plain)
            .accessibilityValue(repo.content(item.dueText).plain + (item.overdue ? ", " + model.overdueLabel.plain : ""))
            Spacer()
            Button {
                Task { await model.openProcedure(item.procedure.id) }
            } label: {
                Image(systemName: "info.circle")
            }
            .buttonStyle(.borderless)
            .accessibilityLabel(repo.text("ui-procedures-details").plain)
        }
    }
}

/// A tick box before the label (a checklist, not a settings switch).
struct CheckboxToggleStyle: ToggleStyle {
    func makeBody(configuration: Configuration) -> some View {
        Button {
            configuration.isOn.toggle()
        } label: {
            HStack(alignment: .top) {
                Image(systemName: configuration.isOn ? "checkmark.circle.fill" : "circle")
                    .foregroundStyle(configuration.isOn ? Color.green : Color.secondary)
                    .font(.title3)
                configuration.label
            }
        }
        .buttonStyle(.plain)
        .accessibilityAddTraits(configuration.isOn ? .isSelected : [])
    }
}

/// A `YYYY-MM-DD` string as the `Date` a `DatePicker` edits (Gregorian, the device's time zone).
func isoDate(_ text: Binding<String>) -> Binding<Date> {
    let f = DateFormatter()
    f.calendar = Calendar(identifier: .gregorian)
    f.locale = Locale(identifier: "en_US_POSIX")
    f.dateFormat = "yyyy-MM-dd"
    return Binding(
        get: { f.date(from: text.wrappedValue) ?? Date() },
        set: { text.wrappedValue = f.string(from: $0) }
    )
}
