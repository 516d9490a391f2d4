//! Localized text for stops, legs and reasons (Fluent ids `course-*`).

use machi_i18n::{Args, Localizer};

use super::types::{Leg, Mode, Reason, Stop};

/// Fluent id of a transport mode's name.
pub fn mode_message_id(mode: Mode) -> &'static str {
    match mode {
        Mode::Walk => "course-mode-walk",
        Mode::Bicycle => "course-mode-bicycle",
        Mode::Car => "course-mode-car",
        Mode::Bus => "course-mode-bus",
    }
}

/// One reason as a short localized phrase. `tag_label` turns an interest tag
/// key into display text (the app's tag names; identity is fine for tests).
pub fn explain_reason(
    reason: &Reason,
    loc: &Localizer,
    tag_label: &dyn Fn(&str) -> String,
) -> String {
    match reason {
        Reason::MatchesInterests(tags) => {
            let labels: Vec<String> = tags.iter().map(|t| tag_label(t)).collect();
            loc.msg(
                "course-reason-interests",
                &Args::new().str("tags", loc.list(&labels)),
            )
        }
        Reason::Popular => loc.msg("course-reason-popular", &Args::new()),
        Reason::Requested => loc.msg("course-reason-requested", &Args::new()),
        Reason::OpenUntil(t) => loc.msg(
            "course-reason-open-until",
            &Args::new().str("time", loc.time(*t)),
        ),
        Reason::AlwaysOpen => loc.msg("course-reason-always-open", &Args::new()),
        Reason::Congestion {
            area_name,
            factor,
            from,
            to,
            ..
        } => {
            let area = area_name.text_for(loc.chain()).to_string();
            let factor = (factor * 10.0).round() / 10.0;
            match (from, to) {
                (Some(f), Some(t)) => loc.msg(
                    "course-reason-congestion-hours",
                    &Args::new()
                        .str("area", area)
                        .num("factor", factor)
                        .str("from", loc.time(*f))
                        .str("to", loc.time(*t)),
                ),
                _ => loc.msg(
                    "course-reason-congestion",
                    &Args::new().str("area", area).num("factor", factor),
                ),
            }
        }
        Reason::CarPark {
            car_park_name,
            walk_minutes,
            ..
        } => loc.msg(
            "course-reason-car-park",
            &Args::new()
                .str("carpark", car_park_name.text_for(loc.chain()).to_string())
                .str("duration", loc.duration(*walk_minutes)),
        ),
    }
}

impl Stop {
    /// The stop's reasons as localized phrases, in order.
    pub fn explain(&self, loc: &Localizer, tag_label: &dyn Fn(&str) -> String) -> Vec<String> {
        self.reasons
            .iter()
            .map(|r| explain_reason(r, loc, tag_label))
            .collect()
    }
}

impl Leg {
    /// "Walk, 12 min" / "徒歩 12分" …
    pub fn describe(&self, loc: &Localizer) -> String {
        let mode = loc.msg(mode_message_id(self.mode), &Args::new());
        loc.msg(
            "course-leg",
            &Args::new()
                .str("mode", mode)
                .str("duration", loc.duration(self.minutes)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::planner::PlanError;
    use chrono::NaiveTime;
    use machi_common::{Lang, LocalizedText};

    const IDS: [&str; 20] = [
        "course-mode-walk",
        "course-mode-bicycle",
        "course-mode-car",
        "course-mode-bus",
        "course-leg",
        "course-reason-interests",
        "course-reason-popular",
        "course-reason-requested",
        "course-reason-open-until",
        "course-reason-always-open",
        "course-reason-congestion",
        "course-reason-congestion-hours",
        "course-reason-car-park",
        "course-error-unknown-place",
        "course-error-unknown-spot",
        "course-error-no-spots",
        "course-error-time-too-short",
        "course-error-everything-closed",
        "course-error-must-visit",
        "course-error-invalid-request",
    ];

    #[test]
    fn every_message_exists_in_every_locale() {
        for lang in Lang::ALL {
            let loc = Localizer::for_lang(lang);
            for id in IDS {
                assert!(loc.has(id), "{id} missing in {lang:?}");
            }
        }
    }

    #[test]
    fn reasons_and_errors_render_with_their_arguments() {
        let t = NaiveTime::from_hms_opt(16, 0, 0).unwrap();
        let reasons = [
            Reason::MatchesInterests(vec!["nature".into(), "history".into()]),
            Reason::OpenUntil(t),
            Reason::Congestion {
                rule: "r".into(),
                area_name: LocalizedText::single(Lang::Ja, "花貫渓谷"),
                factor: 3.0,
                from: Some(NaiveTime::from_hms_opt(10, 0, 0).unwrap()),
                to: Some(NaiveTime::from_hms_opt(15, 0, 0).unwrap()),
            },
            Reason::CarPark {
                rule: "r".into(),
                car_park_name: LocalizedText::single(Lang::Ja, "第一駐車場"),
                walk_minutes: 12.0,
            },
        ];
        for lang in Lang::ALL {
            let loc = Localizer::for_lang(lang);
            let texts: Vec<String> = reasons
                .iter()
                .map(|r| explain_reason(r, &loc, &|x| x.to_string()))
                .collect();
            assert!(
                texts[0].contains("nature") && texts[0].contains("history"),
                "{lang:?}: {}",
                texts[0]
            );
            assert!(
                texts[2].contains("花貫渓谷") && texts[2].contains('3'),
                "{lang:?}: {}",
                texts[2]
            );
            assert!(
                texts[3].contains("第一駐車場") && texts[3].contains("12"),
                "{lang:?}: {}",
                texts[3]
            );
            let e = PlanError::MustVisitInfeasible(vec!["a".into(), "b".into()]).localize(&loc);
            assert!(e.contains('a') && e.contains('b'), "{lang:?}: {e}");
        }
    }
}
