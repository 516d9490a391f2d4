//! The plain-Rust facade of machi.
//!
//! [`Machi`] owns the SQLite store, imports the embedded sample town on first
//! open, and composes the capability crates (content, course, faq, alerts,
//! sync) into the operations a shell offers. The CLI and the uniffi bindings
//! are thin layers over this crate; neither holds business logic.
//!
//! Each capability's composition lives in its own module (`course.rs`,
//! `faq.rs`, …) as an `impl Machi` block plus the per-capability state that
//! [`Machi`] carries.

mod alerts;
mod content;
mod course;
mod embedded;
mod error;
mod faq;
mod feed_publish;
mod garbage;
mod places;
mod procedures;
mod shelter_status;
mod store;
mod sync;
mod transit;

pub use alerts::{
    IngestReport, NoticeDetail, NoticeListener, NoticeQuery, NoticeView, ShelterChoice,
};
pub use content::{
    tag_label, EventView, GarbageAreaView, GarbageCollectionView, GarbageDayView, PackInfo,
    ShelterView, SpotFilter, SpotView, TagView, Text,
};
pub use course::{
    eval_course, format_course_eval, CongestionView, CourseDayView, CourseEdits, CourseEvalOptions,
    CourseEvalReport, CourseLegView, CourseMode, CoursePace, CoursePlace, CoursePlanView,
    CourseRequest, CourseRideView, CourseStopView, CourseView,
};
/// `machi eval plan`: plan quality on visitor scenarios.
pub use course::{
    format_plan_eval, PlanEvalReport, PlanEvalSummary, PlanLegRecord, PlanScenario,
    PlanScenarioResult,
};
pub use embedded::{sample_town, sample_town_identity, sample_town_json};
pub use error::{Error, Result};
pub use faq::web_faq_bundle;
pub use faq::{
    eval_faq, FaqAnswer, FaqCategory, FaqChoice, FaqContact, FaqEvalExamples, FaqEvalReport,
    FaqReply, FaqReplyKind, FaqSuggestion,
};
pub use feed_publish::{publish_notice_feed, PublishedFeed, FEED_INDEX_FILE};
pub use garbage::{
    index::Index as GarbageIndex, GarbageMatchKind, GarbageMatchView, GarbageSortView,
    GarbageSuggestion, GARBAGE_ANSWER_PREFIX, MAX_GARBAGE_QUERY_CHARS,
};
pub use procedures::{
    BenefitView, ChecklistItemView, ChecklistView, CounterView, DeadlineView, LifeEventView,
    OnlineView, OptionView, ProcedureView, QuestionView,
};
pub use shelter_status::ShelterStatus;
pub use store::{Machi, OpenOptions};
pub use transit::{TransitDepartureView, TransitError, TransitJourneyView, TransitLegView};

/// The alerts crate, re-exported for publisher tools (notice envelopes).
pub use machi_alerts as alerts_core;
/// Shared types (languages, points, hazards).
pub use machi_common as common;
/// The content crate, re-exported so shells and bindings name one dependency.
pub use machi_content as content_core;
/// The procedures crate (answers, coverage), re-exported for the CLI and bindings.
pub use machi_procedures as procedures_core;
/// The transit crate (timetable, search), re-exported for the CLI and bindings.
pub use machi_transit as transit_core;
