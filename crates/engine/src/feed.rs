//! Reading the indexers' latest releases through Prowlarr (reference notes §6): an empty-query search in the
//! categories the watchlist needs, `limit=100` per indexer, paged back with `offset` until every indexer's
//! page reaches the newest release the previous poll saw (its cursor), or a page cap.
//!
//! Prowlarr pages per indexer, so "reached" is decided per indexer: a page that is full and still newer than
//! the indexer's cursor means more releases came out since the last poll than one page holds. An indexer
//! seen for the first time has no cursor: its first page is all we read (the per-item searches cover what is
//! older). Cursors are only moved once a poll has succeeded, so a failed poll is read again in full.

use std::collections::{HashMap, HashSet};

use crate::model::WatchlistItem;
use crate::prowlarr::{ProwlarrClient, ProwlarrError, Release, SearchRequest};

/// Releases per indexer per page: what Prowlarr's own UI asks for.
pub const PAGE_SIZE: u32 = 100;
/// Pages read per poll at most; past it the item searches catch up with what the feed could not.
pub const DEFAULT_PAGE_CAP: u32 = 10;

/// The categories to ask the feed for: the union of the items', or none (all) when an item has none.
pub fn categories(items: &[WatchlistItem]) -> Vec<u32> {
    if items.is_empty() || items.iter().any(|i| i.categories.is_empty()) {
        return Vec::new();
    }
    let mut all: Vec<u32> = items
        .iter()
        .flat_map(|i| i.categories.iter().copied())
        .collect();
    all.sort_unstable();
    all.dedup();
    all
}

/// The name a feed's cursors are stored under.
pub fn key(categories: &[u32]) -> String {
    if categories.is_empty() {
        "all".to_owned()
    } else {
        categories
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// What one poll read.
#[derive(Debug, Default)]
pub struct Poll {
    /// Releases after the indexer's cursor (or all, for an indexer without one), newest first per indexer.
    pub fresh: Vec<Release>,
    /// Releases at or before a cursor: already read by an earlier poll.
    pub seen_before: Vec<Release>,
    pub pages: u32,
    /// Indexers whose cursor was not reached within the page cap.
    pub overran: Vec<i64>,
    /// The new cursor per indexer: (guid, published at).
    pub cursors: HashMap<i64, (String, i64)>,
}

fn published(r: &Release) -> i64 {
    r.publish_date.map_or(0, |d| d.timestamp())
}

/// Reads the feed. `on_request` is told each request's duration (for latency figures).
pub async fn poll(
    prowlarr: &ProwlarrClient,
    categories: Vec<u32>,
    cursors: &HashMap<i64, (String, i64)>,
    page_cap: u32,
    mut on_request: impl FnMut(std::time::Duration),
) -> Result<Poll, ProwlarrError> {
    let mut poll = Poll::default();
    let mut seen: HashSet<(i64, String)> = HashSet::new();
    let mut unreached: HashSet<i64> = HashSet::new();
    for page in 0..page_cap.max(1) {
        let mut request = SearchRequest::latest(categories.clone());
        request.limit = PAGE_SIZE;
        request.offset = page * PAGE_SIZE;
        let started = std::time::Instant::now();
        let result = prowlarr.search(&request).await;
        on_request(started.elapsed());
        let releases = result?;
        poll.pages += 1;
        let mut per_indexer: HashMap<i64, Vec<Release>> = HashMap::new();
        for r in releases {
            if seen.insert((r.indexer_id, r.guid.clone())) {
                per_indexer.entry(r.indexer_id).or_default().push(r);
            }
        }
        unreached.clear();
        for (indexer, mut list) in per_indexer {
            list.sort_by_key(|r| std::cmp::Reverse(published(r)));
            if page == 0
                && let Some(newest) = list.first()
            {
                poll.cursors
                    .insert(indexer, (newest.guid.clone(), published(newest)));
            }
            let full = list.len() >= PAGE_SIZE as usize;
            let cursor = cursors.get(&indexer);
            let mut reached = cursor.is_none();
            for r in list {
                let old = cursor.is_some_and(|(guid, at)| r.guid == *guid || published(&r) < *at);
                if old {
                    reached = true;
                    poll.seen_before.push(r);
                } else {
                    poll.fresh.push(r);
                }
            }
            if !reached && full {
                unreached.insert(indexer);
            }
        }
        if unreached.is_empty() {
            break;
        }
    }
    poll.overran = unreached.into_iter().collect();
    Ok(poll)
}
