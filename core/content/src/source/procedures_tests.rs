use super::super::{load, SourceFiles};
use crate::SourceError;
use machi_common::Lang;
use machi_procedures::rules::{Answer, Node};
use machi_procedures::Deadline;

const PACK: &str = r#"
[pack]
municipality_code = "082147"
version = 1
languages = ["ja", "en"]
[pack.name]
ja = "高萩市"
"#;

const FAQ: &str = r#"
[[department]]
id = "shimin"
[department.name]
ja = "市民課"

[[entry]]
id = "birth-registration"
category = "childcare"
department = "shimin"
[entry.question]
ja = "出生届は？"
[entry.answer]
ja = "14日以内です。"
"#;

const PROCS: &str = r#"
[[counter]]
id = "shimin-window"
department = "shimin"
hours = "Mo-Fr 08:30-17:15; PH off"
[counter.name]
ja = "市民課窓口"

[[document]]
id = "boshi-techo"
[document.name]
ja = "母子健康手帳"

[[procedure]]
id = "birth-registration"
department = "shimin"
counter = "shimin-window"
deadline = { after_days = 14, count_event_day = true, skip_closures = true }
bring = ["boshi-techo"]
fee_yen = 0
faq = ["birth-registration"]
online = { kind = "pittari", url = "https://app.oss.myna.go.jp/" }
[procedure.name]
ja = "出生届"
en = "Birth registration"
"#;

const EVENTS: &str = r#"
[[event]]
id = "birth"
steps = ["birth-registration"]
[event.name]
ja = "出生"
"#;

const BENEFITS: &str = r#"
[[question]]
id = "child_ages"
type = "numbers"
min = 0
max = 25
[question.text]
ja = "お子さんの年齢は？"

[[reason]]
id = "child-under-3"
[reason.text]
ja = "3歳未満の子どもがいる"
en = "a child under 3"

[[benefit]]
id = "infant-support"
procedure = "birth-registration"
because = "child-under-3"
rule = { some = "child_ages", cmp = "<", value = 3, because = "child-under-3" }
[benefit.name]
ja = "乳児の支援"
"#;

fn files(edit: impl Fn(&str, &str) -> String) -> SourceFiles {
    let mut f = SourceFiles::new();
    for (name, text) in [
        ("pack.toml", PACK),
        ("faq.toml", FAQ),
        ("procedures.toml", PROCS),
        ("life_events.toml", EVENTS),
        ("benefits.toml", BENEFITS),
    ] {
        f.insert(name, edit(name, text).into_bytes());
    }
    f
}

fn problems(edit: impl Fn(&str, &str) -> String) -> Vec<String> {
    match load(&files(edit)) {
        Err(SourceError::Invalid(issues)) => issues.iter().map(|i| i.to_string()).collect(),
        other => panic!("expected problems, got {other:?}"),
    }
}

#[test]
fn loads_catalogue_events_and_questionnaire() {
    let data = load(&files(|_, t| t.to_string())).unwrap();
    let p = &data.procedures;
    assert_eq!(p.procedures.len(), 1);
    let birth = &p.procedures[0];
    assert_eq!(birth.name.get(Lang::En), Some("Birth registration"));
    assert_eq!(
        birth.deadline,
        Deadline::After {
            days: 14,
            count_event_day: true,
            skip_closures: true
        }
    );
    assert_eq!(p.life_events[0].steps, ["birth-registration"]);
    let rule = &p.benefits[0].rule;
    assert!(matches!(rule.node, Node::Some { .. }));
    assert_eq!(rule.because.get(Lang::En), Some("a child under 3"));
    let mut a = std::collections::BTreeMap::new();
    a.insert("child_ages".to_string(), Answer::Numbers(vec![1]));
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    assert_eq!(
        machi_procedures::eligibility(p, &a, today).unwrap().len(),
        1
    );
}

#[test]
fn every_broken_reference_is_reported_with_its_line() {
    let p = problems(|name, t| match name {
        "procedures.toml" => t
            .replace("bring = [\"boshi-techo\"]", "bring = [\"hanko\"]")
            .replace("faq = [\"birth-registration\"]", "faq = [\"nope\"]")
            .replace("PH off", "PH offf")
            .replace("https://app", "http://app"),
        "life_events.toml" => t.replace("steps = [\"birth-registration\"]", "steps = [\"birth\"]"),
        "benefits.toml" => t
            .replace("cmp = \"<\"", "cmp = \"<<\"")
            .replace("procedure = \"birth-registration\"", "procedure = \"x\""),
        _ => t.to_string(),
    });
    let all = p.join("\n");
    for want in [
        "procedures.toml:5 [hours]: not OSM opening hours",
        "unknown document \"hanko\"",
        "unknown FAQ entry \"nope\"",
        "online url must be https",
        "life_events.toml:3 [steps]: life event \"birth\": unknown procedure \"birth\"",
        "benefits.toml:18 [procedure]: unknown procedure \"x\"",
        "cmp \"<<\" is not",
    ] {
        assert!(all.contains(want), "missing {want:?} in:\n{all}");
    }
}

#[test]
fn rules_and_questions_are_checked() {
    let p = problems(|name, t| match name {
        "benefits.toml" => t
            .replace("some = \"child_ages\"", "some = \"ages\"")
            .replace("type = \"numbers\"", "type = \"list\""),
        _ => t.to_string(),
    });
    let all = p.join("\n");
    assert!(all.contains("question type \"list\" is not"), "{all}");
    assert!(all.contains("unknown question \"ages\""), "{all}");
    let p = problems(|name, t| match name {
        "benefits.toml" => t.replace("rule = { some", "rule = { yes = \"child_ages\", some"),
        "procedures.toml" => t.replace("deadline = {", "colour = \"red\"\ndeadline = {"),
        _ => t.to_string(),
    });
    let all = p.join("\n");
    assert!(all.contains("exactly one of all, any"), "{all}");
    assert!(
        all.contains("procedures.toml:") && all.contains("colour"),
        "unknown keys refused: {all}"
    );
}
