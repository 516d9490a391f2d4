//! The typed kinds of notice, Japan's 5-level alert scale, and the
//! classification of JMA kind names and CAP event texts into kinds.

use machi_common::Hazard;
use serde::{Deserialize, Serialize};

/// A level on Japan's 5-level alert scale (警戒レベル).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct AlertLevel {
    /// 1 to 5.
    pub value: u8,
    /// True for JMA information that is "equivalent to" a level (警戒レベル
    /// 相当情報); false when the town itself declared the level (避難情報).
    pub equivalent: bool,
}

/// The three evacuation levels a municipality declares (避難情報).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EvacuationLevel {
    /// Level 3 高齢者等避難 — elderly and others who need time evacuate.
    ElderlyEvacuate,
    /// Level 4 避難指示 — evacuation order: everyone leaves dangerous places.
    Order,
    /// Level 5 緊急安全確保 — emergency safety measures: disaster imminent or occurring.
    EmergencySafety,
}

impl EvacuationLevel {
    /// The alert-scale value (3, 4 or 5).
    pub fn value(self) -> u8 {
        match self {
            EvacuationLevel::ElderlyEvacuate => 3,
            EvacuationLevel::Order => 4,
            EvacuationLevel::EmergencySafety => 5,
        }
    }
}

/// The phenomenon of a JMA weather warning or advisory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phenomenon {
    /// 大雨.
    HeavyRain,
    /// 洪水.
    Flood,
    /// 土砂災害 (named separately from 2026, R06 format).
    Landslide,
    /// 高潮.
    StormSurge,
    /// 暴風.
    Storm,
    /// 暴風雪.
    Snowstorm,
    /// 大雪.
    HeavySnow,
    /// 波浪.
    HighWaves,
    /// 雷.
    Thunder,
    /// 強風.
    StrongWind,
    /// 風雪.
    WindSnow,
    /// 濃霧.
    DenseFog,
    /// 乾燥.
    DryAir,
    /// なだれ.
    Avalanche,
    /// 低温.
    LowTemperature,
    /// 霜.
    Frost,
    /// 着氷.
    Icing,
    /// 着雪.
    SnowAccretion,
    /// 融雪.
    Snowmelt,
}

impl Phenomenon {
    /// Every phenomenon with its Japanese stem, longest stems first so that
    /// 暴風雪 is not read as 暴風.
    const STEMS: [(&'static str, Phenomenon); 19] = [
        ("土砂災害", Phenomenon::Landslide),
        ("暴風雪", Phenomenon::Snowstorm),
        ("大雨", Phenomenon::HeavyRain),
        ("洪水", Phenomenon::Flood),
        ("高潮", Phenomenon::StormSurge),
        ("暴風", Phenomenon::Storm),
        ("大雪", Phenomenon::HeavySnow),
        ("波浪", Phenomenon::HighWaves),
        ("強風", Phenomenon::StrongWind),
        ("風雪", Phenomenon::WindSnow),
        ("濃霧", Phenomenon::DenseFog),
        ("乾燥", Phenomenon::DryAir),
        ("なだれ", Phenomenon::Avalanche),
        ("低温", Phenomenon::LowTemperature),
        ("着氷", Phenomenon::Icing),
        ("着雪", Phenomenon::SnowAccretion),
        ("融雪", Phenomenon::Snowmelt),
        ("雷", Phenomenon::Thunder),
        ("霜", Phenomenon::Frost),
    ];

    /// Stable kebab-case key (Fluent ids `alerts-phenomenon-<key>`).
    pub fn key(self) -> &'static str {
        match self {
            Phenomenon::HeavyRain => "heavy-rain",
            Phenomenon::Flood => "flood",
            Phenomenon::Landslide => "landslide",
            Phenomenon::StormSurge => "storm-surge",
            Phenomenon::Storm => "storm",
            Phenomenon::Snowstorm => "snowstorm",
            Phenomenon::HeavySnow => "heavy-snow",
            Phenomenon::HighWaves => "high-waves",
            Phenomenon::Thunder => "thunder",
            Phenomenon::StrongWind => "strong-wind",
            Phenomenon::WindSnow => "wind-snow",
            Phenomenon::DenseFog => "dense-fog",
            Phenomenon::DryAir => "dry-air",
            Phenomenon::Avalanche => "avalanche",
            Phenomenon::LowTemperature => "low-temperature",
            Phenomenon::Frost => "frost",
            Phenomenon::Icing => "icing",
            Phenomenon::SnowAccretion => "snow-accretion",
            Phenomenon::Snowmelt => "snowmelt",
        }
    }

    /// Every phenomenon.
    pub const ALL: [Phenomenon; 19] = [
        Phenomenon::HeavyRain,
        Phenomenon::Flood,
        Phenomenon::Landslide,
        Phenomenon::StormSurge,
        Phenomenon::Storm,
        Phenomenon::Snowstorm,
        Phenomenon::HeavySnow,
        Phenomenon::HighWaves,
        Phenomenon::Thunder,
        Phenomenon::StrongWind,
        Phenomenon::WindSnow,
        Phenomenon::DenseFog,
        Phenomenon::DryAir,
        Phenomenon::Avalanche,
        Phenomenon::LowTemperature,
        Phenomenon::Frost,
        Phenomenon::Icing,
        Phenomenon::SnowAccretion,
        Phenomenon::Snowmelt,
    ];
}

/// The grade of a JMA weather warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WarningGrade {
    /// 注意報.
    Advisory,
    /// 警報.
    Warning,
    /// 危険警報 (2026 R06 format, Level 4).
    DangerWarning,
    /// 特別警報.
    Emergency,
}

impl WarningGrade {
    /// Stable key (Fluent ids `alerts-grade-<key>`).
    pub fn key(self) -> &'static str {
        match self {
            WarningGrade::Advisory => "advisory",
            WarningGrade::Warning => "warning",
            WarningGrade::DangerWarning => "danger-warning",
            WarningGrade::Emergency => "emergency",
        }
    }
}

/// The stage of a designated-river flood forecast (指定河川洪水予報).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RiverStage {
    /// 氾濫注意情報 (Level 2 equivalent).
    Caution,
    /// 氾濫警戒情報 (Level 3 equivalent).
    Alert,
    /// 氾濫危険情報 (Level 4 equivalent).
    Danger,
    /// 氾濫発生情報 (Level 5 equivalent).
    Flooding,
    /// 解除 or other.
    Lifted,
}

/// JMA seismic intensity (震度), 0 to 7 with the 5/6 upper/lower split.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Intensity {
    /// 震度1.
    I1,
    /// 震度2.
    I2,
    /// 震度3.
    I3,
    /// 震度4.
    I4,
    /// 震度5弱.
    I5Lower,
    /// 震度5強.
    I5Upper,
    /// 震度6弱.
    I6Lower,
    /// 震度6強.
    I6Upper,
    /// 震度7.
    I7,
}

impl Intensity {
    /// Parses `震度５強`, `5+`, `6-`, `4` and similar.
    pub fn parse(text: &str) -> Option<Intensity> {
        let t: String = text
            .trim()
            .trim_start_matches("震度")
            .chars()
            .map(fullwidth_to_ascii)
            .collect();
        Some(match t.as_str() {
            "1" => Intensity::I1,
            "2" => Intensity::I2,
            "3" => Intensity::I3,
            "4" => Intensity::I4,
            "5-" | "5弱" => Intensity::I5Lower,
            "5+" | "5強" => Intensity::I5Upper,
            "6-" | "6弱" => Intensity::I6Lower,
            "6+" | "6強" => Intensity::I6Upper,
            "7" => Intensity::I7,
            _ => return None,
        })
    }

    /// Stable key (`5-`, `6+`…) and Fluent selector value.
    pub fn key(self) -> &'static str {
        match self {
            Intensity::I1 => "1",
            Intensity::I2 => "2",
            Intensity::I3 => "3",
            Intensity::I4 => "4",
            Intensity::I5Lower => "5-",
            Intensity::I5Upper => "5+",
            Intensity::I6Lower => "6-",
            Intensity::I6Upper => "6+",
            Intensity::I7 => "7",
        }
    }
}

/// Tsunami warning grades (VTSE41).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TsunamiGrade {
    /// 津波予報 (slight sea-level change, no damage expected).
    Forecast,
    /// 津波注意報.
    Advisory,
    /// 津波警報.
    Warning,
    /// 大津波警報.
    MajorWarning,
}

impl TsunamiGrade {
    /// Stable key (Fluent ids `alerts-kind-tsunami-<key>`).
    pub fn key(self) -> &'static str {
        match self {
            TsunamiGrade::Forecast => "forecast",
            TsunamiGrade::Advisory => "advisory",
            TsunamiGrade::Warning => "warning",
            TsunamiGrade::MajorWarning => "major-warning",
        }
    }
}

/// What a notice is, as far as machi understands it. Known kinds are
/// translated by template; [`NoticeKind::Other`] and
/// [`NoticeKind::Broadcast`] are shown in the sender's words.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum NoticeKind {
    /// Evacuation information declared by the town (Level 3/4/5).
    Evacuation {
        /// Which level.
        level: EvacuationLevel,
    },
    /// A JMA weather warning, advisory or emergency warning.
    Weather {
        /// What phenomenon.
        phenomenon: Phenomenon,
        /// Advisory / warning / danger warning / emergency warning.
        grade: WarningGrade,
        /// The level written in the kind name (2026 R06 format, e.g.
        /// レベル４大雨危険警報), when present.
        named_level: Option<u8>,
    },
    /// 土砂災害警戒情報 — landslide alert (Level 4 equivalent).
    LandslideAlert,
    /// 指定河川洪水予報 — river flood forecast.
    RiverFlood {
        /// The stage.
        stage: RiverStage,
    },
    /// 震度速報 / 震源・震度情報 with the maximum intensity.
    SeismicIntensity {
        /// Maximum intensity (per area in [`crate::Area::kinds`]).
        max: Intensity,
    },
    /// Other earthquake information (震源に関する情報, foreign CAP quakes).
    EarthquakeInfo,
    /// 緊急地震速報 — earthquake early warning.
    EarthquakeEarlyWarning,
    /// 津波警報・注意報・予報.
    Tsunami {
        /// The grade.
        grade: TsunamiGrade,
    },
    /// 噴火速報 — eruption flash.
    Eruption,
    /// The town opened a shelter.
    ShelterOpened,
    /// The town closed a shelter.
    ShelterClosed,
    /// Warnings lifted / evacuation lifted / all clear.
    AllClear,
    /// A municipal disaster-radio broadcast (防災行政無線) in free text.
    Broadcast,
    /// Anything else; shown in the sender's own words.
    Other,
}

impl NoticeKind {
    /// Japan's 5-level alert level, where one applies.
    pub fn level(&self) -> Option<AlertLevel> {
        let eq = |value| {
            Some(AlertLevel {
                value,
                equivalent: true,
            })
        };
        match self {
            NoticeKind::Evacuation { level } => Some(AlertLevel {
                value: level.value(),
                equivalent: false,
            }),
            NoticeKind::Weather {
                named_level: Some(l),
                ..
            } => eq(*l),
            NoticeKind::Weather {
                phenomenon, grade, ..
            } => match (phenomenon, grade) {
                (Phenomenon::HeavyRain, WarningGrade::Emergency) => eq(5),
                (Phenomenon::HeavyRain | Phenomenon::Landslide, WarningGrade::DangerWarning) => {
                    eq(4)
                }
                (Phenomenon::HeavyRain | Phenomenon::Flood, WarningGrade::Warning) => eq(3),
                (Phenomenon::HeavyRain | Phenomenon::Flood, WarningGrade::Advisory) => eq(2),
                (Phenomenon::StormSurge, WarningGrade::Emergency | WarningGrade::Warning) => eq(4),
                (Phenomenon::StormSurge, WarningGrade::Advisory) => eq(2),
                _ => None,
            },
            NoticeKind::LandslideAlert => eq(4),
            NoticeKind::RiverFlood { stage } => match stage {
                RiverStage::Caution => eq(2),
                RiverStage::Alert => eq(3),
                RiverStage::Danger => eq(4),
                RiverStage::Flooding => eq(5),
                RiverStage::Lifted => None,
            },
            _ => None,
        }
    }

    /// The evacuation-place hazards this kind is about.
    pub fn hazards(&self) -> &'static [Hazard] {
        match self {
            NoticeKind::Weather { phenomenon, .. } => match phenomenon {
                Phenomenon::HeavyRain => &[Hazard::Landslide, Hazard::InlandFlood],
                Phenomenon::Flood => &[Hazard::Flood],
                Phenomenon::Landslide => &[Hazard::Landslide],
                Phenomenon::StormSurge => &[Hazard::StormSurge],
                _ => &[],
            },
            NoticeKind::LandslideAlert => &[Hazard::Landslide],
            NoticeKind::RiverFlood { .. } => &[Hazard::Flood],
            NoticeKind::SeismicIntensity { .. }
            | NoticeKind::EarthquakeInfo
            | NoticeKind::EarthquakeEarlyWarning => &[Hazard::Earthquake],
            NoticeKind::Tsunami { grade } if *grade != TsunamiGrade::Forecast => &[Hazard::Tsunami],
            NoticeKind::Eruption => &[Hazard::Volcano],
            _ => &[],
        }
    }

    /// How serious the kind is, for choosing the principal kind of a
    /// document that carries several (higher = more serious).
    pub fn rank(&self) -> u32 {
        let level = self.level().map_or(0, |l| u32::from(l.value)) * 100;
        let extra = match self {
            NoticeKind::Tsunami { grade } => 500 + *grade as u32 * 20,
            NoticeKind::EarthquakeEarlyWarning => 560,
            NoticeKind::Eruption => 540,
            NoticeKind::SeismicIntensity { max } => 200 + *max as u32 * 30,
            NoticeKind::Weather { grade, .. } => *grade as u32 * 10 + 1,
            NoticeKind::AllClear => 0,
            _ => 5,
        };
        level + extra
    }

    /// True for the JMA weather-warning family (replaced by next issuance).
    pub fn is_weather_family(&self) -> bool {
        matches!(
            self,
            NoticeKind::Weather { .. }
                | NoticeKind::LandslideAlert
                | NoticeKind::RiverFlood { .. }
                | NoticeKind::AllClear
        )
    }

    /// True when machi has a template translation for this kind.
    pub fn has_template(&self) -> bool {
        !matches!(self, NoticeKind::Other | NoticeKind::Broadcast)
    }
}

/// Maps full-width digits and signs to ASCII (JMA text uses ４, ＋).
pub(crate) fn fullwidth_to_ascii(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '＋' => '+',
        '－' | '−' => '-',
        _ => c,
    }
}

/// Classifies a JMA warning Kind/Name (`大雨特別警報`, `レベル４大雨危険警報`,
/// `津波注意報`, `解除`). `None` for names that are not warnings.
pub fn classify_jma_kind_name(name: &str) -> Option<NoticeKind> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    if name == "解除" || name.ends_with("なし") || name.ends_with("解除") {
        return Some(NoticeKind::AllClear);
    }
    if let Some(t) = classify_tsunami(name) {
        return Some(t);
    }
    if name.contains("土砂災害警戒情報") {
        return Some(NoticeKind::LandslideAlert);
    }
    // R06 names carry the level first: レベル４大雨危険警報.
    let (named_level, rest) = match name.strip_prefix("レベル") {
        Some(rest) => {
            let mut chars = rest.chars();
            let digit = chars.next().map(fullwidth_to_ascii);
            match digit.and_then(|d| d.to_digit(10)) {
                Some(d @ 1..=5) => (Some(d as u8), chars.as_str()),
                _ => (None, rest),
            }
        }
        None => (None, name),
    };
    let (stem, grade) = if let Some(s) = rest.strip_suffix("特別警報") {
        (s, WarningGrade::Emergency)
    } else if let Some(s) = rest.strip_suffix("危険警報") {
        (s, WarningGrade::DangerWarning)
    } else if let Some(s) = rest.strip_suffix("警報") {
        (s, WarningGrade::Warning)
    } else if let Some(s) = rest.strip_suffix("注意報") {
        (s, WarningGrade::Advisory)
    } else {
        return None;
    };
    let phenomenon = Phenomenon::STEMS
        .iter()
        .find(|(s, _)| *s == stem)
        .map(|(_, p)| *p)?;
    Some(NoticeKind::Weather {
        phenomenon,
        grade,
        named_level,
    })
}

fn classify_tsunami(name: &str) -> Option<NoticeKind> {
    let grade = if name.contains("大津波警報") {
        TsunamiGrade::MajorWarning
    } else if name.contains("津波警報") {
        TsunamiGrade::Warning
    } else if name.contains("津波注意報") {
        TsunamiGrade::Advisory
    } else if name.contains("津波予報") {
        TsunamiGrade::Forecast
    } else {
        return None;
    };
    Some(NoticeKind::Tsunami { grade })
}

/// Classifies a river-flood forecast kind name (`氾濫危険情報`, `はん濫注意情報`).
pub fn classify_river_stage(name: &str) -> Option<RiverStage> {
    let n = name.replace("はん濫", "氾濫");
    if n.contains("解除") {
        Some(RiverStage::Lifted)
    } else if n.contains("氾濫発生") {
        Some(RiverStage::Flooding)
    } else if n.contains("氾濫危険") {
        Some(RiverStage::Danger)
    } else if n.contains("氾濫警戒") {
        Some(RiverStage::Alert)
    } else if n.contains("氾濫注意") {
        Some(RiverStage::Caution)
    } else {
        None
    }
}

/// Classifies free CAP text (event, headline, event codes) — the town's
/// own CAP (Japanese) and foreign CAP (English). Order matters: lifting
/// is checked before the level words it contains.
pub fn classify_cap_text(text: &str, all_clear_response: bool) -> NoticeKind {
    let lower = text.to_lowercase();
    let has = |w: &str| lower.contains(w);
    // The town's machine-readable event codes (see tests/fixtures/README.md).
    let code_kind = [
        ("evacuation-level-5", 5u8),
        ("evacuation-level-4", 4),
        ("evacuation-level-3", 3),
    ]
    .into_iter()
    .find(|(c, _)| has(c));
    if has("all-clear") || text.contains("解除") || all_clear_response {
        return NoticeKind::AllClear;
    }
    if let Some((_, l)) = code_kind {
        return evacuation(l);
    }
    if text.contains("緊急安全確保") {
        return evacuation(5);
    }
    if text.contains("避難指示") {
        return evacuation(4);
    }
    if text.contains("高齢者等避難") {
        return evacuation(3);
    }
    if has("shelter-opened") || (text.contains("避難所") && text.contains("開設")) {
        return NoticeKind::ShelterOpened;
    }
    if has("shelter-closed") || (text.contains("避難所") && text.contains("閉鎖")) {
        return NoticeKind::ShelterClosed;
    }
    if let Some(t) = classify_tsunami(text) {
        return t;
    }
    if has("tsunami") {
        let grade = if has("warning") {
            TsunamiGrade::Warning
        } else if has("advisory") || has("watch") {
            TsunamiGrade::Advisory
        } else {
            TsunamiGrade::Forecast
        };
        return NoticeKind::Tsunami { grade };
    }
    if text.contains("土砂災害警戒情報") {
        return NoticeKind::LandslideAlert;
    }
    for word in text.split(|c: char| c.is_whitespace() || "、。・,（）()【】".contains(c)) {
        if let Some(k @ NoticeKind::Weather { .. }) = classify_jma_kind_name(word) {
            return k;
        }
    }
    if text.contains("噴火") {
        return NoticeKind::Eruption;
    }
    if text.contains("緊急地震速報") {
        return NoticeKind::EarthquakeEarlyWarning;
    }
    if has("earthquake") || text.contains("地震") {
        return NoticeKind::EarthquakeInfo;
    }
    if has("broadcast") || text.contains("防災行政無線") {
        return NoticeKind::Broadcast;
    }
    NoticeKind::Other
}

fn evacuation(level: u8) -> NoticeKind {
    let level = match level {
        5 => EvacuationLevel::EmergencySafety,
        4 => EvacuationLevel::Order,
        _ => EvacuationLevel::ElderlyEvacuate,
    };
    NoticeKind::Evacuation { level }
}

/// Hazards named as causes in free text (避難指示（土砂災害）, "flood").
pub fn hazards_in_text(text: &str) -> Vec<Hazard> {
    let lower = text.to_lowercase();
    let table: [(&[&str], Hazard); 8] = [
        (
            &["土砂", "がけ崩れ", "崖崩れ", "landslide"],
            Hazard::Landslide,
        ),
        (&["洪水", "氾濫", "はん濫", "flood"], Hazard::Flood),
        (&["内水", "浸水"], Hazard::InlandFlood),
        (&["高潮", "storm surge"], Hazard::StormSurge),
        (&["津波", "tsunami"], Hazard::Tsunami),
        (&["地震", "earthquake"], Hazard::Earthquake),
        (&["火災", "火事", "fire"], Hazard::Fire),
        (&["噴火", "火山", "volcan"], Hazard::Volcano),
    ];
    let mut out: Vec<Hazard> = table
        .iter()
        .filter(|(words, _)| words.iter().any(|w| lower.contains(w)))
        .map(|(_, h)| *h)
        .collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jma_names() {
        assert_eq!(
            classify_jma_kind_name("大雨特別警報"),
            Some(NoticeKind::Weather {
                phenomenon: Phenomenon::HeavyRain,
                grade: WarningGrade::Emergency,
                named_level: None
            })
        );
        let k = classify_jma_kind_name("レベル４大雨危険警報").unwrap();
        assert_eq!(k.level().map(|l| l.value), Some(4));
        assert_eq!(
            classify_jma_kind_name("暴風雪警報"),
            Some(NoticeKind::Weather {
                phenomenon: Phenomenon::Snowstorm,
                grade: WarningGrade::Warning,
                named_level: None
            })
        );
        assert_eq!(
            classify_jma_kind_name("レベル５土砂災害特別警報")
                .and_then(|k| k.level())
                .map(|l| l.value),
            Some(5)
        );
        assert_eq!(classify_jma_kind_name("解除"), Some(NoticeKind::AllClear));
        assert_eq!(classify_jma_kind_name("晴れ"), None);
        assert_eq!(
            classify_jma_kind_name("大津波警報"),
            Some(NoticeKind::Tsunami {
                grade: TsunamiGrade::MajorWarning
            })
        );
    }

    #[test]
    fn cap_texts() {
        assert_eq!(
            classify_cap_text("避難指示（土砂災害）", false),
            evacuation(4)
        );
        assert_eq!(classify_cap_text("緊急安全確保", false), evacuation(5));
        assert_eq!(
            classify_cap_text("避難指示の解除", false),
            NoticeKind::AllClear
        );
        assert_eq!(
            classify_cap_text("SEVERE THUNDERSTORM", false),
            NoticeKind::Other
        );
        assert_eq!(
            classify_cap_text("Tsunami Warning", false),
            NoticeKind::Tsunami {
                grade: TsunamiGrade::Warning
            }
        );
        assert_eq!(
            hazards_in_text("避難指示（土砂災害）"),
            vec![Hazard::Landslide]
        );
    }

    #[test]
    fn intensities() {
        assert_eq!(Intensity::parse("震度６強"), Some(Intensity::I6Upper));
        assert_eq!(Intensity::parse("5-"), Some(Intensity::I5Lower));
        assert_eq!(Intensity::parse("8"), None);
    }

    #[test]
    fn levels_and_ranks() {
        assert!(evacuation(5).rank() > evacuation(4).rank());
        assert_eq!(NoticeKind::LandslideAlert.level().map(|l| l.value), Some(4));
        assert_eq!(
            NoticeKind::RiverFlood {
                stage: RiverStage::Caution
            }
            .level()
            .map(|l| l.value),
            Some(2)
        );
    }
}
