//! The web API under load: `nightwatcherd run --listen` (a separate process) with 1,000 items, and `wrk`
//! (Debian's package) holding 200 connections open for 30 s against `GET /api/v1/items` and then
//! `GET /api/v1/status`, authenticated with an API key. Prints each endpoint's requests/s, latency p50/p99
//! and errors (non-2xx answers, socket errors); then the daemon's RSS a minute after the load, idle with the
//! web server on. The daemon's own checks run against the fake Prowlarr in this process, as in idle_cost.
//! See bench/README.md.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use anyhow::{Context, bail};
use clap::Parser;
use nightwatcher_testkit::prowlarr::FakeProwlarr;
use serde_json::json;

const API_KEY: &str = "web-load-key";

#[derive(Parser)]
struct Args {
    /// The nightwatcherd binary (a release build)
    #[arg(long, default_value = "target/release/nightwatcherd")]
    daemon: PathBuf,
    #[arg(long, default_value_t = 1000)]
    items: usize,
    #[arg(long, default_value_t = 200)]
    connections: u32,
    #[arg(long, default_value_t = 30)]
    seconds: u64,
    /// Idle time after the load before the RSS is read
    #[arg(long, default_value_t = 60)]
    settle_seconds: u64,
    /// The daemon's RUST_LOG (its log goes to this program's stderr); `nightwatcher_engine::fresh=trace`
    /// shows how long each re-read of a kept answer takes
    #[arg(long, default_value = "warn")]
    log: String,
}

struct Daemon(Child);

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn nightwatcherd(args: &Args, db: &Path) -> Command {
    let mut cmd = Command::new(&args.daemon);
    cmd.arg("--db")
        .arg(db)
        .env("NIGHTWATCHER_PROWLARR_API_KEY", API_KEY)
        .env("RUST_LOG", &args.log);
    cmd
}

fn output(mut cmd: Command, stdin: Option<&str>) -> anyhow::Result<String> {
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    })
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = cmd.spawn().context("could not run nightwatcherd")?;
    if let (Some(text), Some(mut input)) = (stdin, child.stdin.take()) {
        input.write_all(text.as_bytes())?;
    }
    let out = child.wait_with_output()?;
    if !out.status.success() {
        bail!(
            "nightwatcherd failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// One wrk run's figures, read from its `--latency` report.
#[derive(Debug)]
struct Load {
    requests_per_s: f64,
    p50_ms: f64,
    p99_ms: f64,
    requests: u64,
    errors: u64,
}

fn wrk(args: &Args, url: &str, key: &str) -> anyhow::Result<Load> {
    let out = Command::new("wrk")
        .args([
            "-t2",
            &format!("-c{}", args.connections),
            &format!("-d{}s", args.seconds),
        ])
        .args([
            "--latency",
            "--timeout",
            "10s",
            "-H",
            &format!("X-Api-Key: {key}"),
            url,
        ])
        .output()
        .context("wrk is not installed: apt-get install wrk")?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    eprintln!("{text}");
    let number_after = |label: &str| -> Option<f64> {
        let line = text.lines().find(|l| l.trim_start().starts_with(label))?;
        line.trim_start()[label.len()..]
            .split_whitespace()
            .next()?
            .parse()
            .ok()
    };
    let millis = |label: &str| -> Option<f64> {
        let line = text.lines().find(|l| l.trim_start().starts_with(label))?;
        let value = line.split_whitespace().nth(1)?;
        let (number, scale) = if let Some(v) = value.strip_suffix("us") {
            (v, 0.001)
        } else if let Some(v) = value.strip_suffix("ms") {
            (v, 1.0)
        } else if let Some(v) = value.strip_suffix('s') {
            (v, 1000.0)
        } else {
            (value, 1.0)
        };
        Some(number.parse::<f64>().ok()? * scale)
    };
    let requests = text
        .lines()
        .find(|l| l.contains("requests in"))
        .and_then(|l| l.split_whitespace().next()?.parse().ok())
        .unwrap_or(0);
    let mut errors = number_after("Non-2xx or 3xx responses:").unwrap_or(0.0) as u64;
    if let Some(line) = text.lines().find(|l| l.contains("Socket errors:")) {
        errors += line
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse::<u64>().ok())
            .sum::<u64>();
    }
    Ok(Load {
        requests_per_s: number_after("Requests/sec:").context("no Requests/sec in wrk's report")?,
        p50_ms: millis("50%").context("no 50% latency")?,
        p99_ms: millis("99%").context("no 99% latency")?,
        requests,
        errors,
    })
}

fn rss_mib(pid: u32) -> anyhow::Result<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    let kib: f64 = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        .context("no VmRSS")?;
    Ok(kib / 1024.0)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("nightwatcher.db");
    let prowlarr = FakeProwlarr::start(API_KEY).await;
    let items: Vec<_> = (0..args.items)
        .map(|i| json!({"title": format!("Load Test Film {i}"), "kind": "movie", "year": 2000 + (i % 25)}))
        .collect();
    let items_file = dir.path().join("items.json");
    std::fs::write(&items_file, serde_json::to_string(&items)?)?;
    let mut import = nightwatcherd(&args, &db);
    import.args(["watchlist", "import"]).arg(&items_file);
    output(import, None)?;
    let mut set = nightwatcherd(&args, &db);
    set.args(["config", "set", "prowlarr_url", &prowlarr.url()]);
    output(set, None)?;
    let mut new_key = nightwatcherd(&args, &db);
    new_key.args(["web", "api-key", "--new"]);
    let key = output(new_key, None)?
        .split_whitespace()
        .find(|w| w.len() == 64 && w.chars().all(|c| c.is_ascii_hexdigit()))
        .context("no API key printed")?
        .to_owned();

    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let mut run = nightwatcherd(&args, &db);
    run.args(["run", "--listen", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::null())
        .stderr(Stdio::inherit());
    let daemon = Daemon(run.spawn().context("could not start nightwatcherd run")?);
    let pid = daemon.0.id();
    let base = format!("http://127.0.0.1:{port}/api/v1");
    let http = reqwest::Client::new();
    for _ in 0..100 {
        if http.get(format!("{base}/health")).send().await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let listed = http
        .get(format!("{base}/items"))
        .header("X-Api-Key", &key)
        .send()
        .await?
        .json::<serde_json::Value>()
        .await?;
    let count = listed.as_array().map_or(0, Vec::len);
    if count != args.items {
        bail!("the server lists {count} items, not {}", args.items);
    }
    let rss_before = rss_mib(pid)?;

    println!("| endpoint | requests/s | p50 | p99 | requests | errors |");
    println!("|---|---|---|---|---|---|");
    for path in ["items", "status"] {
        let load = wrk(&args, &format!("{base}/{path}"), &key)?;
        println!(
            "| GET /api/v1/{path} | {:.0} | {:.1} ms | {:.1} ms | {} | {} |",
            load.requests_per_s, load.p50_ms, load.p99_ms, load.requests, load.errors
        );
    }
    let rss_after_load = rss_mib(pid)?;
    tokio::time::sleep(Duration::from_secs(args.settle_seconds)).await;
    let rss_idle = rss_mib(pid)?;
    println!(
        "daemon RSS: {rss_before:.1} MiB before the load, {rss_after_load:.1} MiB right after, {rss_idle:.1} MiB after {} s idle ({} items, {} connections for {} s an endpoint)",
        args.settle_seconds, args.items, args.connections, args.seconds
    );
    drop(daemon);
    Ok(())
}
