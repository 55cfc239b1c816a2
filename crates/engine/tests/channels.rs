//! The channels beside Telegram, through the whole service: a check's news reaches Telegram, ntfy and a
//! webhook from one outbox, each in its own format; a channel that fails (for a while or for good) holds up
//! none of the others; a channel turned off gets nothing; "Send test message" works per channel.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is the failure report

mod common;

use std::time::Duration;

use nightwatcher_engine::channel::ChannelId;
use nightwatcher_engine::command::{ErrorKind, RemoteError};
use nightwatcher_engine::secrets::SecretName;
use nightwatcher_engine::service::{Service, SettingsInput};
use nightwatcher_engine::status::ProblemKind;
use nightwatcher_engine::store::Store;
use nightwatcher_testkit::ntfy::{FakeNtfy, NtfyFault};
use nightwatcher_testkit::prowlarr::{FakeProwlarr, ReleaseBuilder};
use nightwatcher_testkit::telegram::FakeTelegram;
use nightwatcher_testkit::webhook::WebhookReceiver;
use tokio::sync::broadcast::Receiver;

use nightwatcher_engine::events::Event;

const KEY: &str = "channels-prowlarr-key-77";
const TOKEN: &str = "777777:CHANNELS-token_x";
const CHAT: i64 = 77;
const NTFY_TOKEN: &str = "tk_channelstoken0123456789abcd";
const WEBHOOK_SECRET: &str = "hook-secret-5f3a9c";
const WAIT: Duration = Duration::from_secs(20);

struct Channels {
    dir: tempfile::TempDir,
    store: Store,
    service: Service,
    rx: Receiver<Event>,
    prowlarr: FakeProwlarr,
    telegram: FakeTelegram,
    ntfy: FakeNtfy,
    hook: WebhookReceiver,
}

impl Channels {
    /// Telegram, a protected ntfy topic and a webhook with a secret, all on; Heat on the watchlist.
    async fn start() -> Channels {
        let prowlarr = FakeProwlarr::start(KEY).await;
        let telegram = FakeTelegram::start(TOKEN).await;
        telegram.allow_chat(CHAT);
        let ntfy = FakeNtfy::start().await;
        ntfy.protect("films", NTFY_TOKEN);
        let hook = WebhookReceiver::start().await;
        let (dir, store) = common::temp_store().await;
        store.add_item(&common::movie("Heat", 1995)).await.unwrap();
        let options = common::options(
            common::ON_DEMAND,
            common::fast_retries(Duration::from_millis(200)),
        );
        let (service, rx) = common::start(store.clone(), Default::default(), options).await;
        common::configure(&service, KEY, TOKEN, &prowlarr, &telegram, CHAT).await;
        service
            .set_secret(SecretName::NtfyToken, NTFY_TOKEN)
            .await
            .unwrap();
        service
            .set_secret(SecretName::WebhookSecret, WEBHOOK_SECRET)
            .await
            .unwrap();
        service
            .save_settings(SettingsInput {
                ntfy_url: Some(Some(ntfy.url())),
                ntfy_topic: Some(Some("films".into())),
                ntfy_priority: Some(Some("high".into())),
                webhook_url: Some(Some(hook.url("/api/webhook/nightwatcher-abc"))),
                web_public_url: Some(Some("https://nas.example:8711/nw/".into())),
                ..Default::default()
            })
            .await
            .unwrap();
        Channels {
            dir,
            store,
            service,
            rx,
            prowlarr,
            telegram,
            ntfy,
            hook,
        }
    }

    fn offer_heat(&self) {
        self.prowlarr.add_release(
            ReleaseBuilder::new("Heat.1995.2160p.UHD.BluRay.x265-GRP")
                .info_url("https://tracker.example/torrents/1")
                .poster_url("https://img.example/heat.jpg")
                .size(20 * 1024 * 1024 * 1024)
                .seeders(31)
                .build_for(&self.prowlarr),
        );
    }

    async fn check(&mut self) {
        common::check_finished(&self.service, &mut self.rx).await;
    }
}

#[tokio::test]
async fn one_check_reaches_every_channel_in_its_own_format_without_a_key() {
    let mut app = Channels::start().await;
    app.offer_heat();
    app.check().await;

    let sent = app.telegram.wait_for_messages(1, WAIT).await;
    assert!(
        sent[0]
            .plain
            .contains("Heat.1995.2160p.UHD.BluRay.x265-GRP")
    );
    let open = sent[0].reply_markup.as_ref().unwrap().to_string();
    assert!(
        open.contains("https://nas.example:8711/nw/?item=1"),
        "the Open button leads to the item in the web UI: {open}"
    );

    let pushed = app.ntfy.wait_for(1, WAIT).await;
    let push = &pushed[0];
    assert_eq!(push.topic, "films");
    assert_eq!(push.title.as_deref(), Some("Heat (1995)"));
    assert_eq!(push.priority, Some(4));
    assert!(
        push.message
            .starts_with("1 new release\n• Heat.1995.2160p.UHD.BluRay.x265-GRP · 20.0 GiB"),
        "{}",
        push.message
    );
    assert_eq!(
        push.click.as_deref(),
        Some("https://nas.example:8711/nw/?item=1")
    );
    assert_eq!(push.attach.as_deref(), Some("https://img.example/heat.jpg"));
    assert_eq!(
        push.authorization.as_deref(),
        Some(format!("Bearer {NTFY_TOKEN}").as_str())
    );

    let posts = app.hook.wait_for(1, WAIT).await;
    let post = &posts[0];
    assert_eq!(post.method, "POST");
    assert_eq!(post.target, "/api/webhook/nightwatcher-abc");
    assert_eq!(post.header("x-nightwatcher-secret"), Some(WEBHOOK_SECRET));
    assert_eq!(post.header("content-type"), Some("application/json"));
    let body = &post.body;
    assert_eq!(body["event"], "releases");
    assert_eq!(body["items"][0]["title"], "Heat");
    let release = &body["items"][0]["releases"][0];
    assert_eq!(release["title"], "Heat.1995.2160p.UHD.BluRay.x265-GRP");
    assert_eq!(release["seeders"], 31);
    assert_eq!(release["info_url"], "https://tracker.example/torrents/1");
    let found = app.service.found_releases(None).await.unwrap();
    assert_eq!(release["found_id"], found[0].match_id, "a grab can name it");

    // The fake's download links carry the Prowlarr key; no channel's body does.
    for text in [
        serde_json::to_string(&push.body).unwrap(),
        body.to_string(),
        sent[0].text.clone(),
        open,
    ] {
        assert!(!text.contains(KEY), "{text}");
        assert!(!text.contains("download"), "{text}");
    }
    common::outbox_where(&app.store, WAIT, |c| c.sent == 3 && c.pending == 0).await;

    // The channels' secrets were used, and are nowhere in the database.
    for file in ["app.db", "app.db-wal"] {
        let bytes = std::fs::read(app.dir.path().join(file)).unwrap_or_default();
        for secret in [KEY, TOKEN, NTFY_TOKEN, WEBHOOK_SECRET] {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "{secret} in {file}"
            );
        }
    }
}

#[tokio::test]
async fn a_channel_that_is_down_or_refuses_holds_up_no_other() {
    let mut app = Channels::start().await;
    // The webhook's receiver is down for a while (503, asking for a minute), ntfy refuses the token for good.
    for _ in 0..3 {
        app.hook.answer_next(503, Some(60));
    }
    app.ntfy.protect("films", "tk_another_token_entirely_000");
    app.offer_heat();
    app.check().await;

    assert_eq!(app.telegram.wait_for_messages(1, WAIT).await.len(), 1);
    let status = common::status_where(&app.service, WAIT, |s| {
        s.problem
            .as_ref()
            .is_some_and(|p| p.kind == ProblemKind::Channel)
    })
    .await;
    let problem = status.problem.unwrap();
    assert!(
        problem.message.starts_with("ntfy refused a notification: HTTP 401: unauthorized; check the ntfy topic and its access token"),
        "{}",
        problem.message
    );
    assert!(!problem.message.contains(NTFY_TOKEN), "{}", problem.message);
    // The webhook's one try met the 503: its message waits the minute asked, Telegram's went meanwhile.
    let deadline = tokio::time::Instant::now() + WAIT;
    while app.hook.received().is_empty() {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the webhook was never tried"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    common::outbox_where(&app.store, WAIT, |c| {
        c.failed == 1 && c.sent == 1 && c.pending == 1
    })
    .await;
    assert_eq!(
        app.hook.received().len(),
        1,
        "retried only after the minute"
    );
    assert!(app.hook.accepted().is_empty());

    // The next check's news still reaches Telegram at once while the webhook waits.
    app.prowlarr.add_release(
        ReleaseBuilder::new("Heat.1995.REPACK.2160p.UHD.BluRay.x265-GRP").build_for(&app.prowlarr),
    );
    app.check().await;
    assert_eq!(app.telegram.wait_for_messages(2, WAIT).await.len(), 2);
}

#[tokio::test]
async fn a_channel_turned_off_gets_nothing_and_its_settings_stay() {
    let mut app = Channels::start().await;
    let view = app
        .service
        .save_settings(SettingsInput {
            ntfy_enabled: Some(false),
            ..Default::default()
        })
        .await
        .unwrap();
    let ntfy = view
        .channels
        .iter()
        .find(|c| c.id == ChannelId::Ntfy)
        .unwrap();
    assert!(ntfy.configured && !ntfy.enabled, "{ntfy:?}");
    assert_eq!(view.ntfy_topic.as_deref(), Some("films"));

    app.offer_heat();
    app.check().await;
    app.hook.wait_for(1, WAIT).await;
    app.telegram.wait_for_messages(1, WAIT).await;
    common::outbox_where(&app.store, WAIT, |c| c.sent == 2 && c.pending == 0).await;
    assert_eq!(app.ntfy.requests(), 0);
}

#[tokio::test]
async fn send_test_message_goes_through_the_channel_asked_for_and_says_why_it_failed() {
    let app = Channels::start().await;
    app.service
        .send_test_message(ChannelId::Ntfy)
        .await
        .unwrap();
    let pushed = app.ntfy.published();
    assert_eq!(pushed.len(), 1);
    assert!(pushed[0].message.contains("NightWatcher is connected"));
    assert!(app.telegram.messages().is_empty());

    app.service
        .send_test_message(ChannelId::Webhook)
        .await
        .unwrap();
    assert_eq!(app.hook.accepted()[0].body["event"], "test");

    // Rate limited: said as a wait, not as a refusal.
    app.ntfy
        .fail_next(NtfyFault::TooManyRequests { retry_after: 30 });
    let e = RemoteError::from(
        app.service
            .send_test_message(ChannelId::Ntfy)
            .await
            .unwrap_err(),
    );
    assert_eq!(e.kind, ErrorKind::Channel);
    assert!(
        e.message
            .starts_with("ntfy could not take the message right now: HTTP 429: limit reached"),
        "{}",
        e.message
    );
    // A receiver that answers with a redirect is refused (a POST must not be turned into a GET elsewhere).
    app.hook.answer_next(302, None);
    let e = RemoteError::from(
        app.service
            .send_test_message(ChannelId::Webhook)
            .await
            .unwrap_err(),
    );
    assert!(e.message.contains("redirects"), "{}", e.message);

    // A channel that is not set up says what to set.
    app.service
        .save_settings(SettingsInput {
            webhook_url: Some(None),
            ..Default::default()
        })
        .await
        .unwrap();
    let e = RemoteError::from(
        app.service
            .send_test_message(ChannelId::Webhook)
            .await
            .unwrap_err(),
    );
    assert_eq!(e.kind, ErrorKind::NotConfigured);
    assert!(e.message.contains("save its URL first"), "{}", e.message);
}

#[tokio::test]
async fn bad_channel_settings_are_refused_naming_the_setting_and_nothing_is_stored() {
    let app = Channels::start().await;
    for (input, field) in [
        (
            SettingsInput {
                ntfy_topic: Some(Some("my topic!".into())),
                ..Default::default()
            },
            "ntfy_topic",
        ),
        (
            SettingsInput {
                ntfy_priority: Some(Some("loud".into())),
                ..Default::default()
            },
            "ntfy_priority",
        ),
        (
            SettingsInput {
                webhook_url: Some(Some("http://user:pw@hooks.example/x".into())),
                ..Default::default()
            },
            "webhook_url",
        ),
        (
            SettingsInput {
                web_public_url: Some(Some("nas.local:8711".into())),
                ..Default::default()
            },
            "web_public_url",
        ),
    ] {
        let e = RemoteError::from(app.service.save_settings(input).await.unwrap_err());
        assert_eq!(e.kind, ErrorKind::Validation);
        assert_eq!(e.field.as_deref(), Some(field), "{}", e.message);
    }
    let view = app.service.settings().await.unwrap();
    assert_eq!(view.ntfy_topic.as_deref(), Some("films"));
    assert_eq!(view.ntfy_priority, "high");
    assert_eq!(view.ntfy_token, "saved");
    assert_eq!(view.webhook_secret, "saved");
}

#[tokio::test]
async fn a_web_address_telegram_refuses_for_a_button_leaves_the_message_without_it() {
    let mut app = Channels::start().await;
    // A host without a dot: Telegram answers BUTTON_URL_INVALID for the Open button.
    app.service
        .save_settings(SettingsInput {
            web_public_url: Some(Some("http://nas:8711".into())),
            ..Default::default()
        })
        .await
        .unwrap();
    app.offer_heat();
    app.check().await;
    let sent = app.telegram.wait_for_messages(1, WAIT).await;
    let buttons = sent[0].reply_markup.as_ref().unwrap().to_string();
    assert!(buttons.contains("\"Grab\""), "{buttons}");
    assert!(!buttons.contains("nas:8711"), "{buttons}");
    // ntfy has no such rule: its push still opens the item.
    let pushed = app.ntfy.wait_for(1, WAIT).await;
    assert_eq!(pushed[0].click.as_deref(), Some("http://nas:8711/?item=1"));
}
