package town.machi.shared

import java.time.LocalDate
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import uniffi.machi_ffi.AnswerInput
import uniffi.machi_ffi.Benefit
import uniffi.machi_ffi.Procedure
import uniffi.machi_ffi.Question

/** A service the answers may qualify for, with its lines composed. */
data class BenefitRow(
    val benefit: Benefit,
    val likely: Boolean,
    /** "Likely eligible", or "May be eligible: answer …" naming the questions that decide it. */
    val status: UiText,
    /** "Because: a child under 3", when the core gave reasons. */
    val because: UiText?,
    /** "Apply: …" (the procedure's card opens from it). */
    val apply: UiText,
)

/** Everything the eligibility check shows. */
data class BenefitsState(
    val questions: List<Question> = emptyList(),
    /** The answers as typed or chosen, by question id (`yes`, `42`, `1,4`, an option id, `YYYY-MM-DD`). */
    val answers: Map<String, String> = emptyMap(),
    /** What is wrong with an answer, by question id (shown under that question). */
    val errors: Map<String, UiText> = emptyMap(),
    /** The services found by the last check; `null` before checking (or after an answer changed). */
    val results: List<BenefitRow>? = null,
    /** The card of the procedure to apply, when opened from a result. */
    val procedure: Procedure? = null,
    val failure: UiText? = null,
)

/**
 * The eligibility check (受給可能なサービスの判定): the town's questionnaire,
 * answers kept only in this view model (never stored, never sent: the core
 * evaluates them on the device), the services they may qualify for with the
 * reasons, and the procedure to apply. A badly typed answer is reported
 * against its question, in words for its kind.
 */
class BenefitsViewModel(private val repo: MachiRepository, private val today: () -> LocalDate = { LocalDate.now() }) {
    private val _state = MutableStateFlow(BenefitsState())
    val state: StateFlow<BenefitsState> = _state.asStateFlow()

    /** Loads the questionnaire (and re-checks shown results, e.g. after a language change). */
    suspend fun load() {
        when (val r = repo.call { it.questionnaire() }) {
            is Outcome.Ok -> _state.update { it.copy(questions = r.value, failure = null) }
            is Outcome.Failed -> _state.update { it.copy(failure = r.message) }
        }
        if (_state.value.results != null) evaluate()
        _state.value.procedure?.let { openProcedure(it.id) }
    }

    /** Answers a yes-no question. */
    fun answerYesNo(questionId: String, yes: Boolean) = answer(questionId, if (yes) YES else NO)

    /** Answers a choice question with one of its options' ids. */
    fun answerChoice(questionId: String, optionId: String) = answer(questionId, optionId)

    /**
     * Answers [questionId] with [value] as typed (a number, numbers separated
     * by commas, a date `YYYY-MM-DD`); checked when the answers are evaluated.
     * Blank text leaves the question unanswered.
     */
    fun answer(questionId: String, value: String) = _state.update {
        val answers = if (value.isBlank()) it.answers - questionId else it.answers + (questionId to value)
        it.copy(answers = answers, errors = it.errors - questionId, results = null, failure = null)
    }

    /** Leaves [questionId] unanswered (a service it decides shows as "may be eligible"). */
    fun skip(questionId: String) = answer(questionId, "")

    /**
     * Evaluates the answers: the services they may qualify for as of today.
     * When an answer is badly typed, nothing is evaluated and each bad answer
     * gets its message.
     */
    suspend fun evaluate() {
        val given = inputs()
        when (val r = repo.call { it.benefits(given, today().toString()) }) {
            is Outcome.Ok -> _state.update { s -> s.copy(results = r.value.map { row(s, it) }, errors = emptyMap(), failure = null) }
            is Outcome.Failed -> {
                // The core refuses the whole list; try each answer alone to say which ones are wrong.
                val errors = if (r.kind == ErrorKind.INVALID_INPUT) badAnswers(given) else emptyMap()
                _state.update { it.copy(results = null, errors = errors, failure = r.message) }
            }
        }
    }

    /** Forgets every answer and result. */
    fun reset() = _state.update { BenefitsState(questions = it.questions) }

    /** Opens the card of the procedure to apply for a benefit. */
    suspend fun openProcedure(id: String) {
        when (val r = repo.call { it.procedure(id) }) {
            is Outcome.Ok -> _state.update { it.copy(procedure = r.value) }
            is Outcome.Failed -> _state.update { it.copy(failure = r.message) }
        }
    }

    /** Closes the procedure card (back to the results). */
    fun closeProcedure() = _state.update { it.copy(procedure = null) }

    private fun inputs(): List<AnswerInput> = _state.value.answers.map { (q, v) -> AnswerInput(q, v) }

    private suspend fun badAnswers(given: List<AnswerInput>): Map<String, UiText> {
        val day = today().toString()
        val questions = _state.value.questions.associateBy { it.id }
        val bad = mutableMapOf<String, UiText>()
        for (a in given) {
            val r = repo.call { it.benefits(listOf(a), day) }
            if (r is Outcome.Failed && r.kind == ErrorKind.INVALID_INPUT) {
                bad[a.question] = questions[a.question]?.let(::invalid) ?: r.message
            }
        }
        return bad
    }

    /** What to tell the resident about a wrong answer to [q], in words for its kind. */
    private fun invalid(q: Question): UiText {
        val min = q.min
        val max = q.max
        val numberKey = when (q.kind) {
            "number" -> "ui-benefits-invalid-number"
            "numbers" -> "ui-benefits-invalid-numbers"
            "date" -> return repo.text("ui-benefits-invalid-date")
            else -> return repo.text("ui-benefits-invalid-choice")
        }
        return if (min != null && max != null) repo.text(numberKey, "min" to min, "max" to max) else repo.text("error-invalid-input")
    }

    private fun row(s: BenefitsState, b: Benefit): BenefitRow {
        val likely = b.eligibility == "likely"
        val status = if (likely) {
            repo.text("benefits-likely")
        } else {
            val names = b.missing.map { id -> s.questions.firstOrNull { it.id == id }?.text?.text ?: id }
            repo.text("benefits-maybe", "questions" to repo.list(names))
        }
        val because = b.reasons.takeIf { it.isNotEmpty() }?.let { r -> repo.text("benefits-because", "reasons" to repo.list(r.map { it.text })) }
        return BenefitRow(b, likely, status, because, repo.text("benefits-apply", "procedure" to b.procedureName.text))
    }

    companion object {
        /** The core's words for a yes-no answer. */
        const val YES = "yes"

        /** See [YES]. */
        const val NO = "no"
    }
}
