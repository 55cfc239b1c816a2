//! The Telegram bot as a face, against the fake Bot API and the fake Prowlarr: an item's message carries
//! Grab, "Grab…" and Mute buttons with short opaque data; a tap in the configured chat is answered, done
//! once however often it comes, and its buttons replaced; a tap from another chat is ignored.

#![allow(clippy::unwrap_used)] // tests may unwrap

mod common;

use std::time::Duration;

use nightwatcher_engine::service::Service;
use nightwatcher_engine::settings::{self, SettingKey};
use nightwatcher_engine::store::{GrabStatus, Store};
use nightwatcher_testkit::prowlarr::{FakeProwlarr, ReleaseBuilder, download_client};
use nightwatcher_testkit::telegram::{FakeTelegram, SentMessage};
use serde_json::Value;

const KEY: &str = "bot-test-prowlarr-key-0123";
const TOKEN: &str = "123456:BOT-test_token";
const CHAT: i64 = 88;
const USER: i64 = 5001;

struct Setup {
    _dir: tempfile::TempDir,
    service: Service,
    store: Store,
    prowlarr: FakeProwlarr,
    telegram: FakeTelegram,
    /// The item message the bot sent about Heat.
    message: SentMessage,
}

/// Waits up to 20 s for `pred` to hold.
async fn until(what: &str, pred: impl Fn() -> bool) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while !pred() {
        assert!(tokio::time::Instant::now() < deadline, "never: {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A service that found two releases of Heat and notified them, with a qBittorrent client in Prowlarr.
async fn notified_heat() -> Setup {
    notified_heat_obeying(None).await
}

/// [`notified_heat`], the bot obeying only the users `user_ids` (the `telegram_user_ids` setting).
async fn notified_heat_obeying(user_ids: Option<&str>) -> Setup {
    let (dir, store) = common::temp_store().await;
    let prowlarr = FakeProwlarr::start(KEY).await;
    let telegram = FakeTelegram::start(TOKEN).await;
    telegram.allow_chat(CHAT);
    prowlarr.add_download_client(download_client(
        1,
        "qBittorrent",
        "QBittorrent",
        "torrent",
        true,
    ));
    for (title, guid) in [
        ("Heat.1995.2160p.UHD.BluRay.x265-GRP", "heat-uhd"),
        ("Heat.1995.1080p.BluRay.x264-GRP", "heat-hd"),
    ] {
        prowlarr.add_release(ReleaseBuilder::new(title).guid(guid).build_for(&prowlarr));
    }
    common::point_at_fakes(&store, &prowlarr, &telegram, CHAT).await;
    if let Some(ids) = user_ids {
        settings::set(&store, SettingKey::TelegramUserIds, ids)
            .await
            .unwrap();
    }
    let (service, mut rx) = common::start(
        store.clone(),
        common::secrets(KEY, TOKEN),
        common::options(common::ON_DEMAND, common::fast_delivery()),
    )
    .await;
    store.add_item(&common::movie("Heat", 1995)).await.unwrap();
    common::check_finished(&service, &mut rx).await;
    until("the item message is sent", || {
        !telegram.messages().is_empty()
    })
    .await;
    let message = telegram.messages().remove(0);
    Setup {
        _dir: dir,
        service,
        store,
        prowlarr,
        telegram,
        message,
    }
}

/// The `callback_data` of each button of a keyboard, row by row, with its text.
fn buttons(markup: &Value) -> Vec<(String, String)> {
    markup["inline_keyboard"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|row| row.as_array().unwrap().iter())
        .map(|b| {
            (
                b["text"].as_str().unwrap().to_owned(),
                b["callback_data"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn an_item_message_carries_grab_others_and_mute_with_short_opaque_data() {
    let s = notified_heat().await;
    let markup = s
        .message
        .reply_markup
        .clone()
        .expect("the message has buttons");
    let buttons = buttons(&markup);
    let texts: Vec<&str> = buttons.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts, ["Grab", "Grab…", "Mute"], "{markup}");
    for (_, data) in &buttons {
        assert!(data.len() <= 64, "{data}");
        assert!(
            !data.contains("heat") && !data.contains("http") && !data.contains(KEY),
            "callback data names no guid, link or key: {data}"
        );
    }
    s.service.shutdown().await;
}

#[tokio::test]
async fn a_tap_on_grab_is_answered_grabs_the_best_release_once_and_says_so() {
    let s = notified_heat().await;
    let grab = buttons(s.message.reply_markup.as_ref().unwrap())[0]
        .1
        .clone();
    let (update, query) = s
        .telegram
        .push_callback_query(s.message.message_id, USER, &grab);
    until("the grab is sent", || s.prowlarr.grabs().len() == 1).await;
    until("the buttons say it", || {
        s.telegram
            .edits()
            .iter()
            .any(|e| e.params.to_string().contains("Grabbed → qBittorrent"))
    })
    .await;
    assert!(
        s.telegram
            .callback_answers()
            .iter()
            .any(|a| a.query_id == query),
        "the tap was answered"
    );
    let found = s.store.found_releases(None, 10).await.unwrap();
    let grabbed: Vec<_> = found
        .iter()
        .filter(|f| f.grab_status == Some(GrabStatus::Grabbed))
        .collect();
    assert_eq!(grabbed.len(), 1, "{found:?}");
    assert!(
        grabbed[0].title.contains("2160p"),
        "the best release: {}",
        grabbed[0].title
    );
    assert_eq!(grabbed[0].grab_face.as_deref(), Some("telegram"));
    until("the update is confirmed", || {
        s.telegram.confirmed_offset() > update
    })
    .await;

    // A second tap (or the same one read again after a crash) does not grab twice.
    s.telegram
        .push_callback_query(s.message.message_id, USER, &grab);
    until("the second tap is answered", || {
        s.telegram.callback_answers().len() == 2
    })
    .await;
    until("and handled", || s.telegram.confirmed_offset() > update + 1).await;
    assert_eq!(s.prowlarr.grabs().len(), 1, "grabbed once");
    s.service.shutdown().await;
}

#[tokio::test]
async fn grab_others_offers_each_release_and_mute_mutes_the_item() {
    let s = notified_heat().await;
    let keyboard = buttons(s.message.reply_markup.as_ref().unwrap());
    s.telegram
        .push_callback_query(s.message.message_id, USER, &keyboard[1].1);
    until("the releases are offered", || {
        s.telegram
            .edits()
            .iter()
            .any(|e| e.params.to_string().contains("Heat.1995.1080p"))
    })
    .await;
    s.telegram
        .push_callback_query(s.message.message_id, USER, &keyboard[2].1);
    let item = s.store.items().await.unwrap().remove(0);
    let store = s.store.clone();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while !store.item(item.id).await.unwrap().muted {
        assert!(tokio::time::Instant::now() < deadline, "never muted");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    until("the buttons offer to unmute", || {
        s.telegram
            .edits()
            .iter()
            .any(|e| e.params.to_string().contains("tap to unmute"))
    })
    .await;
    s.service.shutdown().await;
}

#[tokio::test]
async fn a_tap_from_another_chat_is_ignored() {
    let s = notified_heat().await;
    let grab = buttons(s.message.reply_markup.as_ref().unwrap())[0]
        .1
        .clone();
    let (update, _) = s
        .telegram
        .push_foreign_callback_query(CHAT + 1, USER, &grab);
    until("the update is read", || {
        s.telegram.confirmed_offset() > update
    })
    .await;
    assert!(s.prowlarr.grabs().is_empty(), "nothing grabbed");
    assert!(s.telegram.callback_answers().is_empty(), "nothing answered");
    assert!(s.telegram.edits().is_empty(), "nothing edited");
    s.service.shutdown().await;
}

#[tokio::test]
async fn another_program_reading_the_bots_updates_is_shown_as_a_problem() {
    let s = notified_heat().await;
    // Another program long-polls the same bot: each of its polls cuts the service's off with 409.
    let url = format!("{}/bot{TOKEN}/getUpdates?timeout=2", s.telegram.api_url());
    let other = tokio::spawn(async move {
        let client = reqwest::Client::new();
        loop {
            let _ = client.get(&url).send().await;
        }
    });
    let status = common::status_where(&s.service, Duration::from_secs(30), |st| {
        st.problem.as_ref().is_some_and(|p| {
            p.message
                .contains("another program is reading this bot's updates")
        })
    })
    .await;
    assert!(!status.problem.unwrap().message.contains(TOKEN));
    assert!(s.telegram.poll_conflicts() > 0);
    other.abort();
    s.service.shutdown().await;
}

/// Sends `text` in `chat` and returns the bot's answer (the next message it sends).
async fn say(s: &Setup, chat: i64, text: &str) -> String {
    let before = s.telegram.messages().len();
    s.telegram.push_message(chat, USER, text);
    until("the bot answers", || s.telegram.messages().len() > before).await;
    s.telegram.messages()[before].plain.clone()
}

#[tokio::test]
async fn commands_in_the_configured_chat_are_done_and_answered() {
    let s = notified_heat().await;
    until("the command menu is set for the chat", || {
        !s.telegram.commands().is_empty()
    })
    .await;
    let menu = &s.telegram.commands()[0];
    assert_eq!(menu["scope"]["type"], "chat", "{menu}");
    assert_eq!(menu["scope"]["chat_id"], CHAT, "{menu}");
    assert!(menu["commands"].to_string().contains("unmute"), "{menu}");

    let item = s.store.items().await.unwrap().remove(0);
    let list = say(&s, CHAT, "/list").await;
    assert!(
        list.contains(&format!("#{} Heat (1995): found", item.id)),
        "{list}"
    );
    let status = say(&s, CHAT, "/status").await;
    assert!(status.contains("Last check at"), "{status}");
    let muted = say(&s, CHAT, &format!("/mute {}", item.id)).await;
    assert!(muted.contains("Muted"), "{muted}");
    assert!(s.store.item(item.id).await.unwrap().muted);
    let added = say(&s, CHAT, "/add movie <b>Arrival</b> 2016").await;
    assert!(added.contains("Added #"), "{added}");
    let arrival = s.store.items().await.unwrap().pop().unwrap();
    assert_eq!(
        (arrival.title.as_str(), arrival.year),
        ("<b>Arrival</b>", Some(2016))
    );
    assert!(
        added.contains("<b>Arrival</b>"),
        "the title is shown as text: {added}"
    );
    let wrong = say(&s, CHAT, "/mute").await;
    assert!(wrong.contains("/mute takes an item's id"), "{wrong}");
    let paused = say(&s, CHAT, "/pause").await;
    assert!(paused.contains("Paused"), "{paused}");
    assert!(s.service.status().await.paused);

    // Another chat's commands are not obeyed (nor answered).
    let sent = s.telegram.messages().len();
    let update = s.telegram.push_message(CHAT + 1, USER, "/resume");
    until("the update is read", || {
        s.telegram.confirmed_offset() > update
    })
    .await;
    assert!(s.service.status().await.paused, "still paused");
    assert_eq!(s.telegram.messages().len(), sent, "no answer");
    s.service.shutdown().await;
}

#[tokio::test]
async fn with_user_ids_set_only_those_users_are_obeyed_in_the_chat() {
    let s = notified_heat_obeying(Some(&format!("{}, {}", USER + 1, USER + 2))).await;
    let grab = buttons(s.message.reply_markup.as_ref().unwrap())[0]
        .1
        .clone();
    let (update, _) = s
        .telegram
        .push_callback_query(s.message.message_id, USER, &grab);
    until("the stranger's tap is read", || {
        s.telegram.confirmed_offset() > update
    })
    .await;
    assert!(
        s.prowlarr.grabs().is_empty(),
        "a user not listed is not obeyed"
    );
    assert!(s.telegram.callback_answers().is_empty());
    s.telegram
        .push_callback_query(s.message.message_id, USER + 2, &grab);
    until("a listed user's tap grabs", || {
        s.prowlarr.grabs().len() == 1
    })
    .await;
    s.service.shutdown().await;
}
