//! The watchlist: items, their filters and aliases as stored, and what has happened to each.

use std::str::FromStr;

use sqlx::Row;

use super::{Result, Store, StoreError, now};
use crate::model::{ItemKind, ValidItem, WatchlistItem};

/// What has happened to an item so far.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct ItemState {
    pub found: i64,
    pub last_error: Option<String>,
    pub last_checked_at: Option<i64>,
}

const ITEM_COLUMNS: &str =
    "SELECT id, title, kind, year, from_season, from_episode, imdb_id, tmdb_id, tvdb_id,
    categories, enabled, muted_at, aliases, filters, only_season, from_date FROM items";

/// The JSON columns of an item. A filter set that cannot be written (it always can) is stored empty.
type AnyQuery<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>;

/// Binds an item's stored fields in the column order both `insert_item` and [`Store::update_item`] list:
/// title, kind, year, from_season, from_episode, imdb_id, tmdb_id, tvdb_id, categories, enabled, aliases,
/// filters, only_season, from_date.
fn bind_item<'q>(query: AnyQuery<'q>, item: &'q ValidItem) -> AnyQuery<'q> {
    query
        .bind(&item.title)
        .bind(item.kind.as_str())
        .bind(item.year.map(i64::from))
        .bind(item.from_season.map(i64::from))
        .bind(item.from_episode.map(i64::from))
        .bind(&item.imdb_id)
        .bind(item.tmdb_id.map(i64::from))
        .bind(item.tvdb_id.map(i64::from))
        .bind(serde_json::to_string(&item.categories).unwrap_or_else(|_| "[]".into()))
        .bind(i64::from(item.enabled))
        .bind(serde_json::to_string(&item.aliases).unwrap_or_else(|_| "[]".into()))
        .bind(serde_json::to_string(&item.filters).unwrap_or_else(|_| "{}".into()))
        .bind(item.only_season.map(i64::from))
        .bind(&item.from_date)
}

fn item_from_row(row: &sqlx::any::AnyRow) -> WatchlistItem {
    let kind: String = row.get("kind");
    let categories: String = row.get("categories");
    WatchlistItem {
        id: row.get("id"),
        title: row.get("title"),
        kind: ItemKind::from_str(&kind).unwrap_or(ItemKind::Movie),
        year: row
            .get::<Option<i64>, _>("year")
            .and_then(|v| u16::try_from(v).ok()),
        from_season: row
            .get::<Option<i64>, _>("from_season")
            .and_then(|v| u32::try_from(v).ok()),
        from_episode: row
            .get::<Option<i64>, _>("from_episode")
            .and_then(|v| u32::try_from(v).ok()),
        only_season: row
            .get::<Option<i64>, _>("only_season")
            .and_then(|v| u32::try_from(v).ok()),
        from_date: row.get("from_date"),
        imdb_id: row.get("imdb_id"),
        tmdb_id: row
            .get::<Option<i64>, _>("tmdb_id")
            .and_then(|v| u32::try_from(v).ok()),
        tvdb_id: row
            .get::<Option<i64>, _>("tvdb_id")
            .and_then(|v| u32::try_from(v).ok()),
        categories: serde_json::from_str(&categories).unwrap_or_default(),
        enabled: row.get::<i64, _>("enabled") != 0,
        muted: row.get::<Option<i64>, _>("muted_at").is_some(),
        aliases: serde_json::from_str(row.get::<&str, _>("aliases")).unwrap_or_default(),
        // Written by this code from a validated set; an unreadable one (a newer version's field) reads as
        // no filters rather than hiding the item.
        filters: serde_json::from_str(row.get::<&str, _>("filters")).unwrap_or_default(),
    }
}

async fn insert_item(tx: &mut sqlx::AnyConnection, item: &ValidItem) -> Result<i64> {
    let now = now();
    let row = bind_item(
        sqlx::query(
            "INSERT INTO items (title, kind, year, from_season, from_episode, imdb_id, tmdb_id, tvdb_id, categories,
                                enabled, aliases, filters, only_season, from_date, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id",
        ),
        item,
    )
    .bind(now)
    .bind(now)
    .fetch_one(tx)
    .await?;
    Ok(row.try_get(0)?)
}

impl Store {
    pub async fn add_item(&self, item: &ValidItem) -> Result<WatchlistItem> {
        self.write(async {
            let mut tx = self.pool.begin().await?;
            let id = insert_item(&mut tx, item).await?;
            tx.commit().await?;
            self.item(id).await
        })
        .await
    }

    /// Inserts every item in one transaction: all or nothing.
    pub async fn import_items(&self, items: &[ValidItem]) -> Result<Vec<i64>> {
        self.write(async {
            let mut tx = self.pool.begin().await?;
            let mut ids = Vec::with_capacity(items.len());
            for item in items {
                ids.push(insert_item(&mut tx, item).await?);
            }
            tx.commit().await?;
            Ok(ids)
        })
        .await
    }

    pub async fn update_item(&self, id: i64, item: &ValidItem) -> Result<WatchlistItem> {
        self.write(async {
            let done = bind_item(
                sqlx::query(
                    "UPDATE items SET title = $1, kind = $2, year = $3, from_season = $4, from_episode = $5, imdb_id = $6,
                            tmdb_id = $7, tvdb_id = $8, categories = $9, enabled = $10, aliases = $11, filters = $12,
                            only_season = $13, from_date = $14, updated_at = $15, last_searched_at = NULL
                     WHERE id = $16",
                ),
                item,
            )
            .bind(now())
            .bind(id)
            .execute(&self.pool)
            .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NoSuchItem(id));
            }
            self.item(id).await
        })
        .await
    }

    pub async fn set_item_enabled(&self, id: i64, enabled: bool) -> Result<()> {
        self.write(async {
            let done = sqlx::query("UPDATE items SET enabled = $1, updated_at = $2 WHERE id = $3")
                .bind(i64::from(enabled))
                .bind(now())
                .bind(id)
                .execute(&self.pool)
                .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NoSuchItem(id));
            }
            Ok(())
        })
        .await
    }

    /// Mutes an item (it is searched and recorded, not notified) or unmutes it.
    pub async fn set_item_muted(&self, id: i64, muted: bool) -> Result<()> {
        self.write(async {
            let done = sqlx::query(
                "UPDATE items SET muted_at = CASE WHEN $1 THEN COALESCE(muted_at, $2) END, updated_at = $3 WHERE id = $4",
            )
            .bind(muted)
            .bind(now())
            .bind(now())
            .bind(id)
            .execute(&self.pool)
            .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NoSuchItem(id));
            }
            Ok(())
        })
        .await
    }

    /// Removes an item and its matches. Returns false when there was no such item.
    pub async fn remove_item(&self, id: i64) -> Result<bool> {
        self.write(async {
            let done = sqlx::query("DELETE FROM items WHERE id = $1")
                .bind(id)
                .execute(&self.pool)
                .await?;
            Ok(done.rows_affected() > 0)
        })
        .await
    }

    pub async fn item(&self, id: i64) -> Result<WatchlistItem> {
        let row = sqlx::query(&format!("{ITEM_COLUMNS} WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NoSuchItem(id))?;
        Ok(item_from_row(&row))
    }

    pub async fn items(&self) -> Result<Vec<WatchlistItem>> {
        let rows = sqlx::query(&format!("{ITEM_COLUMNS} ORDER BY id"))
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.iter().map(item_from_row).collect())
    }

    pub async fn enabled_items(&self) -> Result<Vec<WatchlistItem>> {
        let rows = sqlx::query(&format!("{ITEM_COLUMNS} WHERE enabled = 1 ORDER BY id"))
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.iter().map(item_from_row).collect())
    }

    /// Every item with what has happened to it: matches found, its last search's error, when it was checked.
    pub async fn item_states(&self) -> Result<Vec<(WatchlistItem, ItemState)>> {
        let rows = sqlx::query(
            "SELECT id, title, kind, year, from_season, from_episode, imdb_id, tmdb_id, tvdb_id, categories, enabled,
                    muted_at, aliases, filters, only_season, from_date, last_error, last_checked_at,
                    (SELECT COUNT(*) FROM matches m WHERE m.item_id = items.id AND m.rejected IS NULL) AS found
             FROM items ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| {
                let state = ItemState {
                    found: r.get("found"),
                    last_error: r.get("last_error"),
                    last_checked_at: r.get("last_checked_at"),
                };
                (item_from_row(r), state)
            })
            .collect())
    }

    pub async fn record_item_error(&self, item_id: i64, error: &str) -> Result<()> {
        self.write(async {
            sqlx::query("UPDATE items SET last_checked_at = $1, last_error = $2 WHERE id = $3")
                .bind(now())
                .bind(error)
                .bind(item_id)
                .execute(&self.pool)
                .await?;
            Ok(())
        })
        .await
    }

    /// Items whose last search failed: (id, title, error).
    pub async fn item_errors(&self) -> Result<Vec<(i64, String, String)>> {
        let rows = sqlx::query(
            "SELECT id, title, last_error FROM items WHERE last_error IS NOT NULL ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| (r.get("id"), r.get("title"), r.get("last_error")))
            .collect())
    }
}
