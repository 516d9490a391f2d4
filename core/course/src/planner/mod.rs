//! The tourist planner: a request ("4 hours, nature and history, on foot
//! from the station") and the town's spots in, a model course out.
//!
//! Pure: the app layer maps stored spots to [`Spot`] and passes the pack's
//! congestion rules and travel tables in a [`PlanContext`].

mod access;
mod error;
mod explain;
mod hours;
mod multimodal;
mod plan;
mod retime;
mod travel;
mod types;

pub use access::*;
pub use error::PlanError;
pub use explain::{explain_reason, mode_message_id};
pub use plan::{replan, suggest, PlanContext};
pub use types::*;
