//! What happens once the event loop is up, in the order a user notices it.
//!
//! The tray comes first, so the app is visibly there at once ("tray ready" is what a launch benchmark
//! measures). The engine starts next, off the main thread: opening the database and warming up the release
//! parser take a moment, and the tray must not wait for them. Only when the service is managed do the event
//! forwarding and the window start, because the UI's first commands need it; an "Open" clicked earlier is
//! remembered and honoured then.
//!
//! The binary manages nothing but a [`Launch`]; the service is started here from the environment. A caller
//! that manages its own [`Service`] before the app runs (a test) gets that one used instead.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use nightwatcher_engine::events::Events;
use nightwatcher_engine::secrets::{EnvOverride, KeyringStore};
use nightwatcher_engine::service::Service;
use nightwatcher_engine::store::{Store, StoreError};
use tauri::{AppHandle, Manager, Runtime};

use crate::{forward, lifecycle, tray, window};

/// How this process was launched; managed by the binary before the app runs.
#[derive(Debug, Clone, Copy)]
pub struct Launch {
    /// Taken first thing in `main`, so the start-up log lines can say how long each step took.
    pub started: Instant,
    /// `--hidden`: start in the tray without opening the window (for autostart). Ignored without a tray.
    pub hidden: bool,
}

impl Launch {
    pub fn new(started: Instant, args: impl IntoIterator<Item = String>) -> Self {
        Launch {
            started,
            hidden: args.into_iter().any(|a| a == "--hidden"),
        }
    }
}

/// The setup hook: tray, signal handling, then the engine and what depends on it.
pub fn setup<R: Runtime>(app: &AppHandle<R>) {
    let launch = app
        .try_state::<Launch>()
        .map(|l| *l)
        .unwrap_or_else(|| Launch {
            started: Instant::now(),
            hidden: false,
        });
    if tray::available() {
        match tray::create(app) {
            Ok(()) => tracing::info!(
                elapsed_ms = launch.started.elapsed().as_millis(),
                "tray ready"
            ),
            Err(e) => {
                tracing::warn!(error = %e, "the tray icon could not be created: running without a tray")
            }
        }
    }
    lifecycle::watch_signals(app.clone());
    if let Some(service) = app.try_state::<Service>().map(|s| s.inner().clone()) {
        engine_ready(app, service, launch);
        return;
    }
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        match start_service().await {
            Ok(service) => {
                app.manage(service.clone());
                tracing::info!(
                    elapsed_ms = launch.started.elapsed().as_millis(),
                    "engine ready"
                );
                engine_ready(&app, service, launch);
            }
            Err(e) => {
                tracing::error!(error = %e, "NightWatcher could not start");
                app.exit(1);
            }
        }
    });
}

/// The service is managed: forward its events, show its status in the tray, open the window.
fn engine_ready<R: Runtime>(app: &AppHandle<R>, service: Service, launch: Launch) {
    forward::spawn(app.clone(), service.clone());
    let status_app = app.clone();
    tauri::async_runtime::spawn(async move {
        let status = service.status().await;
        tray::show_status(&status_app, &status);
    });
    if window::take_deferred(app) || !launch.hidden || !tray::exists(app) {
        window::show(app);
    }
}

/// Opens the database (`NIGHTWATCHER_DB`, or the OS data directory) and starts the engine with the OS keyring,
/// environment variables overriding it.
async fn start_service() -> Result<Service, StoreError> {
    let path = match std::env::var_os("NIGHTWATCHER_DB") {
        Some(path) => PathBuf::from(path),
        None => Store::default_path()?,
    };
    let store = Store::open(&path).await?;
    tracing::info!(db = %path.display(), "database open");
    let secrets = Arc::new(EnvOverride::new(KeyringStore::from_env()));
    Ok(Service::start(store, secrets, Events::new()).await)
}
