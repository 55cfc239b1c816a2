//! The service for one command: each `nightwatcherd` subcommand starts one, runs its commands on it and stops
//! it, so the rules of the service (validation, search on add, the shared search budget, backoff, monitoring,
//! status) hold for the command line as they do for the window.
//!
//! [`Service::start_one_shot`] starts a service without the scheduler and without the delivery worker: a command
//! runs what it asks for and nothing else. A scheduler merely started late would not do: adding an item asks for
//! a check at once (search on add), which the scheduler would run in the background, racing the command's exit.
//! A delivery worker would send, or claim for its lease, the outbox's notifications from a `watchlist list` or a
//! `status`, under the feet of the app or `nightwatcherd run` sharing the database. Nor does it close the runs
//! left `running`, as an app's service does when it starts: another process's check may be running.
//!
//! A check runs as the scheduler runs it ([`Service::check_once`]: the same `run_check`, so the same state,
//! problem, backoff, monitoring snapshot and events), in the caller's task, and then delivers for a while.
//! [`Service::run_requested_check`] runs the check a command asked for (`check_now`, adding an item), if one did.
//! [`Service::status_report`] is what a command line prints as the status: the last runs and the figures that
//! the engine which checked last left in its monitoring snapshot.

use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;
use tokio::sync::broadcast::error::TryRecvError;
use tokio_util::sync::CancellationToken;

use super::{Problem, ProblemKind, Service, ServiceError, ServiceOptions, current_channels};
use crate::events::CheckSummary;
use crate::events::{Event, Events};
use crate::monitor::SNAPSHOT_KEY;
use crate::notify::DeliveryReport;
use crate::secrets::SecretStore;
use crate::store::{FailedNotification, NotificationCounts, RunRecord, Store, StoreError};

/// What [`Service::check_once`] did: the check's figures, what it delivered, and the outbox afterwards.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OneShotCheck {
    pub summary: CheckSummary,
    pub delivered: DeliveryReport,
    pub notifications: NotificationCounts,
}

/// Why [`Service::check_once`] found nothing.
#[derive(Debug, thiserror::Error)]
pub enum CheckOnceError {
    /// The check could not start (the settings or secrets are missing or invalid, the database cannot record
    /// it): the problem the window shows, with its fix in the command line's words.
    #[error("{}", .0.cli_text())]
    NotRun(Problem),
    /// Prowlarr cannot be used (wrong API key, unreachable): the check stopped at once.
    #[error("Prowlarr cannot be used: {0}")]
    Prowlarr(String),
    #[error("the check was cancelled")]
    Cancelled,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// An item whose last search failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemError {
    pub id: i64,
    pub title: String,
    pub error: String,
}

/// The status as a command line shows it (`nightwatcherd status --json`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusReport {
    /// Checks are paused (in the app's tray menu); `nightwatcherd run` waits too.
    pub paused: bool,
    /// The last five runs, newest first.
    pub runs: Vec<RunRecord>,
    pub notifications: NotificationCounts,
    /// The ten most recent notifications that failed for good, with the reasons.
    pub failed_notifications: Vec<FailedNotification>,
    pub items_with_errors: Vec<ItemError>,
    /// The monitoring figures (see [`crate::monitor`]) of the engine that checked last, as it wrote them after
    /// its check; `None` before any check. Kept as JSON: a snapshot written by another version still shows.
    pub monitor: Option<serde_json::Value>,
}

impl Service {
    /// A service for one command: no scheduler, no delivery worker (see the module docs). Stop it with
    /// [`Service::shutdown`] as any other.
    pub async fn start_one_shot(
        store: Store,
        secrets: Arc<dyn SecretStore>,
        events: Events,
        options: ServiceOptions,
    ) -> Service {
        // Without channels nothing is sent until a check delivers (`check_once` gives it the configured ones).
        let service = Service::assemble(store, secrets, events, options, Vec::new()).await;
        // The status follows the check's events as in an app: its progress, Telegram failing or recovering.
        let listen = tokio::spawn(service.clone().listen());
        if let Ok(mut tasks) = service.inner.tasks.lock() {
            tasks.push(listen);
        }
        service
    }

    /// Runs one check now, as the scheduler runs it (the same settings, search schedule, shared search budget,
    /// backoff, problem, monitoring snapshot and events), then delivers the outbox for up to `deliver_for`;
    /// what is still pending then stays queued. It answers a check asked for earlier (adding an item asks for
    /// one), and closes the runs an interrupted process left `running`, as an engine does when it starts.
    ///
    /// For a service started with [`Service::start_one_shot`]. Cancelling `cancel` stops the service's work as
    /// [`Service::shutdown`] does: no new search starts, those in flight get their grace period.
    pub async fn check_once(
        &self,
        deliver_for: Duration,
        cancel: &CancellationToken,
    ) -> Result<OneShotCheck, CheckOnceError> {
        self.update(|s| s.check_requested = false);
        self.inner.store.close_abandoned_runs().await?;
        let link = tokio::spawn({
            let (caller, own) = (cancel.clone(), self.inner.cancel.clone());
            async move {
                tokio::select! {
                    () = caller.cancelled() => own.cancel(),
                    () = own.cancelled() => {}
                }
            }
        });
        let mut events = self.inner.events.subscribe();
        self.run_check().await;
        link.abort();

        // What the check did, from what it told: its figures when it ran, the problem it left when it did not.
        let mut finished = None;
        loop {
            match events.try_recv() {
                Ok(Event::CheckFinished { summary, .. }) => finished = Some(summary),
                Ok(_) | Err(TryRecvError::Lagged(_)) => {}
                Err(TryRecvError::Empty | TryRecvError::Closed) => break,
            }
        }
        let state = self.state();
        let Some(summary) = finished else {
            return Err(CheckOnceError::NotRun(state.watch_problem.unwrap_or_else(
                || Problem {
                    kind: ProblemKind::Storage,
                    message: "the check did not run".to_owned(),
                    remedy: None,
                },
            )));
        };
        if cancel.is_cancelled() || self.inner.cancel.is_cancelled() {
            return Err(CheckOnceError::Cancelled);
        }
        // A check that ran resets the backoff unless Prowlarr failed it.
        if state.backoff.failures > 0 {
            let recorded = self
                .inner
                .store
                .recent_runs(20)
                .await?
                .into_iter()
                .find(|r| r.id == summary.run_id)
                .and_then(|r| r.error);
            // The problem in the command line's words (its fix as a command), else the run's own error.
            let message = state
                .watch_problem
                .as_ref()
                .map(Problem::cli_text)
                .or(recorded)
                .unwrap_or_default();
            return Err(CheckOnceError::Prowlarr(message));
        }

        let senders = current_channels(&self.inner.store, self.inner.secrets.as_ref()).await;
        if senders.is_empty() {
            tracing::warn!(
                "Telegram is not configured (telegram_chat_id and telegram-bot-token): releases are recorded but not sent"
            );
        }
        self.inner.delivery.set_channels(senders);
        let delivered = self.inner.delivery.drain(deliver_for, cancel).await;
        self.inner.delivery.set_channels(Vec::new());
        let delivered = delivered?;
        let notifications = self.inner.store.notification_counts().await?;
        Ok(OneShotCheck {
            summary,
            delivered,
            notifications,
        })
    }

    /// Runs the check a command asked for ([`Service::check_now`]; adding an item asks for one, to search it at
    /// once) as [`Service::check_once`] does; `None` when no command asked for one.
    pub async fn run_requested_check(
        &self,
        deliver_for: Duration,
        cancel: &CancellationToken,
    ) -> Option<Result<OneShotCheck, CheckOnceError>> {
        if !self.state().check_requested {
            return None;
        }
        Some(self.check_once(deliver_for, cancel).await)
    }

    /// The status with the figures a command line prints: the last runs, the outbox, failed notifications,
    /// items whose search failed, and the monitoring snapshot of the engine that checked last.
    pub async fn status_report(&self) -> Result<StatusReport, ServiceError> {
        let store = &self.inner.store;
        let items_with_errors = store
            .item_errors()
            .await?
            .into_iter()
            .map(|(id, title, error)| ItemError { id, title, error })
            .collect();
        let monitor = store
            .setting(SNAPSHOT_KEY)
            .await?
            .and_then(|s| serde_json::from_str(&s).ok());
        Ok(StatusReport {
            paused: self.state().paused,
            runs: store.recent_runs(5).await?,
            notifications: store.notification_counts().await?,
            failed_notifications: store.failed_notifications(10).await?,
            items_with_errors,
            monitor,
        })
    }
}
