//! The outbox: notifications are rows first, then a delivery worker sends them.
//!
//! Composing happens at the end of a check ([`announce`]): the matches owed a notification become
//! [`Notice`]s, one row per configured channel, stored in the same transaction that marks the matches
//! announced. A row holds the news itself (item, releases, labels, counts), not a channel's text: each
//! channel renders it when it is delivered. Only then does anything leave the machine. The [`Delivery`]
//! worker ([`delivery`]) sends due rows, marks them sent, retries transient failures with exponential backoff
//! and jitter (or after the service's `retry_after`), and marks permanent failures failed with the reason. A
//! crash between send and mark repeats one message at most; it never drops one.

pub mod delivery;

use std::ops::Range;

pub use delivery::{Delivery, DeliveryConfig, DeliveryReport};

use crate::channel::ChannelId;
use crate::matcher;
use crate::news::{ItemNews, NewsKind, Notice, ReleaseLabel, ReleaseLine};
use crate::store::{NotificationKind, OutboxEntry, Store, StoreError, UnannouncedMatch};
use crate::telegram;

/// More items than this with news in one check go out as one digest.
pub const DIGEST_THRESHOLD: usize = 5;

/// One item's news in a check: what a desktop notification shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemNewsSummary {
    pub item_id: i64,
    pub item_title: String,
    pub count: usize,
    pub best_release: String,
}

/// What [`announce`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Announced {
    /// Notifications written to the outbox.
    pub queued: usize,
    /// Each item with news, in item order.
    pub news: Vec<ItemNewsSummary>,
}

/// What [`compose`] made of the matches owed a notification.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Composed {
    pub entries: Vec<OutboxEntry>,
    /// Each item with news, in item order.
    pub summaries: Vec<ItemNewsSummary>,
    /// Matches left owed: other releases of episodes already announced, waiting for the item's next message.
    pub deferred: Vec<i64>,
}

/// How a release of an episode (or film) already announced is news, judged from what was announced before.
/// `None`: the episode was not announced yet, the release is plainly new.
pub fn label_of(m: &UnannouncedMatch) -> Option<ReleaseLabel> {
    let best = m.announced_best?;
    Some(match m.revision.as_deref() {
        // A fix of a release that was announced: said as such.
        Some("repack") if m.announced_same_quality => ReleaseLabel::Repack,
        Some("proper") if m.announced_same_quality => ReleaseLabel::Proper,
        _ if m.quality > best => ReleaseLabel::BetterQuality,
        _ => ReleaseLabel::Another,
    })
}

/// Turns matches owed a notification into outbox entries for each configured channel, and a summary per item.
///
/// Within an item, releases are listed best first ([`matcher::rank`]: resolution, source, seeders, newer).
/// Each episode (or film) is news once: a later release of one already announced is a REPACK/PROPER of it
/// (same quality; said as such), a better quality (said as such), or "another release", which does not make
/// a message of its own: it waits, owed, for the item's next message and is listed there after the news.
pub fn compose(
    mut matches: Vec<UnannouncedMatch>,
    channels: &[ChannelId],
    now: chrono::DateTime<chrono::Utc>,
) -> Composed {
    // Stable: items keep the store's order, and equal releases their order of discovery.
    matches.sort_by(|a, b| {
        a.item_id
            .cmp(&b.item_id)
            .then_with(|| matcher::rank(&rank_of(a), &rank_of(b)))
    });
    let mut news: Vec<(i64, ItemNews, Vec<i64>)> = Vec::new();
    for m in matches {
        let label = label_of(&m);
        let line = ReleaseLine {
            match_id: m.match_id,
            label,
            title: m.title,
            size_bytes: m.size,
            indexers: m.indexers,
            seeders: m.seeders,
            protocol: m.protocol,
            published: m
                .published_at
                .and_then(|t| chrono::DateTime::from_timestamp(t, 0)),
            info_url: m.info_url,
        };
        match news.last_mut() {
            Some((item_id, n, ids)) if *item_id == m.item_id => {
                if m.initial {
                    n.kind = NewsKind::FirstSummary;
                }
                // The first poster a message can show: an unsafe one (not http(s), or with a credential) is
                // dropped by the formatter, so a later release's good one takes its place.
                let usable =
                    |url: &Option<String>| url.as_deref().and_then(crate::news::safe_url).is_some();
                if !usable(&n.poster_url) && usable(&m.poster_url) {
                    n.poster_url = m.poster_url;
                }
                n.releases.push(line);
                ids.push(m.match_id);
            }
            _ => news.push((
                m.item_id,
                ItemNews {
                    item_id: m.item_id,
                    item_title: m.item_title,
                    item_year: m.item_year,
                    kind: if m.initial {
                        NewsKind::FirstSummary
                    } else {
                        NewsKind::NewReleases
                    },
                    releases: vec![line],
                    poster_url: m.poster_url,
                },
                vec![m.match_id],
            )),
        }
    }

    let mut deferred = Vec::new();
    news.retain_mut(|(_, n, ids)| {
        if n.kind == NewsKind::FirstSummary {
            // The first summary lists everything there is; nothing was announced before it.
            n.releases.iter_mut().for_each(|r| r.label = None);
            return true;
        }
        if n.releases
            .iter()
            .all(|r| r.label == Some(ReleaseLabel::Another))
        {
            deferred.append(ids);
            return false;
        }
        // The news first, then the other releases; each part stays best first (the sort is stable).
        n.releases
            .sort_by_key(|r| r.label == Some(ReleaseLabel::Another));
        true
    });

    let summaries = news
        .iter()
        .map(|(item_id, n, _)| ItemNewsSummary {
            item_id: *item_id,
            item_title: n.item_title.clone(),
            count: n.news_count(),
            best_release: n
                .releases
                .first()
                .map(|r| r.title.clone())
                .unwrap_or_default(),
        })
        .collect();
    let mut entries = Vec::new();
    for &channel in channels {
        if news.len() > DIGEST_THRESHOLD {
            let all: Vec<ItemNews> = news.iter().map(|(_, n, _)| n.clone()).collect();
            for (page, items) in digest_pages(channel, &all, now).into_iter().enumerate() {
                entries.push(OutboxEntry {
                    channel: channel.as_str().to_owned(),
                    kind: NotificationKind::Digest,
                    item_id: None,
                    payload: stored(&Notice::Digest {
                        at: now,
                        items: all[items.clone()].to_vec(),
                        total: all.len(),
                        page,
                    }),
                    match_ids: news[items]
                        .iter()
                        .flat_map(|(_, _, ids)| ids.iter().copied())
                        .collect(),
                });
            }
        } else {
            for (item_id, n, match_ids) in &news {
                entries.push(OutboxEntry {
                    channel: channel.as_str().to_owned(),
                    kind: match n.kind {
                        NewsKind::FirstSummary => NotificationKind::Summary,
                        NewsKind::NewReleases => NotificationKind::New,
                    },
                    item_id: Some(*item_id),
                    payload: stored(&Notice::Item {
                        at: now,
                        news: n.clone(),
                    }),
                    match_ids: match_ids.clone(),
                });
            }
        }
    }
    Composed {
        entries,
        summaries,
        deferred,
    }
}

/// How `channel` cuts a digest of `items` into pages, each one notification: where a message has a size
/// limit, into pages that each fit one message, so a failed send never repeats a page already sent.
fn digest_pages(
    channel: ChannelId,
    items: &[ItemNews],
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<Range<usize>> {
    match channel {
        ChannelId::Telegram => telegram::digest_pages(items, now),
        // One push, one POST: ntfy's is shortened to fit, the webhook's JSON has no limit worth paging for.
        ChannelId::Ntfy | ChannelId::Webhook => std::iter::once(0..items.len()).collect(),
    }
}

/// A notice as the outbox stores it.
fn stored(notice: &Notice) -> String {
    // A notice is plain data (strings, numbers, dates): serializing it cannot fail.
    serde_json::to_string(notice).unwrap_or_default()
}

fn rank_of(m: &UnannouncedMatch) -> matcher::Rank {
    matcher::Rank {
        quality: m.quality,
        seeders: m.seeders,
        published_at: m.published_at,
    }
}

/// Composes every match owed a notification into the outbox.
pub async fn announce(store: &Store, channels: &[ChannelId]) -> Result<Announced, StoreError> {
    let now = chrono::Utc::now();
    let mut news = Vec::new();
    let queued = store
        .announce_pending(|matches| {
            let composed = compose(matches, channels, now);
            news = composed.summaries;
            (composed.entries, composed.deferred)
        })
        .await?;
    Ok(Announced { queued, news })
}
