//! Throughput of parsing and matching release names on one thread.
//!
//! `match_speed --releases releases.txt` builds a watchlist of 1,000 items (the titles parsed from the
//! releases, so lookups hit, then filler titles), then parses and matches the release names over and over
//! for a few seconds and prints names per second. Parsing alone is timed too, to show what the matcher adds.
//! Build it with `--release`: a debug build measures the optimizer's absence, not the matcher.

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
    println!("warm-up (pattern compilation): {:.1} ms", started.elapsed().as_secs_f64() * 1000.0);

    let items = watchlist(&names, args.items);
    let matcher = Matcher::new(&items);
    let budget = Duration::from_secs_f64(args.seconds);

    let (count, elapsed) = run(&names, budget, |name| {
        black_box(matcher::parse(name));
    });
    println!("parse only:      {:>9.0} names/s", rate(count, elapsed));

    let mut matched = 0usize;
    let (count, elapsed) = run(&names, budget, |name| {
        let parsed = matcher::parse(name);
        matched += usize::from(!black_box(matcher.matching_items(&parsed)).is_empty());
    });
    println!("parse + match:   {:>9.0} names/s  ({} items, {count} names, {matched} matched)", rate(count, elapsed), items.len());
    Ok(())
}

/// Runs `f` over the names, repeated, until `budget` has passed; returns how many names and how long.
fn run(names: &[&str], budget: Duration, mut f: impl FnMut(&str)) -> (usize, Duration) {
    let start = Instant::now();
    let mut count = 0;
    while start.elapsed() < budget {
        for name in names {
            f(name);
        }
        count += names.len();
    }
    (count, start.elapsed())
}

fn rate(count: usize, elapsed: Duration) -> f64 {
    count as f64 / elapsed.as_secs_f64().max(f64::EPSILON)
}

fn watchlist(names: &[&str], size: usize) -> Vec<WatchlistItem> {
    let mut seen = HashSet::new();
    let mut items = Vec::with_capacity(size);
    let parsed = names.iter().map(|name| matcher::parse(name));
    let titles = parsed.filter(|p| !p.title.is_empty()).map(|p| (p.title.clone(), p.kind));
    let fillers = (0..).map(|n| (format!("Filler Title {n}"), ReleaseKind::Movie));
    for (title, kind) in titles.chain(fillers) {
        if items.len() >= size {
            break;
        }
        if !seen.insert(matcher::normalize_title(&title)) {
            continue;
        }
        let kind = if kind == ReleaseKind::Movie { ItemKind::Movie } else { ItemKind::Series };
        items.push(WatchlistItem {
            id: items.len() as i64,
            title,
            kind,
            year: None,
            from_season: None,
            from_episode: None,
            imdb_id: None,
            tmdb_id: None,
            tvdb_id: None,
            categories: kind.default_categories(),
            enabled: true,
        });
    }
    items
}
