//! `nightwatcher`: the desktop app.
//!
//! Logging comes first, through the engine's scrubbing writer so no secret reaches a log. Building the app
//! registers the single-instance plugin: a second launch hands its arguments to the running instance and
//! exits inside `build`, before it opens the database or starts a scheduler. Running it calls the setup
//! hook (`startup::setup`), which shows the tray, starts the engine and opens the window.
//!
//! Environment: `NIGHTWATCHER_DB` (database file, default in the OS data directory), `RUST_LOG`,
//! `NIGHTWATCHER_KEYRING_SERVICE`, the engine's secret and setting overrides, `NIGHTWATCHER_NO_TRAY`.
//! Arguments: `--hidden` starts in the tray without opening the window.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Instant;

use nightwatcher_desktop::{Launch, build_app, on_run_event};
use nightwatcher_engine::redact::ScrubbingWriter;
use tauri::Manager;
use tracing_subscriber::EnvFilter;

fn main() -> ExitCode {
    let launch = Launch::new(Instant::now(), std::env::args().skip(1));
    init_logging();
    let app = match build_app(tauri::Builder::default()).build(tauri::generate_context!()) {
        Ok(app) => app,
        Err(e) => {
            tracing::error!(error = %e, "the app could not start");
            return ExitCode::FAILURE;
        }
    };
    app.manage(launch);
    let code = app.run_return(on_run_event);
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}

fn init_logging() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(|| ScrubbingWriter(std::io::stderr()))
        .init();
}
