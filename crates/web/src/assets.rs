//! The browser UI, `ui/dist` embedded in the binary (read from disk in debug builds), served without auth:
//! the UI itself asks for the login when the API answers 401. A path under the base that is no file of the UI
//! (a deep link such as `/items/3`) gets `index.html`; one under `api/` gets the API's 404.
//!
//! `index.html` is served with its root-relative references (`/assets/…`) put under the URL base, and a
//! `<meta name="nightwatcher-base">` telling the UI where the API is. Nothing from the user's data is ever
//! put into HTML here: the data goes out as JSON only.

use axum::extract::{OriginalUri, State};
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Redirect, Response};
use rust_embed::RustEmbed;

use crate::Shared;
use crate::error::ApiError;

#[derive(RustEmbed)]
#[folder = "../../ui/dist"]
#[allow_missing = true]
struct Ui;

/// Any path under the base that is not an API route.
pub(crate) async fn serve(State(state): State<Shared>, method: Method, uri: Uri) -> Response {
    let path = uri.path().trim_start_matches('/');
    if path == "api" || path.starts_with("api/") {
        return ApiError::not_found(format!("no such API route: /{path}")).into_response();
    }
    // The page is only read: a POST to a wrong path (a page-relative `api/v1/...` from a deep link) must get
    // an API error, not the page with 200.
    if method != Method::GET && method != Method::HEAD {
        return ApiError::not_found(format!("no such route: {method} /{path}")).into_response();
    }
    if !path.is_empty()
        && path != "index.html"
        && let Some(file) = Ui::get(path)
    {
        let mime = file.metadata.mimetype().to_owned();
        // Vite names assets by their content hash: they never change under one name.
        let cache = if path.starts_with("assets/") {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        };
        return (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_str(&mime)
                        .unwrap_or(HeaderValue::from_static("application/octet-stream")),
                ),
                (header::CACHE_CONTROL, HeaderValue::from_static(cache)),
            ],
            file.data.into_owned(),
        )
            .into_response();
    }
    index(&state.url_base)
}

/// `<base>/`: the page.
pub(crate) async fn index_page(State(state): State<Shared>) -> Response {
    index(&state.url_base)
}

/// `index.html` under the URL base.
fn index(base: &str) -> Response {
    let Some(file) = Ui::get("index.html") else {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "NightWatcher's web UI was not built into this program: run `npm ci && npm run build` in ui/ and build it again",
        )
            .into_response();
    };
    let html = String::from_utf8_lossy(&file.data);
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        rebase(&html, base),
    )
        .into_response()
}

/// Puts the page's root-relative and `./` references under `base`, and tells the UI its base in a meta tag.
/// `base` is `""` or a checked path of URL-safe characters (see `settings::canonical_url_base`).
pub(crate) fn rebase(html: &str, base: &str) -> String {
    let mut out = html.to_owned();
    for attr in ["src", "href"] {
        out = out
            .replace(&format!("{attr}=\"./"), &format!("{attr}=\"/"))
            .replace(&format!("{attr}=\"/"), &format!("{attr}=\"{base}/"));
    }
    let meta = format!("<meta name=\"nightwatcher-base\" content=\"{base}\" />");
    match out.find("<head>") {
        Some(at) => out.insert_str(at + "<head>".len(), &format!("\n    {meta}")),
        None => out.insert_str(0, &meta),
    }
    out
}

/// `<base>` without its slash: the UI's relative references need the slash.
pub(crate) async fn to_base_with_slash(OriginalUri(uri): OriginalUri) -> Redirect {
    let query = uri.query().map(|q| format!("?{q}")).unwrap_or_default();
    Redirect::permanent(&format!("{}/{query}", uri.path()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_go_under_the_base() {
        let html = r#"<html><head><script type="module" src="/assets/a.js"></script><link href="./assets/b.css"></head></html>"#;
        let out = rebase(html, "/nw");
        assert!(out.contains(r#"src="/nw/assets/a.js""#), "{out}");
        assert!(out.contains(r#"href="/nw/assets/b.css""#), "{out}");
        assert!(
            out.contains(r#"<meta name="nightwatcher-base" content="/nw" />"#),
            "{out}"
        );
        let root = rebase(html, "");
        assert!(root.contains(r#"src="/assets/a.js""#), "{root}");
        assert!(root.contains(r#"href="/assets/b.css""#), "{root}");
    }
}
