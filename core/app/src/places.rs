//! Places the user registers (home, school…) and the FAQ's user-state log.

use machi_common::{GeoPoint, Lang};
use machi_content::store::{FaqFeedback, Place, UnansweredQuery};

use crate::error::Result;
use crate::Machi;

impl Machi {
    /// Registers a place.
    pub fn add_place(&self, name: &str, location: GeoPoint) -> Result<Place> {
        Ok(self.store()?.add_place(name, location)?)
    }

    /// Registered places, oldest first.
    pub fn places(&self) -> Result<Vec<Place>> {
        Ok(self.store()?.places()?)
    }

    /// Removes a place; false when none had that id.
    pub fn remove_place(&self, id: i64) -> Result<bool> {
        Ok(self.store()?.remove_place(id)?)
    }

    /// Records whether an FAQ answer helped.
    pub fn record_faq_feedback(
        &self,
        entry_id: &str,
        query: &str,
        helpful: bool,
        lang: Option<Lang>,
    ) -> Result<()> {
        self.store()?
            .record_faq_feedback(entry_id, query, helpful, lang)?;
        if !query.trim().is_empty() {
            // The vote may add or take back a local example question.
            self.forget_faq_bot();
        }
        Ok(())
    }

    /// Every FAQ feedback vote.
    pub fn faq_feedback(&self) -> Result<Vec<FaqFeedback>> {
        Ok(self.store()?.faq_feedback()?)
    }

    /// Logs a question the FAQ could not answer.
    pub fn log_unanswered(&self, query: &str, lang: Option<Lang>) -> Result<()> {
        Ok(self.store()?.log_unanswered(query, lang)?)
    }

    /// Unanswered questions grouped by text, most asked first (for the municipality).
    pub fn export_unanswered(&self) -> Result<Vec<UnansweredQuery>> {
        Ok(self.store()?.export_unanswered()?)
    }
}
