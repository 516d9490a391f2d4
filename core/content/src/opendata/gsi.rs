//! GSI 指定緊急避難場所 / 指定避難所 GeoJSON → [`Shelter`]s.

use std::collections::HashMap;

use machi_common::{GeoPoint, Hazard, Lang, LocalizedText};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::error::{Issues, OpenDataError, Problem};
use super::evacuation::HAZARD_COLUMNS;
use super::table::Ids;
use super::text::{decode_file, nfkc};
use super::values::{coordinates, flag, join, non_blank};
use crate::model::{Shelter, ShelterKind};

#[derive(Deserialize)]
struct Collection<'a> {
    #[serde(rename = "type")]
    kind: String,
    #[serde(borrow)]
    features: Vec<&'a RawValue>,
}

/// Which of the two GSI files this is, decided from the first feature's properties.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// 指定緊急避難場所: eight hazard flags, 指定避難所との住所同一.
    EmergencyPlaces,
    /// 指定避難所: 指定緊急避難場所との住所同一, 受入対象者.
    Shelters,
}

fn detect(props: &Map<String, Value>) -> Option<Layout> {
    if HAZARD_COLUMNS.iter().any(|h| props.contains_key(*h)) {
        Some(Layout::EmergencyPlaces)
    } else if props.contains_key("指定緊急避難場所との住所同一") || props.contains_key("受入対象者")
    {
        Some(Layout::Shelters)
    } else {
        None
    }
}

/// A property as text: strings trimmed, numbers written out, null/absent as "".
fn text(props: &Map<String, Value>, key: &str) -> String {
    match props.get(key) {
        Some(Value::String(s)) => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => if *b { "1" } else { "" }.to_string(),
        _ => String::new(),
    }
}

/// Imports a GSI GeoJSON FeatureCollection of Points (`[lon, lat]`), as the
/// 国土地理院 publishes per municipality. `file` names the file in errors.
///
/// The file kind is detected from the properties: hazard flag keys (`洪水` …,
/// values `"1"` or `""`) mean 指定緊急避難場所 (kind `EmergencyPlace`, or `Both`
/// when 指定避難所との住所同一 is `"1"`); 指定緊急避難場所との住所同一 /
/// 受入対象者 mean 指定避難所 (kind `Shelter`, or `Both`). Id: 共通ID, else
/// `shelter-<NO>`. Errors name the line where the feature object starts.
pub fn import_gsi_geojson(bytes: &[u8], file: &str) -> Result<Vec<Shelter>, OpenDataError> {
    let src = decode_file(bytes, file)?;
    let line_of = |part: &str| -> u64 {
        // `part` borrows from `src` (RawValue keeps the original text), so its
        // offset in `src` is the address difference.
        let offset = (part.as_ptr() as usize).saturating_sub(src.as_ptr() as usize);
        1 + src.get(..offset).unwrap_or("").matches('\n').count() as u64
    };
    let collection: Collection = serde_json::from_str(&src).map_err(|e| {
        OpenDataError::one(file, e.line() as u64, None, Problem::Json(e.to_string()))
    })?;
    if collection.kind != "FeatureCollection" {
        return Err(OpenDataError::one(
            file,
            1,
            Some("type".into()),
            Problem::Structure(format!(
                "expected a GeoJSON FeatureCollection, found type {:?}",
                collection.kind
            )),
        ));
    }
    let mut issues = Issues::default();
    let mut layout = None;
    let mut ids = Ids::new("shelter");
    let mut shelters = Vec::new();
    for raw in collection.features {
        let line = line_of(raw.get());
        let mut bad = |column: &str, problem: Problem| {
            issues.push(file, line, Some(column), problem);
        };
        let feature: Value = match serde_json::from_str(raw.get()) {
            Ok(v) => v,
            Err(e) => {
                bad("feature", Problem::Json(e.to_string()));
                continue;
            }
        };
        // Keys are NFKC-normalized like CSV headers (full-width variants exist).
        let props: Map<String, Value> = match feature.get("properties") {
            Some(Value::Object(m)) => m.iter().map(|(k, v)| (nfkc(k), v.clone())).collect(),
            _ => {
                bad(
                    "properties",
                    Problem::Structure("feature has no properties object".into()),
                );
                continue;
            }
        };
        let this_layout = match (layout, detect(&props)) {
            (_, None) => {
                bad(
                    "properties",
                    Problem::Structure(
                        "neither a GSI 指定緊急避難場所 (hazard flags) nor 指定避難所 feature"
                            .into(),
                    ),
                );
                continue;
            }
            (Some(l), Some(d)) if l != d => {
                bad(
                    "properties",
                    Problem::Structure("emergency places and shelters mixed in one file".into()),
                );
                continue;
            }
            (_, Some(d)) => d,
        };
        layout = Some(this_layout);
        let location = match point(&feature) {
            Ok(p) => Some(p),
            Err(e) => {
                bad("geometry", Problem::Invalid(e));
                None
            }
        };
        let id = match text(&props, "共通ID").as_str() {
            "" => ids
                .next(&text(&props, "NO"), line)
                .map_err(|p| bad("NO", p)),
            gsi => ids
                .claim(gsi.to_string(), line)
                .map_err(|p| bad("共通ID", p)),
        }
        .ok();
        let name = text(&props, "施設・場所名");
        if name.is_empty() {
            bad("施設・場所名", Problem::Empty);
        }
        let mut hazards = Vec::new();
        if this_layout == Layout::EmergencyPlaces {
            for (h, key) in Hazard::ALL.iter().zip(HAZARD_COLUMNS) {
                match flag(&text(&props, key)) {
                    Ok(true) => hazards.push(*h),
                    Ok(false) => {}
                    Err(e) => bad(key, Problem::Invalid(e)),
                }
            }
        }
        let both_key = match this_layout {
            Layout::EmergencyPlaces => "指定避難所との住所同一",
            Layout::Shelters => "指定緊急避難場所との住所同一",
        };
        let both = flag(&text(&props, both_key))
            .map_err(|e| bad(both_key, Problem::Invalid(e)))
            .unwrap_or(false);
        let (Some(id), Some(location)) = (id, location) else {
            continue;
        };
        if name.is_empty() {
            continue;
        }
        let notes = join(
            &[
                &text(&props, "備考"),
                &labelled(&props, "受入対象者"),
                &text(&props, "その他市町村長が必要と認める事項"),
            ],
            "\n",
        );
        shelters.push(Shelter {
            id,
            name: LocalizedText::single(Lang::Ja, name),
            kana: None,
            address: LocalizedText::single(Lang::Ja, text(&props, "住所")),
            location,
            elevation_m: None,
            capacity: None,
            hazards,
            kind: match (this_layout, both) {
                (_, true) => ShelterKind::Both,
                (Layout::EmergencyPlaces, false) => ShelterKind::EmergencyPlace,
                (Layout::Shelters, false) => ShelterKind::Shelter,
            },
            phone: None,
            notes: LocalizedText::single(Lang::Ja, notes),
        });
    }
    issues.finish(shelters)
}

/// `key：value` when the property is filled, else "".
fn labelled(props: &Map<String, Value>, key: &str) -> String {
    non_blank(&text(props, key))
        .map(|v| format!("{key}：{v}"))
        .unwrap_or_default()
}

/// The feature's Point geometry, `[lon, lat]` in GeoJSON order.
fn point(feature: &Value) -> Result<GeoPoint, String> {
    let geometry = feature
        .get("geometry")
        .ok_or_else(|| "feature has no geometry".to_string())?;
    if geometry.get("type").and_then(Value::as_str) != Some("Point") {
        return Err("geometry is not a Point".into());
    }
    let coords = geometry
        .get("coordinates")
        .and_then(Value::as_array)
        .ok_or_else(|| "Point has no coordinates array".to_string())?;
    let (Some(lon), Some(lat)) = (
        coords.first().and_then(Value::as_f64),
        coords.get(1).and_then(Value::as_f64),
    ) else {
        return Err("coordinates are not [longitude, latitude] numbers".into());
    };
    match coordinates(&lat.to_string(), &lon.to_string()) {
        Ok(Some(p)) => Ok(p),
        Ok(None) => Err("coordinates are empty".into()),
        Err((_, reason)) => Err(format!("{reason} (GeoJSON order is [longitude, latitude])")),
    }
}

/// Folds each 指定避難所 into the 指定緊急避難場所 at the same site, so a town
/// imported from both GSI files lists each site once.
///
/// A shelter whose 共通ID shares its first 11 characters (`E` + city code +
/// serial) with an emergency place's, and which is marked `Both`, is merged
/// into that place: the place keeps its id, hazards and position, becomes
/// `Both`, and gains the shelter's notes. Other shelters are kept as they are.
pub fn merge_gsi_designations(emergency: Vec<Shelter>, shelters: Vec<Shelter>) -> Vec<Shelter> {
    let site = |id: &str| id.get(..11).map(str::to_string);
    let mut by_site: HashMap<String, usize> = HashMap::new();
    let mut out = emergency;
    for (i, p) in out.iter().enumerate() {
        if let Some(s) = site(&p.id) {
            by_site.insert(s, i);
        }
    }
    for s in shelters {
        let target = site(&s.id).and_then(|k| by_site.get(&k).copied());
        match target {
            Some(i) if s.kind == ShelterKind::Both => {
                let place = &mut out[i];
                place.kind = ShelterKind::Both;
                for (lang, note) in s.notes.iter() {
                    let merged = join(&[place.notes.get(lang).unwrap_or(""), note], "\n");
                    place.notes.set(lang, merged);
                }
                if place.capacity.is_none() {
                    place.capacity = s.capacity;
                }
            }
            _ => out.push(s),
        }
    }
    out
}
