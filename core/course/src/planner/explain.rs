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
        Mode::Transit => "course-mode-transit",
        Mode::Taxi => "course-mode-taxi",
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
    /// "Walk, 12 min" / "徒歩 12分"; for a bus or train leg each ride with
    /// its line, departure, stops and fare, e.g. "walk 4 min to the stop,
    /// 渓谷線 9:10 from 駅前 to 渓谷入口, ¥300, then walk 8 min"; a taxi
    /// leg with its fare.
    pub fn describe(&self, loc: &Localizer) -> String {
        let duration = |m: f64| loc.duration(m);
        match (&self.transit, self.mode) {
            (Some(t), _) => {
                let mut parts = Vec::new();
                if t.walk_to_stop_minutes > 0 {
                    parts.push(loc.msg(
                        "course-leg-walk-to-stop",
                        &Args::new().str("duration", duration(f64::from(t.walk_to_stop_minutes))),
                    ));
                }
                for r in &t.rides {
                    let args = Args::new()
                        .str("line", r.line.as_str())
                        .str("depart", loc.time(r.depart))
                        .str("from", r.from_stop.as_str())
                        .str("to", r.to_stop.as_str());
                    parts.push(match r.fare_yen {
                        Some(y) => loc.msg("course-leg-ride-fare", &args.num("yen", f64::from(y))),
                        None => loc.msg("course-leg-ride", &args),
                    });
                }
                if t.walk_from_stop_minutes > 0 {
                    parts.push(loc.msg(
                        "course-leg-then-walk",
                        &Args::new().str("duration", duration(f64::from(t.walk_from_stop_minutes))),
                    ));
                }
                parts.join(&loc.msg("course-leg-separator", &Args::new()))
            }
            (None, Mode::Taxi) => loc.msg(
                "course-leg-taxi",
                &Args::new()
                    .str("duration", duration(self.minutes))
                    .num("yen", f64::from(self.fare_yen)),
            ),
            (None, Mode::Bicycle) => loc.msg(
                "course-leg-bicycle",
                &Args::new().str("duration", duration(self.minutes)),
            ),
            (None, mode) => loc.msg(
                "course-leg",
                &Args::new()
                    .str("mode", loc.msg(mode_message_id(mode), &Args::new()))
                    .str("duration", duration(self.minutes)),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::planner::PlanError;
    use chrono::NaiveTime;
    use machi_common::{Lang, LocalizedText};

    const IDS: [&str; 29] = [
        "course-mode-transit",
        "course-mode-taxi",
        "course-leg-ride",
        "course-leg-ride-fare",
        "course-leg-walk-to-stop",
        "course-leg-then-walk",
        "course-leg-taxi",
        "course-leg-bicycle",
        "course-leg-separator",
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

    #[test]
    fn a_bus_leg_names_line_departure_stops_and_fare() {
        use crate::planner::{Ride, TransitLeg};
        let at = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        let leg = Leg {
            mode: Mode::Transit,
            minutes: 52.0,
            car_park_walk_minutes: 0.0,
            congestion: vec![],
            depart: at(10, 35),
            walk_minutes: 12.0,
            fare_yen: 300,
            transit: Some(TransitLeg {
                walk_to_stop_minutes: 4,
                rides: vec![Ride {
                    line: "花貫線".into(),
                    headsign: "花貫渓谷".into(),
                    from_stop: "高萩駅".into(),
                    to_stop: "花貫渓谷入口".into(),
                    depart: at(10, 42),
                    arrive: at(11, 19),
                    stops: 9,
                    fare_yen: Some(300),
                }],
                walk_from_stop_minutes: 8,
                transfer_walk_minutes: 0,
                wait_minutes: 3,
                fare_yen: Some(300),
            }),
        };
        for lang in Lang::ALL {
            let text = leg.describe(&Localizer::for_lang(lang));
            for part in ["花貫線", "高萩駅", "花貫渓谷入口", "42", "300", "8"] {
                assert!(text.contains(part), "{lang:?}: {part} not in {text}");
            }
        }
        let taxi = Leg {
            mode: Mode::Taxi,
            transit: None,
            fare_yen: 4500,
            ..leg
        };
        let text = taxi.describe(&Localizer::for_lang(Lang::En));
        assert!(text.contains("Taxi") && text.contains("4,500"), "{text}");
    }
}
