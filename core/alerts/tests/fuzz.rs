//! Property tests: the parsers never panic, whatever the bytes, and
//! ingesting garbage never fails the store.

mod common;

use machi_alerts::{ingest, parse_notice, TrustPolicy};
use proptest::prelude::*;

use common::{db, fixture, shared_dir, utc};

fn samples() -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = [
        "takahagi-evac-l4.cap",
        "takahagi-evac-l5-update.cap",
        "takahagi-evac-cancel.cap",
        "takahagi-r06-heavy-rain.xml",
    ]
    .iter()
    .map(|f| fixture(f))
    .collect();
    for sub in ["cap", "jma"] {
        if let Some(dir) = shared_dir(sub) {
            for e in std::fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                if p.extension().is_some_and(|x| x != "md") {
                    out.push(std::fs::read(p).unwrap());
                }
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = parse_notice(&bytes);
    }

    #[test]
    fn arbitrary_xmlish_text_never_panics(s in "(<[a-zA-Z:]{1,8}( [a-z]{1,4}=\"[^\"<]{0,8}\")?>|</[a-zA-Z:]{1,8}>|[^<]{0,12}){0,40}") {
        let _ = parse_notice(s.as_bytes());
    }

    #[test]
    fn mutated_samples_never_panic(pick in any::<prop::sample::Index>(),
                                   edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..16),
                                   cut in any::<prop::sample::Index>()) {
        let all = samples();
        let mut doc = all[pick.index(all.len())].clone();
        for (at, byte) in edits {
            let i = at.index(doc.len());
            doc[i] = byte;
        }
        let keep = cut.index(doc.len() + 1).max(doc.len() / 2);
        doc.truncate(keep);
        let _ = parse_notice(&doc);
    }
}

#[test]
fn mutated_samples_ingest_without_store_errors() {
    let mut c = db();
    let now = utc(2026, 11, 21, 0, 0);
    for (n, doc) in samples().iter().enumerate() {
        for step in [7usize, 13, 101] {
            let mut d = doc.clone();
            let mut i = n % step;
            while i < d.len() {
                d[i] = d[i].wrapping_add(1);
                i += step * 37;
            }
            ingest(&mut c, &d, "mutated", &TrustPolicy::empty(), now)
                .expect("store must not fail on bad input");
        }
    }
}

#[test]
fn deep_nesting_and_huge_inputs_are_rejected_not_crashing() {
    let deep = "<a>".repeat(100_000);
    assert!(parse_notice(deep.as_bytes()).is_err());
    let big = vec![b'a'; machi_alerts::MAX_DOCUMENT_BYTES + 1];
    assert_eq!(parse_notice(&big).unwrap_err().key(), "too-large");
    let laughs = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><alert>&lol2;</alert>"#;
    assert_eq!(
        parse_notice(laughs.as_bytes()).unwrap_err().key(),
        "dtd-forbidden"
    );
}
