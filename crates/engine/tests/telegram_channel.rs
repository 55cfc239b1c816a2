//! The Telegram channel against the fake Bot API server: what reaches the chat, how refused photos and broken
//! HTML are recovered, and how every failure is sorted into transient or permanent without leaking the token.
//!
//! The 5xx tests take about 10 s each: teloxide waits that long itself after a 5xx before reading the reply.

#![allow(clippy::unwrap_used)] // tests may unwrap

use chrono::{Duration as ChronoDuration, Utc};
use nightwatcher_engine::news::{ItemNews, NewsKind, ReleaseLine};
use nightwatcher_engine::prowlarr::Protocol;
use nightwatcher_engine::secrets::Secret;
use nightwatcher_engine::telegram::{
    ChatTarget, MAX_CAPTION, MAX_TEXT, OutgoingMessage, SendError, TelegramChannel, TelegramConfig,
    digest_messages, item_message, test_message, visible_len,
};
use nightwatcher_testkit::telegram::{FakeTelegram, TgFault};

const TOKEN: &str = "123456789:AAtest-SECRET_token";
/// The part of the token that must never show up, whatever redaction pattern matched around it.
const TOKEN_TAIL: &str = "SECRET_token";
const CHAT: i64 = 424242;

fn channel(api_url: &str, token: &str, chat: i64) -> TelegramChannel {
    TelegramChannel::new(TelegramConfig {
        token: Secret::new(token),
        chat: ChatTarget::Id(chat),
        api_url: Some(url::Url::parse(api_url).unwrap()),
    })
    .unwrap()
}

async fn fake_and_channel() -> (FakeTelegram, TelegramChannel) {
    let fake = FakeTelegram::start(TOKEN).await;
    fake.allow_chat(CHAT);
    let channel = channel(&fake.api_url(), TOKEN, CHAT);
    (fake, channel)
}

fn release(title: &str) -> ReleaseLine {
    ReleaseLine {
        match_id: 1,
        label: None,
        title: title.to_owned(),
        size_bytes: Some(8 * 1024 * 1024 * 1024),
        indexers: vec!["FakeIndexer".to_owned()],
        seeders: Some(12),
        protocol: Protocol::Torrent,
        published: Some(Utc::now() - ChronoDuration::hours(2)),
        info_url: Some("https://indexer.example/details/42".to_owned()),
    }
}

fn news(item_title: &str, releases: Vec<ReleaseLine>, poster: Option<&str>) -> ItemNews {
    ItemNews {
        item_id: 1,
        item_title: item_title.to_owned(),
        item_year: Some(2024),
        kind: NewsKind::NewReleases,
        releases,
        poster_url: poster.map(str::to_owned),
    }
}

/// The error, its Display and its Debug carry no part of the token.
fn assert_no_token(e: &SendError) {
    for text in [e.reason().to_owned(), e.to_string(), format!("{e:?}")] {
        assert!(!text.contains(TOKEN_TAIL), "the token leaked: {text}");
        assert!(!text.contains(TOKEN), "the token leaked: {text}");
    }
}

fn expect_transient(result: Result<(), SendError>) -> (String, Option<std::time::Duration>) {
    let e = result.unwrap_err();
    assert_no_token(&e);
    match e {
        SendError::Transient {
            reason,
            retry_after,
        } => (reason, retry_after),
        other => panic!("expected a transient error, got {other:?}"),
    }
}

fn expect_permanent(result: Result<(), SendError>) -> String {
    let e = result.unwrap_err();
    assert_no_token(&e);
    match e {
        SendError::Permanent { reason } => reason,
        other => panic!("expected a permanent error, got {other:?}"),
    }
}

#[tokio::test]
async fn a_message_reaches_the_chat_with_the_title_shown_as_text() {
    let (fake, channel) = fake_and_channel().await;
    let msg = item_message(
        &news(
            "Dune: Part Two",
            vec![release("Dune.Part.Two.2024.<2160p>.WEB-DL")],
            None,
        ),
        Utc::now(),
    );
    channel.send(&msg).await.unwrap();

    let sent = fake.messages();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].method, "sendMessage");
    assert_eq!(sent[0].chat_id, CHAT);
    assert_eq!(sent[0].parse_mode.as_deref(), Some("HTML"));
    assert_eq!(sent[0].text, msg.text);
    assert!(
        sent[0].plain.contains("Dune: Part Two"),
        "{}",
        sent[0].plain
    );
    assert!(
        sent[0].plain.contains("Dune.Part.Two.2024.<2160p>.WEB-DL"),
        "{}",
        sent[0].plain
    );
    assert!(
        sent[0]
            .plain
            .contains("8.0 GiB · FakeIndexer · 12 seeders · 2 h ago"),
        "{}",
        sent[0].plain
    );
}

#[tokio::test]
async fn link_previews_are_disabled() {
    let (fake, channel) = fake_and_channel().await;
    let msg = item_message(
        &news("Dune", vec![release("Dune.2021.1080p")], None),
        Utc::now(),
    );
    channel.send(&msg).await.unwrap();
    let params = fake.message_params();
    assert_eq!(params.len(), 1);
    assert_eq!(
        params[0]["link_preview_options"]["is_disabled"],
        serde_json::json!(true),
        "{}",
        params[0]
    );
}

#[tokio::test]
async fn a_title_full_of_html_metacharacters_passes_the_strict_parser() {
    let (fake, channel) = fake_and_channel().await;
    let nasty =
        r#"<img src=x onerror=alert(1)> </b><a href="javascript:x">&amp;&#; & "quoted" <i>"#;
    let mut r = release(nasty);
    r.indexers = vec!["<Idx & \"co\">".to_owned()];
    r.info_url = Some("https://indexer.example/d?q=\"><b>&x=<i>".to_owned());
    let msg = item_message(
        &news(
            "Tom & Jerry <The Movie>",
            vec![r, release("javascript-link")],
            None,
        ),
        Utc::now(),
    );
    channel.send(&msg).await.unwrap();

    let sent = fake.messages();
    assert_eq!(sent.len(), 1);
    assert_eq!(
        sent[0].parse_mode.as_deref(),
        Some("HTML"),
        "sent as HTML, not through the plain-text fallback"
    );
    assert!(sent[0].plain.contains(nasty), "{}", sent[0].plain);
    assert!(
        sent[0].plain.contains("Tom & Jerry <The Movie>"),
        "{}",
        sent[0].plain
    );
    assert!(
        sent[0].plain.contains("<Idx & \"co\">"),
        "{}",
        sent[0].plain
    );
}

#[tokio::test]
async fn a_poster_goes_out_as_a_photo_with_the_caption() {
    let (fake, channel) = fake_and_channel().await;
    let poster = "https://image.tmdb.org/t/p/w500/dune.jpg";
    let msg = item_message(
        &news(
            "Dune: Part Two",
            vec![release("Dune.Part.Two.2024.1080p")],
            Some(poster),
        ),
        Utc::now(),
    );
    channel.send(&msg).await.unwrap();

    let sent = fake.messages();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].method, "sendPhoto");
    assert_eq!(sent[0].photo.as_deref(), Some(poster));
    assert_eq!(Some(&sent[0].text), msg.caption.as_ref());
    assert_eq!(sent[0].parse_mode.as_deref(), Some("HTML"));
    assert!(
        sent[0].plain.contains("Dune.Part.Two.2024.1080p"),
        "{}",
        sent[0].plain
    );
}

#[tokio::test]
async fn a_refused_poster_falls_back_to_a_text_message() {
    let (fake, channel) = fake_and_channel().await;
    fake.refuse_photo_urls_containing("broken");
    let msg = item_message(
        &news(
            "Dune: Part Two",
            vec![release("Dune.Part.Two.2024.1080p")],
            Some("https://img.example/broken.jpg"),
        ),
        Utc::now(),
    );
    channel.send(&msg).await.unwrap();

    let sent = fake.messages();
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert_eq!(sent[0].method, "sendMessage");
    assert_eq!(sent[0].text, msg.text);
    assert_eq!(fake.requests(), 2, "one refused sendPhoto, one sendMessage");
}

#[tokio::test]
async fn broken_html_is_resent_as_plain_text() {
    let (fake, channel) = fake_and_channel().await;
    let broken = OutgoingMessage {
        text: "<b>Dune &amp; friends".to_owned(),
        photo_url: None,
        caption: None,
    };
    channel.send(&broken).await.unwrap();

    let sent = fake.messages();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].parse_mode, None);
    assert_eq!(sent[0].plain, "Dune & friends");
}

#[tokio::test]
async fn the_longest_messages_and_captions_are_accepted() {
    let (fake, channel) = fake_and_channel().await;
    let releases: Vec<ReleaseLine> = (0..300)
        .map(|i| {
            let mut r = release(&format!(
                "{i}.{}",
                "Very.Long.Release.Name.2160p.<&>".repeat(20)
            ));
            r.indexers = (0..20)
                .map(|k| format!("Indexer With A Long Name {k}"))
                .collect();
            r
        })
        .collect();
    let with_poster = news(
        &"Long Title ".repeat(100),
        releases,
        Some("https://img.example/p.jpg"),
    );
    let msg = item_message(&with_poster, Utc::now());
    assert!(visible_len(msg.caption.as_deref().unwrap()) <= MAX_CAPTION);
    channel.send(&msg).await.unwrap();
    let text_only = OutgoingMessage {
        photo_url: None,
        caption: None,
        ..msg.clone()
    };
    assert!(visible_len(&text_only.text) <= MAX_TEXT);
    channel.send(&text_only).await.unwrap();

    let sent = fake.messages();
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[0].method, "sendPhoto");
    assert_eq!(sent[1].method, "sendMessage");
    assert!(sent.iter().all(|m| m.parse_mode.as_deref() == Some("HTML")));
}

#[tokio::test]
async fn every_part_of_a_split_digest_is_accepted() {
    let (fake, channel) = fake_and_channel().await;
    let items: Vec<ItemNews> = (0..30)
        .map(|i| {
            news(
                &format!("Item {i} {}", "<&>".repeat(60)),
                vec![release(&"x<&>".repeat(100))],
                None,
            )
        })
        .collect();
    let digest = digest_messages(&items, Utc::now());
    assert!(digest.len() > 1);
    for msg in &digest {
        channel.send(msg).await.unwrap();
    }
    let sent = fake.messages();
    assert_eq!(sent.len(), digest.len());
    assert!(sent.iter().all(|m| m.parse_mode.as_deref() == Some("HTML")));
    let listed: usize = sent.iter().map(|m| m.plain.matches("best: ").count()).sum();
    assert_eq!(listed, 30);
}

#[tokio::test]
async fn the_test_message_is_accepted() {
    let (fake, channel) = fake_and_channel().await;
    channel.send(&test_message()).await.unwrap();
    assert!(fake.messages()[0].plain.contains("NightWatcher"));
}

#[tokio::test]
async fn flood_control_is_transient_with_its_retry_after() {
    let (fake, channel) = fake_and_channel().await;
    fake.push_fault(TgFault::TooManyRequests { retry_after: 7 });
    let msg = item_message(&news("Dune", vec![release("Dune.2021")], None), Utc::now());
    let (_, retry_after) = expect_transient(channel.send(&msg).await);
    assert_eq!(retry_after, Some(std::time::Duration::from_secs(7)));
    assert!(fake.messages().is_empty());
}

#[tokio::test]
async fn flood_control_on_the_photo_is_not_mistaken_for_a_refused_photo() {
    let (fake, channel) = fake_and_channel().await;
    fake.push_fault(TgFault::TooManyRequests { retry_after: 3 });
    let msg = item_message(
        &news(
            "Dune",
            vec![release("Dune.2021")],
            Some("https://img.example/p.jpg"),
        ),
        Utc::now(),
    );
    let (_, retry_after) = expect_transient(channel.send(&msg).await);
    assert_eq!(retry_after, Some(std::time::Duration::from_secs(3)));
    assert_eq!(fake.requests(), 1, "no text fallback after a 429");
}

#[tokio::test]
async fn a_bad_gateway_is_transient() {
    let (fake, channel) = fake_and_channel().await;
    fake.push_fault(TgFault::ServerError);
    let (reason, retry_after) = expect_transient(channel.send(&test_message()).await);
    assert!(reason.contains("Bad Gateway"), "{reason}");
    assert_eq!(retry_after, None);
}

#[tokio::test]
async fn an_internal_server_error_is_transient() {
    let (fake, channel) = fake_and_channel().await;
    fake.push_fault(TgFault::InternalError);
    let (reason, _) = expect_transient(channel.send(&test_message()).await);
    assert!(reason.contains("Internal Server Error"), "{reason}");
}

#[tokio::test]
async fn an_unknown_chat_is_permanent() {
    let fake = FakeTelegram::start(TOKEN).await;
    let channel = channel(&fake.api_url(), TOKEN, 999);
    let reason = expect_permanent(channel.send(&test_message()).await);
    assert!(reason.contains("chat not found"), "{reason}");
}

#[tokio::test]
async fn a_blocked_bot_is_permanent() {
    let (fake, channel) = fake_and_channel().await;
    fake.block_chat(CHAT);
    let reason = expect_permanent(channel.send(&test_message()).await);
    assert!(reason.contains("blocked"), "{reason}");
}

#[tokio::test]
async fn a_wrong_token_is_permanent_for_sending_and_for_the_token_check() {
    let fake = FakeTelegram::start("999:the-right-token").await;
    fake.allow_chat(CHAT);
    let channel = channel(&fake.api_url(), TOKEN, CHAT);
    let reason = expect_permanent(channel.send(&test_message()).await);
    assert!(reason.contains("token"), "{reason}");
    let e = channel.check_token().await.unwrap_err();
    assert_no_token(&e);
    assert!(e.is_permanent(), "{e:?}");
}

#[tokio::test]
async fn the_token_check_names_the_bot() {
    let (_fake, channel) = fake_and_channel().await;
    assert_eq!(
        channel.check_token().await.unwrap(),
        "nightwatcher_fake_bot"
    );
}

#[tokio::test]
async fn a_trailing_slash_in_the_api_url_is_fine() {
    let fake = FakeTelegram::start(TOKEN).await;
    fake.allow_chat(CHAT);
    let channel = channel(&format!("{}/", fake.api_url()), TOKEN, CHAT);
    channel.send(&test_message()).await.unwrap();
    assert_eq!(fake.messages().len(), 1);
}

#[tokio::test]
async fn a_server_that_is_down_is_transient_and_the_reason_hides_the_token() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let channel = channel(&format!("http://127.0.0.1:{port}"), TOKEN, CHAT);
    let (reason, retry_after) = expect_transient(channel.send(&test_message()).await);
    assert!(reason.contains("could not reach"), "{reason}");
    assert_eq!(retry_after, None);
    let e = channel.check_token().await.unwrap_err();
    assert_no_token(&e);
    assert!(!e.is_permanent());
}

#[tokio::test]
async fn a_token_that_does_not_look_like_one_never_leaks_either() {
    // Not matching the `digits:chars` pattern redaction knows, so only the verbatim scrub protects it.
    let odd_token = "plain-SECRET_token";
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let channel = channel(&format!("http://127.0.0.1:{port}"), odd_token, CHAT);
    let e = channel.send(&test_message()).await.unwrap_err();
    assert_no_token(&e);
    assert!(!e.reason().contains(odd_token), "{}", e.reason());
}

#[tokio::test]
async fn detect_finds_the_chats_that_wrote_to_the_bot_without_confirming_their_updates() {
    let (fake, _) = fake_and_channel().await;
    let api = Some(url::Url::parse(&fake.api_url()).unwrap());
    let token = nightwatcher_engine::secrets::Secret::new(TOKEN);
    let started = std::time::Instant::now();
    let none = nightwatcher_engine::telegram::recent_chats(
        &token,
        api.clone(),
        std::time::Duration::from_secs(1),
    )
    .await
    .unwrap();
    assert!(none.is_empty(), "{none:?}");
    assert!(
        started.elapsed() >= std::time::Duration::from_millis(900),
        "it waited for a message"
    );

    fake.push_message(CHAT, 9, "hello");
    fake.push_message(-1001234567890, 9, "/start");
    fake.push_message(CHAT, 9, "again");
    let chats = nightwatcher_engine::telegram::recent_chats(
        &token,
        api.clone(),
        std::time::Duration::from_secs(5),
    )
    .await
    .unwrap();
    let ids: Vec<i64> = chats.iter().map(|c| c.id).collect();
    assert_eq!(
        ids,
        [-1001234567890, CHAT],
        "each chat once, the newest last"
    );
    assert!(chats.iter().all(|c| !c.name.is_empty()), "{chats:?}");
    assert_eq!(
        fake.confirmed_offset(),
        0,
        "nothing was taken from a bot poller"
    );

    let wrong = nightwatcher_engine::secrets::Secret::new("123:wrong-token");
    let e =
        nightwatcher_engine::telegram::recent_chats(&wrong, api, std::time::Duration::from_secs(1))
            .await
            .unwrap_err();
    assert!(e.is_permanent(), "{e:?}");
    assert_no_token(&e);
}
