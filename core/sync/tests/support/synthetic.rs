//! Synthetic content packs for tests and the bench: `n` spots with stable ids,
//! plus a few shelters and FAQ entries, clearly labelled as generated (they
//! are never shipped; the real sample town comes from `content/takahagi`).

use machi_common::{GeoPoint, Lang, LocalizedText};
use machi_content::model::{FaqEntry, PackData, PackMeta, Shelter, ShelterKind, Spot};

fn text(ja: String, en: String) -> LocalizedText {
    LocalizedText::new().with(Lang::Ja, ja).with(Lang::En, en)
}

fn point(i: usize) -> GeoPoint {
    let lat = 36.6 + (i % 1000) as f64 * 0.0002;
    let lon = 140.6 + (i / 1000) as f64 * 0.002;
    GeoPoint::new(lat, lon).unwrap_or_else(|_| unreachable!("generated coordinates are in range"))
}

/// One generated spot; `rev` changes its description (a content edit).
pub fn spot(i: usize, rev: u64) -> Spot {
    Spot {
        id: format!("gen-spot-{i:05}"),
        name: text(format!("生成スポット{i}"), format!("Generated spot {i}")),
        kana: None,
        description: text(
            format!("試験用に生成した説明です（版{rev}）。番号{i}。"),
            format!("Generated test description (revision {rev}) for spot number {i}, with a sentence of typical length."),
        ),
        tags: vec!["nature".into(), if i % 2 == 0 { "history" } else { "food" }.into()],
        location: point(i),
        address: text(format!("茨城県高萩市本町{}丁目", i % 9 + 1), format!("{}-chome, Honcho, Takahagi", i % 9 + 1)),
        opening_hours: Some("Mo-Su 09:00-17:00".into()),
        hours_note: LocalizedText::new(),
        fee: text("無料".into(), "Free".into()),
        visit_minutes: 30 + (i % 4) as u32 * 15,
        popularity: (i % 10) as f32 / 10.0,
        access: text("高萩駅から徒歩".into(), "Walk from Takahagi Station".into()),
        parking: LocalizedText::new(),
        accessibility: LocalizedText::new(),
        phone: Some(format!("0293-23-{:04}", i % 10000)),
        url: None,
        image_url: None,
    }
}

/// A pack of `version` with `n` spots; spots with index `< changed` carry the
/// version as their revision (so consecutive versions differ in exactly those).
pub fn pack(version: u64, n: usize, changed: usize) -> PackData {
    let spots = (0..n)
        .map(|i| spot(i, if i < changed { version } else { 1 }))
        .collect();
    let shelters = (0..5)
        .map(|i| Shelter {
            id: format!("gen-shelter-{i}"),
            name: text(format!("生成避難所{i}"), format!("Generated shelter {i}")),
            kana: None,
            address: LocalizedText::new(),
            location: point(i * 7),
            elevation_m: Some(10.0 + i as f64),
            capacity: Some(100),
            hazards: vec![],
            kind: ShelterKind::Shelter,
            phone: None,
            notes: LocalizedText::new(),
        })
        .collect();
    let faq = (0..3)
        .map(|i| FaqEntry {
            id: format!("gen-faq-{i}"),
            category: "garbage".into(),
            question: text(format!("質問{i}"), format!("Question {i}")),
            answer: text(format!("回答{i}"), format!("Answer {i}")),
            department_id: None,
            keywords: vec![],
            examples: vec![],
        })
        .collect();
    PackData {
        meta: PackMeta {
            municipality_code: "082147".into(),
            municipality_name: text("高萩市".into(), "Takahagi City".into()),
            pack_version: version,
            languages: vec![Lang::Ja, Lang::En],
            created: format!("2026-11-{:02}T10:00:00Z", (version % 28) + 1),
            center: Some(point(0)),
            area_codes: vec!["0821400".into()],
            attribution: vec![],
            notice_senders: vec![],
        },
        spots,
        shelters,
        faq,
        ..Default::default()
    }
}
