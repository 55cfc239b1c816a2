//! Headers every answer carries: a strict Content-Security-Policy (no inline script or style, nothing from
//! elsewhere but images), no sniffing, no referrer, no framing; and `Cache-Control: no-store` unless the answer
//! says otherwise (the API's answers hold the user's data; the UI's hashed assets may be cached).

use axum::http::{HeaderValue, header};
use axum::response::Response;

pub(crate) const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

pub(crate) async fn secure(mut response: Response) -> Response {
    let h = response.headers_mut();
    let set = [
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
    ];
    for (name, value) in set {
        h.insert(name, HeaderValue::from_static(value));
    }
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}
