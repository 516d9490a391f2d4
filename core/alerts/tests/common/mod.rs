//! Helpers shared by the end-to-end tests.
#![allow(dead_code)]

use std::path::PathBuf;

use chrono::{DateTime, TimeZone, Utc};
use machi_alerts::{AreaCode, AreaFilter, CodeScheme};
use machi_common::GeoPoint;
use rusqlite::Connection;

/// `$MACHI_SHARED_DATA/<sub>` or `<workspace>/../shared/data/<sub>`; `None`
/// (after printing why, or failing under `MACHI_REQUIRE_DATA=1`) when absent.
pub fn shared_dir(sub: &str) -> Option<PathBuf> {
    machi_common::testdata::shared_data(sub)
}

/// A fixture written for these tests.
pub fn fixture(name: &str) -> Vec<u8> {
    let p = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures")).join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("fixture {}: {e}", p.display()))
}

/// A fresh in-memory database with the alerts schema.
pub fn db() -> Connection {
    let mut c = Connection::open_in_memory().unwrap();
    machi_alerts::migrate(&mut c).unwrap();
    c
}

pub fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

/// Takahagi's codes as the app would supply them.
pub fn takahagi_codes() -> Vec<AreaCode> {
    vec![
        AreaCode::municipality("0821400"),
        AreaCode::new(CodeScheme::ForecastRegion, "080000"),
        AreaCode::new(CodeScheme::ForecastRegion, "080010"),
        AreaCode::new(CodeScheme::QuakeRegion, "300"),
        AreaCode::new(CodeScheme::TsunamiRegion, "300"),
    ]
}

/// A resident at home in Takahagi's Kamikimita district.
pub fn kamikimita_home() -> GeoPoint {
    GeoPoint::new(36.80, 140.63).unwrap()
}

/// A resident by Takahagi station (outside the Kamikimita polygon).
pub fn station() -> GeoPoint {
    GeoPoint::new(36.7191, 140.7107).unwrap()
}

pub fn takahagi_filter(places: Vec<GeoPoint>) -> AreaFilter {
    AreaFilter {
        places,
        codes: takahagi_codes(),
        everywhere: false,
    }
}

/// A minimal town CAP message for lifecycle tests.
pub fn cap(
    id: &str,
    sent: &str,
    msg_type: &str,
    status: &str,
    references: &str,
    event: &str,
    expires: &str,
) -> Vec<u8> {
    let refs = if references.is_empty() {
        String::new()
    } else {
        format!("<references>{references}</references>")
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
<identifier>{id}</identifier><sender>bousai@city.takahagi.example</sender>
<sent>{sent}</sent><status>{status}</status><msgType>{msg_type}</msgType><scope>Public</scope>{refs}
<info><language>ja</language><category>Geo</category><event>{event}</event>
<urgency>Immediate</urgency><severity>Severe</severity><certainty>Likely</certainty>
<expires>{expires}</expires><headline>{event}（テスト）</headline>
<area><areaDesc>高萩市</areaDesc><geocode><valueName>JIS X 0402</valueName><value>082147</value></geocode></area>
</info></alert>"#
    )
    .into_bytes()
}

/// A minimal JMA weather report for Takahagi at `report_time` with `kind`.
pub fn jma_weather(report_time: &str, info_type: &str, kind: &str, status: &str) -> Vec<u8> {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<Report xmlns="http://xml.kishou.go.jp/jmaxml1/">
<Control><Title>気象特別警報・警報・注意報</Title><DateTime>2026-09-10T00:00:00Z</DateTime>
<Status>{status}</Status><EditorialOffice>水戸地方気象台</EditorialOffice><PublishingOffice>水戸地方気象台</PublishingOffice></Control>
<Head xmlns="http://xml.kishou.go.jp/jmaxml1/informationBasis1/">
<Title>茨城県気象警報・注意報</Title><ReportDateTime>{report_time}</ReportDateTime>
<EventID>x</EventID><InfoType>{info_type}</InfoType><Serial/>
<Headline><Text>テスト用の架空の電文</Text>
<Information type="気象警報・注意報（府県予報区等）"><Item><Kind><Name>{kind}</Name></Kind>
<Areas codeType="気象情報／府県予報区・細分区域等"><Area><Name>茨城県</Name><Code>080000</Code></Area></Areas></Item></Information>
<Information type="気象警報・注意報（市町村等）"><Item><Kind><Name>{kind}</Name></Kind>
<Areas codeType="気象・地震・火山情報／市町村等"><Area><Name>高萩市</Name><Code>0821400</Code></Area></Areas></Item></Information>
</Headline></Head></Report>"#
    )
    .into_bytes()
}
