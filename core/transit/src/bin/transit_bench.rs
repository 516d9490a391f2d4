//! Transit benchmarks: reading the Nyuzen GTFS-JP feed (shared data), the
//! timetable blob, and the connection search over many random queries
//! (origin and destination a random stop or a random point in the feed's
//! area, a random time of day, a date on which the feed runs); then the
//! same search on a larger synthetic feed, to show how it scales.
//!
//! Run: `cargo run --profile bench -p machi-transit --bin transit_bench [-- QUERIES]`
//! (default 5000; the feed is found as the tests find it, `MACHI_SHARED_DATA`).

use std::time::Instant;

use chrono::NaiveDate;
use machi_common::{GeoPoint, Lang};
use machi_transit::{FeedFiles, Place, Query, Router, SearchParams, StopKind, Timetable};

/// xorshift64*: deterministic queries without a dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

fn row(what: &str, mut v: Vec<f64>) {
    v.sort_by(|a, b| a.total_cmp(b));
    let p = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
    println!(
        "| {what} | {} | {:.4} | {:.4} | {:.4} | {:.4} |",
        v.len(),
        v[0],
        p(0.5),
        p(0.95),
        v[v.len() - 1]
    );
}

fn queries(tt: &Timetable, n: usize, dates: &[NaiveDate], seed: u64) -> Vec<Query> {
    let poles: Vec<u32> = (0..tt.stops.len() as u32)
        .filter(|&i| tt.stops[i as usize].kind == StopKind::Stop)
        .collect();
    let (mut lat0, mut lat1, mut lon0, mut lon1) = (90.0f64, -90.0f64, 180.0f64, -180.0f64);
    for s in &tt.stops {
        lat0 = lat0.min(s.point.lat);
        lat1 = lat1.max(s.point.lat);
        lon0 = lon0.min(s.point.lon);
        lon1 = lon1.max(s.point.lon);
    }
    let mut rng = Rng(seed);
    let place = |rng: &mut Rng| {
        if rng.below(2) == 0 {
            Place::Stop(poles[rng.below(poles.len() as u64) as usize])
        } else {
            let lat = lat0 + (lat1 - lat0) * rng.unit();
            let lon = lon0 + (lon1 - lon0) * rng.unit();
            GeoPoint::new(lat, lon).map_or(Place::Stop(poles[0]), Place::Point)
        }
    };
    (0..n)
        .map(|_| Query {
            from: place(&mut rng),
            to: place(&mut rng),
            date: dates[rng.below(dates.len() as u64) as usize],
            time: 6 * 3600 + rng.below(14 * 3600) as u32,
            lang: Lang::En,
        })
        .collect()
}

fn search(name: &str, tt: &Timetable, qs: &[Query]) -> (usize, usize) {
    let t = Instant::now();
    let router = Router::new(tt, SearchParams::default());
    row(
        &format!("{name}: Router::new (walks between stops)"),
        vec![ms(t)],
    );
    let (mut found, mut rides) = (0, 0);
    let mut samples = Vec::with_capacity(qs.len());
    for q in qs {
        let t = Instant::now();
        let j = router.earliest_arrival(q);
        samples.push(ms(t));
        if let Ok(Some(j)) = j {
            found += 1;
            rides += usize::from(
                j.legs
                    .iter()
                    .any(|l| matches!(l, machi_transit::Leg::Ride(_))),
            );
        }
    }
    row(&format!("{name}: earliest_arrival per query"), samples);
    // Arrive by the query's time plus two hours: bisection over earliest arrivals.
    let mut latest = Vec::new();
    for q in qs.iter().take(500) {
        let by = Query {
            time: q.time + 7200,
            ..*q
        };
        let t = Instant::now();
        std::hint::black_box(router.latest_departure(&by).ok());
        latest.push(ms(t));
    }
    row(&format!("{name}: latest_departure (arrive by)"), latest);
    // A planner's matrix row: one origin to every pole in one scan.
    let poles: Vec<Place> = (0..tt.stops.len() as u32)
        .filter(|&i| tt.stops[i as usize].kind == StopKind::Stop)
        .map(Place::Stop)
        .collect();
    let mut many = Vec::new();
    for q in qs.iter().take(500) {
        let t = Instant::now();
        std::hint::black_box(router.earliest_arrivals(q, &poles).ok());
        many.push(ms(t));
    }
    row(
        &format!("{name}: earliest_arrivals to all {} poles", poles.len()),
        many,
    );
    (found, rides)
}

/// A synthetic town-sized feed: `routes` routes of 20 stops each over
/// 400 stops on a 12 km square, a trip every 20 minutes from 6:00 to 21:00.
fn synthetic(routes: usize) -> Result<Timetable, Box<dyn std::error::Error>> {
    let mut rng = Rng(7);
    let mut stops = String::from("stop_id,stop_name,stop_lat,stop_lon\n");
    for i in 0..400 {
        let (lat, lon) = (36.70 + 0.11 * rng.unit(), 140.60 + 0.13 * rng.unit());
        stops += &format!("P{i},停留所{i},{lat:.6},{lon:.6}\n");
    }
    let mut r = String::from("route_id,route_long_name,route_type\n");
    let mut t = String::from("route_id,service_id,trip_id\n");
    let mut st = String::from("trip_id,arrival_time,departure_time,stop_id,stop_sequence\n");
    for ri in 0..routes {
        r += &format!("R{ri},線{ri},3\n");
        let path: Vec<u64> = (0..20).map(|_| rng.below(400)).collect();
        for k in 0..45 {
            let id = format!("R{ri}_{k}");
            t += &format!("R{ri},ALL,{id}\n");
            let mut time = 6 * 3600 + k * 1200 + (ri as u32 % 20) * 60;
            for (seq, p) in path.iter().enumerate() {
                let hms = format!("{}:{:02}:{:02}", time / 3600, time % 3600 / 60, time % 60);
                st += &format!("{id},{hms},{hms},P{p},{}\n", seq + 1);
                time += 120 + (p % 3) as u32 * 60;
            }
        }
    }
    let files: FeedFiles = [
        ("agency.txt", "agency_name,agency_url,agency_timezone\nバス,http://example.jp,Asia/Tokyo\n".to_string()),
        ("calendar.txt", "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\nALL,1,1,1,1,1,1,1,20260101,20261231\n".into()),
        ("stops.txt", stops),
        ("routes.txt", r),
        ("trips.txt", t),
        ("stop_times.txt", st),
    ]
    .into_iter()
    .collect();
    Ok(Timetable::from_files(&files)?)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: usize = std::env::args()
        .nth(1)
        .map(|s| s.parse())
        .transpose()?
        .unwrap_or(5000);
    let dir = machi_common::testdata::shared_data_dir().join("opendata/gtfs-jp/nyuzen-noran");
    let files = FeedFiles::from_dir(&dir)?;

    println!("| what | n | min ms | median ms | p95 ms | max ms |");
    println!("|---|---|---|---|---|---|");
    let mut import = Vec::new();
    let mut tt = None;
    for _ in 0..50 {
        let t = Instant::now();
        let x = Timetable::from_files(&files)?;
        import.push(ms(t));
        tt = Some(x);
    }
    let tt = tt.ok_or("no import")?;
    row("Nyuzen: import the feed (files in memory)", import);
    let t = Instant::now();
    Timetable::from_dir(&dir)?;
    row("Nyuzen: import the feed from disk (first)", vec![ms(t)]);
    let blob = tt.to_blob();
    let mut read = Vec::new();
    for _ in 0..50 {
        let t = Instant::now();
        std::hint::black_box(Timetable::from_blob(&blob)?);
        read.push(ms(t));
    }
    row(&format!("Nyuzen: read the {}-byte blob", blob.len()), read);

    // Dates on which the feed runs: a weekday and a Sunday of 2019.
    let dates = [
        NaiveDate::from_ymd_opt(2019, 6, 4).ok_or("date")?,
        NaiveDate::from_ymd_opt(2019, 6, 9).ok_or("date")?,
    ];
    let qs = queries(&tt, n, &dates, 42);
    let (found, rides) = search("Nyuzen", &tt, &qs);

    let t = Instant::now();
    let big = synthetic(60)?;
    row(
        &format!("synthetic {} connections: import", big.connections.len()),
        vec![ms(t)],
    );
    let big_blob = big.to_blob();
    let t = Instant::now();
    std::hint::black_box(Timetable::from_blob(&big_blob)?);
    row(
        &format!("synthetic: read the {}-byte blob", big_blob.len()),
        vec![ms(t)],
    );
    let dates = [NaiveDate::from_ymd_opt(2026, 6, 4).ok_or("date")?];
    let qs2 = queries(&big, n, &dates, 43);
    let (found2, rides2) = search("synthetic", &big, &qs2);

    println!();
    println!(
        "Nyuzen: {} stops, {} trips, {} connections; {found} of {n} queries answered, {rides} with a ride",
        tt.stops.len(),
        tt.trips.len(),
        tt.connections.len()
    );
    println!(
        "synthetic: {} stops, {} trips, {} connections; {found2} of {n} answered, {rides2} with a ride",
        big.stops.len(),
        big.trips.len(),
        big.connections.len()
    );
    Ok(())
}
