//! The IPC commands of the UI contract (notes: issue3-contract.md), each one line over the engine's [`Service`].
//!
//! Argument names are the contract's: Tauri maps Rust `item_id` to JS `itemId`. Every command is `async` so
//! none runs on the main thread, where a slow database or network call would freeze the window and the tray.
//! `open_link` is the one command with logic of its own: the UI renders links from untrusted release data, so
//! the shell, not the UI, decides that only http(s) links reach the desktop's opener.

use nightwatcher_engine::model::{ItemSpec, WatchlistItem};
use nightwatcher_engine::secrets::SecretName;
use nightwatcher_engine::service::{
    ConnectionInfo, ItemView, Service, SettingsInput, SettingsView, Status, TryResult,
};
use nightwatcher_engine::store::FoundRelease;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;
use url::Url;

use crate::error::IpcError;

type Result<T> = std::result::Result<T, IpcError>;

#[tauri::command]
pub async fn list_items(service: State<'_, Service>) -> Result<Vec<ItemView>> {
    Ok(service.list_items().await?)
}

#[tauri::command]
pub async fn add_item(service: State<'_, Service>, spec: ItemSpec) -> Result<WatchlistItem> {
    Ok(service.add_item(spec).await?)
}

#[tauri::command]
pub async fn update_item(
    service: State<'_, Service>,
    id: i64,
    spec: ItemSpec,
) -> Result<WatchlistItem> {
    Ok(service.update_item(id, spec).await?)
}

#[tauri::command]
pub async fn set_item_enabled(service: State<'_, Service>, id: i64, enabled: bool) -> Result<()> {
    Ok(service.set_item_enabled(id, enabled).await?)
}

#[tauri::command]
pub async fn delete_item(service: State<'_, Service>, id: i64) -> Result<()> {
    Ok(service.delete_item(id).await?)
}

#[tauri::command]
pub async fn import_items(service: State<'_, Service>, json: String) -> Result<usize> {
    Ok(service.import_items(&json).await?)
}

#[tauri::command]
pub async fn export_items(service: State<'_, Service>) -> Result<String> {
    Ok(service.export_items().await?)
}

#[tauri::command]
pub async fn try_release(
    service: State<'_, Service>,
    title: String,
    spec: Option<ItemSpec>,
) -> Result<TryResult> {
    Ok(service.try_release(&title, spec).await?)
}

#[tauri::command]
pub async fn found_releases(
    service: State<'_, Service>,
    item_id: Option<i64>,
) -> Result<Vec<FoundRelease>> {
    Ok(service.found_releases(item_id).await?)
}

#[tauri::command]
pub async fn get_settings(service: State<'_, Service>) -> Result<SettingsView> {
    Ok(service.settings().await?)
}

#[tauri::command]
pub async fn save_settings(
    service: State<'_, Service>,
    input: SettingsInput,
) -> Result<SettingsView> {
    Ok(service.save_settings(input).await?)
}

#[tauri::command]
pub async fn set_secret(
    service: State<'_, Service>,
    name: String,
    value: String,
) -> Result<SettingsView> {
    let name: SecretName = name.parse().map_err(|_| IpcError::UnknownSecret(name))?;
    Ok(service.set_secret(name, &value).await?)
}

#[tauri::command]
pub async fn test_prowlarr(service: State<'_, Service>) -> Result<ConnectionInfo> {
    Ok(service.test_prowlarr().await?)
}

#[tauri::command]
pub async fn send_test_message(service: State<'_, Service>) -> Result<()> {
    Ok(service.send_test_message().await?)
}

#[tauri::command]
pub async fn get_status(service: State<'_, Service>) -> Result<Status> {
    Ok(service.status().await)
}

#[tauri::command]
pub async fn check_now(service: State<'_, Service>) -> Result<()> {
    service.check_now();
    Ok(())
}

#[tauri::command]
pub async fn set_paused(service: State<'_, Service>, paused: bool) -> Result<Status> {
    Ok(service.set_paused(paused).await?)
}

#[tauri::command]
pub async fn retry_failed(service: State<'_, Service>) -> Result<u64> {
    Ok(service.retry_failed().await?)
}

#[tauri::command]
pub async fn open_link<R: Runtime>(app: AppHandle<R>, url: String) -> Result<()> {
    let url = web_link(&url)?;
    app.opener()
        .open_url(url.as_str(), None::<&str>)
        .map_err(|e| IpcError::OpenFailed(e.to_string()))
}

/// The link, if it is one a browser should open: http or https with a host. Anything else (`javascript:`,
/// `file:`, `data:`, a custom scheme that would launch some other program) is refused. The refused text is
/// not echoed back: it came from untrusted release data.
pub fn web_link(text: &str) -> Result<Url> {
    let url = Url::parse(text.trim())
        .map_err(|e| IpcError::Link(format!("this is not a valid link ({e})")))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(IpcError::Link(format!(
            "only http and https links can be opened, not {}: links",
            url.scheme()
        )));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(IpcError::Link("the link has no host".into()));
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
            assert_eq!((e.kind(), e.field()), ("validation", Some("url")), "{link}");
        }
    }

    #[test]
    fn text_that_is_not_a_link_is_refused() {
        assert!(web_link("www.example.org").is_err());
        assert!(web_link("").is_err());
    }
}
