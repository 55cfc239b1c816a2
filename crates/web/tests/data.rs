//! What the API gives out, over a real server, the fakes and a real check: secrets never (set through the API,
//! then every answer scanned), and data only as JSON, never inside the HTML page.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic: that is the failure report

mod common;

use common::{BOT_TOKEN, PASSWORD, PROWLARR_KEY, Web};
use nightwatcher_testkit::prowlarr::{FakeProwlarr, ReleaseBuilder};
use nightwatcher_testkit::telegram::FakeTelegram;
use reqwest::Method;
use serde_json::{Value, json};

#[tokio::test]
async fn secrets_never_come_back_in_any_answer() {
    let prowlarr = FakeProwlarr::start(PROWLARR_KEY).await;
    let telegram = FakeTelegram::start(BOT_TOKEN).await;
    telegram.allow_any_chat();
    let web = Web::start().await;
    let p = web.program().await;
    let browser = web.browser().await;
    let settings = json!({
        "prowlarr_url": prowlarr.url(),
        "telegram_api_url": telegram.api_url(),
        "telegram_chat_id": "4242",
        "prowlarr_api_key": PROWLARR_KEY,
        "telegram_bot_token": BOT_TOKEN,
    });
    let mut answers = Vec::new();
    let (status, view) = p
        .call(Method::PUT, "/api/v1/settings", Some(settings))
        .await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(
        (&view["prowlarr_api_key"], &view["telegram_bot_token"]),
        (&json!("saved"), &json!("saved"))
    );
    assert_eq!(
        (&view["web_password"], &view["web_api_key"]),
        (&json!("saved"), &json!("saved"))
    );
    answers.push(view.to_string());
    // An empty secret is refused on its field.
    let (status, body) = p
        .call(
            Method::PUT,
            "/api/v1/settings",
            Some(json!({"prowlarr_api_key": " "})),
        )
        .await;
    assert_eq!(
        (status, &body["error"]["field"]),
        (422, &json!("prowlarr_api_key")),
        "{body}"
    );
    answers.push(body.to_string());
    prowlarr
        .add_release(ReleaseBuilder::new("Heat.1995.1080p.BluRay.x264-GRP").build_for(&prowlarr));

    let routes: Vec<(Method, &str, Option<Value>)> = vec![
        (Method::GET, "/api/v1/settings", None),
        (Method::POST, "/api/v1/settings/test-prowlarr", None),
        (Method::POST, "/api/v1/settings/test-telegram", None),
        (
            Method::POST,
            "/api/v1/items",
            Some(json!({"title": "Heat", "kind": "movie"})),
        ),
        (Method::GET, "/api/v1/items", None),
        (Method::GET, "/api/v1/items/export", None),
        (Method::GET, "/api/v1/status", None),
        (Method::GET, "/api/v1/found", None),
        (
            Method::POST,
            "/api/v1/command",
            Some(json!({"cmd": "get_settings"})),
        ),
        (
            Method::POST,
            "/api/v1/command",
            Some(json!({"cmd": "get_monitoring"})),
        ),
        (
            Method::POST,
            "/api/v1/command",
            Some(json!({"cmd": "set_secret", "args": {"name": "nope", "value": PROWLARR_KEY}})),
        ),
        (Method::GET, "/api/v1/health", None),
    ];
    for (method, path, body) in routes {
        let mut request = p.request(method.clone(), path);
        if let Some(body) = &body {
            request = request.json(body);
        }
        let response = request.send().await.unwrap();
        let status = response.status();
        let text = response.text().await.unwrap();
        assert!(
            status.is_success() || path.contains("command"),
            "{method} {path}: {status} {text}"
        );
        answers.push(text);
        // The same read by the browser, with its cookie.
        let response = browser
            .request(method, path)
            .json(&body)
            .send()
            .await
            .unwrap();
        answers.push(response.text().await.unwrap());
    }
    let access = web.service.access().await.unwrap();
    assert!(access.has_password() && access.has_api_key());
    for text in &answers {
        for secret in [PROWLARR_KEY, BOT_TOKEN, PASSWORD, &p.key, "$argon2"] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
    }
    web.stop().await;
}

#[tokio::test]
async fn a_hostile_release_title_comes_back_as_escaped_json_only() {
    let prowlarr = FakeProwlarr::start(PROWLARR_KEY).await;
    let telegram = FakeTelegram::start(BOT_TOKEN).await;
    telegram.allow_any_chat();
    let web = Web::start().await;
    web.configure(&prowlarr, &telegram).await;
    let hostile = "Heat 1995 1080p WEB-DL <script>alert(1)</script>";
    prowlarr.add_release(ReleaseBuilder::new(hostile).build_for(&prowlarr));
    let p = web.program().await;
    let (status, _) = p
        .call(
            Method::POST,
            "/api/v1/items",
            Some(json!({"title": "Heat", "kind": "movie"})),
        )
        .await;
    assert_eq!(status, 201);
    let (status, _) = p.call(Method::POST, "/api/v1/check", None).await;
    assert_eq!(status, 202);
    // Wait (bounded) until the check has stored the release.
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
    let found = loop {
        let (_, found) = p.call(Method::GET, "/api/v1/found", None).await;
        if found.as_array().is_some_and(|f| !f.is_empty()) {
            break found;
        }
        assert!(tokio::time::Instant::now() < deadline, "nothing found");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    assert_eq!(found[0]["title"], hostile);
    let response = p
        .request(Method::GET, "/api/v1/found")
        .send()
        .await
        .unwrap();
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    // The page itself never carries data: whatever the path, it is the UI's index.
    for path in ["/", "/found", &format!("/{hostile}")] {
        let html = web
            .request(Method::GET, path)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(!html.contains("alert(1)"), "{path}: {html}");
    }
    web.stop().await;
}

#[tokio::test]
async fn a_found_release_is_grabbed_once_over_the_api() {
    let prowlarr = FakeProwlarr::start(PROWLARR_KEY).await;
    let telegram = FakeTelegram::start(BOT_TOKEN).await;
    telegram.allow_any_chat();
    let web = Web::start().await;
    web.configure(&prowlarr, &telegram).await;
    prowlarr
        .add_release(ReleaseBuilder::new("Heat.1995.1080p.BluRay.x264-GRP").build_for(&prowlarr));
    let p = web.program().await;
    let (status, _) = p
        .call(
            Method::POST,
            "/api/v1/items",
            Some(json!({"title": "Heat", "kind": "movie", "year": 1995})),
        )
        .await;
    assert_eq!(status, 201);
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
    let id = loop {
        let (_, found) = p.call(Method::GET, "/api/v1/found", None).await;
        if let Some(id) = found[0]["match_id"].as_i64() {
            break id;
        }
        assert!(tokio::time::Instant::now() < deadline, "nothing found");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    let path = format!("/api/v1/found/{id}/grab");

    // No download client yet: 502 with what to do.
    let (status, body) = p.call(Method::POST, &path, None).await;
    assert_eq!(status, 502, "{body}");
    assert_eq!(common::kind(&body), "prowlarr");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("Download Clients"),
        "{body}"
    );

    prowlarr.add_download_client(nightwatcher_testkit::prowlarr::download_client(
        1,
        "qBittorrent",
        "QBittorrent",
        "torrent",
        true,
    ));
    let (status, grab) = p.call(Method::POST, &path, None).await;
    assert_eq!(status, 200, "{grab}");
    assert_eq!(grab["status"], "grabbed");
    assert_eq!(grab["face"], "web");
    assert_eq!(grab["client"], "qBittorrent");
    let (status, again) = p.call(Method::POST, &path, None).await;
    assert_eq!((status, &again["status"]), (200, &json!("grabbed")));
    assert_eq!(prowlarr.grabs().len(), 1);
    let (_, found) = p.call(Method::GET, "/api/v1/found", None).await;
    assert_eq!(found[0]["grab_status"], "grabbed");

    let (status, _) = p.call(Method::POST, "/api/v1/found/nope/grab", None).await;
    assert_eq!(status, 404);
    let (status, _) = p
        .call(Method::POST, "/api/v1/found/999999/grab", None)
        .await;
    assert_eq!(status, 404);
    // Without credentials: refused before anything is looked up.
    let anonymous = reqwest::Client::new()
        .post(web.url(&path))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 401);
}
