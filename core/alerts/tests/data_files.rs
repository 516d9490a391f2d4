//! Every shared CAP and JMA sample is either ingested with the right kind
//! or rejected with its specific reason; ingesting the set twice changes
//! nothing.

mod common;

use std::path::Path;

use machi_alerts::{
    ingest, list, parse_notice, IngestResult, Intensity, ListFilter, MsgType, NoticeKind,
    Phenomenon, RejectReason, RiverStage, Status, TrustPolicy, TsunamiGrade, WarningGrade,
};
use machi_common::Lang;

use common::{db, shared_dir, utc};

/// What a file must produce.
enum Expect {
    Kind(NoticeKind, MsgType, Status),
    Reject(&'static str),
}

use Expect::{Kind, Reject};

fn expectations() -> Vec<(&'static str, &'static str, Expect)> {
    use MsgType::{Alert, Cancel, Update};
    use Status::{Actual, Exercise};
    vec![
        (
            "cap",
            "australia.cap",
            Kind(NoticeKind::Other, Alert, Actual),
        ),
        (
            "cap",
            "canada.cap",
            Kind(NoticeKind::AllClear, Update, Actual),
        ),
        ("cap", "canada_errors.cap", Reject("missing-references")),
        (
            "cap",
            "earthquake-iso8859-1.cap",
            Kind(NoticeKind::EarthquakeInfo, Alert, Actual),
        ),
        ("cap", "invalid.cap", Reject("missing-element")),
        (
            "cap",
            "ipaws-5e6dd9de023f1930ef6548d9.xml",
            Kind(NoticeKind::Other, Cancel, Actual),
        ),
        (
            "cap",
            "ipaws-5e7e0fc5023f1930efcf3deb.xml",
            Kind(NoticeKind::Other, Alert, Actual),
        ),
        (
            "cap",
            "no_optional_fields.cap",
            Kind(NoticeKind::Other, Alert, Actual),
        ),
        (
            "cap",
            "nws-5c2cf27b1f56885d61654dc47fa411d5.xml",
            Kind(NoticeKind::Other, Alert, Actual),
        ),
        ("cap", "taiwan.cap", Kind(NoticeKind::Other, Alert, Actual)),
        (
            "cap",
            "v1dot0_appendix_adot1.xml",
            Kind(NoticeKind::Other, Alert, Actual),
        ),
        (
            "cap",
            "v1dot2_appendix_adot1.xml",
            Kind(NoticeKind::Other, Alert, Actual),
        ),
        (
            "cap",
            "v1dot2_appendix_adot2.xml",
            Kind(NoticeKind::Other, Alert, Actual),
        ),
        (
            "cap",
            "v1dot2_appendix_adot3.xml",
            Kind(NoticeKind::EarthquakeInfo, Update, Actual),
        ),
        (
            "cap",
            "v1dot2_appendix_adot4.xml",
            Kind(NoticeKind::Other, Alert, Actual),
        ),
        (
            "cap",
            "wcatwc-warning.cap",
            Kind(
                NoticeKind::Tsunami {
                    grade: TsunamiGrade::Warning,
                },
                Update,
                Actual,
            ),
        ),
        ("cap", "xee.cap", Reject("dtd-forbidden")),
        (
            "jma",
            "20231009064018_06274659_VTSE41.xml",
            Kind(
                NoticeKind::Tsunami {
                    grade: TsunamiGrade::Advisory,
                },
                Alert,
                Actual,
            ),
        ),
        (
            "jma",
            "20231009120003_08446949_VTSE41.xml",
            Kind(NoticeKind::AllClear, Alert, Actual),
        ),
        (
            "jma",
            "20240116184225_02245216_VXSE43.xml",
            Kind(NoticeKind::EarthquakeEarlyWarning, Alert, Actual),
        ),
        (
            "jma",
            "2b441518-4e79-342c-a271-7c25597f3a69.xml",
            Kind(NoticeKind::AllClear, Alert, Actual),
        ),
        (
            "jma",
            "32-35_01_02_100514_VXSE52.xml",
            Kind(NoticeKind::EarthquakeInfo, Alert, Exercise),
        ),
        (
            "jma",
            "32-35_06_06_100915_VXSE53.xml",
            Kind(NoticeKind::EarthquakeInfo, Cancel, Actual),
        ),
        (
            "jma",
            "32-39_11_01_120615_VXSE51.xml",
            Kind(
                NoticeKind::SeismicIntensity {
                    max: Intensity::I6Upper,
                },
                Alert,
                Actual,
            ),
        ),
        (
            "jma",
            "32-39_11_02_120615_VTSE41.xml",
            Kind(
                NoticeKind::Tsunami {
                    grade: TsunamiGrade::MajorWarning,
                },
                Alert,
                Actual,
            ),
        ),
        (
            "jma",
            "70_15_08_130412_02VPWW53.xml",
            Kind(
                NoticeKind::Weather {
                    phenomenon: Phenomenon::HeavyRain,
                    grade: WarningGrade::Emergency,
                    named_level: None,
                },
                Alert,
                Actual,
            ),
        ),
        (
            "jma",
            "70_16_01_100806_kasenkozui1.xml",
            Kind(
                NoticeKind::RiverFlood {
                    stage: RiverStage::Caution,
                },
                Alert,
                Actual,
            ),
        ),
        (
            "jma",
            "70_17_01_130906_VXWW40-modified.xml",
            Kind(NoticeKind::LandslideAlert, Alert, Actual),
        ),
        (
            "jma",
            "70_67_01_150514_VFVO56-1.xml",
            Kind(NoticeKind::Eruption, Alert, Actual),
        ),
        ("jma", "weather-sample.xml", Reject("feed-not-notice")),
    ]
}

fn check_file(dir: &Path, name: &str, expect: &Expect) {
    let bytes = std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    match (parse_notice(&bytes), expect) {
        (Ok(n), Kind(kind, msg_type, status)) => {
            assert_eq!(&n.kind, kind, "{name}: kind");
            assert_eq!(&n.msg_type, msg_type, "{name}: msgType");
            assert_eq!(&n.status, status, "{name}: status");
        }
        (Err(r), Reject(key)) => assert_eq!(r.key(), *key, "{name}: reason {r}"),
        (Ok(n), Reject(key)) => panic!("{name}: expected rejection {key}, got {:?}", n.kind),
        (Err(r), Kind(..)) => panic!("{name}: expected a notice, rejected: {r}"),
    }
}

fn run(sub: &str, only: &str) {
    let Some(dir) = shared_dir(sub) else { return };
    let exp = expectations();
    let (_, _, e) = exp
        .iter()
        .find(|(s, n, _)| *s == sub && *n == only)
        .unwrap_or_else(|| panic!("no expectation for {only}"));
    if !dir.join(only).exists() {
        machi_common::testdata::skip_missing(&format!("{only} not in {}", dir.display()));
        return;
    }
    check_file(&dir, only, e);
}

macro_rules! file_tests {
    ($($test:ident: $sub:literal, $file:literal;)*) => {
        $( #[test] fn $test() { run($sub, $file); } )*
    };
}

file_tests! {
    cap_australia: "cap", "australia.cap";
    cap_canada: "cap", "canada.cap";
    cap_canada_errors: "cap", "canada_errors.cap";
    cap_earthquake_iso8859_1: "cap", "earthquake-iso8859-1.cap";
    cap_invalid: "cap", "invalid.cap";
    cap_ipaws_cancel: "cap", "ipaws-5e6dd9de023f1930ef6548d9.xml";
    cap_ipaws_signed: "cap", "ipaws-5e7e0fc5023f1930efcf3deb.xml";
    cap_no_optional_fields: "cap", "no_optional_fields.cap";
    cap_nws_blizzard: "cap", "nws-5c2cf27b1f56885d61654dc47fa411d5.xml";
    cap_taiwan: "cap", "taiwan.cap";
    cap_v1_0_a1: "cap", "v1dot0_appendix_adot1.xml";
    cap_v1_2_a1: "cap", "v1dot2_appendix_adot1.xml";
    cap_v1_2_a2: "cap", "v1dot2_appendix_adot2.xml";
    cap_v1_2_a3: "cap", "v1dot2_appendix_adot3.xml";
    cap_v1_2_a4: "cap", "v1dot2_appendix_adot4.xml";
    cap_wcatwc: "cap", "wcatwc-warning.cap";
    cap_xee: "cap", "xee.cap";
    jma_vtse41_advisory: "jma", "20231009064018_06274659_VTSE41.xml";
    jma_vtse41_lifted: "jma", "20231009120003_08446949_VTSE41.xml";
    jma_vxse43_eew: "jma", "20240116184225_02245216_VXSE43.xml";
    jma_vpww53_all_clear: "jma", "2b441518-4e79-342c-a271-7c25597f3a69.xml";
    jma_vxse52_drill: "jma", "32-35_01_02_100514_VXSE52.xml";
    jma_vxse53_retraction: "jma", "32-35_06_06_100915_VXSE53.xml";
    jma_vxse51_intensity: "jma", "32-39_11_01_120615_VXSE51.xml";
    jma_vtse41_major: "jma", "32-39_11_02_120615_VTSE41.xml";
    jma_vpww53_emergency: "jma", "70_15_08_130412_02VPWW53.xml";
    jma_river_flood: "jma", "70_16_01_100806_kasenkozui1.xml";
    jma_landslide: "jma", "70_17_01_130906_VXWW40-modified.xml";
    jma_vfvo56_eruption: "jma", "70_67_01_150514_VFVO56-1.xml";
    jma_atom_feed: "jma", "weather-sample.xml";
}

/// No data file is left without an expectation (new files get one).
#[test]
fn every_shared_file_has_an_expectation() {
    let exp = expectations();
    for sub in ["cap", "jma"] {
        let Some(dir) = shared_dir(sub) else { return };
        for entry in std::fs::read_dir(&dir).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            if name == "SOURCE.md" {
                continue;
            }
            assert!(
                exp.iter().any(|(s, n, _)| *s == sub && *n == name),
                "{sub}/{name} has no expectation"
            );
        }
    }
}

#[test]
fn details_of_real_samples() {
    let Some(cap) = shared_dir("cap") else { return };
    let Some(jma) = shared_dir("jma") else { return };
    let read = |d: &Path, n: &str| parse_notice(&std::fs::read(d.join(n)).unwrap()).unwrap();
    // ISO-8859-1 text decoded, not mangled.
    let eq = read(&cap, "earthquake-iso8859-1.cap");
    let en = eq.headline.get(Lang::En).unwrap();
    assert!(en.contains("Usulután"), "{en}");
    // zh-tw with a BOM maps to Traditional Chinese.
    let tw = read(&cap, "taiwan.cap");
    assert_eq!(tw.headline.get(Lang::ZhHant), Some("明德水庫:洩洪中"));
    // es-US kept as foreign text beside English.
    let amber = read(&cap, "v1dot2_appendix_adot4.xml");
    assert!(amber.headline.get(Lang::En).is_some());
    assert_eq!(amber.foreign_texts[0].language, "es-US");
    // Resources kept (never fetched).
    let wc = read(&cap, "wcatwc-warning.cap");
    assert_eq!(wc.resources.len(), 3);
    assert_eq!(wc.resources[0].description, "Energy Map");
    // References parsed into triples.
    let upd = read(&cap, "v1dot2_appendix_adot3.xml");
    assert_eq!(upd.references[0].identifier, "TRI13970876.1");
    // JMA: per-municipality kinds and 7-digit codes normalised.
    let nara = read(&jma, "70_15_08_130412_02VPWW53.xml");
    assert!(nara.areas.iter().any(|a| a
        .codes
        .iter()
        .any(|c| c.code == "29201" && c.scheme == machi_alerts::CodeScheme::Municipality)));
    assert_eq!(nara.level().map(|l| l.value), Some(5));
    // Intensity per earthquake region: 茨城県北部 (300) had 4.
    let eq51 = read(&jma, "32-39_11_01_120615_VXSE51.xml");
    let ibaraki = eq51.areas.iter().find(|a| a.desc == "茨城県北部").unwrap();
    assert!(ibaraki
        .kinds
        .contains(&NoticeKind::SeismicIntensity { max: Intensity::I4 }));
    // Every rejection names a specific reason.
    let xee = parse_notice(&std::fs::read(cap.join("xee.cap")).unwrap()).unwrap_err();
    assert_eq!(xee, RejectReason::DtdForbidden);
}

/// Ingest every shared file into one database twice: the second pass
/// stores nothing new and changes no state.
#[test]
fn ingesting_the_set_twice_changes_nothing() {
    let Some(cap) = shared_dir("cap") else { return };
    let Some(jma) = shared_dir("jma") else { return };
    let mut conn = db();
    let now = utc(2026, 11, 21, 0, 0);
    let mut files: Vec<_> = [cap, jma]
        .iter()
        .flat_map(|d| std::fs::read_dir(d).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().is_some_and(|n| n != "SOURCE.md"))
        .collect();
    files.sort();
    let snapshot = |conn: &rusqlite::Connection| -> Vec<(i64, Option<i64>, Option<i64>)> {
        let mut st = conn
            .prepare("SELECT id, superseded_by, withdrawn_by FROM alert_notice ORDER BY id")
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let mut first = Vec::new();
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        first.push(
            ingest(
                &mut conn,
                &std::fs::read(f).unwrap(),
                &name,
                &TrustPolicy::empty(),
                now,
            )
            .unwrap(),
        );
    }
    let stored = first.iter().filter(|o| o.id().is_some()).count();
    let rejected = first
        .iter()
        .filter(|o| matches!(o.result, IngestResult::Rejected { .. }))
        .count();
    assert_eq!(rejected, 4, "{first:#?}");
    // The CAP 1.0 and 1.2 spec examples A.1 are the same message
    // (sender, identifier, sent): stored once.
    let dups: Vec<_> = first
        .iter()
        .filter(|o| matches!(o.result, IngestResult::Duplicate { .. }))
        .map(|o| o.source_name.as_str())
        .collect();
    assert_eq!(dups, ["v1dot2_appendix_adot1.xml"]);
    assert_eq!(stored + rejected, files.len());
    let before = snapshot(&conn);
    let everything = ListFilter {
        area: machi_alerts::AreaFilter::everywhere(),
        include_history: true,
    };
    let listed_before = list(&conn, &everything, now).unwrap().len();
    for (f, o1) in files.iter().zip(&first) {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let o2 = ingest(
            &mut conn,
            &std::fs::read(f).unwrap(),
            &name,
            &TrustPolicy::empty(),
            now,
        )
        .unwrap();
        match (&o1.result, &o2.result) {
            (IngestResult::Rejected { reason: a }, IngestResult::Rejected { reason: b }) => {
                assert_eq!(a, b)
            }
            (_, IngestResult::Duplicate { id }) => assert_eq!(Some(*id), o1.id()),
            other => panic!("{name}: second ingest gave {other:?}"),
        }
        assert!(o2.changed.is_empty());
    }
    assert_eq!(snapshot(&conn), before);
    assert_eq!(list(&conn, &everything, now).unwrap().len(), listed_before);
}

/// Real JMA documents through the store and the Takahagi filter.
#[test]
fn real_jma_reports_for_takahagi() {
    let Some(jma) = shared_dir("jma") else { return };
    let read = |n: &str| std::fs::read(jma.join(n)).unwrap();
    let now = utc(2023, 10, 9, 4, 0);
    let mut c = db();
    // The 2023 advisory, then the report lifting it: the later report of
    // the tsunami stream supersedes the earlier one.
    let a = ingest(
        &mut c,
        &read("20231009064018_06274659_VTSE41.xml"),
        "a",
        &TrustPolicy::empty(),
        now,
    )
    .unwrap()
    .id()
    .unwrap();
    let o = ingest(
        &mut c,
        &read("20231009120003_08446949_VTSE41.xml"),
        "b",
        &TrustPolicy::empty(),
        now,
    )
    .unwrap();
    assert!(
        matches!(o.result, IngestResult::Updated { ref superseded, .. } if superseded == &vec![a]),
        "{o:?}"
    );
    // Neither concerns Takahagi's coast (茨城県, 300).
    let town = ListFilter {
        area: common::takahagi_filter(vec![]),
        include_history: true,
    };
    assert!(list(&c, &town, now).unwrap().is_empty());

    // The 2011 sample: Takahagi's coast had a 津波警報 (the principal
    // kind of the report is 大津波警報 elsewhere).
    let at = utc(2011, 3, 11, 6, 0);
    ingest(
        &mut c,
        &read("32-39_11_02_120615_VTSE41.xml"),
        "2011",
        &TrustPolicy::empty(),
        at,
    )
    .unwrap();
    ingest(
        &mut c,
        &read("32-39_11_01_120615_VXSE51.xml"),
        "2011",
        &TrustPolicy::empty(),
        at,
    )
    .unwrap();
    let town = ListFilter {
        area: common::takahagi_filter(vec![]),
        include_history: false,
    };
    let shown = list(&c, &town, at).unwrap();
    assert_eq!(shown.len(), 2, "{shown:#?}");
    let kinds: Vec<_> = shown.iter().flat_map(|l| l.matched.kinds.clone()).collect();
    assert!(kinds.contains(&NoticeKind::Tsunami {
        grade: TsunamiGrade::Warning
    }));
    assert!(kinds.contains(&NoticeKind::SeismicIntensity { max: Intensity::I4 }));
}
