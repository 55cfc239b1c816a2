//! Scaffolding shared by the integration tests that run the service against the fake Prowlarr and the
//! fake Telegram: a database seeded with films, settings and secrets pointing at the fakes, the service
//! started with fast deliveries, and the waits those tests repeat (a check's end, a status, the outbox, a
//! closed port, a fake back on its old address).
//!
//! A test file uses it with `mod common;`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic: that is the failure report
#![allow(dead_code)] // each test binary compiles its own copy and uses part of it; the rest is used elsewhere

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use nightwatcher_engine::events::CheckSummary;
use nightwatcher_engine::events::{Event, Events};
use nightwatcher_engine::model::{ItemKind, ItemSpec, ValidItem};
use nightwatcher_engine::notify::DeliveryConfig;
use nightwatcher_engine::secrets::{MemoryStore, Secret, SecretName, SecretStore};
use nightwatcher_engine::service::{Service, ServiceOptions, SettingsInput, Status};
use nightwatcher_engine::settings::{self, SettingKey};
use nightwatcher_engine::store::{NotificationCounts, Store};
use nightwatcher_testkit::prowlarr::{FakeProwlarr, ReleaseBuilder};
use nightwatcher_testkit::telegram::FakeTelegram;
use tokio::sync::broadcast::Receiver;

/// Three films, one release each: (title, year, the one release the fake Prowlarr has of it). A check that
/// finds them all announces them in three messages.
pub const FILMS: [(&str, i64, &str); 3] = [
    ("Heat", 1995, "Heat.1995.1080p.BluRay.x264-GRP"),
    ("Ronin", 1998, "Ronin.1998.1080p.BluRay.x264-GRP"),
    ("Alien", 1979, "Alien.1979.1080p.BluRay.x264-GRP"),
];

/// A first check this long after start never comes during a test: checks run when the test asks
/// (`check_now`).
pub const ON_DEMAND: Duration = Duration::from_secs(3600);

/// The movie `title` of `year`, validated as the window submits it.
pub fn movie(title: &str, year: i64) -> ValidItem {
    ItemSpec {
        title: title.into(),
        kind: Some(ItemKind::Movie),
        year: Some(year),
        ..Default::default()
    }
    .validate()
    .unwrap()
}

/// A new database, `app.db` in a temporary folder that goes when the returned handle is dropped.
pub async fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("app.db")).await.unwrap();
    (dir, store)
}

/// Puts the three [`FILMS`] on `store`'s watchlist.
pub async fn watch_films(store: &Store) {
    for (title, year, _) in FILMS {
        store.add_item(&movie(title, year)).await.unwrap();
    }
}

/// Gives `prowlarr` the release of each of the three [`FILMS`].
pub fn offer_films(prowlarr: &FakeProwlarr) {
    for (_, _, release) in FILMS {
        prowlarr.add_release(ReleaseBuilder::new(release).build_for(prowlarr));
    }
}

/// Points `store`'s settings at the fakes, with `chat` as the Telegram chat, before the service starts.
pub async fn point_at_fakes(
    store: &Store,
    prowlarr: &FakeProwlarr,
    telegram: &FakeTelegram,
    chat: i64,
) {
    for (key, value) in [
        (SettingKey::ProwlarrUrl, prowlarr.url()),
        (SettingKey::TelegramApiUrl, telegram.api_url()),
        (SettingKey::TelegramChatId, chat.to_string()),
    ] {
        settings::set(store, key, &value).await.unwrap();
    }
}

/// A secret store holding the Prowlarr API key `key` and the Telegram bot token `token`.
pub fn secrets(key: &str, token: &str) -> Arc<MemoryStore> {
    let secrets = Arc::new(MemoryStore::default());
    secrets
        .set(SecretName::ProwlarrApiKey, &Secret::new(key))
        .unwrap();
    secrets
        .set(SecretName::TelegramBotToken, &Secret::new(token))
        .unwrap();
    secrets
}

/// Configures a running service as a user does in Settings: the API key `key` and the bot token `token`, then
/// the fakes' addresses and `chat`.
pub async fn configure(
    service: &Service,
    key: &str,
    token: &str,
    prowlarr: &FakeProwlarr,
    telegram: &FakeTelegram,
    chat: i64,
) {
    service
        .set_secret(SecretName::ProwlarrApiKey, key)
        .await
        .unwrap();
    service
        .set_secret(SecretName::TelegramBotToken, token)
        .await
        .unwrap();
    service
        .save_settings(SettingsInput {
            prowlarr_url: Some(Some(prowlarr.url())),
            telegram_api_url: Some(Some(telegram.api_url())),
            telegram_chat_id: Some(Some(chat.to_string())),
            ..Default::default()
        })
        .await
        .unwrap();
}

/// Deliveries without the gap of about a second Telegram wants between two messages; retries as by default.
pub fn fast_delivery() -> DeliveryConfig {
    DeliveryConfig {
        min_interval: Duration::ZERO,
        ..DeliveryConfig::default()
    }
}

/// [`fast_delivery`], retrying a transient failure after `base_backoff`, doubling up to 1 s.
pub fn fast_retries(base_backoff: Duration) -> DeliveryConfig {
    DeliveryConfig {
        base_backoff,
        max_backoff: Duration::from_secs(1),
        ..fast_delivery()
    }
}

/// The service's options: its first check `first_check_after` start, deliveries as `delivery`, the rest as by
/// default.
pub fn options(first_check_after: Duration, delivery: DeliveryConfig) -> ServiceOptions {
    ServiceOptions {
        first_check_after,
        delivery,
        ..ServiceOptions::default()
    }
}

/// Starts the service over `store` with `secrets` and `options`; returns it with a receiver of its events,
/// subscribed before it starts so that none is missed.
pub async fn start(
    store: Store,
    secrets: Arc<MemoryStore>,
    options: ServiceOptions,
) -> (Service, Receiver<Event>) {
    let events = Events::new();
    let rx = events.subscribe();
    (
        Service::start_with(store, secrets, events, options).await,
        rx,
    )
}

/// Runs one check ("Check now") and returns its summary once it has finished, reading `rx` (within 30 s).
pub async fn check_finished(service: &Service, rx: &mut Receiver<Event>) -> CheckSummary {
    service.check_now();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        let event = tokio::time::timeout_at(deadline, rx.recv())
            .await
            .expect("the check ends within 30 s")
            .unwrap();
        if let Event::CheckFinished { summary, .. } = event {
            return summary;
        }
    }
}

/// Waits up to `within` until the service's status satisfies `pred` (the service updates it from events, in
/// the background), and returns that status.
pub async fn status_where(
    service: &Service,
    within: Duration,
    pred: impl Fn(&Status) -> bool,
) -> Status {
    let deadline = tokio::time::Instant::now() + within;
    loop {
        let status = service.status().await;
        if pred(&status) {
            return status;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the status never got there: {status:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Waits up to `within` until the outbox of `store` satisfies `done` (deliveries run in the background), and
/// returns its counts then.
pub async fn outbox_where(
    store: &Store,
    within: Duration,
    done: impl Fn(&NotificationCounts) -> bool,
) -> NotificationCounts {
    let deadline = tokio::time::Instant::now() + within;
    loop {
        let counts = store.notification_counts().await.unwrap();
        if done(&counts) {
            return counts;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the outbox never got there: {counts:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Waits until nothing listens on `addr` any more (a fake's server stops shortly after `shutdown`).
pub async fn refusing(addr: SocketAddr) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while tokio::net::TcpStream::connect(addr).await.is_ok() {
        assert!(
            tokio::time::Instant::now() < deadline,
            "{addr} still accepts connections"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Starts a fake again on `addr`, where one was shut down: `start` (its `start_on(addr, …)`) is tried every
/// 50 ms for up to 10 s, as the old listener may take a moment to close.
pub async fn rebind<T, F>(addr: SocketAddr, start: impl Fn() -> F) -> T
where
    F: Future<Output = std::io::Result<T>>,
{
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        match start().await {
            Ok(fake) => return fake,
            Err(e) => {
                assert!(tokio::time::Instant::now() < deadline, "rebind {addr}: {e}");
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }
}
