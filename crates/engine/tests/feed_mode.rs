//! Feed mode against the fake Prowlarr: one latest-releases poll per check, local matching, item searches only
//! when due and within the budget, paging back to the cursor, and Prowlarr's health read after an empty feed.
//! Time is a `ManualClock`: nothing here sleeps.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use nightwatcher_engine::events::Events;
use nightwatcher_engine::model::{ItemKind, ItemSpec};
use nightwatcher_engine::monitor::Monitor;
use nightwatcher_engine::prowlarr::{ProwlarrClient, ProwlarrConfig, RetryPolicy};
use nightwatcher_engine::schedule::{Clock, ManualClock, SearchSchedule, latest_slot};
use nightwatcher_engine::secrets::Secret;
use nightwatcher_engine::store::Store;
use nightwatcher_engine::watcher::Watcher;
use nightwatcher_testkit::prowlarr::{FakeProwlarr, ReleaseBuilder};
use tokio_util::sync::CancellationToken;

const KEY: &str = "prowlarr-key-0123456789";

struct Harness {
    _dir: tempfile::TempDir,
    store: Store,
    prowlarr: FakeProwlarr,
    clock: ManualClock,
    monitor: Arc<Monitor>,
}

/// A start time with no search slot of the tests' items (ids 1 to 5) in the hour after it, so checks 15 minutes
/// apart search only the items a test expects, whatever the time of day it runs at (each item's slot is its
/// own offset in the 6-hour period).
fn quiet_start() -> i64 {
    let every = Duration::from_secs(6 * 3600);
    let mut t = Utc::now().timestamp();
    while (1..=5).any(|id| latest_slot(id, every, t + 3600) > t) {
        t += 60;
    }
    t
}

impl Harness {
    async fn new() -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("nw.db")).await.unwrap();
        Harness {
            _dir: dir,
            store,
            prowlarr: FakeProwlarr::start(KEY).await,
            clock: ManualClock::at(quiet_start()),
            monitor: Arc::new(Monitor::new()),
        }
    }

    async fn add(&self, title: &str) {
        self.add_with_aliases(title, &[]).await;
    }

    async fn add_with_aliases(&self, title: &str, aliases: &[&str]) {
        let spec = ItemSpec {
            title: title.into(),
            kind: Some(ItemKind::Movie),
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            ..Default::default()
        };
        self.store
            .add_item(&spec.validate().unwrap())
            .await
            .unwrap();
    }

    fn watcher(&self, budget_per_hour: u32) -> Watcher {
        self.watcher_on(&self.store, budget_per_hour)
    }

    /// A watcher on `store`: another handle on the same file stands for another process (or a restart).
    fn watcher_on(&self, store: &Store, budget_per_hour: u32) -> Watcher {
        let mut config = ProwlarrConfig::new(&self.prowlarr.url(), Secret::new(KEY)).unwrap();
        config.retry = RetryPolicy::none();
        Watcher::new(
            store.clone(),
            ProwlarrClient::new(config).unwrap(),
            Events::new(),
            2,
            vec![],
        )
        .with_clock(Arc::new(self.clock.clone()))
        .with_schedule(SearchSchedule {
            every: Duration::from_secs(6 * 3600),
            budget_per_hour,
        })
        .with_monitor(self.monitor.clone())
    }

    /// Searches by name the fake answered (its search count includes the feed's empty-query requests).
    fn item_searches(&self) -> u64 {
        self.prowlarr.search_requests() - self.prowlarr.feed_requests()
    }

    fn noise(&self, n: usize, tag: &str) {
        let now = Utc::now();
        self.prowlarr.add_releases((0..n).map(|i| {
            ReleaseBuilder::new(&format!("Unrelated.Show.{tag}.S01E{i:02}.720p-NOISE"))
                .guid(&format!("{tag}-{i}"))
                .categories(&[2040])
                .published(now - chrono::Duration::seconds(i as i64))
                .build()
        }));
    }
}

#[tokio::test]
async fn a_check_reads_the_feed_once_and_searches_only_the_items_due() {
    let h = Harness::new().await;
    for t in ["Heat", "Ronin", "Alien"] {
        h.add(t).await;
    }
    h.noise(5, "a");
    let first = h
        .watcher(100)
        .check(&CancellationToken::new())
        .await
        .unwrap();
    assert_eq!(
        (first.feed_requests, first.searches),
        (1, 3),
        "search on add"
    );
    assert_eq!(h.prowlarr.feed_requests(), 1);

    h.clock.advance(Duration::from_secs(900));
    let second = h
        .watcher(100)
        .check(&CancellationToken::new())
        .await
        .unwrap();
    assert_eq!((second.feed_requests, second.searches), (1, 0));

    // A new release appears in the feed: found without searching for the item.
    h.prowlarr.add_release(
        ReleaseBuilder::new("Heat.1995.1080p.BluRay.x264-GRP")
            .guid("heat")
            .published(Utc::now() + chrono::Duration::seconds(5))
            .build(),
    );
    h.clock.advance(Duration::from_secs(900));
    let third = h
        .watcher(100)
        .check(&CancellationToken::new())
        .await
        .unwrap();
    assert_eq!((third.searches, third.new_matches), (0, 1));
    assert_eq!(h.prowlarr.search_requests(), 3 + 3);

    // After its six hours, each item is searched once again.
    h.clock.advance(Duration::from_secs(6 * 3600));
    let later = h
        .watcher(100)
        .check(&CancellationToken::new())
        .await
        .unwrap();
    assert_eq!(later.searches, 3);
}

#[tokio::test]
async fn the_hourly_budget_holds_across_checks() {
    let h = Harness::new().await;
    for i in 0..5 {
        h.add(&format!("Movie Number {i}")).await;
    }
    h.noise(1, "b");
    let first = h.watcher(2).check(&CancellationToken::new()).await.unwrap();
    assert_eq!(first.searches, 2);
    h.clock.advance(Duration::from_secs(900));
    let second = h.watcher(2).check(&CancellationToken::new()).await.unwrap();
    assert_eq!(second.searches, 0, "two searches already made this hour");
    h.clock.advance(Duration::from_secs(3600));
    let third = h.watcher(2).check(&CancellationToken::new()).await.unwrap();
    assert_eq!(third.searches, 2);
}

#[tokio::test]
async fn the_hourly_budget_holds_across_restarts_and_processes() {
    let h = Harness::new().await;
    for i in 0..6 {
        h.add(&format!("Movie Number {i}")).await;
    }
    h.noise(1, "c");
    let first = h.watcher(2).check(&CancellationToken::new()).await.unwrap();
    assert_eq!(first.searches, 2);

    // The tray app and `nightwatcherd` on one file, or a restarted daemon: the same hour's budget.
    let other = Store::open(&h._dir.path().join("nw.db")).await.unwrap();
    assert_eq!(other.searches_last_hour(h.clock.now()).await.unwrap(), 2);
    h.clock.advance(Duration::from_secs(60));
    let second = h
        .watcher_on(&other, 2)
        .check(&CancellationToken::new())
        .await
        .unwrap();
    assert_eq!(
        second.searches, 0,
        "the hour's two searches were made by the other"
    );
    assert_eq!(h.item_searches(), 2);

    // Both checking at once: between them, never more than the budget.
    h.clock.advance(Duration::from_secs(3600));
    let (a, b) = tokio::join!(
        async { h.watcher(3).check(&CancellationToken::new()).await.unwrap() },
        async {
            h.watcher_on(&other, 3)
                .check(&CancellationToken::new())
                .await
                .unwrap()
        },
    );
    assert_eq!(
        a.searches + b.searches,
        3,
        "{} + {}",
        a.searches,
        b.searches
    );
    assert_eq!(h.item_searches(), 2 + 3);
}

#[tokio::test]
async fn an_item_with_more_titles_than_the_budget_searches_what_the_budget_allows_and_holds_up_nothing()
 {
    let h = Harness::new().await;
    h.add_with_aliases(
        "Le Prestige",
        &["The Prestige", "Prestige", "El Truco Final"],
    )
    .await;
    h.add("Heat").await;
    h.noise(1, "d");
    let first = h.watcher(2).check(&CancellationToken::new()).await.unwrap();
    assert_eq!(
        first.searches, 2,
        "its title and first alias: the hour's budget"
    );
    assert_eq!(h.item_searches(), 2);
    h.clock.advance(Duration::from_secs(3600));
    let second = h.watcher(2).check(&CancellationToken::new()).await.unwrap();
    assert_eq!(
        second.searches, 1,
        "the next item is searched in the next hour"
    );
    assert_eq!(h.item_searches(), 3);
}

#[tokio::test]
async fn the_feed_pages_back_until_it_reaches_the_last_release_seen() {
    let h = Harness::new().await;
    h.add("Heat").await;
    h.noise(10, "old");
    h.watcher(100)
        .check(&CancellationToken::new())
        .await
        .unwrap();
    let before = h.prowlarr.feed_requests();
    // 250 newer releases, the one we want among the oldest of them.
    let now = Utc::now() + chrono::Duration::seconds(60);
    h.prowlarr.add_release(
        ReleaseBuilder::new("Heat.1995.2160p.WEB-DL-GRP")
            .guid("heat-new")
            .published(now)
            .build(),
    );
    h.prowlarr.add_releases((0..250).map(|i| {
        ReleaseBuilder::new(&format!("Other.Thing.{i}.720p-NOISE"))
            .guid(&format!("new-{i}"))
            .published(now + chrono::Duration::seconds(i + 1))
            .build()
    }));
    h.clock.advance(Duration::from_secs(900));
    let summary = h
        .watcher(100)
        .check(&CancellationToken::new())
        .await
        .unwrap();
    assert_eq!(summary.feed_requests, 3);
    assert_eq!(h.prowlarr.feed_requests() - before, 3);
    assert_eq!(summary.new_matches, 1);
}

#[tokio::test]
async fn an_empty_feed_reads_prowlarr_health_and_says_how_many_indexers_are_disabled() {
    let h = Harness::new().await;
    h.add("Heat").await;
    h.prowlarr.add_indexer(2, "Second");
    h.prowlarr.add_indexer(3, "Third");
    // Disabled for an hour from the check's own time (the test's clock may run hours ahead of the wall clock).
    let until = chrono::DateTime::from_timestamp(h.clock.now() + 3600, 0).unwrap();
    h.prowlarr.block_indexer(2, until);
    h.watcher(100)
        .check(&CancellationToken::new())
        .await
        .unwrap();
    let health = h.monitor.indexers().expect("health read");
    assert_eq!((health.total, health.disabled), (3, 1));
    assert!(
        health
            .message
            .unwrap()
            .starts_with("1 of 3 indexers disabled by Prowlarr")
    );
    assert!(h.monitor.latency().samples >= 2);
}
