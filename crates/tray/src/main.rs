//! `nightwatcher`: the desktop app's main process — the tray and the engine, without WebKit.
//!
//! A launch first looks for a running NightWatcher on the same database (its socket answers): then it asks
//! that one to open its window (not with `--hidden`) and exits 0. Otherwise it opens the database, starts the
//! engine and the socket server, shows the tray on the GTK main thread, and opens the window process unless
//! `--hidden`. Without a tray (libappindicator missing, or `NIGHTWATCHER_NO_TRAY=1`) the window always opens,
//! and closing it quits.
//!
//! Environment: `NIGHTWATCHER_DB` (database file, default in the OS data directory), `NIGHTWATCHER_SOCKET`,
//! `NIGHTWATCHER_WINDOW_BIN`, `RUST_LOG`, `NIGHTWATCHER_KEYRING_SERVICE`, the engine's secret and setting
//! overrides, `NIGHTWATCHER_NO_TRAY`. Arguments: `--hidden` starts in the tray without opening the window.
//!
//! With `web_listen` set (`NIGHTWATCHER_WEB_LISTEN`), the app also serves the web UI and the HTTP API
//! (`nightwatcher_web`, docs/http-api.md), as `nightwatcherd run` does.

mod action;
mod app;
mod attach;
mod notifications;
mod tray;
mod window;

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use nightwatcher_engine::ipc::{self, Client, Server};
use nightwatcher_engine::link::EngineLink;
use nightwatcher_engine::secrets::{EnvOverride, KeyringStore};
use serde_json::Value;
use tokio::sync::mpsc;

use crate::app::Controller;
use crate::attach::Engines;
use crate::tray::Tray;
use crate::window::Launcher;

fn main() -> ExitCode {
    let started = Instant::now();
    let hidden = std::env::args().skip(1).any(|a| a == "--hidden");
    nightwatcher_engine::redact::init_logging("info");
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            tracing::error!(error = %e, "the async runtime could not start");
            return ExitCode::FAILURE;
        }
    };
    let db = match ipc::database_path() {
        Ok(db) => db,
        Err(e) => {
            tracing::error!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let socket = ipc::socket_path(&db);
    if runtime.block_on(hand_over_to_running_instance(&socket, hidden)) {
        return ExitCode::SUCCESS;
    }

    let (actions_tx, actions) = mpsc::unbounded_channel();
    // The tray first, so the app is visibly there at once; the engine starts behind it.
    let tray = if tray::available() {
        match gtk::init() {
            Ok(()) => match Tray::create(actions_tx.clone()) {
                Ok(tray) => {
                    tracing::info!(elapsed_ms = started.elapsed().as_millis(), "tray ready");
                    Some(tray)
                }
                Err(e) => {
                    tracing::warn!(error = %e, "the tray icon could not be created: running without a tray");
                    None
                }
            },
            Err(e) => {
                tracing::warn!(error = %e, "GTK could not start (no display?): running without a tray");
                None
            }
        }
    } else {
        None
    };

    let (engines, server, shell) = match runtime.block_on(start_engine(&db, &socket)) {
        Ok(started) => started,
        Err(e) => {
            tracing::error!("NightWatcher could not start: {e}");
            return ExitCode::FAILURE;
        }
    };
    tracing::info!(elapsed_ms = started.elapsed().as_millis(), "engine ready");
    // The web UI is the local engine's: attached to a server, this app serves none.
    let web = match engines.link() {
        EngineLink::Local(service) => runtime.block_on(app::start_web(&service)),
        EngineLink::Remote(_) => None,
    };

    let (tray_tx, tray_rx) = mpsc::unbounded_channel();
    let controller = Controller {
        engines,
        server,
        launcher: Launcher::new(&socket, actions_tx.clone()),
        tray: tray.is_some().then_some(tray_tx),
        open_at_start: !hidden || tray.is_none(),
        web,
    };
    let code = {
        let _guard = runtime.enter();
        app::watch_signals(actions_tx);
        let finished = runtime.spawn(controller.run(actions, shell));
        match tray {
            Some(tray) => {
                tray.follow(tray_rx);
                gtk::main();
                runtime.block_on(finished)
            }
            None => runtime.block_on(finished),
        }
    };
    runtime.shutdown_timeout(std::time::Duration::from_secs(2));
    match code {
        Ok(0) => {
            tracing::info!("exited");
            ExitCode::SUCCESS
        }
        Ok(_) => ExitCode::FAILURE,
        Err(e) => {
            tracing::error!(error = %e, "the controller failed");
            ExitCode::FAILURE
        }
    }
}

/// True when another NightWatcher runs on this database and was asked to show its window (or, with
/// `--hidden`, left alone): this launch is then done.
async fn hand_over_to_running_instance(socket: &Path, hidden: bool) -> bool {
    let Ok((client, _)) = Client::connect(socket).await else {
        return false;
    };
    if hidden {
        tracing::info!("NightWatcher is already running");
        return true;
    }
    match client.call("open_window", Value::Null).await {
        Ok(_) => tracing::info!("NightWatcher is already running: showing its window"),
        Err(e) => tracing::warn!(error = %e, "NightWatcher is already running but did not answer"),
    }
    true
}

/// Starts the engine (here, or attached to a server: [`attach`]) with the OS keyring (environment variables
/// overriding it), and the socket server the window connects to.
async fn start_engine(
    db: &Path,
    socket: &Path,
) -> Result<(Engines, Server, mpsc::UnboundedReceiver<ipc::ShellRequest>), String> {
    let secrets = Arc::new(EnvOverride::new(KeyringStore::from_env()));
    let engines = Engines::start(db.to_owned(), secrets).await?;
    match Server::bind(socket, engines.link()).await {
        Ok((server, shell)) => Ok((engines, server, shell)),
        Err(e) => {
            engines.shutdown().await;
            Err(e.to_string())
        }
    }
}
