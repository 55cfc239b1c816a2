//! The XSS corpus (`nightwatcher_testkit::xss`) through real checks of the service, to the fake Telegram whose
//! HTML parse mode is as strict as Telegram's: hostile release titles and indexer names, and `infoUrl`/`posterUrl`
//! of every scheme, as a real Prowlarr would send them.
//!
//! What must hold: Telegram accepts every message on the first try (no "can't parse entities", no refused photo,
//! no notification failed); the user reads every title and indexer name as the characters the indexer sent (the
//! formatter's only changes are its documented ones: direction and control characters become spaces, overlong
//! text is cut); and nothing but an http(s) URL becomes a link or a photo.
//!
//! Ten films, each with two or three hostile releases and its own poster URL (one per unsafe scheme, an https
//! URL carrying markup, and a plain https poster), checked five at a time so each gets a message of its own
//! rather than a digest.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic: that is the failure report

mod common;

use std::time::Duration;

use nightwatcher_engine::events::Event;
use nightwatcher_engine::notify::DIGEST_THRESHOLD;
use nightwatcher_engine::service::Service;
use nightwatcher_engine::store::NotificationCounts;
use nightwatcher_testkit::prowlarr::{FakeProwlarr, ReleaseBuilder};
use nightwatcher_testkit::telegram::{FakeTelegram, SentMessage, parse_html};
use nightwatcher_testkit::xss::{self, MARKUP_IN_HTTPS_URL, SAFE_POSTER_URL, UNSAFE_URLS};
use serde_json::Value;
use tokio::sync::broadcast::Receiver;

const KEY: &str = "xss-corpus-key-7331";
const TOKEN: &str = "733100:XSS-corpus_token";
const CHAT: i64 = 7331;

/// The films of the watchlist; payload `n` is a release of film `n % FILMS.len()`.
const FILMS: [(&str, i64); 10] = [
    ("Heat", 1995),
    ("Ronin", 1998),
    ("Alien", 1979),
    ("Fargo", 1996),
    ("Gattaca", 1997),
    ("Memento", 2000),
    ("Zodiac", 2007),
    ("Drive", 2011),
    ("Arrival", 2016),
    ("Sicario", 2015),
];

/// Caps of the formatter (crates/engine/src/telegram/format.rs): what is longer is cut, ending in `…`.
const RELEASE_TITLE_MAX: usize = 300;
const INDEXERS_MAX: usize = 100;

/// The release title carrying payload `n`: a real-looking name of its film, then the payload.
fn title(n: usize, payload: &str) -> String {
    let (film, year) = FILMS[n % FILMS.len()];
    format!("{film} {year} 1080p WEB-DL {payload}")
}

/// The indexer that lists payload `n`'s release: named with another payload of the corpus.
fn indexer(n: usize, corpus: &[String]) -> (i64, String) {
    (n as i64 + 1, corpus[(n + 7) % corpus.len()].clone())
}

/// Every film's poster: each unsafe scheme, then an https URL carrying markup, then a plain https one.
fn poster(film: usize) -> &'static str {
    let posters: Vec<&'static str> = UNSAFE_URLS
        .iter()
        .copied()
        .chain([MARKUP_IN_HTTPS_URL, SAFE_POSTER_URL])
        .collect();
    assert_eq!(posters.len(), FILMS.len(), "one poster per film");
    posters[film]
}

/// Payload `n`'s info page: the unsafe schemes and both https forms in turn.
fn info_url(n: usize) -> &'static str {
    let urls: Vec<&'static str> = UNSAFE_URLS
        .iter()
        .copied()
        .chain([MARKUP_IN_HTTPS_URL, "https://tracker.example/details/42"])
        .collect();
    urls[n % urls.len()]
}

/// What Telegram shows of an untrusted string: control and text-direction characters become spaces (so a
/// title cannot reverse the text after it), and past `max` UTF-16 units it is cut, ending in `…`.
fn shown(raw: &str, max: usize) -> String {
    let clean: String = raw
        .trim()
        .chars()
        .map(|c| {
            if nightwatcher_engine::model::is_hidden_character(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    if clean.encode_utf16().count() <= max {
        return clean;
    }
    let mut out = String::new();
    let mut units = 0;
    for c in clean.chars() {
        if units + c.len_utf16() > max - 1 {
            break;
        }
        units += c.len_utf16();
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

struct App {
    _dir: tempfile::TempDir,
    service: Service,
    prowlarr: FakeProwlarr,
    telegram: FakeTelegram,
    rx: Receiver<Event>,
    corpus: Vec<String>,
}

impl App {
    async fn start() -> App {
        let prowlarr = FakeProwlarr::start(KEY).await;
        let telegram = FakeTelegram::start(TOKEN).await;
        telegram.allow_chat(CHAT);
        let (dir, store) = common::temp_store().await;
        common::point_at_fakes(&store, &prowlarr, &telegram, CHAT).await;
        let options = common::options(
            common::ON_DEMAND,
            common::fast_retries(Duration::from_millis(250)),
        );
        let (service, rx) = common::start(store, common::secrets(KEY, TOKEN), options).await;
        App {
            _dir: dir,
            service,
            prowlarr,
            telegram,
            rx,
            corpus: xss::payloads(),
        }
    }

    /// Puts films `films` on the watchlist and their hostile releases on the indexers.
    async fn offer(&self, films: std::ops::Range<usize>) {
        for film in films.clone() {
            let (title, year) = FILMS[film];
            self.service
                .store()
                .add_item(&common::movie(title, year))
                .await
                .unwrap();
        }
        for (n, payload) in self.corpus.iter().enumerate() {
            let film = n % FILMS.len();
            if !films.contains(&film) {
                continue;
            }
            let (indexer_id, indexer_name) = indexer(n, &self.corpus);
            self.prowlarr.add_release(
                ReleaseBuilder::new(&title(n, payload))
                    .guid(&format!("https://tracker.example/torrents/{n}"))
                    .indexer(indexer_id, &indexer_name)
                    .info_url(info_url(n))
                    .poster_url(poster(film))
                    .build_for(&self.prowlarr),
            );
        }
    }

    /// Runs one check; returns how many notifications it queued.
    async fn check(&mut self) -> usize {
        let summary = common::check_finished(&self.service, &mut self.rx).await;
        assert_eq!(summary.errors, 0, "{summary:?}");
        summary.notifications_queued
    }

    /// Waits until the outbox has nothing pending (deliveries run in the background).
    async fn delivered(&self) -> NotificationCounts {
        common::outbox_where(self.service.store(), Duration::from_secs(30), |c| {
            c.pending == 0
        })
        .await
    }
}

/// The values of every `href="..."` in a message's HTML, entities decoded as Telegram decodes them.
fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .map(|rest| {
            let value = rest.split('"').next().unwrap_or_default();
            value
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
        })
        .collect()
}

/// Every string under a key naming a URL or a photo, anywhere in a request's parameters (`reply_markup`
/// buttons included).
fn urls_in(params: &Value, found: &mut Vec<String>) {
    match params {
        Value::Object(map) => {
            for (key, value) in map {
                match value {
                    Value::String(s) if matches!(key.as_str(), "url" | "photo" | "thumbnail") => {
                        found.push(s.clone());
                    }
                    // `reply_markup` may come as a JSON string (form and multipart bodies).
                    Value::String(s) if key == "reply_markup" => {
                        if let Ok(inner) = serde_json::from_str::<Value>(s) {
                            urls_in(&inner, found);
                        }
                    }
                    other => urls_in(other, found),
                }
            }
        }
        Value::Array(values) => values.iter().for_each(|v| urls_in(v, found)),
        _ => {}
    }
}

/// The message about `film`: the one whose header names it.
fn message_of(messages: &[SentMessage], film: usize) -> &SentMessage {
    let (title, year) = FILMS[film];
    let header = format!("{title} ({year})");
    let mine: Vec<&SentMessage> = messages
        .iter()
        .filter(|m| m.plain.lines().next().unwrap_or_default().contains(&header))
        .collect();
    assert_eq!(mine.len(), 1, "one message about {header}: {messages:#?}");
    mine[0]
}

#[tokio::test]
async fn hostile_titles_indexers_and_urls_reach_telegram_as_text_and_only_web_links() {
    assert!(
        FILMS.len() / 2 <= DIGEST_THRESHOLD,
        "each check stays below a digest"
    );
    let mut app = App::start().await;
    let mut expected_messages = 0;
    for films in [0..FILMS.len() / 2, FILMS.len() / 2..FILMS.len()] {
        let batch = films.len();
        app.offer(films).await;
        let queued = app.check().await;
        assert_eq!(queued, batch, "one message per film of the batch");
        expected_messages += batch;
        let counts = app.delivered().await;
        assert_eq!(
            (counts.sent, counts.failed),
            (expected_messages as i64, 0),
            "every notification was accepted: {counts:?}; failed: {:#?}",
            app.service.store().failed_notifications(20).await.unwrap()
        );
    }

    let messages = app.telegram.messages();
    assert_eq!(messages.len(), FILMS.len(), "{messages:#?}");
    assert_eq!(
        app.telegram.send_requests(),
        messages.len() as u64,
        "Telegram refused a request (bad HTML or a bad photo URL) before accepting its fallback"
    );
    assert_eq!(app.service.status().await.problem, None);

    // Every title and indexer name reads as sent, in its film's message.
    for (n, payload) in app.corpus.iter().enumerate() {
        let message = message_of(&messages, n % FILMS.len());
        let title = shown(&title(n, payload), RELEASE_TITLE_MAX);
        assert!(
            message.plain.contains(&title),
            "payload {n}: the title does not read as sent.\nexpected: {title}\nmessage: {}",
            message.plain
        );
        let (_, indexer) = indexer(n, &app.corpus);
        let indexer = shown(&indexer, INDEXERS_MAX);
        assert!(
            message.plain.contains(&indexer),
            "payload {n}: the indexer name does not read as sent.\nexpected: {indexer}\nmessage: {}",
            message.plain
        );
    }

    // Only http(s) URLs became links, photos or buttons; the unsafe posters were not even offered as photos.
    let params = app.telegram.message_params();
    for (message, params) in messages.iter().zip(&params) {
        let mut urls = hrefs(&message.text);
        urls_in(params, &mut urls);
        for url in &urls {
            assert!(
                xss::is_web_url(url) && !url.contains("evil.example"),
                "{url:?} was sent as a link or photo in: {}",
                message.text
            );
        }
        assert!(
            message.parse_mode.as_deref() == Some("HTML"),
            "{message:#?}"
        );
    }
    for film in 0..FILMS.len() {
        let message = message_of(&messages, film);
        let expected_photo = match poster(film) {
            url if url == SAFE_POSTER_URL => Some(SAFE_POSTER_URL.to_owned()),
            url if url == MARKUP_IN_HTTPS_URL => message.photo.clone().filter(|p| {
                // Normalised: the markup characters are percent-encoded, never sent raw.
                p.starts_with("https://tracker.example/details/7?q=")
                    && !p.contains(['<', '>', '"'])
            }),
            _ => None,
        };
        assert_eq!(
            message.photo,
            expected_photo,
            "film {film} with poster {:?}",
            poster(film)
        );
    }
    // The hostile info URLs that are http(s) are links (escaped); the others left their title as plain text.
    let links: Vec<String> = messages.iter().flat_map(|m| hrefs(&m.text)).collect();
    assert!(
        links
            .iter()
            .any(|l| l == "https://tracker.example/details/42"),
        "the plain https info URL should be a link: {links:?}"
    );
    assert!(
        links
            .iter()
            .any(|l| l.starts_with("https://tracker.example/details/7?q=")),
        "the https info URL carrying markup should be a link, percent-encoded: {links:?}"
    );
    app.service.shutdown().await;
}

/// The corpus is hostile to Telegram's parser: sent unescaped, two payloads in three would be refused (the others
/// are markup for browsers and templates, not for Telegram), so the
/// messages above being accepted shows the formatter escaped them rather than the corpus being harmless.
#[test]
fn the_corpus_would_break_telegram_html_if_sent_unescaped() {
    let corpus = xss::payloads();
    let refused = corpus.iter().filter(|p| parse_html(p).is_err()).count();
    assert!(
        refused >= corpus.len() * 2 / 3,
        "only {refused} of {} payloads are refused unescaped",
        corpus.len()
    );
}

/// The link check above would catch an unsafe link or photo if the formatter let one through.
#[test]
fn the_link_check_catches_unsafe_links_and_photos() {
    for unsafe_url in UNSAFE_URLS {
        let html = format!(
            "<a href=\"{}\">x</a>",
            unsafe_url.replace('&', "&amp;").replace('"', "&quot;")
        );
        let found = hrefs(&html);
        assert_eq!(found, [unsafe_url.to_string()]);
        assert!(!xss::is_web_url(&found[0]), "{unsafe_url}");
    }
    let mut urls = Vec::new();
    let params = serde_json::json!({
        "photo": "javascript:x",
        "reply_markup": "{\"inline_keyboard\":[[{\"text\":\"Open\",\"url\":\"file:///etc/passwd\"}]]}",
    });
    urls_in(&params, &mut urls);
    urls.sort();
    assert_eq!(urls, ["file:///etc/passwd", "javascript:x"]);
}
