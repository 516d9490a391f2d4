//! The connection scan itself.
//!
//! Labels are immutable nodes in an arena, each pointing to the node it was
//! reached from, so a journey read back after the scan is exactly the one
//! that produced its label, however the labels changed meanwhile.
//!
//! Trips running past midnight: the scan merges the connections of the day
//! before, the day itself and the day after, each shifted by a day, and
//! keeps a trip of each day apart. Internally times count from midnight of
//! the day before ([`DAY`] is added to the query time).

use chrono::Days;

use super::legs::Node;
use super::legs::{self, NodeKind};
use super::{Query, Router, SearchError};
use crate::timetable::Connection;

/// Seconds in a day.
pub(crate) const DAY: u32 = 86_400;
const NONE: u32 = u32::MAX;

/// The best way known to be at a stop: (time, node).
#[derive(Clone, Copy)]
struct Label {
    time: u32,
    node: u32,
}

const UNREACHED: Label = Label {
    time: u32::MAX,
    node: NONE,
};

/// The best arrival known at one target: (time, rides, node, egress stop
/// or `None` for the direct walk).
type Best = Option<(u32, u32, u32, Option<u32>)>;

/// Earliest arrival at each of `targets` from `q.from` at `q.time`
/// (`q.to` is ignored); the journeys read back in `q.lang`.
pub(crate) fn earliest_arrivals(
    r: &Router<'_>,
    q: &Query,
    targets: &[super::Place],
) -> Result<Vec<Option<super::Journey>>, SearchError> {
    let tt = r.timetable();
    let p = r.params();
    let access = r.access(&q.from)?;
    let n = tt.stops.len();
    let t0 = q.time.saturating_add(DAY);

    // Per stop: (target, walk seconds, metres) for each target within reach.
    let mut egress: Vec<Vec<(u32, u32, u32)>> = vec![Vec::new(); n];
    for (ti, target) in targets.iter().enumerate() {
        for (s, secs, m) in r.access(target)? {
            if let Some(e) = egress.get_mut(s as usize) {
                e.push((ti as u32, secs, m));
            }
        }
    }

    let mut nodes: Vec<Node> = Vec::new();
    let mut arr = vec![UNREACHED; n];
    let mut ready = vec![UNREACHED; n];
    let mut best: Vec<Best> = vec![None; targets.len()];

    let from = r.point(&q.from)?;
    for (ti, target) in targets.iter().enumerate() {
        if let Some((secs, m)) = r.walk(&from, &r.point(target)?) {
            nodes.push(Node {
                parent: NONE,
                rides: 0,
                kind: NodeKind::Direct { secs, metres: m },
            });
            best[ti] = Some((t0 + secs, 0, nodes.len() as u32 - 1, None));
        }
    }
    // The scan may stop once every target is reached and no later
    // connection can improve any of them.
    let horizon = |best: &[Best]| best.iter().try_fold(0u32, |m, b| b.map(|b| m.max(b.0)));
    for &(s, secs, m) in &access {
        let time = t0 + secs;
        let Some(l) = ready.get_mut(s as usize) else {
            continue;
        };
        if time < l.time {
            nodes.push(Node {
                parent: NONE,
                rides: 0,
                kind: NodeKind::Walk {
                    from: None,
                    to: s,
                    secs,
                    metres: m,
                },
            });
            *l = Label {
                time,
                node: nodes.len() as u32 - 1,
            };
        }
    }

    let days = [
        q.date.checked_sub_days(Days::new(1)),
        Some(q.date),
        q.date.checked_add_days(Days::new(1)),
    ];
    let active: Vec<Vec<bool>> = days
        .iter()
        .map(|d| {
            d.map(|d| tt.services_on(d, p.calendar))
                .unwrap_or_else(|| vec![false; tt.services.len()])
        })
        .collect();
    let conns = &tt.connections;
    let nt = tt.trips.len();
    // Per (day, trip): (boarding connection, node boarded from), or NONE.
    let mut boarded = vec![(NONE, NONE); 3 * nt];
    let mut cursor: [usize; 3] = [0; 3];
    for (k, c) in cursor.iter_mut().enumerate() {
        let off = k as u32 * DAY;
        *c = conns.partition_point(|x| x.dep + off < t0);
    }

    loop {
        // The next connection in time over the three days.
        let mut pick: Option<(usize, u32)> = None;
        for (k, &at) in cursor.iter().enumerate() {
            if let Some(c) = conns.get(at) {
                let dep = c.dep + k as u32 * DAY;
                if pick.is_none_or(|(_, d)| dep < d) {
                    pick = Some((k, dep));
                }
            }
        }
        let Some((k, dep)) = pick else { break };
        if horizon(&best).is_some_and(|h| dep > h) {
            break;
        }
        let ci = cursor[k];
        cursor[k] += 1;
        let c: &Connection = &conns[ci];
        let ti = c.trip as usize;
        let runs = tt
            .trips
            .get(ti)
            .and_then(|t| active[k].get(t.service as usize))
            .copied()
            .unwrap_or(false);
        if !runs {
            continue;
        }
        let (from, to) = (c.from as usize, c.to as usize);
        let (Some(slot), Some(at_from)) =
            (boarded.get(k * nt + ti).copied(), ready.get(from).copied())
        else {
            continue;
        };
        let (enter, parent) = if slot.0 != NONE {
            slot
        } else if c.pickup && at_from.time <= dep {
            let s = (ci as u32, at_from.node);
            boarded[k * nt + ti] = s;
            s
        } else {
            continue;
        };
        if !c.drop_off || to >= n {
            continue;
        }
        let time = c.arr + k as u32 * DAY;
        let rides = nodes.get(parent as usize).map_or(0, |p| p.rides) + 1;
        let cur = arr[to];
        let cur_rides = nodes.get(cur.node as usize).map_or(u32::MAX, |p| p.rides);
        if time > cur.time || (time == cur.time && rides >= cur_rides) {
            continue;
        }
        nodes.push(Node {
            parent,
            rides,
            kind: NodeKind::Ride {
                enter,
                exit: ci as u32,
                day: k as u8,
            },
        });
        let node = nodes.len() as u32 - 1;
        arr[to] = Label { time, node };
        for &(ti, secs, _) in &egress[to] {
            let t = time + secs;
            if let Some(b) = best.get_mut(ti as usize) {
                if b.is_none_or(|b| t < b.0 || (t == b.0 && rides < b.1)) {
                    *b = Some((t, rides, node, Some(to as u32)));
                }
            }
        }
        // Change here, or walk to another stop and change there.
        let improve = |ready: &mut Vec<Label>,
                       nodes: &mut Vec<Node>,
                       s: u32,
                       t: u32,
                       walk: Option<(u32, u32)>| {
            let Some(l) = ready.get_mut(s as usize) else {
                return;
            };
            let lr = nodes.get(l.node as usize).map_or(u32::MAX, |p| p.rides);
            if t < l.time || (t == l.time && rides < lr) {
                let id = match walk {
                    None => node,
                    Some((secs, metres)) => {
                        nodes.push(Node {
                            parent: node,
                            rides,
                            kind: NodeKind::Walk {
                                from: Some(to as u32),
                                to: s,
                                secs,
                                metres,
                            },
                        });
                        nodes.len() as u32 - 1
                    }
                };
                *l = Label { time: t, node: id };
            }
        };
        improve(
            &mut ready,
            &mut nodes,
            to as u32,
            time + p.min_transfer_s,
            None,
        );
        if let Some(paths) = r.footpaths.get(to) {
            for &(s, secs, m) in paths {
                improve(
                    &mut ready,
                    &mut nodes,
                    s,
                    time + secs.max(p.min_transfer_s),
                    Some((secs, m)),
                );
            }
        }
    }

    Ok(best
        .iter()
        .enumerate()
        .map(|(ti, b)| {
            let (_, _, node, stop) = (*b)?;
            let walk = stop.and_then(|s| {
                let e = egress.get(s as usize)?.iter().find(|e| e.0 == ti as u32)?;
                Some((s, (e.1, e.2)))
            });
            legs::journey(r, q, &nodes, node, walk, DAY)
        })
        .collect())
}
