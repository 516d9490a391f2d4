//! The user's registered places (home, parents' house…): used by the notice
//! area filter and as course starting points.

use crate::error::{MachiError, Result};
use machi_app::content_core::store::Place;
use machi_common::GeoPoint;

use crate::types::checked;
use crate::Machi;

/// A place the user registered: row id (for removal), the user's label,
/// position, and when it was registered (RFC 3339).
#[uniffi::remote(Record)]
pub struct Place {
    pub id: i64,
    pub name: String,
    pub location: GeoPoint,
    pub created: String,
}

#[uniffi::export]
impl Machi {
    /// Registers a place; an empty name or a bad coordinate is `InvalidInput`.
    pub fn add_place(&self, name: String, location: GeoPoint) -> Result<Place> {
        if name.trim().is_empty() {
            return Err(MachiError::invalid("place name is empty"));
        }
        Ok(self.app.add_place(name.trim(), checked(location)?)?)
    }

    /// Registered places, oldest first.
    pub fn places(&self) -> Result<Vec<Place>> {
        Ok(self.app.places()?)
    }

    /// Removes a place; `NotFound` when none has that id.
    pub fn remove_place(&self, id: i64) -> Result<()> {
        if self.app.remove_place(id)? {
            Ok(())
        } else {
            Err(MachiError::NotFound {
                what: format!("place {id}"),
            })
        }
    }
}
