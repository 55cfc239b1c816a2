//! Proves the fake Telegram speaks what teloxide (the real client the engine uses) sends and parses: PascalCase
//! method names, JSON `SendMessage`, multipart `SendPhoto`, and error envelopes mapped to teloxide's errors.

// Tests may unwrap: a panic is the failure report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use nightwatcher_testkit::telegram::{FakeTelegram, TgFault};
use teloxide::prelude::*;
use teloxide::types::{InputFile, ParseMode};
use teloxide::{ApiError, RequestError};

const TOKEN: &str = "123456:TELOXIDE-token";
const CHAT: i64 = 31337;

async fn bot_and_fake() -> (Bot, FakeTelegram) {
    let fake = FakeTelegram::start(TOKEN).await;
    fake.allow_chat(CHAT);
    let url = reqwest::Url::parse(&fake.api_url()).unwrap();
    (Bot::new(TOKEN).set_api_url(url), fake)
}

#[tokio::test]
async fn teloxide_get_me_and_send_message_round_trip() {
    let (bot, fake) = bot_and_fake().await;
    let me = bot.get_me().await.unwrap();
    assert_eq!(me.username.as_deref(), Some("nightwatcher_fake_bot"));

    let sent = bot
        .send_message(ChatId(CHAT), "<b>Dune</b> &amp; friends")
        .parse_mode(ParseMode::Html)
        .await
        .unwrap();
    assert_eq!(sent.text(), Some("Dune & friends"));
    assert_eq!(sent.chat.id, ChatId(CHAT));
    let messages = fake.messages();
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0].parse_mode.as_deref(), Some("HTML"));
}

#[tokio::test]
async fn teloxide_send_photo_goes_through_multipart() {
    let (bot, fake) = bot_and_fake().await;
    let url = reqwest::Url::parse("https://img.example/poster.jpg").unwrap();
    let sent = bot
        .send_photo(ChatId(CHAT), InputFile::url(url))
        .caption("<i>Severance</i> S02E01")
        .parse_mode(ParseMode::Html)
        .await
        .unwrap();
    assert_eq!(sent.caption(), Some("Severance S02E01"));
    let messages = fake.messages();
    assert_eq!(messages[0].method, "sendPhoto");
    assert_eq!(
        messages[0].photo.as_deref(),
        Some("https://img.example/poster.jpg")
    );
}

#[tokio::test]
async fn teloxide_sees_retry_after_and_api_errors() {
    let (bot, fake) = bot_and_fake().await;
    fake.push_fault(TgFault::TooManyRequests { retry_after: 3 });
    let err = bot.send_message(ChatId(CHAT), "x").await.unwrap_err();
    match err {
        RequestError::RetryAfter(secs) => assert_eq!(secs.seconds(), 3),
        other => panic!("expected RetryAfter, got {other:?}"),
    }

    let err = bot.send_message(ChatId(1), "x").await.unwrap_err();
    assert!(
        matches!(err, RequestError::Api(ApiError::ChatNotFound)),
        "{err:?}"
    );

    fake.block_chat(CHAT);
    let err = bot.send_message(ChatId(CHAT), "x").await.unwrap_err();
    assert!(
        matches!(err, RequestError::Api(ApiError::BotBlocked)),
        "{err:?}"
    );

    let wrong = Bot::new("999:WRONG").set_api_url(reqwest::Url::parse(&fake.api_url()).unwrap());
    let err = wrong.get_me().await.unwrap_err();
    assert!(
        matches!(err, RequestError::Api(ApiError::InvalidToken)),
        "{err:?}"
    );
}
