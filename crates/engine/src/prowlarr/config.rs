//! Where Prowlarr is and how to talk to it: [`ProwlarrConfig`] (its URL and API key, checked here once so
//! that a bad setting fails before any request) and the [`RetryPolicy`] for transient failures.

use std::fmt;
use std::time::Duration;

use reqwest::header::HeaderValue;
use url::Url;

use super::{DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, ProwlarrError};
use crate::redact::scrub;
use crate::secrets::Secret;

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
pub(super) fn normalize_base_url(mut url: Url) -> Result<Url, ProwlarrError> {
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
pub(super) fn shown_url(url: &Url) -> String {
    let mut shown = url.clone();
    if shown.password().is_some() {
        // Only fails for URLs that cannot have a password, which then have none to hide.
        let _ = shown.set_password(Some("[redacted]"));
    }
    shown.set_query(None);
    shown.set_fragment(None);
    shown.as_str().trim_end_matches('/').to_owned()
}

pub(super) fn api_key_header(key: &Secret) -> Result<HeaderValue, ProwlarrError> {
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

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;
    use crate::prowlarr::SEARCH_PATH;

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
}
