//! The (team) orienteering problem with time windows, as plain data.
//!
//! Times are `f64` in any unit the caller likes (minutes for the planner,
//! the benchmark's own unit for TOPTW files). A time window bounds the
//! **start** of service (`open <= start <= close`), as in the KU Leuven and
//! Righini–Salani conventions; the planner turns "closes at 17:00" into a
//! latest start of `17:00 - visit duration` before building an instance.

use serde::{Deserialize, Serialize};

use crate::error::{CourseError, Result};

/// Tolerance used by every time comparison, so that sums of floored
/// decimals (e.g. 12.3 + 4.1) do not fail on binary rounding.
pub const EPS: f64 = 1e-6;

/// One interval during which service may start: `open <= start <= close`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TimeWindow {
    /// Earliest start of service.
    pub open: f64,
    /// Latest start of service.
    pub close: f64,
}

impl TimeWindow {
    /// A window; callers must keep `open <= close` (checked by [`Instance::validate`]).
    pub fn new(open: f64, close: f64) -> Self {
        Self { open, close }
    }
}

/// A place that may be visited.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// Caller's identifier (the vertex number in benchmark files).
    pub id: u32,
    /// Profit collected when the node is visited once (>= 0).
    pub score: f64,
    /// Service (visit) duration.
    pub service: f64,
    /// Windows per tour: either one list used for every tour, or exactly one
    /// list per tour (`windows[t]` for tour `t`). Each list is sorted, disjoint;
    /// an empty list means "closed on that tour".
    pub windows: Vec<Vec<TimeWindow>>,
}

impl Node {
    /// The windows that apply on tour `tour`.
    pub fn windows_for(&self, tour: usize) -> &[TimeWindow] {
        match self.windows.len() {
            0 => &[],
            1 => &self.windows[0],
            _ => self.windows.get(tour).map(Vec::as_slice).unwrap_or(&[]),
        }
    }
}

/// One tour (one day): where and when it starts and must end.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TourSpec {
    /// Index (into [`Instance::nodes`]) of the start node.
    pub start_node: usize,
    /// Index of the end node (may equal `start_node`).
    pub end_node: usize,
    /// Departure time from the start node.
    pub start_time: f64,
    /// Latest arrival time at the end node.
    pub end_time: f64,
}

/// A dense travel-time matrix, row-major `n × n`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TravelMatrix {
    n: usize,
    times: Vec<f64>,
}

impl TravelMatrix {
    /// Wraps a row-major matrix; errors if its length is not `n * n` or a value is
    /// negative / not finite.
    pub fn new(n: usize, times: Vec<f64>) -> Result<Self> {
        if times.len() != n * n {
            return Err(CourseError::InvalidInstance(format!(
                "travel matrix has {} entries, expected {}",
                times.len(),
                n * n
            )));
        }
        if let Some(bad) = times.iter().find(|t| !t.is_finite() || **t < 0.0) {
            return Err(CourseError::InvalidInstance(format!(
                "travel time {bad} is negative or not finite"
            )));
        }
        Ok(Self { n, times })
    }

    /// Builds a matrix from a function `f(i, j)`.
    pub fn from_fn(n: usize, mut f: impl FnMut(usize, usize) -> f64) -> Result<Self> {
        let mut times = Vec::with_capacity(n * n);
        for i in 0..n {
            for j in 0..n {
                times.push(if i == j { 0.0 } else { f(i, j) });
            }
        }
        Self::new(n, times)
    }

    /// Number of nodes the matrix covers.
    pub fn len(&self) -> usize {
        self.n
    }

    /// True when the matrix covers no node.
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// Travel time from `i` to `j` (indices must be `< len()`).
    #[inline]
    pub fn get(&self, i: usize, j: usize) -> f64 {
        self.times[i * self.n + j]
    }
}

/// A complete (T)OPTW instance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Instance {
    /// Name used in reports (e.g. `c101`).
    pub name: String,
    /// All nodes, including start and end nodes (which score nothing).
    pub nodes: Vec<Node>,
    /// Travel times: one matrix for all tours, or one per tour.
    pub travel: Vec<TravelMatrix>,
    /// One entry per tour; `tours.len()` is m.
    pub tours: Vec<TourSpec>,
}

impl Instance {
    /// Number of tours (m).
    pub fn tour_count(&self) -> usize {
        self.tours.len()
    }

    /// The travel matrix used on tour `tour`.
    #[inline]
    pub fn matrix(&self, tour: usize) -> &TravelMatrix {
        if self.travel.len() == 1 {
            &self.travel[0]
        } else {
            &self.travel[tour]
        }
    }

    /// True when node `v` is a start or end node of some tour (never "visited").
    pub fn is_terminal(&self, v: usize) -> bool {
        self.tours
            .iter()
            .any(|t| t.start_node == v || t.end_node == v)
    }

    /// Sum of all visitable scores (an upper bound on any solution).
    pub fn total_score(&self) -> f64 {
        (0..self.nodes.len())
            .filter(|&v| !self.is_terminal(v))
            .map(|v| self.nodes[v].score)
            .sum()
    }

    /// Copy of this instance with `m` identical tours (benchmark files do not
    /// carry m; the literature runs m = 1..4). Errors if the instance has no
    /// tour to copy or uses per-tour data.
    pub fn with_tours(&self, m: usize) -> Result<Self> {
        let first = *self.tours.first().ok_or_else(|| {
            CourseError::InvalidInstance("instance has no tour to replicate".into())
        })?;
        if m == 0 {
            return Err(CourseError::InvalidInstance("m must be at least 1".into()));
        }
        if self.travel.len() > 1 || self.nodes.iter().any(|n| n.windows.len() > 1) {
            return Err(CourseError::InvalidInstance(
                "cannot replicate tours of an instance with per-tour data".into(),
            ));
        }
        let mut out = self.clone();
        out.tours = vec![first; m];
        Ok(out)
    }

    /// Checks structure: sizes agree, indices in range, numbers finite,
    /// windows sorted and non-overlapping.
    pub fn validate(&self) -> Result<()> {
        let n = self.nodes.len();
        let bad = |msg: String| Err(CourseError::InvalidInstance(msg));
        if self.tours.is_empty() {
            return bad("at least one tour is needed".into());
        }
        if self.travel.is_empty()
            || (self.travel.len() != 1 && self.travel.len() != self.tours.len())
        {
            return bad(format!(
                "{} travel matrices for {} tours (need 1 or one per tour)",
                self.travel.len(),
                self.tours.len()
            ));
        }
        if let Some(m) = self.travel.iter().find(|m| m.len() != n) {
            return bad(format!(
                "travel matrix covers {} nodes, instance has {n}",
                m.len()
            ));
        }
        for (t, tour) in self.tours.iter().enumerate() {
            if tour.start_node >= n || tour.end_node >= n {
                return bad(format!("tour {t} refers to a node out of range"));
            }
            if !tour.start_time.is_finite() || !tour.end_time.is_finite() {
                return bad(format!("tour {t} has a non-finite time"));
            }
            if tour.end_time + EPS < tour.start_time {
                return bad(format!("tour {t} ends before it starts"));
            }
        }
        for (i, node) in self.nodes.iter().enumerate() {
            if !node.score.is_finite() || node.score < 0.0 {
                return bad(format!("node {i} has an invalid score {}", node.score));
            }
            if !node.service.is_finite() || node.service < 0.0 {
                return bad(format!(
                    "node {i} has an invalid service time {}",
                    node.service
                ));
            }
            if node.windows.len() > 1 && node.windows.len() != self.tours.len() {
                return bad(format!(
                    "node {i} has {} window lists for {} tours",
                    node.windows.len(),
                    self.tours.len()
                ));
            }
            for list in &node.windows {
                let mut prev_close = f64::NEG_INFINITY;
                for w in list {
                    if !w.open.is_finite() || !w.close.is_finite() || w.open > w.close + EPS {
                        return bad(format!("node {i} has an invalid window {w:?}"));
                    }
                    if w.open < prev_close - EPS {
                        return bad(format!("node {i} has overlapping or unsorted windows"));
                    }
                    prev_close = w.close;
                }
            }
        }
        Ok(())
    }
}

/// Earliest feasible start of service at or after `arrival`, given sorted
/// windows; `None` when every window has closed.
#[inline]
pub fn earliest_start(windows: &[TimeWindow], arrival: f64) -> Option<f64> {
    for w in windows {
        if arrival <= w.close + EPS {
            return Some(if arrival > w.open { arrival } else { w.open });
        }
    }
    None
}

/// Latest start of service that is `<= bound`, given sorted windows; `None`
/// when every window opens after `bound`.
#[inline]
pub fn latest_start(windows: &[TimeWindow], bound: f64) -> Option<f64> {
    for w in windows.iter().rev() {
        if w.open <= bound + EPS {
            return Some(if bound < w.close { bound } else { w.close });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ws() -> Vec<TimeWindow> {
        vec![TimeWindow::new(10.0, 20.0), TimeWindow::new(40.0, 50.0)]
    }

    #[test]
    fn earliest_start_waits_for_the_next_window() {
        assert_eq!(earliest_start(&ws(), 5.0), Some(10.0));
        assert_eq!(earliest_start(&ws(), 15.0), Some(15.0));
        assert_eq!(earliest_start(&ws(), 25.0), Some(40.0));
        assert_eq!(earliest_start(&ws(), 50.0), Some(50.0));
        assert_eq!(earliest_start(&ws(), 50.1), None);
    }

    #[test]
    fn latest_start_picks_the_last_reachable_window() {
        assert_eq!(latest_start(&ws(), 100.0), Some(50.0));
        assert_eq!(latest_start(&ws(), 45.0), Some(45.0));
        assert_eq!(latest_start(&ws(), 30.0), Some(20.0));
        assert_eq!(latest_start(&ws(), 9.0), None);
    }

    #[test]
    fn validate_rejects_bad_structure() {
        let node = |w: Vec<Vec<TimeWindow>>| Node {
            id: 0,
            score: 1.0,
            service: 0.0,
            windows: w,
        };
        let ok = Instance {
            name: "t".into(),
            nodes: vec![node(vec![ws()]), node(vec![ws()])],
            travel: vec![TravelMatrix::from_fn(2, |_, _| 1.0).unwrap()],
            tours: vec![TourSpec {
                start_node: 0,
                end_node: 0,
                start_time: 0.0,
                end_time: 100.0,
            }],
        };
        assert!(ok.validate().is_ok());
        let mut bad = ok.clone();
        bad.nodes[1].windows = vec![vec![
            TimeWindow::new(40.0, 50.0),
            TimeWindow::new(10.0, 20.0),
        ]];
        assert!(bad.validate().is_err());
        let mut bad = ok.clone();
        bad.tours[0].end_node = 7;
        assert!(bad.validate().is_err());
        let mut bad = ok.clone();
        bad.nodes[1].score = f64::NAN;
        assert!(bad.validate().is_err());
        assert!(TravelMatrix::new(2, vec![0.0, 1.0, -1.0, 0.0]).is_err());
        assert!(TravelMatrix::new(2, vec![0.0]).is_err());
        assert_eq!(ok.with_tours(3).unwrap().tour_count(), 3);
        assert!(ok.with_tours(0).is_err());
    }
}
