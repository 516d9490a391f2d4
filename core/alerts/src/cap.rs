//! CAP 1.0 / 1.1 / 1.2 `<alert>` into a [`Notice`].

use chrono::{DateTime, FixedOffset, Utc};
use machi_common::{GeoPoint, Lang, LocalizedText};
use roxmltree::Node;

use crate::error::RejectReason;
use crate::kind::{classify_cap_text, hazards_in_text, NoticeKind};
use crate::model::{
    Area, AreaCode, Certainty, Circle, CodeScheme, ForeignText, MsgType, Notice, Reference,
    Resource, Severity, ShelterState, ShelterUpdate, Source, Status, Urgency,
};
use crate::xml::{child_text, children, text_of};

/// The CAP namespaces accepted, newest first.
pub const CAP_NAMESPACES: [&str; 3] = [
    "urn:oasis:names:tc:emergency:cap:1.2",
    "urn:oasis:names:tc:emergency:cap:1.1",
    "http://www.incident.com/cap/1.0",
];

/// True when `root` is a CAP `<alert>` in a supported namespace.
pub fn is_cap(root: Node<'_, '_>) -> bool {
    root.tag_name().name() == "alert"
        && root
            .tag_name()
            .namespace()
            .is_some_and(|ns| CAP_NAMESPACES.contains(&ns))
}

/// The W3C XML-Signature namespace of an enveloped CAP `<Signature>`.
const XMLDSIG_NAMESPACE: &str = "http://www.w3.org/2000/09/xmldsig#";

/// Parses a CAP `<alert>` element.
pub fn parse_alert(root: Node<'_, '_>) -> Result<Notice, RejectReason> {
    let req = |name: &str| child_text(root, name).ok_or_else(|| RejectReason::missing(name));
    let identifier = req("identifier")?;
    let sender = req("sender")?;
    let sent = parse_time("sent", &req("sent")?)?;
    let status = parse_status(&req("status")?)?;
    let msg_type = parse_msg_type(&req("msgType")?)?;
    let scope = req("scope")?;
    if !matches!(scope.as_str(), "Public" | "Restricted" | "Private") {
        return Err(RejectReason::invalid("scope", &scope));
    }
    let references = match child_text(root, "references") {
        Some(r) => parse_references(&r)?,
        None => Vec::new(),
    };
    if references.is_empty() && matches!(msg_type, MsgType::Update | MsgType::Cancel) {
        return Err(RejectReason::MissingReferences {
            msg_type: format!("{msg_type:?}"),
        });
    }

    let infos: Vec<Info> = children(root, "info")
        .map(parse_info)
        .collect::<Result<_, _>>()?;
    // The principal <info>: Japanese if present (the town's own language),
    // otherwise the first.
    let primary = infos
        .iter()
        .find(|i| i.lang == Some(Lang::Ja))
        .or_else(|| infos.first());

    let mut headline = LocalizedText::new();
    let mut description = LocalizedText::new();
    let mut instruction = LocalizedText::new();
    let mut foreign_texts = Vec::new();
    let mut areas: Vec<Area> = Vec::new();
    let mut resources: Vec<Resource> = Vec::new();
    for info in &infos {
        for r in &info.resources {
            if !resources.contains(r) {
                resources.push(r.clone());
            }
        }
        match info.lang {
            Some(lang) => {
                if headline.get(lang).is_none() {
                    if let Some(h) = &info.headline {
                        headline.set(lang, h.clone());
                    }
                }
                append(&mut description, lang, info.description.as_deref());
                append(&mut instruction, lang, info.instruction.as_deref());
            }
            None => foreign_texts.push(ForeignText {
                language: info.language.clone(),
                headline: info.headline.clone(),
                description: info.description.clone(),
                instruction: info.instruction.clone(),
            }),
        }
        for a in &info.areas {
            if !areas.contains(a) {
                areas.push(a.clone());
            }
        }
    }

    let mut kind = NoticeKind::Other;
    let mut cause_hazards = Vec::new();
    if let Some(p) = primary {
        kind = classify_cap_text(&p.classify_text(), p.all_clear);
        cause_hazards = hazards_in_text(&p.cause_text());
    }
    if kind == NoticeKind::Other {
        if let Some(k) = infos
            .iter()
            .map(|i| classify_cap_text(&i.classify_text(), i.all_clear))
            .find(|k| *k != NoticeKind::Other)
        {
            kind = k;
        }
    }
    let expires = if !infos.is_empty() && infos.iter().all(|i| i.expires.is_some()) {
        infos.iter().filter_map(|i| i.expires).max()
    } else {
        None
    };
    let shelter_updates = shelter_updates(&infos, &kind);
    let dedup_key = format!(
        "cap|{}|{}|{}",
        sender,
        identifier,
        sent.with_timezone(&Utc).to_rfc3339()
    );
    Ok(Notice {
        source: Source::Cap,
        identifier,
        sender,
        sender_name: primary.and_then(|p| p.sender_name.clone()),
        sent,
        status,
        msg_type,
        references,
        kind,
        event: primary.map(|p| p.event.clone()).unwrap_or_default(),
        severity: primary.map_or(Severity::Unknown, |p| p.severity),
        urgency: primary.map_or(Urgency::Unknown, |p| p.urgency),
        certainty: primary.map_or(Certainty::Unknown, |p| p.certainty),
        headline,
        description,
        instruction,
        foreign_texts,
        cause_hazards,
        areas,
        resources,
        effective: infos.iter().filter_map(|i| i.effective).min(),
        onset: infos.iter().filter_map(|i| i.onset).min(),
        expires,
        dedup_key,
        thread_key: None,
        jma: None,
        xml_signature: root.children().any(|c| {
            c.is_element()
                && c.tag_name().name() == "Signature"
                && c.tag_name().namespace() == Some(XMLDSIG_NAMESPACE)
        }),
        shelter_updates,
    })
}

/// The shelters the `<parameter>`s of every `<info>` name (see
/// [`ShelterUpdate`]), each once: a later parameter for the same shelter
/// wins, so each language's block may repeat the list.
fn shelter_updates(infos: &[Info], kind: &NoticeKind) -> Vec<ShelterUpdate> {
    let implied = match kind {
        NoticeKind::ShelterOpened => Some(ShelterState::Open),
        NoticeKind::ShelterClosed => Some(ShelterState::Closed),
        _ => None,
    };
    let mut out: Vec<ShelterUpdate> = Vec::new();
    for (name, value) in infos.iter().flat_map(|i| &i.parameters) {
        let state = match name.as_str() {
            "machi-shelter-open" => Some(ShelterState::Open),
            "machi-shelter-full" => Some(ShelterState::Full),
            "machi-shelter-closed" => Some(ShelterState::Closed),
            "machi-shelter" => implied,
            _ => continue,
        };
        let id = value.trim();
        let Some(state) = state.filter(|_| !id.is_empty()) else {
            continue;
        };
        match out.iter_mut().find(|u| u.shelter_id == id) {
            Some(u) => u.state = state,
            None => out.push(ShelterUpdate {
                shelter_id: id.to_string(),
                state,
            }),
        }
    }
    out
}

fn append(text: &mut LocalizedText, lang: Lang, add: Option<&str>) {
    let Some(add) = add else { return };
    let joined = match text.get(lang) {
        Some(prev) if prev != add => format!("{prev}\n\n{add}"),
        Some(prev) => prev.to_string(),
        None => add.to_string(),
    };
    text.set(lang, joined);
}

/// One parsed `<info>` block.
struct Info {
    language: String,
    lang: Option<Lang>,
    event: String,
    event_codes: Vec<String>,
    all_clear: bool,
    urgency: Urgency,
    severity: Severity,
    certainty: Certainty,
    effective: Option<DateTime<FixedOffset>>,
    onset: Option<DateTime<FixedOffset>>,
    expires: Option<DateTime<FixedOffset>>,
    sender_name: Option<String>,
    headline: Option<String>,
    description: Option<String>,
    instruction: Option<String>,
    areas: Vec<Area>,
    resources: Vec<Resource>,
    /// `<parameter>` (valueName, value) pairs.
    parameters: Vec<(String, String)>,
}

impl Info {
    fn classify_text(&self) -> String {
        let mut s = self.event.clone();
        for c in &self.event_codes {
            s.push(' ');
            s.push_str(c);
        }
        if let Some(h) = &self.headline {
            s.push(' ');
            s.push_str(h);
        }
        s
    }

    fn cause_text(&self) -> String {
        format!("{} {}", self.event, self.headline.as_deref().unwrap_or(""))
    }
}

fn parse_info(info: Node<'_, '_>) -> Result<Info, RejectReason> {
    let language = child_text(info, "language").unwrap_or_else(|| "en-US".to_string());
    let opt_time = |name: &str| -> Result<Option<DateTime<FixedOffset>>, RejectReason> {
        child_text(info, name)
            .map(|t| parse_time(name, &t))
            .transpose()
    };
    let parameters = children(info, "parameter")
        .filter_map(|p| Some((child_text(p, "valueName")?, child_text(p, "value")?)))
        .collect();
    let event_codes = children(info, "eventCode")
        .filter_map(|c| child_text(c, "value"))
        .collect();
    let all_clear = children(info, "responseType")
        .filter_map(text_of)
        .any(|r| r == "AllClear");
    let areas = children(info, "area")
        .map(parse_area)
        .collect::<Result<_, _>>()?;
    Ok(Info {
        lang: map_language(&language),
        language,
        event: child_text(info, "event").unwrap_or_default(),
        event_codes,
        all_clear,
        urgency: parse_enum(info, "urgency", URGENCY, Urgency::Unknown)?,
        severity: parse_enum(info, "severity", SEVERITY, Severity::Unknown)?,
        certainty: parse_enum(info, "certainty", CERTAINTY, Certainty::Unknown)?,
        effective: opt_time("effective")?,
        onset: opt_time("onset")?,
        expires: opt_time("expires")?,
        sender_name: child_text(info, "senderName"),
        headline: child_text(info, "headline"),
        description: child_text(info, "description"),
        instruction: child_text(info, "instruction"),
        areas,
        parameters,
        resources: children(info, "resource")
            .map(|r| Resource {
                description: child_text(r, "resourceDesc").unwrap_or_default(),
                mime_type: child_text(r, "mimeType"),
                uri: child_text(r, "uri"),
            })
            .collect(),
    })
}

const URGENCY: &[(&str, Urgency)] = &[
    ("Immediate", Urgency::Immediate),
    ("Expected", Urgency::Expected),
    ("Future", Urgency::Future),
    ("Past", Urgency::Past),
    ("Unknown", Urgency::Unknown),
];
const SEVERITY: &[(&str, Severity)] = &[
    ("Extreme", Severity::Extreme),
    ("Severe", Severity::Severe),
    ("Moderate", Severity::Moderate),
    ("Minor", Severity::Minor),
    ("Unknown", Severity::Unknown),
];
const CERTAINTY: &[(&str, Certainty)] = &[
    ("Observed", Certainty::Observed),
    ("Likely", Certainty::Likely),
    // CAP 1.0 used "Very Likely"; 1.1 folded it into Likely.
    ("Very Likely", Certainty::Likely),
    ("Possible", Certainty::Possible),
    ("Unlikely", Certainty::Unlikely),
    ("Unknown", Certainty::Unknown),
];

fn parse_enum<T: Copy>(
    node: Node<'_, '_>,
    name: &str,
    table: &[(&str, T)],
    absent: T,
) -> Result<T, RejectReason> {
    match child_text(node, name) {
        None => Ok(absent),
        Some(v) => table
            .iter()
            .find(|(k, _)| *k == v)
            .map(|(_, t)| *t)
            .ok_or_else(|| RejectReason::invalid(name, &v)),
    }
}

/// Maps a CAP `<language>` (RFC 3066) to a supported language; `None`
/// keeps the text as foreign. Regional English (en-CA, en-AU) is English.
pub fn map_language(tag: &str) -> Option<Lang> {
    if let Ok(l) = Lang::from_tag(tag) {
        return Some(l);
    }
    let lower = tag.trim().to_ascii_lowercase().replace('_', "-");
    let primary = lower.split('-').next().unwrap_or("");
    match primary {
        "en" => Some(Lang::En),
        "ja" => Some(Lang::Ja),
        "ko" => Some(Lang::Ko),
        "zh" => {
            let traditional = ["hant", "tw", "hk", "mo"]
                .iter()
                .any(|s| lower.split('-').any(|p| p == *s));
            Some(if traditional {
                Lang::ZhHant
            } else {
                Lang::ZhHans
            })
        }
        _ => None,
    }
}

fn parse_area(area: Node<'_, '_>) -> Result<Area, RejectReason> {
    let polygons = children(area, "polygon")
        .filter_map(text_of)
        .map(|p| parse_polygon(&p))
        .collect::<Result<_, _>>()?;
    let circles = children(area, "circle")
        .filter_map(text_of)
        .map(|c| parse_circle(&c))
        .collect::<Result<_, _>>()?;
    let codes = children(area, "geocode")
        .filter_map(|g| {
            let name = child_text(g, "valueName")?;
            let value = child_text(g, "value")?;
            Some(AreaCode::new(geocode_scheme(&name), &value))
        })
        .collect();
    Ok(Area {
        desc: child_text(area, "areaDesc").unwrap_or_default(),
        polygons,
        circles,
        codes,
        kinds: Vec::new(),
    })
}

/// The scheme of a CAP geocode `valueName`. Japanese municipal CAP names
/// JIS X 0402 codes in several spellings; the JMA region names are the
/// town profile documented in tests/fixtures/README.md.
pub fn geocode_scheme(value_name: &str) -> CodeScheme {
    let v = value_name.trim().to_ascii_lowercase();
    if v.contains("0402")
        || v.contains("municipality")
        || v == "lgcode"
        || v.contains("全国地方公共団体コード")
    {
        CodeScheme::Municipality
    } else if v == "jma-forecast-region" {
        CodeScheme::ForecastRegion
    } else if v == "jma-quake-region" {
        CodeScheme::QuakeRegion
    } else if v == "jma-tsunami-region" {
        CodeScheme::TsunamiRegion
    } else {
        CodeScheme::Other(value_name.trim().to_string())
    }
}

fn parse_point(pair: &str) -> Option<GeoPoint> {
    let (a, b) = pair.split_once(',')?;
    GeoPoint::new(a.trim().parse().ok()?, b.trim().parse().ok()?).ok()
}

fn parse_polygon(text: &str) -> Result<Vec<GeoPoint>, RejectReason> {
    let bad = || RejectReason::geometry("polygon", text);
    let mut pts: Vec<GeoPoint> = text
        .split_whitespace()
        .map(parse_point)
        .collect::<Option<_>>()
        .ok_or_else(bad)?;
    // CAP requires first == last; close an open ring rather than lose it.
    if pts.first() != pts.last() {
        if let Some(first) = pts.first().copied() {
            pts.push(first);
        }
    }
    if pts.len() < 4 {
        return Err(bad());
    }
    Ok(pts)
}

fn parse_circle(text: &str) -> Result<Circle, RejectReason> {
    let bad = || RejectReason::geometry("circle", text);
    let mut parts = text.split_whitespace();
    let center = parts.next().and_then(parse_point).ok_or_else(bad)?;
    let radius_km: f64 = parts.next().and_then(|r| r.parse().ok()).ok_or_else(bad)?;
    if parts.next().is_some() || !radius_km.is_finite() || radius_km < 0.0 {
        return Err(bad());
    }
    Ok(Circle { center, radius_km })
}

/// Parses a CAP/JMA date-time (RFC 3339 with an offset; `-00:00` is UTC).
pub fn parse_time(element: &str, text: &str) -> Result<DateTime<FixedOffset>, RejectReason> {
    DateTime::parse_from_rfc3339(text.trim()).map_err(|_| RejectReason::time(element, text))
}

fn parse_status(s: &str) -> Result<Status, RejectReason> {
    Ok(match s {
        "Actual" => Status::Actual,
        "Exercise" => Status::Exercise,
        "System" => Status::System,
        "Test" => Status::Test,
        "Draft" => Status::Draft,
        _ => return Err(RejectReason::invalid("status", s)),
    })
}

fn parse_msg_type(s: &str) -> Result<MsgType, RejectReason> {
    Ok(match s {
        "Alert" => MsgType::Alert,
        "Update" => MsgType::Update,
        "Cancel" => MsgType::Cancel,
        "Ack" => MsgType::Ack,
        "Error" => MsgType::Error,
        _ => return Err(RejectReason::invalid("msgType", s)),
    })
}

/// Parses space-separated `sender,identifier,sent` triples.
pub fn parse_references(text: &str) -> Result<Vec<Reference>, RejectReason> {
    text.split_whitespace()
        .map(|triple| {
            // Split from the right: the time and identifier hold no commas.
            let mut parts = triple.rsplitn(3, ',');
            let (Some(sent), Some(identifier), Some(sender)) =
                (parts.next(), parts.next(), parts.next())
            else {
                return Err(RejectReason::InvalidReference(RejectReason::clip(triple)));
            };
            if identifier.is_empty() || sender.is_empty() {
                return Err(RejectReason::InvalidReference(RejectReason::clip(triple)));
            }
            let sent = DateTime::parse_from_rfc3339(sent)
                .map_err(|_| RejectReason::InvalidReference(RejectReason::clip(triple)))?;
            Ok(Reference {
                sender: sender.to_string(),
                identifier: identifier.to_string(),
                sent: sent.with_timezone(&Utc),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_parse() {
        let r =
            parse_references("a@b,ID.1,2003-06-11T20:30:00-07:00  c,ID2,2012-05-02T23:21:04-00:00")
                .unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].identifier, "ID.1");
        assert_eq!(r[1].sent.to_rfc3339(), "2012-05-02T23:21:04+00:00");
        assert!(matches!(
            parse_references("nonsense"),
            Err(RejectReason::InvalidReference(_))
        ));
    }

    #[test]
    fn languages_map() {
        assert_eq!(map_language("en-CA"), Some(Lang::En));
        assert_eq!(map_language("zh-tw"), Some(Lang::ZhHant));
        assert_eq!(map_language("ja-JP"), Some(Lang::Ja));
        assert_eq!(map_language("es-US"), None);
    }

    #[test]
    fn geometry() {
        let p = parse_polygon("1,1 1,2 2,2").unwrap();
        assert_eq!(p.len(), 4);
        assert!(parse_polygon("1,1 x").is_err());
        assert!(parse_circle("32.9,-115.5 0").is_ok());
        assert!(parse_circle("32.9,-115.5 -1").is_err());
        assert!(parse_circle("95,0 1").is_err());
    }
}
