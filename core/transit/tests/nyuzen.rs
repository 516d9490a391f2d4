//! The real feed of 入善町's community bus (CC0, see
//! `../shared/data/opendata/SOURCE.md`): every quirk of it read, and a real
//! trip found. Skips without the shared data unless MACHI_REQUIRE_DATA=1.

use chrono::NaiveDate;
use machi_common::{GeoPoint, Lang};
use machi_transit::{
    format_hhmm, is_public_holiday, CalendarOptions, FeedFiles, Leg, Place, Query, Router,
    SearchParams, StopKind, Timetable,
};

fn feed() -> Option<Timetable> {
    let dir = machi_common::testdata::shared_data("opendata/gtfs-jp/nyuzen-noran")?;
    Some(Timetable::from_dir(&dir).expect("the Nyuzen feed reads"))
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn every_file_and_quirk_is_read() {
    let Some(tt) = feed() else { return };
    assert_eq!(tt.stops.len(), 80);
    assert_eq!(
        tt.stops
            .iter()
            .filter(|s| s.kind == StopKind::Station)
            .count(),
        40
    );
    assert_eq!(tt.routes.len(), 6);
    assert_eq!(tt.trips.len(), 15);
    // 358 stop times in 15 trips: 343 hops.
    assert_eq!(tt.connections.len(), 358 - 15);
    assert!(tt.connections.windows(2).all(|w| w[0].dep <= w[1].dep));
    // Unpadded 6:10:00 is the first departure, 20:10:00 the last arrival.
    assert_eq!(tt.connections[0].dep, 6 * 3600 + 600);
    assert_eq!(
        tt.connections.iter().map(|c| c.arr).max(),
        Some(20 * 3600 + 600)
    );

    let agency = &tt.agencies[0];
    assert_eq!(agency.id, "8000020163422_1");
    assert_eq!(agency.official_name.as_deref(), Some("富山県入善町"));
    assert_eq!(agency.zip.as_deref(), Some("939-0693"));
    assert_eq!(
        agency.name.get(Lang::Ja),
        "入善町営バス「のらんマイ・カー」"
    );
    assert_eq!(agency.name.get(Lang::En), "noran my car");
    assert!(agency.name.kana.is_some());
    let feed = tt.feed.as_ref().unwrap();
    assert_eq!(feed.version.as_deref(), Some("2018v"));
    assert_eq!(feed.start, Some(date(2018, 8, 1)));

    // Old-layout translations, keyed by the Japanese text; kana kept apart.
    let station = tt.stop_by_id("1").unwrap() as usize;
    let pole = tt.stop_by_id("1_1").unwrap() as usize;
    assert_eq!(tt.stops[pole].parent, Some(station as u32));
    for s in [station, pole] {
        assert_eq!(tt.stops[s].name.get(Lang::Ja), "入善駅前");
        assert_eq!(tt.stops[s].name.get(Lang::En), "Nyuzen Ekimae(Nyuzen sta.)");
        assert_eq!(tt.stops[s].name.get(Lang::Ko), "入善駅前");
        assert_eq!(tt.stops[s].name.kana.as_deref(), Some("にゅうぜんえきまえ"));
    }
    assert!(tt.stops.iter().all(|s| s.name.text.get(Lang::En).is_some()));
    // The typo 朝夕新屋線系2 in the feed leaves route 2_1's long name untranslated.
    let r21 = &tt.routes[tt.routes.iter().position(|r| r.id == "2_1").unwrap()];
    assert_eq!(r21.long_name.text.get(Lang::En), None);
    assert_eq!(r21.parent_route_id.as_deref(), Some("朝夕新屋線系2"));
    let r11 = &tt.routes[tt.routes.iter().position(|r| r.id == "1_1").unwrap()];
    assert!(r11.long_name.text.get(Lang::En).is_some());
    assert_eq!(
        r11.destination.as_ref().unwrap().get(Lang::En),
        "Nyuzen Ekimae(Nyuzen sta.)"
    );

    // Every headsign is empty in the feed: each falls back to routes_jp's destination.
    for t in &tt.trips {
        let route = &tt.routes[t.route as usize];
        assert_eq!(Some(&t.headsign), route.destination.as_ref(), "{}", t.id);
    }

    // Services with full-width ～ in their ids; the flat 200 yen fare on every route.
    let ids: Vec<&str> = tt.services.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["月～日", "月～金"]);
    assert_eq!(tt.fares[0].price, 200);
    assert_eq!(tt.fare_rules.len(), 6);
    for (ri, _) in tt.routes.iter().enumerate() {
        assert_eq!(
            tt.fare_for(ri as u32, pole as u32, station as u32)
                .map(|f| f.price),
            Some(200)
        );
    }
}

#[test]
fn services_follow_calendar_dates_inside_and_outside_the_range() {
    let Some(tt) = feed() else { return };
    let opts = CalendarOptions::default();
    let sunday = tt.services_on(date(2019, 6, 2), opts);
    let tuesday = tt.services_on(date(2019, 6, 4), opts);
    assert_eq!(sunday, [true, false]);
    assert_eq!(tuesday, [true, true]);
    // 2019-05-04 (a Saturday holiday of Golden Week): listed in calendar_dates.
    assert_eq!(tt.services_on(date(2019, 5, 4), opts), [true, false]);
    // 2019-05-06 (a Monday substitute holiday): the feed adds the weekday service.
    assert_eq!(tt.services_on(date(2019, 5, 6), opts), [true, true]);
    // 20180108 is outside the calendar's range (from 20180901) and still applies.
    assert_eq!(tt.services_on(date(2018, 1, 8), opts), [true, true]);
    assert_eq!(tt.services_on(date(2018, 1, 9), opts), [false, false]);
    // The holidays-as-Sunday rule applies only to dates the feed does not list.
    let hol = CalendarOptions {
        holidays_as_sunday: true,
    };
    assert!(is_public_holiday(date(2019, 5, 6)));
    assert_eq!(tt.services_on(date(2019, 5, 6), hol), [true, true]);
    let unlisted: Vec<NaiveDate> = (0..600)
        .filter_map(|i| date(2018, 9, 1).checked_add_days(chrono::Days::new(i)))
        .filter(|d| is_public_holiday(*d) && tt.exception_dates.binary_search(d).is_err())
        .filter(|d| chrono::Datelike::weekday(d).num_days_from_monday() < 5)
        .collect();
    let d = *unlisted
        .first()
        .expect("a weekday holiday the feed does not list");
    assert_eq!(tt.services_on(d, opts), [true, true], "{d}");
    assert_eq!(tt.services_on(d, hol), [true, false], "{d}");
}

#[test]
fn a_real_trip_from_nyuzen_station_in_english() {
    let Some(tt) = feed() else { return };
    let router = Router::new(&tt, SearchParams::default());
    let from = tt.stop_by_id("1").unwrap();
    let to = tt.stop_by_id("33").unwrap();
    let q = Query {
        from: Place::Stop(from),
        to: Place::Stop(to),
        date: date(2019, 6, 4),
        time: 17 * 3600 + 30 * 60,
        lang: Lang::En,
    };
    let j = router.earliest_arrival(&q).unwrap().expect("a journey");
    println!("{j:#?}");
    assert_eq!(j.legs.len(), 1, "{j:#?}");
    let Leg::Ride(r) = &j.legs[0] else {
        panic!("{j:#?}")
    };
    assert_eq!(r.from_name, "Nyuzen Ekimae(Nyuzen sta.)");
    assert_eq!(tt.trips[r.trip as usize].id, "1_2+月～日+5");
    assert_eq!(
        (format_hhmm(r.depart), format_hhmm(r.arrive)),
        ("17:45".into(), "18:15".into())
    );
    assert_eq!(r.stops, 23);
    assert_eq!(r.fare_yen, Some(200));
    // Set off as the bus leaves: no wait at the first stop.
    assert_eq!(r.wait_s, 0);
    assert_eq!(j.fare_yen, Some(200));
    assert_eq!((j.depart, j.arrive), (r.depart, r.arrive));

    // From a point 300 m west of the station: a walk, then the same bus.
    let st = tt.stops[from as usize].point;
    let q2 = Query {
        from: Place::Point(GeoPoint::new(st.lat, st.lon - 0.0034).unwrap()),
        ..q
    };
    let j2 = router.earliest_arrival(&q2).unwrap().expect("a journey");
    let Leg::Walk(w) = &j2.legs[0] else {
        panic!("{j2:#?}")
    };
    assert!(w.minutes > 2 && w.minutes < 10, "{w:?}");
    assert_eq!(
        w.arrive,
        j2.legs[1].depart(),
        "leaves as late as catches the bus"
    );
    assert_eq!(j2.arrive, j.arrive);

    // After the last bus of the day: nothing, the next morning is not searched for free.
    let late = Query {
        time: 21 * 3600,
        ..q
    };
    let j3 = router.earliest_arrival(&late).unwrap();
    if let Some(j3) = j3 {
        assert!(j3.depart >= 24 * 3600, "{j3:#?}");
    }
}

#[test]
fn the_blob_round_trips() {
    let Some(tt) = feed() else { return };
    let blob = tt.to_blob();
    assert_eq!(Timetable::from_blob(&blob).unwrap(), tt);
    assert!(Timetable::from_blob(b"{}").is_err());
    let mut bad = tt.clone();
    bad.connections[3].to = 9999;
    assert!(matches!(
        Timetable::from_blob(&bad.to_blob()),
        Err(machi_transit::BlobError::Inconsistent(_))
    ));
    println!("blob: {} bytes", blob.len());
}

#[test]
fn in_memory_files_read_the_same() {
    let Some(dir) = machi_common::testdata::shared_data("opendata/gtfs-jp/nyuzen-noran") else {
        return;
    };
    let files: FeedFiles = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                format!("feed/{}", p.file_name().unwrap().to_str().unwrap()),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    assert_eq!(
        Timetable::from_files(&files).unwrap(),
        Timetable::from_dir(&dir).unwrap()
    );
}
