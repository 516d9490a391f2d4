//! Seeded randomness for the search (PCG, so runs repeat exactly per seed).

use rand_core::{Rng, SeedableRng};
use rand_pcg::Pcg64Mcg;

/// Thin helper over a PCG generator with the few draws the search needs.
pub(crate) struct SearchRng(Pcg64Mcg);

impl SearchRng {
    pub(crate) fn new(seed: u64) -> Self {
        Self(Pcg64Mcg::seed_from_u64(seed))
    }

    /// Uniform in `0..n` (`n > 0`); Lemire's multiply-shift, bias negligible here.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        ((self.0.next_u64() as u128 * n as u128) >> 64) as usize
    }

    /// Uniform in `[0, 1)`.
    pub(crate) fn unit(&mut self) -> f64 {
        (self.0.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}
