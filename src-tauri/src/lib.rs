//! NightWatcher's window: the web UI in a Tauri webview, as a client of the engine.
//!
//! The engine runs in the tray process (`nightwatcher`, no WebKit); this process is started on "Open", connects
//! to the engine's socket ([`nightwatcher_engine::ipc`]), and exits when its window closes, taking WebKit's
//! processes with it. It stays thin: each UI command is one line that forwards to the engine, and each event the
//! engine pushes is emitted to the window as the Tauri event of the same name.
//!
//! | module | owns |
//! |---|---|
//! | [`commands`] | the IPC commands of the UI contract, each one forwarding call to the engine |
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
            commands::list_items,
            commands::add_item,
            commands::update_item,
            commands::set_item_enabled,
            commands::delete_item,
            commands::import_items,
            commands::export_items,
            commands::try_release,
            commands::found_releases,
            commands::get_settings,
            commands::save_settings,
            commands::set_secret,
            commands::test_prowlarr,
            commands::send_test_message,
            commands::get_status,
            commands::get_monitoring,
            commands::check_now,
            commands::set_paused,
            commands::retry_failed,
            commands::open_link,
        ])
}
