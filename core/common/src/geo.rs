use serde::{Deserialize, Serialize};

/// Mean earth radius in metres (IUGG), used for great-circle distances.
pub const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// A WGS 84 position in decimal degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GeoPoint {
    /// Latitude, −90..=90.
    pub lat: f64,
    /// Longitude, −180..=180.
    pub lon: f64,
}

/// A coordinate that is out of range, not a number, or not parseable.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GeoError {
    /// Latitude or longitude outside its range, or NaN.
    #[error("coordinate out of range: lat {lat}, lon {lon}")]
    OutOfRange {
        /// The latitude given.
        lat: f64,
        /// The longitude given.
        lon: f64,
    },
    /// Text that is not `LAT,LON`.
    #[error("not a coordinate (expected LAT,LON): {0:?}")]
    Syntax(String),
}

impl GeoPoint {
    /// A checked point: both values finite and within range.
    pub fn new(lat: f64, lon: f64) -> Result<Self, GeoError> {
        if lat.is_finite()
            && lon.is_finite()
            && (-90.0..=90.0).contains(&lat)
            && (-180.0..=180.0).contains(&lon)
        {
            Ok(GeoPoint { lat, lon })
        } else {
            Err(GeoError::OutOfRange { lat, lon })
        }
    }

    /// Parses `LAT,LON` (spaces allowed), e.g. `36.7191,140.7138`.
    pub fn parse(text: &str) -> Result<Self, GeoError> {
        let (a, b) = text
            .split_once(',')
            .ok_or_else(|| GeoError::Syntax(text.to_string()))?;
        let lat: f64 = a
            .trim()
            .parse()
            .map_err(|_| GeoError::Syntax(text.to_string()))?;
        let lon: f64 = b
            .trim()
            .parse()
            .map_err(|_| GeoError::Syntax(text.to_string()))?;
        GeoPoint::new(lat, lon)
    }

    /// Great-circle (haversine) distance to `other` in metres.
    pub fn distance_m(&self, other: &GeoPoint) -> f64 {
        let (p1, p2) = (self.lat.to_radians(), other.lat.to_radians());
        let dp = p2 - p1;
        let dl = (other.lon - self.lon).to_radians();
        let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_M * a.sqrt().min(1.0).asin()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn takahagi_station_to_hananuki_gorge_is_about_11_km() {
        let station = GeoPoint::new(36.7191, 140.7107).unwrap();
        let gorge = GeoPoint::new(36.7866, 140.6370).unwrap();
        let d = station.distance_m(&gorge);
        assert!((9_000.0..12_000.0).contains(&d), "{d}");
    }

    #[test]
    fn parse_rejects_garbage() {
        assert!(GeoPoint::parse("36.7,140.7").is_ok());
        assert!(GeoPoint::parse("95,0").is_err());
        assert!(GeoPoint::parse("abc").is_err());
        assert!(GeoPoint::parse("NaN,1").is_err());
    }

    proptest! {
        #[test]
        fn distance_is_symmetric_and_non_negative(a in -89.0f64..89.0, b in -179.0f64..179.0, c in -89.0f64..89.0, d in -179.0f64..179.0) {
            let p = GeoPoint::new(a, b).unwrap();
            let q = GeoPoint::new(c, d).unwrap();
            let x = p.distance_m(&q);
            prop_assert!(x >= 0.0);
            prop_assert!((x - q.distance_m(&p)).abs() < 1e-6);
        }
    }
}
