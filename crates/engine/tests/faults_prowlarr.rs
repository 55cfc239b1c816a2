//! Prowlarr failing during real checks run by the service, against the fake Prowlarr and the fake Telegram:
//! a wrong key, a refused connection, 429 with `Retry-After`, 500, 503 "starting up", a search that hangs
//! past the timeout, an HTML or cut-off answer, a 200 MB answer, results with missing or absurd fields.
//!
//! Each test runs a check over three films in which one film's search (or the latest-releases feed) meets the
//! fault, and asserts what the user sees: the other films are found and announced, the status or the film's
//! error says what happened in words (and never the API key), nothing panics; once the fault is gone, the next
//! check finds what was missed. Retries are shortened ([`ServiceOptions::prowlarr_retry`]) but kept.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic: that is the failure report

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use common::FILMS;
use nightwatcher_engine::events::CheckSummary;
use nightwatcher_engine::events::Event;
use nightwatcher_engine::prowlarr::RetryPolicy;
use nightwatcher_engine::schedule::SearchMode;
use nightwatcher_engine::secrets::SecretName;
use nightwatcher_engine::service::{ItemView, Service, ServiceOptions, Status};
use nightwatcher_engine::settings::{self, SettingKey};
use nightwatcher_testkit::prowlarr::{FakeProwlarr, Fault, ReleaseBuilder};
use nightwatcher_testkit::telegram::FakeTelegram;
use serde_json::json;
use tokio::sync::broadcast::Receiver;

const KEY: &str = "faults-prowlarr-key-5150";
const WRONG_KEY: &str = "not-the-key-8086";
const TOKEN: &str = "515151:FAULTS-token_p";
const CHAT: i64 = 515;

// The watchlist of every test is `common::FILMS`: (title, year, the one release the fake Prowlarr has of it).

/// The memory test measures the whole process, so it runs alone: it takes this for writing, every other test
/// for reading.
static TURN: tokio::sync::RwLock<()> = tokio::sync::RwLock::const_new(());

struct App {
    _dir: tempfile::TempDir,
    service: Service,
    prowlarr: FakeProwlarr,
    telegram: FakeTelegram,
    rx: Receiver<Event>,
}

impl App {
    /// The service over a database holding the three films, configured for the fakes, Prowlarr's timeout
    /// at 1 s. No check runs until a test asks for one.
    async fn start(mode: SearchMode) -> App {
        let prowlarr = FakeProwlarr::start(KEY).await;
        common::offer_films(&prowlarr);
        let telegram = FakeTelegram::start(TOKEN).await;
        telegram.allow_chat(CHAT);

        let (dir, store) = common::temp_store().await;
        common::watch_films(&store).await;
        common::point_at_fakes(&store, &prowlarr, &telegram, CHAT).await;
        settings::set(&store, SettingKey::ProwlarrTimeout, "1s")
            .await
            .unwrap();
        settings::set(&store, SettingKey::SearchMode, mode.as_str())
            .await
            .unwrap();

        let options = ServiceOptions {
            prowlarr_retry: RetryPolicy {
                max_attempts: 2,
                base_delay: Duration::from_millis(10),
                max_delay: Duration::from_millis(50),
                max_retry_after: Duration::from_secs(5),
            },
            // Checks run when a test asks (`check_now`), never on their own.
            ..common::options(
                common::ON_DEMAND,
                common::fast_retries(Duration::from_millis(100)),
            )
        };
        let (service, rx) = common::start(store, common::secrets(KEY, TOKEN), options).await;
        App {
            _dir: dir,
            service,
            prowlarr,
            telegram,
            rx,
        }
    }

    /// Runs one check ("Check now") and returns its summary and the status the window shows after it.
    async fn check(&mut self) -> (CheckSummary, Status) {
        self.service.check_now();
        let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
        let mut summary = None;
        loop {
            let event = tokio::time::timeout_at(deadline, self.rx.recv())
                .await
                .expect("the check ends within 30 s")
                .unwrap();
            match event {
                Event::CheckFinished { summary: s, .. } => summary = Some(s),
                // The service sends this once it has recorded the check's outcome (its problem, its backoff).
                Event::ItemsChanged if summary.is_some() => break,
                _ => {}
            }
        }
        (summary.unwrap(), self.service.status().await)
    }

    async fn item(&self, title: &str) -> ItemView {
        self.service
            .list_items()
            .await
            .unwrap()
            .into_iter()
            .find(|i| i.item.title == title)
            .unwrap()
    }

    async fn found_titles(&self) -> Vec<String> {
        let mut titles: Vec<String> = self
            .service
            .found_releases(None)
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.title)
            .collect();
        titles.sort();
        titles
    }

    /// Waits until no notification is pending, then returns what Telegram received (each text once per send).
    async fn delivered(&self) -> Vec<String> {
        let counts = common::outbox_where(self.service.store(), Duration::from_secs(20), |c| {
            c.pending == 0
        })
        .await;
        assert_eq!(
            counts.failed, 0,
            "no notification fails for a Prowlarr fault"
        );
        self.telegram
            .messages()
            .into_iter()
            .map(|m| m.plain)
            .collect()
    }
}

/// Neither the right key nor a wrong one appears in `text`.
fn assert_no_key(text: &str) {
    for key in [KEY, WRONG_KEY] {
        assert!(!text.contains(key), "an API key leaked: {text}");
    }
}

/// Each of `releases` is in exactly one of `messages`, and no message names another film's release.
fn assert_announced_once(messages: &[String], releases: &[&str]) {
    for (_, _, release) in FILMS {
        let times = messages.iter().filter(|m| m.contains(release)).count();
        let expected = usize::from(releases.contains(&release));
        assert_eq!(
            times, expected,
            "{release} announced {times} times: {messages:#?}"
        );
    }
}

/// Ronin's search meets `fault` on every attempt of one check (search-all mode, so every film is searched by
/// name): Heat and Alien are found and announced, the check counts one search error, Ronin is shown in error.
/// Then the fault is gone: the next check finds Ronin, announces it once and clears its error. Returns Ronin's
/// error as the window showed it.
async fn ronins_search_meets(fault: Fault) -> String {
    let mut app = App::start(SearchMode::SearchAll).await;
    app.prowlarr.set_query_fault("ronin", fault);

    let (summary, status) = app.check().await;
    assert_eq!((summary.items, summary.errors), (3, 1), "{summary:?}");
    let last = status.last_check.clone().unwrap();
    assert_eq!((last.status.as_str(), last.errors), ("ok", 1), "{last:?}");
    assert_eq!(
        app.found_titles().await,
        [FILMS[2].2, FILMS[0].2],
        "the other films are found"
    );
    let ronin = app.item("Ronin").await;
    assert_eq!(ronin.state, "error");
    let error = ronin.last_error.clone().unwrap();
    assert_no_key(&error);
    assert_no_key(&serde_json::to_string(&status).unwrap());
    assert_eq!(app.item("Heat").await.state, "found");
    assert_eq!(app.item("Alien").await.state, "found");
    assert_announced_once(&app.delivered().await, &[FILMS[0].2, FILMS[2].2]);

    app.prowlarr.clear_faults();
    let (summary, status) = app.check().await;
    assert_eq!((summary.errors, summary.new_matches), (0, 1), "{summary:?}");
    assert_eq!(status.problem, None);
    let ronin = app.item("Ronin").await;
    assert_eq!((ronin.state.as_str(), ronin.last_error), ("found", None));
    assert_announced_once(
        &app.delivered().await,
        &[FILMS[0].2, FILMS[1].2, FILMS[2].2],
    );
    app.service.shutdown().await;
    error
}

#[tokio::test]
async fn a_rate_limited_search_waits_its_retry_after_then_fails_alone() {
    let _turn = TURN.read().await;
    let error = ronins_search_meets(Fault::TooManyRequests {
        retry_after_secs: 1,
    })
    .await;
    assert_eq!(
        error,
        "Prowlarr is rate limiting NightWatcher (429); it asks to wait 1 s"
    );
}

#[tokio::test]
async fn a_server_error_fails_only_that_films_search() {
    let _turn = TURN.read().await;
    let error = ronins_search_meets(Fault::ServerError).await;
    assert!(
        error.starts_with(
            "Prowlarr failed with HTTP 500: Object reference not set to an instance of an object"
        ) && error.contains("look at System → Logs in Prowlarr"),
        "{error}"
    );
    assert!(!error.contains(".."), "one full stop at a time: {error}");
}

#[tokio::test]
async fn a_search_that_hangs_past_the_timeout_fails_alone_and_the_check_ends() {
    let _turn = TURN.read().await;
    let error = ronins_search_meets(Fault::Hang).await;
    assert!(
        error.starts_with("Prowlarr did not answer within 1 s")
            && error.contains("look for a hanging indexer"),
        "{error}"
    );
}

#[tokio::test]
async fn an_html_page_instead_of_json_is_explained() {
    let _turn = TURN.read().await;
    let error = ronins_search_meets(Fault::HtmlBody).await;
    assert!(
        error.starts_with("Prowlarr's answer is not what NightWatcher expected")
            && error.contains("text/html")
            && error.contains("login page"),
        "{error}"
    );
}

#[tokio::test]
async fn a_cut_off_answer_is_explained() {
    let _turn = TURN.read().await;
    let error = ronins_search_meets(Fault::TruncatedJson).await;
    assert!(
        error.starts_with("Prowlarr's answer is not what NightWatcher expected")
            && error.contains("the answer was cut off"),
        "{error}"
    );
}

/// The resident set size of this process, from `/proc/self/status`.
fn rss_bytes() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .expect("VmRSS in /proc/self/status");
    let kib: u64 = line
        .split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap();
    kib * 1024
}

#[tokio::test]
async fn a_200_mb_answer_is_refused_with_memory_bounded() {
    const MIB: u64 = 1024 * 1024;
    let _alone = TURN.write().await;
    // Sampled from another thread while the check runs: the peak, not what is left once the buffer is freed.
    let baseline = rss_bytes();
    let peak = Arc::new(AtomicU64::new(baseline));
    let done = Arc::new(AtomicBool::new(false));
    let sampler = std::thread::spawn({
        let (peak, done) = (peak.clone(), done.clone());
        move || {
            while !done.load(Ordering::SeqCst) {
                peak.fetch_max(rss_bytes(), Ordering::SeqCst);
                std::thread::sleep(Duration::from_millis(5));
            }
        }
    });
    let error = ronins_search_meets(Fault::HugeBody { bytes: 200 * MIB }).await;
    done.store(true, Ordering::SeqCst);
    sampler.join().unwrap();

    assert!(
        error.contains("the answer is larger than 32 MiB"),
        "{error}"
    );
    let growth = peak.load(Ordering::SeqCst).saturating_sub(baseline);
    eprintln!(
        "peak RSS growth while refusing a 200 MB answer: {} MiB",
        growth / MIB
    );
    assert!(
        growth < 100 * MIB,
        "the process grew by {} MiB reading a 200 MB answer",
        growth / MIB
    );
}

#[tokio::test]
async fn a_wrong_api_key_stops_the_check_and_says_so_and_the_fixed_key_finds_everything() {
    let _turn = TURN.read().await;
    let mut app = App::start(SearchMode::Feed).await;
    app.service
        .set_secret(SecretName::ProwlarrApiKey, WRONG_KEY)
        .await
        .unwrap();

    let (_, status) = app.check().await;
    let problem = status.problem.clone().expect("a problem is shown");
    assert_eq!(problem.kind, "prowlarr");
    assert!(
        problem
            .app_text()
            .contains("Prowlarr refused the API key (401). Next try"),
        "{problem:?}"
    );
    assert!(
        problem
            .app_text()
            .ends_with(": enter the Prowlarr API key in Settings"),
        "{problem:?}"
    );
    assert!(!problem.app_text().contains("nightwatcherd"), "{problem:?}");
    assert_eq!(status.last_check.as_ref().unwrap().status, "failed");
    assert_no_key(&serde_json::to_string(&status).unwrap());
    assert!(app.found_titles().await.is_empty());
    // No film is blamed for what is Prowlarr's configuration.
    for (title, _, _) in FILMS {
        assert_eq!(app.item(title).await.last_error, None, "{title}");
    }

    app.service
        .set_secret(SecretName::ProwlarrApiKey, KEY)
        .await
        .unwrap();
    let (summary, status) = app.check().await;
    assert_eq!((summary.errors, summary.new_matches), (0, 3), "{summary:?}");
    assert_eq!(status.problem, None);
    assert_announced_once(
        &app.delivered().await,
        &[FILMS[0].2, FILMS[1].2, FILMS[2].2],
    );
    app.service.shutdown().await;
}

#[tokio::test]
async fn a_prowlarr_that_refuses_connections_is_reported_and_found_again_when_it_is_back() {
    let _turn = TURN.read().await;
    let mut app = App::start(SearchMode::Feed).await;
    let addr = app.prowlarr.addr();
    app.prowlarr.shutdown();
    common::refusing(addr).await;

    let (_, status) = app.check().await;
    let problem = status.problem.clone().expect("a problem is shown");
    assert_eq!(problem.kind, "prowlarr");
    assert!(
        problem
            .message
            .contains(&format!("cannot reach Prowlarr at http://{addr}"))
            && problem.message.contains("refused")
            && problem.message.contains("is it running?"),
        "{problem:?}"
    );
    assert_eq!(status.last_check.as_ref().unwrap().status, "failed");

    // Prowlarr is back on the same address (the old listener may take a moment to close).
    app.prowlarr = common::rebind(addr, || FakeProwlarr::start_on(addr, KEY)).await;
    common::offer_films(&app.prowlarr);
    let (summary, status) = app.check().await;
    assert_eq!((summary.errors, summary.new_matches), (0, 3), "{summary:?}");
    assert_eq!(status.problem, None);
    assert_announced_once(
        &app.delivered().await,
        &[FILMS[0].2, FILMS[1].2, FILMS[2].2],
    );
    app.service.shutdown().await;
}

#[tokio::test]
async fn prowlarr_starting_up_is_reported_and_the_next_check_finds_everything() {
    let _turn = TURN.read().await;
    let mut app = App::start(SearchMode::Feed).await;
    app.prowlarr.set_starting_up(true);

    let (_, status) = app.check().await;
    let problem = status.problem.clone().expect("a problem is shown");
    assert_eq!(problem.kind, "prowlarr");
    assert!(
        problem
            .message
            .contains("Prowlarr is starting up (503); it will answer in a minute")
            && problem.message.contains("Next try"),
        "{problem:?}"
    );
    assert!(app.found_titles().await.is_empty());

    app.prowlarr.set_starting_up(false);
    let (summary, status) = app.check().await;
    assert_eq!((summary.errors, summary.new_matches), (0, 3), "{summary:?}");
    assert_eq!(status.problem, None);
    assert_announced_once(
        &app.delivered().await,
        &[FILMS[0].2, FILMS[1].2, FILMS[2].2],
    );
    app.service.shutdown().await;
}

#[tokio::test]
async fn a_failing_feed_does_not_stop_the_searches_of_the_films_due() {
    let _turn = TURN.read().await;
    let mut app = App::start(SearchMode::Feed).await;
    app.prowlarr.set_feed_fault(Fault::ServerError);

    let (summary, status) = app.check().await;
    assert_eq!(summary.new_matches, 3, "{summary:?}");
    assert_eq!(
        app.found_titles().await,
        [FILMS[2].2, FILMS[0].2, FILMS[1].2]
    );
    let problem = status.problem.clone().expect("the feed's failure is shown");
    assert_eq!(problem.kind, "prowlarr");
    assert!(
        problem.message.contains("latest releases")
            && problem.message.contains("Prowlarr failed with HTTP 500"),
        "{problem:?}"
    );
    let last = status.last_check.clone().unwrap();
    assert_eq!((last.status.as_str(), last.errors), ("ok", 1), "{last:?}");
    assert_announced_once(
        &app.delivered().await,
        &[FILMS[0].2, FILMS[1].2, FILMS[2].2],
    );

    app.prowlarr.clear_faults();
    let (summary, status) = app.check().await;
    assert_eq!((summary.errors, summary.new_matches), (0, 0), "{summary:?}");
    assert_eq!(status.problem, None);
    app.service.shutdown().await;
}

#[tokio::test]
async fn results_with_missing_or_absurd_fields_are_read_around() {
    let _turn = TURN.read().await;
    let mut app = App::start(SearchMode::Feed).await;
    let long_title = format!("Heat.1995.2160p.UHD.BluRay.x265-{}", "A".repeat(10_000));
    let absurd = |title: &str| {
        let mut r = ReleaseBuilder::new(title).build_for(&app.prowlarr);
        r["size"] = json!(-5_368_709_120_i64);
        r["seeders"] = json!(-3);
        r["leechers"] = json!(-1_000_000);
        r["imdbId"] = json!(-1);
        r["publishDate"] = json!("0000-01-01T00:00:00Z");
        r["ageMinutes"] = json!(-1.0e308);
        r["categories"] = json!("lots");
        r["indexerFlags"] = json!(42);
        r
    };
    let mut year_one =
        ReleaseBuilder::new("Heat.1995.720p.WEB-DL.x264-MIN").build_for(&app.prowlarr);
    year_one["publishDate"] = json!("0001-01-01T00:00:00Z");
    year_one["size"] = json!(1.0e30);
    let mut no_title =
        ReleaseBuilder::new("Heat.1995.DVDRip.XviD-NOTITLE").build_for(&app.prowlarr);
    no_title.as_object_mut().unwrap().remove("title");
    let mut blank_title =
        ReleaseBuilder::new("Heat.1995.DVDRip.XviD-BLANK").build_for(&app.prowlarr);
    blank_title["title"] = json!("   ");
    let mut no_guid = ReleaseBuilder::new("Heat.1995.DVDRip.XviD-NOGUID").build_for(&app.prowlarr);
    no_guid.as_object_mut().unwrap().remove("guid");
    let mut text_indexer =
        ReleaseBuilder::new("Heat.1995.DVDRip.XviD-TEXTID").build_for(&app.prowlarr);
    text_indexer["indexerId"] = json!("one");
    app.prowlarr.add_releases([
        absurd(&long_title),
        absurd("Heat.0.1080p.WEB-DL.x264-ZERO"),
        year_one,
        no_title,
        blank_title,
        no_guid,
        text_indexer,
        json!({"guid": "bare", "title": "Alien.1979.DVDRip.XviD-BARE", "indexerId": 1}),
        json!("not a release"),
        json!(null),
        json!(12),
        json!([]),
    ]);

    let (summary, status) = app.check().await;
    assert_eq!(summary.errors, 0, "{summary:?}");
    assert_eq!(status.problem, None);
    let heat = app.item("Heat").await.item.id;
    let found = app.service.found_releases(Some(heat)).await.unwrap();
    let titles: Vec<&str> = found.iter().map(|r| r.title.as_str()).collect();
    assert!(titles.contains(&FILMS[0].2), "{titles:?}");
    let long = found
        .iter()
        .find(|r| r.title.starts_with("Heat.1995.2160p.UHD"))
        .expect("the release with a 10,000-character title is found");
    assert_eq!(
        long.title.chars().count(),
        1000,
        "stored cut to 1000 characters"
    );
    assert_eq!(
        (long.size, long.seeders, long.published_at),
        (None, None, None)
    );
    let minimal = found
        .iter()
        .find(|r| r.title == "Heat.1995.720p.WEB-DL.x264-MIN")
        .unwrap();
    assert_eq!((minimal.size, minimal.published_at), (None, None));
    for skipped in ["NOTITLE", "BLANK", "NOGUID", "TEXTID"] {
        assert!(
            !titles.iter().any(|t| t.contains(skipped)),
            "{skipped}: {titles:?}"
        );
    }
    let alien = app.item("Alien").await.item.id;
    let alien_found = app.service.found_releases(Some(alien)).await.unwrap();
    assert!(
        alien_found
            .iter()
            .any(|r| r.title == "Alien.1979.DVDRip.XviD-BARE"),
        "a release with only guid, title and indexer is read: {alien_found:?}"
    );

    // Every film's message got through Telegram's checks (HTML, 4096 characters), the long title included.
    let messages = app.delivered().await;
    assert_eq!(messages.len(), 3, "{messages:#?}");
    assert!(
        messages.iter().any(|m| m.contains("Heat.1995.2160p.UHD")),
        "{messages:#?}"
    );
    app.service.shutdown().await;
}
