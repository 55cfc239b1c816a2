//! End-to-end test of the desktop app: the real `nightwatcher` (tray + engine) and `nightwatcher-window` (the
//! Tauri window) binaries built by this `cargo test`, running on an X display and driven the way a user drives
//! them, against the fake Prowlarr and fake Telegram running in this test process.
//!
//! - The app is started by the test, which is therefore its parent and sees its real exit status.
//! - The window through WebDriver: the app runs with `WEBKIT_INSPECTOR_SERVER` and `TAURI_WEBVIEW_AUTOMATION`
//!   set, which every window process it starts inherits, and `WebKitWebDriver --target` attaches to the window
//!   that is open. So the window under test is the one the app itself opened — at launch, and again from the
//!   tray's "Open" — not one a driver launched.
//! - The tray menu over D-Bus (`com.canonical.dbusmenu`, what a tray host calls), with `gdbus`.
//! - Closing the window the way a window manager does: an X11 `WM_DELETE_WINDOW` message.
//! - The notification daemon (dunst) and the keyring (gnome-keyring) are the real ones of the session;
//!   `dbus-monitor` records the notifications sent, `secret-tool` reads the keyring back.
//!
//! It needs the session that `scripts/with-test-session` provides (Xvfb, a session bus, dunst, an unlocked
//! gnome-keyring), WebKitWebDriver, and the UI built into `ui/dist` before the window is compiled. Without them
//! it fails and says how to run it: `scripts/test`, or
//! `(cd ui && npm run build) && cargo build -p nightwatcher-window && dbus-run-session -- scripts/with-test-session cargo test -p nightwatcher-tray --test e2e`.
//!
//! The screenshots in `docs/screenshots/` are written by this test (overwritten on each run).
//! Every wait is a bounded poll; nothing asserts on how long anything took.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap

use std::collections::{HashMap, HashSet};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::Utc;
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use nightwatcher_testkit::prowlarr::{FakeProwlarr, ReleaseBuilder};
use nightwatcher_testkit::telegram::FakeTelegram;
use nightwatcher_testkit::xss;
use regex::Regex;
use serde_json::{Value, json};
use x11rb::connection::Connection;
use x11rb::protocol::xproto::{AtomEnum, ClientMessageEvent, ConnectionExt as _, EventMask};

const HOW_TO_RUN: &str = "run it with scripts/test, or: (cd ui && npm run build) && dbus-run-session -- \
     scripts/with-test-session sh -c 'cargo build -p nightwatcher-window && cargo test -p nightwatcher-tray --test e2e'";

/// Longest any single wait may take before the test fails with what it last saw.
const WAIT_LIMIT: Duration = Duration::from_secs(30);
const POLL_EVERY: Duration = Duration::from_millis(150);

const MENU_PATH: &str = "/org/ayatana/NotificationItem/tray_icon_tray_app_nightwatcher/Menu";

// Values typed into Settings, shaped like real ones.
const PROWLARR_API_KEY: &str = "5f2b8c0e94d14a6f9b7e3d21c8a4f6e0";
const PROWLARR_VERSION: &str = "1.37.0.5076";
const BOT_TOKEN: &str = "7412598306:AAF3kq9xR2mZ8vT1nW4pL6yB0cD5eH7jK2s";
const CHAT_ID: i64 = 58_213_377;

const DUNE: &str = "Dune: Part Two";
/// Appears with the tray's check; refused by The Brutalist's "at least 2160p" filter.
const BRUTALIST_1080P: &str = "The.Brutalist.2024.1080p.WEB-DL.DDP5.1.H.264-FLUX";
/// Found only by the check started from the tray.
const DUNE_2160P: &str = "Dune.Part.Two.2024.2160p.WEB-DL.DDP5.1.Atmos.DV.HDR.H.265-FLUX";
/// A hostile release title: markup whose handler would set a marker if the UI ever parsed it as HTML.
const XSS_TITLE: &str = "Dune Part Two 2024 1080p WEBRip <img src=x onerror=window.__nw_xss=1>";
const GIB: i64 = 1 << 30;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_desktop_app_watches_notifies_and_lives_in_the_tray() {
    require_test_session();
    let dir = tempfile::tempdir().unwrap();
    let log_path = dir.path().join("app.log");
    let keyring_service = format!(
        "nightwatcher-e2e-{}-{}",
        std::process::id(),
        Utc::now().timestamp_micros()
    );
    let mut cleanup = Cleanup::new(keyring_service.clone());

    // 1. The fakes, then the app, with the environment its window inherits: the inspector server WebDriver
    //    attaches to. Nothing from the caller's NIGHTWATCHER_* variables may leak in: they override the keyring
    //    and the settings under test.
    let prowlarr = start_prowlarr().await;
    prowlarr.set_version(PROWLARR_VERSION);
    prowlarr.add_releases(already_out(&prowlarr));
    let telegram = FakeTelegram::start(BOT_TOKEN).await;
    telegram.allow_chat(CHAT_ID);

    let inspector_port = free_port();
    let socket = dir.path().join("engine.sock");
    // The environment of isolated_env, plus the fake Telegram and the inspector server WebDriver attaches to.
    let app_env = |command: &mut Command| {
        isolated_env(command, dir.path(), &keyring_service)
            .env("NIGHTWATCHER_TELEGRAM_API_URL", telegram.api_url())
            .env(
                "WEBKIT_INSPECTOR_SERVER",
                format!("127.0.0.1:{inspector_port}"),
            )
            .env("TAURI_WEBVIEW_AUTOMATION", "true");
    };
    let log = std::fs::File::create(&log_path).unwrap();
    let mut app = Command::new(env!("CARGO_BIN_EXE_nightwatcher"));
    app_env(&mut app);
    app.stdout(log.try_clone().unwrap()).stderr(log);
    cleanup.app = Some(app.spawn().unwrap());
    let app_pid = cleanup.app.as_ref().unwrap().id();

    // 2. The window the app opened at launch, through a WebDriver session attached to it.
    let client = attach_to_window(&mut cleanup, inspector_port, &log_path, 1).await;
    assert_eq!(client.title().await.unwrap(), "NightWatcher");
    assert_eq!(
        window_processes(app_pid).len(),
        1,
        "one window process under the app: {:?}",
        descendants(app_pid)
    );

    // 3. First run: Settings with the first-run guide.
    let guide = visible(&client, "first-run-guide").await;
    assert!(
        guide
            .text()
            .await
            .unwrap()
            .contains("Welcome to NightWatcher")
    );
    visible(&client, "view-settings").await;

    // 4. Configure through Settings; test the connection and send a test message.
    type_into(&client, "prowlarr_url", &prowlarr.url()).await;
    type_into(&client, "prowlarr_api_key", PROWLARR_API_KEY).await;
    type_into(&client, "telegram_bot_token", BOT_TOKEN).await;
    type_into(&client, "telegram_chat_id", &CHAT_ID.to_string()).await;
    click(&client, "settings-save").await;
    wait_text(&client, "settings-result", |t| t == "Settings saved.").await;
    wait_text(&client, "prowlarr-key-state", |t| t == "saved").await;
    wait_text(&client, "telegram-token-state", |t| t == "saved").await;
    assert!(
        hidden(&client, "first-run-guide").await,
        "the guide stays after configuring"
    );
    for secret_field in ["prowlarr_api_key", "telegram_bot_token"] {
        let value = find(&client, secret_field)
            .await
            .prop("value")
            .await
            .unwrap();
        assert_eq!(
            value.as_deref(),
            Some(""),
            "a stored secret stays in the page ({secret_field})"
        );
    }

    click(&client, "test-connection").await;
    let connected = wait_text(&client, "test-connection-result", |t| {
        t.starts_with("Connected to Prowlarr")
    })
    .await;
    assert!(
        connected.contains(PROWLARR_VERSION),
        "the version comes from the fake: {connected}"
    );
    assert!(
        prowlarr
            .recorded()
            .iter()
            .any(|r| r.path == "/api/v1/system/status"),
        "Test connection never asked Prowlarr: {:?}",
        prowlarr.recorded()
    );

    click(&client, "send-test-message").await;
    wait_text(&client, "send-test-result", |t| {
        t.starts_with("Test message sent")
    })
    .await;
    let messages = telegram.messages();
    assert_eq!(
        messages.len(),
        1,
        "one test message reached Telegram: {messages:?}"
    );
    assert_eq!(messages[0].chat_id, CHAT_ID);
    screenshot(&client, "settings").await;

    // The secrets are in the keyring, as typed, under the service of this run...
    for (user, typed) in [
        ("prowlarr-api-key", PROWLARR_API_KEY),
        ("telegram-bot-token", BOT_TOKEN),
    ] {
        let stored = run_tool(
            "secret-tool",
            &["lookup", "service", &keyring_service, "username", user],
        )
        .await
        .unwrap_or_else(|e| panic!("{user} is not in the keyring: {e}"));
        assert_eq!(stored, typed, "the keyring holds another {user}");
    }
    let entries = run_tool(
        "secret-tool",
        &["search", "--all", "service", &keyring_service],
    )
    .await
    .unwrap();
    assert_eq!(
        entries.lines().filter(|l| l.starts_with("[/")).count(),
        2,
        "exactly two keyring entries: {entries}"
    );
    // ...and nowhere in the database or the log.
    assert_no_secret_in_files(dir.path(), &log_path);

    // 5. Add items through the form. Each addition searches at once; wait until that search is done.
    click(&client, "nav-watchlist").await;
    visible(&client, "view-watchlist").await;
    add_item(&client, DUNE, "movie", Some("2024"), None, None).await;
    add_item(&client, "Severance", "series", None, Some("2"), None).await;
    // Only in 2160p: the 1080p release that appears later is kept in the history as filtered, not notified.
    add_item(
        &client,
        "The Brutalist",
        "movie",
        Some("2024"),
        None,
        Some("2160p"),
    )
    .await;
    eventually("every item checked once and no check running", async || {
        let items = invoke(&client, "list_items", json!({})).await?;
        let status = invoke(&client, "get_status", json!({})).await?;
        let unchecked: Vec<_> = items
            .as_array()
            .into_iter()
            .flatten()
            .filter(|i| i["last_checked_at"].is_null())
            .map(|i| i["title"].clone())
            .collect();
        (unchecked.is_empty() && status["running"].is_null())
            .then_some(())
            .ok_or_else(|| format!("unchecked {unchecked:?}, running {}", status["running"]))
    })
    .await;
    eventually("the watchlist to show what was found", async || {
        let mut rows = watchlist_rows(&client).await;
        rows.sort();
        let expected = [
            (DUNE, "found 1"),
            ("Severance", "found 2"),
            ("The Brutalist", "waiting"),
        ]
        .map(|(t, s)| (t.to_owned(), s.to_owned()));
        (rows == expected)
            .then_some(())
            .ok_or_else(|| format!("rows {rows:?}"))
    })
    .await;
    screenshot(&client, "watchlist").await;
    click(&client, "nav-found").await;
    eventually(
        "the releases out before the tray check to be listed",
        async || {
            let titles = texts(&client, "found-title").await;
            (titles.len() == 3)
                .then_some(())
                .ok_or_else(|| format!("found titles {titles:?}"))
        },
    )
    .await;
    screenshot(&client, "found").await;
    assert_no_secret_in_files(dir.path(), &log_path);

    // 6. "Check now" from the tray menu, after two new releases of Dune appear on the indexers.
    prowlarr.add_releases(new_dune_releases(&prowlarr));
    let monitor_out = dir.path().join("notifications.txt");
    cleanup.monitor = Some(start_notification_monitor(&monitor_out).await);
    let searches_before = prowlarr.search_requests();
    let messages_before = telegram.messages().len();
    let (bus, menu) = tray_menu(app_pid).await;
    click_menu(&bus, &menu, "Check now").await;
    eventually("a Prowlarr search after the tray's Check now", async || {
        let n = prowlarr.search_requests();
        (n > searches_before)
            .then_some(())
            .ok_or_else(|| format!("{n} searches, {searches_before} before the click"))
    })
    .await;
    assert!(read(&log_path).contains("check requested from the tray"));

    // 7. What that check found: in the window, on Telegram, as a desktop notification.
    eventually("the new releases in the Found list", async || {
        let titles = texts(&client, "found-title").await;
        (titles.iter().any(|t| t == DUNE_2160P) && titles.iter().any(|t| t == XSS_TITLE))
            .then_some(())
            .ok_or_else(|| format!("found titles {titles:?}"))
    })
    .await;
    assert_hostile_title_is_text(&client).await;
    // The filtered release is in the history with its reason, as text.
    let badges = eventually("the filtered Brutalist release in Found", async || {
        let titles = texts(&client, "found-title").await;
        let badges = texts(&client, "found-rejected").await;
        (titles.iter().any(|t| t == BRUTALIST_1080P) && !badges.is_empty())
            .then_some(badges)
            .ok_or_else(|| format!("found titles {titles:?}"))
    })
    .await;
    assert!(
        badges
            .iter()
            .any(|b| b.starts_with("filtered:") && b.contains("2160p")),
        "the badge does not say why: {badges:?}"
    );
    let news = eventually("the Telegram message about the new release", async || {
        let messages = telegram.messages();
        messages[messages_before.min(messages.len())..]
            .iter()
            .find(|m| m.plain.contains(DUNE_2160P))
            .cloned()
            .ok_or_else(|| {
                format!(
                    "messages since the click: {:?}",
                    &messages[messages_before.min(messages.len())..]
                )
            })
    })
    .await;
    assert_eq!(news.chat_id, CHAT_ID);
    assert!(
        telegram
            .messages()
            .iter()
            .all(|m| !m.plain.contains("Brutalist")),
        "a filtered release was notified: {:?}",
        telegram.messages()
    );
    // The 2160p release is news (a better quality than the 1080p one already announced); the hostile 1080p
    // WEBRip is another release of a quality already announced, so it waits for the item's next message.
    let summary = format!("{DUNE} — 1 new release");
    eventually(
        "the desktop notification at the notification daemon",
        async || {
            let seen = read(&monitor_out);
            (seen.contains(&format!("string \"{summary}\""))
                && seen.contains("string \"NightWatcher\""))
            .then_some(())
            .ok_or_else(|| format!("Notify calls seen:\n{seen}"))
        },
    )
    .await;
    assert!(
        !read(&monitor_out).contains("Brutalist"),
        "a filtered release reached the desktop:\n{}",
        read(&monitor_out)
    );
    let dunst = run_tool("dunstctl", &["count"]).await.unwrap();
    assert!(
        dunst
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse::<u32>().ok())
            .sum::<u32>()
            > 0,
        "dunst has no notification: {dunst}"
    );
    if let Some(mut monitor) = cleanup.monitor.take() {
        let _ = monitor.kill();
        let _ = monitor.wait();
    }
    assert!(
        read(&log_path).contains(&format!("desktop notification title=\"{summary}\"")),
        "no log line for the notification"
    );

    // The status bar's details: the engine's own figures, from the check just made.
    click(&client, "status-details-toggle").await;
    wait_text(&client, "monitor-search-mode", |t| {
        t.to_lowercase().contains("feed")
    })
    .await;
    wait_text(&client, "monitor-memory", |t| t.ends_with("MiB")).await;
    wait_text(&client, "monitor-feed-requests", |t| {
        t.split_whitespace()
            .next()
            .and_then(|n| n.parse::<u32>().ok())
            .is_some_and(|n| n >= 1)
    })
    .await;
    click(&client, "status-details-toggle").await;

    // 8. The screenshots were taken along the way (Settings after configuring, Watchlist and Found after the
    //    first checks), so they show realistic data rather than the hostile title.

    // 9. Close the window like a window manager: its process exits with every WebKit process, and the app
    //    stays in the tray.
    assert!(
        !web_processes_of(app_pid).is_empty(),
        "no WebKitWebProcess under the app while its window is open: {:?}",
        descendants(app_pid)
    );
    // The window's WebKit processes, by pid: once the window process is gone they are no longer under the app,
    // and other tests of this file run windows of their own at the same time.
    let window_webkit: HashSet<u32> = descendants(app_pid)
        .into_iter()
        .filter(|p| p.name.starts_with("WebKit") && p.name != "WebKitWebDriver")
        .map(|p| p.pid)
        .collect();
    // A close request can arrive while GTK is busy and be dropped (seen once under a loaded CI run), so it is
    // repeated every few seconds until the window is gone, as a user would click again.
    let mut last_request: Option<Instant> = None;
    eventually("the window process to exit", async || {
        if read(&log_path).contains("NightWatcher keeps watching from the tray")
            && window_processes(app_pid).is_empty()
        {
            return Ok(());
        }
        if last_request.is_none_or(|at| at.elapsed() > Duration::from_secs(3))
            && !app_windows(app_pid)?.is_empty()
        {
            close_window(app_pid)?;
            last_request = Some(Instant::now());
        }
        Err(format!("still running: {:?}", window_processes(app_pid)))
    })
    .await;
    eventually(
        "every WebKit process of the closed window to exit",
        async || {
            let left: Vec<Proc> = processes()
                .into_iter()
                .filter(|p| window_webkit.contains(&p.pid) && !p.zombie)
                .collect();
            left.is_empty()
                .then_some(())
                .ok_or_else(|| format!("still running: {left:?}"))
        },
    )
    .await;
    assert!(alive(app_pid), "closing the window ended the app");
    assert!(
        app_windows(app_pid).unwrap().is_empty(),
        "a NightWatcher window is still mapped"
    );
    // The session's browser is gone with its process.
    let _ = client.close().await;

    // 10. Reopen from the tray: a new window process, rehydrated from the engine.
    click_menu(&bus, &menu, "Open NightWatcher").await;
    let client = attach_to_window(&mut cleanup, inspector_port, &log_path, 2).await;
    assert_eq!(window_processes(app_pid).len(), 1);
    assert!(
        !web_processes_of(app_pid).is_empty(),
        "the new window has no web process"
    );
    eventually("the reopened window to show the watchlist", async || {
        let titles = texts(&client, "item-title").await;
        (titles.len() == 3)
            .then_some(())
            .ok_or_else(|| format!("watchlist titles {titles:?}"))
    })
    .await;
    click(&client, "nav-found").await;
    eventually("the reopened window to show what was found", async || {
        let titles = texts(&client, "found-title").await;
        (titles.len() == 6 && titles.iter().any(|t| t == XSS_TITLE))
            .then_some(())
            .ok_or_else(|| format!("found titles {titles:?}"))
    })
    .await;
    assert_hostile_title_is_text(&client).await;
    click(&client, "nav-settings").await;
    wait_text(&client, "prowlarr-key-state", |t| t == "saved").await;
    assert!(hidden(&client, "first-run-guide").await);

    // 11. One window at a time: Open again focuses it, and so does a second launch of the app, which exits 0.
    click_menu(&bus, &menu, "Open NightWatcher").await;
    eventually("Open with the window open to focus it", async || {
        (read(&log_path).matches("window focused").count() >= 1)
            .then_some(())
            .ok_or_else(|| "no \"window focused\" in the log".to_owned())
    })
    .await;
    let mut second = Command::new(env!("CARGO_BIN_EXE_nightwatcher"));
    app_env(&mut second);
    let second = second.output().unwrap();
    assert!(
        second.status.success(),
        "a second launch failed: {}",
        String::from_utf8_lossy(&second.stderr)
    );
    assert!(
        String::from_utf8_lossy(&second.stderr).contains("already running"),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    eventually("the second launch to focus the window", async || {
        (read(&log_path).matches("window focused").count() >= 2)
            .then_some(())
            .ok_or_else(|| "one \"window focused\" in the log".to_owned())
    })
    .await;
    assert_eq!(
        window_processes(app_pid).len(),
        1,
        "a second window process: {:?}",
        descendants(app_pid)
    );
    assert_eq!(client.title().await.unwrap(), "NightWatcher");

    // 12. Quit from the tray: the window closes, the watcher stops, and the app exits with status 0.
    click_menu(&bus, &menu, "Quit").await;
    let status = eventually("the app to exit", async || {
        cleanup
            .app
            .as_mut()
            .unwrap()
            .try_wait()
            .map_err(|e| e.to_string())?
            .ok_or_else(|| "still running".to_owned())
    })
    .await;
    assert!(
        status.success(),
        "exit status after Quit: {status}; log:\n{}",
        read(&log_path)
    );
    cleanup.app = None;
    let log = read(&log_path);
    for line in [
        "quitting",
        "the app is quitting: closing the window",
        "stopping the watcher",
        "service stopped",
        "exited",
    ] {
        assert!(log.contains(line), "no {line:?} in the log:\n{log}");
    }
    assert!(
        window_processes(app_pid).is_empty() && !alive(app_pid),
        "processes left after Quit: {:?}",
        descendants(app_pid)
    );
    assert!(!socket.exists(), "the socket file outlived the app");
    assert_no_secret_in_files(dir.path(), &log_path);
    let _ = client.close().await;
    drop(cleanup);
}

/// Without a tray (as when libayatana-appindicator is missing; `NIGHTWATCHER_NO_TRAY=1` forces it here) the
/// window opens even with `--hidden`, the log says why there is no tray, and closing the window quits with 0.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_tray_closing_the_window_quits() {
    require_test_session();
    let dir = tempfile::tempdir().unwrap();
    let log_path = dir.path().join("app.log");
    let mut cleanup = Cleanup::new(format!("nightwatcher-e2e-notray-{}", std::process::id()));
    let log = std::fs::File::create(&log_path).unwrap();
    let mut app = Command::new(env!("CARGO_BIN_EXE_nightwatcher"));
    app.arg("--hidden");
    isolated_env(&mut app, dir.path(), &cleanup.keyring_service)
        .env("NIGHTWATCHER_NO_TRAY", "1")
        .stdout(log.try_clone().unwrap())
        .stderr(log);
    cleanup.app = Some(app.spawn().unwrap());
    let app_pid = cleanup.app.as_ref().unwrap().id();

    eventually("the window to be mapped", async || {
        let windows = app_windows(app_pid)?;
        (windows.len() == 1)
            .then_some(())
            .ok_or_else(|| format!("windows {windows:?}; log:\n{}", read(&log_path)))
    })
    .await;
    assert!(
        read(&log_path).contains("running without a tray icon"),
        "the log does not say why there is no tray:\n{}",
        read(&log_path)
    );
    let mut last_request: Option<Instant> = None;
    let status = eventually("the app to quit after its window closed", async || {
        if let Some(status) = cleanup
            .app
            .as_mut()
            .unwrap()
            .try_wait()
            .map_err(|e| e.to_string())?
        {
            return Ok(status);
        }
        if last_request.is_none_or(|at| at.elapsed() > Duration::from_secs(3))
            && !app_windows(app_pid)?.is_empty()
        {
            close_window(app_pid)?;
            last_request = Some(Instant::now());
        }
        Err("still running".to_owned())
    })
    .await;
    let log = read(&log_path);
    assert!(status.success(), "exit status {status}; log:\n{log}");
    assert!(
        log.contains("the window closed and there is no tray: quitting")
            && log.contains("service stopped"),
        "{log}"
    );
    cleanup.app = None;
}

/// `--hidden` with a tray starts no window; SIGTERM stops the engine cleanly (exit 0) and removes the socket.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hidden_in_the_tray_and_stopped_by_sigterm() {
    require_test_session();
    let dir = tempfile::tempdir().unwrap();
    let log_path = dir.path().join("app.log");
    let mut cleanup = Cleanup::new(format!("nightwatcher-e2e-hidden-{}", std::process::id()));
    let log = std::fs::File::create(&log_path).unwrap();
    let mut app = Command::new(env!("CARGO_BIN_EXE_nightwatcher"));
    app.arg("--hidden");
    isolated_env(&mut app, dir.path(), &cleanup.keyring_service)
        .stdout(log.try_clone().unwrap())
        .stderr(log);
    cleanup.app = Some(app.spawn().unwrap());
    let app_pid = cleanup.app.as_ref().unwrap().id();
    let (_bus, menu) = tray_menu(app_pid).await;
    assert_eq!(
        menu.iter()
            .map(|(_, l)| l.as_str())
            .filter(|l| !l.is_empty())
            .take(3)
            .collect::<Vec<_>>(),
        ["Open NightWatcher", "Check now", "Pause watching"],
        "{menu:?}"
    );
    eventually("the engine to listen", async || {
        dir.path()
            .join("engine.sock")
            .exists()
            .then_some(())
            .ok_or_else(|| read(&log_path))
    })
    .await;
    assert!(
        window_processes(app_pid).is_empty(),
        "--hidden opened a window"
    );
    Command::new("kill")
        .args(["-TERM", &app_pid.to_string()])
        .status()
        .unwrap();
    let status = eventually("the app to exit on SIGTERM", async || {
        cleanup
            .app
            .as_mut()
            .unwrap()
            .try_wait()
            .map_err(|e| e.to_string())?
            .ok_or_else(|| "still running".to_owned())
    })
    .await;
    let log = read(&log_path);
    assert!(status.success(), "exit status {status}; log:\n{log}");
    assert!(
        log.contains("quitting on signal") && log.contains("service stopped"),
        "{log}"
    );
    assert!(
        !dir.path().join("engine.sock").exists(),
        "the socket outlived the app"
    );
    cleanup.app = None;
}

/// `nightwatcherd` built by this `cargo test --workspace` beside the app (it belongs to nightwatcher-daemon).
fn daemon_binary() -> PathBuf {
    let path = Path::new(env!("CARGO_BIN_EXE_nightwatcher")).with_file_name("nightwatcherd");
    assert!(
        path.is_file(),
        "{} is not built: run `cargo build -p nightwatcher-daemon` first, or {HOW_TO_RUN}",
        path.display()
    );
    path
}

/// A `nightwatcherd` command on the server's own database, with the fake Prowlarr's key from the environment.
fn server_command(dir: &Path, prowlarr_key: &str, args: &[&str]) -> Command {
    let mut command = Command::new(daemon_binary());
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("NIGHTWATCHER_") {
            command.env_remove(name);
        }
    }
    command
        .args(["--db", &dir.join("server.db").display().to_string()])
        .args(args)
        .env("NIGHTWATCHER_PROWLARR_API_KEY", prowlarr_key)
        .env(
            "NIGHTWATCHER_KEYRING_SERVICE",
            "nightwatcher-e2e-server-unused",
        )
        .env("RUST_LOG", "info")
        .stdin(Stdio::null());
    command
}

fn run_server_command(dir: &Path, args: &[&str]) -> String {
    let out = server_command(dir, PROWLARR_API_KEY, args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "nightwatcherd {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Starts `nightwatcherd run --listen` on `port`, logging to `log`.
fn start_server(dir: &Path, port: u16, log: &Path) -> Child {
    let log = std::fs::File::create(log).unwrap();
    server_command(
        dir,
        PROWLARR_API_KEY,
        &["run", "--listen", &format!("127.0.0.1:{port}")],
    )
    .stdout(log.try_clone().unwrap())
    .stderr(log)
    .spawn()
    .unwrap()
}

/// The desktop app attached to a server: `nightwatcherd run --listen` watches, the tray app runs no engine of
/// its own. Its tray shows the server's checks; Check now in the tray makes the server check; the server's
/// news arrives as a native notification; the server stopped, the tray says it cannot be reached; started
/// again, the tray reconnects by itself.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attached_to_a_server_the_tray_follows_it() {
    require_test_session();
    let dir = tempfile::tempdir().unwrap();
    let mut cleanup = Cleanup::new(format!("nightwatcher-e2e-attached-{}", std::process::id()));
    let prowlarr = start_prowlarr().await;
    prowlarr.add_releases(already_out(&prowlarr));

    // The server: configured with its CLI, an API key made for this desktop, then watching with the web API.
    run_server_command(
        dir.path(),
        &["config", "set", "prowlarr_url", &prowlarr.url()],
    );
    run_server_command(
        dir.path(),
        &[
            "watchlist",
            "add",
            DUNE,
            "--kind",
            "movie",
            "--year",
            "2024",
        ],
    );
    let key_out = run_server_command(dir.path(), &["web", "api-key", "--new"]);
    let api_key = Regex::new(r"\b[0-9a-f]{64}\b")
        .unwrap()
        .find(&key_out)
        .unwrap_or_else(|| panic!("no API key in {key_out:?}"))
        .as_str()
        .to_owned();
    let port = free_port();
    let server_log = dir.path().join("server.log");
    let mut server = Some(start_server(dir.path(), port, &server_log));
    let server_url = format!("http://127.0.0.1:{port}");
    eventually("the server's web API to answer", async || {
        TcpStream::connect(("127.0.0.1", port))
            .map(|_| ())
            .map_err(|e| format!("{e}; log:\n{}", read(&server_log)))
    })
    .await;

    // The desktop app, attached through its environment, hidden in the tray.
    let notifications = dir.path().join("notifications.txt");
    cleanup.monitor = Some(start_notification_monitor(&notifications).await);
    let log_path = dir.path().join("app.log");
    let log = std::fs::File::create(&log_path).unwrap();
    let mut app = Command::new(env!("CARGO_BIN_EXE_nightwatcher"));
    app.arg("--hidden");
    isolated_env(&mut app, dir.path(), &cleanup.keyring_service)
        .env("NIGHTWATCHER_DB", dir.path().join("desktop.db"))
        .env("NIGHTWATCHER_SERVER_URL", &server_url)
        .env("NIGHTWATCHER_SERVER_API_KEY", &api_key)
        .stdout(log.try_clone().unwrap())
        .stderr(log);
    cleanup.app = Some(app.spawn().unwrap());
    let app_pid = cleanup.app.as_ref().unwrap().id();

    // The tray shows the server's first check (the server checks by itself after start).
    let bus = eventually("the tray to show the server's last check", async || {
        let (bus, menu) = tray_menu(app_pid).await;
        menu.iter()
            .any(|(_, l)| l.starts_with("Last check:") && !l.ends_with("never"))
            .then_some(bus)
            .ok_or_else(|| format!("{menu:?}; app log:\n{}", read(&log_path)))
    })
    .await;
    let log_text = read(&log_path);
    assert!(
        log_text.contains("attached to a NightWatcher server")
            && !log_text.contains("service stopped"),
        "{log_text}"
    );
    assert!(
        !log_text.contains(&api_key),
        "the API key is in the app's log"
    );

    // Check now in the tray: the server checks and finds the new release; the news is a desktop notification.
    let before = prowlarr.recorded().len();
    prowlarr.add_releases(new_dune_releases(&prowlarr));
    let (_, menu) = tray_menu(app_pid).await;
    click_menu(&bus, &menu, "Check now").await;
    eventually("the server to ask Prowlarr again", async || {
        (prowlarr.recorded().len() > before)
            .then_some(())
            .ok_or_else(|| format!("server log:\n{}", read(&server_log)))
    })
    .await;
    eventually("the server's news as a desktop notification", async || {
        let seen = read(&notifications);
        seen.contains(&format!("{DUNE} — "))
            .then_some(())
            .ok_or_else(|| format!("notifications:\n{seen}\napp log:\n{}", read(&log_path)))
    })
    .await;

    // The server stops: the tray says it cannot be reached.
    let mut stopped = server.take().unwrap();
    Command::new("kill")
        .args(["-TERM", &stopped.id().to_string()])
        .status()
        .unwrap();
    stopped.wait().unwrap();
    eventually("the tray to say the server cannot be reached", async || {
        let (_, menu) = tray_menu(app_pid).await;
        menu.iter()
            .any(|(_, l)| l.contains("cannot be reached"))
            .then_some(())
            .ok_or_else(|| format!("{menu:?}"))
    })
    .await;

    // Started again on the same address: the tray reconnects by itself and the problem is gone.
    let mut restarted = start_server(dir.path(), port, &server_log);
    eventually("the tray to reconnect", async || {
        let (_, menu) = tray_menu(app_pid).await;
        (!menu.iter().any(|(_, l)| l.contains("cannot be reached"))
            && menu
                .iter()
                .any(|(_, l)| l.starts_with("Next check:") || l.starts_with("Checking")))
        .then_some(())
        .ok_or_else(|| format!("{menu:?}; app log:\n{}", read(&log_path)))
    })
    .await;

    // No engine ran on the desktop: its own database holds no check.
    let desktop_db = dir.path().join("desktop.db");
    let db = std::fs::read(&desktop_db).unwrap_or_default();
    assert!(
        !contains(&db, DUNE.as_bytes()),
        "the desktop's database holds the watchlist"
    );

    Command::new("kill")
        .args(["-TERM", &app_pid.to_string()])
        .status()
        .unwrap();
    let status = eventually("the app to exit on SIGTERM", async || {
        cleanup
            .app
            .as_mut()
            .unwrap()
            .try_wait()
            .map_err(|e| e.to_string())?
            .ok_or_else(|| "still running".to_owned())
    })
    .await;
    assert!(
        status.success(),
        "exit status {status}; log:\n{}",
        read(&log_path)
    );
    cleanup.app = None;
    let _ = restarted.kill();
    let _ = restarted.wait();
}

/// With `web_listen` set the app also serves the web UI: `/api/v1/health` answers, the API wants credentials,
/// and SIGTERM stops the web server with the rest.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_web_listen_the_app_serves_the_web_ui() {
    require_test_session();
    let dir = tempfile::tempdir().unwrap();
    let log_path = dir.path().join("app.log");
    let mut cleanup = Cleanup::new(format!("nightwatcher-e2e-web-{}", std::process::id()));
    let log = std::fs::File::create(&log_path).unwrap();
    let port = free_port();
    let mut app = Command::new(env!("CARGO_BIN_EXE_nightwatcher"));
    app.arg("--hidden");
    isolated_env(&mut app, dir.path(), &cleanup.keyring_service)
        .env("NIGHTWATCHER_WEB_LISTEN", format!("127.0.0.1:{port}"))
        .stdout(log.try_clone().unwrap())
        .stderr(log);
    cleanup.app = Some(app.spawn().unwrap());
    let app_pid = cleanup.app.as_ref().unwrap().id();
    let get = |path: &str| -> Result<String, String> {
        use std::io::{Read, Write};
        let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
        )
        .map_err(|e| e.to_string())?;
        let mut answer = String::new();
        stream
            .read_to_string(&mut answer)
            .map_err(|e| e.to_string())?;
        Ok(answer)
    };
    let health = eventually("the web UI to answer", async || get("/api/v1/health")).await;
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    assert!(health.ends_with(r#"{"status":"ok"}"#), "{health}");
    let items = get("/api/v1/items").unwrap();
    assert!(items.starts_with("HTTP/1.1 401"), "{items}");
    Command::new("kill")
        .args(["-TERM", &app_pid.to_string()])
        .status()
        .unwrap();
    let status = eventually("the app to exit on SIGTERM", async || {
        cleanup
            .app
            .as_mut()
            .unwrap()
            .try_wait()
            .map_err(|e| e.to_string())?
            .ok_or_else(|| "still running".to_owned())
    })
    .await;
    let log = read(&log_path);
    assert!(status.success(), "exit status {status}; log:\n{log}");
    assert!(log.contains("the web server has stopped"), "{log}");
    assert!(
        get("/api/v1/health").is_err(),
        "the web server outlived the app"
    );
    cleanup.app = None;
}

/// The film whose releases carry the XSS corpus in the hostile-data test.
const HOSTILE_FILM: (&str, i64) = ("Heat", 1995);

/// The corpus of `nightwatcher_testkit::xss` through a real check of the real app: release titles and indexer
/// names carry the payloads, `infoUrl`/`posterUrl` every unsafe scheme and two https forms. The window (through
/// WebDriver) shows every title and indexer name as exactly the text sent, no payload ran (no marker set, the
/// document title unchanged), the found list holds no element a payload would have made and offers only http(s)
/// links; Telegram accepted the notification on the first try; the desktop notification's body is escaped text.
/// (The window's CSP already blocks inline handlers, so the structural checks are what would catch an HTML
/// sink; the markers catch a payload that gets past both.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_release_data_shows_as_text_in_the_window_and_on_the_desktop() {
    require_test_session();
    let dir = tempfile::tempdir().unwrap();
    let log_path = dir.path().join("app.log");
    let mut cleanup = Cleanup::new(format!("nightwatcher-e2e-xss-{}", std::process::id()));

    let corpus = xss::payloads();
    let prowlarr = FakeProwlarr::start(PROWLARR_API_KEY).await;
    let releases = hostile_releases(&corpus);
    for (title, indexer_id, indexer, info_url, poster_url) in &releases {
        prowlarr.add_release(
            ReleaseBuilder::new(title)
                .indexer(*indexer_id, indexer)
                .info_url(info_url)
                .poster_url(poster_url)
                .build_for(&prowlarr),
        );
    }
    let telegram = FakeTelegram::start(BOT_TOKEN).await;
    telegram.allow_chat(CHAT_ID);

    // Configured through the environment (Settings has its own test above), so the check starts at once.
    let inspector_port = free_port();
    let log = std::fs::File::create(&log_path).unwrap();
    let mut app = Command::new(env!("CARGO_BIN_EXE_nightwatcher"));
    isolated_env(&mut app, dir.path(), &cleanup.keyring_service)
        .env("NIGHTWATCHER_PROWLARR_URL", prowlarr.url())
        .env("NIGHTWATCHER_PROWLARR_API_KEY", PROWLARR_API_KEY)
        .env("NIGHTWATCHER_TELEGRAM_API_URL", telegram.api_url())
        .env("NIGHTWATCHER_TELEGRAM_BOT_TOKEN", BOT_TOKEN)
        .env("NIGHTWATCHER_TELEGRAM_CHAT_ID", CHAT_ID.to_string())
        .env(
            "WEBKIT_INSPECTOR_SERVER",
            format!("127.0.0.1:{inspector_port}"),
        )
        .env("TAURI_WEBVIEW_AUTOMATION", "true")
        .stdout(log.try_clone().unwrap())
        .stderr(log);
    let monitor_out = dir.path().join("notifications.txt");
    cleanup.monitor = Some(start_notification_monitor(&monitor_out).await);
    cleanup.app = Some(app.spawn().unwrap());
    let client = attach_to_window(&mut cleanup, inspector_port, &log_path, 1).await;
    assert_eq!(client.title().await.unwrap(), "NightWatcher");

    // Adding the item searches at once: that check finds every hostile release.
    let (film, year) = HOSTILE_FILM;
    invoke(
        &client,
        "add_item",
        json!({"spec": {"title": film, "kind": "movie", "year": year}}),
    )
    .await
    .unwrap();
    click(&client, "nav-found").await;
    // The engine stores the first 1000 characters of a title (crates/engine/src/watcher.rs, MAX_STORED_TITLE).
    let titles: Vec<String> = releases
        .iter()
        .map(|r| r.0.chars().take(1000).collect())
        .collect();
    let indexers: Vec<String> = releases.iter().map(|r| r.2.clone()).collect();
    let markers: Vec<String> = (0..corpus.len())
        .map(xss::marker)
        .chain(["__nw_xss_url".to_owned(), "__nw_xss".to_owned()])
        .collect();
    // What the found list holds, read in the page: exact textContent, not WebDriver's rendered text.
    let script = "const [markers] = arguments; \
        const table = document.querySelector('[data-testid=\"found-table\"]'); \
        const all = (css) => [...table.querySelectorAll(css)]; \
        return { \
          titles: all('[data-testid=\"found-title\"]').map((e) => e.textContent), \
          indexers: all('[data-testid=\"found-indexer\"]').map((e) => e.textContent), \
          markers_set: markers.filter((m) => typeof window[m] !== 'undefined'), \
          document_title: document.title, \
          made_elements: all('script, iframe, frame, svg, math, img, object, embed, style, link, meta, base, \
            body, details, input, form, video, audio, a, div').map((e) => e.outerHTML.slice(0, 120)), \
          handler_attributes: all('*').flatMap((e) => [...e.attributes]) \
            .map((a) => a.name).filter((n) => n.startsWith('on') || n === 'srcdoc' || n === 'style'), \
          url_attributes: all('[href], [src], [action], [formaction], [data], [xlink\\\\:href]') \
            .map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action') \
              ?? e.getAttribute('formaction') ?? e.getAttribute('data') ?? ''), \
          open_links: all('[data-testid=\"found-link\"]').map((e) => e.getAttribute('title')), \
        };";
    let dom = eventually("every hostile release in the Found list", async || {
        let dom = client
            .execute(script, vec![json!(markers)])
            .await
            .map_err(|e| e.to_string())?;
        let shown: Vec<String> = serde_json::from_value(dom["titles"].clone()).unwrap_or_default();
        (shown.len() == titles.len())
            .then_some(dom.clone())
            .ok_or_else(|| format!("{} of {} titles: {dom}", shown.len(), titles.len()))
    })
    .await;

    assert_eq!(dom["markers_set"], json!([]), "a payload ran");
    assert_eq!(
        dom["document_title"], "NightWatcher",
        "a payload renamed the page"
    );
    assert_eq!(dom["made_elements"], json!([]), "a payload became elements");
    assert_eq!(
        dom["handler_attributes"],
        json!([]),
        "a payload became attributes"
    );
    let shown = |key: &str| -> Vec<String> { serde_json::from_value(dom[key].clone()).unwrap() };
    assert_same_texts("release title", &shown("titles"), &titles);
    assert_same_texts("indexer name", &shown("indexers"), &indexers);
    for url in dom["url_attributes"].as_array().unwrap() {
        assert!(xss::is_web_url(url.as_str().unwrap()), "a link to {url}");
    }
    let open_links: Vec<String> = serde_json::from_value(dom["open_links"].clone()).unwrap();
    let web_infos = releases.iter().filter(|r| xss::is_web_url(&r.3)).count();
    assert_eq!(
        open_links.len(),
        web_infos,
        "only the http(s) info pages get an Open button: {open_links:?}"
    );
    assert!(
        open_links.iter().all(|u| xss::is_web_url(u)),
        "{open_links:?}"
    );
    assert_eq!(
        client.title().await.unwrap(),
        "NightWatcher",
        "the window's title changed"
    );
    assert_hostile_titles_displayed(&client, &titles[..3]).await;

    // Telegram took the check's notification on the first try: no refused request, nothing failed.
    let messages = eventually("the notification on Telegram", async || {
        let messages = telegram.messages();
        (!messages.is_empty())
            .then_some(messages)
            .ok_or_else(|| "no message yet".to_owned())
    })
    .await;
    assert_eq!(
        messages.len(),
        1,
        "one message about the film: {messages:#?}"
    );
    assert_eq!(
        telegram.send_requests(),
        1,
        "Telegram refused a request first"
    );
    assert!(
        messages[0]
            .plain
            .starts_with(&format!("🎬 {film} ({year})"))
    );
    let status = invoke(&client, "get_status", json!({})).await.unwrap();
    assert_eq!(status["notifications"]["failed"], 0, "{status}");

    // The desktop notification names the best release as escaped text: the daemon renders no markup from it.
    let body = eventually("the desktop notification's body", async || {
        let seen = read(&monitor_out);
        let mut lines = seen.lines();
        while let Some(line) = lines.next() {
            if line
                .trim_start()
                .starts_with(&format!("string \"{film} — "))
            {
                return lines
                    .next()
                    .and_then(|l| l.trim_start().strip_prefix("string \""))
                    .and_then(|l| l.strip_suffix('"'))
                    .map(str::to_owned)
                    .ok_or_else(|| format!("no body after {line}"));
            }
        }
        Err(format!("Notify calls seen:\n{seen}"))
    })
    .await;
    let escaped = |t: &str| {
        t.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    assert!(
        titles.iter().any(|t| escaped(t) == body),
        "the body is not one release title, escaped: {body}"
    );
    assert!(
        !body.contains('<'),
        "markup reached the notification daemon: {body}"
    );

    // Again at the end: an error or load handler fires some time after its element was made.
    let later = client.execute(script, vec![json!(markers)]).await.unwrap();
    assert_eq!(later["markers_set"], json!([]), "a payload ran");
    assert_eq!(
        later["document_title"], "NightWatcher",
        "a payload renamed the page"
    );
    let _ = client.close().await;
    drop(cleanup);
}

/// The hostile releases: (title, indexer id, indexer name, info URL, poster URL). Payload `n` is in the title of
/// release `n` and names the indexer of release `n + 7`; the URLs go through every unsafe scheme and two https
/// forms in turn.
fn hostile_releases(corpus: &[String]) -> Vec<(String, i64, String, String, String)> {
    let (film, year) = HOSTILE_FILM;
    let urls: Vec<&str> = xss::UNSAFE_URLS
        .iter()
        .copied()
        .chain([xss::MARKUP_IN_HTTPS_URL, xss::SAFE_POSTER_URL])
        .collect();
    corpus
        .iter()
        .enumerate()
        .map(|(n, payload)| {
            (
                format!("{film} {year} 1080p WEB-DL {payload}"),
                n as i64 + 1,
                corpus[(n + 7) % corpus.len()].clone(),
                urls[n % urls.len()].to_owned(),
                urls[(n + 3) % urls.len()].to_owned(),
            )
        })
        .collect()
}

/// The page shows exactly the `sent` strings (in any order), each as the characters sent.
fn assert_same_texts(what: &str, shown: &[String], sent: &[String]) {
    let missing: Vec<&String> = sent.iter().filter(|t| !shown.contains(t)).collect();
    let unexpected: Vec<&String> = shown.iter().filter(|t| !sent.contains(t)).collect();
    assert!(
        missing.is_empty() && unexpected.is_empty() && shown.len() == sent.len(),
        "a {what} is not shown as the text sent.\nsent, not shown: {missing:#?}\nshown, not sent: {unexpected:#?}"
    );
}

/// These hostile titles are displayed (not just present in the DOM) as the text sent, as WebDriver sees it.
async fn assert_hostile_titles_displayed(client: &Client, titles: &[String]) {
    eventually("the hostile titles to be displayed as text", async || {
        let cells = client
            .find_all(Locator::Css(&by_testid("found-title")))
            .await
            .map_err(|e| e.to_string())?;
        let mut seen = Vec::new();
        for cell in cells {
            if cell.is_displayed().await.map_err(|e| e.to_string())? {
                seen.push(cell.text().await.map_err(|e| e.to_string())?);
            }
        }
        titles
            .iter()
            .all(|t| seen.contains(t))
            .then_some(())
            .ok_or_else(|| format!("displayed titles {seen:?}"))
    })
    .await;
}

/// An environment of its own for an app under test: database and socket in `dir`, its own keyring service, no
/// NIGHTWATCHER_* setting of the caller.
fn isolated_env<'a>(
    command: &'a mut Command,
    dir: &Path,
    keyring_service: &str,
) -> &'a mut Command {
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("NIGHTWATCHER_") {
            command.env_remove(name);
        }
    }
    command
        .env("NIGHTWATCHER_DB", dir.join("nightwatcher.db"))
        .env("NIGHTWATCHER_SOCKET", dir.join("engine.sock"))
        .env("NIGHTWATCHER_KEYRING_SERVICE", keyring_service)
        .env("NIGHTWATCHER_WINDOW_BIN", window_binary())
        .env("RUST_LOG", "info")
        // GTK would otherwise start an accessibility bus that outlives the test.
        .env("NO_AT_BRIDGE", "1")
        .stdin(Stdio::null())
}

/// The window program, built by this `cargo test` next to the app (it belongs to the nightwatcher-window package).
fn window_binary() -> PathBuf {
    let path = Path::new(env!("CARGO_BIN_EXE_nightwatcher")).with_file_name("nightwatcher-window");
    assert!(
        path.is_file(),
        "{} is not built: run `cargo build -p nightwatcher-window` first, or {HOW_TO_RUN}",
        path.display()
    );
    path
}

/// Waits for the `n`th window connection in the app's log, then attaches a fresh WebKitWebDriver (one session
/// per driver: the previous window's is gone with its process) to that window's inspector server.
async fn attach_to_window(
    cleanup: &mut Cleanup,
    inspector_port: u16,
    log_path: &Path,
    n: usize,
) -> Client {
    eventually(
        &format!("window connection #{n} in the app's log"),
        async || {
            let log = read(log_path);
            (log.matches("window connected").count() >= n)
                .then_some(())
                .ok_or_else(|| format!("log:\n{log}"))
        },
    )
    .await;
    if let Some(mut old) = cleanup.driver.take() {
        let _ = old.kill();
        let _ = old.wait();
    }
    let port = free_port();
    cleanup.driver = Some(
        Command::new("WebKitWebDriver")
            .args([
                format!("--port={port}"),
                format!("--target=127.0.0.1:{inspector_port}"),
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    eventually("a WebDriver session with the window", async || {
        TcpStream::connect(("127.0.0.1", port)).map_err(|e| format!("driver port {port}: {e}"))?;
        ClientBuilder::new(HttpConnector::new())
            .capabilities(serde_json::Map::new())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .map_err(|e| e.to_string())
    })
    .await
}

/// Checks the session this test needs and returns tauri-driver's path; panics with how to run the test.
fn require_test_session() {
    for var in ["DISPLAY", "DBUS_SESSION_BUS_ADDRESS"] {
        assert!(
            std::env::var_os(var).is_some_and(|v| !v.is_empty()),
            "{var} is not set: this test drives the real app on an X display with a session bus; {HOW_TO_RUN}"
        );
    }
    for (tool, package) in [
        ("WebKitWebDriver", "webkit2gtk-driver"),
        ("gdbus", "libglib2.0-bin"),
        ("secret-tool", "libsecret-tools"),
        ("dbus-monitor", "dbus"),
        ("dunstctl", "dunst"),
    ] {
        assert!(
            which(tool).is_some(),
            "{tool} is not installed (Debian package {package}; scripts/install-deps installs it); {HOW_TO_RUN}"
        );
    }
}

fn which(tool: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(tool))
        .find(|p| {
            p.metadata()
                .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// On Prowlarr's usual port when it is free, so the screenshots show a familiar address.
async fn start_prowlarr() -> FakeProwlarr {
    let usual = SocketAddr::from(([127, 0, 0, 1], 9696));
    match FakeProwlarr::start_on(usual, PROWLARR_API_KEY).await {
        Ok(fake) => fake,
        Err(_) => FakeProwlarr::start(PROWLARR_API_KEY).await,
    }
}

/// Releases on the indexers before any item is added.
fn already_out(prowlarr: &FakeProwlarr) -> Vec<Value> {
    let ago = |hours| Utc::now() - chrono::Duration::hours(hours);
    vec![
        ReleaseBuilder::new("Severance.S02E09.1080p.ATVP.WEB-DL.DDP5.1.H.264-NTb")
            .indexer(1, "TorrentLeech")
            .size(3 * GIB + GIB / 10)
            .seeders(241)
            .published(ago(50))
            .build_for(prowlarr),
        ReleaseBuilder::new("Severance.S02E10.1080p.ATVP.WEB-DL.DDP5.1.H.264-NTb")
            .indexer(2, "DrunkenSlug")
            .usenet()
            .size(3 * GIB + 4 * GIB / 10)
            .published(ago(5))
            .build_for(prowlarr),
        ReleaseBuilder::new("Dune.Part.Two.2024.1080p.BluRay.x264-SPARKS")
            .indexer(1, "TorrentLeech")
            .size(14 * GIB + GIB / 2)
            .seeders(1022)
            .published(ago(26))
            .build_for(prowlarr),
    ]
}

/// Releases that appear after the items were first checked, for the tray's "Check now" to find.
fn new_dune_releases(prowlarr: &FakeProwlarr) -> Vec<Value> {
    vec![
        ReleaseBuilder::new(DUNE_2160P)
            .indexer(1, "TorrentLeech")
            .size(24 * GIB + 7 * GIB / 10)
            .seeders(388)
            .build_for(prowlarr),
        ReleaseBuilder::new(XSS_TITLE)
            .indexer(3, "1337x")
            .size(2 * GIB + GIB / 10)
            .seeders(57)
            .build_for(prowlarr),
        ReleaseBuilder::new(BRUTALIST_1080P)
            .indexer(1, "TorrentLeech")
            .size(9 * GIB)
            .seeders(120)
            .build_for(prowlarr),
    ]
}

fn read(path: &Path) -> String {
    std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default()
}

/// Polls `probe` until it returns Ok, for at most [`WAIT_LIMIT`]; fails with what it last reported.
async fn eventually<T>(what: &str, mut probe: impl AsyncFnMut() -> Result<T, String>) -> T {
    let start = Instant::now();
    loop {
        match probe().await {
            Ok(value) => return value,
            Err(last) if start.elapsed() > WAIT_LIMIT => {
                panic!(
                    "gave up waiting for {what} after {} s; last seen: {last}",
                    WAIT_LIMIT.as_secs()
                )
            }
            Err(_) => tokio::time::sleep(POLL_EVERY).await,
        }
    }
}

/// Runs a command-line tool; its trimmed stdout, or what went wrong.
async fn run_tool(tool: &str, args: &[&str]) -> Result<String, String> {
    let output = tokio::process::Command::new(tool)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .await
        .map_err(|e| format!("{tool}: {e}"))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).trim().to_owned())
    } else {
        Err(format!(
            "{tool} {args:?}: {}: {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ))
    }
}

// ---- The window, through WebDriver ----

fn by_testid(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

async fn find(client: &Client, id: &str) -> Element {
    let css = by_testid(id);
    eventually(&format!("element {id}"), async || {
        client
            .find(Locator::Css(&css))
            .await
            .map_err(|e| e.to_string())
    })
    .await
}

/// The element, once it is displayed.
async fn visible(client: &Client, id: &str) -> Element {
    let css = by_testid(id);
    eventually(&format!("{id} to be displayed"), async || {
        let element = client
            .find(Locator::Css(&css))
            .await
            .map_err(|e| e.to_string())?;
        match element.is_displayed().await {
            Ok(true) => Ok(element),
            Ok(false) => Err("not displayed".to_owned()),
            Err(e) => Err(e.to_string()),
        }
    })
    .await
}

async fn hidden(client: &Client, id: &str) -> bool {
    !find(client, id).await.is_displayed().await.unwrap()
}

async fn click(client: &Client, id: &str) {
    visible(client, id).await.click().await.unwrap();
}

async fn type_into(client: &Client, id: &str, text: &str) {
    let input = visible(client, id).await;
    input.clear().await.unwrap();
    input.send_keys(text).await.unwrap();
}

/// Waits until the element's visible text satisfies `ok`, and returns it.
async fn wait_text(client: &Client, id: &str, ok: impl Fn(&str) -> bool) -> String {
    let css = by_testid(id);
    eventually(&format!("the text of {id}"), async || {
        let element = client
            .find(Locator::Css(&css))
            .await
            .map_err(|e| e.to_string())?;
        let text = element.text().await.map_err(|e| e.to_string())?;
        if ok(&text) {
            Ok(text)
        } else {
            Err(format!("{text:?}"))
        }
    })
    .await
}

/// (title, state) of each watchlist row.
async fn watchlist_rows(client: &Client) -> Vec<(String, String)> {
    let Ok(rows) = client
        .find_all(Locator::Css(&by_testid("watchlist-row")))
        .await
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for row in rows {
        let cell = async |id: &str| match row.find(Locator::Css(&by_testid(id))).await {
            Ok(e) => e.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        };
        out.push((cell("item-title").await, cell("item-state").await));
    }
    out
}

/// The visible texts of every element with this test id, in document order.
async fn texts(client: &Client, id: &str) -> Vec<String> {
    let Ok(elements) = client.find_all(Locator::Css(&by_testid(id))).await else {
        return Vec::new();
    };
    let mut texts = Vec::new();
    for element in elements {
        if let Ok(text) = element.text().await {
            texts.push(text);
        }
    }
    texts
}

/// Saves a screenshot of the tab `name` (scrolled to its top) as `docs/screenshots/<name>.png`.
async fn screenshot(client: &Client, name: &str) {
    let view = find(client, &format!("view-{name}")).await;
    client
        .execute(
            "arguments[0].scrollIntoView({ block: 'start' }); window.scrollTo(0, 0);",
            vec![serde_json::to_value(&view).unwrap()],
        )
        .await
        .unwrap();
    let png = client.screenshot().await.unwrap();
    assert!(png.starts_with(b"\x89PNG"), "the screenshot is not a PNG");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
}

/// Runs an engine command as the UI does: through the window's one `engine` command.
async fn invoke(client: &Client, command: &str, args: Value) -> Result<Value, String> {
    let script = "const [cmd, args, done] = arguments; \
         window.__TAURI_INTERNALS__.invoke('engine', { cmd, args }) \
           .then((ok) => done({ ok }), (err) => done({ err: String(err && err.message || err) }));";
    let reply = client
        .execute_async(script, vec![json!(command), args])
        .await
        .map_err(|e| e.to_string())?;
    match reply.get("err") {
        Some(err) => Err(format!("{command}: {err}")),
        None => Ok(reply["ok"].clone()),
    }
}

/// Adds an item with the form, then waits until its first search is over.
async fn add_item(
    client: &Client,
    title: &str,
    kind: &str,
    year: Option<&str>,
    from_season: Option<&str>,
    min_resolution: Option<&str>,
) {
    click(client, "add-item").await;
    let form = visible(client, "item-form").await;
    let field = async |name: &str| {
        form.find(Locator::Css(&format!("[name=\"{name}\"]")))
            .await
            .unwrap()
    };
    field("title").await.send_keys(title).await.unwrap();
    field("kind").await.select_by_value(kind).await.unwrap();
    if let Some(year) = year {
        field("year").await.send_keys(year).await.unwrap();
    }
    if let Some(season) = from_season {
        // Shown only once the kind is "series": this also proves the select's change reached the form.
        let input = field("from_season").await;
        eventually("the season field of a series", async || {
            match input.is_displayed().await {
                Ok(true) => Ok(()),
                other => Err(format!("{other:?}")),
            }
        })
        .await;
        input.send_keys(season).await.unwrap();
    }
    if let Some(resolution) = min_resolution {
        // WebKitWebDriver cannot tell whether a <summary> is displayed, so this one is clicked without asking.
        find(client, "item-filters-summary")
            .await
            .click()
            .await
            .unwrap();
        let select = field("filters.min_resolution").await;
        eventually("the opened filters", async || {
            match select.is_displayed().await {
                Ok(true) => Ok(()),
                other => Err(format!("{other:?}")),
            }
        })
        .await;
        select.select_by_value(resolution).await.unwrap();
    }
    click(client, "item-save").await;
    eventually(&format!("a watchlist row for {title}"), async || {
        let titles = texts(client, "item-title").await;
        titles
            .iter()
            .any(|t| t == title)
            .then_some(())
            .ok_or_else(|| format!("rows {titles:?}"))
    })
    .await;
    eventually(
        &format!("the first search for {title} to finish"),
        async || {
            let items = invoke(client, "list_items", json!({})).await?;
            let status = invoke(client, "get_status", json!({})).await?;
            let checked = items
                .as_array()
                .into_iter()
                .flatten()
                .any(|i| i["title"] == title && !i["last_checked_at"].is_null());
            (checked && status["running"].is_null())
                .then_some(())
                .ok_or_else(|| format!("items {items}, running {}", status["running"]))
        },
    )
    .await;
}

/// The hostile release title is shown as text: no element was made from it and its handler never ran.
async fn assert_hostile_title_is_text(client: &Client) {
    let dom = client
        .execute(
            "const table = document.querySelector('[data-testid=\"found-table\"]'); \
             return { images_in_found: table.querySelectorAll('img').length, \
                      images_anywhere: document.querySelectorAll('img[src=\"x\"]').length, \
                      marker: typeof window.__nw_xss };",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        dom,
        json!({"images_in_found": 0, "images_anywhere": 0, "marker": "undefined"}),
        "the release title was parsed as HTML"
    );
    // The list re-renders on every event, so a cell found a moment ago may be gone: look again until stable.
    eventually("the hostile title to be displayed as text", async || {
        let cells = client
            .find_all(Locator::Css(&by_testid("found-title")))
            .await
            .map_err(|e| e.to_string())?;
        let mut seen = Vec::new();
        for cell in cells {
            let text = cell.text().await.map_err(|e| e.to_string())?;
            if text == XSS_TITLE && cell.is_displayed().await.map_err(|e| e.to_string())? {
                return Ok(());
            }
            seen.push(text);
        }
        Err(format!("displayed titles {seen:?}"))
    })
    .await;
}

// ---- The tray menu, over D-Bus ----

/// The app's bus connection that exports the tray menu, and the menu's items as (id, label).
async fn tray_menu(app_pid: u32) -> (String, Vec<(i32, String)>) {
    eventually("the tray menu on the session bus", async || {
        let names = run_tool(
            "gdbus",
            &[
                "call",
                "--session",
                "-t",
                "2",
                "-d",
                "org.freedesktop.DBus",
                "-o",
                "/org/freedesktop/DBus",
                "-m",
                "org.freedesktop.DBus.ListNames",
            ],
        )
        .await?;
        let unique = Regex::new(r"'(:[0-9.]+)'").unwrap();
        let mut tried = Vec::new();
        for name in unique.captures_iter(&names).map(|c| c[1].to_owned()) {
            let pid = run_tool(
                "gdbus",
                &[
                    "call",
                    "--session",
                    "-t",
                    "2",
                    "-d",
                    "org.freedesktop.DBus",
                    "-o",
                    "/org/freedesktop/DBus",
                    "-m",
                    "org.freedesktop.DBus.GetConnectionUnixProcessID",
                    &name,
                ],
            )
            .await
            .unwrap_or_default();
            if pid != format!("(uint32 {app_pid},)") {
                continue;
            }
            // Calls to the app's other connections fail fast (-t 2 bounds any that would hang).
            match run_tool(
                "gdbus",
                &[
                    "call",
                    "--session",
                    "-t",
                    "2",
                    "-d",
                    &name,
                    "-o",
                    MENU_PATH,
                    "-m",
                    "com.canonical.dbusmenu.GetLayout",
                    "--",
                    "0",
                    "-1",
                    "@as []",
                ],
            )
            .await
            {
                Ok(layout) => return Ok((name, menu_items(&layout))),
                Err(e) => tried.push(e),
            }
        }
        Err(format!(
            "no connection of pid {app_pid} exports the menu: {tried:?}"
        ))
    })
    .await
}

/// (id, label) of each item in a `GetLayout` reply as gdbus prints it.
fn menu_items(layout: &str) -> Vec<(i32, String)> {
    let item = Regex::new(r"\((\d+), \{[^}]*?'label': <'([^']*)'>").unwrap();
    item.captures_iter(layout)
        .map(|c| (c[1].parse().unwrap(), c[2].to_owned()))
        .collect()
}

/// Clicks the menu item with this label, as a tray host does.
async fn click_menu(bus: &str, menu: &[(i32, String)], label: &str) {
    let id = menu
        .iter()
        .find(|(_, l)| l == label)
        .map(|(id, _)| id.to_string())
        .unwrap_or_else(|| panic!("no {label:?} in the tray menu: {menu:?}"));
    run_tool(
        "gdbus",
        &[
            "call",
            "--session",
            "-t",
            "2",
            "-d",
            bus,
            "-o",
            MENU_PATH,
            "-m",
            "com.canonical.dbusmenu.Event",
            "--",
            &id,
            "clicked",
            "<0>",
            "0",
        ],
    )
    .await
    .unwrap_or_else(|e| panic!("clicking {label:?}: {e}"));
}

/// Starts recording the `Notify` calls on the session bus; returns once the monitor is attached.
async fn start_notification_monitor(out: &Path) -> Child {
    let file = std::fs::File::create(out).unwrap();
    let monitor = Command::new("dbus-monitor")
        .args([
            "--session",
            "type=method_call,interface=org.freedesktop.Notifications,member=Notify",
        ])
        .stdin(Stdio::null())
        .stdout(file)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // dbus-monitor prints the bus's NameAcquired/NameLost signals once it has become a monitor.
    eventually("dbus-monitor to attach", async || {
        (!read(out).is_empty())
            .then_some(())
            .ok_or_else(|| "no output yet".to_owned())
    })
    .await;
    monitor
}

// ---- Processes, from /proc ----

#[derive(Debug, Clone)]
struct Proc {
    pid: u32,
    ppid: u32,
    /// The file name of the program (argv[0]): `comm` is cut at 15 bytes ("WebKitWebProces").
    name: String,
    zombie: bool,
}

fn processes() -> Vec<Proc> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            // The command name is in parentheses and may itself contain spaces or parentheses: skip past it.
            let close = stat.rfind(')')?;
            let mut rest = stat[close + 1..].split_whitespace();
            let state = rest.next()?;
            let ppid = rest.next()?.parse().ok()?;
            let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
            let argv0 = cmdline.split(|b| *b == 0).next().unwrap_or_default();
            let name = Path::new(&*String::from_utf8_lossy(argv0))
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            Some(Proc {
                pid,
                ppid,
                name,
                zombie: state == "Z",
            })
        })
        .collect()
}

/// Every process whose parent chain includes `root`, parents before children.
fn descendants(root: u32) -> Vec<Proc> {
    let all = processes();
    let mut children: HashMap<u32, Vec<&Proc>> = HashMap::new();
    for p in &all {
        children.entry(p.ppid).or_default().push(p);
    }
    let mut found = Vec::new();
    let mut queue = vec![root];
    let mut seen = HashSet::new();
    while let Some(pid) = queue.pop() {
        for child in children.get(&pid).into_iter().flatten() {
            if seen.insert(child.pid) {
                found.push((*child).clone());
                queue.push(child.pid);
            }
        }
    }
    found
}

/// The window processes the app started (at most one is expected).
fn window_processes(app_pid: u32) -> Vec<Proc> {
    descendants(app_pid)
        .into_iter()
        .filter(|p| p.name == "nightwatcher-window" && !p.zombie)
        .collect()
}

fn web_processes_of(app_pid: u32) -> Vec<Proc> {
    descendants(app_pid)
        .into_iter()
        .filter(|p| p.name == "WebKitWebProcess" && !p.zombie)
        .collect()
}

fn alive(pid: u32) -> bool {
    processes().iter().any(|p| p.pid == pid && !p.zombie)
}

// ---- The window, through X11 ----

/// The top-level windows titled NightWatcher of the app or a process it started.
fn app_windows(app_pid: u32) -> Result<Vec<u32>, String> {
    let pids: HashSet<u32> = descendants(app_pid)
        .into_iter()
        .map(|p| p.pid)
        .chain([app_pid])
        .collect();
    let (conn, screen) = x11rb::connect(None).map_err(|e| e.to_string())?;
    let root = conn.setup().roots[screen].root;
    let atom = |name: &[u8]| -> Result<u32, String> {
        Ok(conn
            .intern_atom(false, name)
            .map_err(|e| e.to_string())?
            .reply()
            .map_err(|e| e.to_string())?
            .atom)
    };
    let (net_wm_pid, net_wm_name, utf8) = (
        atom(b"_NET_WM_PID")?,
        atom(b"_NET_WM_NAME")?,
        atom(b"UTF8_STRING")?,
    );
    let tree = conn
        .query_tree(root)
        .map_err(|e| e.to_string())?
        .reply()
        .map_err(|e| e.to_string())?;
    let mut windows = Vec::new();
    for window in tree.children {
        let property = |name: u32, kind: u32| {
            conn.get_property(false, window, name, kind, 0, 256)
                .ok()
                .and_then(|cookie| cookie.reply().ok())
        };
        let pid = property(net_wm_pid, AtomEnum::CARDINAL.into())
            .and_then(|p| p.value32().and_then(|mut v| v.next()));
        let title = property(net_wm_name, utf8)
            .map(|p| String::from_utf8_lossy(&p.value).into_owned())
            .unwrap_or_default();
        if pid.is_some_and(|pid| pids.contains(&pid)) && title == "NightWatcher" {
            windows.push(window);
        }
    }
    Ok(windows)
}

/// Asks the app's window to close with `WM_DELETE_WINDOW`, what a window manager sends for the close button.
fn close_window(app_pid: u32) -> Result<(), String> {
    let windows = app_windows(app_pid)?;
    if windows.len() != 1 {
        return Err(format!(
            "expected one NightWatcher window, found {windows:?}"
        ));
    }
    let (conn, _) = x11rb::connect(None).map_err(|e| e.to_string())?;
    let atom = |name: &[u8]| -> Result<u32, String> {
        Ok(conn
            .intern_atom(false, name)
            .map_err(|e| e.to_string())?
            .reply()
            .map_err(|e| e.to_string())?
            .atom)
    };
    let (protocols, delete) = (atom(b"WM_PROTOCOLS")?, atom(b"WM_DELETE_WINDOW")?);
    let event = ClientMessageEvent::new(
        32,
        windows[0],
        protocols,
        [delete, x11rb::CURRENT_TIME, 0, 0, 0],
    );
    conn.send_event(false, windows[0], EventMask::NO_EVENT, event)
        .map_err(|e| e.to_string())?;
    conn.flush().map_err(|e| e.to_string())?;
    Ok(())
}

// ---- Secrets at rest ----

/// Neither secret is in any file of the test directory (the database, its WAL and SHM) or in the app's log.
fn assert_no_secret_in_files(dir: &Path, log: &Path) {
    let mut checked = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.starts_with("nightwatcher.db") || entry.path() == log) {
            continue;
        }
        let bytes = std::fs::read(entry.path()).unwrap();
        for secret in [PROWLARR_API_KEY, BOT_TOKEN] {
            assert!(
                !contains(&bytes, secret.as_bytes()),
                "a secret is stored in {name}"
            );
        }
        checked.push(name);
    }
    assert!(
        checked.iter().any(|n| n == "nightwatcher.db"),
        "no database file to check: {checked:?}"
    );
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

// ---- Clean-up, also when the test fails ----

/// Kills what the test started (the app and its window, WebKitWebDriver, dbus-monitor) and removes this run's
/// keyring entries.
struct Cleanup {
    app: Option<Child>,
    driver: Option<Child>,
    monitor: Option<Child>,
    keyring_service: String,
}

impl Cleanup {
    fn new(keyring_service: String) -> Cleanup {
        Cleanup {
            app: None,
            driver: None,
            monitor: None,
            keyring_service,
        }
    }
}

impl Drop for Cleanup {
    fn drop(&mut self) {
        for mut child in [self.monitor.take(), self.driver.take()]
            .into_iter()
            .flatten()
        {
            let _ = child.kill();
            let _ = child.wait();
        }
        if let Some(mut app) = self.app.take() {
            // The window process and its WebKit processes would outlive the app: end them by pid first.
            for p in descendants(app.id()).iter().rev() {
                let _ = Command::new("kill")
                    .args(["-KILL", &p.pid.to_string()])
                    .status();
            }
            let _ = app.kill();
            let _ = app.wait();
        }
        let _ = Command::new("secret-tool")
            .args(["clear", "service", &self.keyring_service])
            .status();
    }
}
