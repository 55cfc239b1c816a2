//! The store on a disk that fails it, and shared by two processes: a read-only disk, a full disk (real ones:
//! small tmpfs mounts, so the errors come from the kernel through SQLite as they would on a user's machine),
//! two stores opening one new file at once, and two delivery workers on one outbox.
//!
//! Mounting needs root (CI runs as root). Where it is impossible the disk tests print why and pass without
//! running; the other tests always run.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic: that is the failure report

mod common;

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use nightwatcher_engine::channel::{Channel, ChannelId, Sending};
use nightwatcher_engine::events::Events;
use nightwatcher_engine::model::ValidItem;
use nightwatcher_engine::news::Notice;
use nightwatcher_engine::notify::{self, Delivery, DeliveryConfig};
use nightwatcher_engine::prowlarr::Protocol;
use nightwatcher_engine::store::{self, MatchRecord, ReleaseRecord, Store, StoreError};
use nightwatcher_testkit::disk::Tmpfs;
use tokio_util::sync::CancellationToken;

fn movie(title: &str) -> ValidItem {
    common::movie(title, 2024)
}

fn releases(prefix: &str, n: usize) -> Vec<ReleaseRecord> {
    (0..n)
        .map(|i| ReleaseRecord {
            indexer_id: 1,
            guid: format!("{prefix}-{i}"),
            title: format!("{prefix}.2024.1080p.WEB-DL.x264-GRP{i}"),
            release_key: format!("{prefix} 2024 1080p web dl x264 grp{i}"),
            indexer: Some("Alpha".into()),
            size: Some(1 << 30),
            seeders: Some(5),
            protocol: Protocol::Torrent,
            published_at: None,
            info_url: None,
            poster_url: None,
        })
        .collect()
}

fn accepted(n: usize) -> Vec<MatchRecord> {
    (0..n).map(|i| MatchRecord::accepted(i, 10)).collect()
}

/// A file's length and a hash of its bytes: enough to tell a change, short enough to print.
fn contents(path: &Path) -> (usize, u64) {
    use std::hash::{Hash, Hasher};
    let bytes = std::fs::read(path).unwrap();
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    (bytes.len(), hasher.finish())
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn a_read_only_disk_is_refused_with_what_to_do_and_the_file_is_unchanged() {
    let Some(disk) = Tmpfs::mount("4m") else {
        return;
    };
    let db = disk.path().join("nw.db");
    let store = Store::open(&db).await.unwrap();
    store.add_item(&movie("Heat")).await.unwrap();
    store.add_item(&movie("Ronin")).await.unwrap();
    let before = store.items().await.unwrap();
    store.close().await;
    disk.remount("ro").await;
    let bytes = contents(&db);
    let files = files_in(disk.path());

    let err = Store::open(&db)
        .await
        .err()
        .expect("a read-only disk is refused");
    let message = err.to_string();
    assert!(
        matches!(err, StoreError::ReadOnly { .. }),
        "not a read-only error: {message}"
    );
    assert!(message.contains(&db.display().to_string()), "{message}");
    assert!(message.contains("is read-only"), "{message}");
    assert!(message.contains("Read-only file system"), "{message}");
    assert!(message.contains("writable"), "what to do: {message}");
    // A new database in a read-only folder says the same.
    let fresh = disk.path().join("new.db");
    let err = Store::open(&fresh).await.err().expect("refused");
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
    assert!(
        err.to_string().contains(&fresh.display().to_string()),
        "{err}"
    );

    assert_eq!(contents(&db), bytes, "the file is unchanged");
    assert_eq!(
        files_in(disk.path()),
        files,
        "nothing was created beside it"
    );
    disk.remount("rw").await;
    let store = Store::open(&db).await.unwrap();
    assert_eq!(store.integrity_check().await.unwrap(), "ok");
    assert_eq!(store.items().await.unwrap(), before);
    store.close().await;
}

#[tokio::test]
async fn a_full_disk_refuses_each_write_whole_and_the_store_works_again_when_space_is_freed() {
    let Some(disk) = Tmpfs::mount("4m") else {
        return;
    };
    let db = disk.path().join("nw.db");
    let store = Store::open(&db).await.unwrap();
    let heat = store.add_item(&movie("Heat")).await.unwrap();
    let ronin = store.add_item(&movie("Ronin")).await.unwrap();
    store
        .record_search(heat.id, None, &releases("Heat", 3), &accepted(3))
        .await
        .unwrap();
    let items_before = store.items().await.unwrap();
    let found_before = store.found_releases(None, 1000).await.unwrap();
    assert_eq!(found_before.len(), 3);

    let filler = disk.fill();
    let is_disk_full = |e: &StoreError, file: &Path| {
        let message = e.to_string();
        assert!(
            matches!(e, StoreError::DiskFull { .. }),
            "not a disk-full error: {message}"
        );
        assert!(message.contains(&file.display().to_string()), "{message}");
        assert!(message.contains("free some space"), "{message}");
    };

    // An import of many items: all or nothing.
    let many: Vec<ValidItem> = (0..2000)
        .map(|i| {
            movie(&format!(
                "Imported Film Number {i:04} With A Long Enough Title"
            ))
        })
        .collect();
    let err = store.import_items(&many).await.unwrap_err();
    is_disk_full(&err, &db);
    assert_eq!(store.items().await.unwrap(), items_before);

    // A check's matches for an item: its releases, matches and baseline together, or none of them.
    let err = store
        .record_search(ronin.id, None, &releases("Ronin", 3000), &accepted(3000))
        .await
        .unwrap_err();
    is_disk_full(&err, &db);
    assert_eq!(
        store.found_releases(None, 10_000).await.unwrap(),
        found_before
    );
    assert!(!store.has_baseline(ronin.id).await.unwrap());

    // Items added one at a time until one does not fit: that one is not stored, the others are.
    let mut added = Vec::new();
    let err = loop {
        assert!(added.len() < 20_000, "the disk never filled up");
        match store
            .add_item(&movie(&format!("Added One By One {:05}", added.len())))
            .await
        {
            Ok(item) => added.push(item),
            Err(e) => break e,
        }
    };
    is_disk_full(&err, &db);
    assert_eq!(
        store.items().await.unwrap().len(),
        items_before.len() + added.len()
    );

    // A new database on the full disk is refused the same way.
    let other = disk.path().join("other.db");
    let err = Store::open(&other).await.err();
    is_disk_full(
        &err.expect("a new database on a full disk is refused"),
        &other,
    );

    std::fs::remove_file(filler).unwrap();
    store
        .add_item(&movie("After The Space Was Freed"))
        .await
        .unwrap();
    store.import_items(&many[..500]).await.unwrap();
    store
        .record_search(ronin.id, None, &releases("Ronin", 3), &accepted(3))
        .await
        .unwrap();
    assert_eq!(store.integrity_check().await.unwrap(), "ok");
    let items = store.items().await.unwrap();
    assert_eq!(items[..items_before.len()], items_before[..]);
    assert_eq!(items.len(), items_before.len() + added.len() + 1 + 500);
    let found = store.found_releases(Some(heat.id), 1000).await.unwrap();
    let heat_before: Vec<_> = found_before
        .iter()
        .filter(|f| f.item_id == heat.id)
        .cloned()
        .collect();
    assert_eq!(found, heat_before, "what was stored before is intact");
    store.close().await;

    let store = Store::open(&db).await.unwrap();
    assert_eq!(store.integrity_check().await.unwrap(), "ok");
    store.close().await;
}

#[tokio::test]
async fn two_stores_opening_one_new_database_at_once_both_open_it() {
    for round in 0..10 {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("shared.db");
        let (a, b) = tokio::join!(Store::open(&db), Store::open(&db));
        let (a, b) = match (a, b) {
            (Ok(a), Ok(b)) => (a, b),
            (a, b) => panic!(
                "round {round}: {:?} / {:?}",
                a.err().map(|e| e.to_string()),
                b.err().map(|e| e.to_string())
            ),
        };
        a.add_item(&movie("Heat")).await.unwrap();
        assert_eq!(b.items().await.unwrap().len(), 1);
        assert_eq!(b.integrity_check().await.unwrap(), "ok");
        a.close().await;
        b.close().await;
    }
}

/// A Telegram double that takes its time, as the real one does, and remembers every message.
struct SlowSender {
    sent: Arc<Mutex<Vec<String>>>,
}

impl Channel for SlowSender {
    fn id(&self) -> ChannelId {
        ChannelId::Telegram
    }
    fn send<'a>(&'a self, notice: &'a Notice) -> Sending<'a> {
        Box::pin(async move {
            tokio::time::sleep(Duration::from_millis(20)).await;
            let mut sent = self.sent.lock().unwrap();
            sent.extend(
                nightwatcher_engine::telegram::render(notice)
                    .into_iter()
                    .map(|m| m.text),
            );
            Ok(())
        })
    }
}

fn delivery(store: &Store, sent: &Arc<Mutex<Vec<String>>>, lease: Duration) -> Delivery {
    Delivery::new(
        store.clone(),
        vec![Arc::new(SlowSender { sent: sent.clone() })],
        Events::new(),
        DeliveryConfig {
            min_interval: Duration::ZERO,
            lease,
            ..DeliveryConfig::default()
        },
    )
}

/// `n` items with one new release each, announced into the outbox: `n` messages owed (five or fewer
/// items with news make one message each).
async fn owe_messages(store: &Store, prefix: &str, n: usize) -> Vec<String> {
    let mut titles = Vec::new();
    for i in 0..n {
        let item = store
            .add_item(&movie(&format!("{prefix} {i}")))
            .await
            .unwrap();
        let release = releases(&format!("{prefix}.{i}"), 1);
        titles.push(release[0].title.clone());
        store
            .record_search(item.id, None, &release, &accepted(1))
            .await
            .unwrap();
    }
    let announced = notify::announce(store, &[ChannelId::Telegram])
        .await
        .unwrap();
    assert_eq!(announced.queued, n);
    titles
}

fn times_each_was_sent(titles: &[String], sent: &[String]) -> HashMap<String, usize> {
    titles
        .iter()
        .map(|t| {
            let n = sent.iter().filter(|text| text.contains(t.as_str())).count();
            (t.clone(), n)
        })
        .collect()
}

#[tokio::test]
async fn two_processes_delivering_one_outbox_send_each_notification_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shared.db");
    // Two pools on one file: to SQLite, two processes.
    let app = Store::open(&db).await.unwrap();
    let daemon = Store::open(&db).await.unwrap();
    let sent = Arc::new(Mutex::new(Vec::new()));
    let mut titles = Vec::new();
    for round in 0..4 {
        titles.extend(owe_messages(&app, &format!("Round{round}"), 5).await);
        let (a, b) = (
            delivery(&app, &sent, Duration::from_secs(60)),
            delivery(&daemon, &sent, Duration::from_secs(60)),
        );
        let cancel = CancellationToken::new();
        let (ra, rb) = tokio::join!(a.deliver_due(&cancel), b.deliver_due(&cancel));
        assert_eq!(ra.unwrap().sent + rb.unwrap().sent, 5, "round {round}");
    }
    let sent = sent.lock().unwrap().clone();
    let counts = times_each_was_sent(&titles, &sent);
    assert!(
        counts.values().all(|&n| n == 1),
        "each release is announced exactly once: {counts:?}"
    );
    let outbox = daemon.notification_counts().await.unwrap();
    assert_eq!((outbox.sent, outbox.pending, outbox.failed), (20, 0, 0));
    app.close().await;
    daemon.close().await;
}

#[tokio::test]
async fn a_notification_claimed_by_a_process_that_died_is_sent_once_its_lease_ends() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("lease.db")).await.unwrap();
    let titles = owe_messages(&store, "Leased", 1).await;
    // A process claims it and is killed before sending.
    let now = store::now();
    let claimed = store.claim_due(now, now + 1, &["telegram"]).await.unwrap();
    assert!(claimed.is_some());
    assert_eq!(
        store.claim_due(now, now + 1, &["telegram"]).await.unwrap(),
        None,
        "a claimed notification is nobody else's while the lease lasts"
    );

    let sent = Arc::new(Mutex::new(Vec::new()));
    let report = delivery(&store, &sent, Duration::from_secs(1))
        .drain(Duration::from_secs(20), &CancellationToken::new())
        .await
        .unwrap();
    assert_eq!(report.sent, 1);
    let counts = times_each_was_sent(&titles, &sent.lock().unwrap());
    assert_eq!(counts.values().copied().collect::<Vec<_>>(), [1]);
    let outbox = store.notification_counts().await.unwrap();
    assert_eq!((outbox.sent, outbox.pending), (1, 0));
    store.close().await;
}

/// A Telegram that takes the request and never answers.
struct SilentSender;

impl Channel for SilentSender {
    fn id(&self) -> ChannelId {
        ChannelId::Telegram
    }
    fn send<'a>(&'a self, _notice: &'a Notice) -> Sending<'a> {
        Box::pin(std::future::pending())
    }
}

#[tokio::test]
async fn a_send_that_never_ends_is_given_up_before_its_lease_lets_another_process_send_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("silent.db");
    let app = Store::open(&db).await.unwrap();
    let titles = owe_messages(&app, "Silent", 1).await;
    let lease = Duration::from_secs(6);
    let config = DeliveryConfig {
        min_interval: Duration::ZERO,
        lease,
        ..DeliveryConfig::default()
    };
    let stuck = Delivery::new(
        app.clone(),
        vec![Arc::new(SilentSender)],
        Events::new(),
        config.clone(),
    );
    // The pass ends (it would wait forever for the send) before the lease does, with the notification put
    // off for a retry rather than left claimed.
    let report = tokio::time::timeout(lease, stuck.deliver_due(&CancellationToken::new()))
        .await
        .expect("the send is given up within the lease")
        .unwrap();
    assert_eq!((report.sent, report.retried), (0, 1));
    let outbox = app.notification_counts().await.unwrap();
    assert_eq!((outbox.pending, outbox.sent), (1, 0));

    // Another process sends it once it is due: once in all.
    let daemon = Store::open(&db).await.unwrap();
    let sent = Arc::new(Mutex::new(Vec::new()));
    let report = delivery(&daemon, &sent, lease)
        .drain(Duration::from_secs(30), &CancellationToken::new())
        .await
        .unwrap();
    assert_eq!(report.sent, 1);
    let counts = times_each_was_sent(&titles, &sent.lock().unwrap());
    assert_eq!(counts.values().copied().collect::<Vec<_>>(), [1]);
    app.close().await;
    daemon.close().await;
}

#[tokio::test]
async fn a_check_on_a_full_disk_shows_a_storage_problem_until_space_is_freed() {
    use nightwatcher_engine::secrets::{MemoryStore, Secret, SecretName, SecretStore};
    use nightwatcher_engine::service::{Service, ServiceOptions};
    use nightwatcher_engine::settings::{self, SettingKey};
    use nightwatcher_testkit::prowlarr::FakeProwlarr;

    let Some(disk) = Tmpfs::mount("4m") else {
        return;
    };
    let db = disk.path().join("nw.db");
    let store = Store::open(&db).await.unwrap();
    let heat = store.add_item(&movie("Heat")).await.unwrap();
    let prowlarr = FakeProwlarr::start("storage-key-0001").await;
    settings::set(&store, SettingKey::ProwlarrUrl, &prowlarr.url())
        .await
        .unwrap();
    let secrets = Arc::new(MemoryStore::default());
    secrets
        .set(SecretName::ProwlarrApiKey, &Secret::new("storage-key-0001"))
        .unwrap();
    let options = ServiceOptions {
        first_check_after: common::ON_DEMAND,
        ..ServiceOptions::default()
    };
    let service = Service::start_with(store.clone(), secrets, Events::new(), options).await;

    // Full to the last byte, and the space SQLite's log had already taken used up by one-row writes, the size
    // of the check's first one.
    let filler = disk.fill();
    for i in 0.. {
        assert!(i < 20_000, "the disk never filled up");
        if store.mark_searched(heat.id, i).await.is_err() {
            break;
        }
    }
    service.check_now();
    let status =
        common::status_where(&service, Duration::from_secs(30), |s| s.problem.is_some()).await;
    let shown = serde_json::to_value(&status).unwrap();
    assert_eq!(shown["problem"]["kind"], "storage", "{shown}");
    let message = shown["problem"]["message"].as_str().unwrap();
    assert!(
        message.contains("is full") && message.contains(&db.display().to_string()),
        "{message}"
    );

    std::fs::remove_file(filler).unwrap();
    service.check_now();
    common::status_where(&service, Duration::from_secs(30), |s| {
        s.problem.is_none() && s.last_check.as_ref().is_some_and(|c| c.status == "ok")
    })
    .await;
    service.shutdown().await;
    let store = Store::open(&db).await.unwrap();
    assert_eq!(store.integrity_check().await.unwrap(), "ok");
    store.close().await;
}
