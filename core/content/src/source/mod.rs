//! The pack-source loader: a folder of open-data files and our TOML overlays
//! → one validated [`PackData`] (layout in `docs/pack-source.md`).
//!
//! The loader keeps going after a problem so it can report every one of them
//! (`file:line`, column, reason); a source with any problem yields nothing.

mod files;
mod garbage;
mod mobility;
mod procedures;
mod toml_files;
mod transit;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use machi_common::{LocalizedText, NoticeSender};
use serde::de::DeserializeOwned;
use toml::Spanned;

pub use files::SourceFiles;
use toml_files::*;

use crate::error::{SourceError, SourceIssue};
use crate::hours::Hours;
use crate::model::*;
use crate::opendata;

/// Loads the pack source folder at `dir`.
pub fn load_dir(dir: &Path) -> Result<PackData, SourceError> {
    load(&SourceFiles::read_dir(dir)?)
}

/// Loads a pack source given as files in memory; `created` is stamped as the build time.
pub fn load(files: &SourceFiles) -> Result<PackData, SourceError> {
    let mut l = Loader {
        files,
        issues: Vec::new(),
    };
    let data = l.run();
    if l.issues.is_empty() {
        Ok(data)
    } else {
        Err(SourceError::Invalid(l.issues))
    }
}

/// The municipality code and pack version a source declares in `pack.toml`,
/// read without loading the rest (cheap: decides whether a build is needed).
pub fn identity(files: &SourceFiles) -> Option<(String, u64)> {
    #[derive(serde::Deserialize)]
    struct P {
        pack: I,
    }
    #[derive(serde::Deserialize)]
    struct I {
        municipality_code: String,
        version: u64,
    }
    let text = std::str::from_utf8(files.get("pack.toml")?).ok()?;
    let p: P = toml::from_str(text.trim_start_matches('\u{feff}')).ok()?;
    Some((p.pack.municipality_code, p.pack.version))
}

struct Loader<'a> {
    files: &'a SourceFiles,
    issues: Vec<SourceIssue>,
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()
        .iter()
        .take(offset)
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// Copies every language present in `overlay` over `base`.
fn merge_text(base: &mut LocalizedText, overlay: &LocalizedText) {
    for (lang, text) in overlay.iter() {
        base.set(lang, text);
    }
}

impl Loader<'_> {
    fn issue(&mut self, file: &str, line: Option<usize>, column: Option<&str>, reason: String) {
        self.issues.push(SourceIssue {
            file: file.to_string(),
            line,
            column: column.map(str::to_string),
            reason,
        });
    }

    fn opendata_issues(&mut self, e: opendata::OpenDataError) {
        for i in e.issues {
            self.issues.push(SourceIssue {
                file: i.file,
                line: Some(i.line as usize),
                column: i.column,
                reason: i.problem.to_string(),
            });
        }
    }

    /// Parses a TOML file; returns it with its text (for span → line).
    fn toml<T: DeserializeOwned>(&mut self, path: &str) -> Option<(T, String)> {
        let bytes = self.files.get(path)?;
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => t.trim_start_matches('\u{feff}').to_string(),
            Err(e) => {
                self.issue(path, None, None, format!("not UTF-8: {e}"));
                return None;
            }
        };
        match toml::from_str::<T>(&text) {
            Ok(v) => Some((v, text)),
            Err(e) => {
                let line = e.span().map(|s| line_of(&text, s.start));
                let col = e.span().map(|s| {
                    let start = text[..s.start].rfind('\n').map_or(0, |i| i + 1);
                    (text[start..s.start].chars().count() + 1).to_string()
                });
                self.issue(path, line, col.as_deref(), e.message().trim().to_string());
                None
            }
        }
    }

    fn run(&mut self) -> PackData {
        let mut data = PackData::default();
        match self.toml::<PackToml>("pack.toml") {
            Some((pack, pack_text)) => data.meta = self.meta(pack, &pack_text),
            // Keep going: the other files' problems are reported too.
            None if self.files.get("pack.toml").is_none() => self.issue(
                "pack.toml",
                None,
                None,
                "missing: a pack source needs pack.toml".into(),
            ),
            None => {}
        }
        data.spots = self.spots();
        data.events = self.events();
        data.shelters = self.shelters();
        data.garbage = self.garbage();
        let (departments, faq) = self.faq();
        data.departments = departments;
        data.faq = faq;
        data.synonyms = self.synonyms();
        let (congestion, travel_times, mobility) = self.course(&data.spots);
        data.congestion = congestion;
        data.travel_times = travel_times;
        data.mobility = mobility;
        data.notices = self.notices(&data.meta.notice_senders);
        data.procedures = self.procedures(&data.departments, &data.faq);
        data.transit = self.transit();
        data
    }

    fn meta(&mut self, pack: PackToml, pack_text: &str) -> PackMeta {
        let code = pack.pack.municipality_code.get_ref();
        if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
            let line = line_of(pack_text, pack.pack.municipality_code.span().start);
            self.issue(
                "pack.toml",
                Some(line),
                Some("municipality_code"),
                format!("{code:?} is not a 6-digit local government code"),
            );
        }
        if pack.pack.name.get(machi_common::Lang::Ja).is_none() {
            self.issue(
                "pack.toml",
                None,
                Some("name.ja"),
                "the town's Japanese name is required".into(),
            );
        }
        PackMeta {
            municipality_code: code.clone(),
            municipality_name: pack.pack.name,
            pack_version: pack.pack.version,
            languages: pack.pack.languages,
            created: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            center: pack.pack.center,
            area_codes: pack.pack.area_codes,
            attribution: pack.pack.attribution,
            notice_senders: self.notice_senders(pack.pack.notice_senders),
        }
    }

    /// The trust policy as written, after checking every key parses and
    /// every entry names a sender (a typo here would silently leave the
    /// town's own notices unverified).
    fn notice_senders(&mut self, senders: Vec<NoticeSender>) -> Vec<NoticeSender> {
        for (i, s) in senders.iter().enumerate() {
            let col = format!("notice_senders[{i}]");
            if s.ids.iter().all(|id| id.trim().is_empty()) {
                self.issue("pack.toml", None, Some(&col), "names no sender id".into());
            }
            for k in &s.keys {
                if let Err(e) = machi_common::keys::parse_verifying_key(k) {
                    self.issue("pack.toml", None, Some(&col), format!("key {k:?}: {e}"));
                }
            }
            for f in &s.cert_fingerprints {
                let f = f.replace(':', "");
                if f.len() != 64 || !f.bytes().all(|b| b.is_ascii_hexdigit()) {
                    self.issue(
                        "pack.toml",
                        None,
                        Some(&col),
                        format!("certificate fingerprint {f:?} is not a sha256 in hex"),
                    );
                }
            }
        }
        senders
    }

    fn csv_items<T>(
        &mut self,
        folder: &str,
        import: fn(&[u8], &str) -> Result<Vec<T>, opendata::OpenDataError>,
    ) -> Vec<(String, T)> {
        let mut out = Vec::new();
        let files: Vec<(String, Vec<u8>)> = self
            .files
            .in_folder(folder, &[".csv"])
            .map(|(p, b)| (p.to_string(), b.to_vec()))
            .collect();
        for (path, bytes) in files {
            match import(&bytes, &path) {
                Ok(items) => out.extend(items.into_iter().map(|i| (path.clone(), i))),
                Err(e) => self.opendata_issues(e),
            }
        }
        out
    }

    fn spots(&mut self) -> Vec<Spot> {
        let mut spots: Vec<(String, Spot)> =
            self.csv_items("tourism", opendata::import_tourism_csv);
        const F: &str = "spots.toml";
        if let Some((t, text)) = self.toml::<SpotsToml>(F) {
            let line = |s: &Spanned<String>| Some(line_of(&text, s.span().start));
            for o in t.spot {
                let idx = match &o.no {
                    Some(no) => {
                        let csv_id = format!("spot-{}", no.get_ref().trim());
                        match spots.iter().position(|(_, s)| s.id == csv_id) {
                            Some(i) => i,
                            None => {
                                self.issue(
                                    F,
                                    line(no),
                                    Some("no"),
                                    format!("no tourism CSV row has NO {:?}", no.get_ref()),
                                );
                                continue;
                            }
                        }
                    }
                    None => {
                        let Some(location) = o.location else {
                            self.issue(
                                F,
                                line(&o.id),
                                Some("location"),
                                format!(
                                    "spot {:?} has no CSV row (no `no`) and no location",
                                    o.id.get_ref()
                                ),
                            );
                            continue;
                        };
                        spots.push((
                            F.to_string(),
                            Spot {
                                id: String::new(),
                                name: LocalizedText::new(),
                                kana: None,
                                description: LocalizedText::new(),
                                tags: Vec::new(),
                                location,
                                address: LocalizedText::new(),
                                opening_hours: None,
                                hours_note: LocalizedText::new(),
                                fee: LocalizedText::new(),
                                visit_minutes: opendata::DEFAULT_VISIT_MINUTES,
                                popularity: opendata::DEFAULT_POPULARITY,
                                access: LocalizedText::new(),
                                parking: LocalizedText::new(),
                                accessibility: LocalizedText::new(),
                                phone: None,
                                url: None,
                                image_url: None,
                            },
                        ));
                        spots.len() - 1
                    }
                };
                let (origin, s) = &mut spots[idx];
                *origin = format!("{F}:{}", line(&o.id).unwrap_or(0));
                s.id = o.id.get_ref().trim().to_string();
                if let Some(v) = o.tags {
                    s.tags = v;
                }
                if let Some(v) = o.visit_minutes {
                    s.visit_minutes = v;
                }
                if let Some(v) = o.popularity {
                    s.popularity = v;
                }
                if let Some(v) = &o.opening_hours {
                    s.opening_hours = Some(v.get_ref().clone());
                }
                if o.kana.is_some() {
                    s.kana = o.kana;
                }
                if let Some(v) = o.location {
                    s.location = v;
                }
                if o.phone.is_some() {
                    s.phone = o.phone;
                }
                if o.url.is_some() {
                    s.url = o.url;
                }
                if o.image_url.is_some() {
                    s.image_url = o.image_url;
                }
                merge_text(&mut s.name, &o.name);
                merge_text(&mut s.description, &o.description);
                merge_text(&mut s.address, &o.address);
                merge_text(&mut s.hours_note, &o.hours_note);
                merge_text(&mut s.fee, &o.fee);
                merge_text(&mut s.access, &o.access);
                merge_text(&mut s.parking, &o.parking);
                merge_text(&mut s.accessibility, &o.accessibility);
            }
        }
        let mut seen: HashMap<String, String> = HashMap::new();
        for (origin, s) in &spots {
            let (file, line) = split_origin(origin);
            if s.id.is_empty() {
                self.issue(&file, line, Some("id"), "spot id is empty".into());
            }
            if let Some(first) = seen.insert(s.id.clone(), origin.clone()) {
                self.issue(
                    &file,
                    line,
                    Some("id"),
                    format!("spot id {:?} already used by {first}", s.id),
                );
            }
            if s.name.get(machi_common::Lang::Ja).is_none() {
                self.issue(
                    &file,
                    line,
                    Some("name"),
                    format!("spot {:?} has no Japanese name", s.id),
                );
            }
            if !(0.0..=1.0).contains(&s.popularity) {
                self.issue(
                    &file,
                    line,
                    Some("popularity"),
                    format!(
                        "spot {:?}: popularity {} is outside 0..1",
                        s.id, s.popularity
                    ),
                );
            }
            if let Some(h) = &s.opening_hours {
                if let Err(e) = Hours::parse(h) {
                    self.issue(
                        &file,
                        line,
                        Some("opening_hours"),
                        format!("spot {:?}: opening hours {h:?} do not parse: {e}", s.id),
                    );
                }
            }
        }
        spots.into_iter().map(|(_, s)| s).collect()
    }

    fn events(&mut self) -> Vec<Event> {
        let mut events = self.csv_items("events", opendata::import_events_csv);
        const F: &str = "events.toml";
        if let Some((t, text)) = self.toml::<EventsToml>(F) {
            for o in t.event {
                let csv_id = format!("event-{}", o.no.get_ref().trim());
                let Some((origin, e)) = events.iter_mut().find(|(_, e)| e.id == csv_id) else {
                    self.issue(
                        F,
                        Some(line_of(&text, o.no.span().start)),
                        Some("no"),
                        format!("no event CSV row has NO {:?}", o.no.get_ref()),
                    );
                    continue;
                };
                *origin = format!("{F}:{}", line_of(&text, o.id.span().start));
                e.id = o.id.get_ref().trim().to_string();
                if let Some(v) = o.tags {
                    e.tags = v;
                }
                if o.location.is_some() {
                    e.location = o.location;
                }
                merge_text(&mut e.name, &o.name);
                merge_text(&mut e.description, &o.description);
                merge_text(&mut e.place_name, &o.place_name);
                merge_text(&mut e.address, &o.address);
                merge_text(&mut e.fee, &o.fee);
                merge_text(&mut e.organizer, &o.organizer);
            }
        }
        self.unique_ids(&events, |e| &e.id, "event");
        events.into_iter().map(|(_, e)| e).collect()
    }

    fn shelters(&mut self) -> Vec<Shelter> {
        let mut shelters = self.csv_items("shelters", opendata::import_evacuation_csv);
        // GSI publishes emergency places and shelters as two files; one site
        // in both is merged into one entry.
        let mut emergency = Vec::new();
        let mut stay = Vec::new();
        let gsi: Vec<(String, Vec<u8>)> = self
            .files
            .in_folder("shelters", &[".json", ".geojson"])
            .map(|(p, b)| (p.to_string(), b.to_vec()))
            .collect();
        for (path, bytes) in gsi {
            match opendata::import_gsi_geojson(&bytes, &path) {
                Ok(items) if items.iter().any(|s| !s.hazards.is_empty()) => emergency.extend(items),
                Ok(items) => stay.extend(items),
                Err(e) => self.opendata_issues(e),
            }
        }
        let gsi_origin = "shelters/*.geojson".to_string();
        shelters.extend(
            opendata::merge_gsi_designations(emergency, stay)
                .into_iter()
                .map(|s| (gsi_origin.clone(), s)),
        );
        const F: &str = "shelters.toml";
        if let Some((t, text)) = self.toml::<SheltersToml>(F) {
            for o in t.shelter {
                let Some((_, s)) = shelters.iter_mut().find(|(_, s)| s.id == *o.id.get_ref())
                else {
                    self.issue(
                        F,
                        Some(line_of(&text, o.id.span().start)),
                        Some("id"),
                        format!("no shelter has id {:?}", o.id.get_ref()),
                    );
                    continue;
                };
                if o.capacity.is_some() {
                    s.capacity = o.capacity;
                }
                if o.elevation_m.is_some() {
                    s.elevation_m = o.elevation_m;
                }
                if o.phone.is_some() {
                    s.phone = o.phone;
                }
                if o.kana.is_some() {
                    s.kana = o.kana;
                }
                merge_text(&mut s.name, &o.name);
                merge_text(&mut s.address, &o.address);
                merge_text(&mut s.notes, &o.notes);
            }
        }
        self.unique_ids(&shelters, |s| &s.id, "shelter");
        shelters.into_iter().map(|(_, s)| s).collect()
    }

    fn unique_ids<T>(&mut self, items: &[(String, T)], id: impl Fn(&T) -> &String, what: &str) {
        let mut seen: HashMap<&str, &str> = HashMap::new();
        for (origin, item) in items {
            if let Some(first) = seen.insert(id(item), origin) {
                let (file, line) = split_origin(origin);
                self.issue(
                    &file,
                    line,
                    Some("id"),
                    format!("{what} id {:?} already used by {first}", id(item)),
                );
            }
        }
    }

    fn faq(&mut self) -> (Vec<Department>, Vec<FaqEntry>) {
        const F: &str = "faq.toml";
        let Some((t, text)) = self.toml::<FaqToml>(F) else {
            return Default::default();
        };
        let line = |s: &Spanned<String>| Some(line_of(&text, s.span().start));
        let mut ids = HashSet::new();
        let mut departments = Vec::new();
        for d in t.department {
            if !ids.insert(d.id.get_ref().clone()) {
                self.issue(
                    F,
                    line(&d.id),
                    Some("id"),
                    format!("department id {:?} used twice", d.id.get_ref()),
                );
            }
            if d.name.get(machi_common::Lang::Ja).is_none() {
                self.issue(
                    F,
                    line(&d.id),
                    Some("name.ja"),
                    format!("department {:?} has no Japanese name", d.id.get_ref()),
                );
            }
            departments.push(Department {
                id: d.id.into_inner(),
                name: d.name,
                phone: d.phone,
                hours: d.hours,
                email: d.email,
                url: d.url,
            });
        }
        let mut entry_ids = HashSet::new();
        let mut entries = Vec::new();
        for e in t.entry {
            let l = line(&e.id);
            if !entry_ids.insert(e.id.get_ref().clone()) {
                self.issue(
                    F,
                    l,
                    Some("id"),
                    format!("FAQ entry id {:?} used twice", e.id.get_ref()),
                );
            }
            if let Some(d) = &e.department {
                if !ids.contains(d.get_ref()) {
                    self.issue(
                        F,
                        line(d),
                        Some("department"),
                        format!("unknown department {:?}", d.get_ref()),
                    );
                }
            }
            if e.question.get(machi_common::Lang::Ja).is_none()
                || e.answer.get(machi_common::Lang::Ja).is_none()
            {
                self.issue(
                    F,
                    l,
                    Some("question/answer"),
                    format!(
                        "FAQ entry {:?} needs a Japanese question and answer",
                        e.id.get_ref()
                    ),
                );
            }
            entries.push(FaqEntry {
                id: e.id.into_inner(),
                category: e.category,
                question: e.question,
                answer: e.answer,
                department_id: e.department.map(Spanned::into_inner),
                keywords: e.keywords,
                examples: clean_examples(e.examples),
            });
        }
        (departments, entries)
    }

    fn synonyms(&mut self) -> Vec<SynonymSet> {
        const F: &str = "synonyms.toml";
        let Some((t, text)) = self.toml::<SynonymsToml>(F) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for s in t.set {
            let l = line_of(&text, s.span().start);
            let terms: Vec<String> = s
                .into_inner()
                .terms
                .into_iter()
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
                .collect();
            if terms.len() < 2 {
                self.issue(
                    F,
                    Some(l),
                    Some("terms"),
                    "a synonym set needs at least two terms".into(),
                );
            }
            out.push(SynonymSet { terms });
        }
        out
    }

    fn course(&mut self, spots: &[Spot]) -> (Vec<CongestionRule>, Vec<TravelTime>, Mobility) {
        const F: &str = "course.toml";
        let Some((t, text)) = self.toml::<CourseToml>(F) else {
            return Default::default();
        };
        let spot_ids: HashSet<&str> = spots.iter().map(|s| s.id.as_str()).collect();
        let mut rules = Vec::new();
        let mut ids = HashSet::new();
        for c in t.congestion {
            let l = Some(line_of(&text, c.id.span().start));
            if !ids.insert(c.id.get_ref().clone()) {
                self.issue(
                    F,
                    l,
                    Some("id"),
                    format!("congestion id {:?} used twice", c.id.get_ref()),
                );
            }
            if let Err(e) = Hours::parse(c.when.get_ref()) {
                self.issue(
                    F,
                    Some(line_of(&text, c.when.span().start)),
                    Some("when"),
                    format!("{:?} is not opening_hours syntax: {e}", c.when.get_ref()),
                );
            }
            if !(c.travel_factor.is_finite() && c.travel_factor > 0.0) {
                self.issue(
                    F,
                    l,
                    Some("travel_factor"),
                    format!("travel_factor must be > 0, got {}", c.travel_factor),
                );
            }
            let mut refs: Vec<&str> = c.car_park_spot_id.iter().map(String::as_str).collect();
            if let CongestionArea::Spots { spot_ids: s } = &c.area {
                refs.extend(s.iter().map(String::as_str));
            }
            for r in refs {
                if !spot_ids.contains(r) {
                    self.issue(
                        F,
                        l,
                        Some("spot id"),
                        format!("congestion {:?} names unknown spot {r:?}", c.id.get_ref()),
                    );
                }
            }
            rules.push(CongestionRule {
                id: c.id.into_inner(),
                name: c.name,
                note: c.note,
                when: c.when.into_inner(),
                modes: c.modes,
                area: c.area,
                travel_factor: c.travel_factor,
                closed_to_cars: c.closed_to_cars,
                car_park_spot_id: c.car_park_spot_id,
            });
        }
        let mut times = Vec::new();
        for tt in t.travel_time {
            let l = Some(line_of(&text, tt.span().start));
            let tt = tt.into_inner();
            for r in [&tt.from, &tt.to] {
                if !spot_ids.contains(r.as_str()) {
                    self.issue(
                        F,
                        l,
                        Some("from/to"),
                        format!("travel time names unknown spot {r:?}"),
                    );
                }
            }
            times.push(TravelTime {
                from: tt.from,
                to: tt.to,
                mode: tt.mode,
                minutes: tt.minutes,
            });
        }
        let mobility = self.mobility(t.taxi, t.taxi_stand, t.bicycle_rental, &text);
        (rules, times, mobility)
    }

    /// Notice documents, each with its detached signature `NAME.sig` when
    /// there is one. A signature is checked here against the pack's own
    /// trust policy, so a pack never ships a signature its app would refuse.
    fn notices(&mut self, senders: &[NoticeSender]) -> Vec<NoticeDocument> {
        let files: Vec<(String, Vec<u8>)> = self
            .files
            .in_folder("notices", &[".xml", ".cap"])
            .map(|(p, b)| (p.to_string(), b.to_vec()))
            .collect();
        let mut out = Vec::new();
        for (path, bytes) in files {
            let xml = match opendata::decode_file(&bytes, &path) {
                Ok(xml) => xml,
                Err(e) => {
                    self.opendata_issues(e);
                    continue;
                }
            };
            let sig_path = format!("{path}.sig");
            let signature = match self.files.get(&sig_path).map(<[u8]>::to_vec) {
                Some(sig) => self.notice_signature(&sig_path, &sig, &bytes, &xml, senders),
                None => None,
            };
            out.push(NoticeDocument {
                name: path.rsplit('/').next().unwrap_or(&path).to_string(),
                xml,
                signature,
            });
        }
        out
    }

    fn notice_signature(
        &mut self,
        sig_path: &str,
        sig: &[u8],
        bytes: &[u8],
        xml: &str,
        senders: &[NoticeSender],
    ) -> Option<NoticeSignature> {
        use ed25519_dalek::Verifier;
        let parsed: NoticeSignature = match serde_json::from_slice(sig) {
            Ok(s) => s,
            Err(e) => {
                self.issue(sig_path, None, None, format!("not a notice signature: {e}"));
                return None;
            }
        };
        // The signature covers the file's bytes; the pack carries the decoded
        // text, so the two must be the same bytes.
        if xml.as_bytes() != bytes {
            self.issue(
                sig_path,
                None,
                None,
                "a signed notice must be UTF-8 without a byte-order mark".into(),
            );
            return None;
        }
        let key = senders
            .iter()
            .flat_map(|s| &s.keys)
            .filter_map(|k| machi_common::keys::parse_verifying_key(k).ok())
            .find(|k| machi_common::keys::key_id(k) == parsed.key_id);
        let Some(key) = key else {
            self.issue(
                sig_path,
                None,
                Some("key_id"),
                format!("key {} is not in pack.toml's notice_senders", parsed.key_id),
            );
            return None;
        };
        let ok = machi_common::keys::parse_signature(&parsed.signature)
            .is_ok_and(|s| key.verify(bytes, &s).is_ok());
        if !ok {
            self.issue(
                sig_path,
                None,
                Some("signature"),
                "does not verify: the notice changed after it was signed".into(),
            );
            return None;
        }
        Some(parsed)
    }
}

/// Splits `file:line` origins written by the loader.
fn split_origin(origin: &str) -> (String, Option<usize>) {
    match origin.rsplit_once(':') {
        Some((f, l)) => match l.parse() {
            Ok(n) => (f.to_string(), Some(n)),
            Err(_) => (origin.to_string(), None),
        },
        None => (origin.to_string(), None),
    }
}

/// Example questions trimmed, without blanks or repeats (first kept).
fn clean_examples(examples: Vec<String>) -> Vec<String> {
    let mut seen = HashSet::new();
    examples
        .into_iter()
        .map(|e| e.trim().to_string())
        .filter(|e| !e.is_empty() && seen.insert(e.clone()))
        .collect()
}
