//! Properties over arbitrary input: the release parser and matcher never panic, whatever the name, and the
//! Telegram formatter always produces HTML Telegram accepts, within its length limits.
//!
//! Inputs mix any Unicode scalar (control characters, direction overrides, astral emoji) with the pieces that
//! matter to the code under test (`<`, `&amp;`, `S01E02`, `1080p`...), and sometimes repeat a character
//! thousands of times. 256 cases per property with a fixed seed, so CI runs the same cases every time;
//! `PROPTEST_RNG_SEED=<n>` explores others locally.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic: that is the failure report

use chrono::{DateTime, TimeZone, Utc};
use nightwatcher_engine::matcher::{Matcher, ReleaseInfo, explain, parse};
use nightwatcher_engine::model::{ItemKind, ItemSpec, WatchlistItem, is_hidden_character};
use nightwatcher_engine::news::{ItemNews, NewsKind, ReleaseLabel, ReleaseLine};
use nightwatcher_engine::prowlarr::Protocol;
use nightwatcher_engine::telegram::format::{
    MAX_CAPTION, MAX_TEXT, OutgoingMessage, digest_messages, item_message,
};
use nightwatcher_testkit::telegram::parse_html;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

const SEED: u64 = 0x6e69_6768_7477;

fn config() -> Config {
    let base = Config::default();
    Config {
        cases: 256,
        rng_seed: match base.rng_seed {
            RngSeed::Random => RngSeed::Fixed(SEED),
            chosen => chosen,
        },
        failure_persistence: None,
        ..base
    }
}

/// Pieces of release names and HTML that exercise the parser's and the escaper's special paths.
const PIECES: &[&str] = &[
    "<",
    ">",
    "&",
    "&amp;",
    "&lt;",
    "&#",
    "&#x41;",
    "\"",
    "'",
    "<b>",
    "</a>",
    "<a href=\"x\">",
    ".",
    " ",
    "-",
    "_",
    "[",
    "]",
    "(",
    ")",
    "S01E02",
    "s1e1",
    "S01",
    "E999",
    "1x02",
    "Season 1",
    "Complete",
    "2024",
    "1995",
    "2024-03-15",
    "1080p",
    "2160p",
    "720p",
    "x264",
    "x265",
    "HEVC",
    "WEB-DL",
    "BluRay",
    "REPACK",
    "PROPER",
    "MULTi",
    "FRENCH",
    "-GRP",
    "\u{0}",
    "\u{1b}",
    "\n",
    "\t",
    "\u{202e}",
    "\u{2066}",
    "\u{200f}",
    "\u{feff}",
    "🎬",
    "é",
    "Ωmega",
    "東京",
    "ä̈",
    "\u{fffd}",
    "apikey=",
    "https://x.example/",
];

/// An untrusted string: pieces and arbitrary characters, sometimes with one character repeated up to 8,000
/// times.
fn untrusted() -> impl Strategy<Value = String> {
    let part = prop_oneof![
        3 => proptest::sample::select(PIECES).prop_map(str::to_owned),
        2 => any::<char>().prop_map(String::from),
        1 => "[a-zA-Z0-9 .]{1,12}",
    ];
    let short = proptest::collection::vec(part, 0..40).prop_map(|parts| parts.concat());
    prop_oneof![
        8 => short.clone(),
        1 => (short, any::<char>(), 0..8_000usize).prop_map(|(s, c, n)| {
            let mut out = s;
            out.extend(std::iter::repeat_n(c, n));
            out
        }),
    ]
}

fn kind() -> impl Strategy<Value = ItemKind> {
    prop_oneof![Just(ItemKind::Movie), Just(ItemKind::Series)]
}

fn item() -> impl Strategy<Value = WatchlistItem> {
    (
        untrusted(),
        kind(),
        proptest::option::of(1870u16..2100),
        proptest::collection::vec(untrusted(), 0..3),
        proptest::option::of(0u32..30),
    )
        .prop_map(|(title, kind, year, aliases, season)| {
            let mut item = WatchlistItem::new(0, title, kind);
            item.year = year;
            item.aliases = aliases;
            if kind == ItemKind::Series {
                item.from_season = season;
            }
            item
        })
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 6, 1, 12, 0, 0).unwrap()
}

fn release_line() -> impl Strategy<Value = ReleaseLine> {
    (
        untrusted(),
        proptest::collection::vec(untrusted(), 0..4),
        proptest::option::of(any::<i64>()),
        proptest::option::of(any::<i64>()),
        any::<bool>(),
        proptest::option::of(-10_000_000i64..10_000_000),
        proptest::option::of(prop_oneof![
            untrusted(),
            untrusted().prop_map(|s| format!("https://idx.example/details?q={s}")),
            Just("javascript:alert(1)".to_owned()),
        ]),
        proptest::option::of(prop_oneof![
            Just(ReleaseLabel::Repack),
            Just(ReleaseLabel::Proper),
            Just(ReleaseLabel::BetterQuality),
            Just(ReleaseLabel::Another),
        ]),
    )
        .prop_map(
            |(title, indexers, size_bytes, seeders, is_torrent, minutes, info_url, label)| {
                ReleaseLine {
                    match_id: 1,
                    label,
                    title,
                    size_bytes,
                    indexers,
                    seeders,
                    protocol: if is_torrent {
                        Protocol::Torrent
                    } else {
                        Protocol::Usenet
                    },
                    published: minutes.map(|m| now() - chrono::Duration::minutes(m)),
                    info_url,
                }
            },
        )
}

fn item_news() -> impl Strategy<Value = ItemNews> {
    (
        untrusted(),
        proptest::option::of(any::<u16>()),
        any::<bool>(),
        proptest::collection::vec(release_line(), 0..15),
        proptest::option::of(prop_oneof![
            Just("https://image.example/p.jpg".to_owned()),
            untrusted(),
        ]),
    )
        .prop_map(
            |(item_title, item_year, first, releases, poster_url)| ItemNews {
                item_id: 1,
                item_title,
                item_year,
                kind: if first {
                    NewsKind::FirstSummary
                } else {
                    NewsKind::NewReleases
                },
                releases,
                poster_url,
            },
        )
}

const ALLOWED_TAGS: &[&str] = &[
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "a",
    "code",
    "pre",
    "tg-spoiler",
    "blockquote",
];

/// A strict reading of Telegram's HTML parse mode, independent of the formatter: only the allowed tags,
/// balanced; attributes only `href="..."` on `<a>`; every `<`, `>` and `&` of the text escaped (a bare `>` is
/// refused here although Telegram tolerates it). Returns the text after entity parsing.
fn check_html(html: &str) -> Result<String, String> {
    fn entity(s: &str) -> Option<(char, usize)> {
        let end = s.find(';')?;
        let body = &s[1..end];
        let c = match body {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            _ => {
                let code = if let Some(hex) = body.strip_prefix("#x") {
                    u32::from_str_radix(hex, 16).ok()?
                } else {
                    body.strip_prefix('#')?.parse().ok()?
                };
                char::from_u32(code)?
            }
        };
        Some((c, end + 1))
    }
    let mut plain = String::new();
    let mut open: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        match c {
            '&' => {
                let (ch, len) = entity(rest).ok_or_else(|| format!("bare & at {rest:.40?}"))?;
                plain.push(ch);
                rest = &rest[len..];
            }
            '>' => return Err(format!("bare > at {rest:.40?}")),
            '<' => {
                let end = rest.find('>').ok_or("unclosed tag")?;
                let tag = &rest[1..end];
                if tag.contains('<') {
                    return Err(format!("< inside a tag: {tag:?}"));
                }
                if let Some(name) = tag.strip_prefix('/') {
                    if open.pop().as_deref() != Some(name) {
                        return Err(format!("unbalanced </{name}>"));
                    }
                } else {
                    let (name, attrs) = tag.split_once(' ').unwrap_or((tag, ""));
                    if !ALLOWED_TAGS.contains(&name) {
                        return Err(format!("tag <{name}> is not allowed"));
                    }
                    if name == "a" {
                        let href = attrs
                            .strip_prefix("href=\"")
                            .and_then(|a| a.strip_suffix('"'))
                            .ok_or_else(|| format!("bad <a> attributes {attrs:?}"))?;
                        if href.contains('"') {
                            return Err(format!("unescaped quote in href {href:?}"));
                        }
                        check_html(href).map_err(|e| format!("href {href:?}: {e}"))?;
                        let url = href.replace("&amp;", "&");
                        if !(url.starts_with("http://") || url.starts_with("https://")) {
                            return Err(format!("non-http link {url:?}"));
                        }
                        if carries_credential(&url) {
                            return Err(format!("a link with a credential: {url:?}"));
                        }
                    } else if !attrs.is_empty() {
                        return Err(format!("attributes on <{name}>"));
                    }
                    open.push(name.to_owned());
                }
                rest = &rest[end + 1..];
            }
            c => {
                plain.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    match open.last() {
        Some(tag) => Err(format!("<{tag}> is never closed")),
        None => Ok(plain),
    }
}

/// Whether a link has an `apikey=`, `api_key=`, `passkey=` or `token=` parameter with a value.
fn carries_credential(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    ["apikey=", "api_key=", "passkey=", "token="]
        .iter()
        .any(|k| {
            lower
                .match_indices(k)
                .any(|(i, _)| lower[i + k.len()..].starts_with(|c: char| c != '&' && c != '#'))
        })
}

/// What Telegram requires of one message: valid HTML (by our checker and by the fake's tdlib-like parser),
/// 1..=limit UTF-16 units after parsing, no link with a credential, and no hidden character but line breaks.
fn assert_sendable(html: &str, limit: usize) -> Result<(), TestCaseError> {
    let plain = check_html(html).map_err(|e| TestCaseError::fail(format!("{e}\n{html}")))?;
    let tdlib = parse_html(html).map_err(|e| TestCaseError::fail(format!("{e}\n{html}")))?;
    prop_assert_eq!(&plain, &tdlib);
    let units = plain.encode_utf16().count();
    prop_assert!(
        (1..=limit).contains(&units),
        "{} units > {}: {}",
        units,
        limit,
        html
    );
    prop_assert!(
        !plain.chars().any(|c| c != '\n' && is_hidden_character(c)),
        "a hidden character reached the chat: {:?}",
        plain
    );
    Ok(())
}

fn assert_message(m: &OutgoingMessage) -> Result<(), TestCaseError> {
    assert_sendable(&m.text, MAX_TEXT)?;
    prop_assert_eq!(m.caption.is_some(), m.photo_url.is_some());
    if let Some(caption) = &m.caption {
        assert_sendable(caption, MAX_CAPTION)?;
    }
    if let Some(url) = &m.photo_url {
        prop_assert!(
            url.starts_with("http://") || url.starts_with("https://"),
            "{}",
            url
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn parsing_and_matching_any_release_name_never_panics(
        name in untrusted(),
        items in proptest::collection::vec(item(), 0..4),
        size in proptest::option::of(any::<i64>()),
    ) {
        let items: Vec<WatchlistItem> = items
            .into_iter()
            .enumerate()
            .map(|(i, item)| WatchlistItem { id: i as i64 + 1, ..item })
            .collect();
        let parsed = parse(&name);
        let matcher = Matcher::new(&items);
        let ids = matcher.matching_items(&parsed);
        prop_assert!(ids.windows(2).all(|w| w[0] < w[1]), "ascending: {:?}", ids);
        prop_assert!(ids.iter().all(|id| items.iter().any(|i| i.id == *id)));
        let info = ReleaseInfo { name: &name, size, ..ReleaseInfo::default() };
        let judged: Vec<i64> = matcher.judge(&parsed, &info).iter().map(|j| j.item_id).collect();
        prop_assert_eq!(&judged, &ids);
        for item in &items {
            let verdict = explain(item, &parsed);
            prop_assert!(!verdict.accepted || verdict.matches, "{:?}", verdict);
            prop_assert_eq!(verdict.rule.is_none(), verdict.accepted, "{:?}", verdict);
        }
    }

    #[test]
    fn validating_any_title_never_panics_and_keeps_hidden_characters_out(
        title in untrusted(),
        aliases in proptest::collection::vec(untrusted(), 0..3),
        kind in kind(),
        year in proptest::option::of(any::<i64>()),
    ) {
        let spec = ItemSpec { title, kind: Some(kind), year, aliases, ..ItemSpec::default() };
        if let Ok(valid) = spec.validate() {
            prop_assert!(!valid.title.is_empty() && valid.title.chars().count() <= 200);
            for text in std::iter::once(&valid.title).chain(&valid.aliases) {
                prop_assert!(!text.chars().any(is_hidden_character), "{:?}", text);
            }
        }
    }

    #[test]
    fn an_item_message_is_valid_telegram_html_within_the_limits(news in item_news()) {
        assert_message(&item_message(&news, now()))?;
    }

    #[test]
    fn a_digest_is_valid_telegram_html_and_lists_every_item_once(
        news in proptest::collection::vec(item_news(), 0..30),
    ) {
        let messages = digest_messages(&news, now());
        prop_assert_eq!(messages.is_empty(), news.is_empty());
        let mut blocks = 0;
        for m in &messages {
            assert_message(m)?;
            blocks += m.text.matches("\n\n🎬 <b>").count();
        }
        prop_assert_eq!(blocks, news.len());
    }
}

#[test]
fn the_checker_refuses_what_telegram_refuses() {
    assert!(check_html("<b>a &amp; b</b> &lt;3").is_ok());
    assert!(check_html("<a href=\"https://x.example/?a=1&amp;b=2\">x</a>").is_ok());
    for bad in [
        "a & b",
        "a > b",
        "<b>open",
        "<b><i>x</b></i>",
        "<img src=x>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<b class=\"x\">y</b>",
        "</b>",
        "<a href=\"https://x.example/d?apikey=k\">x</a>",
    ] {
        assert!(check_html(bad).is_err(), "{bad}");
    }
}
