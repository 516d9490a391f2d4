//! The one notice model every source (CAP, JMA) is parsed into.

use chrono::{DateTime, FixedOffset, Utc};
use machi_common::{GeoPoint, Hazard, LocalizedText};
use serde::{Deserialize, Serialize};

use crate::kind::{AlertLevel, NoticeKind};

/// Which format a notice was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// OASIS Common Alerting Protocol 1.0, 1.1 or 1.2 (incl. the town's own).
    Cap,
    /// 気象庁防災情報XML (JMA disaster-information XML).
    Jma,
}

/// Whether a notice is real. Anything but [`Status::Actual`] must be shown
/// with its status, so a drill is never mistaken for a real alert.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// A real notice (CAP Actual, JMA 通常).
    Actual,
    /// A drill (CAP Exercise, JMA 訓練).
    Exercise,
    /// Network/system message, never shown to residents.
    System,
    /// Technical test (CAP Test, JMA 試験).
    Test,
    /// A draft, never shown to residents.
    Draft,
}

impl Status {
    /// Stable key (`actual`, `exercise`, …) used in storage and Fluent ids.
    pub fn key(self) -> &'static str {
        match self {
            Status::Actual => "actual",
            Status::Exercise => "exercise",
            Status::System => "system",
            Status::Test => "test",
            Status::Draft => "draft",
        }
    }

    /// True for statuses residents may see (everything but System and Draft).
    pub fn is_public(self) -> bool {
        !matches!(self, Status::System | Status::Draft)
    }
}

/// What a message does to earlier ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MsgType {
    /// A new notice (JMA 発表).
    Alert,
    /// Replaces the referenced notices (JMA 訂正, or a later JMA issuance).
    Update,
    /// Withdraws the referenced notices (JMA 取消).
    Cancel,
    /// Acknowledgement; stored, never shown.
    Ack,
    /// Error report about a referenced message; stored, never shown.
    Error,
}

impl MsgType {
    /// Stable key used in storage.
    pub fn key(self) -> &'static str {
        match self {
            MsgType::Alert => "alert",
            MsgType::Update => "update",
            MsgType::Cancel => "cancel",
            MsgType::Ack => "ack",
            MsgType::Error => "error",
        }
    }
}

/// A CAP `<references>` entry: the earlier message this one acts on.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Reference {
    /// Sender of the referenced message (not matched strictly: real feeds
    /// use a different sender spelling in references than in `<sender>`).
    pub sender: String,
    /// Identifier of the referenced message.
    pub identifier: String,
    /// Sent time of the referenced message.
    pub sent: DateTime<Utc>,
}

/// CAP severity (JMA notices derive it from the kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Minimal to no known threat.
    Minor,
    /// Possible threat to life or property.
    Moderate,
    /// Significant threat to life or property.
    Severe,
    /// Extraordinary threat to life or property.
    Extreme,
    /// Not known.
    Unknown,
}

/// CAP urgency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Urgency {
    /// Act now.
    Immediate,
    /// Act within the next hour.
    Expected,
    /// Act in the near future.
    Future,
    /// No longer required.
    Past,
    /// Not known.
    Unknown,
}

/// CAP certainty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Certainty {
    /// Has occurred or is ongoing.
    Observed,
    /// More than ~50 % likely.
    Likely,
    /// Possible but not likely.
    Possible,
    /// Not expected.
    Unlikely,
    /// Not known.
    Unknown,
}

/// How a JMA document relates to earlier ones (Head/InfoType).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum JmaInfoType {
    /// 発表 — issued.
    Issued,
    /// 訂正 — correction of an earlier issuance.
    Corrected,
    /// 遅延 — delayed delivery of an issuance.
    Delayed,
    /// 取消 — retraction.
    Retracted,
}

/// JMA-specific header facts kept for display and lifecycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JmaHead {
    /// Control/Title, e.g. `気象特別警報・警報・注意報`.
    pub control_title: String,
    /// Head/Title, e.g. `茨城県気象警報・注意報`.
    pub title: String,
    /// Head/InfoType.
    pub info_type: JmaInfoType,
    /// Head/EventID (empty when absent).
    pub event_id: String,
    /// Head/Serial (empty when absent).
    pub serial: String,
}

/// The coding scheme of an area code. Codes collide across schemes (JMA
/// uses `300` both for 茨城県北部 in earthquake regions and 茨城県 in
/// tsunami regions), so a code is only ever compared within its scheme.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "scheme", content = "name")]
pub enum CodeScheme {
    /// A municipality (JIS X 0402): stored as its 5-digit form; JMA's 7-digit
    /// 市町村等 codes (0821400) and 6-digit check-digit codes (082147) both
    /// normalise to `08214`.
    Municipality,
    /// JMA 府県予報区・細分区域 (6-digit, e.g. 080000 茨城県).
    ForecastRegion,
    /// JMA 地震情報／細分区域 (e.g. 300 茨城県北部).
    QuakeRegion,
    /// JMA 津波予報区 (e.g. 300 茨城県).
    TsunamiRegion,
    /// JMA 火山名 code (e.g. 312 御嶽山).
    Volcano,
    /// JMA 水位観測所 / 河川 codes.
    River,
    /// Any other scheme, by the name the document gives it (CAP valueName
    /// such as `SAME`, `profile:CAP-CP:Location:0.3`, or a JMA codeType).
    Other(String),
}

/// One area code in a scheme.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct AreaCode {
    /// The scheme the code belongs to.
    #[serde(flatten)]
    pub scheme: CodeScheme,
    /// The code (normalised for [`CodeScheme::Municipality`]).
    pub code: String,
}

impl AreaCode {
    /// A code in `scheme`; municipality codes are normalised to 5 digits.
    pub fn new(scheme: CodeScheme, code: &str) -> Self {
        let code = code.trim();
        let code = if scheme == CodeScheme::Municipality {
            normalise_municipality(code)
        } else {
            code.to_string()
        };
        AreaCode { scheme, code }
    }

    /// A municipality code given as 5, 6 (check digit) or 7 (JMA) digits.
    pub fn municipality(code: &str) -> Self {
        Self::new(CodeScheme::Municipality, code)
    }
}

/// 5-digit JIS X 0402 form of a 5-, 6- or 7-digit municipality code; other
/// text is kept as given (it will simply not match).
fn normalise_municipality(code: &str) -> String {
    if (5..=7).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit()) {
        code[..5].to_string()
    } else {
        code.to_string()
    }
}

/// A CAP circle: centre and radius.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Circle {
    /// Centre point.
    pub center: GeoPoint,
    /// Radius in kilometres (0 = the point itself).
    pub radius_km: f64,
}

/// One affected area of a notice.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Area {
    /// Human description (`<areaDesc>` / JMA area name), original language.
    pub desc: String,
    /// Closed polygons (first point = last point), WGS 84.
    pub polygons: Vec<Vec<GeoPoint>>,
    /// Circles.
    pub circles: Vec<Circle>,
    /// Geocodes / JMA area codes.
    pub codes: Vec<AreaCode>,
    /// Kinds that apply in this area when they differ per area (JMA
    /// warnings, seismic intensity, tsunami grades). Empty = the notice kind.
    pub kinds: Vec<NoticeKind>,
}

/// Text in a language outside the six supported ones (e.g. `es-US`),
/// kept verbatim so nothing the sender wrote is lost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForeignText {
    /// The language tag as written (`es-US`, `fr-CA`).
    pub language: String,
    /// Headline, if any.
    pub headline: Option<String>,
    /// Description, if any.
    pub description: Option<String>,
    /// Instruction, if any.
    pub instruction: Option<String>,
}

/// A CAP `<resource>`: a file the notice points to (map, image, audio).
/// Never fetched by this crate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resource {
    /// `<resourceDesc>`.
    pub description: String,
    /// `<mimeType>`, if given.
    pub mime_type: Option<String>,
    /// `<uri>`, if given.
    pub uri: Option<String>,
}

/// One disaster notice, whatever format it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    /// Format it was read from.
    pub source: Source,
    /// CAP `<identifier>`; for JMA the dedup key (JMA has no message id).
    pub identifier: String,
    /// CAP `<sender>`; JMA Control/PublishingOffice.
    pub sender: String,
    /// Display name of the sender (CAP `<senderName>`, JMA office).
    pub sender_name: Option<String>,
    /// When it was sent (CAP `<sent>`, JMA Head/ReportDateTime).
    pub sent: DateTime<FixedOffset>,
    /// Real, drill, test, …
    pub status: Status,
    /// Alert / Update / Cancel / Ack / Error.
    pub msg_type: MsgType,
    /// Earlier messages this one updates or cancels.
    pub references: Vec<Reference>,
    /// The principal kind (the most serious one when a JMA document carries
    /// several); per-area kinds are in [`Area::kinds`].
    pub kind: NoticeKind,
    /// The event name as the sender wrote it (`大雨特別警報`, `SEVERE THUNDERSTORM`).
    pub event: String,
    /// CAP severity, or derived from the kind for JMA.
    pub severity: Severity,
    /// CAP urgency.
    pub urgency: Urgency,
    /// CAP certainty.
    pub certainty: Certainty,
    /// Headline per supported language.
    pub headline: LocalizedText,
    /// Description per supported language.
    pub description: LocalizedText,
    /// Instruction per supported language.
    pub instruction: LocalizedText,
    /// Texts in languages outside the six supported ones.
    pub foreign_texts: Vec<ForeignText>,
    /// Hazards named as the cause in the text (e.g. 避難指示（土砂災害）).
    pub cause_hazards: Vec<Hazard>,
    /// Affected areas.
    pub areas: Vec<Area>,
    /// Linked resources (CAP `<resource>`), kept for display.
    #[serde(default)]
    pub resources: Vec<Resource>,
    /// When it takes effect.
    pub effective: Option<DateTime<FixedOffset>>,
    /// Expected onset of the event.
    pub onset: Option<DateTime<FixedOffset>>,
    /// When it expires (None: see [`Notice::effective_expiry`]).
    pub expires: Option<DateTime<FixedOffset>>,
    /// Key under which one issuance is stored once (CAP: sender+identifier+sent;
    /// JMA: hazard family + office + area + report time + info type).
    pub dedup_key: String,
    /// JMA: documents with the same thread key replace each other in report
    /// time order (each JMA warning document states the full current state).
    pub thread_key: Option<String>,
    /// JMA header facts.
    pub jma: Option<JmaHead>,
    /// The CAP document carries an enveloped XML `<Signature>`. It is not
    /// checked (no well-kept pure-Rust XML canonicalization + RSA/ECDSA
    /// verifier exists to rely on), so it never makes a notice verified.
    #[serde(default)]
    pub xml_signature: bool,
    /// Shelters whose state the notice reports (CAP `<parameter>`s, see
    /// [`ShelterUpdate`]); empty for every other notice.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shelter_updates: Vec<ShelterUpdate>,
}

/// What a notice says about one shelter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ShelterState {
    /// Opened and taking people in.
    Open,
    /// Open but full: go to another one.
    Full,
    /// Closed.
    Closed,
}

impl ShelterState {
    /// Stable key (`open`, `full`, `closed`) used in JSON and Fluent ids.
    pub fn key(self) -> &'static str {
        match self {
            ShelterState::Open => "open",
            ShelterState::Full => "full",
            ShelterState::Closed => "closed",
        }
    }
}

/// One shelter named by a notice, from a CAP `<parameter>`:
/// `machi-shelter-open`, `machi-shelter-full` or `machi-shelter-closed`
/// with the shelter's id (its GSI 共通ID or pack id) as the value, or plain
/// `machi-shelter` for the state the notice's kind implies (a
/// shelter-opened notice opens it, a shelter-closed one closes it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShelterUpdate {
    /// The shelter's id as the sender wrote it (trimmed).
    pub shelter_id: String,
    /// Its new state.
    pub state: ShelterState,
}

/// How long a notice without an explicit expiry stays current.
pub const DEFAULT_LIFETIME_HOURS: i64 = 24;
/// Longer default for JMA warnings, which stay in force until the next
/// issuance replaces them (a heavy-rain warning can last more than a day).
pub const JMA_WARNING_LIFETIME_HOURS: i64 = 72;

impl Notice {
    /// Japan's 5-level alert level of the principal kind, if it has one.
    pub fn level(&self) -> Option<AlertLevel> {
        self.kind.level()
    }

    /// The hazards this notice is about, for choosing suitable shelters:
    /// those implied by every kind it carries, plus causes named in its
    /// text. Empty means the hazard is unknown (show any open shelter).
    pub fn hazards(&self) -> Vec<Hazard> {
        let mut out: Vec<Hazard> = self.kind.hazards().to_vec();
        for area in &self.areas {
            for k in &area.kinds {
                out.extend_from_slice(k.hazards());
            }
        }
        if !matches!(self.kind, NoticeKind::AllClear | NoticeKind::ShelterClosed) {
            out.extend(self.cause_hazards.iter().copied());
        }
        out.sort();
        out.dedup();
        out
    }

    /// The instant after which the notice belongs to history: `expires`, or
    /// a default lifetime after `effective`/`sent` when the sender gave none.
    pub fn effective_expiry(&self) -> DateTime<Utc> {
        if let Some(e) = self.expires {
            return e.with_timezone(&Utc);
        }
        let start = self.effective.unwrap_or(self.sent).with_timezone(&Utc);
        // An all-clear only needs to be seen for a day; warnings stay in
        // force until the next issuance replaces them.
        let hours = if self.source == Source::Jma
            && self.kind.is_weather_family()
            && self.kind != NoticeKind::AllClear
        {
            JMA_WARNING_LIFETIME_HOURS
        } else {
            DEFAULT_LIFETIME_HOURS
        };
        start + chrono::Duration::hours(hours)
    }

    /// Every kind the notice carries in the areas at `matched_areas`
    /// (indices into [`Notice::areas`]); the principal kind when those
    /// areas carry no kinds of their own.
    pub fn kinds_in(&self, matched_areas: &[usize]) -> Vec<NoticeKind> {
        let mut out = Vec::new();
        for &i in matched_areas {
            if let Some(a) = self.areas.get(i) {
                for k in &a.kinds {
                    if !out.contains(k) {
                        out.push(k.clone());
                    }
                }
            }
        }
        if out.is_empty() {
            out.push(self.kind.clone());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn municipality_codes_normalise() {
        assert_eq!(AreaCode::municipality("0821400").code, "08214");
        assert_eq!(AreaCode::municipality("082147").code, "08214");
        assert_eq!(AreaCode::municipality("08214").code, "08214");
        assert_eq!(AreaCode::municipality("abc").code, "abc");
        assert_eq!(
            AreaCode::new(CodeScheme::QuakeRegion, " 300 ").code,
            "300".to_string()
        );
    }
}
