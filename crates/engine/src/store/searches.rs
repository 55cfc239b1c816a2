//! What searches and the feed found: releases (once per indexer and guid), the matches of each item, the
//! items' baselines, and the feed's cursors.

use super::{Result, Store, StoreError, now};
use crate::prowlarr::Protocol;

/// A release as recorded from a search. Only http(s) links; never download or magnet links.
#[derive(Debug, Clone, PartialEq)]
pub struct ReleaseRecord {
    pub indexer_id: i64,
    pub guid: String,
    pub title: String,
    pub release_key: String,
    pub indexer: Option<String>,
    pub size: Option<i64>,
    pub seeders: Option<i64>,
    pub protocol: Protocol,
    pub published_at: Option<i64>,
    pub info_url: Option<String>,
    pub poster_url: Option<String>,
}

/// A release of the item found by a search, as the matcher judged it.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchRecord {
    /// Index into the search's releases.
    pub index: usize,
    /// `matcher::quality_score`.
    pub quality: i64,
    /// `rule: reason` when a filter refused it: kept in the history, never notified.
    pub rejected: Option<String>,
    /// What it is of (`S02E05`, `movie`...; see the `matches.episode_key` column).
    pub episode_key: Option<String>,
    /// `proper` or `repack`.
    pub revision: Option<&'static str>,
}

impl MatchRecord {
    pub fn accepted(index: usize, quality: i64) -> Self {
        MatchRecord {
            index,
            quality,
            rejected: None,
            episode_key: None,
            revision: None,
        }
    }
}

/// A match the store had not seen before (or had seen refused, and now passes).
#[derive(Debug, Clone, PartialEq)]
pub struct NewMatch {
    pub match_id: i64,
    pub release_title: String,
    pub indexer: Option<String>,
}

/// What one item's search added.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchRecord {
    pub releases_seen: usize,
    pub new_matches: Vec<NewMatch>,
    /// Releases of the item a filter refused, recorded in the history.
    pub rejected: usize,
}

/// Inserts (or touches) releases seen; returns their row ids in order.
async fn insert_releases(
    tx: &mut sqlx::AnyConnection,
    releases: &[ReleaseRecord],
    now: i64,
) -> Result<Vec<i64>> {
    let mut ids = Vec::with_capacity(releases.len());
    for r in releases {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO releases (indexer_id, guid, title, release_key, indexer, size, seeders, protocol,
                                   published_at, info_url, poster_url, first_seen_at, last_seen_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
             ON CONFLICT (indexer_id, guid) DO UPDATE SET last_seen_at = excluded.last_seen_at,
                 seeders = excluded.seeders
             RETURNING id",
        )
        .bind(r.indexer_id)
        .bind(&r.guid)
        .bind(&r.title)
        .bind(&r.release_key)
        .bind(&r.indexer)
        .bind(r.size)
        .bind(r.seeders)
        .bind(r.protocol.as_str())
        .bind(r.published_at)
        .bind(&r.info_url)
        .bind(&r.poster_url)
        .bind(now)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        ids.push(id);
    }
    Ok(ids)
}

/// A new release of the item is inserted; one recorded refused is updated (still refused: the newest reason;
/// now passing: owed a notification). One recorded as passing is left alone (`None`).
#[allow(clippy::too_many_arguments)]
async fn insert_match(
    tx: &mut sqlx::AnyConnection,
    item_id: i64,
    release_id: i64,
    r: &ReleaseRecord,
    m: &MatchRecord,
    initial: bool,
    run_id: Option<i64>,
    now: i64,
) -> Result<Option<(i64, Option<String>)>> {
    Ok(sqlx::query_as(
        "INSERT INTO matches (item_id, release_id, release_key, initial, quality, run_id, found_at,
                              announced, rejected, episode_key, revision)
         VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $8 IS NULL THEN 0 ELSE 1 END, $8, $9, $10)
         ON CONFLICT (item_id, release_key) DO UPDATE SET
             release_id = excluded.release_id, initial = excluded.initial, quality = excluded.quality,
             run_id = excluded.run_id, found_at = excluded.found_at, announced = excluded.announced,
             rejected = excluded.rejected, episode_key = excluded.episode_key,
             revision = excluded.revision
         WHERE matches.rejected IS NOT NULL
         RETURNING id, rejected",
    )
    .bind(item_id)
    .bind(release_id)
    .bind(&r.release_key)
    .bind(i64::from(initial))
    .bind(m.quality)
    .bind(run_id)
    .bind(now)
    .bind(&m.rejected)
    .bind(&m.episode_key)
    .bind(m.revision)
    .fetch_optional(&mut *tx)
    .await?)
}

impl Store {
    /// Whether the item's first successful check has happened.
    pub async fn has_baseline(&self, item_id: i64) -> Result<bool> {
        let at: Option<Option<i64>> =
            sqlx::query_scalar("SELECT baseline_at FROM items WHERE id = $1")
                .bind(item_id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(matches!(at, Some(Some(_))))
    }

    /// Records one item's search in one transaction: every release seen (once per indexer and guid), the
    /// releases of the item as matches (once per item and normalized release; refused ones with their
    /// reason), and the item's baseline. A match recorded refused that now passes becomes owed a notification.
    pub async fn record_search(
        &self,
        item_id: i64,
        run_id: Option<i64>,
        releases: &[ReleaseRecord],
        matched: &[MatchRecord],
    ) -> Result<SearchRecord> {
        self.write(async {
            let now = now();
            // IMMEDIATE: this transaction reads, then writes; a deferred one would fail with SQLITE_BUSY instead of
            // waiting when another writer (a parallel search) committed in between.
            let mut tx = self.begin_write().await?;
            let baseline: Option<Option<i64>> =
                sqlx::query_scalar("SELECT baseline_at FROM items WHERE id = $1")
                    .bind(item_id)
                    .fetch_optional(&mut *tx)
                    .await?;
            let initial = match baseline {
                None => return Err(StoreError::NoSuchItem(item_id)),
                Some(at) => at.is_none(),
            };
            let ids = insert_releases(&mut tx, releases, now).await?;
            let mut new_matches = Vec::new();
            let mut rejected = 0;
            for m in matched {
                let (Some(r), Some(&release_id)) = (releases.get(m.index), ids.get(m.index)) else {
                    continue;
                };
                let written =
                    insert_match(&mut tx, item_id, release_id, r, m, initial, run_id, now).await?;
                match written {
                    Some((match_id, None)) => new_matches.push(NewMatch {
                        match_id,
                        release_title: r.title.clone(),
                        indexer: r.indexer.clone(),
                    }),
                    Some((_, Some(_))) => rejected += 1,
                    None => {}
                }
            }
            sqlx::query(
                "UPDATE items SET baseline_at = COALESCE(baseline_at, $1), last_checked_at = $2, last_error = NULL
                 WHERE id = $3",
            )
            .bind(now)
            .bind(now)
            .bind(item_id)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(SearchRecord {
                releases_seen: releases.len(),
                new_matches,
                rejected,
            })
        })
        .await
    }

    /// Records what one feed poll matched, in one transaction: the matched releases (the rest of the feed is not
    /// kept) and a match per item and release, never initial (a release in the feed is news). Every enabled
    /// item counts as checked at `checked_at`. Returns the new matches with their item.
    pub async fn record_feed(
        &self,
        run_id: Option<i64>,
        releases: &[ReleaseRecord],
        matched: &[(i64, MatchRecord)],
        checked_at: i64,
    ) -> Result<Vec<(i64, NewMatch)>> {
        self.write(async {
            let now = now();
            let mut tx = self.begin_write().await?;
            let ids = insert_releases(&mut tx, releases, now).await?;
            let mut new_matches = Vec::new();
            for (item_id, m) in matched {
                let (Some(r), Some(&release_id)) = (releases.get(m.index), ids.get(m.index)) else {
                    continue;
                };
                let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM items WHERE id = $1")
                    .bind(item_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                if exists.is_none() {
                    continue;
                }
                if let Some((match_id, None)) =
                    insert_match(&mut tx, *item_id, release_id, r, m, false, run_id, now).await?
                {
                    new_matches.push((
                        *item_id,
                        NewMatch {
                            match_id,
                            release_title: r.title.clone(),
                            indexer: r.indexer.clone(),
                        },
                    ));
                }
            }
            sqlx::query("UPDATE items SET last_checked_at = $1 WHERE enabled = 1")
                .bind(checked_at)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(new_matches)
        })
        .await
    }

    /// The newest release seen per indexer in `feed`: indexer id → (guid, published at).
    pub async fn feed_cursors(
        &self,
        feed: &str,
    ) -> Result<std::collections::HashMap<i64, (String, i64)>> {
        let rows: Vec<(i64, String, i64)> = sqlx::query_as(
            "SELECT indexer_id, guid, published_at FROM feed_cursors WHERE feed = $1",
        )
        .bind(feed)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(i, g, p)| (i, (g, p))).collect())
    }

    pub async fn set_feed_cursor(
        &self,
        feed: &str,
        indexer_id: i64,
        guid: &str,
        published_at: i64,
    ) -> Result<()> {
        self.write(async {
            sqlx::query(
                "INSERT INTO feed_cursors (feed, indexer_id, guid, published_at, updated_at) VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (feed, indexer_id) DO UPDATE SET guid = excluded.guid,
                     published_at = excluded.published_at, updated_at = excluded.updated_at",
            )
            .bind(feed)
            .bind(indexer_id)
            .bind(guid)
            .bind(published_at)
            .bind(now())
            .execute(&self.pool)
            .await?;
            Ok(())
        })
        .await
    }
}
