//! A NightWatcher engine on another machine, reached over its HTTP API (`docs/http-api.md`) with an API key:
//! what a desktop app attached to a server talks to instead of an engine of its own.
//!
//! Commands go to `POST /api/v1/command` by name, so every command of the contract reaches the server with no
//! route of its own here. Events come from `GET /api/v1/events` (server-sent events), re-broadcast to the
//! faces as [`WireEvent`]s with the names and payloads a local engine gives them. While the server cannot be
//! reached, the faces get the last status known with the problem `unreachable` ("… retried by itself"), and
//! the stream reconnects with a growing wait (1 s doubling up to 15 s); the server's first message on
//! reconnection is its current status, which clears the problem.
//!
//! The API key is only ever sent in the `X-Api-Key` header; it is in no URL, log or error.

use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use eventsource_stream::Eventsource;
use futures_util::StreamExt;
use serde_json::{Value, json};
use tokio::sync::broadcast;
use tokio_util::sync::CancellationToken;
use url::Url;

use crate::command::{ErrorKind, RemoteError};
use crate::secrets::Secret;

/// An event as every face receives it: the window over its socket, a browser over SSE.
#[derive(Debug, Clone, PartialEq)]
pub struct WireEvent {
    pub name: String,
    pub payload: Value,
}

/// The status event's name (see [`crate::events::Event::name`]).
const STATUS_EVENT: &str = "status://changed";
/// Waits between reconnections: 1 s, doubling, at most this.
const MAX_RECONNECT_WAIT: Duration = Duration::from_secs(15);
/// A command may take as long as the server's own Prowlarr test (its timeouts are a minute).
const COMMAND_TIMEOUT: Duration = Duration::from_secs(120);
/// The server sends a keep-alive every 15 s: this long without a byte means the connection is dead.
const READ_TIMEOUT: Duration = Duration::from_secs(60);

/// The attached server; cheap to clone. [`RemoteEngine::close`] stops following its events.
#[derive(Clone)]
pub struct RemoteEngine {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    /// The server's address, ending in `/` (URL base included): the API is at `api/v1/...` under it.
    base: Url,
    api_key: Secret,
    events: broadcast::Sender<WireEvent>,
    /// The last status the server sent, shown with an `unreachable` problem while it cannot be reached.
    last_status: Mutex<Option<Value>>,
    cancel: CancellationToken,
}

impl RemoteEngine {
    /// A client for the server at `url` (`http://nas:8711`, `https://host/nightwatcher`). It does not connect
    /// yet: [`RemoteEngine::follow_events`] does, and [`RemoteEngine::call`] on each command.
    pub fn new(url: &str, api_key: Secret) -> Result<RemoteEngine, RemoteError> {
        let base = server_url(url)?;
        if api_key.expose().trim().is_empty() {
            return Err(RemoteError::validation(
                "server_api_key",
                "the server's API key is needed: make one on the server with `nightwatcherd web api-key --new`",
            ));
        }
        let http = reqwest::Client::builder()
            .user_agent(crate::USER_AGENT)
            .connect_timeout(Duration::from_secs(5))
            .read_timeout(READ_TIMEOUT)
            .build()
            .map_err(|e| RemoteError::internal(format!("the HTTP client could not start: {e}")))?;
        let (events, _) = broadcast::channel(256);
        Ok(RemoteEngine {
            inner: Arc::new(Inner {
                http,
                base,
                api_key,
                events,
                last_status: Mutex::new(None),
                cancel: CancellationToken::new(),
            }),
        })
    }

    /// The server's address as given, normalized (`http://nas:8711/`).
    pub fn url(&self) -> &Url {
        &self.inner.base
    }

    /// Runs one command of the contract on the server. The future owns its inputs (`'static`), so it can be
    /// held across any await by any task.
    pub fn call(
        &self,
        cmd: &str,
        args: Value,
    ) -> impl Future<Output = Result<Value, RemoteError>> + Send + 'static {
        let this = self.clone();
        let cmd = cmd.to_owned();
        async move { this.send_command(&cmd, args).await }
    }

    async fn send_command(&self, cmd: &str, args: Value) -> Result<Value, RemoteError> {
        let url = self.endpoint("api/v1/command")?;
        let response = self
            .inner
            .http
            .post(url)
            .header("X-Api-Key", self.inner.api_key.expose())
            .timeout(COMMAND_TIMEOUT)
            .json(&json!({ "cmd": cmd, "args": args }))
            .send()
            .await
            .map_err(|e| self.unreachable(&e))?;
        let status = response.status();
        let body = response.bytes().await.map_err(|e| self.unreachable(&e))?;
        if status.is_success() {
            if body.is_empty() {
                return Ok(Value::Null);
            }
            return serde_json::from_slice(&body).map_err(|e| {
                RemoteError::internal(format!(
                    "the server at {} answered {cmd} with something that is not JSON ({e}): is it a NightWatcher server of this version?",
                    self.inner.base
                ))
            });
        }
        Err(self.refusal(status, &body))
    }

    /// "Test connection": the server's version, when the address and the key are right.
    pub fn version(&self) -> impl Future<Output = Result<String, RemoteError>> + Send + 'static {
        let monitoring = self.call("get_monitoring", Value::Null);
        async move {
            Ok(monitoring.await?["version"]
                .as_str()
                .unwrap_or("unknown (older than 0.1)")
                .to_owned())
        }
    }

    /// The server's events, as they arrive. The first call starts following them.
    pub fn subscribe(&self) -> broadcast::Receiver<WireEvent> {
        self.inner.events.subscribe()
    }

    /// Follows the server's event stream until [`RemoteEngine::close`], reconnecting with backoff.
    pub fn follow_events(&self) {
        let this = self.clone();
        tokio::spawn(async move { this.follow().await });
    }

    /// Stops following the server's events.
    pub fn close(&self) {
        self.inner.cancel.cancel();
    }

    async fn follow(self) {
        let mut failures: u32 = 0;
        loop {
            let outcome = tokio::select! {
                () = self.inner.cancel.cancelled() => return,
                outcome = self.stream_events(&mut failures) => outcome,
            };
            if let Err(e) = outcome {
                failures = failures.saturating_add(1);
                tracing::info!(server = %self.inner.base, error = %e, "the server's events stopped: reconnecting");
                self.announce_unreachable(&e);
            }
            let wait = reconnect_wait(failures);
            tokio::select! {
                () = self.inner.cancel.cancelled() => return,
                () = tokio::time::sleep(wait) => {}
            }
        }
    }

    /// Reads the event stream until it ends (then `Ok`) or fails. `failures` is reset once the server answers.
    async fn stream_events(&self, failures: &mut u32) -> Result<(), RemoteError> {
        let url = self.endpoint("api/v1/events")?;
        let response = self
            .inner
            .http
            .get(url)
            .header("X-Api-Key", self.inner.api_key.expose())
            .header("Accept", "text/event-stream")
            .send()
            .await
            .map_err(|e| self.unreachable(&e))?;
        let status = response.status();
        if !status.is_success() {
            let body = response.bytes().await.unwrap_or_default();
            return Err(self.refusal(status, &body));
        }
        *failures = 0;
        tracing::info!(server = %self.inner.base, "following the server's events");
        let mut stream = response.bytes_stream().eventsource();
        while let Some(event) = stream.next().await {
            let event = event.map_err(|e| {
                RemoteError::new(
                    ErrorKind::Unreachable,
                    format!("the server's event stream broke off ({e})"),
                    None,
                )
            })?;
            let payload = serde_json::from_str(&event.data).unwrap_or(Value::Null);
            if event.event == STATUS_EVENT
                && let Ok(mut last) = self.inner.last_status.lock()
            {
                *last = Some(payload.clone());
            }
            let _ = self.inner.events.send(WireEvent {
                name: event.event,
                payload,
            });
        }
        Ok(())
    }

    /// Tells the faces the server is out of reach: its last status, with the problem and nothing running.
    fn announce_unreachable(&self, error: &RemoteError) {
        let mut status = self
            .inner
            .last_status
            .lock()
            .ok()
            .and_then(|s| s.clone())
            .unwrap_or_else(|| {
                json!({
                    "paused": false,
                    "running": null,
                    "last_check": null,
                    "next_check_at": null,
                    "notifications": {"pending": 0, "sent": 0, "failed": 0},
                })
            });
        let (kind, message) = match error.kind {
            ErrorKind::Unauthorized => (
                "server_refused",
                format!(
                    "The NightWatcher server at {} refused the API key: make a new one there (`nightwatcherd web api-key --new`) and enter it in Settings → Engine",
                    self.inner.base
                ),
            ),
            _ => (
                "unreachable",
                format!(
                    "The NightWatcher server at {} cannot be reached ({}); reconnecting by itself",
                    self.inner.base, error.message
                ),
            ),
        };
        status["problem"] = json!({ "kind": kind, "message": message });
        status["running"] = Value::Null;
        status["next_check_at"] = Value::Null;
        let _ = self.inner.events.send(WireEvent {
            name: STATUS_EVENT.to_owned(),
            payload: status,
        });
    }

    fn endpoint(&self, path: &str) -> Result<Url, RemoteError> {
        self.inner
            .base
            .join(path)
            .map_err(|e| RemoteError::internal(format!("bad server address: {e}")))
    }

    fn unreachable(&self, e: &reqwest::Error) -> RemoteError {
        // reqwest's message names the URL, which holds no secret (the key travels in a header).
        let why = if e.is_timeout() {
            "it did not answer in time".to_owned()
        } else if e.is_connect() {
            "the connection was refused or timed out".to_owned()
        } else {
            e.to_string()
        };
        RemoteError::new(
            ErrorKind::Unreachable,
            format!(
                "the NightWatcher server at {} cannot be reached: {why}. Check that it runs and the address, or switch Settings → Engine to this computer",
                self.inner.base
            ),
            None,
        )
    }

    /// The server's error answer, as it sent it when it is one of ours.
    fn refusal(&self, status: reqwest::StatusCode, body: &[u8]) -> RemoteError {
        #[derive(serde::Deserialize)]
        struct Answer {
            error: RemoteError,
        }
        if let Ok(answer) = serde_json::from_slice::<Answer>(body) {
            let mut error = answer.error;
            if error.kind == ErrorKind::Unauthorized {
                error.message = format!(
                    "the server at {} refused the API key: make a new one there (`nightwatcherd web api-key --new`) and enter it in Settings → Engine",
                    self.inner.base
                );
            }
            return error;
        }
        let kind = if status == reqwest::StatusCode::UNAUTHORIZED {
            ErrorKind::Unauthorized
        } else {
            ErrorKind::Unreachable
        };
        RemoteError::new(
            kind,
            format!(
                "{} answered {status}, not as a NightWatcher server does: check the address (and its URL base)",
                self.inner.base
            ),
            None,
        )
    }
}

/// The server's address, checked: http or https with a host, no credentials or query; it ends in `/`, so
/// the API's paths join under a URL base.
pub fn server_url(text: &str) -> Result<Url, RemoteError> {
    let field = "server_url";
    let mut url = Url::parse(text.trim()).map_err(|e| {
        RemoteError::validation(
            field,
            format!("not an address ({e}): write it like http://nas.local:8711"),
        )
    })?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none_or(str::is_empty) {
        return Err(RemoteError::validation(
            field,
            "the address must start with http:// or https:// and name the server: http://nas.local:8711",
        ));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(RemoteError::validation(
            field,
            "the address must not hold a user or password: the API key is entered on its own",
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(RemoteError::validation(
            field,
            "the address must not have a ?query or #fragment",
        ));
    }
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    Ok(url)
}

fn reconnect_wait(failures: u32) -> Duration {
    let secs = 1u64 << failures.saturating_sub(1).min(4);
    Duration::from_secs(secs).min(MAX_RECONNECT_WAIT)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;

    #[test]
    fn server_addresses_are_normalized_under_their_base() {
        assert_eq!(
            server_url(" http://nas.local:8711 ").unwrap().as_str(),
            "http://nas.local:8711/"
        );
        let base = server_url("https://home.example/nightwatcher").unwrap();
        assert_eq!(
            base.join("api/v1/command").unwrap().as_str(),
            "https://home.example/nightwatcher/api/v1/command"
        );
    }

    #[test]
    fn addresses_that_are_not_a_server_are_refused_on_the_field() {
        for text in [
            "nas.local:8711",
            "ftp://nas/",
            "http://user:pw@nas/",
            "http://nas/?apikey=1",
            "",
        ] {
            let e = server_url(text).unwrap_err();
            assert_eq!(
                (e.kind, e.field.as_deref()),
                (ErrorKind::Validation, Some("server_url")),
                "{text}"
            );
        }
    }

    #[test]
    fn an_empty_key_is_refused() {
        let e = RemoteEngine::new("http://nas:8711", Secret::new(" "))
            .err()
            .unwrap();
        assert_eq!(e.field.as_deref(), Some("server_api_key"));
    }

    #[test]
    fn reconnections_wait_longer_up_to_a_limit() {
        let waits: Vec<u64> = (1..=8).map(|f| reconnect_wait(f).as_secs()).collect();
        assert_eq!(waits, [1, 2, 4, 8, 15, 15, 15, 15]);
    }
}
