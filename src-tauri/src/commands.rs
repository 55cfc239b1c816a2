//! The IPC commands of the UI contract, each one forwarding call to the engine.
//!
//! Argument names are the contract's: Tauri maps Rust `item_id` to JS `itemId`, and the engine receives them in
//! snake case. Arguments the engine parses (an item's spec, the settings input) pass through as JSON, so their
//! validation — and its error, naming the field — happens in one place, the engine. `open_link` is the one
//! command with logic of its own: the UI renders links from untrusted release data, so the shell, not the UI,
//! decides that only http(s) links reach the desktop's opener.

use nightwatcher_engine::ipc::{Client, RemoteError};
use serde_json::{Value, json};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;
use url::Url;

type Result<T = Value> = std::result::Result<T, RemoteError>;

#[tauri::command]
pub async fn list_items(engine: State<'_, Client>) -> Result {
    engine.call("list_items", Value::Null).await
}

#[tauri::command]
pub async fn add_item(engine: State<'_, Client>, spec: Value) -> Result {
    engine.call("add_item", json!({"spec": spec})).await
}

#[tauri::command]
pub async fn update_item(engine: State<'_, Client>, id: i64, spec: Value) -> Result {
    engine
        .call("update_item", json!({"id": id, "spec": spec}))
        .await
}

#[tauri::command]
pub async fn set_item_enabled(engine: State<'_, Client>, id: i64, enabled: bool) -> Result {
    engine
        .call("set_item_enabled", json!({"id": id, "enabled": enabled}))
        .await
}

#[tauri::command]
pub async fn delete_item(engine: State<'_, Client>, id: i64) -> Result {
    engine.call("delete_item", json!({"id": id})).await
}

#[tauri::command]
pub async fn import_items(engine: State<'_, Client>, json: String) -> Result {
    engine.call("import_items", json!({"json": json})).await
}

#[tauri::command]
pub async fn export_items(engine: State<'_, Client>) -> Result {
    engine.call("export_items", Value::Null).await
}

#[tauri::command]
pub async fn try_release(engine: State<'_, Client>, title: String, spec: Option<Value>) -> Result {
    engine
        .call("try_release", json!({"title": title, "spec": spec}))
        .await
}

#[tauri::command]
pub async fn found_releases(engine: State<'_, Client>, item_id: Option<i64>) -> Result {
    engine
        .call("found_releases", json!({"item_id": item_id}))
        .await
}

#[tauri::command]
pub async fn get_settings(engine: State<'_, Client>) -> Result {
    engine.call("get_settings", Value::Null).await
}

#[tauri::command]
pub async fn save_settings(engine: State<'_, Client>, input: Value) -> Result {
    engine.call("save_settings", json!({"input": input})).await
}

#[tauri::command]
pub async fn set_secret(engine: State<'_, Client>, name: String, value: String) -> Result {
    engine
        .call("set_secret", json!({"name": name, "value": value}))
        .await
}

#[tauri::command]
pub async fn test_prowlarr(engine: State<'_, Client>) -> Result {
    engine.call("test_prowlarr", Value::Null).await
}

#[tauri::command]
pub async fn send_test_message(engine: State<'_, Client>) -> Result {
    engine.call("send_test_message", Value::Null).await
}

#[tauri::command]
pub async fn get_status(engine: State<'_, Client>) -> Result {
    engine.call("get_status", Value::Null).await
}

#[tauri::command]
pub async fn get_monitoring(engine: State<'_, Client>) -> Result {
    engine.call("get_monitoring", Value::Null).await
}

#[tauri::command]
pub async fn check_now(engine: State<'_, Client>) -> Result {
    engine.call("check_now", Value::Null).await
}

#[tauri::command]
pub async fn set_paused(engine: State<'_, Client>, paused: bool) -> Result {
    engine.call("set_paused", json!({"paused": paused})).await
}

#[tauri::command]
pub async fn retry_failed(engine: State<'_, Client>) -> Result {
    engine.call("retry_failed", Value::Null).await
}

#[tauri::command]
pub async fn open_link<R: Runtime>(app: AppHandle<R>, url: String) -> Result<()> {
    let url = web_link(&url)?;
    app.opener()
        .open_url(url.as_str(), None::<&str>)
        .map_err(|e| {
            RemoteError::internal(format!(
                "the link could not be opened ({e}); copy it into a browser instead"
            ))
        })
}

/// The link, if it is one a browser should open: http or https with a host. Anything else (`javascript:`,
/// `file:`, `data:`, a custom scheme that would launch some other program) is refused. The refused text is
/// not echoed back: it came from untrusted release data.
pub fn web_link(text: &str) -> Result<Url> {
    let url = Url::parse(text.trim())
        .map_err(|e| RemoteError::validation("url", format!("this is not a valid link ({e})")))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(RemoteError::validation(
            "url",
            format!(
                "only http and https links can be opened, not {}: links",
                url.scheme()
            ),
        ));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(RemoteError::validation("url", "the link has no host"));
    }
    Ok(url)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap (STYLE.md)
mod tests {
    use super::*;

    #[test]
    fn web_links_are_accepted() {
        let url = web_link(" https://www.imdb.com/title/tt15239678/ ").unwrap();
        assert_eq!(url.as_str(), "https://www.imdb.com/title/tt15239678/");
        assert!(web_link("http://localhost:9696/details/42").is_ok());
    }

    #[test]
    fn links_that_would_run_or_read_something_are_refused() {
        for link in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "file:///etc/passwd",
            "data:text/html,<script>alert(1)</script>",
            "ftp://example.org/x",
            "magnet:?xt=urn:btih:abc",
            "steam://run/1",
        ] {
            let e = web_link(link).unwrap_err();
            assert_eq!(
                (e.kind.as_str(), e.field.as_deref()),
                ("validation", Some("url")),
                "{link}"
            );
        }
    }

    #[test]
    fn text_that_is_not_a_link_is_refused() {
        assert!(web_link("www.example.org").is_err());
        assert!(web_link("").is_err());
    }
}
