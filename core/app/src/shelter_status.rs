//! Shelters' open status, from the town's notices.
//!
//! A shelter's status is never stored on its own: it is read from the
//! notices in force, so it expires with the notice that reported it and a
//! withdrawn or superseded notice stops counting at once. Only a *verified*
//! notice from a sender the pack trusts counts; an unverified one (a forged
//! "shelter open" message) changes nothing.
//!
//! A notice names shelters with CAP parameters (`machi-shelter-open`,
//! `-full`, `-closed`, or `machi-shelter` for what its kind implies; see
//! [`machi_alerts::ShelterUpdate`]). The name is matched against a
//! shelter's id, then its GSI site (the first 11 characters of the 共通ID,
//! so a notice naming the 指定避難所 `E0821400001111` reaches the merged
//! place `E0821400001201`), then its Japanese name.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, Utc};
use machi_alerts::{ListFilter, NoticeState, ShelterState, Verification};
use machi_common::Lang;
use machi_content::model::Shelter;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::Machi;

/// What the app knows about a shelter's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum ShelterStatus {
    /// A verified notice in force says it is open.
    Open,
    /// Open but full.
    Full,
    /// Closed.
    Closed,
    /// No verified notice in force names it.
    #[default]
    Unknown,
}

impl ShelterStatus {
    /// Stable key (`open`, `full`, `closed`, `unknown`), as in JSON.
    pub fn key(self) -> &'static str {
        match self {
            ShelterStatus::Open => "open",
            ShelterStatus::Full => "full",
            ShelterStatus::Closed => "closed",
            ShelterStatus::Unknown => "unknown",
        }
    }

    /// Sort rank when choosing where to go: open first, then unknown, full, closed.
    pub(crate) fn rank(self) -> u8 {
        match self {
            ShelterStatus::Open => 0,
            ShelterStatus::Unknown => 1,
            ShelterStatus::Full => 2,
            ShelterStatus::Closed => 3,
        }
    }
}

impl From<ShelterState> for ShelterStatus {
    fn from(s: ShelterState) -> Self {
        match s {
            ShelterState::Open => ShelterStatus::Open,
            ShelterState::Full => ShelterStatus::Full,
            ShelterState::Closed => ShelterStatus::Closed,
        }
    }
}

/// A status and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Known {
    pub status: ShelterStatus,
    /// When the reporting notice took effect, in the sender's time zone.
    pub since: DateTime<FixedOffset>,
    /// The reporting notice's store id.
    pub notice: i64,
}

/// The statuses reported by the notices in force, keyed by the name each
/// notice used (resolve with [`Statuses::of`]).
#[derive(Debug, Default)]
pub(crate) struct Statuses {
    by_name: HashMap<String, Known>,
}

/// The GSI site key of a 共通ID: `E` + city code + serial (11 characters).
fn site(id: &str) -> Option<&str> {
    (id.len() > 11 && id.starts_with('E') && id.is_ascii()).then(|| &id[..11])
}

impl Statuses {
    /// Whether no notice in force names any shelter.
    pub fn is_empty(&self) -> bool {
        self.by_name.is_empty()
    }

    /// The status of `s`: by id, then GSI site, then Japanese name.
    pub fn of(&self, s: &Shelter) -> Option<Known> {
        if let Some(k) = self.by_name.get(&s.id) {
            return Some(*k);
        }
        if let Some(site) = site(&s.id) {
            let found = self
                .by_name
                .iter()
                .filter(|(name, _)| self::site(name) == Some(site))
                .map(|(_, k)| *k)
                .max_by_key(|k| k.since);
            if found.is_some() {
                return found;
            }
        }
        s.name
            .get(Lang::Ja)
            .and_then(|n| self.by_name.get(n.trim()))
            .copied()
    }
}

impl Machi {
    /// The shelter statuses reported by verified, current notices at `now`;
    /// for each shelter the latest notice (by its effective time) wins.
    pub(crate) fn shelter_statuses(&self, now: DateTime<Utc>) -> Result<Statuses> {
        let mut store = self.store()?;
        self.alerts_ready(&mut store, now)?;
        let filter = ListFilter {
            area: self.area_filter(&store, None, false)?,
            include_history: false,
        };
        let listed = machi_alerts::list(store.connection(), &filter, now)?;
        let mut reports: Vec<(DateTime<FixedOffset>, i64, &machi_alerts::ShelterUpdate)> =
            Vec::new();
        for l in &listed {
            let s = &l.stored;
            let counts = s.state == NoticeState::Active
                && s.trust.state == Verification::Verified
                && !s.refused_references;
            if !counts {
                continue;
            }
            let since = s.notice.effective.unwrap_or(s.notice.sent);
            for u in &s.notice.shelter_updates {
                reports.push((since, s.id, u));
            }
        }
        reports.sort_by_key(|(since, id, _)| (*since, *id));
        let mut out = Statuses::default();
        for (since, notice, u) in reports {
            let status: ShelterStatus = u.state.into();
            // A later notice repeating the same state keeps the earlier
            // time: "open since" is when it opened, not the last mention.
            let since = match out.by_name.get(&u.shelter_id) {
                Some(k) if k.status == status => k.since,
                _ => since,
            };
            out.by_name.insert(
                u.shelter_id.clone(),
                Known {
                    status,
                    since,
                    notice,
                },
            );
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use machi_common::{GeoPoint, LocalizedText};
    use machi_content::model::ShelterKind;

    fn shelter(id: &str, ja: &str) -> Shelter {
        Shelter {
            id: id.into(),
            name: LocalizedText::single(Lang::Ja, ja),
            kana: None,
            address: LocalizedText::new(),
            location: GeoPoint {
                lat: 36.7,
                lon: 140.7,
            },
            elevation_m: None,
            capacity: None,
            hazards: vec![],
            kind: ShelterKind::Both,
            phone: None,
            notes: LocalizedText::new(),
        }
    }

    #[test]
    fn a_status_is_found_by_id_site_or_name() {
        let t = |h: u32| {
            DateTime::parse_from_rfc3339(&format!("2026-11-20T{h:02}:00:00+09:00")).unwrap()
        };
        let known = |status, h, notice| Known {
            status,
            since: t(h),
            notice,
        };
        let mut s = Statuses::default();
        s.by_name
            .insert("E0821400001111".into(), known(ShelterStatus::Open, 5, 1));
        s.by_name
            .insert("松岡小学校".into(), known(ShelterStatus::Full, 6, 2));
        let place = shelter("E0821400001201", "高萩小学校");
        assert_eq!(s.of(&place).unwrap().status, ShelterStatus::Open);
        assert_eq!(
            s.of(&shelter("shelter-9", "松岡小学校")).unwrap().status,
            ShelterStatus::Full
        );
        assert!(s.of(&shelter("E0821400002201", "駒形集会所")).is_none());
        assert!(ShelterStatus::Open.rank() < ShelterStatus::Unknown.rank());
        assert!(ShelterStatus::Full.rank() < ShelterStatus::Closed.rank());
    }
}
