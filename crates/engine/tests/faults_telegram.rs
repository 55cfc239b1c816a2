//! Telegram failing while the service delivers a check's notifications, against the fake Bot API: flood
//! control (429 with `retry_after`), a bad gateway for a long stretch, a refused connection, then the
//! permanent refusals: chat not found (400), wrong token (401), bot blocked (403).
//!
//! Transient faults: every notification is delivered exactly once after recovery (the fake counts every
//! request, refused ones included), none is marked failed. Permanent faults: every notification is marked
//! failed with the reason, which the status shows (as the window reads it) without the token; once the cause
//! is fixed, "Retry failed" sends each exactly once.
//!
//! A 5xx costs 10 real seconds per attempt (teloxide waits that long itself before reading the reply) and the
//! outbox schedules retries on the wall clock in whole seconds, so "502 for ten minutes" cannot be simulated
//! without waiting it: the bad gateway lasts three sends instead (about 30 s), while all three notifications
//! are queued. The outbox's backoff counts attempts per notification, so with three queued each is refused
//! once and the channel's pause stays at its first step; what is proved is that a run of 5xx loses and
//! repeats nothing, not how long the pauses grow.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic: that is the failure report

mod common;

use std::time::Duration;

use common::FILMS;
use nightwatcher_engine::events::Event;
use nightwatcher_engine::secrets::SecretName;
use nightwatcher_engine::service::{Service, Status};
use nightwatcher_engine::store::NotificationCounts;
use nightwatcher_testkit::prowlarr::FakeProwlarr;
use nightwatcher_testkit::telegram::{FakeTelegram, TgFault};
use tokio::sync::broadcast::Receiver;

const KEY: &str = "faults-telegram-key-6502";
const TOKEN: &str = "650265:FAULTS-token_t";
const WRONG_TOKEN: &str = "999999:WRONG-token_zz";
const CHAT: i64 = 6502;

// Every test watches the three `common::FILMS`, one release each: a check announces them in three messages.

struct App {
    _dir: tempfile::TempDir,
    service: Service,
    _prowlarr: FakeProwlarr,
    telegram: FakeTelegram,
    rx: Receiver<Event>,
}

impl App {
    /// The service over a database holding the three films, configured for the fakes. The fake Telegram
    /// knows no chat yet: tests allow [`CHAT`] or not. No check runs until a test asks for one.
    async fn start() -> App {
        let prowlarr = FakeProwlarr::start(KEY).await;
        common::offer_films(&prowlarr);
        let telegram = FakeTelegram::start(TOKEN).await;
        let (dir, store) = common::temp_store().await;
        common::watch_films(&store).await;
        common::point_at_fakes(&store, &prowlarr, &telegram, CHAT).await;
        let options = common::options(
            common::ON_DEMAND,
            common::fast_retries(Duration::from_millis(250)),
        );
        let (service, rx) = common::start(store, common::secrets(KEY, TOKEN), options).await;
        App {
            _dir: dir,
            service,
            _prowlarr: prowlarr,
            telegram,
            rx,
        }
    }

    /// Runs one check and waits until it has queued its notifications.
    async fn check(&mut self) {
        let summary = common::check_finished(&self.service, &mut self.rx).await;
        assert_eq!(summary.notifications_queued, 3, "{summary:?}");
    }

    async fn counts(&self) -> NotificationCounts {
        self.service.store().notification_counts().await.unwrap()
    }

    /// Waits until the outbox satisfies `done` (deliveries run in the background).
    async fn outbox_where(&self, done: impl Fn(&NotificationCounts) -> bool) -> NotificationCounts {
        common::outbox_where(self.service.store(), Duration::from_secs(60), done).await
    }

    /// Waits until the status satisfies `pred` (the service updates it from delivery events).
    async fn status_where(&self, pred: impl Fn(&Status) -> bool) -> Status {
        common::status_where(&self.service, Duration::from_secs(20), pred).await
    }

    /// Every film's release reached the chat in exactly one message, and nothing else did.
    fn assert_each_delivered_once(&self) {
        let messages = self.telegram.messages();
        assert_eq!(messages.len(), 3, "{messages:#?}");
        for (_, _, release) in FILMS {
            let times = messages
                .iter()
                .filter(|m| m.plain.contains(release))
                .count();
            assert_eq!(times, 1, "{release} delivered {times} times");
        }
        assert!(messages.iter().all(|m| m.chat_id == CHAT));
    }
}

fn assert_no_token(text: &str) {
    for token in [TOKEN, WRONG_TOKEN] {
        assert!(!text.contains(token), "a bot token leaked: {text}");
    }
}

/// Telegram answers the first `n` sends with `fault`: the check's three notifications all arrive once, none
/// fails, and the fake saw exactly `n` refused sends plus three accepted ones.
async fn transient_fault_is_outlasted(fault: TgFault, n: usize) {
    let mut app = App::start().await;
    app.telegram.allow_chat(CHAT);
    app.telegram.set_fault_for(n, fault);
    app.check().await;
    let counts = app.outbox_where(|c| c.pending == 0).await;
    assert_eq!((counts.sent, counts.failed), (3, 0), "{counts:?}");
    app.assert_each_delivered_once();
    assert_eq!(
        app.telegram.send_requests(),
        n as u64 + 3,
        "no send repeated"
    );
    assert_eq!(app.service.status().await.problem, None);
    app.service.shutdown().await;
}

#[tokio::test]
async fn flood_control_is_waited_out_and_every_notification_arrives_once() {
    transient_fault_is_outlasted(TgFault::TooManyRequests { retry_after: 1 }, 3).await;
}

#[tokio::test]
async fn a_bad_gateway_for_a_long_stretch_delays_but_loses_and_repeats_nothing() {
    transient_fault_is_outlasted(TgFault::ServerError, 3).await;
}

#[tokio::test]
async fn a_refused_connection_keeps_the_notifications_queued_until_telegram_is_back() {
    let mut app = App::start().await;
    let addr = app.telegram.addr();
    app.telegram.shutdown();
    common::refusing(addr).await;
    app.check().await;

    // Every notification was tried and put off: attempted, with the reason kept, and still pending. (Read from
    // the file: the store has no reader for a pending row's attempts.)
    let db = sqlx::SqlitePool::connect_with(
        sqlx::sqlite::SqliteConnectOptions::new().filename(app._dir.path().join("app.db")),
    )
    .await
    .unwrap();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        let tried: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM notifications
             WHERE status = 'pending' AND attempts > 0 AND last_error IS NOT NULL",
        )
        .fetch_one(&db)
        .await
        .unwrap();
        if tried == 3 {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "{tried} of 3 deliveries were tried"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    db.close().await;
    let counts = app.counts().await;
    assert_eq!((counts.pending, counts.sent, counts.failed), (3, 0, 0));
    // The status says why nothing arrives, and that it is retried: nothing for the user to fix.
    let status = app.status_where(|s| s.problem.is_some()).await;
    let shown = serde_json::to_value(&status).unwrap();
    assert_eq!(shown["problem"]["kind"], "telegram_unreachable");
    let message = shown["problem"]["message"].as_str().unwrap();
    assert!(
        message.starts_with("Telegram cannot be reached right now")
            && message.contains("retried by themselves; next try "),
        "{message}"
    );
    assert!(!message.contains("Retry failed"), "{message}");
    assert_no_token(message);
    assert_eq!(status.notifications.pending, 3);

    // Telegram is back on the same address (the old listener may take a moment to close).
    app.telegram = common::rebind(addr, || FakeTelegram::start_on(addr, TOKEN)).await;
    app.telegram.allow_chat(CHAT);
    let counts = app.outbox_where(|c| c.pending == 0).await;
    assert_eq!((counts.sent, counts.failed), (3, 0), "{counts:?}");
    app.assert_each_delivered_once();
    assert_eq!(
        app.telegram.send_requests(),
        3,
        "each sent once after recovery"
    );
    app.status_where(|s| s.problem.is_none()).await;
    app.service.shutdown().await;
}

/// After a check whose three notifications Telegram refused for good: each is failed with a reason containing
/// `reason`, the status shows the failure count and the problem (as the window gets them, without the token).
/// Returns the problem's message.
async fn refused_for_good(app: &mut App, reason: &str) -> String {
    app.check().await;
    let counts = app.outbox_where(|c| c.pending == 0).await;
    assert_eq!((counts.sent, counts.failed), (0, 3), "{counts:?}");
    let failed = app.service.store().failed_notifications(10).await.unwrap();
    assert_eq!(failed.len(), 3);
    for n in &failed {
        assert!(n.reason.contains(reason), "{n:?}");
        assert_no_token(&n.reason);
    }
    let status = app.status_where(|s| s.problem.is_some()).await;
    assert_eq!(status.notifications.failed, 3);
    let shown = serde_json::to_value(&status).unwrap();
    assert_eq!(shown["notifications"]["failed"], 3);
    assert_eq!(shown["problem"]["kind"], "telegram");
    assert_eq!(
        shown["problem"]["remedy"],
        serde_json::json!({"action": "retry_failed"})
    );
    let problem = status.problem.as_ref().unwrap();
    let message = problem.app_text();
    assert!(
        message.contains(reason) && message.ends_with("fix it, then use Retry failed"),
        "{message}"
    );
    assert!(
        problem.cli_text().ends_with("`nightwatcherd retry-failed`"),
        "{}",
        problem.cli_text()
    );
    assert_no_token(&shown.to_string());
    assert!(app.telegram.messages().is_empty());
    message
}

/// The cause was fixed: "Retry failed" queues the three again, each arrives once and the problem goes away.
async fn retry_failed_delivers_each_once(app: &App) {
    assert_eq!(app.service.retry_failed().await.unwrap(), 3);
    let counts = app.outbox_where(|c| c.pending == 0).await;
    assert_eq!((counts.sent, counts.failed), (3, 0), "{counts:?}");
    app.assert_each_delivered_once();
    app.status_where(|s| s.problem.is_none()).await;
}

#[tokio::test]
async fn chat_not_found_fails_the_notifications_visibly_and_retry_failed_resends_them() {
    let mut app = App::start().await;
    let message = refused_for_good(&mut app, "chat not found").await;
    assert!(
        message.contains("check the chat id in Settings"),
        "{message}"
    );

    app.telegram.allow_chat(CHAT);
    retry_failed_delivers_each_once(&app).await;
    app.service.shutdown().await;
}

#[tokio::test]
async fn a_wrong_bot_token_fails_the_notifications_visibly_and_retry_failed_resends_them() {
    let mut app = App::start().await;
    app.telegram.allow_chat(CHAT);
    app.service
        .set_secret(SecretName::TelegramBotToken, WRONG_TOKEN)
        .await
        .unwrap();
    let message = refused_for_good(&mut app, "Telegram refused the bot token (Unauthorized)").await;
    assert!(message.contains("@BotFather"), "{message}");

    app.service
        .set_secret(SecretName::TelegramBotToken, TOKEN)
        .await
        .unwrap();
    retry_failed_delivers_each_once(&app).await;
    app.service.shutdown().await;
}

#[tokio::test]
async fn a_blocked_bot_fails_the_notifications_visibly_and_retry_failed_resends_them() {
    let mut app = App::start().await;
    app.telegram.allow_chat(CHAT);
    app.telegram.block_chat(CHAT);
    let message = refused_for_good(&mut app, "the bot was blocked by the user").await;
    assert!(message.contains("unblock it in Telegram"), "{message}");

    app.telegram.unblock_chat(CHAT);
    retry_failed_delivers_each_once(&app).await;
    app.service.shutdown().await;
}

/// Reads `app`'s events until a status whose outbox counts are `want`, and returns the events before it.
async fn events_until_counts(app: &mut App, want: NotificationCounts) -> Vec<Event> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    let mut seen = Vec::new();
    loop {
        let event = tokio::time::timeout_at(deadline, app.rx.recv())
            .await
            .unwrap_or_else(|_| panic!("no status counted {want:?}; events: {seen:#?}"))
            .unwrap();
        if matches!(&event, Event::StatusChanged(s) if s.notifications == want) {
            return seen;
        }
        seen.push(event);
    }
}

/// The status the faces get follows the outbox: once the check's notifications are delivered, a status says
/// none is pending (the status bar said "3 notifications waiting" long after they had arrived).
///
/// Flood control puts the deliveries off by about a second, so they happen well after the check's own status
/// announcements: only a status announced for the deliveries can count them.
#[tokio::test]
async fn the_status_says_nothing_is_pending_once_the_notifications_are_delivered() {
    let mut app = App::start().await;
    app.telegram.allow_chat(CHAT);
    app.telegram
        .push_fault(TgFault::TooManyRequests { retry_after: 1 });
    app.check().await;
    let delivered = NotificationCounts {
        pending: 0,
        sent: 3,
        failed: 0,
    };
    let seen = events_until_counts(&mut app, delivered).await;

    // One status per delivery pass, announced after the pass's own events: the 429 put one off, the others
    // went in one or two passes.
    let sent = seen
        .iter()
        .filter(|e| matches!(e, Event::NotificationSent { .. }))
        .count();
    assert_eq!(sent, 3, "{seen:#?}");
    let passes: Vec<(usize, usize, usize)> = seen
        .iter()
        .filter_map(|e| match e {
            Event::DeliveryFinished {
                sent,
                retried,
                failed,
            } => Some((*sent, *retried, *failed)),
            _ => None,
        })
        .collect();
    let totals = passes
        .iter()
        .fold((0, 0, 0), |t, p| (t.0 + p.0, t.1 + p.1, t.2 + p.2));
    assert_eq!(totals, (3, 1, 0), "{passes:?}");

    // What the window reads on its own agrees.
    let status = nightwatcher_engine::command::dispatch(
        &app.service,
        nightwatcher_engine::command::Command::GetStatus,
    )
    .await
    .unwrap();
    assert_eq!(
        status["notifications"],
        serde_json::json!({"pending": 0, "sent": 3, "failed": 0})
    );
    app.service.shutdown().await;
}

/// Notifications failed for good and queued again by "Retry failed": the status counts them pending, then
/// delivered, without a failed one left.
#[tokio::test]
async fn the_status_follows_notifications_queued_again_by_retry_failed() {
    let mut app = App::start().await;
    app.check().await;
    let failed = NotificationCounts {
        pending: 0,
        sent: 0,
        failed: 3,
    };
    events_until_counts(&mut app, failed).await;

    app.telegram.allow_chat(CHAT);
    assert_eq!(app.service.retry_failed().await.unwrap(), 3);
    let delivered = NotificationCounts {
        pending: 0,
        sent: 3,
        failed: 0,
    };
    events_until_counts(&mut app, delivered.clone()).await;
    assert_eq!(app.service.status().await.notifications, delivered);
    app.service.shutdown().await;
}
