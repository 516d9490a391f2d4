//! `stop_times.txt` to connections: each trip's calls sorted by
//! `stop_sequence`, times checked never to go back, missing intermediate
//! times interpolated, headsigns filled in when the trip has none.

use std::collections::HashMap;

use super::parse::At;
use super::table::{read_rows, StopTimeRow};
use super::translations::Translations;
use super::FeedFiles;
use crate::error::{GtfsError, GtfsErrorKind};
use crate::timetable::{Connection, Name, Route, Stop, StopKind, Trip};

const FILE: &str = "stop_times.txt";

/// One call of a trip at a stop, parsed.
struct Call {
    line: u64,
    seq: u32,
    stop: u32,
    arr: Option<u32>,
    dep: Option<u32>,
    pickup: bool,
    drop_off: bool,
    headsign: Option<String>,
}

pub(crate) fn read(
    files: &FeedFiles,
    stop_ix: &HashMap<String, u32>,
    trip_ix: &HashMap<String, u32>,
    trips: &mut [Trip],
    stops: &[Stop],
    routes: &[Route],
    tr: &Translations,
) -> Result<Vec<Connection>, GtfsError> {
    let bytes = files
        .get(FILE)
        .ok_or_else(|| GtfsError::file(FILE, GtfsErrorKind::MissingFile))?;
    let required = [
        "trip_id",
        "arrival_time",
        "departure_time",
        "stop_id",
        "stop_sequence",
    ];
    let mut calls: Vec<Vec<Call>> = (0..trips.len()).map(|_| Vec::new()).collect();
    for (line, r) in read_rows::<StopTimeRow>(FILE, bytes, &required)? {
        let at = At { file: FILE, line };
        let unknown = |column: &str, value: &str, target| {
            at.err(GtfsErrorKind::UnknownReference {
                column: column.to_string(),
                value: value.to_string(),
                target,
            })
        };
        let trip_id = at.req("trip_id", &r.trip_id)?;
        let trip = *trip_ix
            .get(trip_id)
            .ok_or_else(|| unknown("trip_id", trip_id, "trips.txt"))?;
        let stop_id = at.req("stop_id", &r.stop_id)?;
        let stop = *stop_ix
            .get(stop_id)
            .ok_or_else(|| unknown("stop_id", stop_id, "stops.txt"))?;
        if stops
            .get(stop as usize)
            .is_some_and(|s| s.kind == StopKind::Station)
        {
            return Err(at.err(GtfsErrorKind::BadValue {
                column: "stop_id".into(),
                value: stop_id.to_string(),
                expected: "a stop or pole (it is a station, location_type 1)",
            }));
        }
        let seq = at.uint("stop_sequence", at.req("stop_sequence", &r.stop_sequence)?)?;
        let time = |c: &str, v: &Option<String>| v.as_deref().map(|t| at.time(c, t)).transpose();
        let arr = time("arrival_time", &r.arrival_time)?;
        let dep = time("departure_time", &r.departure_time)?;
        let pickup = at.small("pickup_type", &r.pickup_type, 3)? != 1;
        let drop_off = at.small("drop_off_type", &r.drop_off_type, 3)? != 1;
        if let Some(list) = calls.get_mut(trip as usize) {
            list.push(Call {
                line,
                seq,
                stop,
                arr: arr.or(dep),
                dep: dep.or(arr),
                pickup,
                drop_off,
                headsign: r.stop_headsign,
            });
        }
    }

    let mut conns = Vec::new();
    for (ti, list) in calls.iter_mut().enumerate() {
        list.sort_by_key(|c| c.seq);
        check_and_interpolate(list)?;
        let Some(trip) = trips.get_mut(ti) else {
            continue;
        };
        if trip.headsign.is_empty() {
            trip.headsign = fallback_headsign(list, trip, stops, routes, tr);
        }
        for (k, w) in list.windows(2).enumerate() {
            let (a, b) = (&w[0], &w[1]);
            let (Some(dep), Some(arr)) = (a.dep, b.arr) else {
                continue;
            };
            conns.push(Connection {
                dep,
                arr,
                from: a.stop,
                to: b.stop,
                trip: ti as u32,
                seq: u16::try_from(k).unwrap_or(u16::MAX),
                pickup: a.pickup,
                drop_off: b.drop_off,
            });
        }
    }
    conns.sort_by_key(|c| (c.dep, c.arr, c.trip, c.seq));
    Ok(conns)
}

/// Rejects repeated sequence numbers and times that go back; fills calls
/// without times linearly between the timed calls around them (GTFS allows
/// untimed intermediate stops; the first and last must be timed).
fn check_and_interpolate(list: &mut [Call]) -> Result<(), GtfsError> {
    for w in list.windows(2) {
        if w[0].seq == w[1].seq {
            return Err(GtfsError::at(
                FILE,
                w[1].line,
                GtfsErrorKind::NonIncreasing(format!("stop_sequence {} repeats", w[1].seq)),
            ));
        }
    }
    for end in [list.first(), list.last()].into_iter().flatten() {
        if end.arr.is_none() {
            return Err(GtfsError::at(
                FILE,
                end.line,
                GtfsErrorKind::Empty(
                    "arrival_time and departure_time of a trip's first or last stop".into(),
                ),
            ));
        }
    }
    let mut last: Option<(usize, u32)> = None;
    for i in 0..list.len() {
        let Some(arr) = list[i].arr else { continue };
        let dep = list[i].dep.unwrap_or(arr);
        if dep < arr {
            return Err(GtfsError::at(
                FILE,
                list[i].line,
                GtfsErrorKind::NonIncreasing("departure_time is before arrival_time".into()),
            ));
        }
        if let Some((j, prev)) = last {
            if arr < prev {
                return Err(GtfsError::at(
                    FILE,
                    list[i].line,
                    GtfsErrorKind::NonIncreasing(format!(
                        "arrives at stop_sequence {} before it left stop_sequence {}",
                        list[i].seq, list[j].seq
                    )),
                ));
            }
            let gap = (i - j) as u32;
            for (step, call) in list[j + 1..i].iter_mut().enumerate() {
                let t = prev + (arr - prev) * (step as u32 + 1) / gap;
                call.arr = Some(t);
                call.dep = Some(t);
            }
        }
        last = Some((i, dep));
    }
    Ok(())
}

fn fallback_headsign(
    list: &[Call],
    trip: &Trip,
    stops: &[Stop],
    routes: &[Route],
    tr: &Translations,
) -> Name {
    if let Some(h) = list.first().and_then(|c| c.headsign.as_deref()) {
        return tr.name_of_text("stop_times", "stop_headsign", h);
    }
    if let Some(d) = routes
        .get(trip.route as usize)
        .and_then(|r| r.destination.clone())
    {
        return d;
    }
    list.last()
        .and_then(|c| stops.get(c.stop as usize))
        .map(|s| s.name.clone())
        .unwrap_or_default()
}
