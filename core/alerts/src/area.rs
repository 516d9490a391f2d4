//! Which notices concern the user: their registered places and current
//! location against CAP polygons/circles, and the town's area codes
//! against geocodes and JMA area codes.

use machi_common::GeoPoint;
use serde::{Deserialize, Serialize};

use crate::kind::NoticeKind;
use crate::model::{Area, AreaCode, CodeScheme, Notice};

/// Where the user is and lives. A notice with no area matching any of
/// these is not shown.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AreaFilter {
    /// Registered places (home, parents' house, …) and the current location.
    pub places: Vec<GeoPoint>,
    /// The town's area codes in every scheme, supplied by the caller: its
    /// municipality code (e.g. `0821400`), the forecast regions containing
    /// it (e.g. `080000`, `080010`), its earthquake region (`300`), its
    /// tsunami coast (`300`), nearby volcanoes and designated rivers.
    pub codes: Vec<AreaCode>,
    /// Show every notice whatever its area (operator views, `--everywhere`).
    pub everywhere: bool,
}

impl AreaFilter {
    /// A filter that matches every notice.
    pub fn everywhere() -> Self {
        AreaFilter {
            everywhere: true,
            ..Self::default()
        }
    }
}

/// Why a notice matched: the indices of the matching [`Notice::areas`]
/// and the kinds that apply there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AreaMatch {
    /// Indices into `notice.areas` that matched.
    pub areas: Vec<usize>,
    /// The kinds in force for the user: those of the most specific
    /// matching areas (a town's own entry beats its forecast region).
    pub kinds: Vec<NoticeKind>,
}

/// Matches a notice against the filter; `None` when it is not for the user.
pub fn match_notice(notice: &Notice, filter: &AreaFilter) -> Option<AreaMatch> {
    // Most specific first: geometry and municipality codes name the
    // user's own place; regions cover many towns.
    let mut precise = Vec::new();
    let mut regional = Vec::new();
    for (i, area) in notice.areas.iter().enumerate() {
        if area_contains_place(area, &filter.places) || area_has_code(area, filter, true) {
            precise.push(i);
        } else if area_has_code(area, filter, false) {
            regional.push(i);
        }
    }
    let areas = if precise.is_empty() {
        regional
    } else {
        precise
    };
    if areas.is_empty() {
        if filter.everywhere {
            return Some(AreaMatch {
                areas: Vec::new(),
                kinds: vec![notice.kind.clone()],
            });
        }
        return None;
    }
    let kinds = notice.kinds_in(&areas);
    Some(AreaMatch { areas, kinds })
}

fn area_has_code(area: &Area, filter: &AreaFilter, municipal: bool) -> bool {
    area.codes
        .iter()
        .any(|c| (c.scheme == CodeScheme::Municipality) == municipal && filter.codes.contains(c))
}

fn area_contains_place(area: &Area, places: &[GeoPoint]) -> bool {
    places.iter().any(|p| {
        area.polygons.iter().any(|poly| point_in_polygon(*p, poly))
            || area
                .circles
                .iter()
                .any(|c| c.center.distance_m(p) <= c.radius_km * 1000.0)
    })
}

/// Even-odd ray casting with longitude as x and latitude as y. Areas are
/// town-sized, far from the poles and the antimeridian, so planar is exact
/// enough; points on an edge may fall either way.
pub fn point_in_polygon(p: GeoPoint, ring: &[GeoPoint]) -> bool {
    let mut inside = false;
    let n = ring.len();
    if n < 3 {
        return false;
    }
    let mut j = n - 1;
    for i in 0..n {
        let (a, b) = (ring[i], ring[j]);
        if (a.lat > p.lat) != (b.lat > p.lat) {
            let x = a.lon + (p.lat - a.lat) / (b.lat - a.lat) * (b.lon - a.lon);
            if p.lon < x {
                inside = !inside;
            }
        }
        j = i;
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pt(lat: f64, lon: f64) -> GeoPoint {
        GeoPoint::new(lat, lon).unwrap()
    }

    #[test]
    fn ray_casting() {
        let square = vec![
            pt(36.70, 140.70),
            pt(36.70, 140.75),
            pt(36.75, 140.75),
            pt(36.75, 140.70),
            pt(36.70, 140.70),
        ];
        assert!(point_in_polygon(pt(36.72, 140.72), &square));
        assert!(!point_in_polygon(pt(36.80, 140.72), &square));
        assert!(!point_in_polygon(pt(36.72, 140.80), &square));
        // A concave (L-shaped) ring: the notch is outside.
        let l = vec![
            pt(0.0, 0.0),
            pt(0.0, 2.0),
            pt(1.0, 2.0),
            pt(1.0, 1.0),
            pt(2.0, 1.0),
            pt(2.0, 0.0),
            pt(0.0, 0.0),
        ];
        assert!(point_in_polygon(pt(0.5, 1.5), &l));
        assert!(!point_in_polygon(pt(1.5, 1.5), &l));
    }
}
