import Foundation

/// One labelled line of a procedure card ("What to bring: …").
public struct CardRow: Equatable, Identifiable {
    /// A stable key (`who`, `deadline`, `bring`, `fee`, `where`, `online`).
    public let id: String
    /// The label, e.g. `procedures-label-bring`.
    public let label: UiText
    /// The lines of the value, each ready for the screen (content may carry ruby).
    public let lines: [UiText]
}

/// A procedure card as every screen shows it (checklist, eligibility result,
/// under a chatbot answer): name, summary, the labelled rows, the online page
/// and the notes (convenience-store copies, sample data). Built once here so
/// the three screens cannot word it differently.
public struct ProcedureCard: Equatable, Identifiable {
    /// The core's record.
    public let procedure: Procedure
    public let name: UiText
    public let summary: UiText?
    public let rows: [CardRow]
    /// The page to do it online (ぴったりサービス, マイナポータル, the town's form), if any.
    public let onlineURL: URL?
    /// The button's text (`ui-procedures-open-online`).
    public let onlineLabel: UiText
    /// `procedures-konbini` when certificates also come from convenience-store
    /// copiers, `procedures-sample` when the card is sample data.
    public let notes: [UiText]

    public var id: String { procedure.id }

    /// The card for `p` in the reader's language.
    public init(_ p: Procedure, repo: MachiRepository) {
        procedure = p
        name = repo.content(p.name.text)
        summary = p.summary.map { repo.content($0.text) }
        var rows: [CardRow] = []
        func row(_ id: String, _ lines: [UiText]) {
            if !lines.isEmpty { rows.append(CardRow(id: id, label: repo.text("procedures-label-\(id)"), lines: lines)) }
        }
        row("who", p.who.map { [repo.content($0.text)] } ?? [])
        row("deadline", [repo.content(p.deadline.text)])
        row("bring", p.bring.map { repo.content($0.text) } + (p.bringNote.map { [repo.content($0.text)] } ?? []))
        row("fee", [repo.content(p.feeText)] + (p.feeNote.map { [repo.content($0.text)] } ?? []))
        if let c = p.counter {
            var lines = [repo.content(c.name.text)]
            if let place = c.place { lines.append(repo.content(place.text)) }
            if let hours = c.hours { lines.append(repo.content(hours.text)) }
            if let phone = c.phone { lines.append(repo.content(phone)) }
            row("where", lines)
        }
        if let o = p.online {
            row("online", [repo.content(o.url)] + (o.note.map { [repo.content($0.text)] } ?? []))
        }
        self.rows = rows
        onlineURL = p.online.flatMap { URL(string: $0.url) }
        onlineLabel = repo.text("ui-procedures-open-online")
        var notes: [UiText] = []
        if p.convenienceStore { notes.append(repo.text("procedures-konbini")) }
        if p.sample { notes.append(repo.text("procedures-sample")) }
        self.notes = notes
    }
}
