//! `machi serve`: serves a built pack directory (and notice feeds) over HTTP for
//! local use and tests, like any static web server or CDN would.
//!
//! tower-http's `ServeDir` gives Range requests, Last-Modified /
//! If-Modified-Since, precompressed `.gz` siblings and path sanitising; this
//! module adds strong ETags (`"<mtime>-<len>"`, as nginx does) with
//! If-None-Match → 304 and If-Range, and gzip for text responses (not for files
//! that are already gzip, so Range offsets stay those of the file).

use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::time::UNIX_EPOCH;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_http::compression::predicate::{NotForContentType, Predicate, SizeAbove};
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;

use crate::error::Result;

/// The router serving `dir`: static files with ETag, Range and gzip.
pub fn router(dir: impl Into<PathBuf>) -> Router {
    let dir: PathBuf = dir.into();
    let serve = ServeDir::new(&dir)
        .precompressed_gzip()
        .append_index_html_on_directories(false);
    let compress = CompressionLayer::new().gzip(true).compress_when(
        SizeAbove::new(256)
            .and(NotForContentType::const_new("application/gzip"))
            .and(NotForContentType::const_new("application/x-gzip"))
            .and(NotForContentType::IMAGES),
    );
    Router::new()
        .fallback_service(serve)
        .layer(middleware::from_fn_with_state(dir, etag_layer))
        .layer(compress)
}

/// A running server.
#[derive(Debug)]
pub struct Server {
    /// The address it listens on (useful when bound to port 0).
    pub addr: SocketAddr,
    handle: tokio::task::JoinHandle<()>,
    shutdown: tokio_util::sync::CancellationToken,
}

impl Server {
    /// Binds `addr` and serves `dir` in the background on the current tokio runtime.
    pub async fn start(dir: impl Into<PathBuf>, addr: SocketAddr) -> Result<Server> {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let app = router(dir);
        let shutdown = tokio_util::sync::CancellationToken::new();
        let stop = shutdown.clone();
        let handle = tokio::spawn(async move {
            let serve = axum::serve(listener, app)
                .with_graceful_shutdown(async move { stop.cancelled().await });
            if let Err(e) = serve.await {
                eprintln!("machi serve: {e}");
            }
        });
        Ok(Server {
            addr,
            handle,
            shutdown,
        })
    }

    /// `http://ADDR/`, the base URL of the served directory.
    pub fn base_url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// Serves until the process is stopped (the CLI's `machi serve`).
    pub async fn wait(self) {
        let _ = self.handle.await;
    }

    /// Stops accepting connections and waits for open ones to finish.
    pub async fn stop(self) {
        self.shutdown.cancel();
        let _ = self.handle.await;
    }
}

/// Adds ETag, answers If-None-Match with 304 and drops a Range whose If-Range
/// no longer matches (so the client gets the whole new file, not a mix).
async fn etag_layer(State(dir): State<PathBuf>, mut req: Request, next: Next) -> Response {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return next.run(req).await;
    }
    let Some(tag) = file_etag(&dir, req.uri().path()) else {
        return next.run(req).await;
    };
    let headers = req.headers();
    if let Some(inm) = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
    {
        if inm.split(',').any(|t| {
            let t = t.trim();
            t == "*" || t.trim_start_matches("W/") == tag
        }) {
            let mut resp = StatusCode::NOT_MODIFIED.into_response();
            if let Ok(v) = HeaderValue::from_str(&tag) {
                resp.headers_mut().insert(header::ETAG, v);
            }
            return resp;
        }
    }
    if let Some(if_range) = headers.get(header::IF_RANGE).and_then(|v| v.to_str().ok()) {
        // Only entity-tag If-Range is understood here; a date is left to ServeDir.
        if if_range.starts_with('"') && if_range != tag {
            req.headers_mut().remove(header::RANGE);
        }
    }
    let mut resp: Response<Body> = next.run(req).await;
    if resp.status().is_success() {
        if let Ok(v) = HeaderValue::from_str(&tag) {
            resp.headers_mut().insert(header::ETAG, v);
        }
    }
    resp
}

/// The strong ETag of the regular file `uri_path` names under `dir`, if any.
fn file_etag(dir: &Path, uri_path: &str) -> Option<String> {
    let rel = percent_decode(uri_path.trim_start_matches('/'))?;
    let rel = Path::new(&rel);
    // Same rule as ServeDir: plain names only, nothing that climbs out.
    if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
        return None;
    }
    let meta = std::fs::metadata(dir.join(rel)).ok()?;
    if !meta.is_file() {
        return None;
    }
    let mtime = meta
        .modified()
        .ok()?
        .duration_since(UNIX_EPOCH)
        .ok()?
        .as_nanos();
    Some(format!("\"{mtime:x}-{:x}\"", meta.len()))
}

fn percent_decode(s: &str) -> Option<String> {
    let mut out = Vec::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let h = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(h, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_and_refuses_climbing() {
        assert_eq!(percent_decode("a%20b").as_deref(), Some("a b"));
        assert_eq!(percent_decode("%zz"), None);
        let dir = std::env::temp_dir();
        assert_eq!(file_etag(&dir, "/../etc/passwd"), None);
        assert_eq!(file_etag(&dir, "/%2e%2e/etc/passwd"), None);
    }
}
