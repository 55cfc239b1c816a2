//! Engine events to the places a user sees them: the window, the tray menu, desktop notifications.
//!
//! One task subscribes to the engine's broadcast and handles every event in order. Each goes to the main
//! window as a Tauri event named by [`Event::name`] (the names and payloads of the IPC contract); when the
//! window is closed the event is dropped, since the UI reloads everything when it opens. A status change also
//! relabels the tray menu, and an item's news becomes one desktop notification when the user wants them.
//! A lagging subscriber loses old events rather than stalling the engine; the next status event catches up.

use nightwatcher_engine::events::Event;
use nightwatcher_engine::service::Service;
use serde_json::Value;
use tauri::{AppHandle, Emitter, EventTarget, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;
use tokio::sync::broadcast::error::RecvError;

use crate::{tray, window};

/// Starts forwarding; the task lives as long as the app.
pub fn spawn<R: Runtime>(app: AppHandle<R>, service: Service) {
    let mut events = service.events().subscribe();
    tauri::async_runtime::spawn(async move {
        loop {
            match events.recv().await {
                Ok(event) => handle(&app, &service, event).await,
                Err(RecvError::Lagged(missed)) => {
                    tracing::debug!(missed, "event forwarding lagged")
                }
                Err(RecvError::Closed) => break,
            }
        }
    });
}

async fn handle<R: Runtime>(app: &AppHandle<R>, service: &Service, event: Event) {
    match &event {
        Event::StatusChanged(status) => tray::show_status(app, status),
        Event::ItemNews {
            item_title,
            count,
            best_release,
            ..
        } => {
            notify_news(app, service, item_title, *count, best_release).await;
        }
        _ => {}
    }
    if app.get_webview_window(window::MAIN).is_some()
        && let Err(e) = app.emit_to(
            EventTarget::webview_window(window::MAIN),
            event.name(),
            payload(&event),
        )
    {
        tracing::debug!(event = event.name(), error = %e, "event not delivered to the window");
    }
}

/// The payload the UI receives: the event's fields (without the serde tag), the status itself for
/// `status://changed`, and `null` for `items://changed`.
pub fn payload(event: &Event) -> Value {
    let value = match event {
        Event::StatusChanged(status) => serde_json::to_value(status),
        Event::ItemsChanged => Ok(Value::Null),
        other => serde_json::to_value(other),
    };
    match value {
        Ok(Value::Object(mut fields)) if !matches!(event, Event::StatusChanged(_)) => {
            fields.remove("type");
            Value::Object(fields)
        }
        Ok(value) => value,
        Err(e) => {
            tracing::warn!(event = event.name(), error = %e, "an event could not be serialized");
            Value::Null
        }
    }
}

async fn notify_news<R: Runtime>(
    app: &AppHandle<R>,
    service: &Service,
    item_title: &str,
    count: usize,
    best_release: &str,
) {
    match service.settings().await {
        Ok(settings) if settings.desktop_notifications => {}
        Ok(_) => return,
        Err(e) => {
            tracing::warn!(error = %e, "settings unreadable: no desktop notification");
            return;
        }
    }
    let title = news_title(item_title, count);
    match app
        .notification()
        .builder()
        .title(&title)
        .body(notification_body(best_release))
        .show()
    {
        Ok(()) => tracing::info!(title, "desktop notification"),
        Err(e) => tracing::warn!(error = %e, "the desktop notification could not be shown"),
    }
}

/// `Dune Part Two — 2 new releases`.
pub fn news_title(item_title: &str, count: usize) -> String {
    let plural = if count == 1 { "" } else { "s" };
    format!("{item_title} — {count} new release{plural}")
}

/// Linux notification servers read the body as markup (a subset of HTML); a release title is untrusted text.
pub fn notification_body(release_title: &str) -> String {
    if cfg!(target_os = "linux") {
        release_title
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    } else {
        release_title.to_owned()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap (STYLE.md)
mod tests {
    use super::*;
    use nightwatcher_engine::service::Status;
    use nightwatcher_engine::store::NotificationCounts;
    use serde_json::json;

    #[test]
    fn progress_reaches_the_window_as_the_contract_payload() {
        let event = Event::Progress {
            run_id: 4,
            done: 2,
            total: 9,
        };
        assert_eq!(event.name(), "watcher://progress");
        assert_eq!(payload(&event), json!({"run_id": 4, "done": 2, "total": 9}));
    }

    #[test]
    fn a_found_release_reaches_the_window_with_its_fields() {
        let event = Event::ReleaseFound {
            item_id: 1,
            item_title: "Dune Part Two".into(),
            release_title: "Dune.Part.Two.2024.2160p.WEB-DL".into(),
            indexer: "FakeIndexer".into(),
        };
        assert_eq!(
            payload(&event),
            json!({"item_id": 1, "item_title": "Dune Part Two", "release_title": "Dune.Part.Two.2024.2160p.WEB-DL", "indexer": "FakeIndexer"})
        );
    }

    #[test]
    fn a_status_change_sends_the_status_itself() {
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
        let value = payload(&Event::StatusChanged(status.clone()));
        assert_eq!(value, serde_json::to_value(&status).unwrap());
        assert_eq!(value["paused"], true);
        assert_eq!(value["notifications"]["sent"], 2);
    }

    #[test]
    fn items_changed_carries_null() {
        assert_eq!(payload(&Event::ItemsChanged), Value::Null);
    }

    #[test]
    fn news_titles_count_releases() {
        assert_eq!(
            news_title("Dune Part Two", 2),
            "Dune Part Two — 2 new releases"
        );
        assert_eq!(news_title("Severance", 1), "Severance — 1 new release");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn release_titles_cannot_inject_notification_markup() {
        assert_eq!(
            notification_body("<a href=\"http://x\">Click</a> & more"),
            "&lt;a href=\"http://x\"&gt;Click&lt;/a&gt; &amp; more"
        );
    }
}
