//! [`ProwlarrError`], everything that can go wrong talking to Prowlarr, and the code that turns a failed
//! answer (its status, `Retry-After` and body) or a transport failure into one. No error text carries a secret.

use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::StatusCode;
use reqwest::header::{self, HeaderMap};
use serde_json::Value;

use crate::redact::scrub;

/// What went wrong talking to Prowlarr. Every message says what failed and what to do, and contains no secret.
#[derive(Debug, thiserror::Error)]
pub enum ProwlarrError {
    #[error("invalid Prowlarr URL: {0}")]
    InvalidUrl(String),
    #[error("invalid Prowlarr API key: {0}")]
    InvalidApiKey(String),
    /// The fix is the face's to say ([`crate::diagnose::prowlarr_remedy`]): a new key, in Settings or by command.
    #[error("Prowlarr refused the API key (401)")]
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

/// The first `max` characters of a body as one printable line, redacted.
pub(super) fn snippet(bytes: &[u8], max: usize) -> String {
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
    // Prowlarr's messages are sentences ("Object reference not set to an instance of an object."); ours go on
    // after them ("… . If it keeps happening"), so their full stop is dropped rather than doubled.
    let text = text.trim_end_matches('.').trim_end().to_owned();
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
pub(super) fn parse_retry_after(headers: &HeaderMap, now: DateTime<Utc>) -> Option<Duration> {
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
pub(super) fn classify(
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

/// The innermost cause ("Connection refused (os error 111)"): the outer layers only repeat the URL.
pub(super) fn root_cause(error: &reqwest::Error) -> String {
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
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

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
            } => assert_eq!(message, "'Guid' must not be empty"),
            other => panic!("{other:?}"),
        }
        match classify_plain(500, r#"{"message":"boom","description":"stack"}"#) {
            ProwlarrError::Server {
                status: 500,
                message,
            } => assert_eq!(message, "boom"),
            other => panic!("{other:?}"),
        }
        let sentence = classify_plain(
            500,
            r#"{"message":"Object reference not set to an instance of an object."}"#,
        );
        assert_eq!(
            sentence.to_string(),
            "Prowlarr failed with HTTP 500: Object reference not set to an instance of an object. If it keeps \
             happening, look at System → Logs in Prowlarr"
        );
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
