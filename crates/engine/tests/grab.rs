//! Grabbing a found release through the service, against the fake Prowlarr: once however often it is
//! asked, again after its cache entry expired (by searching first), never without a client for its protocol,
//! and never with a key-bearing guid or link leaving the engine.

#![allow(clippy::unwrap_used)] // tests may unwrap

mod common;

use std::time::Duration;

use nightwatcher_engine::service::{Face, Service, ServiceError};
use nightwatcher_engine::store::{GrabStatus, SENDING_LEASE_SECS, Store};
use nightwatcher_testkit::prowlarr::{FakeProwlarr, GrabFault, ReleaseBuilder, download_client};
use nightwatcher_testkit::telegram::FakeTelegram;

const KEY: &str = "grab-test-prowlarr-key-0123";
const TOKEN: &str = "123456:GRAB-test_token";
const CHAT: i64 = 77;

struct Setup {
    _dir: tempfile::TempDir,
    service: Service,
    store: Store,
    prowlarr: FakeProwlarr,
    _telegram: FakeTelegram,
    /// The found release of Heat.
    heat: i64,
}

/// A service that has found Heat on the fake Prowlarr, which has a qBittorrent client when `with_client`.
async fn found_heat(guid: &str, with_client: bool) -> Setup {
    let (dir, store) = common::temp_store().await;
    let prowlarr = FakeProwlarr::start(KEY).await;
    let telegram = FakeTelegram::start(TOKEN).await;
    telegram.allow_chat(CHAT);
    if with_client {
        prowlarr.add_download_client(download_client(
            1,
            "qBittorrent",
            "QBittorrent",
            "torrent",
            true,
        ));
    }
    prowlarr.add_release(
        ReleaseBuilder::new("Heat.1995.1080p.BluRay.x264-GRP")
            .guid(guid)
            .build_for(&prowlarr),
    );
    common::point_at_fakes(&store, &prowlarr, &telegram, CHAT).await;
    let (service, mut rx) = common::start(
        store.clone(),
        common::secrets(KEY, TOKEN),
        common::options(common::ON_DEMAND, common::fast_delivery()),
    )
    .await;
    store.add_item(&common::movie("Heat", 1995)).await.unwrap();
    common::check_finished(&service, &mut rx).await;
    let found = store.found_releases(None, 10).await.unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    Setup {
        _dir: dir,
        heat: found[0].match_id,
        service,
        store,
        prowlarr,
        _telegram: telegram,
    }
}

#[tokio::test]
async fn a_found_release_is_grabbed_once_however_often_it_is_asked() {
    let s = found_heat("heat-guid-1", true).await;
    let grab = s.service.grab(s.heat, Face::Web, None).await.unwrap();
    assert_eq!(grab.status, GrabStatus::Grabbed);
    assert_eq!(grab.client.as_deref(), Some("qBittorrent"));
    assert_eq!(grab.face, "web");
    let searches = s.prowlarr.search_requests();

    // A double tap, from two faces at once, and a later one.
    let (a, b) = tokio::join!(
        s.service.grab(s.heat, Face::App, None),
        s.service.grab(s.heat, Face::Cli, None)
    );
    assert_eq!(a.unwrap().status, GrabStatus::Grabbed);
    assert_eq!(b.unwrap().status, GrabStatus::Grabbed);
    let again = s.service.grab(s.heat, Face::Telegram, None).await.unwrap();
    assert_eq!(again.face, "web", "the grab as it was made");

    let grabs = s.prowlarr.grabs();
    assert_eq!(grabs.len(), 1, "{grabs:?}");
    assert_eq!(
        (grabs[0].indexer_id, grabs[0].guid.as_str()),
        (1, "heat-guid-1")
    );
    assert_eq!(grabs[0].download_client_id, 1);
    assert_eq!(
        s.prowlarr.search_requests(),
        searches,
        "no search for a cached release"
    );

    let found = s.store.found_releases(None, 10).await.unwrap();
    assert_eq!(found[0].grab_status, Some(GrabStatus::Grabbed));
    assert_eq!(found[0].grab_client.as_deref(), Some("qBittorrent"));
}

#[tokio::test]
async fn a_release_out_of_prowlarrs_cache_is_searched_for_again_then_grabbed() {
    let s = found_heat("heat-guid-2", true).await;
    // 31 minutes later, and after a restart of Prowlarr: both empty the cache.
    s.prowlarr.age_release_cache(Duration::from_secs(31 * 60));
    let searches = s.prowlarr.search_requests();
    let grab = s.service.grab(s.heat, Face::App, None).await.unwrap();
    assert_eq!(grab.status, GrabStatus::Grabbed);
    assert_eq!(s.prowlarr.search_requests(), searches + 1);
    let search = s
        .prowlarr
        .recorded()
        .into_iter()
        .rfind(|r| r.path == "/api/v1/search" && r.method == "GET")
        .unwrap();
    assert!(
        search
            .query
            .contains(&("indexerIds".to_owned(), "1".to_owned())),
        "{:?}",
        search.query
    );
    assert_eq!(s.prowlarr.grabs().len(), 1);
}

#[tokio::test]
async fn a_guid_with_a_key_in_it_is_never_stored_and_the_grab_uses_prowlarrs() {
    let guid = format!("http://prowlarr.example/1/download?apikey={KEY}&link=h3at");
    let s = found_heat(&guid, true).await;
    let grab = s.service.grab(s.heat, Face::Cli, None).await.unwrap();
    assert_eq!(grab.status, GrabStatus::Grabbed);
    let grabs = s.prowlarr.grabs();
    assert_eq!(grabs.len(), 1);
    assert_eq!(grabs[0].guid, guid, "Prowlarr got the guid it knows");
    let json = serde_json::to_string(&grab).unwrap();
    assert!(!json.contains(KEY), "{json}");
    for file in ["app.db", "app.db-wal"] {
        let bytes = std::fs::read(s._dir.path().join(file)).unwrap_or_default();
        let found = bytes.windows(KEY.len()).any(|w| w == KEY.as_bytes());
        assert!(!found, "the key is in {file}");
    }
}

#[tokio::test]
async fn without_an_enabled_client_for_its_protocol_nothing_is_sent_and_the_reason_says_what_to_do()
{
    let s = found_heat("heat-guid-3", false).await;
    s.prowlarr
        .add_download_client(download_client(2, "SABnzbd", "Sabnzbd", "usenet", true));
    s.prowlarr.add_download_client(download_client(
        3,
        "Transmission",
        "Transmission",
        "torrent",
        false,
    ));
    let e = s.service.grab(s.heat, Face::Web, None).await.unwrap_err();
    assert!(matches!(e, ServiceError::Prowlarr(_)), "{e:?}");
    let message = e.to_string();
    assert!(
        message.contains("torrent") && message.contains("Download Clients"),
        "{message}"
    );
    assert!(s.prowlarr.grabs().is_empty());
    let found = s.store.found_releases(None, 10).await.unwrap();
    assert_eq!(found[0].grab_status, Some(GrabStatus::Failed));

    // Once a client is there, the failed grab can be asked again.
    s.prowlarr.add_download_client(download_client(
        4,
        "qBittorrent",
        "QBittorrent",
        "torrent",
        true,
    ));
    let grab = s.service.grab(s.heat, Face::Web, None).await.unwrap();
    assert_eq!(grab.status, GrabStatus::Grabbed);
    assert_eq!(grab.attempts, 2);
}

#[tokio::test]
async fn a_refusal_by_the_indexer_or_client_is_said_and_can_be_retried() {
    let s = found_heat("heat-guid-4", true).await;
    s.prowlarr.push_grab_fault(GrabFault::IndexerFailed);
    let message = s
        .service
        .grab(s.heat, Face::App, None)
        .await
        .unwrap_err()
        .to_string();
    assert!(message.contains("download client"), "{message}");
    assert!(s.prowlarr.grabs().is_empty());
    assert_eq!(
        s.service
            .grab(s.heat, Face::App, None)
            .await
            .unwrap()
            .status,
        GrabStatus::Grabbed
    );
}

#[tokio::test]
async fn a_request_handled_again_answers_as_before_and_sends_nothing() {
    let s = found_heat("heat-guid-5", true).await;
    s.prowlarr.push_grab_fault(GrabFault::IndexerFailed);
    assert!(
        s.service
            .grab(s.heat, Face::Telegram, Some("update:41"))
            .await
            .is_err()
    );
    // The same update again (a restart before its offset was confirmed): still the failure, nothing sent.
    assert!(
        s.service
            .grab(s.heat, Face::Telegram, Some("update:41"))
            .await
            .is_err()
    );
    assert!(s.prowlarr.grabs().is_empty());
    // A new tap retries.
    let grab = s
        .service
        .grab(s.heat, Face::Telegram, Some("update:42"))
        .await
        .unwrap();
    assert_eq!(grab.status, GrabStatus::Grabbed);
    assert_eq!(s.prowlarr.grabs().len(), 1);
}

#[tokio::test]
async fn a_grab_cut_off_by_a_crash_is_not_sent_again_by_itself() {
    let s = found_heat("heat-guid-6", true).await;
    // What a process that died mid-send leaves: the row `sending`, older than its lease.
    let db = sqlx::SqlitePool::connect_with(
        sqlx::sqlite::SqliteConnectOptions::new().filename(s._dir.path().join("app.db")),
    )
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO grabs (match_id, status, face, attempts, requested_at) VALUES (?, 'sending', 'app', 1, ?)",
    )
    .bind(s.heat)
    .bind(chrono::Utc::now().timestamp() - SENDING_LEASE_SECS - 1)
    .execute(&db)
    .await
    .unwrap();
    let message = s
        .service
        .grab(s.heat, Face::App, None)
        .await
        .unwrap_err()
        .to_string();
    assert!(message.contains("may or may not have reached"), "{message}");
    assert!(s.prowlarr.grabs().is_empty());
    // Asked again, knowingly: sent.
    assert_eq!(
        s.service
            .grab(s.heat, Face::App, None)
            .await
            .unwrap()
            .status,
        GrabStatus::Grabbed
    );
    assert_eq!(s.prowlarr.grabs().len(), 1);
}

#[tokio::test]
async fn an_unknown_found_release_is_not_found() {
    let s = found_heat("heat-guid-7", true).await;
    let e = s
        .service
        .grab(s.heat + 100, Face::Cli, None)
        .await
        .unwrap_err();
    assert!(matches!(e, ServiceError::NotFound(_)), "{e:?}");
}
