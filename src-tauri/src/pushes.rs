//! What the engine pushes to the window: its events, "come to the front", and "close".
//!
//! Events are emitted to the main window under their own names (`status://changed`, `watcher://progress`, ...)
//! with the payloads of the UI contract. When the engine quits — or its connection breaks — the window has
//! nothing left to show, and the app exits.

use nightwatcher_engine::ipc::Push;
use tauri::{AppHandle, Emitter, EventTarget, Manager, Runtime};
use tokio::sync::mpsc::UnboundedReceiver;

use crate::MAIN;

/// Follows the pushes until the engine closes the connection; then exits the app with code 0.
pub fn follow<R: Runtime>(app: AppHandle<R>, mut pushes: UnboundedReceiver<Push>) {
    tauri::async_runtime::spawn(async move {
        while let Some(push) = pushes.recv().await {
            match push {
                Push::Event { name, payload } => {
                    if let Err(e) = app.emit_to(EventTarget::webview_window(MAIN), &name, payload) {
                        tracing::debug!(event = name, error = %e, "event not delivered to the window");
                    }
                }
                Push::Focus => focus(&app),
                Push::Close => {
                    tracing::info!("the app is quitting: closing the window");
                    break;
                }
            }
        }
        tracing::info!("the engine is gone: the window closes");
        app.exit(0);
    });
}

/// Brings the main window to the front.
pub fn focus<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window(MAIN) {
        // Each can fail only if the window is being destroyed at that moment; then there is nothing to focus.
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}
