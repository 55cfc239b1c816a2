//! The secrets scan: a real check and delivery against the fakes, then the failing scenarios a user meets
//! (wrong API key, chat not found, wrong bot token), with everything the engine wrote kept: the log (through
//! [`ScrubbingWriter`], at TRACE level for every crate, HTTP clients included), every event, every error a
//! service operation or a socket command returned, the messages Telegram received, the database file and its
//! WAL. None of them may contain the API key or the bot token, and no link shown anywhere may carry an
//! `apikey=` value.
//!
//! One test in its own binary, because it installs the process's global tracing subscriber.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic: that is the failure report

mod common;

use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use nightwatcher_engine::channel::ChannelId;
use nightwatcher_engine::command::ErrorKind;
use nightwatcher_engine::command::dispatch_json as dispatch;
use nightwatcher_engine::events::Event;
use nightwatcher_engine::model::{ItemKind, ItemSpec};
use nightwatcher_engine::redact::ScrubbingWriter;
use nightwatcher_engine::secrets::{MemoryStore, SecretName};
use nightwatcher_engine::service::{Service, SettingsInput, Status};
use nightwatcher_testkit::prowlarr::{FakeProwlarr, ReleaseBuilder};
use nightwatcher_testkit::telegram::FakeTelegram;
use serde_json::Value;
use tokio::sync::broadcast::Receiver;
use tokio::sync::broadcast::error::RecvError;

const KEY: &str = "scan-prowlarr-key-7d41e9";
const TOKEN: &str = "313131:SCAN-token_Qx9-secret";
const WRONG_KEY: &str = "scan-wrong-key-0b77aa";
const WRONG_TOKEN: &str = "313131:SCAN-wrong_token-55";
const SECRETS: [&str; 4] = [KEY, TOKEN, WRONG_KEY, WRONG_TOKEN];
const CHAT: i64 = 31;

/// The log as written, shared between the subscriber's writers and the test.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Where each secret occurs in `haystack`, as `(secret, what)` pairs.
fn hits(haystack: &[u8], what: &str) -> Vec<String> {
    SECRETS
        .iter()
        .filter(|s| haystack.windows(s.len()).any(|w| w == s.as_bytes()))
        .map(|s| format!("{s:?} in {what}"))
        .collect()
}

/// The database file and its WAL and shared-memory files, as they are on disk now.
fn database_hits(dir: &Path, when: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut read = 0;
    for name in ["app.db", "app.db-wal", "app.db-shm"] {
        if let Ok(bytes) = std::fs::read(dir.join(name)) {
            read += 1;
            found.extend(hits(&bytes, &format!("{name} ({when})")));
        }
    }
    assert!(read >= 1, "no database file was read in {}", dir.display());
    found
}

/// A link that still carries a key, in a JSON text: `apikey=` followed by anything but the redaction mark.
fn keyed_links(text: &str) -> Vec<String> {
    let lower = text.to_ascii_lowercase();
    lower
        .match_indices("apikey=")
        .map(|(i, _)| lower[i..].chars().take(40).collect::<String>())
        .filter(|rest| !rest.starts_with("apikey=[redacted]"))
        .collect()
}

struct Run {
    service: Service,
    rx: Receiver<Event>,
    events: Vec<Value>,
}

impl Run {
    /// Waits for an event that satisfies `pred`, keeping every event read on the way.
    async fn event_where(&mut self, what: &str, pred: impl Fn(&Event) -> bool) -> Event {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
        loop {
            match tokio::time::timeout_at(deadline, self.rx.recv()).await {
                Err(_) => panic!("no {what} in time; events so far: {:#?}", self.events),
                Ok(Err(RecvError::Lagged(n))) => {
                    panic!("{n} events were missed: the scan needs all")
                }
                Ok(Err(RecvError::Closed)) => panic!("the event channel closed"),
                Ok(Ok(event)) => {
                    self.events.push(serde_json::to_value(&event).unwrap());
                    if pred(&event) {
                        return event;
                    }
                }
            }
        }
    }

    async fn status_where(&mut self, what: &str, pred: impl Fn(&Status) -> bool) -> Status {
        match self
            .event_where(what, |e| matches!(e, Event::StatusChanged(s) if pred(s)))
            .await
        {
            Event::StatusChanged(s) => s,
            _ => unreachable!(),
        }
    }

    /// Keeps the events already sent and not yet read.
    fn drain(&mut self) {
        loop {
            match self.rx.try_recv() {
                Ok(event) => self.events.push(serde_json::to_value(&event).unwrap()),
                Err(tokio::sync::broadcast::error::TryRecvError::Lagged(n)) => {
                    panic!("{n} events were missed: the scan needs all")
                }
                Err(_) => return,
            }
        }
    }
}

fn movie(title: &str) -> ItemSpec {
    ItemSpec {
        title: title.into(),
        kind: Some(ItemKind::Movie),
        ..Default::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_secret_reaches_the_log_the_events_the_errors_or_the_database() {
    assert_eq!(
        hits(format!("x{KEY}x").as_bytes(), "self-check").len(),
        1,
        "the scanner finds a planted secret"
    );
    let log = Captured::default();
    let writer = log.clone();
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || ScrubbingWriter(writer.clone()))
        .init();

    let prowlarr = FakeProwlarr::start(KEY).await;
    let telegram = FakeTelegram::start(TOKEN).await;
    telegram.allow_chat(CHAT);
    let (dir, store) = common::temp_store().await;
    let options = common::options(Duration::from_millis(50), common::fast_delivery());
    let (service, rx) = common::start(store, Arc::new(MemoryStore::default()), options).await;
    let mut run = Run {
        service,
        rx,
        events: Vec::new(),
    };
    let mut errors: Vec<String> = Vec::new();

    common::configure(&run.service, KEY, TOKEN, &prowlarr, &telegram, CHAT).await;

    // One release whose guid, and so its info page, is Prowlarr's own download link with the key in it; one
    // with a details page that carries it as a parameter. Every release's downloadUrl embeds it too.
    let keyed_guid = format!(
        "{}/1/download?apikey={KEY}&link=abc123&file=Heat",
        prowlarr.url()
    );
    prowlarr.add_release(
        ReleaseBuilder::new("Heat.1995.1080p.BluRay.x264-GRP")
            .guid(&keyed_guid)
            .build_for(&prowlarr),
    );
    prowlarr.add_release(
        ReleaseBuilder::new("Heat.1995.2160p.WEB-DL.x265-OTHER")
            .info_url(&format!(
                "https://indexer.example/details/9?apikey={KEY}&id=9"
            ))
            .build_for(&prowlarr),
    );
    prowlarr.add_release(
        ReleaseBuilder::new("Heat.1995.720p.HDTV.x264-PLAIN")
            .info_url("https://indexer.example/details/10")
            .build_for(&prowlarr),
    );

    // 1. A check that finds them and a delivery that sends them.
    run.service.add_item(movie("Heat")).await.unwrap();
    run.event_where("a delivered notification", |e| {
        matches!(e, Event::NotificationSent { .. })
    })
    .await;
    let sent = telegram.messages();
    assert_eq!(sent.len(), 1, "the check's news reached the chat");
    assert!(sent[0].plain.contains("Heat.1995.1080p.BluRay.x264-GRP"));
    assert!(
        sent[0]
            .text
            .contains("href=\"https://indexer.example/details/10\""),
        "a clean link is still shown: {}",
        sent[0].text
    );

    // 2. A wrong API key: the connection test, the socket command and a check.
    run.service
        .set_secret(SecretName::ProwlarrApiKey, WRONG_KEY)
        .await
        .unwrap();
    let e = run.service.test_prowlarr().await.unwrap_err();
    assert_eq!(ErrorKind::from(&e), "prowlarr", "{e}");
    errors.push(e.to_string());
    let e = dispatch(&run.service, "test_prowlarr", Value::Null)
        .await
        .unwrap_err();
    errors.push(e.message);
    run.service.check_now();
    let status = run
        .status_where("a Prowlarr problem", |s| {
            s.problem.as_ref().is_some_and(|p| p.kind == "prowlarr")
        })
        .await;
    errors.push(status.problem.unwrap().message);
    run.service
        .set_secret(SecretName::ProwlarrApiKey, KEY)
        .await
        .unwrap();

    // 3. A chat that does not exist: the test message, the socket command and a failed delivery.
    run.service
        .save_settings(SettingsInput {
            telegram_chat_id: Some(Some("12345".into())),
            ..Default::default()
        })
        .await
        .unwrap();
    let e = run
        .service
        .send_test_message(ChannelId::Telegram)
        .await
        .unwrap_err();
    assert!(e.to_string().contains("chat not found"), "{e}");
    errors.push(e.to_string());
    let e = dispatch(&run.service, "send_test_message", Value::Null)
        .await
        .unwrap_err();
    errors.push(e.message);
    prowlarr.add_release(
        ReleaseBuilder::new("Ronin.1998.1080p.BluRay.x264-GRP")
            .guid(&format!(
                "{}/1/download?apikey={KEY}&link=r0n1n",
                prowlarr.url()
            ))
            .build_for(&prowlarr),
    );
    run.service.add_item(movie("Ronin")).await.unwrap();
    let failed = run
        .event_where("a failed notification", |e| {
            matches!(e, Event::NotificationFailed { .. })
        })
        .await;
    if let Event::NotificationFailed { reason, .. } = failed {
        errors.push(reason);
    }

    // 4. A wrong bot token.
    run.service
        .save_settings(SettingsInput {
            telegram_chat_id: Some(Some(CHAT.to_string())),
            ..Default::default()
        })
        .await
        .unwrap();
    run.service
        .set_secret(SecretName::TelegramBotToken, WRONG_TOKEN)
        .await
        .unwrap();
    let e = run
        .service
        .send_test_message(ChannelId::Telegram)
        .await
        .unwrap_err();
    assert_eq!(ErrorKind::from(&e), "telegram", "{e}");
    errors.push(e.to_string());
    let e = dispatch(&run.service, "send_test_message", Value::Null)
        .await
        .unwrap_err();
    errors.push(e.message);
    run.drain();

    // Where links are shown: the found releases (the window's list) and the messages.
    let found = serde_json::to_string(&run.service.found_releases(None).await.unwrap()).unwrap();
    let listed = serde_json::to_string(&run.service.list_items().await.unwrap()).unwrap();
    let messages =
        serde_json::to_string(&telegram.message_params()).unwrap() + &format!("{sent:?}");
    assert!(found.contains("Heat.1995.1080p.BluRay.x264-GRP"), "{found}");
    assert!(
        found.contains("https://indexer.example/details/10"),
        "{found}"
    );

    let mut leaks = database_hits(dir.path(), "while open");
    run.service.shutdown().await;
    leaks.extend(database_hits(dir.path(), "after shutdown"));
    let log = log.0.lock().unwrap().clone();
    assert!(
        String::from_utf8_lossy(&log).contains("nightwatcher_engine"),
        "the engine's log was captured"
    );
    leaks.extend(hits(&log, "the log"));
    let events = serde_json::to_string(&run.events).unwrap();
    assert!(run.events.len() > 5, "events were captured: {events}");
    leaks.extend(hits(events.as_bytes(), "the events"));
    assert_eq!(errors.len(), 8, "{errors:#?}");
    for (i, error) in errors.iter().enumerate() {
        leaks.extend(hits(error.as_bytes(), &format!("error {i}: {error}")));
    }
    leaks.extend(hits(found.as_bytes(), "found releases"));
    leaks.extend(hits(listed.as_bytes(), "the watchlist"));
    leaks.extend(hits(messages.as_bytes(), "the Telegram messages"));
    assert!(leaks.is_empty(), "secrets leaked: {leaks:#?}");

    let log = String::from_utf8_lossy(&log).into_owned();
    for (what, text) in [
        ("the log", &log),
        ("found releases", &found),
        ("the Telegram messages", &messages),
        ("the events", &events),
        ("the errors", &errors.join("\n")),
    ] {
        let keyed = keyed_links(text);
        assert!(keyed.is_empty(), "a link with its key in {what}: {keyed:?}");
    }
}
