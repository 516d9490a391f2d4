//! machi-course: model-course suggestions.
//!
//! * [`model`]: the (team) orienteering problem with time windows as data;
//! * [`solver`]: an iterated local search for it ([`solve`]);
//! * [`check`]: an independent feasibility checker ([`check_solution`]);
//! * [`parse`]: readers for the public TOPTW / TTDP / TOP benchmark formats;
//! * [`eval`]: the benchmark runner (the only module that reads files);
//! * [`planner`]: the tourist-facing planner built on the solver.

#![warn(missing_docs)]

pub mod check;
pub mod error;
pub mod eval;
pub mod model;
pub mod parse;
pub mod planner;
pub mod solver;

pub use check::{check_solution, Infeasible, RouteTimetable, Timetable, VisitTime};
pub use error::{CourseError, Result};
pub use model::{Instance, Node, TimeWindow, TourSpec, TravelMatrix};
pub use solver::{solve, Solution, SolverConfig};
