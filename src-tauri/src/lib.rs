//! NightWatcher's window: the web UI in a Tauri webview, as a client of the engine.
//!
//! The engine runs in the tray process (`nightwatcher`, no WebKit); this process is started on "Open", connects
//! to the engine's socket ([`nightwatcher_engine::ipc`]), and exits when its window closes, taking WebKit's
//! processes with it. It stays thin: every engine command goes through one forwarding command, and each event the
//! engine pushes is emitted to the window as the Tauri event of the same name.
//!
//! | module | owns |
//! |---|---|
//! | [`commands`] | `engine` (forwards every command of the engine's contract) and `open_link` |
//! | [`pushes`] | what the engine pushes: events to the window, focus, close |
//!
//! [`build_app`] is generic over the runtime so the commands can be tested with Tauri's mock runtime and no
//! display.

pub mod commands;
pub mod pushes;

#[cfg(test)]
mod tests;

use tauri::Runtime;

/// The label of the one window, as in `tauri.conf.json` and `capabilities/default.json`.
pub const MAIN: &str = "main";

/// Registers the opener plugin and the commands. The engine's [`nightwatcher_engine::ipc::Client`] must be
/// managed before the app runs.
pub fn build_app<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_opener::init())
        .invoke_handler(tauri::generate_handler![
            commands::engine,
            commands::open_link
        ])
}
