//! The daemon's command line, run as a real process over a real database file and the testkit fakes.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic: that is the failure report

mod common;

use std::process::Stdio;
use std::time::Duration;

use nightwatcher_testkit::prowlarr::{FakeProwlarr, ReleaseBuilder};
use nightwatcher_testkit::telegram::FakeTelegram;

use common::{CHAT, Env, KEY, TOKEN, assert_no_secrets, file_contains};

#[tokio::test]
async fn watchlist_add_list_export_import_and_remove() {
    let env = Env::new();
    let out = env
        .run(&[
            "watchlist",
            "add",
            "Dune: Part Two",
            "--kind",
            "movie",
            "--year",
            "2024",
        ])
        .await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = env
        .run(&[
            "watchlist",
            "add",
            "Severance",
            "--kind",
            "series",
            "--from-season",
            "2",
        ])
        .await;
    assert_eq!(out.code, 0, "{}", out.stderr);

    let list = env.run(&["watchlist", "list", "--json"]).await;
    let items: serde_json::Value = serde_json::from_str(&list.stdout).unwrap();
    assert_eq!(items[0]["id"], 1);
    assert_eq!(items[0]["title"], "Dune: Part Two");
    assert_eq!(items[1]["kind"], "series");
    assert_eq!(items[1]["from_season"], 2);

    let export = env.run(&["watchlist", "export"]).await;
    assert_eq!(export.code, 0);
    let other = Env::new();
    let file = other.dir.path().join("export.json");
    std::fs::write(&file, &export.stdout).unwrap();
    let import = other
        .run(&["watchlist", "import", file.to_str().unwrap()])
        .await;
    assert_eq!(import.code, 0, "{}", import.stderr);
    let relist: serde_json::Value =
        serde_json::from_str(&other.run(&["watchlist", "list", "--json"]).await.stdout).unwrap();
    assert_eq!(relist, items, "export then import gives the same watchlist");

    let muted = env.run(&["watchlist", "mute", "1"]).await;
    assert_eq!(muted.code, 0, "{}", muted.stderr);
    assert!(muted.stdout.contains("muted #1"), "{}", muted.stdout);
    let list = env.run(&["watchlist", "list"]).await.stdout;
    assert!(list.contains("— muted"), "{list}");
    let json: serde_json::Value =
        serde_json::from_str(&env.run(&["watchlist", "list", "--json"]).await.stdout).unwrap();
    assert_eq!(json[0]["muted"], true, "{json}");
    assert_eq!(env.run(&["watchlist", "unmute", "1"]).await.code, 0);
    let list = env.run(&["watchlist", "list"]).await.stdout;
    assert!(!list.contains("muted"), "{list}");
    let nothing = env.run(&["watchlist", "mute", "99"]).await;
    assert_eq!(nothing.code, 1);
    assert!(
        nothing.stderr.contains("no watchlist item with id 99"),
        "{}",
        nothing.stderr
    );

    assert_eq!(env.run(&["watchlist", "remove", "1"]).await.code, 0);
    let gone = env.run(&["watchlist", "remove", "1"]).await;
    assert_eq!(gone.code, 1);
    assert!(
        gone.stderr.contains("no watchlist item with id 1"),
        "{}",
        gone.stderr
    );
}

#[tokio::test]
async fn invalid_input_is_refused_naming_the_field_and_nothing_is_stored() {
    let env = Env::new();
    let out = env
        .run(&[
            "watchlist",
            "add",
            "Dune",
            "--kind",
            "movie",
            "--year",
            "99999",
        ])
        .await;
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("year: must be between 1870"),
        "{}",
        out.stderr
    );
    let out = env
        .run(&["watchlist", "add", "   ", "--kind", "movie"])
        .await;
    assert!(out.stderr.contains("title:"), "{}", out.stderr);
    let out = env
        .run(&["watchlist", "add", "Dune", "--kind", "film"])
        .await;
    assert!(out.stderr.contains("kind"), "{}", out.stderr);

    let file = env.dir.path().join("bad.json");
    let mut entries: Vec<serde_json::Value> = (0..50)
        .map(|i| serde_json::json!({"title": format!("Movie {i}"), "kind": "movie"}))
        .collect();
    entries[37] = serde_json::json!({"title": "Broken", "kind": "movie", "year": -1});
    std::fs::write(&file, serde_json::to_string(&entries).unwrap()).unwrap();
    let out = env
        .run(&["watchlist", "import", file.to_str().unwrap()])
        .await;
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("entry 37") && out.stderr.contains("Broken"),
        "{}",
        out.stderr
    );
    let list: serde_json::Value =
        serde_json::from_str(&env.run(&["watchlist", "list", "--json"]).await.stdout).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 0, "all or nothing");

    std::fs::write(&file, "{not json").unwrap();
    let out = env
        .run(&["watchlist", "import", file.to_str().unwrap()])
        .await;
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("not valid JSON"), "{}", out.stderr);
}

#[tokio::test]
async fn check_finds_a_release_and_sends_it_to_telegram() {
    let prowlarr = FakeProwlarr::start(KEY).await;
    let telegram = FakeTelegram::start(TOKEN).await;
    telegram.allow_chat(CHAT);
    prowlarr.add_release(
        ReleaseBuilder::new("Dune.Part.Two.2024.2160p.WEB-DL.DDP5.1.H.265-FLUX")
            .build_for(&prowlarr),
    );
    let mut env = Env::new();
    // Added before Prowlarr is configured, so the search on add does not find the release first.
    env.run(&[
        "watchlist",
        "add",
        "Dune Part Two",
        "--kind",
        "movie",
        "--year",
        "2024",
    ])
    .await;
    env.with_fakes(&prowlarr, &telegram);

    let out = env.run(&["check"]).await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("1 new matches"), "{}", out.stdout);
    let messages = telegram.messages();
    assert_eq!(messages.len(), 1);
    assert!(
        messages[0]
            .plain
            .contains("Dune.Part.Two.2024.2160p.WEB-DL.DDP5.1.H.265-FLUX")
    );
    assert_no_secrets(&out.stdout);
    assert_no_secrets(&out.stderr);

    let again = env.run(&["check"]).await;
    assert_eq!(again.code, 0);
    assert_eq!(
        telegram.messages().len(),
        1,
        "a second check repeats nothing"
    );

    let status = env.run(&["status", "--json"]).await;
    let status: serde_json::Value = serde_json::from_str(&status.stdout).unwrap();
    assert_eq!(status["notifications"]["sent"], 1);
    assert_eq!(status["runs"][1]["new_matches"], 1);
    assert_eq!(status["runs"][0]["status"], "ok");

    // The secrets were used all along, but never written to the database.
    for file in ["nw.db", "nw.db-wal"] {
        let path = env.dir.path().join(file);
        assert!(!file_contains(&path, KEY), "API key in {file}");
        assert!(!file_contains(&path, TOKEN), "bot token in {file}");
    }
    assert!(
        !file_contains(&env.db(), "apikey="),
        "download links are never stored"
    );
}

#[tokio::test]
async fn checks_run_one_after_another_share_the_hourly_search_budget() {
    // `nightwatcherd check` from cron every few minutes: each run is a new process, the budget is the hour's.
    let prowlarr = FakeProwlarr::start(KEY).await;
    let telegram = FakeTelegram::start(TOKEN).await;
    let mut env = Env::new();
    // Added before Prowlarr is configured: the searches on add would spend the budget first (see
    // `searches_on_add_and_checks_share_the_hourly_search_budget`).
    for title in ["Heat", "Ronin", "Alien", "Aliens", "Brazil"] {
        let out = env
            .run(&["watchlist", "add", title, "--kind", "movie"])
            .await;
        assert_eq!(out.code, 0, "{}", out.stderr);
    }
    env.with_fakes(&prowlarr, &telegram);
    env.set("NIGHTWATCHER_SEARCH_BUDGET", "3");
    let first = env.run(&["check"]).await;
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(first.stdout.contains("3 item searches"), "{}", first.stdout);
    let second = env.run(&["check"]).await;
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert!(
        second.stdout.contains("0 item searches"),
        "{}",
        second.stdout
    );
    assert_eq!(prowlarr.search_requests() - prowlarr.feed_requests(), 3);
}

#[tokio::test]
async fn check_exits_non_zero_with_one_line_when_prowlarr_cannot_be_used() {
    let prowlarr = FakeProwlarr::start(KEY).await;
    let telegram = FakeTelegram::start(TOKEN).await;
    let mut env = Env::new();
    env.with_fakes(&prowlarr, &telegram);
    env.run(&["watchlist", "add", "Heat", "--kind", "movie"])
        .await;

    env.set("NIGHTWATCHER_PROWLARR_API_KEY", "a-wrong-key-123");
    let out = env.run(&["check"]).await;
    assert_eq!(out.code, 2, "{}", out.stderr);
    let last = out.stderr.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("nightwatcherd: Prowlarr cannot be used") && last.contains("API key"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("a-wrong-key-123"));

    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let closed = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    env.set("NIGHTWATCHER_PROWLARR_API_KEY", KEY);
    env.set("NIGHTWATCHER_PROWLARR_URL", &closed);
    let out = env.run(&["check"]).await;
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .lines()
            .last()
            .unwrap_or_default()
            .contains("cannot reach Prowlarr"),
        "{}",
        out.stderr
    );
}

#[tokio::test]
async fn check_without_a_prowlarr_url_says_how_to_set_it() {
    let env = Env::new();
    let out = env.run(&["check"]).await;
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("config set prowlarr_url"),
        "{}",
        out.stderr
    );
}

#[tokio::test]
async fn match_prints_how_each_title_parses_and_which_items_it_matches() {
    let env = Env::new();
    env.run(&[
        "watchlist",
        "add",
        "The Matrix",
        "--kind",
        "movie",
        "--year",
        "1999",
    ])
    .await;
    env.run(&["watchlist", "add", "Severance", "--kind", "series"])
        .await;
    let input = "The.Matrix.1999.1080p.BluRay.x264-GROUP\nSeverance.S02E05.1080p.WEB.h264-GRP\nThe.Matrix.Reloaded.2003.1080p.BluRay\n";
    let out = env.run_with_stdin(&["match"], input).await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows: Vec<serde_json::Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["title"], "The.Matrix.1999.1080p.BluRay.x264-GROUP");
    assert_eq!(rows[0]["parsed"]["year"], 1999);
    assert_eq!(rows[0]["parsed"]["resolution"], "1080p");
    assert_eq!(rows[0]["matches"], serde_json::json!([1]));
    assert_eq!(rows[1]["parsed"]["season"], 2);
    assert_eq!(rows[1]["parsed"]["episode"], 5);
    assert_eq!(rows[1]["matches"], serde_json::json!([2]));
    assert_eq!(rows[2]["matches"], serde_json::json!([]));
}

#[tokio::test]
async fn config_set_validates_and_show_reports_the_source() {
    let mut env = Env::new();
    let out = env.run(&["config", "set", "concurrency", "50"]).await;
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("concurrency: must be a whole number from 1 to 20"),
        "{}",
        out.stderr
    );
    let out = env
        .run(&["config", "set", "prowlarr_url", "javascript:alert(1)"])
        .await;
    assert_eq!(out.code, 1);
    assert_eq!(env.run(&["config", "set", "interval", "30m"]).await.code, 0);
    assert_eq!(
        env.run(&["config", "set", "prowlarr-url", "http://nas:9696/"])
            .await
            .code,
        0
    );
    env.set("NIGHTWATCHER_CONCURRENCY", "3");
    let show: serde_json::Value =
        serde_json::from_str(&env.run(&["config", "show", "--json"]).await.stdout).unwrap();
    let get = |k: &str| {
        show.as_array()
            .unwrap()
            .iter()
            .find(|s| s["key"] == k)
            .unwrap()
            .clone()
    };
    assert_eq!(get("interval")["value"], "30m");
    assert_eq!(get("interval")["source"], "database");
    assert_eq!(get("prowlarr_url")["value"], "http://nas:9696");
    assert_eq!(get("concurrency")["value"], "3");
    assert_eq!(get("concurrency")["source"], "environment");

    env.set("NIGHTWATCHER_INTERVAL", "often");
    let out = env.run(&["config", "show"]).await;
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("NIGHTWATCHER_INTERVAL"),
        "{}",
        out.stderr
    );
}

#[tokio::test]
async fn secrets_go_to_the_os_keyring_and_status_never_shows_them() {
    let env = Env::new();
    let out = env
        .run_with_stdin(&["secret", "set", "prowlarr-api-key"], &format!("{KEY}\n"))
        .await;
    assert_eq!(
        out.code, 0,
        "the keyring must be available (run the tests inside the README's test command): {}",
        out.stderr
    );
    let status = env.run(&["secret", "status"]).await;
    assert_eq!(status.code, 0);
    assert!(
        status
            .stdout
            .contains("prowlarr-api-key     set (OS keyring)"),
        "{}",
        status.stdout
    );
    assert!(
        status.stdout.contains("telegram-bot-token   not set"),
        "{}",
        status.stdout
    );
    assert_no_secrets(&status.stdout);

    // The daemon reads it from the keyring: a check against the fake authenticates with it.
    let prowlarr = FakeProwlarr::start(KEY).await;
    let mut env2 = Env {
        dir: tempfile::tempdir().unwrap(),
        vars: env.vars.clone(),
    };
    env2.set(
        "NIGHTWATCHER_DB",
        &env2.dir.path().join("nw.db").display().to_string(),
    );
    env2.set("NIGHTWATCHER_PROWLARR_URL", &prowlarr.url());
    env2.run(&["watchlist", "add", "Heat", "--kind", "movie"])
        .await;
    let check = env2.run(&["check"]).await;
    assert_eq!(check.code, 0, "{}", check.stderr);
    let recorded = prowlarr.recorded();
    assert!(!recorded.is_empty());
    assert!(
        recorded
            .iter()
            .all(|r| r.api_key_header.as_deref() == Some(KEY))
    );

    let out = env
        .run_with_stdin(&["secret", "set", "prowlarr-api-key"], "\n")
        .await;
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("no value on stdin"), "{}", out.stderr);
    assert_eq!(
        env.run(&["secret", "delete", "prowlarr-api-key"])
            .await
            .code,
        0
    );
    assert!(
        env.run(&["secret", "status"])
            .await
            .stdout
            .contains("prowlarr-api-key     not set")
    );
}

#[tokio::test]
async fn run_checks_at_once_and_stops_cleanly_on_sigterm() {
    let prowlarr = FakeProwlarr::start(KEY).await;
    let telegram = FakeTelegram::start(TOKEN).await;
    telegram.allow_chat(CHAT);
    prowlarr
        .add_release(ReleaseBuilder::new("Heat.1995.1080p.BluRay.x264-GRP").build_for(&prowlarr));
    let mut env = Env::new();
    // Added before Prowlarr is configured, so that `run`'s first check is the one that finds the release.
    env.run(&["watchlist", "add", "Heat", "--kind", "movie"])
        .await;
    env.with_fakes(&prowlarr, &telegram);

    let mut child = env
        .command(&["run"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let messages = telegram.wait_for_messages(1, Duration::from_secs(30)).await;
    assert_eq!(
        messages.len(),
        1,
        "the first check runs at start and its message is delivered"
    );
    let pid = child.id().unwrap();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = tokio::time::timeout(Duration::from_secs(15), child.wait())
        .await
        .expect("stops within seconds")
        .unwrap();
    assert!(status.success(), "{status:?}");
    let mut stderr = String::new();
    tokio::io::AsyncReadExt::read_to_string(child.stderr.as_mut().unwrap(), &mut stderr)
        .await
        .unwrap();
    assert!(stderr.contains("service stopped"), "{stderr}");
    assert_no_secrets(&stderr);
}

#[tokio::test]
async fn without_db_the_database_lives_in_the_xdg_data_dir() {
    let mut env = Env::new();
    env.vars.retain(|(k, _)| k != "NIGHTWATCHER_DB");
    let out = env
        .run(&["watchlist", "add", "Heat", "--kind", "movie"])
        .await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    let expected = env
        .dir
        .path()
        .join("xdg")
        .join("nightwatcher")
        .join("nightwatcher.db");
    assert!(expected.exists(), "no database at {}", expected.display());

    let elsewhere = env.dir.path().join("other.db");
    let out = env
        .run(&[
            "--db",
            elsewhere.to_str().unwrap(),
            "watchlist",
            "list",
            "--json",
        ])
        .await;
    assert_eq!(out.stdout.trim(), "[]", "--db chooses another file");
    assert!(elsewhere.exists());
}

#[tokio::test]
async fn run_leaves_undelivered_notifications_pending_when_stopped() {
    let prowlarr = FakeProwlarr::start(KEY).await;
    let telegram = FakeTelegram::start(TOKEN).await;
    prowlarr
        .add_release(ReleaseBuilder::new("Heat.1995.1080p.BluRay.x264-GRP").build_for(&prowlarr));
    let mut env = Env::new();
    // Added before Prowlarr is configured, so that `run`'s first check is the one that finds the release.
    env.run(&["watchlist", "add", "Heat", "--kind", "movie"])
        .await;
    env.with_fakes(&prowlarr, &telegram);
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let telegram_down = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    env.set("NIGHTWATCHER_TELEGRAM_API_URL", &telegram_down);

    let mut child = env
        .command(&["run"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        let status = env.run(&["status", "--json"]).await;
        let status: serde_json::Value = serde_json::from_str(&status.stdout).unwrap_or_default();
        if status["runs"][0]["status"] == "ok" {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the first check did not finish"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let pid = child.id().unwrap().to_string();
    assert!(
        std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    let exit = tokio::time::timeout(Duration::from_secs(20), child.wait())
        .await
        .unwrap()
        .unwrap();
    assert!(exit.success(), "{exit:?}");

    let status: serde_json::Value =
        serde_json::from_str(&env.run(&["status", "--json"]).await.stdout).unwrap();
    assert_eq!(status["notifications"]["pending"], 1, "{status}");
    assert_eq!(status["notifications"]["sent"], 0);
}

#[tokio::test]
async fn match_explain_says_for_every_item_why_it_matched_or_which_rule_rejected_it() {
    let env = Env::new();
    env.run(&[
        "watchlist",
        "add",
        "Dune",
        "--kind",
        "movie",
        "--year",
        "2021",
    ])
    .await;
    env.run(&[
        "watchlist",
        "add",
        "Severance",
        "--kind",
        "series",
        "--from-season",
        "2",
        "--from-episode",
        "3",
    ])
    .await;
    let input = "Dune.1984.1080p.BluRay.x264-OLD\nSeverance.S02E01.1080p.WEB.h264-GRP\n";
    let out = env.run_with_stdin(&["match", "--explain"], input).await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows: Vec<serde_json::Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let dune = &rows[0]["explain"][0];
    assert_eq!(
        (dune["id"].as_i64(), dune["matches"].as_bool()),
        (Some(1), Some(false))
    );
    assert!(dune["reason"].as_str().unwrap().contains("1984"), "{dune}");
    let severance = &rows[1]["explain"][1];
    assert_eq!(severance["matches"], false);
    assert!(
        severance["reason"]
            .as_str()
            .unwrap()
            .contains("before S02E03"),
        "{severance}"
    );
    assert_eq!(
        rows[1]["explain"].as_array().unwrap().len(),
        2,
        "one verdict per item"
    );
}

#[tokio::test]
async fn filter_flags_are_stored_exported_and_explained() {
    let env = Env::new();
    let out = env
        .run(&[
            "watchlist",
            "add",
            "The Prestige",
            "--kind",
            "movie",
            "--year",
            "2006",
            "--alias",
            "Le Prestige",
            "--min-resolution",
            "1080p",
            "--source",
            "bluray",
            "--source",
            "remux",
            "--must-not-contain",
            "/\\bHC\\b/",
        ])
        .await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    let export: serde_json::Value =
        serde_json::from_str(&env.run(&["watchlist", "export"]).await.stdout).unwrap();
    assert_eq!(export[0]["aliases"], serde_json::json!(["Le Prestige"]));
    assert_eq!(
        export[0]["filters"],
        serde_json::json!({"min_resolution": "1080p", "sources": ["BluRay", "Remux"],
                           "must_not_contain": ["/\\bHC\\b/"]})
    );

    let input = "Le.Prestige.2006.FRENCH.1080p.BluRay.x264-LOST\nThe.Prestige.2006.720p.BluRay.x264-SiNNERS\n";
    let out = env.run_with_stdin(&["match", "--explain"], input).await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows: Vec<serde_json::Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows[0]["notify"], serde_json::json!([1]));
    assert_eq!(rows[1]["matches"], serde_json::json!([1]));
    assert_eq!(rows[1]["notify"], serde_json::json!([]));
    assert_eq!(rows[1]["rejected"][0]["rule"], "min_resolution");
    let verdict = &rows[1]["explain"][0];
    assert_eq!(
        (verdict["matches"].as_bool(), verdict["accepted"].as_bool()),
        (Some(true), Some(false))
    );
    assert!(
        verdict["reason"]
            .as_str()
            .unwrap()
            .contains("720p is below 1080p"),
        "{verdict}"
    );
}

#[tokio::test]
async fn a_bad_filter_flag_names_the_choices() {
    let env = Env::new();
    let out = env
        .run(&[
            "watchlist",
            "add",
            "Dune",
            "--kind",
            "movie",
            "--source",
            "vhs",
        ])
        .await;
    assert_ne!(out.code, 0);
    assert!(out.stderr.contains("WEB-DL"), "{}", out.stderr);
    let out = env
        .run(&[
            "watchlist",
            "add",
            "Dune",
            "--kind",
            "movie",
            "--must-contain",
            "/(x265/",
        ])
        .await;
    assert_ne!(out.code, 0);
    assert!(
        out.stderr.contains("filters.must_contain"),
        "{}",
        out.stderr
    );
}

#[tokio::test]
async fn hostile_input_is_refused_with_what_to_do_and_leaves_the_database_as_it_was() {
    let env = Env::new();
    assert_eq!(
        env.run(&["watchlist", "add", "Heat", "--kind", "movie"])
            .await
            .code,
        0
    );
    assert_eq!(
        env.run(&["config", "set", "telegram_chat_id", "123456"])
            .await
            .code,
        0
    );

    let long = "x".repeat(10_000);
    let year_flag = ["--year", "-1"];
    let cases: [(Vec<&str>, &str); 10] = [
        (vec![""], "title: is required and must not be blank"),
        (
            vec![&long],
            "title: must be at most 200 characters (this one has 10000): shorten it",
        ),
        (
            vec!["\u{1b}[2JDune"],
            "title: must not contain control or text-direction characters (found U+001B at character 1)",
        ),
        (
            vec!["Dune \u{202e}owT traP"],
            "(found U+202E at character 6): retype the title without it",
        ),
        (vec!["Du\tne"], "(found U+0009 at character 3)"),
        (
            vec!["Dune", year_flag[0], year_flag[1]],
            "year: must be between 1870 and",
        ),
        (vec!["Dune", "--year=-1"], "year: must be between 1870 and"),
        (
            vec!["Dune", "--year", "99999"],
            "year: must be between 1870 and",
        ),
        (
            vec!["Dune", "--year", "MMXXI"],
            "invalid value 'MMXXI' for '--year",
        ),
        (
            vec!["Dune", "--kind", "series", "--from-season", "-3"],
            "from_season: must be between 0 and 9999",
        ),
    ];
    for (extra, wanted) in cases {
        let mut args = vec!["watchlist", "add", extra[0]];
        if !extra.contains(&"--kind") {
            args.extend(["--kind", "movie"]);
        }
        args.extend(&extra[1..]);
        let out = env.run(&args).await;
        assert_ne!(out.code, 0, "{extra:?} was accepted");
        assert!(out.stderr.contains(wanted), "{extra:?}: {}", out.stderr);
        assert!(
            !out.stderr.contains(['\u{1b}', '\u{202e}']),
            "a hidden character reached the terminal: {:?}",
            out.stderr
        );
    }

    let file = env.dir.path().join("big.json");
    let mut entries: Vec<serde_json::Value> = (0..1000)
        .map(|i| serde_json::json!({"title": format!("Movie {i}"), "kind": "movie"}))
        .collect();
    entries[731] = serde_json::json!({"title": "Nul\u{0}Title", "kind": "movie"});
    std::fs::write(&file, serde_json::to_string(&entries).unwrap()).unwrap();
    let out = env
        .run(&["watchlist", "import", file.to_str().unwrap()])
        .await;
    assert_eq!(out.code, 1);
    for wanted in [
        "entry 731 (\"Nul\\0Title\") is invalid: title:",
        "found U+0000 at character 4",
        "nothing was imported: correct that entry",
    ] {
        assert!(out.stderr.contains(wanted), "{wanted}: {}", out.stderr);
    }
    entries[731] = serde_json::json!({"title": "Typed", "kind": "movie", "year": "1999"});
    std::fs::write(&file, serde_json::to_string(&entries).unwrap()).unwrap();
    let out = env
        .run(&["watchlist", "import", file.to_str().unwrap()])
        .await;
    assert!(
        out.stderr
            .contains("entry 731 (\"Typed\") is invalid: year: invalid type: string \"1999\""),
        "{}",
        out.stderr
    );
    for malformed in [
        "[{\"title\": \"Dune\", \"kind\": \"movie\"",
        "",
        "\u{feff}[]x",
    ] {
        let out = env
            .run_with_stdin(&["watchlist", "import", "-"], malformed)
            .await;
        assert_eq!(out.code, 1, "{malformed:?}");
        assert!(
            out.stderr
                .contains("not valid JSON of the watchlist format"),
            "{malformed:?}: {}",
            out.stderr
        );
    }

    let settings: [(&str, &str, &str); 6] = [
        (
            "telegram_chat_id",
            "my friend",
            "is not a chat id: use the numeric id",
        ),
        ("telegram_chat_id", "12e4", "is not a chat id"),
        (
            "prowlarr_url",
            "localhost:9696",
            "has no scheme: write it with http:// or https:// in front, such as http://localhost:9696",
        ),
        (
            "prowlarr_url",
            "file:///etc/passwd",
            "must be an http(s) URL with a host",
        ),
        (
            "prowlarr_url",
            "javascript:alert(1)",
            "must be an http(s) URL with a host",
        ),
        ("telegram_api_url", "nas", "such as http://nas"),
    ];
    for (key, value, wanted) in settings {
        let out = env.run(&["config", "set", key, value]).await;
        assert_eq!(out.code, 1, "{key}={value}");
        assert!(out.stderr.contains(wanted), "{key}={value}: {}", out.stderr);
    }

    // The database itself, read through the engine's store.
    let store = nightwatcher_engine::store::Store::open(&env.db())
        .await
        .unwrap();
    let titles: Vec<String> = store
        .items()
        .await
        .unwrap()
        .into_iter()
        .map(|i| i.title)
        .collect();
    assert_eq!(titles, ["Heat"]);
    let stored: Vec<(&str, Option<String>)> = nightwatcher_engine::settings::effective(&store)
        .await
        .unwrap()
        .into_iter()
        .filter(|s| s.source == nightwatcher_engine::settings::Source::Database)
        .map(|s| (s.key, s.value))
        .collect();
    assert_eq!(stored, [("telegram_chat_id", Some("123456".to_owned()))]);
}

// The service's rules hold for the command line as for the window: every subcommand runs on the service.

#[tokio::test]
async fn watchlist_add_searches_the_new_item_at_once_as_the_window_does() {
    let prowlarr = FakeProwlarr::start(KEY).await;
    let telegram = FakeTelegram::start(TOKEN).await;
    telegram.allow_chat(CHAT);
    prowlarr
        .add_release(ReleaseBuilder::new("Heat.1995.1080p.BluRay.x264-GRP").build_for(&prowlarr));
    let mut env = Env::new();
    env.with_fakes(&prowlarr, &telegram);

    let out = env
        .run(&["watchlist", "add", "Heat", "--kind", "movie"])
        .await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.starts_with("added #1: Heat (movie)\n"),
        "{}",
        out.stdout
    );
    assert_eq!(
        prowlarr.search_requests() - prowlarr.feed_requests(),
        1,
        "the new item is searched by name at once"
    );
    assert!(out.stdout.contains("1 new matches"), "{}", out.stdout);
    let messages = telegram.messages();
    assert_eq!(messages.len(), 1, "what the search found is delivered");
    assert!(
        messages[0]
            .plain
            .contains("Heat.1995.1080p.BluRay.x264-GRP")
    );
    assert_no_secrets(&out.stdout);
    assert_no_secrets(&out.stderr);

    // The list is the window's: each item with its state.
    let list: serde_json::Value =
        serde_json::from_str(&env.run(&["watchlist", "list", "--json"]).await.stdout).unwrap();
    assert_eq!(list[0]["state"], "found", "{list}");
    assert_eq!(list[0]["found"], 1, "{list}");
    assert!(list[0]["last_checked_at"].is_i64(), "{list}");
    let text = env.run(&["watchlist", "list"]).await.stdout;
    assert!(text.contains("found 1"), "{text}");

    // The next check has nothing new and does not search the item again (its next slot is hours away).
    let check = env.run(&["check"]).await;
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(check.stdout.contains("0 item searches"), "{}", check.stdout);
    assert_eq!(telegram.messages().len(), 1);
}

#[tokio::test]
async fn watchlist_add_without_prowlarr_adds_the_item_and_says_it_is_not_searched_yet() {
    let env = Env::new();
    let out = env
        .run(&["watchlist", "add", "Heat", "--kind", "movie"])
        .await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "added #1: Heat (movie)\n");
    assert!(
        out.stderr.contains("#1 is not searched yet")
            && out.stderr.contains("config set prowlarr_url"),
        "{}",
        out.stderr
    );
}

#[tokio::test]
async fn searches_on_add_and_checks_share_the_hourly_search_budget() {
    let prowlarr = FakeProwlarr::start(KEY).await;
    let telegram = FakeTelegram::start(TOKEN).await;
    let mut env = Env::new();
    env.with_fakes(&prowlarr, &telegram);
    env.set("NIGHTWATCHER_SEARCH_BUDGET", "3");
    for title in ["Heat", "Ronin", "Alien", "Aliens", "Brazil"] {
        let out = env
            .run(&["watchlist", "add", title, "--kind", "movie"])
            .await;
        assert_eq!(out.code, 0, "{}", out.stderr);
    }
    assert_eq!(
        prowlarr.search_requests() - prowlarr.feed_requests(),
        3,
        "the first three are searched on add, the budget then is spent"
    );
    let check = env.run(&["check"]).await;
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(check.stdout.contains("0 item searches"), "{}", check.stdout);
    assert_eq!(prowlarr.search_requests() - prowlarr.feed_requests(), 3);
}

#[tokio::test]
async fn check_writes_the_monitoring_snapshot_that_status_shows() {
    let prowlarr = FakeProwlarr::start(KEY).await;
    let telegram = FakeTelegram::start(TOKEN).await;
    telegram.allow_chat(CHAT);
    prowlarr
        .add_release(ReleaseBuilder::new("Heat.1995.1080p.BluRay.x264-GRP").build_for(&prowlarr));
    let mut env = Env::new();
    env.run(&["watchlist", "add", "Heat", "--kind", "movie"])
        .await;
    env.with_fakes(&prowlarr, &telegram);

    let check = env.run(&["check"]).await;
    assert_eq!(check.code, 0, "{}", check.stderr);
    let status: serde_json::Value =
        serde_json::from_str(&env.run(&["status", "--json"]).await.stdout).unwrap();
    let monitor = &status["monitor"];
    assert!(monitor.is_object(), "a check leaves its figures: {status}");
    assert_eq!(monitor["search_mode"], "feed", "{monitor}");
    assert_eq!(monitor["last_check"]["searches"], 1, "{monitor}");
    assert_eq!(monitor["last_check"]["new_matches"], 1, "{monitor}");
    assert_eq!(monitor["search_budget"]["used_last_hour"], 1, "{monitor}");
    assert!(
        monitor["prowlarr_latency_ms"]["samples"].as_u64() > Some(0),
        "{monitor}"
    );
    assert_eq!(monitor["backoff"]["failures"], 0, "{monitor}");
    assert_eq!(status["paused"], false, "{status}");
    assert_eq!(status["runs"][0]["status"], "ok", "{status}");
    let text = env.run(&["status"]).await.stdout;
    assert!(text.contains("engine (pid "), "{text}");
    assert!(
        text.contains("1 item searches in the last hour of 100 allowed"),
        "{text}"
    );
}

#[tokio::test]
async fn a_check_prowlarr_refuses_is_backed_off_and_status_says_when_it_is_tried_again() {
    let prowlarr = FakeProwlarr::start(KEY).await;
    let telegram = FakeTelegram::start(TOKEN).await;
    let mut env = Env::new();
    env.run(&["watchlist", "add", "Heat", "--kind", "movie"])
        .await;
    env.with_fakes(&prowlarr, &telegram);
    env.set("NIGHTWATCHER_PROWLARR_API_KEY", "a-wrong-key-456");

    let check = env.run(&["check"]).await;
    assert_eq!(check.code, 2, "{}", check.stderr);
    assert!(!check.stderr.contains("a-wrong-key-456"));
    let status: serde_json::Value =
        serde_json::from_str(&env.run(&["status", "--json"]).await.stdout).unwrap();
    let backoff = &status["monitor"]["backoff"];
    assert_eq!(backoff["failures"], 1, "{status}");
    assert!(backoff["next_try_at"].is_i64(), "{status}");
    assert_eq!(status["runs"][0]["status"], "failed", "{status}");
    let text = env.run(&["status"]).await.stdout;
    assert!(text.contains("Prowlarr unreachable, next try"), "{text}");
}

#[tokio::test]
async fn found_lists_the_releases_and_grab_sends_one_once_or_says_why_not() {
    let prowlarr = FakeProwlarr::start(KEY).await;
    let telegram = FakeTelegram::start(TOKEN).await;
    telegram.allow_chat(CHAT);
    prowlarr
        .add_release(ReleaseBuilder::new("Heat.1995.1080p.BluRay.x264-GRP").build_for(&prowlarr));
    let mut env = Env::new();
    env.with_fakes(&prowlarr, &telegram);
    let added = env
        .run(&[
            "watchlist",
            "add",
            "Heat",
            "--kind",
            "movie",
            "--year",
            "1995",
        ])
        .await;
    assert_eq!(added.code, 0, "{}", added.stderr);
    let found = env.run(&["found", "--json"]).await;
    assert_eq!(found.code, 0, "{}", found.stderr);
    let found: serde_json::Value = serde_json::from_str(&found.stdout).unwrap();
    let id = found[0]["match_id"].as_i64().unwrap().to_string();

    // No download client for torrents: exit 2 with what to do, nothing sent.
    let refused = env.run(&["grab", &id]).await;
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("Download Clients"),
        "{}",
        refused.stderr
    );
    assert!(prowlarr.grabs().is_empty());

    prowlarr.add_download_client(nightwatcher_testkit::prowlarr::download_client(
        1,
        "qBittorrent",
        "QBittorrent",
        "torrent",
        true,
    ));
    let grabbed = env.run(&["grab", &id]).await;
    assert_eq!(grabbed.code, 0, "{}", grabbed.stderr);
    assert!(grabbed.stdout.contains("qBittorrent"), "{}", grabbed.stdout);
    let again = env.run(&["grab", &id]).await;
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert_eq!(prowlarr.grabs().len(), 1, "grabbed once");

    let list = env.run(&["found"]).await;
    assert!(
        list.stdout.contains(&format!("#{id} Heat")),
        "{}",
        list.stdout
    );
    assert!(
        list.stdout.contains("[grabbed → qBittorrent]"),
        "{}",
        list.stdout
    );
    let unknown = env.run(&["grab", "999999"]).await;
    assert_eq!(unknown.code, 1, "{}", unknown.stderr);
    assert!(
        unknown.stderr.contains("no found release"),
        "{}",
        unknown.stderr
    );
    assert_no_secrets(&grabbed.stdout);
    assert_no_secrets(&refused.stderr);
}

#[tokio::test]
async fn detect_chat_prints_the_chat_that_wrote_to_the_bot_and_how_to_set_it() {
    let prowlarr = FakeProwlarr::start(KEY).await;
    let telegram = FakeTelegram::start(TOKEN).await;
    let mut env = Env::new();
    env.with_fakes(&prowlarr, &telegram);
    telegram.push_message(CHAT, 5, "hi\u{202e}bot");
    let out = env.run(&["detect-chat"]).await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.starts_with(&format!("{CHAT}\tprivate\t")),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains(&format!("nightwatcherd config set telegram_chat_id {CHAT}")),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains('\u{202e}'));
    assert_no_secrets(&out.stdout);
    assert_no_secrets(&out.stderr);
}
