//! Proves the fake Telegram Bot API's wire behaviour over real HTTP, as a bot client would see it.

// Tests may unwrap: a panic is the failure report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use nightwatcher_testkit::telegram::{FakeTelegram, TgFault};
use reqwest::StatusCode;
use serde_json::{Value, json};

const TOKEN: &str = "123456:TEST-token";
const CHAT: i64 = 4242;

fn client() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().build().unwrap()
}

async fn started() -> FakeTelegram {
    let fake = FakeTelegram::start(TOKEN).await;
    fake.allow_chat(CHAT);
    fake
}

async fn call(fake: &FakeTelegram, method: &str, body: Value) -> (StatusCode, Value) {
    let response = client()
        .post(format!("{}/bot{TOKEN}/{method}", fake.api_url()))
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap())
}

async fn send_html(fake: &FakeTelegram, text: &str) -> (StatusCode, Value) {
    call(
        fake,
        "sendMessage",
        json!({"chat_id": CHAT, "text": text, "parse_mode": "HTML"}),
    )
    .await
}

/// A multipart/form-data body with text fields only, the way teloxide sends `SendPhoto` with a URL.
fn multipart(fields: &[(&str, &str)]) -> (String, Vec<u8>) {
    let boundary = "nwFakeBoundary7MA4YWxkTrZu0gW";
    let mut body = String::new();
    for (name, value) in fields {
        body.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        ));
    }
    body.push_str(&format!("--{boundary}--\r\n"));
    (
        format!("multipart/form-data; boundary={boundary}"),
        body.into_bytes(),
    )
}

async fn send_photo_multipart(fake: &FakeTelegram, fields: &[(&str, &str)]) -> (StatusCode, Value) {
    let (content_type, body) = multipart(fields);
    let response = client()
        .post(format!("{}/bot{TOKEN}/SendPhoto", fake.api_url()))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap())
}

#[tokio::test]
async fn get_me_answers_over_get_and_post_in_any_case() {
    let fake = started().await;
    let response = client()
        .get(format!("{}/bot{TOKEN}/getMe", fake.api_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["ok"], true);
    assert_eq!(body["result"]["is_bot"], true);
    assert_eq!(body["result"]["username"], "nightwatcher_fake_bot");

    let (status, body) = call(&fake, "GetMe", json!({})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["result"]["first_name"], "NightWatcher Fake");
}

#[tokio::test]
async fn wrong_token_is_401_and_unknown_method_is_404() {
    let fake = started().await;
    let response = client()
        .post(format!("{}/botWRONG/getMe", fake.api_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let body: Value = response.json().await.unwrap();
    assert_eq!(
        body,
        json!({"ok": false, "error_code": 401, "description": "Unauthorized"})
    );

    let (status, body) = call(&fake, "sendTelepathy", json!({})).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        body,
        json!({"ok": false, "error_code": 404, "description": "Not Found"})
    );
    assert_eq!(fake.requests(), 2);
}

#[tokio::test]
async fn method_names_are_case_insensitive() {
    let fake = started().await;
    for method in ["sendMessage", "SendMessage", "SENDMESSAGE"] {
        let (status, body) = call(&fake, method, json!({"chat_id": CHAT, "text": "hi"})).await;
        assert_eq!(status, StatusCode::OK, "{method}");
        assert_eq!(body["result"]["text"], "hi");
    }
    let ids: Vec<i64> = fake.messages().iter().map(|m| m.message_id).collect();
    assert_eq!(ids, [1, 2, 3]);
    assert!(fake.messages().iter().all(|m| m.method == "sendMessage"));
}

#[tokio::test]
async fn accepted_message_is_recorded_and_returned_as_a_message() {
    let fake = started().await;
    let (status, body) = send_html(&fake, "<b>New</b>: Dune &amp; co &lt;2160p&gt;").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["ok"], true);
    assert_eq!(body["result"]["chat"]["id"], CHAT);
    assert_eq!(body["result"]["chat"]["type"], "private");
    assert_eq!(body["result"]["text"], "New: Dune & co <2160p>");
    assert!(body["result"]["date"].is_i64());

    let messages = fake.messages();
    assert_eq!(messages.len(), 1);
    let m = &messages[0];
    assert_eq!(m.chat_id, CHAT);
    assert_eq!(m.text, "<b>New</b>: Dune &amp; co &lt;2160p&gt;");
    assert_eq!(m.plain, "New: Dune & co <2160p>");
    assert_eq!(m.parse_mode.as_deref(), Some("HTML"));
    assert_eq!(m.photo, None);
}

#[tokio::test]
async fn strict_html_refuses_what_the_real_parser_refuses() {
    let fake = started().await;
    for bad in [
        "size < 2 GiB",
        "Tom & Jerry",
        "<b>unclosed",
        "<b><i>crossed</b></i>",
        "<br>line",
        "<span>no class</span>",
    ] {
        let (status, body) = send_html(&fake, bad).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
        let description = body["description"].as_str().unwrap();
        assert!(
            description.starts_with("Bad Request: can't parse entities: "),
            "{bad}: {description}"
        );
    }
    let (_, body) = send_html(&fake, "<blink>x</blink>").await;
    assert!(
        body["description"]
            .as_str()
            .unwrap()
            .contains("Unsupported start tag \"blink\"")
    );
    assert!(fake.messages().is_empty());
    assert_eq!(fake.requests(), 7);
}

#[tokio::test]
async fn without_parse_mode_markup_is_plain_text() {
    let fake = started().await;
    let (status, _) = call(
        &fake,
        "sendMessage",
        json!({"chat_id": CHAT, "text": "Tom & Jerry <3"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(fake.messages()[0].plain, "Tom & Jerry <3");
}

#[tokio::test]
async fn text_length_is_counted_after_entity_parsing_in_utf16_units() {
    let fake = started().await;
    // 4096 visible characters written as 20480 bytes of entities: accepted.
    let (status, _) = send_html(&fake, &"&amp;".repeat(4096)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(fake.messages()[0].plain.len(), 4096);

    let (status, body) = send_html(&fake, &format!("<b>{}</b>", "&lt;".repeat(4097))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["description"], "Bad Request: message is too long");

    // 2049 emoji are 2049 characters but 4098 UTF-16 units.
    let (status, _) = send_html(&fake, &"\u{1F3AC}".repeat(2049)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    let (status, body) = send_html(&fake, "<b> </b>").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["description"], "Bad Request: message text is empty");
}

#[tokio::test]
async fn chat_must_be_allowed_and_not_blocked() {
    let fake = started().await;
    fake.block_chat(7);

    let (status, body) = call(&fake, "sendMessage", json!({"chat_id": 999, "text": "x"})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["description"], "Bad Request: chat not found");
    assert_eq!(body["error_code"], 400);

    let (status, _) = call(
        &fake,
        "sendMessage",
        json!({"chat_id": "@somechannel", "text": "x"}),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    let (status, body) = call(&fake, "sendMessage", json!({"chat_id": 7, "text": "x"})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(
        body["description"],
        "Forbidden: bot was blocked by the user"
    );

    // A chat id given as a string of digits is the same chat.
    let (status, _) = call(
        &fake,
        "sendMessage",
        json!({"chat_id": CHAT.to_string(), "text": "x"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn form_urlencoded_bodies_are_read() {
    let fake = started().await;
    let response = client()
        .post(format!("{}/bot{TOKEN}/sendMessage", fake.api_url()))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!(
            "chat_id={CHAT}&text=a%20%26amp%3B%20b&parse_mode=HTML"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(fake.messages()[0].plain, "a & b");
}

#[tokio::test]
async fn multipart_send_photo_checks_the_url_and_the_caption() {
    let fake = started().await;
    fake.refuse_photo_urls_containing("broken.example");
    let chat = CHAT.to_string();

    let (status, body) = send_photo_multipart(
        &fake,
        &[
            ("chat_id", &chat),
            ("photo", "https://broken.example/poster.jpg"),
            ("caption", "x"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        body["description"],
        "Bad Request: wrong file identifier/HTTP URL specified"
    );

    let (status, _) =
        send_photo_multipart(&fake, &[("chat_id", &chat), ("photo", "not a url")]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    let long_caption = "c".repeat(1025);
    let (status, body) = send_photo_multipart(
        &fake,
        &[
            ("chat_id", &chat),
            ("photo", "https://img.example/p.jpg"),
            ("caption", &long_caption),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        body["description"],
        "Bad Request: message caption is too long"
    );

    let (status, body) = send_photo_multipart(
        &fake,
        &[
            ("chat_id", &chat),
            ("photo", "https://img.example/p.jpg"),
            ("caption", "<i>Dune</i> &amp; more"),
            ("parse_mode", "HTML"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["result"]["caption"], "Dune & more");
    assert!(body["result"]["photo"].is_array());
    let messages = fake.messages();
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0].method, "sendPhoto");
    assert_eq!(
        messages[0].photo.as_deref(),
        Some("https://img.example/p.jpg")
    );
    assert_eq!(messages[0].text, "<i>Dune</i> &amp; more");
}

#[tokio::test]
async fn flood_control_fault_carries_retry_after_and_precedes_validation() {
    let fake = started().await;
    fake.push_fault(TgFault::TooManyRequests { retry_after: 7 });
    // Even a message to an unknown chat gets the 429 first.
    let (status, body) = call(&fake, "sendMessage", json!({"chat_id": 1, "text": "x"})).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        body,
        json!({
            "ok": false,
            "error_code": 429,
            "description": "Too Many Requests: retry after 7",
            "parameters": {"retry_after": 7}
        })
    );
}

#[tokio::test]
async fn server_faults_apply_to_sends_only_and_in_order() {
    let fake = started().await;
    fake.push_fault(TgFault::ServerError);
    fake.push_fault(TgFault::InternalError);

    // getMe is not a send: it neither fails nor consumes a fault.
    let (status, _) = call(&fake, "getMe", json!({})).await;
    assert_eq!(status, StatusCode::OK);

    let msg = json!({"chat_id": CHAT, "text": "x"});
    let (status, body) = call(&fake, "sendMessage", msg.clone()).await;
    assert_eq!(status, StatusCode::BAD_GATEWAY);
    assert_eq!(body["description"], "Bad Gateway");
    let (status, body) = call(&fake, "sendMessage", msg.clone()).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(body["error_code"], 500);
    let (status, _) = call(&fake, "sendMessage", msg.clone()).await;
    assert_eq!(status, StatusCode::OK);

    fake.set_fault_for(2, TgFault::ServerError);
    let mut statuses = Vec::new();
    for _ in 0..3 {
        statuses.push(call(&fake, "sendMessage", msg.clone()).await.0);
    }
    assert_eq!(
        statuses,
        [
            StatusCode::BAD_GATEWAY,
            StatusCode::BAD_GATEWAY,
            StatusCode::OK
        ]
    );
    assert_eq!(fake.messages().len(), 2);
}

#[tokio::test]
async fn wait_for_messages_returns_once_enough_arrived() {
    let fake = started().await;
    let mut feed = fake.subscribe();
    let sender = fake.clone();
    tokio::spawn(async move {
        call(
            &sender,
            "sendMessage",
            json!({"chat_id": CHAT, "text": "one"}),
        )
        .await;
        call(
            &sender,
            "sendMessage",
            json!({"chat_id": CHAT, "text": "two"}),
        )
        .await;
    });
    let got = fake.wait_for_messages(2, Duration::from_secs(10)).await;
    assert_eq!(got.len(), 2);
    assert_eq!(feed.recv().await.unwrap().plain, "one");
    assert_eq!(feed.recv().await.unwrap().plain, "two");
}
