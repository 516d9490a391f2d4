//! 気象庁防災情報XML `<Report>` into a [`Notice`].
//!
//! Every JMA report family we handle states its kinds the same way, in
//! Head/Headline/Information/Item (Kind/Name + Areas with a codeType), so one
//! walker reads them all; families differ only in how a Kind name is
//! classified and in a few Body sections (intensities, tsunami forecasts).

use chrono::Utc;
use machi_common::{Lang, LocalizedText};
use roxmltree::Node;

use crate::cap::parse_time;
use crate::error::RejectReason;
use crate::kind::{
    classify_jma_kind_name, classify_river_stage, hazards_in_text, Intensity, NoticeKind,
    TsunamiGrade,
};
use crate::model::{
    Area, AreaCode, Certainty, CodeScheme, JmaHead, JmaInfoType, MsgType, Notice, Severity, Source,
    Status, Urgency,
};
use crate::xml::{child, child_text, children, path, text_of};

/// The JMA report root namespace.
pub const JMA_NAMESPACE: &str = "http://xml.kishou.go.jp/jmaxml1/";

/// True when `root` is a JMA `<Report>`.
pub fn is_jma(root: Node<'_, '_>) -> bool {
    root.tag_name().name() == "Report" && root.tag_name().namespace() == Some(JMA_NAMESPACE)
}

/// The report families handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// VPWW53/54, and the R06 VPWW55–61 (one hazard each).
    Weather,
    /// 土砂災害警戒情報.
    Landslide,
    /// 指定河川洪水予報.
    River,
    /// 震度速報 (VXSE51).
    IntensityFlash,
    /// 震源に関する情報 (VXSE52).
    Hypocenter,
    /// 震源・震度に関する情報 (VXSE53).
    QuakeDetail,
    /// 緊急地震速報（警報） (VXSE43).
    EarlyWarning,
    /// 津波警報・注意報・予報 (VTSE41).
    Tsunami,
    /// 噴火速報 (VFVO56).
    Eruption,
}

impl Family {
    fn from_title(title: &str) -> Option<Family> {
        // Real feeds append revision letters ("津波警報・注意報・予報a").
        Some(
            if title.starts_with("気象特別警報・警報・注意報")
                || title.starts_with("気象警報・注意報")
            {
                Family::Weather
            } else if title.starts_with("土砂災害警戒情報") {
                Family::Landslide
            } else if title.starts_with("指定河川洪水予報") {
                Family::River
            } else if title.starts_with("震度速報") {
                Family::IntensityFlash
            } else if title.starts_with("震源に関する情報") {
                Family::Hypocenter
            } else if title.starts_with("震源・震度に関する情報") {
                Family::QuakeDetail
            } else if title.starts_with("緊急地震速報（警報）") {
                Family::EarlyWarning
            } else if title.starts_with("津波警報・注意報・予報") {
                Family::Tsunami
            } else if title.starts_with("噴火速報") {
                Family::Eruption
            } else {
                return None;
            },
        )
    }

    fn key(self) -> &'static str {
        match self {
            Family::Weather => "weather",
            Family::Landslide => "landslide",
            Family::River => "river",
            Family::IntensityFlash => "intensity-flash",
            Family::Hypocenter => "hypocenter",
            Family::QuakeDetail => "quake-detail",
            Family::EarlyWarning => "eew",
            Family::Tsunami => "tsunami",
            Family::Eruption => "eruption",
        }
    }

    /// Classifies one Kind/Name in this family.
    fn classify(self, name: &str) -> Option<NoticeKind> {
        match self {
            Family::Weather | Family::Tsunami => classify_jma_kind_name(name),
            Family::Landslide => Some(if name.contains("解除") || name.ends_with("なし") {
                NoticeKind::AllClear
            } else {
                NoticeKind::LandslideAlert
            }),
            Family::River => {
                classify_river_stage(name).map(|stage| NoticeKind::RiverFlood { stage })
            }
            Family::IntensityFlash | Family::QuakeDetail => {
                Intensity::parse(name).map(|max| NoticeKind::SeismicIntensity { max })
            }
            Family::Hypocenter => Some(NoticeKind::EarthquakeInfo),
            Family::EarlyWarning => Some(NoticeKind::EarthquakeEarlyWarning),
            Family::Eruption => Some(NoticeKind::Eruption),
        }
    }

    fn fallback_kind(self) -> NoticeKind {
        match self {
            Family::Weather | Family::Landslide | Family::River => NoticeKind::AllClear,
            Family::IntensityFlash | Family::QuakeDetail | Family::Hypocenter => {
                NoticeKind::EarthquakeInfo
            }
            Family::EarlyWarning => NoticeKind::EarthquakeEarlyWarning,
            Family::Tsunami => NoticeKind::Tsunami {
                grade: TsunamiGrade::Forecast,
            },
            Family::Eruption => NoticeKind::Eruption,
        }
    }
}

/// The scheme of a JMA Areas/@codeType.
fn scheme_of(code_type: &str) -> CodeScheme {
    match code_type {
        "気象・地震・火山情報／市町村等" => CodeScheme::Municipality,
        "気象情報／府県予報区・細分区域等" => CodeScheme::ForecastRegion,
        "地震情報／細分区域" => CodeScheme::QuakeRegion,
        "津波予報区" => CodeScheme::TsunamiRegion,
        "火山名" => CodeScheme::Volcano,
        "河川" | "指定河川洪水予報（予報区域）" | "水位観測所" => {
            CodeScheme::River
        }
        other => CodeScheme::Other(other.to_string()),
    }
}

/// Parses a JMA `<Report>`.
pub fn parse_report(root: Node<'_, '_>) -> Result<Notice, RejectReason> {
    let control = child(root, "Control").ok_or_else(|| RejectReason::missing("Control"))?;
    let head = child(root, "Head").ok_or_else(|| RejectReason::missing("Head"))?;
    let control_title =
        child_text(control, "Title").ok_or_else(|| RejectReason::missing("Control/Title"))?;
    let family = Family::from_title(&control_title)
        .ok_or_else(|| RejectReason::UnsupportedJmaReport(RejectReason::clip(&control_title)))?;
    let status_text =
        child_text(control, "Status").ok_or_else(|| RejectReason::missing("Control/Status"))?;
    let status = match status_text.as_str() {
        "通常" => Status::Actual,
        "訓練" => Status::Exercise,
        "試験" => Status::Test,
        _ => return Err(RejectReason::invalid("Control/Status", &status_text)),
    };
    let office = child_text(control, "PublishingOffice")
        .ok_or_else(|| RejectReason::missing("Control/PublishingOffice"))?;
    let title = child_text(head, "Title").unwrap_or_else(|| control_title.clone());
    let report_time_text = child_text(head, "ReportDateTime")
        .ok_or_else(|| RejectReason::missing("Head/ReportDateTime"))?;
    let sent = parse_time("Head/ReportDateTime", &report_time_text)?;
    let info_type_text =
        child_text(head, "InfoType").ok_or_else(|| RejectReason::missing("Head/InfoType"))?;
    let (info_type, msg_type) = match info_type_text.as_str() {
        "発表" => (JmaInfoType::Issued, MsgType::Alert),
        "訂正" => (JmaInfoType::Corrected, MsgType::Update),
        "遅延" => (JmaInfoType::Delayed, MsgType::Alert),
        "取消" => (JmaInfoType::Retracted, MsgType::Cancel),
        _ => return Err(RejectReason::invalid("Head/InfoType", &info_type_text)),
    };
    let event_id = child_text(head, "EventID").unwrap_or_default();
    let serial = child_text(head, "Serial").unwrap_or_default();
    let body = child(root, "Body");

    let mut areas = headline_areas(head, family);
    if let Some(body) = body {
        let detailed = match family {
            Family::IntensityFlash | Family::QuakeDetail => intensity_areas(body),
            Family::Tsunami => tsunami_areas(body),
            Family::Eruption => eruption_areas(body),
            _ => Vec::new(),
        };
        if !detailed.is_empty() {
            // Body sections are finer (towns, all coasts) than the headline.
            if family == Family::Tsunami {
                areas = detailed;
            } else {
                areas.extend(detailed);
            }
        }
    }

    let kind = principal_kind(family, &areas, body);
    let headline_text = path(head, &["Headline", "Text"]).and_then(text_of);
    let description = body.map(body_text).filter(|t| !t.is_empty());
    let mut headline = LocalizedText::new();
    headline.set(
        Lang::Ja,
        headline_text.clone().unwrap_or_else(|| title.clone()),
    );
    let mut desc = LocalizedText::new();
    if let Some(d) = description {
        desc.set(Lang::Ja, d);
    }
    let mut cause_hazards = hazards_in_text(&title);
    for c in conditions(head) {
        cause_hazards.extend(hazards_in_text(&c));
    }
    cause_hazards.sort();
    cause_hazards.dedup();

    // One issuance may arrive as several documents (VPWW53 and its
    // older-format twin VPWW54 carry the same office, area and time).
    let primary_area = areas
        .first()
        .and_then(|a| a.codes.first())
        .map(|c| c.code.clone())
        .unwrap_or_default();
    let hazard_key = match family {
        // R06 reports split warnings by hazard: 「…（Ｒ０６）（大雨）」.
        Family::Weather => control_title
            .rsplit_once('（')
            .filter(|(_, h)| !h.starts_with('Ｒ'))
            .map(|(_, h)| h.trim_end_matches('）').to_string())
            .unwrap_or_default(),
        _ => String::new(),
    };
    let family_key = if hazard_key.is_empty() {
        family.key().to_string()
    } else {
        format!("{}:{hazard_key}", family.key())
    };
    // What stays the same from one report to the next of the same stream:
    // weather warnings per prefecture (the first, 府県予報区 area); the rest
    // per EventID (土砂災害警戒情報 uses the prefecture's name, river
    // forecasts the forecast reach, tsunami reports the earthquake — the
    // coasts listed change from report to report — and earthquakes and
    // eruptions the event).
    let thread_key = match family {
        Family::Weather => format!("jma|{family_key}|{office}|{primary_area}"),
        _ => format!("jma|{family_key}|{office}|event:{event_id}"),
    };
    let dedup_key = format!(
        "{thread_key}|{}|{}",
        sent.with_timezone(&Utc).to_rfc3339(),
        info_type_text
    );
    let severity = severity_of(&kind);
    Ok(Notice {
        source: Source::Jma,
        identifier: dedup_key.clone(),
        sender: office.clone(),
        sender_name: Some(office),
        sent,
        status,
        msg_type,
        references: Vec::new(),
        kind,
        event: title.clone(),
        severity,
        urgency: if msg_type == MsgType::Cancel {
            Urgency::Past
        } else {
            Urgency::Unknown
        },
        certainty: Certainty::Unknown,
        headline,
        description: desc,
        instruction: LocalizedText::new(),
        foreign_texts: Vec::new(),
        cause_hazards,
        areas,
        resources: Vec::new(),
        effective: None,
        onset: None,
        expires: None,
        dedup_key,
        thread_key: Some(thread_key),
        jma: Some(JmaHead {
            control_title,
            title,
            info_type,
            event_id,
            serial,
        }),
        xml_signature: false,
        shelter_updates: Vec::new(),
    })
}

/// Areas with their kinds from Head/Headline/Information.
fn headline_areas(head: Node<'_, '_>, family: Family) -> Vec<Area> {
    let Some(headline) = child(head, "Headline") else {
        return Vec::new();
    };
    let mut out: Vec<Area> = Vec::new();
    for info in children(headline, "Information") {
        let info_type = info.attribute("type").unwrap_or("");
        // A river forecast names the whole prefecture too; matching on it
        // would show one river's forecast to every town in the prefecture.
        if family == Family::River && info_type.contains("府県予報区") {
            continue;
        }
        for item in children(info, "Item") {
            let kinds: Vec<NoticeKind> = children(item, "Kind")
                .filter_map(|k| child_text(k, "Name"))
                .filter_map(|n| family.classify(&n))
                .collect();
            for areas in children(item, "Areas") {
                let scheme = scheme_of(areas.attribute("codeType").unwrap_or(""));
                for a in children(areas, "Area") {
                    push_area(&mut out, a, scheme.clone(), &kinds);
                }
            }
        }
    }
    out
}

fn push_area(out: &mut Vec<Area>, a: Node<'_, '_>, scheme: CodeScheme, kinds: &[NoticeKind]) {
    let name = child_text(a, "Name").unwrap_or_default();
    let codes = child_text(a, "Code")
        .map(|c| vec![AreaCode::new(scheme, &c)])
        .unwrap_or_default();
    // The same area listed twice (e.g. per-tier Information) merges kinds.
    if let Some(existing) = out
        .iter_mut()
        .find(|e| e.codes == codes && e.desc == name && !codes.is_empty())
    {
        for k in kinds {
            if !existing.kinds.contains(k) {
                existing.kinds.push(k.clone());
            }
        }
        return;
    }
    out.push(Area {
        desc: name,
        codes,
        kinds: kinds.to_vec(),
        ..Area::default()
    });
}

/// Body/Intensity/Observation: regions and towns with their max intensity.
fn intensity_areas(body: Node<'_, '_>) -> Vec<Area> {
    let mut out = Vec::new();
    let Some(obs) = path(body, &["Intensity", "Observation"]) else {
        return out;
    };
    for pref in children(obs, "Pref") {
        for area in children(pref, "Area") {
            let kinds = max_int_kind(area);
            push_area(&mut out, area, CodeScheme::QuakeRegion, &kinds);
            for city in children(area, "City") {
                let kinds = max_int_kind(city);
                push_area(&mut out, city, CodeScheme::Municipality, &kinds);
            }
        }
    }
    out
}

fn max_int_kind(node: Node<'_, '_>) -> Vec<NoticeKind> {
    child_text(node, "MaxInt")
        .and_then(|m| Intensity::parse(&m))
        .map(|max| vec![NoticeKind::SeismicIntensity { max }])
        .unwrap_or_default()
}

/// Body/Tsunami/Forecast/Item: every coast with its grade; a coast whose
/// advisory or warning was just lifted carries [`NoticeKind::AllClear`].
fn tsunami_areas(body: Node<'_, '_>) -> Vec<Area> {
    let mut out = Vec::new();
    let Some(forecast) = path(body, &["Tsunami", "Forecast"]) else {
        return out;
    };
    for item in children(forecast, "Item") {
        let Some(area) = child(item, "Area") else {
            continue;
        };
        let kind_of = |name: &str| {
            path(item, &["Category", name, "Name"])
                .and_then(text_of)
                .and_then(|n| classify_jma_kind_name(&n))
        };
        let now = kind_of("Kind");
        let last = kind_of("LastKind");
        let is_minor = |k: &Option<NoticeKind>| {
            matches!(
                k,
                None | Some(NoticeKind::AllClear)
                    | Some(NoticeKind::Tsunami {
                        grade: TsunamiGrade::Forecast
                    })
            )
        };
        let kind = if is_minor(&now) && !is_minor(&last) {
            Some(NoticeKind::AllClear)
        } else {
            now
        };
        push_area(
            &mut out,
            area,
            CodeScheme::TsunamiRegion,
            &kind.into_iter().collect::<Vec<_>>(),
        );
    }
    out
}

/// Body/VolcanoInfo: the towns near the volcano.
fn eruption_areas(body: Node<'_, '_>) -> Vec<Area> {
    let mut out = Vec::new();
    for info in children(body, "VolcanoInfo") {
        for item in children(info, "Item") {
            for areas in children(item, "Areas") {
                let scheme = scheme_of(areas.attribute("codeType").unwrap_or(""));
                for a in children(areas, "Area") {
                    push_area(&mut out, a, scheme.clone(), &[NoticeKind::Eruption]);
                }
            }
        }
    }
    out
}

/// Kind/Condition texts (e.g. 土砂災害、浸水害) naming causes.
fn conditions(head: Node<'_, '_>) -> Vec<String> {
    head.descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == "Condition")
        .filter_map(text_of)
        .collect()
}

/// The most serious kind anywhere in the report.
fn principal_kind(family: Family, areas: &[Area], body: Option<Node<'_, '_>>) -> NoticeKind {
    let mut all: Vec<&NoticeKind> = areas.iter().flat_map(|a| a.kinds.iter()).collect();
    let body_max = body
        .and_then(|b| path(b, &["Intensity", "Observation", "MaxInt"]))
        .and_then(text_of)
        .and_then(|m| Intensity::parse(&m))
        .map(|max| NoticeKind::SeismicIntensity { max });
    if let Some(k) = &body_max {
        all.push(k);
    }
    let best = all.iter().max_by_key(|k| k.rank()).map(|k| (*k).clone());
    match best {
        // Only slight sea-level changes left, and some coast was lifted.
        Some(NoticeKind::Tsunami {
            grade: TsunamiGrade::Forecast,
        }) if all.contains(&&NoticeKind::AllClear) => NoticeKind::AllClear,
        Some(k) => k,
        None => family.fallback_kind(),
    }
}

/// Body text worth showing: comments, volcano activity, free text.
fn body_text(body: Node<'_, '_>) -> String {
    let mut parts: Vec<String> = Vec::new();
    for n in body.descendants().filter(|n| n.is_element()) {
        let name = n.tag_name().name();
        let parent = n
            .parent_element()
            .map(|p| p.tag_name().name())
            .unwrap_or("");
        let wanted = matches!(
            name,
            "VolcanoActivity" | "VolcanoPrevention" | "FreeFormComment"
        ) || (name == "Text"
            && (parent == "Body" || parent.ends_with("Comment") || parent == "Property"));
        if wanted {
            if let Some(t) = text_of(n) {
                if !parts.contains(&t) {
                    parts.push(t);
                }
            }
        }
    }
    parts.join("\n\n")
}

fn severity_of(kind: &NoticeKind) -> Severity {
    match kind.level().map(|l| l.value) {
        Some(5) => Severity::Extreme,
        Some(4) => Severity::Severe,
        Some(3) => Severity::Moderate,
        Some(_) => Severity::Minor,
        None => match kind {
            NoticeKind::Tsunami { grade } => match grade {
                TsunamiGrade::MajorWarning => Severity::Extreme,
                TsunamiGrade::Warning => Severity::Severe,
                TsunamiGrade::Advisory => Severity::Moderate,
                TsunamiGrade::Forecast => Severity::Minor,
            },
            NoticeKind::EarthquakeEarlyWarning | NoticeKind::Eruption => Severity::Severe,
            NoticeKind::SeismicIntensity { max } if *max >= Intensity::I5Lower => Severity::Severe,
            NoticeKind::AllClear => Severity::Minor,
            _ => Severity::Unknown,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_from_titles() {
        assert_eq!(
            Family::from_title("津波警報・注意報・予報a"),
            Some(Family::Tsunami)
        );
        assert_eq!(
            Family::from_title("気象警報・注意報（Ｒ０６）（大雨）"),
            Some(Family::Weather)
        );
        assert_eq!(Family::from_title("府県天気予報"), None);
    }

    #[test]
    fn schemes() {
        assert_eq!(
            scheme_of("気象・地震・火山情報／市町村等"),
            CodeScheme::Municipality
        );
        assert_eq!(scheme_of("津波予報区"), CodeScheme::TsunamiRegion);
    }
}
