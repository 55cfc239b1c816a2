//! What the user (or the system) asks the app for: sent by the tray menu, the window's process and the
//! second-launch socket to the [`crate::app::Controller`], which is the only one that acts on it.
//!
//! Its own module so the tray and the window, which send actions, need not depend on the controller that
//! drives them.

use std::process::ExitStatus;

use nightwatcher_engine::command::RemoteError;
use serde_json::Value;
use tokio::sync::oneshot;

/// What the user (or the system) asks for.
#[derive(Debug)]
pub enum Action {
    Open,
    CheckNow,
    TogglePause,
    Quit,
    /// The window process ended.
    WindowExited(Option<ExitStatus>),
    /// The window asks where the engine runs, or to switch (see [`crate::attach`]).
    Engine {
        cmd: String,
        args: Value,
        reply: oneshot::Sender<Result<Value, RemoteError>>,
    },
}
