use super::*;
use crate::model::ChoiceOption;
use machi_common::Lang;
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn because(text: &str) -> LocalizedText {
    LocalizedText::single(Lang::En, text)
}

fn some_child_under(n: i64) -> Rule {
    Rule {
        node: Node::Some {
            question: "child_ages".into(),
            cmp: CmpOp::Lt,
            value: n,
        },
        because: because(&format!("a child under {n}")),
    }
}

fn single_parent() -> Rule {
    Rule {
        node: Node::Is {
            question: "household".into(),
            values: vec!["single-parent".into()],
        },
        because: because("a single-parent household"),
    }
}

fn answers(pairs: &[(&str, Answer)]) -> BTreeMap<String, Answer> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

fn texts(o: &Outcome<'_>) -> Vec<String> {
    o.reasons
        .iter()
        .map(|t| t.get(Lang::En).unwrap_or_default().to_string())
        .collect()
}

#[test]
fn some_child_under_three_gives_its_reason() {
    let r = some_child_under(3);
    let today = d(2026, 12, 1);
    let o = r.eval(
        &answers(&[("child_ages", Answer::Numbers(vec![1, 4]))]),
        today,
    );
    assert_eq!(o.truth, Truth::True);
    assert_eq!(texts(&o), ["a child under 3"]);
    let o = r.eval(
        &answers(&[("child_ages", Answer::Numbers(vec![4, 7]))]),
        today,
    );
    assert_eq!(o.truth, Truth::False);
    assert!(o.reasons.is_empty());
    let o = r.eval(&answers(&[("child_ages", Answer::Numbers(vec![]))]), today);
    assert_eq!(o.truth, Truth::False, "no children: no child under 3");
    let o = r.eval(&BTreeMap::new(), today);
    assert_eq!(o.truth, Truth::Unknown);
    assert_eq!(o.missing.iter().collect::<Vec<_>>(), ["child_ages"]);
}

#[test]
fn all_collects_reasons_any_only_the_true_parts() {
    let today = d(2026, 12, 1);
    let all = Rule::new(Node::All {
        rules: vec![some_child_under(18), single_parent()],
    });
    let a = answers(&[
        ("child_ages", Answer::Numbers(vec![5])),
        ("household", Answer::Choice("single-parent".into())),
    ]);
    let o = all.eval(&a, today);
    assert_eq!(o.truth, Truth::True);
    assert_eq!(texts(&o), ["a child under 18", "a single-parent household"]);
    let any = Rule::new(Node::Any {
        rules: vec![some_child_under(3), single_parent()],
    });
    let o = any.eval(&a, today);
    assert_eq!(texts(&o), ["a single-parent household"]);
}

#[test]
fn some_between_needs_one_number_meeting_both_bounds() {
    let r = Rule::new(Node::SomeBetween {
        question: "child_ages".into(),
        min: 6,
        max: 15,
    });
    let at = |ages: Vec<i64>| {
        r.eval(
            &answers(&[("child_ages", Answer::Numbers(ages))]),
            d(2026, 1, 1),
        )
        .truth
    };
    assert_eq!(
        at(vec![3, 16]),
        Truth::False,
        "one under, one over: nobody in range"
    );
    assert_eq!(at(vec![3, 15]), Truth::True);
    assert_eq!(at(vec![6]), Truth::True);
}

#[test]
fn not_drops_the_inner_reason() {
    let r = Rule {
        node: Node::Not {
            rule: Box::new(single_parent()),
        },
        because: because("not a single parent"),
    };
    let o = r.eval(
        &answers(&[("household", Answer::Choice("couple".into()))]),
        d(2026, 1, 1),
    );
    assert_eq!(o.truth, Truth::True);
    assert_eq!(texts(&o), ["not a single parent"]);
}

#[test]
fn within_days_counts_back_from_today_and_rejects_the_future() {
    let r = Rule::new(Node::WithinDays {
        question: "moved_in".into(),
        days: 365,
    });
    let today = d(2026, 12, 1);
    let at = |date| {
        r.eval(&answers(&[("moved_in", Answer::Date(date))]), today)
            .truth
    };
    assert_eq!(at(d(2026, 12, 1)), Truth::True);
    assert_eq!(at(d(2025, 12, 1)), Truth::True, "exactly 365 days ago");
    assert_eq!(at(d(2025, 11, 30)), Truth::False);
    assert_eq!(at(d(2026, 12, 2)), Truth::False, "a future date");
}

#[test]
fn check_names_unknown_questions_wrong_kinds_and_options() {
    let questions = vec![
        Question {
            id: "household".into(),
            text: because("Household?"),
            help: LocalizedText::new(),
            kind: QuestionKind::Choice {
                options: vec![ChoiceOption {
                    id: "couple".into(),
                    label: because("Couple"),
                }],
            },
        },
        Question {
            id: "age".into(),
            text: because("Age?"),
            help: LocalizedText::new(),
            kind: QuestionKind::Number { min: 0, max: 120 },
        },
    ];
    let r = Rule::new(Node::All {
        rules: vec![
            single_parent(),
            some_child_under(3),
            Rule::new(Node::Yes {
                question: "age".into(),
            }),
        ],
    });
    let p = r.check(&questions);
    assert_eq!(p.len(), 3, "{p:?}");
    assert!(p[0].contains("no option \"single-parent\""));
    assert!(p[1].contains("unknown question \"child_ages\""));
    assert!(p[2].contains("not a yes-no question"));
}

#[test]
fn depth_is_bounded() {
    let mut r = Rule::new(Node::Yes {
        question: "q".into(),
    });
    for _ in 0..(MAX_DEPTH + 2) {
        r = Rule::new(Node::Not { rule: Box::new(r) });
    }
    let q = Question {
        id: "q".into(),
        text: because("?"),
        help: LocalizedText::new(),
        kind: QuestionKind::YesNo,
    };
    assert!(r.check(&[q])[0].contains("deeper"));
    let o = r.eval(&answers(&[("q", Answer::YesNo(true))]), d(2026, 1, 1));
    assert_eq!(o.truth, Truth::Unknown, "cut off, not evaluated");
}

#[test]
fn rules_round_trip_through_json() {
    let r = Rule::new(Node::Any {
        rules: vec![some_child_under(3), single_parent()],
    });
    let j = serde_json::to_string(&r).unwrap();
    assert!(j.contains("\"op\":\"any\""), "{j}");
    assert_eq!(serde_json::from_str::<Rule>(&j).unwrap(), r);
}

// ---- property tests over random rules and answers ----

const QUESTIONS: [&str; 4] = ["flag", "age", "kids", "home"];

fn leaf() -> impl Strategy<Value = Rule> {
    let cmp = prop_oneof![
        Just(CmpOp::Lt),
        Just(CmpOp::Le),
        Just(CmpOp::Gt),
        Just(CmpOp::Ge),
        Just(CmpOp::Eq),
        Just(CmpOp::Ne)
    ];
    prop_oneof![
        Just(Node::Yes {
            question: "flag".into()
        }),
        (cmp.clone(), 0i64..100).prop_map(|(cmp, value)| Node::Number {
            question: "age".into(),
            cmp,
            value
        }),
        (cmp, 0i64..20).prop_map(|(cmp, value)| Node::Some {
            question: "kids".into(),
            cmp,
            value
        }),
        (0i64..20, 0i64..20).prop_map(|(min, max)| Node::SomeBetween {
            question: "kids".into(),
            min,
            max
        }),
        proptest::sample::subsequence(vec!["a", "b", "c"], 0..3).prop_map(|vs| Node::Is {
            question: "home".into(),
            values: vs.into_iter().map(String::from).collect()
        }),
    ]
    .prop_map(|node| Rule {
        node,
        because: because("leaf"),
    })
}

fn rule() -> impl Strategy<Value = Rule> {
    leaf().prop_recursive(4, 32, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4)
                .prop_map(|rules| Rule::new(Node::All { rules })),
            proptest::collection::vec(inner.clone(), 0..4)
                .prop_map(|rules| Rule::new(Node::Any { rules })),
            inner.prop_map(|r| Rule::new(Node::Not { rule: Box::new(r) })),
        ]
    })
}

fn full_answers() -> impl Strategy<Value = BTreeMap<String, Answer>> {
    (
        any::<bool>(),
        0i64..100,
        proptest::collection::vec(0i64..20, 0..4),
        prop_oneof![Just("a"), Just("b"), Just("c")],
    )
        .prop_map(|(f, age, kids, home)| {
            answers(&[
                ("flag", Answer::YesNo(f)),
                ("age", Answer::Number(age)),
                ("kids", Answer::Numbers(kids)),
                ("home", Answer::Choice(home.into())),
            ])
        })
}

proptest! {
    #[test]
    fn complete_answers_decide_every_rule(r in rule(), a in full_answers()) {
        let o = r.eval(&a, d(2026, 6, 1));
        prop_assert_ne!(o.truth, Truth::Unknown);
        prop_assert!(o.missing.is_empty());
    }

    #[test]
    fn double_negation_is_identity(r in rule(), a in full_answers(), keep in proptest::sample::subsequence(QUESTIONS.to_vec(), 0..=4)) {
        let partial: BTreeMap<_, _> = a.into_iter().filter(|(k, _)| keep.contains(&k.as_str())).collect();
        let nn = Rule::new(Node::Not { rule: Box::new(Rule::new(Node::Not { rule: Box::new(r.clone()) })) });
        prop_assert_eq!(nn.eval(&partial, d(2026, 6, 1)).truth, r.eval(&partial, d(2026, 6, 1)).truth);
    }

    #[test]
    fn de_morgan_holds(x in rule(), y in rule(), a in full_answers(), keep in proptest::sample::subsequence(QUESTIONS.to_vec(), 0..=4)) {
        let partial: BTreeMap<_, _> = a.into_iter().filter(|(k, _)| keep.contains(&k.as_str())).collect();
        let not = |r: Rule| Rule::new(Node::Not { rule: Box::new(r) });
        let lhs = not(Rule::new(Node::All { rules: vec![x.clone(), y.clone()] }));
        let rhs = Rule::new(Node::Any { rules: vec![not(x), not(y)] });
        prop_assert_eq!(lhs.eval(&partial, d(2026, 6, 1)).truth, rhs.eval(&partial, d(2026, 6, 1)).truth);
    }

    /// Answering more questions never turns a definite result around, and a
    /// rule that is still unknown names a missing question.
    #[test]
    fn more_answers_never_flip_a_definite_result(r in rule(), a in full_answers(), keep in proptest::sample::subsequence(QUESTIONS.to_vec(), 0..=4)) {
        let partial: BTreeMap<_, _> = a.clone().into_iter().filter(|(k, _)| keep.contains(&k.as_str())).collect();
        let p = r.eval(&partial, d(2026, 6, 1));
        let f = r.eval(&a, d(2026, 6, 1));
        if p.truth != Truth::Unknown {
            prop_assert_eq!(p.truth, f.truth);
        } else {
            prop_assert!(!p.missing.is_empty());
        }
    }

    /// Reasons appear exactly when the rule holds, and only reasons the rule carries.
    #[test]
    fn reasons_only_when_true(r in rule(), a in full_answers()) {
        let o = r.eval(&a, d(2026, 6, 1));
        if o.truth != Truth::True {
            prop_assert!(o.reasons.is_empty());
        }
        for t in &o.reasons {
            prop_assert_eq!(t.get(Lang::En), Some("leaf"));
        }
    }
}
