//! Release → Telegram message, feed mode: how long after a new release of a watched item appears in the
//! Prowlarr feed its Telegram message arrives, when a check runs at once ("Check now"), over `--releases`
//! releases. The service (default settings: feed mode, its scheduler and delivery worker), the fake Telegram and
//! the fake Prowlarr run in this process; the watchlist holds `--items` movies and the feed a full page of
//! unrelated releases, so every poll parses and matches a real page against a real list.
//!
//! Per release: it is added to the fake's feed, [`Service::check_now`] is called, and the time is taken until
//! the check that found it finished (its notification in the outbox, [`Event::CheckFinished`]) and until the
//! fake Telegram accepted the message naming it. One release at a time, each at least `--gap-ms` after the
//! previous message, so the delivery's per-chat spacing (`DeliveryConfig::min_interval`, 1.1 s, left at its
//! default) never delays one. Not in the figures: the wait for the next scheduled check (up to the `interval`
//! setting; printed as arithmetic) and Telegram's own round trip. See bench/README.md.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use chrono::{TimeDelta, Utc};
use clap::Parser;
use nightwatcher_engine::events::{Event, Events};
use nightwatcher_engine::model::{ItemKind, ItemSpec};
use nightwatcher_engine::secrets::{MemoryStore, Secret, SecretName, SecretStore};
use nightwatcher_engine::service::{Service, ServiceOptions};
use nightwatcher_engine::settings::{self, SettingKey, Settings};
use nightwatcher_engine::store::Store;
use nightwatcher_testkit::prowlarr::{FakeProwlarr, ReleaseBuilder};
use nightwatcher_testkit::telegram::FakeTelegram;
use tokio::sync::broadcast::error::RecvError;

const KEY: &str = "bench-prowlarr-key-0123456";
const TOKEN: &str = "123456:BENCH-feed";
const CHAT: i64 = 4242;

#[derive(Parser)]
struct Args {
    /// New releases measured, one at a time (at most `--items`: each is a different item's first news).
    #[arg(long, default_value_t = 50)]
    releases: usize,
    /// Movies on the watchlist.
    #[arg(long, default_value_t = 100)]
    items: usize,
    /// Unrelated releases already in the feed (Prowlarr's feed page is 100 per indexer).
    #[arg(long, default_value_t = 100)]
    filler: usize,
    /// Least wait between one release's message and adding the next release, in ms.
    #[arg(long, default_value_t = 1500)]
    gap_ms: u64,
}

/// The end of each check seen: when the bench heard of it and the check's own duration.
type Finished = Arc<Mutex<Vec<(Instant, u64)>>>;

fn finished_len(finished: &Finished) -> usize {
    finished.lock().map_or(0, |f| f.len())
}

/// Waits (polling every 0.5 ms) until `done` holds; fails after 30 s.
async fn until(what: &str, done: impl Fn() -> bool) -> anyhow::Result<()> {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !done() {
        if Instant::now() > deadline {
            bail!("timed out waiting for {what}");
        }
        tokio::time::sleep(Duration::from_micros(500)).await;
    }
    Ok(())
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn figures(mut list: Vec<f64>) -> serde_json::Value {
    list.sort_by(f64::total_cmp);
    let round = |x: f64| (x * 10.0).round() / 10.0;
    serde_json::json!({
        "p50": round(percentile(&list, 50.0)),
        "p99": round(percentile(&list, 99.0)),
        "max": list.last().copied().map(round),
    })
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    if args.releases == 0 || args.releases > args.items {
        bail!("--releases must be from 1 to --items ({})", args.items);
    }
    let dir = tempfile::tempdir()?;
    let store = Store::open(&dir.path().join("bench.db")).await?;
    let prowlarr = FakeProwlarr::start(KEY).await;
    let telegram = FakeTelegram::start(TOKEN).await;
    telegram.allow_chat(CHAT);
    for i in 0..args.items {
        let spec = ItemSpec {
            title: format!("Bench Film {i}"),
            kind: Some(ItemKind::Movie),
            year: Some(2001),
            ..ItemSpec::default()
        };
        store
            .add_item(&spec.validate().map_err(|e| anyhow::anyhow!("{e}"))?)
            .await?;
    }
    // Older than anything the bench adds, so the feed's newest-first page always ends in them.
    let hour_ago = Utc::now() - TimeDelta::hours(1);
    prowlarr.add_releases((0..args.filler).map(|k| {
        let title = format!("Filler.Movie.{k}.2019.1080p.WEB-DL.x264-NOISE");
        ReleaseBuilder::new(&title)
            .published(hour_ago - TimeDelta::seconds(k as i64 * 30))
            .build_for(&prowlarr)
    }));
    for (key, value) in [
        (SettingKey::ProwlarrUrl, prowlarr.url()),
        (SettingKey::TelegramApiUrl, telegram.api_url()),
        (SettingKey::TelegramChatId, CHAT.to_string()),
    ] {
        settings::set(&store, key, &value).await?;
    }
    let interval = Settings::load(&store).await?.interval;
    let secrets = Arc::new(MemoryStore::default());
    secrets.set(SecretName::ProwlarrApiKey, &Secret::new(KEY))?;
    secrets.set(SecretName::TelegramBotToken, &Secret::new(TOKEN))?;

    let events = Events::new();
    let mut rx = events.subscribe();
    let finished: Finished = Arc::default();
    let log = finished.clone();
    tokio::spawn(async move {
        loop {
            match rx.recv().await {
                Ok(Event::CheckFinished { summary, .. }) => {
                    if let Ok(mut l) = log.lock() {
                        l.push((Instant::now(), summary.duration_ms));
                    }
                }
                Ok(_) | Err(RecvError::Lagged(_)) => {}
                Err(RecvError::Closed) => break,
            }
        }
    });
    let options = ServiceOptions {
        first_check_after: Duration::ZERO,
        ..ServiceOptions::default()
    };
    let service = Service::start_with(store.clone(), secrets, events, options).await;
    // The first check searches every item by name (their first search) and reads the feed's first page.
    until("the first check", || finished_len(&finished) > 0).await?;

    let mut queued = Vec::new();
    let mut delivered = Vec::new();
    let mut sending = Vec::new();
    let mut check = Vec::new();
    for i in 0..args.releases {
        let title = format!("Bench.Film.{i}.2001.1080p.BluRay.x264-GRP");
        let before = telegram.messages().len();
        let checks = finished_len(&finished);
        let start = Instant::now();
        prowlarr.add_release(ReleaseBuilder::new(&title).build_for(&prowlarr));
        service.check_now();
        let got = telegram
            .wait_for_messages(before + 1, Duration::from_secs(30))
            .await;
        let at = start.elapsed().as_secs_f64() * 1000.0;
        match got.get(before) {
            Some(m) if m.plain.contains(&title) => {}
            Some(m) => bail!("release {i}: the message does not name it: {:?}", m.plain),
            None => bail!("release {i}: no message within 30 s"),
        }
        until("the check's end", || finished_len(&finished) > checks).await?;
        let (end, duration_ms) = finished.lock().map_err(|_| anyhow::anyhow!("poisoned"))?[checks];
        let to_queue = end.duration_since(start).as_secs_f64() * 1000.0;
        queued.push(to_queue);
        delivered.push(at);
        sending.push(at - to_queue);
        check.push(duration_ms as f64);
        tokio::time::sleep(Duration::from_millis(args.gap_ms)).await;
    }
    service.shutdown().await;
    let messages = telegram.messages().len();
    if messages != args.releases {
        bail!("{messages} messages for {} releases", args.releases);
    }
    let mean_ms = delivered.iter().sum::<f64>() / delivered.len() as f64;
    let max_ms = delivered.iter().copied().fold(0.0, f64::max);
    let figures = serde_json::json!({
        "releases": args.releases,
        "items": args.items,
        "filler": args.filler,
        "checks": finished_len(&finished),
        "prowlarr_feed_requests": prowlarr.feed_requests(),
        "telegram_messages": messages,
        "added_to_message_ms": figures(delivered),
        "added_to_check_end_ms": figures(queued),
        "check_end_to_message_ms": figures(sending),
        "check_duration_ms": figures(check),
        "interval_s": interval.as_secs(),
        "wall_clock_mean_s": interval.as_secs_f64() / 2.0 + mean_ms / 1000.0,
        "wall_clock_max_s": interval.as_secs_f64() + max_ms / 1000.0,
    });
    println!(
        "{}",
        serde_json::to_string_pretty(&figures).context("figures")?
    );
    Ok(())
}
