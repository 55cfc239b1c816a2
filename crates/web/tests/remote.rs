//! A desktop attached to a server, below the GUI: the engine's `RemoteEngine` against a real listening
//! `WebServer` over a real SQLite file, and the window's socket forwarding to it (`EngineLink::Remote`).
//! Commands and their errors cross as the window sees them; the server's events arrive re-broadcast; a
//! stopped server shows as an `unreachable` status and a restarted one is followed again by itself; a switch
//! of engines reaches a connected window.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use nightwatcher_engine::command::ErrorKind;
use nightwatcher_engine::events::Events;
use nightwatcher_engine::ipc::{Client, Push, Server};
use nightwatcher_engine::link::EngineLink;
use nightwatcher_engine::remote::{RemoteEngine, WireEvent};
use nightwatcher_engine::secrets::{MemoryStore, Secret};
use nightwatcher_engine::service::{Service, ServiceOptions};
use nightwatcher_engine::store::Store;
use nightwatcher_web::{WebConfig, WebServer};
use serde_json::{Value, json};
use tokio::sync::broadcast;
use tokio::time::timeout;

const WAIT: Duration = Duration::from_secs(30);

async fn service(dir: &std::path::Path, name: &str) -> Service {
    let store = Store::open(&dir.join(name)).await.unwrap();
    Service::start_with(
        store,
        Arc::new(MemoryStore::default()),
        Events::new(),
        ServiceOptions {
            first_check_after: Duration::from_secs(3600),
            ..ServiceOptions::default()
        },
    )
    .await
}

async fn serve(service: &Service, listen: SocketAddr) -> WebServer {
    WebServer::start(service.clone(), WebConfig::new(listen))
        .await
        .unwrap()
}

/// The next event of `rx` that `ok` accepts.
async fn next_event(
    rx: &mut broadcast::Receiver<WireEvent>,
    what: &str,
    ok: impl Fn(&WireEvent) -> bool,
) -> WireEvent {
    timeout(WAIT, async {
        loop {
            let event = rx.recv().await.unwrap();
            if ok(&event) {
                return event;
            }
        }
    })
    .await
    .unwrap_or_else(|_| panic!("no {what} within {} s", WAIT.as_secs()))
}

fn problem_kind(event: &WireEvent) -> Option<&str> {
    event.payload["problem"]["kind"].as_str()
}

#[tokio::test]
async fn commands_and_their_errors_cross_as_the_window_sees_them() {
    let dir = tempfile::tempdir().unwrap();
    let server_side = service(dir.path(), "server.db").await;
    let key = server_side.new_api_key().await.unwrap();
    let web = serve(&server_side, "127.0.0.1:0".parse().unwrap()).await;
    let remote = RemoteEngine::new(&web.url(), Secret::new(&key)).unwrap();

    assert_eq!(remote.version().await.unwrap(), env!("CARGO_PKG_VERSION"));
    let added = remote
        .call(
            "add_item",
            json!({"spec": {"title": "Heat", "kind": "movie", "year": 1995}}),
        )
        .await
        .unwrap();
    assert_eq!(added["title"], "Heat");
    let listed = remote.call("list_items", Value::Null).await.unwrap();
    assert_eq!(listed[0]["title"], "Heat", "{listed}");
    // Stored on the server, not here.
    assert_eq!(server_side.store().items().await.unwrap().len(), 1);

    let refused = remote
        .call("add_item", json!({"spec": {"title": " ", "kind": "movie"}}))
        .await
        .unwrap_err();
    assert_eq!(
        (refused.kind, refused.field.as_deref()),
        (ErrorKind::Validation, Some("title")),
        "{refused:?}"
    );
    let unknown = remote.call("format_disk", Value::Null).await.unwrap_err();
    assert_eq!(unknown.kind, ErrorKind::UnknownCommand);

    let wrong = RemoteEngine::new(&web.url(), Secret::new("0".repeat(64))).unwrap();
    let e = wrong.call("list_items", Value::Null).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unauthorized);
    assert!(e.message.contains("api-key --new"), "{}", e.message);
    assert!(!e.message.contains(&key));
    web.shutdown().await;
}

#[tokio::test]
async fn a_stopped_server_shows_as_unreachable_and_is_followed_again_once_back() {
    let dir = tempfile::tempdir().unwrap();
    let server_side = service(dir.path(), "server.db").await;
    let key = server_side.new_api_key().await.unwrap();
    let web = serve(&server_side, "127.0.0.1:0".parse().unwrap()).await;
    let listen = web.local_addr();
    let remote = RemoteEngine::new(&web.url(), Secret::new(&key)).unwrap();
    let mut events = remote.subscribe();
    remote.follow_events();

    // The server's first message is its status; a change on the server follows.
    let first = next_event(&mut events, "the server's status", |e| {
        e.name == "status://changed"
    })
    .await;
    assert_eq!(problem_kind(&first), None, "{:?}", first.payload);
    server_side.set_paused(true).await.unwrap();
    next_event(&mut events, "the pause", |e| {
        e.name == "status://changed" && e.payload["paused"] == true
    })
    .await;

    web.shutdown().await;
    let lost = next_event(&mut events, "an unreachable status", |e| {
        problem_kind(e) == Some("unreachable")
    })
    .await;
    assert_eq!(
        lost.payload["paused"], true,
        "the last status known is kept"
    );
    assert!(
        lost.payload["problem"]["message"]
            .as_str()
            .unwrap()
            .contains(&listen.to_string()),
        "{:?}",
        lost.payload
    );

    let back = serve(&server_side, listen).await;
    let caught_up = next_event(&mut events, "the server's status again", |e| {
        e.name == "status://changed" && problem_kind(e).is_none()
    })
    .await;
    assert_eq!(caught_up.payload["paused"], true);
    remote.close();
    back.shutdown().await;
}

#[tokio::test]
async fn the_window_socket_forwards_to_the_server_and_follows_a_switch() {
    let dir = tempfile::tempdir().unwrap();
    let server_side = service(dir.path(), "server.db").await;
    server_side
        .add_item(serde_json::from_value(json!({"title": "Heat", "kind": "movie"})).unwrap())
        .await
        .unwrap();
    let key = server_side.new_api_key().await.unwrap();
    let web = serve(&server_side, "127.0.0.1:0".parse().unwrap()).await;
    let remote = RemoteEngine::new(&web.url(), Secret::new(&key)).unwrap();
    remote.follow_events();

    let socket = dir.path().join("engine.sock");
    let (server, _shell) = Server::bind(&socket, EngineLink::Remote(remote.clone()))
        .await
        .unwrap();
    let (window, mut pushes) = Client::connect(&socket).await.unwrap();
    window
        .call("hello", json!({"role": "window"}))
        .await
        .unwrap();
    let items = window.call("list_items", Value::Null).await.unwrap();
    assert_eq!(items[0]["title"], "Heat", "the server's watchlist: {items}");

    // Back to this computer: the window is told to show the local engine's status and watchlist.
    let local = service(dir.path(), "desktop.db").await;
    server.set_engine(EngineLink::Local(local.clone()));
    let names: Vec<String> = timeout(WAIT, async {
        let mut names = Vec::new();
        while let Some(push) = pushes.recv().await {
            if let Push::Event { name, .. } = push {
                names.push(name.clone());
                if name == "items://changed" {
                    return names;
                }
            }
        }
        names
    })
    .await
    .unwrap();
    assert!(names.contains(&"status://changed".to_owned()), "{names:?}");
    let items = window.call("list_items", Value::Null).await.unwrap();
    assert_eq!(items, json!([]), "the local watchlist now");
    remote.close();
    web.shutdown().await;
}
