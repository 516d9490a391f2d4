//! The HTTP client: rustls with the `ring` provider and the Mozilla (webpki) root
//! store, explicit timeouts, HTTPS only except to loopback.
//!
//! Why not reqwest's default TLS: since 0.13 it verifies certificates with
//! `rustls-platform-verifier`, which panics on Android unless it was first
//! initialised from JNI, and its `aws-lc-rs` provider needs cmake/NASM to
//! cross-compile for phones. We enable `rustls-no-provider` and hand reqwest a
//! fully built `rustls::ClientConfig` (`tls_backend_preconfigured`), so the
//! platform verifier is compiled in but never called, and no process-wide
//! crypto provider has to be installed. The price: the roots are the ones
//! compiled in (`webpki-roots`), not the device's store — fine for a public
//! publisher on a public CA, and it cannot crash on first use.

use std::sync::Arc;
use std::time::Duration;

use url::{Host, Url};

use crate::error::{Error, Result};

/// Timeouts and retry policy of every request the sync capability makes.
#[derive(Debug, Clone)]
pub struct HttpConfig {
    /// Time allowed to establish a connection (TCP + TLS).
    pub connect_timeout: Duration,
    /// Time allowed between two reads of the body (or for the response head);
    /// a stalled transfer fails after this long.
    pub read_timeout: Duration,
    /// How many times one request is tried in total when failures are transient.
    pub max_attempts: u32,
    /// Backoff before the second attempt; doubled for each further one, with full jitter.
    pub backoff_base: Duration,
    /// Upper bound of one backoff sleep.
    pub backoff_max: Duration,
}

impl Default for HttpConfig {
    fn default() -> Self {
        HttpConfig {
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(30),
            max_attempts: 4,
            backoff_base: Duration::from_millis(500),
            backoff_max: Duration::from_secs(30),
        }
    }
}

/// An HTTP client configured for sync; cheap to clone (shares connections).
#[derive(Debug, Clone)]
pub struct HttpClient {
    pub(crate) inner: reqwest::Client,
    pub(crate) config: HttpConfig,
}

impl HttpClient {
    /// Builds a client with the given policy. Never touches platform certificate
    /// APIs, so it is safe to call on Android before any JNI set-up.
    pub fn new(config: HttpConfig) -> Result<HttpClient> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let roots = rustls::RootCertStore {
            roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
        };
        let mut tls = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| Error::Client(e.to_string()))?
            .with_root_certificates(roots)
            .with_no_client_auth();
        // We build reqwest without HTTP/2, so only offer HTTP/1.1.
        tls.alpn_protocols = vec![b"http/1.1".to_vec()];
        let inner = reqwest::Client::builder()
            .tls_backend_preconfigured(tls)
            .connect_timeout(config.connect_timeout)
            .read_timeout(config.read_timeout)
            // Redirects could lead from https to plain http; packs are static files, so none are needed.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("machi/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| Error::Client(e.to_string()))?;
        Ok(HttpClient { inner, config })
    }

    /// The underlying reqwest client, configured as above (TLS, timeouts, no
    /// redirects), for requests this crate does not wrap.
    pub fn reqwest(&self) -> &reqwest::Client {
        &self.inner
    }

    /// The policy this client was built with.
    pub fn config(&self) -> &HttpConfig {
        &self.config
    }
}

/// Parses `url` and accepts it only if it is `https`, or `http` to a loopback
/// host (127.0.0.0/8, ::1, `localhost`) for local serving and tests.
pub fn check_url(url: &str) -> Result<Url> {
    let bad = |reason: &str| Error::BadUrl {
        url: url.to_owned(),
        reason: reason.to_owned(),
    };
    let parsed = Url::parse(url).map_err(|e| bad(&e.to_string()))?;
    match parsed.scheme() {
        "https" => Ok(parsed),
        "http" if is_loopback(&parsed) => Ok(parsed),
        "http" => Err(bad("plain http is allowed only to loopback; use https")),
        _ => Err(bad("only https URLs are supported")),
    }
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Ipv4(ip)) => ip.is_loopback(),
        Some(Host::Ipv6(ip)) => ip.is_loopback(),
        Some(Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

/// Resolves `file` (a name from a signed manifest or feed) against the directory
/// URL `base`, refusing anything that would leave that directory or the host.
pub fn join_file(base: &Url, file: &str) -> Result<Url> {
    let ok = !file.is_empty()
        && !file.starts_with('/')
        && !file.contains("..")
        && !file.contains('\\')
        && !file.contains(':')
        && !file.contains('?')
        && !file.contains('#');
    if !ok {
        return Err(Error::BadManifest(format!("unsafe file name {file:?}")));
    }
    let dir = directory_url(base);
    dir.join(file)
        .map_err(|e| Error::BadManifest(format!("file name {file:?}: {e}")))
}

/// `base` with a trailing slash, so relative names resolve inside it.
pub(crate) fn directory_url(base: &Url) -> Url {
    let mut dir = base.clone();
    if !dir.path().ends_with('/') {
        let path = format!("{}/", dir.path());
        dir.set_path(&path);
    }
    dir
}

/// Maps a transport error to the crate's error, keeping the distinction a UI needs.
pub(crate) fn map_reqwest(e: reqwest::Error, config: &HttpConfig) -> Error {
    if e.is_timeout() {
        Error::Timeout(config.read_timeout)
    } else if e.is_connect() {
        Error::Offline(e.to_string())
    } else {
        // Body, request and protocol errors: the exchange broke off midway.
        Error::Interrupted(e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_and_loopback_only() {
        assert!(check_url("https://example.jp/pack/").is_ok());
        assert!(check_url("http://127.0.0.1:8080/").is_ok());
        assert!(check_url("http://127.5.0.1/").is_ok());
        assert!(check_url("http://[::1]:9/").is_ok());
        assert!(check_url("http://localhost/").is_ok());
        assert!(matches!(
            check_url("http://example.jp/"),
            Err(Error::BadUrl { .. })
        ));
        assert!(matches!(
            check_url("http://192.168.1.1/"),
            Err(Error::BadUrl { .. })
        ));
        assert!(matches!(check_url("ftp://x/"), Err(Error::BadUrl { .. })));
        assert!(matches!(check_url("not a url"), Err(Error::BadUrl { .. })));
    }

    #[test]
    fn join_stays_in_directory() -> Result<()> {
        let base = check_url("https://example.jp/town/pack")?;
        assert_eq!(
            join_file(&base, "content-v2.json.gz")?.as_str(),
            "https://example.jp/town/pack/content-v2.json.gz"
        );
        for bad in [
            "../x",
            "/etc/passwd",
            "https://evil/x",
            "a/../../b",
            "",
            "x?y",
        ] {
            assert!(join_file(&base, bad).is_err(), "{bad}");
        }
        Ok(())
    }

    #[test]
    fn client_builds_without_platform_verifier() -> Result<()> {
        // Building must not need any process-wide provider or platform set-up.
        HttpClient::new(HttpConfig::default())?;
        Ok(())
    }
}
