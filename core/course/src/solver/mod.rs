//! Iterated local search for the (team) orienteering problem with time windows.
//!
//! Outline (after Vansteenwegen et al. 2009, strengthened):
//! * **insertion** by `score² / shift` with O(1) feasibility per position
//!   thanks to latest-start bookkeeping ([`route`]);
//! * **local search**: best insertion until nothing fits, *replace* (swap an
//!   unvisited node of higher score in for a visited one), intra-route
//!   *relocate* that shortens a tour (freeing time), inter-route relocate;
//! * **perturbation**: remove a random segment per tour or random visits,
//!   rebuild with noisy ratios while the removed nodes are briefly tabu;
//! * **acceptance**: record-to-record (stay within a small deviation of the
//!   best), restart from an elite solution after a run without improvement.
//!
//! Deterministic for a seed when bounded by `max_iterations`; with a time
//! limit the trajectory is the same for a seed, only the cut-off depends on
//! machine speed.

mod rng;
mod route;

use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::model::{Instance, EPS};
use rng::SearchRng;
use route::Route;

/// How long and how randomly to search.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SolverConfig {
    /// Seed of the search's random generator.
    pub seed: u64,
    /// Wall-clock budget; `None` = unbounded (then `max_iterations` must be set).
    pub time_limit: Option<Duration>,
    /// Iteration cap; `None` = until the time limit.
    pub max_iterations: Option<u64>,
}

impl Default for SolverConfig {
    /// Seed 1, one second, no iteration cap.
    fn default() -> Self {
        Self {
            seed: 1,
            time_limit: Some(Duration::from_secs(1)),
            max_iterations: None,
        }
    }
}

/// Result of [`solve`]: one node list per tour (terminals excluded).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Solution {
    /// `routes[t]` = node indices visited on tour `t`, in order.
    pub routes: Vec<Vec<usize>>,
    /// Total collected score.
    pub score: f64,
    /// Search iterations run.
    pub iterations: u64,
    /// Milliseconds from start until the best solution was found.
    pub time_to_best_ms: f64,
}

/// Solves `inst`. The returned routes are feasible by construction; callers
/// that need proof run [`crate::check::check_solution`] on them.
pub fn solve(inst: &Instance, cfg: &SolverConfig) -> Result<Solution> {
    inst.validate()?;
    let began = Instant::now();
    let mut s = Search::new(inst, cfg.seed);
    let mut cur = s.initial();
    let mut best = cur.clone();
    let mut elite: Vec<State> = vec![best.clone()];
    let mut time_to_best = began.elapsed();
    let mut iter: u64 = 0;
    let mut stall: u64 = 0;
    let stall_limit = 150 + 3 * s.cands.len() as u64;
    let cap = match (cfg.max_iterations, cfg.time_limit) {
        (Some(n), _) => n,
        (None, Some(_)) => u64::MAX,
        // Neither bound given: keep it finite.
        (None, None) => 2_000,
    };
    while iter < cap {
        // Checked every iteration: one iteration on a 100-node tour costs
        // milliseconds, so coarser checks would overshoot the budget.
        if let Some(limit) = cfg.time_limit {
            if began.elapsed() >= limit {
                break;
            }
        }
        iter += 1;
        if s.cands.is_empty() {
            break;
        }
        let mut cand = cur.clone();
        s.alpha = 1.0 + 2.0 * s.rng.unit();
        let strength = 1 + (stall as usize * 4 / stall_limit.max(1) as usize);
        let removed = s.perturb(&mut cand, strength);
        s.fill(&mut cand, 0.35, &removed);
        s.local_search(&mut cand);
        if cand.better_than(&best) {
            best = cand.clone();
            time_to_best = began.elapsed();
            stall = 0;
            remember(&mut elite, &best);
        } else {
            stall += 1;
        }
        // Record-to-record acceptance keeps the walk near the best.
        let floor = best.score * (1.0 - 0.02 * s.rng.unit()) - EPS;
        if cand.better_than(&cur) || cand.score >= floor {
            cur = cand;
        }
        if stall > stall_limit {
            stall = 0;
            cur = if s.rng.unit() < 0.5 {
                s.fresh(0.5)
            } else {
                elite[s.rng.below(elite.len())].clone()
            };
        }
    }
    Ok(Solution {
        routes: best.routes.iter().map(|r| r.visited().to_vec()).collect(),
        score: best.score,
        iterations: iter,
        time_to_best_ms: time_to_best.as_secs_f64() * 1e3,
    })
}

/// Keeps up to eight distinct good solutions for restarts.
fn remember(elite: &mut Vec<State>, s: &State) {
    if elite
        .iter()
        .any(|e| (e.score - s.score).abs() <= EPS && (e.duration() - s.duration()).abs() <= EPS)
    {
        return;
    }
    elite.push(s.clone());
    elite.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.duration().total_cmp(&b.duration()))
    });
    elite.truncate(8);
}

#[derive(Clone, Debug)]
struct State {
    routes: Vec<Route>,
    visited: Vec<bool>,
    score: f64,
}

impl State {
    fn duration(&self) -> f64 {
        self.routes
            .iter()
            .map(|r| r.end_arrival() - r.start[0])
            .sum()
    }

    /// More score, or equal score in less time.
    fn better_than(&self, o: &State) -> bool {
        self.score > o.score + EPS
            || ((self.score - o.score).abs() <= EPS && self.duration() < o.duration() - EPS)
    }

    fn rescore(&mut self) {
        self.score = self.routes.iter().map(|r| r.score).sum();
    }
}

struct Search<'a> {
    inst: &'a Instance,
    /// Nodes worth visiting (score > 0, not a terminal).
    cands: Vec<usize>,
    rng: SearchRng,
    tabu: Vec<bool>,
    /// Exponent of the score in the insertion ratio; varied per iteration
    /// so the search sometimes prefers many cheap visits, sometimes few rich ones.
    alpha: f64,
}

impl<'a> Search<'a> {
    fn new(inst: &'a Instance, seed: u64) -> Self {
        // Only nodes that some tour could visit on its own are worth trying
        // (in a town most spots are out of walking range of a short trip).
        let alone = |v: usize| {
            (0..inst.tours.len()).any(|t| Route::empty(inst, t).best_insertion(inst, v).is_some())
        };
        let mut cands: Vec<usize> = (0..inst.nodes.len())
            .filter(|&v| !inst.is_terminal(v) && inst.nodes[v].score > 0.0 && alone(v))
            .collect();
        // Best score first (stable, so ties keep index order): lets `replace` stop early.
        cands.sort_by(|&a, &b| inst.nodes[b].score.total_cmp(&inst.nodes[a].score));
        Self {
            inst,
            cands,
            rng: SearchRng::new(seed),
            tabu: vec![false; inst.nodes.len()],
            alpha: 2.0,
        }
    }

    fn initial(&mut self) -> State {
        let routes = (0..self.inst.tours.len())
            .map(|t| Route::empty(self.inst, t))
            .collect();
        let mut st = State {
            routes,
            visited: vec![false; self.inst.nodes.len()],
            score: 0.0,
        };
        self.fill(&mut st, 0.0, &[]);
        self.local_search(&mut st);
        st
    }

    /// A new solution from empty tours with noisy greedy insertion.
    fn fresh(&mut self, noise: f64) -> State {
        let routes = (0..self.inst.tours.len())
            .map(|t| Route::empty(self.inst, t))
            .collect();
        let mut st = State {
            routes,
            visited: vec![false; self.inst.nodes.len()],
            score: 0.0,
        };
        self.fill(&mut st, noise, &[]);
        self.local_search(&mut st);
        st
    }

    /// Greedy insertion by `score² / shift` (ratio scaled by up to `noise`
    /// at random) until nothing fits. Nodes in `tabu_nodes` are skipped.
    /// Returns whether anything was inserted.
    fn fill(&mut self, st: &mut State, noise: f64, tabu_nodes: &[usize]) -> bool {
        for &v in tabu_nodes {
            self.tabu[v] = true;
        }
        let mut any = false;
        loop {
            let mut best: Option<(f64, usize, usize, usize)> = None;
            for &u in &self.cands {
                if st.visited[u] || self.tabu[u] {
                    continue;
                }
                let mut pick: Option<(f64, usize, usize)> = None;
                for (ri, r) in st.routes.iter().enumerate() {
                    if let Some(ins) = r.best_insertion(self.inst, u) {
                        if pick.is_none_or(|p| ins.shift < p.0) {
                            pick = Some((ins.shift, ri, ins.pos));
                        }
                    }
                }
                if let Some((shift, ri, pos)) = pick {
                    let s = self.inst.nodes[u].score;
                    let mut ratio = s.powf(self.alpha) / shift.max(1e-3);
                    if noise > 0.0 {
                        ratio *= 1.0 - noise * self.rng.unit();
                    }
                    if best.is_none_or(|b| ratio > b.0) {
                        best = Some((ratio, u, ri, pos));
                    }
                }
            }
            let Some((_, u, ri, pos)) = best else { break };
            st.routes[ri].insert(self.inst, pos, u);
            st.visited[u] = true;
            any = true;
        }
        for &v in tabu_nodes {
            self.tabu[v] = false;
        }
        st.rescore();
        any
    }

    fn local_search(&mut self, st: &mut State) {
        // Bounded so one call can never run away on odd inputs.
        for _ in 0..64 {
            self.fill(st, 0.0, &[]);
            if self.replace(st) {
                continue;
            }
            let mut tightened = false;
            for ri in 0..st.routes.len() {
                tightened |= self.tighten(&mut st.routes[ri]);
            }
            if st.routes.len() > 1 {
                tightened |= self.inter_relocate(st);
            }
            if tightened && self.fill(st, 0.0, &[]) {
                continue;
            }
            if !self.swap_equal(st) {
                break;
            }
        }
        st.rescore();
    }

    /// Swaps one visited node for an unvisited one of higher score (best gain).
    fn replace(&mut self, st: &mut State) -> bool {
        let inst = self.inst;
        let mut best: Option<(f64, f64, usize, usize, usize, usize)> = None;
        for ri in 0..st.routes.len() {
            for p in 1..st.routes[ri].seq.len() - 1 {
                let v = st.routes[ri].seq[p];
                let sv = inst.nodes[v].score;
                let mut tmp = st.routes[ri].clone();
                tmp.remove_at(inst, p);
                // Candidates are sorted by score, best first: stop once no
                // remaining one could beat the best gain found so far.
                for &u in &self.cands {
                    let su = inst.nodes[u].score;
                    let gain = su - sv;
                    if gain <= EPS || best.is_some_and(|b| gain < b.0 - EPS) {
                        break;
                    }
                    if st.visited[u] {
                        continue;
                    }
                    if let Some(ins) = tmp.best_insertion(inst, u) {
                        if best.is_none_or(|b| {
                            gain > b.0 + EPS || (gain > b.0 - EPS && ins.shift < b.1)
                        }) {
                            best = Some((gain, ins.shift, ri, p, u, ins.pos));
                        }
                    }
                }
            }
        }
        let Some((_, _, ri, p, u, pos)) = best else {
            return false;
        };
        let v = st.routes[ri].remove_at(inst, p);
        st.visited[v] = false;
        st.routes[ri].insert(inst, pos, u);
        st.visited[u] = true;
        st.rescore();
        true
    }

    /// Swaps a visited node for an unvisited one of equal score that leaves
    /// the tour shorter, so later insertions find room.
    fn swap_equal(&mut self, st: &mut State) -> bool {
        let inst = self.inst;
        for ri in 0..st.routes.len() {
            let old_end = st.routes[ri].end_arrival();
            for p in 1..st.routes[ri].seq.len() - 1 {
                let v = st.routes[ri].seq[p];
                let sv = inst.nodes[v].score;
                let mut tmp = st.routes[ri].clone();
                tmp.remove_at(inst, p);
                for &u in &self.cands {
                    if st.visited[u] || (inst.nodes[u].score - sv).abs() > EPS {
                        continue;
                    }
                    if let Some(ins) = tmp.best_insertion(inst, u) {
                        let mut trial = tmp.clone();
                        trial.insert(inst, ins.pos, u);
                        if trial.end_arrival() < old_end - 1e-3 {
                            st.routes[ri] = trial;
                            st.visited[v] = false;
                            st.visited[u] = true;
                            st.rescore();
                            return true;
                        }
                    }
                }
            }
        }
        false
    }

    /// First-improvement relocate and 2-opt inside one tour, shortening its
    /// end time. When the tour never waits, its end time moves exactly with
    /// its travel time, so an O(1) travel delta screens out moves before the
    /// O(len) schedule refresh.
    fn tighten(&mut self, r: &mut Route) -> bool {
        let inst = self.inst;
        let m = inst.matrix(r.tour);
        let mut changed = false;
        let mut trial = r.clone();
        'outer: for _ in 0..32 {
            let len = r.seq.len();
            let cur_end = r.end_arrival();
            let seq = &r.seq;
            let no_wait = (1..len).all(|k| {
                let arr =
                    r.start[k - 1] + inst.nodes[seq[k - 1]].service + m.get(seq[k - 1], seq[k]);
                r.start[k] <= arr + EPS
            });
            for i in 1..len - 1 {
                let (p, v, n) = (seq[i - 1], seq[i], seq[i + 1]);
                let removal = m.get(p, n) - m.get(p, v) - m.get(v, n);
                // Position k of the sequence without `v`.
                let short = |k: usize| if k < i { seq[k] } else { seq[k + 1] };
                for j in 1..len - 1 {
                    if j == i {
                        continue;
                    }
                    let (a, b) = (short(j - 1), short(j));
                    let delta = removal + m.get(a, v) + m.get(v, b) - m.get(a, b);
                    if no_wait && delta > -1e-3 {
                        continue;
                    }
                    // Remove at i, re-insert at j of the shortened sequence.
                    trial.seq.clone_from(&r.seq);
                    let moved = trial.seq.remove(i);
                    trial.seq.insert(j, moved);
                    if trial.refresh(inst) && trial.end_arrival() < cur_end - 1e-3 {
                        std::mem::swap(r, &mut trial);
                        changed = true;
                        continue 'outer;
                    }
                }
            }
            // 2-opt: reverse seq[i..=j] (helps when windows are wide).
            for i in 1..len - 2 {
                let (mut fwd, mut bwd) = (0.0, 0.0);
                for j in i + 1..len - 1 {
                    fwd += m.get(seq[j - 1], seq[j]);
                    bwd += m.get(seq[j], seq[j - 1]);
                    let old = m.get(seq[i - 1], seq[i]) + fwd + m.get(seq[j], seq[j + 1]);
                    let new = m.get(seq[i - 1], seq[j]) + bwd + m.get(seq[i], seq[j + 1]);
                    if no_wait && new - old > -1e-3 {
                        continue;
                    }
                    trial.seq.clone_from(&r.seq);
                    trial.seq[i..=j].reverse();
                    if trial.refresh(inst) && trial.end_arrival() < cur_end - 1e-3 {
                        std::mem::swap(r, &mut trial);
                        changed = true;
                        continue 'outer;
                    }
                }
            }
            break;
        }
        changed
    }

    /// Moves a visit to another tour when that lowers the total duration.
    fn inter_relocate(&mut self, st: &mut State) -> bool {
        let inst = self.inst;
        let mut changed = false;
        for a in 0..st.routes.len() {
            let mut p = 1;
            while p + 1 < st.routes[a].seq.len() {
                let v = st.routes[a].seq[p];
                let mut from = st.routes[a].clone();
                from.remove_at(inst, p);
                let saved = st.routes[a].end_arrival() - from.end_arrival();
                let mut moved = false;
                for b in 0..st.routes.len() {
                    if b == a {
                        continue;
                    }
                    if let Some(ins) = st.routes[b].best_insertion(inst, v) {
                        if ins.shift < saved - 1e-3 {
                            st.routes[b].insert(inst, ins.pos, v);
                            st.routes[a] = from.clone();
                            moved = true;
                            changed = true;
                            break;
                        }
                    }
                }
                if !moved {
                    p += 1;
                }
            }
        }
        changed
    }

    /// Removes a random segment from each tour, or random visits overall.
    fn perturb(&mut self, st: &mut State, strength: usize) -> Vec<usize> {
        let inst = self.inst;
        let mut removed = Vec::new();
        let total: usize = st.routes.iter().map(Route::visits).sum();
        if total == 0 {
            return removed;
        }
        if self.rng.unit() < 0.5 {
            for r in &mut st.routes {
                let n = r.visits();
                if n == 0 {
                    continue;
                }
                let len = 1 + self.rng.below((n * strength / 8).max(1));
                let from = 1 + self.rng.below(n);
                for _ in 0..len {
                    if from + 1 >= r.seq.len() {
                        break;
                    }
                    removed.push(r.seq.remove(from));
                }
                r.refresh(inst);
            }
        } else {
            let k = 1 + self.rng.below((total * strength / 10).max(1));
            for _ in 0..k {
                let ri = self.rng.below(st.routes.len());
                let n = st.routes[ri].visits();
                if n == 0 {
                    continue;
                }
                let p = 1 + self.rng.below(n);
                removed.push(st.routes[ri].seq.remove(p));
                st.routes[ri].refresh(inst);
            }
        }
        for &v in &removed {
            st.visited[v] = false;
        }
        st.rescore();
        removed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check_solution;
    use crate::model::{Node, TimeWindow, TourSpec, TravelMatrix};

    /// Five customers on a line; only some fit the horizon.
    fn small(m: usize) -> Instance {
        let node = |id: u32, s: f64, o: f64, c: f64| Node {
            id,
            score: s,
            service: 1.0,
            windows: vec![vec![TimeWindow::new(o, c)]],
        };
        Instance {
            name: "small".into(),
            nodes: vec![
                node(0, 0.0, 0.0, 30.0),
                node(1, 3.0, 0.0, 30.0),
                node(2, 5.0, 0.0, 30.0),
                node(3, 9.0, 20.0, 22.0),
                node(4, 4.0, 0.0, 5.0),
                node(5, 1.0, 0.0, 30.0),
            ],
            travel: vec![
                TravelMatrix::from_fn(6, |i, j| 2.0 * (i as f64 - j as f64).abs()).unwrap(),
            ],
            tours: vec![
                TourSpec {
                    start_node: 0,
                    end_node: 0,
                    start_time: 0.0,
                    end_time: 30.0
                };
                m
            ],
        }
    }

    #[test]
    fn finds_the_optimum_of_a_tiny_instance() {
        // Exhaustive reasoning: 4 (by t=5), then 1, 2, 3 (start 20..22), home by 30.
        let inst = small(1);
        let cfg = SolverConfig {
            seed: 3,
            time_limit: None,
            max_iterations: Some(200),
        };
        let sol = solve(&inst, &cfg).unwrap();
        let tt = check_solution(&inst, &sol.routes).unwrap();
        assert_eq!(tt.score, sol.score);
        let brute = brute_force(&inst);
        assert_eq!(sol.score, brute);
    }

    /// Best score over all orderings of all subsets (tiny instances only).
    fn brute_force(inst: &Instance) -> f64 {
        fn rec(inst: &Instance, route: &mut Vec<usize>, best: &mut f64) {
            if let Ok(tt) = check_solution(inst, std::slice::from_ref(route)) {
                *best = best.max(tt.score);
            } else {
                return;
            }
            for v in 1..inst.nodes.len() {
                if !route.contains(&v) {
                    route.push(v);
                    rec(inst, route, best);
                    route.pop();
                }
            }
        }
        let mut best = 0.0;
        rec(inst, &mut Vec::new(), &mut best);
        best
    }

    #[test]
    fn more_tours_collect_everything_reachable() {
        let inst = small(3);
        let sol = solve(
            &inst,
            &SolverConfig {
                seed: 1,
                time_limit: None,
                max_iterations: Some(100),
            },
        )
        .unwrap();
        assert!(check_solution(&inst, &sol.routes).is_ok());
        // Node 4 (score 4) closes at 5 but is 8 away: never reachable.
        assert_eq!(sol.score, inst.total_score() - 4.0);
    }

    #[test]
    fn rejects_invalid_instances() {
        let mut inst = small(1);
        inst.tours.clear();
        assert!(solve(&inst, &SolverConfig::default()).is_err());
    }
}
