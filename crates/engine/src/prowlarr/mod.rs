//! The Prowlarr HTTP client: searching the user's indexers through `GET /api/v1/search`, listing indexers and
//! testing the connection.
//!
//! Shaped by how Prowlarr behaves (see the API notes the project keeps on it):
//! - **One shared `reqwest::Client`** ([`ProwlarrClient`] is a cheap `Clone` over it), so concurrent searches
//!   reuse keep-alive connections. The API key travels only in the `X-Api-Key` header, never in a URL.
//! - **Slow by nature.** A search waits for Prowlarr's slowest indexer, so the per-request timeout defaults to
//!   90 s. Retrying such a timeout four times would hold an item for six minutes, so a timeout is retried only
//!   once ([`TIMEOUTS_RETRIED`]); the other transient failures follow [`RetryPolicy`].
//! - **Errors say which side failed** ([`ProwlarrError`]): a wrong key, an unreachable server, a rate limit,
//!   Prowlarr starting up, all indexers unavailable, or an answer that is not Prowlarr's JSON. The watcher asks
//!   [`ProwlarrError::is_transient`] and [`ProwlarrError::blocks_all_items`] instead of matching on messages.
//! - **Lenient parsing.** Results come from many indexers of varying quality: every optional field tolerates
//!   absence, `null` and a wrong type, and one malformed release is skipped (and counted in the log) instead
//!   of failing the whole search.
//! - **No secrets out.** Download and magnet links embed Prowlarr's API key, so [`Release`]'s `Debug` redacts
//!   them, and every error text built from a remote answer or a transport error is scrubbed.

mod config;
mod error;
mod grab;
mod wire;

use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use backon::{ExponentialBuilder, Retryable};
use chrono::Utc;
use reqwest::header::{self, HeaderMap, HeaderValue};
use url::Url;

use crate::redact::scrub;
use crate::secrets::Secret;
use config::{api_key_header, normalize_base_url, shown_url};
use error::{classify, parse_retry_after, root_cause, snippet};
use wire::{Body, parse_list, parse_one};

pub use config::{ProwlarrConfig, RetryPolicy};
pub use error::ProwlarrError;
pub use grab::{DownloadClient, GrabError, GrabRequest, Grabbed, client_for};
pub use wire::{
    Category, HealthCheck, Indexer, IndexerStatus, Protocol, Release, SearchRequest, SearchType,
    SystemStatus,
};

/// Per-request timeout: a search waits for Prowlarr's slowest indexer, which itself allows 100 s per request.
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(90);
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Results per indexer (Prowlarr's `limit` is per indexer, not global); the value Prowlarr's own UI sends.
pub const DEFAULT_LIMIT: u32 = 100;
/// The largest successful answer read into memory. 100 results × dozens of indexers stay far below it.
pub const MAX_RESPONSE_BYTES: usize = 32 * 1024 * 1024;
/// How many times a request timeout is retried: each one already cost a whole `request_timeout`.
pub const TIMEOUTS_RETRIED: u32 = 1;
/// Connection tests answer in milliseconds; nobody should wait the search timeout for one.
const STATUS_TIMEOUT: Duration = Duration::from_secs(30);
/// How much of an error answer is read to explain it.
const MAX_ERROR_BODY_BYTES: usize = 64 * 1024;
/// Shorter than Kestrel's 130 s keep-alive, so we never reuse a connection the server is about to close.
const POOL_IDLE_TIMEOUT: Duration = Duration::from_secs(90);

const SEARCH_PATH: &str = "api/v1/search";
const STATUS_PATH: &str = "api/v1/system/status";
const INDEXER_PATH: &str = "api/v1/indexer";
const INDEXER_STATUS_PATH: &str = "api/v1/indexerstatus";
const HEALTH_PATH: &str = "api/v1/health";

/// Whether to retry after `error`, given how many timeouts were already retried.
fn should_retry(error: &ProwlarrError, policy: &RetryPolicy, timeouts: &mut u32) -> bool {
    if !error.is_transient() {
        return false;
    }
    match error {
        ProwlarrError::Timeout(_) => {
            *timeouts += 1;
            *timeouts <= TIMEOUTS_RETRIED
        }
        _ => error
            .retry_after()
            .is_none_or(|wait| wait <= policy.max_retry_after),
    }
}

/// The wait before the next attempt: Prowlarr's `Retry-After` when given, else the jittered backoff, capped.
fn next_delay(error: &ProwlarrError, computed: Duration, policy: &RetryPolicy) -> Duration {
    match error.retry_after() {
        Some(wait) => wait.min(policy.max_retry_after),
        None => computed.min(policy.max_delay),
    }
}

/// The Prowlarr client. Cheap to clone: clones share one connection pool.
#[derive(Clone)]
pub struct ProwlarrClient {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    base_url: Url,
    /// `base_url` for messages and logs.
    shown_url: String,
    api_key: Secret,
    request_timeout: Duration,
    retry: RetryPolicy,
}

impl fmt::Debug for ProwlarrClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProwlarrClient")
            .field("url", &self.inner.shown_url)
            .finish_non_exhaustive()
    }
}

impl ProwlarrClient {
    pub fn new(config: ProwlarrConfig) -> Result<Self, ProwlarrError> {
        let base_url = normalize_base_url(config.base_url)?;
        let shown_url = shown_url(&base_url);
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT, HeaderValue::from_static("application/json"));
        headers.insert("x-api-key", api_key_header(&config.api_key)?);
        let http = reqwest::Client::builder()
            .user_agent(crate::USER_AGENT)
            .default_headers(headers)
            .connect_timeout(config.connect_timeout)
            .timeout(config.request_timeout)
            .pool_idle_timeout(POOL_IDLE_TIMEOUT)
            .tcp_keepalive(Duration::from_secs(60))
            .redirect(same_host_redirects())
            .build()
            .map_err(|e| {
                ProwlarrError::Unreachable(format!(
                    "cannot set up an HTTP client for Prowlarr: {}",
                    root_cause(&e)
                ))
            })?;
        Ok(ProwlarrClient {
            inner: Arc::new(Inner {
                http,
                base_url,
                shown_url,
                api_key: config.api_key,
                request_timeout: config.request_timeout,
                retry: config.retry,
            }),
        })
    }

    /// Prowlarr's address as shown to the user (no password, no trailing slash).
    pub fn url(&self) -> &str {
        &self.inner.shown_url
    }

    /// Searches Prowlarr, retrying transient failures. Releases that cannot be read are skipped and logged.
    pub async fn search(&self, request: &SearchRequest) -> Result<Vec<Release>, ProwlarrError> {
        let started = Instant::now();
        let pairs = request.query_pairs();
        let timeout = self.inner.request_timeout;
        let result = self
            .with_retries("search", || {
                let pairs = &pairs;
                async move {
                    let body = self.get(SEARCH_PATH, pairs, timeout).await?;
                    parse_list::<Release>(&body, "releases").map_err(|e| self.scrub_error(e))
                }
            })
            .await;
        let elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        match result {
            Ok(((releases, skipped), attempts)) => {
                if let Some(first) = skipped.first() {
                    tracing::warn!(
                        query = %request.query,
                        skipped = skipped.len(),
                        first_problem = %self.scrub(first),
                        "skipped releases Prowlarr returned that could not be read"
                    );
                }
                tracing::info!(
                    query = %request.query,
                    search_type = request.search_type.as_str(),
                    categories = ?request.categories,
                    results = releases.len(),
                    attempts,
                    elapsed_ms,
                    "Prowlarr search finished"
                );
                Ok(releases)
            }
            Err(error) => {
                tracing::warn!(
                    query = %request.query,
                    search_type = request.search_type.as_str(),
                    elapsed_ms,
                    %error,
                    "Prowlarr search failed"
                );
                Err(error)
            }
        }
    }

    /// `GET /api/v1/system/status`: the connection test. One attempt, so the user sees the problem at once;
    /// a server that answers but is not Prowlarr (Lidarr has the same path) is reported as such.
    pub async fn system_status(&self) -> Result<SystemStatus, ProwlarrError> {
        let started = Instant::now();
        let timeout = self.inner.request_timeout.min(STATUS_TIMEOUT);
        let result = async {
            let body = self.get(STATUS_PATH, &[], timeout).await?;
            let status: SystemStatus =
                parse_one(&body, "Prowlarr's status").map_err(|e| self.scrub_error(e))?;
            match status.app_name.as_deref() {
                Some(app) if !app.eq_ignore_ascii_case("prowlarr") => Err(ProwlarrError::BadResponse(format!(
                    "the server at {} is {} {}, not Prowlarr: check the URL (Prowlarr's default port is 9696)",
                    self.inner.shown_url,
                    snippet(app.as_bytes(), 40),
                    snippet(status.version.as_bytes(), 40)
                ))),
                _ => Ok(status),
            }
        }
        .await;
        let elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        match &result {
            Ok(status) => {
                tracing::info!(version = %status.version, elapsed_ms, "Prowlarr connection test passed")
            }
            Err(error) => tracing::warn!(%error, elapsed_ms, "Prowlarr connection test failed"),
        }
        result
    }

    /// `GET /api/v1/indexer`: the indexers configured in Prowlarr, with retries.
    pub async fn indexers(&self) -> Result<Vec<Indexer>, ProwlarrError> {
        let timeout = self.inner.request_timeout;
        let ((indexers, skipped), _) = self
            .with_retries("indexer list", || async move {
                let body = self.get(INDEXER_PATH, &[], timeout).await?;
                parse_list::<Indexer>(&body, "indexers").map_err(|e| self.scrub_error(e))
            })
            .await?;
        if let Some(first) = skipped.first() {
            tracing::warn!(skipped = skipped.len(), first_problem = %self.scrub(first), "skipped unreadable indexers");
        }
        Ok(indexers)
    }

    /// `GET /api/v1/indexerstatus`: the indexers Prowlarr has put into back-off. One attempt: it explains a
    /// search that came back empty or failed, and is asked again after the next one.
    pub async fn indexer_status(&self) -> Result<Vec<IndexerStatus>, ProwlarrError> {
        let timeout = self.inner.request_timeout.min(STATUS_TIMEOUT);
        let body = self.get(INDEXER_STATUS_PATH, &[], timeout).await?;
        let (list, _) = parse_list::<IndexerStatus>(&body, "indexer statuses")
            .map_err(|e| self.scrub_error(e))?;
        Ok(list)
    }

    /// `GET /api/v1/health`: Prowlarr's own health checks. One attempt, like [`Self::indexer_status`].
    pub async fn health(&self) -> Result<Vec<HealthCheck>, ProwlarrError> {
        let timeout = self.inner.request_timeout.min(STATUS_TIMEOUT);
        let body = self.get(HEALTH_PATH, &[], timeout).await?;
        let (list, _) =
            parse_list::<HealthCheck>(&body, "health checks").map_err(|e| self.scrub_error(e))?;
        Ok(list)
    }

    /// Runs `attempt` under the retry policy. Returns its value and how many attempts it took.
    async fn with_retries<T, F, Fut>(
        &self,
        what: &'static str,
        mut attempt: F,
    ) -> Result<(T, u32), ProwlarrError>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, ProwlarrError>>,
    {
        let policy = self.inner.retry;
        let retries = usize::try_from(policy.max_attempts.saturating_sub(1)).unwrap_or(usize::MAX);
        let backoff = ExponentialBuilder::default()
            .with_min_delay(policy.base_delay)
            .with_max_delay(policy.max_delay)
            .with_max_times(retries)
            .with_jitter();
        let mut attempts = 0u32;
        let mut timeouts = 0u32;
        let value = (|| {
            attempts += 1;
            attempt()
        })
        .retry(backoff)
        .sleep(tokio::time::sleep)
        .when(|e| should_retry(e, &policy, &mut timeouts))
        .adjust(|e, computed| computed.map(|d| next_delay(e, d, &policy)))
        .notify(|error, wait| {
            tracing::warn!(
                %error,
                retry_in_ms = u64::try_from(wait.as_millis()).unwrap_or(u64::MAX),
                "Prowlarr {what} failed; retrying"
            );
        })
        .await?;
        Ok((value, attempts))
    }

    /// One GET: status checked, body read up to [`MAX_RESPONSE_BYTES`].
    async fn get(
        &self,
        path: &str,
        query: &[(&str, String)],
        timeout: Duration,
    ) -> Result<Body, ProwlarrError> {
        let request = self.inner.http.get(self.url_of(path)?).query(query);
        tracing::debug!(path, "Prowlarr request");
        self.execute(request, timeout).await
    }

    /// One POST of `body` as JSON, like [`Self::get`].
    async fn post(
        &self,
        path: &str,
        body: &serde_json::Value,
        timeout: Duration,
    ) -> Result<Body, ProwlarrError> {
        let request = self.inner.http.post(self.url_of(path)?).json(body);
        tracing::debug!(path, "Prowlarr request (POST)");
        self.execute(request, timeout).await
    }

    fn url_of(&self, path: &str) -> Result<url::Url, ProwlarrError> {
        self.inner
            .base_url
            .join(path)
            .map_err(|e| ProwlarrError::InvalidUrl(e.to_string()))
    }

    /// Sends a request: status checked, body read up to [`MAX_RESPONSE_BYTES`].
    async fn execute(
        &self,
        request: reqwest::RequestBuilder,
        timeout: Duration,
    ) -> Result<Body, ProwlarrError> {
        let mut response = request
            .timeout(timeout)
            .send()
            .await
            .map_err(|e| self.transport_error(&e, timeout))?;
        let status = response.status();
        if !status.is_success() {
            let retry_after = parse_retry_after(response.headers(), Utc::now());
            let location = response
                .headers()
                .get(header::LOCATION)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned);
            // The explanation is a courtesy: failing to read it must not hide the status.
            let body = read_up_to(&mut response, MAX_ERROR_BODY_BYTES)
                .await
                .map(|(b, _)| b)
                .unwrap_or_default();
            let error = classify(status, retry_after, location.as_deref(), &body);
            return Err(self.scrub_error(error));
        }
        let content_type = response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let (bytes, complete) = read_up_to(&mut response, MAX_RESPONSE_BYTES)
            .await
            .map_err(|e| self.transport_error(&e, timeout))?;
        if !complete {
            return Err(ProwlarrError::BadResponse(format!(
                "the answer is larger than {} MiB; search fewer categories or indexers",
                MAX_RESPONSE_BYTES / (1024 * 1024)
            )));
        }
        Ok(Body {
            content_type,
            bytes,
        })
    }

    fn transport_error(&self, error: &reqwest::Error, timeout: Duration) -> ProwlarrError {
        let cause = self.scrub(&root_cause(error));
        let url = &self.inner.shown_url;
        if error.is_connect() {
            ProwlarrError::Unreachable(format!(
                "cannot reach Prowlarr at {url}: {cause} — is it running?"
            ))
        } else if error.is_timeout() {
            ProwlarrError::Timeout(timeout)
        } else {
            ProwlarrError::Unreachable(format!(
                "the connection to Prowlarr at {url} failed: {cause} — is it running?"
            ))
        }
    }

    /// Redacts `apikey=` parameters and our key wherever it appears.
    fn scrub(&self, text: &str) -> String {
        scrub(text, [self.inner.api_key.expose()])
    }

    /// [`Self::scrub`] on every text an error carries. Error texts quote bodies, and bodies (download links)
    /// embed our key; the bodies themselves stay intact, because callers need the real links.
    fn scrub_error(&self, error: ProwlarrError) -> ProwlarrError {
        use ProwlarrError as E;
        match error {
            E::InvalidUrl(text) => E::InvalidUrl(self.scrub(&text)),
            E::InvalidApiKey(text) => E::InvalidApiKey(self.scrub(&text)),
            E::Unreachable(text) => E::Unreachable(self.scrub(&text)),
            E::BadResponse(text) => E::BadResponse(self.scrub(&text)),
            E::Server { status, message } => E::Server {
                status,
                message: self.scrub(&message),
            },
            E::Rejected { status, message } => E::Rejected {
                status,
                message: self.scrub(&message),
            },
            other @ (E::Unauthorized
            | E::Timeout(_)
            | E::RateLimited { .. }
            | E::StartingUp
            | E::AllIndexersUnavailable) => other,
        }
    }
}

/// Follows redirects on the same host only: the API key header must not go anywhere else.
fn same_host_redirects() -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(|attempt| {
        let same_host = attempt
            .previous()
            .first()
            .is_some_and(|first| first.host_str() == attempt.url().host_str());
        if same_host && attempt.previous().len() < 5 {
            attempt.follow()
        } else {
            attempt.stop()
        }
    })
}

/// Reads at most `cap` bytes; `false` when the body was longer.
async fn read_up_to(
    response: &mut reqwest::Response,
    cap: usize,
) -> Result<(Vec<u8>, bool), reqwest::Error> {
    if response
        .content_length()
        .is_some_and(|len| len > cap as u64)
    {
        return Ok((Vec::new(), false));
    }
    let mut bytes = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        if bytes.len() + chunk.len() > cap {
            return Ok((bytes, false));
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok((bytes, true))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;

    #[test]
    fn retries_honour_retry_after_and_give_up_on_what_will_not_change() {
        let policy = RetryPolicy::default();
        let mut timeouts = 0;
        let limited = ProwlarrError::RateLimited {
            retry_after: Some(Duration::from_secs(20)),
        };
        assert!(should_retry(&limited, &policy, &mut timeouts));
        assert_eq!(
            next_delay(&limited, Duration::from_secs(1), &policy),
            Duration::from_secs(20)
        );
        let too_long = ProwlarrError::RateLimited {
            retry_after: Some(Duration::from_secs(3600)),
        };
        assert!(!should_retry(&too_long, &policy, &mut timeouts));
        let server = ProwlarrError::Server {
            status: 502,
            message: String::new(),
        };
        assert_eq!(
            next_delay(&server, Duration::from_secs(500), &policy),
            policy.max_delay
        );
        for permanent in [
            ProwlarrError::Unauthorized,
            ProwlarrError::AllIndexersUnavailable,
            ProwlarrError::BadResponse(String::new()),
            ProwlarrError::Rejected {
                status: 404,
                message: String::new(),
            },
        ] {
            assert!(
                !should_retry(&permanent, &policy, &mut timeouts),
                "{permanent:?}"
            );
        }
        let timeout = ProwlarrError::Timeout(Duration::from_secs(90));
        assert!(should_retry(&timeout, &policy, &mut timeouts));
        assert!(
            !should_retry(&timeout, &policy, &mut timeouts),
            "a timeout is retried once only"
        );
    }

    #[test]
    fn error_texts_lose_our_key_wherever_a_body_quoted_it() {
        let key = "0123456789abcdef";
        let client =
            ProwlarrClient::new(ProwlarrConfig::new("http://h:9696", Secret::new(key)).unwrap())
                .unwrap();
        let quoted = ProwlarrError::BadResponse(format!(
            "got [{{\"downloadUrl\":\"http://h/1/download?k={key}\"}}"
        ));
        let text = client.scrub_error(quoted).to_string();
        assert!(!text.contains(key) && text.contains("[redacted]"), "{text}");
        let server = ProwlarrError::Server {
            status: 500,
            message: format!("bad key {key}"),
        };
        assert!(!client.scrub_error(server).to_string().contains(key));
    }
}
