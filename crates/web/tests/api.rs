//! The API's routes over a real listening server and a real SQLite file: each route does what its command
//! does (checked in the service, not only in the answer), errors have the documented statuses, bodies are
//! capped, and the URL base holds everything. Secrets and hostile data: `tests/data.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic: that is the failure report

mod common;

use common::{PASSWORD, Web, answer, kind};
use reqwest::Method;
use serde_json::{Value, json};

#[tokio::test]
async fn the_watchlist_routes_do_what_their_commands_do() {
    let web = Web::start().await;
    let p = web.program().await;
    let (status, added) = p
        .call(
            Method::POST,
            "/api/v1/items",
            Some(json!({"title": "Heat", "kind": "movie", "year": 1995})),
        )
        .await;
    assert_eq!(status, 201, "{added}");
    let id = added["id"].as_i64().unwrap();
    assert_eq!(added["title"], "Heat");

    let (status, items) = p.call(Method::GET, "/api/v1/items", None).await;
    assert_eq!(status, 200);
    assert_eq!(items.as_array().unwrap().len(), 1);
    assert_eq!(items[0]["state"], "waiting", "{items}");

    let (status, item) = p
        .call(Method::GET, &format!("/api/v1/items/{id}"), None)
        .await;
    assert_eq!((status, &item["title"]), (200, &json!("Heat")));
    for missing in ["/api/v1/items/9999", "/api/v1/items/abc"] {
        let (status, body) = p.call(Method::GET, missing, None).await;
        assert_eq!((status, kind(&body)), (404, "not_found"), "{missing}");
    }

    let (status, updated) = p
        .call(
            Method::PUT,
            &format!("/api/v1/items/{id}"),
            Some(json!({"title": "Heat", "kind": "movie", "year": 1996})),
        )
        .await;
    assert_eq!((status, &updated["year"]), (200, &json!(1996)), "{updated}");

    let (status, body) = p
        .call(
            Method::PUT,
            &format!("/api/v1/items/{id}/enabled"),
            Some(json!({"enabled": false})),
        )
        .await;
    assert_eq!((status, body), (204, Value::Null));
    assert!(!web.service.list_items().await.unwrap()[0].item.enabled);
    let (status, body) = p
        .call(
            Method::PUT,
            &format!("/api/v1/items/{id}/muted"),
            Some(json!({"muted": true})),
        )
        .await;
    assert_eq!((status, body), (204, Value::Null));
    let (_, item) = p
        .call(Method::GET, &format!("/api/v1/items/{id}"), None)
        .await;
    assert_eq!(item["muted"], true, "{item}");
    let (status, body) = p
        .call(
            Method::PUT,
            "/api/v1/items/9999/muted",
            Some(json!({"muted": true})),
        )
        .await;
    assert_eq!((status, kind(&body)), (404, "not_found"), "{body}");

    // A value a user typed wrong: 422 naming the field. A body of the wrong shape: 400 without one.
    let (status, body) = p
        .call(
            Method::POST,
            "/api/v1/items",
            Some(json!({"title": "Heat", "kind": "movie", "year": 1})),
        )
        .await;
    assert_eq!(
        (status, kind(&body), &body["error"]["field"]),
        (422, "validation", &json!("year")),
        "{body}"
    );
    let response = p
        .request(Method::POST, "/api/v1/items")
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    let (status, body) = answer(response).await;
    assert_eq!(
        (status, kind(&body), &body["error"]["field"]),
        (400, "validation", &Value::Null),
        "{body}"
    );

    let (status, export) = p.call(Method::GET, "/api/v1/items/export", None).await;
    assert_eq!(status, 200);
    assert_eq!(export[0]["title"], "Heat", "{export}");
    assert_eq!(export[0]["enabled"], false, "{export}");

    let (status, _) = p
        .call(Method::DELETE, &format!("/api/v1/items/{id}"), None)
        .await;
    assert_eq!(status, 204);
    assert!(web.service.list_items().await.unwrap().is_empty());
    let (status, _) = p
        .call(Method::DELETE, &format!("/api/v1/items/{id}"), None)
        .await;
    assert_eq!(status, 404);

    // What was exported imports again.
    let (status, body) = p
        .call(Method::POST, "/api/v1/items/import", Some(export))
        .await;
    assert_eq!((status, body), (200, json!({"imported": 1})));
    assert_eq!(
        web.service.list_items().await.unwrap()[0].item.title,
        "Heat"
    );
    web.stop().await;
}

#[tokio::test]
async fn an_import_with_one_bad_entry_is_422_naming_it_and_stores_nothing() {
    let web = Web::start().await;
    let p = web.program().await;
    let import = json!([
        {"title": "Heat", "kind": "movie"},
        {"title": "Ronin", "kind": "movie", "year": 1},
        {"title": "Alien", "kind": "movie"},
    ]);
    let (status, body) = p
        .call(Method::POST, "/api/v1/items/import", Some(import))
        .await;
    assert_eq!((status, kind(&body)), (422, "import"), "{body}");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("entry 1") && message.contains("Ronin"),
        "{message}"
    );
    assert!(web.service.list_items().await.unwrap().is_empty());
    web.stop().await;
}

#[tokio::test]
async fn bodies_over_the_cap_are_413() {
    let web = Web::start().await;
    let p = web.program().await;
    let big = format!(
        "{{\"title\": \"{}\", \"kind\": \"movie\"}}",
        "x".repeat(1024 * 1024 + 10)
    );
    let response = p
        .request(Method::POST, "/api/v1/items")
        .header("content-type", "application/json")
        .body(big.clone())
        .send()
        .await
        .unwrap();
    let (status, body) = answer(response).await;
    assert_eq!((status, kind(&body)), (413, "too_large"), "{body}");
    // The import takes up to 16 MiB: the same body is read (and refused for what it is, not its size)...
    let response = p
        .request(Method::POST, "/api/v1/items/import")
        .body(big)
        .send()
        .await
        .unwrap();
    let (status, body) = answer(response).await;
    assert_eq!((status, kind(&body)), (422, "import"), "{body}");
    // ...and over 16 MiB it is too large too.
    let huge = "[".to_owned() + &" ".repeat(16 * 1024 * 1024) + "]";
    let response = p
        .request(Method::POST, "/api/v1/items/import")
        .body(huge)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 413);
    // Before any login, too: a body cap is not a privilege.
    let response = web
        .request(Method::POST, "/api/v1/login")
        .body(format!(
            "{{\"password\": \"{}\"}}",
            "p".repeat(2 * 1024 * 1024)
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 413);
    web.stop().await;
}

#[tokio::test]
async fn status_pause_resume_found_and_try_release() {
    let web = Web::start().await;
    let p = web.program().await;
    let (status, body) = p.call(Method::GET, "/api/v1/status", None).await;
    assert_eq!(status, 200);
    assert_eq!(body["status"]["paused"], false, "{body}");
    assert!(body["monitoring"].is_object(), "{body}");

    let (status, body) = p.call(Method::POST, "/api/v1/pause", None).await;
    assert_eq!((status, &body["paused"]), (200, &json!(true)), "{body}");
    assert!(web.service.status().await.paused);
    let (status, body) = p.call(Method::POST, "/api/v1/resume", None).await;
    assert_eq!((status, &body["paused"]), (200, &json!(false)), "{body}");

    let (status, body) = p
        .call(Method::POST, "/api/v1/notifications/retry-failed", None)
        .await;
    assert_eq!((status, body), (200, json!({"requeued": 0})));
    let (status, body) = p.call(Method::GET, "/api/v1/found", None).await;
    assert_eq!((status, body), (200, json!([])));
    let (status, body) = p.call(Method::GET, "/api/v1/found?item=x", None).await;
    assert_eq!(
        (status, &body["error"]["field"]),
        (422, &json!("item")),
        "{body}"
    );

    let (_, added) = p
        .call(
            Method::POST,
            "/api/v1/items",
            Some(json!({"title": "Heat", "kind": "movie", "year": 1995})),
        )
        .await;
    let title = "Heat.1995.1080p.BluRay.x264-GRP";
    let (status, body) = p
        .call(
            Method::POST,
            "/api/v1/try-release",
            Some(json!({"title": title})),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["matching_items"], json!([added["id"]]), "{body}");
    assert_eq!(body["matches"], Value::Null);
    // Against an item by id, or as it is being edited.
    let (_, body) = p
        .call(
            Method::POST,
            "/api/v1/try-release",
            Some(json!({"title": title, "item": added["id"]})),
        )
        .await;
    assert_eq!(body["matches"], true, "{body}");
    let (_, body) = p
        .call(
            Method::POST,
            "/api/v1/try-release",
            Some(json!({"title": title, "item": {"title": "Heat", "kind": "movie", "year": 2020}})),
        )
        .await;
    assert_eq!(
        (&body["matches"], &body["rule"]),
        (&json!(false), &json!("year")),
        "{body}"
    );
    web.stop().await;
}

#[tokio::test]
async fn unconfigured_tests_are_503_and_unknown_routes_404() {
    let web = Web::start().await;
    let p = web.program().await;
    let (status, body) = p
        .call(Method::POST, "/api/v1/settings/test-prowlarr", None)
        .await;
    assert_eq!((status, kind(&body)), (503, "not_configured"), "{body}");
    let (status, body) = p.call(Method::GET, "/api/v1/no/such/route", None).await;
    assert_eq!((status, kind(&body)), (404, "not_found"), "{body}");
    let (status, body) = p.call(Method::PATCH, "/api/v1/items", None).await;
    assert_eq!(status, 405, "{body}");
    web.stop().await;
}

#[tokio::test]
async fn the_command_route_runs_any_command_by_name() {
    let web = Web::start().await;
    let p = web.program().await;
    let (status, added) = p
        .call(
            Method::POST,
            "/api/v1/command",
            Some(json!({"cmd": "add_item", "args": {"spec": {"title": "Severance", "kind": "series"}}})),
        )
        .await;
    assert_eq!(status, 200, "{added}");
    let (status, found) = p
        .call(
            Method::POST,
            "/api/v1/command",
            Some(json!({"cmd": "found_releases", "args": {"item_id": added["id"]}})),
        )
        .await;
    assert_eq!((status, found), (200, json!([])));
    let (status, body) = p
        .call(
            Method::POST,
            "/api/v1/command",
            Some(json!({"cmd": "list_items"})),
        )
        .await;
    assert_eq!((status, body.as_array().unwrap().len()), (200, 1));
    let (status, body) = p
        .call(
            Method::POST,
            "/api/v1/command",
            Some(json!({"cmd": "format_disk"})),
        )
        .await;
    assert_eq!((status, kind(&body)), (400, "unknown_command"), "{body}");
    let (status, body) = p
        .call(
            Method::POST,
            "/api/v1/command",
            Some(json!({"cmd": "delete_item", "args": {"id": 777}})),
        )
        .await;
    assert_eq!((status, kind(&body)), (404, "not_found"), "{body}");
    // A password change through it ends the sessions, as the route does.
    let browser = web.browser().await;
    let (status, _) = answer(
        browser
            .request(Method::POST, "/api/v1/command")
            .json(&json!({"cmd": "set_web_password", "args": {"password": "another long one"}}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 200);
    let response = browser
        .request(Method::GET, "/api/v1/items")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    web.stop().await;
}

#[tokio::test]
async fn everything_is_under_the_url_base() {
    let web = Web::start_with("/nightwatcher/", false).await;
    let root = format!("http://{}", web.addr);
    let get = |url: String| {
        let http = web.http.clone();
        async move { http.get(url).send().await.unwrap() }
    };
    let health = get(web.url("/api/v1/health")).await;
    assert_eq!(health.status(), 200);
    for outside in [
        "/api/v1/health",
        "/",
        "/index.html",
        "/nightwatcherX/api/v1/health",
    ] {
        let response = get(format!("{root}{outside}")).await;
        assert_eq!(response.status(), 404, "{outside}");
    }
    // The base without its slash is sent to it with one, for the page's relative references.
    let response = get(format!("{root}/nightwatcher")).await;
    assert_eq!(response.status(), 308);
    assert_eq!(response.headers()["location"], "/nightwatcher/");
    let page = get(web.url("/")).await;
    assert_eq!(page.status(), 200);
    assert!(
        page.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let html = page.text().await.unwrap();
    assert!(
        html.contains(r#"<meta name="nightwatcher-base" content="/nightwatcher" />"#),
        "{html}"
    );
    let asset = html
        .split('"')
        .find(|s| s.starts_with("/nightwatcher/assets/"))
        .unwrap_or_else(|| panic!("no asset under the base in {html}"))
        .to_owned();
    let response = get(format!("{root}{asset}")).await;
    assert_eq!(response.status(), 200, "{asset}");
    // A deep link gets the page; an unknown API route does not.
    let deep = get(web.url("/items/3")).await;
    assert!(deep.text().await.unwrap().contains("nightwatcher-base"));
    let (status, body) = answer(get(web.url("/api/v2/items")).await).await;
    assert_eq!((status, kind(&body)), (404, "not_found"));
    // The page is only read: a change sent to a path of the page is an API error, not the page.
    let response = web
        .http
        .post(web.url("/items/api/v1/command"))
        .send()
        .await
        .unwrap();
    let (status, body) = answer(response).await;
    assert_eq!((status, kind(&body)), (404, "not_found"));
    // Login works under the base.
    let cookie = web.login(PASSWORD).await.unwrap();
    let items = web
        .http
        .get(web.url("/api/v1/items"))
        .header("cookie", format!("nw_session={cookie}"))
        .send()
        .await
        .unwrap();
    assert_eq!(items.status(), 200);
    web.stop().await;
}
