//! `GET /api/v1/events` over a real server: the current status first on every connection, a check's progress
//! and its release (fake Prowlarr), the status after the delivery (fake Telegram), and a session's stream
//! ending with the session.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic: that is the failure report

mod common;

use std::time::Duration;

use common::{BOT_TOKEN, PROWLARR_KEY, Web};
use nightwatcher_testkit::prowlarr::{FakeProwlarr, ReleaseBuilder};
use nightwatcher_testkit::telegram::FakeTelegram;
use reqwest::{Method, Response};
use serde_json::{Value, json};

/// A hang guard, not a measure: a stream that says nothing for this long has failed.
const QUIET_LIMIT: Duration = Duration::from_secs(20);

/// Reads server-sent events off a response.
struct Events {
    response: Response,
    buffer: String,
}

impl Events {
    fn new(response: Response) -> Events {
        assert_eq!(response.status(), 200);
        assert!(
            response.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/event-stream")
        );
        Events {
            response,
            buffer: String::new(),
        }
    }

    /// The next event (name, payload); `None` when the stream ended.
    async fn next(&mut self) -> Option<(String, Value)> {
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                let mut name = None;
                let mut data = String::new();
                for line in block.lines() {
                    if let Some(v) = line.strip_prefix("event:") {
                        name = Some(v.trim().to_owned());
                    } else if let Some(v) = line.strip_prefix("data:") {
                        data.push_str(v.trim_start());
                    }
                }
                match name {
                    Some(name) => return Some((name, serde_json::from_str(&data).unwrap())),
                    None => continue, // a keep-alive comment
                }
            }
            let chunk = tokio::time::timeout(QUIET_LIMIT, self.response.chunk())
                .await
                .expect("the stream went quiet")
                .unwrap()?;
            self.buffer.push_str(std::str::from_utf8(&chunk).unwrap());
        }
    }

    /// The next event named `name` for which `pred` holds, skipping others.
    async fn until(&mut self, name: &str, pred: impl Fn(&Value) -> bool) -> Value {
        let wait = async {
            loop {
                match self.next().await {
                    Some((n, payload)) if n == name && pred(&payload) => return payload,
                    Some((n, payload)) => eprintln!("skipped {n} {payload}"),
                    None => panic!("the stream ended before {name}"),
                }
            }
        };
        tokio::time::timeout(QUIET_LIMIT, wait)
            .await
            .unwrap_or_else(|_| panic!("no {name} came"))
    }
}

#[tokio::test]
async fn a_check_streams_its_progress_its_release_and_the_status_after_delivery() {
    let prowlarr = FakeProwlarr::start(PROWLARR_KEY).await;
    let telegram = FakeTelegram::start(BOT_TOKEN).await;
    telegram.allow_any_chat();
    prowlarr
        .add_release(ReleaseBuilder::new("Heat.1995.1080p.BluRay.x264-GRP").build_for(&prowlarr));
    let web = Web::start().await;
    web.configure(&prowlarr, &telegram).await;
    let p = web.program().await;
    let mut events = Events::new(
        p.request(Method::GET, "/api/v1/events")
            .send()
            .await
            .unwrap(),
    );
    let (name, first) = events.next().await.unwrap();
    assert_eq!(name, "status://changed");
    assert_eq!(first["notifications"]["sent"], 0, "{first}");

    let (status, _) = p
        .call(
            Method::POST,
            "/api/v1/items",
            Some(json!({"title": "Heat", "kind": "movie", "year": 1995})),
        )
        .await;
    assert_eq!(status, 201);
    let (status, _) = p.call(Method::POST, "/api/v1/check", None).await;
    assert_eq!(status, 202);
    // Everything up to the status that counts the delivered notification.
    let mut seen = Vec::new();
    let collect = async {
        loop {
            let (name, payload) = events.next().await.expect("the stream ended");
            let delivered = name == "status://changed" && payload["notifications"]["sent"] == 1;
            seen.push((name, payload));
            if delivered {
                break;
            }
        }
    };
    tokio::time::timeout(QUIET_LIMIT, collect)
        .await
        .unwrap_or_else(|_| panic!("no status after a delivery; got {seen:?}"));
    let names: Vec<&str> = seen.iter().map(|(n, _)| n.as_str()).collect();
    let progress = seen
        .iter()
        .find(|(n, _)| n == "watcher://progress")
        .unwrap_or_else(|| panic!("no progress in {names:?}"));
    assert!(progress.1["total"].as_u64().unwrap() >= 1, "{progress:?}");
    let found = seen
        .iter()
        .find(|(n, _)| n == "release://found")
        .unwrap_or_else(|| panic!("no release in {names:?}"));
    assert_eq!(found.1["release_title"], "Heat.1995.1080p.BluRay.x264-GRP");
    assert_eq!(found.1["item_title"], "Heat");
    let sent_at = names.iter().position(|n| *n == "notify://sent");
    assert!(sent_at.is_some_and(|at| at < names.len() - 1), "{names:?}");
    assert_eq!(telegram.messages().len(), 1);
    web.stop().await;
}

#[tokio::test]
async fn a_reconnecting_client_gets_the_current_status_first() {
    let web = Web::start().await;
    let browser = web.browser().await;
    let mut events = Events::new(
        browser
            .request(Method::GET, "/api/v1/events")
            .send()
            .await
            .unwrap(),
    );
    let (name, status) = events.next().await.unwrap();
    assert_eq!(
        (name.as_str(), &status["paused"]),
        ("status://changed", &json!(false))
    );
    let response = browser
        .request(Method::POST, "/api/v1/pause")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    events
        .until("status://changed", |s| s["paused"] == true)
        .await;
    drop(events);

    // Away while it changed back: the new connection starts with the status as it is now.
    web.service.set_paused(false).await.unwrap();
    web.service.set_paused(true).await.unwrap();
    let mut events = Events::new(
        browser
            .request(Method::GET, "/api/v1/events")
            .send()
            .await
            .unwrap(),
    );
    let (name, status) = events.next().await.unwrap();
    assert_eq!(
        (name.as_str(), &status["paused"]),
        ("status://changed", &json!(true))
    );
    web.stop().await;
}

#[tokio::test]
async fn a_sessions_stream_ends_when_the_password_changes() {
    let web = Web::start().await;
    let browser = web.browser().await;
    let mut events = Events::new(
        browser
            .request(Method::GET, "/api/v1/events")
            .send()
            .await
            .unwrap(),
    );
    events.next().await.unwrap();
    let response = browser
        .request(Method::PUT, "/api/v1/web/password")
        .json(&json!({"password": "the next password"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    loop {
        match events.next().await {
            None => break,
            Some((name, _)) => assert_eq!(name, "status://changed"),
        }
    }
    web.stop().await;
}

#[tokio::test]
async fn shutting_down_ends_the_streams() {
    let mut web = Web::start().await;
    let key = web.service.new_api_key().await.unwrap();
    let response = web
        .request(Method::GET, "/api/v1/events")
        .header("x-api-key", key)
        .send()
        .await
        .unwrap();
    let mut events = Events::new(response);
    events.next().await.unwrap();
    web.server.take().unwrap().shutdown().await;
    assert!(events.next().await.is_none());
    web.stop().await;
}
