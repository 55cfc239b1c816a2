//! Tap → grab: how long after a tap on a Telegram Grab button the release reaches Prowlarr, over `--taps`
//! taps on as many found releases. The service (its bot poller long-polling the fake Bot API), the fake
//! Telegram and the fake Prowlarr (with a qBittorrent client) run in this process; each tap is a callback
//! query pushed into the fake, which answers the poller's waiting `getUpdates` at once, as Telegram does.
//!
//! Measured per tap: until the fake answered `answerCallbackQuery` (the spinner on the button ends) and until
//! the fake Prowlarr accepted the grab. Taps are sequential, as a person's are. See bench/README.md.

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use clap::Parser;
use nightwatcher_engine::events::Events;
use nightwatcher_engine::model::{ItemKind, ItemSpec};
use nightwatcher_engine::secrets::{MemoryStore, Secret, SecretName, SecretStore};
use nightwatcher_engine::service::{Service, ServiceOptions};
use nightwatcher_engine::settings::{self, SettingKey};
use nightwatcher_engine::store::Store;
use nightwatcher_testkit::prowlarr::{FakeProwlarr, ReleaseBuilder, download_client};
use nightwatcher_testkit::telegram::FakeTelegram;

const KEY: &str = "bench-prowlarr-key-0123456";
const TOKEN: &str = "123456:BENCH-taps";
const CHAT: i64 = 4242;
const USER: i64 = 7;

#[derive(Parser)]
struct Args {
    #[arg(long, default_value_t = 100)]
    taps: usize,
}

/// Waits (polling every 0.2 ms) until `done` holds; fails after 30 s.
async fn until(what: &str, done: impl Fn() -> bool) -> anyhow::Result<()> {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !done() {
        if Instant::now() > deadline {
            bail!("timed out waiting for {what}");
        }
        tokio::time::sleep(Duration::from_micros(200)).await;
    }
    Ok(())
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let dir = tempfile::tempdir()?;
    let store = Store::open(&dir.path().join("bench.db")).await?;
    let prowlarr = FakeProwlarr::start(KEY).await;
    let telegram = FakeTelegram::start(TOKEN).await;
    telegram.allow_chat(CHAT);
    prowlarr.add_download_client(download_client(
        1,
        "qBittorrent",
        "QBittorrent",
        "torrent",
        true,
    ));
    for i in 0..args.taps {
        let title = format!("Bench Film {i}");
        let spec = ItemSpec {
            title: title.clone(),
            kind: Some(ItemKind::Movie),
            year: Some(2001),
            ..ItemSpec::default()
        };
        store
            .add_item(&spec.validate().map_err(|e| anyhow::anyhow!("{e}"))?)
            .await?;
        let release = format!("{}.2001.1080p.BluRay.x264-GRP", title.replace(' ', "."));
        prowlarr.add_release(ReleaseBuilder::new(&release).build_for(&prowlarr));
    }
    for (key, value) in [
        (SettingKey::ProwlarrUrl, prowlarr.url()),
        (SettingKey::TelegramApiUrl, telegram.api_url()),
        (SettingKey::TelegramChatId, CHAT.to_string()),
    ] {
        settings::set(&store, key, &value).await?;
    }
    let secrets = Arc::new(MemoryStore::default());
    secrets.set(SecretName::ProwlarrApiKey, &Secret::new(KEY))?;
    secrets.set(SecretName::TelegramBotToken, &Secret::new(TOKEN))?;
    let options = ServiceOptions {
        first_check_after: Duration::ZERO,
        ..ServiceOptions::default()
    };
    let service = Service::start_with(store.clone(), secrets, Events::new(), options).await;
    until("the first check's message", || {
        !telegram.messages().is_empty()
    })
    .await?;
    let message = telegram.messages()[0].message_id;
    let found = store.found_releases(None, args.taps as i64 + 10).await?;
    if found.len() != args.taps {
        bail!("found {} releases, expected {}", found.len(), args.taps);
    }

    let mut answered = Vec::new();
    let mut grabbed = Vec::new();
    for (i, release) in found.iter().enumerate() {
        let start = Instant::now();
        let data = format!("g:{}", release.match_id);
        telegram.push_callback_query(message, USER, &data);
        until("the tap's answer", || telegram.callback_answers().len() > i).await?;
        answered.push(start.elapsed().as_secs_f64() * 1000.0);
        until("the grab", || prowlarr.grabs().len() > i).await?;
        grabbed.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    service.shutdown().await;
    let grabs = prowlarr.grabs().len();
    if grabs != args.taps {
        bail!("{grabs} grabs for {} taps", args.taps);
    }
    for list in [&mut answered, &mut grabbed] {
        list.sort_by(f64::total_cmp);
    }
    let figures = serde_json::json!({
        "taps": args.taps,
        "grabs": grabs,
        "answered_ms": {"p50": percentile(&answered, 50.0), "p99": percentile(&answered, 99.0)},
        "grabbed_ms": {"p50": percentile(&grabbed, 50.0), "p99": percentile(&grabbed, 99.0), "max": grabbed.last()},
    });
    println!(
        "{}",
        serde_json::to_string_pretty(&figures).context("figures")?
    );
    Ok(())
}
