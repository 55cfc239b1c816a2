//! Precision and recall of the release matcher on a labeled watchlist-matching set.
//!
//! `match_eval --items items.json --releases releases.txt --truth truth.json` builds one watchlist item per
//! entry of `items.json` (its id is its index), parses every release with `matcher::parse`, asks a
//! `matcher::Matcher` which items it matches and compares with `truth.json` (release → item indexes).
//! It prints the counts and every false positive and false negative with what the parser made of the name,
//! since a list of failures is what tells a class of names the parser gets wrong.
//! `--labels releases.jsonl` also compares the parsed title/year/season/episode with per-name labels.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Parser;
use nightwatcher_engine::matcher::{self, Matcher, ParsedRelease, normalize_title};
use nightwatcher_engine::model::{WatchlistItem, parse_import};
use serde_json::Value;

#[derive(Parser)]
#[command(about = "Precision and recall of the release matcher on a labeled set")]
struct Args {
    /// Watchlist import file: a JSON array of {title, kind, year?, from_season?, from_episode?}.
    #[arg(long)]
    items: PathBuf,
    /// One release title a line.
    #[arg(long)]
    releases: PathBuf,
    /// JSON object: release title → array of item indexes it should match.
    #[arg(long)]
    truth: PathBuf,
    /// Optional per-name labels (JSON lines with name, type, title, year, season, episode).
    #[arg(long)]
    labels: Option<PathBuf>,
    /// Print every release with its parse and matches, not only the failures.
    #[arg(long)]
    all: bool,
}

fn main() -> Result<()> {
    let args = Args::parse();
    let items = load_items(&args.items)?;
    let releases = read(&args.releases)?;
    let truth: HashMap<String, Vec<i64>> = serde_json::from_str(&read(&args.truth)?)
        .context("truth must map release titles to arrays of indexes")?;

    matcher::warm_up();
    let matcher = Matcher::new(&items);
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let mut failures = Vec::new();
    let mut parsed_by_name = HashMap::new();
    for name in releases.lines().filter(|l| !l.trim().is_empty()) {
        let parsed = matcher::parse(name);
        let got: BTreeSet<i64> = matcher.matching_items(&parsed).into_iter().collect();
        let want: BTreeSet<i64> = truth
            .get(name)
            .map(|v| v.iter().copied().collect())
            .unwrap_or_default();
        let false_pos: Vec<i64> = got.difference(&want).copied().collect();
        let false_neg: Vec<i64> = want.difference(&got).copied().collect();
        tp += got.intersection(&want).count();
        fp += false_pos.len();
        fn_ += false_neg.len();
        if args.all || !false_pos.is_empty() || !false_neg.is_empty() {
            failures.push((
                name.to_owned(),
                describe(&parsed),
                describe_ids(&items, &false_pos),
                describe_ids(&items, &false_neg),
            ));
        }
        parsed_by_name.insert(name.to_owned(), parsed);
    }

    for (name, parsed, fps, fns) in &failures {
        println!("{name}\n    parsed: {parsed}");
        if !fps.is_empty() {
            println!("    FP: {fps}");
        }
        if !fns.is_empty() {
            println!("    FN: {fns}");
        }
    }
    if let Some(labels) = &args.labels {
        compare_labels(labels, &parsed_by_name)?;
    }
    let precision = ratio(tp, tp + fp);
    let recall = ratio(tp, tp + fn_);
    println!();
    println!("releases: {}  items: {}", parsed_by_name.len(), items.len());
    println!("TP {tp}  FP {fp}  FN {fn_}");
    println!("precision {precision:.4}  recall {recall:.4}");
    Ok(())
}

fn read(path: &PathBuf) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

/// The items through the same import path as `nightwatcherd watchlist import`; item id = index in the file.
fn load_items(path: &PathBuf) -> Result<Vec<WatchlistItem>> {
    let valid = parse_import(&read(path)?)?;
    valid
        .into_iter()
        .enumerate()
        .map(|(index, item)| Ok(item.into_item(i64::try_from(index)?)))
        .collect()
}

fn describe(parsed: &ParsedRelease) -> String {
    serde_json::to_string(parsed).unwrap_or_default()
}

fn describe_ids(items: &[WatchlistItem], ids: &[i64]) -> String {
    ids.iter()
        .filter_map(|&id| items.get(usize::try_from(id).ok()?))
        .map(|item| {
            format!(
                "#{} {} {:?} ({:?})",
                item.id,
                item.kind.as_str(),
                item.title,
                item.year
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Where the parse disagrees with a label on a field that decides matching.
fn compare_labels(path: &PathBuf, parsed: &HashMap<String, ParsedRelease>) -> Result<()> {
    let (mut total, mut wrong) = (0usize, 0usize);
    println!("\n--- label mismatches (title/year/season/episode) ---");
    for line in read(path)?.lines().filter(|l| !l.trim().is_empty()) {
        let label: Value = serde_json::from_str(line)?;
        let Some(name) = label.get("name").and_then(Value::as_str) else {
            continue;
        };
        let Some(p) = parsed.get(name) else { continue };
        total += 1;
        let want_title = label
            .get("title")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let mut diffs = Vec::new();
        if normalize_title(want_title) != normalize_title(&p.title) {
            diffs.push(format!("title {:?} != {:?}", p.title, want_title));
        }
        // A multi-episode label is a list: its first number is what `ParsedRelease::episode` holds.
        let want_u64 = |f: &str| {
            label
                .get(f)
                .and_then(|v| v.as_u64().or_else(|| v.as_array()?.first()?.as_u64()))
        };
        let movie = label.get("type").and_then(Value::as_str) == Some("movie");
        if movie {
            if let (Some(w), Some(g)) = (want_u64("year"), p.year)
                && w != u64::from(g)
            {
                diffs.push(format!("year {g} != {w}"));
            }
            if p.kind != matcher::ReleaseKind::Movie {
                diffs.push(format!("kind {:?} != movie", p.kind));
            }
        } else {
            if p.kind == matcher::ReleaseKind::Movie {
                diffs.push("kind movie != episode".to_owned());
            }
            if want_u64("season").is_some() && want_u64("season") != p.season.map(u64::from) {
                diffs.push(format!("season {:?} != {:?}", p.season, want_u64("season")));
            }
            if want_u64("episode").is_some() && want_u64("episode") != p.episode.map(u64::from) {
                diffs.push(format!(
                    "episode {:?} != {:?}",
                    p.episode,
                    want_u64("episode")
                ));
            }
        }
        if !diffs.is_empty() {
            wrong += 1;
            println!("{name}\n    {}", diffs.join("; "));
        }
    }
    println!("label mismatches: {wrong} of {total}");
    Ok(())
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}
