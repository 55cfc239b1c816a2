//! The service as a command line uses it (`Service::start_one_shot`): it checks and delivers only when the
//! command asks, and a check it runs is the scheduler's, with the same outcome, backoff and monitoring.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic: that is the failure report

mod common;

use std::sync::Arc;
use std::time::Duration;

use nightwatcher_engine::events::Events;
use nightwatcher_engine::model::{ItemKind, ItemSpec};
use nightwatcher_engine::secrets::MemoryStore;
use nightwatcher_engine::service::{CheckOnceError, Service, ServiceOptions};
use nightwatcher_engine::settings::{self, SettingKey};
use nightwatcher_engine::store::Store;
use nightwatcher_testkit::prowlarr::{FakeProwlarr, ReleaseBuilder};
use nightwatcher_testkit::telegram::FakeTelegram;
use tokio_util::sync::CancellationToken;

const KEY: &str = "one-shot-prowlarr-key-31";
const TOKEN: &str = "313131:ONESHOT-token_q";
const CHAT: i64 = 31;

async fn one_shot(store: &Store, secrets: Arc<MemoryStore>) -> Service {
    let options = ServiceOptions {
        delivery: common::fast_retries(Duration::from_millis(50)),
        ..ServiceOptions::default()
    };
    Service::start_one_shot(store.clone(), secrets, Events::new(), options).await
}

/// A closed port: what a Telegram that cannot be reached looks like.
fn unreachable_url() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    url
}

#[tokio::test]
async fn it_checks_only_when_asked_and_the_check_searches_the_added_item() {
    let prowlarr = FakeProwlarr::start(KEY).await;
    let telegram = FakeTelegram::start(TOKEN).await;
    telegram.allow_chat(CHAT);
    prowlarr
        .add_release(ReleaseBuilder::new("Heat.1995.1080p.BluRay.x264-GRP").build_for(&prowlarr));
    let (_dir, store) = common::temp_store().await;
    common::point_at_fakes(&store, &prowlarr, &telegram, CHAT).await;
    let service = one_shot(&store, common::secrets(KEY, TOKEN)).await;
    let cancel = CancellationToken::new();

    // Adding asks for a check (search on add); nothing runs it behind the command's back.
    let spec = ItemSpec {
        title: "Heat".into(),
        kind: Some(ItemKind::Movie),
        ..Default::default()
    };
    service.add_item(spec).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(prowlarr.requests(), 0, "no check ran by itself");
    assert!(store.recent_runs(1).await.unwrap().is_empty());

    let report = service
        .run_requested_check(Duration::from_secs(10), &cancel)
        .await
        .expect("adding asked for a check")
        .unwrap();
    assert_eq!(report.summary.searches, 1, "{report:?}");
    assert_eq!(report.summary.new_matches, 1, "{report:?}");
    assert_eq!(report.delivered.sent, 1, "{report:?}");
    assert_eq!(report.notifications.pending, 0, "{report:?}");
    assert_eq!(telegram.messages().len(), 1);
    assert!(
        service
            .run_requested_check(Duration::from_secs(10), &cancel)
            .await
            .is_none(),
        "the request was answered"
    );

    // The check left what the window's checks leave: the run, and the monitoring snapshot.
    let status = service.status_report().await.unwrap();
    assert_eq!(status.runs[0].status, "ok");
    let monitor = status.monitor.expect("the check wrote its figures");
    assert_eq!(monitor["last_check"]["searches"], 1, "{monitor}");
    assert_eq!(monitor["search_budget"]["used_last_hour"], 1, "{monitor}");
    service.shutdown().await;
}

#[tokio::test]
async fn commands_that_do_not_check_send_nothing_from_the_outbox() {
    let prowlarr = FakeProwlarr::start(KEY).await;
    let telegram = FakeTelegram::start(TOKEN).await;
    telegram.allow_chat(CHAT);
    common::offer_films(&prowlarr);
    let (dir, store) = common::temp_store().await;
    common::watch_films(&store).await;
    common::point_at_fakes(&store, &prowlarr, &telegram, CHAT).await;
    settings::set(&store, SettingKey::TelegramApiUrl, &unreachable_url())
        .await
        .unwrap();

    // A check while Telegram is out of reach leaves its notifications pending.
    let first = one_shot(&store, common::secrets(KEY, TOKEN)).await;
    let report = first
        .check_once(Duration::from_millis(200), &CancellationToken::new())
        .await
        .unwrap();
    assert_eq!(report.summary.new_matches, 3, "{report:?}");
    assert_eq!(report.delivered.sent, 0, "{report:?}");
    assert_eq!(report.notifications.pending, 3, "{report:?}");
    first.shutdown().await;

    // Telegram is back and the notifications are due again; a command that only reads sends none of them.
    let store = Store::open(&dir.path().join("app.db")).await.unwrap();
    settings::set(&store, SettingKey::TelegramApiUrl, &telegram.api_url())
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let second = one_shot(&store, common::secrets(KEY, TOKEN)).await;
    assert_eq!(second.list_items().await.unwrap().len(), 3);
    assert_eq!(
        second.status_report().await.unwrap().notifications.pending,
        3
    );
    second.retry_failed().await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(telegram.messages().len(), 0, "nothing was sent");
    assert_eq!(store.notification_counts().await.unwrap().pending, 3);

    // A check delivers them.
    let report = second
        .check_once(Duration::from_secs(10), &CancellationToken::new())
        .await
        .unwrap();
    assert_eq!(report.delivered.sent, 3, "{report:?}");
    assert_eq!(telegram.messages().len(), 3);
    second.shutdown().await;
}

#[tokio::test]
async fn a_check_that_cannot_run_or_that_prowlarr_refuses_says_why_as_the_window_does() {
    let prowlarr = FakeProwlarr::start(KEY).await;
    let telegram = FakeTelegram::start(TOKEN).await;
    let (_dir, store) = common::temp_store().await;
    common::watch_films(&store).await;
    let cancel = CancellationToken::new();

    let service = one_shot(&store, common::secrets(KEY, TOKEN)).await;
    match service.check_once(Duration::ZERO, &cancel).await {
        Err(CheckOnceError::NotRun(problem)) => {
            assert_eq!(problem.kind, "not_configured");
            // The CLI names the command; the window's words point into Settings instead.
            assert!(
                problem.cli_text().contains("config set prowlarr_url"),
                "{problem:?}"
            );
            assert!(!problem.app_text().contains("nightwatcherd"), "{problem:?}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        service.status().await.problem.map(|p| p.kind.as_str()),
        Some("not_configured")
    );

    common::point_at_fakes(&store, &prowlarr, &telegram, CHAT).await;
    let service = one_shot(&store, common::secrets("a-wrong-key-789", TOKEN)).await;
    match service.check_once(Duration::ZERO, &cancel).await {
        Err(CheckOnceError::Prowlarr(message)) => {
            assert!(message.contains("API key"), "{message}");
            assert!(!message.contains("a-wrong-key-789"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        service.status().await.problem.map(|p| p.kind.as_str()),
        Some("prowlarr"),
        "the window's problem"
    );
    let status = service.status_report().await.unwrap();
    assert_eq!(status.runs[0].status, "failed");
    let monitor = status
        .monitor
        .expect("a failed check writes its figures too");
    assert_eq!(monitor["backoff"]["failures"], 1, "{monitor}");
    assert!(monitor["backoff"]["next_try_at"].is_i64(), "{monitor}");
    service.shutdown().await;
}
