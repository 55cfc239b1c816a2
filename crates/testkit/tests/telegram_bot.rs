//! The fake Telegram's interactive side over real HTTP: updates by long poll and offset, one poller at a time,
//! callback queries answered in time or refused, inline keyboards checked and recorded, edits, commands.

// Tests may unwrap: a panic is the failure report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use nightwatcher_testkit::telegram::FakeTelegram;
use reqwest::StatusCode;
use serde_json::{Value, json};

const TOKEN: &str = "123456:BOT-token";
const CHAT: i64 = 5151;
const USER: i64 = 61;

async fn started() -> FakeTelegram {
    let fake = FakeTelegram::start(TOKEN).await;
    fake.allow_chat(CHAT);
    fake
}

async fn call(fake: &FakeTelegram, method: &str, body: Value) -> (StatusCode, Value) {
    let response = reqwest::Client::new()
        .post(format!("{}/bot{TOKEN}/{method}", fake.api_url()))
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap())
}

fn grab_button(data: &str) -> Value {
    json!({"inline_keyboard": [[{"text": "Grab", "callback_data": data}]]})
}

#[tokio::test]
async fn updates_wait_in_a_long_poll_and_stay_until_an_offset_confirms_them() {
    let fake = started().await;
    let poll = {
        let fake = fake.clone();
        tokio::spawn(async move { call(&fake, "getUpdates", json!({"timeout": 5})).await })
    };
    tokio::time::sleep(Duration::from_millis(200)).await;
    let id = fake.push_message(CHAT, USER, "/status");
    let started = Instant::now();
    let (status, body) = poll.await.unwrap();
    assert_eq!(status, StatusCode::OK);
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "the long poll ends when an update comes"
    );
    let updates = body["result"].as_array().unwrap();
    assert_eq!(updates.len(), 1);
    assert_eq!(updates[0]["update_id"], id);
    assert_eq!(updates[0]["message"]["text"], "/status");
    assert_eq!(updates[0]["message"]["chat"]["id"], CHAT);
    assert_eq!(updates[0]["message"]["entities"][0]["type"], "bot_command");

    // Not confirmed: given again. Confirmed by an offset past it: gone.
    let (_, again) = call(&fake, "getUpdates", json!({})).await;
    assert_eq!(again["result"].as_array().unwrap().len(), 1);
    let (_, after) = call(&fake, "getUpdates", json!({"offset": id + 1})).await;
    assert_eq!(after["result"], json!([]));
    assert_eq!(fake.confirmed_offset(), id + 1);
}

#[tokio::test]
async fn a_second_poller_terminates_the_first_with_409() {
    let fake = started().await;
    let first = {
        let fake = fake.clone();
        tokio::spawn(async move { call(&fake, "getUpdates", json!({"timeout": 5})).await })
    };
    tokio::time::sleep(Duration::from_millis(200)).await;
    let second = {
        let fake = fake.clone();
        tokio::spawn(async move { call(&fake, "getUpdates", json!({"timeout": 1})).await })
    };
    tokio::time::sleep(Duration::from_millis(200)).await;
    fake.push_message(CHAT, USER, "hello");
    let (status, body) = first.await.unwrap();
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        body["description"]
            .as_str()
            .unwrap()
            .contains("only one bot instance"),
        "{body}"
    );
    let (status, body) = second.await.unwrap();
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["result"].as_array().unwrap().len(), 1);
    assert_eq!(fake.poll_conflicts(), 1);
}

#[tokio::test]
async fn a_tap_is_answered_once_in_time_and_the_keyboard_is_recorded_and_edited() {
    let fake = started().await;
    let (status, sent) = call(
        &fake,
        "sendMessage",
        json!({"chat_id": CHAT, "text": "Heat — 1 new release", "reply_markup": grab_button("g:17")}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{sent}");
    let message_id = sent["result"]["message_id"].as_i64().unwrap();
    assert_eq!(fake.messages()[0].reply_markup, Some(grab_button("g:17")));

    let (_, query) = fake.push_callback_query(message_id, USER, "g:17");
    let (_, updates) = call(
        &fake,
        "getUpdates",
        json!({"allowed_updates": ["callback_query"]}),
    )
    .await;
    let tap = &updates["result"][0]["callback_query"];
    assert_eq!(tap["data"], "g:17");
    assert_eq!(tap["message"]["chat"]["id"], CHAT);
    assert_eq!(tap["from"]["id"], USER);

    let answer = json!({"callback_query_id": query, "text": "Sending to qBittorrent…"});
    assert_eq!(
        call(&fake, "answerCallbackQuery", answer.clone()).await.0,
        StatusCode::OK
    );
    let (status, body) = call(&fake, "answerCallbackQuery", answer).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "answered twice: {body}");
    assert_eq!(fake.callback_answers().len(), 1);

    let done = json!({"inline_keyboard": [[{"text": "✅ Grabbed", "callback_data": "noop"}]]});
    let edit = json!({"chat_id": CHAT, "message_id": message_id, "reply_markup": done});
    assert_eq!(
        call(&fake, "editMessageReplyMarkup", edit.clone()).await.0,
        StatusCode::OK
    );
    let (status, body) = call(&fake, "editMessageReplyMarkup", edit).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body["description"]
            .as_str()
            .unwrap()
            .contains("not modified"),
        "{body}"
    );
    let (status, _) = call(
        &fake,
        "editMessageCaption",
        json!({"chat_id": CHAT, "message_id": message_id, "caption": "x"}),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "a text message has no caption"
    );
    assert_eq!(fake.edits().len(), 1);
    assert_eq!(fake.messages()[0].reply_markup, Some(done));
}

#[tokio::test]
async fn a_tap_answered_too_late_is_refused() {
    let fake = started().await;
    fake.set_callback_answer_window(Duration::from_millis(100));
    let (_, sent) = call(
        &fake,
        "sendMessage",
        json!({"chat_id": CHAT, "text": "Heat", "reply_markup": grab_button("g:1")}),
    )
    .await;
    let (_, query) =
        fake.push_callback_query(sent["result"]["message_id"].as_i64().unwrap(), USER, "g:1");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (status, body) = call(
        &fake,
        "answerCallbackQuery",
        json!({"callback_query_id": query}),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body["description"]
            .as_str()
            .unwrap()
            .contains("query is too old"),
        "{body}"
    );
}

#[tokio::test]
async fn bad_keyboards_and_commands_are_refused_as_telegram_refuses_them() {
    let fake = started().await;
    for markup in [
        grab_button(&"x".repeat(65)),
        grab_button(""),
        json!({"inline_keyboard": [[{"text": "Open", "url": "javascript:alert(1)"}]]}),
    ] {
        let (status, body) = call(
            &fake,
            "sendMessage",
            json!({"chat_id": CHAT, "text": "t", "reply_markup": markup}),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{markup}: {body}");
    }
    assert!(fake.messages().is_empty());

    let scope = json!({"type": "chat", "chat_id": CHAT});
    let good = json!([{"command": "status", "description": "What NightWatcher is doing"}]);
    let (status, _) = call(
        &fake,
        "setMyCommands",
        json!({"commands": good, "scope": scope}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    for bad in [
        json!([{"command": "Status", "description": "capital"}]),
        json!([{"command": "status", "description": ""}]),
        json!([{"command": "a".repeat(33), "description": "long"}]),
    ] {
        let (status, _) = call(&fake, "setMyCommands", json!({"commands": bad})).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
    }
    let commands = fake.commands();
    assert_eq!(commands.len(), 1);
    assert_eq!(commands[0]["scope"], scope);
}

#[tokio::test]
async fn a_poll_without_updates_waits_its_timeout_then_answers_none() {
    let fake = started().await;
    let started = Instant::now();
    let (status, body) = call(&fake, "getUpdates", json!({"timeout": 1})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["result"], json!([]));
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "{:?}",
        started.elapsed()
    );
}
