//! End-to-end behaviour of `Localizer` on the embedded resources.

use chrono::{NaiveDate, NaiveTime};
use machi_i18n::{parse_ruby, strip_ruby, Args, I18nError, Lang, Localizer, RubySegment};

fn assert_send_sync_clone<T: Send + Sync + Clone + 'static>() {}

#[test]
fn localizer_is_send_sync_clone() {
    assert_send_sync_clone::<Localizer>();
    let loc = Localizer::for_lang(Lang::Ko);
    let handle = std::thread::spawn(move || loc.msg("common-ok", &Args::new()));
    assert_eq!(handle.join().unwrap(), "확인");
}

#[test]
fn zh_tw_prints_traditional_chinese() {
    let loc = Localizer::negotiate(&["zh-TW", "en-US"]);
    assert_eq!(loc.lang(), Lang::ZhHant);
    assert_eq!(loc.chain(), &[Lang::ZhHant, Lang::En, Lang::Ja]);
    assert_eq!(loc.msg("common-settings", &Args::new()), "設定");
    assert_eq!(loc.msg("common-search", &Args::new()), "搜尋");
    assert_eq!(loc.duration(90), "1小時30分鐘");
}

#[test]
fn ja_easy_prints_easy_japanese_with_furigana() {
    let loc = Localizer::with_override(Some("ja-easy"), &["en-US"]).unwrap();
    assert_eq!(loc.lang(), Lang::JaEasy);
    assert_eq!(loc.chain(), &[Lang::JaEasy, Lang::Ja, Lang::En]);
    let shown = loc.msg("error-not-found", &Args::new());
    assert_eq!(shown, "{見|み}つかりませんでした。");
    assert_eq!(
        loc.plain("error-not-found", &Args::new()),
        "見つかりませんでした。"
    );
    assert_eq!(
        parse_ruby(&shown)[0],
        RubySegment {
            base: "見",
            ruby: Some("み")
        }
    );
    assert_eq!(
        loc.segments("common-relative-now", &Args::new()),
        vec![("今".to_string(), Some("いま".to_string()))]
    );
}

#[test]
fn pt_br_falls_back_to_english() {
    let loc = Localizer::with_override(Some("pt-BR"), &["ja-JP"]).unwrap();
    assert_eq!(loc.lang(), Lang::En);
    assert_eq!(loc.msg("common-cancel", &Args::new()), "Cancel");
    let loc = Localizer::negotiate(&["pt-BR"]);
    assert_eq!(
        (loc.lang(), loc.chain()),
        (Lang::En, &[Lang::En, Lang::Ja][..])
    );
}

#[test]
fn invalid_explicit_tag_is_a_typed_error_with_a_ui_message() {
    let err = Localizer::with_override(Some("!!"), &["ja"]).unwrap_err();
    assert!(matches!(err, I18nError::InvalidTag { ref tag, .. } if tag == "!!"));
    let (id, args) = err.ui_message();
    let en = Localizer::for_lang(Lang::En).msg(id, &args);
    assert!(en.starts_with("“!!” is not a language code"), "{en}");
}

#[test]
fn missing_message_returns_its_id_without_panicking() {
    let loc = Localizer::for_lang(Lang::Ja);
    assert_eq!(loc.msg("no-such-message", &Args::new()), "no-such-message");
    assert_eq!(
        loc.plain("no-such-message", &Args::new()),
        "no-such-message"
    );
    assert!(!loc.has("no-such-message"));
    assert!(loc.has("common-ok"));
}

#[test]
fn missing_variable_is_visible_not_fatal() {
    let loc = Localizer::for_lang(Lang::En);
    assert_eq!(
        loc.msg("error-server", &Args::new()),
        "The server could not answer (error {$status}). Please try again later."
    );
}

#[test]
fn no_isolation_marks_anywhere() {
    for lang in Lang::ALL {
        let loc = Localizer::for_lang(lang);
        let args = Args::new().str("reason", "bad hash").str("tag", "xx");
        for id in ["error-invalid-input-detail", "error-unknown-locale"] {
            for s in [loc.msg(id, &args), loc.plain(id, &args)] {
                assert!(!s.contains(['\u{2068}', '\u{2069}']), "{lang} {id}: {s:?}");
                assert!(!s.contains("{$"), "{lang} {id}: {s}");
            }
        }
    }
}

#[test]
fn plain_form_never_contains_ruby_markup() {
    let loc = Localizer::for_lang(Lang::JaEasy);
    for id in ["common-offline-banner", "error-offline", "error-storage"] {
        let shown = loc.msg(id, &Args::new());
        let plain = loc.plain(id, &Args::new());
        assert!(shown.contains('|'), "{shown}");
        assert!(!plain.contains(['{', '|', '}']), "{plain}");
        assert_eq!(plain, strip_ruby(&shown));
    }
}

#[test]
fn plural_rules_come_from_cldr_through_fluent() {
    let en = Localizer::for_lang(Lang::En);
    let r = |n: u32| en.msg("common-results", &Args::new().num("count", n));
    assert_eq!(r(0), "No results");
    assert_eq!(r(1), "1 result");
    assert_eq!(r(2), "2 results");
    assert_eq!(r(1234), "1,234 results");
    assert_eq!(en.relative(1), "in 1 minute");
    assert_eq!(en.relative(-2), "2 minutes ago");
    let ja = Localizer::for_lang(Lang::Ja);
    assert_eq!(
        ja.msg("common-results", &Args::new().num("count", 1)),
        "1件"
    );
}

#[test]
fn formatting_per_locale() {
    let date = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    let t = NaiveTime::from_hms_opt(15, 5, 0).unwrap();
    let cases = [
        (
            Lang::Ja,
            "1時間30分",
            "11月21日(土)",
            "15:05",
            "5分後",
            "1.2km",
        ),
        (
            Lang::En,
            "1 h 30 min",
            "Sat, Nov 21",
            "3:05 PM",
            "in 5 minutes",
            "1.2 km",
        ),
        (
            Lang::ZhHans,
            "1小时30分钟",
            "11月21日周六",
            "15:05",
            "5分钟后",
            "1.2公里",
        ),
        (
            Lang::ZhHant,
            "1小時30分鐘",
            "11月21日 週六",
            "下午3:05",
            "5分鐘後",
            "1.2公里",
        ),
        (
            Lang::Ko,
            "1시간 30분",
            "11월 21일 (토)",
            "오후 3:05",
            "5분 후",
            "1.2km",
        ),
        (
            Lang::JaEasy,
            "1{時間|じかん}30{分|ぷん}",
            "11{月|がつ}21{日|にち}（{土曜日|どようび}）",
            "{午後|ごご}3{時|じ}5{分|ふん}",
            "5{分|ふん}{後|ご}",
            "1.2キロメートル",
        ),
    ];
    for (lang, dur, d, time, rel, dist) in cases {
        let loc = Localizer::for_lang(lang);
        assert_eq!(loc.duration(90), dur, "{lang}");
        assert_eq!(loc.date(date), d, "{lang}");
        assert_eq!(loc.time(t), time, "{lang}");
        assert_eq!(loc.relative(5), rel, "{lang}");
        assert_eq!(loc.distance(1234.0), dist, "{lang}");
    }
    let en = Localizer::for_lang(Lang::En);
    assert_eq!(en.date_with_year(date), "Sat, Nov 21, 2026");
    let ja = Localizer::for_lang(Lang::Ja);
    assert_eq!(ja.date_with_year(date), "2026年11月21日(土)");
    assert_eq!(ja.time(NaiveTime::from_hms_opt(9, 0, 0).unwrap()), "9:00");
}

#[test]
fn easy_japanese_counter_readings() {
    let loc = Localizer::for_lang(Lang::JaEasy);
    assert_eq!(loc.duration(1), "1{分|ぷん}");
    assert_eq!(loc.duration(2), "2{分|ふん}");
    assert_eq!(loc.duration(60), "1{時間|じかん}");
    let first = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
    assert_eq!(
        loc.date(first),
        "4{月|がつ}{1日|ついたち}（{水曜日|すいようび}）"
    );
    assert_eq!(loc.relative(-24 * 60), "{1日|いちにち}{前|まえ}");
    assert_eq!(loc.relative(2 * 24 * 60), "{2日|ふつか}{後|ご}");
    assert_eq!(
        loc.time(NaiveTime::from_hms_opt(8, 0, 0).unwrap()),
        "{午前|ごぜん}8{時|じ}"
    );
}

#[test]
fn every_locale_declares_a_known_clock() {
    for lang in Lang::ALL {
        let clock = Localizer::for_lang(lang).msg("common-time-clock", &Args::new());
        assert!(clock == "12h" || clock == "24h", "{lang}: {clock}");
    }
}

#[test]
fn fallback_chain_for_messages() {
    let loc = Localizer::negotiate(&["ko-KR"]);
    assert_eq!(loc.message_chain(), &[Lang::Ko, Lang::En, Lang::Ja]);
    let easy = Localizer::for_lang(Lang::JaEasy);
    assert_eq!(easy.message_chain(), &[Lang::JaEasy, Lang::Ja, Lang::En]);
    assert_eq!(easy.chain(), &[Lang::JaEasy, Lang::Ja]);
    // Clones share the built bundles and answer identically.
    let copy = loc.clone();
    assert_eq!(
        copy.msg("common-map", &Args::new()),
        loc.msg("common-map", &Args::new())
    );
}

#[test]
fn japanese_twelve_hour_clock_says_zero_for_noon_and_midnight() {
    let easy = Localizer::for_lang(Lang::JaEasy);
    let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
    assert_eq!(easy.time(t(12, 30)), "{午後|ごご}0{時|じ}30{分|ぷん}");
    assert_eq!(easy.time(t(0, 0)), "{午前|ごぜん}0{時|じ}");
    let en = Localizer::for_lang(Lang::En);
    assert_eq!(en.time(t(12, 30)), "12:30 PM");
}
