//! One event type for everything the engine tells its adapters (the desktop shell, the daemon's log).
//!
//! Events go out on a `tokio::sync::broadcast` channel: a slow or absent listener never blocks a check, and a
//! lagging one loses old progress events rather than memory. Each event has a stable name (`scope://name`)
//! that the desktop shell forwards as a Tauri event. Events carry no secrets and no download links.

use serde::Serialize;
use tokio::sync::broadcast;

use crate::status::Status;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    /// A check started over `total` items.
    CheckStarted { run_id: i64, total: usize },
    /// `done` of `total` item searches finished.
    Progress {
        run_id: i64,
        done: usize,
        total: usize,
    },
    /// A new release of an item was found (and its notification queued).
    ReleaseFound {
        item_id: i64,
        item_title: String,
        release_title: String,
        indexer: String,
    },
    /// A search for one item failed; the check goes on with the others.
    ItemFailed {
        item_id: i64,
        item_title: String,
        error: String,
    },
    /// A check finished with these figures.
    CheckFinished { run_id: i64, summary: CheckSummary },
    /// A notification was delivered, or failed for good.
    NotificationSent {
        notification_id: i64,
        channel: String,
    },
    NotificationFailed {
        notification_id: i64,
        channel: String,
        reason: String,
    },
    /// A notification could not be delivered now and is retried at `next_attempt_at` (Unix seconds).
    /// `flood_control`: the channel asked to wait (Telegram's 429 `retry_after`), which is not a fault.
    NotificationRetrying {
        notification_id: i64,
        channel: String,
        reason: String,
        next_attempt_at: i64,
        flood_control: bool,
    },
    /// A delivery pass ended after sending, putting off or failing notifications: the outbox's counts changed.
    /// One per pass however many notifications it handled, so the status is refreshed once per batch rather
    /// than once per message.
    DeliveryFinished {
        sent: usize,
        retried: usize,
        failed: usize,
    },
    /// An item had news in a check: one per item, for desktop notifications.
    ItemNews {
        item_id: i64,
        item_title: String,
        count: usize,
        best_release: String,
    },
    /// The service's status changed (check started or progressed or finished, paused, a problem appeared).
    StatusChanged(Status),
    /// The watchlist or the items' states changed.
    ItemsChanged,
    /// A found release's grab was sent and ended, grabbed or failed (see the found releases for how).
    GrabChanged { match_id: i64 },
}

/// The figures of one check.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct CheckSummary {
    pub run_id: i64,
    pub items: usize,
    /// Item searches by name (aliases included).
    pub searches: usize,
    /// Pages of the latest-releases feed read.
    pub feed_requests: usize,
    pub releases_seen: usize,
    pub new_matches: usize,
    pub errors: usize,
    pub notifications_queued: usize,
    pub duration_ms: u64,
    /// Why the latest releases could not be read, when that did not stop the check.
    pub feed_error: Option<String>,
}

impl Event {
    /// The stable name adapters use (`watcher://progress`, `release://found`, ...).
    pub fn name(&self) -> &'static str {
        match self {
            Event::CheckStarted { .. } => "watcher://check-started",
            Event::Progress { .. } => "watcher://progress",
            Event::ReleaseFound { .. } => "release://found",
            Event::ItemFailed { .. } => "watcher://item-failed",
            Event::CheckFinished { .. } => "watcher://check-finished",
            Event::NotificationSent { .. } => "notify://sent",
            Event::NotificationFailed { .. } => "notify://failed",
            Event::NotificationRetrying { .. } => "notify://retrying",
            Event::DeliveryFinished { .. } => "notify://delivery-finished",
            Event::ItemNews { .. } => "release://item-news",
            Event::StatusChanged(_) => "status://changed",
            Event::ItemsChanged => "items://changed",
            Event::GrabChanged { .. } => "release://grab-changed",
        }
    }

    /// The payload a UI receives with [`Event::name`]: the event's fields (without the serde tag), the status
    /// itself for `status://changed`, and `null` for `items://changed`.
    pub fn payload(&self) -> serde_json::Value {
        use serde_json::Value;
        let value = match self {
            Event::StatusChanged(status) => serde_json::to_value(status),
            Event::ItemsChanged => Ok(Value::Null),
            other => serde_json::to_value(other),
        };
        match value {
            Ok(Value::Object(mut fields)) if !matches!(self, Event::StatusChanged(_)) => {
                fields.remove("type");
                Value::Object(fields)
            }
            Ok(value) => value,
            Err(e) => {
                tracing::warn!(event = self.name(), error = %e, "an event could not be serialized");
                Value::Null
            }
        }
    }
}

/// The sending side; cheap to clone. Sending with no listener is not an error.
#[derive(Clone)]
pub struct Events {
    tx: broadcast::Sender<Event>,
}

impl Default for Events {
    fn default() -> Self {
        Events::new()
    }
}

impl Events {
    pub fn new() -> Self {
        let (tx, _) = broadcast::channel(1024);
        Events { tx }
    }

    pub fn send(&self, event: Event) {
        tracing::debug!(event = event.name(), "event");
        let _ = self.tx.send(event);
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Event> {
        self.tx.subscribe()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;
    use crate::status::Status;
    use crate::store::NotificationCounts;
    use serde_json::{Value, json};

    #[test]
    fn progress_has_the_contract_payload() {
        let event = Event::Progress {
            run_id: 4,
            done: 2,
            total: 9,
        };
        assert_eq!(event.name(), "watcher://progress");
        assert_eq!(event.payload(), json!({"run_id": 4, "done": 2, "total": 9}));
    }

    #[test]
    fn a_found_release_carries_its_fields() {
        let event = Event::ReleaseFound {
            item_id: 1,
            item_title: "Dune Part Two".into(),
            release_title: "Dune.Part.Two.2024.2160p.WEB-DL".into(),
            indexer: "FakeIndexer".into(),
        };
        assert_eq!(
            event.payload(),
            json!({"item_id": 1, "item_title": "Dune Part Two", "release_title": "Dune.Part.Two.2024.2160p.WEB-DL", "indexer": "FakeIndexer"})
        );
    }

    #[test]
    fn a_status_change_carries_the_status_itself() {
        let status = Status {
            paused: true,
            running: None,
            last_check: None,
            next_check_at: None,
            problem: None,
            notifications: NotificationCounts {
                pending: 1,
                sent: 2,
                failed: 0,
            },
        };
        let value = Event::StatusChanged(status.clone()).payload();
        assert_eq!(value, serde_json::to_value(&status).unwrap());
        assert_eq!(value["paused"], true);
        assert_eq!(value["notifications"]["sent"], 2);
    }

    #[test]
    fn items_changed_carries_null() {
        assert_eq!(Event::ItemsChanged.payload(), Value::Null);
    }
}
