//! `nightwatcher-window`: the window of the desktop app, started by `nightwatcher` (the tray process) on Open.
//!
//! It connects to the engine's socket (`NIGHTWATCHER_SOCKET`, set by the tray process; otherwise derived from
//! `NIGHTWATCHER_DB` or the default database the way the tray process derives it) and registers as the window.
//! When a window is already open, the engine brings that one to the front and this process exits 0 — the
//! window is single-instance. Closing the window ends the process, and with it every WebKit process.

use std::path::PathBuf;
use std::process::ExitCode;

use nightwatcher_engine::ipc::{self, Client};
use nightwatcher_window::{build_app, pushes};

fn main() -> ExitCode {
    nightwatcher_engine::redact::init_logging("info");
    let socket = match socket() {
        Ok(socket) => socket,
        Err(e) => {
            tracing::error!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let connected = tauri::async_runtime::block_on(async {
        let (client, pushes) = Client::connect(&socket).await.map_err(|e| {
            format!(
                "NightWatcher is not running (no engine answers on {}: {e}): start `nightwatcher` instead",
                socket.display()
            )
        })?;
        match client.hello().await {
            Ok(()) => Ok(Some((client, pushes))),
            Err(e) if e.kind == "already_open" => Ok(None),
            Err(e) => Err(format!("the engine refused the window: {e}")),
        }
    });
    let (client, pushes) = match connected {
        Ok(Some(connected)) => connected,
        Ok(None) => {
            tracing::info!("the window is already open: brought it to the front");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            tracing::error!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let app = match build_app(tauri::Builder::default())
        .manage(client)
        .build(tauri::generate_context!())
    {
        Ok(app) => app,
        Err(e) => {
            tracing::error!(error = %e, "the window could not start");
            return ExitCode::FAILURE;
        }
    };
    pushes::follow(app.handle().clone(), pushes);
    let code = app.run_return(|_, _| {});
    tracing::info!("window process exits");
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}

fn socket() -> Result<PathBuf, String> {
    Ok(ipc::socket_path(&ipc::database_path()?))
}
