//! NightWatcher's desktop shell: a tray app that hosts the web UI and runs the engine.
//!
//! The shell is an adapter and stays thin: user actions (UI commands, tray menu items) become calls on the
//! engine's [`Service`], and engine events become Tauri events, tray labels and desktop notifications.
//! Everything that matters is in `nightwatcher-engine`, which knows nothing about Tauri.
//!
//! | module | owns |
//! |---|---|
//! | [`commands`] | the IPC commands of the contract, one line each over [`Service`] |
//! | [`error`] | [`IpcError`], the `{kind, message, field}` every command fails with |
//! | [`forward`] | the task that turns engine events into window events, tray labels and notifications |
//! | [`tray`] | the tray icon and its menu (every action is a menu item: Linux trays do not deliver clicks) |
//! | [`window`] | creating the main window from the config, or focusing it |
//! | [`startup`] | the setup hook: tray first, then the engine, then the window |
//! | [`lifecycle`] | what closing the window, Quit and SIGTERM do |
//!
//! [`build_app`] is generic over the runtime so the commands can be tested with Tauri's mock runtime and no
//! display; the tray, the engine, the window and the event forwarding start in the setup hook, which only a
//! real run executes (the mock app in tests is built, never run).

pub mod commands;
pub mod error;
pub mod forward;
pub mod lifecycle;
pub mod startup;
pub mod tray;
pub mod window;

#[cfg(test)]
mod tests;

use tauri::Runtime;

pub use error::IpcError;
pub use lifecycle::on_run_event;
pub use startup::Launch;

/// Registers the plugins (single-instance first, so a second launch exits before doing anything), the
/// commands, the shell's own state and the setup hook ([`startup::setup`]).
pub fn build_app<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    // Not in unit tests: several mock apps in one test process would find each other on the session bus,
    // and the plugin exits the "second instance" (the test process) with status 0.
    #[cfg(not(test))]
    let builder = builder.plugin(tauri_plugin_single_instance::init(|app, argv, _cwd| {
        // An autostart entry (`--hidden`) firing while the app already runs must not pop the window up.
        if argv.iter().any(|a| a == "--hidden") {
            tracing::info!("second launch with --hidden: already running");
            return;
        }
        tracing::info!("second launch: showing the window of the running instance");
        window::show(app);
    }));
    builder
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_opener::init())
        .manage(lifecycle::Quitting::default())
        .manage(window::Deferred::default())
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
            commands::check_now,
            commands::set_paused,
            commands::retry_failed,
            commands::open_link,
        ])
        .setup(|app| {
            startup::setup(app.handle());
            Ok(())
        })
}
