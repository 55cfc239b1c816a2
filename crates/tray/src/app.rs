//! The controller: one task on the async runtime that owns what the user can do from the tray (and from a
//! second launch), follows the engine's events, and runs the one quit path.
//!
//! Quitting — the tray's Quit, SIGTERM, SIGINT, or closing the window when there is no tray — always takes
//! [`Controller::quit`]: ask the window to close, stop accepting connections, stop the service (in-flight searches
//! get a few seconds, undelivered notifications stay pending in the outbox, the database is closed), then end
//! the GTK loop so `main` returns 0.

use std::time::Duration;

use nightwatcher_engine::command::RemoteError;
use nightwatcher_engine::ipc::{Server, ShellRequest};
use nightwatcher_engine::link::{EngineLink, FollowEngine, Followed};
use nightwatcher_engine::service::Service;
use nightwatcher_engine::service::Status;
use nightwatcher_engine::settings::WebSettings;
use nightwatcher_web::{WebConfig, WebServer};
use serde_json::{Value, json};
use tokio::sync::mpsc;

use crate::action::Action;
use crate::attach::Engines;
use crate::notifications;
use crate::tray::TrayUpdate;
use crate::window::Launcher;

/// Bounds the service's shutdown so a stuck task cannot keep a quitting app alive.
const SHUTDOWN_LIMIT: Duration = Duration::from_secs(20);
/// How long a window asked to close gets before it is killed.
const WINDOW_CLOSE_LIMIT: Duration = Duration::from_secs(3);

pub struct Controller {
    /// The engine here, or the server this app is attached to.
    pub engines: Engines,
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
                Some(request) = shell.recv() => match request {
                    ShellRequest::OpenWindow => Action::Open,
                    ShellRequest::Engine { cmd, args, reply } => Action::Engine { cmd, args, reply },
                },
                else => Action::Quit,
            };
            match action {
                Action::Open => {
                    self.open_window();
                }
                Action::Engine { cmd, args, reply } => {
                    let answer = match self.engines.handle(&cmd, args).await {
                        Ok((answer, switched)) => {
                            if let Some(engine) = switched {
                                self.switched_to(engine).await;
                            }
                            Ok(answer)
                        }
                        Err(e) => Err(e),
                    };
                    let _ = reply.send(answer);
                }
                Action::CheckNow => {
                    tracing::info!("check requested from the tray");
                    if let Err(e) = self.engines.link().call("check_now", Value::Null).await {
                        tracing::warn!(error = %e, "the check could not be started");
                    }
                }
                Action::TogglePause => {
                    let engine = self.engines.link();
                    let toggled = async {
                        let paused = !status_of(&engine).await?.paused;
                        engine
                            .call("set_paused", json!({ "paused": paused }))
                            .await?;
                        Ok::<_, RemoteError>(paused)
                    };
                    match toggled.await {
                        Ok(paused) => {
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

    /// Sends the window's commands to `engine`, and serves the web UI only from a local one (it is the local
    /// engine's; attached, the server serves its own).
    async fn switched_to(&mut self, engine: EngineLink) {
        self.server.set_engine(engine.clone());
        if let Some(web) = self.web.take() {
            web.shutdown().await;
        }
        if let EngineLink::Local(service) = engine {
            self.web = start_web(&service).await;
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
        if tokio::time::timeout(SHUTDOWN_LIMIT, self.engines.shutdown())
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

    /// Engine events to the tray menu and desktop notifications (the window gets them over the socket),
    /// from whichever engine is in use.
    fn follow_events(&self) {
        let mut follow = FollowEngine::new(self.server.engines());
        let mut engine = self.engines.link();
        let tray = self.tray.clone();
        tokio::spawn(async move {
            show_status(&tray, &engine).await;
            while let Some(followed) = follow.next().await {
                match followed {
                    Followed::Switched(now) => {
                        engine = now;
                        show_status(&tray, &engine).await;
                    }
                    Followed::Event(event) => match event.name.as_str() {
                        "status://changed" => {
                            if let (Some(tray), Ok(status)) =
                                (&tray, serde_json::from_value::<Status>(event.payload))
                            {
                                let _ = tray.send(TrayUpdate::Status(Box::new(status)));
                            }
                        }
                        "release://item-news" => {
                            notifications::notify_news(&engine, &event.payload).await;
                        }
                        _ => {}
                    },
                }
            }
        });
    }
}

/// The web UI and HTTP API (docs/http-api.md) when `web_listen` is set. A desktop app does not refuse to start
/// over it: a web server that may not run (no password on a LAN address, a port in use) is logged and left out.
pub async fn start_web(service: &Service) -> Option<WebServer> {
    let settings = match WebSettings::load(service.store()).await {
        Ok(settings) => settings,
        Err(e) => {
            tracing::error!("the web UI is not served: {e}");
            return None;
        }
    };
    let config = WebConfig::from_settings(&settings)?;
    match WebServer::start(service.clone(), config).await {
        Ok(web) => {
            tracing::info!(url = %web.url(), "web UI ready");
            Some(web)
        }
        Err(e) => {
            tracing::error!("the web UI is not served: {e}");
            None
        }
    }
}

/// The engine's status, typed.
async fn status_of(engine: &EngineLink) -> Result<Status, RemoteError> {
    let status = engine.call("get_status", Value::Null).await?;
    serde_json::from_value(status)
        .map_err(|e| RemoteError::internal(format!("the engine's status is unreadable: {e}")))
}

/// Shows the engine's current status in the tray menu (when there is a tray).
async fn show_status(tray: &Option<mpsc::UnboundedSender<TrayUpdate>>, engine: &EngineLink) {
    let Some(tray) = tray else { return };
    match status_of(engine).await {
        Ok(status) => {
            let _ = tray.send(TrayUpdate::Status(Box::new(status)));
        }
        // A server out of reach says so through its event stream's own status.
        Err(e) => tracing::info!(error = %e, "no status to show yet"),
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
