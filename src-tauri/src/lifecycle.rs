//! What ends the app, and what does not.
//!
//! Closing the window destroys it but keeps the app watching from the tray: Tauri reports the last window
//! closing as an exit request without a code, which is refused while a tray exists. Without a tray there is
//! nothing left to reopen the window from, so closing it quits. Quitting — the tray's Quit, SIGTERM, SIGINT, or
//! closing the window without a tray — always takes the one path in [`quit`]: stop the service (in-flight
//! searches get a few seconds, undelivered notifications stay pending in the outbox), then exit with code 0.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use nightwatcher_engine::service::Service;
use tauri::{AppHandle, Manager, RunEvent, Runtime, WindowEvent};

use crate::{tray, window};

/// Bounds the service's shutdown so a stuck task cannot keep a quitting app alive.
const SHUTDOWN_LIMIT: Duration = Duration::from_secs(20);

/// Set once a quit has begun, so a second Quit or signal does not stop the service twice.
#[derive(Debug, Default)]
pub struct Quitting(AtomicBool);

/// The app's run-loop callback (`App::run_return`).
pub fn on_run_event<R: Runtime>(app: &AppHandle<R>, event: RunEvent) {
    match event {
        RunEvent::ExitRequested {
            code: None, api, ..
        } => {
            api.prevent_exit();
            if tray::exists(app) {
                tracing::info!("window closed: NightWatcher keeps watching from the tray");
            } else {
                quit(app);
            }
        }
        RunEvent::WindowEvent {
            label,
            event: WindowEvent::Destroyed,
            ..
        } if label == window::MAIN => {
            tracing::info!("window destroyed");
        }
        RunEvent::Exit => tracing::info!("exited"),
        _ => {}
    }
}

/// Stops the service, then exits the app with code 0. Returns at once; the work runs on the async runtime.
pub fn quit<R: Runtime>(app: &AppHandle<R>) {
    if app
        .try_state::<Quitting>()
        .is_some_and(|q| q.0.swap(true, Ordering::SeqCst))
    {
        return;
    }
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        tracing::info!("quitting: stopping the watcher");
        if let Some(service) = app.try_state::<Service>().map(|s| s.inner().clone())
            && tokio::time::timeout(SHUTDOWN_LIMIT, service.shutdown())
                .await
                .is_err()
        {
            tracing::warn!(
                "the service did not stop within {} s; exiting anyway",
                SHUTDOWN_LIMIT.as_secs()
            );
        }
        app.exit(0);
    });
}

/// SIGTERM and SIGINT quit like the tray's Quit. A second signal while quitting exits at once.
pub fn watch_signals<R: Runtime>(app: AppHandle<R>) {
    #[cfg(unix)]
    tauri::async_runtime::spawn(async move {
        use tokio::signal::unix::{SignalKind, signal};
        let (mut term, mut int) = match (
            signal(SignalKind::terminate()),
            signal(SignalKind::interrupt()),
        ) {
            (Ok(term), Ok(int)) => (term, int),
            (Err(e), _) | (_, Err(e)) => {
                tracing::warn!(error = %e, "cannot listen for SIGTERM/SIGINT: they will end the app without a clean stop");
                return;
            }
        };
        let mut received = 0;
        loop {
            let name = tokio::select! {
                _ = term.recv() => "SIGTERM",
                _ = int.recv() => "SIGINT",
            };
            received += 1;
            if received > 1 {
                tracing::warn!(signal = name, "second signal while quitting: exiting now");
                std::process::exit(1);
            }
            tracing::info!(signal = name, "quitting on signal");
            quit(&app);
        }
    });
    #[cfg(not(unix))]
    let _ = app;
}
