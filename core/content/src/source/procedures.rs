//! `procedures.toml`, `life_events.toml` and `benefits.toml`: the procedures
//! catalogue, life events and the eligibility questionnaire (layout in
//! `docs/pack-source.md`).
//!
//! Rules are written as small TOML tables (`all`, `any`, `not` and one-answer
//! leaves) and checked against the questionnaire here, so a pack that
//! installs never carries a rule naming a missing question or option.

use std::collections::{HashMap, HashSet};

use machi_common::{Lang, LocalizedText};
use machi_procedures::rules::{CmpOp, Node, Rule};
use machi_procedures::{
    Benefit, ChoiceOption, Counter, Deadline, Document, LifeEvent, Online, OnlineKind, Procedure,
    ProceduresData, Question, QuestionKind,
};
use serde::Deserialize;
use toml::Spanned;

use super::{line_of, Loader};
use crate::hours::Hours;
use crate::model::{Department, FaqEntry};

const PROCS: &str = "procedures.toml";
const EVENTS: &str = "life_events.toml";
const BENEFITS: &str = "benefits.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProceduresToml {
    #[serde(default)]
    counter: Vec<CounterToml>,
    #[serde(default)]
    document: Vec<DocumentToml>,
    #[serde(default)]
    procedure: Vec<ProcedureToml>,
    #[serde(default)]
    coverage: Option<CoverageToml>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CounterToml {
    id: Spanned<String>,
    department: Option<Spanned<String>>,
    hours: Option<Spanned<String>>,
    #[serde(default)]
    name: LocalizedText,
    #[serde(default)]
    place: LocalizedText,
    #[serde(default)]
    hours_text: LocalizedText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentToml {
    id: Spanned<String>,
    #[serde(default)]
    name: LocalizedText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DeadlineToml {
    after_days: Option<u32>,
    before_days: Option<u32>,
    #[serde(default)]
    count_event_day: bool,
    #[serde(default)]
    skip_closures: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OnlineToml {
    kind: OnlineKind,
    url: String,
    #[serde(default)]
    note: LocalizedText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProcedureToml {
    id: Spanned<String>,
    department: Spanned<String>,
    counter: Spanned<String>,
    deadline: Option<DeadlineToml>,
    #[serde(default)]
    bring: Vec<String>,
    fee_yen: Option<u32>,
    online: Option<OnlineToml>,
    #[serde(default)]
    convenience_store: bool,
    #[serde(default)]
    faq: Vec<String>,
    #[serde(default)]
    sample: bool,
    #[serde(default)]
    name: LocalizedText,
    #[serde(default)]
    summary: LocalizedText,
    #[serde(default)]
    who: LocalizedText,
    #[serde(default)]
    bring_note: LocalizedText,
    #[serde(default)]
    fee_note: LocalizedText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CoverageToml {
    #[serde(default)]
    information_only: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EventsToml {
    #[serde(default)]
    event: Vec<EventToml>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EventToml {
    id: Spanned<String>,
    steps: Vec<String>,
    #[serde(default)]
    name: LocalizedText,
    #[serde(default)]
    description: LocalizedText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BenefitsToml {
    #[serde(default)]
    question: Vec<QuestionToml>,
    #[serde(default)]
    reason: Vec<ReasonToml>,
    #[serde(default)]
    benefit: Vec<BenefitToml>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionToml {
    id: Spanned<String>,
    #[serde(rename = "type")]
    kind: Spanned<String>,
    min: Option<i64>,
    max: Option<i64>,
    #[serde(default)]
    option: Vec<OptionToml>,
    #[serde(default)]
    text: LocalizedText,
    #[serde(default)]
    help: LocalizedText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OptionToml {
    id: String,
    #[serde(default)]
    label: LocalizedText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReasonToml {
    id: Spanned<String>,
    #[serde(default)]
    text: LocalizedText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BenefitToml {
    id: Spanned<String>,
    procedure: Spanned<String>,
    because: String,
    rule: RuleToml,
    #[serde(default)]
    sample: bool,
    #[serde(default)]
    name: LocalizedText,
    #[serde(default)]
    summary: LocalizedText,
}

/// A rule as written: exactly one of the node keys, plus its operands.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleToml {
    all: Option<Vec<RuleToml>>,
    any: Option<Vec<RuleToml>>,
    not: Option<Box<RuleToml>>,
    yes: Option<String>,
    number: Option<String>,
    some: Option<String>,
    is: Option<String>,
    date: Option<String>,
    cmp: Option<String>,
    value: Option<i64>,
    min: Option<i64>,
    max: Option<i64>,
    values: Option<Vec<String>>,
    within_days: Option<u32>,
    because: Option<String>,
}

impl RuleToml {
    /// The rule, or why it is malformed; reasons are looked up in `reasons`.
    fn build(self, reasons: &HashMap<String, LocalizedText>) -> Result<Rule, String> {
        let keys = [
            self.all.is_some(),
            self.any.is_some(),
            self.not.is_some(),
            self.yes.is_some(),
            self.number.is_some(),
            self.some.is_some(),
            self.is.is_some(),
            self.date.is_some(),
        ];
        if keys.iter().filter(|k| **k).count() != 1 {
            return Err(
                "a rule needs exactly one of all, any, not, yes, number, some, is, date".into(),
            );
        }
        let because = match &self.because {
            Some(r) => reasons
                .get(r)
                .cloned()
                .ok_or_else(|| format!("unknown reason {r:?}"))?,
            None => LocalizedText::new(),
        };
        let cmp = |c: &Option<String>, v: Option<i64>| -> Result<(CmpOp, i64), String> {
            let c = c.as_deref().ok_or("needs cmp (<, <=, >, >=, ==, !=)")?;
            let op = CmpOp::parse(c)
                .ok_or_else(|| format!("cmp {c:?} is not <, <=, >, >=, == or !="))?;
            Ok((op, v.ok_or("needs value")?))
        };
        let node = if let Some(rs) = self.all {
            Node::All {
                rules: rs
                    .into_iter()
                    .map(|r| r.build(reasons))
                    .collect::<Result<_, _>>()?,
            }
        } else if let Some(rs) = self.any {
            Node::Any {
                rules: rs
                    .into_iter()
                    .map(|r| r.build(reasons))
                    .collect::<Result<_, _>>()?,
            }
        } else if let Some(r) = self.not {
            Node::Not {
                rule: Box::new(r.build(reasons)?),
            }
        } else if let Some(q) = self.yes {
            Node::Yes { question: q }
        } else if let Some(q) = self.number {
            let (cmp, value) = cmp(&self.cmp, self.value)?;
            Node::Number {
                question: q,
                cmp,
                value,
            }
        } else if let Some(q) = self.some {
            match (self.min, self.max) {
                (Some(min), Some(max)) if self.cmp.is_none() && self.value.is_none() => {
                    Node::SomeBetween {
                        question: q,
                        min,
                        max,
                    }
                }
                (None, None) => {
                    let (cmp, value) = cmp(&self.cmp, self.value)?;
                    Node::Some {
                        question: q,
                        cmp,
                        value,
                    }
                }
                _ => return Err("`some` needs either cmp and value, or min and max".into()),
            }
        } else if let Some(q) = self.is {
            Node::Is {
                question: q,
                values: self.values.ok_or("`is` needs values = [option ids]")?,
            }
        } else if let Some(q) = self.date {
            Node::WithinDays {
                question: q,
                days: self.within_days.ok_or("`date` needs within_days")?,
            }
        } else {
            return Err("empty rule".into());
        };
        Ok(Rule { node, because })
    }
}

impl Loader<'_> {
    fn need_ja(
        &mut self,
        file: &str,
        line: Option<usize>,
        what: &str,
        id: &str,
        t: &LocalizedText,
    ) {
        if t.get(Lang::Ja).is_none() {
            self.issue(
                file,
                line,
                Some(what),
                format!("{id:?} has no Japanese {what}"),
            );
        }
    }

    fn unique(
        &mut self,
        seen: &mut HashSet<String>,
        file: &str,
        line: Option<usize>,
        kind: &str,
        id: &str,
    ) {
        if !seen.insert(id.to_string()) {
            self.issue(
                file,
                line,
                Some("id"),
                format!("{kind} id {id:?} used twice"),
            );
        }
    }

    /// Loads the three files (each optional) and checks every reference.
    pub(super) fn procedures(
        &mut self,
        departments: &[Department],
        faq: &[FaqEntry],
    ) -> ProceduresData {
        let mut data = ProceduresData::default();
        let deps: HashSet<&str> = departments.iter().map(|d| d.id.as_str()).collect();
        let faq_ids: HashSet<&str> = faq.iter().map(|f| f.id.as_str()).collect();
        if let Some((t, text)) = self.toml::<ProceduresToml>(PROCS) {
            self.catalogue(t, &text, &deps, &faq_ids, &mut data);
        }
        if let Some((t, text)) = self.toml::<EventsToml>(EVENTS) {
            let line = |s: &Spanned<String>| Some(line_of(&text, s.span().start));
            let mut seen = HashSet::new();
            for e in t.event {
                let (l, id) = (line(&e.id), e.id.into_inner());
                self.unique(&mut seen, EVENTS, l, "life event", &id);
                self.need_ja(EVENTS, l, "name", &id, &e.name);
                if e.steps.is_empty() {
                    self.issue(
                        EVENTS,
                        l,
                        Some("steps"),
                        format!("life event {id:?} lists no procedure"),
                    );
                }
                for s in &e.steps {
                    if data.procedure(s).is_none() {
                        self.issue(
                            EVENTS,
                            l,
                            Some("steps"),
                            format!("life event {id:?}: unknown procedure {s:?}"),
                        );
                    }
                }
                data.life_events.push(LifeEvent {
                    id,
                    name: e.name,
                    description: e.description,
                    steps: e.steps,
                });
            }
        }
        if let Some((t, text)) = self.toml::<BenefitsToml>(BENEFITS) {
            self.questionnaire(t, &text, &mut data);
        }
        data
    }

    fn catalogue(
        &mut self,
        t: ProceduresToml,
        text: &str,
        deps: &HashSet<&str>,
        faq_ids: &HashSet<&str>,
        data: &mut ProceduresData,
    ) {
        const F: &str = PROCS;
        let line = |s: &Spanned<String>| Some(line_of(text, s.span().start));
        let mut seen = HashSet::new();
        for c in t.counter {
            let (l, id) = (line(&c.id), c.id.get_ref().clone());
            self.unique(&mut seen, F, l, "counter", &id);
            self.need_ja(F, l, "name", &id, &c.name);
            if let Some(d) = &c.department {
                if !deps.contains(d.get_ref().as_str()) {
                    self.issue(
                        F,
                        line(d),
                        Some("department"),
                        format!("unknown department {:?}", d.get_ref()),
                    );
                }
            }
            if let Some(h) = &c.hours {
                if let Err(e) = Hours::parse(h.get_ref()) {
                    self.issue(
                        F,
                        line(h),
                        Some("hours"),
                        format!("not OSM opening hours: {e}"),
                    );
                }
            }
            data.counters.push(Counter {
                id,
                name: c.name,
                place: c.place,
                department_id: c.department.map(Spanned::into_inner),
                hours: c.hours.map(Spanned::into_inner),
                hours_text: c.hours_text,
            });
        }
        let mut seen = HashSet::new();
        for d in t.document {
            let (l, id) = (line(&d.id), d.id.into_inner());
            self.unique(&mut seen, F, l, "document", &id);
            self.need_ja(F, l, "name", &id, &d.name);
            data.documents.push(Document { id, name: d.name });
        }
        let mut seen = HashSet::new();
        for p in t.procedure {
            let (l, id) = (line(&p.id), p.id.get_ref().clone());
            self.unique(&mut seen, F, l, "procedure", &id);
            self.need_ja(F, l, "name", &id, &p.name);
            if !deps.contains(p.department.get_ref().as_str()) {
                self.issue(
                    F,
                    line(&p.department),
                    Some("department"),
                    format!("unknown department {:?}", p.department.get_ref()),
                );
            }
            if data.counter(p.counter.get_ref()).is_none() {
                self.issue(
                    F,
                    line(&p.counter),
                    Some("counter"),
                    format!("unknown counter {:?}", p.counter.get_ref()),
                );
            }
            for b in &p.bring {
                if data.document(b).is_none() {
                    self.issue(
                        F,
                        l,
                        Some("bring"),
                        format!("procedure {id:?}: unknown document {b:?}"),
                    );
                }
            }
            for f in &p.faq {
                if !faq_ids.contains(f.as_str()) {
                    self.issue(
                        F,
                        l,
                        Some("faq"),
                        format!("procedure {id:?}: unknown FAQ entry {f:?}"),
                    );
                }
            }
            if let Some(o) = &p.online {
                if !o.url.starts_with("https://") {
                    self.issue(
                        F,
                        l,
                        Some("online.url"),
                        format!("procedure {id:?}: online url must be https"),
                    );
                }
            }
            let deadline = match p.deadline {
                None => Deadline::None,
                Some(DeadlineToml {
                    after_days: Some(days),
                    before_days: None,
                    count_event_day,
                    skip_closures,
                }) => Deadline::After {
                    days,
                    count_event_day,
                    skip_closures,
                },
                Some(DeadlineToml {
                    after_days: None,
                    before_days: Some(days),
                    count_event_day: false,
                    skip_closures,
                }) => Deadline::Before {
                    days,
                    skip_closures,
                },
                Some(_) => {
                    self.issue(F, l, Some("deadline"), format!(
                        "procedure {id:?}: a deadline needs after_days or before_days (count_event_day only with after_days)"
                    ));
                    Deadline::None
                }
            };
            data.procedures.push(Procedure {
                id,
                name: p.name,
                summary: p.summary,
                department_id: p.department.into_inner(),
                who: p.who,
                deadline,
                bring: p.bring,
                bring_note: p.bring_note,
                fee_yen: p.fee_yen,
                fee_note: p.fee_note,
                counter_id: p.counter.into_inner(),
                online: p.online.map(|o| Online {
                    kind: o.kind,
                    url: o.url,
                    note: o.note,
                }),
                convenience_store: p.convenience_store,
                faq_ids: p.faq,
                sample: p.sample,
            });
        }
        if let Some(c) = t.coverage {
            for f in &c.information_only {
                if !faq_ids.contains(f.as_str()) {
                    self.issue(
                        F,
                        None,
                        Some("coverage.information_only"),
                        format!("unknown FAQ entry {f:?}"),
                    );
                }
            }
            data.information_only_faq = c.information_only;
        }
    }

    fn questionnaire(&mut self, t: BenefitsToml, text: &str, data: &mut ProceduresData) {
        const F: &str = BENEFITS;
        let line = |s: &Spanned<String>| Some(line_of(text, s.span().start));
        let mut seen = HashSet::new();
        for q in t.question {
            let (l, id) = (line(&q.id), q.id.get_ref().clone());
            self.unique(&mut seen, F, l, "question", &id);
            self.need_ja(F, l, "text", &id, &q.text);
            let range = |min: Option<i64>, max: Option<i64>| {
                (min.unwrap_or(0), max.unwrap_or(i64::from(u16::MAX)))
            };
            let kind = match q.kind.get_ref().as_str() {
                "yes-no" => QuestionKind::YesNo,
                "number" | "numbers" => {
                    let (min, max) = range(q.min, q.max);
                    if min > max {
                        self.issue(
                            F,
                            l,
                            Some("min/max"),
                            format!("question {id:?}: min is above max"),
                        );
                    }
                    if q.kind.get_ref() == "number" {
                        QuestionKind::Number { min, max }
                    } else {
                        QuestionKind::Numbers { min, max }
                    }
                }
                "choice" => {
                    let mut ids = HashSet::new();
                    if q.option.is_empty() {
                        self.issue(
                            F,
                            l,
                            Some("option"),
                            format!("question {id:?}: a choice needs options"),
                        );
                    }
                    for o in &q.option {
                        if !ids.insert(o.id.clone()) {
                            self.issue(
                                F,
                                l,
                                Some("option"),
                                format!("question {id:?}: option {:?} twice", o.id),
                            );
                        }
                        self.need_ja(F, l, "label", &o.id, &o.label);
                    }
                    QuestionKind::Choice {
                        options: q
                            .option
                            .into_iter()
                            .map(|o| ChoiceOption {
                                id: o.id,
                                label: o.label,
                            })
                            .collect(),
                    }
                }
                "date" => QuestionKind::Date,
                other => {
                    self.issue(
                        F,
                        line(&q.kind),
                        Some("type"),
                        format!(
                        "question type {other:?} is not yes-no, number, numbers, choice or date"
                    ),
                    );
                    continue;
                }
            };
            data.questions.push(Question {
                id,
                text: q.text,
                help: q.help,
                kind,
            });
        }
        let mut reasons = HashMap::new();
        for r in t.reason {
            let (l, id) = (line(&r.id), r.id.into_inner());
            self.need_ja(F, l, "text", &id, &r.text);
            if reasons.insert(id.clone(), r.text).is_some() {
                self.issue(F, l, Some("id"), format!("reason id {id:?} used twice"));
            }
        }
        let mut seen = HashSet::new();
        for b in t.benefit {
            let (l, id) = (line(&b.id), b.id.get_ref().clone());
            self.unique(&mut seen, F, l, "benefit", &id);
            self.need_ja(F, l, "name", &id, &b.name);
            if data.procedure(b.procedure.get_ref()).is_none() {
                self.issue(
                    F,
                    line(&b.procedure),
                    Some("procedure"),
                    format!("unknown procedure {:?}", b.procedure.get_ref()),
                );
            }
            let Some(because) = reasons.get(&b.because).cloned() else {
                self.issue(
                    F,
                    l,
                    Some("because"),
                    format!("benefit {id:?}: unknown reason {:?}", b.because),
                );
                continue;
            };
            let rule = match b.rule.build(&reasons) {
                Ok(r) => r,
                Err(e) => {
                    self.issue(F, l, Some("rule"), format!("benefit {id:?}: {e}"));
                    continue;
                }
            };
            for p in rule.check(&data.questions) {
                self.issue(F, l, Some("rule"), format!("benefit {id:?}: {p}"));
            }
            data.benefits.push(Benefit {
                id,
                name: b.name,
                summary: b.summary,
                rule,
                because,
                procedure_id: b.procedure.into_inner(),
                sample: b.sample,
            });
        }
    }
}

#[cfg(test)]
#[path = "procedures_tests.rs"]
mod tests;
