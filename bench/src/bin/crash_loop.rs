//! Crash consistency: `kill -9` the daemon at random moments during checks and deliveries, again and again, and
//! count what was lost or sent twice.
//!
//! `crash_loop --daemon target/release/nightwatcherd [--runs 50] [--seed 7]` keeps the fake Prowlarr and fake
//! Telegram in this process and a watchlist of one movie per run (two per run with `--per-run 2`). Before each
//! run, new releases of items that have none yet appear on the indexers; then `nightwatcherd run` starts and is
//! killed with SIGKILL after a random delay (0.2–8 s: before its first check, during it, while it records, or
//! between Telegram sends, which are spaced 1.1 s apart). After the last run a clean
//! `nightwatcherd check --deliver-for 60` drains what is owed. Then:
//! - **lost**: releases that reached no Telegram message (the target is zero);
//! - **duplicated**: releases announced in more than one message, and the most messages any release got (at
//!   most two allowed: a kill between Telegram's answer and the outbox update repeats one message);
//! - the outbox has nothing pending or failed (`nightwatcherd status --json`), and `PRAGMA integrity_check` on
//!   the database file is `ok`.
//!
//! Each release is the only one of its item, so every one is headline news (no "another release" waits).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use anyhow::{Context, bail};
use chrono::Utc;
use clap::Parser;
use nightwatcher_testkit::prowlarr::{FakeProwlarr, ReleaseBuilder};
use nightwatcher_testkit::telegram::FakeTelegram;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{Value, json};

const API_KEY: &str = "crash-loop-key";
const BOT_TOKEN: &str = "424242:CRASH-LOOP";

#[derive(Parser)]
struct Args {
    #[arg(long, default_value = "target/release/nightwatcherd")]
    daemon: PathBuf,
    #[arg(long, default_value_t = 50)]
    runs: usize,
    /// New releases before each run.
    #[arg(long, default_value_t = 2)]
    per_run: usize,
    #[arg(long, default_value_t = 7)]
    seed: u64,
}

fn daemon(args: &Args, db: &Path) -> Command {
    let mut cmd = Command::new(&args.daemon);
    cmd.arg("--db")
        .arg(db)
        .env("NIGHTWATCHER_PROWLARR_API_KEY", API_KEY)
        .env("NIGHTWATCHER_TELEGRAM_BOT_TOKEN", BOT_TOKEN)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null());
    cmd
}

fn run_ok(mut cmd: Command) -> anyhow::Result<String> {
    let out = cmd.output().context("could not run nightwatcherd")?;
    if !out.status.success() {
        bail!(
            "nightwatcherd failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn title(i: usize) -> String {
    format!("Crash Loop Film {i:03}")
}

fn release(i: usize) -> String {
    format!("Crash.Loop.Film.{i:03}.2025.1080p.WEB-DL.DDP5.1.H.264-KILL")
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let mut rng = StdRng::seed_from_u64(args.seed);
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("crash.db");
    let prowlarr = FakeProwlarr::start(API_KEY).await;
    let telegram = FakeTelegram::start(BOT_TOKEN).await;
    telegram.allow_any_chat();

    let total = args.runs * args.per_run;
    let items: Vec<Value> = (0..total)
        .map(|i| json!({"title": title(i), "kind": "movie", "year": 2025}))
        .collect();
    let items_file = dir.path().join("items.json");
    std::fs::write(&items_file, serde_json::to_string(&items)?)?;
    let mut import = daemon(&args, &db);
    import.args(["watchlist", "import"]).arg(&items_file);
    run_ok(import)?;
    for (key, value) in [
        ("prowlarr_url", prowlarr.url()),
        ("telegram_api_url", telegram.api_url()),
        ("telegram_chat_id", "4242".to_owned()),
        ("interval", "1m".to_owned()),
    ] {
        let mut set = daemon(&args, &db);
        set.args(["config", "set", key, &value]);
        run_ok(set)?;
    }

    let mut kills = Vec::new();
    for run in 0..args.runs {
        for k in 0..args.per_run {
            let i = run * args.per_run + k;
            prowlarr.add_release(
                ReleaseBuilder::new(&release(i))
                    .guid(&format!("crash-{i}"))
                    .published(Utc::now())
                    .build_for(&prowlarr),
            );
        }
        let mut cmd = daemon(&args, &db);
        cmd.arg("run").stdout(Stdio::null()).stderr(Stdio::null());
        let mut child = cmd.spawn().context("could not start nightwatcherd run")?;
        let delay = Duration::from_millis(rng.random_range(200..8_000));
        tokio::time::sleep(delay).await;
        child.kill().context("kill -9")?;
        child.wait()?;
        kills.push(delay.as_millis());
        eprintln!(
            "run {:>2}: killed after {:>5} ms; Telegram has {} messages",
            run + 1,
            delay.as_millis(),
            telegram.messages().len()
        );
    }

    // The clean run that delivers what is owed.
    let mut drain = daemon(&args, &db);
    drain.args(["check", "--deliver-for", "60"]);
    run_ok(drain)?;
    let mut status = daemon(&args, &db);
    status.args(["status", "--json"]);
    let status: Value = serde_json::from_str(&run_ok(status)?).context("status --json")?;

    let messages = telegram.messages();
    let mut announced: HashMap<usize, usize> = HashMap::new();
    for message in &messages {
        for i in 0..total {
            if message.plain.contains(&release(i)) {
                *announced.entry(i).or_default() += 1;
            }
        }
    }
    let lost: Vec<String> = (0..total)
        .filter(|i| !announced.contains_key(i))
        .map(release)
        .collect();
    let lost_count = lost.len();
    let duplicated = announced.values().filter(|&&n| n > 1).count();
    let most = announced.values().copied().max().unwrap_or(0);
    let integrity = integrity_check(&db)?;
    let summary = json!({
        "runs": args.runs,
        "kills_ms": {"min": kills.iter().min(), "max": kills.iter().max()},
        "releases": total,
        "telegram_messages": messages.len(),
        "lost": lost_count,
        "lost_releases": lost,
        "duplicated_releases": duplicated,
        "most_messages_for_one_release": most,
        "outbox_after_drain": status.pointer("/notifications").cloned().unwrap_or(Value::Null),
        "integrity_check": integrity,
    });
    println!("{}", serde_json::to_string_pretty(&summary)?);
    if lost_count > 0 || most > 2 || integrity != "ok" {
        bail!("crash consistency violated");
    }
    Ok(())
}

/// `PRAGMA integrity_check` through the engine's own SQLite (sqlx), so no `sqlite3` tool is needed.
fn integrity_check(db: &Path) -> anyhow::Result<String> {
    let runtime = tokio::runtime::Handle::current();
    tokio::task::block_in_place(|| {
        runtime.block_on(async {
            let store = nightwatcher_engine::store::Store::open(db).await?;
            let result = store.integrity_check().await?;
            store.close().await;
            Ok(result)
        })
    })
}
