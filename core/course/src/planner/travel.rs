//! Travel times between places for one day: mode speeds or a provided table,
//! walking when it is faster, car-park walks for areas closed to cars, and
//! slowdowns — pessimistic for the solver, time-dependent for the final timing.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};
use machi_common::{GeoPoint, EARTH_RADIUS_M};
use opening_hours::localization::Country;

use super::types::{Area, CongestionRule, Effect, Mode, TravelSettings, TravelTable};

/// Where each planning node is and which spot it is (node 0 = start, 1 = end).
pub(crate) struct Places<'a> {
    pub(crate) points: Vec<GeoPoint>,
    pub(crate) ids: Vec<Option<&'a str>>,
}

const NO_RULE: u16 = u16::MAX;

/// All legs of one day.
pub(crate) struct DayTravel {
    n: usize,
    /// Minutes without slowdowns (incl. overheads and car-park walks).
    base: Vec<f64>,
    /// Walking part of `base` caused by a car closure.
    park_walk: Vec<f64>,
    mode: Vec<Mode>,
    /// Strongest slowdown rule touching the leg (index into `rules`).
    slow: Vec<u16>,
    /// Closure rule that forced a car-park walk (index into `rules`).
    closure: Vec<u16>,
}

/// Local metric coordinates (metres) on an equirectangular projection around
/// the places' mean latitude. Within a town (tens of km) this matches the
/// haversine distance to well under 0.5 % and costs a fraction of it, which
/// matters for the n² legs of a 300-spot town.
fn local_xy(points: &[GeoPoint]) -> Vec<(f64, f64)> {
    let lat0 = if points.is_empty() {
        0.0
    } else {
        points.iter().map(|p| p.lat).sum::<f64>() / points.len() as f64
    };
    let k = EARTH_RADIUS_M * std::f64::consts::PI / 180.0;
    let cos0 = lat0.to_radians().cos();
    points
        .iter()
        .map(|p| (p.lon * k * cos0, p.lat * k))
        .collect()
}

fn minutes_for(km: f64, kmh: f64) -> f64 {
    km / kmh * 60.0
}

fn in_area(area: &Area, p: GeoPoint, id: Option<&str>) -> bool {
    match area {
        Area::Circle { center, radius_m } => center.distance_m(&p) <= *radius_m,
        Area::Spots(ids) => id.is_some_and(|i| ids.iter().any(|x| x == i)),
    }
}

fn to_min(t: NaiveTime) -> f64 {
    f64::from(t.hour() * 60 + t.minute())
}

/// Whether `rule` is in force on `date` (dates, weekends/holidays) for `mode`.
pub(crate) fn rule_applies(rule: &CongestionRule, date: NaiveDate, mode: Mode) -> bool {
    if !rule.modes.is_empty() && !rule.modes.contains(&mode) {
        return false;
    }
    if !rule.dates.is_empty() && !rule.dates.iter().any(|r| r.from <= date && date <= r.to) {
        return false;
    }
    if rule.weekends_and_holidays_only {
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        if !weekend && !Country::JP.holidays().get_public().contains(date) {
            return false;
        }
    }
    true
}

/// The rule's active interval in minutes (whole day when unbounded).
pub(crate) fn rule_interval(rule: &CongestionRule) -> (f64, f64) {
    (
        rule.from_time.map_or(0.0, to_min),
        rule.to_time.map_or(1440.0, to_min),
    )
}

impl DayTravel {
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn build(
        places: &Places<'_>,
        mode: Mode,
        settings: &TravelSettings,
        table: Option<&TravelTable>,
        rules: &[CongestionRule],
        date: NaiveDate,
    ) -> Self {
        let n = places.points.len();
        let xy = local_xy(&places.points);
        let km = |i: usize, j: usize| {
            let (dx, dy) = (xy[i].0 - xy[j].0, xy[i].1 - xy[j].1);
            (dx * dx + dy * dy).sqrt() * settings.detour_factor / 1000.0
        };
        let table_idx: Vec<Option<usize>> = places
            .ids
            .iter()
            .map(|id| match (table, id) {
                (Some(t), Some(id)) if t.mode == mode => t.ids.iter().position(|x| x == id),
                _ => None,
            })
            .collect();
        let active: Vec<usize> = (0..rules.len())
            .filter(|&r| rule_applies(&rules[r], date, mode))
            .collect();
        // Which places lie in each active rule's area.
        let inside: Vec<Vec<bool>> = active
            .iter()
            .map(|&r| {
                (0..n)
                    .map(|i| in_area(&rules[r].area, places.points[i], places.ids[i]))
                    .collect()
            })
            .collect();
        let mut out = DayTravel {
            n,
            base: vec![0.0; n * n],
            park_walk: vec![0.0; n * n],
            mode: vec![Mode::Walk; n * n],
            slow: vec![NO_RULE; n * n],
            closure: vec![NO_RULE; n * n],
        };
        let mode_minutes = |i: usize, j: usize, d: f64| -> f64 {
            if let (Some(t), Some(a), Some(b)) = (table, table_idx[i], table_idx[j]) {
                let v = t.minutes.get(a * t.ids.len() + b).copied().unwrap_or(-1.0);
                if v.is_finite() && v >= 0.0 {
                    return v;
                }
            }
            match mode {
                Mode::Walk => minutes_for(d, settings.walk_kmh),
                Mode::Bicycle => minutes_for(d, settings.bicycle_kmh),
                Mode::Car => minutes_for(d, settings.car_kmh) + settings.car_park_minutes,
                // Taxis need no parking; the wait for one is the taxi leg's own.
                Mode::Taxi => minutes_for(d, settings.car_kmh),
                // Without a timetable, a timetabled leg is estimated like a bus.
                Mode::Bus | Mode::Transit => {
                    minutes_for(d, settings.bus_kmh) + settings.bus_wait_minutes
                }
            }
        };
        for i in 0..n {
            for j in 0..n {
                if i == j {
                    continue;
                }
                let k = i * n + j;
                let d = km(i, j);
                let walk = minutes_for(d, settings.walk_kmh);
                let mut leg_mode = mode;
                let mut minutes = mode_minutes(i, j, d);
                let mut park = 0.0;
                if mode == Mode::Car {
                    for (a, &r) in active.iter().enumerate() {
                        let Effect::ClosedToCars { car_park, .. } = &rules[r].effect else {
                            continue;
                        };
                        let (ii, jj) = (inside[a][i], inside[a][j]);
                        if ii && jj {
                            minutes = walk;
                            park = 0.0;
                            leg_mode = Mode::Walk;
                            out.closure[k] = r as u16;
                        } else if ii || jj {
                            let (inner, outer) = if ii { (i, j) } else { (j, i) };
                            let walk_part = minutes_for(
                                places.points[inner].distance_m(car_park) * settings.detour_factor
                                    / 1000.0,
                                settings.walk_kmh,
                            );
                            let drive = minutes_for(
                                places.points[outer].distance_m(car_park) * settings.detour_factor
                                    / 1000.0,
                                settings.car_kmh,
                            ) + settings.car_park_minutes;
                            if drive + walk_part > minutes + park {
                                minutes = drive + walk_part;
                                park = walk_part;
                                out.closure[k] = r as u16;
                            }
                        }
                    }
                }
                if walk <= minutes {
                    minutes = walk;
                    park = 0.0;
                    leg_mode = Mode::Walk;
                    out.closure[k] = NO_RULE;
                }
                let mut best_factor = 1.0;
                for (a, &r) in active.iter().enumerate() {
                    let Effect::Slowdown { factor } = rules[r].effect else {
                        continue;
                    };
                    let touches = inside[a][i] || inside[a][j];
                    let mode_ok = rules[r].modes.is_empty() || rules[r].modes.contains(&leg_mode);
                    if touches && mode_ok && factor > best_factor {
                        best_factor = factor;
                        out.slow[k] = r as u16;
                    }
                }
                out.base[k] = minutes;
                out.park_walk[k] = park;
                out.mode[k] = leg_mode;
            }
        }
        out
    }

    /// Minutes for leg `i → j` departing at `t` (minutes of the day).
    pub(crate) fn minutes_at(&self, rules: &[CongestionRule], i: usize, j: usize, t: f64) -> f64 {
        let k = i * self.n + j;
        let base = self.base[k];
        match self.slow[k] {
            NO_RULE => base,
            r => {
                let rule = &rules[r as usize];
                let (from, to) = rule_interval(rule);
                match rule.effect {
                    Effect::Slowdown { factor } if t >= from && t < to => {
                        base + (factor - 1.0) * (base - self.park_walk[k])
                    }
                    _ => base,
                }
            }
        }
    }

    /// Worst-case minutes for `i → j` over the day window `[day_from, day_to]`
    /// (what the solver plans with, so re-timing can only be earlier).
    pub(crate) fn pessimistic(
        &self,
        rules: &[CongestionRule],
        i: usize,
        j: usize,
        day_from: f64,
        day_to: f64,
    ) -> f64 {
        let k = i * self.n + j;
        let base = self.base[k];
        match self.slow[k] {
            NO_RULE => base,
            r => {
                let rule = &rules[r as usize];
                let (from, to) = rule_interval(rule);
                match rule.effect {
                    Effect::Slowdown { factor } if from < day_to && to > day_from => {
                        base + (factor - 1.0) * (base - self.park_walk[k])
                    }
                    _ => base,
                }
            }
        }
    }

    /// Mode, car-park walk and affecting rule indices of leg `i → j` at time `t`.
    pub(crate) fn describe(
        &self,
        rules: &[CongestionRule],
        i: usize,
        j: usize,
        t: f64,
    ) -> (Mode, f64, Option<usize>, Option<usize>) {
        let k = i * self.n + j;
        let slow = match self.slow[k] {
            NO_RULE => None,
            r => {
                let (from, to) = rule_interval(&rules[r as usize]);
                (t >= from && t < to).then_some(r as usize)
            }
        };
        let closure = (self.closure[k] != NO_RULE).then_some(self.closure[k] as usize);
        (self.mode[k], self.park_walk[k], slow, closure)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_projection_matches_haversine_in_town() {
        let pts = [
            GeoPoint::new(36.70, 140.66).unwrap(),
            GeoPoint::new(36.76, 140.74).unwrap(),
            GeoPoint::new(36.72, 140.71).unwrap(),
        ];
        let xy = local_xy(&pts);
        for i in 0..3 {
            for j in 0..3 {
                let (dx, dy) = (xy[i].0 - xy[j].0, xy[i].1 - xy[j].1);
                let approx = (dx * dx + dy * dy).sqrt();
                let exact = pts[i].distance_m(&pts[j]);
                assert!(
                    (approx - exact).abs() <= 0.005 * exact + 1e-6,
                    "{approx} vs {exact}"
                );
            }
        }
    }
}
