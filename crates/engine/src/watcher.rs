//! The watcher: one check over the watchlist.
//!
//! In feed mode (the default, [`SearchMode::Feed`]) a check first reads the indexers' latest releases once
//! ([`crate::feed`]) and matches every enabled item against them locally; then it searches by name only the
//! items whose search is due ([`crate::schedule`]: added or edited, or their slow per-item slot has passed),
//! within the hourly search budget. In [`SearchMode::SearchAll`] it searches every item, as before.
//!
//! Item searches run at most `concurrency` searches at a time (a semaphore:
//! Prowlarr fans each search out to every indexer, and indexers ban clients that burst). Each item's results
//! are matched and recorded in their own transaction as soon as they arrive, so a long check keeps its progress
//! and memory stays flat. One item failing does not stop the others, but an error that no item can get past
//! (wrong API key, Prowlarr unreachable) stops the check at once instead of failing every item the same way.
//! The feed failing for any other reason (a 500, a timeout, an answer too large to read) does not stop the
//! searches of the items due either: it is reported with the check ([`CheckSummary::feed_error`]).
//! At the end, the matches owed a notification are composed into the outbox ([`crate::notify::announce`]).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tokio::sync::{Mutex, OwnedSemaphorePermit, Semaphore};
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use crate::channel::ChannelId;
use crate::events::{CheckSummary, Event, Events};
use crate::feed;
use crate::filters::{self, IndexerNames};
use crate::matcher;
use crate::model::WatchlistItem;
use crate::monitor::{CheckFigures, IndexerHealth, Monitor};
use crate::notify;
use crate::prowlarr::{Protocol, ProwlarrClient, ProwlarrError, Release, SearchRequest};
use crate::schedule::{Clock, SearchMode, SearchSchedule, SystemClock};
use crate::store::{MatchRecord, ReleaseRecord, RunFigures, RunStatus, Store, StoreError};

/// Prowlarr's health is read at most this often (unless a search failed).
const HEALTH_EVERY_SECS: i64 = 600;

/// Longest release title stored; longer ones are cut (and the matcher caps what it parses).
const MAX_STORED_TITLE: usize = 1000;

#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    #[error("Prowlarr cannot be used: {0}")]
    Prowlarr(ProwlarrError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the check was cancelled")]
    Cancelled,
}

pub struct Watcher {
    store: Store,
    prowlarr: ProwlarrClient,
    events: Events,
    concurrency: usize,
    channels: Vec<ChannelId>,
    grace: Duration,
    mode: SearchMode,
    schedule: SearchSchedule,
    clock: Arc<dyn Clock>,
    monitor: Arc<Monitor>,
    feed_page_cap: u32,
}

/// How long searches already running may finish after a check is cancelled (shutdown).
pub const DEFAULT_GRACE: Duration = Duration::from_secs(5);

impl Watcher {
    /// `channels` are the notification channels configured now (see [`crate::notify::Delivery::channels`]).
    pub fn new(
        store: Store,
        prowlarr: ProwlarrClient,
        events: Events,
        concurrency: usize,
        channels: Vec<ChannelId>,
    ) -> Self {
        Watcher {
            store,
            prowlarr,
            events,
            concurrency: concurrency.max(1),
            channels,
            grace: DEFAULT_GRACE,
            mode: SearchMode::default(),
            schedule: SearchSchedule::default(),
            clock: Arc::new(SystemClock),
            monitor: Arc::new(Monitor::new()),
            feed_page_cap: feed::DEFAULT_PAGE_CAP,
        }
    }

    pub fn with_mode(mut self, mode: SearchMode) -> Self {
        self.mode = mode;
        self
    }

    /// The per-item schedule and the hourly search budget (kept in the store: [`Store::grant_searches`]).
    pub fn with_schedule(mut self, schedule: SearchSchedule) -> Self {
        self.schedule = schedule;
        self
    }

    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    pub fn with_monitor(mut self, monitor: Arc<Monitor>) -> Self {
        self.monitor = monitor;
        self
    }

    pub fn with_feed_page_cap(mut self, pages: u32) -> Self {
        self.feed_page_cap = pages.max(1);
        self
    }

    /// The items to search by name in this check, most urgent first, each with how many of its aliases to
    /// search too: all of them, with all their aliases, in search-all mode; in feed mode those due, as many as
    /// the hourly budget allows (an item costs one search plus one per alias searched). The budget is granted
    /// by the store, so it holds across checks, restarts and every process on the database. An item whose
    /// aliases alone would cost more than a whole hour's budget searches as many of its titles as the budget
    /// has, first title first, rather than never being searched and holding up every item behind it.
    async fn items_to_search(
        &self,
        items: Vec<WatchlistItem>,
        now: i64,
    ) -> Result<Vec<(WatchlistItem, usize)>, StoreError> {
        if self.mode == SearchMode::SearchAll {
            return Ok(items
                .into_iter()
                .map(|item| {
                    let aliases = item.aliases.len();
                    (item, aliases)
                })
                .collect());
        }
        let times = self.store.search_times().await?;
        let mut due: Vec<(i64, WatchlistItem)> = items
            .into_iter()
            .filter_map(|item| {
                let last = times.get(&item.id).copied().flatten();
                crate::schedule::search_due(item.id, last, self.schedule.every, now)
                    .map(|urgency| (urgency, item))
            })
            .collect();
        due.sort_by_key(|(urgency, item)| (*urgency, item.id));
        let per_hour = self.schedule.budget_per_hour.max(1);
        let aliases: Vec<usize> = due
            .iter()
            .map(|(_, item)| item.aliases.len().min(per_hour as usize - 1))
            .collect();
        let costs: Vec<u32> = aliases
            .iter()
            .map(|&n| 1 + u32::try_from(n).unwrap_or(u32::MAX))
            .collect();
        let granted = self.store.grant_searches(now, per_hour, &costs).await?;
        Ok(due
            .into_iter()
            .zip(aliases)
            .take(granted)
            .map(|((_, item), aliases)| (item, aliases))
            .collect())
    }

    /// Prowlarr's indexers by name, read only when an item about to be searched names the indexers it uses,
    /// so its searches ask those indexers alone instead of every indexer. Without the list (Prowlarr could not
    /// give it) such items search every indexer, as before, and the filter refuses results from the others.
    async fn indexer_names(&self, items: &[(WatchlistItem, usize)]) -> IndexerNames {
        if !items
            .iter()
            .any(|(item, _)| item.filters.names_an_indexer())
        {
            return IndexerNames::default();
        }
        match self.prowlarr.indexers().await {
            Ok(list) => IndexerNames::new(list.iter().map(|i| (i.id, i.name.as_str()))),
            Err(e) => {
                tracing::warn!(error = %e, "the indexer list could not be read; items naming indexers search them all");
                IndexerNames::default()
            }
        }
    }

    /// Reads the feed and records what it matched. Returns (pages, releases read, new matches, new cursors).
    async fn poll_feed(
        &self,
        items: &[WatchlistItem],
        run_id: i64,
        now: i64,
    ) -> Result<(feed::Poll, usize), CheckError> {
        let categories = feed::categories(items);
        let key = feed::key(&categories);
        let cursors = self.store.feed_cursors(&key).await?;
        let monitor = self.monitor.clone();
        let poll = feed::poll(
            &self.prowlarr,
            categories,
            &cursors,
            self.feed_page_cap,
            |d| monitor.record_latency(d),
        )
        .await
        .map_err(CheckError::Prowlarr)?;
        if !poll.overran.is_empty() {
            tracing::warn!(
                indexers = ?poll.overran,
                pages = poll.pages,
                "the feed had more new releases than the page cap reads; the item searches will catch up"
            );
        }
        let matcher = matcher::Matcher::new(items);
        let has_baseline: std::collections::HashSet<i64> = {
            let mut set = std::collections::HashSet::new();
            for item in items {
                if self.store.has_baseline(item.id).await? {
                    set.insert(item.id);
                }
            }
            set
        };
        let mut records = Vec::new();
        let mut matched = Vec::new();
        // A release older than the cursor was read by an earlier poll: it can only be news to an item that had
        // its baseline then. An item still waiting for its first search gets it from that search instead, as
        // "already out".
        let releases = poll
            .fresh
            .iter()
            .map(|r| (r, true))
            .chain(poll.seen_before.iter().map(|r| (r, false)));
        for (release, fresh) in releases {
            let parsed = matcher::parse(&release.title);
            let judged = matcher.judge(&parsed, &info_of(release));
            let judged: Vec<_> = judged
                .into_iter()
                .filter(|j| fresh || has_baseline.contains(&j.item_id))
                .collect();
            if judged.is_empty() {
                continue;
            }
            let index = records.len();
            records.push(record_of(release));
            for j in judged {
                let Some(item) = items.iter().find(|i| i.id == j.item_id) else {
                    continue;
                };
                let verdict = matcher::ItemMatcher::new(item).judge(&parsed, &info_of(release));
                if !verdict.matches {
                    continue;
                }
                matched.push((item.id, match_record(index, &parsed, verdict)));
            }
        }
        let new_matches = self
            .store
            .record_feed(Some(run_id), &records, &matched, now)
            .await?;
        for (item_id, m) in &new_matches {
            let title = items
                .iter()
                .find(|i| i.id == *item_id)
                .map(|i| i.title.clone())
                .unwrap_or_default();
            self.events.send(Event::ReleaseFound {
                item_id: *item_id,
                item_title: title,
                release_title: m.release_title.clone(),
                indexer: m.indexer.clone().unwrap_or_default(),
            });
        }
        for (indexer, (guid, at)) in &poll.cursors {
            self.store
                .set_feed_cursor(&key, *indexer, guid, *at)
                .await?;
        }
        Ok((poll, new_matches.len()))
    }

    /// Asks Prowlarr why searches come back empty or fail: its indexers, those in back-off, its health checks.
    async fn read_health(&self, now: i64) {
        let (indexers, statuses, health) = tokio::join!(
            self.prowlarr.indexers(),
            self.prowlarr.indexer_status(),
            self.prowlarr.health()
        );
        let (Ok(indexers), Ok(statuses)) = (indexers, statuses) else {
            return;
        };
        let enabled: std::collections::HashSet<i32> =
            indexers.iter().filter(|i| i.enable).map(|i| i.id).collect();
        let disabled: Vec<_> = statuses
            .iter()
            .filter(|s| enabled.contains(&s.indexer_id))
            .filter(|s| s.disabled_till.is_none_or(|t| t.timestamp() > now))
            .collect();
        let until = disabled
            .iter()
            .filter_map(|s| s.disabled_till)
            .min()
            .map(|t| crate::schedule::local_clock(t.timestamp()));
        let mut parts = Vec::new();
        if !disabled.is_empty() {
            parts.push(format!(
                "{} of {} indexers disabled by Prowlarr after failures{}",
                disabled.len(),
                enabled.len(),
                until
                    .map(|u| format!(" (the first back at {u})"))
                    .unwrap_or_default()
            ));
        }
        if enabled.is_empty() {
            parts.push("Prowlarr has no enabled indexer: add one in Prowlarr".to_owned());
        }
        for check in health.unwrap_or_default() {
            // Prowlarr's own indexer-status warning repeats what the count above already says.
            let repeats_count = check.source == "IndexerStatusCheck" && !disabled.is_empty();
            if matches!(check.kind.as_str(), "warning" | "error") && !repeats_count {
                parts.push(format!("Prowlarr: {}", check.message));
            }
        }
        let health = IndexerHealth {
            total: enabled.len() as u64,
            disabled: disabled.len() as u64,
            message: (!parts.is_empty()).then(|| parts.join("; ")),
            checked_at: now,
        };
        tracing::info!(total = health.total, disabled = health.disabled, message = ?health.message, "Prowlarr health read");
        self.monitor.set_indexers(health);
    }

    pub fn with_grace(mut self, grace: Duration) -> Self {
        self.grace = grace;
        self
    }

    /// Runs one check over every enabled item. Cancelling `cancel` starts no new search; searches already
    /// running get the grace period to finish and be recorded, then are abandoned.
    pub async fn check(&self, cancel: &CancellationToken) -> Result<CheckSummary, CheckError> {
        let started = Instant::now();
        let now = self.clock.now();
        // Matches left unannounced by an interrupted earlier check are owed first.
        let leftovers = notify::announce(&self.store, &self.channels).await?;
        let all_items = self.store.enabled_items().await?;
        let run_id = self.store.start_run().await?;
        let fatal: Arc<Mutex<Option<ProwlarrError>>> = Arc::default();
        let mut feed_requests = 0;
        let mut feed_seen = 0;
        let mut feed_matches = 0;
        let mut feed_empty = false;
        let mut feed_error = None;
        if self.mode == SearchMode::Feed && !all_items.is_empty() && !cancel.is_cancelled() {
            match self.poll_feed(&all_items, run_id, now).await {
                Ok((poll, new_matches)) => {
                    feed_requests = poll.pages as usize;
                    feed_seen = poll.fresh.len() + poll.seen_before.len();
                    feed_empty = feed_seen == 0;
                    feed_matches = new_matches;
                }
                Err(CheckError::Prowlarr(e)) => {
                    tracing::warn!(error = %e, "reading the latest releases failed");
                    feed_requests = 1;
                    if e.blocks_all_items() {
                        *fatal.lock().await = Some(e);
                    } else {
                        // The items due are searched by name all the same; the feed is read again next check
                        // (its cursors did not move).
                        feed_error = Some(format!("the latest releases could not be read: {e}"));
                    }
                }
                Err(e) => return Err(e),
            }
        }
        let items = if fatal.lock().await.is_some() {
            Vec::new()
        } else {
            self.items_to_search(all_items, now).await?
        };
        let total = items.len();
        let indexer_names = Arc::new(self.indexer_names(&items).await);
        self.events.send(Event::CheckStarted { run_id, total });

        // `stop` ends the searches in flight: after the grace period once cancelled, or at once on a fatal error.
        let stop = CancellationToken::new();
        let _stop_guard = stop.clone().drop_guard();
        tokio::spawn({
            let (cancel, stop, grace) = (cancel.clone(), stop.clone(), self.grace);
            async move {
                tokio::select! {
                    () = stop.cancelled() => {}
                    () = async { cancel.cancelled().await; tokio::time::sleep(grace).await } => stop.cancel(),
                }
            }
        });
        let semaphore = Arc::new(Semaphore::new(self.concurrency));
        let done = Arc::new(AtomicUsize::new(0));
        let empty_searches = Arc::new(AtomicUsize::new(0));
        let mut tasks = JoinSet::new();
        let mut searches = 0;
        for (item, aliases) in items {
            if cancel.is_cancelled() {
                break;
            }
            let permit = tokio::select! {
                () = stop.cancelled() => break,
                () = cancel.cancelled() => break,
                permit = semaphore.clone().acquire_owned() => match permit {
                    Ok(p) => p,
                    Err(_) => break,
                },
            };
            searches += 1 + aliases;
            let ctx = ItemContext {
                indexer_names: indexer_names.clone(),
                monitor: self.monitor.clone(),
                empty_searches: empty_searches.clone(),
                now,
                store: self.store.clone(),
                prowlarr: self.prowlarr.clone(),
                events: self.events.clone(),
                stop: stop.clone(),
                fatal: fatal.clone(),
                done: done.clone(),
                run_id,
                total,
            };
            tasks.spawn(async move { ctx.check_item(item, aliases, permit).await });
        }

        let mut figures = RunFigures {
            items: total as i64,
            searches: (searches + feed_requests) as i64,
            releases_seen: feed_seen as i64,
            new_matches: feed_matches as i64,
            errors: i64::from(feed_error.is_some()),
            ..Default::default()
        };
        while let Some(joined) = tasks.join_next().await {
            match joined {
                Ok(Ok(outcome)) => {
                    figures.releases_seen += outcome.releases_seen as i64;
                    figures.new_matches += outcome.new_matches as i64;
                    figures.errors += i64::from(outcome.failed);
                }
                Ok(Err(e)) => {
                    tracing::error!(error = %e, "recording a search failed");
                    figures.errors += 1;
                }
                Err(e) => {
                    tracing::error!(error = %e, "an item's search task panicked");
                    figures.errors += 1;
                }
            }
        }

        let failed_search = figures.errors > 0 || fatal.lock().await.is_some();
        let all_empty = total > 0 && empty_searches.load(Ordering::Relaxed) == total;
        let health_stale = self
            .monitor
            .indexers()
            .is_none_or(|h| now - h.checked_at >= HEALTH_EVERY_SECS);
        if failed_search || ((feed_empty || all_empty) && health_stale) {
            self.read_health(now).await;
        }

        let announced = notify::announce(&self.store, &self.channels).await?;
        let queued = leftovers.queued + announced.queued;
        figures.notifications_queued = queued as i64;
        figures.duration_ms = started.elapsed().as_millis() as i64;
        let fatal = fatal.lock().await.take();
        let (status, error) = match (&fatal, cancel.is_cancelled()) {
            (Some(e), _) => (RunStatus::Failed, Some(e.to_string())),
            (None, true) => (RunStatus::Cancelled, Some("cancelled".to_owned())),
            (None, false) => (RunStatus::Ok, feed_error.clone()),
        };
        self.store
            .finish_run(run_id, status, &figures, error.as_deref())
            .await?;
        let summary = CheckSummary {
            run_id,
            items: total,
            searches,
            feed_requests,
            releases_seen: figures.releases_seen as usize,
            new_matches: figures.new_matches as usize,
            errors: figures.errors as usize,
            notifications_queued: queued,
            duration_ms: figures.duration_ms as u64,
            feed_error,
        };
        tracing::info!(
            run = run_id,
            items = total,
            searches,
            releases_seen = summary.releases_seen,
            new_matches = summary.new_matches,
            errors = summary.errors,
            queued,
            duration_ms = summary.duration_ms,
            status = status.as_str(),
            "check finished"
        );
        for news in leftovers.news.into_iter().chain(announced.news) {
            self.events.send(Event::ItemNews {
                item_id: news.item_id,
                item_title: news.item_title,
                count: news.count,
                best_release: news.best_release,
            });
        }
        self.monitor.set_last_check(CheckFigures {
            finished_at: self.clock.now(),
            duration_ms: summary.duration_ms,
            feed_requests: feed_requests as u64,
            searches: searches as u64,
            errors: summary.errors as u64,
            new_matches: summary.new_matches as u64,
        });
        self.events.send(Event::CheckFinished {
            run_id,
            summary: summary.clone(),
        });
        match fatal {
            Some(e) => Err(CheckError::Prowlarr(e)),
            None if cancel.is_cancelled() => Err(CheckError::Cancelled),
            None => Ok(summary),
        }
    }
}

struct ItemContext {
    /// Prowlarr's indexers by name, for items whose filter names the indexers to search.
    indexer_names: Arc<IndexerNames>,
    monitor: Arc<Monitor>,
    empty_searches: Arc<AtomicUsize>,
    /// The check's time: when the item counts as searched.
    now: i64,
    store: Store,
    prowlarr: ProwlarrClient,
    events: Events,
    stop: CancellationToken,
    fatal: Arc<Mutex<Option<ProwlarrError>>>,
    done: Arc<AtomicUsize>,
    run_id: i64,
    total: usize,
}

#[derive(Default)]
struct ItemOutcome {
    releases_seen: usize,
    new_matches: usize,
    failed: bool,
}

impl ItemContext {
    /// Searches for one item while holding `permit` (the concurrency bound is on Prowlarr, so the permit is
    /// released as soon as the searches return), then matches and records the results.
    async fn check_item(
        &self,
        item: WatchlistItem,
        aliases: usize,
        permit: OwnedSemaphorePermit,
    ) -> Result<ItemOutcome, StoreError> {
        let result = tokio::select! {
            () = self.stop.cancelled() => return Ok(ItemOutcome::default()),
            r = self.search_item(&item, aliases) => r,
        };
        drop(permit);
        let outcome = match result {
            Ok(releases) => {
                if releases.is_empty() {
                    self.empty_searches.fetch_add(1, Ordering::Relaxed);
                }
                let recorded = self.record(&item, &releases).await;
                if recorded.is_ok() {
                    self.store.mark_searched(item.id, self.now).await?;
                }
                recorded
            }
            Err(e) => {
                let message = e.to_string();
                tracing::warn!(item = item.id, title = %item.title, error = %message, "search failed");
                self.events.send(Event::ItemFailed {
                    item_id: item.id,
                    item_title: item.title.clone(),
                    error: message.clone(),
                });
                let blocks_all = e.blocks_all_items();
                if blocks_all {
                    let mut fatal = self.fatal.lock().await;
                    if fatal.is_none() {
                        *fatal = Some(e);
                    }
                    self.stop.cancel();
                }
                if !blocks_all {
                    // Not retried before its next slot: Prowlarr answered, the item's search is what failed.
                    self.store.mark_searched(item.id, self.now).await?;
                }
                self.store
                    .record_item_error(item.id, &message)
                    .await
                    .map(|()| ItemOutcome {
                        failed: true,
                        ..Default::default()
                    })
            }
        };
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        self.events.send(Event::Progress {
            run_id: self.run_id,
            done,
            total: self.total,
        });
        outcome
    }

    /// The item's search, then one for each of its first `aliases` aliases (text-only indexers find a release
    /// only by the title it is listed under), one after the other; a release found twice is kept once. The
    /// first failure fails all.
    async fn search_item(
        &self,
        item: &WatchlistItem,
        aliases: usize,
    ) -> Result<Vec<Release>, ProwlarrError> {
        let indexer_ids = item.filters.search_indexer_ids_with(&self.indexer_names);
        let mut request = SearchRequest::for_item(item);
        request.indexer_ids.clone_from(&indexer_ids);
        let mut releases = self.timed_search(&request).await?;
        for alias in item.aliases.iter().take(aliases) {
            let mut request = SearchRequest::for_alias(item, alias);
            request.indexer_ids.clone_from(&indexer_ids);
            let found = self.timed_search(&request).await?;
            for r in found {
                if !releases
                    .iter()
                    .any(|seen| seen.indexer_id == r.indexer_id && seen.guid == r.guid)
                {
                    releases.push(r);
                }
            }
        }
        Ok(releases)
    }

    async fn timed_search(&self, request: &SearchRequest) -> Result<Vec<Release>, ProwlarrError> {
        let started = Instant::now();
        let result = self.prowlarr.search(request).await;
        self.monitor.record_latency(started.elapsed());
        result
    }

    async fn record(
        &self,
        item: &WatchlistItem,
        releases: &[Release],
    ) -> Result<ItemOutcome, StoreError> {
        let judge = matcher::ItemMatcher::new(item);
        let mut records = Vec::with_capacity(releases.len());
        let mut matched = Vec::new();
        for release in releases {
            let parsed = matcher::parse(&release.title);
            let verdict = judge.judge(&parsed, &info_of(release));
            if verdict.matches {
                matched.push(match_record(records.len(), &parsed, verdict));
            }
            records.push(record_of(release));
        }
        let recorded = self
            .store
            .record_search(item.id, Some(self.run_id), &records, &matched)
            .await?;
        for m in &recorded.new_matches {
            self.events.send(Event::ReleaseFound {
                item_id: item.id,
                item_title: item.title.clone(),
                release_title: m.release_title.clone(),
                indexer: m.indexer.clone().unwrap_or_default(),
            });
        }
        Ok(ItemOutcome {
            releases_seen: recorded.releases_seen,
            new_matches: recorded.new_matches.len(),
            failed: false,
        })
    }
}

/// What the item's filters may ask of a search result besides its name.
fn info_of(release: &Release) -> matcher::ReleaseInfo<'_> {
    matcher::ReleaseInfo {
        name: &release.title,
        size: release.size.filter(|&s| s > 0),
        seeders: release.seeders.filter(|&s| s >= 0),
        protocol: match release.protocol {
            Protocol::Torrent => Some(filters::Protocol::Torrent),
            Protocol::Usenet => Some(filters::Protocol::Usenet),
            Protocol::Unknown => None,
        },
        indexer_id: Some(release.indexer_id),
        indexer: release.indexer.as_deref(),
    }
}

fn record_of(release: &Release) -> ReleaseRecord {
    ReleaseRecord {
        indexer_id: release.indexer_id,
        guid: release.guid.clone(),
        title: release.title.chars().take(MAX_STORED_TITLE).collect(),
        release_key: matcher::release_key(&release.title),
        indexer: release.indexer.clone(),
        size: release.size.filter(|&s| s > 0),
        seeders: release.seeders.filter(|&s| s >= 0),
        protocol: release.protocol,
        published_at: release.publish_date.map(|d| d.timestamp()),
        info_url: http_only(release.info_url.as_deref()),
        poster_url: http_only(release.poster_url.as_deref()),
    }
}

/// Only http(s) links are kept: a `javascript:` or `file:` link from an indexer must never reach a message.
/// A link that carries a credential (`apikey=`, `passkey=`, a bot token; an indexer whose guid is its own
/// download link gives one as its info page) is dropped too: it would be stored, listed in the window and
/// offered to the browser, and a redacted link would not open anyway.
pub fn http_only(url: Option<&str>) -> Option<String> {
    let url = url?.trim();
    let parsed = url::Url::parse(url).ok()?;
    let url = parsed.to_string();
    let clean = crate::redact::scrub_known(&url) == url;
    (matches!(parsed.scheme(), "http" | "https") && clean).then_some(url)
}

/// What is recorded of a release that is of an item: its place in the results, its quality, the filter that
/// refused it if one did, the episode it is, and whether it is a REPACK or PROPER.
fn match_record(
    index: usize,
    parsed: &matcher::ParsedRelease,
    verdict: matcher::Verdict,
) -> MatchRecord {
    MatchRecord {
        index,
        quality: matcher::quality_score(parsed),
        rejected: (!verdict.accepted).then_some(verdict.reason),
        episode_key: verdict.episode,
        revision: if parsed.repack {
            Some("repack")
        } else if parsed.proper {
            Some("proper")
        } else {
            None
        },
    }
}
