//! Decisions both shells made on their own about arriving notices, and made
//! differently (Android dropped withdrawn notices from the list, iOS kept
//! replaced ones current): what the Alerts list shows after a listener
//! delivered notices, and how loudly a banner announces one.

use machi_app::NoticeView as Notice;

use crate::alerts::NoticeQuery;
use crate::error::Result;
use crate::machi::Machi;

/// How loudly a shell announces a notice: iOS `interruptionLevel`, Android
/// notification channel importance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum NoticeUrgency {
    /// Shown without sound or heads-up: unverified or no longer current
    /// (the core's `alert` is false).
    Quiet,
    /// A normal notification: a verified, current notice (drills included).
    Normal,
    /// Breaks through Focus / Do Not Disturb: as `Normal`, not a drill or
    /// test, at alert level 4 or 5 (evacuate now).
    Urgent,
}

/// What the Alerts screen shows after its notice listener heard of notices.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct NoticeArrival {
    /// The list, newest first, exactly as [`Machi::notices`] lists it now.
    pub notices: Vec<Notice>,
    /// The notice for the "new notice" banner: the newest arrival.
    pub incoming: Option<Notice>,
    /// How many listed notices are unread (the tab's badge).
    pub unread: u32,
}

/// The alert level from which an alerting notice is urgent (Japan's 5-level
/// scale: 4 = evacuation order for everyone, 5 = emergency safety).
const URGENT_LEVEL: u8 = 4;

/// How loudly to announce `notice`. Only a notice the core lets alert
/// (verified against the town's pack, current and public) makes a sound; it
/// is urgent from alert level 4 unless it is a drill or test (which always
/// carries a status label); every other notice is quiet.
#[uniffi::export]
pub fn notice_urgency(notice: Notice) -> NoticeUrgency {
    if !notice.alert {
        NoticeUrgency::Quiet
    } else if notice.status_label.is_none() && notice.level.is_some_and(|l| l >= URGENT_LEVEL) {
        NoticeUrgency::Urgent
    } else {
        NoticeUrgency::Normal
    }
}

#[uniffi::export]
impl Machi {
    /// The Alerts list after a notice listener delivered `arrived`, for the
    /// screen's `query`. The list is re-read rather than merged: the listener
    /// does not report the notices an update superseded, and withdrawn ones
    /// stay listed (marked) until they expire, so only the store knows.
    pub fn notices_after_arrival(
        &self,
        query: NoticeQuery,
        arrived: Vec<Notice>,
    ) -> Result<NoticeArrival> {
        let notices = self.notices(query)?;
        let unread = notices.iter().filter(|n| !n.read).count();
        let incoming = arrived.into_iter().max_by_key(|n| (n.sent, n.id));
        Ok(NoticeArrival {
            notices,
            incoming,
            unread: u32::try_from(unread).unwrap_or(u32::MAX),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MachiConfig;
    use machi_app::IngestReport as IngestOutcome;
    use std::collections::HashMap;
    use std::sync::Arc;

    const ORDER: &str = include_str!("../../tests/python/fixtures/cap-evacuation-order.xml");
    const CANCEL: &str = include_str!("../../tests/python/fixtures/cap-evacuation-cancel.xml");

    fn open() -> Arc<Machi> {
        let config = MachiConfig {
            device_locales: vec!["en-US".into()],
            language_override: None,
            publisher_key: None,
            in_memory: true,
        };
        Machi::open(String::new(), config).unwrap()
    }

    fn current() -> NoticeQuery {
        NoticeQuery {
            at: None,
            include_history: false,
            everywhere: false,
        }
    }

    fn push(m: &Machi, xml: &str, name: &str) -> IngestOutcome {
        let data = HashMap::from([
            ("machi_notice_xml".to_string(), xml.to_string()),
            ("machi_notice_name".to_string(), name.to_string()),
        ]);
        m.ingest_push_payload(data).unwrap()
    }

    fn notice(m: &Machi, id: i64) -> Notice {
        m.notice(id, None, 0).unwrap().notice
    }

    #[test]
    fn an_arrival_is_listed_newest_first_and_is_the_banner() {
        let m = open();
        let before = m.notices(current()).unwrap();
        let IngestOutcome::Stored { id } = push(&m, ORDER, "push-1") else {
            panic!("not stored")
        };
        let arrived = vec![notice(&m, id)];
        let after = m.notices_after_arrival(current(), arrived).unwrap();
        assert_eq!(after.notices.len(), before.len() + 1);
        assert_eq!(after.notices[0].id, id, "newest first");
        assert_eq!(after.incoming.as_ref().map(|n| n.id), Some(id));
        let unread = after.notices.iter().filter(|n| !n.read).count();
        assert_eq!(after.unread as usize, unread);
        m.mark_notice_read(id).unwrap();
        let read = m.notices_after_arrival(current(), vec![]).unwrap();
        assert_eq!(read.unread as usize, unread - 1);
        assert_eq!(read.incoming, None);
    }

    #[test]
    fn a_withdrawn_notice_stays_listed_marked_and_is_quiet() {
        let m = open();
        let IngestOutcome::Stored { id } = push(&m, ORDER, "push-1") else {
            panic!("not stored")
        };
        let order = notice(&m, id);
        // A bare (unsigned) push: unverified, so it may not sound.
        assert_eq!(order.verification, "unverified");
        assert_eq!(notice_urgency(order.clone()), NoticeUrgency::Quiet);
        let IngestOutcome::Cancelled { withdrawn, .. } = push(&m, CANCEL, "push-2") else {
            panic!("not a cancel")
        };
        assert_eq!(withdrawn, vec![id]);
        // What the listener delivers for a Cancel: the withdrawn notice.
        let after = m
            .notices_after_arrival(current(), vec![notice(&m, id)])
            .unwrap();
        let listed = after
            .notices
            .iter()
            .find(|n| n.id == id)
            .expect("still listed");
        assert!(!listed.active && listed.state_label.is_some(), "{listed:?}");
        assert_eq!(after.incoming.as_ref().map(|n| n.id), Some(id));
        assert_eq!(notice_urgency(listed.clone()), NoticeUrgency::Quiet);
    }

    #[test]
    fn urgency_follows_the_cores_alert_flag_and_the_level() {
        let m = open();
        let listed = m.notices(current()).unwrap();
        let sample = listed
            .first()
            .expect("the embedded town has notices")
            .clone();
        let with = |level: Option<u8>, alert: bool, drill: bool| Notice {
            level,
            alert,
            status_label: drill.then(|| "DRILL".to_string()),
            ..sample.clone()
        };
        assert_eq!(
            notice_urgency(with(Some(5), true, false)),
            NoticeUrgency::Urgent
        );
        assert_eq!(
            notice_urgency(with(Some(4), true, false)),
            NoticeUrgency::Urgent
        );
        assert_eq!(
            notice_urgency(with(Some(3), true, false)),
            NoticeUrgency::Normal
        );
        assert_eq!(
            notice_urgency(with(None, true, false)),
            NoticeUrgency::Normal
        );
        assert_eq!(
            notice_urgency(with(Some(5), true, true)),
            NoticeUrgency::Normal,
            "a drill"
        );
        assert_eq!(
            notice_urgency(with(Some(5), false, false)),
            NoticeUrgency::Quiet
        );
        // The embedded town's notices are signed drills: they may sound, never urgently.
        for n in &listed {
            assert!(
                n.status_label.is_some() && n.verification == "verified",
                "{n:?}"
            );
            let expected = if n.alert {
                NoticeUrgency::Normal
            } else {
                NoticeUrgency::Quiet
            };
            assert_eq!(notice_urgency(n.clone()), expected, "{n:?}");
        }
    }
}
