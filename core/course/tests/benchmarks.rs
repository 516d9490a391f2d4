//! End-to-end checks on the shared benchmark files (skipped when absent).

mod common;

use machi_course::parse::{parse_instance, parse_toptw, Rounding};
use machi_course::{check_solution, solve, SolverConfig};

/// The last `Best Feasible Path` of a Righini–Salani DSSR log: (prize, route).
fn rs_optimal_route(text: &str) -> (f64, Vec<usize>) {
    let mut prize = 0.0;
    let mut route = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    for (i, l) in lines.iter().enumerate() {
        if l.starts_with("Best Feasible Path") {
            prize = lines[i + 1]
                .split_whitespace()
                .next()
                .unwrap()
                .trim_start_matches("Prize:")
                .parse()
                .unwrap();
            route = lines[i + 2]
                .split_whitespace()
                .filter_map(|t| t.parse().ok())
                .collect();
        }
    }
    (prize, route)
}

#[test]
fn righini_salani_optimal_routes_replay_feasibly() {
    let Some(data) = common::shared_data() else {
        return;
    };
    let dir = data.join("toptw");
    for name in ["c101", "r101", "rc105", "rc108"] {
        let text = std::fs::read_to_string(dir.join(format!("solomon_100/{name}.txt"))).unwrap();
        let inst = parse_toptw(name, &text, Rounding::Floor1, 1).unwrap();
        let log = std::fs::read_to_string(dir.join(format!(
            "righini_salani_original/Solomon_OPT/bestPossible/{name}_100.dssr.full"
        )))
        .unwrap();
        let (prize, route) = rs_optimal_route(&log);
        let tt = check_solution(&inst, &[route]).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(tt.score, prize, "{name}");
    }
}

#[test]
fn c204_split_header_parses() {
    let Some(data) = common::shared_data() else {
        return;
    };
    let text = std::fs::read_to_string(data.join("toptw/solomon_200/c204.txt")).unwrap();
    let inst = parse_instance("c204", &text, None).unwrap();
    assert_eq!(inst.nodes.len(), 101);
    assert_eq!(inst.tours[0].end_time, 3390.0);
}

#[test]
fn smoke_solve_three_instances_feasibly_and_near_optimum() {
    let Some(data) = common::shared_data() else {
        return;
    };
    for (name, opt) in [("c101", 320.0), ("r101", 198.0), ("rc101", 219.0)] {
        let text =
            std::fs::read_to_string(data.join(format!("toptw/solomon_100/{name}.txt"))).unwrap();
        let inst = parse_instance(name, &text, None).unwrap();
        // Iteration-capped so the result does not depend on machine load.
        let cfg = SolverConfig {
            seed: 7,
            time_limit: None,
            max_iterations: Some(300),
        };
        let sol = solve(&inst, &cfg).unwrap();
        let tt = check_solution(&inst, &sol.routes).unwrap();
        assert_eq!(tt.score, sol.score);
        assert!(sol.score >= 0.9 * opt, "{name}: {} vs {opt}", sol.score);
        assert!(sol.score <= opt, "{name}: beat a proven optimum?");
    }
}
