//! The procedures catalogue as a content pack carries it.
//!
//! Ids are stable strings chosen by the pack source, so a newer pack can
//! replace or remove a procedure by id and a resident's ticked-off checklist
//! keeps pointing at the same procedure.

use machi_common::LocalizedText;
use serde::{Deserialize, Serialize};

use crate::rules::Rule;

/// Everything a pack says about procedures, life events and the eligibility check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct ProceduresData {
    /// Counters (窓口) where procedures are done, with their hours.
    #[serde(default)]
    pub counters: Vec<Counter>,
    /// Things a resident may have to bring, named once and referenced by id.
    #[serde(default)]
    pub documents: Vec<Document>,
    /// The procedures.
    #[serde(default)]
    pub procedures: Vec<Procedure>,
    /// Life events and the procedures that follow them.
    #[serde(default)]
    pub life_events: Vec<LifeEvent>,
    /// The eligibility questionnaire, in the order it is asked.
    #[serde(default)]
    pub questions: Vec<Question>,
    /// Services and allowances with the rule deciding who may qualify.
    #[serde(default)]
    pub benefits: Vec<Benefit>,
    /// FAQ entries that are general information rather than a procedure
    /// (tourism, hazard maps…): FAQ coverage does not count them as missing
    /// a procedure.
    #[serde(default)]
    pub information_only_faq: Vec<String>,
}

impl ProceduresData {
    /// The procedure with `id`.
    pub fn procedure(&self, id: &str) -> Option<&Procedure> {
        self.procedures.iter().find(|p| p.id == id)
    }

    /// The counter with `id`.
    pub fn counter(&self, id: &str) -> Option<&Counter> {
        self.counters.iter().find(|c| c.id == id)
    }

    /// The document with `id`.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// The life event with `id`.
    pub fn life_event(&self, id: &str) -> Option<&LifeEvent> {
        self.life_events.iter().find(|e| e.id == id)
    }

    /// The question with `id`.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// True when the pack carries nothing about procedures (a pack without
    /// them stores and serializes exactly as before they existed).
    pub fn is_empty(&self) -> bool {
        *self == ProceduresData::default()
    }
}

/// A counter (窓口) at the town office or elsewhere.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Counter {
    /// Stable id.
    pub id: String,
    /// Name, e.g. "市民課 窓口".
    pub name: LocalizedText,
    /// Where it is (building, floor, address).
    #[serde(default)]
    pub place: LocalizedText,
    /// The FAQ department it belongs to (phone, e-mail).
    #[serde(default)]
    pub department_id: Option<String>,
    /// Opening hours in OSM `opening_hours` syntax (Japan's public holidays
    /// as `PH`); decides which days a deadline may fall on.
    #[serde(default)]
    pub hours: Option<String>,
    /// The hours as a resident reads them.
    #[serde(default)]
    pub hours_text: LocalizedText,
}

/// Something to bring (本人確認書類, 印鑑…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: LocalizedText,
}

/// When a procedure is due, relative to its life event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Deadline {
    /// No legal deadline ("as soon as convenient").
    None,
    /// Within `days` calendar days after the event.
    After {
        /// Calendar days.
        days: u32,
        /// The event's own day is day 1 (戸籍法: 出生届 within 14 days
        /// counting the day of birth); otherwise day 1 is the day after.
        #[serde(default)]
        count_event_day: bool,
        /// A last day on which the counter is closed moves to its next open day.
        #[serde(default)]
        skip_closures: bool,
    },
    /// At least `days` calendar days before the event (nursery applications,
    /// notice of moving out).
    Before {
        /// Calendar days.
        days: u32,
        /// A last day on which the counter is closed moves to its previous open day.
        #[serde(default)]
        skip_closures: bool,
    },
}

/// Where a procedure can be done online.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OnlineKind {
    /// The national ぴったりサービス (via マイナポータル).
    Pittari,
    /// マイナポータル itself.
    Mynaportal,
    /// The town's own form (e-申請).
    TownForm,
    /// Another site (a national agency, a utility).
    Other,
}

/// The online route for a procedure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Online {
    /// Which kind of service.
    pub kind: OnlineKind,
    /// The page to open.
    pub url: String,
    /// What is needed online (a My Number card…).
    #[serde(default)]
    pub note: LocalizedText,
}

/// One municipal procedure (手続き).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Procedure {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: LocalizedText,
    /// What it is for, in a sentence or two.
    #[serde(default)]
    pub summary: LocalizedText,
    /// The FAQ department in charge.
    pub department_id: String,
    /// Who must (or may) do it.
    #[serde(default)]
    pub who: LocalizedText,
    /// The deadline rule.
    pub deadline: Deadline,
    /// What to bring, as [`Document`] ids, in the order to show them.
    #[serde(default)]
    pub bring: Vec<String>,
    /// Notes on what to bring (cases needing more).
    #[serde(default)]
    pub bring_note: LocalizedText,
    /// The fee in yen (`Some(0)`: free; `None`: varies, see the note).
    #[serde(default)]
    pub fee_yen: Option<u32>,
    /// Notes on the fee.
    #[serde(default)]
    pub fee_note: LocalizedText,
    /// The counter where it is done.
    pub counter_id: String,
    /// The online route, when there is one.
    #[serde(default)]
    pub online: Option<Online>,
    /// Whether the certificate can be printed at a convenience store with a
    /// My Number card.
    #[serde(default)]
    pub convenience_store: bool,
    /// Related FAQ entries.
    #[serde(default)]
    pub faq_ids: Vec<String>,
    /// True when the town's own details (fee, counter) are sample data that
    /// was not checked against the town's pages.
    #[serde(default)]
    pub sample: bool,
}

/// A life event (出生, 転入…) and the procedures that follow it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LifeEvent {
    /// Stable id (`birth`, `move-in`…).
    pub id: String,
    /// Name.
    pub name: LocalizedText,
    /// A sentence on what the checklist covers.
    #[serde(default)]
    pub description: LocalizedText,
    /// Procedure ids in the order a resident usually does them.
    pub steps: Vec<String>,
}

/// An option of a choice question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChoiceOption {
    /// The value rules compare with.
    pub id: String,
    /// The label shown.
    pub label: LocalizedText,
}

/// The kind of answer a question takes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum QuestionKind {
    /// Yes or no.
    YesNo,
    /// One whole number in `min..=max`.
    Number {
        /// Smallest accepted.
        min: i64,
        /// Largest accepted.
        max: i64,
    },
    /// Several whole numbers in `min..=max` (the ages of the children); may be empty.
    Numbers {
        /// Smallest accepted.
        min: i64,
        /// Largest accepted.
        max: i64,
    },
    /// One of the options.
    Choice {
        /// The options in display order.
        options: Vec<ChoiceOption>,
    },
    /// A calendar date (the day the household moved in).
    Date,
}

/// A question of the eligibility questionnaire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Stable id, used by rules and on the CLI (`--answer ID=VALUE`).
    pub id: String,
    /// The question.
    pub text: LocalizedText,
    /// A hint on how to answer.
    #[serde(default)]
    pub help: LocalizedText,
    /// The answer type.
    pub kind: QuestionKind,
}

/// A service or allowance a household may qualify for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Benefit {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: LocalizedText,
    /// What it gives.
    #[serde(default)]
    pub summary: LocalizedText,
    /// Who may qualify: a rule over the answers.
    pub rule: Rule,
    /// The reason shown when the rule's own parts give none.
    pub because: LocalizedText,
    /// The procedure to apply with.
    pub procedure_id: String,
    /// True when the conditions are simplified sample data (income limits
    /// and other conditions not asked are left to the counter).
    #[serde(default)]
    pub sample: bool,
}
