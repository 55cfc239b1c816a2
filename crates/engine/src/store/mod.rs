//! The SQLite store: the pool, migrations, and every SQL statement of the engine.
//!
//! One file holds all SQL so the schema and its queries change together. The pool is small (SQLite has one
//! writer) and in WAL mode so readers never wait for the writer; a busy timeout makes concurrent writers
//! (the watcher's parallel searches, a second process on the same file) queue instead of failing.
//! Writes that decide something from what they read (composing notifications, migrating) run in
//! `BEGIN IMMEDIATE` transactions so two processes cannot both act on the same rows; a notification is claimed
//! for delivery in one `UPDATE ... RETURNING` with a lease ([`Store::claim_due`]), so it is sent by one process.
//! A write that fails because the disk is full or read-only says so, naming the file; its transaction is
//! rolled back whole.
//!
//! Queries are checked by tests against real migrated files rather than by `sqlx::query!` macros, which would
//! need a database or a prepared `.sqlx` cache at build time.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Connection, Row, SqlitePool};

use crate::model::{ItemKind, ValidItem, WatchlistItem};
use crate::prowlarr::Protocol;

mod grabs;
mod leases;

pub use grabs::{Grab, GrabRelease, GrabStart, GrabStatus, SENDING_LEASE_SECS};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations");

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "cannot open the database at {path}: {cause}. Check that the directory exists and is writable, or choose another file with --db"
    )]
    Open { path: PathBuf, cause: sqlx::Error },
    #[error(
        "cannot create the data directory {path}: {source}. Create it yourself, or choose another file with --db or NIGHTWATCHER_DB"
    )]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "cannot find a data directory for this user (no HOME or XDG_DATA_HOME): pass --db PATH or set NIGHTWATCHER_DB"
    )]
    NoDataDir,
    #[error("the database could not be migrated to this version of NightWatcher: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error(
        "the database at {path} is read-only ({reason}): NightWatcher has to write to it. Make the file, its folder and the -wal and -shm files beside it writable by this user (or mount the disk read-write), or choose another file with --db or NIGHTWATCHER_DB"
    )]
    ReadOnly { path: PathBuf, reason: String },
    #[error(
        "the disk holding the database at {path} is full, so this change was not saved (nothing of it was kept): free some space on that disk, then try again"
    )]
    DiskFull { path: PathBuf },
    #[error("no watchlist item with id {0}")]
    NoSuchItem(i64),
    #[error("database error: {0}")]
    Sql(#[from] sqlx::Error),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Unix seconds now.
pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

#[derive(Clone)]
pub struct Store {
    pool: SqlitePool,
    /// The database file, for errors about the disk it is on.
    path: Arc<Path>,
}

/// SQLite's primary result codes this store tells apart (`sqlite3.h`).
const SQLITE_BUSY: i64 = 5;
const SQLITE_READONLY: i64 = 8;
const SQLITE_FULL: i64 = 13;

/// Extending the `-shm` file failed: a new connection to a database on a full disk gets this, not SQLITE_FULL.
const SQLITE_IOERR_SHMSIZE: i64 = 10 | (19 << 8);

/// The SQLite extended result code of an error, if SQLite returned one (its low byte is the primary code).
fn sqlite_code(e: &sqlx::Error) -> Option<i64> {
    e.as_database_error()?.code()?.parse::<i64>().ok()
}

impl StoreError {
    /// Says which file when SQLite could not write for a reason of the disk: full, or read-only.
    fn on_disk(self, path: &Path) -> StoreError {
        let code = match &self {
            StoreError::Sql(e) | StoreError::Open { cause: e, .. } => sqlite_code(e),
            StoreError::Migrate(sqlx::migrate::MigrateError::Execute(e)) => sqlite_code(e),
            _ => None,
        };
        match code {
            Some(c) if c & 0xff == SQLITE_FULL || c == SQLITE_IOERR_SHMSIZE => {
                StoreError::DiskFull {
                    path: path.to_owned(),
                }
            }
            Some(c) if c & 0xff == SQLITE_READONLY => StoreError::ReadOnly {
                path: path.to_owned(),
                reason: "SQLite could not write to it".into(),
            },
            _ => self,
        }
    }
}

/// A release as recorded from a search. Only http(s) links; never download or magnet links.
#[derive(Debug, Clone, PartialEq)]
pub struct ReleaseRecord {
    pub indexer_id: i64,
    pub guid: String,
    pub title: String,
    pub release_key: String,
    pub indexer: Option<String>,
    pub size: Option<i64>,
    pub seeders: Option<i64>,
    pub protocol: Protocol,
    pub published_at: Option<i64>,
    pub info_url: Option<String>,
    pub poster_url: Option<String>,
}

/// What has happened to an item so far.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct ItemState {
    pub found: i64,
    pub last_error: Option<String>,
    pub last_checked_at: Option<i64>,
}

/// A release of the item found by a search, as the matcher judged it.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchRecord {
    /// Index into the search's releases.
    pub index: usize,
    /// `matcher::quality_score`.
    pub quality: i64,
    /// `rule: reason` when a filter refused it: kept in the history, never notified.
    pub rejected: Option<String>,
    /// What it is of (`S02E05`, `movie`...; see the `matches.episode_key` column).
    pub episode_key: Option<String>,
    /// `proper` or `repack`.
    pub revision: Option<&'static str>,
}

impl MatchRecord {
    pub fn accepted(index: usize, quality: i64) -> Self {
        MatchRecord {
            index,
            quality,
            rejected: None,
            episode_key: None,
            revision: None,
        }
    }
}

/// A match the store had not seen before (or had seen refused, and now passes).
#[derive(Debug, Clone, PartialEq)]
pub struct NewMatch {
    pub match_id: i64,
    pub release_title: String,
    pub indexer: Option<String>,
}

/// What one item's search added.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchRecord {
    pub releases_seen: usize,
    pub new_matches: Vec<NewMatch>,
    /// Releases of the item a filter refused, recorded in the history.
    pub rejected: usize,
}

/// A match owed a notification, with what the message needs.
#[derive(Debug, Clone, PartialEq)]
pub struct UnannouncedMatch {
    pub match_id: i64,
    pub item_id: i64,
    pub item_title: String,
    pub item_year: Option<u16>,
    pub initial: bool,
    pub title: String,
    pub release_key: String,
    /// `matcher::quality_score`.
    pub quality: i64,
    pub size: Option<i64>,
    /// The most any indexer listing this release reported.
    pub seeders: Option<i64>,
    pub protocol: Protocol,
    pub published_at: Option<i64>,
    pub info_url: Option<String>,
    pub poster_url: Option<String>,
    /// Every indexer that carried this release (cross-posts are one match).
    pub indexers: Vec<String>,
    /// What it is of (`S02E05`, `movie`...), `None` when it cannot be placed.
    pub episode_key: Option<String>,
    /// `proper` or `repack`.
    pub revision: Option<String>,
    /// The best quality of this item's releases of the same episode already announced; `None` when none
    /// was: the episode is news.
    pub announced_best: Option<i64>,
    /// A release of the same episode in the same quality was announced already.
    pub announced_same_quality: bool,
}

/// What a notification says. Stored and serialized as `summary` (the first message about an item: what
/// exists already), `new` (releases new since) and `digest` (many items' news in one message).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    serde::Serialize,
    serde::Deserialize,
    sqlx::Type,
    strum::IntoStaticStr,
    strum::VariantNames,
)]
#[serde(rename_all = "lowercase")]
#[sqlx(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum NotificationKind {
    Summary,
    New,
    Digest,
}

crate::closed_set!(NotificationKind);

/// A notification to insert into the outbox, and the matches it announces.
#[derive(Debug, Clone, PartialEq)]
pub struct OutboxEntry {
    pub channel: String,
    pub kind: NotificationKind,
    pub item_id: Option<i64>,
    pub payload: String,
    pub match_ids: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct PendingNotification {
    pub id: i64,
    pub channel: String,
    pub kind: NotificationKind,
    pub payload: String,
    pub attempts: i64,
}

#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct NotificationCounts {
    pub pending: i64,
    pub sent: i64,
    pub failed: i64,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, sqlx::FromRow)]
pub struct FailedNotification {
    pub id: i64,
    pub kind: NotificationKind,
    pub item_id: Option<i64>,
    pub attempts: i64,
    pub reason: String,
    pub created_at: i64,
}

/// How a check ended, or that it is running. Stored and serialized as `running`, `ok`, `failed`, `cancelled`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    serde::Serialize,
    serde::Deserialize,
    sqlx::Type,
    strum::IntoStaticStr,
    strum::VariantNames,
)]
#[serde(rename_all = "lowercase")]
#[sqlx(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum RunStatus {
    Running,
    Ok,
    Failed,
    Cancelled,
}

crate::closed_set!(RunStatus);

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, sqlx::FromRow)]
pub struct RunRecord {
    pub id: i64,
    pub started_at: i64,
    pub finished_at: Option<i64>,
    pub status: RunStatus,
    pub items: i64,
    pub searches: i64,
    pub releases_seen: i64,
    pub new_matches: i64,
    pub errors: i64,
    pub notifications_queued: i64,
    pub duration_ms: i64,
    pub error: Option<String>,
}

/// The figures a finished check writes into its run row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunFigures {
    pub items: i64,
    pub searches: i64,
    pub releases_seen: i64,
    pub new_matches: i64,
    pub errors: i64,
    pub notifications_queued: i64,
    pub duration_ms: i64,
}

/// A found release for history views, newest first.
#[derive(Debug, Clone, PartialEq, serde::Serialize, sqlx::FromRow)]
pub struct FoundRelease {
    pub match_id: i64,
    pub item_id: i64,
    pub item_title: String,
    pub title: String,
    pub indexer: Option<String>,
    /// Every indexer that listed this release (the same release on several indexers is one), as a JSON
    /// array of names.
    #[serde(serialize_with = "json_text")]
    pub indexers: String,
    /// `rule: reason` when a filter of the item refused the release: it was not notified.
    pub rejected: Option<String>,
    pub size: Option<i64>,
    pub seeders: Option<i64>,
    pub protocol: Protocol,
    pub published_at: Option<i64>,
    pub info_url: Option<String>,
    pub found_at: i64,
    /// Where its grab stands, when one was asked; with who asked, the download client or the error.
    pub grab_status: Option<GrabStatus>,
    pub grab_face: Option<String>,
    pub grab_client: Option<String>,
    pub grab_error: Option<String>,
    pub grab_at: Option<i64>,
}

/// A JSON text column written out as the JSON it holds (an unreadable one as `[]`).
fn json_text<S: serde::Serializer>(text: &str, s: S) -> std::result::Result<S::Ok, S::Error> {
    use serde::Serialize;
    serde_json::from_str::<serde_json::Value>(text)
        .unwrap_or_else(|_| serde_json::Value::Array(Vec::new()))
        .serialize(s)
}

/// The indexers listing a release (by its key), as a JSON array: SQL shared by the outbox and the history.
const INDEXERS_OF_RELEASE: &str = "(SELECT json_group_array(indexer) FROM
    (SELECT DISTINCT COALESCE(r2.indexer, 'indexer ' || r2.indexer_id) AS indexer
     FROM releases r2 WHERE r2.release_key = r.release_key ORDER BY r2.id))";

/// What the database files look like on disk (size and modification time of the file and of its WAL). Any
/// commit, by this process or another, changes it; see [`Store::fingerprint`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint([(u64, std::time::SystemTime); 2]);

impl Store {
    /// The database files' [`Fingerprint`], from two `stat`s: no query, so a cache can ask it on every read
    /// and still see another process's writes at once. File times are coarse (a few milliseconds): two
    /// commits in one tick that leave the WAL's size alone look the same, so a cache keyed on it also bounds
    /// the age of what it keeps. `None` when the files cannot be read (then nothing should be cached).
    pub fn fingerprint(&self) -> Option<Fingerprint> {
        let stat = |path: &Path| {
            std::fs::metadata(path)
                .ok()
                .and_then(|m| Some((m.len(), m.modified().ok()?)))
        };
        let mut wal = self.path.as_os_str().to_owned();
        wal.push("-wal");
        Some(Fingerprint([
            stat(&self.path)?,
            stat(Path::new(&wal)).unwrap_or((0, std::time::UNIX_EPOCH)),
        ]))
    }

    /// `$XDG_DATA_HOME/nightwatcher/nightwatcher.db` (the OS data directory).
    pub fn default_path() -> Result<PathBuf> {
        let dirs =
            directories::ProjectDirs::from("", "", "nightwatcher").ok_or(StoreError::NoDataDir)?;
        Ok(dirs.data_dir().join("nightwatcher.db"))
    }

    /// Opens (creating if needed) the database file and applies pending migrations.
    ///
    /// A database this process cannot write is refused here, with what to do, rather than at the first write.
    /// Migrations run in one `BEGIN IMMEDIATE` transaction, so two processes opening the same file at once
    /// (the app and the daemon, say, after an upgrade) apply them once: the second waits and finds them done.
    pub async fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
                path: dir.to_owned(),
                source,
            })?;
        }
        check_writable(path)?;
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
            // 1 MiB of page cache a connection instead of SQLite's 2 MiB: the watchlist and its history are
            // read in a few queries a check, from the system's file cache when not from this one.
            .pragma("cache_size", "-1024");
        let mut attempts = 0;
        let pool = loop {
            let connected = SqlitePoolOptions::new()
                // SQLite writes one transaction at a time; each connection is a thread with its own cache.
                .max_connections(2)
                .min_connections(0)
                .idle_timeout(Duration::from_secs(60))
                // A transaction SQLite rolled back by itself (it does on a full disk) leaves sqlx counting it
                // open, and that connection would refuse every later `BEGIN IMMEDIATE` even once space is
                // freed: close it rather than reuse it. The ping lets a dropped transaction's rollback run first.
                .after_release(|conn, _| {
                    Box::pin(async move {
                        conn.ping().await?;
                        Ok(!conn.is_in_transaction())
                    })
                })
                .connect_with(options.clone())
                .await;
            match connected {
                Ok(pool) => break pool,
                // Switching a new file to WAL takes a lock SQLite's busy timeout does not wait for: of two
                // processes creating the database at once, one is told "database is locked". It tries again.
                Err(e)
                    if sqlite_code(&e).is_some_and(|c| c & 0xff == SQLITE_BUSY)
                        && attempts < 100 =>
                {
                    attempts += 1;
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(cause) => {
                    return Err(StoreError::Open {
                        path: path.to_owned(),
                        cause,
                    }
                    .on_disk(path));
                }
            }
        };
        let store = Store {
            pool,
            path: Arc::from(path),
        };
        store.write(store.migrate()).await?;
        Ok(store)
    }

    async fn migrate(&self) -> Result<()> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        // Inside the transaction each migration is a savepoint.
        MIGRATOR.run(&mut *tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Runs a write, naming the database file when the disk is full or read-only.
    async fn write<T>(&self, work: impl Future<Output = Result<T>>) -> Result<T> {
        work.await.map_err(|e| e.on_disk(&self.path))
    }

    /// Closes every connection, so the files are closed (and the last connection's checkpoint has run) when it
    /// returns. sqlx's `Pool::close` can return with one connection still open: a connection being released
    /// when it starts (our `after_release` check runs in a task) goes idle after `close` looked for idle ones,
    /// and stays open until the pool is dropped. Closing again closes it; `size` counts it until then.
    pub async fn close(&self) {
        self.pool.close().await;
        for _ in 0..500 {
            if self.pool.size() == 0 {
                return;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
            self.pool.close().await;
        }
        tracing::warn!(
            open = self.pool.size(),
            "the database still has connections open after closing"
        );
    }

    /// SQLite's own consistency check of the whole file: `"ok"`, or its list of problems, one a line.
    pub async fn integrity_check(&self) -> Result<String> {
        let rows: Vec<(String,)> = sqlx::query_as("PRAGMA integrity_check")
            .fetch_all(&self.pool)
            .await?;
        Ok(rows
            .into_iter()
            .map(|(line,)| line)
            .collect::<Vec<_>>()
            .join("\n"))
    }

    /// Connections currently open (for status figures).
    pub fn connections(&self) -> u32 {
        self.pool.size()
    }

    // ---- watchlist ----

    pub async fn add_item(&self, item: &ValidItem) -> Result<WatchlistItem> {
        self.write(async {
            let mut tx = self.pool.begin().await?;
            let id = insert_item(&mut tx, item).await?;
            tx.commit().await?;
            self.item(id).await
        })
        .await
    }

    /// Inserts every item in one transaction: all or nothing.
    pub async fn import_items(&self, items: &[ValidItem]) -> Result<Vec<i64>> {
        self.write(async {
            let mut tx = self.pool.begin().await?;
            let mut ids = Vec::with_capacity(items.len());
            for item in items {
                ids.push(insert_item(&mut tx, item).await?);
            }
            tx.commit().await?;
            Ok(ids)
        })
        .await
    }

    pub async fn update_item(&self, id: i64, item: &ValidItem) -> Result<WatchlistItem> {
        self.write(async {
            let done = bind_item(
                sqlx::query(
                    "UPDATE items SET title = ?, kind = ?, year = ?, from_season = ?, from_episode = ?, imdb_id = ?,
                            tmdb_id = ?, tvdb_id = ?, categories = ?, enabled = ?, aliases = ?, filters = ?,
                            only_season = ?, from_date = ?, updated_at = ?, last_searched_at = NULL
                     WHERE id = ?",
                ),
                item,
            )
            .bind(now())
            .bind(id)
            .execute(&self.pool)
            .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NoSuchItem(id));
            }
            self.item(id).await
        })
        .await
    }

    pub async fn set_item_enabled(&self, id: i64, enabled: bool) -> Result<()> {
        self.write(async {
            let done = sqlx::query("UPDATE items SET enabled = ?, updated_at = ? WHERE id = ?")
                .bind(enabled)
                .bind(now())
                .bind(id)
                .execute(&self.pool)
                .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NoSuchItem(id));
            }
            Ok(())
        })
        .await
    }

    /// Mutes an item (it is searched and recorded, not notified) or unmutes it.
    pub async fn set_item_muted(&self, id: i64, muted: bool) -> Result<()> {
        self.write(async {
            let done = sqlx::query(
                "UPDATE items SET muted_at = CASE WHEN ? THEN COALESCE(muted_at, ?) END, updated_at = ? WHERE id = ?",
            )
            .bind(muted)
            .bind(now())
            .bind(now())
            .bind(id)
            .execute(&self.pool)
            .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NoSuchItem(id));
            }
            Ok(())
        })
        .await
    }

    /// Removes an item and its matches. Returns false when there was no such item.
    pub async fn remove_item(&self, id: i64) -> Result<bool> {
        self.write(async {
            let done = sqlx::query("DELETE FROM items WHERE id = ?")
                .bind(id)
                .execute(&self.pool)
                .await?;
            Ok(done.rows_affected() > 0)
        })
        .await
    }

    pub async fn item(&self, id: i64) -> Result<WatchlistItem> {
        let row = sqlx::query(&format!("{ITEM_COLUMNS} WHERE id = ?"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NoSuchItem(id))?;
        Ok(item_from_row(&row))
    }

    pub async fn items(&self) -> Result<Vec<WatchlistItem>> {
        let rows = sqlx::query(&format!("{ITEM_COLUMNS} ORDER BY id"))
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.iter().map(item_from_row).collect())
    }

    pub async fn enabled_items(&self) -> Result<Vec<WatchlistItem>> {
        let rows = sqlx::query(&format!("{ITEM_COLUMNS} WHERE enabled = 1 ORDER BY id"))
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.iter().map(item_from_row).collect())
    }

    /// Every item with what has happened to it: matches found, its last search's error, when it was checked.
    pub async fn item_states(&self) -> Result<Vec<(WatchlistItem, ItemState)>> {
        let rows = sqlx::query(
            "SELECT id, title, kind, year, from_season, from_episode, imdb_id, tmdb_id, tvdb_id, categories, enabled,
                    muted_at, aliases, filters, only_season, from_date, last_error, last_checked_at,
                    (SELECT COUNT(*) FROM matches m WHERE m.item_id = items.id AND m.rejected IS NULL) AS found
             FROM items ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| {
                let state = ItemState {
                    found: r.get("found"),
                    last_error: r.get("last_error"),
                    last_checked_at: r.get("last_checked_at"),
                };
                (item_from_row(r), state)
            })
            .collect())
    }

    /// Whether the item's first successful check has happened.
    pub async fn has_baseline(&self, item_id: i64) -> Result<bool> {
        let at: Option<Option<i64>> =
            sqlx::query_scalar("SELECT baseline_at FROM items WHERE id = ?")
                .bind(item_id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(matches!(at, Some(Some(_))))
    }

    // ---- one item's search ----

    /// Records one item's search in one transaction: every release seen (once per indexer and guid), the
    /// releases of the item as matches (once per item and normalized release; refused ones with their
    /// reason), and the item's baseline. A match recorded refused that now passes becomes owed a notification.
    pub async fn record_search(
        &self,
        item_id: i64,
        run_id: Option<i64>,
        releases: &[ReleaseRecord],
        matched: &[MatchRecord],
    ) -> Result<SearchRecord> {
        self.write(async {
            let now = now();
            // IMMEDIATE: this transaction reads, then writes; a deferred one would fail with SQLITE_BUSY instead of
            // waiting when another writer (a parallel search) committed in between.
            let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
            let baseline: Option<Option<i64>> =
                sqlx::query_scalar("SELECT baseline_at FROM items WHERE id = ?")
                    .bind(item_id)
                    .fetch_optional(&mut *tx)
                    .await?;
            let initial = match baseline {
                None => return Err(StoreError::NoSuchItem(item_id)),
                Some(at) => at.is_none(),
            };
            let ids = insert_releases(&mut tx, releases, now).await?;
            let mut new_matches = Vec::new();
            let mut rejected = 0;
            for m in matched {
                let (Some(r), Some(&release_id)) = (releases.get(m.index), ids.get(m.index)) else {
                    continue;
                };
                let written =
                    insert_match(&mut tx, item_id, release_id, r, m, initial, run_id, now).await?;
                match written {
                    Some((match_id, None)) => new_matches.push(NewMatch {
                        match_id,
                        release_title: r.title.clone(),
                        indexer: r.indexer.clone(),
                    }),
                    Some((_, Some(_))) => rejected += 1,
                    None => {}
                }
            }
            sqlx::query(
                "UPDATE items SET baseline_at = COALESCE(baseline_at, ?), last_checked_at = ?, last_error = NULL
                 WHERE id = ?",
            )
            .bind(now)
            .bind(now)
            .bind(item_id)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(SearchRecord {
                releases_seen: releases.len(),
                new_matches,
                rejected,
            })
        })
        .await
    }

    /// Records what one feed poll matched, in one transaction: the matched releases (the rest of the feed is not
    /// kept) and a match per item and release, never initial (a release in the feed is news). Every enabled
    /// item counts as checked at `checked_at`. Returns the new matches with their item.
    pub async fn record_feed(
        &self,
        run_id: Option<i64>,
        releases: &[ReleaseRecord],
        matched: &[(i64, MatchRecord)],
        checked_at: i64,
    ) -> Result<Vec<(i64, NewMatch)>> {
        self.write(async {
            let now = now();
            let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
            let ids = insert_releases(&mut tx, releases, now).await?;
            let mut new_matches = Vec::new();
            for (item_id, m) in matched {
                let (Some(r), Some(&release_id)) = (releases.get(m.index), ids.get(m.index)) else {
                    continue;
                };
                let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM items WHERE id = ?")
                    .bind(item_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                if exists.is_none() {
                    continue;
                }
                if let Some((match_id, None)) =
                    insert_match(&mut tx, *item_id, release_id, r, m, false, run_id, now).await?
                {
                    new_matches.push((
                        *item_id,
                        NewMatch {
                            match_id,
                            release_title: r.title.clone(),
                            indexer: r.indexer.clone(),
                        },
                    ));
                }
            }
            sqlx::query("UPDATE items SET last_checked_at = ? WHERE enabled = 1")
                .bind(checked_at)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(new_matches)
        })
        .await
    }

    /// When each enabled item was last searched by name (`None`: never since it was added or edited).
    pub async fn search_times(&self) -> Result<std::collections::HashMap<i64, Option<i64>>> {
        let rows: Vec<(i64, Option<i64>)> =
            sqlx::query_as("SELECT id, last_searched_at FROM items WHERE enabled = 1")
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().collect())
    }

    pub async fn mark_searched(&self, item_id: i64, at: i64) -> Result<()> {
        self.write(async {
            sqlx::query("UPDATE items SET last_searched_at = ? WHERE id = ?")
                .bind(at)
                .bind(item_id)
                .execute(&self.pool)
                .await?;
            Ok(())
        })
        .await
    }

    /// Grants item searches from the hourly budget shared by every process on this database: takes `costs` in
    /// order while the searches granted in the hour before `now` plus the next cost stay within `per_hour`,
    /// and returns how many of them were granted (they are then counted as made). One `BEGIN IMMEDIATE`
    /// transaction, so two processes checking at once cannot both spend the same remainder.
    pub async fn grant_searches(&self, now: i64, per_hour: u32, costs: &[u32]) -> Result<usize> {
        self.write(async {
            let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
            sqlx::query("DELETE FROM searches_granted WHERE at <= ?")
                .bind(now - 3600)
                .execute(&mut *tx)
                .await?;
            let used: i64 =
                sqlx::query_scalar("SELECT COALESCE(SUM(count), 0) FROM searches_granted")
                    .fetch_one(&mut *tx)
                    .await?;
            let mut left = i64::from(per_hour) - used;
            let mut granted = 0;
            let mut spent = 0;
            for &cost in costs {
                if i64::from(cost) > left {
                    break;
                }
                left -= i64::from(cost);
                spent += i64::from(cost);
                granted += 1;
            }
            if spent > 0 {
                sqlx::query("INSERT INTO searches_granted (at, count) VALUES (?, ?)")
                    .bind(now)
                    .bind(spent)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok(granted)
        })
        .await
    }

    /// Item searches granted in the hour before `now` (by any process on this database).
    pub async fn searches_last_hour(&self, now: i64) -> Result<u32> {
        let used: i64 =
            sqlx::query_scalar("SELECT COALESCE(SUM(count), 0) FROM searches_granted WHERE at > ?")
                .bind(now - 3600)
                .fetch_one(&self.pool)
                .await?;
        Ok(u32::try_from(used).unwrap_or(u32::MAX))
    }

    /// The newest release seen per indexer in `feed`: indexer id → (guid, published at).
    pub async fn feed_cursors(
        &self,
        feed: &str,
    ) -> Result<std::collections::HashMap<i64, (String, i64)>> {
        let rows: Vec<(i64, String, i64)> = sqlx::query_as(
            "SELECT indexer_id, guid, published_at FROM feed_cursors WHERE feed = ?",
        )
        .bind(feed)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(i, g, p)| (i, (g, p))).collect())
    }

    pub async fn set_feed_cursor(
        &self,
        feed: &str,
        indexer_id: i64,
        guid: &str,
        published_at: i64,
    ) -> Result<()> {
        self.write(async {
            sqlx::query(
                "INSERT INTO feed_cursors (feed, indexer_id, guid, published_at, updated_at) VALUES (?, ?, ?, ?, ?)
                 ON CONFLICT (feed, indexer_id) DO UPDATE SET guid = excluded.guid,
                     published_at = excluded.published_at, updated_at = excluded.updated_at",
            )
            .bind(feed)
            .bind(indexer_id)
            .bind(guid)
            .bind(published_at)
            .bind(now())
            .execute(&self.pool)
            .await?;
            Ok(())
        })
        .await
    }

    /// Connections open in the pool and how many of them are idle.
    pub fn pool_figures(&self) -> (u32, usize) {
        (self.pool.size(), self.pool.num_idle())
    }

    pub async fn record_item_error(&self, item_id: i64, error: &str) -> Result<()> {
        self.write(async {
            sqlx::query("UPDATE items SET last_checked_at = ?, last_error = ? WHERE id = ?")
                .bind(now())
                .bind(error)
                .bind(item_id)
                .execute(&self.pool)
                .await?;
            Ok(())
        })
        .await
    }

    // ---- composing notifications ----

    /// Reads the matches owed a notification, lets `compose` turn them into outbox entries, and stores those
    /// entries while marking the matches announced — all in one `BEGIN IMMEDIATE` transaction, so two
    /// processes cannot announce the same match twice and a crash leaves either both or neither.
    /// The match ids `compose` returns as deferred stay owed, for the item's next message.
    pub async fn announce_pending<F>(&self, compose: F) -> Result<usize>
    where
        F: FnOnce(Vec<UnannouncedMatch>) -> (Vec<OutboxEntry>, Vec<i64>),
    {
        self.write(async {
            let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
            // A muted item's matches are owed nothing: announced without a message, so unmuting does not
            // send what was found meanwhile.
            let muted = sqlx::query(
                "UPDATE matches SET announced = 1
                 WHERE announced = 0 AND rejected IS NULL
                   AND item_id IN (SELECT id FROM items WHERE muted_at IS NOT NULL)",
            )
            .execute(&mut *tx)
            .await?
            .rows_affected();
            let rows = sqlx::query(&format!(
                "SELECT m.id, m.item_id, i.title AS item_title, i.year, m.initial, r.title, r.release_key, m.quality,
                        r.size, (SELECT MAX(r2.seeders) FROM releases r2 WHERE r2.release_key = r.release_key) AS seeders,
                        r.protocol, r.published_at, r.info_url, r.poster_url,
                        {INDEXERS_OF_RELEASE} AS indexers, m.episode_key, m.revision,
                        (SELECT MAX(p.quality) FROM matches p
                         WHERE p.item_id = m.item_id AND p.episode_key = m.episode_key AND p.announced = 1
                           AND p.rejected IS NULL) AS announced_best,
                        EXISTS (SELECT 1 FROM matches p
                         WHERE p.item_id = m.item_id AND p.episode_key = m.episode_key AND p.announced = 1
                           AND p.rejected IS NULL AND p.quality = m.quality) AS announced_same_quality
                 FROM matches m JOIN items i ON i.id = m.item_id JOIN releases r ON r.id = m.release_id
                 WHERE m.announced = 0 AND m.rejected IS NULL
                 ORDER BY m.item_id, m.id",
            ))
            .fetch_all(&mut *tx)
            .await?;
            if rows.is_empty() {
                if muted > 0 {
                    tx.commit().await?;
                } else {
                    tx.rollback().await?;
                }
                return Ok(0);
            }
            let matches: Vec<UnannouncedMatch> = rows
                .iter()
                .map(|row| UnannouncedMatch {
                    match_id: row.get("id"),
                    item_id: row.get("item_id"),
                    item_title: row.get("item_title"),
                    item_year: row
                        .get::<Option<i64>, _>("year")
                        .and_then(|y| u16::try_from(y).ok()),
                    initial: row.get("initial"),
                    title: row.get("title"),
                    release_key: row.get("release_key"),
                    quality: row.get("quality"),
                    size: row.get("size"),
                    seeders: row.get("seeders"),
                    protocol: row.get("protocol"),
                    published_at: row.get("published_at"),
                    info_url: row.get("info_url"),
                    poster_url: row.get("poster_url"),
                    indexers: serde_json::from_str(row.get::<&str, _>("indexers")).unwrap_or_default(),
                    episode_key: row.get("episode_key"),
                    revision: row.get("revision"),
                    announced_best: row.get("announced_best"),
                    announced_same_quality: row.get("announced_same_quality"),
                })
                .collect();
            let all_ids: Vec<i64> = matches.iter().map(|m| m.match_id).collect();
            let (entries, deferred) = compose(matches);
            let all_ids = all_ids.into_iter().filter(|id| !deferred.contains(id));
            let now = now();
            let mut queued = 0;
            for entry in &entries {
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO notifications (channel, kind, item_id, payload, status, next_attempt_at, created_at)
                     VALUES (?, ?, ?, ?, 'pending', ?, ?) RETURNING id",
                )
                .bind(&entry.channel)
                .bind(entry.kind.as_str())
                .bind(entry.item_id)
                .bind(&entry.payload)
                .bind(now)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                queued += 1;
                for match_id in &entry.match_ids {
                    sqlx::query("UPDATE matches SET notification_id = COALESCE(notification_id, ?) WHERE id = ?")
                        .bind(id)
                        .bind(match_id)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            // Every match read and not deferred is announced, whether or not a channel took it (no channel
            // configured = nothing owed).
            for match_id in all_ids {
                sqlx::query("UPDATE matches SET announced = 1 WHERE id = ?")
                    .bind(match_id)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok(queued)
        })
        .await
    }

    // ---- the outbox ----

    /// Claims the notification of one of `channels` due the longest (then the oldest) for delivery, in one
    /// statement, so one being retried does not starve those queued behind it: its next
    /// attempt moves to `lease_until`, so no other process (nor this one) claims it before then. The claimer
    /// marks it sent, retried or failed; a claimer that dies leaves it to come back due at `lease_until`.
    pub async fn claim_due(
        &self,
        now: i64,
        lease_until: i64,
        channels: &[&str],
    ) -> Result<Option<PendingNotification>> {
        let channels = serde_json::to_string(channels).unwrap_or_else(|_| "[]".into());
        self.write(async {
            Ok(sqlx::query_as(
                "UPDATE notifications SET next_attempt_at = ?2
                 WHERE id = (SELECT id FROM notifications
                             WHERE status = 'pending' AND next_attempt_at <= ?1
                               AND channel IN (SELECT value FROM json_each(?3))
                             ORDER BY next_attempt_at, id LIMIT 1)
                 RETURNING id, channel, kind, payload, attempts",
            )
            .bind(now)
            .bind(lease_until)
            .bind(channels)
            .fetch_optional(&self.pool)
            .await?)
        })
        .await
    }

    /// When the next pending notification becomes due, if any is pending.
    pub async fn next_due_at(&self) -> Result<Option<i64>> {
        Ok(sqlx::query_scalar(
            "SELECT MIN(next_attempt_at) FROM notifications WHERE status = 'pending'",
        )
        .fetch_one(&self.pool)
        .await?)
    }

    /// Marks a notification sent. Returns false if it was no longer pending (another process sent it).
    pub async fn mark_sent(&self, id: i64) -> Result<bool> {
        self.write(async {
            let done = sqlx::query(
                "UPDATE notifications SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL
                 WHERE id = ? AND status = 'pending'",
            )
            .bind(now())
            .bind(id)
            .execute(&self.pool)
            .await?;
            Ok(done.rows_affected() > 0)
        })
        .await
    }

    pub async fn mark_retry(&self, id: i64, next_attempt_at: i64, error: &str) -> Result<()> {
        self.write(async {
            sqlx::query(
                "UPDATE notifications SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?
                 WHERE id = ? AND status = 'pending'",
            )
            .bind(next_attempt_at)
            .bind(error)
            .bind(id)
            .execute(&self.pool)
            .await?;
            Ok(())
        })
        .await
    }

    pub async fn mark_failed(&self, id: i64, reason: &str) -> Result<()> {
        self.write(async {
            sqlx::query(
                "UPDATE notifications SET status = 'failed', attempts = attempts + 1, last_error = ?
                 WHERE id = ? AND status = 'pending'",
            )
            .bind(reason)
            .bind(id)
            .execute(&self.pool)
            .await?;
            Ok(())
        })
        .await
    }

    /// Puts failed notifications back in the queue ("Retry failed"). Returns how many.
    pub async fn retry_failed(&self) -> Result<u64> {
        self.write(async {
            let done = sqlx::query(
                "UPDATE notifications SET status = 'pending', next_attempt_at = ?, attempts = 0 WHERE status = 'failed'",
            )
            .bind(now())
            .execute(&self.pool)
            .await?;
            Ok(done.rows_affected())
        })
        .await
    }

    pub async fn notification_counts(&self) -> Result<NotificationCounts> {
        let row = sqlx::query(
            "SELECT COALESCE(SUM(status = 'pending'), 0) AS pending, COALESCE(SUM(status = 'sent'), 0) AS sent,
                    COALESCE(SUM(status = 'failed'), 0) AS failed FROM notifications",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(NotificationCounts {
            pending: row.get("pending"),
            sent: row.get("sent"),
            failed: row.get("failed"),
        })
    }

    pub async fn failed_notifications(&self, limit: i64) -> Result<Vec<FailedNotification>> {
        Ok(sqlx::query_as(
            "SELECT id, kind, item_id, attempts, COALESCE(last_error, '') AS reason, created_at FROM notifications
             WHERE status = 'failed' ORDER BY id DESC LIMIT ?",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    // ---- runs ----

    pub async fn start_run(&self) -> Result<i64> {
        self.write(async {
            Ok(sqlx::query_scalar(
                "INSERT INTO runs (started_at, status) VALUES (?, 'running') RETURNING id",
            )
            .bind(now())
            .fetch_one(&self.pool)
            .await?)
        })
        .await
    }

    pub async fn finish_run(
        &self,
        id: i64,
        status: RunStatus,
        figures: &RunFigures,
        error: Option<&str>,
    ) -> Result<()> {
        self.write(async {
            sqlx::query(
                "UPDATE runs SET finished_at = ?, status = ?, items = ?, searches = ?, releases_seen = ?, new_matches = ?,
                        errors = ?, notifications_queued = ?, duration_ms = ?, error = ? WHERE id = ?",
            )
            .bind(now())
            .bind(status.as_str())
            .bind(figures.items)
            .bind(figures.searches)
            .bind(figures.releases_seen)
            .bind(figures.new_matches)
            .bind(figures.errors)
            .bind(figures.notifications_queued)
            .bind(figures.duration_ms)
            .bind(error)
            .bind(id)
            .execute(&self.pool)
            .await?;
            Ok(())
        })
        .await
    }

    /// A run left `running` by a process that died is not running any more.
    pub async fn close_abandoned_runs(&self) -> Result<u64> {
        self.write(async {
            let done = sqlx::query(
                "UPDATE runs SET status = 'cancelled', error = 'interrupted (the process stopped during the check)'
                 WHERE status = 'running'",
            )
            .execute(&self.pool)
            .await?;
            Ok(done.rows_affected())
        })
        .await
    }

    pub async fn recent_runs(&self, limit: i64) -> Result<Vec<RunRecord>> {
        Ok(sqlx::query_as(
            "SELECT id, started_at, finished_at, status, items, searches, releases_seen, new_matches, errors,
                    notifications_queued, duration_ms, error FROM runs ORDER BY id DESC LIMIT ?",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Items whose last search failed: (id, title, error).
    pub async fn item_errors(&self) -> Result<Vec<(i64, String, String)>> {
        let rows = sqlx::query(
            "SELECT id, title, last_error FROM items WHERE last_error IS NOT NULL ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| (r.get("id"), r.get("title"), r.get("last_error")))
            .collect())
    }

    // ---- history ----

    /// Found releases, newest first; one row per match (cross-posts are one), refused ones with the reason.
    pub async fn found_releases(
        &self,
        item_id: Option<i64>,
        limit: i64,
    ) -> Result<Vec<FoundRelease>> {
        Ok(sqlx::query_as(&format!(
            "SELECT m.id AS match_id, m.item_id, i.title AS item_title, r.title, r.indexer,
                    {INDEXERS_OF_RELEASE} AS indexers, m.rejected, r.size, r.seeders,
                    r.protocol, r.published_at, r.info_url, m.found_at,
                    g.status AS grab_status, g.face AS grab_face, g.client AS grab_client, g.error AS grab_error,
                    COALESCE(g.finished_at, g.requested_at) AS grab_at
             FROM matches m JOIN items i ON i.id = m.item_id JOIN releases r ON r.id = m.release_id
                  LEFT JOIN grabs g ON g.match_id = m.id
             WHERE (?1 IS NULL OR m.item_id = ?1)
             ORDER BY m.found_at DESC, m.id DESC LIMIT ?2",
        ))
        .bind(item_id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    // ---- settings ----

    pub async fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(
            sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
                .bind(key)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    pub async fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.write(async {
            sqlx::query("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
                .bind(key)
                .bind(value)
                .execute(&self.pool)
                .await?;
            Ok(())
        })
        .await
    }

    pub async fn delete_setting(&self, key: &str) -> Result<()> {
        self.write(async {
            sqlx::query("DELETE FROM settings WHERE key = ?")
                .bind(key)
                .execute(&self.pool)
                .await?;
            Ok(())
        })
        .await
    }
}

/// Refuses a database this process cannot write: the file (created if missing, as SQLite would) and the
/// `-wal` and `-shm` files beside it when they exist. SQLite itself opens a read-only file read-only without a
/// word and fails only at the first write, and on a read-only disk says just "unable to open database file".
fn check_writable(path: &Path) -> Result<()> {
    let mut files = vec![(path.to_owned(), true)];
    for suffix in ["-wal", "-shm"] {
        let mut side = path.as_os_str().to_owned();
        side.push(suffix);
        files.push((PathBuf::from(side), false));
    }
    for (file, create) in files {
        let opened = std::fs::OpenOptions::new()
            .write(true)
            .create(create)
            .truncate(false)
            .open(&file);
        match opened {
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied
                ) =>
            {
                let reason = if file == path {
                    e.to_string()
                } else {
                    format!("{}: {e}", file.display())
                };
                return Err(StoreError::ReadOnly {
                    path: path.to_owned(),
                    reason,
                });
            }
            // Anything else (a missing -wal file, a directory in the way) is SQLite's to report.
            _ => {}
        }
    }
    Ok(())
}

const ITEM_COLUMNS: &str =
    "SELECT id, title, kind, year, from_season, from_episode, imdb_id, tmdb_id, tvdb_id,
    categories, enabled, muted_at, aliases, filters, only_season, from_date FROM items";

/// The JSON columns of an item. A filter set that cannot be written (it always can) is stored empty.
type SqliteQuery<'q> = sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments<'q>>;

/// Binds an item's stored fields in the column order both `insert_item` and [`Store::update_item`] list:
/// title, kind, year, from_season, from_episode, imdb_id, tmdb_id, tvdb_id, categories, enabled, aliases,
/// filters, only_season, from_date.
fn bind_item<'q>(query: SqliteQuery<'q>, item: &'q ValidItem) -> SqliteQuery<'q> {
    query
        .bind(&item.title)
        .bind(item.kind.as_str())
        .bind(item.year)
        .bind(item.from_season)
        .bind(item.from_episode)
        .bind(&item.imdb_id)
        .bind(item.tmdb_id)
        .bind(item.tvdb_id)
        .bind(serde_json::to_string(&item.categories).unwrap_or_else(|_| "[]".into()))
        .bind(item.enabled)
        .bind(serde_json::to_string(&item.aliases).unwrap_or_else(|_| "[]".into()))
        .bind(serde_json::to_string(&item.filters).unwrap_or_else(|_| "{}".into()))
        .bind(item.only_season)
        .bind(&item.from_date)
}

fn item_from_row(row: &sqlx::sqlite::SqliteRow) -> WatchlistItem {
    let kind: String = row.get("kind");
    let categories: String = row.get("categories");
    WatchlistItem {
        id: row.get("id"),
        title: row.get("title"),
        kind: ItemKind::from_str(&kind).unwrap_or(ItemKind::Movie),
        year: row
            .get::<Option<i64>, _>("year")
            .and_then(|v| u16::try_from(v).ok()),
        from_season: row
            .get::<Option<i64>, _>("from_season")
            .and_then(|v| u32::try_from(v).ok()),
        from_episode: row
            .get::<Option<i64>, _>("from_episode")
            .and_then(|v| u32::try_from(v).ok()),
        only_season: row
            .get::<Option<i64>, _>("only_season")
            .and_then(|v| u32::try_from(v).ok()),
        from_date: row.get("from_date"),
        imdb_id: row.get("imdb_id"),
        tmdb_id: row
            .get::<Option<i64>, _>("tmdb_id")
            .and_then(|v| u32::try_from(v).ok()),
        tvdb_id: row
            .get::<Option<i64>, _>("tvdb_id")
            .and_then(|v| u32::try_from(v).ok()),
        categories: serde_json::from_str(&categories).unwrap_or_default(),
        enabled: row.get("enabled"),
        muted: row.get::<Option<i64>, _>("muted_at").is_some(),
        aliases: serde_json::from_str(row.get::<&str, _>("aliases")).unwrap_or_default(),
        // Written by this code from a validated set; an unreadable one (a newer version's field) reads as
        // no filters rather than hiding the item.
        filters: serde_json::from_str(row.get::<&str, _>("filters")).unwrap_or_default(),
    }
}

async fn insert_item(tx: &mut sqlx::SqliteConnection, item: &ValidItem) -> Result<i64> {
    let now = now();
    let row = bind_item(
        sqlx::query(
            "INSERT INTO items (title, kind, year, from_season, from_episode, imdb_id, tmdb_id, tvdb_id, categories,
                                enabled, aliases, filters, only_season, from_date, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        ),
        item,
    )
    .bind(now)
    .bind(now)
    .fetch_one(tx)
    .await?;
    Ok(row.try_get(0)?)
}

/// Inserts (or touches) releases seen; returns their row ids in order.
async fn insert_releases(
    tx: &mut sqlx::SqliteConnection,
    releases: &[ReleaseRecord],
    now: i64,
) -> Result<Vec<i64>> {
    let mut ids = Vec::with_capacity(releases.len());
    for r in releases {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO releases (indexer_id, guid, title, release_key, indexer, size, seeders, protocol,
                                   published_at, info_url, poster_url, first_seen_at, last_seen_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (indexer_id, guid) DO UPDATE SET last_seen_at = excluded.last_seen_at,
                 seeders = excluded.seeders
             RETURNING id",
        )
        .bind(r.indexer_id)
        .bind(&r.guid)
        .bind(&r.title)
        .bind(&r.release_key)
        .bind(&r.indexer)
        .bind(r.size)
        .bind(r.seeders)
        .bind(r.protocol.as_str())
        .bind(r.published_at)
        .bind(&r.info_url)
        .bind(&r.poster_url)
        .bind(now)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        ids.push(id);
    }
    Ok(ids)
}

/// A new release of the item is inserted; one recorded refused is updated (still refused: the newest reason;
/// now passing: owed a notification). One recorded as passing is left alone (`None`).
#[allow(clippy::too_many_arguments)]
async fn insert_match(
    tx: &mut sqlx::SqliteConnection,
    item_id: i64,
    release_id: i64,
    r: &ReleaseRecord,
    m: &MatchRecord,
    initial: bool,
    run_id: Option<i64>,
    now: i64,
) -> Result<Option<(i64, Option<String>)>> {
    Ok(sqlx::query_as(
        "INSERT INTO matches (item_id, release_id, release_key, initial, quality, run_id, found_at,
                              announced, rejected, episode_key, revision)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 IS NOT NULL, ?8, ?9, ?10)
         ON CONFLICT (item_id, release_key) DO UPDATE SET
             release_id = excluded.release_id, initial = excluded.initial, quality = excluded.quality,
             run_id = excluded.run_id, found_at = excluded.found_at, announced = excluded.announced,
             rejected = excluded.rejected, episode_key = excluded.episode_key,
             revision = excluded.revision
         WHERE matches.rejected IS NOT NULL
         RETURNING id, rejected",
    )
    .bind(item_id)
    .bind(release_id)
    .bind(&r.release_key)
    .bind(initial)
    .bind(m.quality)
    .bind(run_id)
    .bind(now)
    .bind(&m.rejected)
    .bind(&m.episode_key)
    .bind(m.revision)
    .fetch_optional(&mut *tx)
    .await?)
}
