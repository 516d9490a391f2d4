//! The dense (sentence-encoder) side of retrieval: one vector per question
//! wording of every entry, computed once when the index is built, and the
//! fusion of its cosine ranking with the BM25 ranking.

#[cfg(feature = "encoder")]
use std::sync::Arc;

use serde::{Deserialize, Serialize};

#[cfg(feature = "encoder")]
use crate::encoder::{Encoder, DIM};
#[cfg(feature = "encoder")]
use crate::index::IndexDoc;

/// How the BM25 and encoder rankings are combined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Fusion {
    /// `(1 - w) · bm25 / max_bm25 + w · cosine`, `w` = `dense_weight`.
    #[default]
    Score,
    /// Reciprocal-rank fusion: `(1 - w) / (K + rank_bm25) + w / (K + rank_dense)`
    /// with K = 60 (an entry missing from a list gets no term from it).
    Rrf,
}

/// The RRF constant of the original paper (Cormack et al., 2009).
const RRF_K: f32 = 60.0;

/// Texts embedded per call to the encoder while indexing: the f32 vectors
/// of one chunk (64 · DIM · 4 bytes = 128 KiB) are the only ones alive at a
/// time, since each is quantized as soon as it is made.
#[cfg(feature = "encoder")]
const EMBED_CHUNK: usize = 64;

/// Keeps entry vectors between index builds (the app keeps them in
/// SQLite), so that a restart or a small content change does not embed
/// every entry again: embedding is the one slow part of building the index.
///
/// Keys are the exact texts embedded. A cache must only ever hand back
/// vectors made by the encoder the index is built with (the app keys its
/// table by model file, whose name carries the model's hash).
#[cfg(feature = "encoder")]
pub trait EmbeddingCache: Send + Sync {
    /// The cached vector of each of `texts`, in order (`None` when absent),
    /// as i8 codes and their scale. Codes of the wrong length count as absent.
    fn load(&self, texts: &[String]) -> Vec<Option<(Vec<i8>, f32)>>;
    /// Keeps freshly made vectors: (text, codes, scale). A cache that cannot
    /// write just forgets them; building the index never fails because of it.
    fn save(&self, items: &[(&str, &[i8], f32)]);
}

/// An [`EmbeddingCache`] in memory, for building several indexes over
/// mostly the same texts in one process (cross-validation folds).
#[cfg(feature = "encoder")]
#[derive(Debug, Default)]
pub struct MemoryCache {
    vectors: std::sync::Mutex<std::collections::HashMap<String, (Vec<i8>, f32)>>,
}

#[cfg(feature = "encoder")]
impl EmbeddingCache for MemoryCache {
    fn load(&self, texts: &[String]) -> Vec<Option<(Vec<i8>, f32)>> {
        match self.vectors.lock() {
            Ok(map) => texts.iter().map(|t| map.get(t).cloned()).collect(),
            Err(_) => vec![None; texts.len()],
        }
    }

    fn save(&self, items: &[(&str, &[i8], f32)]) {
        if let Ok(mut map) = self.vectors.lock() {
            for &(t, codes, scale) in items {
                map.insert(t.to_string(), (codes.to_vec(), scale));
            }
        }
    }
}

/// Entry vectors and the encoder that made them.
#[cfg(feature = "encoder")]
#[derive(Debug, Clone)]
pub(crate) struct DenseIndex {
    encoder: Arc<Encoder>,
    /// One vector per embedded text, as i8 codes (a quarter of f32's
    /// memory: 1.8 MB instead of 7.3 MB on LocalgovFAQ).
    vectors: QuantizedVectors,
    /// Entry of every vector.
    owner: Vec<u32>,
    /// One vector per example question (see [`IndexDoc::examples`]).
    example_vectors: QuantizedVectors,
    /// Entry of every example vector.
    example_owner: Vec<u32>,
    /// Weight of every example vector.
    example_weight: Vec<f32>,
    n_docs: usize,
}

/// Per entry, how close the query's sentence vector comes to it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Similarities {
    /// Best cosine with one of the entry's question wordings.
    pub(crate) wording: Vec<f32>,
    /// Best cosine with one of the entry's example questions (0 without).
    pub(crate) example: Vec<f32>,
    /// Best example lift: the example's weight times
    /// `(cosine - floor) / (1 - floor)`, never below 0.
    pub(crate) example_lift: Vec<f32>,
}

/// Without the `encoder` feature there are no entry vectors: a
/// [`crate::Retriever`] never holds a `DenseIndex`, and the fusion code
/// that would use one stays compiled (and shared) but unreachable.
#[cfg(not(feature = "encoder"))]
#[derive(Debug, Clone)]
pub(crate) enum DenseIndex {}

#[cfg(not(feature = "encoder"))]
impl DenseIndex {
    pub(crate) fn similarities(&self, _query: &str, _floor: f32) -> Similarities {
        match *self {}
    }
}

#[cfg(feature = "encoder")]
impl DenseIndex {
    /// Embeds every question wording of `docs`, and, when `answer_chars`
    /// is positive and the entry has a single wording, that wording
    /// followed by the first `answer_chars` characters of the answer (the
    /// entry scores the better of the two: the answer start helps on
    /// terse questions and blurs clear ones). Multi-language entries get
    /// no answer text: their answer holds every language at once. Every
    /// example question gets a vector of its own.
    pub(crate) fn build(
        encoder: Arc<Encoder>,
        docs: &[IndexDoc],
        answer_chars: usize,
        cache: Option<&dyn EmbeddingCache>,
    ) -> Self {
        let with_answer =
            |doc: &IndexDoc| answer_chars > 0 && doc.questions.len() <= 1 && !doc.answer.is_empty();
        let mut texts = Vec::new();
        let mut owner = Vec::new();
        for (d, doc) in docs.iter().enumerate() {
            for w in wordings(doc) {
                texts.push(w.clone());
                owner.push(d as u32);
                if with_answer(doc) {
                    let mut text = w.clone();
                    text.push('\n');
                    text.extend(doc.answer.chars().take(answer_chars));
                    texts.push(text);
                    owner.push(d as u32);
                }
            }
        }
        let vectors = embed_all(&encoder, &texts, cache);
        let (mut texts, mut example_owner, mut example_weight) =
            (Vec::new(), Vec::new(), Vec::new());
        for (d, doc) in docs.iter().enumerate() {
            for ex in doc.examples.iter().filter(|ex| ex.is_usable()) {
                texts.push(ex.text.clone());
                example_owner.push(d as u32);
                example_weight.push(ex.clamped_weight());
            }
        }
        let example_vectors = embed_all(&encoder, &texts, cache);
        DenseIndex {
            encoder,
            vectors,
            owner,
            example_vectors,
            example_owner,
            example_weight,
            n_docs: docs.len(),
        }
    }

    /// Per entry, the best cosine between `query` and its wordings and
    /// its example questions (the f32 query against the i8 entry
    /// vectors); `floor` is the example cosine that lifts nothing.
    pub(crate) fn similarities(&self, query: &str, floor: f32) -> Similarities {
        let q = self.encoder.encode(query);
        let n = self.n_docs;
        let mut wording = vec![f32::NEG_INFINITY; n];
        for (c, &d) in self.vectors.dots(&q).zip(&self.owner) {
            if let Some(b) = wording.get_mut(d as usize) {
                *b = b.max(c);
            }
        }
        // One pass over the example vectors gives both the best cosine and
        // the best weighted lift.
        let mut example = vec![f32::NEG_INFINITY; n];
        let mut example_lift = vec![0f32; n];
        let span = (1.0 - floor).max(1e-3);
        for ((c, &d), &w) in self
            .example_vectors
            .dots(&q)
            .zip(&self.example_owner)
            .zip(&self.example_weight)
        {
            let d = d as usize;
            if let (Some(b), Some(l)) = (example.get_mut(d), example_lift.get_mut(d)) {
                *b = b.max(c);
                *l = l.max(w * ((c - floor) / span).max(0.0));
            }
        }
        // An entry without vectors of a kind scores 0 on it.
        for v in wording.iter_mut().chain(&mut example) {
            if !v.is_finite() {
                *v = 0.0;
            }
        }
        Similarities {
            wording,
            example,
            example_lift,
        }
    }
}

/// Embeds `texts` in order, [`EMBED_CHUNK`] at a time, taking vectors from
/// `cache` where it has them and keeping the fresh ones there.
#[cfg(feature = "encoder")]
fn embed_all(
    encoder: &Encoder,
    texts: &[String],
    cache: Option<&dyn EmbeddingCache>,
) -> QuantizedVectors {
    let mut vectors = QuantizedVectors::with_capacity(texts.len());
    let mut scratch: Vec<f32> = Vec::with_capacity(EMBED_CHUNK * DIM);
    for chunk in texts.chunks(EMBED_CHUNK) {
        let cached = match cache {
            Some(c) => c.load(chunk),
            None => Vec::new(),
        };
        let hit = |i: usize| {
            cached
                .get(i)
                .and_then(Option::as_ref)
                .filter(|(codes, _)| codes.len() == DIM)
        };
        let missing: Vec<&str> = (0..chunk.len())
            .filter(|&i| hit(i).is_none())
            .map(|i| chunk[i].as_str())
            .collect();
        scratch.clear();
        if !missing.is_empty() {
            encoder.encode_batch_into(&missing, &mut scratch);
        }
        let mut made = scratch.chunks_exact(DIM);
        let mut fresh = Vec::with_capacity(missing.len());
        for i in 0..chunk.len() {
            match hit(i) {
                Some((codes, scale)) => vectors.push_codes(codes, *scale),
                None => {
                    // The encoder makes one vector per text; a short
                    // batch would leave a zero vector rather than shift
                    // every later one onto the wrong entry.
                    match made.next() {
                        Some(v) => {
                            vectors.push(v);
                            fresh.push((i, vectors.len() - 1));
                        }
                        None => vectors.push(&[]),
                    }
                }
            }
        }
        if let Some(c) = cache.filter(|_| !fresh.is_empty()) {
            let items: Vec<(&str, &[i8], f32)> = fresh
                .iter()
                .filter_map(|&(i, row)| {
                    let (codes, scale) = vectors.row(row)?;
                    Some((chunk[i].as_str(), codes, scale))
                })
                .collect();
            c.save(&items);
        }
    }
    vectors
}

/// The question wordings of `doc`: its `questions`, or its one `question`.
#[cfg(feature = "encoder")]
fn wordings(doc: &IndexDoc) -> &[String] {
    if doc.questions.is_empty() {
        std::slice::from_ref(&doc.question)
    } else {
        &doc.questions
    }
}

/// [`DIM`]-value vectors stored as symmetric 8-bit codes with one f32 scale
/// each: `v[i] ≈ scale · code[i]`, `code[i] = round(v[i] / max|v| · 127)`.
/// For unit vectors the dot product with an f32 vector is off by about
/// 1e-4 (never more than `‖q‖₁ · max|v| / 254`); on LocalgovFAQ no cosine
/// moved by more than 8e-4, and the ranking figures by at most one query.
#[cfg(feature = "encoder")]
#[derive(Debug, Clone, Default)]
struct QuantizedVectors {
    /// Row-major `[len, DIM]`.
    codes: Vec<i8>,
    /// `max|v| / 127` per vector (0 for a zero vector).
    scales: Vec<f32>,
}

#[cfg(feature = "encoder")]
impl QuantizedVectors {
    fn with_capacity(n: usize) -> Self {
        QuantizedVectors {
            codes: Vec::with_capacity(n * DIM),
            scales: Vec::with_capacity(n),
        }
    }

    /// Appends `v` quantized: its first [`DIM`] values, zero-padded if
    /// shorter. Non-finite values are stored as 0 (the encoder never makes
    /// them; this only keeps one bad value from zeroing the whole vector).
    fn push(&mut self, v: &[f32]) {
        let v = &v[..v.len().min(DIM)];
        let max = v
            .iter()
            .filter(|x| x.is_finite())
            .fold(0f32, |m, x| m.max(x.abs()));
        let at = self.codes.len();
        self.codes.resize(at + DIM, 0);
        if max > 0.0 {
            let inv = 127.0 / max;
            for (c, &x) in self.codes[at..].iter_mut().zip(v) {
                if x.is_finite() {
                    // |x · inv| <= 127, so the cast never saturates.
                    *c = (x * inv).round() as i8;
                }
            }
        }
        self.scales.push(max / 127.0);
    }

    /// Appends a vector already quantized (from a cache). `codes` must be
    /// [`DIM`] long; callers check.
    fn push_codes(&mut self, codes: &[i8], scale: f32) {
        self.codes.extend_from_slice(&codes[..DIM.min(codes.len())]);
        self.codes.resize(self.scales.len() * DIM + DIM, 0);
        self.scales.push(if scale.is_finite() {
            scale.max(0.0)
        } else {
            0.0
        });
    }

    /// Number of stored vectors.
    fn len(&self) -> usize {
        self.scales.len()
    }

    /// Codes and scale of vector `i`.
    fn row(&self, i: usize) -> Option<(&[i8], f32)> {
        Some((
            self.codes.get(i * DIM..(i + 1) * DIM)?,
            *self.scales.get(i)?,
        ))
    }

    /// The dot product of `q` with every stored vector, in order.
    fn dots<'a>(&'a self, q: &'a [f32]) -> impl Iterator<Item = f32> + 'a {
        self.codes
            .chunks_exact(DIM)
            .zip(&self.scales)
            .map(move |(c, &s)| dot_i8(q, c) * s)
    }
}

/// `Σ q[i] · c[i]` over the common length. Eight independent partial sums
/// let the compiler vectorize the loop (one running f32 sum cannot be
/// reordered), which keeps scoring as fast as the f32 rows were.
#[cfg(feature = "encoder")]
fn dot_i8(q: &[f32], c: &[i8]) -> f32 {
    const LANES: usize = 8;
    let n = q.len().min(c.len());
    let (q, c) = (&q[..n], &c[..n]);
    let (qs, cs) = (q.chunks_exact(LANES), c.chunks_exact(LANES));
    let tail: f32 = qs
        .remainder()
        .iter()
        .zip(cs.remainder())
        .map(|(&a, &b)| a * f32::from(b))
        .sum();
    let mut acc = [0f32; LANES];
    for (a, b) in qs.zip(cs) {
        for ((s, &x), &y) in acc.iter_mut().zip(a).zip(b) {
            *s += x * f32::from(y);
        }
    }
    acc.iter().sum::<f32>() + tail
}

/// Fused score of every entry from its BM25 score (`bm25[d]`, 0 when the
/// entry is not among the BM25 candidates) and its cosine `sims[d]`.
pub(crate) fn fuse(bm25: &[f32], sims: &[f32], fusion: Fusion, weight: f32) -> Vec<f32> {
    let w = weight.clamp(0.0, 1.0);
    match fusion {
        Fusion::Score => {
            let max = bm25.iter().copied().fold(0.0, f32::max);
            bm25.iter()
                .zip(sims)
                .map(|(&b, &s)| {
                    let b = if max > 0.0 { b / max } else { 0.0 };
                    (1.0 - w) * b + w * s
                })
                .collect()
        }
        Fusion::Rrf => {
            let ranks = |scores: &[f32], skip_zero: bool| {
                let mut order: Vec<usize> = (0..scores.len())
                    .filter(|&d| !skip_zero || scores[d] > 0.0)
                    .collect();
                order.sort_unstable_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
                let mut rank = vec![None; scores.len()];
                for (r, d) in order.into_iter().enumerate() {
                    rank[d] = Some(r as f32 + 1.0);
                }
                rank
            };
            let (rb, rd) = (ranks(bm25, true), ranks(sims, false));
            rb.iter()
                .zip(&rd)
                .map(|(b, d)| {
                    b.map_or(0.0, |r| (1.0 - w) / (RRF_K + r)) + d.map_or(0.0, |r| w / (RRF_K + r))
                })
                .collect()
        }
    }
}

#[cfg(feature = "encoder")]
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_fusion_blends_normalized_bm25_with_cosine() {
        let f = fuse(&[10.0, 5.0, 0.0], &[0.1, 0.2, 0.9], Fusion::Score, 0.5);
        assert!((f[0] - 0.55).abs() < 1e-6);
        assert!((f[1] - 0.35).abs() < 1e-6);
        assert!((f[2] - 0.45).abs() < 1e-6);
        // Weight 0 is BM25 alone; 1 is the encoder alone.
        let f = fuse(&[10.0, 5.0, 0.0], &[0.1, 0.2, 0.9], Fusion::Score, 0.0);
        assert!(f[0] > f[1] && f[1] > f[2]);
        let f = fuse(&[10.0, 5.0, 0.0], &[0.1, 0.2, 0.9], Fusion::Score, 1.0);
        assert!(f[2] > f[1] && f[1] > f[0]);
    }

    /// `v / ‖v‖`, or None for a (near-)zero `v`.
    fn unit(v: &[f32]) -> Option<Vec<f32>> {
        let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        (n > 1e-3).then(|| v.iter().map(|x| x / n).collect())
    }

    /// The exact dot product (accumulated in f64).
    fn exact_dot(a: &[f32], b: &[f32]) -> f32 {
        a.iter()
            .zip(b)
            .map(|(x, y)| f64::from(*x) * f64::from(*y))
            .sum::<f64>() as f32
    }

    proptest::proptest! {
        #[test]
        fn i8_cosine_stays_close_to_f32_cosine(
            a in proptest::collection::vec(-1f32..1.0, DIM),
            b in proptest::collection::vec(-1f32..1.0, DIM),
        ) {
            let (Some(a), Some(b)) = (unit(&a), unit(&b)) else {
                return Ok(());
            };
            let mut stored = QuantizedVectors::default();
            stored.push(&b);
            stored.push(&a);
            let got: Vec<f32> = stored.dots(&a).collect();
            proptest::prop_assert_eq!(got.len(), 2);
            // Expected error ~2e-4 (rounding noise of ±max|v|/254 per value).
            for (g, e) in got.iter().zip([exact_dot(&a, &b), 1.0]) {
                proptest::prop_assert!((g - e).abs() < 2e-3, "i8 {} vs f32 {}", g, e);
            }
        }
    }

    #[test]
    fn codes_are_symmetric_over_the_largest_value() {
        let mut v = vec![0f32; DIM];
        (v[0], v[1], v[2]) = (0.5, -0.25, 0.001);
        let mut q = QuantizedVectors::default();
        q.push(&v);
        assert_eq!(&q.codes[..4], &[127, -64, 0, 0]);
        assert!((q.scales[0] - 0.5 / 127.0).abs() < 1e-9);
        let e0: Vec<f32> = (0..DIM).map(|i| f32::from(i == 0)).collect();
        assert!((q.dots(&e0).next().unwrap_or(0.0) - 0.5).abs() < 1e-6);
    }

    #[test]
    fn zero_and_non_finite_vectors_score_finite() {
        let mut q = QuantizedVectors::default();
        q.push(&[0.0; DIM]);
        let mut bad = vec![0.1f32; DIM];
        (bad[3], bad[7]) = (f32::NAN, f32::INFINITY);
        q.push(&bad);
        q.push(&[0.2; 3]); // short: zero-padded
        assert_eq!(q.codes.len(), 3 * DIM);
        let query = vec![1.0 / (DIM as f32).sqrt(); DIM];
        let got: Vec<f32> = q.dots(&query).collect();
        assert_eq!(got[0], 0.0);
        assert!(got.iter().all(|x| x.is_finite()));
        let want = 0.1 * (DIM - 2) as f32 / (DIM as f32).sqrt();
        assert!((got[1] - want).abs() < 1e-3, "{} vs {want}", got[1]);
        assert!((got[2] - 0.6 / (DIM as f32).sqrt()).abs() < 1e-5);
    }

    #[test]
    fn rrf_rewards_entries_both_lists_rank_high() {
        let f = fuse(&[3.0, 2.0, 0.0], &[0.5, 0.9, 0.1], Fusion::Rrf, 0.5);
        // Entry 1 is 2nd and 1st; entry 0 is 1st and 2nd: a tie; entry 2
        // is absent from BM25 and last in the dense list.
        assert!((f[0] - f[1]).abs() < 1e-7);
        assert!(f[2] < f[0]);
    }
}
