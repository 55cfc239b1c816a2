//! The service as an app uses it: scheduler, status, pause, the user's operations, over real SQLite files,
//! the fakes and an in-memory secret store.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic: that is the failure report

mod common;

use std::sync::Arc;
use std::time::Duration;

use nightwatcher_engine::channel::ChannelId;
use nightwatcher_engine::command::ErrorKind;
use nightwatcher_engine::events::Event;
use nightwatcher_engine::model::{ItemKind, ItemSpec};
use nightwatcher_engine::secrets::{MemoryStore, SecretName};
use nightwatcher_engine::service::{Service, SettingsInput, Status};
use nightwatcher_engine::store::Store;
use nightwatcher_testkit::prowlarr::{FakeProwlarr, ReleaseBuilder};
use nightwatcher_testkit::telegram::FakeTelegram;
use tokio::sync::broadcast::Receiver;

const KEY: &str = "service-prowlarr-key-42";
const TOKEN: &str = "424242:SERVICE-token_x";
const CHAT: i64 = 99;

struct App {
    dir: tempfile::TempDir,
    service: Service,
    prowlarr: FakeProwlarr,
    telegram: FakeTelegram,
    rx: Receiver<Event>,
}

async fn start_service(
    dir: &std::path::Path,
    secrets: Arc<MemoryStore>,
) -> (Service, Receiver<Event>) {
    let store = Store::open(&dir.join("app.db")).await.unwrap();
    let options = common::options(Duration::from_millis(50), common::fast_delivery());
    common::start(store, secrets, options).await
}

impl App {
    /// A configured app: Prowlarr and Telegram point at the fakes.
    async fn configured() -> App {
        let prowlarr = FakeProwlarr::start(KEY).await;
        let telegram = FakeTelegram::start(TOKEN).await;
        telegram.allow_chat(CHAT);
        let dir = tempfile::tempdir().unwrap();
        let secrets = Arc::new(MemoryStore::default());
        let (service, rx) = start_service(dir.path(), secrets).await;
        common::configure(&service, KEY, TOKEN, &prowlarr, &telegram, CHAT).await;
        App {
            dir,
            service,
            prowlarr,
            telegram,
            rx,
        }
    }

    /// Waits for a status that satisfies `pred`.
    async fn status_where(&mut self, pred: impl Fn(&Status) -> bool) -> Status {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
        loop {
            let event = tokio::time::timeout_at(deadline, self.rx.recv())
                .await
                .expect("status in time")
                .unwrap();
            if let Event::StatusChanged(status) = event
                && pred(&status)
            {
                return status;
            }
        }
    }

    async fn event_where(&mut self, pred: impl Fn(&Event) -> bool) -> Event {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
        loop {
            let event = tokio::time::timeout_at(deadline, self.rx.recv())
                .await
                .expect("event in time")
                .unwrap();
            if pred(&event) {
                return event;
            }
        }
    }
}

fn spec(title: &str, kind: ItemKind) -> ItemSpec {
    ItemSpec {
        title: title.into(),
        kind: Some(kind),
        ..Default::default()
    }
}

#[tokio::test]
async fn adding_an_item_searches_at_once_notifies_and_reports_status() {
    let mut app = App::configured().await;
    app.prowlarr.add_release(
        ReleaseBuilder::new("Heat.1995.1080p.BluRay.x264-GRP").build_for(&app.prowlarr),
    );
    app.service
        .add_item(spec("Heat", ItemKind::Movie))
        .await
        .unwrap();

    let news = app
        .event_where(|e| matches!(e, Event::ItemNews { .. }))
        .await;
    assert!(
        matches!(news, Event::ItemNews { ref item_title, count: 1, ref best_release, .. }
        if item_title == "Heat" && best_release == "Heat.1995.1080p.BluRay.x264-GRP"),
        "{news:?}"
    );
    let status = app
        .status_where(|s| s.running.is_none() && s.last_check.is_some())
        .await;
    let last = status.last_check.unwrap();
    assert_eq!((last.status.as_str(), last.new_matches), ("ok", 1));
    assert!(status.next_check_at.is_some());
    assert_eq!(status.problem, None);
    let messages = app
        .telegram
        .wait_for_messages(1, Duration::from_secs(20))
        .await;
    assert!(
        messages[0]
            .plain
            .contains("Heat.1995.1080p.BluRay.x264-GRP")
    );

    let items = app.service.list_items().await.unwrap();
    assert_eq!((items[0].state.as_str(), items[0].found), ("found", 1));
    let found = app
        .service
        .found_releases(Some(items[0].item.id))
        .await
        .unwrap();
    assert_eq!(found.len(), 1);
    app.service.shutdown().await;
}

#[tokio::test]
async fn progress_is_reported_while_a_check_runs() {
    let mut app = App::configured().await;
    // Every item searched in the check, so the progress counts all three.
    nightwatcher_engine::settings::set(
        app.service.store(),
        nightwatcher_engine::settings::SettingKey::SearchMode,
        "search_all",
    )
    .await
    .unwrap();
    for t in ["Heat", "Ronin", "Alien"] {
        app.service
            .add_item(spec(t, ItemKind::Movie))
            .await
            .unwrap();
    }
    let status = app
        .status_where(|s| matches!(s.running, Some(p) if p.total == 3 && p.done == 3))
        .await;
    assert_eq!(
        status.next_check_at, None,
        "no next check shown while one runs"
    );
    app.service.shutdown().await;
}

#[tokio::test]
async fn pause_stops_scheduled_checks_survives_a_restart_and_check_now_still_works() {
    let app = App::configured().await;
    app.service.set_paused(true).await.unwrap();
    let dir = app.dir;
    app.service.shutdown().await;

    let (service, _rx) = start_service(dir.path(), Arc::new(MemoryStore::default())).await;
    let status = service.status().await;
    assert!(status.paused, "paused is remembered");
    assert_eq!(status.next_check_at, None);
    tokio::time::sleep(Duration::from_millis(300)).await;
    // The first service may have begun a check (cancelled by its shutdown) before the pause: the last check
    // is then that one. The restarted service runs none.
    assert_eq!(
        service.status().await.last_check,
        status.last_check,
        "no check while paused"
    );
    let resumed = service.set_paused(false).await.unwrap();
    assert!(!resumed.paused);
    service.shutdown().await;
}

#[tokio::test]
async fn configuring_after_a_check_that_could_not_start_checks_at_once_not_an_interval_later() {
    let prowlarr = FakeProwlarr::start(KEY).await;
    let telegram = FakeTelegram::start(TOKEN).await;
    let dir = tempfile::tempdir().unwrap();
    let (service, _rx) = start_service(dir.path(), Arc::new(MemoryStore::default())).await;
    // The first check (50 ms after start) finds nothing configured; the next is an interval (15 min) away.
    common::status_where(&service, Duration::from_secs(20), |s| {
        s.problem
            .as_ref()
            .is_some_and(|p| p.kind == "not_configured")
    })
    .await;
    common::configure(&service, KEY, TOKEN, &prowlarr, &telegram, CHAT).await;
    let status = common::status_where(&service, Duration::from_secs(20), |s| {
        s.last_check.is_some() && s.running.is_none()
    })
    .await;
    assert_eq!(status.problem, None);
    assert_eq!(status.last_check.unwrap().status.as_str(), "ok");
    service.shutdown().await;
}

#[tokio::test]
async fn nothing_configured_is_a_problem_that_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let (service, mut rx) = start_service(dir.path(), Arc::new(MemoryStore::default())).await;
    let settings = service.settings().await.unwrap();
    assert!(!settings.configured);
    assert_eq!(
        (settings.prowlarr_api_key, settings.telegram_bot_token),
        ("not set", "not set")
    );
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    let problem = loop {
        if let Ok(Ok(Event::StatusChanged(s))) = tokio::time::timeout_at(deadline, rx.recv()).await
        {
            if let Some(p) = s.problem {
                break p;
            }
        } else {
            panic!("no problem reported");
        }
    };
    assert_eq!(problem.kind, "not_configured");
    assert!(
        problem.message.contains("Prowlarr URL"),
        "{}",
        problem.message
    );
    // The window gets what is wrong and a machine-readable fix; only the CLI's rendering names a command.
    let shown = serde_json::to_value(&problem).unwrap();
    assert_eq!(
        shown["remedy"],
        serde_json::json!({"action": "set_setting", "setting": "prowlarr_url"})
    );
    for text in [&problem.message, &problem.app_text(), &shown.to_string()] {
        assert!(!text.contains("nightwatcherd"), "{text}");
    }
    assert!(
        problem
            .app_text()
            .ends_with("set the Prowlarr URL in Settings")
    );
    assert!(
        problem
            .cli_text()
            .contains("run `nightwatcherd config set prowlarr_url URL`"),
        "{}",
        problem.cli_text()
    );
    service.shutdown().await;
}

#[tokio::test]
async fn settings_are_validated_as_a_whole_and_secrets_never_come_back() {
    let app = App::configured().await;
    let view = app.service.settings().await.unwrap();
    assert!(view.configured);
    assert_eq!(
        (view.prowlarr_api_key, view.telegram_bot_token),
        ("saved", "saved")
    );
    let json = serde_json::to_string(&view).unwrap();
    assert!(!json.contains(KEY) && !json.contains(TOKEN), "{json}");

    let err = app
        .service
        .save_settings(SettingsInput {
            interval: Some("1h".into()),
            concurrency: Some(99),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(
        (ErrorKind::from(&err).as_str(), err.field()),
        ("validation", Some("concurrency"))
    );
    assert_eq!(
        app.service.settings().await.unwrap().interval,
        "15m",
        "nothing stored when one value is bad"
    );

    let view = app
        .service
        .save_settings(SettingsInput {
            interval: Some("1h".into()),
            desktop_notifications: Some(false),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        (view.interval.as_str(), view.desktop_notifications),
        ("1h", false)
    );
    assert_eq!(
        view.prowlarr_url,
        Some(app.prowlarr.url()),
        "absent fields are unchanged"
    );
    let view = app
        .service
        .save_settings(SettingsInput {
            telegram_chat_id: Some(None),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(view.telegram_chat_id, None, "null unsets");

    let err = app
        .service
        .set_secret(SecretName::ProwlarrApiKey, "  ")
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("prowlarr_api_key"));
    app.service.shutdown().await;
}

#[tokio::test]
async fn test_connection_and_test_message_talk_to_the_real_endpoints() {
    let app = App::configured().await;
    let info = app.service.test_prowlarr().await.unwrap();
    assert!(!info.version.is_empty());
    assert!(info.indexers >= 1);
    app.service
        .send_test_message(ChannelId::Telegram)
        .await
        .unwrap();
    assert_eq!(app.telegram.messages().len(), 1);

    app.service
        .set_secret(SecretName::ProwlarrApiKey, "wrong-key-0000")
        .await
        .unwrap();
    let err = app.service.test_prowlarr().await.unwrap_err();
    assert_eq!(ErrorKind::from(&err), "prowlarr");
    assert!(
        err.to_string().contains("API key") && !err.to_string().contains("wrong-key-0000"),
        "{err}"
    );
    app.service.shutdown().await;
}

#[tokio::test]
async fn a_failing_telegram_chat_is_a_problem_until_retry_succeeds() {
    let mut app = App::configured().await;
    app.service
        .save_settings(SettingsInput {
            telegram_chat_id: Some(Some("12345".into())),
            ..Default::default()
        })
        .await
        .unwrap();
    app.prowlarr.add_release(
        ReleaseBuilder::new("Heat.1995.1080p.BluRay.x264-GRP").build_for(&app.prowlarr),
    );
    app.service
        .add_item(spec("Heat", ItemKind::Movie))
        .await
        .unwrap();
    let status = app
        .status_where(|s| s.problem.as_ref().is_some_and(|p| p.kind == "telegram"))
        .await;
    assert!(status.problem.unwrap().message.contains("chat not found"));
    assert_eq!(status.notifications.failed, 1);

    app.service
        .save_settings(SettingsInput {
            telegram_chat_id: Some(Some(CHAT.to_string())),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(app.service.retry_failed().await.unwrap(), 1);
    let delivered = app
        .telegram
        .wait_for_messages(1, Duration::from_secs(20))
        .await;
    assert_eq!(
        delivered.len(),
        1,
        "the retried notification reached the new chat"
    );
    assert_eq!(delivered[0].chat_id, CHAT);
    // The fake has the message before the outbox row is marked sent: wait for both the count and the cleared
    // problem rather than reading the status at the first moment the problem is gone.
    let status = app
        .status_where(|s| s.problem.is_none() && s.notifications.sent == 1)
        .await;
    assert_eq!(status.notifications.failed, 0);
    app.service.shutdown().await;
}

#[tokio::test]
async fn try_a_release_name_explains_against_the_edited_item() {
    let app = App::configured().await;
    let stored = app
        .service
        .add_item(spec("Dune", ItemKind::Movie))
        .await
        .unwrap();
    let r = app
        .service
        .try_release(
            "Dune.2021.1080p.WEB-DL.H264-GRP",
            Some(spec("Dune", ItemKind::Movie)),
        )
        .await
        .unwrap();
    assert_eq!(r.matches, Some(true));
    assert_eq!(r.parsed.year, Some(2021));
    assert_eq!(r.matching_items, vec![stored.id]);
    let r = app
        .service
        .try_release(
            "Dune.Part.Two.2024.1080p.WEB-DL-GRP",
            Some(spec("Dune", ItemKind::Movie)),
        )
        .await
        .unwrap();
    assert_eq!(r.matches, Some(false));
    assert!(r.matching_items.is_empty());
    let r = app
        .service
        .try_release("Dune.2021.1080p", Some(spec("", ItemKind::Movie)))
        .await
        .unwrap();
    assert_eq!(r.matches, None);
    assert!(r.reason.contains("title"), "{}", r.reason);
    app.service.shutdown().await;
}

#[tokio::test]
async fn watchlist_operations_validate_and_report_item_states() {
    let app = App::configured().await;
    let err = app
        .service
        .add_item(ItemSpec {
            year: Some(3000),
            ..spec("Dune", ItemKind::Movie)
        })
        .await
        .unwrap_err();
    assert_eq!(
        (ErrorKind::from(&err).as_str(), err.field()),
        ("validation", Some("year"))
    );
    let item = app
        .service
        .add_item(spec("Dune", ItemKind::Movie))
        .await
        .unwrap();
    app.service.set_item_enabled(item.id, false).await.unwrap();
    assert_eq!(app.service.list_items().await.unwrap()[0].state, "paused");
    let updated = app
        .service
        .update_item(item.id, spec("Dune Part Two", ItemKind::Movie))
        .await
        .unwrap();
    assert_eq!(updated.title, "Dune Part Two");
    let export = app.service.export_items().await.unwrap();
    app.service.delete_item(item.id).await.unwrap();
    assert_eq!(
        ErrorKind::from(&app.service.delete_item(item.id).await.unwrap_err()),
        "not_found"
    );
    assert_eq!(app.service.import_items(&export).await.unwrap(), 1);
    let err = app
        .service
        .import_items("[{\"title\": \"x\"}]")
        .await
        .unwrap_err();
    assert_eq!(ErrorKind::from(&err), "import");
    assert!(err.to_string().contains("entry 0"), "{err}");
    app.service.shutdown().await;
}

#[tokio::test]
async fn a_progress_event_read_late_never_leaves_a_finished_check_running() {
    let mut app = App::configured().await;
    // No scheduled check may end in between and clear the progress for us.
    app.status_where(|s| s.last_check.is_some() && s.running.is_none())
        .await;
    app.service.set_paused(true).await.unwrap();
    let events = app.service.events().clone();
    events.send(Event::Progress {
        run_id: 7,
        done: 1,
        total: 2,
    });
    app.status_where(|s| s.running.is_some()).await;
    let summary = nightwatcher_engine::events::CheckSummary {
        run_id: 7,
        ..Default::default()
    };
    events.send(Event::CheckFinished { run_id: 7, summary });
    let status = app.status_where(|s| s.running.is_none()).await;
    assert_eq!(status.running, None);
    app.service.shutdown().await;
}

#[tokio::test]
async fn a_listener_that_fell_behind_catches_up_instead_of_announcing_forever() {
    let mut app = App::configured().await;
    app.status_where(|s| s.last_check.is_some() && s.running.is_none())
        .await;
    app.service.set_paused(true).await.unwrap();
    app.status_where(|s| s.paused).await;
    let events = app.service.events().clone();
    // More events than the channel keeps, sent before the service's listener runs again: it falls behind.
    for done in 0..3_000 {
        events.send(Event::Progress {
            run_id: 9,
            done,
            total: 3_000,
        });
    }
    let summary = nightwatcher_engine::events::CheckSummary {
        run_id: 9,
        ..Default::default()
    };
    events.send(Event::CheckFinished { run_id: 9, summary });
    let mut rx = events.subscribe();
    let next_status = async |rx: &mut tokio::sync::broadcast::Receiver<Event>| loop {
        let event = tokio::time::timeout(Duration::from_secs(20), rx.recv())
            .await
            .expect("a status in time")
            .expect("the test's receiver keeps up");
        if let Event::StatusChanged(status) = event {
            return status;
        }
    };
    let caught_up = next_status(&mut rx).await;
    assert_eq!(caught_up.running, None, "the missed events end the check");
    // The listener is idle now: the status this change announces comes after at most the scheduler's own
    // (it saw the pause), not after an endless stream of the listener's.
    app.service.set_paused(false).await.unwrap();
    let mut before = 0;
    while next_status(&mut rx).await.paused {
        before += 1;
        assert!(
            before < 5,
            "the listener went on announcing after it caught up"
        );
    }
    app.service.shutdown().await;
}
