//! Throughput of parsing and matching release names on one thread.
//!
//! `match_speed --releases releases.txt` builds a watchlist of 1,000 items (the titles parsed from the
//! releases, so lookups hit, then filler titles), then parses and matches the release names over and over
//! for a few seconds and prints names per second. Parsing alone is timed too, to show what the matcher adds.
//! Build it with `--release`: a debug build measures the optimizer's absence, not the matcher.
//!
//! Besides wall-clock rates it prints rates per second of the thread's own CPU time (from
//! `/proc/thread-self/schedstat`, Linux): on a machine shared with builds, wall-clock time counts the time
//! other processes held the core, CPU time does not.

use std::collections::HashSet;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use clap::Parser;
use nightwatcher_engine::matcher::{self, Matcher, ReleaseKind};
use nightwatcher_engine::model::{ItemKind, WatchlistItem};

#[derive(Parser)]
#[command(about = "Names per second of matcher::parse + Matcher::matching_items on one thread")]
struct Args {
    /// One release title a line.
    #[arg(long)]
    releases: PathBuf,
    /// Watchlist size.
    #[arg(long, default_value_t = 1000)]
    items: usize,
    /// Seconds to run each measurement.
    #[arg(long, default_value_t = 3.0)]
    seconds: f64,
}

fn main() -> Result<()> {
    let args = Args::parse();
    let text = std::fs::read_to_string(&args.releases)
        .with_context(|| format!("cannot read {}", args.releases.display()))?;
    let names: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    if names.is_empty() {
        bail!("{} has no release names", args.releases.display());
    }

    let started = Instant::now();
    matcher::warm_up();
    println!(
        "warm-up (pattern compilation): {:.1} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );

    let items = watchlist(&names, args.items);
    let matcher = Matcher::new(&items);
    let budget = Duration::from_secs_f64(args.seconds);

    let parse_only = run(&names, budget, |name| {
        black_box(matcher::parse(name));
    });
    report("parse only", &parse_only);

    let mut matched = 0usize;
    let parse_and_match = run(&names, budget, |name| {
        let parsed = matcher::parse(name);
        matched += usize::from(!black_box(matcher.matching_items(&parsed)).is_empty());
    });
    report("parse + match", &parse_and_match);
    println!(
        "({} items in the matcher, {} names, {matched} matched)",
        items.len(),
        parse_and_match.count
    );
    Ok(())
}

struct Measurement {
    count: usize,
    wall: Duration,
    cpu: Option<Duration>,
}

fn report(label: &str, m: &Measurement) {
    let cpu = m.cpu.map_or_else(
        || "n/a".to_owned(),
        |cpu| format!("{:.0}", rate(m.count, cpu)),
    );
    println!(
        "{label:<14} {:>9.0} names/s wall clock, {cpu:>9} names/s of CPU time",
        rate(m.count, m.wall)
    );
}

/// Runs `f` over the names, repeated, until `budget` has passed.
fn run(names: &[&str], budget: Duration, mut f: impl FnMut(&str)) -> Measurement {
    let cpu_start = thread_cpu_time();
    let start = Instant::now();
    let mut count = 0;
    while start.elapsed() < budget {
        for name in names {
            f(name);
        }
        count += names.len();
    }
    let wall = start.elapsed();
    let cpu = thread_cpu_time()
        .zip(cpu_start)
        .map(|(end, start)| end.saturating_sub(start));
    Measurement { count, wall, cpu }
}

/// CPU time this thread has run, from the first field of `/proc/thread-self/schedstat` (nanoseconds).
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: u64 = stat.split_whitespace().next()?.parse().ok()?;
    (nanos > 0).then(|| Duration::from_nanos(nanos))
}

fn rate(count: usize, elapsed: Duration) -> f64 {
    count as f64 / elapsed.as_secs_f64().max(f64::EPSILON)
}

fn watchlist(names: &[&str], size: usize) -> Vec<WatchlistItem> {
    let mut seen = HashSet::new();
    let mut items = Vec::with_capacity(size);
    let parsed = names.iter().map(|name| matcher::parse(name));
    let titles = parsed
        .filter(|p| !p.title.is_empty())
        .map(|p| (p.title.clone(), p.kind));
    let fillers = (0..).map(|n| (format!("Filler Title {n}"), ReleaseKind::Movie));
    for (title, kind) in titles.chain(fillers) {
        if items.len() >= size {
            break;
        }
        if !seen.insert(matcher::normalize_title(&title)) {
            continue;
        }
        let kind = if kind == ReleaseKind::Movie {
            ItemKind::Movie
        } else {
            ItemKind::Series
        };
        items.push(WatchlistItem::new(items.len() as i64, title, kind));
    }
    items
}
