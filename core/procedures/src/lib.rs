//! Municipal procedures (手続き) for residents.
//!
//! Three jobs, all pure functions over data a content pack carries:
//! - the **catalogue** ([`model`]): what each procedure is, who must do it,
//!   its deadline rule, what to bring, the fee, the counter and its hours,
//!   the online route and related FAQ entries;
//! - **life events → checklists** ([`checklist`]): given an event (birth,
//!   moving in…) and its date, the event's procedures in order with each due
//!   date computed, optionally moved past the office's closed days;
//! - the **eligibility check** ([`rules`], [`questionnaire`]): a questionnaire
//!   defined as data and rules over its answers, evaluated by a small
//!   three-valued evaluator (no code in packs), giving the services a
//!   household may qualify for with the reasons why.
//!
//! Office hours are not evaluated here: callers pass "is this counter open
//! on that day" as a function, so the one opening-hours helper (with Japan's
//! public holidays) stays in `machi-content`.

pub mod checklist;
pub mod coverage;
pub mod error;
pub mod model;
pub mod questionnaire;
pub mod rules;

pub use checklist::{checklist, due_date, ChecklistItem, DueDate};
pub use coverage::{coverage, Coverage};
pub use error::ProceduresError;
pub use model::*;
pub use questionnaire::{check_answer, eligibility, parse_answer, Answers, Eligibility, Finding};
pub use rules::{Answer, CmpOp, Rule, Truth};
