//! Rows to a [`Timetable`]: every value parsed, every reference resolved,
//! every trip's stop times checked, then the connections laid out.

use std::collections::HashMap;

use machi_common::{GeoError, GeoPoint};

use super::parse::At;
use super::table::*;
use super::translations::Translations;
use super::FeedFiles;
use crate::error::{GtfsError, GtfsErrorKind};
use crate::timetable::*;

/// Index by id, rejecting duplicates.
fn index(
    file: &str,
    column: &str,
    ids: impl Iterator<Item = (u64, String)>,
) -> Result<HashMap<String, u32>, GtfsError> {
    let mut map = HashMap::new();
    for (i, (line, id)) in ids.enumerate() {
        if map.insert(id.clone(), i as u32).is_some() {
            return Err(GtfsError::at(
                file,
                line,
                GtfsErrorKind::Duplicate {
                    column: column.to_string(),
                    value: id,
                },
            ));
        }
    }
    Ok(map)
}

fn lookup(
    at: At,
    map: &HashMap<String, u32>,
    column: &str,
    id: &str,
    target: &'static str,
) -> Result<u32, GtfsError> {
    map.get(id).copied().ok_or_else(|| {
        at.err(GtfsErrorKind::UnknownReference {
            column: column.to_string(),
            value: id.to_string(),
            target,
        })
    })
}

fn rows<T: serde::de::DeserializeOwned>(
    files: &FeedFiles,
    file: &'static str,
    required: &[&str],
    optional: bool,
) -> Result<Vec<Lined<T>>, GtfsError> {
    match files.get(file) {
        Some(bytes) => read_rows(file, bytes, required),
        None if optional => Ok(Vec::new()),
        None => Err(GtfsError::file(file, GtfsErrorKind::MissingFile)),
    }
}

pub(crate) fn build(files: &FeedFiles) -> Result<Timetable, GtfsError> {
    let tr = match files.get("translations.txt") {
        Some(b) => Translations::read(b)?,
        None => Translations::default(),
    };

    // agency.txt + agency_jp.txt
    const AG: &str = "agency.txt";
    let ag_rows: Vec<Lined<AgencyRow>> = rows(
        files,
        AG,
        &["agency_name", "agency_url", "agency_timezone"],
        false,
    )?;
    let mut agencies = Vec::new();
    for (line, r) in &ag_rows {
        let at = At {
            file: AG,
            line: *line,
        };
        let id = r.agency_id.clone().unwrap_or_default();
        let name = at.req("agency_name", &r.agency_name)?;
        agencies.push(Agency {
            name: tr.name("agency", "agency_name", &id, "", name),
            id,
            url: at.req("agency_url", &r.agency_url)?.to_string(),
            timezone: at.req("agency_timezone", &r.agency_timezone)?.to_string(),
            phone: r.agency_phone.clone(),
            lang: r.agency_lang.clone(),
            official_name: None,
            zip: None,
            address: None,
        });
    }
    let agency_ix = index(
        AG,
        "agency_id",
        ag_rows
            .iter()
            .zip(&agencies)
            .map(|((l, _), a)| (*l, a.id.clone())),
    )?;
    const AGJ: &str = "agency_jp.txt";
    for (line, r) in rows::<AgencyJpRow>(files, AGJ, &["agency_id"], true)? {
        let at = At { file: AGJ, line };
        let a = lookup(
            at,
            &agency_ix,
            "agency_id",
            at.req("agency_id", &r.agency_id)?,
            AG,
        )?;
        if let Some(a) = agencies.get_mut(a as usize) {
            a.official_name = r.agency_official_name;
            a.zip = r.agency_zip_number;
            a.address = r.agency_address;
        }
    }

    // stops.txt
    const ST: &str = "stops.txt";
    let st_rows: Vec<Lined<StopRow>> = rows(
        files,
        ST,
        &["stop_id", "stop_name", "stop_lat", "stop_lon"],
        false,
    )?;
    let stop_ix = index(
        ST,
        "stop_id",
        st_rows
            .iter()
            .map(|(l, r)| (*l, r.stop_id.clone().unwrap_or_default())),
    )?;
    let mut zones: Vec<String> = Vec::new();
    let mut zone_ix: HashMap<String, u32> = HashMap::new();
    let mut stops = Vec::with_capacity(st_rows.len());
    for (line, r) in &st_rows {
        let at = At {
            file: ST,
            line: *line,
        };
        let id = at.req("stop_id", &r.stop_id)?.to_string();
        let kind = match at.small("location_type", &r.location_type, 4)? {
            0 => StopKind::Stop,
            1 => StopKind::Station,
            _ => StopKind::Other,
        };
        let name = r.stop_name.as_deref().unwrap_or("");
        if name.is_empty() && kind != StopKind::Other {
            return Err(at.err(GtfsErrorKind::Empty("stop_name".into())));
        }
        let lat = at.degree("stop_lat", at.req("stop_lat", &r.stop_lat)?)?;
        let lon = at.degree("stop_lon", at.req("stop_lon", &r.stop_lon)?)?;
        let point = GeoPoint::new(lat, lon).map_err(|e: GeoError| {
            at.err(GtfsErrorKind::BadValue {
                column: "stop_lat/stop_lon".into(),
                value: format!("{lat},{lon}"),
                expected: match e {
                    GeoError::OutOfRange { .. } => "a coordinate in range",
                    GeoError::Syntax(_) => "a coordinate",
                },
            })
        })?;
        let parent = match r.parent_station.as_deref() {
            Some(p) => Some(lookup(at, &stop_ix, "parent_station", p, ST)?),
            None => None,
        };
        let zone = r.zone_id.as_ref().map(|z| {
            let next = zones.len() as u32;
            *zone_ix.entry(z.clone()).or_insert_with(|| {
                zones.push(z.clone());
                next
            })
        });
        stops.push(Stop {
            name: tr.name("stops", "stop_name", &id, "", name),
            id,
            point,
            kind,
            parent,
            zone,
            platform: r.platform_code.clone(),
        });
    }

    // routes.txt + routes_jp.txt
    const RT: &str = "routes.txt";
    let rt_rows: Vec<Lined<RouteRow>> = rows(files, RT, &["route_id", "route_type"], false)?;
    let route_ix = index(
        RT,
        "route_id",
        rt_rows
            .iter()
            .map(|(l, r)| (*l, r.route_id.clone().unwrap_or_default())),
    )?;
    let mut routes = Vec::with_capacity(rt_rows.len());
    for (line, r) in rt_rows {
        let at = At { file: RT, line };
        let id = at.req("route_id", &r.route_id)?.to_string();
        let agency = match r.agency_id.as_deref() {
            Some(a) => lookup(at, &agency_ix, "agency_id", a, AG)?,
            None => 0,
        };
        let short = r.route_short_name.unwrap_or_default();
        let long = r.route_long_name.unwrap_or_default();
        if short.is_empty() && long.is_empty() {
            return Err(at.err(GtfsErrorKind::Empty(
                "route_short_name and route_long_name".into(),
            )));
        }
        let rtype = at.uint("route_type", at.req("route_type", &r.route_type)?)?;
        routes.push(Route {
            short_name: tr.name("routes", "route_short_name", &id, "", &short),
            long_name: tr.name("routes", "route_long_name", &id, "", &long),
            id,
            agency,
            route_type: u16::try_from(rtype).unwrap_or(u16::MAX),
            parent_route_id: r.jp_parent_route_id,
            origin: None,
            via: None,
            destination: None,
        });
    }
    const RJ: &str = "routes_jp.txt";
    for (line, r) in rows::<RouteJpRow>(files, RJ, &["route_id"], true)? {
        let at = At { file: RJ, line };
        let ri = lookup(
            at,
            &route_ix,
            "route_id",
            at.req("route_id", &r.route_id)?,
            RT,
        )?;
        let name = |f: &str, v: Option<String>| v.map(|v| tr.name_of_text("routes_jp", f, &v));
        if let Some(route) = routes.get_mut(ri as usize) {
            route.origin = name("origin_stop", r.origin_stop);
            route.via = name("via_stop", r.via_stop);
            route.destination = name("destination_stop", r.destination_stop);
        }
    }

    let (services, service_ix, exception_dates) = super::services::read(files)?;

    // trips.txt
    const TR: &str = "trips.txt";
    let tr_rows: Vec<Lined<TripRow>> =
        rows(files, TR, &["route_id", "service_id", "trip_id"], false)?;
    let trip_ix = index(
        TR,
        "trip_id",
        tr_rows
            .iter()
            .map(|(l, r)| (*l, r.trip_id.clone().unwrap_or_default())),
    )?;
    let mut trips = Vec::with_capacity(tr_rows.len());
    for (line, r) in tr_rows {
        let at = At { file: TR, line };
        let id = at.req("trip_id", &r.trip_id)?.to_string();
        let route = lookup(
            at,
            &route_ix,
            "route_id",
            at.req("route_id", &r.route_id)?,
            RT,
        )?;
        let service = lookup(
            at,
            &service_ix,
            "service_id",
            at.req("service_id", &r.service_id)?,
            "calendar.txt or calendar_dates.txt",
        )?;
        let headsign = match r.trip_headsign {
            Some(h) => tr.name("trips", "trip_headsign", &id, "", &h),
            None => Name::default(),
        };
        trips.push(Trip {
            id,
            route,
            service,
            headsign,
        });
    }

    let connections =
        super::stop_times::read(files, &stop_ix, &trip_ix, &mut trips, &stops, &routes, &tr)?;

    let (fares, fare_rules) = super::fares::read(files, &route_ix, &zone_ix)?;

    // feed_info.txt
    const FI: &str = "feed_info.txt";
    let mut feed = None;
    for (line, r) in rows::<FeedInfoRow>(files, FI, &["feed_publisher_name"], true)? {
        let at = At { file: FI, line };
        let date = |c: &str, v: &Option<String>| v.as_deref().map(|d| at.date(c, d)).transpose();
        feed = Some(FeedMeta {
            publisher: at
                .req("feed_publisher_name", &r.feed_publisher_name)?
                .to_string(),
            url: r.feed_publisher_url.unwrap_or_default(),
            lang: r.feed_lang.unwrap_or_default(),
            start: date("feed_start_date", &r.feed_start_date)?,
            end: date("feed_end_date", &r.feed_end_date)?,
            version: r.feed_version,
        });
    }

    Ok(Timetable {
        format: BLOB_FORMAT,
        agencies,
        feed,
        stops,
        routes,
        trips,
        services,
        exception_dates,
        connections,
        fares,
        fare_rules,
        zones,
    })
}
