//! `fare_attributes.txt` and `fare_rules.txt`: flat fares per route and
//! origin/destination zone pairs. Both files are optional; a rule must name
//! a known fare, route and zone.

use std::collections::HashMap;

use super::parse::At;
use super::table::{read_rows, FareAttributeRow, FareRuleRow};
use super::FeedFiles;
use crate::error::{GtfsError, GtfsErrorKind};
use crate::timetable::{Fare, FareRule};

const FA: &str = "fare_attributes.txt";
const FR: &str = "fare_rules.txt";

pub(crate) fn read(
    files: &FeedFiles,
    route_ix: &HashMap<String, u32>,
    zone_ix: &HashMap<String, u32>,
) -> Result<(Vec<Fare>, Vec<FareRule>), GtfsError> {
    let mut fares = Vec::new();
    let mut fare_ix = HashMap::new();
    if let Some(bytes) = files.get(FA) {
        for (line, r) in
            read_rows::<FareAttributeRow>(FA, bytes, &["fare_id", "price", "currency_type"])?
        {
            let at = At { file: FA, line };
            let id = at.req("fare_id", &r.fare_id)?.to_string();
            let price = at.price("price", at.req("price", &r.price)?)?;
            let currency = at.req("currency_type", &r.currency_type)?.to_string();
            // transfers / transfer_duration are read for validity only: a
            // journey pays per ride (see `search`), which is what every
            // Japanese community bus charges.
            if let Some(t) = r.transfers.as_deref() {
                at.uint("transfers", t)?;
            }
            if let Some(t) = r.transfer_duration.as_deref() {
                at.uint("transfer_duration", t)?;
            }
            if fare_ix.insert(id.clone(), fares.len() as u32).is_some() {
                return Err(at.err(GtfsErrorKind::Duplicate {
                    column: "fare_id".into(),
                    value: id,
                }));
            }
            fares.push(Fare {
                id,
                price,
                currency,
            });
        }
    }
    let mut rules = Vec::new();
    if let Some(bytes) = files.get(FR) {
        for (line, r) in read_rows::<FareRuleRow>(FR, bytes, &["fare_id"])? {
            let at = At { file: FR, line };
            let find = |map: &HashMap<String, u32>, col: &str, v: &Option<String>, target| {
                v.as_deref()
                    .map(|v| {
                        map.get(v).copied().ok_or_else(|| {
                            at.err(GtfsErrorKind::UnknownReference {
                                column: col.to_string(),
                                value: v.to_string(),
                                target,
                            })
                        })
                    })
                    .transpose()
            };
            let fare = find(&fare_ix, "fare_id", &r.fare_id, FA)?
                .ok_or_else(|| at.err(GtfsErrorKind::Empty("fare_id".into())))?;
            rules.push(FareRule {
                fare,
                route: find(route_ix, "route_id", &r.route_id, "routes.txt")?,
                origin: find(zone_ix, "origin_id", &r.origin_id, "stops.txt (zone_id)")?,
                destination: find(
                    zone_ix,
                    "destination_id",
                    &r.destination_id,
                    "stops.txt (zone_id)",
                )?,
            });
        }
    }
    Ok((fares, rules))
}
