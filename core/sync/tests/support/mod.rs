//! Shared test support: synthetic packs, a store snapshot, a good server and a
//! misbehaving one. Everything listens on 127.0.0.1 only.

#![allow(dead_code)] // each test file uses a different subset

pub mod synthetic;

use std::collections::{HashMap, HashSet};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::Response;
use axum::Router;
use machi_content::model::PackData;
use machi_content::pack::{build_pack, SigningKey, VerifyingKey};
use machi_content::store::{Counts, Store};
use machi_sync::{
    no_progress, sync_pack, CancellationToken, Error, HttpClient, HttpConfig, PackRequest,
    ProgressFn, SyncReport,
};

/// The publisher key of the tests (fixed seed: tests are reproducible).
pub fn signing_key() -> SigningKey {
    SigningKey::from_bytes(&[42u8; 32])
}

/// The pinned public key.
pub fn public_key() -> VerifyingKey {
    signing_key().verifying_key()
}

/// Syncs the pack at `url` into `store` as an app does: the pinned test key,
/// partial downloads in `work`, assets (models) kept in `assets`.
pub async fn sync_with_assets(
    url: &str,
    store: &Mutex<Store>,
    work: &Path,
    assets: &Path,
    progress: &ProgressFn,
    cancel: &CancellationToken,
) -> Result<SyncReport, Error> {
    let key = public_key();
    let req = PackRequest {
        base_url: url,
        key: &key,
        etag: None,
        work_dir: work,
        assets_dir: Some(assets),
    };
    sync_pack(&fast_client(), &req, store, progress, cancel).await
}

/// [`sync_with_assets`] with no progress reports and no cancellation.
pub async fn sync_assets(
    url: &str,
    store: &Mutex<Store>,
    work: &Path,
    assets: &Path,
) -> Result<SyncReport, Error> {
    sync_with_assets(
        url,
        store,
        work,
        assets,
        &no_progress(),
        &CancellationToken::new(),
    )
    .await
}

/// Builds `data` into the publish directory `dir` (deltas from earlier builds there).
pub fn publish(dir: &Path, data: &PackData) {
    if let Err(e) = build_pack(data, &signing_key(), dir) {
        panic!("pack build failed: {e}");
    }
}

/// What the store answers: counts and content checksum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    pub version: Option<u64>,
    pub counts: Counts,
    pub checksum: String,
}

pub fn snapshot(store: &Mutex<Store>) -> Snapshot {
    let s = store.lock().unwrap_or_else(|p| p.into_inner());
    Snapshot {
        version: s.installed_version().unwrap_or_else(|e| panic!("{e}")),
        counts: s.counts().unwrap_or_else(|e| panic!("{e}")),
        checksum: s.content_checksum().unwrap_or_else(|e| panic!("{e}")),
    }
}

/// The snapshot a store has after importing exactly `data` as a full pack,
/// through the same JSON encoding a pack file uses (so float round-trips match).
pub fn expected(data: &PackData) -> Snapshot {
    let json = serde_json::to_vec(data).unwrap_or_else(|e| panic!("{e}"));
    let data: PackData = serde_json::from_slice(&json).unwrap_or_else(|e| panic!("{e}"));
    let mut s = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
    s.import_full(&data).unwrap_or_else(|e| panic!("{e}"));
    snapshot(&Mutex::new(s))
}

/// A store holding `data` (or empty).
pub fn store_with(data: Option<&PackData>) -> Mutex<Store> {
    let mut s = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
    if let Some(d) = data {
        let json = serde_json::to_vec(d).unwrap_or_else(|e| panic!("{e}"));
        let d: PackData = serde_json::from_slice(&json).unwrap_or_else(|e| panic!("{e}"));
        s.import_full(&d).unwrap_or_else(|e| panic!("{e}"));
    }
    Mutex::new(s)
}

/// A client with short timeouts and backoff so fault tests stay fast.
pub fn fast_client() -> HttpClient {
    client_with(Duration::from_millis(1500), 4)
}

pub fn client_with(read_timeout: Duration, attempts: u32) -> HttpClient {
    HttpClient::new(HttpConfig {
        connect_timeout: Duration::from_secs(2),
        read_timeout,
        max_attempts: attempts,
        backoff_base: Duration::from_millis(20),
        backoff_max: Duration::from_millis(200),
    })
    .unwrap_or_else(|e| panic!("{e}"))
}

/// One request the fault server saw.
#[derive(Debug, Clone)]
pub struct Seen {
    pub file: String,
    pub range: Option<String>,
    pub if_none_match: Option<String>,
    pub status: u16,
}

/// Faults to inject, by file name.
#[derive(Debug, Default)]
pub struct Faults {
    /// Answer 500 this many times first.
    pub fail_500: HashMap<String, u32>,
    /// Send this many bytes, then break the connection (once).
    pub reset_after: HashMap<String, usize>,
    /// Sleep this long before answering.
    pub delay: HashMap<String, Duration>,
    /// Append this many bytes; `true` = announce them in Content-Length.
    pub extra: HashMap<String, (usize, bool)>,
    /// Answer 404.
    pub missing: HashSet<String>,
    /// Flip one byte in the middle.
    pub tamper: HashSet<String>,
}

struct Shared {
    dir: PathBuf,
    faults: Mutex<Faults>,
    log: Mutex<Vec<Seen>>,
}

/// A static file server that misbehaves on purpose, with Range, ETag and a request log.
pub struct FaultServer {
    pub addr: SocketAddr,
    shared: Arc<Shared>,
    handle: tokio::task::JoinHandle<()>,
}

impl FaultServer {
    pub async fn start(dir: &Path, faults: Faults) -> FaultServer {
        let shared = Arc::new(Shared {
            dir: dir.to_path_buf(),
            faults: Mutex::new(faults),
            log: Mutex::new(Vec::new()),
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let addr = listener.local_addr().unwrap_or_else(|e| panic!("{e}"));
        let app = Router::new().fallback(handle).with_state(shared.clone());
        let handle = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        FaultServer {
            addr,
            shared,
            handle,
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    pub fn log(&self) -> Vec<Seen> {
        self.shared
            .log
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    pub fn requests_for(&self, file: &str) -> Vec<Seen> {
        self.log().into_iter().filter(|s| s.file == file).collect()
    }

    pub fn faults(&self) -> std::sync::MutexGuard<'_, Faults> {
        self.shared.faults.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Drop for FaultServer {
    fn drop(&mut self) {
        self.handle.abort();
    }
}

fn etag_of(bytes: &[u8]) -> String {
    format!("\"{}\"", &machi_sync::fetch::sha256_hex(bytes)[..16])
}

async fn handle(State(shared): State<Arc<Shared>>, req: Request) -> Response {
    let file = req.uri().path().trim_start_matches('/').to_owned();
    let range = req
        .headers()
        .get(header::RANGE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let inm = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let resp = respond(&shared, &file, range.as_deref(), inm.as_deref()).await;
    shared
        .log
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .push(Seen {
            file,
            range,
            if_none_match: inm,
            status: resp.status().as_u16(),
        });
    resp
}

fn status(code: StatusCode) -> Response {
    let mut r = Response::new(Body::empty());
    *r.status_mut() = code;
    r
}

async fn respond(shared: &Shared, file: &str, range: Option<&str>, inm: Option<&str>) -> Response {
    // Decide the faults for this request under the lock, act after releasing it.
    let (fail, reset, delay, extra, missing, tamper) = {
        let mut f = shared.faults.lock().unwrap_or_else(|p| p.into_inner());
        let fail = match f.fail_500.get_mut(file) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        };
        (
            fail,
            f.reset_after.remove(file),
            f.delay.get(file).copied(),
            f.extra.get(file).copied(),
            f.missing.contains(file),
            f.tamper.contains(file),
        )
    };
    if let Some(d) = delay {
        tokio::time::sleep(d).await;
    }
    if fail {
        return status(StatusCode::INTERNAL_SERVER_ERROR);
    }
    if missing || file.contains("..") {
        return status(StatusCode::NOT_FOUND);
    }
    let Ok(mut bytes) = tokio::fs::read(shared.dir.join(file)).await else {
        return status(StatusCode::NOT_FOUND);
    };
    if tamper && !bytes.is_empty() {
        let mid = bytes.len() / 2;
        bytes[mid] ^= 0x01;
    }
    let tag = etag_of(&bytes);
    if inm == Some(tag.as_str()) {
        let mut r = status(StatusCode::NOT_MODIFIED);
        r.headers_mut().insert(
            header::ETAG,
            HeaderValue::from_str(&tag).unwrap_or_else(|_| HeaderValue::from_static("\"x\"")),
        );
        return r;
    }
    if let Some((n, announce)) = extra {
        bytes.extend(std::iter::repeat_n(b'x', n));
        if !announce {
            // Chunked body, no Content-Length: the client must stop on its own limit.
            let chunks: Vec<Result<Vec<u8>, std::io::Error>> =
                bytes.chunks(4096).map(|c| Ok(c.to_vec())).collect();
            return Response::new(Body::from_stream(futures_util::stream::iter(chunks)));
        }
    }
    let total = bytes.len();
    let start = range
        .and_then(|r| r.strip_prefix("bytes="))
        .and_then(|r| r.strip_suffix('-'))
        .and_then(|s| s.parse::<usize>().ok());
    let (code, body) = match start {
        Some(s) if s < total => (StatusCode::PARTIAL_CONTENT, bytes[s..].to_vec()),
        Some(_) => return status(StatusCode::RANGE_NOT_SATISFIABLE),
        None => (StatusCode::OK, bytes),
    };
    let len = body.len();
    let mut resp = if let Some(cut) = reset {
        let cut = cut.min(len);
        use futures_util::StreamExt as _;
        let first: Result<Vec<u8>, std::io::Error> = Ok(body[..cut].to_vec());
        // Let the first part reach the client before the connection breaks.
        let broken = futures_util::stream::once(async {
            tokio::time::sleep(Duration::from_millis(150)).await;
            Err(std::io::Error::new(
                std::io::ErrorKind::ConnectionReset,
                "injected reset",
            ))
        });
        Response::new(Body::from_stream(
            futures_util::stream::iter([first]).chain(broken),
        ))
    } else {
        Response::new(Body::from(body))
    };
    *resp.status_mut() = code;
    let h = resp.headers_mut();
    h.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    if let Ok(v) = HeaderValue::from_str(&tag) {
        h.insert(header::ETAG, v);
    }
    if code == StatusCode::PARTIAL_CONTENT {
        let s = start.unwrap_or(0);
        if let Ok(v) = HeaderValue::from_str(&format!("bytes {s}-{}/{total}", total - 1)) {
            h.insert(header::CONTENT_RANGE, v);
        }
    }
    resp
}
