//! The next departures from a stop: a station board ("発車案内"), read
//! straight from the sorted connections without a search.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::timetable::{CalendarOptions, StopKind, Timetable};

/// Seconds in a service day.
const DAY: u32 = 86_400;

/// One vehicle leaving a stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Departure {
    /// When it leaves, seconds after midnight of the asked date (a trip of
    /// the day before that runs past midnight is shifted onto this day).
    pub time: u32,
    /// The pole it leaves from (index into [`Timetable::stops`]; for a
    /// station, one of its poles).
    pub stop: u32,
    /// Index into [`Timetable::trips`].
    pub trip: u32,
    /// Index into [`Timetable::routes`].
    pub route: u32,
}

impl Timetable {
    /// The poles a stop stands for: itself when it is a pole, else its
    /// child poles (a station is boarded at all of them).
    pub fn poles_of(&self, stop: u32) -> Vec<u32> {
        match self.stops.get(stop as usize) {
            None => Vec::new(),
            Some(s) if s.kind == StopKind::Stop => vec![stop],
            Some(_) => (0..self.stops.len() as u32)
                .filter(|&i| {
                    let s = &self.stops[i as usize];
                    s.parent == Some(stop) && s.kind == StopKind::Stop
                })
                .collect(),
        }
    }

    /// Up to `count` departures from `stop` (a pole, or a station for all
    /// its poles) on `date`, leaving at `from_seconds` after midnight or
    /// later, in time order. Only where boarding is allowed, so a trip's
    /// last stop is never a departure. Trips of the day before that run past
    /// midnight count; the list ends with the service day (it does not run
    /// on into the next date). An unknown stop has no departures.
    pub fn departures(
        &self,
        stop: u32,
        date: NaiveDate,
        from_seconds: u32,
        count: usize,
        opts: CalendarOptions,
    ) -> Vec<Departure> {
        let poles = self.poles_of(stop);
        if poles.is_empty() || count == 0 {
            return Vec::new();
        }
        let today = self.services_on(date, opts);
        let yesterday = date
            .checked_sub_signed(Duration::days(1))
            .map(|d| self.services_on(d, opts))
            .unwrap_or_default();
        // (running services, the shift of their times onto `date`)
        let days = [(&today, 0u32), (&yesterday, DAY)];
        let mut out: Vec<Departure> = Vec::new();
        for (running, shift) in days {
            let start = from_seconds.saturating_add(shift);
            let first = self.connections.partition_point(|c| c.dep < start);
            let mut found = 0;
            for c in &self.connections[first..] {
                // Past this day's end on the day before: nothing more.
                if shift > 0 && c.dep >= 2 * DAY {
                    break;
                }
                let Some(trip) = self.trips.get(c.trip as usize) else {
                    continue;
                };
                let runs = running.get(trip.service as usize).copied() == Some(true);
                if !c.pickup || !runs || !poles.contains(&c.from) {
                    continue;
                }
                out.push(Departure {
                    time: c.dep - shift,
                    stop: c.from,
                    trip: c.trip,
                    route: trip.route,
                });
                found += 1;
                // Connections are sorted, so the first `count` of a day are its earliest.
                if found == count {
                    break;
                }
            }
        }
        out.sort_by_key(|d| (d.time, d.stop, d.trip));
        out.truncate(count);
        out
    }
}

#[cfg(test)]
mod tests {
    use machi_common::GeoPoint;

    use super::*;
    use crate::timetable::{Connection, Name, Route, Service, Stop, Trip, BLOB_FORMAT};

    fn stop(id: &str, kind: StopKind, parent: Option<u32>) -> Stop {
        Stop {
            id: id.into(),
            name: Name::default(),
            point: GeoPoint::new(36.7, 140.7).unwrap(),
            kind,
            parent,
            zone: None,
            platform: None,
        }
    }

    fn conn(dep: u32, from: u32, to: u32, trip: u32, pickup: bool) -> Connection {
        Connection {
            dep,
            arr: dep + 300,
            from,
            to,
            trip,
            seq: 0,
            pickup,
            drop_off: true,
        }
    }

    /// A station (0) with poles 1 and 2, a stop 3; service 0 runs every
    /// day of 2026, service 1 on Sundays only.
    fn tt() -> Timetable {
        let year = |m, d| NaiveDate::from_ymd_opt(2026, m, d);
        let service = |id: &str, weekdays| Service {
            id: id.into(),
            weekdays,
            start: year(1, 1),
            end: year(12, 31),
            added: vec![],
            removed: vec![],
        };
        let trip = |id: &str, service| Trip {
            id: id.into(),
            route: 0,
            service,
            headsign: Name::default(),
        };
        let mut connections = vec![
            conn(8 * 3600, 1, 3, 0, true),
            conn(9 * 3600, 2, 3, 1, true),
            conn(9 * 3600 + 60, 3, 1, 2, true),
            conn(10 * 3600, 1, 3, 3, true),
            conn(11 * 3600, 1, 3, 4, false),
            conn(DAY + 1800, 2, 3, 5, true),
        ];
        connections.sort_by_key(|c| c.dep);
        Timetable {
            format: BLOB_FORMAT,
            agencies: vec![],
            feed: None,
            stops: vec![
                stop("S", StopKind::Station, None),
                stop("S1", StopKind::Stop, Some(0)),
                stop("S2", StopKind::Stop, Some(0)),
                stop("T", StopKind::Stop, None),
            ],
            routes: vec![Route {
                id: "R".into(),
                agency: 0,
                short_name: Name::default(),
                long_name: Name::default(),
                route_type: 3,
                parent_route_id: None,
                origin: None,
                via: None,
                destination: None,
            }],
            trips: vec![
                trip("a", 0),
                trip("b", 0),
                trip("c", 0),
                trip("d", 1),
                trip("e", 0),
                trip("night", 0),
            ],
            services: vec![service("daily", 0x7f), service("sunday", 0x40)],
            exception_dates: vec![],
            connections,
            fares: vec![],
            fare_rules: vec![],
            zones: vec![],
        }
    }

    fn board(tt: &Timetable, stop: u32, m: u32, d: u32, from: u32, n: usize) -> Vec<(u32, u32)> {
        let date = NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        tt.departures(stop, date, from, n, CalendarOptions::default())
            .iter()
            .map(|d| (d.time, d.trip))
            .collect()
    }

    #[test]
    fn a_station_lists_all_its_poles_in_time_order() {
        let tt = tt();
        // Sunday 22 November 2026: the Sunday trip runs; 11:00 forbids boarding.
        assert_eq!(
            board(&tt, 0, 11, 22, 0, 10),
            vec![
                (1800, 5),
                (8 * 3600, 0),
                (9 * 3600, 1),
                (10 * 3600, 3),
                (DAY + 1800, 5)
            ]
        );
        // A pole alone, from 8:30, on a Monday.
        assert_eq!(board(&tt, 1, 11, 23, 8 * 3600 + 1800, 10), vec![]);
        assert_eq!(
            board(&tt, 2, 11, 23, 8 * 3600 + 1800, 10),
            vec![(9 * 3600, 1), (DAY + 1800, 5)]
        );
    }

    #[test]
    fn count_and_start_time_cut_the_list() {
        let tt = tt();
        assert_eq!(
            board(&tt, 0, 11, 22, 3600, 2),
            vec![(8 * 3600, 0), (9 * 3600, 1)]
        );
        assert_eq!(board(&tt, 0, 11, 22, 9 * 3600, 1), vec![(9 * 3600, 1)]);
        assert_eq!(board(&tt, 0, 11, 22, 0, 0), vec![]);
    }

    #[test]
    fn the_day_before_past_midnight_and_unknown_stops() {
        let tt = tt();
        // 1 January 2026: the night trip of 31 December is not in the feed's range.
        assert_eq!(board(&tt, 2, 1, 1, 0, 1), vec![(9 * 3600, 1)]);
        assert_eq!(board(&tt, 99, 11, 22, 0, 5), vec![]);
        assert_eq!(tt.poles_of(0), vec![1, 2]);
        assert_eq!(tt.poles_of(3), vec![3]);
    }
}
