//! `nightwatcherd channel`: which channels are set up and on, switching one, "Send test message", and a check
//! delivering to ntfy and a webhook beside Telegram.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is the failure report

mod common;

use std::time::Duration;

use nightwatcher_testkit::ntfy::FakeNtfy;
use nightwatcher_testkit::prowlarr::{FakeProwlarr, ReleaseBuilder};
use nightwatcher_testkit::webhook::WebhookReceiver;

use common::{Env, KEY, assert_no_secrets};

const NTFY_TOKEN: &str = "tk_cli0channel0token0123456789";

#[tokio::test]
async fn channels_are_listed_switched_tested_and_each_gets_the_checks_news() {
    let prowlarr = FakeProwlarr::start(KEY).await;
    let ntfy = FakeNtfy::start().await;
    ntfy.protect("nightwatcher-films", NTFY_TOKEN);
    let hook = WebhookReceiver::start().await;
    let mut env = Env::new();
    env.set("NIGHTWATCHER_NTFY_URL", &ntfy.url());
    env.set("NIGHTWATCHER_NTFY_TOKEN", NTFY_TOKEN);

    // Nothing is set up yet.
    let out = env.run(&["channel", "list"]).await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "telegram   not set up\nntfy       not set up\nwebhook    not set up\n"
    );
    let out = env.run(&["channel", "test", "ntfy"]).await;
    assert_ne!(out.code, 0);
    assert!(
        out.stderr
            .contains("ntfy is not set up: save a topic first"),
        "{}",
        out.stderr
    );

    for (key, value) in [
        ("ntfy_topic", "nightwatcher-films"),
        ("webhook_url", &hook.url("/hooks/nw")),
    ] {
        let out = env.run(&["config", "set", key, value]).await;
        assert_eq!(out.code, 0, "{}", out.stderr);
    }
    let out = env.run(&["channel", "test", "ntfy"]).await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "test message sent through ntfy\n");
    assert_eq!(ntfy.published().len(), 1);

    // A refusing receiver: the reason, and a non-zero exit.
    hook.answer_next(410, None);
    let out = env.run(&["channel", "test", "webhook"]).await;
    assert_ne!(out.code, 0);
    assert!(
        out.stderr
            .contains("The webhook refused the message: HTTP 410"),
        "{}",
        out.stderr
    );

    let out = env.run(&["channel", "off", "webhook"]).await;
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (0, "webhook is off\n"),
        "{}",
        out.stderr
    );
    let out = env.run(&["channel", "list"]).await;
    assert!(
        out.stdout.contains("ntfy       on\nwebhook    off\n"),
        "{}",
        out.stdout
    );

    // A check: ntfy gets the news, the webhook that is off does not (Telegram is not set up).
    env.run(&[
        "watchlist",
        "add",
        "Heat",
        "--kind",
        "movie",
        "--year",
        "1995",
    ])
    .await;
    prowlarr
        .add_release(ReleaseBuilder::new("Heat.1995.1080p.BluRay.x264-GRP").build_for(&prowlarr));
    env.set("NIGHTWATCHER_PROWLARR_URL", &prowlarr.url());
    env.set("NIGHTWATCHER_PROWLARR_API_KEY", KEY);
    let out = env.run(&["check"]).await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    let pushed = ntfy.wait_for(2, Duration::from_secs(10)).await;
    assert_eq!(pushed.len(), 2);
    assert!(
        pushed[1]
            .message
            .contains("Heat.1995.1080p.BluRay.x264-GRP")
    );
    assert_eq!(hook.received().len(), 1, "only the refused test");
    assert_no_secrets(&out.stdout);
    assert_no_secrets(&out.stderr);
    assert!(!out.stderr.contains(NTFY_TOKEN), "{}", out.stderr);
}
