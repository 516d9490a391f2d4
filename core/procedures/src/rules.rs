//! Eligibility rules as data, and their evaluator.
//!
//! A rule is a small tree: `all` / `any` / `not` over leaves that look at
//! one answer each. Packs carry no code; the evaluator only walks the tree,
//! so a pack can at worst make a rule that is never true. Depth is bounded
//! ([`MAX_DEPTH`], checked by [`Rule::check`]) so a hostile pack cannot
//! exhaust the stack.
//!
//! Logic is three-valued (Kleene): a leaf whose answer is missing is
//! [`Truth::Unknown`], so "may qualify: answer these questions" can be told
//! apart from "does not qualify". Answering more questions never turns a
//! definite result around (the property tests check it).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use machi_common::LocalizedText;
use serde::{Deserialize, Serialize};

use crate::model::{Question, QuestionKind};

/// Deepest rule tree accepted.
pub const MAX_DEPTH: usize = 16;

/// One answer to a question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "kebab-case")]
pub enum Answer {
    /// Yes / no.
    YesNo(bool),
    /// A whole number.
    Number(i64),
    /// Several whole numbers (may be empty: "no children").
    Numbers(Vec<i64>),
    /// The id of the chosen option.
    Choice(String),
    /// A date.
    Date(NaiveDate),
}

/// A comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CmpOp {
    /// `<`
    #[serde(rename = "<")]
    Lt,
    /// `<=`
    #[serde(rename = "<=")]
    Le,
    /// `>`
    #[serde(rename = ">")]
    Gt,
    /// `>=`
    #[serde(rename = ">=")]
    Ge,
    /// `==`
    #[serde(rename = "==")]
    Eq,
    /// `!=`
    #[serde(rename = "!=")]
    Ne,
}

impl CmpOp {
    /// Parses `<`, `<=`, `>`, `>=`, `==`, `!=`.
    pub fn parse(s: &str) -> Option<CmpOp> {
        Some(match s {
            "<" => CmpOp::Lt,
            "<=" => CmpOp::Le,
            ">" => CmpOp::Gt,
            ">=" => CmpOp::Ge,
            "==" => CmpOp::Eq,
            "!=" => CmpOp::Ne,
            _ => return None,
        })
    }

    /// `a OP b`.
    pub fn holds(self, a: i64, b: i64) -> bool {
        match self {
            CmpOp::Lt => a < b,
            CmpOp::Le => a <= b,
            CmpOp::Gt => a > b,
            CmpOp::Ge => a >= b,
            CmpOp::Eq => a == b,
            CmpOp::Ne => a != b,
        }
    }
}

/// The shape of a rule node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "kebab-case")]
pub enum Node {
    /// Every part holds (an empty list holds).
    All {
        /// The parts.
        rules: Vec<Rule>,
    },
    /// Some part holds (an empty list does not).
    Any {
        /// The parts.
        rules: Vec<Rule>,
    },
    /// The part does not hold.
    Not {
        /// The part.
        rule: Box<Rule>,
    },
    /// A yes/no question answered yes.
    Yes {
        /// Question id.
        question: String,
    },
    /// A number answer compared with `value`.
    Number {
        /// Question id.
        question: String,
        /// The comparison.
        cmp: CmpOp,
        /// Compared with.
        value: i64,
    },
    /// Some number of a several-numbers answer compared with `value`
    /// ("some child age < 3"); false for an empty list.
    Some {
        /// Question id.
        question: String,
        /// The comparison.
        cmp: CmpOp,
        /// Compared with.
        value: i64,
    },
    /// Some number of a several-numbers answer lies in `min..=max` ("a child
    /// aged 6 to 15"): one number must meet both bounds.
    SomeBetween {
        /// Question id.
        question: String,
        /// Smallest accepted.
        min: i64,
        /// Largest accepted.
        max: i64,
    },
    /// A choice answer is one of `values`.
    Is {
        /// Question id.
        question: String,
        /// Accepted option ids.
        values: Vec<String>,
    },
    /// A date answer lies within the last `days` days (today counts; a
    /// future date does not).
    WithinDays {
        /// Question id.
        question: String,
        /// How many days back.
        days: u32,
    },
}

/// A rule node with the reason it gives when it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    /// What the node tests.
    #[serde(flatten)]
    pub node: Node,
    /// Shown as "because: …" when this node holds and decides the result.
    #[serde(default, skip_serializing_if = "LocalizedText::is_empty")]
    pub because: LocalizedText,
}

/// Three-valued truth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Truth {
    /// Holds.
    True,
    /// Does not hold.
    False,
    /// Depends on a question not answered yet.
    Unknown,
}

impl Truth {
    fn from_bool(b: bool) -> Truth {
        if b {
            Truth::True
        } else {
            Truth::False
        }
    }
}

impl std::ops::Not for Truth {
    type Output = Truth;

    /// Kleene negation: unknown stays unknown.
    fn not(self) -> Truth {
        match self {
            Truth::True => Truth::False,
            Truth::False => Truth::True,
            Truth::Unknown => Truth::Unknown,
        }
    }
}

/// The evaluation of one rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome<'a> {
    /// The result.
    pub truth: Truth,
    /// The reasons of the nodes that made it true (empty unless true).
    pub reasons: Vec<&'a LocalizedText>,
    /// Questions whose missing answers left parts unknown.
    pub missing: BTreeSet<String>,
}

impl Rule {
    /// A node without a reason.
    pub fn new(node: Node) -> Rule {
        Rule {
            node,
            because: LocalizedText::new(),
        }
    }

    /// Evaluates the rule over `answers`, `today` being the date "within N
    /// days" counts back from.
    pub fn eval<'a>(&'a self, answers: &BTreeMap<String, Answer>, today: NaiveDate) -> Outcome<'a> {
        let mut missing = BTreeSet::new();
        let mut reasons = Vec::new();
        let truth = self.walk(answers, today, 0, &mut missing, &mut reasons);
        if truth != Truth::True {
            reasons.clear();
        }
        Outcome {
            truth,
            reasons,
            missing,
        }
    }

    fn walk<'a>(
        &'a self,
        answers: &BTreeMap<String, Answer>,
        today: NaiveDate,
        depth: usize,
        missing: &mut BTreeSet<String>,
        reasons: &mut Vec<&'a LocalizedText>,
    ) -> Truth {
        // Checked packs never get here; an unchecked one is cut off rather
        // than allowed to recurse without bound.
        if depth > MAX_DEPTH {
            return Truth::Unknown;
        }
        let start = reasons.len();
        let leaf = |q: &str, missing: &mut BTreeSet<String>| -> Option<&Answer> {
            let a = answers.get(q);
            if a.is_none() {
                missing.insert(q.to_string());
            }
            a
        };
        let truth = match &self.node {
            Node::All { rules } => {
                let mut t = Truth::True;
                for r in rules {
                    match r.walk(answers, today, depth + 1, missing, reasons) {
                        Truth::False => t = Truth::False,
                        Truth::Unknown if t == Truth::True => t = Truth::Unknown,
                        _ => {}
                    }
                }
                t
            }
            Node::Any { rules } => {
                let mut t = Truth::False;
                for r in rules {
                    let mark = reasons.len();
                    match r.walk(answers, today, depth + 1, missing, reasons) {
                        Truth::True => t = Truth::True,
                        other => {
                            // Only the parts that hold explain an `any`.
                            reasons.truncate(mark);
                            if other == Truth::Unknown && t == Truth::False {
                                t = Truth::Unknown;
                            }
                        }
                    }
                }
                t
            }
            Node::Not { rule } => {
                let t = !rule.walk(answers, today, depth + 1, missing, reasons);
                // The inner node's reasons explain the opposite result.
                reasons.truncate(start);
                t
            }
            Node::Yes { question } => match leaf(question, missing) {
                Some(Answer::YesNo(b)) => Truth::from_bool(*b),
                Some(_) => Truth::Unknown,
                None => Truth::Unknown,
            },
            Node::Number {
                question,
                cmp,
                value,
            } => match leaf(question, missing) {
                Some(Answer::Number(n)) => Truth::from_bool(cmp.holds(*n, *value)),
                _ => Truth::Unknown,
            },
            Node::Some {
                question,
                cmp,
                value,
            } => match leaf(question, missing) {
                Some(Answer::Numbers(ns)) => {
                    Truth::from_bool(ns.iter().any(|n| cmp.holds(*n, *value)))
                }
                _ => Truth::Unknown,
            },
            Node::SomeBetween { question, min, max } => match leaf(question, missing) {
                Some(Answer::Numbers(ns)) => {
                    Truth::from_bool(ns.iter().any(|n| (*min..=*max).contains(n)))
                }
                _ => Truth::Unknown,
            },
            Node::Is { question, values } => match leaf(question, missing) {
                Some(Answer::Choice(c)) => Truth::from_bool(values.iter().any(|v| v == c)),
                _ => Truth::Unknown,
            },
            Node::WithinDays { question, days } => match leaf(question, missing) {
                Some(Answer::Date(d)) => {
                    let ago = (today - *d).num_days();
                    Truth::from_bool((0..=i64::from(*days)).contains(&ago))
                }
                _ => Truth::Unknown,
            },
        };
        if truth == Truth::True {
            if !self.because.is_empty() {
                reasons.push(&self.because);
            }
        } else {
            reasons.truncate(start);
        }
        truth
    }

    /// Checks the rule against the questionnaire: every leaf names an
    /// existing question of the matching kind, choice values are options,
    /// and the tree is at most [`MAX_DEPTH`] deep. Returns the problems.
    pub fn check(&self, questions: &[Question]) -> Vec<String> {
        let mut problems = Vec::new();
        self.check_at(questions, 0, &mut problems);
        problems
    }

    fn check_at(&self, questions: &[Question], depth: usize, out: &mut Vec<String>) {
        if depth > MAX_DEPTH {
            out.push(format!("rule nested deeper than {MAX_DEPTH} levels"));
            return;
        }
        let kind_of = |q: &str, out: &mut Vec<String>| -> Option<&QuestionKind> {
            let found = questions.iter().find(|x| x.id == q).map(|x| &x.kind);
            if found.is_none() {
                out.push(format!("unknown question {q:?}"));
            }
            found
        };
        let wrong = |q: &str, want: &str| format!("question {q:?} is not a {want} question");
        match &self.node {
            Node::All { rules } | Node::Any { rules } => {
                for r in rules {
                    r.check_at(questions, depth + 1, out);
                }
            }
            Node::Not { rule } => rule.check_at(questions, depth + 1, out),
            Node::Yes { question } => {
                if let Some(k) = kind_of(question, out) {
                    if !matches!(k, QuestionKind::YesNo) {
                        out.push(wrong(question, "yes-no"));
                    }
                }
            }
            Node::Number { question, .. } => {
                if let Some(k) = kind_of(question, out) {
                    if !matches!(k, QuestionKind::Number { .. }) {
                        out.push(wrong(question, "number"));
                    }
                }
            }
            Node::Some { question, .. } | Node::SomeBetween { question, .. } => {
                if let Some(k) = kind_of(question, out) {
                    if !matches!(k, QuestionKind::Numbers { .. }) {
                        out.push(wrong(question, "numbers"));
                    }
                }
            }
            Node::Is { question, values } => match kind_of(question, out) {
                Some(QuestionKind::Choice { options }) => {
                    for v in values {
                        if !options.iter().any(|o| &o.id == v) {
                            out.push(format!("question {question:?} has no option {v:?}"));
                        }
                    }
                }
                Some(_) => out.push(wrong(question, "choice")),
                None => {}
            },
            Node::WithinDays { question, .. } => {
                if let Some(k) = kind_of(question, out) {
                    if !matches!(k, QuestionKind::Date) {
                        out.push(wrong(question, "date"));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
#[path = "rules_tests.rs"]
mod tests;
