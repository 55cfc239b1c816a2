//! Who may use the web server, over a real listening server: no credentials, wrong ones, sessions and their
//! cookie, CSRF, the login throttle (on a clock moved by hand), password changes, API keys, the loopback rule.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic: that is the failure report

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{PASSWORD, Web, answer, kind, set_cookie};
use nightwatcher_engine::events::Events;
use nightwatcher_engine::secrets::MemoryStore;
use nightwatcher_engine::service::Service;
use nightwatcher_engine::store::Store;
use nightwatcher_web::{WebConfig, WebError, WebServer};
use reqwest::Method;
use serde_json::json;

/// Every route but health and login, with a body where it takes one.
fn protected_routes() -> Vec<(Method, &'static str)> {
    vec![
        (Method::GET, "/api/v1/items"),
        (Method::POST, "/api/v1/items"),
        (Method::GET, "/api/v1/items/1"),
        (Method::PUT, "/api/v1/items/1"),
        (Method::PUT, "/api/v1/items/1/enabled"),
        (Method::PUT, "/api/v1/items/1/muted"),
        (Method::DELETE, "/api/v1/items/1"),
        (Method::POST, "/api/v1/items/import"),
        (Method::GET, "/api/v1/items/export"),
        (Method::GET, "/api/v1/found"),
        (Method::GET, "/api/v1/status"),
        (Method::POST, "/api/v1/check"),
        (Method::POST, "/api/v1/pause"),
        (Method::POST, "/api/v1/resume"),
        (Method::POST, "/api/v1/notifications/retry-failed"),
        (Method::GET, "/api/v1/settings"),
        (Method::PUT, "/api/v1/settings"),
        (Method::POST, "/api/v1/settings/test-prowlarr"),
        (Method::POST, "/api/v1/settings/test-telegram"),
        (Method::POST, "/api/v1/try-release"),
        (Method::PUT, "/api/v1/web/password"),
        (Method::POST, "/api/v1/web/api-key"),
        (Method::POST, "/api/v1/command"),
        (Method::GET, "/api/v1/events"),
    ]
}

#[tokio::test]
async fn without_credentials_every_route_is_401_and_health_says_only_ok() {
    let web = Web::start().await;
    for (method, path) in protected_routes() {
        let response = web
            .request(method.clone(), path)
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        let (status, body) = answer(response).await;
        assert_eq!(status, 401, "{method} {path}: {body}");
        assert_eq!(kind(&body), "unauthorized", "{method} {path}");
    }
    let (status, body) = answer(
        web.request(Method::GET, "/api/v1/health")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((status, body), (200, json!({"status": "ok"})));
    // Nothing was changed by the refused requests.
    assert!(web.service.list_items().await.unwrap().is_empty());
    web.stop().await;
}

#[tokio::test]
async fn a_wrong_api_key_is_401_and_a_new_key_ends_the_old_one() {
    let web = Web::start().await;
    let program = web.program().await;
    let (status, _) = program.call(Method::GET, "/api/v1/items", None).await;
    assert_eq!(status, 200);
    for wrong in ["nope", "", &program.key[1..]] {
        let response = web
            .request(Method::GET, "/api/v1/items")
            .header("x-api-key", wrong)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 401, "{wrong:?}");
    }
    // A new key from the API itself, shown once; the old one stops working.
    let (status, body) = program
        .call(Method::POST, "/api/v1/web/api-key", None)
        .await;
    assert_eq!(status, 200, "{body}");
    let new_key = body["api_key"].as_str().unwrap().to_owned();
    assert_ne!(new_key, program.key);
    let (status, _) = program.call(Method::GET, "/api/v1/items", None).await;
    assert_eq!(status, 401);
    let response = web
        .request(Method::GET, "/api/v1/items")
        .header("x-api-key", &new_key)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    web.stop().await;
}

#[tokio::test]
async fn a_session_cookie_is_strict_http_only_and_under_the_base() {
    let web = Web::start_with("/nightwatcher", false).await;
    let response = web
        .request(Method::POST, "/api/v1/login")
        .json(&json!({"password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    let cookie = set_cookie(&response).unwrap();
    for part in ["HttpOnly", "SameSite=Strict", "Path=/nightwatcher/"] {
        assert!(cookie.contains(part), "{part} in {cookie}");
    }
    assert!(!cookie.contains("Secure"), "plain http: {cookie}");
    web.stop().await;
}

#[tokio::test]
async fn the_cookie_is_secure_when_a_trusted_proxy_says_https_and_only_then() {
    for trusted in [true, false] {
        let web = Web::start_with("", trusted).await;
        let response = web
            .request(Method::POST, "/api/v1/login")
            .header("x-forwarded-proto", "https")
            .json(&json!({"password": PASSWORD}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 204);
        let cookie = set_cookie(&response).unwrap();
        assert_eq!(cookie.contains("; Secure"), trusted, "{cookie}");
        web.stop().await;
    }
}

#[tokio::test]
async fn cookie_changes_need_the_custom_header_and_the_same_origin() {
    let web = Web::start().await;
    let browser = web.browser().await;
    let add = json!({"title": "Heat", "kind": "movie"});
    let bare = || {
        web.request(Method::POST, "/api/v1/items")
            .header("cookie", format!("nw_session={}", browser.cookie))
            .json(&add)
    };
    let refused = [
        ("no custom header", bare().header("origin", web.origin())),
        (
            "another origin",
            bare()
                .header("x-nightwatcher", "1")
                .header("origin", "http://evil.example"),
        ),
        (
            "a cross-site fetch",
            bare()
                .header("x-nightwatcher", "1")
                .header("sec-fetch-site", "cross-site"),
        ),
        ("no origin at all", bare().header("x-nightwatcher", "1")),
    ];
    for (what, request) in refused {
        let (status, body) = answer(request.send().await.unwrap()).await;
        assert_eq!(status, 403, "{what}: {body}");
        assert_eq!(kind(&body), "forbidden", "{what}");
    }
    assert!(web.service.list_items().await.unwrap().is_empty());
    // Reading needs neither.
    let response = web
        .request(Method::GET, "/api/v1/items")
        .header("cookie", format!("nw_session={}", browser.cookie))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    // Our own pages pass, by Origin or by Sec-Fetch-Site.
    let (status, body) = answer(
        browser
            .request(Method::POST, "/api/v1/items")
            .json(&add)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    let response = bare()
        .header("x-nightwatcher", "1")
        .header("sec-fetch-site", "same-origin")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    // A key needs neither.
    let program = web.program().await;
    let (status, _) = program.call(Method::POST, "/api/v1/items", Some(add)).await;
    assert_eq!(status, 201);
    web.stop().await;
}

#[tokio::test]
async fn failed_logins_slow_down_then_429_and_a_success_resets() {
    let web = Web::start().await;
    for n in 1..=5 {
        let refused = web.login("wrong password").await.unwrap_err();
        assert_eq!(refused.status(), 401, "try {n}");
    }
    // The sixth comes too early: refused without checking, even the right password.
    let early = web.login(PASSWORD).await.unwrap_err();
    assert_eq!(early.status(), 429);
    assert_eq!(early.headers()["retry-after"], "1");
    let (_, body) = answer(early).await;
    assert_eq!(kind(&body), "too_many_requests");

    web.clock.advance(Duration::from_secs(1));
    assert_eq!(web.login("wrong again").await.unwrap_err().status(), 401);
    let early = web.login("wrong again").await.unwrap_err();
    assert_eq!(early.status(), 429);
    assert_eq!(early.headers()["retry-after"], "2", "doubled");
    web.clock.advance(Duration::from_secs(1));
    assert_eq!(
        web.login(PASSWORD).await.unwrap_err().headers()["retry-after"],
        "1"
    );
    web.clock.advance(Duration::from_secs(1));
    web.login(PASSWORD)
        .await
        .expect("in time, the right password works");
    // A success forgets the failures: five more are free again.
    for n in 1..=5 {
        assert_eq!(
            web.login("wrong").await.unwrap_err().status(),
            401,
            "try {n}"
        );
    }
    assert_eq!(web.login("wrong").await.unwrap_err().status(), 429);
    web.stop().await;
}

#[tokio::test]
async fn tries_sent_all_at_once_get_no_more_than_the_free_ones() {
    let web = Web::start().await;
    let tries = (0..20).map(|_| web.login("wrong password"));
    // Polled together: all twenty are in flight while the first passwords are being checked.
    let statuses: Vec<u16> = futures_util::future::join_all(tries)
        .await
        .into_iter()
        .map(|r| r.unwrap_err().status().as_u16())
        .collect();
    let checked = statuses.iter().filter(|s| **s == 401).count();
    let refused = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!((checked, refused), (5, 15), "{statuses:?}");
    web.stop().await;
}

#[tokio::test]
async fn the_throttle_follows_the_forwarded_address_only_when_trusted() {
    for trusted in [true, false] {
        let web = Web::start_with("", trusted).await;
        for n in 0..6 {
            // Each try claims another address.
            let response = web
                .request(Method::POST, "/api/v1/login")
                .header("x-forwarded-for", format!("10.0.0.{n}"))
                .json(&json!({"password": "wrong"}))
                .send()
                .await
                .unwrap();
            let expected = if trusted || n < 5 { 401 } else { 429 };
            assert_eq!(response.status(), expected, "trusted {trusted}, try {n}");
        }
        web.stop().await;
    }
}

#[tokio::test]
async fn a_password_change_ends_every_session() {
    let web = Web::start().await;
    let first = web.browser().await;
    let second = web.browser().await;
    assert_ne!(first.cookie, second.cookie);
    let response = first
        .request(Method::PUT, "/api/v1/web/password")
        .json(&json!({"password": "a brand new password"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    assert!(set_cookie(&response).unwrap().contains("Max-Age=0"));
    for browser in [&first, &second] {
        let response = browser
            .request(Method::GET, "/api/v1/items")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 401);
    }
    assert_eq!(web.login(PASSWORD).await.unwrap_err().status(), 401);
    web.login("a brand new password").await.unwrap();

    // A change made elsewhere (another process on the database) ends them too.
    let third = web.browser_with("a brand new password").await;
    web.service
        .set_web_password("changed by the daemon".into())
        .await
        .unwrap();
    let response = third
        .request(Method::GET, "/api/v1/items")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    web.stop().await;
}

#[tokio::test]
async fn logout_ends_the_session() {
    let web = Web::start().await;
    let browser = web.browser().await;
    let response = browser
        .request(Method::POST, "/api/v1/logout")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    assert!(set_cookie(&response).unwrap().contains("Max-Age=0"));
    let response = browser
        .request(Method::GET, "/api/v1/items")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    web.stop().await;
}

#[tokio::test]
async fn sessions_expire_after_a_week_unused() {
    let web = Web::start().await;
    let browser = web.browser().await;
    web.clock.advance(Duration::from_secs(6 * 24 * 3600));
    let response = browser
        .request(Method::GET, "/api/v1/items")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    web.clock.advance(Duration::from_secs(7 * 24 * 3600));
    let response = browser
        .request(Method::GET, "/api/v1/items")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    web.stop().await;
}

#[tokio::test]
async fn a_non_loopback_address_without_a_password_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("web.db")).await.unwrap();
    let service = Service::start(store, Arc::new(MemoryStore::default()), Events::new()).await;
    let config = WebConfig::new("0.0.0.0:0".parse().unwrap());
    let err = WebServer::start(service.clone(), config.clone())
        .await
        .err()
        .expect("refused");
    assert!(matches!(err, WebError::NoPassword { .. }), "{err}");
    assert!(
        err.to_string().contains("nightwatcherd web password"),
        "{err}"
    );
    // Loopback is allowed without one (only the API key, or a password set later, gets in).
    let local = WebServer::start(
        service.clone(),
        WebConfig::new("127.0.0.1:0".parse().unwrap()),
    )
    .await
    .unwrap();
    local.shutdown().await;
    service.set_web_password(PASSWORD.into()).await.unwrap();
    let server = WebServer::start(service.clone(), config).await.unwrap();
    server.shutdown().await;
    service.shutdown().await;
}

#[tokio::test]
async fn security_headers_are_on_every_answer() {
    let web = Web::start().await;
    let program = web.program().await;
    let responses = vec![
        web.request(Method::GET, "/api/v1/health")
            .send()
            .await
            .unwrap(),
        web.request(Method::GET, "/api/v1/items")
            .send()
            .await
            .unwrap(),
        program
            .request(Method::GET, "/api/v1/items")
            .send()
            .await
            .unwrap(),
        program
            .request(Method::GET, "/api/v1/nope")
            .send()
            .await
            .unwrap(),
        web.request(Method::GET, "/").send().await.unwrap(),
        web.request(Method::GET, "/some/deep/link")
            .send()
            .await
            .unwrap(),
    ];
    for response in responses {
        let h = response.headers();
        let what = response.url().to_string();
        assert_eq!(
            h["content-security-policy"],
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
            "{what}"
        );
        assert_eq!(h["x-content-type-options"], "nosniff", "{what}");
        assert_eq!(h["referrer-policy"], "no-referrer", "{what}");
        assert_eq!(h["x-frame-options"], "DENY", "{what}");
    }
    web.stop().await;
}

impl Web {
    async fn browser_with(&self, password: &str) -> common::Browser<'_> {
        let cookie = self.login(password).await.unwrap();
        common::Browser { web: self, cookie }
    }
}
