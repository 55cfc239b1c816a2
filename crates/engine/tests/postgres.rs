//! The engine on a real PostgreSQL server (the testkit's private cluster): a check through the service finds,
//! records and notifies as on SQLite, and a second engine on the same database repeats nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is the failure report

mod common;

use std::time::Duration;

use nightwatcher_engine::store::{Backend, PoolSettings, Store};
use nightwatcher_testkit::postgres::PgCluster;
use nightwatcher_testkit::prowlarr::FakeProwlarr;
use nightwatcher_testkit::telegram::FakeTelegram;

const KEY: &str = "pg-prowlarr-key-0c0ffee";
const TOKEN: &str = "424243:PG-token_x";
const CHAT: i64 = 4243;

async fn open(pg: &PgCluster) -> Store {
    Store::open_postgres(&pg.url("nw"), "127.0.0.1/nw", PoolSettings::default())
        .await
        .unwrap()
}

#[tokio::test]
async fn a_check_on_postgresql_finds_records_and_notifies_once() {
    let pg = PgCluster::start();
    pg.create_database("nw");
    let prowlarr = FakeProwlarr::start(KEY).await;
    common::offer_films(&prowlarr);
    let telegram = FakeTelegram::start(TOKEN).await;
    telegram.allow_chat(CHAT);

    let store = open(&pg).await;
    assert_eq!(store.backend(), Backend::Postgres);
    common::watch_films(&store).await;
    common::point_at_fakes(&store, &prowlarr, &telegram, CHAT).await;
    let options = common::options(common::ON_DEMAND, common::fast_delivery());
    let (service, mut rx) =
        common::start(store.clone(), common::secrets(KEY, TOKEN), options).await;
    let summary = common::check_finished(&service, &mut rx).await;
    assert_eq!(summary.new_matches, 3, "{summary:?}");
    assert_eq!(
        telegram
            .wait_for_messages(3, Duration::from_secs(20))
            .await
            .len(),
        3
    );
    common::outbox_where(&store, Duration::from_secs(20), |c| {
        c.sent == 3 && c.pending == 0
    })
    .await;
    let found = service.found_releases(None).await.unwrap();
    assert_eq!(found.len(), 3);
    assert_eq!(found[0].indexers, r#"["FakeIndexer"]"#, "{found:?}");
    service.shutdown().await;

    // A second engine on the database: the same watchlist, and nothing announced again.
    let store = open(&pg).await;
    assert_eq!(store.items().await.unwrap().len(), 3);
    let options = common::options(common::ON_DEMAND, common::fast_delivery());
    let (service, mut rx) =
        common::start(store.clone(), common::secrets(KEY, TOKEN), options).await;
    let summary = common::check_finished(&service, &mut rx).await;
    assert_eq!(summary.new_matches, 0);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(telegram.messages().len(), 3);
    service.shutdown().await;
}
