//! What a request says about its client. The `X-Forwarded-*` headers are believed only when the server is told
//! to trust them (`web_trust_forwarded`, behind a reverse proxy that sets them); otherwise a client could claim
//! any address (and escape the login throttle) or any origin.

use std::net::{IpAddr, SocketAddr};

use axum::http::HeaderMap;

/// The client's address: the connection's peer, or the last `X-Forwarded-For` entry when trusted (the one
/// the proxy itself appended; earlier entries are whatever the client sent).
pub(crate) fn address(headers: &HeaderMap, peer: SocketAddr, trust_forwarded: bool) -> IpAddr {
    if trust_forwarded
        && let Some(ip) = header(headers, "x-forwarded-for")
            .and_then(|v| v.rsplit(',').next())
            .and_then(|last| last.trim().parse::<IpAddr>().ok())
    {
        return ip;
    }
    peer.ip()
}

/// Whether the browser reached us over https: only through a trusted proxy saying so (this server itself
/// speaks plain HTTP).
pub(crate) fn is_https(headers: &HeaderMap, trust_forwarded: bool) -> bool {
    trust_forwarded
        && header(headers, "x-forwarded-proto")
            .and_then(|v| v.split(',').next())
            .is_some_and(|p| p.trim().eq_ignore_ascii_case("https"))
}

/// The origin the browser sees us at: `scheme://host[:port]` from `Host` (or the trusted forwarded host).
pub(crate) fn origin(headers: &HeaderMap, trust_forwarded: bool) -> Option<String> {
    let forwarded_host = trust_forwarded
        .then(|| header(headers, "x-forwarded-host"))
        .flatten()
        .and_then(|v| v.split(',').next())
        .map(str::trim);
    let host = forwarded_host.or_else(|| header(headers, "host"))?;
    let scheme = if is_https(headers, trust_forwarded) {
        "https"
    } else {
        "http"
    };
    Some(format!("{scheme}://{}", host.to_ascii_lowercase()))
}

pub(crate) fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
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
    fn forwarded_headers_count_only_when_trusted() {
        let peer: SocketAddr = "10.0.0.2:5555".parse().unwrap();
        let h = headers(&[
            ("x-forwarded-for", "6.6.6.6, 192.168.1.9"),
            ("x-forwarded-proto", "https"),
            ("x-forwarded-host", "nw.example.org"),
            ("host", "10.0.0.1:8711"),
        ]);
        assert_eq!(address(&h, peer, false), peer.ip());
        assert_eq!(
            address(&h, peer, true),
            "192.168.1.9".parse::<IpAddr>().unwrap()
        );
        assert!(!is_https(&h, false));
        assert!(is_https(&h, true));
        assert_eq!(origin(&h, false).unwrap(), "http://10.0.0.1:8711");
        assert_eq!(origin(&h, true).unwrap(), "https://nw.example.org");
    }

    #[test]
    fn a_garbled_forwarded_for_falls_back_to_the_peer() {
        let peer: SocketAddr = "10.0.0.2:5555".parse().unwrap();
        let h = headers(&[("x-forwarded-for", "not an address")]);
        assert_eq!(address(&h, peer, true), peer.ip());
    }
}
