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
