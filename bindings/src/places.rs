//! The user's registered places (home, parents' house…): used by the notice
//! area filter and as course starting points.

use crate::error::{MachiError, Result};
use crate::types::GeoPoint;
use crate::Machi;

/// A place the user registered.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Place {
    /// Row id (for removal).
    pub id: i64,
    /// The user's label.
    pub name: String,
    /// Position.
    pub location: GeoPoint,
    /// When registered, RFC 3339.
    pub created: String,
}

impl From<machi_app::content_core::store::Place> for Place {
    fn from(p: machi_app::content_core::store::Place) -> Self {
        Place {
            id: p.id,
            name: p.name,
            location: p.location.into(),
            created: p.created,
        }
    }
}

#[uniffi::export]
impl Machi {
    /// Registers a place; an empty name or a bad coordinate is `InvalidInput`.
    pub fn add_place(&self, name: String, location: GeoPoint) -> Result<Place> {
        if name.trim().is_empty() {
            return Err(MachiError::invalid("place name is empty"));
        }
        Ok(self.app.add_place(name.trim(), location.to_core()?)?.into())
    }

    /// Registered places, oldest first.
    pub fn places(&self) -> Result<Vec<Place>> {
        Ok(self.app.places()?.into_iter().map(Into::into).collect())
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
