//! Independent feasibility checker and timetable builder.
//!
//! Deliberately shares no code with the solver's incremental bookkeeping: it
//! replays every route from scratch (depart, travel, wait for the window,
//! serve, move on) so tests and the evaluation can trust a solver's output
//! only after it passed here.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::model::{Instance, EPS};

/// Timing of one visit in a replayed route.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct VisitTime {
    /// Node index in [`Instance::nodes`].
    pub node: usize,
    /// Arrival time.
    pub arrival: f64,
    /// Waiting before service (`start - arrival`).
    pub wait: f64,
    /// Start of service.
    pub start: f64,
    /// Departure (`start + service`).
    pub leave: f64,
}

/// One replayed tour.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RouteTimetable {
    /// Tour index.
    pub tour: usize,
    /// Departure time from the start node.
    pub departure: f64,
    /// Visits in order (start and end nodes excluded).
    pub visits: Vec<VisitTime>,
    /// Arrival time at the end node.
    pub return_arrival: f64,
    /// Score collected on this tour.
    pub score: f64,
}

/// A fully replayed, feasible solution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timetable {
    /// One entry per tour, in tour order.
    pub routes: Vec<RouteTimetable>,
    /// Total score.
    pub score: f64,
}

/// Why a solution is infeasible.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum Infeasible {
    /// More routes than the instance has tours.
    #[error("{routes} routes for {tours} tours")]
    TooManyRoutes {
        /// Routes given.
        routes: usize,
        /// Tours in the instance.
        tours: usize,
    },
    /// A node index is out of range.
    #[error("tour {tour}: node index {node} out of range")]
    UnknownNode {
        /// Tour index.
        tour: usize,
        /// Offending index.
        node: usize,
    },
    /// A start/end node is listed as a visit.
    #[error("tour {tour}: terminal node {node} listed as a visit")]
    TerminalVisited {
        /// Tour index.
        tour: usize,
        /// Offending node.
        node: usize,
    },
    /// The same node is visited twice.
    #[error("node {node} visited more than once")]
    Duplicate {
        /// Offending node.
        node: usize,
    },
    /// The visit cannot start within any window of that tour.
    #[error("tour {tour}: node {node} reached at {arrival} after its last window closed")]
    WindowMissed {
        /// Tour index.
        tour: usize,
        /// Offending node.
        node: usize,
        /// Arrival time.
        arrival: f64,
    },
    /// The tour returns after its deadline.
    #[error("tour {tour}: returns at {arrival}, deadline {deadline}")]
    LateReturn {
        /// Tour index.
        tour: usize,
        /// Arrival at the end node.
        arrival: f64,
        /// The tour's end time.
        deadline: f64,
    },
}

/// Replays `routes` (route `t` runs on tour `t`; missing routes are empty)
/// and returns the timetable, or the first violation found. An empty route
/// is a tour not used and always feasible.
pub fn check_solution(inst: &Instance, routes: &[Vec<usize>]) -> Result<Timetable, Infeasible> {
    if routes.len() > inst.tours.len() {
        return Err(Infeasible::TooManyRoutes {
            routes: routes.len(),
            tours: inst.tours.len(),
        });
    }
    let n = inst.nodes.len();
    let mut seen = vec![false; n];
    let mut out = Vec::with_capacity(inst.tours.len());
    let mut total = 0.0;
    for (t, tour) in inst.tours.iter().enumerate() {
        let route: &[usize] = routes.get(t).map(Vec::as_slice).unwrap_or(&[]);
        if route.is_empty() {
            // An empty route means the tour is not used (in Chao's TOP sets the
            // end can lie beyond the budget, and then nothing is driven).
            out.push(RouteTimetable {
                tour: t,
                departure: tour.start_time,
                visits: Vec::new(),
                return_arrival: tour.start_time,
                score: 0.0,
            });
            continue;
        }
        let matrix = inst.matrix(t);
        let mut at = tour.start_node;
        let mut clock = tour.start_time + inst.nodes[at].service;
        let mut visits = Vec::with_capacity(route.len());
        let mut score = 0.0;
        for &v in route {
            if v >= n {
                return Err(Infeasible::UnknownNode { tour: t, node: v });
            }
            if inst.is_terminal(v) {
                return Err(Infeasible::TerminalVisited { tour: t, node: v });
            }
            if seen[v] {
                return Err(Infeasible::Duplicate { node: v });
            }
            seen[v] = true;
            let arrival = clock + matrix.get(at, v);
            let window = inst.nodes[v]
                .windows_for(t)
                .iter()
                .find(|w| arrival <= w.close + EPS)
                .ok_or(Infeasible::WindowMissed {
                    tour: t,
                    node: v,
                    arrival,
                })?;
            let start = arrival.max(window.open);
            let leave = start + inst.nodes[v].service;
            visits.push(VisitTime {
                node: v,
                arrival,
                wait: start - arrival,
                start,
                leave,
            });
            score += inst.nodes[v].score;
            clock = leave;
            at = v;
        }
        let return_arrival = clock + matrix.get(at, tour.end_node);
        if return_arrival > tour.end_time + EPS {
            return Err(Infeasible::LateReturn {
                tour: t,
                arrival: return_arrival,
                deadline: tour.end_time,
            });
        }
        total += score;
        out.push(RouteTimetable {
            tour: t,
            departure: tour.start_time,
            visits,
            return_arrival,
            score,
        });
    }
    Ok(Timetable {
        routes: out,
        score: total,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Node, TimeWindow, TourSpec, TravelMatrix};

    /// Depot 0 and three customers on a line, 10 apart; horizon 60.
    fn line() -> Instance {
        let node = |id: u32, o: f64, c: f64| Node {
            id,
            score: 5.0,
            service: 5.0,
            windows: vec![vec![TimeWindow::new(o, c)]],
        };
        let mut depot = node(0, 0.0, 60.0);
        depot.service = 0.0;
        Instance {
            name: "line".into(),
            nodes: vec![
                depot,
                node(1, 0.0, 60.0),
                node(2, 25.0, 30.0),
                node(3, 0.0, 12.0),
            ],
            travel: vec![
                TravelMatrix::from_fn(4, |i, j| 10.0 * (i as f64 - j as f64).abs()).unwrap(),
            ],
            tours: vec![TourSpec {
                start_node: 0,
                end_node: 0,
                start_time: 0.0,
                end_time: 60.0,
            }],
        }
    }

    #[test]
    fn replays_waiting_and_times() {
        let tt = check_solution(&line(), &[vec![1, 2]]).unwrap();
        let v = &tt.routes[0].visits;
        assert_eq!((v[0].arrival, v[0].start, v[0].leave), (10.0, 10.0, 15.0));
        assert_eq!((v[1].arrival, v[1].wait, v[1].start), (25.0, 0.0, 25.0));
        assert_eq!(tt.routes[0].return_arrival, 50.0);
        assert_eq!(tt.score, 10.0);
    }

    #[test]
    fn catches_each_kind_of_violation() {
        let inst = line();
        assert!(matches!(
            check_solution(&inst, &[vec![1, 3]]),
            Err(Infeasible::WindowMissed { node: 3, .. })
        ));
        assert!(matches!(
            check_solution(&inst, &[vec![1, 1]]),
            Err(Infeasible::Duplicate { node: 1 })
        ));
        assert!(matches!(
            check_solution(&inst, &[vec![0]]),
            Err(Infeasible::TerminalVisited { .. })
        ));
        assert!(matches!(
            check_solution(&inst, &[vec![9]]),
            Err(Infeasible::UnknownNode { .. })
        ));
        assert!(matches!(
            check_solution(&inst, &[vec![], vec![]]),
            Err(Infeasible::TooManyRoutes { .. })
        ));
        let mut late = inst.clone();
        late.tours[0].end_time = 45.0;
        late.nodes[0].windows = vec![vec![TimeWindow::new(0.0, 45.0)]];
        assert!(matches!(
            check_solution(&late, &[vec![1, 2]]),
            Err(Infeasible::LateReturn { .. })
        ));
    }
}
