//! `nightwatcherd` on a database that fails it or that another process shares: a read-only disk, a full disk
//! (real ones: small tmpfs mounts), two daemons checking at once, and a daemon beside the app's engine.
//!
//! Mounting needs root (CI runs as root). Where it is impossible the disk tests print why and pass without
//! running; the two-process tests always run.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic: that is the failure report

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::Arc;
use std::time::Duration;

use nightwatcher_engine::events::Events;
use nightwatcher_engine::secrets::{MemoryStore, Secret, SecretName, SecretStore};
use nightwatcher_engine::service::Service;
use nightwatcher_engine::store::Store;
use nightwatcher_testkit::disk::Tmpfs;
use nightwatcher_testkit::prowlarr::{FakeProwlarr, ReleaseBuilder};
use nightwatcher_testkit::telegram::FakeTelegram;

use common::{CHAT, KEY, TOKEN, daemon_at as daemon, output as run};

fn film(i: usize) -> String {
    format!("Shared Film {i:02}")
}

fn release(i: usize) -> String {
    format!("Shared.Film.{i:02}.2025.1080p.WEB-DL.DDP5.1.H.264-TWO")
}

/// Imports films `0..n` (no release exists yet) through the daemon.
async fn import_films(db: &Path, n: usize) {
    let items: Vec<serde_json::Value> = (0..n)
        .map(|i| serde_json::json!({"title": film(i), "kind": "movie", "year": 2025}))
        .collect();
    let file = db.with_extension("import.json");
    std::fs::write(&file, serde_json::to_string(&items).unwrap()).unwrap();
    let out = run(daemon(
        db,
        None,
        &["watchlist", "import", file.to_str().unwrap()],
    ))
    .await;
    assert_eq!(out.code, 0, "{}", out.stderr);
}

/// How many Telegram messages name each release.
fn announcements(telegram: &FakeTelegram, releases: usize) -> HashMap<String, usize> {
    let messages = telegram.messages();
    (0..releases)
        .map(|i| {
            let n = messages
                .iter()
                .filter(|m| m.plain.contains(&release(i)))
                .count();
            (release(i), n)
        })
        .collect()
}

async fn integrity(db: &Path) -> String {
    let store = Store::open(db).await.unwrap();
    let result = store.integrity_check().await.unwrap();
    store.close().await;
    result
}

#[tokio::test]
async fn two_daemons_checking_one_database_at_once_announce_every_release_once() {
    let prowlarr = FakeProwlarr::start(KEY).await;
    let telegram = FakeTelegram::start(TOKEN).await;
    telegram.allow_chat(CHAT);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shared.db");
    import_films(&db, 8).await;

    // Two rounds: the first films' first releases, then the others' news. Five or fewer items with news
    // make one message each, so both daemons have several to deliver at the same time.
    for round in [0..4, 4..8] {
        for i in round.clone() {
            prowlarr.add_release(
                ReleaseBuilder::new(&release(i))
                    .guid(&format!("two-{i}"))
                    .build_for(&prowlarr),
            );
        }
        let check = ["check", "--deliver-for", "30"];
        let (a, b) = tokio::join!(
            run(daemon(&db, Some((&prowlarr, &telegram)), &check)),
            run(daemon(&db, Some((&prowlarr, &telegram)), &check)),
        );
        assert_eq!(a.code, 0, "first daemon: {}", a.stderr);
        assert_eq!(b.code, 0, "second daemon: {}", b.stderr);
        assert!(!a.stderr.contains("panicked") && !b.stderr.contains("panicked"));
    }

    let counts = announcements(&telegram, 8);
    assert!(
        counts.values().all(|&n| n == 1),
        "every release is announced exactly once: {counts:?}"
    );
    let status = run(daemon(&db, None, &["status", "--json"])).await;
    let status: serde_json::Value = serde_json::from_str(&status.stdout).unwrap();
    assert_eq!(status["notifications"]["pending"], 0, "{status}");
    assert_eq!(status["notifications"]["failed"], 0, "{status}");
    assert_eq!(integrity(&db).await, "ok");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_daemon_and_the_app_on_one_database_announce_every_release_once() {
    let prowlarr = FakeProwlarr::start(KEY).await;
    let telegram = FakeTelegram::start(TOKEN).await;
    telegram.allow_chat(CHAT);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shared.db");
    import_films(&db, 4).await;
    for (key, value) in [
        ("prowlarr_url", prowlarr.url()),
        ("telegram_api_url", telegram.api_url()),
        ("telegram_chat_id", CHAT.to_string()),
    ] {
        let out = run(daemon(&db, None, &["config", "set", key, &value])).await;
        assert_eq!(out.code, 0, "{}", out.stderr);
    }
    for i in 0..4 {
        prowlarr.add_release(
            ReleaseBuilder::new(&release(i))
                .guid(&format!("app-{i}"))
                .build_for(&prowlarr),
        );
    }

    // The daemon, and the engine as the tray app starts it: both check a few seconds after they start.
    let mut running = daemon(&db, Some((&prowlarr, &telegram)), &["run"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let secrets = Arc::new(MemoryStore::default());
    secrets
        .set(SecretName::ProwlarrApiKey, &Secret::new(KEY))
        .unwrap();
    secrets
        .set(SecretName::TelegramBotToken, &Secret::new(TOKEN))
        .unwrap();
    let app = Service::start(Store::open(&db).await.unwrap(), secrets, Events::new()).await;

    telegram.wait_for_messages(4, Duration::from_secs(40)).await;
    // Until the outbox is empty, a slower one of the two may still be sending.
    for _ in 0..200 {
        if app.store().notification_counts().await.unwrap().pending == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    app.shutdown().await;
    let term = std::process::Command::new("kill")
        .args(["-TERM", &running.id().unwrap().to_string()])
        .status()
        .unwrap();
    assert!(term.success());
    let exit = tokio::time::timeout(Duration::from_secs(20), running.wait())
        .await
        .expect("the daemon stops on SIGTERM")
        .unwrap();
    assert!(exit.success(), "{exit}");

    let counts = announcements(&telegram, 4);
    assert!(
        counts.values().all(|&n| n == 1),
        "every release is announced exactly once: {counts:?}"
    );
    assert_eq!(integrity(&db).await, "ok");
}

#[tokio::test]
async fn on_a_read_only_disk_every_command_says_so_in_one_line() {
    let Some(disk) = Tmpfs::mount("4m") else {
        return;
    };
    let db = disk.path().join("nw.db");
    import_films(&db, 2).await;
    std::fs::remove_file(db.with_extension("import.json")).unwrap();
    disk.remount("ro").await;
    let before = std::fs::read(&db).unwrap();

    for args in [
        &["watchlist", "list"][..],
        &["watchlist", "add", "Heat", "--kind", "movie"],
        &["status"],
        &["check"],
        &["config", "set", "interval", "1h"],
    ] {
        let out = run(daemon(&db, None, args)).await;
        assert_eq!(out.code, 1, "{args:?}: {}", out.stderr);
        let line = out.stderr.trim();
        assert_eq!(line.lines().count(), 1, "{args:?}: one line: {line}");
        assert!(
            line.starts_with(&format!(
                "nightwatcherd: the database at {} is read-only",
                db.display()
            )),
            "{args:?}: {line}"
        );
        assert!(line.contains("--db"), "what to do: {line}");
        assert!(!line.contains("panicked"), "{line}");
    }
    assert!(
        std::fs::read(&db).unwrap() == before,
        "the file is unchanged"
    );
}

#[tokio::test]
async fn on_a_full_disk_an_import_stores_nothing_and_works_once_space_is_freed() {
    let Some(disk) = Tmpfs::mount("4m") else {
        return;
    };
    let db = disk.path().join("nw.db");
    import_films(&db, 2).await;
    let list = |db: PathBuf| async move {
        let out = run(daemon(&db, None, &["watchlist", "export"])).await;
        assert_eq!(out.code, 0, "{}", out.stderr);
        serde_json::from_str::<Vec<serde_json::Value>>(&out.stdout).unwrap()
    };
    let before = list(db.clone()).await;
    assert_eq!(before.len(), 2);

    let file = disk.path().join("many.json");
    let items: Vec<serde_json::Value> = (0..2000)
        .map(|i| serde_json::json!({"title": format!("Imported Film Number {i:04} With A Long Enough Title"), "kind": "movie"}))
        .collect();
    std::fs::write(&file, serde_json::to_string(&items).unwrap()).unwrap();
    let filler = disk.fill();
    let out = run(daemon(
        &db,
        None,
        &["watchlist", "import", file.to_str().unwrap()],
    ))
    .await;
    assert_eq!(out.code, 1, "{}", out.stderr);
    let line = out.stderr.trim();
    assert_eq!(line.lines().count(), 1, "one line: {line}");
    assert!(
        line.starts_with(&format!(
            "nightwatcherd: the disk holding the database at {} is full",
            db.display()
        )),
        "{line}"
    );
    assert!(line.contains("free some space"), "{line}");

    std::fs::remove_file(filler).unwrap();
    assert_eq!(
        list(db.clone()).await,
        before,
        "nothing of the import was kept"
    );
    let out = run(daemon(
        &db,
        None,
        &["watchlist", "import", file.to_str().unwrap()],
    ))
    .await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    let after = list(db.clone()).await;
    assert_eq!(after.len(), 2002);
    assert_eq!(after[..2], before[..], "what was stored before is intact");
    assert_eq!(integrity(&db).await, "ok");
}
