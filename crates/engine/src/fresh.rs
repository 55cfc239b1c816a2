//! Answers read from the database, kept while the database is unchanged.
//!
//! The faces ask the same questions over and over (every web request checks its credentials; a status bar
//! and scripts poll the status and the watchlist), and each answer costs queries on a pool of two
//! connections. A [`Fresh`] keeps the last answer with the store's [`Fingerprint`] at the time it was read,
//! and gives it again while the fingerprint is the same and it is younger than its age limit. Any commit, by
//! this process or by another one on the same file (`nightwatcherd web api-key --new` beside a running
//! server), changes the fingerprint, so a change is seen at the next request; the age limit only covers
//! two commits in one file-time tick.
//!
//! One request reads the answer again while the others wait for it, except when only the age limit ran out:
//! the database is unchanged, so while that read runs the others are given the kept answer. (Else every
//! second all requests would wait for the slowest answer's read: 20–40 ms for a 1,000-item watchlist under
//! load, the whole tail of the web server's latency.)

use std::sync::Mutex;
use std::time::{Duration, Instant};

use tokio::sync::Notify;

use crate::store::{Fingerprint, Store};

/// How old a kept answer may be, whatever the fingerprint says, before it is read again.
pub const MAX_AGE: Duration = Duration::from_secs(1);

/// One kept answer.
pub struct Fresh<T> {
    max_age: Duration,
    slot: Mutex<Option<(Fingerprint, Instant, T)>>,
    /// Whether a request is reading the answer again. The others that find it stale meanwhile wait for that
    /// one read instead of each running the same queries on the two connections.
    loading: Mutex<bool>,
    /// Wakes every waiter at once when a read ends. (A queue of waiters on a mutex would be let through one
    /// at a time, each behind every other ready task of the runtime: a convoy that held requests for ~1 s
    /// under 200 connections.)
    loaded: Notify,
}

impl<T> Default for Fresh<T> {
    fn default() -> Self {
        Fresh::with_max_age(MAX_AGE)
    }
}

/// What is kept for a fingerprint.
enum Kept<T> {
    /// Read at this fingerprint, within the age limit.
    Fresh(T),
    /// Read at this fingerprint, but longer ago than the age limit.
    Aged(T),
    Nothing,
}

impl<T> Fresh<T> {
    /// Keeps answers for at most `max_age`.
    pub fn with_max_age(max_age: Duration) -> Self {
        Fresh {
            max_age,
            slot: Mutex::new(None),
            loading: Mutex::new(false),
            loaded: Notify::new(),
        }
    }
}

/// Ends a read: clears the flag and wakes the waiters, also when the reading request is dropped midway.
struct Loading<'a, T>(&'a Fresh<T>);

impl<T> Drop for Loading<'_, T> {
    fn drop(&mut self) {
        if let Ok(mut loading) = self.0.loading.lock() {
            *loading = false;
        }
        self.0.loaded.notify_waiters();
    }
}

impl<T: Clone> Fresh<T> {
    /// The kept answer if the database is unchanged since it was read, else `load`'s (kept when it succeeds).
    pub async fn get_or_load<E>(
        &self,
        store: &Store,
        load: impl AsyncFnOnce() -> Result<T, E>,
    ) -> Result<T, E> {
        let (fingerprint, _loading) = loop {
            // Read before the load: a commit during it changes the fingerprint, and the next call loads again.
            let Some(fingerprint) = store.fingerprint() else {
                return load().await;
            };
            let aged = match self.kept(fingerprint) {
                Kept::Fresh(value) => return Ok(value),
                Kept::Aged(value) => Some(value),
                Kept::Nothing => None,
            };
            let loaded = self.loaded.notified();
            let mut loaded = std::pin::pin!(loaded);
            // Registered before the flag is read, so a read that ends in between still wakes this one.
            loaded.as_mut().enable();
            if self.start_loading() {
                break (fingerprint, Loading(self));
            }
            if let Some(value) = aged {
                // Another request reads it again; the database is unchanged since this was read.
                return Ok(value);
            }
            loaded.await;
        };
        let started = Instant::now();
        let value = load().await?;
        tracing::trace!(
            answer = std::any::type_name::<T>(),
            ms = started.elapsed().as_millis() as u64,
            "read again"
        );
        if let Ok(mut slot) = self.slot.lock() {
            *slot = Some((fingerprint, Instant::now(), value.clone()));
        }
        Ok(value)
    }

    /// Whether this request is the one to read the answer again (none other is).
    fn start_loading(&self) -> bool {
        match self.loading.lock() {
            Ok(mut loading) if !*loading => {
                *loading = true;
                true
            }
            Ok(_) => false,
            // A poisoned flag: read without waiting for anyone.
            Err(_) => true,
        }
    }

    fn kept(&self, fingerprint: Fingerprint) -> Kept<T> {
        let Ok(slot) = self.slot.lock() else {
            return Kept::Nothing;
        };
        match slot.as_ref() {
            Some((kept_for, at, value)) if *kept_for == fingerprint => {
                if at.elapsed() < self.max_age {
                    Kept::Fresh(value.clone())
                } else {
                    Kept::Aged(value.clone())
                }
            }
            _ => Kept::Nothing,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;
    use crate::store::StoreError;

    #[tokio::test]
    async fn an_answer_is_kept_until_any_handle_on_the_file_commits() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nightwatcher.db");
        let store = Store::open(&path).await.unwrap();
        // Another process on the same file, as `nightwatcherd web api-key --new` beside a server.
        let other = Store::open(&path).await.unwrap();
        store.set_setting("k", "one").await.unwrap();

        let fresh: Fresh<Option<String>> = Fresh::default();
        let loads = AtomicUsize::new(0);
        let read = async || {
            fresh
                .get_or_load(&store, async || {
                    loads.fetch_add(1, Ordering::SeqCst);
                    store.setting("k").await
                })
                .await
                .unwrap()
        };
        assert_eq!(read().await.as_deref(), Some("one"));
        assert_eq!(read().await.as_deref(), Some("one"));
        assert_eq!(loads.load(Ordering::SeqCst), 1, "the second read is kept");

        other.set_setting("k", "two").await.unwrap();
        assert_eq!(
            read().await.as_deref(),
            Some("two"),
            "the other's commit is seen"
        );
        store.set_setting("k", "three").await.unwrap();
        assert_eq!(
            read().await.as_deref(),
            Some("three"),
            "our own commit is seen"
        );
        assert_eq!(loads.load(Ordering::SeqCst), 3);
    }

    #[tokio::test]
    async fn requests_that_find_it_stale_together_wait_for_one_read() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("nightwatcher.db"))
            .await
            .unwrap();
        let fresh: Fresh<usize> = Fresh::default();
        let loads = AtomicUsize::new(0);
        let read = async || {
            fresh
                .get_or_load(&store, async || {
                    let n = loads.fetch_add(1, Ordering::SeqCst) + 1;
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    Ok::<_, StoreError>(n)
                })
                .await
                .unwrap()
        };
        let answers = futures_util::future::join_all((0..50).map(|_| read())).await;
        assert_eq!(loads.load(Ordering::SeqCst), 1);
        assert!(answers.iter().all(|&a| a == 1), "{answers:?}");
    }

    #[tokio::test]
    async fn past_its_age_the_kept_answer_is_given_while_one_request_reads_again() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("nightwatcher.db"))
            .await
            .unwrap();
        let fresh: Fresh<usize> = Fresh::with_max_age(Duration::from_millis(10));
        let loads = AtomicUsize::new(0);
        let read = async || {
            fresh
                .get_or_load(&store, async || {
                    let n = loads.fetch_add(1, Ordering::SeqCst) + 1;
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    Ok::<_, StoreError>(n)
                })
                .await
                .unwrap()
        };
        assert_eq!(read().await, 1);
        tokio::time::sleep(Duration::from_millis(20)).await;
        let answers = futures_util::future::join_all((0..10).map(|_| read())).await;
        assert_eq!(answers[0], 2, "the first reads again");
        assert!(answers[1..].iter().all(|&a| a == 1), "{answers:?}");
        assert_eq!(loads.load(Ordering::SeqCst), 2);

        // After a commit nothing kept is given: all wait for the one read.
        tokio::time::sleep(Duration::from_millis(20)).await;
        store.set_setting("k", "v").await.unwrap();
        let answers = futures_util::future::join_all((0..10).map(|_| read())).await;
        assert!(answers.iter().all(|&a| a == 3), "{answers:?}");
        assert_eq!(loads.load(Ordering::SeqCst), 3);
    }

    #[tokio::test]
    async fn a_failed_load_is_not_kept() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("nightwatcher.db"))
            .await
            .unwrap();
        let fresh: Fresh<u32> = Fresh::default();
        let failed = fresh
            .get_or_load(&store, async || Err::<u32, &str>("no"))
            .await;
        assert_eq!(failed, Err("no"));
        let loaded = fresh.get_or_load(&store, async || Ok::<_, &str>(7)).await;
        assert_eq!(loaded, Ok(7));
    }
}
