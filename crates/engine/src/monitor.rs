//! Figures for status and monitoring: Prowlarr's latency over recent requests, what Prowlarr says about its
//! indexers, the last check's cost, the process's memory and the database pool.
//!
//! One [`Monitor`] lives as long as the service and is shared with each check's watcher. The service writes a
//! [`Monitoring`] snapshot into the settings table after every check (key [`SNAPSHOT_KEY`]), so
//! `nightwatcherd status --json`, a separate process, can show the running engine's figures with their age:
//! those of the engine that checked last (the app, `nightwatcherd run`, or a one-shot `nightwatcherd check` or
//! `watchlist add`, whose `pid` is then gone).
//!
//! The snapshot's JSON (field: type):
//! - `written_at`: Unix seconds; `pid`: the engine's process id
//! - `search_mode`: `"feed"` | `"search_all"`
//! - `last_check`: null | `{finished_at: i64, duration_ms: u64, feed_requests: u64, searches: u64,
//!   errors: u64, new_matches: u64}` (`searches` = item searches by name; `feed_requests` = feed pages)
//! - `prowlarr_latency_ms`: `{samples: u64, median: u64, p95: u64}` over the last 200 Prowlarr requests
//! - `notifications`: `{pending: i64, sent: i64, failed: i64}`
//! - `db_connections`: `{open: u32, idle: u32, in_use: u32}`
//! - `memory_rss_bytes`: null | u64 (from /proc/self/statm)
//! - `backoff`: `{failures: u32, next_try_at: null | i64}`
//! - `indexers`: null | `{total: u64, disabled: u64, message: null | string, checked_at: i64}`
//! - `search_budget`: `{per_hour: u32, used_last_hour: u32}`

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::schedule::Backoff;
use crate::store::NotificationCounts;

/// Where the service keeps its latest [`Monitoring`] snapshot.
pub const SNAPSHOT_KEY: &str = "state.monitor";
/// Latency figures cover this many of the most recent Prowlarr requests.
const LATENCY_WINDOW: usize = 200;

/// What Prowlarr said about its indexers the last time a search came back empty or failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexerHealth {
    /// Enabled indexers.
    pub total: u64,
    /// Enabled indexers in Prowlarr's failure back-off.
    pub disabled: u64,
    /// "3 of 5 indexers disabled by Prowlarr after failures", and Prowlarr's own warnings; `None` when all is well.
    pub message: Option<String>,
    pub checked_at: i64,
}

/// The cost of the last finished check.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckFigures {
    pub finished_at: i64,
    pub duration_ms: u64,
    pub feed_requests: u64,
    pub searches: u64,
    pub errors: u64,
    pub new_matches: u64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LatencyFigures {
    pub samples: u64,
    pub median: u64,
    pub p95: u64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoolFigures {
    pub open: u32,
    pub idle: u32,
    pub in_use: u32,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetFigures {
    pub per_hour: u32,
    pub used_last_hour: u32,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackoffFigures {
    pub failures: u32,
    pub next_try_at: Option<i64>,
}

impl From<Backoff> for BackoffFigures {
    fn from(b: Backoff) -> Self {
        BackoffFigures {
            failures: b.failures,
            next_try_at: b.next_try_at,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationFigures {
    pub pending: i64,
    pub sent: i64,
    pub failed: i64,
}

impl From<NotificationCounts> for NotificationFigures {
    fn from(c: NotificationCounts) -> Self {
        NotificationFigures {
            pending: c.pending,
            sent: c.sent,
            failed: c.failed,
        }
    }
}

/// The monitoring figures of a running engine (the module docs list the JSON).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Monitoring {
    /// The engine's version (`CARGO_PKG_VERSION`): what an attached desktop's "Test connection" shows.
    #[serde(default)]
    pub version: String,
    pub written_at: i64,
    pub pid: u32,
    pub search_mode: String,
    pub last_check: Option<CheckFigures>,
    pub prowlarr_latency_ms: LatencyFigures,
    pub notifications: NotificationFigures,
    pub db_connections: PoolFigures,
    pub memory_rss_bytes: Option<u64>,
    pub backoff: BackoffFigures,
    pub indexers: Option<IndexerHealth>,
    pub search_budget: BudgetFigures,
}

#[derive(Debug, Default)]
struct State {
    latencies: VecDeque<u64>,
    indexers: Option<IndexerHealth>,
    last_check: Option<CheckFigures>,
}

/// Figures gathered while the engine runs. Shared by the service and each check.
#[derive(Debug, Default)]
pub struct Monitor {
    state: Mutex<State>,
}

impl Monitor {
    pub fn new() -> Self {
        Monitor::default()
    }

    fn with<T>(&self, f: impl FnOnce(&mut State) -> T) -> T {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut state)
    }

    /// One Prowlarr request took `elapsed` (failed ones included: a timeout is latency too).
    pub fn record_latency(&self, elapsed: Duration) {
        let ms = u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX);
        self.with(|s| {
            if s.latencies.len() == LATENCY_WINDOW {
                s.latencies.pop_front();
            }
            s.latencies.push_back(ms);
        });
    }

    pub fn latency(&self) -> LatencyFigures {
        let mut sorted: Vec<u64> = self.with(|s| s.latencies.iter().copied().collect());
        sorted.sort_unstable();
        let at = |q: f64| -> u64 {
            if sorted.is_empty() {
                return 0;
            }
            let i = ((sorted.len() as f64 - 1.0) * q).round() as usize;
            sorted[i.min(sorted.len() - 1)]
        };
        LatencyFigures {
            samples: sorted.len() as u64,
            median: at(0.5),
            p95: at(0.95),
        }
    }

    pub fn set_indexers(&self, health: IndexerHealth) {
        self.with(|s| s.indexers = Some(health));
    }

    pub fn indexers(&self) -> Option<IndexerHealth> {
        self.with(|s| s.indexers.clone())
    }

    pub fn set_last_check(&self, figures: CheckFigures) {
        self.with(|s| s.last_check = Some(figures));
    }

    pub fn last_check(&self) -> Option<CheckFigures> {
        self.with(|s| s.last_check.clone())
    }
}

/// The resident set size of this process, from `/proc/self/statm` (Linux; 4 KiB pages assumed, as on x86-64
/// and the usual arm64 kernels). `None` elsewhere.
pub fn rss_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latency_figures_are_median_and_p95_of_the_recent_window() {
        let monitor = Monitor::new();
        assert_eq!(monitor.latency(), LatencyFigures::default());
        for ms in 1..=300 {
            monitor.record_latency(Duration::from_millis(ms));
        }
        let figures = monitor.latency();
        assert_eq!(figures.samples, 200);
        assert_eq!(figures.median, 201);
        assert_eq!(figures.p95, 290);
    }

    #[test]
    fn rss_is_read_on_linux() {
        assert!(rss_bytes().is_some_and(|b| b > 1024 * 1024));
    }
}
