//! The window's two Tauri commands: `engine`, which forwards any command of the engine's contract over the
//! socket, and `open_link`.
//!
//! The engine's commands are defined once, in the engine ([`nightwatcher_engine::command::Command`]); this
//! process neither lists nor parses them, so a new command needs no change here, and its validation — and its
//! error, naming the field — happens in one place. `open_link` is the one command with logic of its own: the UI
//! renders links from untrusted release data, so the shell, not the UI, decides that only http(s) links reach
//! the desktop's opener.

use nightwatcher_engine::ipc::{Client, RemoteError};
use serde_json::Value;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;
use url::Url;

type Result<T = Value> = std::result::Result<T, RemoteError>;

/// Every engine command of the contract ([`nightwatcher_engine::command::Command`]): `cmd` names it, `args`
/// carries its arguments as the engine reads them (snake case), and the engine parses and validates both.
#[tauri::command]
pub async fn engine(engine: State<'_, Client>, cmd: String, args: Option<Value>) -> Result {
    engine.call(&cmd, args.unwrap_or(Value::Null)).await
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
#[allow(clippy::unwrap_used)] // tests may unwrap
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
