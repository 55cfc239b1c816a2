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

use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use backon::{ExponentialBuilder, Retryable};
use chrono::{DateTime, NaiveDateTime, Utc};
use reqwest::StatusCode;
use reqwest::header::{self, HeaderMap, HeaderValue};
use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer};
use serde_json::Value;
use url::Url;

use crate::model::{ItemKind, WatchlistItem};
use crate::redact::scrub;
use crate::secrets::Secret;

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

/// How transient failures are retried: exponential backoff with jitter, or `Retry-After` when Prowlarr sends it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in total, the first included. 1 disables retries.
    pub max_attempts: u32,
    /// The first backoff delay; it doubles per retry, plus up to 100 % jitter, capped at `max_delay`.
    pub base_delay: Duration,
    pub max_delay: Duration,
    /// A longer `Retry-After` is returned as [`ProwlarrError::RateLimited`] instead of waited for.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 4,
            base_delay: Duration::from_secs(1),
            max_delay: Duration::from_secs(60),
            max_retry_after: Duration::from_secs(5 * 60),
        }
    }
}

impl RetryPolicy {
    /// One attempt, no retries.
    pub fn none() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }
}

/// Where Prowlarr is and how to talk to it.
#[derive(Clone)]
pub struct ProwlarrConfig {
    /// Prowlarr's address including any URL base, e.g. `http://nas:9696/prowlarr`.
    pub base_url: Url,
    pub api_key: Secret,
    pub request_timeout: Duration,
    pub connect_timeout: Duration,
    pub retry: RetryPolicy,
}

impl ProwlarrConfig {
    /// Validates the URL (http or https, a host, no query) and the key, with the defaults for the rest.
    pub fn new(base_url: &str, api_key: Secret) -> Result<Self, ProwlarrError> {
        let base_url = parse_base_url(base_url)?;
        let api_key = Secret::new(api_key.expose().trim());
        api_key_header(&api_key)?;
        Ok(ProwlarrConfig {
            base_url,
            api_key,
            request_timeout: DEFAULT_REQUEST_TIMEOUT,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            retry: RetryPolicy::default(),
        })
    }
}

impl fmt::Debug for ProwlarrConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProwlarrConfig")
            .field("base_url", &shown_url(&self.base_url))
            .field("api_key", &self.api_key)
            .field("request_timeout", &self.request_timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("retry", &self.retry)
            .finish()
    }
}

fn parse_base_url(raw: &str) -> Result<Url, ProwlarrError> {
    const EXAMPLE: &str = "it looks like http://localhost:9696";
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(ProwlarrError::InvalidUrl(format!(
            "the URL is empty; {EXAMPLE}"
        )));
    }
    if !raw.contains("://") {
        return Err(ProwlarrError::InvalidUrl(format!(
            "{:?} has no scheme; add http:// or https:// in front ({EXAMPLE})",
            scrub(raw, [])
        )));
    }
    let url = Url::parse(raw).map_err(|e| {
        ProwlarrError::InvalidUrl(format!(
            "{:?} is not a URL ({e}); {EXAMPLE}",
            scrub(raw, [])
        ))
    })?;
    normalize_base_url(url)
}

/// Checks what [`parse_base_url`] checks on an already parsed URL, and makes its path end in `/` so that
/// joining `api/v1/...` keeps a URL base such as `/prowlarr`.
fn normalize_base_url(mut url: Url) -> Result<Url, ProwlarrError> {
    if !matches!(url.scheme(), "http" | "https") {
        return Err(ProwlarrError::InvalidUrl(format!(
            "the scheme must be http or https, not {:?}; it looks like http://localhost:9696",
            url.scheme()
        )));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(ProwlarrError::InvalidUrl(
            "the URL has no host; it looks like http://localhost:9696".into(),
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(ProwlarrError::InvalidUrl(format!(
            "{} must not contain a query (?...) or fragment (#...): the API key has its own setting",
            shown_url(&url)
        )));
    }
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    Ok(url)
}

/// The URL as shown in messages and logs: without a password or query, without the trailing slash.
fn shown_url(url: &Url) -> String {
    let mut shown = url.clone();
    if shown.password().is_some() {
        // Only fails for URLs that cannot have a password, which then have none to hide.
        let _ = shown.set_password(Some("[redacted]"));
    }
    shown.set_query(None);
    shown.set_fragment(None);
    shown.as_str().trim_end_matches('/').to_owned()
}

fn api_key_header(key: &Secret) -> Result<HeaderValue, ProwlarrError> {
    let value = key.expose();
    if value.trim().is_empty() {
        return Err(ProwlarrError::InvalidApiKey(
            "it is empty; copy it from Prowlarr (Settings → General → Security → API Key)".into(),
        ));
    }
    if !value.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(ProwlarrError::InvalidApiKey(
            "it contains spaces or characters other than printable ASCII; copy it again from Prowlarr \
             (Settings → General → Security → API Key)"
                .into(),
        ));
    }
    let mut header = HeaderValue::from_str(value)
        .map_err(|_| ProwlarrError::InvalidApiKey("it cannot be sent as an HTTP header".into()))?;
    header.set_sensitive(true);
    Ok(header)
}

/// What went wrong talking to Prowlarr. Every message says what failed and what to do, and contains no secret.
#[derive(Debug, thiserror::Error)]
pub enum ProwlarrError {
    #[error("invalid Prowlarr URL: {0}")]
    InvalidUrl(String),
    #[error("invalid Prowlarr API key: {0}")]
    InvalidApiKey(String),
    #[error(
        "Prowlarr refused the API key (401): check it in Settings or run `nightwatcherd secret set prowlarr-api-key`"
    )]
    Unauthorized,
    /// Connection refused, DNS failure, connect timeout or a connection broken mid-answer. The text names the
    /// URL (without secrets) and the cause.
    #[error("{0}")]
    Unreachable(String),
    #[error(
        "Prowlarr did not answer within {}: a search waits for its slowest indexer; look for a hanging indexer \
         in Prowlarr (System → Status, Indexers), or raise the timeout",
        seconds(*.0)
    )]
    Timeout(Duration),
    #[error("Prowlarr is rate limiting NightWatcher (429); {}", match .retry_after {
        Some(d) => format!("it asks to wait {}", seconds(*d)),
        None => "try again later".to_owned(),
    })]
    RateLimited { retry_after: Option<Duration> },
    #[error("Prowlarr is starting up (503); it will answer in a minute")]
    StartingUp,
    #[error(
        "Prowlarr could not search: all selected indexers are disabled or failing (400); check Indexers in Prowlarr"
    )]
    AllIndexersUnavailable,
    #[error(
        "Prowlarr failed with HTTP {status}: {message}. If it keeps happening, look at System → Logs in Prowlarr"
    )]
    Server { status: u16, message: String },
    #[error("Prowlarr rejected the request with HTTP {status}: {message}")]
    Rejected { status: u16, message: String },
    #[error("Prowlarr's answer is not what NightWatcher expected: {0}")]
    BadResponse(String),
}

impl ProwlarrError {
    /// Worth trying again later: the same request may well succeed.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            ProwlarrError::Unreachable(_)
                | ProwlarrError::Timeout(_)
                | ProwlarrError::RateLimited { .. }
                | ProwlarrError::StartingUp
                | ProwlarrError::Server { .. }
        )
    }

    /// How long Prowlarr asked us to wait, if it did.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            ProwlarrError::RateLimited { retry_after } => *retry_after,
            _ => None,
        }
    }

    /// The failure is Prowlarr's or the configuration's, not this item's: searching the other items now would
    /// fail the same way, so a check should stop instead.
    pub fn blocks_all_items(&self) -> bool {
        matches!(
            self,
            ProwlarrError::Unauthorized
                | ProwlarrError::Unreachable(_)
                | ProwlarrError::InvalidUrl(_)
                | ProwlarrError::InvalidApiKey(_)
                | ProwlarrError::StartingUp
        )
    }
}

fn seconds(d: Duration) -> String {
    let secs = d.as_secs_f64();
    if secs.fract() == 0.0 {
        format!("{secs:.0} s")
    } else {
        format!("{secs:.1} s")
    }
}

/// Prowlarr's search types. Only `movie` and `tvsearch` parse the `{ImdbId:..}`-style tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchType {
    Search,
    Movie,
    TvSearch,
}

impl SearchType {
    pub fn as_str(self) -> &'static str {
        match self {
            SearchType::Search => "search",
            SearchType::Movie => "movie",
            SearchType::TvSearch => "tvsearch",
        }
    }
}

/// One `GET /api/v1/search`.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchRequest {
    /// Free text, optionally with `{Token:value}` ids. Empty: the indexers' latest releases (RSS).
    pub query: String,
    pub search_type: SearchType,
    pub categories: Vec<u32>,
    /// Empty: all enabled indexers.
    pub indexer_ids: Vec<i32>,
    /// Per indexer.
    pub limit: u32,
    pub offset: u32,
}

impl SearchRequest {
    pub fn new(query: impl Into<String>, search_type: SearchType) -> Self {
        SearchRequest {
            query: query.into(),
            search_type,
            categories: Vec::new(),
            indexer_ids: Vec::new(),
            limit: DEFAULT_LIMIT,
            offset: 0,
        }
    }

    /// The search for one watchlist item: its title, plus the ids we know as Prowlarr search tokens, so that
    /// indexers supporting id search find the item however a release spells its title. The title stays in
    /// the query for indexers that search by text only.
    pub fn for_item(item: &WatchlistItem) -> Self {
        // Braces in a title would be read as the start of a token.
        let title = item
            .title
            .replace(['{', '}'], " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let mut tokens = String::new();
        if let Some(imdb) = item.imdb_id.as_deref().filter(|s| !s.is_empty()) {
            tokens.push_str(&format!("{{ImdbId:{imdb}}}"));
        }
        let search_type = match item.kind {
            ItemKind::Movie => SearchType::Movie,
            ItemKind::Series => {
                if let Some(tvdb) = item.tvdb_id {
                    tokens.push_str(&format!("{{TvdbId:{tvdb}}}"));
                }
                SearchType::TvSearch
            }
        };
        if let Some(tmdb) = item.tmdb_id {
            tokens.push_str(&format!("{{TmdbId:{tmdb}}}"));
        }
        let query = if tokens.is_empty() {
            title
        } else {
            format!("{title} {tokens}")
        };
        SearchRequest {
            categories: item.categories.clone(),
            ..SearchRequest::new(query, search_type)
        }
    }

    /// The newest releases of every indexer in these categories (an empty-query "RSS" search).
    pub fn latest(categories: Vec<u32>) -> Self {
        SearchRequest {
            categories,
            ..SearchRequest::new("", SearchType::Search)
        }
    }

    /// The query string: array parameters repeated (`categories=2000&categories=5000`), as Prowlarr binds
    /// them; comma lists are not split.
    pub fn query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::with_capacity(4 + self.categories.len() + self.indexer_ids.len());
        if !self.query.trim().is_empty() {
            pairs.push(("query", self.query.clone()));
        }
        pairs.push(("type", self.search_type.as_str().to_owned()));
        pairs.extend(
            self.indexer_ids
                .iter()
                .map(|id| ("indexerIds", id.to_string())),
        );
        pairs.extend(
            self.categories
                .iter()
                .map(|c| ("categories", c.to_string())),
        );
        pairs.push(("limit", self.limit.to_string()));
        if self.offset > 0 {
            pairs.push(("offset", self.offset.to_string()));
        }
        pairs
    }
}

/// Torrent or Usenet. Anything else Prowlarr may add later reads as `Unknown`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Protocol {
    Torrent,
    Usenet,
    #[default]
    Unknown,
}

impl Protocol {
    pub fn as_str(self) -> &'static str {
        match self {
            Protocol::Torrent => "torrent",
            Protocol::Usenet => "usenet",
            Protocol::Unknown => "unknown",
        }
    }
}

impl<'de> Deserialize<'de> for Protocol {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(d)?;
        Ok(
            match value.as_str().map(str::to_ascii_lowercase).as_deref() {
                Some("torrent") => Protocol::Torrent,
                Some("usenet") => Protocol::Usenet,
                _ => Protocol::Unknown,
            },
        )
    }
}

/// A Newznab category of a release. A parent (2000) carries its whole `subCategories` list; that lists what
/// the parent contains, not what the release is in.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Category {
    pub id: i64,
    #[serde(default, deserialize_with = "lenient")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "lenient_list")]
    pub sub_categories: Vec<Category>,
}

/// One search result (Prowlarr's `ReleaseResource`).
///
/// Ids Prowlarr reports as 0 and a size of 0 mean "unknown" there and are `None` here. `download_url` and
/// `magnet_url` are Prowlarr proxy links that embed its API key: never log or show them unredacted.
#[derive(Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Release {
    /// Unique per indexer; the release's identity is (indexer_id, guid).
    #[serde(deserialize_with = "non_blank")]
    pub guid: String,
    #[serde(deserialize_with = "non_blank")]
    pub title: String,
    pub indexer_id: i64,
    #[serde(default, deserialize_with = "lenient")]
    pub indexer: Option<String>,
    #[serde(default, deserialize_with = "lenient_positive")]
    pub size: Option<i64>,
    #[serde(default, deserialize_with = "lenient_date")]
    pub publish_date: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "lenient")]
    pub age_minutes: Option<f64>,
    #[serde(default, deserialize_with = "lenient")]
    pub info_url: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub comment_url: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub poster_url: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub download_url: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub magnet_url: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub info_hash: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub seeders: Option<i64>,
    #[serde(default, deserialize_with = "lenient")]
    pub leechers: Option<i64>,
    #[serde(default, deserialize_with = "lenient")]
    pub grabs: Option<i64>,
    #[serde(default, deserialize_with = "lenient")]
    pub files: Option<i64>,
    #[serde(default)]
    pub protocol: Protocol,
    #[serde(default, deserialize_with = "lenient_list")]
    pub categories: Vec<Category>,
    /// Numeric, as Prowlarr sends it (`133093` for tt0133093).
    #[serde(default, deserialize_with = "lenient_id")]
    pub imdb_id: Option<i64>,
    #[serde(default, deserialize_with = "lenient_id")]
    pub tmdb_id: Option<i64>,
    #[serde(default, deserialize_with = "lenient_id")]
    pub tvdb_id: Option<i64>,
    #[serde(default, deserialize_with = "lenient_list")]
    pub indexer_flags: Vec<String>,
}

impl Release {
    /// The category ids the release is in (not the sub-categories a parent lists).
    pub fn category_ids(&self) -> impl Iterator<Item = i64> + '_ {
        self.categories.iter().map(|c| c.id)
    }
}

impl fmt::Debug for Release {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A guid is sometimes the indexer's own download link, with its key in it: redact it like the links.
        let redacted = |url: &Option<String>| url.as_deref().map(|u| scrub(u, []));
        f.debug_struct("Release")
            .field("guid", &scrub(&self.guid, []))
            .field("title", &self.title)
            .field("indexer_id", &self.indexer_id)
            .field("indexer", &self.indexer)
            .field("size", &self.size)
            .field("publish_date", &self.publish_date)
            .field("age_minutes", &self.age_minutes)
            .field("info_url", &redacted(&self.info_url))
            .field("comment_url", &redacted(&self.comment_url))
            .field("poster_url", &redacted(&self.poster_url))
            .field("download_url", &redacted(&self.download_url))
            .field("magnet_url", &redacted(&self.magnet_url))
            .field("info_hash", &self.info_hash)
            .field("seeders", &self.seeders)
            .field("leechers", &self.leechers)
            .field("grabs", &self.grabs)
            .field("files", &self.files)
            .field("protocol", &self.protocol)
            .field("categories", &self.categories)
            .field("imdb_id", &self.imdb_id)
            .field("tmdb_id", &self.tmdb_id)
            .field("tvdb_id", &self.tvdb_id)
            .field("indexer_flags", &self.indexer_flags)
            .finish()
    }
}

/// Prowlarr's `GET /api/v1/system/status`, the fields a connection test shows.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SystemStatus {
    #[serde(default, deserialize_with = "lenient")]
    pub app_name: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub instance_name: Option<String>,
    pub version: String,
    #[serde(default, deserialize_with = "lenient")]
    pub branch: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub os_name: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub is_docker: Option<bool>,
    #[serde(default, deserialize_with = "lenient")]
    pub url_base: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub authentication: Option<String>,
    #[serde(default, deserialize_with = "lenient_date")]
    pub start_time: Option<DateTime<Utc>>,
}

/// One indexer configured in Prowlarr (`GET /api/v1/indexer`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Indexer {
    pub id: i32,
    #[serde(deserialize_with = "non_blank")]
    pub name: String,
    #[serde(default, deserialize_with = "lenient_or_default")]
    pub enable: bool,
    #[serde(default)]
    pub protocol: Protocol,
    /// `public`, `semiPrivate` or `private`.
    #[serde(default, deserialize_with = "lenient")]
    pub privacy: Option<String>,
    /// 1–50, lower wins when indexers return the same release.
    #[serde(default, deserialize_with = "lenient")]
    pub priority: Option<i32>,
    #[serde(default, deserialize_with = "lenient")]
    pub supports_rss: Option<bool>,
    #[serde(default, deserialize_with = "lenient")]
    pub supports_search: Option<bool>,
    #[serde(default, deserialize_with = "lenient_list")]
    pub tags: Vec<i32>,
}

/// Any value of the wrong type, `null` or absent reads as `None`.
fn lenient<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> Result<Option<T>, D::Error> {
    Ok(serde_json::from_value(Value::deserialize(d)?).ok())
}

fn lenient_or_default<'de, D: Deserializer<'de>, T: DeserializeOwned + Default>(
    d: D,
) -> Result<T, D::Error> {
    Ok(lenient(d)?.unwrap_or_default())
}

/// A list whose malformed elements are dropped; anything but a list reads as empty.
fn lenient_list<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> Result<Vec<T>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Array(items) => items
            .into_iter()
            .filter_map(|v| serde_json::from_value(v).ok())
            .collect(),
        _ => Vec::new(),
    })
}

fn lenient_positive<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    Ok(lenient::<D, i64>(d)?.filter(|n| *n > 0))
}

/// An external id: 0 means unknown. Also accepts the `"tt0133093"` spelling of an IMDb id.
fn lenient_id<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    let id = match Value::deserialize(d)? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().trim_start_matches("tt").parse().ok(),
        _ => None,
    };
    Ok(id.filter(|n| *n > 0))
}

fn lenient_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    Ok(Value::deserialize(d)?.as_str().and_then(parse_date))
}

fn parse_date(s: &str) -> Option<DateTime<Utc>> {
    let date = DateTime::parse_from_rfc3339(s)
        .map(|d| d.with_timezone(&Utc))
        .ok()
        .or_else(|| {
            NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f")
                .ok()
                .map(|n| n.and_utc())
        })?;
    // .NET's DateTime.MinValue (0001-01-01) stands for "unknown".
    (date.timestamp() > 0).then_some(date)
}

fn non_blank<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = String::deserialize(d)?;
    if s.trim().is_empty() {
        Err(D::Error::custom("a required text field is blank"))
    } else {
        Ok(s)
    }
}

/// A successful answer's body, with what is needed to describe it when it is not what we expected.
struct Body {
    content_type: Option<String>,
    bytes: Vec<u8>,
}

/// Parses a JSON array element by element: malformed elements are skipped and described, not fatal.
fn parse_list<T: DeserializeOwned>(
    body: &Body,
    what: &str,
) -> Result<(Vec<T>, Vec<String>), ProwlarrError> {
    let values: Vec<Value> = serde_json::from_slice(&body.bytes)
        .map_err(|e| bad_json(body, &format!("a JSON array of {what}"), &e))?;
    let mut items = Vec::with_capacity(values.len());
    let mut skipped = Vec::new();
    for value in values {
        match serde_json::from_value::<T>(value) {
            Ok(item) => items.push(item),
            Err(e) => skipped.push(e.to_string()),
        }
    }
    Ok((items, skipped))
}

fn parse_one<T: DeserializeOwned>(body: &Body, what: &str) -> Result<T, ProwlarrError> {
    serde_json::from_slice(&body.bytes).map_err(|e| bad_json(body, what, &e))
}

fn bad_json(body: &Body, expected: &str, error: &serde_json::Error) -> ProwlarrError {
    let hint = if body.bytes.trim_ascii_start().starts_with(b"<") {
        "; an HTML page usually means the URL leads to a login page or another web app, not Prowlarr's API \
         (check the URL and its URL base)"
    } else if error.is_eof() {
        "; the answer was cut off"
    } else {
        ""
    };
    ProwlarrError::BadResponse(format!(
        "expected {expected}, but {} ({error}){hint}",
        describe_body(body)
    ))
}

/// `1234 bytes of text/html starting "<!DOCTYPE html>..."`, redacted.
fn describe_body(body: &Body) -> String {
    let content_type = body.content_type.as_deref().unwrap_or("no content type");
    if body.bytes.is_empty() {
        return format!("got an empty body ({content_type})");
    }
    format!(
        "got {} bytes of {content_type} starting {:?}",
        body.bytes.len(),
        snippet(&body.bytes, 120)
    )
}

/// The first `max` characters of a body as one printable line, redacted.
fn snippet(bytes: &[u8], max: usize) -> String {
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(max * 4)]);
    let mut out: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(max)
        .collect::<String>()
        .trim()
        .to_owned();
    if text.chars().count() > max {
        out.push('…');
    }
    scrub(&out, [])
}

/// What an error answer says: Prowlarr's `{message}` / `{errorMessage}` / validation array, or its first text.
fn error_message(status: StatusCode, body: &[u8]) -> String {
    let from_json = match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => ["message", "errorMessage"]
            .iter()
            .find_map(|k| map.get(*k).and_then(Value::as_str).map(str::to_owned)),
        Ok(Value::Array(items)) => {
            let messages: Vec<&str> = items
                .iter()
                .filter_map(|i| i.get("errorMessage").and_then(Value::as_str))
                .collect();
            (!messages.is_empty()).then(|| messages.join("; "))
        }
        _ => None,
    };
    let text = match from_json {
        Some(m) => snippet(m.as_bytes(), 300),
        None => snippet(body, 200),
    };
    if text.is_empty() {
        status
            .canonical_reason()
            .unwrap_or("no explanation given")
            .to_owned()
    } else {
        text
    }
}

/// `Retry-After` as seconds or an HTTP date (relative to `now`, so it is testable without a clock).
fn parse_retry_after(headers: &HeaderMap, now: DateTime<Utc>) -> Option<Duration> {
    let value = headers.get(header::RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = DateTime::parse_from_rfc2822(value)
        .ok()?
        .with_timezone(&Utc);
    Some((at - now).to_std().unwrap_or(Duration::ZERO))
}

/// Maps a non-success answer to the error a caller handles.
fn classify(
    status: StatusCode,
    retry_after: Option<Duration>,
    location: Option<&str>,
    body: &[u8],
) -> ProwlarrError {
    let code = status.as_u16();
    let text = String::from_utf8_lossy(body).to_ascii_lowercase();
    match status {
        StatusCode::UNAUTHORIZED => ProwlarrError::Unauthorized,
        StatusCode::TOO_MANY_REQUESTS => ProwlarrError::RateLimited { retry_after },
        StatusCode::SERVICE_UNAVAILABLE if text.contains("starting up") => {
            ProwlarrError::StartingUp
        }
        StatusCode::BAD_REQUEST if text.contains("indexers being unavailable") => {
            ProwlarrError::AllIndexersUnavailable
        }
        s if s.is_redirection() => ProwlarrError::Rejected {
            status: code,
            message: format!(
                "redirected to another host ({}); set Prowlarr's URL to where it really is",
                location
                    .map(|l| scrub(l, []))
                    .unwrap_or_else(|| "no Location given".into())
            ),
        },
        StatusCode::NOT_FOUND => ProwlarrError::Rejected {
            status: code,
            message: format!(
                "{} — is this Prowlarr, and is the URL base right (e.g. http://host:9696/prowlarr)?",
                error_message(status, body)
            ),
        },
        s if s.is_server_error() => ProwlarrError::Server {
            status: code,
            message: error_message(status, body),
        },
        _ => ProwlarrError::Rejected {
            status: code,
            message: error_message(status, body),
        },
    }
}

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
        let url = self
            .inner
            .base_url
            .join(path)
            .map_err(|e| ProwlarrError::InvalidUrl(e.to_string()))?;
        tracing::debug!(path, "Prowlarr request");
        let mut response = self
            .inner
            .http
            .get(url)
            .query(query)
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

/// The innermost cause ("Connection refused (os error 111)"): the outer layers only repeat the URL.
fn root_cause(error: &reqwest::Error) -> String {
    let mut innermost = None;
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        innermost = Some(cause.to_string());
        source = cause.source();
    }
    let text = innermost.unwrap_or_else(|| match error.url() {
        Some(url) => error.to_string().replace(url.as_str(), "…"),
        None => error.to_string(),
    });
    scrub(&text, [])
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap (STYLE.md)
mod tests {
    use super::*;

    fn item(kind: ItemKind) -> WatchlistItem {
        WatchlistItem {
            id: 1,
            title: "The Matrix".into(),
            kind,
            year: Some(1999),
            from_season: None,
            from_episode: None,
            imdb_id: None,
            tmdb_id: None,
            tvdb_id: None,
            categories: kind.default_categories(),
            enabled: true,
        }
    }

    fn body(json: &str) -> Body {
        Body {
            content_type: Some("application/json".into()),
            bytes: json.as_bytes().to_vec(),
        }
    }

    #[test]
    fn config_keeps_a_url_base_and_refuses_other_schemes() {
        let config =
            ProwlarrConfig::new(" http://nas:9696/prowlarr ", Secret::new("k3y-value")).unwrap();
        assert_eq!(config.base_url.as_str(), "http://nas:9696/prowlarr/");
        assert_eq!(
            config.base_url.join(SEARCH_PATH).unwrap().path(),
            "/prowlarr/api/v1/search"
        );
        for bad in [
            "ftp://nas:9696",
            "localhost:9696",
            "",
            "http://",
            "http://nas:9696/?apikey=abcdef",
        ] {
            let err = ProwlarrConfig::new(bad, Secret::new("k3y-value")).unwrap_err();
            assert!(matches!(err, ProwlarrError::InvalidUrl(_)), "{bad}: {err}");
            assert!(!err.to_string().contains("abcdef"), "{err}");
        }
        let err = ProwlarrConfig::new("localhost:9696", Secret::new("k")).unwrap_err();
        assert!(err.to_string().contains("http://"), "{err}");
    }

    #[test]
    fn config_refuses_an_empty_or_unsendable_key_and_debug_hides_it() {
        assert!(matches!(
            ProwlarrConfig::new("http://h:9696", Secret::new("  ")),
            Err(ProwlarrError::InvalidApiKey(_))
        ));
        assert!(matches!(
            ProwlarrConfig::new("http://h:9696", Secret::new("ab cd")),
            Err(ProwlarrError::InvalidApiKey(_))
        ));
        let config =
            ProwlarrConfig::new("http://user:pw-secret@h:9696", Secret::new("0123abcd")).unwrap();
        let debug = format!("{config:?}");
        assert!(
            !debug.contains("0123abcd") && !debug.contains("pw-secret"),
            "{debug}"
        );
    }

    #[test]
    fn a_movie_with_ids_searches_by_title_and_tokens() {
        let mut movie = item(ItemKind::Movie);
        movie.imdb_id = Some("tt0133093".into());
        movie.tmdb_id = Some(603);
        movie.tvdb_id = Some(5);
        let request = SearchRequest::for_item(&movie);
        assert_eq!(request.search_type, SearchType::Movie);
        assert_eq!(request.query, "The Matrix {ImdbId:tt0133093}{TmdbId:603}");
        assert_eq!(request.categories, vec![2000]);
        assert_eq!(request.limit, 100);
    }

    #[test]
    fn a_series_searches_tv_with_its_tvdb_id_and_a_plain_title_without_ids() {
        let mut series = item(ItemKind::Series);
        series.title = "Severance {x}".into();
        series.tvdb_id = Some(371980);
        let request = SearchRequest::for_item(&series);
        assert_eq!(request.search_type, SearchType::TvSearch);
        assert_eq!(request.query, "Severance x {TvdbId:371980}");
        assert_eq!(
            SearchRequest::for_item(&item(ItemKind::Movie)).query,
            "The Matrix"
        );
    }

    #[test]
    fn query_pairs_repeat_arrays_and_omit_an_empty_query() {
        let mut request = SearchRequest::latest(vec![2000, 5000]);
        request.indexer_ids = vec![3];
        let pairs = request.query_pairs();
        let expected: Vec<(&str, String)> = vec![
            ("type", "search".into()),
            ("indexerIds", "3".into()),
            ("categories", "2000".into()),
            ("categories", "5000".into()),
            ("limit", "100".into()),
        ];
        assert_eq!(pairs, expected);
    }

    #[test]
    fn one_malformed_release_is_skipped_not_fatal() {
        let json = r#"[
            {"guid":"a","title":"Good.Release.2024.1080p","indexerId":1,"protocol":"torrent","size":5,
             "seeders":null,"categories":[{"id":2040,"name":"Movies/HD","subCategories":[]},{"name":"no id"}],
             "imdbId":0,"tmdbId":603,"publishDate":"2026-03-31T18:12:00Z","indexerFlags":null},
            {"title":"no guid","indexerId":1},
            {"guid":"c","title":"   ","indexerId":1},
            {"guid":"d","title":"Weird.Fields","indexerId":2,"protocol":"carrier-pigeon","size":"big",
             "seeders":"many","imdbId":"tt0133093","publishDate":"0001-01-01T00:00:00Z"}
        ]"#;
        let (releases, skipped) = parse_list::<Release>(&body(json), "releases").unwrap();
        assert_eq!(skipped.len(), 2, "{skipped:?}");
        assert_eq!(releases.len(), 2);
        let good = &releases[0];
        assert_eq!(good.protocol, Protocol::Torrent);
        assert_eq!(good.seeders, None);
        assert_eq!(good.category_ids().collect::<Vec<_>>(), vec![2040]);
        assert_eq!((good.imdb_id, good.tmdb_id), (None, Some(603)));
        assert!(good.publish_date.is_some() && good.indexer_flags.is_empty());
        let weird = &releases[1];
        assert_eq!(weird.protocol, Protocol::Unknown);
        assert_eq!(
            (weird.size, weird.seeders, weird.publish_date),
            (None, None, None)
        );
        assert_eq!(weird.imdb_id, Some(133093));
    }

    #[test]
    fn a_body_that_is_not_a_release_array_is_a_bad_response_that_says_what_came() {
        let html = Body {
            content_type: Some("text/html".into()),
            bytes: b"<!DOCTYPE html><html>login".to_vec(),
        };
        let err = parse_list::<Release>(&html, "releases").unwrap_err();
        let text = err.to_string();
        assert!(matches!(err, ProwlarrError::BadResponse(_)));
        assert!(
            text.contains("text/html")
                && text.contains("<!DOCTYPE html>")
                && text.contains("login page"),
            "{text}"
        );
        let cut = parse_list::<Release>(&body(r#"[{"guid":"a","title":"#), "releases").unwrap_err();
        assert!(cut.to_string().contains("cut off"), "{cut}");
        let object = parse_list::<Release>(&body(r#"{"message":"nope"}"#), "releases").unwrap_err();
        assert!(matches!(object, ProwlarrError::BadResponse(_)));
    }

    #[test]
    fn release_debug_redacts_links_that_embed_the_api_key() {
        let json = r#"[{"guid":"http://idx/get?apikey=guidkey1","title":"T","indexerId":1,
            "downloadUrl":"http://localhost:9696/1/download?apikey=0123abcd&link=x",
            "magnetUrl":"http://localhost:9696/1/download?apikey=0123abcd&link=y"}]"#;
        let (releases, _) = parse_list::<Release>(&body(json), "releases").unwrap();
        let debug = format!("{:?}", releases[0]);
        assert!(
            !debug.contains("0123abcd") && !debug.contains("guidkey1"),
            "{debug}"
        );
        assert!(debug.contains("link=x"), "{debug}");
    }

    #[test]
    fn statuses_map_to_the_errors_callers_handle() {
        let classify_plain = |code: u16, body: &str| {
            classify(
                StatusCode::from_u16(code).unwrap(),
                None,
                None,
                body.as_bytes(),
            )
        };
        assert!(matches!(
            classify_plain(401, ""),
            ProwlarrError::Unauthorized
        ));
        assert!(matches!(
            classify_plain(
                503,
                r#"{"errorMessage":"Prowlarr is starting up, please try again later"}"#
            ),
            ProwlarrError::StartingUp
        ));
        assert!(matches!(
            classify_plain(503, "Bad gateway"),
            ProwlarrError::Server { status: 503, .. }
        ));
        assert!(matches!(
            classify_plain(
                400,
                r#"{"message":"Search failed due to all selected indexers being unavailable"}"#
            ),
            ProwlarrError::AllIndexersUnavailable
        ));
        match classify_plain(
            400,
            r#"[{"propertyName":"Guid","errorMessage":"'Guid' must not be empty."}]"#,
        ) {
            ProwlarrError::Rejected {
                status: 400,
                message,
            } => assert_eq!(message, "'Guid' must not be empty."),
            other => panic!("{other:?}"),
        }
        match classify_plain(500, r#"{"message":"boom","description":"stack"}"#) {
            ProwlarrError::Server {
                status: 500,
                message,
            } => assert_eq!(message, "boom"),
            other => panic!("{other:?}"),
        }
        let limited = classify(
            StatusCode::TOO_MANY_REQUESTS,
            Some(Duration::from_secs(7)),
            None,
            b"",
        );
        assert_eq!(limited.retry_after(), Some(Duration::from_secs(7)));
        let moved = classify(
            StatusCode::FOUND,
            None,
            Some("https://sso.example/login?token=abc123"),
            b"",
        );
        assert!(matches!(moved, ProwlarrError::Rejected { status: 302, .. }));
        assert!(!moved.to_string().contains("abc123"), "{moved}");
    }

    #[test]
    fn retry_after_reads_seconds_and_http_dates() {
        let now = DateTime::parse_from_rfc3339("2026-04-02T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let mut headers = HeaderMap::new();
        headers.insert(header::RETRY_AFTER, HeaderValue::from_static("120"));
        assert_eq!(
            parse_retry_after(&headers, now),
            Some(Duration::from_secs(120))
        );
        headers.insert(
            header::RETRY_AFTER,
            HeaderValue::from_static("Thu, 02 Apr 2026 10:00:30 GMT"),
        );
        assert_eq!(
            parse_retry_after(&headers, now),
            Some(Duration::from_secs(30))
        );
        headers.insert(header::RETRY_AFTER, HeaderValue::from_static("soon"));
        assert_eq!(parse_retry_after(&headers, now), None);
    }

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

    #[test]
    fn errors_say_whether_the_whole_check_is_blocked() {
        assert!(ProwlarrError::Unauthorized.blocks_all_items());
        assert!(
            ProwlarrError::StartingUp.blocks_all_items()
                && ProwlarrError::StartingUp.is_transient()
        );
        assert!(!ProwlarrError::AllIndexersUnavailable.blocks_all_items());
        assert!(!ProwlarrError::Timeout(Duration::from_secs(1)).blocks_all_items());
        assert_eq!(
            ProwlarrError::Timeout(Duration::from_millis(300))
                .to_string()
                .split(':')
                .next(),
            Some("Prowlarr did not answer within 0.3 s")
        );
    }
}
