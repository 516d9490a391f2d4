//! Typed reasons a plan cannot be made, each with a Fluent message id.

use machi_i18n::{Args, Localizer};
use thiserror::Error;

use crate::error::CourseError;

/// Why no course could be suggested.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum PlanError {
    /// The start or end place is not among the given spots.
    #[error("unknown place {0}")]
    UnknownPlace(String),
    /// A must-visit, locked or excluded spot id is unknown.
    #[error("unknown spot {0}")]
    UnknownSpot(String),
    /// No spot is available to visit (none given, or all excluded).
    #[error("no spots to choose from")]
    NoSpots,
    /// Spots are open, but the time available does not allow a single visit.
    #[error("not enough time for any visit")]
    TimeTooShort,
    /// Every candidate spot is closed during the requested hours.
    #[error("every spot is closed during the requested hours")]
    EverythingClosed,
    /// These must-visit spots cannot all fit.
    #[error("must-visit spots do not fit: {0:?}")]
    MustVisitInfeasible(Vec<String>),
    /// The request itself is malformed (developer detail inside).
    #[error("invalid request: {0}")]
    InvalidRequest(String),
    /// The solver rejected the instance built from the request.
    #[error("solver: {0}")]
    Solver(#[from] CourseError),
}

impl PlanError {
    /// The Fluent id of the user-facing message.
    pub fn message_id(&self) -> &'static str {
        match self {
            PlanError::UnknownPlace(_) => "course-error-unknown-place",
            PlanError::UnknownSpot(_) => "course-error-unknown-spot",
            PlanError::NoSpots => "course-error-no-spots",
            PlanError::TimeTooShort => "course-error-time-too-short",
            PlanError::EverythingClosed => "course-error-everything-closed",
            PlanError::MustVisitInfeasible(_) => "course-error-must-visit",
            PlanError::InvalidRequest(_) | PlanError::Solver(_) => "course-error-invalid-request",
        }
    }

    /// The localized, user-facing message. Spot ids are passed as given;
    /// the app may prefer [`PlanError::localize_with`] to show names.
    pub fn localize(&self, loc: &Localizer) -> String {
        self.localize_with(loc, |id| id.to_string())
    }

    /// Like [`PlanError::localize`], with `name` turning spot ids into names.
    pub fn localize_with(&self, loc: &Localizer, name: impl Fn(&str) -> String) -> String {
        let args = match self {
            PlanError::UnknownPlace(p) | PlanError::UnknownSpot(p) => {
                Args::new().str("place", name(p))
            }
            PlanError::MustVisitInfeasible(ids) => {
                let names: Vec<String> = ids.iter().map(|i| name(i)).collect();
                Args::new()
                    .str("spots", loc.list(&names))
                    .num("count", ids.len())
            }
            _ => Args::new(),
        };
        loc.msg(self.message_id(), &args)
    }
}
