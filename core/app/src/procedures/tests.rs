use super::*;
use crate::OpenOptions;
use machi_common::Lang;

fn town() -> Machi {
    Machi::open(OpenOptions::default()).unwrap()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn birth_checklist_has_due_dates_off_closed_days_and_keeps_ticks() {
    let m = town();
    let en = Localizer::for_lang(Lang::En);
    // Born Sun 2026-11-29: day 14 is Sat 12 Dec, so the birth registration moves to Mon 14 Dec.
    let c = m
        .checklist("birth", d(2026, 11, 29), d(2026, 11, 30), &en)
        .unwrap();
    let first = &c.items[0];
    assert_eq!(first.procedure.id, "birth-registration");
    assert_eq!(first.due, Some(d(2026, 12, 14)));
    assert_eq!(first.moved_from, Some(d(2026, 12, 12)));
    assert!(first.due_text.contains("moved from"), "{}", first.due_text);
    assert!(first.procedure.deadline.text.contains("counting the day"));
    let dues: Vec<_> = c.items.iter().filter_map(|i| i.due).collect();
    assert!(dues.windows(2).all(|w| w[0] <= w[1]), "earliest first");
    assert!(c.items.last().unwrap().due.is_none(), "no deadline last");
    assert_eq!(c.done, 0);

    assert!(m
        .set_checklist_step("birth", d(2026, 11, 29), "birth-registration", true)
        .unwrap());
    let later = m
        .checklist("birth", d(2026, 11, 29), d(2027, 1, 10), &en)
        .unwrap();
    assert!(later.items[0].done);
    assert!(!later.items[0].overdue, "done is never overdue");
    assert!(
        later.items.iter().any(|i| i.overdue),
        "child allowance is overdue by January"
    );
    assert_eq!(
        later.progress_text,
        format!("1 of {} done", later.items.len())
    );
    assert_eq!(
        m.started_checklists().unwrap(),
        [("birth".to_string(), d(2026, 11, 29))]
    );

    assert!(matches!(
        m.set_checklist_step("birth", d(2026, 11, 29), "dog-registration", true),
        Err(Error::NotFound { .. })
    ));
    assert!(matches!(
        m.checklist("wedding", d(2026, 1, 1), d(2026, 1, 1), &en),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn year_end_closure_moves_a_deadline_into_january() {
    let m = town();
    let ja = Localizer::for_lang(Lang::Ja);
    // Moved in Tue 2026-12-15: 14 days after is Tue 29 Dec, a closure -> Mon 4 Jan 2027.
    let c = m
        .checklist("move-in", d(2026, 12, 15), d(2026, 12, 15), &ja)
        .unwrap();
    let notice = c
        .items
        .iter()
        .find(|i| i.procedure.id == "move-in-notice")
        .unwrap();
    assert_eq!(notice.due, Some(d(2027, 1, 4)));
    assert_eq!(notice.procedure.name.text, "転入届");
}

#[test]
fn benefits_say_why_and_which_procedure() {
    let m = town();
    let en = Localizer::for_lang(Lang::En);
    let answers = m
        .parse_answers(&[
            ("child_ages".into(), "1,4".into()),
            ("household".into(), "single-parent".into()),
        ])
        .unwrap();
    let b = m.benefits(&answers, d(2026, 12, 1), &en).unwrap();
    let support = b
        .iter()
        .find(|b| b.id == "child-support-allowance")
        .unwrap();
    assert_eq!(support.eligibility, "likely");
    let reasons: Vec<&str> = support.reasons.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(reasons, ["a single-parent household", "a child under 18"]);
    let infant = b.iter().find(|b| b.id == "infant-health").unwrap();
    assert_eq!(infant.reasons[0].text, "a child under 3");
    assert_eq!(infant.procedure_id, "child-vaccinations");
    let care = b.iter().find(|b| b.id == "care-services").unwrap();
    assert_eq!(care.eligibility, "maybe");
    assert_eq!(care.missing, ["age"]);
    assert!(matches!(
        m.parse_answers(&[("child_ages".into(), "one".into())]),
        Err(Error::InvalidInput { .. })
    ));
    assert!(matches!(
        m.parse_answers(&[("income".into(), "1".into())]),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn the_sample_town_reaches_full_faq_coverage_and_cards_resolve() {
    let m = town();
    let c = m.faq_coverage().unwrap();
    assert!(c.is_complete(), "{c:?}");
    assert!(c.procedures >= 40);
    let ko = Localizer::for_lang(Lang::Ko);
    let card = m.procedure("juminhyo-copy", &ko).unwrap();
    assert_eq!(card.name.lang, Lang::Ko);
    assert!(card.convenience_store);
    assert_eq!(card.fee_text, "300엔");
    assert!(card.counter.unwrap().phone.is_some());
    let card = m
        .procedure_for_faq("birth-registration", &ko)
        .unwrap()
        .unwrap();
    assert_eq!(card.id, "birth-registration");
    assert!(matches!(
        m.procedure("nope", &ko),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(m.questionnaire(&ko).unwrap().len(), 9);
    assert!(m.life_events(&ko).unwrap().len() >= 12);
}
