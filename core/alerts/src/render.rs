//! Text for the user: the sender's own text in the user's language when
//! present; otherwise a fixed-template translation for known kinds (as the
//! national Safety tips app does, never free machine translation);
//! otherwise the original text with a localized note. Every rendering has
//! a read-aloud form, and drills/tests always carry their status label.

use machi_common::Lang;
use machi_i18n::{Args, Localizer};
use serde::{Deserialize, Serialize};

use crate::kind::{EvacuationLevel, Intensity, NoticeKind, RiverStage, TsunamiGrade};
use crate::model::{Notice, Status};
use crate::store::NoticeState;
use crate::trust::{Trust, Verification};

/// Where the headline and body text came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "from", rename_all = "kebab-case")]
pub enum TextSource {
    /// The sender wrote it in the user's language.
    Sender {
        /// That language.
        lang: Lang,
    },
    /// machi's fixed template for the kind, in the user's language.
    Template,
    /// The sender's text in another language, shown as written.
    Original {
        /// The language tag of the text shown.
        language: String,
    },
}

/// A notice rendered for one reader.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rendered {
    /// The kind's name in the user's language (e.g. "Evacuation order").
    pub title: String,
    /// Drill/test/… label; `None` only for real (Actual) notices.
    pub status_label: Option<String>,
    /// Withdrawn / superseded / expired label; `None` when current.
    pub state_label: Option<String>,
    /// "Alert level 4" / "Level 4 equivalent", where the scale applies.
    pub level_label: Option<String>,
    /// The headline.
    pub headline: String,
    /// Description and instruction.
    pub body: String,
    /// Where headline/body came from.
    pub text_source: TextSource,
    /// A note explaining a template or untranslated text, when needed.
    pub note: Option<String>,
    /// The sender's original text when a template was shown instead, so
    /// nothing the sender said is hidden.
    pub original: Option<String>,
    /// Area names as the sender wrote them.
    pub areas: String,
    /// Plain text for text-to-speech: no ruby markup.
    pub read_aloud: String,
}

/// Renders `notice` for the reader of `loc`. `kinds` are the kinds in force
/// in the user's areas (from [`crate::AreaMatch`]); empty means the notice's
/// principal kind.
pub fn render(
    notice: &Notice,
    state: NoticeState,
    kinds: &[NoticeKind],
    loc: &Localizer,
) -> Rendered {
    let kinds: Vec<&NoticeKind> = if kinds.is_empty() {
        vec![&notice.kind]
    } else {
        kinds.iter().collect()
    };
    // The most serious kind in force for the user leads.
    let lead = kinds
        .iter()
        .copied()
        .max_by_key(|k| k.rank())
        .unwrap_or(&notice.kind);
    let titles: Vec<String> = kinds.iter().map(|k| kind_name(k, loc)).collect();
    let title = titles.join(" / ");
    let status_label = status_id(notice.status).map(|id| loc.msg(id, &Args::new()));
    let state_label = state_id(state).map(|id| loc.msg(id, &Args::new()));
    let level_label = lead.level().map(|l| {
        loc.msg(
            "alerts-level",
            &Args::new()
                .num("level", i64::from(l.value))
                .str("equivalent", if l.equivalent { "yes" } else { "no" }),
        )
    });
    let areas = area_names(notice);
    let lang = loc.lang();
    let own = sender_text(notice, lang);
    let original_text = original_text(notice, loc.chain());

    let (headline, body, text_source, note, original) = if let Some((h, b)) = own {
        (h, b, TextSource::Sender { lang }, None, None)
    } else if lead.has_template() {
        let headline = loc.msg(
            "alerts-tmpl-headline",
            &Args::new()
                .str("kind", title.clone())
                .str("area", areas.clone()),
        );
        let body = loc.msg(advice_id(lead), &Args::new());
        (
            headline,
            body,
            TextSource::Template,
            Some(loc.msg("alerts-note-template", &Args::new())),
            original_text.as_ref().map(|(_, t)| t.clone()),
        )
    } else {
        let (language, text) = original_text.unwrap_or_else(|| (String::new(), String::new()));
        let mut parts = text.splitn(2, "\n\n");
        let headline = parts.next().unwrap_or_default().to_string();
        let body = parts.next().unwrap_or_default().to_string();
        (
            headline,
            body,
            TextSource::Original { language },
            Some(loc.msg("alerts-note-untranslated", &Args::new())),
            None,
        )
    };

    let mut spoken: Vec<String> = Vec::new();
    spoken.extend(status_label.iter().chain(state_label.iter()).cloned());
    spoken.push(title.clone());
    if let Some(l) = &level_label {
        spoken.push(l.clone());
    }
    spoken.push(headline.clone());
    if !body.is_empty() {
        spoken.push(body.clone());
    }
    let read_aloud = machi_i18n::strip_ruby(&spoken.join("\n")).into_owned();
    Rendered {
        title,
        status_label,
        state_label,
        level_label,
        headline,
        body,
        text_source,
        note,
        original,
        areas,
        read_aloud,
    }
}

/// A notice's verification, in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrustLabels {
    /// "Verified: signed by …" or "Unverified: …"; always present.
    pub label: String,
    /// "Refers to a notice it may not change", when it does.
    pub refused_label: Option<String>,
}

/// The labels for a stored notice's verification. `signer_name` is the
/// policy's display name for the signer (its sender id when `None`).
pub fn trust_labels(
    trust: &Trust,
    refused: bool,
    signer_name: Option<&str>,
    loc: &Localizer,
) -> TrustLabels {
    let label = match trust.state {
        Verification::Verified => {
            let signer = signer_name
                .or(trust.signer.as_deref())
                .unwrap_or_default()
                .to_string();
            loc.msg("alerts-trust-verified", &Args::new().str("signer", signer))
        }
        Verification::Unverified => loc.msg("alerts-trust-unverified", &Args::new()),
    };
    TrustLabels {
        label,
        refused_label: refused.then(|| loc.msg("alerts-trust-refused", &Args::new())),
    }
}

/// `read_aloud` preceded by the verification labels: a listener hears
/// whether the notice is confirmed before what it says.
pub fn speak_with_trust(read_aloud: &str, labels: &TrustLabels) -> String {
    let mut spoken = vec![labels.label.as_str()];
    spoken.extend(labels.refused_label.as_deref());
    spoken.push(read_aloud);
    machi_i18n::strip_ruby(&spoken.join("\n")).into_owned()
}

/// The sender's own headline and body in exactly `lang`.
fn sender_text(notice: &Notice, lang: Lang) -> Option<(String, String)> {
    let headline = notice.headline.get(lang);
    let description = notice.description.get(lang);
    let instruction = notice.instruction.get(lang);
    if headline.is_none() && description.is_none() {
        return None;
    }
    let body: Vec<&str> = [description, instruction].into_iter().flatten().collect();
    Some((
        headline.or(description).unwrap_or_default().to_string(),
        body.join("\n\n"),
    ))
}

/// The best original text for the chain: supported languages first, then
/// a foreign-language block, as (language tag, "headline\n\ndescription…").
fn original_text(notice: &Notice, chain: &[Lang]) -> Option<(String, String)> {
    let pick = notice
        .headline
        .resolve(chain)
        .map(|r| r.lang)
        .or_else(|| notice.description.resolve(chain).map(|r| r.lang));
    if let Some(lang) = pick {
        let parts: Vec<&str> = [
            notice.headline.get(lang),
            notice.description.get(lang),
            notice.instruction.get(lang),
        ]
        .into_iter()
        .flatten()
        .collect();
        return Some((lang.tag().to_string(), parts.join("\n\n")));
    }
    notice.foreign_texts.first().map(|f| {
        let parts: Vec<&str> = [&f.headline, &f.description, &f.instruction]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        (f.language.clone(), parts.join("\n\n"))
    })
}

fn area_names(notice: &Notice) -> String {
    let mut names: Vec<&str> = Vec::new();
    for a in &notice.areas {
        if !a.desc.is_empty() && !names.contains(&a.desc.as_str()) {
            names.push(&a.desc);
        }
        if names.len() >= 5 {
            break;
        }
    }
    names.join("、")
}

fn status_id(status: Status) -> Option<&'static str> {
    match status {
        Status::Actual => None,
        Status::Exercise => Some("alerts-status-exercise"),
        Status::Test => Some("alerts-status-test"),
        Status::System => Some("alerts-status-system"),
        Status::Draft => Some("alerts-status-draft"),
    }
}

fn state_id(state: NoticeState) -> Option<&'static str> {
    match state {
        NoticeState::Active | NoticeState::Control => None,
        NoticeState::Withdrawn => Some("alerts-state-withdrawn"),
        NoticeState::Superseded => Some("alerts-state-superseded"),
        NoticeState::Expired => Some("alerts-state-expired"),
    }
}

/// The localized name of a kind (e.g. "Heavy rain warning", "避難指示").
pub fn kind_name(kind: &NoticeKind, loc: &Localizer) -> String {
    let none = Args::new();
    match kind {
        NoticeKind::Weather {
            phenomenon, grade, ..
        } => {
            let p = loc.msg(&format!("alerts-phenomenon-{}", phenomenon.key()), &none);
            let g = loc.msg(&format!("alerts-grade-{}", grade.key()), &none);
            loc.msg(
                "alerts-kind-weather",
                &Args::new().str("phenomenon", p).str("grade", g),
            )
        }
        NoticeKind::SeismicIntensity { max } => {
            let i = loc.msg(intensity_id(*max), &none);
            loc.msg(
                "alerts-kind-seismic-intensity",
                &Args::new().str("intensity", i),
            )
        }
        other => loc.msg(kind_id(other), &none),
    }
}

/// Fluent id of a kind's name (for kinds without arguments).
fn kind_id(kind: &NoticeKind) -> &'static str {
    match kind {
        NoticeKind::Evacuation { level } => match level {
            EvacuationLevel::ElderlyEvacuate => "alerts-kind-evacuation-3",
            EvacuationLevel::Order => "alerts-kind-evacuation-4",
            EvacuationLevel::EmergencySafety => "alerts-kind-evacuation-5",
        },
        NoticeKind::LandslideAlert => "alerts-kind-landslide-alert",
        NoticeKind::RiverFlood { stage } => match stage {
            RiverStage::Caution => "alerts-kind-river-caution",
            RiverStage::Alert => "alerts-kind-river-alert",
            RiverStage::Danger => "alerts-kind-river-danger",
            RiverStage::Flooding => "alerts-kind-river-flooding",
            RiverStage::Lifted => "alerts-kind-river-lifted",
        },
        NoticeKind::EarthquakeInfo => "alerts-kind-earthquake",
        NoticeKind::EarthquakeEarlyWarning => "alerts-kind-eew",
        NoticeKind::Tsunami { grade } => match grade {
            TsunamiGrade::Forecast => "alerts-kind-tsunami-forecast",
            TsunamiGrade::Advisory => "alerts-kind-tsunami-advisory",
            TsunamiGrade::Warning => "alerts-kind-tsunami-warning",
            TsunamiGrade::MajorWarning => "alerts-kind-tsunami-major-warning",
        },
        NoticeKind::Eruption => "alerts-kind-eruption",
        NoticeKind::ShelterOpened => "alerts-kind-shelter-opened",
        NoticeKind::ShelterClosed => "alerts-kind-shelter-closed",
        NoticeKind::AllClear => "alerts-kind-all-clear",
        NoticeKind::Broadcast => "alerts-kind-broadcast",
        // Weather and intensity are composed in `kind_name`.
        NoticeKind::Weather { .. } | NoticeKind::SeismicIntensity { .. } | NoticeKind::Other => {
            "alerts-kind-other"
        }
    }
}

fn intensity_id(i: Intensity) -> &'static str {
    match i {
        Intensity::I1 => "alerts-intensity-1",
        Intensity::I2 => "alerts-intensity-2",
        Intensity::I3 => "alerts-intensity-3",
        Intensity::I4 => "alerts-intensity-4",
        Intensity::I5Lower => "alerts-intensity-5-lower",
        Intensity::I5Upper => "alerts-intensity-5-upper",
        Intensity::I6Lower => "alerts-intensity-6-lower",
        Intensity::I6Upper => "alerts-intensity-6-upper",
        Intensity::I7 => "alerts-intensity-7",
    }
}

/// Fluent id of the fixed advice sentence for a kind.
fn advice_id(kind: &NoticeKind) -> &'static str {
    use crate::kind::{Phenomenon, WarningGrade};
    match kind {
        NoticeKind::Evacuation { level } => match level {
            EvacuationLevel::ElderlyEvacuate => "alerts-advice-evacuation-3",
            EvacuationLevel::Order => "alerts-advice-evacuation-4",
            EvacuationLevel::EmergencySafety => "alerts-advice-evacuation-5",
        },
        NoticeKind::Weather {
            phenomenon, grade, ..
        } => match (phenomenon, grade) {
            (_, WarningGrade::Emergency) => "alerts-advice-emergency-warning",
            (Phenomenon::HeavyRain | Phenomenon::Landslide, _) => "alerts-advice-landslide",
            (Phenomenon::Flood, _) => "alerts-advice-flood",
            (Phenomenon::StormSurge | Phenomenon::HighWaves, _) => "alerts-advice-coast",
            _ => "alerts-advice-weather",
        },
        NoticeKind::LandslideAlert => "alerts-advice-landslide",
        NoticeKind::RiverFlood { .. } => "alerts-advice-flood",
        NoticeKind::SeismicIntensity { .. } | NoticeKind::EarthquakeInfo => {
            "alerts-advice-earthquake"
        }
        NoticeKind::EarthquakeEarlyWarning => "alerts-advice-eew",
        NoticeKind::Tsunami { grade } => match grade {
            TsunamiGrade::MajorWarning | TsunamiGrade::Warning => "alerts-advice-tsunami-warning",
            TsunamiGrade::Advisory => "alerts-advice-tsunami-advisory",
            TsunamiGrade::Forecast => "alerts-advice-weather",
        },
        NoticeKind::Eruption => "alerts-advice-eruption",
        NoticeKind::ShelterOpened => "alerts-advice-shelter-opened",
        NoticeKind::ShelterClosed => "alerts-advice-shelter-closed",
        NoticeKind::AllClear => "alerts-advice-all-clear",
        NoticeKind::Broadcast | NoticeKind::Other => "alerts-advice-weather",
    }
}

/// Every Fluent id this module can ask for (the completeness test checks
/// each exists in all six locales).
pub fn fluent_ids() -> Vec<String> {
    use crate::kind::{Phenomenon, WarningGrade};
    let mut ids: Vec<String> = [
        "alerts-status-exercise",
        "alerts-status-test",
        "alerts-status-system",
        "alerts-status-draft",
        "alerts-state-withdrawn",
        "alerts-state-superseded",
        "alerts-state-expired",
        "alerts-trust-verified",
        "alerts-trust-unverified",
        "alerts-trust-refused",
        "alerts-level",
        "alerts-kind-weather",
        "alerts-kind-seismic-intensity",
        "alerts-kind-other",
        "alerts-tmpl-headline",
        "alerts-note-template",
        "alerts-note-untranslated",
        "alerts-advice-emergency-warning",
        "alerts-advice-landslide",
        "alerts-advice-flood",
        "alerts-advice-coast",
        "alerts-advice-weather",
        "alerts-advice-earthquake",
        "alerts-advice-eew",
        "alerts-advice-tsunami-warning",
        "alerts-advice-tsunami-advisory",
        "alerts-advice-eruption",
        "alerts-advice-shelter-opened",
        "alerts-advice-shelter-closed",
        "alerts-advice-all-clear",
        "alerts-advice-evacuation-3",
        "alerts-advice-evacuation-4",
        "alerts-advice-evacuation-5",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for k in [
        NoticeKind::Evacuation {
            level: EvacuationLevel::ElderlyEvacuate,
        },
        NoticeKind::Evacuation {
            level: EvacuationLevel::Order,
        },
        NoticeKind::Evacuation {
            level: EvacuationLevel::EmergencySafety,
        },
        NoticeKind::LandslideAlert,
        NoticeKind::RiverFlood {
            stage: RiverStage::Caution,
        },
        NoticeKind::RiverFlood {
            stage: RiverStage::Alert,
        },
        NoticeKind::RiverFlood {
            stage: RiverStage::Danger,
        },
        NoticeKind::RiverFlood {
            stage: RiverStage::Flooding,
        },
        NoticeKind::RiverFlood {
            stage: RiverStage::Lifted,
        },
        NoticeKind::EarthquakeInfo,
        NoticeKind::EarthquakeEarlyWarning,
        NoticeKind::Tsunami {
            grade: TsunamiGrade::Forecast,
        },
        NoticeKind::Tsunami {
            grade: TsunamiGrade::Advisory,
        },
        NoticeKind::Tsunami {
            grade: TsunamiGrade::Warning,
        },
        NoticeKind::Tsunami {
            grade: TsunamiGrade::MajorWarning,
        },
        NoticeKind::Eruption,
        NoticeKind::ShelterOpened,
        NoticeKind::ShelterClosed,
        NoticeKind::AllClear,
        NoticeKind::Broadcast,
    ] {
        ids.push(kind_id(&k).to_string());
    }
    for p in Phenomenon::ALL {
        ids.push(format!("alerts-phenomenon-{}", p.key()));
    }
    for g in [
        WarningGrade::Advisory,
        WarningGrade::Warning,
        WarningGrade::DangerWarning,
        WarningGrade::Emergency,
    ] {
        ids.push(format!("alerts-grade-{}", g.key()));
    }
    for i in [
        Intensity::I1,
        Intensity::I2,
        Intensity::I3,
        Intensity::I4,
        Intensity::I5Lower,
        Intensity::I5Upper,
        Intensity::I6Lower,
        Intensity::I6Upper,
        Intensity::I7,
    ] {
        ids.push(intensity_id(i).to_string());
    }
    ids.sort();
    ids.dedup();
    ids
}
