//! Procedures on the facade: the catalogue as procedure cards, life-event
//! checklists with due dates and the resident's ticks, the eligibility
//! check, and FAQ coverage — resolved for the reader's language.
//!
//! Due dates skip the days the counter is closed using the counter's OSM
//! hours with Japan's public holidays ([`machi_content::hours::Hours`]),
//! the one calendar of the app.

mod views;

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use chrono::NaiveDate;
use machi_content::hours::Hours;
use machi_content::model::ProceduresData;
use machi_i18n::Localizer;
use machi_procedures::{Answers, ProceduresError};

pub use views::*;

use crate::error::{Error, Result};
use crate::Machi;

/// The parsed catalogue and the counters' parsed hours, for one content generation.
#[derive(Debug)]
pub(crate) struct Catalogue {
    generation: u64,
    pub(crate) data: ProceduresData,
    hours: HashMap<String, Hours>,
}

impl Catalogue {
    /// Whether the counter of procedure `p` takes filings on `day`; a
    /// counter without (parsable) hours counts as open every day.
    fn open(&self, counter_id: &str, day: NaiveDate) -> bool {
        self.hours.get(counter_id).is_none_or(|h| h.open_on(day))
    }
}

/// Per-`Machi` state: the cached catalogue.
#[derive(Debug, Default)]
pub(crate) struct State {
    cache: RwLock<Option<Arc<Catalogue>>>,
}

fn poisoned() -> Error {
    Error::Storage {
        reason: "procedures cache lock poisoned by an earlier panic".into(),
    }
}

impl From<ProceduresError> for Error {
    fn from(e: ProceduresError) -> Self {
        match e {
            ProceduresError::UnknownEvent(_)
            | ProceduresError::UnknownProcedure(_)
            | ProceduresError::UnknownQuestion(_) => Error::NotFound {
                what: e.to_string(),
            },
            ProceduresError::BadAnswer { .. } => Error::InvalidInput {
                reason: e.to_string(),
            },
        }
    }
}

impl Machi {
    pub(crate) fn procedures_catalogue(&self) -> Result<Arc<Catalogue>> {
        let generation = self.content_generation();
        if let Some(c) = self
            .procedures
            .cache
            .read()
            .map_err(|_| poisoned())?
            .as_ref()
            .filter(|c| c.generation == generation)
        {
            return Ok(Arc::clone(c));
        }
        let data = self.store()?.procedures()?;
        let hours = data
            .counters
            .iter()
            .filter_map(|c| {
                let h = Hours::parse(c.hours.as_deref()?).ok()?;
                Some((c.id.clone(), h))
            })
            .collect();
        let cat = Arc::new(Catalogue {
            generation,
            data,
            hours,
        });
        *self.procedures.cache.write().map_err(|_| poisoned())? = Some(Arc::clone(&cat));
        Ok(cat)
    }

    /// Every procedure of the installed pack, as cards.
    pub fn procedures(&self, loc: &Localizer) -> Result<Vec<ProcedureView>> {
        let cat = self.procedures_catalogue()?;
        let deps = self.departments_by_id()?;
        Ok(cat
            .data
            .procedures
            .iter()
            .map(|p| ProcedureView::new(p, &cat.data, &deps, loc))
            .collect())
    }

    /// One procedure's card; [`Error::NotFound`] for an unknown id.
    pub fn procedure(&self, id: &str, loc: &Localizer) -> Result<ProcedureView> {
        let cat = self.procedures_catalogue()?;
        let p = cat
            .data
            .procedure(id)
            .ok_or_else(|| Error::from(ProceduresError::UnknownProcedure(id.to_string())))?;
        Ok(ProcedureView::new(
            p,
            &cat.data,
            &self.departments_by_id()?,
            loc,
        ))
    }

    /// The life events the pack knows, in pack order.
    pub fn life_events(&self, loc: &Localizer) -> Result<Vec<LifeEventView>> {
        let cat = self.procedures_catalogue()?;
        Ok(cat
            .data
            .life_events
            .iter()
            .map(|e| LifeEventView::new(e, loc.chain()))
            .collect())
    }

    /// The checklist for `event_id` on `event_date`: its procedures with due
    /// dates (moved off the counter's closed days where the rule says so),
    /// earliest first, each marked done when ticked on this phone and
    /// overdue when its due date is before `today` and it is not done.
    pub fn checklist(
        &self,
        event_id: &str,
        event_date: NaiveDate,
        today: NaiveDate,
        loc: &Localizer,
    ) -> Result<ChecklistView> {
        let cat = self.procedures_catalogue()?;
        let items = machi_procedures::checklist(&cat.data, event_id, event_date, &|p, day| {
            cat.open(&p.counter_id, day)
        })?;
        let done = self.store()?.done_steps(event_id, event_date)?;
        let deps = self.departments_by_id()?;
        let event = cat
            .data
            .life_event(event_id)
            .ok_or_else(|| Error::from(ProceduresError::UnknownEvent(event_id.to_string())))?;
        Ok(ChecklistView::new(
            event, event_date, today, &items, &done, &cat.data, &deps, loc,
        ))
    }

    /// Ticks a checklist step off (`done`) or back; the step must belong to
    /// the event. Stored on the phone only; returns whether anything changed.
    pub fn set_checklist_step(
        &self,
        event_id: &str,
        event_date: NaiveDate,
        procedure_id: &str,
        done: bool,
    ) -> Result<bool> {
        let cat = self.procedures_catalogue()?;
        let event = cat
            .data
            .life_event(event_id)
            .ok_or_else(|| Error::from(ProceduresError::UnknownEvent(event_id.to_string())))?;
        if !event.steps.iter().any(|s| s == procedure_id) {
            return Err(Error::NotFound {
                what: format!("procedure {procedure_id:?} in life event {event_id:?}"),
            });
        }
        Ok(self
            .store()?
            .set_step_done(event_id, event_date, procedure_id, done)?)
    }

    /// Records that the resident follows `event_id` on `event_date`.
    pub fn start_checklist(&self, event_id: &str, event_date: NaiveDate) -> Result<()> {
        let cat = self.procedures_catalogue()?;
        if cat.data.life_event(event_id).is_none() {
            return Err(ProceduresError::UnknownEvent(event_id.to_string()).into());
        }
        Ok(self.store()?.start_checklist(event_id, event_date)?)
    }

    /// The checklists the resident started (event id and date), oldest first.
    pub fn started_checklists(&self) -> Result<Vec<(String, NaiveDate)>> {
        Ok(self
            .store()?
            .started_checklists()?
            .into_iter()
            .map(|c| (c.event_id, c.event_date))
            .collect())
    }

    /// Forgets a started checklist and its ticks; false when there was none.
    pub fn remove_checklist(&self, event_id: &str, event_date: NaiveDate) -> Result<bool> {
        Ok(self.store()?.remove_checklist(event_id, event_date)?)
    }

    /// The eligibility questionnaire, in the order to ask it.
    pub fn questionnaire(&self, loc: &Localizer) -> Result<Vec<QuestionView>> {
        let cat = self.procedures_catalogue()?;
        Ok(cat
            .data
            .questions
            .iter()
            .map(|q| QuestionView::new(q, loc.chain()))
            .collect())
    }

    /// Parses typed answers (`("child_ages", "1,4")`) against the
    /// questionnaire; an empty value leaves the question unanswered, except
    /// for several-numbers questions where it means "none".
    pub fn parse_answers(&self, answers: &[(String, String)]) -> Result<Answers> {
        let cat = self.procedures_catalogue()?;
        let mut out = Answers::new();
        for (id, text) in answers {
            let q = cat
                .data
                .question(id)
                .ok_or_else(|| Error::from(ProceduresError::UnknownQuestion(id.clone())))?;
            let numbers = matches!(q.kind, machi_procedures::QuestionKind::Numbers { .. });
            if text.trim().is_empty() && !numbers {
                continue;
            }
            out.insert(id.clone(), machi_procedures::parse_answer(q, text)?);
        }
        Ok(out)
    }

    /// The services `answers` may qualify for as of `today`: likely ones
    /// with the reasons, then those that depend on unanswered questions.
    /// Answers are evaluated here and never stored or sent.
    pub fn benefits(
        &self,
        answers: &Answers,
        today: NaiveDate,
        loc: &Localizer,
    ) -> Result<Vec<BenefitView>> {
        let cat = self.procedures_catalogue()?;
        let found = machi_procedures::eligibility(&cat.data, answers, today)?;
        Ok(found
            .iter()
            .map(|f| BenefitView::new(f, &cat.data, loc.chain()))
            .collect())
    }

    /// FAQ coverage of the installed pack: procedures without an FAQ entry
    /// and FAQ entries naming no procedure.
    pub fn faq_coverage(&self) -> Result<machi_procedures::Coverage> {
        let cat = self.procedures_catalogue()?;
        let faq = self.store()?.faq_entries()?;
        Ok(machi_procedures::coverage(
            &cat.data,
            faq.iter().map(|f| f.id.as_str()),
        ))
    }

    /// The procedure card for an FAQ entry the chatbot answered with: the
    /// first procedure naming the entry, if any.
    pub fn procedure_for_faq(
        &self,
        faq_id: &str,
        loc: &Localizer,
    ) -> Result<Option<ProcedureView>> {
        let cat = self.procedures_catalogue()?;
        let Some(p) = cat
            .data
            .procedures
            .iter()
            .find(|p| p.faq_ids.first().is_some_and(|f| f == faq_id))
            .or_else(|| {
                cat.data
                    .procedures
                    .iter()
                    .find(|p| p.faq_ids.iter().any(|f| f == faq_id))
            })
        else {
            return Ok(None);
        };
        Ok(Some(ProcedureView::new(
            p,
            &cat.data,
            &self.departments_by_id()?,
            loc,
        )))
    }

    fn departments_by_id(&self) -> Result<HashMap<String, machi_content::model::Department>> {
        Ok(self
            .store()?
            .departments()?
            .into_iter()
            .map(|d| (d.id.clone(), d))
            .collect())
    }
}

#[cfg(test)]
mod tests;
