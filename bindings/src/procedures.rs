//! Procedures: procedure cards, life-event checklists with due dates and
//! ticks kept on the phone, the eligibility check, FAQ coverage. Records
//! are the core's (`machi_app::…View`), declared here with `#[uniffi::remote]`.

use machi_app::{
    BenefitView, ChecklistItemView, ChecklistView, CounterView, DeadlineView, LifeEventView,
    OnlineView, OptionView, ProcedureView, QuestionView,
};

use crate::error::Result;
use machi_common::clock::fmt_date;

use machi_app::Text;

use crate::types::{parse_date, IsoDate};
use crate::Machi;

/// Where a procedure is done: name, place, hours as text, the department's phone.
#[uniffi::remote(Record)]
#[uniffi(name = "ProcedureCounter")]
pub struct CounterView {
    pub id: String,
    pub name: Text,
    pub place: Option<Text>,
    pub hours: Option<Text>,
    pub phone: Option<String>,
}

/// The online route: `pittari`, `mynaportal`, `town-form` or `other`, the page, a note.
#[uniffi::remote(Record)]
#[uniffi(name = "ProcedureOnline")]
pub struct OnlineView {
    pub kind: String,
    pub url: String,
    pub note: Option<Text>,
}

/// A deadline rule (`none`, `after`, `before`, calendar days) and its sentence.
#[uniffi::remote(Record)]
#[uniffi(name = "ProcedureDeadline")]
pub struct DeadlineView {
    pub kind: String,
    pub days: u32,
    pub count_event_day: bool,
    pub skip_closures: bool,
    pub text: String,
}

/// A procedure card: who, deadline, what to bring, fee, where, online, FAQ ids.
#[uniffi::remote(Record)]
#[uniffi(name = "Procedure")]
pub struct ProcedureView {
    pub id: String,
    pub name: Text,
    pub summary: Option<Text>,
    pub who: Option<Text>,
    pub department: Option<Text>,
    pub deadline: DeadlineView,
    pub bring: Vec<Text>,
    pub bring_note: Option<Text>,
    pub fee_yen: Option<u32>,
    pub fee_text: String,
    pub fee_note: Option<Text>,
    pub counter: Option<CounterView>,
    pub online: Option<OnlineView>,
    pub convenience_store: bool,
    pub faq_ids: Vec<String>,
    pub sample: bool,
}

/// A life event (`birth`, `move-in`…) with how many procedures follow it.
#[uniffi::remote(Record)]
#[uniffi(name = "LifeEvent")]
pub struct LifeEventView {
    pub id: String,
    pub name: Text,
    pub description: Option<Text>,
    pub steps: u32,
}

/// One checklist step: the card, due date (and the date it moved from when
/// that was a closed day), the sentence, ticked or not, overdue.
#[uniffi::remote(Record)]
#[uniffi(name = "ChecklistItem")]
pub struct ChecklistItemView {
    pub procedure: ProcedureView,
    pub due: Option<IsoDate>,
    pub moved_from: Option<IsoDate>,
    pub due_text: String,
    pub done: bool,
    pub done_at: Option<String>,
    pub overdue: bool,
}

/// A life event's checklist on a date, earliest due first.
#[uniffi::remote(Record)]
#[uniffi(name = "Checklist")]
pub struct ChecklistView {
    pub event: LifeEventView,
    pub event_date: IsoDate,
    pub items: Vec<ChecklistItemView>,
    pub done: u32,
    pub progress_text: String,
}

/// An option of a choice question.
#[uniffi::remote(Record)]
#[uniffi(name = "QuestionOption")]
pub struct OptionView {
    pub id: String,
    pub label: Text,
}

/// A question of the eligibility questionnaire (`yes-no`, `number`,
/// `numbers`, `choice`, `date`).
#[uniffi::remote(Record)]
#[uniffi(name = "Question")]
pub struct QuestionView {
    pub id: String,
    pub text: Text,
    pub help: Option<Text>,
    pub kind: String,
    pub min: Option<i64>,
    pub max: Option<i64>,
    pub options: Vec<OptionView>,
}

/// A service the household may qualify for: `likely` with reasons, or
/// `maybe` with the questions that would decide it, and the procedure to apply.
#[uniffi::remote(Record)]
#[uniffi(name = "Benefit")]
pub struct BenefitView {
    pub id: String,
    pub name: Text,
    pub summary: Option<Text>,
    pub eligibility: String,
    pub reasons: Vec<Text>,
    pub missing: Vec<String>,
    pub procedure_id: String,
    pub procedure_name: Text,
    pub sample: bool,
}

/// One typed answer: the question id and the value as the resident typed it
/// (`yes`, `42`, `1,4`, an option id, `YYYY-MM-DD`).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct AnswerInput {
    /// Question id.
    pub question: String,
    /// The value.
    pub value: String,
}

/// A checklist the resident started.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct StartedChecklist {
    /// Life event id.
    pub event_id: String,
    /// The event's date, `YYYY-MM-DD`.
    pub event_date: String,
}

/// FAQ coverage of the installed pack.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct FaqCoverage {
    /// Procedures in the catalogue.
    pub procedures: u32,
    /// Procedures with no FAQ entry.
    pub procedures_without_faq: Vec<String>,
    /// FAQ entries counted (information-only ones excluded).
    pub faq_entries: u32,
    /// FAQ entries no procedure names.
    pub faq_without_procedure: Vec<String>,
    /// Share of procedures with an FAQ entry, percent.
    pub procedure_percent: f64,
    /// Share of counted FAQ entries naming a procedure, percent.
    pub faq_percent: f64,
    /// Both directions complete and no dangling links.
    pub complete: bool,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[uniffi::export]
impl Machi {
    /// Every procedure of the installed pack, as cards.
    pub fn procedures(&self) -> Result<Vec<ProcedureView>> {
        Ok(self.app.procedures(&self.localizer())?)
    }

    /// One procedure's card; `NotFound` for an unknown id.
    pub fn procedure(&self, id: String) -> Result<ProcedureView> {
        Ok(self.app.procedure(&id, &self.localizer())?)
    }

    /// The card of the procedure an FAQ entry is about (under a chatbot answer).
    pub fn procedure_for_faq(&self, faq_id: String) -> Result<Option<ProcedureView>> {
        Ok(self.app.procedure_for_faq(&faq_id, &self.localizer())?)
    }

    /// The life events the pack knows.
    pub fn life_events(&self) -> Result<Vec<LifeEventView>> {
        Ok(self.app.life_events(&self.localizer())?)
    }

    /// The checklist for `event_id` on `event_date` (`YYYY-MM-DD`), overdue
    /// steps judged as of `today`.
    pub fn checklist(
        &self,
        event_id: String,
        event_date: String,
        today: String,
    ) -> Result<ChecklistView> {
        Ok(self.app.checklist(
            &event_id,
            parse_date(&event_date)?,
            parse_date(&today)?,
            &self.localizer(),
        )?)
    }

    /// Ticks a step off (or back); stored on the phone only. True when something changed.
    pub fn set_checklist_step(
        &self,
        event_id: String,
        event_date: String,
        procedure_id: String,
        done: bool,
    ) -> Result<bool> {
        Ok(self
            .app
            .set_checklist_step(&event_id, parse_date(&event_date)?, &procedure_id, done)?)
    }

    /// Records that the resident follows a life event on a date.
    pub fn start_checklist(&self, event_id: String, event_date: String) -> Result<()> {
        Ok(self
            .app
            .start_checklist(&event_id, parse_date(&event_date)?)?)
    }

    /// The checklists the resident started, oldest first.
    pub fn started_checklists(&self) -> Result<Vec<StartedChecklist>> {
        Ok(self
            .app
            .started_checklists()?
            .into_iter()
            .map(|(event_id, d)| StartedChecklist {
                event_id,
                event_date: fmt_date(d),
            })
            .collect())
    }

    /// Forgets a started checklist and its ticks; false when there was none.
    pub fn remove_checklist(&self, event_id: String, event_date: String) -> Result<bool> {
        Ok(self
            .app
            .remove_checklist(&event_id, parse_date(&event_date)?)?)
    }

    /// The eligibility questionnaire, in the order to ask it.
    pub fn questionnaire(&self) -> Result<Vec<QuestionView>> {
        Ok(self.app.questionnaire(&self.localizer())?)
    }

    /// The services the answers may qualify for as of `today`; a badly typed
    /// answer is `InvalidInput`, an unknown question `NotFound`. Answers are
    /// evaluated on the device and never stored.
    pub fn benefits(&self, answers: Vec<AnswerInput>, today: String) -> Result<Vec<BenefitView>> {
        let pairs: Vec<(String, String)> =
            answers.into_iter().map(|a| (a.question, a.value)).collect();
        let parsed = self.app.parse_answers(&pairs)?;
        Ok(self
            .app
            .benefits(&parsed, parse_date(&today)?, &self.localizer())?)
    }

    /// FAQ coverage: procedures without an FAQ entry, FAQ entries naming no procedure.
    pub fn faq_coverage(&self) -> Result<FaqCoverage> {
        let c = self.app.faq_coverage()?;
        Ok(FaqCoverage {
            procedures: count(c.procedures),
            faq_entries: count(c.faq_entries),
            procedure_percent: c.procedure_percent(),
            faq_percent: c.faq_percent(),
            complete: c.is_complete(),
            procedures_without_faq: c.procedures_without_faq,
            faq_without_procedure: c.faq_without_procedure,
        })
    }
}
