//! A fake Prowlarr HTTP server faithful to the reference notes (prowlarr-api.md): the request pipeline of the
//! real one (API-key auth with its source order, 406 on `Accept`, 503 while starting up, the version header),
//! `GET /api/v1/search` with ASP.NET binding and per-indexer paging, grabbing from the release cache the searches
//! fill (`POST /api/v1/search`, `GET /api/v1/downloadclient`, in `grab.rs`), a few status endpoints, and
//! injectable failures, latency and counters for tests.
//!
//! All requests go through one handler that mirrors the ASP.NET middleware order (auth → starting-up →
//! content negotiation → endpoint) instead of axum routes, because the order of those checks is part of what
//! a client has to cope with and is easier to keep right in one place.

mod grab;
mod release;
mod resources;
mod search;

use std::collections::{BTreeMap, HashSet, VecDeque};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use tokio::sync::watch;

pub use grab::{CACHE_FOR, Grab, GrabFault, download_client};
pub use release::ReleaseBuilder;

use crate::Lifetime;

/// The version the fake reports until `set_version` changes it.
pub const DEFAULT_VERSION: &str = "2.3.6.5176";
const JSON_CONTENT_TYPE: &str = "application/json; charset=utf-8";
/// How long a [`Fault::Hang`] search waits: far longer than any sane client timeout.
const HANG_FOR: Duration = Duration::from_secs(3600);

/// A failure the next (or a matching) `GET /api/v1/search` answers with instead of results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// 401 with an empty body, as for a wrong key.
    Unauthorized,
    /// 429 with `Retry-After: N` and `{"message": ...}`.
    TooManyRequests { retry_after_secs: u64 },
    /// 500 with `{"message": ...}`.
    ServerError,
    /// 503 `{"errorMessage":"Prowlarr is starting up, please try again later"}`.
    StartingUp,
    /// 400 `{"message":"Search failed due to all selected indexers being unavailable"}`.
    AllIndexersUnavailable,
    /// 200 `text/html`: what a reverse proxy's login page looks like to a client.
    HtmlBody,
    /// 200 `application/json` whose array is cut off mid-object.
    TruncatedJson,
    /// Never answers (until the fake shuts down).
    Hang,
    /// 200 `application/json`: a valid array of releases `bytes` long (rounded up to a whole chunk), streamed
    /// without a `Content-Length` as ASP.NET streams a large answer, so only a client that reads it all holds
    /// it all. The fake holds one 64 KiB chunk, whatever `bytes` is.
    HugeBody { bytes: u64 },
}

/// One request as the fake saw it, for tests that assert on what a client sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedRequest {
    pub method: String,
    pub path: String,
    /// Decoded query pairs in order, repeats kept.
    pub query: Vec<(String, String)>,
    pub user_agent: Option<String>,
    /// The `X-Api-Key` header as sent.
    pub api_key_header: Option<String>,
    pub accept: Option<String>,
}

/// Handle to a running fake Prowlarr. Cheap to clone; the server stops on `shutdown()` or when the last
/// handle is dropped.
#[derive(Clone)]
pub struct FakeProwlarr {
    shared: Arc<Shared>,
    lifetime: Arc<Lifetime>,
    addr: SocketAddr,
}

impl std::fmt::Debug for FakeProwlarr {
    // The API key stays out of Debug output, like every secret in this project.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeProwlarr")
            .field("url", &self.url())
            .finish_non_exhaustive()
    }
}

struct Shared {
    api_key: String,
    started: DateTime<Utc>,
    state: Mutex<MutableState>,
    requests: AtomicU64,
    search_requests: AtomicU64,
    feed_requests: AtomicU64,
    in_flight: AtomicUsize,
    max_in_flight: AtomicUsize,
    shutdown: watch::Receiver<bool>,
}

struct MutableState {
    /// Shared with searches in flight: a search clones the `Arc`, not the releases (copy on write).
    releases: Arc<search::Catalog>,
    /// Indexers with no release yet: id → (name, protocol).
    extra_indexers: BTreeMap<i64, (String, String)>,
    /// `IndexerStatusResource` per blocked indexer id.
    blocked: BTreeMap<i64, Value>,
    /// Health entries besides the indexer-status one derived from `blocked`.
    health: Vec<Value>,
    latency: Duration,
    /// How long an accepted grab's answer takes (the grab is recorded first, as Prowlarr has sent it on).
    grab_latency: Duration,
    faults: VecDeque<Fault>,
    query_faults: Vec<(String, Fault)>,
    feed_fault: Option<Fault>,
    version: String,
    starting_up: bool,
    recorded: Vec<RecordedRequest>,
    /// The release cache grabs are served from, the download clients and the grabs made.
    desk: grab::Desk,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, MutableState> {
        // A panicking test thread must not wedge the server for the others.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl FakeProwlarr {
    /// Starts a fake on 127.0.0.1 with an OS-chosen port. Panics if loopback cannot be bound, which only
    /// happens on a broken test machine.
    pub async fn start(api_key: &str) -> FakeProwlarr {
        match Self::start_on(crate::ephemeral_loopback(), api_key).await {
            Ok(fake) => fake,
            Err(e) => panic!("fake Prowlarr could not bind a loopback port: {e}"),
        }
    }

    /// Starts a fake on a given address (the `nw-fakes` binary uses fixed ports).
    pub async fn start_on(addr: SocketAddr, api_key: &str) -> std::io::Result<FakeProwlarr> {
        let (lifetime, rx) = Lifetime::new();
        let shared = Arc::new(Shared {
            api_key: api_key.to_string(),
            started: Utc::now(),
            state: Mutex::new(MutableState {
                releases: Arc::new(search::Catalog::default()),
                extra_indexers: BTreeMap::new(),
                blocked: BTreeMap::new(),
                health: Vec::new(),
                latency: Duration::ZERO,
                grab_latency: Duration::ZERO,
                faults: VecDeque::new(),
                query_faults: Vec::new(),
                feed_fault: None,
                version: DEFAULT_VERSION.to_string(),
                starting_up: false,
                recorded: Vec::new(),
                desk: grab::Desk::default(),
            }),
            requests: AtomicU64::new(0),
            search_requests: AtomicU64::new(0),
            feed_requests: AtomicU64::new(0),
            in_flight: AtomicUsize::new(0),
            max_in_flight: AtomicUsize::new(0),
            shutdown: rx.clone(),
        });
        let router = axum::Router::new()
            .fallback(handle)
            .with_state(shared.clone());
        let addr = crate::spawn_server(addr, router, rx).await?;
        Ok(FakeProwlarr {
            shared,
            lifetime: Arc::new(lifetime),
            addr,
        })
    }

    /// `http://127.0.0.1:PORT`, no trailing slash.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Adds one `ReleaseResource` JSON object (see [`ReleaseBuilder`]).
    pub fn add_release(&self, release: Value) {
        Arc::make_mut(&mut self.shared.lock().releases).push(release);
    }

    pub fn add_releases(&self, releases: impl IntoIterator<Item = Value>) {
        let mut state = self.shared.lock();
        let catalog = Arc::make_mut(&mut state.releases);
        for release in releases {
            catalog.push(release);
        }
    }

    pub fn clear_releases(&self) {
        self.shared.lock().releases = Arc::new(search::Catalog::default());
    }

    /// Declares an indexer that has no release yet, so `GET /api/v1/indexer` lists it.
    pub fn add_indexer(&self, id: i64, name: &str) {
        self.shared
            .lock()
            .extra_indexers
            .insert(id, (name.to_string(), "torrent".to_string()));
    }

    /// Puts an indexer into Prowlarr's failure back-off until `until`: searches skip it silently,
    /// `GET /api/v1/indexerstatus` lists it and `GET /api/v1/health` warns about it (§5).
    pub fn block_indexer(&self, id: i64, until: DateTime<Utc>) {
        let now = release::prowlarr_date(Utc::now());
        self.shared.lock().blocked.insert(
            id,
            json!({
                "indexerId": id,
                "disabledTill": release::prowlarr_date(until),
                "initialFailure": now,
                "mostRecentFailure": now,
            }),
        );
    }

    /// Ends every indexer's back-off.
    pub fn unblock_indexers(&self) {
        self.shared.lock().blocked.clear();
    }

    /// Adds a `HealthResource` entry (`type` is `ok`, `notice`, `warning` or `error`).
    pub fn add_health(&self, source: &str, kind: &str, message: &str) {
        self.shared.lock().health.push(json!({
            "source": source,
            "type": kind,
            "message": message,
            "wikiUrl": format!("https://wiki.servarr.com/prowlarr/system#{}", source.to_lowercase()),
        }));
    }

    /// Every `GET /api/v1/search` waits this long before answering (faults included).
    pub fn set_latency(&self, d: Duration) {
        self.shared.lock().latency = d;
    }

    /// Every grab (`POST /api/v1/search`) is done at once but answered this much later: a client that dies
    /// meanwhile never learns that Prowlarr sent the release on.
    pub fn set_grab_latency(&self, d: Duration) {
        self.shared.lock().grab_latency = d;
    }

    /// Queues a fault: the next search request gets it (FIFO).
    pub fn push_fault(&self, fault: Fault) {
        self.shared.lock().faults.push_back(fault);
    }

    /// Persistent: every search whose query contains `query_contains` (case-insensitive) gets `fault`, after
    /// the FIFO queue is empty.
    pub fn set_query_fault(&self, query_contains: &str, fault: Fault) {
        self.shared
            .lock()
            .query_faults
            .push((query_contains.to_lowercase(), fault));
    }

    /// Persistent: every latest-releases search (an empty query, §6) gets `fault`, after the FIFO queue is
    /// empty. Searches by name are unaffected.
    pub fn set_feed_fault(&self, fault: Fault) {
        self.shared.lock().feed_fault = Some(fault);
    }

    /// Removes every queued, per-query and feed fault.
    pub fn clear_faults(&self) {
        let mut state = self.shared.lock();
        state.faults.clear();
        state.query_faults.clear();
        state.feed_fault = None;
    }

    /// The `version` of `/api/v1/system/status` and the `X-Application-Version` header.
    pub fn set_version(&self, v: &str) {
        self.shared.lock().version = v.to_string();
    }

    /// While on, every `/api/*` request is 503 "starting up".
    pub fn set_starting_up(&self, on: bool) {
        self.shared.lock().starting_up = on;
    }

    /// Count of `GET /api/v1/search` requests, including refused ones.
    pub fn search_requests(&self) -> u64 {
        self.shared.search_requests.load(Ordering::SeqCst)
    }

    /// Count of `GET /api/v1/search` requests with an empty query: the latest-releases (RSS) feed (§6).
    pub fn feed_requests(&self) -> u64 {
        self.shared.feed_requests.load(Ordering::SeqCst)
    }

    /// Count of all requests.
    pub fn requests(&self) -> u64 {
        self.shared.requests.load(Ordering::SeqCst)
    }

    /// The most `GET /api/v1/search` handlers ever running at once (latency sleep included).
    pub fn max_in_flight(&self) -> usize {
        self.shared.max_in_flight.load(Ordering::SeqCst)
    }

    /// Adds a download client (see [`download_client`]), listed by `GET /api/v1/downloadclient` and chosen
    /// by grabs of its protocol when enabled.
    pub fn add_download_client(&self, client: Value) {
        self.shared.lock().desk.add_client(client);
    }

    /// The grabs accepted, in order.
    pub fn grabs(&self) -> Vec<Grab> {
        self.shared.lock().desk.grabs()
    }

    /// The next grab is refused so.
    pub fn push_grab_fault(&self, fault: GrabFault) {
        self.shared.lock().desk.push_fault(fault);
    }

    /// Makes the releases searches returned `by` older, as if that time had passed ([`CACHE_FOR`]).
    pub fn age_release_cache(&self, by: Duration) {
        let by = chrono::TimeDelta::from_std(by).unwrap_or(chrono::TimeDelta::MAX);
        self.shared.lock().desk.age(by);
    }

    /// What a restart of Prowlarr loses: the releases searches returned can no longer be grabbed.
    pub fn restart(&self) {
        self.shared.lock().desk.restart();
    }

    /// Every request, in arrival order.
    pub fn recorded(&self) -> Vec<RecordedRequest> {
        self.shared.lock().recorded.clone()
    }

    /// Stops the server; pending hangs and latency sleeps end at once.
    pub fn shutdown(&self) {
        self.lifetime.shutdown();
    }
}

fn json_response(status: StatusCode, body: &Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, JSON_CONTENT_TYPE)],
        body.to_string(),
    )
        .into_response()
}

fn empty(status: StatusCode) -> Response {
    (status, Body::empty()).into_response()
}

fn header_str(headers: &HeaderMap, name: impl header::AsHeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

/// The key from the first source present, in `ApiKeyAuthenticationHandler`'s order: query `apikey`, header
/// `X-Api-Key`, `Authorization: Bearer`. Only that source counts, even if a later one would be right.
fn presented_key(query: &[(String, String)], headers: &HeaderMap) -> Option<String> {
    if let Some((_, v)) = query.iter().find(|(k, _)| k.eq_ignore_ascii_case("apikey")) {
        return Some(v.clone());
    }
    if let Some(v) = header_str(headers, "x-api-key") {
        return Some(v);
    }
    let auth = header_str(headers, header::AUTHORIZATION)?;
    let (scheme, token) = auth.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_string())
}

/// ASP.NET's `ReturnHttpNotAcceptable`: an `Accept` header that names no JSON-compatible type is a 406.
fn accepts_json(headers: &HeaderMap) -> bool {
    let Some(accept) = header_str(headers, header::ACCEPT) else {
        return true;
    };
    if accept.trim().is_empty() {
        return true;
    }
    accept.split(',').any(|part| {
        let media = part
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        matches!(
            media.as_str(),
            "*/*" | "application/*" | "application/json" | "text/json"
        ) || media.ends_with("+json")
    })
}

/// The largest request body the fake reads (a release resource is a few KiB).
const MAX_BODY: usize = 1 << 20;

async fn handle(State(shared): State<Arc<Shared>>, req: Request) -> Response {
    shared.requests.fetch_add(1, Ordering::SeqCst);
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let query = crate::parse_query(req.uri().query().unwrap_or(""));
    let headers = req.headers().clone();
    let Ok(body) = axum::body::to_bytes(req.into_body(), MAX_BODY).await else {
        return empty(StatusCode::PAYLOAD_TOO_LARGE);
    };
    shared.lock().recorded.push(RecordedRequest {
        method: method.to_string(),
        path: path.clone(),
        query: query.clone(),
        user_agent: header_str(&headers, header::USER_AGENT),
        api_key_header: header_str(&headers, "x-api-key"),
        accept: header_str(&headers, header::ACCEPT),
    });

    // ASP.NET routing is case-insensitive and tolerates a trailing slash.
    let route = path.trim_end_matches('/').to_ascii_lowercase();
    let is_search = route == "/api/v1/search";
    if is_search && method == Method::GET {
        shared.search_requests.fetch_add(1, Ordering::SeqCst);
        let text = query
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("query"))
            .map_or("", |(_, v)| v.as_str());
        if text.trim().is_empty() {
            shared.feed_requests.fetch_add(1, Ordering::SeqCst);
        }
    }
    let is_api = route.starts_with("/api/") || route == "/api";
    let mut response = route_request(&shared, &method, &route, &query, &headers, &body).await;
    if is_api {
        let version = shared.lock().version.clone();
        if let Ok(v) = HeaderValue::from_str(&version) {
            response.headers_mut().insert("x-application-version", v);
        }
    }
    response
}

async fn route_request(
    shared: &Arc<Shared>,
    method: &Method,
    route: &str,
    query: &[(String, String)],
    headers: &HeaderMap,
    body: &[u8],
) -> Response {
    let read = *method == Method::GET || *method == Method::HEAD;
    if route == "/ping" {
        if !read {
            return empty(StatusCode::METHOD_NOT_ALLOWED);
        }
        if !accepts_json(headers) {
            return empty(StatusCode::NOT_ACCEPTABLE);
        }
        return json_response(StatusCode::OK, &json!({"status": "OK"}));
    }

    if presented_key(query, headers).as_deref() != Some(shared.api_key.as_str()) {
        return empty(StatusCode::UNAUTHORIZED);
    }
    let is_api = route.starts_with("/api/") || route == "/api";
    if is_api && shared.lock().starting_up {
        return starting_up();
    }
    if !accepts_json(headers) {
        return empty(StatusCode::NOT_ACCEPTABLE);
    }

    match (route, read) {
        ("/api/v1/search", true) => search(shared, query).await,
        ("/api/v1/search", false) if *method == Method::POST => {
            let ((status, answer), latency) = {
                let mut state = shared.lock();
                (state.desk.grab(body, Utc::now()), state.grab_latency)
            };
            crate::sleep_or_shutdown(latency, &shared.shutdown).await;
            json_response(status, &answer)
        }
        ("/api/v1/downloadclient", true) => {
            json_response(StatusCode::OK, &shared.lock().desk.clients())
        }
        ("/api/v1/system/status", true) => {
            let version = shared.lock().version.clone();
            json_response(
                StatusCode::OK,
                &resources::system_status(&version, shared.started),
            )
        }
        ("/api/v1/indexer", true) => {
            json_response(StatusCode::OK, &Value::Array(indexer_list(shared)))
        }
        ("/api/v1/indexer/categories", true) => {
            json_response(StatusCode::OK, &release::category_tree())
        }
        ("/api/v1/indexerstatus", true) => {
            let blocked: Vec<Value> = shared.lock().blocked.values().cloned().collect();
            json_response(StatusCode::OK, &Value::Array(blocked))
        }
        ("/api/v1/health", true) => json_response(StatusCode::OK, &health(shared)),
        (r, true) if r.starts_with("/api/v1/indexer/") => {
            let id = r["/api/v1/indexer/".len()..].parse::<i64>().ok();
            let found = id.and_then(|id| {
                indexer_list(shared)
                    .into_iter()
                    .find(|i| i["id"].as_i64() == Some(id))
            });
            match found {
                Some(indexer) => json_response(StatusCode::OK, &indexer),
                None => json_response(StatusCode::NOT_FOUND, &json!({"message": "NotFound"})),
            }
        }
        (
            "/api/v1/search"
            | "/api/v1/system/status"
            | "/api/v1/indexer"
            | "/api/v1/indexerstatus"
            | "/api/v1/health",
            false,
        ) => empty(StatusCode::METHOD_NOT_ALLOWED),
        _ => empty(StatusCode::NOT_FOUND),
    }
}

fn starting_up() -> Response {
    json_response(
        StatusCode::SERVICE_UNAVAILABLE,
        &json!({"errorMessage": "Prowlarr is starting up, please try again later"}),
    )
}

/// Counts a search handler as in flight for as long as it lives, even if the client gives up mid-way.
struct InFlight<'a>(&'a Shared);

impl<'a> InFlight<'a> {
    fn enter(shared: &'a Shared) -> Self {
        let now = shared.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
        shared.max_in_flight.fetch_max(now, Ordering::SeqCst);
        InFlight(shared)
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}

async fn search(shared: &Arc<Shared>, query: &[(String, String)]) -> Response {
    let _in_flight = InFlight::enter(shared);
    let params = match search::bind_params(query) {
        Ok(p) => p,
        Err(errors) => return json_response(StatusCode::BAD_REQUEST, &errors),
    };
    let (latency, fault) = {
        let mut state = shared.lock();
        let fault = state.faults.pop_front().or_else(|| {
            let q = params.query.as_deref().unwrap_or("").to_lowercase();
            if q.trim().is_empty() {
                return state.feed_fault.clone();
            }
            state
                .query_faults
                .iter()
                .find(|(needle, _)| q.contains(needle.as_str()))
                .map(|(_, f)| f.clone())
        });
        (state.latency, fault)
    };
    if !crate::sleep_or_shutdown(latency, &shared.shutdown).await {
        return starting_up();
    }
    if let Some(fault) = fault {
        return fault_response(shared, &fault).await;
    }

    let (releases, blocked, extra) = {
        let state = shared.lock();
        let blocked: HashSet<i64> = state.blocked.keys().copied().collect();
        (
            state.releases.clone(),
            blocked,
            state.extra_indexers.clone(),
        )
    };
    if !params.indexer_ids.is_empty() {
        let mut known = resources::indexer_summaries(releases.releases());
        known.extend(extra);
        known.retain(|id, _| !blocked.contains(id));
        let any_available = params.indexer_ids.iter().any(|id| match id {
            -1 => known.values().any(|(_, p)| p == "usenet"),
            -2 => known.values().any(|(_, p)| p == "torrent"),
            id => known.contains_key(id),
        });
        if !any_available {
            return all_indexers_unavailable();
        }
    }
    let now = Utc::now();
    let results = search::run(&releases, &params, &blocked, now);
    shared.lock().desk.remember(&results, now);
    json_response(StatusCode::OK, &Value::Array(results))
}

fn all_indexers_unavailable() -> Response {
    json_response(
        StatusCode::BAD_REQUEST,
        &json!({"message": "Search failed due to all selected indexers being unavailable"}),
    )
}

async fn fault_response(shared: &Arc<Shared>, fault: &Fault) -> Response {
    match fault {
        Fault::Unauthorized => empty(StatusCode::UNAUTHORIZED),
        Fault::TooManyRequests { retry_after_secs } => {
            let mut response = json_response(
                StatusCode::TOO_MANY_REQUESTS,
                &json!({"message": format!("Too many requests, retry after {retry_after_secs} seconds")}),
            );
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(*retry_after_secs));
            response
        }
        Fault::ServerError => json_response(
            StatusCode::INTERNAL_SERVER_ERROR,
            &json!({"message": "Object reference not set to an instance of an object."}),
        ),
        Fault::StartingUp => starting_up(),
        Fault::AllIndexersUnavailable => all_indexers_unavailable(),
        Fault::HtmlBody => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            "<html><head><title>Login</title></head><body><form method=\"post\">\
             <input name=\"username\"><input name=\"password\" type=\"password\"></form></body></html>",
        )
            .into_response(),
        Fault::TruncatedJson => {
            let releases = shared.lock().releases.clone();
            let full = Value::Array(search::run(
                &releases,
                &search::SearchParams::default(),
                &HashSet::new(),
                Utc::now(),
            ))
            .to_string();
            // Drop the closing bracket and start another object that never ends: invalid however many
            // releases there are.
            let mut cut = full[..full.len() - 1].to_string();
            if cut.len() > 1 {
                cut.push(',');
            }
            cut.push_str("{\"guid\":\"https://tracker.example/torrents/9");
            (
                StatusCode::OK,
                [(header::CONTENT_TYPE, JSON_CONTENT_TYPE)],
                cut,
            )
                .into_response()
        }
        Fault::Hang => {
            crate::sleep_or_shutdown(HANG_FOR, &shared.shutdown).await;
            starting_up()
        }
        Fault::HugeBody { bytes } => huge_body(*bytes),
    }
}

/// `[release,release,...]` of about `bytes` bytes, as a stream of one shared chunk: `Bytes` clones are
/// reference counts, so the fake's memory does not grow with `bytes`.
fn huge_body(bytes: u64) -> Response {
    const CHUNK: usize = 64 * 1024;
    let one = ReleaseBuilder::new("Filler.Release.2024.1080p.WEB-DL.x264-FILL")
        .build()
        .to_string();
    let mut chunk = String::with_capacity(CHUNK + one.len() + 1);
    while chunk.len() < CHUNK {
        chunk.push(',');
        chunk.push_str(&one);
    }
    let chunk = axum::body::Bytes::from(chunk);
    let middle = bytes.div_ceil(chunk.len() as u64);
    let parts = std::iter::once(axum::body::Bytes::from(format!("[{one}")))
        .chain(std::iter::repeat_n(
            chunk,
            usize::try_from(middle).unwrap_or(usize::MAX),
        ))
        .chain(std::iter::once(axum::body::Bytes::from_static(b"]")))
        .map(Ok::<_, std::convert::Infallible>);
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, JSON_CONTENT_TYPE)],
        Body::from_stream(futures_util::stream::iter(parts)),
    )
        .into_response()
}

/// The current indexer list, derived from the releases and the declared indexers.
fn indexer_list(shared: &Shared) -> Vec<Value> {
    let (releases, extra) = {
        let state = shared.lock();
        (state.releases.clone(), state.extra_indexers.clone())
    };
    resources::indexers(releases.releases(), &extra, shared.started)
}

/// `HealthResource[]`: Prowlarr's `IndexerStatusCheck` says which indexers are in back-off (a warning, or an
/// error when all are), followed by the entries a test added.
fn health(shared: &Shared) -> Value {
    let (blocked, mut extra) = {
        let state = shared.lock();
        let blocked: Vec<i64> = state.blocked.keys().copied().collect();
        (blocked, state.health.clone())
    };
    let mut out = Vec::new();
    if !blocked.is_empty() {
        let indexers = indexer_list(shared);
        let name_of = |id: i64| {
            indexers
                .iter()
                .find(|i| i["id"].as_i64() == Some(id))
                .and_then(|i| i["name"].as_str())
                .unwrap_or("Unknown")
                .to_string()
        };
        let all = indexers
            .iter()
            .all(|i| i["id"].as_i64().is_some_and(|id| blocked.contains(&id)));
        let (kind, message) = if all {
            (
                "error",
                "All indexers are unavailable due to failures".to_string(),
            )
        } else {
            let names: Vec<String> = blocked.iter().map(|&id| name_of(id)).collect();
            (
                "warning",
                format!("Indexers unavailable due to failures: {}", names.join(", ")),
            )
        };
        out.push(json!({
            "source": "IndexerStatusCheck",
            "type": kind,
            "message": message,
            "wikiUrl": "https://wiki.servarr.com/prowlarr/system#indexers-are-unavailable-due-to-failures",
        }));
    }
    out.append(&mut extra);
    Value::Array(out)
}
