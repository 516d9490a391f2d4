use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The eight hazard kinds a designated emergency evacuation place
/// (指定緊急避難場所) is certified for, in the order of the national
/// open-data template's columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Hazard {
    /// 洪水 — river flood.
    Flood,
    /// 崖崩れ、土石流及び地滑り — landslide, debris flow.
    Landslide,
    /// 高潮 — storm surge.
    StormSurge,
    /// 地震 — earthquake.
    Earthquake,
    /// 津波 — tsunami.
    Tsunami,
    /// 大規模な火事 — large fire.
    Fire,
    /// 内水氾濫 — inland (pluvial) flooding.
    InlandFlood,
    /// 火山現象 — volcanic phenomena.
    Volcano,
}

impl Hazard {
    /// All eight, in template column order.
    pub const ALL: [Hazard; 8] = [
        Hazard::Flood,
        Hazard::Landslide,
        Hazard::StormSurge,
        Hazard::Earthquake,
        Hazard::Tsunami,
        Hazard::Fire,
        Hazard::InlandFlood,
        Hazard::Volcano,
    ];

    /// The stable kebab-case key, e.g. `storm-surge` (CLI flags, JSON, Fluent ids).
    pub fn key(self) -> &'static str {
        match self {
            Hazard::Flood => "flood",
            Hazard::Landslide => "landslide",
            Hazard::StormSurge => "storm-surge",
            Hazard::Earthquake => "earthquake",
            Hazard::Tsunami => "tsunami",
            Hazard::Fire => "fire",
            Hazard::InlandFlood => "inland-flood",
            Hazard::Volcano => "volcano",
        }
    }
}

impl fmt::Display for Hazard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A hazard key that is none of the eight.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown hazard {0:?} (expected one of flood, landslide, storm-surge, earthquake, tsunami, fire, inland-flood, volcano)")]
pub struct UnknownHazard(pub String);

impl FromStr for Hazard {
    type Err = UnknownHazard;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let k = s.trim().to_ascii_lowercase().replace('_', "-");
        Hazard::ALL
            .into_iter()
            .find(|h| h.key() == k)
            .ok_or_else(|| UnknownHazard(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for h in Hazard::ALL {
            assert_eq!(h.key().parse::<Hazard>(), Ok(h));
            assert_eq!(
                serde_json::to_string(&h).unwrap(),
                format!("\"{}\"", h.key())
            );
        }
        assert!("lava".parse::<Hazard>().is_err());
    }
}
