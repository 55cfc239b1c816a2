//! `Store::integrity_check`, which the crash-consistency bench runs after its kills: SQLite's own check of a
//! real file.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic: that is the failure report

use nightwatcher_engine::model::{ItemKind, ItemSpec};
use nightwatcher_engine::store::Store;

#[tokio::test]
async fn a_written_database_checks_ok() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("check.db");
    let store = Store::open(&path).await.unwrap();
    let spec = ItemSpec {
        title: "Heat".into(),
        kind: Some(ItemKind::Movie),
        year: Some(1995),
        ..ItemSpec::default()
    };
    store.add_item(&spec.validate().unwrap()).await.unwrap();
    assert_eq!(store.integrity_check().await.unwrap(), "ok");
    store.close().await;
}

#[tokio::test]
async fn the_search_budget_never_grants_more_than_its_hourly_count_in_any_hour() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("nw.db")).await.unwrap();
    let start = 1_800_000_000;
    let mut granted: Vec<i64> = Vec::new();
    // Three hours, a check a minute, each asking for 7 searches of costs 1 to 3.
    for minute in 0..180 {
        let now = start + minute * 60;
        let costs = [3, 1, 2, 1, 3, 2, 1];
        let n = store.grant_searches(now, 100, &costs).await.unwrap();
        let spent: u32 = costs[..n].iter().sum();
        granted.extend(std::iter::repeat_n(now, spent as usize));
        let in_hour = granted.iter().filter(|&&t| t > now - 3600).count();
        assert!(
            in_hour <= 100,
            "{in_hour} searches in the hour before minute {minute}"
        );
        assert_eq!(
            store.searches_last_hour(now).await.unwrap() as usize,
            in_hour
        );
    }
    // Each hour's budget was used up to less than the largest cost (the checks asked for more than 100 an
    // hour), and never more.
    assert!((3 * 98..=300).contains(&granted.len()), "{}", granted.len());
    // A cost that does not fit stops the grant: those behind it wait, however cheap.
    let now = start + 180 * 60;
    let used = store.searches_last_hour(now).await.unwrap();
    assert_eq!(
        store.grant_searches(now, used + 2, &[3, 1]).await.unwrap(),
        0
    );
    assert_eq!(
        store.grant_searches(now, used + 2, &[2, 1]).await.unwrap(),
        1
    );
}

/// The files under `dir` this process has open (from `/proc/self/fd`).
fn open_files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir("/proc/self/fd")
        .unwrap()
        .flatten()
        .filter_map(|fd| std::fs::read_link(fd.path()).ok())
        .filter(|target| target.starts_with(dir))
        .collect()
}

#[tokio::test]
async fn closing_the_store_closes_its_files() {
    // A connection still being released when the pool closes went idle afterwards and kept the files open
    // (which kept a disk from being remounted, and the -wal file from being checkpointed away).
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nw.db");
    for round in 0..30 {
        let store = Store::open(&db).await.unwrap();
        let spec = ItemSpec {
            title: format!("Film {round}"),
            kind: Some(ItemKind::Movie),
            ..Default::default()
        };
        store.add_item(&spec.validate().unwrap()).await.unwrap();
        assert_eq!(store.items().await.unwrap().len(), round + 1);
        store.close().await;
        let open = open_files_under(dir.path());
        assert!(open.is_empty(), "round {round}: still open: {open:?}");
    }
}
