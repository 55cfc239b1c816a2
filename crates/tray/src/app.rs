//! The controller: one task on the async runtime that owns what the user can do from the tray (and from a
//! second launch), follows the engine's events, and runs the one quit path.
//!
//! Quitting — the tray's Quit, SIGTERM, SIGINT, or closing the window when there is no tray — always takes
//! [`Controller::quit`]: ask the window to close, stop accepting connections, stop the service (in-flight searches
//! get a few seconds, undelivered notifications stay pending in the outbox, the database is closed), then end
//! the GTK loop so `main` returns 0.

use std::process::ExitStatus;
use std::time::Duration;

use nightwatcher_engine::events::Event;
use nightwatcher_engine::ipc::{Server, ShellRequest};
use nightwatcher_engine::service::Service;
use nightwatcher_web::WebServer;
use tokio::sync::broadcast::error::RecvError;
use tokio::sync::mpsc;

use crate::notifications;
use crate::tray::TrayUpdate;
use crate::window::Launcher;

/// Bounds the service's shutdown so a stuck task cannot keep a quitting app alive.
const SHUTDOWN_LIMIT: Duration = Duration::from_secs(20);
/// How long a window asked to close gets before it is killed.
const WINDOW_CLOSE_LIMIT: Duration = Duration::from_secs(3);

/// What the user (or the system) asks for.
#[derive(Debug)]
pub enum Action {
    Open,
    CheckNow,
    TogglePause,
    Quit,
    /// The window process ended.
    WindowExited(Option<ExitStatus>),
}

pub struct Controller {
    pub service: Service,
    pub server: Server,
    pub launcher: Launcher,
    /// The tray's update channel; `None` when running window-only.
    pub tray: Option<mpsc::UnboundedSender<TrayUpdate>>,
    /// Open the window once running (not for `--hidden` with a tray).
    pub open_at_start: bool,
    /// The web UI, when `web_listen` is set.
    pub web: Option<WebServer>,
}

impl Controller {
    /// Runs until the app has quit. Returns the exit code.
    pub async fn run(
        mut self,
        mut actions: mpsc::UnboundedReceiver<Action>,
        mut shell: mpsc::UnboundedReceiver<ShellRequest>,
    ) -> i32 {
        self.follow_events();
        let code = if self.open_at_start && !self.open_window() && self.tray.is_none() {
            tracing::error!(
                "without a tray and without a window there is nothing to show: quitting"
            );
            1
        } else {
            self.serve(&mut actions, &mut shell).await;
            0
        };
        self.quit(&mut actions).await;
        code
    }

    /// Carries out what the user asks until the app should quit.
    async fn serve(
        &mut self,
        actions: &mut mpsc::UnboundedReceiver<Action>,
        shell: &mut mpsc::UnboundedReceiver<ShellRequest>,
    ) {
        loop {
            let action = tokio::select! {
                Some(action) = actions.recv() => action,
                Some(ShellRequest::OpenWindow) = shell.recv() => Action::Open,
                else => Action::Quit,
            };
            match action {
                Action::Open => {
                    self.open_window();
                }
                Action::CheckNow => {
                    tracing::info!("check requested from the tray");
                    self.service.check_now();
                }
                Action::TogglePause => {
                    let paused = !self.service.status().await.paused;
                    match self.service.set_paused(paused).await {
                        Ok(_) => {
                            tracing::info!(paused, "watching paused or resumed from the tray")
                        }
                        Err(e) => tracing::warn!(error = %e, "pausing or resuming failed"),
                    }
                }
                Action::WindowExited(status) => {
                    self.launcher.exited(status);
                    if self.tray.is_none() {
                        tracing::info!("the window closed and there is no tray: quitting");
                        break;
                    }
                    tracing::info!("NightWatcher keeps watching from the tray");
                }
                Action::Quit => {
                    tracing::info!("quitting");
                    break;
                }
            }
        }
    }

    /// Focuses the window, or starts it; false when it could not be started.
    fn open_window(&mut self) -> bool {
        if self.server.focus_window() {
            return true;
        }
        match self.launcher.open() {
            Ok(()) => true,
            Err(e) => {
                tracing::error!(error = %e, "the window could not be opened");
                false
            }
        }
    }

    async fn quit(&mut self, actions: &mut mpsc::UnboundedReceiver<Action>) {
        if self.launcher.running() {
            self.server.close_window();
            let closed = tokio::time::timeout(WINDOW_CLOSE_LIMIT, async {
                while let Some(action) = actions.recv().await {
                    if let Action::WindowExited(status) = action {
                        self.launcher.exited(status);
                        break;
                    }
                }
            })
            .await;
            if closed.is_err() {
                tracing::warn!("the window did not close in time: ending it");
                self.launcher.kill();
            }
        }
        // No window may connect any more; the socket file goes.
        self.server.shutdown();
        if let Some(web) = self.web.take() {
            web.shutdown().await;
        }
        tracing::info!("stopping the watcher");
        if tokio::time::timeout(SHUTDOWN_LIMIT, self.service.shutdown())
            .await
            .is_err()
        {
            tracing::warn!(
                "the service did not stop within {} s; exiting anyway",
                SHUTDOWN_LIMIT.as_secs()
            );
        }
        if let Some(tray) = &self.tray {
            let _ = tray.send(TrayUpdate::Quit);
        }
    }

    /// Engine events to the tray menu and desktop notifications (the window gets them over the socket).
    fn follow_events(&self) {
        let mut events = self.service.events().subscribe();
        let service = self.service.clone();
        let tray = self.tray.clone();
        if let Some(tray) = &tray {
            let service = service.clone();
            let tray = tray.clone();
            tokio::spawn(async move {
                let status = service.status().await;
                let _ = tray.send(TrayUpdate::Status(Box::new(status)));
            });
        }
        tokio::spawn(async move {
            loop {
                match events.recv().await {
                    Ok(Event::StatusChanged(status)) => {
                        if let Some(tray) = &tray {
                            let _ = tray.send(TrayUpdate::Status(Box::new(status)));
                        }
                    }
                    Ok(Event::ItemNews {
                        item_title,
                        count,
                        best_release,
                        ..
                    }) => {
                        notifications::notify_news(&service, &item_title, count, &best_release)
                            .await;
                    }
                    Ok(_) => {}
                    Err(RecvError::Lagged(missed)) => {
                        tracing::debug!(missed, "event following lagged")
                    }
                    Err(RecvError::Closed) => break,
                }
            }
        });
    }
}

/// SIGTERM and SIGINT quit like the tray's Quit. A second signal while quitting exits at once.
pub fn watch_signals(actions: mpsc::UnboundedSender<Action>) {
    tokio::spawn(async move {
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
            let _ = actions.send(Action::Quit);
        }
    });
}
