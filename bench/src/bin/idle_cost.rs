//! The daemon's memory over many checks and its CPU between checks: `nightwatcherd run` (a separate process,
//! so the figures are the daemon's alone) with 1,000 items against the fake Prowlarr and the fake Telegram,
//! both in this process.
//!
//! Compression: the settings refuse an interval under 1 min and a search period under 1 h, so the daemon runs
//! with `interval = 1m` (15× the default 15 min), `search_every = 1h` and `search_budget = 1000` (the most
//! allowed). Its first check therefore searches all 1,000 items by name (their first search: ten hours of the
//! default 100/h budget), and every later check is a feed poll, as in a real hour. While it runs, the fake
//! publishes releases (noise every few seconds, and now and then one of an item, which is notified through the
//! fake Telegram), so the feed, the matcher, the outbox and the delivery worker all do work.
//!
//! Phase 1 samples VmRSS (from /proc/PID/status) every 5 s for `--minutes`. Phase 2 sets `interval = 1h` in the
//! database (`nightwatcherd config set`), waits for the check that picks it up, then reads utime + stime from
//! /proc/PID/stat over `--idle-seconds`. With `--listen ADDR` the daemon also serves the web UI and API (a
//! password set, no client connected). See bench/README.md.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use chrono::Utc;
use clap::Parser;
use nightwatcher_testkit::prowlarr::{FakeProwlarr, ReleaseBuilder};
use nightwatcher_testkit::telegram::FakeTelegram;
use serde_json::json;

const API_KEY: &str = "idle-key";
const BOT_TOKEN: &str = "123456:IDLE-BENCH";
/// Clock ticks per second of /proc/PID/stat (`getconf CLK_TCK`, 100 on Linux x86-64 and arm64).
const CLK_TCK: f64 = 100.0;

#[derive(Parser)]
struct Args {
    /// The nightwatcherd binary (a release build)
    #[arg(long, default_value = "target/release/nightwatcherd")]
    daemon: PathBuf,
    #[arg(long, default_value_t = 1000)]
    items: usize,
    /// Length of phase 1 (checks every minute), in minutes
    #[arg(long, default_value_t = 8)]
    minutes: u64,
    /// Length of the idle CPU measurement
    #[arg(long, default_value_t = 60)]
    idle_seconds: u64,
    /// Also serve the web UI and API on this address (`run --listen`), with a password set: the daemon's
    /// cost with the web server on
    #[arg(long)]
    listen: Option<String>,
    /// The running daemon's RUST_LOG (its log goes to this program's stderr), e.g.
    /// `nightwatcher_engine::events=debug` to see what wakes it
    #[arg(long, default_value = "warn")]
    log: String,
}

struct Daemon {
    child: Child,
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn nightwatcherd(args: &Args, db: &Path, envs: &[(&str, String)]) -> Command {
    let mut cmd = Command::new(&args.daemon);
    cmd.arg("--db").arg(db);
    for (k, v) in envs {
        cmd.env(k, v);
    }
    cmd
}

fn run_ok(mut cmd: Command) -> anyhow::Result<()> {
    let out = cmd.output().context("could not run nightwatcherd")?;
    if !out.status.success() {
        bail!(
            "nightwatcherd failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(())
}

fn status_field(pid: u32, field: &str) -> anyhow::Result<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    let line = status
        .lines()
        .find(|l| l.starts_with(field))
        .with_context(|| format!("no {field} in /proc/{pid}/status"))?;
    Ok(line.split_whitespace().nth(1).unwrap_or("0").parse()?)
}

/// utime + stime in clock ticks.
fn cpu_ticks(pid: u32) -> anyhow::Result<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))?;
    let after = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest)
        .context("bad /proc/PID/stat")?;
    let fields: Vec<&str> = after.split_whitespace().collect();
    // After the command name: state is field 3 of stat(5), utime 14 and stime 15.
    let utime: u64 = fields.get(11).context("no utime")?.parse()?;
    let stime: u64 = fields.get(12).context("no stime")?.parse()?;
    Ok(utime + stime)
}

fn mib(kib: u64) -> f64 {
    (kib as f64 / 1024.0 * 10.0).round() / 10.0
}

fn release_title(i: usize) -> String {
    format!("Idle.Bench.Movie.{i}.2025.1080p.WEB-DL.DDP5.1.H.264-NEWGRP")
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("idle.db");
    let prowlarr = FakeProwlarr::start(API_KEY).await;
    let telegram = FakeTelegram::start(BOT_TOKEN).await;
    telegram.allow_any_chat();
    // Every item has an older release out, found by its first search.
    prowlarr.add_releases((0..args.items).map(|i| {
        ReleaseBuilder::new(&format!(
            "Idle.Bench.Movie.{i}.2025.720p.WEB-DL.x264-OLDGRP"
        ))
        .guid(&format!("old-{i}"))
        .published(Utc::now() - chrono::Duration::days(3))
        .build_for(&prowlarr)
    }));

    let items: Vec<_> = (0..args.items)
        .map(|i| json!({"title": format!("Idle Bench Movie {i}"), "kind": "movie", "year": 2025}))
        .collect();
    let items_file = dir.path().join("items.json");
    std::fs::write(&items_file, serde_json::to_string(&items)?)?;
    let envs = [
        ("NIGHTWATCHER_PROWLARR_API_KEY", API_KEY.to_owned()),
        ("NIGHTWATCHER_TELEGRAM_BOT_TOKEN", BOT_TOKEN.to_owned()),
        ("RUST_LOG", "warn".to_owned()),
    ];
    let mut import = nightwatcherd(&args, &db, &envs);
    import.args(["watchlist", "import"]).arg(&items_file);
    run_ok(import)?;
    for (key, value) in [
        ("prowlarr_url", prowlarr.url()),
        ("telegram_api_url", telegram.api_url()),
        ("telegram_chat_id", "4242".to_owned()),
        ("interval", "1m".to_owned()),
        ("search_every", "1h".to_owned()),
        ("search_budget", "1000".to_owned()),
    ] {
        let mut set = nightwatcherd(&args, &db, &envs);
        set.args(["config", "set", key, &value]);
        run_ok(set)?;
    }

    let mut run = nightwatcherd(&args, &db, &envs);
    run.arg("run");
    if let Some(listen) = &args.listen {
        let mut password = nightwatcherd(&args, &db, &envs);
        password
            .args(["web", "password"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null());
        let mut child = password
            .spawn()
            .context("could not run nightwatcherd web password")?;
        if let Some(mut stdin) = child.stdin.take() {
            use std::io::Write;
            stdin.write_all(b"idle-bench-password\n")?;
        }
        if !child.wait()?.success() {
            bail!("nightwatcherd web password failed");
        }
        run.args(["--listen", listen]);
    }
    run.env("RUST_LOG", &args.log).stdout(Stdio::null());
    let daemon = Daemon {
        child: run.spawn().context("could not start nightwatcherd run")?,
    };
    let pid = daemon.child.id();
    let started = Instant::now();
    let phase1 = Duration::from_secs(args.minutes * 60);
    let mut samples = Vec::new();
    let mut next_release = 0;
    let mut noise = 0;
    let mut tick = 0u64;
    while started.elapsed() < phase1 {
        // About 30 noise releases a minute, and an item's new release every 20 s.
        for _ in 0..3 {
            noise += 1;
            prowlarr.add_release(
                ReleaseBuilder::new(&format!(
                    "Noise.Channel.{noise:06}.S01E01.720p.HDTV.x264-NOISE"
                ))
                .guid(&format!("noise-{noise}"))
                .build_for(&prowlarr),
            );
        }
        if tick.is_multiple_of(4) {
            prowlarr.add_release(
                ReleaseBuilder::new(&release_title(next_release))
                    .guid(&format!("new-{next_release}"))
                    .build_for(&prowlarr),
            );
            next_release += 1;
        }
        tick += 1;
        tokio::time::sleep(Duration::from_secs(5)).await;
        let rss = status_field(pid, "VmRSS:")?;
        samples.push((started.elapsed().as_secs(), rss));
        eprintln!(
            "t={:>4}s rss={:.1} MiB feed_requests={} searches={} telegram_messages={}",
            started.elapsed().as_secs(),
            mib(rss),
            prowlarr.feed_requests(),
            prowlarr.search_requests() - prowlarr.feed_requests(),
            telegram.messages().len()
        );
    }
    let hwm = status_field(pid, "VmHWM:")?;
    let threads = status_field(pid, "Threads:")?;
    let feed_before = prowlarr.feed_requests();
    let mut set = nightwatcherd(&args, &db, &envs);
    set.args(["config", "set", "interval", "1h"]);
    run_ok(set)?;
    // The next check (within a minute) reads the new interval; then the daemon sleeps for an hour.
    let waited = Instant::now();
    while prowlarr.feed_requests() == feed_before {
        if waited.elapsed() > Duration::from_secs(120) {
            bail!("the daemon made no check in 2 min");
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    tokio::time::sleep(Duration::from_secs(5)).await;
    let requests_before = prowlarr.requests();
    let cpu_start = cpu_ticks(pid)?;
    let idle_started = Instant::now();
    tokio::time::sleep(Duration::from_secs(args.idle_seconds)).await;
    let cpu_ticks_idle = cpu_ticks(pid)? - cpu_start;
    let idle_wall = idle_started.elapsed().as_secs_f64();
    let rss_end = status_field(pid, "VmRSS:")?;
    let total_cpu = cpu_ticks(pid)? as f64 / CLK_TCK;

    let quarter = samples.len() / 4;
    let last_quarter: Vec<u64> = samples[samples.len() - quarter.max(1)..]
        .iter()
        .map(|s| s.1)
        .collect();
    let after_first_check: Vec<u64> = samples.iter().filter(|s| s.0 >= 90).map(|s| s.1).collect();
    let summary = json!({
        "items": args.items,
        "phase1_minutes": args.minutes,
        "checks_phase1": feed_before,
        "item_searches": prowlarr.search_requests() - prowlarr.feed_requests(),
        "telegram_messages": telegram.messages().len(),
        "rss_mib": {
            "after_first_check_min": after_first_check.iter().min().map(|&k| mib(k)),
            "after_first_check_max": after_first_check.iter().max().map(|&k| mib(k)),
            "last_quarter_min": last_quarter.iter().min().map(|&k| mib(k)),
            "last_quarter_max": last_quarter.iter().max().map(|&k| mib(k)),
            "end_of_phase1": samples.last().map(|s| mib(s.1)),
            "peak_hwm": mib(hwm),
            "after_idle": mib(rss_end),
        },
        "threads": threads,
        "idle": {
            "seconds": (idle_wall * 10.0).round() / 10.0,
            "cpu_ticks": cpu_ticks_idle,
            "cpu_percent_of_a_core": (cpu_ticks_idle as f64 / CLK_TCK / idle_wall * 100.0 * 1000.0).round() / 1000.0,
            "prowlarr_requests": prowlarr.requests() - requests_before,
        },
        "total_cpu_s": total_cpu,
        "samples": samples.iter().map(|(t, k)| json!([t, mib(*k)])).collect::<Vec<_>>(),
    });
    println!("{}", serde_json::to_string_pretty(&summary)?);
    drop(daemon);
    Ok(())
}
