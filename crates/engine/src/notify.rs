//! The outbox: notifications are rows first, then a delivery worker sends them.
//!
//! Composing happens at the end of a check ([`announce`]): the matches owed a notification become messages,
//! stored in the same transaction that marks the matches announced. Only then does anything leave the machine.
//! The [`Delivery`] worker sends due rows, marks them sent, retries transient failures with exponential
//! backoff and jitter (or after Telegram's `retry_after`), and marks permanent failures failed with the reason.
//! A crash between send and mark repeats one message at most; it never drops one.
//!
//! While a channel is failing transiently it is paused as a whole: after a 429 the next message to the same
//! chat would be refused too, and hammering a flood-controlled bot only lengthens the ban.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use rand::Rng;
use tokio::sync::Notify;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use crate::events::{Event, Events};
use crate::matcher;
use crate::prowlarr::Protocol;
use crate::store::{self, NotificationKind, OutboxEntry, Store, StoreError, UnannouncedMatch};
use crate::telegram::{
    self, ItemNews, NewsKind, OutgoingMessage, ReleaseLabel, ReleaseLine, SendError,
    TelegramChannel,
};

/// The Telegram channel's name in the outbox.
pub const TELEGRAM: &str = "telegram";
/// Most notifications one delivery pass sends before it looks again at what is due and paused.
const DELIVERIES_PER_PASS: usize = 100;
/// More items than this with news in one check go out as one digest.
pub const DIGEST_THRESHOLD: usize = 5;

/// One item's news in a check: what a desktop notification shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemNewsSummary {
    pub item_id: i64,
    pub item_title: String,
    pub count: usize,
    pub best_release: String,
}

/// What [`announce`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Announced {
    /// Notifications written to the outbox.
    pub queued: usize,
    /// Each item with news, in item order.
    pub news: Vec<ItemNewsSummary>,
}

/// What [`compose`] made of the matches owed a notification.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Composed {
    pub entries: Vec<OutboxEntry>,
    /// Each item with news, in item order.
    pub summaries: Vec<ItemNewsSummary>,
    /// Matches left owed: other releases of episodes already announced, waiting for the item's next message.
    pub deferred: Vec<i64>,
}

/// How a release of an episode (or film) already announced is news, judged from what was announced before.
/// `None`: the episode was not announced yet, the release is plainly new.
pub fn label_of(m: &UnannouncedMatch) -> Option<ReleaseLabel> {
    let best = m.announced_best?;
    Some(match m.revision.as_deref() {
        // A fix of a release that was announced: said as such.
        Some("repack") if m.announced_same_quality => ReleaseLabel::Repack,
        Some("proper") if m.announced_same_quality => ReleaseLabel::Proper,
        _ if m.quality > best => ReleaseLabel::BetterQuality,
        _ => ReleaseLabel::Another,
    })
}

/// Turns matches owed a notification into outbox entries for each configured channel, and a summary per item.
///
/// Within an item, releases are listed best first ([`matcher::rank`]: resolution, source, seeders, newer).
/// Each episode (or film) is news once: a later release of one already announced is a REPACK/PROPER of it
/// (same quality; said as such), a better quality (said as such), or "another release", which does not make
/// a message of its own: it waits, owed, for the item's next message and is listed there after the news.
pub fn compose(
    mut matches: Vec<UnannouncedMatch>,
    channels: &[&str],
    now: chrono::DateTime<chrono::Utc>,
) -> Composed {
    // Stable: items keep the store's order, and equal releases their order of discovery.
    matches.sort_by(|a, b| {
        a.item_id
            .cmp(&b.item_id)
            .then_with(|| matcher::rank(&rank_of(a), &rank_of(b)))
    });
    let mut news: Vec<(i64, ItemNews, Vec<i64>)> = Vec::new();
    for m in matches {
        let label = label_of(&m);
        let line = ReleaseLine {
            label,
            title: m.title,
            size_bytes: m.size,
            indexers: m.indexers,
            seeders: m.seeders,
            is_torrent: m.protocol == Protocol::Torrent,
            published: m
                .published_at
                .and_then(|t| chrono::DateTime::from_timestamp(t, 0)),
            info_url: m.info_url,
        };
        match news.last_mut() {
            Some((item_id, n, ids)) if *item_id == m.item_id => {
                if m.initial {
                    n.kind = NewsKind::FirstSummary;
                }
                // The first poster a message can show: an unsafe one (not http(s), or with a credential) is
                // dropped by the formatter, so a later release's good one takes its place.
                let usable = |url: &Option<String>| {
                    url.as_deref()
                        .and_then(crate::telegram::format::safe_url)
                        .is_some()
                };
                if !usable(&n.poster_url) && usable(&m.poster_url) {
                    n.poster_url = m.poster_url;
                }
                n.releases.push(line);
                ids.push(m.match_id);
            }
            _ => news.push((
                m.item_id,
                ItemNews {
                    item_title: m.item_title,
                    item_year: m.item_year,
                    kind: if m.initial {
                        NewsKind::FirstSummary
                    } else {
                        NewsKind::NewReleases
                    },
                    releases: vec![line],
                    poster_url: m.poster_url,
                },
                vec![m.match_id],
            )),
        }
    }

    let mut deferred = Vec::new();
    news.retain_mut(|(_, n, ids)| {
        if n.kind == NewsKind::FirstSummary {
            // The first summary lists everything there is; nothing was announced before it.
            n.releases.iter_mut().for_each(|r| r.label = None);
            return true;
        }
        if n.releases
            .iter()
            .all(|r| r.label == Some(ReleaseLabel::Another))
        {
            deferred.append(ids);
            return false;
        }
        // The news first, then the other releases; each part stays best first (the sort is stable).
        n.releases
            .sort_by_key(|r| r.label == Some(ReleaseLabel::Another));
        true
    });

    let summaries = news
        .iter()
        .map(|(item_id, n, _)| ItemNewsSummary {
            item_id: *item_id,
            item_title: n.item_title.clone(),
            count: n
                .releases
                .iter()
                .filter(|r| r.label != Some(ReleaseLabel::Another))
                .count(),
            best_release: n
                .releases
                .first()
                .map(|r| r.title.clone())
                .unwrap_or_default(),
        })
        .collect();
    let mut entries = Vec::new();
    if !channels.contains(&TELEGRAM) || news.is_empty() {
        return Composed {
            entries,
            summaries,
            deferred,
        };
    }
    if news.len() > DIGEST_THRESHOLD {
        let all: Vec<ItemNews> = news.iter().map(|(_, n, _)| n.clone()).collect();
        let mut match_ids: Vec<i64> = news
            .iter()
            .flat_map(|(_, _, ids)| ids.iter().copied())
            .collect();
        for message in telegram::digest_messages(&all, now) {
            entries.push(OutboxEntry {
                channel: TELEGRAM.into(),
                kind: NotificationKind::Digest,
                item_id: None,
                payload: serde_json::to_string(&message).unwrap_or_default(),
                match_ids: std::mem::take(&mut match_ids),
            });
        }
    } else {
        for (item_id, n, match_ids) in news {
            let message = telegram::item_message(&n, now);
            entries.push(OutboxEntry {
                channel: TELEGRAM.into(),
                kind: match n.kind {
                    NewsKind::FirstSummary => NotificationKind::Summary,
                    NewsKind::NewReleases => NotificationKind::New,
                },
                item_id: Some(item_id),
                payload: serde_json::to_string(&message).unwrap_or_default(),
                match_ids,
            });
        }
    }
    Composed {
        entries,
        summaries,
        deferred,
    }
}

fn rank_of(m: &UnannouncedMatch) -> matcher::Rank {
    matcher::Rank {
        quality: m.quality,
        seeders: m.seeders,
        published_at: m.published_at,
    }
}

/// Composes every match owed a notification into the outbox.
pub async fn announce(store: &Store, channels: &[&str]) -> Result<Announced, StoreError> {
    let now = chrono::Utc::now();
    let mut news = Vec::new();
    let queued = store
        .announce_pending(|matches| {
            let composed = compose(matches, channels, now);
            news = composed.summaries;
            (composed.entries, composed.deferred)
        })
        .await?;
    Ok(Announced { queued, news })
}

/// Something that can deliver a stored message: the Telegram channel, or a test double.
pub trait Sender: Send + Sync {
    fn channel(&self) -> &'static str;
    fn send<'a>(
        &'a self,
        message: &'a OutgoingMessage,
    ) -> Pin<Box<dyn Future<Output = Result<(), SendError>> + Send + 'a>>;
}

impl Sender for TelegramChannel {
    fn channel(&self) -> &'static str {
        TELEGRAM
    }
    fn send<'a>(
        &'a self,
        message: &'a OutgoingMessage,
    ) -> Pin<Box<dyn Future<Output = Result<(), SendError>> + Send + 'a>> {
        Box::pin(TelegramChannel::send(self, message))
    }
}

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
    /// Replaced when the settings change ([`Delivery::set_senders`]), so a send after the change uses them.
    senders: std::sync::RwLock<Vec<Arc<dyn Sender>>>,
    events: Events,
    config: DeliveryConfig,
    wake: Arc<Notify>,
    paused_until: std::sync::Mutex<HashMap<&'static str, Instant>>,
    last_sent: std::sync::Mutex<HashMap<&'static str, Instant>>,
    /// Transient failures in a row per channel, whichever notifications met them: the channel's backoff grows
    /// with it, so a long outage with many notifications queued is not retried at the first step per
    /// notification.
    failures: std::sync::Mutex<HashMap<&'static str, i64>>,
}

impl Delivery {
    pub fn new(
        store: Store,
        senders: Vec<Arc<dyn Sender>>,
        events: Events,
        config: DeliveryConfig,
    ) -> Self {
        Delivery {
            store,
            senders: std::sync::RwLock::new(senders),
            events,
            config,
            wake: Arc::new(Notify::new()),
            paused_until: Default::default(),
            last_sent: Default::default(),
            failures: Default::default(),
        }
    }

    /// The channels this worker can deliver to; composition only writes rows for these.
    pub fn channels(&self) -> Vec<&'static str> {
        self.senders
            .read()
            .map(|s| s.iter().map(|s| s.channel()).collect())
            .unwrap_or_default()
    }

    /// Uses these channels from now on (the settings changed) and wakes the worker.
    pub fn set_senders(&self, senders: Vec<Arc<dyn Sender>>) {
        if let Ok(mut current) = self.senders.write() {
            *current = senders;
        }
        self.wake.notify_one();
    }

    fn has_senders(&self) -> bool {
        self.senders.read().is_ok_and(|s| !s.is_empty())
    }

    /// A handle that wakes the worker when new notifications were queued.
    pub fn waker(&self) -> Arc<Notify> {
        self.wake.clone()
    }

    fn paused(&self, channel: &'static str) -> Option<Instant> {
        let map = self.paused_until.lock().ok()?;
        map.get(channel)
            .copied()
            .filter(|&until| until > Instant::now())
    }

    fn pause(&self, channel: &'static str, delay: Duration) {
        if let Ok(mut map) = self.paused_until.lock() {
            map.insert(channel, Instant::now() + delay);
        }
    }

    /// Counts a transient failure on `channel` and returns the failures in a row before it.
    fn failed_in_a_row(&self, channel: &'static str) -> i64 {
        let Ok(mut map) = self.failures.lock() else {
            return 0;
        };
        let count = map.entry(channel).or_insert(0);
        let before = *count;
        *count = count.saturating_add(1);
        before
    }

    fn succeeded(&self, channel: &'static str) {
        if let Ok(mut map) = self.failures.lock() {
            map.remove(channel);
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
            let senders: Vec<Arc<dyn Sender>> =
                self.senders.read().map(|s| s.clone()).unwrap_or_default();
            let ready: Vec<&str> = senders
                .iter()
                .map(|s| s.channel())
                .filter(|&c| self.paused(c).is_none())
                .collect();
            if ready.is_empty() {
                break;
            }
            let now = store::now();
            let Some(n) = self.store.claim_due(now, now + lease, &ready).await? else {
                break;
            };
            let Some(sender) = senders.iter().find(|s| s.channel() == n.channel) else {
                continue;
            };
            let channel = sender.channel();
            let message: OutgoingMessage = match serde_json::from_str(&n.payload) {
                Ok(m) => m,
                Err(e) => {
                    let reason = format!(
                        "stored message is unreadable ({e}); this is a bug, please report it"
                    );
                    self.store.mark_failed(n.id, &reason).await?;
                    self.events.send(Event::NotificationFailed {
                        notification_id: n.id,
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
            let result = match tokio::time::timeout(limit, sender.send(&message)).await {
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
                    tracing::info!(notification = n.id, kind = %n.kind, channel, "notification sent");
                    self.events.send(Event::NotificationSent {
                        notification_id: n.id,
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
                    tracing::warn!(notification = n.id, channel, retry_in_s = delay.as_secs(), %reason, "delivery failed, will retry");
                    self.store.mark_retry(n.id, next, &reason).await?;
                    self.pause(channel, delay);
                    self.events.send(Event::NotificationRetrying {
                        notification_id: n.id,
                        channel: channel.to_owned(),
                        reason,
                        next_attempt_at: next,
                        flood_control: retry_after.is_some(),
                    });
                    report.retried += 1;
                }
                Err(SendError::Permanent { reason }) => {
                    tracing::error!(notification = n.id, channel, %reason, "delivery failed for good");
                    self.store.mark_failed(n.id, &reason).await?;
                    self.events.send(Event::NotificationFailed {
                        notification_id: n.id,
                        reason,
                    });
                    report.failed += 1;
                }
            }
        }
        Ok(())
    }

    async fn space(&self, channel: &'static str) {
        let last = self
            .last_sent
            .lock()
            .ok()
            .and_then(|m| m.get(channel).copied());
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
            if !self.has_senders() || Instant::now() + wait > end {
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
            if !self.has_senders() {
                // Nothing can be sent: pending rows wait for a channel ([`Delivery::set_senders`] wakes us).
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
            .map(|_| delivery.failed_in_a_row("telegram"))
            .collect();
        assert_eq!(streak, [0, 1, 2, 3]);
        let fourth = delivery.backoff(0_i64.max(streak[3]), None);
        assert!(fourth >= Duration::from_secs(20), "{fourth:?}");
        // Another channel has its own run; a success ends the run.
        assert_eq!(delivery.failed_in_a_row("desktop"), 0);
        delivery.succeeded("telegram");
        assert_eq!(delivery.failed_in_a_row("telegram"), 0);
    }
}
