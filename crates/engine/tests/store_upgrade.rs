//! A database made by an earlier version opens, and its rows keep working.

#![allow(clippy::unwrap_used)]

use nightwatcher_engine::filters::ItemFilters;
use nightwatcher_engine::store::Store;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePool};

#[tokio::test]
async fn items_and_matches_from_the_first_schema_keep_working() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first");
    std::fs::create_dir(&first).unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../migrations/sqlite");
    std::fs::copy(
        root.join("0001_initial.sql"),
        first.join("0001_initial.sql"),
    )
    .unwrap();
    let db = dir.path().join("old.db");
    let pool = SqlitePool::connect_with(
        SqliteConnectOptions::new()
            .filename(&db)
            .create_if_missing(true),
    )
    .await
    .unwrap();
    sqlx::migrate::Migrator::new(first.as_path())
        .await
        .unwrap()
        .run(&pool)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO items (title, kind, year, from_season, categories, created_at, updated_at)
         VALUES ('Severance', 'series', 2022, 2, '[5000]', 0, 0)",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;

    let store = Store::open(&db).await.unwrap();
    let items = store.items().await.unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].title, "Severance");
    assert_eq!(items[0].from_season, Some(2));
    assert!(items[0].aliases.is_empty());
    assert_eq!(items[0].filters, ItemFilters::default());
    assert_eq!(
        (items[0].only_season, items[0].from_date.as_deref()),
        (None, None)
    );
}
