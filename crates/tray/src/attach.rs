//! Where this desktop app's engine runs: in this process (the default), or on a NightWatcher server the app is
//! attached to (Settings → Engine). Attached, no engine runs here: the tray, the window and the desktop
//! notifications all come from the server's API and events, and the server watches around the clock.
//!
//! The choice is kept in this computer's database (the setting `engine.server_url`, or the environment's
//! `NIGHTWATCHER_SERVER_URL`), the server's API key in the OS keyring (`server-api-key`, or
//! `NIGHTWATCHER_SERVER_API_KEY`). The window asks about it with the socket's shell commands
//! (`get_engine`, `test_engine`, `set_engine`), which are answered here, never by an engine.

use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;

use nightwatcher_engine::command::{ErrorKind, RemoteError};
use nightwatcher_engine::events::Events;
use nightwatcher_engine::link::EngineLink;
use nightwatcher_engine::remote::{RemoteEngine, server_url};
use nightwatcher_engine::secrets::{Secret, SecretName, SecretStore};
use nightwatcher_engine::service::Service;
use nightwatcher_engine::store::Store;
use serde::Deserialize;
use serde_json::{Value, json};

/// The setting naming the attached server; absent: the engine runs here.
pub const SERVER_URL_KEY: &str = "engine.server_url";
/// Overrides [`SERVER_URL_KEY`] (an empty value: this computer).
pub const SERVER_URL_ENV: &str = "NIGHTWATCHER_SERVER_URL";

/// The engine in use and what it takes to switch.
pub struct Engines {
    db: PathBuf,
    secrets: Arc<dyn SecretStore>,
    current: EngineLink,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TestArgs {
    url: String,
    #[serde(default)]
    api_key: Option<String>,
}

#[derive(Deserialize)]
#[serde(tag = "mode", rename_all = "snake_case", deny_unknown_fields)]
enum SetArgs {
    Local,
    Server {
        url: String,
        #[serde(default)]
        api_key: Option<String>,
    },
}

impl Engines {
    /// Starts the engine the settings choose: attached to the server, or a local service on `db`.
    pub async fn start(db: PathBuf, secrets: Arc<dyn SecretStore>) -> Result<Engines, String> {
        let store = Store::open(&db).await.map_err(|e| e.to_string())?;
        tracing::info!(db = %db.display(), "database open");
        let url = match std::env::var(SERVER_URL_ENV) {
            Ok(url) => Some(url).filter(|u| !u.trim().is_empty()),
            Err(_) => store.setting(SERVER_URL_KEY).await.ok().flatten(),
        };
        let remote = match url {
            None => None,
            Some(url) => match remote(&url, secrets.as_ref(), None) {
                Ok(remote) => Some(remote),
                Err(e) => {
                    tracing::error!(server = url, error = %e, "the server this app is attached to cannot be used: running the engine here");
                    None
                }
            },
        };
        let current = match remote {
            Some(remote) => {
                store.close().await;
                tracing::info!(server = %remote.url(), "attached to a NightWatcher server: no engine runs here");
                remote.follow_events();
                EngineLink::Remote(remote)
            }
            None => EngineLink::Local(Service::start(store, secrets.clone(), Events::new()).await),
        };
        Ok(Engines {
            db,
            secrets,
            current,
        })
    }

    pub fn link(&self) -> EngineLink {
        self.current.clone()
    }

    /// Answers a shell command of the socket (`get_engine`, `test_engine`, `set_engine`). A switch returns
    /// the new engine too, for the caller to hand to the socket and the tray.
    pub async fn handle(
        &mut self,
        cmd: &str,
        args: Value,
    ) -> Result<(Value, Option<EngineLink>), RemoteError> {
        let args = if args.is_null() { json!({}) } else { args };
        match cmd {
            "get_engine" => Ok((self.view(), None)),
            "test_engine" => {
                let a: TestArgs = parse(cmd, args)?;
                let remote = remote(&a.url, self.secrets.as_ref(), a.api_key.as_deref())?;
                let version = remote.version().await?;
                Ok((json!({ "version": version }), None))
            }
            "set_engine" => {
                let switched = match parse::<SetArgs>(cmd, args)? {
                    SetArgs::Local => self.run_here().await?,
                    SetArgs::Server { url, api_key } => self.attach(&url, api_key).await?,
                };
                Ok((self.view(), Some(switched)))
            }
            other => Err(RemoteError::internal(format!(
                "{other} is not a command about the engine"
            ))),
        }
    }

    /// Stops the engine in use (a local one finishes its work and closes the database).
    pub async fn shutdown(&self) {
        match &self.current {
            EngineLink::Local(service) => service.shutdown().await,
            EngineLink::Remote(remote) => remote.close(),
        }
    }

    fn view(&self) -> Value {
        let key = match self.secrets.get(SecretName::ServerApiKey) {
            Ok(Some(_)) => "saved",
            Ok(None) => "not set",
            Err(_) => "unavailable",
        };
        match &self.current {
            EngineLink::Local(_) => json!({"mode": "local", "url": null, "api_key": key}),
            EngineLink::Remote(remote) => {
                json!({"mode": "server", "url": remote.url().as_str(), "api_key": key})
            }
        }
    }

    /// Attaches to the server once it answers with the key: a wrong address or key changes nothing.
    async fn attach(
        &mut self,
        url: &str,
        api_key: Option<String>,
    ) -> Result<EngineLink, RemoteError> {
        let remote = remote(url, self.secrets.as_ref(), api_key.as_deref())?;
        let version = remote.version().await?;
        if let Some(key) = api_key.filter(|k| !k.trim().is_empty()) {
            self.secrets
                .set(SecretName::ServerApiKey, &Secret::new(key.trim()))
                .map_err(|e| RemoteError::new(ErrorKind::Keyring, e.to_string(), None))?;
        }
        self.remember(Some(remote.url().to_string())).await?;
        remote.follow_events();
        let previous = std::mem::replace(&mut self.current, EngineLink::Remote(remote.clone()));
        match previous {
            EngineLink::Local(service) => service.shutdown().await,
            EngineLink::Remote(old) => old.close(),
        }
        tracing::info!(server = %remote.url(), version, "attached to a NightWatcher server: the engine here is stopped");
        Ok(self.link())
    }

    /// Starts the engine here again (detaching from the server).
    async fn run_here(&mut self) -> Result<EngineLink, RemoteError> {
        if let EngineLink::Local(_) = self.current {
            return Ok(self.link());
        }
        self.remember(None).await?;
        let (db, secrets) = (self.db.clone(), self.secrets.clone());
        let service = on_own_thread(move || start_local(db, secrets))
            .await
            .map_err(RemoteError::internal)?;
        if let EngineLink::Remote(old) =
            std::mem::replace(&mut self.current, EngineLink::Local(service))
        {
            old.close();
        }
        tracing::info!("detached from the server: the engine runs on this computer again");
        Ok(self.link())
    }

    /// Stores the choice in this computer's database (opened for it: attached, no store stays open).
    async fn remember(&self, url: Option<String>) -> Result<(), RemoteError> {
        let db = self.db.clone();
        on_own_thread(move || async move {
            let store = Store::open(&db).await.map_err(|e| e.to_string())?;
            let stored = match url {
                Some(url) => store.set_setting(SERVER_URL_KEY, &url).await,
                None => store.delete_setting(SERVER_URL_KEY).await,
            };
            store.close().await;
            stored.map_err(|e| e.to_string())
        })
        .await
        .map_err(RemoteError::internal)
    }
}

/// A local engine on the database `db`.
async fn start_local(db: PathBuf, secrets: Arc<dyn SecretStore>) -> Result<Service, String> {
    let store = Store::open(&db).await.map_err(|e| e.to_string())?;
    Ok(Service::start(store, secrets, Events::new()).await)
}

/// Runs `work` to completion on a blocking thread of the runtime. Opening the store (its pool options hold a
/// callback generic over a connection's lifetime) gives a future the compiler cannot prove `Send` for every
/// lifetime, so it cannot be awaited inside the controller's task; on a thread of its own it need not be.
async fn on_own_thread<T, F>(work: impl FnOnce() -> F + Send + 'static) -> Result<T, String>
where
    T: Send + 'static,
    F: Future<Output = Result<T, String>>,
{
    let runtime = tokio::runtime::Handle::current();
    tokio::task::spawn_blocking(move || runtime.block_on(work()))
        .await
        .map_err(|e| format!("the engine could not start: {e}"))?
}

/// A client for the server at `url`, with `api_key` or else the saved one.
fn remote(
    url: &str,
    secrets: &dyn SecretStore,
    api_key: Option<&str>,
) -> Result<RemoteEngine, RemoteError> {
    server_url(url)?;
    let key = match api_key.filter(|k| !k.trim().is_empty()) {
        Some(key) => Secret::new(key.trim()),
        None => secrets
            .get(SecretName::ServerApiKey)
            .map_err(|e| RemoteError::new(ErrorKind::Keyring, e.to_string(), None))?
            .ok_or_else(|| {
                RemoteError::validation(
                    "server_api_key",
                    "enter the server's API key (on the server: `nightwatcherd web api-key --new`)",
                )
            })?,
    };
    RemoteEngine::new(url, key)
}

fn parse<T: serde::de::DeserializeOwned>(cmd: &str, args: Value) -> Result<T, RemoteError> {
    serde_json::from_value(args).map_err(|e| {
        RemoteError::new(
            ErrorKind::Validation,
            format!("malformed arguments for {cmd}: {e}"),
            None,
        )
    })
}
