//! The main window: created from its entry in `tauri.conf.json`, destroyed when closed.
//!
//! The config marks the window `"create": false`, so this module is the one place that makes it, at launch
//! and again on "Open NightWatcher" or a second launch. Closing destroys the webview (Tauri's default) rather
//! than hiding it, so an idle tray app holds no WebKit process; [`crate::lifecycle`] keeps the app alive.
//! The window is never made before the engine's service is managed: the UI's first commands need it.

use std::sync::atomic::{AtomicBool, Ordering};

use nightwatcher_engine::service::Service;
use tauri::{AppHandle, Manager, Runtime, WebviewWindow, WebviewWindowBuilder};

/// The label of the one window, as in `tauri.conf.json` and `capabilities/default.json`.
pub const MAIN: &str = "main";

/// Set when the window is asked for while the engine is still starting; start-up opens it then.
#[derive(Debug, Default)]
pub struct Deferred(AtomicBool);

/// Whether the window was asked for before the engine was ready (and forgets the request).
pub fn take_deferred<R: Runtime>(app: &AppHandle<R>) -> bool {
    app.try_state::<Deferred>()
        .is_some_and(|d| d.0.swap(false, Ordering::SeqCst))
}

/// Brings the main window to the front, creating it if it is closed.
pub fn show<R: Runtime>(app: &AppHandle<R>) {
    if app.try_state::<Service>().is_none() {
        if let Some(deferred) = app.try_state::<Deferred>() {
            deferred.0.store(true, Ordering::SeqCst);
        }
        // The engine may have become ready meanwhile, and start-up may have looked before the flag was set.
        if app.try_state::<Service>().is_none() || !take_deferred(app) {
            tracing::info!("the window opens as soon as the engine has started");
            return;
        }
    }
    if let Some(window) = app.get_webview_window(MAIN) {
        focus(&window);
        return;
    }
    match create(app) {
        Ok(window) => {
            tracing::info!("window created");
            focus(&window);
        }
        // Two requests at once (a second launch while "Open" is clicked): the other one made it.
        Err(e) => match app.get_webview_window(MAIN) {
            Some(window) => focus(&window),
            None => tracing::error!(error = %e, "the window could not be created"),
        },
    }
}

fn create<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<WebviewWindow<R>> {
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|w| w.label == MAIN)
        .cloned()
        .ok_or_else(|| tauri::Error::WindowNotFound)?;
    WebviewWindowBuilder::from_config(app, &config)?.build()
}

fn focus<R: Runtime>(window: &WebviewWindow<R>) {
    // Each can fail only if the window is being destroyed at that moment; then there is nothing to focus.
    let _ = window.unminimize();
    let _ = window.show();
    let _ = window.set_focus();
}
