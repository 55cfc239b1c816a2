//! Cross-site request forgery: a state-changing request (not `GET`/`HEAD`) authenticated by the session
//! cookie must carry `X-NightWatcher: 1` — a header no cross-site form can send and no cross-origin script can
//! add without a CORS preflight this server never grants — and come from our origin (`Origin` equal to the
//! server's, or the browser's own `Sec-Fetch-Site: same-origin`). Requests with an API key need neither: a
//! browser never adds that header by itself.

use axum::http::{HeaderMap, Method};

use crate::client;
use crate::error::ApiError;

pub(crate) const HEADER: &str = "x-nightwatcher";

pub(crate) fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Refuses a cookie-authenticated state change that does not prove it comes from our own pages.
pub(crate) fn check(headers: &HeaderMap, trust_forwarded: bool) -> Result<(), ApiError> {
    if client::header(headers, HEADER).map(str::trim) != Some("1") {
        return Err(ApiError::forbidden(
            "refused: a state-changing request made with the session cookie must carry the header X-NightWatcher: 1",
        ));
    }
    let origin_matches = match (
        client::header(headers, "origin"),
        client::origin(headers, trust_forwarded),
    ) {
        (Some(given), Some(ours)) => given.trim().eq_ignore_ascii_case(&ours),
        _ => false,
    };
    let same_origin_fetch = client::header(headers, "sec-fetch-site")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("same-origin"));
    if origin_matches || same_origin_fetch {
        Ok(())
    } else {
        Err(ApiError::forbidden(
            "refused: the request does not come from NightWatcher's own pages (its Origin is not this server's)",
        ))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn the_custom_header_and_the_same_origin_are_both_needed() {
        let host = ("host", "nas:8711");
        assert!(check(&headers(&[host, ("origin", "http://nas:8711")]), false).is_err());
        assert!(check(&headers(&[host, (HEADER, "1")]), false).is_err());
        assert!(
            check(
                &headers(&[host, (HEADER, "1"), ("origin", "http://evil.example")]),
                false
            )
            .is_err()
        );
        assert!(
            check(
                &headers(&[host, (HEADER, "1"), ("origin", "http://nas:8711")]),
                false
            )
            .is_ok()
        );
        assert!(
            check(
                &headers(&[host, (HEADER, "1"), ("sec-fetch-site", "same-origin")]),
                false
            )
            .is_ok()
        );
        assert!(
            check(
                &headers(&[host, (HEADER, "1"), ("sec-fetch-site", "cross-site")]),
                false
            )
            .is_err()
        );
    }

    #[test]
    fn a_forwarded_host_counts_only_when_trusted() {
        let h = headers(&[
            ("host", "127.0.0.1:8711"),
            ("x-forwarded-host", "nw.example.org"),
            ("x-forwarded-proto", "https"),
            (HEADER, "1"),
            ("origin", "https://nw.example.org"),
        ]);
        assert!(check(&h, true).is_ok());
        assert!(check(&h, false).is_err());
    }
}
