//! The channels over HTTP: their settings and secrets through `PUT /api/v1/settings` (a secret answered only
//! as "saved"), and `POST /api/v1/channels/{channel}/test` sending through the one named.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is the failure report

mod common;

use common::{Web, kind};
use nightwatcher_testkit::ntfy::FakeNtfy;
use nightwatcher_testkit::webhook::WebhookReceiver;
use reqwest::Method;
use serde_json::json;

const NTFY_TOKEN: &str = "tk_web0channel0token0abcdef012";
const HOOK_SECRET: &str = "web-hook-secret-9e8d7c";

#[tokio::test]
async fn channel_settings_round_trip_and_each_channel_is_tested_by_name() {
    let web = Web::start().await;
    let p = web.program().await;
    let ntfy = FakeNtfy::start().await;
    ntfy.protect("nw-web", NTFY_TOKEN);
    let hook = WebhookReceiver::start().await;

    let (status, view) = p
        .call(
            Method::PUT,
            "/api/v1/settings",
            Some(json!({
                "ntfy_url": ntfy.url(),
                "ntfy_topic": "nw-web",
                "ntfy_priority": "5",
                "ntfy_token": NTFY_TOKEN,
                "webhook_url": hook.url("/n8n/webhook/nw?source=nightwatcher"),
                "webhook_secret": HOOK_SECRET,
                "webhook_enabled": false,
            })),
        )
        .await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(view["ntfy_priority"], "max");
    assert_eq!(view["ntfy_token"], "saved");
    assert_eq!(view["webhook_secret"], "saved");
    let text = view.to_string();
    assert!(
        !text.contains(NTFY_TOKEN) && !text.contains(HOOK_SECRET),
        "{text}"
    );
    assert_eq!(
        view["channels"],
        json!([
            {"id": "telegram", "label": "Telegram", "configured": false, "enabled": true},
            {"id": "ntfy", "label": "ntfy", "configured": true, "enabled": true},
            {"id": "webhook", "label": "the webhook", "configured": true, "enabled": false},
        ])
    );

    let (status, body) = p
        .call(Method::POST, "/api/v1/channels/ntfy/test", None)
        .await;
    assert_eq!(status, 204, "{body}");
    assert_eq!(ntfy.published().len(), 1);
    // A channel that is off is still tested: that is how one checks it before turning it on.
    let (status, body) = p
        .call(Method::POST, "/api/v1/channels/webhook/test", None)
        .await;
    assert_eq!(status, 204, "{body}");
    let got = &hook.accepted()[0];
    assert_eq!(got.target, "/n8n/webhook/nw?source=nightwatcher");
    assert_eq!(got.header("x-nightwatcher-secret"), Some(HOOK_SECRET));

    hook.answer_next(500, None);
    let (status, body) = p
        .call(Method::POST, "/api/v1/channels/webhook/test", None)
        .await;
    assert_eq!((status, kind(&body)), (502, "channel"), "{body}");
    assert!(
        !body.to_string().contains("/n8n/webhook"),
        "the URL stays out: {body}"
    );

    let (status, body) = p
        .call(Method::POST, "/api/v1/channels/telegram/test", None)
        .await;
    assert_eq!((status, kind(&body)), (503, "not_configured"), "{body}");
    let (status, body) = p
        .call(Method::POST, "/api/v1/channels/email/test", None)
        .await;
    assert_eq!((status, kind(&body)), (404, "not_found"), "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("the channels are telegram, ntfy, webhook"),
        "{body}"
    );
    web.stop().await;
}
