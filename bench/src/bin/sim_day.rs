//! A simulated day against the fake Prowlarr: feed mode against search-all mode.
//!
//! Time is simulated, not compressed: the watcher runs on a [`ManualClock`] and the bench calls
//! [`Watcher::check`] at every simulated check time, after adding to the fake every release whose simulated
//! publication time has come (with that `publishDate`, so the feed's cursors and paging see what they would
//! see live). Everything the engine decides by time (the per-item search slots, the hourly budget, the feed
//! cursors) reads that clock, and the engine only looks for releases at checks, so the figures are the ones a
//! real day would give; a day takes as long as its checks take to run.
//!
//! The scenario, from a seed: N items (a quarter of them series), 200 of them with older releases already out;
//! K items without any release get their first one at a random second of the day, on one of three indexers;
//! unrelated "noise" releases keep the feed moving (20–40 per check interval, some in categories the watchlist
//! does not ask for), and one interval holds a burst of 450 more on one indexer with three of the K inside it,
//! so that poll has to page back several pages to its cursor. A warm-up (6 h by default) before the day lets
//! feed mode give every item its first search within the hourly budget; only the day is measured.
//!
//! Detection latency is from a release's publication to the check that queued its notification
//! ([`Event::ItemNews`]). See bench/README.md.

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

use anyhow::Context;
use chrono::{DateTime, Utc};
use clap::{Parser, ValueEnum};
use nightwatcher_engine::channel::ChannelId;
use nightwatcher_engine::events::{Event, Events};
use nightwatcher_engine::model::{ItemKind, ItemSpec};
use nightwatcher_engine::prowlarr::{ProwlarrClient, ProwlarrConfig};
use nightwatcher_engine::schedule::{ManualClock, SearchMode, SearchSchedule};
use nightwatcher_engine::secrets::Secret;
use nightwatcher_engine::store::Store;
use nightwatcher_engine::watcher::Watcher;
use nightwatcher_testkit::prowlarr::{FakeProwlarr, ReleaseBuilder};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use serde_json::json;
use tokio::sync::broadcast::error::RecvError;
use tokio_util::sync::CancellationToken;

const API_KEY: &str = "sim-key";
/// 2026-11-02T00:00:00Z: the start of the simulated day.
const DAY_START: i64 = 1_793_577_600;
const DAY: i64 = 86_400;
const INDEXERS: [(i64, &str); 3] = [(1, "AlphaTorrents"), (2, "BetaTracker"), (3, "GammaNZB")];
const ADJECTIVES: [&str; 30] = [
    "Silent",
    "Crimson",
    "Hollow",
    "Golden",
    "Broken",
    "Northern",
    "Distant",
    "Burning",
    "Frozen",
    "Hidden",
    "Last",
    "Lonely",
    "Midnight",
    "Painted",
    "Quiet",
    "Restless",
    "Savage",
    "Shattered",
    "Velvet",
    "Wandering",
    "Ashen",
    "Bitter",
    "Cobalt",
    "Electric",
    "Feral",
    "Gentle",
    "Iron",
    "Lucky",
    "Narrow",
    "Scarlet",
];
const NOUNS: [&str; 30] = [
    "Harbor",
    "Garden",
    "Empire",
    "Signal",
    "Orchard",
    "Frontier",
    "Lantern",
    "Meridian",
    "Archive",
    "Canyon",
    "Citadel",
    "Delta",
    "Echo",
    "Foundry",
    "Glacier",
    "Horizon",
    "Island",
    "Junction",
    "Kingdom",
    "Labyrinth",
    "Mirror",
    "Nomad",
    "Outpost",
    "Pilgrim",
    "Quarry",
    "Reservoir",
    "Summit",
    "Tide",
    "Valley",
    "Warden",
];

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum ModeArg {
    Feed,
    SearchAll,
    Both,
}

#[derive(Parser)]
struct Args {
    /// Watchlist items
    #[arg(long, default_value_t = 500)]
    items: usize,
    /// Items that get a new release during the day
    #[arg(long, default_value_t = 100)]
    new_releases: usize,
    #[arg(long, default_value_t = 42)]
    seed: u64,
    #[arg(long, value_enum, default_value_t = ModeArg::Both)]
    mode: ModeArg,
    /// Minutes between checks
    #[arg(long, default_value_t = 15)]
    interval_min: i64,
    /// Simulated hours before the measured day (feed mode needs 5 h to give 500 items their first search)
    #[arg(long, default_value_t = 6)]
    warmup_hours: i64,
    /// Extra noise releases on one indexer in one interval (0: no burst)
    #[arg(long, default_value_t = 450)]
    burst: usize,
    /// Concurrent item searches
    #[arg(long, default_value_t = 5)]
    concurrency: usize,
}

struct Scenario {
    items: Vec<ItemSpec>,
    /// Releases already out before the simulation starts.
    old: Vec<Planned>,
    /// (index into `items`, the release): the releases to detect.
    targets: Vec<(usize, Planned)>,
    noise: Vec<Planned>,
    burst_interval: Option<(i64, i64)>,
}

#[derive(Clone)]
struct Planned {
    title: String,
    guid: String,
    indexer: usize,
    category: i64,
    at: i64,
}

fn scenario(args: &Args) -> anyhow::Result<Scenario> {
    let mut rng = StdRng::seed_from_u64(args.seed);
    let mut names: Vec<(usize, usize)> = (0..ADJECTIVES.len())
        .flat_map(|a| (0..NOUNS.len()).map(move |n| (a, n)))
        .collect();
    anyhow::ensure!(args.items <= names.len(), "at most {} items", names.len());
    names.shuffle(&mut rng);
    let items: Vec<ItemSpec> = names[..args.items]
        .iter()
        .enumerate()
        .map(|(i, &(a, n))| {
            let series = i % 4 == 0;
            ItemSpec {
                title: format!("{} {}", ADJECTIVES[a], NOUNS[n]),
                kind: Some(if series {
                    ItemKind::Series
                } else {
                    ItemKind::Movie
                }),
                year: (!series).then(|| rng.random_range(1995..=2026)),
                ..Default::default()
            }
        })
        .collect();
    let release_name = |item: &ItemSpec, quality: &str, group: &str, episode: i64| {
        let dotted = item.title.replace(' ', ".");
        match item.year {
            Some(y) => format!("{dotted}.{y}.{quality}.WEB-DL.DDP5.1.H.264-{group}"),
            None => format!("{dotted}.S01E{episode:02}.{quality}.WEB-DL.DDP5.1.H.264-{group}"),
        }
    };
    let category = |item: &ItemSpec| if item.year.is_some() { 2040 } else { 5040 };
    let mut order: Vec<usize> = (0..args.items).collect();
    order.shuffle(&mut rng);
    anyhow::ensure!(
        args.new_releases + 200 <= args.items,
        "need 200 items with old releases besides the new ones"
    );
    let (with_new, rest) = order.split_at(args.new_releases);
    let mut old = Vec::new();
    for (n, &i) in rest[..200].iter().enumerate() {
        for k in 0..rng.random_range(1..=2) {
            let days = rng.random_range(2..30);
            old.push(Planned {
                title: release_name(&items[i], ["720p", "1080p"][k], "OLDGRP", 1 + k as i64),
                guid: format!("old-{n}-{k}"),
                indexer: rng.random_range(0..INDEXERS.len()),
                category: category(&items[i]),
                at: DAY_START - days * DAY - args.warmup_hours * 3600,
            });
        }
    }
    let interval = args.interval_min * 60;
    let burst_interval = (args.burst > 0).then(|| {
        let start = DAY_START + 13 * 3600 + interval;
        (start, start + interval)
    });
    let mut targets = Vec::new();
    for (n, &i) in with_new.iter().enumerate() {
        // Three of them are published inside the burst, so they sit on the burst poll's later pages.
        let at = match burst_interval {
            Some((from, _)) if n < 3 => from + 60 + 200 * n as i64,
            _ => DAY_START + rng.random_range(1..=DAY),
        };
        let quality = ["1080p", "2160p", "720p"][rng.random_range(0..3)];
        targets.push((
            i,
            Planned {
                title: release_name(&items[i], quality, "NEWGRP", 1),
                guid: format!("new-{n}"),
                indexer: if n < 3 {
                    1
                } else {
                    rng.random_range(0..INDEXERS.len())
                },
                category: category(&items[i]),
                at,
            },
        ));
    }
    let mut noise = Vec::new();
    let mut start = DAY_START - args.warmup_hours * 3600;
    let mut n = 0;
    while start < DAY_START + DAY {
        let count = rng.random_range(20..=40);
        let extra = match burst_interval {
            Some((from, _)) if from == start => args.burst,
            _ => 0,
        };
        for k in 0..count + extra {
            n += 1;
            let bursting = k >= count;
            noise.push(Planned {
                title: format!(
                    "Noise.Channel.{n:06}.S0{}E{:02}.720p.HDTV.x264-NOISE",
                    rng.random_range(1..=9),
                    rng.random_range(1..=24)
                ),
                guid: format!("noise-{n}"),
                indexer: if bursting {
                    1
                } else {
                    rng.random_range(0..INDEXERS.len())
                },
                // One in ten is music: outside the watchlist's categories, so the feed does not return it.
                category: if rng.random_range(0..10) == 0 {
                    3010
                } else {
                    5040
                },
                at: start + rng.random_range(1..=interval),
            });
        }
        start += interval;
    }
    Ok(Scenario {
        items,
        old,
        targets,
        noise,
        burst_interval,
    })
}

fn date(at: i64) -> anyhow::Result<DateTime<Utc>> {
    DateTime::from_timestamp(at, 0).context("simulated time out of range")
}

fn build(fake: &FakeProwlarr, p: &Planned) -> anyhow::Result<serde_json::Value> {
    let (id, name) = INDEXERS[p.indexer];
    Ok(ReleaseBuilder::new(&p.title)
        .guid(&p.guid)
        .indexer(id, name)
        .categories(&[p.category])
        .published(date(p.at)?)
        .build_for(fake))
}

#[derive(Default)]
struct DayFigures {
    checks: usize,
    feed_requests: u64,
    item_searches: u64,
    other_requests: u64,
    max_pages_one_poll: usize,
    latencies: Vec<i64>,
    missed: Vec<String>,
    unexpected: Vec<String>,
    lagged: u64,
    wall: Duration,
    warmup_item_searches: u64,
    warmup_feed_requests: u64,
}

async fn simulate(args: &Args, s: &Scenario, mode: SearchMode) -> anyhow::Result<DayFigures> {
    let dir = tempfile::tempdir()?;
    let store = Store::open(&dir.path().join("sim.db")).await?;
    let valid = s
        .items
        .iter()
        .map(ItemSpec::validate)
        .collect::<Result<Vec<_>, _>>()?;
    let ids = store.import_items(&valid).await?;
    let fake = FakeProwlarr::start(API_KEY).await;
    for p in &s.old {
        fake.add_release(build(&fake, p)?);
    }
    let mut pending: Vec<&Planned> = s
        .noise
        .iter()
        .chain(s.targets.iter().map(|(_, p)| p))
        .collect();
    pending.sort_by_key(|p| std::cmp::Reverse(p.at));
    let target_of: HashMap<i64, &Planned> = s.targets.iter().map(|(i, p)| (ids[*i], p)).collect();

    let clock = ManualClock::at(DAY_START - args.warmup_hours * 3600);
    let events = Events::new();
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let mut subscription = events.subscribe();
    let forwarder = tokio::spawn(async move {
        let mut lagged = 0;
        loop {
            match subscription.recv().await {
                Ok(e) => {
                    if tx.send(e).is_err() {
                        break;
                    }
                }
                Err(RecvError::Lagged(n)) => lagged += n,
                Err(RecvError::Closed) => break,
            }
        }
        lagged
    });
    let client = ProwlarrClient::new(ProwlarrConfig::new(&fake.url(), Secret::new(API_KEY))?)?;
    let watcher = Watcher::new(
        store.clone(),
        client,
        events.clone(),
        args.concurrency,
        vec![ChannelId::Telegram],
    )
    .with_mode(mode)
    .with_schedule(SearchSchedule::default())
    .with_clock(std::sync::Arc::new(clock.clone()));

    let mut figures = DayFigures::default();
    let mut notified: BTreeMap<i64, i64> = BTreeMap::new();
    let interval = args.interval_min * 60;
    let started = Instant::now();
    let mut at_day_start = (0, 0, 0);
    let mut t = DAY_START - args.warmup_hours * 3600;
    while t <= DAY_START + DAY {
        if t > DAY_START && at_day_start == (0, 0, 0) {
            at_day_start = (
                fake.requests(),
                fake.search_requests(),
                fake.feed_requests(),
            );
        }
        let mut arriving = Vec::new();
        while pending.last().is_some_and(|p| p.at <= t) {
            if let Some(p) = pending.pop() {
                arriving.push(build(&fake, p)?);
            }
        }
        fake.add_releases(arriving);
        clock.set(t);
        let summary = watcher.check(&CancellationToken::new()).await?;
        loop {
            match rx.recv().await {
                Some(Event::CheckFinished { run_id, .. }) if run_id == summary.run_id => break,
                Some(Event::ItemNews {
                    item_id,
                    best_release,
                    ..
                }) if t > DAY_START => match target_of.get(&item_id) {
                    Some(p) if !notified.contains_key(&item_id) => {
                        notified.insert(item_id, t - p.at);
                    }
                    _ => figures
                        .unexpected
                        .push(format!("item {item_id}: {best_release}")),
                },
                Some(_) => {}
                None => anyhow::bail!("the event forwarder stopped"),
            }
        }
        if t > DAY_START {
            figures.checks += 1;
            figures.max_pages_one_poll = figures.max_pages_one_poll.max(summary.feed_requests);
        }
        t += interval;
    }
    figures.wall = started.elapsed();
    let (requests, searches, feed) = at_day_start;
    figures.feed_requests = fake.feed_requests() - feed;
    figures.item_searches = fake.search_requests() - searches - figures.feed_requests;
    figures.other_requests = fake.requests() - requests - (fake.search_requests() - searches);
    figures.warmup_feed_requests = feed;
    figures.warmup_item_searches = searches - feed;
    for (i, p) in &s.targets {
        match notified.get(&ids[*i]) {
            Some(&latency) => figures.latencies.push(latency),
            None => figures.missed.push(p.title.clone()),
        }
    }
    figures.latencies.sort_unstable();
    drop(watcher);
    drop(events);
    figures.lagged = forwarder.await.unwrap_or(0);
    store.close().await;
    Ok(figures)
}

fn report(mode: SearchMode, f: &DayFigures) -> serde_json::Value {
    let median = f.latencies.get(f.latencies.len() / 2).copied();
    json!({
        "mode": mode.as_str(),
        "checks": f.checks,
        "prowlarr_requests": f.feed_requests + f.item_searches,
        "feed_pages": f.feed_requests,
        "item_searches": f.item_searches,
        "other_requests": f.other_requests,
        "max_feed_pages_in_one_poll": f.max_pages_one_poll,
        "detected": f.latencies.len(),
        "missed": f.missed.len(),
        "missed_titles": f.missed,
        "unexpected_notifications": f.unexpected,
        "latency_s": {
            "median": median,
            "max": f.latencies.last(),
            "min": f.latencies.first(),
        },
        "warmup": {"feed_pages": f.warmup_feed_requests, "item_searches": f.warmup_item_searches},
        "events_lost": f.lagged,
        "wall_s": (f.wall.as_secs_f64() * 10.0).round() / 10.0,
    })
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let s = scenario(&args)?;
    nightwatcher_engine::matcher::warm_up();
    let modes: &[SearchMode] = match args.mode {
        ModeArg::Feed => &[SearchMode::Feed],
        ModeArg::SearchAll => &[SearchMode::SearchAll],
        ModeArg::Both => &[SearchMode::Feed, SearchMode::SearchAll],
    };
    let mut results = Vec::new();
    for &mode in modes {
        let f = simulate(&args, &s, mode).await?;
        let r = report(mode, &f);
        eprintln!("{}", serde_json::to_string(&r)?);
        results.push((mode, f, r));
    }
    let requests = |m: SearchMode| {
        results
            .iter()
            .find(|(mode, _, _)| *mode == m)
            .map(|(_, f, _)| f.feed_requests + f.item_searches)
    };
    let ratio = match (requests(SearchMode::SearchAll), requests(SearchMode::Feed)) {
        (Some(all), Some(feed)) if feed > 0 => Some(all as f64 / feed as f64),
        _ => None,
    };
    let summary = json!({
        "scenario": {
            "items": args.items,
            "new_releases": s.targets.len(),
            "noise_releases": s.noise.len(),
            "old_releases": s.old.len(),
            "burst": args.burst,
            "burst_interval_utc": s.burst_interval.map(|(a, b)| (date(a).ok(), date(b).ok())),
            "interval_min": args.interval_min,
            "warmup_hours": args.warmup_hours,
            "seed": args.seed,
        },
        "runs": results.iter().map(|(_, _, r)| r.clone()).collect::<Vec<_>>(),
        "search_all_over_feed_requests": ratio.map(|r| (r * 100.0).round() / 100.0),
    });
    println!("{}", serde_json::to_string_pretty(&summary)?);
    Ok(())
}
