//! One tour under construction with O(1) insertion tests.
//!
//! `start[k]` is the earliest start of service at position `k` (position 0 is
//! the start node, the last position the end node, where "start" means
//! arrival). `latest[k]` is the latest start at `k` that still lets the rest
//! of the tour be served (the multi-window generalisation of Vansteenwegen's
//! `Wait`/`MaxShift`): arriving at `k` no later than `latest[k]` keeps the
//! suffix feasible because earliest-start schedules are monotone in arrival.

use crate::model::{earliest_start, latest_start, Instance, EPS};

#[derive(Clone, Debug)]
pub(crate) struct Route {
    pub(crate) tour: usize,
    /// Node indices, start node first and end node last.
    pub(crate) seq: Vec<usize>,
    pub(crate) start: Vec<f64>,
    pub(crate) latest: Vec<f64>,
    pub(crate) score: f64,
    /// Largest delay any successor position can absorb (`latest - arrival`).
    pub(crate) max_slack: f64,
}

/// Best insertion position found for one node.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Insertion {
    /// Insert before `seq[pos]` (so `pos >= 1`).
    pub(crate) pos: usize,
    /// Increase of the arrival time at the successor.
    pub(crate) shift: f64,
}

impl Route {
    pub(crate) fn empty(inst: &Instance, tour: usize) -> Self {
        let spec = inst.tours[tour];
        let mut r = Self {
            tour,
            seq: vec![spec.start_node, spec.end_node],
            start: Vec::new(),
            latest: Vec::new(),
            score: 0.0,
            max_slack: 0.0,
        };
        r.refresh(inst);
        r
    }

    /// Number of visits (terminals excluded).
    pub(crate) fn visits(&self) -> usize {
        self.seq.len() - 2
    }

    pub(crate) fn visited(&self) -> &[usize] {
        &self.seq[1..self.seq.len() - 1]
    }

    /// Arrival time at the end node.
    pub(crate) fn end_arrival(&self) -> f64 {
        self.start[self.seq.len() - 1]
    }

    /// Recomputes the forward schedule and backward latest starts; returns
    /// false when the sequence is infeasible.
    pub(crate) fn refresh(&mut self, inst: &Instance) -> bool {
        let spec = inst.tours[self.tour];
        let m = inst.matrix(self.tour);
        let len = self.seq.len();
        self.start.clear();
        self.start.resize(len, 0.0);
        self.latest.clear();
        self.latest.resize(len, 0.0);
        self.start[0] = spec.start_time;
        let mut ok = true;
        let mut score = 0.0;
        for k in 1..len {
            let (p, v) = (self.seq[k - 1], self.seq[k]);
            let arr = self.start[k - 1] + inst.nodes[p].service + m.get(p, v);
            if k == len - 1 {
                self.start[k] = arr;
                ok &= arr <= spec.end_time + EPS;
            } else {
                score += inst.nodes[v].score;
                match earliest_start(inst.nodes[v].windows_for(self.tour), arr) {
                    Some(s) => self.start[k] = s,
                    None => {
                        self.start[k] = arr;
                        ok = false;
                    }
                }
            }
        }
        self.score = score;
        self.latest[len - 1] = spec.end_time;
        for k in (1..len - 1).rev() {
            let (v, nx) = (self.seq[k], self.seq[k + 1]);
            let bound = self.latest[k + 1] - m.get(v, nx) - inst.nodes[v].service;
            self.latest[k] = latest_start(inst.nodes[v].windows_for(self.tour), bound)
                .unwrap_or(f64::NEG_INFINITY);
        }
        self.latest[0] = spec.start_time;
        let mut slack = f64::NEG_INFINITY;
        for k in 1..len {
            let (p, v) = (self.seq[k - 1], self.seq[k]);
            let arr = self.start[k - 1] + inst.nodes[p].service + m.get(p, v);
            slack = slack.max(self.latest[k] - arr);
        }
        self.max_slack = slack;
        ok
    }

    /// Cheapest feasible position for `u`, if any.
    #[inline]
    pub(crate) fn best_insertion(&self, inst: &Instance, u: usize) -> Option<Insertion> {
        let m = inst.matrix(self.tour);
        let wins = inst.nodes[u].windows_for(self.tour);
        // Screen: a visit longer than any slack cannot fit (exact when travel
        // times obey the triangle inequality, otherwise a safe heuristic skip).
        if wins.is_empty() || inst.nodes[u].service > self.max_slack + EPS {
            return None;
        }
        let su = inst.nodes[u].service;
        let mut best: Option<Insertion> = None;
        for k in 0..self.seq.len() - 1 {
            let (p, nx) = (self.seq[k], self.seq[k + 1]);
            let leave_p = self.start[k] + inst.nodes[p].service;
            let arr = leave_p + m.get(p, u);
            // Floored benchmark distances break the triangle inequality, so a
            // later position may still fit: keep scanning.
            let Some(st) = earliest_start(wins, arr) else {
                continue;
            };
            let arr_next = st + su + m.get(u, nx);
            if arr_next <= self.latest[k + 1] + EPS {
                let shift = arr_next - (leave_p + m.get(p, nx));
                if best.is_none_or(|b| shift < b.shift) {
                    best = Some(Insertion { pos: k + 1, shift });
                }
            }
        }
        best
    }

    pub(crate) fn insert(&mut self, inst: &Instance, pos: usize, u: usize) {
        self.seq.insert(pos, u);
        self.refresh(inst);
    }

    /// Removes the visit at sequence position `pos` (1..len-1).
    pub(crate) fn remove_at(&mut self, inst: &Instance, pos: usize) -> usize {
        let v = self.seq.remove(pos);
        self.refresh(inst);
        v
    }
}
