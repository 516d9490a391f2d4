//! Exponential backoff with full jitter ("AWS architecture blog" style): the n-th
//! retry sleeps a uniformly random time in `[0, min(max, base * 2^n)]`, which
//! spreads a town's phones apart when a server comes back after an outage.

use std::time::Duration;

/// Backoff state for one sequence of retries.
#[derive(Debug, Clone)]
pub struct Backoff {
    base: Duration,
    max: Duration,
    failures: u32,
}

impl Backoff {
    /// A backoff starting at `base`, never exceeding `max`.
    pub fn new(base: Duration, max: Duration) -> Backoff {
        Backoff {
            base,
            max,
            failures: 0,
        }
    }

    /// Records a failure and returns how long to wait before the next try.
    pub fn next_delay(&mut self) -> Duration {
        let ceiling = self.ceiling();
        self.failures = self.failures.saturating_add(1);
        let millis = u64::try_from(ceiling.as_millis()).unwrap_or(u64::MAX);
        Duration::from_millis(fastrand::u64(0..=millis))
    }

    /// The upper bound of the next delay: `min(max, base * 2^failures)`.
    pub fn ceiling(&self) -> Duration {
        let factor = 1u32.checked_shl(self.failures.min(31)).unwrap_or(u32::MAX);
        self.base.saturating_mul(factor).min(self.max)
    }

    /// Failures recorded since the last reset.
    pub fn failures(&self) -> u32 {
        self.failures
    }

    /// Forgets past failures (after a success).
    pub fn reset(&mut self) {
        self.failures = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_and_caps_with_jitter_inside_bounds() {
        let mut b = Backoff::new(Duration::from_millis(100), Duration::from_millis(1000));
        let ceilings: Vec<u128> = (0..6)
            .map(|_| {
                let c = b.ceiling();
                let d = b.next_delay();
                assert!(d <= c);
                c.as_millis()
            })
            .collect();
        assert_eq!(ceilings, vec![100, 200, 400, 800, 1000, 1000]);
        assert_eq!(b.failures(), 6);
        b.reset();
        assert_eq!(b.ceiling(), Duration::from_millis(100));
        for _ in 0..100 {
            b.next_delay();
        }
        assert_eq!(b.ceiling(), Duration::from_millis(1000));
    }

    #[test]
    fn jitter_varies() {
        let mut seen = std::collections::BTreeSet::new();
        for _ in 0..50 {
            let mut b = Backoff::new(Duration::from_secs(10), Duration::from_secs(10));
            seen.insert(b.next_delay());
        }
        assert!(seen.len() > 10, "jitter should spread delays: {seen:?}");
    }
}
