//! `course.toml`'s taxi and rental-bicycle sections: `[taxi]` (the fare
//! table), `[[taxi_stand]]` and `[[bicycle_rental]]` → [`Mobility`].

use std::collections::HashMap;

use machi_common::{GeoPoint, Lang, LocalizedText};
use toml::Spanned;

use super::toml_files::{BicycleRentalToml, TaxiStandToml, TaxiToml};
use super::{line_of, Loader};
use crate::hours::Hours;
use crate::model::{BicycleRental, Mobility, TaxiStand, TaxiTariff};

const F: &str = "course.toml";

impl Loader<'_> {
    /// Checks and converts the three sections; every problem is an issue at
    /// `course.toml:LINE` (the line of the value at fault, or of the entry's id).
    pub(super) fn mobility(
        &mut self,
        taxi: Option<TaxiToml>,
        stands: Vec<TaxiStandToml>,
        rentals: Vec<BicycleRentalToml>,
        text: &str,
    ) -> Mobility {
        let line = |start: usize| Some(line_of(text, start));
        let taxi = taxi.map(|t| self.taxi(t, text));
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut taxi_stands = Vec::new();
        for s in stands {
            let l = line(s.id.span().start);
            self.entry_id("taxi stand", &s.id, &mut ids, text);
            self.named_in_japanese("taxi stand", &s.id, &s.name, l);
            let location = self.location(&s.location, text);
            if taxi.is_none() {
                self.issue(
                    F,
                    l,
                    Some("taxi_stand"),
                    format!(
                        "taxi stand {:?} needs the [taxi] fare table",
                        s.id.get_ref()
                    ),
                );
            }
            taxi_stands.push(TaxiStand {
                id: s.id.into_inner(),
                name: s.name,
                location,
                wait_minutes: s.wait_minutes,
            });
        }
        // Stands and rentals are separate tables: an id may repeat across them.
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut bicycle_rentals = Vec::new();
        for r in rentals {
            let l = line(r.id.span().start);
            self.entry_id("bicycle rental", &r.id, &mut ids, text);
            self.named_in_japanese("bicycle rental", &r.id, &r.name, l);
            let location = self.location(&r.location, text);
            if let Err(e) = Hours::parse(r.opening_hours.get_ref()) {
                self.issue(
                    F,
                    line(r.opening_hours.span().start),
                    Some("opening_hours"),
                    format!(
                        "bicycle rental {:?}: opening hours {:?} do not parse: {e}",
                        r.id.get_ref(),
                        r.opening_hours.get_ref()
                    ),
                );
            }
            bicycle_rentals.push(BicycleRental {
                id: r.id.into_inner(),
                name: r.name,
                location,
                opening_hours: r.opening_hours.into_inner(),
                fee_yen: r.fee_yen,
                return_rule: r.return_rule,
                bikes: r.bikes,
                electric: r.electric,
                note: r.note.filter(|n| !n.is_empty()),
            });
        }
        Mobility {
            taxi,
            taxi_stands,
            bicycle_rentals,
        }
    }

    fn taxi(&mut self, t: TaxiToml, text: &str) -> TaxiTariff {
        let l = Some(line_of(text, t.initial_yen.span().start));
        if t.operator.get(Lang::Ja).is_none() {
            self.issue(
                F,
                l,
                Some("taxi.operator.ja"),
                "the taxi operator needs a Japanese name".into(),
            );
        }
        // A zero step would make every ride cost the flag fall (or, for the
        // distance, divide by zero): surely a typo, never a real tariff.
        for (field, v) in [("step_yen", &t.step_yen), ("step_metres", &t.step_metres)] {
            if *v.get_ref() == 0 {
                self.issue(
                    F,
                    Some(line_of(text, v.span().start)),
                    Some(field),
                    format!("taxi {field} must be > 0"),
                );
            }
        }
        TaxiTariff {
            operator: t.operator,
            phone: t.phone,
            initial_yen: t.initial_yen.into_inner(),
            initial_metres: t.initial_metres,
            step_yen: t.step_yen.into_inner(),
            step_metres: t.step_metres.into_inner(),
            call_wait_minutes: t.call_wait_minutes,
        }
    }

    /// Records `id` (non-empty, not seen before in this table).
    fn entry_id(
        &mut self,
        what: &str,
        id: &Spanned<String>,
        seen: &mut HashMap<String, usize>,
        text: &str,
    ) {
        let l = line_of(text, id.span().start);
        if id.get_ref().trim().is_empty() {
            self.issue(F, Some(l), Some("id"), format!("{what} id is empty"));
        } else if let Some(first) = seen.get(id.get_ref()).copied() {
            self.issue(
                F,
                Some(l),
                Some("id"),
                format!("{what} id {:?} already used by {F}:{first}", id.get_ref()),
            );
        } else {
            seen.insert(id.get_ref().clone(), l);
        }
    }

    fn named_in_japanese(
        &mut self,
        what: &str,
        id: &Spanned<String>,
        name: &LocalizedText,
        line: Option<usize>,
    ) {
        if name.get(Lang::Ja).is_none() {
            self.issue(
                F,
                line,
                Some("name.ja"),
                format!("{what} {:?} has no Japanese name", id.get_ref()),
            );
        }
    }

    /// The point, after checking it is a real WGS 84 coordinate.
    fn location(&mut self, p: &Spanned<GeoPoint>, text: &str) -> GeoPoint {
        let g = *p.get_ref();
        if let Err(e) = GeoPoint::new(g.lat, g.lon) {
            self.issue(
                F,
                Some(line_of(text, p.span().start)),
                Some("location"),
                e.to_string(),
            );
        }
        g
    }
}
