//! The service: the engine running for an app — the desktop shell or `nightwatcherd run`.
//!
//! It owns two long-lived tasks: the scheduler, which runs a check every interval (or at once when asked,
//! "Check now"), and the delivery worker, which sends the outbox. Both are rebuilt from the current settings
//! and secrets, so a change in Settings applies without a restart. The user's operations (the UI's commands)
//! are methods on [`Service`] in [`ops`], each a thin call into the store, the matcher or the clients.
//!
//! The service keeps a small in-memory state (paused, the check in progress, the next check, the current
//! problem) and announces every change as [`Event::StatusChanged`], so adapters push it to the UI and the
//! tray instead of polling. Pausing is persisted; a problem is what the user must fix, said in their words.

mod bot;
mod bot_commands;
mod configure;
mod grab;
mod listen;
mod oneshot;
mod ops;
mod web_access;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::Notify;
use tokio::task::JoinHandle;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use crate::access::Access;
use crate::channel::{Channel, ChannelId};
use crate::diagnose;
use crate::events::{Event, Events};
use crate::fresh::Fresh;
use crate::monitor::{BudgetFigures, Monitor, Monitoring, PoolFigures, SNAPSHOT_KEY};
use crate::notify::{Delivery, DeliveryConfig};
use crate::prowlarr::RetryPolicy;
use crate::schedule::{Backoff, Clock, SearchMode, SearchSchedule, SystemClock, local_clock};
use crate::secrets::SecretStore;
use crate::settings::Settings;
use crate::setup::{self, SetupError};
use crate::store::{NotificationCounts, RunRecord, RunStatus, Store, StoreError};
use crate::watcher::{CheckError, Watcher};

pub use configure::{ChannelState, ConnectionInfo, SettingsInput, SettingsView};
pub use grab::{Face, GrabTarget, GrabTargets};
pub use oneshot::{CheckOnceError, ItemError, OneShotCheck, StatusReport};
pub use ops::{ItemStatus, ItemView, ServiceError, TryResult};
pub use web_access::{new_api_key, set_web_password, web_access};
// The status types are the service's vocabulary; they live in `crate::status` so events need not name the service.
pub use crate::status::{Problem, ProblemKind, Progress, Status};

/// Where the pause switch is kept in the settings table (not a user setting: it is toggled, not typed).
const PAUSED_KEY: &str = "state.paused";

#[derive(Debug, Clone, Default)]
struct State {
    paused: bool,
    check_requested: bool,
    running: Option<Progress>,
    next_check_at: Option<i64>,
    /// From the last check or the configuration.
    watch_problem: Option<Problem>,
    /// From the last deliveries, per channel: a permanent failure stays until a message goes through.
    channel_problems: Vec<(ChannelId, Problem)>,
    /// Consecutive checks Prowlarr failed, and when the next one runs.
    backoff: Backoff,
    /// The Telegram bot's updates cannot be read here (another program reads them).
    bot_problem: Option<Problem>,
    /// "Detect" reads the bot's updates: the bot's poller stands aside meanwhile.
    detecting_chat: bool,
    /// The last check could not start for want of a usable configuration: the next change of the settings
    /// or secrets starts one, rather than the user waiting a whole interval after fixing it.
    setup_failed: bool,
}

/// Timing knobs; the defaults suit an app, tests shorten them.
#[derive(Debug, Clone)]
pub struct ServiceOptions {
    /// The first check runs this long after start, so start-up stays light.
    pub first_check_after: Duration,
    pub delivery: DeliveryConfig,
    /// The clock of the search schedule, the budget and the backoff.
    pub clock: Arc<dyn Clock>,
    /// How a check retries a failed Prowlarr request before reporting it.
    pub prowlarr_retry: RetryPolicy,
}

impl Default for ServiceOptions {
    fn default() -> Self {
        ServiceOptions {
            first_check_after: Duration::from_secs(3),
            delivery: DeliveryConfig::default(),
            clock: Arc::new(SystemClock),
            prowlarr_retry: RetryPolicy::default(),
        }
    }
}

struct Inner {
    store: Store,
    secrets: Arc<dyn SecretStore>,
    events: Events,
    options: ServiceOptions,
    state: Mutex<State>,
    /// Wakes the scheduler: check now, pause, resume, settings changed.
    wake: Notify,
    /// Tells the Telegram bot's poller that the settings changed or "Detect" started or ended.
    bot_wake: Notify,
    /// The outbox worker; its channels are replaced when the settings change.
    delivery: Arc<Delivery>,
    cancel: CancellationToken,
    tasks: Mutex<Vec<JoinHandle<()>>>,
    monitor: Arc<Monitor>,
    /// Answers the faces poll, kept while the database is unchanged.
    kept: Kept,
}

/// What the faces ask over and over, each read again only when the database changed ([`crate::fresh`]).
#[derive(Default)]
struct Kept {
    access: Fresh<Access>,
    items: Fresh<Vec<ItemView>>,
    /// The last finished check and the outbox's counts: the status's part that is in the database.
    status: Fresh<(Option<RunRecord>, NotificationCounts)>,
    /// The stored settings (`None` when they cannot be read) and the searches of the last hour, for the
    /// monitoring figures.
    budget: Fresh<(Option<Settings>, u32)>,
}

/// The running engine. Cheap to clone; [`Service::shutdown`] stops it.
#[derive(Clone)]
pub struct Service {
    inner: Arc<Inner>,
}

impl Service {
    pub async fn start(store: Store, secrets: Arc<dyn SecretStore>, events: Events) -> Service {
        Service::start_with(store, secrets, events, ServiceOptions::default()).await
    }

    pub async fn start_with(
        store: Store,
        secrets: Arc<dyn SecretStore>,
        events: Events,
        options: ServiceOptions,
    ) -> Service {
        if let Err(e) = store.close_abandoned_runs().await {
            tracing::warn!(error = %e, "could not close runs left by an earlier process");
        }
        let senders = current_channels(&store, secrets.as_ref()).await;
        let service = Service::assemble(store, secrets, events, options, senders).await;
        crate::matcher::warm_up();
        let tasks = vec![
            tokio::spawn(service.clone().scheduler()),
            tokio::spawn(
                service
                    .inner
                    .delivery
                    .clone()
                    .run(service.inner.cancel.clone()),
            ),
            tokio::spawn(service.clone().listen()),
            tokio::spawn(service.clone().telegram_bot()),
        ];
        if let Ok(mut t) = service.inner.tasks.lock() {
            t.extend(tasks);
        }
        service
    }

    /// The service's state and outbox, with no task running yet: the pause switch as stored, delivery to
    /// `senders`.
    async fn assemble(
        store: Store,
        secrets: Arc<dyn SecretStore>,
        events: Events,
        options: ServiceOptions,
        senders: Vec<Arc<dyn Channel>>,
    ) -> Service {
        let paused = matches!(store.setting(PAUSED_KEY).await, Ok(Some(v)) if v == "true");
        let delivery = Arc::new(Delivery::new(
            store.clone(),
            senders,
            events.clone(),
            options.delivery.clone(),
        ));
        Service {
            inner: Arc::new(Inner {
                store,
                secrets,
                events,
                options,
                state: Mutex::new(State {
                    paused,
                    ..State::default()
                }),
                wake: Notify::new(),
                bot_wake: Notify::new(),
                delivery,
                cancel: CancellationToken::new(),
                tasks: Mutex::new(Vec::new()),
                monitor: Arc::new(Monitor::new()),
                kept: Kept::default(),
            }),
        }
    }

    pub fn events(&self) -> &Events {
        &self.inner.events
    }

    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    fn state(&self) -> State {
        self.inner
            .state
            .lock()
            .map(|s| s.clone())
            .unwrap_or_default()
    }

    fn update(&self, f: impl FnOnce(&mut State)) {
        if let Ok(mut s) = self.inner.state.lock() {
            f(&mut s);
        }
    }

    pub async fn status(&self) -> Status {
        let state = self.state();
        let (last_check, notifications) = self.stored_status().await;
        Status {
            paused: state.paused,
            running: state.running,
            last_check,
            next_check_at: if state.paused || state.running.is_some() {
                None
            } else {
                state.next_check_at
            },
            problem: state
                .watch_problem
                .or(state.channel_problems.into_iter().next().map(|(_, p)| p))
                .or(state.bot_problem),
            notifications,
        }
    }

    /// The status's part that is in the database: the last finished check and the outbox's counts.
    async fn stored_status(&self) -> (Option<RunRecord>, NotificationCounts) {
        let store = &self.inner.store;
        self.inner
            .kept
            .status
            .get_or_load(store, async || {
                let runs = store.recent_runs(2).await?;
                let last = runs.into_iter().find(|r| r.status != RunStatus::Running);
                Ok::<_, StoreError>((last, store.notification_counts().await?))
            })
            .await
            .unwrap_or_default()
    }

    /// The running engine's monitoring figures (see [`crate::monitor`] for the JSON).
    pub async fn monitoring(&self) -> Monitoring {
        let store = &self.inner.store;
        let now = self.inner.options.clock.now();
        let (settings, used_last_hour) = self
            .inner
            .kept
            .budget
            .get_or_load(store, async || {
                let settings = Settings::load(store).await.ok();
                Ok::<_, StoreError>((settings, store.searches_last_hour(now).await?))
            })
            .await
            .unwrap_or_default();
        let (open, idle) = store.pool_figures();
        let idle = u32::try_from(idle).unwrap_or(u32::MAX);
        let search_budget = BudgetFigures {
            per_hour: settings
                .as_ref()
                .map_or(SearchSchedule::default().budget_per_hour, |s| {
                    s.schedule.budget_per_hour
                }),
            used_last_hour,
        };
        Monitoring {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            written_at: now,
            pid: std::process::id(),
            search_mode: settings
                .as_ref()
                .map_or(SearchMode::default(), |s| s.search_mode)
                .as_str()
                .to_owned(),
            last_check: self.inner.monitor.last_check(),
            prowlarr_latency_ms: self.inner.monitor.latency(),
            notifications: self.stored_status().await.1.into(),
            db_connections: PoolFigures {
                open,
                idle,
                in_use: open.saturating_sub(idle),
            },
            memory_rss_bytes: crate::monitor::rss_bytes(),
            backoff: self.state().backoff.into(),
            indexers: self.inner.monitor.indexers(),
            search_budget,
        }
    }

    /// Keeps the latest figures where `nightwatcherd status` (another process) can read them.
    async fn write_monitoring(&self) {
        let figures = self.monitoring().await;
        if let Ok(json) = serde_json::to_string(&figures)
            && let Err(e) = self.inner.store.set_setting(SNAPSHOT_KEY, &json).await
        {
            tracing::debug!(error = %e, "could not store the monitoring figures");
        }
    }

    async fn announce_status(&self) {
        let status = self.status().await;
        self.inner.events.send(Event::StatusChanged(status));
    }

    /// Runs a check as soon as possible (also while paused: it is an explicit request).
    pub fn check_now(&self) {
        self.update(|s| s.check_requested = true);
        self.inner.wake.notify_one();
    }

    pub async fn set_paused(&self, paused: bool) -> Result<Status, ServiceError> {
        self.inner
            .store
            .set_setting(PAUSED_KEY, if paused { "true" } else { "false" })
            .await?;
        self.update(|s| s.paused = paused);
        self.inner.wake.notify_one();
        self.announce_status().await;
        Ok(self.status().await)
    }

    /// New notifications are queued: the delivery worker sends them now rather than at its next wake-up.
    fn wake_delivery(&self) {
        self.inner.delivery.waker().notify_one();
    }

    /// Settings or secrets changed: the delivery worker uses the new channels from now on (before this returns,
    /// so an action right after a settings change, such as "Retry failed", already uses them), and the next check
    /// the new settings.
    async fn reconfigured(&self) {
        let senders = current_channels(&self.inner.store, self.inner.secrets.as_ref()).await;
        self.inner.delivery.set_channels(senders);
        self.update(|s| {
            if s.setup_failed {
                s.check_requested = true;
            }
        });
        self.inner.wake.notify_one();
        self.inner.bot_wake.notify_one();
    }

    /// Stops the scheduler and the delivery worker: no new search starts, searches in flight get a few seconds,
    /// undelivered notifications stay pending. Then the database is closed.
    pub async fn shutdown(&self) {
        self.inner.cancel.cancel();
        let tasks: Vec<JoinHandle<()>> = self
            .inner
            .tasks
            .lock()
            .map(|mut t| t.drain(..).collect())
            .unwrap_or_default();
        for task in tasks {
            if tokio::time::timeout(Duration::from_secs(8), task)
                .await
                .is_err()
            {
                tracing::warn!("a service task did not stop within 8 s");
            }
        }
        self.inner.store.close().await;
        tracing::info!("service stopped");
    }

    async fn scheduler(self) {
        let mut next = Instant::now() + self.inner.options.first_check_after;
        loop {
            let state = self.state();
            let due = state.check_requested || (!state.paused && Instant::now() >= next);
            if !due {
                let wait = next.saturating_duration_since(Instant::now());
                let at =
                    chrono::Utc::now().timestamp() + i64::try_from(wait.as_secs()).unwrap_or(0);
                self.update(|s| s.next_check_at = Some(at));
                self.announce_status().await;
                tokio::select! {
                    () = self.inner.cancel.cancelled() => break,
                    () = self.inner.wake.notified() => continue,
                    () = tokio::time::sleep_until(next), if !state.paused => continue,
                }
            }
            self.update(|s| s.check_requested = false);
            let interval = self.run_check().await;
            if self.inner.cancel.is_cancelled() {
                break;
            }
            next = Instant::now() + interval;
        }
        tracing::debug!("scheduler stopped");
    }

    /// One check with the current settings; returns how long to wait for the next.
    async fn run_check(&self) -> Duration {
        let settings = match Settings::load(&self.inner.store).await {
            Ok(s) => s,
            Err(e) => {
                let remedy = diagnose::settings_remedy(&e);
                self.update(|s| {
                    s.setup_failed = true;
                    s.watch_problem = Some(Problem {
                        kind: ProblemKind::NotConfigured,
                        message: e.to_string(),
                        remedy,
                    })
                });
                self.announce_status().await;
                return Duration::from_secs(60);
            }
        };
        let built = setup::prowlarr_client_with(
            &settings,
            self.inner.secrets.as_ref(),
            self.inner.options.prowlarr_retry,
        )
        .and_then(|client| {
            Ok((
                client,
                setup::channels(&settings, self.inner.secrets.as_ref())?,
            ))
        });
        let (client, senders) = match built {
            Ok(b) => b,
            Err(e) => {
                let problem = setup_problem(&e);
                tracing::warn!(problem = %problem.message, remedy = ?problem.remedy, "cannot check");
                self.update(|s| {
                    s.setup_failed = true;
                    s.watch_problem = Some(problem);
                });
                self.announce_status().await;
                return settings.interval;
            }
        };
        self.update(|s| s.setup_failed = false);
        let channels = senders.iter().map(|s| s.id()).collect();
        let watcher = Watcher::new(
            self.inner.store.clone(),
            client,
            self.inner.events.clone(),
            settings.concurrency,
            channels,
        )
        .with_mode(settings.search_mode)
        .with_schedule(settings.schedule)
        .with_clock(self.inner.options.clock.clone())
        .with_monitor(self.inner.monitor.clone());
        self.update(|s| s.running = Some(Progress { done: 0, total: 0 }));
        self.announce_status().await;
        let result = watcher.check(&self.inner.cancel).await;
        // Nothing parses release names until the next check: its compiled patterns go until then.
        crate::matcher::release_parser();
        let now = self.inner.options.clock.now();
        let mut wait = settings.interval;
        let problem = match &result {
            Ok(summary) => {
                self.update(|s| s.backoff.succeeded());
                match &summary.feed_error {
                    Some(e) => Some(Problem {
                        kind: ProblemKind::Prowlarr,
                        message: format!(
                            "{e}; the items due were searched one by one, the others wait for the next check"
                        ),
                        remedy: None,
                    }),
                    None => self
                        .inner
                        .monitor
                        .indexers()
                        .and_then(|h| h.message)
                        .map(|message| Problem {
                            kind: ProblemKind::Indexers,
                            message,
                            // Fixed in Prowlarr, not in NightWatcher.
                            remedy: None,
                        }),
                }
            }
            Err(CheckError::Cancelled) => None,
            Err(CheckError::Prowlarr(e)) => {
                let mut backoff = self.state().backoff;
                wait = backoff.failed(now, e.retry_after());
                self.update(|s| s.backoff = backoff);
                let at = local_clock(now + wait.as_secs() as i64);
                tracing::warn!(error = %e, wait_s = wait.as_secs(), "Prowlarr failed; backing off");
                Some(Problem {
                    kind: ProblemKind::Prowlarr,
                    message: format!("{e}. Next try {at}"),
                    remedy: diagnose::prowlarr_remedy(e),
                })
            }
            Err(CheckError::Store(e)) => Some(Problem {
                kind: ProblemKind::Storage,
                message: format!("the check could not be recorded: {e}"),
                remedy: None,
            }),
        };
        self.update(|s| {
            s.running = None;
            s.watch_problem = problem;
        });
        self.wake_delivery();
        self.inner.events.send(Event::ItemsChanged);
        self.announce_status().await;
        self.write_monitoring().await;
        wait
    }
}

/// The notification channels the current settings and secrets configure; none when they cannot be read.
async fn current_channels(store: &Store, secrets: &dyn SecretStore) -> Vec<Arc<dyn Channel>> {
    match Settings::load(store).await {
        Ok(settings) => setup::channels(&settings, secrets).unwrap_or_else(|e| {
            tracing::warn!(error = %e, "notifications cannot be sent");
            Vec::new()
        }),
        Err(e) => {
            tracing::warn!(error = %e, "notifications cannot be sent");
            Vec::new()
        }
    }
}

fn setup_problem(e: &SetupError) -> Problem {
    let kind = match e {
        SetupError::NoProwlarrUrl | SetupError::NoApiKey => ProblemKind::NotConfigured,
        SetupError::Secret(_) => ProblemKind::Keyring,
        SetupError::Prowlarr(_) => ProblemKind::Prowlarr,
        SetupError::Telegram(_) => ProblemKind::Telegram,
        SetupError::Channel { .. } => ProblemKind::Channel,
    };
    Problem {
        kind,
        message: e.to_string(),
        remedy: diagnose::setup_remedy(e),
    }
}
