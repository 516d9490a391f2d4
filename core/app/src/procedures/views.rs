//! View records of the procedures facade, resolved for one reader.

use std::collections::HashMap;

use chrono::NaiveDate;
use machi_common::{Lang, LocalizedText};
use machi_content::model::Department;
use machi_content::store::DoneStep;
use machi_i18n::{Args, Localizer};
use machi_procedures::{
    ChecklistItem, Deadline, Eligibility, Finding, LifeEvent, OnlineKind, Procedure,
    ProceduresData, Question, QuestionKind,
};
use serde::{Deserialize, Serialize};

use crate::Text;

fn opt(t: &LocalizedText, chain: &[Lang]) -> Option<Text> {
    Text::resolve(t, chain)
}

fn req(t: &LocalizedText, chain: &[Lang], id: &str) -> Text {
    Text::resolve(t, chain).unwrap_or(Text {
        text: id.to_string(),
        lang: Lang::Ja,
        is_fallback: true,
    })
}

/// Where a procedure is done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CounterView {
    /// Counter id.
    pub id: String,
    /// Name.
    pub name: Text,
    /// Building or address.
    pub place: Option<Text>,
    /// Hours as a resident reads them.
    pub hours: Option<Text>,
    /// The department's phone.
    pub phone: Option<String>,
}

/// The online route.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OnlineView {
    /// `pittari`, `mynaportal`, `town-form` or `other`.
    pub kind: String,
    /// The page.
    pub url: String,
    /// What is needed online.
    pub note: Option<Text>,
}

/// A procedure's deadline rule, with a sentence for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeadlineView {
    /// `none`, `after` or `before`.
    pub kind: String,
    /// Calendar days (0 for none).
    pub days: u32,
    /// The event's own day is day 1.
    pub count_event_day: bool,
    /// Closed days are skipped.
    pub skip_closures: bool,
    /// "Within 14 days of the event", in the reader's language.
    pub text: String,
}

impl DeadlineView {
    fn new(d: &Deadline, loc: &Localizer) -> DeadlineView {
        let (kind, days, count, skip) = match *d {
            Deadline::None => ("none", 0, false, false),
            Deadline::After {
                days,
                count_event_day,
                skip_closures,
            } => ("after", days, count_event_day, skip_closures),
            Deadline::Before {
                days,
                skip_closures,
            } => ("before", days, false, skip_closures),
        };
        let id = match (kind, count, days) {
            ("none", ..) => "procedures-deadline-none",
            ("after", true, _) => "procedures-deadline-after-counting",
            ("after", false, _) => "procedures-deadline-after",
            (_, _, 0) => "procedures-deadline-before-event",
            _ => "procedures-deadline-before",
        };
        let mut text = loc.msg(id, &Args::new().num("days", days));
        if skip {
            text = format!(
                "{text} {}",
                loc.msg("procedures-deadline-skip-closures", &Args::new())
            );
        }
        DeadlineView {
            kind: kind.into(),
            days,
            count_event_day: count,
            skip_closures: skip,
            text,
        }
    }
}

/// A procedure card: everything a resident needs to do it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProcedureView {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: Text,
    /// What it is for.
    pub summary: Option<Text>,
    /// Who must do it.
    pub who: Option<Text>,
    /// The department's name.
    pub department: Option<Text>,
    /// The deadline rule.
    pub deadline: DeadlineView,
    /// What to bring, in order.
    pub bring: Vec<Text>,
    /// Notes on what to bring.
    pub bring_note: Option<Text>,
    /// Fee in yen (`None`: varies).
    pub fee_yen: Option<u32>,
    /// The fee as a sentence ("Free", "¥300").
    pub fee_text: String,
    /// Notes on the fee.
    pub fee_note: Option<Text>,
    /// Where.
    pub counter: Option<CounterView>,
    /// Online route.
    pub online: Option<OnlineView>,
    /// Printable at convenience stores with a My Number card.
    pub convenience_store: bool,
    /// Related FAQ entry ids.
    pub faq_ids: Vec<String>,
    /// Town details are unchecked sample data.
    pub sample: bool,
}

impl ProcedureView {
    pub(crate) fn new(
        p: &Procedure,
        data: &ProceduresData,
        deps: &HashMap<String, Department>,
        loc: &Localizer,
    ) -> ProcedureView {
        let chain = loc.chain();
        let dep = deps.get(&p.department_id);
        let counter = data.counter(&p.counter_id).map(|c| {
            let phone = c
                .department_id
                .as_ref()
                .and_then(|d| deps.get(d))
                .or(dep)
                .and_then(|d| d.phone.clone());
            CounterView {
                id: c.id.clone(),
                name: req(&c.name, chain, &c.id),
                place: opt(&c.place, chain),
                hours: opt(&c.hours_text, chain),
                phone,
            }
        });
        let fee_text = match p.fee_yen {
            Some(0) => loc.msg("procedures-fee-free", &Args::new()),
            Some(y) => loc.msg("procedures-fee-yen", &Args::new().num("yen", y)),
            None => loc.msg("procedures-fee-varies", &Args::new()),
        };
        ProcedureView {
            id: p.id.clone(),
            name: req(&p.name, chain, &p.id),
            summary: opt(&p.summary, chain),
            who: opt(&p.who, chain),
            department: dep.map(|d| req(&d.name, chain, &d.id)),
            deadline: DeadlineView::new(&p.deadline, loc),
            bring: p
                .bring
                .iter()
                .filter_map(|b| data.document(b).map(|d| req(&d.name, chain, &d.id)))
                .collect(),
            bring_note: opt(&p.bring_note, chain),
            fee_yen: p.fee_yen,
            fee_text,
            fee_note: opt(&p.fee_note, chain),
            counter,
            online: p.online.as_ref().map(|o| OnlineView {
                kind: match o.kind {
                    OnlineKind::Pittari => "pittari",
                    OnlineKind::Mynaportal => "mynaportal",
                    OnlineKind::TownForm => "town-form",
                    OnlineKind::Other => "other",
                }
                .into(),
                url: o.url.clone(),
                note: opt(&o.note, chain),
            }),
            convenience_store: p.convenience_store,
            faq_ids: p.faq_ids.clone(),
            sample: p.sample,
        }
    }
}

/// A life event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LifeEventView {
    /// Stable id (`birth`, `move-in`…).
    pub id: String,
    /// Name.
    pub name: Text,
    /// What the checklist covers and which date to enter.
    pub description: Option<Text>,
    /// How many procedures follow it.
    pub steps: u32,
}

impl LifeEventView {
    pub(crate) fn new(e: &LifeEvent, chain: &[Lang]) -> LifeEventView {
        LifeEventView {
            id: e.id.clone(),
            name: req(&e.name, chain, &e.id),
            description: opt(&e.description, chain),
            steps: u32::try_from(e.steps.len()).unwrap_or(u32::MAX),
        }
    }
}

/// One step of a checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChecklistItemView {
    /// The procedure card.
    pub procedure: ProcedureView,
    /// Last day to do it (`None`: no deadline).
    pub due: Option<NaiveDate>,
    /// The calendar date before it moved off a closed day.
    pub moved_from: Option<NaiveDate>,
    /// "Due 14 Dec (moved from 12 Dec: the office is closed)" or "No deadline".
    pub due_text: String,
    /// Ticked off on this phone.
    pub done: bool,
    /// When ticked, RFC 3339.
    pub done_at: Option<String>,
    /// Due before today and not done.
    pub overdue: bool,
}

/// A life event's checklist on a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChecklistView {
    /// The event.
    pub event: LifeEventView,
    /// The event's date.
    pub event_date: NaiveDate,
    /// Steps, earliest due first, no deadline last.
    pub items: Vec<ChecklistItemView>,
    /// How many are ticked.
    pub done: u32,
    /// "2 of 7 done".
    pub progress_text: String,
}

impl ChecklistView {
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        event: &LifeEvent,
        event_date: NaiveDate,
        today: NaiveDate,
        items: &[ChecklistItem<'_>],
        done: &[DoneStep],
        data: &ProceduresData,
        deps: &HashMap<String, Department>,
        loc: &Localizer,
    ) -> ChecklistView {
        let items: Vec<ChecklistItemView> = items
            .iter()
            .map(|i| {
                let tick = done.iter().find(|d| d.procedure_id == i.procedure.id);
                let due_text = match i.due {
                    None => loc.msg("procedures-deadline-none", &Args::new()),
                    Some(d) => match d.moved_from {
                        Some(from) => loc.msg(
                            "procedures-due-moved",
                            &Args::new()
                                .str("date", loc.date_with_year(d.date))
                                .str("from", loc.date(from)),
                        ),
                        None => loc.msg(
                            "procedures-due",
                            &Args::new().str("date", loc.date_with_year(d.date)),
                        ),
                    },
                };
                ChecklistItemView {
                    procedure: ProcedureView::new(i.procedure, data, deps, loc),
                    due: i.due.map(|d| d.date),
                    moved_from: i.due.and_then(|d| d.moved_from),
                    due_text,
                    done: tick.is_some(),
                    done_at: tick.map(|t| t.done_at.clone()),
                    overdue: tick.is_none() && i.due.is_some_and(|d| d.date < today),
                }
            })
            .collect();
        let n = u32::try_from(items.iter().filter(|i| i.done).count()).unwrap_or(u32::MAX);
        let total = u32::try_from(items.len()).unwrap_or(u32::MAX);
        ChecklistView {
            event: LifeEventView::new(event, loc.chain()),
            event_date,
            progress_text: loc.msg(
                "procedures-progress",
                &Args::new().num("done", n).num("total", total),
            ),
            done: n,
            items,
        }
    }
}

/// An option of a choice question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OptionView {
    /// The value to answer with.
    pub id: String,
    /// Label.
    pub label: Text,
}

/// A question of the eligibility questionnaire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionView {
    /// Question id (answer with `id=value`).
    pub id: String,
    /// The question.
    pub text: Text,
    /// A hint.
    pub help: Option<Text>,
    /// `yes-no`, `number`, `numbers`, `choice` or `date`.
    pub kind: String,
    /// Smallest number accepted (number kinds).
    pub min: Option<i64>,
    /// Largest number accepted (number kinds).
    pub max: Option<i64>,
    /// Options (choice).
    pub options: Vec<OptionView>,
}

impl QuestionView {
    pub(crate) fn new(q: &Question, chain: &[Lang]) -> QuestionView {
        let (kind, min, max, options) = match &q.kind {
            QuestionKind::YesNo => ("yes-no", None, None, Vec::new()),
            QuestionKind::Number { min, max } => ("number", Some(*min), Some(*max), Vec::new()),
            QuestionKind::Numbers { min, max } => ("numbers", Some(*min), Some(*max), Vec::new()),
            QuestionKind::Choice { options } => (
                "choice",
                None,
                None,
                options
                    .iter()
                    .map(|o| OptionView {
                        id: o.id.clone(),
                        label: req(&o.label, chain, &o.id),
                    })
                    .collect(),
            ),
            QuestionKind::Date => ("date", None, None, Vec::new()),
        };
        QuestionView {
            id: q.id.clone(),
            text: req(&q.text, chain, &q.id),
            help: opt(&q.help, chain),
            kind: kind.into(),
            min,
            max,
            options,
        }
    }
}

/// A service the household may qualify for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BenefitView {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: Text,
    /// What it gives.
    pub summary: Option<Text>,
    /// `likely` (the answers meet the rule) or `maybe` (depends on unanswered questions).
    pub eligibility: String,
    /// Why ("a child under 3"); empty for `maybe`.
    pub reasons: Vec<Text>,
    /// Question ids that would decide a `maybe`.
    pub missing: Vec<String>,
    /// The procedure to apply with.
    pub procedure_id: String,
    /// Its name.
    pub procedure_name: Text,
    /// Conditions are simplified sample data.
    pub sample: bool,
}

impl BenefitView {
    pub(crate) fn new(f: &Finding<'_>, data: &ProceduresData, chain: &[Lang]) -> BenefitView {
        let b = f.benefit;
        BenefitView {
            id: b.id.clone(),
            name: req(&b.name, chain, &b.id),
            summary: opt(&b.summary, chain),
            eligibility: match f.eligibility {
                Eligibility::Likely => "likely",
                Eligibility::Maybe => "maybe",
            }
            .into(),
            reasons: f.reasons.iter().map(|r| req(r, chain, &b.id)).collect(),
            missing: f.missing.iter().map(|q| q.id.clone()).collect(),
            procedure_id: b.procedure_id.clone(),
            procedure_name: data
                .procedure(&b.procedure_id)
                .map(|p| req(&p.name, chain, &p.id))
                .unwrap_or_else(|| req(&LocalizedText::new(), chain, &b.procedure_id)),
            sample: b.sample,
        }
    }
}
