//! The commands through Tauri's IPC, on the mock runtime: argument names, result and error JSON as the UI
//! sees them. Each command crosses the whole path of a real run: Tauri's IPC, this process's forwarding, the
//! engine's socket, and a real engine service over a temporary SQLite file and an in-memory secret store.

#![allow(clippy::unwrap_used)] // tests may unwrap

use std::sync::Arc;

use nightwatcher_engine::events::Events;
use nightwatcher_engine::ipc::{Client, Server};
use nightwatcher_engine::secrets::MemoryStore;
use nightwatcher_engine::service::{Service, ServiceOptions};
use nightwatcher_engine::store::Store;
use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder, mock_context, noop_assets,
};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

use crate::build_app;

struct Harness {
    _dir: tempfile::TempDir,
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
}

impl Harness {
    fn new() -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nightwatcher.db");
        let socket = dir.path().join("engine.sock");
        // The service, the socket server and the client run on Tauri's runtime, where the commands run too.
        let client = tauri::async_runtime::block_on(async {
            let store = Store::open(&path).await.unwrap();
            let options = ServiceOptions {
                first_check_after: std::time::Duration::from_secs(3600),
                ..ServiceOptions::default()
            };
            let service = Service::start_with(
                store,
                Arc::new(MemoryStore::default()),
                Events::new(),
                options,
            )
            .await;
            // Serves until the test process ends (dropping the handle does not stop it).
            let (_server, _shell) = Server::bind(&socket, service).await.unwrap();
            let (client, _pushes) = Client::connect(&socket).await.unwrap();
            client
        });
        let app = build_app(mock_builder().manage(client))
            .build(mock_context(noop_assets()))
            .unwrap();
        let window = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        Harness {
            _dir: dir,
            _app: app,
            window,
        }
    }

    /// Runs an engine command as the UI does: through the window's one `engine` command.
    fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        self.invoke_tauri("engine", json!({"cmd": cmd, "args": args}))
    }

    fn invoke_tauri(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.window, request).map(|body| body.deserialize::<Value>().unwrap())
    }
}

#[test]
fn an_added_item_is_listed() {
    let h = Harness::new();
    let added = h
        .invoke(
            "add_item",
            json!({"spec": {"title": "Dune Part Two", "kind": "movie", "year": 2024}}),
        )
        .unwrap();
    assert_eq!(added["title"], "Dune Part Two");
    assert_eq!(added["kind"], "movie");
    assert!(added["id"].as_i64().is_some(), "{added}");

    let items = h.invoke("list_items", json!({})).unwrap();
    let items = items.as_array().unwrap();
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items[0]["id"], added["id"]);
    assert_eq!(items[0]["title"], "Dune Part Two");
    assert_eq!(items[0]["state"], "waiting");
}

#[test]
fn a_blank_title_is_a_validation_error_on_the_title_field() {
    let h = Harness::new();
    let error = h
        .invoke(
            "add_item",
            json!({"spec": {"title": "  ", "kind": "movie"}}),
        )
        .unwrap_err();
    assert_eq!(error["kind"], "validation", "{error}");
    assert_eq!(error["field"], "title", "{error}");
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("title")),
        "{error}"
    );
}

#[test]
fn updating_a_missing_item_is_not_found() {
    let h = Harness::new();
    let error = h
        .invoke(
            "update_item",
            json!({"id": 4242, "spec": {"title": "Severance", "kind": "series"}}),
        )
        .unwrap_err();
    assert_eq!(error["kind"], "not_found", "{error}");
    assert_eq!(error["field"], Value::Null, "{error}");
}

#[test]
fn enabling_and_deleting_return_null() {
    let h = Harness::new();
    let id = h
        .invoke(
            "add_item",
            json!({"spec": {"title": "Severance", "kind": "series"}}),
        )
        .unwrap()["id"]
        .clone();
    assert_eq!(
        h.invoke("set_item_enabled", json!({"id": id, "enabled": false}))
            .unwrap(),
        Value::Null
    );
    assert_eq!(
        h.invoke("list_items", json!({})).unwrap()[0]["state"],
        "paused"
    );
    assert_eq!(
        h.invoke("delete_item", json!({"id": id})).unwrap(),
        Value::Null
    );
    assert_eq!(h.invoke("list_items", json!({})).unwrap(), json!([]));
}

#[test]
fn import_counts_and_export_round_trips() {
    let h = Harness::new();
    let file = json!([{"title": "Dune Part Two", "kind": "movie", "year": 2024}, {"title": "Severance", "kind": "series"}]);
    assert_eq!(
        h.invoke("import_items", json!({"json": file.to_string()}))
            .unwrap(),
        2
    );
    let exported = h.invoke("export_items", json!({})).unwrap();
    let exported: Value = serde_json::from_str(exported.as_str().unwrap()).unwrap();
    assert_eq!(exported.as_array().map(Vec::len), Some(2), "{exported}");
}

#[test]
fn found_releases_reads_the_item_id_in_snake_case() {
    let h = Harness::new();
    assert_eq!(
        h.invoke("found_releases", json!({"item_id": null}))
            .unwrap(),
        json!([])
    );
    assert_eq!(
        h.invoke("found_releases", json!({"item_id": 1})).unwrap(),
        json!([])
    );
    // A wrong type, or a misspelt key (which would silently mean "all items"), is refused.
    assert!(
        h.invoke("found_releases", json!({"item_id": "one"}))
            .is_err()
    );
    let e = h
        .invoke("found_releases", json!({"itemId": 1}))
        .unwrap_err();
    assert_eq!(e["kind"], "validation", "{e}");
}

#[test]
fn pausing_returns_the_new_status() {
    let h = Harness::new();
    let status = h.invoke("set_paused", json!({"paused": true})).unwrap();
    assert_eq!(status["paused"], true, "{status}");
    assert_eq!(status["next_check_at"], Value::Null, "{status}");
    assert_eq!(h.invoke("get_status", json!({})).unwrap()["paused"], true);
    assert_eq!(
        h.invoke("set_paused", json!({"paused": false})).unwrap()["paused"],
        false
    );
}

#[test]
fn a_saved_secret_shows_as_saved_never_as_its_value() {
    let h = Harness::new();
    let view = h
        .invoke(
            "set_secret",
            json!({"name": "prowlarr-api-key", "value": "0123456789abcdef0123456789abcdef"}),
        )
        .unwrap();
    assert_eq!(view["prowlarr_api_key"], "saved", "{view}");
    assert!(!view.to_string().contains("0123456789abcdef"), "{view}");
    assert_eq!(
        h.invoke("get_settings", json!({})).unwrap()["prowlarr_api_key"],
        "saved"
    );
}

#[test]
fn an_unknown_secret_name_is_a_validation_error() {
    let h = Harness::new();
    let error = h
        .invoke("set_secret", json!({"name": "password", "value": "x"}))
        .unwrap_err();
    assert_eq!(
        (error["kind"].as_str(), error["field"].as_str()),
        (Some("validation"), Some("name")),
        "{error}"
    );
}

#[test]
fn settings_are_saved_through_their_input() {
    let h = Harness::new();
    let view = h
        .invoke("save_settings", json!({"input": {"prowlarr_url": "http://127.0.0.1:9696", "desktop_notifications": false}}))
        .unwrap();
    assert_eq!(view["prowlarr_url"], "http://127.0.0.1:9696", "{view}");
    assert_eq!(view["desktop_notifications"], false, "{view}");
}

#[test]
fn open_link_refuses_scripts_and_files() {
    let h = Harness::new();
    for url in ["javascript:alert(document.cookie)", "file:///etc/passwd"] {
        let error = h
            .invoke_tauri("open_link", json!({"url": url}))
            .unwrap_err();
        assert_eq!(error["kind"], "validation", "{url}: {error}");
        assert_eq!(error["field"], "url", "{url}: {error}");
    }
}

#[test]
fn try_release_parses_without_an_item() {
    let h = Harness::new();
    let result = h
        .invoke(
            "try_release",
            json!({"title": "Dune.Part.Two.2024.2160p.WEB-DL.x265-GROUP", "spec": null}),
        )
        .unwrap();
    assert_eq!(result["matches"], Value::Null, "{result}");
    assert_eq!(result["parsed"]["year"], 2024, "{result}");
}

#[test]
fn monitoring_comes_from_the_engine() {
    let h = Harness::new();
    let monitoring = h.invoke("get_monitoring", json!({})).unwrap();
    assert_eq!(monitoring["search_mode"], "feed", "{monitoring}");
    assert!(
        monitoring["notifications"]["pending"].is_i64(),
        "{monitoring}"
    );
}
