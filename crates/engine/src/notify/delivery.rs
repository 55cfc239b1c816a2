//! The delivery worker: sends the outbox's due notifications through their channels.
//!
//! Each notification is claimed with a lease before it is sent, so two processes on one database never both
//! send it; a send that succeeds is marked sent, a transient failure is retried with exponential backoff and
//! jitter (or after the service's `retry_after`), a permanent one is marked failed with the reason.
//!
//! While a channel is failing transiently it is paused as a whole: after a 429 the next message to the same
//! chat would be refused too, and hammering a flood-controlled bot only lengthens the ban. One channel's
//! pause holds up no other channel.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use rand::Rng;
use tokio::sync::Notify;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use crate::channel::{Channel, ChannelId, SendError};
use crate::events::{Event, Events};
use crate::news::Notice;
use crate::store::{self, Store, StoreError};

/// Most notifications one delivery pass sends before it looks again at what is due and paused.
const DELIVERIES_PER_PASS: usize = 100;

#[derive(Debug, Clone)]
pub struct DeliveryConfig {
    /// Gap between two messages on one channel: Telegram allows about one message a second to a chat.
    pub min_interval: Duration,
    /// First retry delay after a transient failure without `retry_after`; doubles per attempt.
    pub base_backoff: Duration,
    pub max_backoff: Duration,
    /// How long a notification claimed for sending is left to its claimer before it is due again. Longer than
    /// a send can take (two Telegram requests of at most 17 s each), so no other process sends it meanwhile;
    /// short enough that one a crashed process had claimed goes out soon after.
    pub lease: Duration,
}

impl DeliveryConfig {
    /// The longest a send may take, from its claim: five sixths of the lease (50 s of the default 60 s), so a
    /// send given up at its limit is marked for retry before the lease lets anyone else claim it.
    pub fn send_limit(&self) -> Duration {
        self.lease * 5 / 6
    }
}

impl Default for DeliveryConfig {
    fn default() -> Self {
        DeliveryConfig {
            min_interval: Duration::from_millis(1100),
            base_backoff: Duration::from_secs(5),
            max_backoff: Duration::from_secs(600),
            lease: Duration::from_secs(60),
        }
    }
}

/// What one delivery pass did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct DeliveryReport {
    pub sent: usize,
    pub retried: usize,
    pub failed: usize,
}

impl DeliveryReport {
    fn add(&mut self, other: DeliveryReport) {
        self.sent += other.sent;
        self.retried += other.retried;
        self.failed += other.failed;
    }
}

/// The wait before retrying after a transient failure: `retry_after` when the server gave one, else the base
/// doubled per earlier attempt, capped, with jitter in its upper half (never an immediate retry).
fn backoff_delay(
    config: &DeliveryConfig,
    attempts: i64,
    retry_after: Option<Duration>,
) -> Duration {
    if let Some(after) = retry_after {
        // Telegram's own figure, plus a little so we arrive after the window, not at its edge.
        return after + Duration::from_millis(250);
    }
    let exp = config
        .base_backoff
        .saturating_mul(1u32 << attempts.clamp(0, 16) as u32);
    let capped = exp.min(config.max_backoff);
    let half = capped / 2;
    half + half.mul_f64(rand::rng().random::<f64>())
}

pub struct Delivery {
    store: Store,
    /// Replaced when the settings change ([`Delivery::set_channels`]), so a send after the change uses them.
    channels: std::sync::RwLock<Vec<Arc<dyn Channel>>>,
    events: Events,
    config: DeliveryConfig,
    wake: Arc<Notify>,
    paused_until: std::sync::Mutex<HashMap<ChannelId, Instant>>,
    last_sent: std::sync::Mutex<HashMap<ChannelId, Instant>>,
    /// Transient failures in a row per channel, whichever notifications met them: the channel's backoff grows
    /// with it, so a long outage with many notifications queued is not retried at the first step per
    /// notification.
    failures: std::sync::Mutex<HashMap<ChannelId, i64>>,
}

impl Delivery {
    pub fn new(
        store: Store,
        channels: Vec<Arc<dyn Channel>>,
        events: Events,
        config: DeliveryConfig,
    ) -> Self {
        Delivery {
            store,
            channels: std::sync::RwLock::new(channels),
            events,
            config,
            wake: Arc::new(Notify::new()),
            paused_until: Default::default(),
            last_sent: Default::default(),
            failures: Default::default(),
        }
    }

    /// The channels this worker can deliver to; composition only writes rows for these.
    pub fn channels(&self) -> Vec<ChannelId> {
        self.channels
            .read()
            .map(|s| s.iter().map(|s| s.id()).collect())
            .unwrap_or_default()
    }

    /// Uses these channels from now on (the settings changed) and wakes the worker.
    pub fn set_channels(&self, channels: Vec<Arc<dyn Channel>>) {
        if let Ok(mut current) = self.channels.write() {
            *current = channels;
        }
        self.wake.notify_one();
    }

    fn has_channels(&self) -> bool {
        self.channels.read().is_ok_and(|s| !s.is_empty())
    }

    /// A handle that wakes the worker when new notifications were queued.
    pub fn waker(&self) -> Arc<Notify> {
        self.wake.clone()
    }

    fn paused(&self, channel: ChannelId) -> Option<Instant> {
        let map = self.paused_until.lock().ok()?;
        map.get(&channel)
            .copied()
            .filter(|&until| until > Instant::now())
    }

    fn pause(&self, channel: ChannelId, delay: Duration) {
        if let Ok(mut map) = self.paused_until.lock() {
            map.insert(channel, Instant::now() + delay);
        }
    }

    /// Counts a transient failure on `channel` and returns the failures in a row before it.
    fn failed_in_a_row(&self, channel: ChannelId) -> i64 {
        let Ok(mut map) = self.failures.lock() else {
            return 0;
        };
        let count = map.entry(channel).or_insert(0);
        let before = *count;
        *count = count.saturating_add(1);
        before
    }

    fn succeeded(&self, channel: ChannelId) {
        if let Ok(mut map) = self.failures.lock() {
            map.remove(&channel);
        }
    }

    fn backoff(&self, attempts: i64, retry_after: Option<Duration>) -> Duration {
        backoff_delay(&self.config, attempts, retry_after)
    }

    /// Sends every due notification once (in order, spacing messages per channel). Stops early on cancellation.
    ///
    /// Each one is claimed before it is sent ([`Store::claim_due`]), so another process delivering from the
    /// same database (the app and the daemon) never sends it too. A pass that changed anything ends with one
    /// [`Event::DeliveryFinished`], also when a database error cut it short: what it did is in the outbox.
    pub async fn deliver_due(
        &self,
        cancel: &CancellationToken,
    ) -> Result<DeliveryReport, StoreError> {
        let mut report = DeliveryReport::default();
        let result = self.deliver_pass(cancel, &mut report).await;
        if report != DeliveryReport::default() {
            self.events.send(Event::DeliveryFinished {
                sent: report.sent,
                retried: report.retried,
                failed: report.failed,
            });
        }
        result.map(|()| report)
    }

    async fn deliver_pass(
        &self,
        cancel: &CancellationToken,
        report: &mut DeliveryReport,
    ) -> Result<(), StoreError> {
        let lease = i64::try_from(self.config.lease.as_secs()).unwrap_or(i64::MAX / 2);
        for _ in 0..DELIVERIES_PER_PASS {
            if cancel.is_cancelled() {
                break;
            }
            let channels: Vec<Arc<dyn Channel>> =
                self.channels.read().map(|s| s.clone()).unwrap_or_default();
            let ready: Vec<&str> = channels
                .iter()
                .map(|s| s.id())
                .filter(|&c| self.paused(c).is_none())
                .map(ChannelId::as_str)
                .collect();
            if ready.is_empty() {
                break;
            }
            let now = store::now();
            let Some(n) = self.store.claim_due(now, now + lease, &ready).await? else {
                break;
            };
            let Some(target) = channels.iter().find(|s| s.id() == n.channel.as_str()) else {
                continue;
            };
            let channel = target.id();
            let notice: Notice = match serde_json::from_str(&n.payload) {
                Ok(m) => m,
                Err(e) => {
                    let reason = format!(
                        "stored message is unreadable ({e}); this is a bug, please report it"
                    );
                    self.store.mark_failed(n.id, &reason).await?;
                    self.events.send(Event::NotificationFailed {
                        notification_id: n.id,
                        channel: channel.as_str().to_owned(),
                        reason,
                    });
                    report.failed += 1;
                    continue;
                }
            };
            let claimed_at = Instant::now();
            self.space(channel).await;
            // The send must end while the claim holds: past the lease another process (or this one) may claim
            // it and send it too. A send cut off here is retried like any other that got no answer.
            let limit = self
                .config
                .send_limit()
                .saturating_sub(claimed_at.elapsed());
            let result = match tokio::time::timeout(limit, target.send(&notice)).await {
                Ok(result) => result,
                Err(_) => Err(SendError::Transient {
                    reason: format!("no answer within {} s", self.config.send_limit().as_secs()),
                    retry_after: None,
                }),
            };
            if let Ok(mut last) = self.last_sent.lock() {
                last.insert(channel, Instant::now());
            }
            match result {
                Ok(()) => {
                    self.succeeded(channel);
                    self.store.mark_sent(n.id).await?;
                    tracing::info!(notification = n.id, kind = %n.kind, %channel, "notification sent");
                    self.events.send(Event::NotificationSent {
                        notification_id: n.id,
                        channel: channel.as_str().to_owned(),
                    });
                    report.sent += 1;
                }
                Err(SendError::Transient {
                    reason,
                    retry_after,
                }) => {
                    let in_a_row = self.failed_in_a_row(channel);
                    let delay = self.backoff(n.attempts.max(in_a_row), retry_after);
                    let next =
                        store::now() + i64::try_from(delay.as_secs()).unwrap_or(i64::MAX / 2) + 1;
                    tracing::warn!(notification = n.id, %channel, retry_in_s = delay.as_secs(), %reason, "delivery failed, will retry");
                    self.store.mark_retry(n.id, next, &reason).await?;
                    self.pause(channel, delay);
                    self.events.send(Event::NotificationRetrying {
                        notification_id: n.id,
                        channel: channel.as_str().to_owned(),
                        reason,
                        next_attempt_at: next,
                        flood_control: retry_after.is_some(),
                    });
                    report.retried += 1;
                }
                Err(SendError::Permanent { reason }) => {
                    tracing::error!(notification = n.id, %channel, %reason, "delivery failed for good");
                    self.store.mark_failed(n.id, &reason).await?;
                    self.events.send(Event::NotificationFailed {
                        notification_id: n.id,
                        channel: channel.as_str().to_owned(),
                        reason,
                    });
                    report.failed += 1;
                }
            }
        }
        Ok(())
    }

    async fn space(&self, channel: ChannelId) {
        let last = self
            .last_sent
            .lock()
            .ok()
            .and_then(|m| m.get(&channel).copied());
        if let Some(last) = last {
            tokio::time::sleep_until(last + self.config.min_interval).await;
        }
    }

    /// How long until something may be due: the earliest pending row or channel pause, at most `cap`.
    async fn until_next(&self, cap: Duration) -> Result<Option<Duration>, StoreError> {
        let Some(at) = self.store.next_due_at().await? else {
            return Ok(None);
        };
        let secs = (at - store::now()).max(0);
        let mut wait = Duration::from_secs(u64::try_from(secs).unwrap_or(0));
        if let Ok(map) = self.paused_until.lock() {
            for until in map.values() {
                wait = wait.max(until.saturating_duration_since(Instant::now()));
            }
        }
        Ok(Some(wait.min(cap)))
    }

    /// Delivers until nothing is pending or `deadline` passes (used by `nightwatcherd check`).
    /// Whatever is still pending stays in the outbox for the next run.
    pub async fn drain(
        &self,
        deadline: Duration,
        cancel: &CancellationToken,
    ) -> Result<DeliveryReport, StoreError> {
        let end = Instant::now() + deadline;
        let mut total = DeliveryReport::default();
        loop {
            total.add(self.deliver_due(cancel).await?);
            let Some(wait) = self.until_next(Duration::from_secs(60)).await? else {
                break;
            };
            if !self.has_channels() || Instant::now() + wait > end {
                break;
            }
            tokio::select! {
                () = cancel.cancelled() => break,
                () = tokio::time::sleep(wait.max(Duration::from_millis(50))) => {}
            }
        }
        Ok(total)
    }

    /// The worker loop for `run` and the desktop app: deliver, then sleep until something is due or a new
    /// notification is queued, until cancelled. A database error is logged and retried after a pause.
    pub async fn run(self: Arc<Self>, cancel: CancellationToken) {
        loop {
            if !self.has_channels() {
                // Nothing can be sent: pending rows wait for a channel ([`Delivery::set_channels`] wakes us).
                // Polling them here would only spin on rows that are always due.
                tokio::select! {
                    () = cancel.cancelled() => break,
                    () = self.wake.notified() => continue,
                }
            }
            if let Err(e) = self.deliver_due(&cancel).await {
                tracing::error!(error = %e, "delivery worker: database error, retrying in 30 s");
            }
            let wait = match self.until_next(Duration::from_secs(60)).await {
                Ok(Some(w)) => w.max(Duration::from_millis(100)),
                Ok(None) => Duration::from_secs(300),
                Err(_) => Duration::from_secs(30),
            };
            tokio::select! {
                () = cancel.cancelled() => break,
                () = self.wake.notified() => {}
                () = tokio::time::sleep(wait) => {}
            }
        }
        tracing::debug!("delivery worker stopped");
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn config() -> DeliveryConfig {
        DeliveryConfig {
            base_backoff: Duration::from_secs(5),
            max_backoff: Duration::from_secs(600),
            ..DeliveryConfig::default()
        }
    }

    #[test]
    fn the_backoff_doubles_per_attempt_up_to_the_cap_and_never_retries_at_once() {
        let config = config();
        for attempts in 0..12 {
            let full = Duration::from_secs(5 << attempts).min(config.max_backoff);
            for _ in 0..20 {
                let delay = backoff_delay(&config, attempts, None);
                assert!(
                    delay >= full / 2 && delay <= full,
                    "attempt {attempts}: {delay:?}"
                );
            }
        }
        assert_eq!(
            backoff_delay(&config, 7, Some(Duration::from_secs(3))),
            Duration::from_millis(3250)
        );
    }

    #[tokio::test]
    async fn a_channel_failing_for_many_notifications_backs_off_as_one() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("nw.db")).await.unwrap();
        let delivery = Delivery::new(store, Vec::new(), Events::new(), config());
        // Each failure comes from another notification, on its first attempt: the channel's run still counts.
        let streak: Vec<i64> = (0..4)
            .map(|_| delivery.failed_in_a_row(ChannelId::Telegram))
            .collect();
        assert_eq!(streak, [0, 1, 2, 3]);
        let fourth = delivery.backoff(0_i64.max(streak[3]), None);
        assert!(fourth >= Duration::from_secs(20), "{fourth:?}");
        // A success ends the run.
        delivery.succeeded(ChannelId::Telegram);
        assert_eq!(delivery.failed_in_a_row(ChannelId::Telegram), 0);
    }
}
