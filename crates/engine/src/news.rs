//! What a notification says, before any channel words it: the outbox stores a [`Notice`] and each channel
//! ([`crate::channel`]) renders it at delivery, as Telegram HTML, an ntfy push or a webhook's JSON.
//!
//! The text here is untrusted (release titles, indexer names and URLs come from indexers): each renderer
//! escapes it for its own format. [`ReleaseLine`] has no field for Prowlarr's `downloadUrl` or `magnetUrl`, nor
//! the guid, on purpose: they can embed the Prowlarr API key or a tracker passkey and must never leave the
//! machine. A release is named to the outside by its match id, which the engine resolves when asked to grab.

pub mod words;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::prowlarr::Protocol;

/// Longer links are dropped rather than sent: real info pages are far shorter.
const URL_MAX: usize = 2048;

/// How a release of an episode or film that was announced before is news.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ReleaseLabel {
    /// A REPACK of a release announced in the same quality.
    Repack,
    /// A PROPER of a release announced in the same quality.
    Proper,
    /// A better quality than any announced.
    BetterQuality,
    /// Another release (another group, the same or a lower quality): listed, not a headline.
    Another,
}

/// One release as a notification shows it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ReleaseLine {
    /// The match this release is, which a grab names.
    pub match_id: i64,
    /// `None` for news; else how a release of something already announced is news.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<ReleaseLabel>,
    pub title: String,
    pub size_bytes: Option<i64>,
    pub indexers: Vec<String>,
    pub seeders: Option<i64>,
    pub protocol: Protocol,
    pub published: Option<DateTime<Utc>>,
    pub info_url: Option<String>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub enum NewsKind {
    /// The "already out" summary sent at an item's first successful check.
    FirstSummary,
    /// Releases that appeared since the previous check.
    NewReleases,
}

/// What one check found for one item.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ItemNews {
    pub item_id: i64,
    pub item_title: String,
    pub item_year: Option<u16>,
    pub kind: NewsKind,
    /// All of them, the news first, each part best first.
    pub releases: Vec<ReleaseLine>,
    pub poster_url: Option<String>,
}

impl ItemNews {
    /// The releases that are news (not "another release" of something announced).
    pub fn news_count(&self) -> usize {
        self.releases
            .iter()
            .filter(|r| r.label != Some(ReleaseLabel::Another))
            .count()
    }
}

/// One notification as the outbox stores it. `at` is when it was composed: the renderers count ages ("3 h
/// ago") from it, so a message rendered again for a retry reads as it did the first time.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "notice", rename_all = "snake_case")]
pub enum Notice {
    /// One item's news.
    Item { at: DateTime<Utc>, news: ItemNews },
    /// Many items' news in one check: page `page` of the digest listing `total` items. A channel with a size
    /// limit has the digest cut into pages that each fit one of its messages ([`crate::notify::compose`]).
    Digest {
        at: DateTime<Utc>,
        items: Vec<ItemNews>,
        total: usize,
        page: usize,
    },
    /// "Send test message".
    Test,
    /// A Telegram message composed by a version that stored rendered HTML; sent as it is.
    #[serde(untagged)]
    TelegramHtml(TelegramHtml),
}

/// A message rendered for Telegram: HTML text, and a poster with its caption.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct TelegramHtml {
    pub text: String,
    pub photo_url: Option<String>,
    pub caption: Option<String>,
}

/// Where the web UI is as its users reach it (the `web_public_url` setting): messages link to an item there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebLinks {
    base: String,
}

impl WebLinks {
    /// `None` for an address that is not a [`safe_url`].
    pub fn new(base: &str) -> Option<WebLinks> {
        let base = safe_url(base)?;
        Some(WebLinks {
            base: base.trim_end_matches('/').to_owned(),
        })
    }

    /// The item's releases in the web UI's Found view.
    pub fn item(&self, item_id: i64) -> String {
        format!("{}/?item={item_id}", self.base)
    }

    /// Everything found.
    pub fn found(&self) -> String {
        format!("{}/?view=found", self.base)
    }
}

/// An `http(s)` URL that is safe to put in a message, normalised; `None` for any other scheme (`javascript:`,
/// `file:`, `magnet:`), for overlong URLs, and for URLs that carry a credential (an `apikey=`/`token=` style
/// parameter or a bot token path).
pub fn safe_url(raw: &str) -> Option<String> {
    let url = url::Url::parse(raw.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return None;
    }
    let s = url.to_string();
    if s.len() > URL_MAX || crate::redact::redact(&s) != s {
        return None;
    }
    Some(s)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;

    #[test]
    fn a_notice_round_trips_and_a_stored_telegram_message_still_reads() {
        let notice = Notice::Item {
            at: DateTime::from_timestamp(1_700_000_000, 0).unwrap(),
            news: ItemNews {
                item_id: 3,
                item_title: "Dune".into(),
                item_year: Some(2021),
                kind: NewsKind::NewReleases,
                releases: Vec::new(),
                poster_url: None,
            },
        };
        let json = serde_json::to_string(&notice).unwrap();
        assert!(json.contains(r#""notice":"item""#), "{json}");
        assert_eq!(serde_json::from_str::<Notice>(&json).unwrap(), notice);

        // What earlier versions stored in the outbox.
        let legacy = r#"{"text":"<b>Dune</b>","photo_url":null,"caption":null}"#;
        assert_eq!(
            serde_json::from_str::<Notice>(legacy).unwrap(),
            Notice::TelegramHtml(TelegramHtml {
                text: "<b>Dune</b>".into(),
                photo_url: None,
                caption: None,
            })
        );
        assert!(serde_json::from_str::<Notice>(r#"{"notice":"nope"}"#).is_err());
    }

    #[test]
    fn only_plain_web_links_without_credentials_are_safe() {
        assert_eq!(
            safe_url(" https://indexer.example/details/1 ").as_deref(),
            Some("https://indexer.example/details/1")
        );
        for bad in [
            "javascript:alert(1)",
            "magnet:?xt=urn:btih:abc",
            "file:///etc/passwd",
            "https://indexer.example/dl?apikey=0123456789abcdef",
        ] {
            assert_eq!(safe_url(bad), None, "{bad}");
        }
    }
}
