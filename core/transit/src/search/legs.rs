//! Journeys as legs: the search's nodes read back into walks and rides with
//! names in the reader's language, exact times and fares.

use machi_common::Lang;
use serde::{Deserialize, Serialize};

use super::{Query, Router};
use crate::timetable::Timetable;

/// How a node was reached (crate-internal: the search's arena).
#[derive(Debug, Clone, Copy)]
pub(crate) enum NodeKind {
    /// Walked straight from the start to the destination.
    Direct { secs: u32, metres: u32 },
    /// Walked from the start (`from: None`) or from a stop to stop `to`.
    Walk {
        from: Option<u32>,
        to: u32,
        secs: u32,
        metres: u32,
    },
    /// Rode one trip from connection `enter` to connection `exit` (indices
    /// into the timetable's connections), of the day `day` (0 = the day before).
    Ride { enter: u32, exit: u32, day: u8 },
}

/// A label of the search: how and when a stop was reached.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Node {
    pub parent: u32,
    pub rides: u32,
    pub kind: NodeKind,
}

/// A walk: from the start or a stop, to a stop or the destination.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WalkLeg {
    /// The stop walked from (`None`: the journey's start).
    pub from: Option<u32>,
    /// The stop walked to (`None`: the journey's destination).
    pub to: Option<u32>,
    /// When the walk starts, seconds after midnight of the query's date.
    pub depart: u32,
    /// When it ends.
    pub arrive: u32,
    /// Walking minutes, rounded up.
    pub minutes: u32,
    /// Estimated walking distance in metres (straight line × detour factor).
    pub metres: u32,
}

/// A ride on one trip.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RideLeg {
    /// Index into [`Timetable::trips`].
    pub trip: u32,
    /// Index into [`Timetable::routes`].
    pub route: u32,
    /// The route's name in the query's language (fallback Japanese).
    pub route_name: String,
    /// The trip's headsign in the query's language.
    pub headsign: String,
    /// The boarding stop (index into [`Timetable::stops`]).
    pub from_stop: u32,
    /// The boarding stop's name in the query's language.
    pub from_name: String,
    /// The alighting stop.
    pub to_stop: u32,
    /// The alighting stop's name in the query's language.
    pub to_name: String,
    /// Departure from `from_stop`, seconds after midnight of the query's date.
    pub depart: u32,
    /// Arrival at `to_stop`.
    pub arrive: u32,
    /// Stops travelled: the number of calls after boarding, the alighting one included.
    pub stops: u32,
    /// Seconds spent waiting at `from_stop` before departure.
    pub wait_s: u32,
    /// The fare in yen, when the feed's fare rules give one in JPY.
    pub fare_yen: Option<u32>,
}

/// One part of a journey.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Leg {
    /// On foot.
    Walk(WalkLeg),
    /// On a bus or train.
    Ride(RideLeg),
}

impl Leg {
    /// When the leg starts (seconds after midnight of the query's date).
    pub fn depart(&self) -> u32 {
        match self {
            Leg::Walk(w) => w.depart,
            Leg::Ride(r) => r.depart,
        }
    }

    /// When the leg ends.
    pub fn arrive(&self) -> u32 {
        match self {
            Leg::Walk(w) => w.arrive,
            Leg::Ride(r) => r.arrive,
        }
    }
}

/// A way from the query's start to its destination.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Journey {
    /// When to set off (seconds after midnight of the query's date): as
    /// late as still catches the first ride.
    pub depart: u32,
    /// When the destination is reached.
    pub arrive: u32,
    /// The legs in order; walks of zero length are left out.
    pub legs: Vec<Leg>,
    /// Rides minus one (0 for a single ride or a walk).
    pub transfers: u32,
    /// The sum of the rides' fares in yen; `None` when a ride's fare is unknown.
    pub fare_yen: Option<u32>,
}

/// Reads the journey ending at `node` (plus the final walk from `egress`)
/// back out of the arena; `shift` is subtracted from the internal times.
pub(crate) fn journey(
    r: &Router<'_>,
    q: &Query,
    nodes: &[Node],
    node: u32,
    egress: Option<(u32, (u32, u32))>,
    shift: u32,
) -> Option<Journey> {
    let tt = r.timetable();
    let mut chain = Vec::new();
    let mut at = node;
    // The arena only points backwards, so this ends; the bound guards the
    // arithmetic against a corrupt timetable all the same.
    while let Some(n) = nodes.get(at as usize) {
        chain.push(*n);
        if chain.len() > nodes.len() {
            return None;
        }
        at = n.parent;
    }
    chain.reverse();

    let mut legs: Vec<Leg> = Vec::new();
    for (i, n) in chain.iter().enumerate() {
        match n.kind {
            NodeKind::Direct { secs, metres } => {
                let depart = q.time;
                legs.push(walk(None, None, depart, secs, metres));
            }
            NodeKind::Walk {
                from,
                to,
                secs,
                metres,
            } => {
                // From the start, leave as late as catches the next ride;
                // between rides, walk on arrival.
                let depart = match (from, chain.get(i + 1)) {
                    (None, Some(next)) => ride_depart(tt, next, shift)?.saturating_sub(secs),
                    (None, None) => q.time,
                    (Some(_), _) => legs.last().map_or(q.time, Leg::arrive),
                };
                legs.push(walk(from, Some(to), depart, secs, metres));
            }
            NodeKind::Ride { enter, exit, day } => {
                legs.push(Leg::Ride(ride(tt, q.lang, enter, exit, day, shift)?));
            }
        }
    }
    if let Some((stop, (secs, metres))) = egress {
        let depart = legs.last().map_or(q.time, Leg::arrive);
        legs.push(walk(Some(stop), None, depart, secs, metres));
    }
    // Waits: the time between reaching a stop and the ride leaving it.
    for i in 1..legs.len() {
        let before = legs[i - 1].arrive();
        if let Leg::Ride(rl) = &mut legs[i] {
            rl.wait_s = rl.depart.saturating_sub(before);
        }
    }
    legs.retain(|l| !matches!(l, Leg::Walk(w) if w.metres == 0 && w.minutes == 0));
    let rides: Vec<&RideLeg> = legs
        .iter()
        .filter_map(|l| match l {
            Leg::Ride(r) => Some(r),
            Leg::Walk(_) => None,
        })
        .collect();
    let fare_yen = rides.iter().map(|r| r.fare_yen).sum::<Option<u32>>();
    let transfers = (rides.len() as u32).saturating_sub(1);
    Some(Journey {
        depart: legs.first().map_or(q.time, Leg::depart),
        arrive: legs.last().map_or(q.time, Leg::arrive),
        legs,
        transfers,
        fare_yen,
    })
}

fn walk(from: Option<u32>, to: Option<u32>, depart: u32, secs: u32, metres: u32) -> Leg {
    Leg::Walk(WalkLeg {
        from,
        to,
        depart,
        arrive: depart + secs,
        minutes: secs.div_ceil(60),
        metres,
    })
}

fn ride_depart(tt: &Timetable, n: &Node, shift: u32) -> Option<u32> {
    match n.kind {
        NodeKind::Ride { enter, day, .. } => {
            let c = tt.connections.get(enter as usize)?;
            (c.dep + u32::from(day) * shift).checked_sub(shift)
        }
        _ => None,
    }
}

fn ride(tt: &Timetable, lang: Lang, enter: u32, exit: u32, day: u8, shift: u32) -> Option<RideLeg> {
    let (a, b) = (
        tt.connections.get(enter as usize)?,
        tt.connections.get(exit as usize)?,
    );
    let trip = tt.trips.get(a.trip as usize)?;
    let route = tt.routes.get(trip.route as usize)?;
    let name = |s: u32| {
        tt.stops
            .get(s as usize)
            .map(|s| s.name.get(lang).to_string())
    };
    let off = u32::from(day) * shift;
    let fare = tt
        .fare_for(trip.route, a.from, b.to)
        .filter(|f| f.currency.eq_ignore_ascii_case("JPY"))
        .map(|f| f.price);
    Some(RideLeg {
        trip: a.trip,
        route: trip.route,
        route_name: route.display_name(lang).to_string(),
        headsign: trip.headsign.get(lang).to_string(),
        from_stop: a.from,
        from_name: name(a.from)?,
        to_stop: b.to,
        to_name: name(b.to)?,
        depart: (a.dep + off).checked_sub(shift)?,
        arrive: (b.arr + off).checked_sub(shift)?,
        stops: u32::from(b.seq.saturating_sub(a.seq)) + 1,
        wait_s: 0,
        fare_yen: fare,
    })
}
