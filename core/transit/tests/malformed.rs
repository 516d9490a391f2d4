//! Malformed feeds are rejected with `file:line: reason`; tolerated quirks
//! are read.

mod common;
use common::{base, read, with};
use machi_common::Lang;

fn err(files: Vec<(&'static str, String)>) -> String {
    read(&files)
        .expect_err("the feed must be rejected")
        .to_string()
}

#[test]
fn the_base_feed_reads() {
    let tt = read(&base()).unwrap();
    assert_eq!(tt.connections.len(), 5);
    assert_eq!(tt.trips[0].headsign.get(Lang::Ja), "公園行");
    // No headsign and no routes_jp: the last stop's name.
    assert_eq!(tt.trips[1].headsign.get(Lang::Ja), "公園");
    assert_eq!(tt.routes[0].display_name(Lang::En), "1");
    assert_eq!(tt.routes[1].display_name(Lang::En), "丘線");
    // Zone pairs: Z1 → Z2 ¥300, Z2 → Z2 ¥200, Z2 → Z1 not in the rules.
    let s = |id| tt.stop_by_id(id).unwrap();
    assert_eq!(tt.fare_for(0, s("S1"), s("C")).map(|f| f.price), Some(300));
    assert_eq!(tt.fare_for(0, s("B"), s("C")).map(|f| f.price), Some(200));
    assert_eq!(tt.fare_for(0, s("C"), s("S1")), None);
}

#[test]
fn missing_files_and_columns() {
    assert_eq!(
        err(with("stops.txt", None)),
        "stops.txt: required file is missing"
    );
    assert_eq!(
        err(with("stop_times.txt", None)),
        "stop_times.txt: required file is missing"
    );
    assert_eq!(
        err(with("calendar.txt", None)),
        "calendar.txt: required file is missing"
    );
    assert_eq!(
        err(with(
            "stops.txt",
            Some("stop_id,stop_name,stop_lon\nS1,駅,140.0\n")
        )),
        "stops.txt: required column stop_lat is missing"
    );
    assert_eq!(
        err(with(
            "stop_times.txt",
            Some("trip_id,arrival_time,stop_id,stop_sequence\n")
        )),
        "stop_times.txt: required column departure_time is missing"
    );
}

#[test]
fn bad_values_name_the_line() {
    let st = |row: &str| {
        let text = base()[4].1.replacen("T1,8:10:00,8:10:00,B,2", row, 1);
        err(with("stop_times.txt", Some(&text)))
    };
    assert_eq!(
        st("T1,8:1:00,8:10:00,B,2"),
        "stop_times.txt:3: arrival_time \"8:1:00\" is not a time H:MM:SS"
    );
    assert_eq!(
        st("T1,8:10:00,8:10:00,X,2"),
        "stop_times.txt:3: stop_id \"X\" is not defined in stops.txt"
    );
    assert_eq!(
        st("T9,8:10:00,8:10:00,B,2"),
        "stop_times.txt:3: trip_id \"T9\" is not defined in trips.txt"
    );
    assert_eq!(
        st("T1,7:50:00,7:50:00,B,2"),
        "stop_times.txt:3: stop times not increasing: arrives at stop_sequence 2 before it left stop_sequence 1"
    );
    assert_eq!(
        st("T1,8:10:00,8:10:00,B,1"),
        "stop_times.txt:3: stop times not increasing: stop_sequence 1 repeats"
    );
    assert_eq!(
        st("T1,8:10:00,8:09:00,B,2"),
        "stop_times.txt:3: stop times not increasing: departure_time is before arrival_time"
    );
    assert!(st("T1,8:10:00,8:10:00,S,2")
        .starts_with("stop_times.txt:3: stop_id \"S\" is not a stop or pole"));

    let trips = base()[3].1.replace("R,WD,T2,", "R,XX,T2,");
    assert_eq!(
        err(with("trips.txt", Some(&trips))),
        "trips.txt:3: service_id \"XX\" is not defined in calendar.txt or calendar_dates.txt"
    );
    let trips = base()[3].1.replace("R,WD,T2,", "Z,WD,T2,");
    assert_eq!(
        err(with("trips.txt", Some(&trips))),
        "trips.txt:3: route_id \"Z\" is not defined in routes.txt"
    );
    let trips = base()[3].1.replace("R,WD,T2,", "R,WD,T1,");
    assert_eq!(
        err(with("trips.txt", Some(&trips))),
        "trips.txt:3: trip_id \"T1\" is defined twice"
    );

    let cal = base()[5].1.replace("20241231", "2024-12-31");
    assert_eq!(
        err(with("calendar.txt", Some(&cal))),
        "calendar.txt:2: end_date \"2024-12-31\" is not a date YYYYMMDD"
    );
    let stops = base()[1].1.replace("36.0100,140.0000", "96.0100,140.0000");
    assert!(err(with("stops.txt", Some(&stops))).starts_with("stops.txt:5: stop_lat/stop_lon"));
    let stops = base()[1].1.replace("0,S,Z1\nS2", "0,Y,Z1\nS2");
    assert_eq!(
        err(with("stops.txt", Some(&stops))),
        "stops.txt:3: parent_station \"Y\" is not defined in stops.txt"
    );
    let rules = "fare_id,route_id,origin_id,destination_id\nF1,,Z9,Z2\n";
    assert_eq!(
        err(with("fare_rules.txt", Some(rules))),
        "fare_rules.txt:2: origin_id \"Z9\" is not defined in stops.txt (zone_id)"
    );
    let fares = "fare_id,price,currency_type\nF1,abc,JPY\nF2,200,JPY\n";
    assert_eq!(
        err(with("fare_attributes.txt", Some(fares))),
        "fare_attributes.txt:2: price \"abc\" is not a price in whole units"
    );
    assert!(err(with(
        "stops.txt",
        Some("stop_id,stop_name,stop_lat,stop_lon\n\"S1,駅,1,1\n")
    ))
    .starts_with("stops.txt"));
}

#[test]
fn shift_jis_is_named_with_its_line() {
    // 駅 in Shift_JIS is 0x89 0x77.
    let mut f: Vec<(&str, Vec<u8>)> = common::base()
        .into_iter()
        .map(|(n, t)| (n, t.into_bytes()))
        .collect();
    let stops = &mut f[1].1;
    *stops =
        b"stop_id,stop_name,stop_lat,stop_lon\nS1,A,36.0,140.0\nS2,\x89\x77,36.0,140.0\n".to_vec();
    let files: machi_transit::FeedFiles = f.into_iter().collect();
    let e = machi_transit::Timetable::from_files(&files).unwrap_err();
    assert_eq!(e.file, "stops.txt");
    assert_eq!(e.line, Some(3));
    assert!(e.to_string().contains("not UTF-8"), "{e}");
}

#[test]
fn quirks_are_tolerated() {
    // BOM, CRLF, columns in another order, unknown columns, padding spaces.
    let stops = "\u{feff}zone_id,stop_lon,extra,stop_lat,stop_name,stop_id,parent_station,location_type\r\n\
        ,140.0000,x,36.0000,駅,S,,1\r\n\
        Z1,140.0000,x,36.0000,駅,S1,S,0\r\n\
        Z1,140.0000,x,36.0003,駅,S2,S,\r\n\
        Z2, 140.0000 ,x,36.0100,病院,B,,0\r\n\
        Z2,140.0020,x,36.0100,病院東,B2,,0\r\n\
        Z2,140.0000,x,36.0200,公園,C,,0\r\n\
        Z2,140.0000,x,36.0500,丘,D,,0\r\n";
    let tt = read(&with("stops.txt", Some(stops))).unwrap();
    assert_eq!(tt, read(&base()).unwrap());
    // Calendar dates alone define a service; dates outside any range apply.
    let mut f = with("calendar.txt", None);
    f.push((
        "calendar_dates.txt",
        "service_id,date,exception_type\nWD,20300102,1\n".into(),
    ));
    let tt = read(&f).unwrap();
    let d = chrono::NaiveDate::from_ymd_opt(2030, 1, 2).unwrap();
    assert_eq!(tt.services_on(d, Default::default()), [true]);
    // Untimed intermediate stops are interpolated.
    let st = base()[4].1.replace("T1,8:10:00,8:10:00,B,2", "T1,,,B,2");
    let tt = read(&with("stop_times.txt", Some(&st))).unwrap();
    let c = tt
        .connections
        .iter()
        .find(|c| tt.trips[c.trip as usize].id == "T1" && c.seq == 1)
        .unwrap();
    assert_eq!(c.dep, 8 * 3600 + 600);
}

#[test]
fn current_layout_translations_and_chinese_aliases() {
    let mut f = base();
    f.push((
        "translations.txt",
        "table_name,field_name,language,translation,record_id,record_sub_id,field_value\n\
         stops,stop_name,en,Station,,,駅\n\
         stops,stop_name,zh-TW,車站,,,駅\n\
         stops,stop_name,zh-CN,车站,,,駅\n\
         stops,stop_name,ko,역,,,駅\n\
         stops,stop_name,ja-Hrkt,えき,,,駅\n\
         stops,stop_name,en,Hospital,B,,\n\
         trips,trip_headsign,en,For the park,T1,,\n"
            .into(),
    ));
    let tt = read(&f).unwrap();
    let s1 = &tt.stops[tt.stop_by_id("S1").unwrap() as usize].name;
    assert_eq!(
        [Lang::En, Lang::ZhHant, Lang::ZhHans, Lang::Ko].map(|l| s1.get(l)),
        ["Station", "車站", "车站", "역"]
    );
    assert_eq!(s1.kana.as_deref(), Some("えき"));
    assert_eq!(
        tt.stops[tt.stop_by_id("B").unwrap() as usize]
            .name
            .get(Lang::En),
        "Hospital"
    );
    assert_eq!(
        tt.stops[tt.stop_by_id("B2").unwrap() as usize]
            .name
            .get(Lang::En),
        "病院東"
    );
    assert_eq!(tt.trips[0].headsign.get(Lang::En), "For the park");
}

/// GTFS-JP exports are usually CRLF, often with a BOM: a bad value is still
/// reported on its physical line (the csv crate's own count runs one low there).
#[test]
fn crlf_and_bom_files_name_the_physical_line() {
    let lf = base()[4]
        .1
        .replacen("T1,8:10:00,8:10:00,B,2", "T1,8:1:00,8:10:00,B,2", 1);
    let crlf = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
    assert_eq!(
        err(with("stop_times.txt", Some(&crlf))),
        err(with("stop_times.txt", Some(&lf)))
    );
    assert!(err(with("stop_times.txt", Some(&crlf))).starts_with("stop_times.txt:3: "));
}
