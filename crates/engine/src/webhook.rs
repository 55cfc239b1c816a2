//! The webhook channel: each stored [`Notice`] is one `POST` of a documented JSON [`Payload`] to a URL the
//! user gives (Home Assistant, n8n, a script). `docs/webhook.md` is the payload's contract; a field is added,
//! never renamed, and `version` says which contract a receiver reads.
//!
//! With a secret set, every request carries it in `X-NightWatcher-Secret`, which a receiver compares (n8n's
//! "Header Auth" does exactly that). Releases are named by their found id, which `POST
//! /api/v1/found/{id}/grab` takes; never by a download link, magnet or guid, which can carry the Prowlarr API
//! key or a tracker passkey. Only [`safe_url`]s go out.
//!
//! One attempt per [`Channel::send`]: 2xx is delivered; 408, 429 and 5xx are retried; a redirect or any other
//! status is permanent. The URL often holds a credential itself (Home Assistant's webhook id), so it never
//! appears in an error or a log line.

use std::fmt;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::channel::{self, Channel, ChannelId, SendError, Sending};
use crate::news::words;
use crate::news::{ItemNews, NewsKind, Notice, ReleaseLabel, ReleaseLine, WebLinks, safe_url};
use crate::prowlarr::Protocol;
use crate::secrets::Secret;

/// The version of the payload's contract (`docs/webhook.md`).
pub const PAYLOAD_VERSION: u32 = 1;
/// The header that carries the secret.
pub const SECRET_HEADER: &str = "X-NightWatcher-Secret";
const TIMEOUT: Duration = Duration::from_secs(20);

#[derive(Debug, Clone)]
pub struct WebhookConfig {
    pub url: url::Url,
    pub secret: Option<Secret>,
    /// Where items open in the web UI, when its public address is set.
    pub links: Option<WebLinks>,
}

/// What a webhook receives.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Payload {
    pub version: u32,
    /// `releases` (one item's news), `digest` (many items' in one check) or `test`.
    pub event: &'static str,
    /// When the news was composed (a retried delivery keeps it).
    pub composed_at: Option<DateTime<Utc>>,
    /// One line a person can read: "Dune: Part Two (2024) — 2 new releases".
    pub summary: String,
    pub items: Vec<ItemPayload>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemPayload {
    pub id: i64,
    pub title: String,
    pub year: Option<u16>,
    /// `first_summary` (what was already out at the item's first check) or `new_releases`.
    pub news: &'static str,
    /// "2 new releases, 1 in better quality".
    pub summary: String,
    /// The item in the web UI, when its public address is set.
    pub url: Option<String>,
    pub poster_url: Option<String>,
    /// Best first; the news before "another release" of something already announced.
    pub releases: Vec<ReleasePayload>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReleasePayload {
    /// What `POST /api/v1/found/{id}/grab` and `nightwatcherd grab` take.
    pub found_id: i64,
    pub title: String,
    /// `null` for news; else `repack`, `proper`, `better_quality` or `another`.
    pub label: Option<ReleaseLabel>,
    pub quality: Quality,
    pub size_bytes: Option<i64>,
    pub indexers: Vec<String>,
    /// Torrents only.
    pub seeders: Option<i64>,
    pub protocol: Protocol,
    pub published_at: Option<DateTime<Utc>>,
    pub info_url: Option<String>,
}

/// The quality read from the release's name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quality {
    /// `4k` (2160p), `1080p`, `720p`, …
    pub resolution: Option<String>,
    /// `WEB-DL`, `BluRay`, …
    pub source: Option<String>,
    pub codec: Option<String>,
}

pub struct WebhookChannel {
    http: reqwest::Client,
    config: WebhookConfig,
}

impl fmt::Debug for WebhookChannel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The URL's path and the secret stay out of logs.
        f.debug_struct("WebhookChannel")
            .field("host", &self.config.url.host_str())
            .finish_non_exhaustive()
    }
}

impl WebhookChannel {
    pub fn new(config: WebhookConfig) -> Result<WebhookChannel, SendError> {
        let http = channel::http_client(TIMEOUT)?;
        if let Some(secret) = &config.secret {
            crate::redact::register_secret(secret.expose());
        }
        Ok(WebhookChannel { http, config })
    }

    async fn post(&self, payload: &Payload) -> Result<(), SendError> {
        let mut request = self
            .http
            .post(self.config.url.clone())
            .header("X-NightWatcher-Event", payload.event)
            .json(payload);
        if let Some(secret) = &self.config.secret {
            request = request.header(SECRET_HEADER, secret.expose());
        }
        channel::deliver(request, |body| body, "the webhook URL and its secret").await
    }
}

impl Channel for WebhookChannel {
    fn id(&self) -> ChannelId {
        ChannelId::Webhook
    }

    fn send<'a>(&'a self, notice: &'a Notice) -> Sending<'a> {
        Box::pin(async move {
            self.post(&payload(notice, self.config.links.as_ref()))
                .await
        })
    }
}

/// The payload for `notice`: pure, so the contract is tested without a receiver.
pub fn payload(notice: &Notice, links: Option<&WebLinks>) -> Payload {
    let items = |news: &[ItemNews]| -> Vec<ItemPayload> {
        news.iter().map(|n| item_payload(n, links)).collect()
    };
    match notice {
        Notice::Item { at, news } => Payload {
            version: PAYLOAD_VERSION,
            event: "releases",
            composed_at: Some(*at),
            summary: format!("{} — {}", words::item_name(news), words::what_is_new(news)),
            items: items(std::slice::from_ref(news)),
        },
        Notice::Digest {
            at,
            items: news,
            total,
            ..
        } => Payload {
            version: PAYLOAD_VERSION,
            event: "digest",
            composed_at: Some(*at),
            summary: format!("News for {total} watched items"),
            items: items(news),
        },
        Notice::Test | Notice::TelegramHtml(_) => Payload {
            version: PAYLOAD_VERSION,
            event: "test",
            composed_at: None,
            summary: "NightWatcher is connected: this webhook will receive its notifications."
                .to_owned(),
            items: Vec::new(),
        },
    }
}

fn item_payload(news: &ItemNews, links: Option<&WebLinks>) -> ItemPayload {
    ItemPayload {
        id: news.item_id,
        title: news.item_title.clone(),
        year: news.item_year,
        news: match news.kind {
            NewsKind::FirstSummary => "first_summary",
            NewsKind::NewReleases => "new_releases",
        },
        summary: words::what_is_new(news),
        url: links.map(|l| l.item(news.item_id)),
        poster_url: news.poster_url.as_deref().and_then(safe_url),
        releases: news.releases.iter().map(release_payload).collect(),
    }
}

fn release_payload(r: &ReleaseLine) -> ReleasePayload {
    let parsed = crate::matcher::parse(&r.title);
    ReleasePayload {
        found_id: r.match_id,
        title: r.title.clone(),
        label: r.label,
        quality: Quality {
            resolution: parsed.resolution,
            source: parsed.source,
            codec: parsed.codec,
        },
        size_bytes: r.size_bytes.filter(|s| *s > 0),
        indexers: r.indexers.clone(),
        seeders: r.seeders.filter(|_| r.protocol == Protocol::Torrent),
        protocol: r.protocol,
        published_at: r.published,
        info_url: r.info_url.as_deref().and_then(safe_url),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;

    #[test]
    fn the_payload_names_items_and_releases_by_id_with_their_quality_and_no_unsafe_link() {
        let notice = Notice::Item {
            at: DateTime::from_timestamp(1_700_000_000, 0).unwrap(),
            news: ItemNews {
                item_id: 3,
                item_title: "Dune: Part Two".into(),
                item_year: Some(2024),
                kind: NewsKind::NewReleases,
                releases: vec![ReleaseLine {
                    match_id: 41,
                    label: Some(ReleaseLabel::Repack),
                    title: "Dune.Part.Two.2024.REPACK.2160p.WEB-DL.x265-GRP".into(),
                    size_bytes: Some(0),
                    indexers: vec!["Tracker".into()],
                    seeders: Some(9),
                    protocol: Protocol::Usenet,
                    published: None,
                    info_url: Some("https://t.example/dl?passkey=abcdef123456".into()),
                }],
                poster_url: Some("javascript:alert(1)".into()),
            },
        };
        let links = WebLinks::new("https://nas.example").unwrap();
        let json = serde_json::to_value(payload(&notice, Some(&links))).unwrap();
        assert_eq!(json["version"], 1);
        assert_eq!(json["event"], "releases");
        assert_eq!(json["summary"], "Dune: Part Two (2024) — 1 REPACK/PROPER");
        let item = &json["items"][0];
        assert_eq!(item["id"], 3);
        assert_eq!(item["url"], "https://nas.example/?item=3");
        assert_eq!(item["poster_url"], serde_json::Value::Null);
        let release = &item["releases"][0];
        assert_eq!(release["found_id"], 41);
        assert_eq!(release["label"], "repack");
        assert_eq!(release["quality"]["resolution"], "4k");
        assert_eq!(
            release["size_bytes"],
            serde_json::Value::Null,
            "0 is unknown"
        );
        assert_eq!(
            release["seeders"],
            serde_json::Value::Null,
            "usenet has none"
        );
        assert_eq!(release["info_url"], serde_json::Value::Null);
        assert!(!json.to_string().contains("passkey"));
    }
}
