//! What a face shows of the engine's state: the [`Status`] a status bar or a tray menu renders, the check
//! in progress and the [`Problem`] the user has to fix.
//!
//! These are the service's vocabulary, kept apart from it so the event type ([`crate::events`]) can carry
//! them without depending on the service that produces them.

use serde::{Deserialize, Serialize};

use crate::remedy::Remedy;
use crate::store::{NotificationCounts, RunRecord};

/// A check in progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// What kind of problem the user has: it decides the heading and the help a face shows with it.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::VariantNames,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ProblemKind {
    NotConfigured,
    Prowlarr,
    Indexers,
    /// Telegram refused for good: the user must fix something.
    Telegram,
    /// Telegram is out of reach; retried by itself.
    TelegramUnreachable,
    /// Another channel (ntfy, the webhook) refused for good: the user must fix something.
    Channel,
    /// Another channel is out of reach; retried by itself.
    ChannelUnreachable,
    /// The database cannot be written.
    Storage,
    Keyring,
    /// The attached NightWatcher server cannot be reached; reconnecting by itself.
    Unreachable,
    /// The attached server refused the API key.
    ServerRefused,
}

crate::closed_set!(ProblemKind);

/// Something the user has to fix, and how.
///
/// `message` says what is wrong in words every face can show (no command, no Settings page); `remedy` is
/// the fix the user makes in NightWatcher, if there is one, which each face renders in its own words
/// ([`crate::remedy`]): the window and the tray point into Settings, `nightwatcherd` names a command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub kind: ProblemKind,
    pub message: String,
    #[serde(default)]
    pub remedy: Option<Remedy>,
}

impl Problem {
    /// What the window, the tray and the browser show: the message and where in Settings to fix it.
    pub fn app_text(&self) -> String {
        crate::remedy::app_text(&self.message, self.remedy)
    }

    /// What `nightwatcherd` shows: the message and the command that fixes it.
    pub fn cli_text(&self) -> String {
        crate::remedy::cli_text(&self.message, self.remedy)
    }
}

/// Everything a status bar or a tray menu shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Status {
    pub paused: bool,
    pub running: Option<Progress>,
    pub last_check: Option<RunRecord>,
    /// Unix seconds; `None` while paused or while a check runs.
    pub next_check_at: Option<i64>,
    pub problem: Option<Problem>,
    pub notifications: NotificationCounts,
}
