//! A small handwritten feed for unit tests, file by file, so a test can
//! break one file and check the reason given.

#![allow(dead_code)]

use machi_transit::{FeedFiles, GtfsError, Timetable};

/// A town with a station (two poles), a hospital, a park and a far hill:
/// route R (駅線) on weekdays, route Q (丘線) from the hospital on; T2 runs
/// after midnight (24:30); zone fares Z1→Z2 ¥300, within Z2 ¥200.
pub fn base() -> Vec<(&'static str, String)> {
    vec![
        ("agency.txt", "agency_id,agency_name,agency_url,agency_timezone\nA,テストバス,http://example.jp,Asia/Tokyo\n".into()),
        ("stops.txt", "stop_id,stop_name,stop_lat,stop_lon,location_type,parent_station,zone_id\n\
            S,駅,36.0000,140.0000,1,,\n\
            S1,駅,36.0000,140.0000,0,S,Z1\n\
            S2,駅,36.0003,140.0000,0,S,Z1\n\
            B,病院,36.0100,140.0000,0,,Z2\n\
            B2,病院東,36.0100,140.0020,0,,Z2\n\
            C,公園,36.0200,140.0000,0,,Z2\n\
            D,丘,36.0500,140.0000,0,,Z2\n".into()),
        ("routes.txt", "route_id,agency_id,route_short_name,route_long_name,route_type\nR,A,1,駅線,3\nQ,A,,丘線,3\n".into()),
        ("trips.txt", "route_id,service_id,trip_id,trip_headsign\nR,WD,T1,公園行\nR,WD,T2,\nQ,WD,T3,\nQ,WD,T4,\n".into()),
        ("stop_times.txt", "trip_id,arrival_time,departure_time,stop_id,stop_sequence\n\
            T1,8:00:00,8:00:00,S1,1\n\
            T1,8:10:00,8:10:00,B,2\n\
            T1,8:20:00,8:20:00,C,3\n\
            T2,24:30:00,24:30:00,S1,1\n\
            T2,24:45:00,24:45:00,C,2\n\
            T3,8:11:00,8:11:00,B2,1\n\
            T3,8:30:00,8:30:00,D,2\n\
            T4,8:15:00,8:15:00,B2,1\n\
            T4,8:40:00,8:40:00,D,2\n".into()),
        ("calendar.txt", "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\nWD,1,1,1,1,1,0,0,20240101,20241231\n".into()),
        ("fare_attributes.txt", "fare_id,price,currency_type,payment_method,transfers\nF1,300,JPY,0,0\nF2,200,JPY,0,0\n".into()),
        ("fare_rules.txt", "fare_id,route_id,origin_id,destination_id\nF1,,Z1,Z2\nF2,,Z2,Z2\n".into()),
    ]
}

/// The base feed with `file` replaced (or removed when `text` is `None`).
pub fn with(file: &str, text: Option<&str>) -> Vec<(&'static str, String)> {
    let mut f: Vec<_> = base().into_iter().filter(|(n, _)| *n != file).collect();
    if let Some(t) = text {
        let name = base()
            .iter()
            .map(|(n, _)| *n)
            .find(|n| *n == file)
            .unwrap_or("translations.txt");
        f.push((name, t.to_string()));
    }
    f
}

/// Reads a feed given as (name, text) pairs.
pub fn read(files: &[(&str, String)]) -> Result<Timetable, GtfsError> {
    let files: FeedFiles = files
        .iter()
        .map(|(n, t)| (*n, t.as_bytes().to_vec()))
        .collect();
    Timetable::from_files(&files)
}
