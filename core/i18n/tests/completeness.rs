//! The completeness check on the real resources and on broken fixtures.

use std::path::{Path, PathBuf};

use machi_i18n::{check_dir, check_embedded, check_sources, FtlSource, Lang, Problem};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The release gate: every message id in every locale, same variables, no
/// syntax errors. Failures list each locale/file/id/variable to fix.
#[test]
fn embedded_resources_are_complete() {
    let report = check_embedded();
    assert!(report.is_ok(), "{report}");
    assert!(report.messages > 50, "{report}");
}

/// The files on disk are the files embedded (a stale build would hide them).
#[test]
fn locales_folder_matches_embedded_resources() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let on_disk = check_dir(&dir).expect("locales folder is readable");
    assert_eq!(on_disk, check_embedded());
}

#[test]
fn complete_fixture_passes() {
    let report = check_dir(&fixture("complete")).unwrap();
    assert!(report.is_ok(), "{report}");
    assert_eq!(report.messages, 2);
}

#[test]
fn missing_message_fails_and_names_locale_file_and_id() {
    let report = check_dir(&fixture("missing-message")).unwrap();
    assert_eq!(
        report.problems,
        vec![Problem::MissingMessage {
            locale: "ko".into(),
            file: "demo.ftl".into(),
            id: "demo-count".into(),
            present_in: vec![
                "en".into(),
                "ja".into(),
                "ja-yasasii".into(),
                "zh-Hans".into(),
                "zh-Hant".into()
            ],
        }]
    );
    let text = report.to_string();
    assert!(
        text.contains("ko/demo.ftl: missing message `demo-count`"),
        "{text}"
    );
}

#[test]
fn missing_variable_fails_and_names_the_variable() {
    let report = check_dir(&fixture("missing-variable")).unwrap();
    assert_eq!(report.problems.len(), 1, "{report}");
    match &report.problems[0] {
        Problem::MissingVariable {
            locale,
            file,
            id,
            variable,
            used_in,
        } => {
            assert_eq!(
                (
                    locale.as_str(),
                    file.as_str(),
                    id.as_str(),
                    variable.as_str()
                ),
                ("zh-Hant", "demo.ftl", "demo-hello", "name")
            );
            assert_eq!(used_in.len(), 5);
        }
        other => panic!("unexpected {other}"),
    }
}

#[test]
fn syntax_error_fails_with_its_line() {
    let report = check_dir(&fixture("syntax-error")).unwrap();
    assert!(
        report.problems.iter().any(|p| matches!(
            p,
            Problem::Syntax { locale, file, line: 1, .. } if locale == "en" && file == "demo.ftl"
        )),
        "{report}"
    );
}

fn all_locales(text: &str) -> Vec<FtlSource> {
    Lang::ALL
        .iter()
        .map(|l| FtlSource {
            locale: l.tag().into(),
            file: "t.ftl".into(),
            text: text.into(),
        })
        .collect()
}

#[test]
fn in_memory_duplicates_references_and_missing_locales() {
    let mut sources = all_locales("a = x { b }\nb = y { -t }\n-t = T\n");
    // ja lacks the term, en defines `a` twice, ko is absent altogether.
    assert_eq!(
        (sources[0].locale.as_str(), sources[2].locale.as_str()),
        ("ja", "en")
    );
    sources[0].text = "a = x { b }\nb = y { -t }\n".into();
    sources[2].text.push_str("a = again\n");
    sources.retain(|s| s.locale != "ko");
    let report = check_sources(&sources);
    let p = &report.problems;
    assert!(
        p.contains(&Problem::MissingLocale {
            locale: "ko".into()
        }),
        "{report}"
    );
    assert!(p.iter().any(
        |x| matches!(x, Problem::BrokenReference { locale, target, .. } if locale == "ja" && target == "-t")
    ), "{report}");
    assert!(
        p.iter().any(
            |x| matches!(x, Problem::Duplicate { locale, id, .. } if locale == "en" && id == "a")
        ),
        "{report}"
    );
    assert!(p.iter().any(
        |x| matches!(x, Problem::MissingMessage { locale, id, .. } if locale == "ko" && id == "a")
    ), "{report}");
}

#[test]
fn ruby_markup_is_not_a_syntax_error_and_attributes_are_checked() {
    let mut sources = all_locales("m = plain\n    .title = T { $x }\n");
    sources[1].text = "m = {漢字|かんじ}\n    .title = {題|だい} { $x }\n".into();
    assert!(check_sources(&sources).is_ok());
    sources[3].text = "m = plain\n".into();
    let report = check_sources(&sources);
    assert_eq!(report.problems.len(), 1, "{report}");
    assert!(report.to_string().contains("missing message `m.title`"));
}
