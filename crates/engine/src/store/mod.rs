//! The SQLite store: the pool, migrations, and every SQL statement of the engine.
//!
//! All SQL lives in this module, so the schema and its queries change together: this file opens the database
//! (pool, pragmas, migrations, the disk's faults) and each concern has its file: the watchlist (`items`), what
//! searches and the feed found (`searches`), the search budget (`budget`), the outbox (`outbox`), checks
//! (`runs`), the Found history (`history`), grabs (`grabs`), leases between processes (`leases`) and the
//! settings table (`settings`). The pool is small (SQLite has one
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
use std::sync::Arc;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Connection, SqlitePool};

mod budget;
mod grabs;
mod history;
mod items;
mod leases;
mod outbox;
mod runs;
mod searches;
mod settings;

pub use grabs::{Grab, GrabRelease, GrabStart, GrabStatus, SENDING_LEASE_SECS};
pub use history::FoundRelease;
pub use items::ItemState;
pub use outbox::{
    FailedNotification, NotificationCounts, NotificationKind, OutboxEntry, PendingNotification,
    UnannouncedMatch,
};
pub use runs::{RunFigures, RunRecord, RunStatus};
pub use searches::{MatchRecord, NewMatch, ReleaseRecord, SearchRecord};

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

    /// Connections open in the pool and how many of them are idle.
    pub fn pool_figures(&self) -> (u32, usize) {
        (self.pool.size(), self.pool.num_idle())
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
