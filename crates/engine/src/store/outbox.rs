//! The outbox: composing the notifications owed (in one transaction with marking the matches announced),
//! claiming a due one for delivery with a lease, and marking it sent, retried or failed.

use sqlx::Row;

use super::{Result, Store, now};
use crate::prowlarr::Protocol;

/// A match owed a notification, with what the message needs.
#[derive(Debug, Clone, PartialEq)]
pub struct UnannouncedMatch {
    pub match_id: i64,
    pub item_id: i64,
    pub item_title: String,
    pub item_year: Option<u16>,
    pub initial: bool,
    pub title: String,
    pub release_key: String,
    /// `matcher::quality_score`.
    pub quality: i64,
    pub size: Option<i64>,
    /// The most any indexer listing this release reported.
    pub seeders: Option<i64>,
    pub protocol: Protocol,
    pub published_at: Option<i64>,
    pub info_url: Option<String>,
    pub poster_url: Option<String>,
    /// Every indexer that carried this release (cross-posts are one match).
    pub indexers: Vec<String>,
    /// What it is of (`S02E05`, `movie`...), `None` when it cannot be placed.
    pub episode_key: Option<String>,
    /// `proper` or `repack`.
    pub revision: Option<String>,
    /// The best quality of this item's releases of the same episode already announced; `None` when none
    /// was: the episode is news.
    pub announced_best: Option<i64>,
    /// A release of the same episode in the same quality was announced already.
    pub announced_same_quality: bool,
}

/// What a notification says. Stored and serialized as `summary` (the first message about an item: what
/// exists already), `new` (releases new since) and `digest` (many items' news in one message).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    serde::Serialize,
    serde::Deserialize,
    strum::IntoStaticStr,
    strum::VariantNames,
    strum::EnumString,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum NotificationKind {
    Summary,
    New,
    Digest,
}

crate::closed_set!(NotificationKind);

/// A notification to insert into the outbox, and the matches it announces.
#[derive(Debug, Clone, PartialEq)]
pub struct OutboxEntry {
    pub channel: String,
    pub kind: NotificationKind,
    pub item_id: Option<i64>,
    pub payload: String,
    pub match_ids: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct PendingNotification {
    pub id: i64,
    pub channel: String,
    pub kind: NotificationKind,
    pub payload: String,
    pub attempts: i64,
}

#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct NotificationCounts {
    pub pending: i64,
    pub sent: i64,
    pub failed: i64,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, sqlx::FromRow)]
pub struct FailedNotification {
    pub id: i64,
    pub kind: NotificationKind,
    pub item_id: Option<i64>,
    pub attempts: i64,
    pub reason: String,
    pub created_at: i64,
}

impl Store {
    /// Reads the matches owed a notification, lets `compose` turn them into outbox entries, and stores those
    /// entries while marking the matches announced — all in one `BEGIN IMMEDIATE` transaction, so two
    /// processes cannot announce the same match twice and a crash leaves either both or neither.
    /// The match ids `compose` returns as deferred stay owed, for the item's next message.
    pub async fn announce_pending<F>(&self, compose: F) -> Result<usize>
    where
        F: FnOnce(Vec<UnannouncedMatch>) -> (Vec<OutboxEntry>, Vec<i64>),
    {
        self.write(async {
            let mut tx = self.begin_write().await?;
            // A muted item's matches are owed nothing: announced without a message, so unmuting does not
            // send what was found meanwhile.
            let muted = sqlx::query(
                "UPDATE matches SET announced = 1
                 WHERE announced = 0 AND rejected IS NULL
                   AND item_id IN (SELECT id FROM items WHERE muted_at IS NOT NULL)",
            )
            .execute(&mut *tx)
            .await?
            .rows_affected();
            let indexers = self.indexers_of_release();
            let rows = sqlx::query(&format!(
                "SELECT m.id, m.item_id, i.title AS item_title, i.year, m.initial, r.title, r.release_key, m.quality,
                        r.size, (SELECT MAX(r2.seeders) FROM releases r2 WHERE r2.release_key = r.release_key) AS seeders,
                        r.protocol, r.published_at, r.info_url, r.poster_url,
                        {indexers} AS indexers, m.episode_key, m.revision,
                        (SELECT MAX(p.quality) FROM matches p
                         WHERE p.item_id = m.item_id AND p.episode_key = m.episode_key AND p.announced = 1
                           AND p.rejected IS NULL) AS announced_best,
                        CASE WHEN EXISTS (SELECT 1 FROM matches p
                         WHERE p.item_id = m.item_id AND p.episode_key = m.episode_key AND p.announced = 1
                           AND p.rejected IS NULL AND p.quality = m.quality) THEN 1 ELSE 0 END
                          AS announced_same_quality
                 FROM matches m JOIN items i ON i.id = m.item_id JOIN releases r ON r.id = m.release_id
                 WHERE m.announced = 0 AND m.rejected IS NULL
                 ORDER BY m.item_id, m.id",
            ))
            .fetch_all(&mut *tx)
            .await?;
            if rows.is_empty() {
                if muted > 0 {
                    tx.commit().await?;
                } else {
                    tx.rollback().await?;
                }
                return Ok(0);
            }
            let matches: Vec<UnannouncedMatch> = rows
                .iter()
                .map(|row| UnannouncedMatch {
                    match_id: row.get("id"),
                    item_id: row.get("item_id"),
                    item_title: row.get("item_title"),
                    item_year: row
                        .get::<Option<i64>, _>("year")
                        .and_then(|y| u16::try_from(y).ok()),
                    initial: row.get::<i64, _>("initial") != 0,
                    title: row.get("title"),
                    release_key: row.get("release_key"),
                    quality: row.get("quality"),
                    size: row.get("size"),
                    seeders: row.get("seeders"),
                    protocol: row.get("protocol"),
                    published_at: row.get("published_at"),
                    info_url: row.get("info_url"),
                    poster_url: row.get("poster_url"),
                    indexers: serde_json::from_str(row.get::<&str, _>("indexers")).unwrap_or_default(),
                    episode_key: row.get("episode_key"),
                    revision: row.get("revision"),
                    announced_best: row.get("announced_best"),
                    announced_same_quality: row.get::<i64, _>("announced_same_quality") != 0,
                })
                .collect();
            let all_ids: Vec<i64> = matches.iter().map(|m| m.match_id).collect();
            let (entries, deferred) = compose(matches);
            let all_ids = all_ids.into_iter().filter(|id| !deferred.contains(id));
            let now = now();
            let mut queued = 0;
            for entry in &entries {
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO notifications (channel, kind, item_id, payload, status, next_attempt_at, created_at)
                     VALUES ($1, $2, $3, $4, 'pending', $5, $6) RETURNING id",
                )
                .bind(&entry.channel)
                .bind(entry.kind.as_str())
                .bind(entry.item_id)
                .bind(&entry.payload)
                .bind(now)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                queued += 1;
                for match_id in &entry.match_ids {
                    sqlx::query("UPDATE matches SET notification_id = COALESCE(notification_id, $1) WHERE id = $2")
                        .bind(id)
                        .bind(match_id)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            // Every match read and not deferred is announced, whether or not a channel took it (no channel
            // configured = nothing owed).
            for match_id in all_ids {
                sqlx::query("UPDATE matches SET announced = 1 WHERE id = $1")
                    .bind(match_id)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok(queued)
        })
        .await
    }

    /// Claims the notification of one of `channels` due the longest (then the oldest) for delivery, in one
    /// statement, so one being retried does not starve those queued behind it: its next
    /// attempt moves to `lease_until`, so no other process (nor this one) claims it before then. The claimer
    /// marks it sent, retried or failed; a claimer that dies leaves it to come back due at `lease_until`.
    pub async fn claim_due(
        &self,
        now: i64,
        lease_until: i64,
        channels: &[&str],
    ) -> Result<Option<PendingNotification>> {
        let channels = serde_json::to_string(channels).unwrap_or_else(|_| "[]".into());
        self.write(async {
            // On PostgreSQL two engines may pick the same row at once: the one that finds it locked skips it.
            Ok(sqlx::query_as(self.dialect(
                "UPDATE notifications SET next_attempt_at = $2
                 WHERE id = (SELECT id FROM notifications
                             WHERE status = 'pending' AND next_attempt_at <= $1
                               AND channel IN (SELECT value FROM json_each($3))
                             ORDER BY next_attempt_at, id LIMIT 1)
                 RETURNING id, channel, kind, payload, attempts",
                "UPDATE notifications SET next_attempt_at = $2
                 WHERE id = (SELECT id FROM notifications
                             WHERE status = 'pending' AND next_attempt_at <= $1
                               AND channel IN (SELECT value FROM json_array_elements_text(CAST($3 AS json)))
                             ORDER BY next_attempt_at, id LIMIT 1
                             FOR UPDATE SKIP LOCKED)
                 RETURNING id, channel, kind, payload, attempts",
            ))
            .bind(now)
            .bind(lease_until)
            .bind(channels)
            .fetch_optional(&self.pool)
            .await?)
        })
        .await
    }

    /// When the next pending notification becomes due, if any is pending.
    pub async fn next_due_at(&self) -> Result<Option<i64>> {
        Ok(sqlx::query_scalar(
            "SELECT MIN(next_attempt_at) FROM notifications WHERE status = 'pending'",
        )
        .fetch_one(&self.pool)
        .await?)
    }

    /// Marks a notification sent. Returns false if it was no longer pending (another process sent it).
    pub async fn mark_sent(&self, id: i64) -> Result<bool> {
        self.write(async {
            let done = sqlx::query(
                "UPDATE notifications SET status = 'sent', sent_at = $1, attempts = attempts + 1, last_error = NULL
                 WHERE id = $2 AND status = 'pending'",
            )
            .bind(now())
            .bind(id)
            .execute(&self.pool)
            .await?;
            Ok(done.rows_affected() > 0)
        })
        .await
    }

    pub async fn mark_retry(&self, id: i64, next_attempt_at: i64, error: &str) -> Result<()> {
        self.write(async {
            sqlx::query(
                "UPDATE notifications SET attempts = attempts + 1, next_attempt_at = $1, last_error = $2
                 WHERE id = $3 AND status = 'pending'",
            )
            .bind(next_attempt_at)
            .bind(error)
            .bind(id)
            .execute(&self.pool)
            .await?;
            Ok(())
        })
        .await
    }

    pub async fn mark_failed(&self, id: i64, reason: &str) -> Result<()> {
        self.write(async {
            sqlx::query(
                "UPDATE notifications SET status = 'failed', attempts = attempts + 1, last_error = $1
                 WHERE id = $2 AND status = 'pending'",
            )
            .bind(reason)
            .bind(id)
            .execute(&self.pool)
            .await?;
            Ok(())
        })
        .await
    }

    /// Puts failed notifications back in the queue ("Retry failed"). Returns how many.
    pub async fn retry_failed(&self) -> Result<u64> {
        self.write(async {
            let done = sqlx::query(
                "UPDATE notifications SET status = 'pending', next_attempt_at = $1, attempts = 0 WHERE status = 'failed'",
            )
            .bind(now())
            .execute(&self.pool)
            .await?;
            Ok(done.rows_affected())
        })
        .await
    }

    pub async fn notification_counts(&self) -> Result<NotificationCounts> {
        let row = sqlx::query(
            "SELECT COUNT(*) FILTER (WHERE status = 'pending') AS pending, COUNT(*) FILTER (WHERE status = 'sent') AS sent,
                    COUNT(*) FILTER (WHERE status = 'failed') AS failed FROM notifications",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(NotificationCounts {
            pending: row.get("pending"),
            sent: row.get("sent"),
            failed: row.get("failed"),
        })
    }

    pub async fn failed_notifications(&self, limit: i64) -> Result<Vec<FailedNotification>> {
        Ok(sqlx::query_as(
            "SELECT id, kind, item_id, attempts, COALESCE(last_error, '') AS reason, created_at FROM notifications
             WHERE status = 'failed' ORDER BY id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }
}
