//! When to ask Prowlarr for what: the per-item search schedule, the hourly search budget and the backoff after
//! Prowlarr fails. All of it is arithmetic over Unix seconds read from a [`Clock`], so it is tested with a
//! [`ManualClock`] instead of sleeps, and the simulated-day benchmark runs a day in a minute.
//!
//! - In feed mode every check reads the indexers' latest releases once; an item is searched by name only when
//!   it is added or edited and then once per `search_every` (default 6 h). Each item searches at its own
//!   offset within that period ([`item_offset`]), so 500 items do not all come due at the same minute.
//! - The search budget caps the item searches of any rolling hour (default 100): a check takes at most what
//!   is left, most overdue first, and the rest waits for the next check. It is kept in the database
//!   ([`crate::store::Store::grant_searches`]), so it holds across checks, restarts and processes.
//! - [`Backoff`] is the wait after Prowlarr failed as a whole: 1 min, 5, 15, 30, 1 h, 2 h, 4 h, then 6 h,
//!   or longer when Prowlarr's `Retry-After` says so (up to 6 h); a success resets it.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

/// The current time in Unix seconds.
pub trait Clock: Send + Sync + std::fmt::Debug {
    fn now(&self) -> i64;
}

/// The system clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> i64 {
        crate::store::now()
    }
}

/// A clock that moves only when told: for tests and simulations.
#[derive(Debug, Default, Clone)]
pub struct ManualClock(Arc<AtomicI64>);

impl ManualClock {
    pub fn at(now: i64) -> Self {
        ManualClock(Arc::new(AtomicI64::new(now)))
    }

    pub fn set(&self, now: i64) {
        self.0.store(now, Ordering::SeqCst);
    }

    pub fn advance(&self, by: Duration) {
        self.0
            .fetch_add(i64::try_from(by.as_secs()).unwrap_or(0), Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// How a check looks for new releases (the `search_mode` setting).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SearchMode {
    /// Read the latest-releases feed once per check and match every item locally; search items by name only
    /// on add or edit and on their slow schedule.
    #[default]
    Feed,
    /// Search every item by name on every check (the behaviour before feed mode).
    SearchAll,
}

impl SearchMode {
    pub fn as_str(self) -> &'static str {
        match self {
            SearchMode::Feed => "feed",
            SearchMode::SearchAll => "search_all",
        }
    }
}

/// The per-item search schedule of feed mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchSchedule {
    /// How often each item is searched by name.
    pub every: Duration,
    /// Item searches allowed in any rolling hour.
    pub budget_per_hour: u32,
}

impl Default for SearchSchedule {
    fn default() -> Self {
        SearchSchedule {
            every: Duration::from_secs(6 * 3600),
            budget_per_hour: 100,
        }
    }
}

/// The item's own offset within `every`: a hash of its id (Fibonacci hashing), so consecutive ids spread
/// evenly over the period.
pub fn item_offset(item_id: i64, every: Duration) -> i64 {
    let period = i64::try_from(every.as_secs()).unwrap_or(i64::MAX).max(1);
    let hashed = (item_id as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    i64::try_from(hashed % period as u64).unwrap_or(0)
}

/// The item's latest scheduled search time at or before `now`.
pub fn latest_slot(item_id: i64, every: Duration, now: i64) -> i64 {
    let period = i64::try_from(every.as_secs()).unwrap_or(i64::MAX).max(1);
    let offset = item_offset(item_id, every);
    now - (now - offset).rem_euclid(period)
}

/// Whether the item is owed a search: never searched since it was added or edited, or a slot has passed since
/// its last search. Returns its urgency for ordering: lower is more urgent (never searched first, then the
/// oldest missed slot).
pub fn search_due(
    item_id: i64,
    last_searched_at: Option<i64>,
    every: Duration,
    now: i64,
) -> Option<i64> {
    match last_searched_at {
        None => Some(i64::MIN),
        Some(at) => {
            let slot = latest_slot(item_id, every, now);
            (at < slot).then_some(slot)
        }
    }
}

/// A Unix time as the local wall clock shows it (`14:35`), for status messages ("next try 14:35").
pub fn local_clock(at: i64) -> String {
    chrono::DateTime::from_timestamp(at, 0)
        .map(|t| t.with_timezone(&chrono::Local).format("%H:%M").to_string())
        .unwrap_or_default()
}

/// The waits after consecutive failures; the last one repeats.
const LADDER_SECS: [i64; 8] = [60, 300, 900, 1800, 3600, 7200, 14_400, 21_600];
/// No wait is longer, whatever `Retry-After` says.
pub const MAX_BACKOFF: Duration = Duration::from_secs(6 * 3600);

/// Consecutive failures of Prowlarr as a whole, and when to try again.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Backoff {
    pub failures: u32,
    /// Unix seconds; `None` when Prowlarr last answered.
    pub next_try_at: Option<i64>,
}

impl Backoff {
    /// Records a failure at `now`; returns the wait before the next try.
    pub fn failed(&mut self, now: i64, retry_after: Option<Duration>) -> Duration {
        let step = LADDER_SECS[(self.failures as usize).min(LADDER_SECS.len() - 1)];
        let asked = retry_after.map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
        let max = i64::try_from(MAX_BACKOFF.as_secs()).unwrap_or(i64::MAX);
        let wait = step.max(asked).min(max);
        self.failures += 1;
        self.next_try_at = Some(now + wait);
        Duration::from_secs(u64::try_from(wait).unwrap_or(0))
    }

    pub fn succeeded(&mut self) {
        *self = Backoff::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR: i64 = 3600;
    const SIX_HOURS: Duration = Duration::from_secs(6 * 3600);

    #[test]
    fn offsets_spread_items_evenly_over_the_period() {
        // 500 items over 6 h in 15-minute windows: every window gets close to its share (500 / 24 ≈ 21).
        let mut windows = [0u32; 24];
        for id in 1..=500 {
            let offset = item_offset(id, SIX_HOURS);
            assert!((0..6 * HOUR).contains(&offset));
            windows[(offset / 900) as usize] += 1;
        }
        assert!(
            windows.iter().all(|&n| (12..=30).contains(&n)),
            "{windows:?}"
        );
    }

    #[test]
    fn a_new_item_is_due_first_and_a_searched_one_waits_for_its_next_slot() {
        let clock = ManualClock::at(1_000_000);
        let now = clock.now();
        assert_eq!(search_due(7, None, SIX_HOURS, now), Some(i64::MIN));
        assert_eq!(search_due(7, Some(now), SIX_HOURS, now), None);
        let next = latest_slot(7, SIX_HOURS, now) + 6 * HOUR;
        clock.set(next - 1);
        assert_eq!(search_due(7, Some(now), SIX_HOURS, clock.now()), None);
        clock.set(next);
        assert_eq!(search_due(7, Some(now), SIX_HOURS, clock.now()), Some(next));
    }

    #[test]
    fn every_item_is_due_once_per_period() {
        let clock = ManualClock::at(1_700_000_000);
        let mut last: Vec<Option<i64>> = vec![Some(clock.now()); 200];
        let mut searches = 0;
        for _ in 0..(24 * 4) {
            clock.advance(Duration::from_secs(900));
            for (i, at) in last.iter_mut().enumerate() {
                if search_due(i as i64, *at, SIX_HOURS, clock.now()).is_some() {
                    *at = Some(clock.now());
                    searches += 1;
                }
            }
        }
        assert_eq!(searches, 200 * 4);
    }

    #[test]
    fn backoff_climbs_the_ladder_caps_at_six_hours_and_resets() {
        let mut backoff = Backoff::default();
        let waits: Vec<u64> = (0..10)
            .map(|_| backoff.failed(0, None).as_secs() / 60)
            .collect();
        assert_eq!(waits, [1, 5, 15, 30, 60, 120, 240, 360, 360, 360]);
        backoff.succeeded();
        assert_eq!(backoff, Backoff::default());
        assert_eq!(
            backoff.failed(100, Some(Duration::from_secs(600))),
            Duration::from_secs(600)
        );
        assert_eq!(backoff.next_try_at, Some(700));
        assert_eq!(
            backoff.failed(0, Some(Duration::from_secs(86_400))),
            MAX_BACKOFF
        );
    }
}
