//! Rendering in the reader's language: sender text, template, or original
//! with a note; status labels; read-aloud text; Fluent completeness.

mod common;

use machi_alerts::{parse_notice, render, render::fluent_ids, NoticeState, TextSource};
use machi_common::Lang;
use machi_i18n::Localizer;

use common::fixture;

#[test]
fn every_alerts_message_exists_in_all_six_locales() {
    for lang in Lang::ALL {
        let loc = Localizer::for_lang(lang);
        for id in fluent_ids() {
            assert!(loc.has(&id), "{id} missing in {lang}");
        }
    }
}

#[test]
fn sender_text_in_the_readers_language_wins() {
    let n = parse_notice(&fixture("takahagi-evac-l4.cap")).unwrap();
    let r = render(&n, NoticeState::Active, &[], &Localizer::for_lang(Lang::En));
    assert_eq!(r.text_source, TextSource::Sender { lang: Lang::En });
    assert!(r.headline.contains("Kamikimita"), "{}", r.headline);
    assert_eq!(r.title, "Evacuation order (Level 4)");
    assert_eq!(r.level_label.as_deref(), Some("Alert level 4"));
    assert!(r.status_label.is_none());
    assert!(r.note.is_none());
}

#[test]
fn known_kinds_fall_back_to_templates_with_the_original_kept() {
    let n = parse_notice(&fixture("takahagi-evac-l4.cap")).unwrap();
    let r = render(&n, NoticeState::Active, &[], &Localizer::for_lang(Lang::Ko));
    assert_eq!(r.text_source, TextSource::Template);
    assert_eq!(r.title, "피난 지시(레벨 4)");
    assert!(r.body.contains("대피"), "{}", r.body);
    assert!(r.note.is_some());
    // The original follows the reader's content chain (here English, then Japanese).
    assert!(!r.original.as_deref().unwrap_or("").is_empty());

    let shelter = parse_notice(&fixture("takahagi-shelter-opened.cap")).unwrap();
    let r = render(
        &shelter,
        NoticeState::Active,
        &[],
        &Localizer::for_lang(Lang::ZhHant),
    );
    assert_eq!(r.text_source, TextSource::Template);
    assert_eq!(r.title, "避難所已開設");
    assert!(r.original.as_deref().unwrap_or("").contains("避難所を開設"));

    let rain = parse_notice(&fixture("takahagi-r06-heavy-rain.xml")).unwrap();
    let r = render(
        &rain,
        NoticeState::Active,
        &[],
        &Localizer::for_lang(Lang::En),
    );
    assert!(r.title.contains("Heavy rain danger warning"), "{}", r.title);
    assert_eq!(
        r.level_label.as_deref(),
        Some("Equivalent to alert level 4")
    );
}

#[test]
fn unknown_kinds_show_the_original_with_a_note_and_drills_are_labelled() {
    let n = parse_notice(&fixture("takahagi-broadcast-exercise.cap")).unwrap();
    for lang in Lang::ALL {
        let r = render(&n, NoticeState::Active, &[], &Localizer::for_lang(lang));
        assert!(r.status_label.is_some(), "{lang}: drill label");
        let label = machi_i18n::strip_ruby(r.status_label.as_deref().unwrap_or("?")).into_owned();
        assert!(r.read_aloud.starts_with(&label), "{lang}: {}", r.read_aloud);
        if lang == Lang::Ja {
            assert_eq!(r.text_source, TextSource::Sender { lang: Lang::Ja });
        } else {
            assert_eq!(
                r.text_source,
                TextSource::Original {
                    language: "ja".into()
                }
            );
            assert!(r.note.is_some());
            assert!(r.headline.contains("防災訓練"));
        }
    }
}

#[test]
fn easy_japanese_read_aloud_has_no_ruby_markup() {
    let n = parse_notice(&fixture("takahagi-shelter-opened.cap")).unwrap();
    let r = render(
        &n,
        NoticeState::Withdrawn,
        &[],
        &Localizer::for_lang(Lang::JaEasy),
    );
    assert!(
        r.title.contains('|'),
        "display form keeps ruby: {}",
        r.title
    );
    assert!(
        !r.read_aloud.contains('|') && !r.read_aloud.contains('{'),
        "{}",
        r.read_aloud
    );
    assert!(r.state_label.is_some());
}

/// The i18n checker finds no syntax error, missing message or missing
/// variable in the `alerts.ftl` files of any locale.
#[test]
fn alerts_ftl_files_pass_the_i18n_checker() {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../i18n/locales"));
    let sources: Vec<machi_i18n::FtlSource> = Lang::ALL
        .iter()
        .map(|l| machi_i18n::FtlSource {
            locale: l.tag().to_string(),
            file: "alerts.ftl".to_string(),
            text: std::fs::read_to_string(dir.join(l.tag()).join("alerts.ftl")).unwrap(),
        })
        .collect();
    let report = machi_i18n::check_sources(&sources);
    assert!(report.is_ok(), "{report}");
    assert_eq!(report.messages, fluent_ids().len());
}

/// Every locale says whether a notice is verified, and read-aloud says it first.
#[test]
fn verification_is_labelled_and_spoken_in_every_locale() {
    use machi_alerts::{speak_with_trust, trust_labels, Trust, UnverifiedReason, Verification};
    let verified = Trust {
        state: Verification::Verified,
        signer: Some("bousai@city.takahagi.example".into()),
        key_id: Some("0011223344556677".into()),
        reason: None,
    };
    let unverified = Trust {
        state: Verification::Unverified,
        signer: None,
        key_id: None,
        reason: Some(UnverifiedReason::NoSignature),
    };
    for lang in Lang::ALL {
        let loc = Localizer::for_lang(lang);
        let v = trust_labels(&verified, false, Some("高萩市"), &loc);
        let u = trust_labels(&unverified, true, None, &loc);
        assert!(v.label.contains("高萩市"), "{lang:?}: {}", v.label);
        assert_ne!(v.label, u.label, "{lang:?}");
        assert!(v.refused_label.is_none());
        let refused = u.refused_label.clone().expect("refused label");
        let spoken = speak_with_trust("本文", &u);
        let first = machi_i18n::strip_ruby(&u.label).into_owned();
        assert!(spoken.starts_with(&first), "{lang:?}: {spoken}");
        assert!(
            spoken.contains(&*machi_i18n::strip_ruby(&refused)),
            "{lang:?}"
        );
        assert!(
            !spoken.contains('{') && !spoken.contains('|'),
            "{lang:?}: ruby left in {spoken}"
        );
    }
}
