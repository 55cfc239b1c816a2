//! The Telegram bot of `nightwatcherd run` (its own process) against the fakes: a tap whose grab reached
//! Prowlarr is not grabbed again when the daemon is killed (`kill -9`) before it confirmed the update, and the
//! restarted daemon answers the bot at once (it takes over the dead process's lease).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap

mod common;

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use nightwatcher_testkit::prowlarr::{FakeProwlarr, ReleaseBuilder, download_client};
use nightwatcher_testkit::telegram::FakeTelegram;
use tokio::process::{Child, Command};

use common::{CHAT, KEY, TOKEN, daemon_at};

const USER: i64 = 9;

/// `nightwatcherd --db <db> <args>` pointed at the fakes, its output left out of the test's.
fn daemon(db: &Path, prowlarr: &FakeProwlarr, telegram: &FakeTelegram, args: &[&str]) -> Command {
    let mut cmd = daemon_at(db, Some((prowlarr, telegram)), args);
    cmd.stdout(Stdio::null()).stderr(Stdio::null());
    cmd
}

/// Waits up to `secs` for `pred` to hold.
async fn until(secs: u64, what: &str, pred: impl Fn() -> bool) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(secs);
    while !pred() {
        assert!(tokio::time::Instant::now() < deadline, "never: {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn kill(child: &mut Child, signal: &str) {
    let pid = child.id().unwrap().to_string();
    let sent = std::process::Command::new("kill")
        .args([signal, &pid])
        .status()
        .unwrap();
    assert!(sent.success());
    // Reaped, so no zombie is left to look alive.
    tokio::time::timeout(Duration::from_secs(20), child.wait())
        .await
        .expect("the daemon ends")
        .unwrap();
}

#[tokio::test]
async fn a_tap_grabbed_before_a_kill_9_is_not_grabbed_again_after_the_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bot.db");
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
    prowlarr.add_release(
        ReleaseBuilder::new("Heat.1995.1080p.BluRay.x264-GRP")
            .guid("heat")
            .build_for(&prowlarr),
    );
    let added = daemon(
        &db,
        &prowlarr,
        &telegram,
        &[
            "watchlist",
            "add",
            "Heat",
            "--kind",
            "movie",
            "--year",
            "1995",
        ],
    )
    .status()
    .await
    .unwrap();
    assert!(added.success());

    let mut first = daemon(&db, &prowlarr, &telegram, &["run"]).spawn().unwrap();
    until(40, "the item message", || {
        telegram.messages().iter().any(|m| m.reply_markup.is_some())
    })
    .await;
    let message = telegram
        .messages()
        .into_iter()
        .find(|m| m.reply_markup.is_some())
        .unwrap();
    let grab = message.reply_markup.as_ref().unwrap()["inline_keyboard"][0][0]["callback_data"]
        .as_str()
        .unwrap()
        .to_owned();

    // Prowlarr sends the release on at once but answers late; the daemon dies before it hears back.
    prowlarr.set_grab_latency(Duration::from_secs(30));
    let (update, _) = telegram.push_callback_query(message.message_id, USER, &grab);
    until(20, "the grab reaches Prowlarr", || {
        prowlarr.grabs().len() == 1
    })
    .await;
    kill(&mut first, "-KILL").await;
    assert!(
        telegram.confirmed_offset() <= update,
        "the tap was not confirmed before the kill"
    );

    prowlarr.set_grab_latency(Duration::ZERO);
    let mut second = daemon(&db, &prowlarr, &telegram, &["run"]).spawn().unwrap();
    // Read again by the restarted daemon, well before the dead one's lease (90 s) would have run out.
    until(30, "the restarted daemon handles the tap", || {
        telegram.confirmed_offset() > update
    })
    .await;
    assert_eq!(prowlarr.grabs().len(), 1, "the release is grabbed once");
    kill(&mut second, "-TERM").await;
}
