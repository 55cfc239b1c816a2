//! One check of N items at concurrency C against the fake Prowlarr with a fixed latency.
//!
//! Prints the measured time against the ideal ceil(N/C)·latency, the most searches the fake saw in flight,
//! the requests made and the process's peak RSS (engine and fake share the process, so it is an upper bound
//! for the engine alone). See bench/README.md.

use std::time::{Duration, Instant};

use clap::Parser;
use nightwatcher_engine::events::Events;
use nightwatcher_engine::model::{ItemKind, ItemSpec};
use nightwatcher_engine::prowlarr::{ProwlarrClient, ProwlarrConfig};
use nightwatcher_engine::schedule::SearchMode;
use nightwatcher_engine::secrets::Secret;
use nightwatcher_engine::store::Store;
use nightwatcher_engine::watcher::Watcher;
use nightwatcher_testkit::prowlarr::{FakeProwlarr, ReleaseBuilder};
use tokio_util::sync::CancellationToken;

#[derive(Parser)]
struct Args {
    /// Watchlist items
    #[arg(long, default_value_t = 200)]
    items: usize,
    /// Concurrent searches
    #[arg(long, default_value_t = 5)]
    concurrency: usize,
    /// Latency of every search at the fake, in milliseconds
    #[arg(long, default_value_t = 100)]
    latency_ms: u64,
    /// Releases per item in the fake (each item's search returns its own)
    #[arg(long, default_value_t = 3)]
    releases_per_item: usize,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let dir = tempfile::tempdir()?;
    let store = Store::open(&dir.path().join("bench.db")).await?;
    let fake = FakeProwlarr::start("bench-key").await;
    let specs: Vec<_> = (0..args.items)
        .map(|i| ItemSpec {
            title: format!("Bench Movie {i}"),
            kind: Some(ItemKind::Movie),
            ..Default::default()
        })
        .map(|s| s.validate())
        .collect::<Result<_, _>>()?;
    store.import_items(&specs).await?;
    for i in 0..args.items {
        for r in 0..args.releases_per_item {
            fake.add_release(
                ReleaseBuilder::new(&format!(
                    "Bench.Movie.{i}.2024.{}p.WEB-DL.x264-GRP",
                    [720, 1080, 2160][r % 3]
                ))
                .guid(&format!("{i}-{r}"))
                .build_for(&fake),
            );
        }
    }
    fake.set_latency(Duration::from_millis(args.latency_ms));
    let client = ProwlarrClient::new(ProwlarrConfig::new(&fake.url(), Secret::new("bench-key"))?)?;
    let watcher = Watcher::new(
        store.clone(),
        client,
        Events::new(),
        args.concurrency,
        vec![],
    )
    // The bench measures one search per item under the semaphore.
    .with_mode(SearchMode::SearchAll);
    nightwatcher_engine::matcher::warm_up();

    let started = Instant::now();
    let summary = watcher.check(&CancellationToken::new()).await?;
    let measured = started.elapsed();
    let ideal =
        Duration::from_millis(args.latency_ms) * args.items.div_ceil(args.concurrency) as u32;
    println!(
        "items={} concurrency={} latency_ms={}",
        args.items, args.concurrency, args.latency_ms
    );
    println!(
        "measured_s={:.3} ideal_s={:.3} ratio={:.3}",
        measured.as_secs_f64(),
        ideal.as_secs_f64(),
        measured.as_secs_f64() / ideal.as_secs_f64()
    );
    println!(
        "max_in_flight={} search_requests={} requests={}",
        fake.max_in_flight(),
        fake.search_requests(),
        fake.requests()
    );
    println!(
        "releases_seen={} new_matches={} errors={}",
        summary.releases_seen, summary.new_matches, summary.errors
    );
    println!("peak_rss_mib={:.1}", peak_rss_kib()? as f64 / 1024.0);
    store.close().await;
    Ok(())
}

fn peak_rss_kib() -> anyhow::Result<u64> {
    let status = std::fs::read_to_string("/proc/self/status")?;
    let line = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .ok_or_else(|| anyhow::anyhow!("no VmHWM"))?;
    Ok(line.split_whitespace().nth(1).unwrap_or("0").parse()?)
}
