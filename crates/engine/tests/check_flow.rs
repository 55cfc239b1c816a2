//! End-to-end checks over a real SQLite file, the fake Prowlarr and the fake Telegram Bot API.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic: that is the failure report

use std::sync::Arc;
use std::time::Duration;

use nightwatcher_engine::channel::{Channel, ChannelId};
use nightwatcher_engine::events::{Event, Events};
use nightwatcher_engine::filters::{IndexerRef, ItemFilters, Resolution};
use nightwatcher_engine::model::{ItemKind, ItemSpec, WatchlistItem};
use nightwatcher_engine::news::Notice;
use nightwatcher_engine::notify::{Delivery, DeliveryConfig};
use nightwatcher_engine::prowlarr::{Protocol, ProwlarrClient, ProwlarrConfig, RetryPolicy};
use nightwatcher_engine::schedule::SearchMode;
use nightwatcher_engine::secrets::Secret;
use nightwatcher_engine::store::{MatchRecord, ReleaseRecord, Store};
use nightwatcher_engine::telegram::{ChatTarget, TelegramChannel, TelegramConfig};
use nightwatcher_engine::watcher::{CheckError, Watcher};
use nightwatcher_testkit::prowlarr::{FakeProwlarr, Fault, ReleaseBuilder};
use nightwatcher_testkit::telegram::{FakeTelegram, TgFault};
use tokio_util::sync::CancellationToken;

const KEY: &str = "prowlarr-key-0123456789";
const TOKEN: &str = "123456:TEST-bot_token-abc";
const CHAT: i64 = 4242;

struct Harness {
    _dir: tempfile::TempDir,
    db: std::path::PathBuf,
    store: Store,
    prowlarr: FakeProwlarr,
    telegram: FakeTelegram,
    events: Events,
}

impl Harness {
    async fn new() -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("nightwatcher.db");
        let store = Store::open(&db).await.unwrap();
        let prowlarr = FakeProwlarr::start(KEY).await;
        let telegram = FakeTelegram::start(TOKEN).await;
        telegram.allow_chat(CHAT);
        Harness {
            _dir: dir,
            db,
            store,
            prowlarr,
            telegram,
            events: Events::new(),
        }
    }

    fn client_with_key(&self, key: &str) -> ProwlarrClient {
        let mut config = ProwlarrConfig::new(&self.prowlarr.url(), Secret::new(key)).unwrap();
        config.retry = RetryPolicy {
            max_attempts: 2,
            base_delay: Duration::from_millis(10),
            max_delay: Duration::from_millis(50),
            max_retry_after: Duration::from_secs(5),
        };
        ProwlarrClient::new(config).unwrap()
    }

    fn watcher(&self, concurrency: usize) -> Watcher {
        Watcher::new(
            self.store.clone(),
            self.client_with_key(KEY),
            self.events.clone(),
            concurrency,
            vec![ChannelId::Telegram],
        )
        // These tests are about what one search per item finds; feed mode has its own (feed_mode.rs).
        .with_mode(SearchMode::SearchAll)
    }

    fn delivery(&self) -> Delivery {
        let channel = TelegramChannel::new(TelegramConfig {
            token: Secret::new(TOKEN),
            chat: ChatTarget::Id(CHAT),
            api_url: Some(self.telegram.api_url().parse().unwrap()),
        })
        .unwrap();
        let senders: Vec<Arc<dyn Channel>> = vec![Arc::new(channel)];
        let config = DeliveryConfig {
            min_interval: Duration::ZERO,
            base_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_secs(1),
            ..DeliveryConfig::default()
        };
        Delivery::new(self.store.clone(), senders, self.events.clone(), config)
    }

    async fn add(&self, title: &str, kind: ItemKind, year: Option<i64>) -> WatchlistItem {
        let spec = ItemSpec {
            title: title.into(),
            kind: Some(kind),
            year,
            ..Default::default()
        };
        self.store
            .add_item(&spec.validate().unwrap())
            .await
            .unwrap()
    }

    async fn check(&self) -> nightwatcher_engine::events::CheckSummary {
        self.watcher(5)
            .check(&CancellationToken::new())
            .await
            .unwrap()
    }

    async fn deliver(&self) {
        self.delivery()
            .drain(Duration::from_secs(60), &CancellationToken::new())
            .await
            .unwrap();
    }
}

fn release(title: &str) -> ReleaseBuilder {
    ReleaseBuilder::new(title)
}

/// The release most tests look for: a 1080p BluRay of "Heat" (1995).
const HEAT: &str = "Heat.1995.1080p.BluRay.x264-GRP";

impl Harness {
    /// Puts the Heat release in the fake Prowlarr.
    fn offer_heat(&self) {
        self.prowlarr
            .add_release(release(HEAT).guid("h").build_for(&self.prowlarr));
    }
}

#[tokio::test]
async fn first_check_sends_one_summary_and_the_second_check_repeats_nothing() {
    let h = Harness::new().await;
    h.add("Dune Part Two", ItemKind::Movie, Some(2024)).await;
    h.prowlarr.add_releases([
        release("Dune.Part.Two.2024.2160p.WEB-DL.DDP5.1.Atmos.H.265-FLUX")
            .guid("a")
            .build_for(&h.prowlarr),
        release("Dune.Part.Two.2024.1080p.BluRay.x264-GROUP")
            .guid("b")
            .build_for(&h.prowlarr),
    ]);

    let first = h.check().await;
    assert_eq!(
        (first.items, first.searches, first.new_matches, first.errors),
        (1, 1, 2, 0)
    );
    assert_eq!(first.notifications_queued, 1);
    h.deliver().await;
    let messages = h.telegram.messages();
    assert_eq!(messages.len(), 1, "one summary for the item");
    assert!(
        messages[0].plain.contains("Dune Part Two"),
        "{}",
        messages[0].plain
    );
    assert!(
        messages[0]
            .plain
            .contains("Dune.Part.Two.2024.2160p.WEB-DL.DDP5.1.Atmos.H.265-FLUX")
    );
    assert!(
        messages[0]
            .plain
            .contains("Dune.Part.Two.2024.1080p.BluRay.x264-GROUP")
    );

    let second = h.check().await;
    assert_eq!((second.new_matches, second.notifications_queued), (0, 0));
    h.deliver().await;
    assert_eq!(h.telegram.messages().len(), 1, "nothing repeated");
}

#[tokio::test]
async fn a_release_appearing_later_is_sent_as_new() {
    let h = Harness::new().await;
    h.add("Severance", ItemKind::Series, None).await;
    h.prowlarr.add_release(
        release("Severance.S02E01.1080p.WEB.h264-GROUP")
            .guid("e1")
            .build_for(&h.prowlarr),
    );
    h.check().await;
    h.deliver().await;

    h.prowlarr.add_release(
        release("Severance.S02E02.1080p.WEB.h264-GROUP")
            .guid("e2")
            .build_for(&h.prowlarr),
    );
    let summary = h.check().await;
    assert_eq!(summary.new_matches, 1);
    h.deliver().await;
    let messages = h.telegram.messages();
    assert_eq!(messages.len(), 2);
    assert!(
        messages[1].plain.contains("S02E02"),
        "{}",
        messages[1].plain
    );
    assert!(
        !messages[1].plain.contains("S02E01"),
        "only the new release: {}",
        messages[1].plain
    );
}

#[tokio::test]
async fn a_muted_item_is_searched_and_recorded_but_not_notified_even_after_unmuting() {
    let h = Harness::new().await;
    let item = h.add("Severance", ItemKind::Series, None).await;
    h.store.set_item_muted(item.id, true).await.unwrap();
    assert!(h.store.item(item.id).await.unwrap().muted);
    h.prowlarr.add_release(
        release("Severance.S02E01.1080p.WEB.h264-GROUP")
            .guid("e1")
            .build_for(&h.prowlarr),
    );
    let summary = h.check().await;
    assert_eq!(summary.new_matches, 1, "a muted item is still searched");
    h.deliver().await;
    assert!(
        h.telegram.messages().is_empty(),
        "a muted item is not notified"
    );
    let found = h.store.found_releases(Some(item.id), 10).await.unwrap();
    assert_eq!(found.len(), 1, "what it finds is recorded");

    h.store.set_item_muted(item.id, false).await.unwrap();
    h.prowlarr.add_release(
        release("Severance.S02E02.1080p.WEB.h264-GROUP")
            .guid("e2")
            .build_for(&h.prowlarr),
    );
    h.check().await;
    h.deliver().await;
    let messages = h.telegram.messages();
    assert_eq!(messages.len(), 1, "unmuted, its next find is notified");
    assert!(
        messages[0].plain.contains("S02E02"),
        "{}",
        messages[0].plain
    );
    assert!(
        !messages[0].plain.contains("S02E01"),
        "what was found while muted is not sent afterwards: {}",
        messages[0].plain
    );
}

#[tokio::test]
async fn look_alike_titles_and_the_other_kind_are_not_matched() {
    let h = Harness::new().await;
    h.add("Dune", ItemKind::Movie, Some(2021)).await;
    h.prowlarr.add_releases([
        release("Dune.Part.Two.2024.1080p.WEB-DL.H264-GRP")
            .guid("1")
            .build_for(&h.prowlarr),
        release("Dune.1984.1080p.BluRay.x264-OLD")
            .guid("2")
            .build_for(&h.prowlarr),
        release("Dune.S01E01.1080p.WEB.h264-TV")
            .guid("3")
            .categories(&[2000])
            .build_for(&h.prowlarr),
        release("Dune.2021.1080p.WEB-DL.H264-RIGHT")
            .guid("4")
            .build_for(&h.prowlarr),
    ]);
    let summary = h.check().await;
    assert_eq!(summary.releases_seen, 4, "every result is recorded as seen");
    assert_eq!(summary.new_matches, 1, "only Dune (2021) itself");
    let found = h.store.found_releases(None, 10).await.unwrap();
    assert_eq!(found[0].title, "Dune.2021.1080p.WEB-DL.H264-RIGHT");
}

#[tokio::test]
async fn a_release_cross_posted_on_two_indexers_is_reported_once() {
    let h = Harness::new().await;
    h.add("The Matrix", ItemKind::Movie, Some(1999)).await;
    h.prowlarr.add_releases([
        release("The.Matrix.1999.1080p.BluRay.x264-GROUP")
            .guid("x")
            .indexer(1, "Alpha")
            .build_for(&h.prowlarr),
        release("The Matrix 1999 1080p BluRay x264-GROUP")
            .guid("y")
            .indexer(2, "Beta")
            .build_for(&h.prowlarr),
    ]);
    let summary = h.check().await;
    assert_eq!(summary.releases_seen, 2);
    assert_eq!(summary.new_matches, 1);
    h.deliver().await;
    let messages = h.telegram.messages();
    assert_eq!(messages.len(), 1);
    assert!(
        messages[0].plain.contains("Alpha") && messages[0].plain.contains("Beta"),
        "indexers merged: {}",
        messages[0].plain
    );
}

#[tokio::test]
async fn more_than_five_items_with_news_go_out_as_one_digest() {
    let h = Harness::new().await;
    let titles = [
        "Alien",
        "Heat",
        "Ronin",
        "Tenet",
        "Arrival",
        "Sicario",
        "Prisoners",
    ];
    for (i, t) in titles.iter().enumerate() {
        h.add(t, ItemKind::Movie, None).await;
        h.prowlarr.add_release(
            release(&format!("{t}.2010.1080p.BluRay.x264-GRP"))
                .guid(&format!("g{i}"))
                .build_for(&h.prowlarr),
        );
    }
    let summary = h.check().await;
    assert_eq!(summary.new_matches, 7);
    assert_eq!(
        summary.notifications_queued, 1,
        "one digest, not seven messages"
    );
    h.deliver().await;
    let messages = h.telegram.messages();
    assert_eq!(messages.len(), 1);
    for t in titles {
        assert!(
            messages[0].plain.contains(t),
            "{t} missing from the digest: {}",
            messages[0].plain
        );
    }
}

/// A raw handle on the harness's database file, for what the store does not expose.
async fn raw(h: &Harness) -> sqlx::SqlitePool {
    sqlx::SqlitePool::connect_with(sqlx::sqlite::SqliteConnectOptions::new().filename(&h.db))
        .await
        .unwrap()
}

#[tokio::test]
async fn the_outbox_stores_the_news_not_a_channels_text() {
    let h = Harness::new().await;
    let item = h.add("Heat", ItemKind::Movie, Some(1995)).await;
    h.offer_heat();
    h.check().await;
    let payloads: Vec<String> = sqlx::query_scalar("SELECT payload FROM notifications")
        .fetch_all(&raw(&h).await)
        .await
        .unwrap();
    assert_eq!(payloads.len(), 1);
    assert!(!payloads[0].contains("<b>"), "{}", payloads[0]);
    match serde_json::from_str::<Notice>(&payloads[0]).unwrap() {
        Notice::Item { news, .. } => {
            assert_eq!(news.item_id, item.id);
            assert_eq!(news.releases.len(), 1);
            assert_eq!(news.releases[0].title, HEAT);
        }
        other => panic!("an item's news, not {other:?}"),
    }
    h.deliver().await;
    let messages = h.telegram.messages();
    assert_eq!(messages.len(), 1);
    assert!(
        messages[0].text.contains("<b>Heat</b>"),
        "{}",
        messages[0].text
    );
}

#[tokio::test]
async fn a_message_an_earlier_version_stored_as_telegram_html_is_still_delivered() {
    let h = Harness::new().await;
    let db = raw(&h).await;
    sqlx::query(
        "INSERT INTO notifications (channel, kind, item_id, payload, status, next_attempt_at, created_at)
         VALUES ('telegram', 'new', NULL, ?, 'pending', 0, 0)",
    )
    .bind(r#"{"text":"🎬 <b>Old</b> — 1 new release","photo_url":null,"caption":null}"#)
    .execute(&db)
    .await
    .unwrap();
    h.deliver().await;
    let messages = h.telegram.messages();
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0].text, "🎬 <b>Old</b> — 1 new release");
    assert_eq!(h.store.notification_counts().await.unwrap().sent, 1);
}

#[tokio::test]
async fn a_digest_too_long_for_one_message_is_stored_as_pages_each_sent_once() {
    let h = Harness::new().await;
    let colours = [
        "Red", "Blue", "Green", "Black", "White", "Golden", "Silver", "Crimson", "Amber",
    ];
    let places = [
        "River", "Mountain", "Harbor", "Desert", "Forest", "Valley", "Island", "Canyon", "Meadow",
        "Tower",
    ];
    let titles: Vec<String> = colours
        .iter()
        .flat_map(|c| places.iter().map(move |p| format!("{c} {p}")))
        .collect();
    for (i, t) in titles.iter().enumerate() {
        h.add(t, ItemKind::Movie, None).await;
        h.prowlarr.add_release(
            release(&format!(
                "{}.2010.1080p.BluRay.DTS-HD.MA.5.1.x264-AVERYLONGRELEASEGROUPNAME",
                t.replace(' ', ".")
            ))
            .guid(&format!("g{i}"))
            .build_for(&h.prowlarr),
        );
    }
    let summary = h.check().await;
    assert_eq!(summary.new_matches, titles.len());
    assert!(summary.notifications_queued > 1, "{summary:?}");
    h.deliver().await;
    let messages = h.telegram.messages();
    assert_eq!(
        messages.len(),
        summary.notifications_queued,
        "each page is one message"
    );
    assert!(
        messages[0]
            .plain
            .starts_with(&format!("📬 News for {} watched items", titles.len()))
    );
    assert!(
        messages[1].plain.contains("(continued)"),
        "{}",
        messages[1].plain
    );
    let all: String = messages.iter().map(|m| m.plain.as_str()).collect();
    for t in &titles {
        let dotted = t.replace(' ', ".");
        assert_eq!(
            all.matches(&format!("{dotted}.2010")).count(),
            1,
            "{t} once in {all}"
        );
    }
}

#[tokio::test]
async fn one_item_failing_does_not_stop_the_others() {
    let h = Harness::new().await;
    h.add("Heat", ItemKind::Movie, None).await;
    let broken = h.add("Ronin", ItemKind::Movie, None).await;
    h.prowlarr.set_query_fault("Ronin", Fault::ServerError);
    h.offer_heat();
    let summary = h.check().await;
    assert_eq!((summary.new_matches, summary.errors), (1, 1));
    let errors = h.store.item_errors().await.unwrap();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].0, broken.id);
    assert!(errors[0].2.contains("500"), "{}", errors[0].2);
}

#[tokio::test]
async fn a_wrong_api_key_stops_the_check_with_a_clear_error() {
    let h = Harness::new().await;
    for t in ["Heat", "Ronin", "Alien"] {
        h.add(t, ItemKind::Movie, None).await;
    }
    let watcher = Watcher::new(
        h.store.clone(),
        h.client_with_key("wrong-key-000"),
        h.events.clone(),
        1,
        vec![],
    );
    let err = watcher.check(&CancellationToken::new()).await.unwrap_err();
    assert!(matches!(err, CheckError::Prowlarr(_)), "{err:?}");
    let text = err.to_string();
    assert!(text.contains("API key"), "{text}");
    assert!(
        !text.contains(KEY) && !text.contains("wrong-key-000"),
        "{text}"
    );
    assert_eq!(
        h.prowlarr.search_requests(),
        1,
        "no point searching the other items with a wrong key"
    );
    let runs = h.store.recent_runs(1).await.unwrap();
    assert_eq!(runs[0].status, "failed");
}

#[tokio::test]
async fn searches_run_with_bounded_concurrency() {
    let h = Harness::new().await;
    for i in 0..12 {
        h.add(&format!("Movie Number {i}"), ItemKind::Movie, None)
            .await;
    }
    h.prowlarr.set_latency(Duration::from_millis(150));
    let summary = h.watcher(3).check(&CancellationToken::new()).await.unwrap();
    assert_eq!(summary.searches, 12);
    assert_eq!(h.prowlarr.max_in_flight(), 3);
}

#[tokio::test]
async fn a_check_reports_progress_found_releases_and_its_figures_as_events() {
    let h = Harness::new().await;
    h.add("Heat", ItemKind::Movie, None).await;
    h.add("Ronin", ItemKind::Movie, None).await;
    h.offer_heat();
    let mut rx = h.events.subscribe();
    h.check().await;
    let mut seen = Vec::new();
    while let Ok(e) = rx.try_recv() {
        seen.push(e);
    }
    assert!(
        matches!(seen.first(), Some(Event::CheckStarted { total: 2, .. })),
        "{seen:?}"
    );
    let progress: Vec<_> = seen
        .iter()
        .filter_map(|e| match e {
            Event::Progress { done, total, .. } => Some((*done, *total)),
            _ => None,
        })
        .collect();
    assert_eq!(progress, vec![(1, 2), (2, 2)]);
    assert!(seen.iter().any(|e| matches!(e, Event::ReleaseFound { release_title, .. } if release_title.starts_with("Heat.1995"))));
    assert!(
        matches!(seen.last(), Some(Event::CheckFinished { summary, .. }) if summary.new_matches == 1)
    );
    let json = serde_json::to_string(&seen).unwrap();
    assert!(
        !json.contains(KEY) && !json.contains("apikey"),
        "events carry no secrets or download links"
    );
}

#[tokio::test]
async fn notifications_queued_before_a_crash_are_delivered_after_restart() {
    let h = Harness::new().await;
    h.add("Heat", ItemKind::Movie, None).await;
    h.offer_heat();
    h.check().await;
    // The process "dies" here: nothing was sent. A new process opens the same file.
    h.store.close().await;
    let reopened = Store::open(&h.db).await.unwrap();
    assert_eq!(reopened.notification_counts().await.unwrap().pending, 1);
    let h2 = Harness {
        store: reopened,
        ..h
    };
    h2.deliver().await;
    assert_eq!(h2.telegram.messages().len(), 1);
    assert_eq!(h2.store.notification_counts().await.unwrap().sent, 1);
}

#[tokio::test]
async fn matches_recorded_but_never_announced_are_announced_by_the_next_check() {
    let h = Harness::new().await;
    let item = h.add("Heat", ItemKind::Movie, None).await;
    // A check that crashed after recording its search and before composing messages.
    let record = ReleaseRecord {
        indexer_id: 1,
        guid: "crashed".into(),
        title: "Heat.1995.2160p.UHD.BluRay.x265-GRP".into(),
        release_key: "heat 1995 2160p uhd bluray x265 grp".into(),
        indexer: Some("Alpha".into()),
        size: Some(1 << 30),
        seeders: Some(5),
        protocol: Protocol::Torrent,
        published_at: None,
        info_url: None,
        poster_url: None,
    };
    h.store
        .record_search(item.id, None, &[record], &[MatchRecord::accepted(0, 10)])
        .await
        .unwrap();
    let summary = h.check().await;
    assert_eq!(summary.new_matches, 0);
    h.deliver().await;
    let messages = h.telegram.messages();
    assert_eq!(messages.len(), 1);
    assert!(
        messages[0]
            .plain
            .contains("Heat.1995.2160p.UHD.BluRay.x265-GRP")
    );
}

#[tokio::test]
async fn flood_control_is_honoured_and_the_message_delivered() {
    let h = Harness::new().await;
    h.add("Heat", ItemKind::Movie, None).await;
    h.offer_heat();
    h.check().await;
    h.telegram
        .push_fault(TgFault::TooManyRequests { retry_after: 1 });
    h.deliver().await;
    assert_eq!(h.telegram.messages().len(), 1);
    let counts = h.store.notification_counts().await.unwrap();
    assert_eq!((counts.sent, counts.pending, counts.failed), (1, 0, 0));
}

#[tokio::test]
async fn bad_gateway_is_retried_until_telegram_recovers() {
    let h = Harness::new().await;
    h.add("Heat", ItemKind::Movie, None).await;
    h.offer_heat();
    h.check().await;
    // teloxide itself waits 10 s after a 5xx before handing back the error, so this takes about 20 s.
    h.telegram.set_fault_for(2, TgFault::ServerError);
    h.deliver().await;
    assert_eq!(h.telegram.send_requests(), 3);
    assert_eq!(h.telegram.messages().len(), 1);
    assert_eq!(h.store.notification_counts().await.unwrap().sent, 1);
}

#[tokio::test]
async fn an_unknown_chat_marks_the_notification_failed_with_the_reason() {
    let h = Harness::new().await;
    let telegram = FakeTelegram::start(TOKEN).await; // no chat allowed
    let h = Harness { telegram, ..h };
    h.add("Heat", ItemKind::Movie, None).await;
    h.offer_heat();
    h.check().await;
    h.deliver().await;
    let counts = h.store.notification_counts().await.unwrap();
    assert_eq!((counts.sent, counts.failed), (0, 1));
    let failed = h.store.failed_notifications(5).await.unwrap();
    assert!(
        failed[0].reason.contains("chat not found"),
        "{}",
        failed[0].reason
    );
    assert!(!failed[0].reason.contains(TOKEN), "{}", failed[0].reason);

    h.telegram.allow_chat(CHAT);
    assert_eq!(h.store.retry_failed().await.unwrap(), 1);
    h.deliver().await;
    assert_eq!(h.telegram.messages().len(), 1, "Retry failed resends it");
}

#[tokio::test]
async fn messages_link_the_info_page_never_the_download_link() {
    let h = Harness::new().await;
    h.add("Heat", ItemKind::Movie, None).await;
    h.prowlarr.add_release(
        release(HEAT)
            .guid("h")
            .info_url("https://tracker.example/t/1")
            .build_for(&h.prowlarr),
    );
    h.check().await;
    h.deliver().await;
    let m = &h.telegram.messages()[0];
    assert!(m.text.contains("https://tracker.example/t/1"), "{}", m.text);
    assert!(
        !m.text.contains("apikey") && !m.text.contains(KEY) && !m.text.contains("/download"),
        "{}",
        m.text
    );
}

#[tokio::test]
async fn a_release_with_a_poster_goes_out_as_a_photo_and_falls_back_to_text_when_refused() {
    let h = Harness::new().await;
    h.add("Heat", ItemKind::Movie, None).await;
    h.add("Ronin", ItemKind::Movie, None).await;
    h.prowlarr.add_releases([
        release(HEAT)
            .guid("h")
            .poster_url("https://img.example/heat.jpg")
            .build_for(&h.prowlarr),
        release("Ronin.1998.1080p.BluRay.x264-GRP")
            .guid("r")
            .poster_url("https://broken.example/ronin.jpg")
            .build_for(&h.prowlarr),
    ]);
    h.telegram.refuse_photo_urls_containing("broken.example");
    h.check().await;
    h.deliver().await;
    let messages = h.telegram.messages();
    assert_eq!(messages.len(), 2);
    let heat = messages.iter().find(|m| m.plain.contains("Heat")).unwrap();
    assert_eq!(heat.photo.as_deref(), Some("https://img.example/heat.jpg"));
    let ronin = messages.iter().find(|m| m.plain.contains("Ronin")).unwrap();
    assert_eq!(
        ronin.photo, None,
        "the refused photo fell back to a text message"
    );
}

#[tokio::test]
async fn an_unsafe_poster_gives_way_to_another_releases_https_one() {
    let h = Harness::new().await;
    h.add("Heat", ItemKind::Movie, None).await;
    h.prowlarr.add_releases([
        release(HEAT)
            .guid("h1")
            .poster_url("javascript:alert(1)")
            .build_for(&h.prowlarr),
        release("Heat.1995.720p.BluRay.x264-OTHER")
            .guid("h2")
            .poster_url("https://img.example/heat.jpg")
            .build_for(&h.prowlarr),
    ]);
    h.check().await;
    h.deliver().await;
    let messages = h.telegram.messages();
    assert_eq!(messages.len(), 1, "both releases are one item's news");
    assert_eq!(
        messages[0].photo.as_deref(),
        Some("https://img.example/heat.jpg"),
        "whichever release comes first, the message shows the poster it can"
    );
}

#[tokio::test]
async fn untrusted_titles_are_escaped_and_accepted_by_telegram() {
    let h = Harness::new().await;
    h.add("Heat", ItemKind::Movie, None).await;
    let evil = "Heat.1995.1080p.<img src=x onerror=alert(1)>.&amp;&.x264-GRP";
    h.prowlarr.add_release(
        release(evil)
            .guid("h")
            .indexer(9, "<b>Evil & Co</b>")
            .build_for(&h.prowlarr),
    );
    h.check().await;
    h.deliver().await;
    let messages = h.telegram.messages();
    assert_eq!(messages.len(), 1, "the strict fake accepted the message");
    assert!(
        messages[0].plain.contains("<img src=x onerror=alert(1)>"),
        "{}",
        messages[0].plain
    );
    assert!(
        messages[0].plain.contains("<b>Evil & Co</b>"),
        "{}",
        messages[0].plain
    );
}

impl Harness {
    async fn add_spec(&self, spec: ItemSpec) -> WatchlistItem {
        self.store
            .add_item(&spec.validate().unwrap())
            .await
            .unwrap()
    }
}

fn movie_spec(title: &str, year: i64, filters: ItemFilters) -> ItemSpec {
    ItemSpec {
        title: title.into(),
        kind: Some(ItemKind::Movie),
        year: Some(year),
        filters,
        ..Default::default()
    }
}

#[tokio::test]
async fn a_release_a_filter_refuses_is_kept_in_history_and_not_notified() {
    let h = Harness::new().await;
    let filters = ItemFilters {
        min_resolution: Some(Resolution::R2160p),
        ..Default::default()
    };
    let item = h.add_spec(movie_spec("Dune Part Two", 2024, filters)).await;
    h.prowlarr.add_releases([
        release("Dune.Part.Two.2024.2160p.WEB-DL.DDP5.1.Atmos.H.265-FLUX")
            .guid("uhd")
            .build_for(&h.prowlarr),
        release("Dune.Part.Two.2024.1080p.BluRay.x264-GROUP")
            .guid("hd")
            .build_for(&h.prowlarr),
        release("Dune.Part.Two.2024.HDCAM.x264-SUNSCREEN")
            .guid("cam")
            .build_for(&h.prowlarr),
    ]);
    let summary = h.check().await;
    assert_eq!(summary.new_matches, 1, "only the 2160p release passes");
    h.deliver().await;
    let messages = h.telegram.messages();
    assert_eq!(messages.len(), 1);
    assert!(messages[0].plain.contains("2160p"), "{}", messages[0].plain);
    assert!(
        !messages[0].plain.contains("1080p"),
        "{}",
        messages[0].plain
    );
    assert!(
        !messages[0].plain.contains("HDCAM"),
        "{}",
        messages[0].plain
    );

    let history = h.store.found_releases(Some(item.id), 10).await.unwrap();
    assert_eq!(history.len(), 3, "refused releases stay in the history");
    let reason = |needle: &str| {
        history
            .iter()
            .find(|r| r.title.contains(needle))
            .unwrap()
            .rejected
            .clone()
    };
    assert_eq!(reason("2160p"), None);
    assert!(reason("1080p").unwrap().contains("min_resolution"));
    assert!(reason("HDCAM").unwrap().contains("sources"));

    // Seen again, they are not notified again.
    let again = h.check().await;
    assert_eq!((again.new_matches, again.notifications_queued), (0, 0));
}

#[tokio::test]
async fn a_refused_release_that_later_passes_is_notified_then() {
    let h = Harness::new().await;
    let filters = ItemFilters {
        min_seeders: Some(20),
        ..Default::default()
    };
    h.add_spec(movie_spec("Heat", 1995, filters)).await;
    h.prowlarr
        .add_release(release(HEAT).guid("h").seeders(3).build_for(&h.prowlarr));
    assert_eq!(h.check().await.new_matches, 0);

    h.prowlarr.clear_releases();
    h.prowlarr
        .add_release(release(HEAT).guid("h").seeders(80).build_for(&h.prowlarr));
    let summary = h.check().await;
    assert_eq!(summary.new_matches, 1);
    h.deliver().await;
    let messages = h.telegram.messages();
    assert_eq!(messages.len(), 1);
    assert!(messages[0].plain.contains(HEAT), "{}", messages[0].plain);
}

#[tokio::test]
async fn indexers_given_by_id_restrict_the_search_and_others_are_refused() {
    let h = Harness::new().await;
    let filters = ItemFilters {
        indexers: vec![IndexerRef::Id(3)],
        ..Default::default()
    };
    h.add_spec(movie_spec("Heat", 1995, filters)).await;
    on_two_indexers(&h);
    let summary = h.check().await;
    assert_eq!(summary.new_matches, 1);
    assert_eq!(last_search_indexer_ids(&h), vec!["3"]);
}

/// Heat on indexer 3 ("Chosen") and another release of it on indexer 4 ("Elsewhere").
fn on_two_indexers(h: &Harness) {
    h.prowlarr.add_releases([
        release(HEAT)
            .guid("a")
            .indexer(3, "Chosen")
            .build_for(&h.prowlarr),
        release("Heat.1995.720p.BluRay.x264-OTHER")
            .guid("b")
            .indexer(4, "Elsewhere")
            .build_for(&h.prowlarr),
    ]);
}

/// The `indexerIds` of the last search by name the fake answered.
fn last_search_indexer_ids(h: &Harness) -> Vec<String> {
    let search = h
        .prowlarr
        .recorded()
        .into_iter()
        .rev()
        .find(|r| r.path == "/api/v1/search")
        .unwrap();
    search
        .query
        .iter()
        .filter(|(k, _)| k == "indexerIds")
        .map(|(_, v)| v.clone())
        .collect()
}

#[tokio::test]
async fn indexers_given_by_name_restrict_the_search_to_their_ids_in_prowlarr() {
    let h = Harness::new().await;
    let filters = ItemFilters {
        indexers: vec![IndexerRef::Name(" chosen ".into())],
        ..Default::default()
    };
    h.add_spec(movie_spec("Heat", 1995, filters)).await;
    on_two_indexers(&h);
    let summary = h.check().await;
    assert_eq!(summary.new_matches, 1);
    assert_eq!(last_search_indexer_ids(&h), vec!["3"]);
    assert!(
        h.prowlarr
            .recorded()
            .iter()
            .any(|r| r.path == "/api/v1/indexer"),
        "the names were looked up"
    );

    // A name Prowlarr does not know: every indexer is searched, and the filter refuses what the others found.
    let h = Harness::new().await;
    let filters = ItemFilters {
        indexers: vec![IndexerRef::Name("Gone".into())],
        ..Default::default()
    };
    h.add_spec(movie_spec("Heat", 1995, filters)).await;
    h.prowlarr.add_release(
        release(HEAT)
            .guid("a")
            .indexer(3, "Chosen")
            .build_for(&h.prowlarr),
    );
    let summary = h.check().await;
    assert_eq!(summary.new_matches, 0);
    assert!(last_search_indexer_ids(&h).is_empty());
}

#[tokio::test]
async fn without_named_indexers_the_indexer_list_is_not_asked_for() {
    let h = Harness::new().await;
    h.add_spec(movie_spec("Heat", 1995, ItemFilters::default()))
        .await;
    // Found, so the check has no reason to read Prowlarr's health (which lists the indexers).
    h.prowlarr
        .add_release(release(HEAT).guid("a").build_for(&h.prowlarr));
    assert_eq!(h.check().await.new_matches, 1);
    assert!(
        !h.prowlarr
            .recorded()
            .iter()
            .any(|r| r.path == "/api/v1/indexer")
    );
}

#[tokio::test]
async fn an_alias_finds_releases_under_the_other_title() {
    let h = Harness::new().await;
    h.add_spec(ItemSpec {
        aliases: vec!["Le Prestige".into()],
        ..movie_spec("The Prestige", 2006, ItemFilters::default())
    })
    .await;
    h.prowlarr.add_release(
        release("Le.Prestige.2006.FRENCH.1080p.BluRay.x264-LOST")
            .guid("fr")
            .build_for(&h.prowlarr),
    );
    assert_eq!(h.check().await.new_matches, 1);
}

#[tokio::test]
async fn the_same_release_on_several_indexers_is_one_line_listed_best_first() {
    let h = Harness::new().await;
    let item = h.add("Heat", ItemKind::Movie, Some(1995)).await;
    h.prowlarr.add_releases([
        release("Heat.1995.1080p.WEB-DL.x264-WEBGRP")
            .guid("w")
            .seeders(100)
            .build_for(&h.prowlarr),
        release(HEAT)
            .guid("a")
            .indexer(1, "Alpha")
            .seeders(5)
            .build_for(&h.prowlarr),
        release("heat 1995 1080p bluray x264-GRP")
            .guid("b")
            .indexer(2, "Beta")
            .seeders(40)
            .build_for(&h.prowlarr),
        release("Heat.1995.2160p.UHD.BluRay.x265-OTHER")
            .guid("u")
            .indexer(1, "Alpha")
            .seeders(1)
            .build_for(&h.prowlarr),
    ]);
    let summary = h.check().await;
    assert_eq!(
        summary.new_matches, 3,
        "the cross-posted release is one match"
    );
    h.deliver().await;
    let messages = h.telegram.messages();
    assert_eq!(messages.len(), 1);
    let text = &messages[0].plain;
    assert!(text.contains("3 releases"), "{text}");
    let lines: Vec<&str> = text.lines().filter(|l| l.starts_with('•')).collect();
    assert_eq!(lines.len(), 3, "{text}");
    // Resolution first, then source (BluRay above WEB-DL whatever the seeders).
    assert!(lines[0].contains("2160p"), "{text}");
    assert!(
        lines[1].contains("BluRay.x264-GRP") || lines[1].contains("bluray x264-GRP"),
        "{text}"
    );
    assert!(lines[1].contains("Alpha, Beta"), "indexers merged: {text}");
    assert!(
        lines[1].contains("40 seeders"),
        "the best count of the indexers: {text}"
    );
    assert!(lines[2].contains("WEB-DL"), "{text}");

    let history = h.store.found_releases(Some(item.id), 10).await.unwrap();
    assert_eq!(history.len(), 3);
    let merged = history
        .iter()
        .find(|r| r.title.contains("GRP") && r.title.contains("1080p") && !r.title.contains("WEB"))
        .unwrap();
    let indexers: Vec<String> = serde_json::from_str(&merged.indexers).unwrap();
    assert_eq!(indexers, vec!["Alpha", "Beta"]);
}

impl Harness {
    /// Offers one more release (the fake keeps the earlier ones) under a guid of its own.
    fn offer(&self, title: &str) {
        self.prowlarr
            .add_release(release(title).guid(title).build_for(&self.prowlarr));
    }
}

#[tokio::test]
async fn a_repack_of_an_announced_episode_is_notified_as_a_repack() {
    let h = Harness::new().await;
    h.add("Severance", ItemKind::Series, None).await;
    h.offer("Severance.S02E05.1080p.ATVP.WEB-DL.DDP5.1.H.264-NTb");
    h.check().await;
    h.deliver().await;

    h.offer("Severance.S02E05.REPACK.1080p.ATVP.WEB-DL.DDP5.1.H.264-NTb");
    let summary = h.check().await;
    assert_eq!((summary.new_matches, summary.notifications_queued), (1, 1));
    h.deliver().await;
    let messages = h.telegram.messages();
    assert_eq!(messages.len(), 2);
    let text = &messages[1].plain;
    assert!(text.contains("1 REPACK/PROPER"), "{text}");
    assert!(
        text.contains("REPACK of an announced release: Severance.S02E05.REPACK"),
        "{text}"
    );
}

#[tokio::test]
async fn another_release_of_an_announced_episode_waits_for_the_items_next_message() {
    let h = Harness::new().await;
    h.add("Severance", ItemKind::Series, None).await;
    h.offer("Severance.S02E05.1080p.ATVP.WEB-DL.DDP5.1.H.264-NTb");
    h.check().await;
    h.deliver().await;

    // The same episode in the same quality from another group: not a message of its own.
    h.offer("Severance.S02E05.1080p.ATVP.WEB-DL.DDP5.1.H.264-FLUX");
    let summary = h.check().await;
    assert_eq!((summary.new_matches, summary.notifications_queued), (1, 0));
    h.deliver().await;
    assert_eq!(h.telegram.messages().len(), 1);

    // The next episode is news; the other release comes with it, after it.
    h.offer("Severance.S02E06.1080p.ATVP.WEB-DL.DDP5.1.H.264-NTb");
    let summary = h.check().await;
    assert_eq!((summary.new_matches, summary.notifications_queued), (1, 1));
    h.deliver().await;
    let messages = h.telegram.messages();
    assert_eq!(messages.len(), 2);
    let text = &messages[1].plain;
    assert!(text.contains("1 new release, 1 other release"), "{text}");
    let lines: Vec<&str> = text.lines().filter(|l| l.starts_with('•')).collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].contains("S02E06"), "{text}");
    assert!(
        lines[1].contains("another release: Severance.S02E05") && lines[1].contains("FLUX"),
        "{text}"
    );

    // Nothing is owed any more.
    let again = h.check().await;
    assert_eq!((again.new_matches, again.notifications_queued), (0, 0));
}

#[tokio::test]
async fn a_better_quality_of_an_announced_film_is_said_as_such() {
    let h = Harness::new().await;
    h.add("Heat", ItemKind::Movie, Some(1995)).await;
    h.offer("Heat.1995.720p.BluRay.x264-GRP");
    h.check().await;
    h.offer("Heat.1995.2160p.UHD.BluRay.x265-GRP");
    h.offer("Heat.1995.720p.WEB-DL.x264-OTHER");
    let summary = h.check().await;
    assert_eq!(summary.notifications_queued, 1);
    h.deliver().await;
    let text = &h.telegram.messages()[1].plain;
    assert!(
        text.contains("1 in better quality, 1 other release"),
        "{text}"
    );
    assert!(text.contains("better quality: Heat.1995.2160p"), "{text}");
}
