//! The hourly search budget, shared by every process on the database: when each item was last searched,
//! and the searches granted in any rolling hour.

use super::{Result, Store};

impl Store {
    /// When each enabled item was last searched by name (`None`: never since it was added or edited).
    pub async fn search_times(&self) -> Result<std::collections::HashMap<i64, Option<i64>>> {
        let rows: Vec<(i64, Option<i64>)> =
            sqlx::query_as("SELECT id, last_searched_at FROM items WHERE enabled = 1")
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().collect())
    }

    pub async fn mark_searched(&self, item_id: i64, at: i64) -> Result<()> {
        self.write(async {
            sqlx::query("UPDATE items SET last_searched_at = $1 WHERE id = $2")
                .bind(at)
                .bind(item_id)
                .execute(&self.pool)
                .await?;
            Ok(())
        })
        .await
    }

    /// Grants item searches from the hourly budget shared by every process on this database: takes `costs` in
    /// order while the searches granted in the hour before `now` plus the next cost stay within `per_hour`,
    /// and returns how many of them were granted (they are then counted as made). One `BEGIN IMMEDIATE`
    /// transaction, so two processes checking at once cannot both spend the same remainder.
    pub async fn grant_searches(&self, now: i64, per_hour: u32, costs: &[u32]) -> Result<usize> {
        self.write(async {
            let mut tx = self.begin_write().await?;
            sqlx::query("DELETE FROM searches_granted WHERE at <= $1")
                .bind(now - 3600)
                .execute(&mut *tx)
                .await?;
            let used: i64 = sqlx::query_scalar(
                "SELECT CAST(COALESCE(SUM(count), 0) AS BIGINT) FROM searches_granted",
            )
            .fetch_one(&mut *tx)
            .await?;
            let mut left = i64::from(per_hour) - used;
            let mut granted = 0;
            let mut spent = 0;
            for &cost in costs {
                if i64::from(cost) > left {
                    break;
                }
                left -= i64::from(cost);
                spent += i64::from(cost);
                granted += 1;
            }
            if spent > 0 {
                sqlx::query("INSERT INTO searches_granted (at, count) VALUES ($1, $2)")
                    .bind(now)
                    .bind(spent)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok(granted)
        })
        .await
    }

    /// Item searches granted in the hour before `now` (by any process on this database).
    pub async fn searches_last_hour(&self, now: i64) -> Result<u32> {
        let used: i64 = sqlx::query_scalar(
            "SELECT CAST(COALESCE(SUM(count), 0) AS BIGINT) FROM searches_granted WHERE at > $1",
        )
        .bind(now - 3600)
        .fetch_one(&self.pool)
        .await?;
        Ok(u32::try_from(used).unwrap_or(u32::MAX))
    }
}
