//! The watcher: one check over the watchlist, and the loop that runs a check every interval.
//!
//! A check searches Prowlarr for every enabled item, at most `concurrency` searches at a time (a semaphore:
//! Prowlarr fans each search out to every indexer, and indexers ban clients that burst). Each item's results
//! are matched and recorded in their own transaction as soon as they arrive, so a long check keeps its progress
//! and memory stays flat. One item failing does not stop the others, but an error that no item can get past
//! (wrong API key, Prowlarr unreachable) stops the check at once instead of failing every item the same way.
//! At the end, the matches owed a notification are composed into the outbox ([`crate::notify::announce`]).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tokio::sync::{Mutex, OwnedSemaphorePermit, Semaphore};
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use crate::events::{Event, Events};
use crate::filters;
use crate::matcher;
use crate::model::WatchlistItem;
use crate::notify;
use crate::prowlarr::{Protocol, ProwlarrClient, ProwlarrError, Release, SearchRequest};
use crate::store::{MatchRecord, ReleaseRecord, RunFigures, Store, StoreError};

/// Longest release title stored; longer ones are cut (and the matcher caps what it parses).
const MAX_STORED_TITLE: usize = 1000;

/// The figures of one check.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct CheckSummary {
    pub run_id: i64,
    pub items: usize,
    pub searches: usize,
    pub releases_seen: usize,
    pub new_matches: usize,
    pub errors: usize,
    pub notifications_queued: usize,
    pub duration_ms: u64,
}

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
    channels: Vec<&'static str>,
    grace: Duration,
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
        channels: Vec<&'static str>,
    ) -> Self {
        Watcher {
            store,
            prowlarr,
            events,
            concurrency: concurrency.max(1),
            channels,
            grace: DEFAULT_GRACE,
        }
    }

    pub fn with_grace(mut self, grace: Duration) -> Self {
        self.grace = grace;
        self
    }

    /// Runs one check over every enabled item. Cancelling `cancel` starts no new search; searches already
    /// running get the grace period to finish and be recorded, then are abandoned.
    pub async fn check(&self, cancel: &CancellationToken) -> Result<CheckSummary, CheckError> {
        let started = Instant::now();
        // Matches left unannounced by an interrupted earlier check are owed first.
        let leftovers = notify::announce(&self.store, &self.channels).await?;
        let items = self.store.enabled_items().await?;
        let run_id = self.store.start_run().await?;
        let total = items.len();
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
        let fatal: Arc<Mutex<Option<ProwlarrError>>> = Arc::default();
        let mut tasks = JoinSet::new();
        let mut searches = 0;
        for item in items {
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
            searches += 1;
            let ctx = ItemContext {
                store: self.store.clone(),
                prowlarr: self.prowlarr.clone(),
                events: self.events.clone(),
                stop: stop.clone(),
                fatal: fatal.clone(),
                done: done.clone(),
                run_id,
                total,
            };
            tasks.spawn(async move { ctx.check_item(item, permit).await });
        }

        let mut figures = RunFigures {
            items: total as i64,
            searches: searches as i64,
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

        let announced = notify::announce(&self.store, &self.channels).await?;
        let queued = leftovers.queued + announced.queued;
        figures.notifications_queued = queued as i64;
        figures.duration_ms = started.elapsed().as_millis() as i64;
        let fatal = fatal.lock().await.take();
        let (status, error) = match (&fatal, cancel.is_cancelled()) {
            (Some(e), _) => ("failed", Some(e.to_string())),
            (None, true) => ("cancelled", Some("cancelled".to_owned())),
            (None, false) => ("ok", None),
        };
        self.store
            .finish_run(run_id, status, &figures, error.as_deref())
            .await?;
        let summary = CheckSummary {
            run_id,
            items: total,
            searches,
            releases_seen: figures.releases_seen as usize,
            new_matches: figures.new_matches as usize,
            errors: figures.errors as usize,
            notifications_queued: queued,
            duration_ms: figures.duration_ms as u64,
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
            status,
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
        permit: OwnedSemaphorePermit,
    ) -> Result<ItemOutcome, StoreError> {
        let result = tokio::select! {
            () = self.stop.cancelled() => return Ok(ItemOutcome::default()),
            r = self.search_item(&item) => r,
        };
        drop(permit);
        let outcome = match result {
            Ok(releases) => self.record(&item, &releases).await,
            Err(e) => {
                let message = e.to_string();
                tracing::warn!(item = item.id, title = %item.title, error = %message, "search failed");
                self.events.send(Event::ItemFailed {
                    item_id: item.id,
                    item_title: item.title.clone(),
                    error: message.clone(),
                });
                if e.blocks_all_items() {
                    let mut fatal = self.fatal.lock().await;
                    if fatal.is_none() {
                        *fatal = Some(e);
                    }
                    self.stop.cancel();
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

    /// The item's search, then one per alias (text-only indexers find a release only by the title it is
    /// listed under), one after the other; a release found twice is kept once. The first failure fails all.
    async fn search_item(&self, item: &WatchlistItem) -> Result<Vec<Release>, ProwlarrError> {
        let mut releases = self.prowlarr.search(&SearchRequest::for_item(item)).await?;
        for alias in &item.aliases {
            let found = self
                .prowlarr
                .search(&SearchRequest::for_alias(item, alias))
                .await?;
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
                matched.push(MatchRecord {
                    index: records.len(),
                    quality: matcher::quality_score(&parsed),
                    rejected: (!verdict.accepted).then_some(verdict.reason),
                    episode_key: verdict.episode,
                    revision: if parsed.repack {
                        Some("repack")
                    } else if parsed.proper {
                        Some("proper")
                    } else {
                        None
                    },
                });
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
        protocol: release.protocol.as_str().to_owned(),
        published_at: release.publish_date.map(|d| d.timestamp()),
        info_url: http_only(release.info_url.as_deref()),
        poster_url: http_only(release.poster_url.as_deref()),
    }
}

/// Only http(s) links are kept: a `javascript:` or `file:` link from an indexer must never reach a message.
pub fn http_only(url: Option<&str>) -> Option<String> {
    let url = url?.trim();
    let parsed = url::Url::parse(url).ok()?;
    matches!(parsed.scheme(), "http" | "https").then(|| parsed.to_string())
}
