//! The garbage sorting dictionary through the facade: the sample town's
//! dictionary found by every name, next collection days, suggestions, the
//! chatbot's routing, typed errors, and a real 5374 data set (Ibaraki town,
//! old and new `target.csv` header) from `../shared/data`.

use chrono::NaiveDate;
use machi_app::common::Lang;
use machi_app::content_core::opendata::import_5374;
use machi_app::{Error, FaqReplyKind, GarbageMatchKind, Machi, OpenOptions, GARBAGE_ANSWER_PREFIX};
use machi_i18n::Localizer;

fn town() -> Machi {
    Machi::open(OpenOptions::default()).unwrap()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const EN: [Lang; 2] = [Lang::En, Lang::Ja];

#[test]
fn the_sample_town_has_a_translated_dictionary_of_200_items() {
    let data = machi_app::sample_town().unwrap();
    let items = &data.garbage.items;
    assert!(items.len() >= 200, "{} items", items.len());
    for i in items {
        for lang in Lang::ALL {
            assert!(
                i.name.get(lang).is_some(),
                "{:?} has no {lang:?} name",
                i.name.get(Lang::Ja)
            );
        }
        assert!(
            data.garbage
                .categories
                .iter()
                .any(|c| c.id == i.category_id),
            "{:?}",
            i.category_id
        );
    }
}

#[test]
fn an_umbrella_is_found_by_every_name_with_its_next_collection_day() {
    let m = town();
    for q in [
        "傘",
        "かさ",
        "カサ",
        "kasa",
        "umbrella",
        "Umbrellas",
        "雨伞",
        "雨傘",
        "우산",
        "umbrela",
    ] {
        let v = m
            .garbage_sort(q, Some("高萩地区"), d(2026, 12, 3), 3, &EN)
            .unwrap();
        let first = v.matches.first().unwrap_or_else(|| panic!("{q}: nothing"));
        assert_eq!(first.item_ja, "傘", "{q}");
        assert_eq!(first.category_id, "燃やせないごみ", "{q}");
        assert_eq!(first.category.text, "Non-burnable waste");
        assert!(!first.item.is_fallback);
        // 高萩地区 collects non-burnable waste on the 2nd Wednesday: 2026-12-09.
        assert_eq!(first.next_collection, Some(d(2026, 12, 9)), "{q}");
        assert_eq!(first.rule.as_deref(), Some("水2"));
    }
    let typo = m
        .garbage_sort("umbrela", None, d(2026, 12, 3), 3, &EN)
        .unwrap();
    assert_eq!(typo.matches[0].match_kind, GarbageMatchKind::Typo);
    assert_eq!(typo.matches[0].next_collection, None, "no area asked");
    // The area is found by any of its names; 松岡地区: 4th Wednesday.
    let v = m
        .garbage_sort("傘", Some("Matsuoka district"), d(2026, 12, 3), 1, &EN)
        .unwrap();
    assert_eq!(v.area.unwrap().id, "松岡地区");
    assert_eq!(v.matches[0].next_collection, Some(d(2026, 12, 23)));
}

#[test]
fn year_end_closures_and_unscheduled_categories_are_answered() {
    let m = town();
    // The centre is shut 12/30–1/3: burnable waste (Mon, Thu) next goes on 1/4.
    let v = m
        .garbage_sort("生ごみ", Some("高萩地区"), d(2026, 12, 30), 1, &EN)
        .unwrap();
    assert_eq!(v.matches[0].next_collection, Some(d(2027, 1, 4)));
    // Not collected by the city: no day, and the category says where to go.
    let v = m
        .garbage_sort("冷蔵庫", Some("高萩地区"), d(2026, 12, 3), 1, &EN)
        .unwrap();
    let fridge = &v.matches[0];
    assert_eq!(fridge.category_id, "市で収集しないもの");
    assert_eq!(fridge.next_collection, None);
    assert!(fridge
        .notice
        .as_ref()
        .unwrap()
        .text
        .contains("Recycling Act"));
}

#[test]
fn suggestions_follow_what_is_typed() {
    let m = town();
    let s = m.garbage_suggest("じてん", 5, &EN).unwrap();
    assert_eq!(s[0].item_ja, "自転車");
    assert_eq!(s[0].category.text, "Bulky waste");
    let s = m.garbage_suggest("bic", 5, &EN).unwrap();
    assert_eq!(s[0].item_ja, "自転車");
    assert!(m.garbage_suggest("", 5, &EN).unwrap().is_empty());
    assert!(m.garbage_suggest("？！", 5, &EN).unwrap().is_empty());
}

#[test]
fn bad_queries_and_areas_are_typed_errors() {
    let m = town();
    let day = d(2026, 12, 3);
    assert!(matches!(
        m.garbage_sort("  ", None, day, 3, &EN),
        Err(Error::InvalidInput { .. })
    ));
    let long = "傘".repeat(machi_app::MAX_GARBAGE_QUERY_CHARS + 1);
    assert!(matches!(
        m.garbage_sort(&long, None, day, 3, &EN),
        Err(Error::InvalidInput { .. })
    ));
    assert!(matches!(
        m.garbage_sort("傘", Some("どこにもない地区"), day, 3, &EN),
        Err(Error::NotFound { .. })
    ));
    let none = m
        .garbage_sort("quantum flux capacitor", None, day, 3, &EN)
        .unwrap();
    assert!(none.matches.is_empty());
}

#[test]
fn the_chatbot_answers_where_things_go_from_the_dictionary() {
    let m = town();
    let en = Localizer::for_lang(Lang::En);
    let r = m
        .ask("Where can I throw away a broken umbrella?", &en)
        .unwrap();
    assert_eq!(r.kind, FaqReplyKind::Answer);
    let a = &r.answers[0];
    assert_eq!(a.id, format!("{GARBAGE_ANSWER_PREFIX}燃やせないごみ:傘"));
    assert!(a.answer.contains("Non-burnable waste"), "{}", a.answer);
    assert!(
        a.answer.contains("Takahagi district: next collection"),
        "{}",
        a.answer
    );
    // Every locale routes its own way of asking.
    for (lang, q) in [
        (Lang::Ja, "壊れた傘はどこに捨てればいいですか"),
        (Lang::ZhHans, "雨伞怎么扔"),
        (Lang::Ko, "우산은 어떻게 버리나요"),
    ] {
        let r = m.ask(q, &Localizer::for_lang(lang)).unwrap();
        assert!(
            r.answers[0].id.starts_with(GARBAGE_ANSWER_PREFIX),
            "{q}: {r:?}"
        );
    }
    // A procedure question still goes to the FAQ.
    let r = m
        .ask(
            "住民票の写しはどこで取れますか",
            &Localizer::for_lang(Lang::Ja),
        )
        .unwrap();
    assert!(
        r.answers
            .iter()
            .all(|a| !a.id.starts_with(GARBAGE_ANSWER_PREFIX)),
        "{r:?}"
    );
    // A dictionary answer can be rated like an entry; a made-up one cannot.
    m.rate_faq_answer(&a.id, "broken umbrella", true, &en)
        .unwrap();
    assert!(matches!(
        m.rate_faq_answer("garbage:燃やせないごみ:存在しない", "x", true, &en),
        Err(Error::NotFound { .. })
    ));
}

/// Ibaraki town's real 5374 files: the dictionary reads the old `type`
/// header and the newer `label` header alike.
#[test]
fn a_real_5374_town_is_searchable_with_either_target_header() {
    let Some(dir) = machi_common::testdata::shared_data("opendata/5374-ibaraki-town") else {
        return;
    };
    let read = |f: &str| std::fs::read(dir.join(f)).unwrap_or_else(|e| panic!("{f}: {e}"));
    let old = read("target.csv");
    let text = String::from_utf8(old.clone()).unwrap();
    assert!(
        text.starts_with("type,"),
        "the shared file has the old header"
    );
    let new = text.replacen("type,", "label,", 1).into_bytes();
    let mut found = Vec::new();
    for target in [old, new] {
        let garbage = import_5374(
            &read("area_days.csv"),
            &read("center.csv"),
            &read("description.csv"),
            &target,
        )
        .unwrap();
        let mut pack = machi_app::sample_town().unwrap();
        pack.garbage = garbage;
        let m = Machi::open(OpenOptions {
            skip_embedded: true,
            ..Default::default()
        })
        .unwrap();
        m.import_full(&pack).unwrap();
        let area = pack.garbage.areas[0].id.clone();
        let v = m
            .garbage_sort("アルミはく", Some(&area), d(2026, 12, 3), 1, &[Lang::Ja])
            .unwrap();
        let hit = v
            .matches
            .first()
            .expect("アルミはく is in Ibaraki's target.csv");
        assert_eq!(hit.category_id, "燃えるごみ");
        assert!(
            hit.next_collection.is_some(),
            "burnable waste has a weekly day"
        );
        // Katakana and a typo find it too.
        for q in ["アルミハク", "あるみはく", "あるみわく"] {
            let v = m
                .garbage_sort(q, None, d(2026, 12, 3), 1, &[Lang::Ja])
                .unwrap();
            assert_eq!(v.matches[0].item_ja, "アルミはく", "{q}");
        }
        found.push((pack.garbage.items.len(), hit.next_collection));
    }
    assert_eq!(found[0], found[1], "both headers give the same dictionary");
}
