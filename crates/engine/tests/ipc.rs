//! The socket between the engine's process and the window's process, over a real Unix socket, a real service
//! and a temporary SQLite file: commands and their errors as the UI sees them, pushed events, the one-window
//! rule, second launches, and what a window sees when the engine goes away.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic: that is the failure report

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use nightwatcher_engine::events::Events;
use nightwatcher_engine::ipc::{BindError, Client, Push, Server, ShellRequest};
use nightwatcher_engine::secrets::MemoryStore;
use nightwatcher_engine::service::{Service, ServiceOptions};
use nightwatcher_engine::store::Store;
use serde_json::{Value, json};
use tokio::sync::mpsc::UnboundedReceiver;
use tokio::time::timeout;

struct Engine {
    dir: tempfile::TempDir,
    service: Service,
    server: Server,
    shell: UnboundedReceiver<ShellRequest>,
}

impl Engine {
    async fn start() -> Engine {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("app.db")).await.unwrap();
        // No scheduled check during a test: only what the test asks for happens.
        let options = ServiceOptions {
            first_check_after: Duration::from_secs(3600),
            ..ServiceOptions::default()
        };
        let service = Service::start_with(
            store,
            Arc::new(MemoryStore::default()),
            Events::new(),
            options,
        )
        .await;
        let (server, shell) = Server::bind(&dir.path().join("engine.sock"), service.clone())
            .await
            .unwrap();
        Engine {
            dir,
            service,
            server,
            shell,
        }
    }

    fn socket(&self) -> PathBuf {
        self.dir.path().join("engine.sock")
    }

    async fn window(&self) -> (Client, UnboundedReceiver<Push>) {
        let (client, pushes) = Client::connect(&self.socket()).await.unwrap();
        client.hello().await.unwrap();
        (client, pushes)
    }
}

async fn next_push(pushes: &mut UnboundedReceiver<Push>) -> Option<Push> {
    timeout(Duration::from_secs(10), pushes.recv())
        .await
        .expect("no push within 10 s")
}

/// The next push that is not an engine event (events come whenever the service's status changes).
async fn next_control(pushes: &mut UnboundedReceiver<Push>) -> Option<Push> {
    loop {
        match next_push(pushes).await {
            Some(Push::Event { .. }) => {}
            other => return other,
        }
    }
}

/// The next pushed event named `name`, skipping others (status changes come with most actions).
async fn event_named(pushes: &mut UnboundedReceiver<Push>, name: &str) -> Value {
    loop {
        match next_push(pushes).await {
            Some(Push::Event { name: n, payload }) if n == name => return payload,
            Some(_) => {}
            None => panic!("the push stream ended before {name}"),
        }
    }
}

#[tokio::test]
async fn commands_run_on_the_engine_and_answer_as_the_ui_expects() {
    let engine = Engine::start().await;
    let (client, _pushes) = engine.window().await;
    let added = client
        .call(
            "add_item",
            json!({"spec": {"title": "Dune Part Two", "kind": "movie", "year": 2024}}),
        )
        .await
        .unwrap();
    assert_eq!(added["title"], "Dune Part Two");
    let items = client.call("list_items", Value::Null).await.unwrap();
    assert_eq!(items.as_array().unwrap().len(), 1, "{items}");
    assert_eq!(items[0]["id"], added["id"]);
    // What the engine stored, not just what the socket echoed.
    assert_eq!(engine.service.list_items().await.unwrap().len(), 1);

    let deleted = client
        .call("delete_item", json!({"id": added["id"]}))
        .await
        .unwrap();
    assert_eq!(deleted, Value::Null);
    assert!(engine.service.list_items().await.unwrap().is_empty());
}

#[tokio::test]
async fn errors_keep_their_kind_and_field() {
    let engine = Engine::start().await;
    let (client, _pushes) = engine.window().await;
    let e = client
        .call(
            "add_item",
            json!({"spec": {"title": "  ", "kind": "movie"}}),
        )
        .await
        .unwrap_err();
    assert_eq!(
        (e.kind.as_str(), e.field.as_deref()),
        ("validation", Some("title")),
        "{e:?}"
    );

    let e = client
        .call(
            "update_item",
            json!({"id": 4242, "spec": {"title": "Severance", "kind": "series"}}),
        )
        .await
        .unwrap_err();
    assert_eq!(e.kind, "not_found", "{e:?}");

    let e = client
        .call("set_secret", json!({"name": "password", "value": "x"}))
        .await
        .unwrap_err();
    assert_eq!(
        (e.kind.as_str(), e.field.as_deref()),
        ("validation", Some("name")),
        "{e:?}"
    );

    let e = client
        .call("add_item", json!({"title": "no spec"}))
        .await
        .unwrap_err();
    assert_eq!(e.kind, "validation", "{e:?}");
    assert!(
        e.message.contains("malformed arguments for add_item"),
        "{e:?}"
    );

    let e = client.call("format_disk", Value::Null).await.unwrap_err();
    assert_eq!(e.kind, "unknown_command", "{e:?}");
}

#[tokio::test]
async fn a_window_receives_engine_events() {
    let engine = Engine::start().await;
    let (client, mut pushes) = engine.window().await;
    client
        .call(
            "add_item",
            json!({"spec": {"title": "Severance", "kind": "series"}}),
        )
        .await
        .unwrap();
    assert_eq!(
        event_named(&mut pushes, "items://changed").await,
        Value::Null
    );
    client
        .call("set_paused", json!({"paused": true}))
        .await
        .unwrap();
    loop {
        let status = event_named(&mut pushes, "status://changed").await;
        if status["paused"] == true {
            break;
        }
    }
}

#[tokio::test]
async fn only_one_window_is_registered_and_a_second_focuses_the_first() {
    let mut engine = Engine::start().await;
    let (_first, mut first_pushes) = engine.window().await;
    assert!(engine.server.window_connected());

    let (second, _second_pushes) = Client::connect(&engine.socket()).await.unwrap();
    let e = second.hello().await.unwrap_err();
    assert_eq!(e.kind, "already_open", "{e:?}");
    assert_eq!(next_control(&mut first_pushes).await, Some(Push::Focus));

    // A second launch of the app asks for the window: the open one is focused, the shell is not asked.
    let (launcher, _) = Client::connect(&engine.socket()).await.unwrap();
    let answer = launcher.call("open_window", Value::Null).await.unwrap();
    assert_eq!(answer, "focused");
    assert_eq!(next_control(&mut first_pushes).await, Some(Push::Focus));
    assert!(engine.shell.try_recv().is_err());
}

#[tokio::test]
async fn with_no_window_open_the_shell_is_asked_to_open_one() {
    let mut engine = Engine::start().await;
    let (launcher, _) = Client::connect(&engine.socket()).await.unwrap();
    assert_eq!(
        launcher.call("open_window", Value::Null).await.unwrap(),
        "opening"
    );
    let request = timeout(Duration::from_secs(5), engine.shell.recv())
        .await
        .unwrap();
    assert!(
        matches!(request, Some(ShellRequest::OpenWindow)),
        "{request:?}"
    );
}

#[tokio::test]
async fn a_closed_window_frees_the_place_for_the_next() {
    let engine = Engine::start().await;
    let (first, pushes) = engine.window().await;
    drop((first, pushes));
    // The server notices the closed connection; the next window is accepted.
    let mut accepted = false;
    for _ in 0..100 {
        let (client, _p) = Client::connect(&engine.socket()).await.unwrap();
        if client.hello().await.is_ok() {
            accepted = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(accepted, "a new window was refused after the first closed");
}

#[tokio::test]
async fn quitting_closes_the_window_and_later_calls_say_the_engine_stopped() {
    let engine = Engine::start().await;
    let (client, mut pushes) = engine.window().await;
    assert!(engine.server.close_window());
    assert_eq!(next_control(&mut pushes).await, Some(Push::Close));

    engine.server.shutdown();
    // The push stream ends (the window process exits on that), and calls fail with a clear kind.
    while next_push(&mut pushes).await.is_some() {}
    let e = client.call("list_items", Value::Null).await.unwrap_err();
    assert_eq!(e.kind, "engine_stopped", "{e:?}");
    assert!(!engine.socket().exists(), "the socket file was left behind");
}

#[tokio::test]
async fn a_second_engine_on_the_same_socket_is_refused_and_a_stale_socket_is_replaced() {
    let engine = Engine::start().await;
    let other = Engine::start().await;
    match Server::bind(&engine.socket(), other.service.clone()).await {
        Err(BindError::AlreadyRunning { .. }) => {}
        Err(e) => panic!("expected AlreadyRunning, got {e}"),
        Ok(_) => panic!("a second engine bound the same socket"),
    }

    // A socket file nobody listens on (left by a crash) is replaced.
    let stale = other.dir.path().join("stale.sock");
    drop(std::os::unix::net::UnixListener::bind(&stale).unwrap());
    assert!(stale.exists());
    let (server, _) = Server::bind(&stale, other.service.clone()).await.unwrap();
    let (client, _) = Client::connect(&stale).await.unwrap();
    assert!(client.call("list_items", Value::Null).await.is_ok());
    server.shutdown();
}

#[tokio::test]
async fn the_socket_is_private_to_its_user() {
    let engine = Engine::start().await;
    let mode = std::fs::metadata(engine.socket())
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600, "{mode:o}");
}

#[tokio::test]
async fn a_malformed_line_closes_only_that_connection() {
    use tokio::io::AsyncWriteExt;
    let engine = Engine::start().await;
    let mut raw = tokio::net::UnixStream::connect(engine.socket())
        .await
        .unwrap();
    raw.write_all(b"this is not json\n").await.unwrap();
    let mut buf = [0u8; 16];
    let n = timeout(
        Duration::from_secs(5),
        tokio::io::AsyncReadExt::read(&mut raw, &mut buf),
    )
    .await
    .unwrap()
    .unwrap();
    assert_eq!(
        n, 0,
        "the server kept talking to a client that sent garbage"
    );
    let (client, _) = engine.window().await;
    assert!(client.call("get_status", Value::Null).await.is_ok());
}

#[tokio::test]
async fn monitoring_figures_and_search_settings_cross_the_socket() {
    let engine = Engine::start().await;
    let (client, _pushes) = engine.window().await;
    let monitoring = client.call("get_monitoring", Value::Null).await.unwrap();
    assert_eq!(monitoring["search_mode"], "feed", "{monitoring}");
    assert_eq!(monitoring["pid"], std::process::id(), "{monitoring}");
    assert!(
        monitoring["db_connections"]["open"].is_u64(),
        "{monitoring}"
    );

    let settings = client.call("get_settings", Value::Null).await.unwrap();
    assert_eq!(
        (
            &settings["search_mode"],
            &settings["search_every"],
            &settings["search_budget"]
        ),
        (&json!("feed"), &json!("6h"), &json!(100)),
        "{settings}"
    );
    let saved = client
        .call(
            "save_settings",
            json!({"input": {"search_mode": "search_all", "search_every": "12h", "search_budget": 40}}),
        )
        .await
        .unwrap();
    assert_eq!(
        (
            &saved["search_mode"],
            &saved["search_every"],
            &saved["search_budget"]
        ),
        (&json!("search_all"), &json!("12h"), &json!(40)),
        "{saved}"
    );
    let e = client
        .call(
            "save_settings",
            json!({"input": {"search_mode": "sometimes", "search_budget": 5}}),
        )
        .await
        .unwrap_err();
    assert_eq!(
        (e.kind.as_str(), e.field.as_deref()),
        ("validation", Some("search_mode")),
        "{e:?}"
    );
    // Nothing of a refused input is stored, not even its valid part.
    let settings = client.call("get_settings", Value::Null).await.unwrap();
    assert_eq!(settings["search_budget"], 40, "{settings}");
}
