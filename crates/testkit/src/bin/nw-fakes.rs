//! `nw-fakes`: runs the fake Prowlarr and the fake Telegram Bot API on fixed ports for demos and benchmarks.
//!
//! With `--demo` it seeds a few realistic releases, so a newcomer who points the daemon at it sees
//! notifications, and it prints every message the "bot" was asked to send, which is the whole demo.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, bail};
use chrono::Utc;
use clap::Parser;
use nightwatcher_testkit::prowlarr::{FakeProwlarr, ReleaseBuilder};
use nightwatcher_testkit::telegram::FakeTelegram;
use serde_json::Value;

const DEFAULT_API_KEY: &str = "nightwatcher-demo-key";
const DEFAULT_BOT_TOKEN: &str = "123456789:NIGHTWATCHER-DEMO-TOKEN";

/// Fake Prowlarr and fake Telegram Bot API servers for demos and benchmarks.
#[derive(Parser, Debug)]
#[command(name = "nw-fakes", version)]
struct Args {
    /// Port of the fake Prowlarr.
    #[arg(long, default_value_t = 9696)]
    prowlarr_port: u16,
    /// Port of the fake Telegram Bot API.
    #[arg(long, default_value_t = 8081)]
    telegram_port: u16,
    /// Address both fakes listen on.
    #[arg(long, default_value = "127.0.0.1")]
    bind: IpAddr,
    /// API key the fake Prowlarr accepts.
    #[arg(long, default_value = DEFAULT_API_KEY, hide_default_value = true)]
    api_key: String,
    /// Bot token the fake Telegram accepts.
    #[arg(long, default_value = DEFAULT_BOT_TOKEN, hide_default_value = true)]
    bot_token: String,
    /// Chat the bot may write to; without it every integer chat is allowed.
    #[arg(long, allow_negative_numbers = true)]
    chat_id: Option<i64>,
    /// Delay of every Prowlarr search, in milliseconds.
    #[arg(long, default_value_t = 0)]
    latency_ms: u64,
    /// JSON file holding an array of ReleaseResource objects to serve.
    #[arg(long)]
    releases: Option<PathBuf>,
    /// Seed a handful of realistic movie and episode releases.
    #[arg(long)]
    demo: bool,
}

fn demo_releases(fake: &FakeProwlarr) -> Vec<Value> {
    let now = Utc::now();
    let hours = |h: i64| now - chrono::Duration::hours(h);
    vec![
        ReleaseBuilder::new("Dune.Part.Two.2024.2160p.WEB-DL.DDP5.1.Atmos.H.265-FLUX")
            .indexer(1, "FakeIndexer")
            .categories(&[2045])
            .size(24 * 1024 * 1024 * 1024)
            .seeders(412)
            .imdb_id(15_239_678)
            .published(hours(3))
            .poster_url("https://image.tmdb.org/t/p/w500/1pdfLvkbY9ohJlCjQH2CZjjYVvJ.jpg")
            .build_for(fake),
        ReleaseBuilder::new("Dune.Part.Two.2024.1080p.BluRay.x264-SPARKS")
            .indexer(2, "FakeUsenet")
            .usenet()
            .categories(&[2040])
            .size(14 * 1024 * 1024 * 1024)
            .imdb_id(15_239_678)
            .published(hours(30))
            .build_for(fake),
        ReleaseBuilder::new("Oppenheimer.2023.1080p.BluRay.DDP5.1.x264-ZoroSenpai")
            .indexer(1, "FakeIndexer")
            .categories(&[2040])
            .size(12 * 1024 * 1024 * 1024)
            .seeders(128)
            .imdb_id(15_398_776)
            .published(hours(50))
            .build_for(fake),
        ReleaseBuilder::new("Severance.S02E01.1080p.ATVP.WEB-DL.DDP5.1.H.264-NTb")
            .indexer(1, "FakeIndexer")
            .categories(&[5040])
            .size(3 * 1024 * 1024 * 1024)
            .seeders(256)
            .imdb_id(11_280_740)
            .tvdb_id(371_980)
            .published(hours(1))
            .build_for(fake),
        ReleaseBuilder::new("Severance.S02E02.1080p.ATVP.WEB-DL.DDP5.1.H.264-NTb")
            .indexer(2, "FakeUsenet")
            .usenet()
            .categories(&[5040])
            .size(3 * 1024 * 1024 * 1024)
            .imdb_id(11_280_740)
            .tvdb_id(371_980)
            .published(hours(2))
            .build_for(fake),
        ReleaseBuilder::new(
            "The.Last.of.Us.S02E03.2160p.MAX.WEB-DL.DDP5.1.Atmos.DV.HDR.H.265-FLUX",
        )
        .indexer(1, "FakeIndexer")
        .categories(&[5045])
        .size(9 * 1024 * 1024 * 1024)
        .seeders(301)
        .imdb_id(3_581_920)
        .tvdb_id(392_256)
        .published(hours(6))
        .build_for(fake),
    ]
}

fn load_releases(path: &PathBuf) -> anyhow::Result<Vec<Value>> {
    let raw = std::fs::read_to_string(path)
        .with_context(|| format!("could not read the releases file {}", path.display()))?;
    let value: Value = serde_json::from_str(&raw).with_context(|| {
        format!(
            "the releases file {} is not valid JSON; it must be an array of ReleaseResource objects",
            path.display()
        )
    })?;
    match value {
        Value::Array(items) => Ok(items),
        _ => bail!(
            "the releases file {} must hold a JSON array of ReleaseResource objects",
            path.display()
        ),
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .init();
    let args = Args::parse();

    let prowlarr = FakeProwlarr::start_on(
        SocketAddr::new(args.bind, args.prowlarr_port),
        &args.api_key,
    )
    .await
    .with_context(|| {
        format!(
            "could not start the fake Prowlarr on port {}; pick another with --prowlarr-port",
            args.prowlarr_port
        )
    })?;
    let telegram = FakeTelegram::start_on(
        SocketAddr::new(args.bind, args.telegram_port),
        &args.bot_token,
    )
    .await
    .with_context(|| {
        format!(
            "could not start the fake Telegram on port {}; pick another with --telegram-port",
            args.telegram_port
        )
    })?;

    prowlarr.set_latency(Duration::from_millis(args.latency_ms));
    if let Some(path) = &args.releases {
        let releases = load_releases(path)?;
        println!("loaded {} releases from {}", releases.len(), path.display());
        prowlarr.add_releases(releases);
    }
    if args.demo {
        let releases = demo_releases(&prowlarr);
        println!("seeded {} demo releases", releases.len());
        prowlarr.add_releases(releases);
    }
    match args.chat_id {
        Some(id) => telegram.allow_chat(id),
        None => telegram.allow_any_chat(),
    }

    // The defaults are public demo values, so showing them helps; a key the user chose is not echoed.
    let key_note = if args.api_key == DEFAULT_API_KEY {
        format!("api key {DEFAULT_API_KEY}")
    } else {
        "api key from --api-key".to_string()
    };
    let token_note = if args.bot_token == DEFAULT_BOT_TOKEN {
        format!("bot token {DEFAULT_BOT_TOKEN}")
    } else {
        "bot token from --bot-token".to_string()
    };
    println!("fake Prowlarr listening on {} ({key_note})", prowlarr.url());
    println!(
        "fake Telegram listening on {} ({token_note})",
        telegram.api_url()
    );

    let mut feed = telegram.subscribe();
    let printer = tokio::spawn(async move {
        loop {
            match feed.recv().await {
                Ok(m) => {
                    let photo = m
                        .photo
                        .as_deref()
                        .map(|p| format!(" [photo {p}]"))
                        .unwrap_or_default();
                    println!(
                        "telegram {} to chat {}{photo}:\n{}\n",
                        m.method, m.chat_id, m.plain
                    );
                }
                Err(tokio::sync::broadcast::error::RecvError::Lagged(n)) => {
                    println!("({n} telegram messages not shown: too many at once)");
                }
                Err(tokio::sync::broadcast::error::RecvError::Closed) => break,
            }
        }
    });

    tokio::signal::ctrl_c()
        .await
        .context("could not listen for Ctrl-C")?;
    println!("stopping");
    prowlarr.shutdown();
    telegram.shutdown();
    printer.abort();
    Ok(())
}
