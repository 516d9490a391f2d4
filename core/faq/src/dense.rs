//! The dense (sentence-encoder) side of retrieval: one vector per question
//! wording of every entry, computed once when the index is built, and the
//! fusion of its cosine ranking with the BM25 ranking.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::encoder::{Encoder, DIM};
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

/// Entry vectors and the encoder that made them.
#[derive(Debug, Clone)]
pub(crate) struct DenseIndex {
    encoder: Arc<Encoder>,
    /// Row-major `[n_vectors, DIM]`.
    vectors: Vec<f32>,
    /// Entry of every vector.
    owner: Vec<u32>,
    n_docs: usize,
}

impl DenseIndex {
    /// Embeds every question wording of `docs`, and, when `answer_chars`
    /// is positive and the entry has a single wording, that wording
    /// followed by the first `answer_chars` characters of the answer (the
    /// entry scores the better of the two: the answer start helps on
    /// terse questions and blurs clear ones). Multi-language entries get
    /// no answer text: their answer holds every language at once.
    pub(crate) fn build(encoder: Arc<Encoder>, docs: &[IndexDoc], answer_chars: usize) -> Self {
        let mut texts = Vec::new();
        let mut owner = Vec::new();
        for (d, doc) in docs.iter().enumerate() {
            let single = [doc.question.clone()];
            let wordings: &[String] = if doc.questions.is_empty() {
                &single
            } else {
                &doc.questions
            };
            for w in wordings {
                texts.push(w.clone());
                owner.push(d as u32);
                if answer_chars > 0 && wordings.len() == 1 && !doc.answer.is_empty() {
                    let mut text = w.clone();
                    text.push('\n');
                    text.extend(doc.answer.chars().take(answer_chars));
                    texts.push(text);
                    owner.push(d as u32);
                }
            }
        }
        let mut vectors = Vec::with_capacity(texts.len() * DIM);
        encoder.encode_batch_into(&texts, &mut vectors);
        DenseIndex {
            encoder,
            vectors,
            owner,
            n_docs: docs.len(),
        }
    }

    /// Per entry, the best cosine between `query` and its wordings.
    pub(crate) fn similarities(&self, query: &str) -> Vec<f32> {
        let q = self.encoder.encode(query);
        let mut best = vec![f32::NEG_INFINITY; self.n_docs];
        for (v, &d) in self.vectors.chunks_exact(DIM).zip(&self.owner) {
            let c: f32 = v.iter().zip(&q).map(|(a, b)| a * b).sum();
            if let Some(b) = best.get_mut(d as usize) {
                *b = b.max(c);
            }
        }
        for b in &mut best {
            if !b.is_finite() {
                *b = 0.0;
            }
        }
        best
    }
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

    #[test]
    fn rrf_rewards_entries_both_lists_rank_high() {
        let f = fuse(&[3.0, 2.0, 0.0], &[0.5, 0.9, 0.1], Fusion::Rrf, 0.5);
        // Entry 1 is 2nd and 1st; entry 0 is 1st and 2nd: a tie; entry 2
        // is absent from BM25 and last in the dense list.
        assert!((f[0] - f[1]).abs() < 1e-7);
        assert!(f[2] < f[0]);
    }
}
