//! The ntfy channel: a push to the user's phone through an ntfy server (ntfy.sh or their own), one
//! notification per stored [`Notice`].
//!
//! A push is ntfy's JSON publish: `POST <server>/` with `{topic, title, message, priority, tags, click,
//! attach}`, and `Authorization: Bearer <token>` when the topic is protected. The text is plain (ntfy shows it
//! as it is), worded as on every channel ([`crate::news::words`]) and cut to fit ntfy's message limit by
//! dropping release lines from the end. `click` opens the item in the web UI when its public address is set,
//! else the best release's info page; `attach` is the poster. Both only ever carry [`safe_url`]s: never a
//! download link, whose query holds the Prowlarr API key.
//!
//! One attempt per [`Channel::send`]: 429 and 5xx are transient (after ntfy's `Retry-After`), 401/403 say to
//! check the access token, anything else is permanent. The topic is a password of sorts on a public server,
//! so neither it nor the server URL appears in an error or a log line.

use std::fmt;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::channel::{self, Channel, ChannelId, SendError, Sending};
use crate::news::words::{self, RELEASE_TITLE_MAX, cap};
use crate::news::{ItemNews, Notice, WebLinks, safe_url};
use crate::secrets::Secret;

/// ntfy's default limit for a message body, in bytes; a longer one would be turned into an attachment.
pub const MAX_MESSAGE: usize = 4096;
/// Releases listed in one push; the rest are counted as `+N more`.
const MAX_LISTED: usize = 10;
/// How long one push may take.
const TIMEOUT: Duration = Duration::from_secs(20);

/// ntfy's five priorities, by the names its docs give them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Priority {
    Min,
    Low,
    #[default]
    Default,
    High,
    Max,
}

impl Priority {
    pub const NAMES: [&'static str; 5] = ["min", "low", "default", "high", "max"];

    /// A name (`high`) or ntfy's number for it (`4`), as the setting takes either.
    pub fn parse(s: &str) -> Option<Priority> {
        let all = [
            Priority::Min,
            Priority::Low,
            Priority::Default,
            Priority::High,
            Priority::Max,
        ];
        let s = s.trim().to_ascii_lowercase();
        all.into_iter().find(|p| {
            p.as_str() == s || p.number().to_string() == s || (s == "urgent" && *p == Priority::Max)
        })
    }

    pub fn as_str(self) -> &'static str {
        Priority::NAMES[usize::from(self.number() - 1)]
    }

    pub fn number(self) -> u8 {
        match self {
            Priority::Min => 1,
            Priority::Low => 2,
            Priority::Default => 3,
            Priority::High => 4,
            Priority::Max => 5,
        }
    }
}

/// What the channel needs to push.
#[derive(Debug, Clone)]
pub struct NtfyConfig {
    /// The server's base URL: `https://ntfy.sh`, or a self-hosted one (a path is kept).
    pub server: url::Url,
    pub topic: String,
    /// An access token (`tk_…`) for a protected topic.
    pub token: Option<Secret>,
    pub priority: Priority,
    /// Where items open in the web UI, when its public address is set.
    pub links: Option<WebLinks>,
}

/// The body of ntfy's JSON publish.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Push {
    pub topic: String,
    pub title: String,
    pub message: String,
    pub priority: u8,
    pub tags: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub click: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attach: Option<String>,
}

pub struct NtfyChannel {
    http: reqwest::Client,
    publish_url: url::Url,
    config: NtfyConfig,
}

impl fmt::Debug for NtfyChannel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The topic and the token stay out of logs.
        f.debug_struct("NtfyChannel")
            .field("server", &self.config.server.host_str())
            .finish_non_exhaustive()
    }
}

impl NtfyChannel {
    pub fn new(config: NtfyConfig) -> Result<NtfyChannel, SendError> {
        let http = channel::http_client(TIMEOUT)?;
        let mut publish_url = config.server.clone();
        if !publish_url.path().ends_with('/') {
            let path = format!("{}/", publish_url.path());
            publish_url.set_path(&path);
        }
        if let Some(token) = &config.token {
            crate::redact::register_secret(token.expose());
        }
        Ok(NtfyChannel {
            http,
            publish_url,
            config,
        })
    }

    /// The push `notice` makes.
    pub fn push(&self, notice: &Notice) -> Push {
        render(notice, &self.config)
    }

    async fn publish(&self, push: &Push) -> Result<(), SendError> {
        let mut request = self.http.post(self.publish_url.clone()).json(push);
        if let Some(token) = &self.config.token {
            request = request.bearer_auth(token.expose());
        }
        // ntfy answers `{"code":40301,"http":403,"error":"forbidden",…}`.
        let said = |body: String| {
            serde_json::from_str::<serde_json::Value>(&body)
                .ok()
                .and_then(|v| v.get("error")?.as_str().map(str::to_owned))
                .unwrap_or(body)
        };
        channel::deliver(request, said, "the ntfy topic and its access token").await
    }
}

impl Channel for NtfyChannel {
    fn id(&self) -> ChannelId {
        ChannelId::Ntfy
    }

    fn send<'a>(&'a self, notice: &'a Notice) -> Sending<'a> {
        Box::pin(async move { self.publish(&self.push(notice)).await })
    }
}

/// The push for `notice`: pure, so what a phone shows is tested without a server.
pub fn render(notice: &Notice, config: &NtfyConfig) -> Push {
    let push = |title: String, message: String, tags: Vec<&'static str>| Push {
        topic: config.topic.clone(),
        title,
        message,
        priority: config.priority.number(),
        tags,
        click: None,
        attach: None,
    };
    match notice {
        Notice::Item { at, news } => Push {
            click: config
                .links
                .as_ref()
                .map(|l| l.item(news.item_id))
                .or_else(|| {
                    news.releases
                        .first()
                        .and_then(|r| r.info_url.as_deref())
                        .and_then(safe_url)
                }),
            attach: news.poster_url.as_deref().and_then(safe_url),
            ..push(
                words::item_name(news),
                item_text(news, *at),
                vec!["clapper"],
            )
        },
        Notice::Digest {
            at, items, total, ..
        } => Push {
            click: config.links.as_ref().map(WebLinks::found),
            ..push(
                format!("News for {total} watched items"),
                digest_text(items, *at),
                vec!["package"],
            )
        },
        Notice::Test => push(
            "NightWatcher".to_owned(),
            "NightWatcher is connected: notifications about your watchlist will arrive here."
                .to_owned(),
            vec!["white_check_mark"],
        ),
        Notice::TelegramHtml(m) => push(
            "NightWatcher".to_owned(),
            fit(vec![crate::telegram::html_to_plain(&m.text)], 0),
            Vec::new(),
        ),
    }
}

fn item_text(news: &ItemNews, now: DateTime<Utc>) -> String {
    let mut lines = vec![words::what_is_new(news)];
    lines.extend(news.releases.iter().take(MAX_LISTED).map(|r| {
        let mut parts = vec![cap(&r.title, RELEASE_TITLE_MAX)];
        parts.extend(words::release_facts(r, now));
        let label = r
            .label
            .map(|l| format!("{}: ", words::label_words(l)))
            .unwrap_or_default();
        format!("• {label}{}", parts.join(" · "))
    }));
    let hidden = news.releases.len().saturating_sub(MAX_LISTED);
    fit(lines, hidden)
}

fn digest_text(items: &[ItemNews], now: DateTime<Utc>) -> String {
    let lines = items
        .iter()
        .map(|news| {
            let mut line = format!("{} — {}", words::item_name(news), words::what_is_new(news));
            if let Some(best) = news.releases.first() {
                let mut parts = vec![cap(&best.title, RELEASE_TITLE_MAX)];
                parts.extend(words::release_facts(best, now));
                line.push_str(&format!("\n  best: {}", parts.join(" · ")));
            }
            line
        })
        .collect();
    fit(lines, 0)
}

/// The lines joined, dropping lines from the end (counted in `+N more`, with `hidden` already left out)
/// until the text fits [`MAX_MESSAGE`]; the first line always stays, cut if it must be.
fn fit(mut lines: Vec<String>, hidden: usize) -> String {
    let mut dropped = 0;
    loop {
        let mut text = lines.join("\n");
        if hidden + dropped > 0 {
            text.push_str(&format!("\n+{} more", hidden + dropped));
        }
        if text.len() <= MAX_MESSAGE || lines.len() <= 1 {
            if text.len() > MAX_MESSAGE {
                let mut end = MAX_MESSAGE - "…".len();
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                text.truncate(end);
                text.push('…');
            }
            return text;
        }
        lines.pop();
        dropped += 1;
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;
    use crate::news::{NewsKind, ReleaseLine};
    use crate::prowlarr::Protocol;

    fn config(links: Option<WebLinks>) -> NtfyConfig {
        NtfyConfig {
            server: url::Url::parse("https://ntfy.example/base").unwrap(),
            topic: "films".into(),
            token: None,
            priority: Priority::High,
            links,
        }
    }

    fn release(title: &str, info_url: Option<&str>) -> ReleaseLine {
        ReleaseLine {
            match_id: 1,
            label: None,
            title: title.into(),
            size_bytes: Some(4 * 1024 * 1024 * 1024),
            indexers: vec!["Tracker".into()],
            seeders: Some(12),
            protocol: Protocol::Torrent,
            published: None,
            info_url: info_url.map(str::to_owned),
        }
    }

    fn item(releases: Vec<ReleaseLine>) -> Notice {
        Notice::Item {
            at: Utc::now(),
            news: ItemNews {
                item_id: 7,
                item_title: "Dune: Part Two".into(),
                item_year: Some(2024),
                kind: NewsKind::NewReleases,
                releases,
                poster_url: Some("https://img.example/p.jpg".into()),
            },
        }
    }

    #[test]
    fn priorities_read_names_and_numbers() {
        assert_eq!(Priority::parse("HIGH"), Some(Priority::High));
        assert_eq!(Priority::parse("5"), Some(Priority::Max));
        assert_eq!(Priority::parse("urgent"), Some(Priority::Max));
        assert_eq!(Priority::parse("6"), None);
        assert_eq!(Priority::Min.as_str(), "min");
    }

    #[test]
    fn an_item_push_names_the_item_lists_its_releases_and_links_safely() {
        let notice = item(vec![
            release(
                "Dune.Part.Two.2024.2160p.WEB-DL-GRP",
                Some("https://tracker.example/t/1"),
            ),
            release(
                "Dune.Part.Two.2024.1080p.WEB-DL-GRP",
                Some("https://tracker.example/dl?apikey=SECRET"),
            ),
        ]);
        let push = render(&notice, &config(None));
        assert_eq!(push.title, "Dune: Part Two (2024)");
        assert_eq!(push.priority, 4);
        assert!(
            push.message
                .starts_with("2 new releases\n• Dune.Part.Two.2024.2160p"),
            "{}",
            push.message
        );
        assert!(
            push.message.contains("4.0 GiB · Tracker · 12 seeders"),
            "{}",
            push.message
        );
        assert_eq!(push.click.as_deref(), Some("https://tracker.example/t/1"));
        assert_eq!(push.attach.as_deref(), Some("https://img.example/p.jpg"));
        assert!(!serde_json::to_string(&push).unwrap().contains("SECRET"));

        // With the web UI's address, the push opens the item there.
        let links = WebLinks::new("https://nas.example/nw").unwrap();
        let push = render(&notice, &config(Some(links)));
        assert_eq!(
            push.click.as_deref(),
            Some("https://nas.example/nw/?item=7")
        );
    }

    #[test]
    fn a_long_list_is_cut_to_ntfys_limit_and_says_how_many_are_left_out() {
        // Capped at 300 characters of two bytes each: ten of them pass 4096 bytes.
        let long = "é".repeat(2000);
        let notice = item((0..12).map(|_| release(&long, None)).collect());
        let push = render(&notice, &config(None));
        assert!(push.message.len() <= MAX_MESSAGE, "{}", push.message.len());
        let listed = push.message.matches("• ").count();
        assert!(listed >= 1, "{}", push.message);
        assert!(
            listed < 10 && push.message.ends_with(&format!("+{} more", 12 - listed)),
            "{}",
            push.message
        );
        // One line longer than the limit alone is cut, never sent whole.
        assert!(fit(vec!["é".repeat(5000)], 0).len() <= MAX_MESSAGE);
    }
}
