//! In-memory spatial indexes over spots and shelters, rebuilt after every import.
//!
//! Points are kept as unit vectors on the sphere (x, y, z): the straight-line
//! distance between two unit vectors grows monotonically with the
//! great-circle distance, so the R-tree's nearest-neighbour order is the true
//! order on the earth, anywhere in Japan, with no projection error.

use std::sync::OnceLock;

use machi_common::{GeoPoint, Hazard};
use rstar::primitives::GeomWithData;
use rstar::RTree;
use rusqlite::Connection;

use crate::error::StoreError;
use crate::hours::Hours;

type Node = GeomWithData<[f64; 3], u32>;

/// A point as a unit vector.
pub(crate) fn unit(p: GeoPoint) -> [f64; 3] {
    let (la, lo) = (p.lat.to_radians(), p.lon.to_radians());
    [la.cos() * lo.cos(), la.cos() * lo.sin(), la.sin()]
}

/// Bit of a hazard in the `hazards` mask column.
pub(crate) fn hazard_bit(h: Hazard) -> i64 {
    let i = Hazard::ALL.iter().position(|x| *x == h).unwrap_or(0);
    1 << i
}

/// One spot as the index knows it.
#[derive(Debug)]
pub(crate) struct SpotEntry {
    pub key: String,
    pub point: GeoPoint,
    pub popularity: f64,
    pub tags: Vec<String>,
    pub hours: Option<String>,
    /// Parsed lazily: most queries never ask about opening hours.
    parsed: OnceLock<Option<Hours>>,
}

impl SpotEntry {
    /// Parsed opening hours (`None` when absent or unparseable).
    pub fn hours(&self) -> Option<&Hours> {
        self.parsed
            .get_or_init(|| self.hours.as_deref().and_then(|h| Hours::parse(h).ok()))
            .as_ref()
    }
}

/// Spots: nearest-neighbour tree plus the facts filters need.
#[derive(Debug, Default)]
pub(crate) struct SpotIndex {
    pub entries: Vec<SpotEntry>,
    /// Entry indices by popularity (desc), then key.
    pub by_popularity: Vec<u32>,
    /// Entry index by spot key.
    pub by_key: std::collections::HashMap<String, u32>,
    pub tree: RTree<Node>,
}

/// Shelters: nearest-neighbour tree plus hazard masks.
#[derive(Debug, Default)]
pub(crate) struct ShelterIndex {
    pub keys: Vec<String>,
    pub points: Vec<GeoPoint>,
    pub hazards: Vec<i64>,
    pub tree: RTree<Node>,
}

impl SpotIndex {
    pub fn load(conn: &Connection) -> Result<SpotIndex, StoreError> {
        let mut tags: std::collections::HashMap<String, Vec<String>> = Default::default();
        let mut st = conn.prepare("SELECT spot_key, tag FROM spot_tags ORDER BY spot_key, tag")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            tags.entry(r.get(0)?).or_default().push(r.get(1)?);
        }
        let mut st = conn
            .prepare("SELECT key, lat, lon, popularity, opening_hours FROM spots ORDER BY rowid")?;
        let mut rows = st.query([])?;
        let mut entries = Vec::new();
        while let Some(r) = rows.next()? {
            let key: String = r.get(0)?;
            entries.push(SpotEntry {
                tags: tags.remove(&key).unwrap_or_default(),
                key,
                point: GeoPoint {
                    lat: r.get(1)?,
                    lon: r.get(2)?,
                },
                popularity: r.get(3)?,
                hours: r.get(4)?,
                parsed: OnceLock::new(),
            });
        }
        let nodes = entries
            .iter()
            .enumerate()
            .map(|(i, e)| Node::new(unit(e.point), i as u32))
            .collect();
        let mut by_popularity: Vec<u32> = (0..entries.len() as u32).collect();
        by_popularity.sort_by(|a, b| {
            let (a, b) = (&entries[*a as usize], &entries[*b as usize]);
            b.popularity
                .total_cmp(&a.popularity)
                .then_with(|| a.key.cmp(&b.key))
        });
        let by_key = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.key.clone(), i as u32))
            .collect();
        Ok(SpotIndex {
            entries,
            by_popularity,
            by_key,
            tree: RTree::bulk_load(nodes),
        })
    }

    /// Entry indices nearest first.
    pub fn nearest(&self, p: GeoPoint) -> impl Iterator<Item = u32> + '_ {
        self.tree.nearest_neighbor_iter(&unit(p)).map(|n| n.data)
    }
}

impl ShelterIndex {
    pub fn load(conn: &Connection) -> Result<ShelterIndex, StoreError> {
        let mut st = conn.prepare("SELECT key, lat, lon, hazards FROM shelters ORDER BY rowid")?;
        let mut rows = st.query([])?;
        let mut idx = ShelterIndex::default();
        while let Some(r) = rows.next()? {
            idx.keys.push(r.get(0)?);
            idx.points.push(GeoPoint {
                lat: r.get(1)?,
                lon: r.get(2)?,
            });
            idx.hazards.push(r.get(3)?);
        }
        let nodes = idx
            .points
            .iter()
            .enumerate()
            .map(|(i, p)| Node::new(unit(*p), i as u32))
            .collect();
        idx.tree = RTree::bulk_load(nodes);
        Ok(idx)
    }

    /// Up to `limit` shelter indices nearest to `p` whose mask has every bit of `mask`.
    pub fn nearest(&self, p: GeoPoint, mask: i64, limit: usize) -> Vec<u32> {
        self.tree
            .nearest_neighbor_iter(&unit(p))
            .map(|n| n.data)
            .filter(|i| self.hazards[*i as usize] & mask == mask)
            .take(limit)
            .collect()
    }
}
