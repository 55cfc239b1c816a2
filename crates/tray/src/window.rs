//! The window process: started on "Open", gone when the window closes.
//!
//! The window is a separate program (`nightwatcher-window`, the Tauri shell with the web UI) so that the tray
//! process never loads WebKit: an idle NightWatcher holds the tray and the engine, nothing more. The launcher
//! starts it with the socket's path in its environment; it connects, says hello and hydrates its UI from the
//! engine. At most one runs: a window already connected is focused instead, and one still starting is left to
//! finish.

use std::path::{Path, PathBuf};
use std::process::{ExitStatus, Stdio};

use nightwatcher_engine::ipc::SOCKET_ENV;
use tokio::sync::{mpsc, oneshot};

use crate::action::Action;

/// Environment variable naming the window program; by default it sits next to this one.
pub const WINDOW_BIN_ENV: &str = "NIGHTWATCHER_WINDOW_BIN";
const WINDOW_BIN: &str = "nightwatcher-window";

/// Starts and tracks the window process.
pub struct Launcher {
    program: PathBuf,
    socket: PathBuf,
    /// Set while a window process runs: sending on it (or dropping it) kills the process.
    running: Option<oneshot::Sender<()>>,
    actions: mpsc::UnboundedSender<Action>,
}

impl Launcher {
    pub fn new(socket: &Path, actions: mpsc::UnboundedSender<Action>) -> Launcher {
        Launcher {
            program: window_program(),
            socket: socket.to_owned(),
            running: None,
            actions,
        }
    }

    /// Whether a window process is running (connected or still starting).
    pub fn running(&self) -> bool {
        self.running.as_ref().is_some_and(|r| !r.is_closed())
    }

    /// Starts the window process unless one runs. Its exit is reported as [`Action::WindowExited`].
    pub fn open(&mut self) -> std::io::Result<()> {
        if self.running() {
            tracing::info!("the window is already starting");
            return Ok(());
        }
        let mut child = tokio::process::Command::new(&self.program)
            .env(SOCKET_ENV, &self.socket)
            .stdin(Stdio::null())
            .spawn()
            .map_err(|e| {
                std::io::Error::new(
                    e.kind(),
                    format!(
                        "cannot start the window program {}: {e}",
                        self.program.display()
                    ),
                )
            })?;
        tracing::info!(pid = child.id(), "window process started");
        let (kill, killed) = oneshot::channel::<()>();
        self.running = Some(kill);
        let actions = self.actions.clone();
        tokio::spawn(async move {
            let status = tokio::select! {
                status = child.wait() => status,
                _ = killed => {
                    let _ = child.start_kill();
                    child.wait().await
                }
            };
            let _ = actions.send(Action::WindowExited(status.ok()));
        });
        Ok(())
    }

    /// Forgets the window process once it has exited.
    pub fn exited(&mut self, status: Option<ExitStatus>) {
        self.running = None;
        match status {
            Some(s) if s.success() => tracing::info!("window closed"),
            Some(s) => tracing::warn!(status = %s, "the window process ended with an error"),
            None => tracing::warn!("the window process ended; its status is unknown"),
        }
    }

    /// Kills the window process if one still runs (the last step of quitting).
    pub fn kill(&mut self) {
        if let Some(kill) = self.running.take() {
            let _ = kill.send(());
        }
    }
}

fn window_program() -> PathBuf {
    if let Some(path) = std::env::var_os(WINDOW_BIN_ENV).filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join(WINDOW_BIN)))
        .unwrap_or_else(|| PathBuf::from(WINDOW_BIN))
}
