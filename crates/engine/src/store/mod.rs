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
//! need a database or a prepared `.sqlx` cache at build time. They go through sqlx's `Any` driver, so one
//! query serves every backend: its columns are integers and text (flags are integers, closed sets of names are
//! text through `text_column!`), and SQL is written per backend only where the dialects differ.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Connection, Executor};

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

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations/sqlite");
static PG_MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations/postgres");

/// The key of the transaction-scoped advisory lock that serializes deciding writes on PostgreSQL, as
/// `BEGIN IMMEDIATE` does on SQLite.
const PG_WRITE_LOCK: i64 = 0x4e57_5752; // "NWWR"

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
    #[error(
        "cannot connect to the PostgreSQL server {server}: {cause}. Check that it runs and takes connections from here, and the user, password and database name"
    )]
    Connect { server: String, cause: sqlx::Error },
    #[error("database error: {0}")]
    Sql(#[from] sqlx::Error),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Unix seconds now.
pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Which database the store is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The PostgreSQL pool's sizes and limits (`db_pool_min`, `db_pool_max`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolSettings {
    pub min: u32,
    pub max: u32,
    /// How long a query waits for a free connection before it fails.
    pub acquire_timeout: Duration,
}

impl Default for PoolSettings {
    fn default() -> Self {
        PoolSettings {
            min: 10,
            max: 30,
            acquire_timeout: Duration::from_secs(30),
        }
    }
}

#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
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

/// The indexers listing a release (by its key), as a JSON array in the order they listed it: SQL shared by
/// the outbox and the history, one per backend.
const INDEXERS_OF_RELEASE: &str = "(SELECT json_group_array(indexer) FROM
    (SELECT DISTINCT COALESCE(r2.indexer, 'indexer ' || r2.indexer_id) AS indexer
     FROM releases r2 WHERE r2.release_key = r.release_key ORDER BY r2.id))";
const PG_INDEXERS_OF_RELEASE: &str =
    "(SELECT COALESCE(json_agg(indexer ORDER BY first_id), '[]')::text FROM
    (SELECT COALESCE(r2.indexer, 'indexer ' || r2.indexer_id) AS indexer, MIN(r2.id) AS first_id
     FROM releases r2 WHERE r2.release_key = r.release_key GROUP BY 1) AS listed)";

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
        if self.backend != Backend::Sqlite {
            // Another engine's writes leave no trace here: nothing is cached.
            return None;
        }
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
        sqlx::any::install_default_drivers();
        let options = sqlite_options(path).map_err(|cause| StoreError::Open {
            path: path.to_owned(),
            cause,
        })?;
        let opened = async {
            switch_to_wal(&options).await?;
            AnyPoolOptions::new()
                // SQLite writes one transaction at a time; each connection is a thread with its own cache.
                .max_connections(2)
                .min_connections(0)
                .idle_timeout(Duration::from_secs(60))
                // Connection settings only: they touch no file, so they cannot fail (sqlx would retry a
                // failing hook until its timeout, hiding a full disk). The file's own faults come from its
                // first query.
                .after_connect(|conn, _| {
                    Box::pin(async move { conn.execute(SQLITE_SESSION).await.map(|_| ()) })
                })
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
                .await
        };
        let pool = opened.await.map_err(|cause| {
            StoreError::Open {
                path: path.to_owned(),
                cause,
            }
            .on_disk(path)
        })?;
        let store = Store {
            pool,
            backend: Backend::Sqlite,
            path: Arc::from(path),
        };
        store.write(store.migrate()).await?;
        Ok(store)
    }

    /// Connects to a PostgreSQL database (`url`, its password already in it) and applies pending migrations.
    /// A connection is tested before it is handed out and replaced after an hour; `server` names the
    /// database in errors, without the password.
    pub async fn open_postgres(url: &str, server: &str, pool: PoolSettings) -> Result<Store> {
        sqlx::any::install_default_drivers();
        let connect = |cause| StoreError::Connect {
            server: server.to_owned(),
            cause,
        };
        let pool = AnyPoolOptions::new()
            .min_connections(pool.min.min(pool.max))
            .max_connections(pool.max.max(1))
            .acquire_timeout(pool.acquire_timeout)
            .test_before_acquire(true)
            .max_lifetime(Duration::from_secs(3600))
            .connect(url)
            .await
            .map_err(connect)?;
        // sqlx holds a session advisory lock while it migrates: two engines starting together migrate once.
        PG_MIGRATOR.run(&pool).await?;
        Ok(Store {
            pool,
            backend: Backend::Postgres,
            path: Arc::from(Path::new("")),
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The statement written for this store's backend, where SQLite and PostgreSQL say it differently.
    fn dialect(&self, sqlite: &'static str, postgres: &'static str) -> &'static str {
        match self.backend {
            Backend::Sqlite => sqlite,
            Backend::Postgres => postgres,
        }
    }

    /// [`INDEXERS_OF_RELEASE`] in this backend's words.
    fn indexers_of_release(&self) -> &'static str {
        self.dialect(INDEXERS_OF_RELEASE, PG_INDEXERS_OF_RELEASE)
    }

    async fn migrate(&self) -> Result<()> {
        let mut tx = self.begin_write().await?;
        // Inside the transaction each migration is a savepoint.
        MIGRATOR.run(&mut *tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A transaction for writes that decide from what they read (composing notifications, granting searches,
    /// claiming a grab): one at a time across every process on the database. SQLite's `BEGIN IMMEDIATE` takes
    /// its write lock at once; on PostgreSQL a transaction-scoped advisory lock does the same.
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>> {
        match self.backend {
            Backend::Sqlite => Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?),
            Backend::Postgres => {
                let mut tx = self.pool.begin().await?;
                sqlx::query("SELECT 1 FROM (SELECT pg_advisory_xact_lock($1)) AS locked")
                    .bind(PG_WRITE_LOCK)
                    .execute(&mut *tx)
                    .await?;
                Ok(tx)
            }
        }
    }

    /// Runs a write, naming the database file when the disk is full or read-only.
    async fn write<T>(&self, work: impl Future<Output = Result<T>>) -> Result<T> {
        match self.backend {
            Backend::Sqlite => work.await.map_err(|e| e.on_disk(&self.path)),
            Backend::Postgres => work.await,
        }
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

/// Stores a closed set of names (`as_str`, `FromStr`) as text: the column types sqlx's `Any` driver reads and
/// writes for every backend.
macro_rules! text_column {
    ($($t:ty),+) => {$(
        impl sqlx::Type<sqlx::Any> for $t {
            fn type_info() -> sqlx::any::AnyTypeInfo {
                <str as sqlx::Type<sqlx::Any>>::type_info()
            }
            fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
                <str as sqlx::Type<sqlx::Any>>::compatible(ty)
            }
        }

        impl<'q> sqlx::Encode<'q, sqlx::Any> for $t {
            fn encode_by_ref(
                &self,
                buf: &mut <sqlx::Any as sqlx::Database>::ArgumentBuffer<'q>,
            ) -> std::result::Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                <&str as sqlx::Encode<'q, sqlx::Any>>::encode(self.as_str(), buf)
            }
        }

        impl<'r> sqlx::Decode<'r, sqlx::Any> for $t {
            fn decode(
                value: <sqlx::Any as sqlx::Database>::ValueRef<'r>,
            ) -> std::result::Result<Self, sqlx::error::BoxDynError> {
                let text = <&str as sqlx::Decode<'r, sqlx::Any>>::decode(value)?;
                text.parse()
                    .map_err(|_| format!("unknown {} {text:?} in the database", stringify!($t)).into())
            }
        }
    )+};
}

text_column!(
    crate::prowlarr::Protocol,
    NotificationKind,
    RunStatus,
    GrabStatus
);

/// What each SQLite connection is set to when it opens (foreign keys are sqlx's default): `NORMAL` syncs
/// (safe in WAL), a 10 s wait for a busy writer, and 1 MiB of page cache instead of SQLite's 2 MiB (the
/// watchlist and its history are read in a few queries a check, from the system's file cache when not from
/// this one).
const SQLITE_SESSION: &str =
    "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000; PRAGMA cache_size = -1024;";

/// Puts the file in WAL mode (readers never wait for the writer), which it keeps. Done once before the pool
/// opens, on a connection of its own, so that a fault of the file (a full disk) is told at once.
async fn switch_to_wal(options: &AnyConnectOptions) -> std::result::Result<(), sqlx::Error> {
    let mut attempts = 0;
    loop {
        let switched = async {
            let mut conn = sqlx::AnyConnection::connect_with(options).await?;
            let result = conn.execute("PRAGMA journal_mode = WAL").await;
            conn.close().await?;
            result.map(|_| ())
        };
        match switched.await {
            // Switching a new file to WAL takes a lock SQLite's busy timeout does not wait for: of two
            // processes creating the database at once, one is told "database is locked". It tries again.
            Err(e)
                if sqlite_code(&e).is_some_and(|c| c & 0xff == SQLITE_BUSY) && attempts < 100 =>
            {
                attempts += 1;
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            other => return other,
        }
    }
}

/// The URL that opens the SQLite file at `path` (created if missing) through sqlx's `Any` driver.
fn sqlite_options(path: &Path) -> std::result::Result<AnyConnectOptions, sqlx::Error> {
    let mut url = url::Url::parse("sqlite://").map_err(|e| sqlx::Error::Configuration(e.into()))?;
    url.set_path(&path.to_string_lossy());
    url.query_pairs_mut().append_pair("mode", "rwc");
    <AnyConnectOptions as sqlx::ConnectOptions>::from_url(&url)
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

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;

    #[tokio::test]
    async fn every_connection_is_in_wal_with_normal_syncs_and_foreign_keys() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("nw.db")).await.unwrap();
        // Both connections of the pool, held at once.
        let mut a = store.pool.acquire().await.unwrap();
        let mut b = store.pool.acquire().await.unwrap();
        for conn in [&mut a, &mut b] {
            let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
                .fetch_one(&mut **conn)
                .await
                .unwrap();
            let sync: i64 = sqlx::query_scalar("PRAGMA synchronous")
                .fetch_one(&mut **conn)
                .await
                .unwrap();
            let keys: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
                .fetch_one(&mut **conn)
                .await
                .unwrap();
            let busy: i64 = sqlx::query_scalar("PRAGMA busy_timeout")
                .fetch_one(&mut **conn)
                .await
                .unwrap();
            assert_eq!((mode.as_str(), sync, keys, busy), ("wal", 1, 1, 10_000));
        }
    }
}
