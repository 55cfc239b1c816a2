//! Desktop notifications: one per item with news in a check ("Dune Part Two — 2 new releases", body: the best
//! release title), through the session's notification daemon (`org.freedesktop.Notifications`).

use nightwatcher_engine::link::EngineLink;
use serde::Deserialize;
use serde_json::Value;

/// The application name the notification daemon shows and groups by.
pub const APP_NAME: &str = "NightWatcher";

/// The payload of the engine's `release://item-news` event.
#[derive(Debug, Deserialize)]
struct ItemNews {
    item_title: String,
    count: usize,
    best_release: String,
}

/// Shows the news of one item (an `release://item-news` payload), unless the user turned desktop
/// notifications off in the engine's settings — this computer's, or the attached server's.
pub async fn notify_news(engine: &EngineLink, payload: &Value) {
    let news = match ItemNews::deserialize(payload) {
        Ok(news) => news,
        Err(e) => {
            tracing::warn!(error = %e, "unreadable news: no desktop notification");
            return;
        }
    };
    match engine.call("get_settings", Value::Null).await {
        Ok(settings) if settings["desktop_notifications"] != Value::Bool(false) => {}
        Ok(_) => return,
        Err(e) => {
            tracing::warn!(error = %e, "settings unreadable: no desktop notification");
            return;
        }
    }
    let title = news_title(&news.item_title, news.count);
    let shown = notify_rust::Notification::new()
        .appname(APP_NAME)
        .summary(&title)
        .body(&notification_body(&news.best_release))
        .icon("nightwatcher")
        .show_async()
        .await;
    match shown {
        Ok(_) => tracing::info!(title, "desktop notification"),
        Err(e) => tracing::warn!(error = %e, "the desktop notification could not be shown"),
    }
}

/// `Dune Part Two — 2 new releases`.
pub fn news_title(item_title: &str, count: usize) -> String {
    let plural = if count == 1 { "" } else { "s" };
    format!("{item_title} — {count} new release{plural}")
}

/// Notification servers read the body as markup (a subset of HTML); a release title is untrusted text.
pub fn notification_body(release_title: &str) -> String {
    release_title
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_titles_count_releases() {
        assert_eq!(
            news_title("Dune Part Two", 2),
            "Dune Part Two — 2 new releases"
        );
        assert_eq!(news_title("Severance", 1), "Severance — 1 new release");
    }

    #[test]
    fn release_titles_cannot_inject_notification_markup() {
        assert_eq!(
            notification_body("<a href=\"http://x\">Click</a> & more"),
            "&lt;a href=\"http://x\"&gt;Click&lt;/a&gt; &amp; more"
        );
    }
}
