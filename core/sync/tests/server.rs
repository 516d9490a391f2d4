//! The static server (`machi serve`): ETag + 304, Range, If-Range, gzip for
//! text but not for `.gz` parts, no escape from the served directory.

mod support;

use machi_sync::server::Server;
use reqwest::header;
use support::synthetic::pack;
use support::*;

async fn start() -> (tempfile::TempDir, Server, reqwest::Client) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    publish(dir.path(), &pack(1, 50, 0));
    let server = Server::start(
        dir.path(),
        "127.0.0.1:0".parse().unwrap_or_else(|_| unreachable!()),
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    (dir, server, fast_client().reqwest().clone())
}

async fn get(
    client: &reqwest::Client,
    url: String,
    headers: &[(header::HeaderName, &str)],
) -> reqwest::Response {
    let mut req = client.get(url);
    for (k, v) in headers {
        req = req.header(k, *v);
    }
    req.send().await.unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn etag_and_not_modified() {
    let (_dir, server, client) = start().await;
    let url = format!("{}manifest.json", server.base_url());
    let first = get(&client, url.clone(), &[]).await;
    assert_eq!(first.status(), 200);
    let tag = first
        .headers()
        .get(header::ETAG)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let tag = tag.unwrap_or_else(|| panic!("no ETag"));
    assert!(first.headers().contains_key(header::LAST_MODIFIED));
    let again = get(&client, url.clone(), &[(header::IF_NONE_MATCH, &tag)]).await;
    assert_eq!(again.status(), 304);
    let other = get(&client, url, &[(header::IF_NONE_MATCH, "\"nope\"")]).await;
    assert_eq!(other.status(), 200);
    server.stop().await;
}

#[tokio::test]
async fn range_and_if_range() {
    let (dir, server, client) = start().await;
    let file = "content-v1.json.gz";
    let bytes = std::fs::read(dir.path().join(file)).unwrap_or_else(|e| panic!("{e}"));
    let url = format!("{}{file}", server.base_url());
    let tag = get(&client, url.clone(), &[])
        .await
        .headers()
        .get(header::ETAG)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
        .unwrap_or_default();
    let part = get(
        &client,
        url.clone(),
        &[
            (header::RANGE, "bytes=100-"),
            (header::ACCEPT_ENCODING, "gzip"),
        ],
    )
    .await;
    assert_eq!(part.status(), 206);
    assert!(
        !part.headers().contains_key(header::CONTENT_ENCODING),
        "a .gz part is sent as is"
    );
    let body = part.bytes().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(&body[..], &bytes[100..]);
    let same = get(
        &client,
        url.clone(),
        &[(header::RANGE, "bytes=100-"), (header::IF_RANGE, &tag)],
    )
    .await;
    assert_eq!(same.status(), 206);
    let changed = get(
        &client,
        url,
        &[(header::RANGE, "bytes=100-"), (header::IF_RANGE, "\"old\"")],
    )
    .await;
    assert_eq!(
        changed.status(),
        200,
        "a changed file is sent whole, never mixed"
    );
    assert_eq!(
        changed
            .bytes()
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .len(),
        bytes.len()
    );
    server.stop().await;
}

#[tokio::test]
async fn gzip_for_json_and_no_escape() {
    let (_dir, server, client) = start().await;
    let json = get(
        &client,
        format!("{}manifest.json", server.base_url()),
        &[(header::ACCEPT_ENCODING, "gzip")],
    )
    .await;
    assert_eq!(json.status(), 200);
    assert_eq!(
        json.headers()
            .get(header::CONTENT_ENCODING)
            .and_then(|v| v.to_str().ok()),
        Some("gzip")
    );
    for path in ["../Cargo.toml", "%2e%2e/Cargo.toml", "..%2fCargo.toml"] {
        let r = get(&client, format!("{}{path}", server.base_url()), &[]).await;
        assert!(r.status().is_client_error(), "{path}: {}", r.status());
    }
    server.stop().await;
}
