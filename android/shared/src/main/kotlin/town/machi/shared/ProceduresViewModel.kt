package town.machi.shared

import java.time.LocalDate
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import uniffi.machi_ffi.Checklist
import uniffi.machi_ffi.ChecklistItem
import uniffi.machi_ffi.LifeEvent
import uniffi.machi_ffi.Procedure

/** A checklist the resident started, as the "My checklists" row shows it. */
data class StartedRow(
    val eventId: String,
    /** The event's date, `YYYY-MM-DD`. */
    val eventDate: String,
    /** "Birth, Tue, Dec 1". */
    val label: UiText,
)

/** One step of the open checklist with its texts composed. */
data class ChecklistRow(
    val item: ChecklistItem,
    /** "Due Tue, Dec 15" (or why it moved), from the core. */
    val due: UiText,
    /** The "overdue" mark, when the step is overdue as of today. */
    val overdue: UiText?,
    /** What TalkBack says the tick box does: "Mark “…” as done" / "… as not done". */
    val toggleLabel: UiText,
)

/** Everything the procedures screen shows. */
data class ProceduresState(
    val events: List<LifeEvent> = emptyList(),
    val started: List<StartedRow> = emptyList(),
    /** The open checklist (with its event and date), if any. */
    val checklist: Checklist? = null,
    val rows: List<ChecklistRow> = emptyList(),
    /** "2 of 7 done". */
    val progress: UiText? = null,
    /** The open procedure card, if any (drawn over the checklist). */
    val card: Procedure? = null,
    val failure: UiText? = null,
)

/**
 * Procedures after a life event: the events, the resident's started
 * checklists, one checklist with due dates and overdue steps as of [today],
 * ticking steps off (kept on the phone by the core, and read back from it
 * after every change), and a procedure's card.
 */
class ProceduresViewModel(private val repo: MachiRepository, private val today: () -> LocalDate = { LocalDate.now() }) {
    private val _state = MutableStateFlow(ProceduresState())
    val state: StateFlow<ProceduresState> = _state.asStateFlow()

    /** Loads the life events and the started checklists, and re-reads what is open (e.g. after a language change). */
    suspend fun refresh() {
        val r = repo.call { m -> m.lifeEvents() to m.startedChecklists() }
        when (r) {
            is Outcome.Ok -> _state.update { it.copy(events = r.value.first, started = rows(r.value.first, r.value.second), failure = null) }
            is Outcome.Failed -> _state.update { it.copy(failure = r.message) }
        }
        _state.value.checklist?.let { open(it.event.id, it.eventDate) }
        _state.value.card?.let { openProcedure(it.id) }
    }

    /**
     * Starts following [eventId] on [date] (`YYYY-MM-DD`, as typed) and opens
     * its checklist; a date that is not one is a failure, and nothing is stored.
     */
    suspend fun start(eventId: String, date: String) {
        val day = date.trim()
        val r = repo.call { m ->
            // Read the checklist first: a bad date or event fails before anything is stored.
            m.checklist(eventId, day, today().toString())
            m.startChecklist(eventId, day)
            m.checklist(eventId, day, today().toString()) to m.startedChecklists()
        }
        when (r) {
            is Outcome.Ok -> _state.update { s -> show(s, r.value.first).copy(started = rows(s.events, r.value.second)) }
            is Outcome.Failed -> _state.update { it.copy(failure = dateFailure(r)) }
        }
    }

    /** Opens the checklist of [eventId] on [date], overdue steps judged as of today. */
    suspend fun open(eventId: String, date: String) {
        when (val r = repo.call { it.checklist(eventId, date, today().toString()) }) {
            is Outcome.Ok -> _state.update { show(it, r.value) }
            is Outcome.Failed -> _state.update { it.copy(failure = dateFailure(r)) }
        }
    }

    /** Ticks the open checklist's step [procedureId] off (or back), then shows what the core now stores. */
    suspend fun setDone(procedureId: String, done: Boolean) {
        val c = _state.value.checklist ?: return
        val r = repo.call { m ->
            m.setChecklistStep(c.event.id, c.eventDate, procedureId, done)
            m.checklist(c.event.id, c.eventDate, today().toString())
        }
        when (r) {
            is Outcome.Ok -> _state.update { show(it, r.value) }
            is Outcome.Failed -> _state.update { it.copy(failure = r.message) }
        }
    }

    /** Forgets the started checklist of [eventId] on [date] and its ticks. */
    suspend fun remove(eventId: String, date: String) {
        val r = repo.call { m ->
            m.removeChecklist(eventId, date)
            m.startedChecklists()
        }
        when (r) {
            is Outcome.Ok -> _state.update { s ->
                val closing = s.checklist?.let { it.event.id == eventId && it.eventDate == date } == true
                val base = if (closing) s.copy(checklist = null, rows = emptyList(), progress = null) else s
                base.copy(started = rows(s.events, r.value), failure = null)
            }
            is Outcome.Failed -> _state.update { it.copy(failure = r.message) }
        }
    }

    /** Closes the checklist (back to the events and "My checklists"). */
    fun closeChecklist() = _state.update { it.copy(checklist = null, rows = emptyList(), progress = null, card = null) }

    /** Shows [procedure]'s card (a checklist step carries it whole). */
    fun showCard(procedure: Procedure) = _state.update { it.copy(card = procedure) }

    /** Opens the card of the procedure [id] (from a benefit or an answer). */
    suspend fun openProcedure(id: String) {
        when (val r = repo.call { it.procedure(id) }) {
            is Outcome.Ok -> _state.update { it.copy(card = r.value, failure = null) }
            is Outcome.Failed -> _state.update { it.copy(failure = r.message) }
        }
    }

    /** Closes the procedure card. */
    fun closeCard() = _state.update { it.copy(card = null) }

    private fun show(s: ProceduresState, c: Checklist): ProceduresState = s.copy(
        checklist = c,
        rows = c.items.map { item ->
            val name = item.procedure.name.text
            ChecklistRow(
                item = item,
                due = repo.content(item.dueText),
                overdue = if (item.overdue && !item.done) repo.text("procedures-overdue") else null,
                toggleLabel = repo.text(if (item.done) "ui-procedures-mark-undone" else "ui-procedures-mark-done", "name" to name),
            )
        },
        progress = repo.content(c.progressText),
        failure = null,
    )

    private fun rows(events: List<LifeEvent>, started: List<uniffi.machi_ffi.StartedChecklist>): List<StartedRow> =
        started.map { c ->
            // A checklist of an event a newer pack no longer has still shows (by its id) and can be removed.
            val name = events.firstOrNull { it.id == c.eventId }?.name?.text ?: c.eventId
            StartedRow(c.eventId, c.eventDate, repo.text("ui-procedures-checklist-row", "event" to name, "date" to repo.date(c.eventDate)))
        }

    private fun dateFailure(f: Outcome.Failed): UiText =
        if (f.kind == ErrorKind.INVALID_INPUT) repo.text("ui-procedures-invalid-date") else f.message
}
