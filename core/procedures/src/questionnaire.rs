//! The eligibility check (受給可能なサービスの判定): answers in, the services
//! a household may qualify for out, each with the reasons and the procedure
//! to apply. Answers stay on the device; nothing here does I/O.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use machi_common::LocalizedText;
use serde::{Deserialize, Serialize};

use crate::error::ProceduresError;
use crate::model::{Benefit, ProceduresData, Question, QuestionKind};
use crate::rules::{Answer, Truth};

/// Answers by question id.
pub type Answers = BTreeMap<String, Answer>;

/// Parses a typed answer (`yes`, `42`, `1,4`, `single-parent`, `2026-04-01`)
/// for `question`, checking ranges and options.
pub fn parse_answer(question: &Question, text: &str) -> Result<Answer, ProceduresError> {
    let bad = |reason: String| ProceduresError::BadAnswer {
        question: question.id.clone(),
        value: text.to_string(),
        reason,
    };
    let t = text.trim();
    let number = |s: &str, min: i64, max: i64| -> Result<i64, ProceduresError> {
        let n: i64 = s
            .trim()
            .parse()
            .map_err(|_| bad(format!("{:?} is not a whole number", s.trim())))?;
        if n < min || n > max {
            return Err(bad(format!("{n} is outside {min}..={max}")));
        }
        Ok(n)
    };
    match &question.kind {
        QuestionKind::YesNo => match t.to_lowercase().as_str() {
            "yes" | "y" | "true" | "1" | "はい" => Ok(Answer::YesNo(true)),
            "no" | "n" | "false" | "0" | "いいえ" => Ok(Answer::YesNo(false)),
            _ => Err(bad("answer yes or no".into())),
        },
        QuestionKind::Number { min, max } => Ok(Answer::Number(number(t, *min, *max)?)),
        QuestionKind::Numbers { min, max } => {
            let parts = t
                .split([',', '、', '，', ' '])
                .filter(|p| !p.trim().is_empty());
            Ok(Answer::Numbers(
                parts
                    .map(|p| number(p, *min, *max))
                    .collect::<Result<_, _>>()?,
            ))
        }
        QuestionKind::Choice { options } => options
            .iter()
            .find(|o| o.id == t)
            .map(|o| Answer::Choice(o.id.clone()))
            .ok_or_else(|| {
                let ids: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
                bad(format!("choose one of {}", ids.join(", ")))
            }),
        QuestionKind::Date => NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .map(Answer::Date)
            .map_err(|_| bad("give a date as YYYY-MM-DD".into())),
    }
}

/// Checks that an answer given in structured form (from a shell) fits its question.
pub fn check_answer(question: &Question, answer: &Answer) -> Result<(), ProceduresError> {
    let bad = |reason: &str| ProceduresError::BadAnswer {
        question: question.id.clone(),
        value: format!("{answer:?}"),
        reason: reason.to_string(),
    };
    let in_range = |n: i64, min: i64, max: i64| n >= min && n <= max;
    match (&question.kind, answer) {
        (QuestionKind::YesNo, Answer::YesNo(_)) | (QuestionKind::Date, Answer::Date(_)) => Ok(()),
        (QuestionKind::Number { min, max }, Answer::Number(n)) => in_range(*n, *min, *max)
            .then_some(())
            .ok_or_else(|| bad("out of range")),
        (QuestionKind::Numbers { min, max }, Answer::Numbers(ns)) => ns
            .iter()
            .all(|n| in_range(*n, *min, *max))
            .then_some(())
            .ok_or_else(|| bad("out of range")),
        (QuestionKind::Choice { options }, Answer::Choice(c)) => options
            .iter()
            .any(|o| &o.id == c)
            .then_some(())
            .ok_or_else(|| bad("not one of the options")),
        _ => Err(bad("wrong kind of answer for this question")),
    }
}

/// How sure a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Eligibility {
    /// The answers meet the rule (conditions not asked, such as income, are
    /// still checked at the counter).
    Likely,
    /// Depends on questions not answered yet.
    Maybe,
}

/// One service the household may qualify for.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding<'a> {
    /// The service.
    pub benefit: &'a Benefit,
    /// Likely or maybe.
    pub eligibility: Eligibility,
    /// Why ("a child under 3"); for `Maybe`, empty.
    pub reasons: Vec<&'a LocalizedText>,
    /// Questions whose answers would decide a `Maybe`, in questionnaire order.
    pub missing: Vec<&'a Question>,
}

/// The services `answers` may qualify for, likely ones first, each group in
/// pack order. Unknown question ids and ill-typed answers are refused.
pub fn eligibility<'a>(
    data: &'a ProceduresData,
    answers: &Answers,
    today: NaiveDate,
) -> Result<Vec<Finding<'a>>, ProceduresError> {
    for (id, a) in answers {
        let q = data
            .question(id)
            .ok_or_else(|| ProceduresError::UnknownQuestion(id.clone()))?;
        check_answer(q, a)?;
    }
    let mut likely = Vec::new();
    let mut maybe = Vec::new();
    for b in &data.benefits {
        let o = b.rule.eval(answers, today);
        match o.truth {
            Truth::True => likely.push(Finding {
                benefit: b,
                eligibility: Eligibility::Likely,
                reasons: if o.reasons.is_empty() {
                    vec![&b.because]
                } else {
                    o.reasons
                },
                missing: Vec::new(),
            }),
            Truth::Unknown => maybe.push(Finding {
                benefit: b,
                eligibility: Eligibility::Maybe,
                reasons: Vec::new(),
                missing: data
                    .questions
                    .iter()
                    .filter(|q| o.missing.contains(&q.id))
                    .collect(),
            }),
            Truth::False => {}
        }
    }
    likely.extend(maybe);
    Ok(likely)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ChoiceOption;
    use crate::rules::{CmpOp, Node, Rule};
    use machi_common::Lang;

    fn en(t: &str) -> LocalizedText {
        LocalizedText::single(Lang::En, t)
    }

    fn data() -> ProceduresData {
        let q = |id: &str, kind| Question {
            id: id.into(),
            text: en(id),
            help: LocalizedText::new(),
            kind,
        };
        ProceduresData {
            questions: vec![
                q("child_ages", QuestionKind::Numbers { min: 0, max: 25 }),
                q(
                    "household",
                    QuestionKind::Choice {
                        options: ["couple", "single-parent"]
                            .iter()
                            .map(|o| ChoiceOption {
                                id: o.to_string(),
                                label: en(o),
                            })
                            .collect(),
                    },
                ),
                q("age", QuestionKind::Number { min: 0, max: 120 }),
            ],
            benefits: vec![
                Benefit {
                    id: "childcare".into(),
                    name: en("Childcare"),
                    summary: LocalizedText::new(),
                    rule: Rule {
                        node: Node::Some {
                            question: "child_ages".into(),
                            cmp: CmpOp::Lt,
                            value: 3,
                        },
                        because: en("a child under 3"),
                    },
                    because: en("fallback"),
                    procedure_id: "p1".into(),
                    sample: false,
                },
                Benefit {
                    id: "elderly".into(),
                    name: en("Elderly"),
                    summary: LocalizedText::new(),
                    rule: Rule::new(Node::Number {
                        question: "age".into(),
                        cmp: CmpOp::Ge,
                        value: 65,
                    }),
                    because: en("aged 65 or over"),
                    procedure_id: "p2".into(),
                    sample: false,
                },
            ],
            ..Default::default()
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    #[test]
    fn likely_first_with_reasons_then_maybe_with_missing_questions() {
        let d = data();
        let mut a = Answers::new();
        a.insert(
            "child_ages".into(),
            parse_answer(d.question("child_ages").unwrap(), "1, 4").unwrap(),
        );
        let f = eligibility(&d, &a, today()).unwrap();
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].benefit.id, "childcare");
        assert_eq!(f[0].eligibility, Eligibility::Likely);
        assert_eq!(f[0].reasons[0].get(Lang::En), Some("a child under 3"));
        assert_eq!(f[1].benefit.id, "elderly");
        assert_eq!(f[1].eligibility, Eligibility::Maybe);
        assert_eq!(f[1].missing[0].id, "age");
        a.insert("age".into(), Answer::Number(70));
        let f = eligibility(&d, &a, today()).unwrap();
        assert_eq!(
            f[1].reasons[0].get(Lang::En),
            Some("aged 65 or over"),
            "fallback reason"
        );
        a.insert("age".into(), Answer::Number(30));
        assert_eq!(eligibility(&d, &a, today()).unwrap().len(), 1);
    }

    #[test]
    fn bad_answers_are_refused_with_the_reason() {
        let d = data();
        let e = parse_answer(d.question("child_ages").unwrap(), "1,x").unwrap_err();
        assert!(e.to_string().contains("not a whole number"), "{e}");
        let e = parse_answer(d.question("age").unwrap(), "130").unwrap_err();
        assert!(e.to_string().contains("outside 0..=120"), "{e}");
        let e = parse_answer(d.question("household").unwrap(), "single").unwrap_err();
        assert!(e.to_string().contains("couple, single-parent"), "{e}");
        let mut a = Answers::new();
        a.insert("pets".into(), Answer::YesNo(true));
        assert_eq!(
            eligibility(&d, &a, today()).unwrap_err(),
            ProceduresError::UnknownQuestion("pets".into())
        );
        let mut a = Answers::new();
        a.insert("age".into(), Answer::Choice("couple".into()));
        assert!(matches!(
            eligibility(&d, &a, today()),
            Err(ProceduresError::BadAnswer { .. })
        ));
        assert_eq!(
            parse_answer(d.question("child_ages").unwrap(), "").unwrap(),
            Answer::Numbers(vec![])
        );
    }
}
