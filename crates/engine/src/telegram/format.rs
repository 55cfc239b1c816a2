//! Turning news about watchlist items into Telegram HTML messages. Pure functions, no I/O.
//!
//! Release titles, indexer names and URLs come from indexers and are untrusted. Every one of them goes through
//! [`escape_html`] (which also escapes `"`, so the same function is safe inside `href="..."`); nothing
//! untrusted is ever written into a message unescaped, so a title like `<img src=x onerror=alert(1)>` is shown
//! as text and cannot make Telegram answer "can't parse entities".
//!
//! Message layout:
//! - a header naming the item in bold: `🎬 <b>Dune: Part Two</b> (2024) — 3 new releases`, or at the item's
//!   first check `🎬 <b>Dune: Part Two</b> (2024) — already available: 12 releases`;
//! - one line per release, best first, at most [`MAX_LISTED`]:
//!   `• <a href="infoUrl">title</a> · 4.2 GiB · Indexer · 25 seeders · 3 h ago`
//!   (seeders for torrents only; the title is plain text when there is no usable infoUrl);
//! - `+N more` when releases were left out.
//!
//! Only `http`/`https` URLs are used (`javascript:`, `file:`, `magnet:` are dropped), and a URL carrying an
//! API key or token parameter is dropped too. [`ReleaseLine`] has no field for Prowlarr's `downloadUrl` or
//! `magnetUrl` on purpose: they embed the Prowlarr API key and must never reach a chat.
//!
//! Limits: Telegram counts 4096 (message) and 1024 (caption) UTF-16 code units of the text *after* entity
//! parsing, which is what [`visible_len`] measures. Messages are fitted by dropping release lines from the end
//! (growing `+N more`). Untrusted strings are capped before escaping (cut on a character boundary, ending in
//! `…`), so an entity is never cut in half and one absurd title cannot crowd out the rest: the header plus one
//! release line always fits a caption.
//!
//! A digest (used when many items have news in one check) lists each item's header (with its count) and, on
//! the next line, `↳ best: ` and its best release; it is split into several messages only where one would pass
//! 4096, the later ones headed "(continued)".

use std::ops::Range;

use chrono::{DateTime, Utc};

pub use crate::news::safe_url;
use crate::news::words::{self, ITEM_TITLE_MAX, RELEASE_TITLE_MAX, cap};
use crate::news::{ItemNews, Notice, ReleaseLabel, ReleaseLine};

/// Telegram's limit for a message text, in UTF-16 code units after entity parsing.
pub const MAX_TEXT: usize = 4096;
/// Telegram's limit for a photo caption, in UTF-16 code units after entity parsing.
pub const MAX_CAPTION: usize = 1024;
/// Releases listed in one item message; the rest are counted as `+N more`.
pub const MAX_LISTED: usize = 10;

/// A message ready to send: the type the outbox stored before it stored [`Notice`]s.
pub use crate::news::TelegramHtml as OutgoingMessage;

/// The words in front of a release's line.
fn label_tag(label: ReleaseLabel) -> &'static str {
    match label {
        ReleaseLabel::Repack => "🔁 <b>REPACK</b> of an announced release: ",
        ReleaseLabel::Proper => "🔁 <b>PROPER</b> of an announced release: ",
        ReleaseLabel::BetterQuality => "⬆️ <b>better quality</b>: ",
        ReleaseLabel::Another => "another release: ",
    }
}

/// The messages a stored notice makes: one, or for a digest page that no longer fits one (it was paged with
/// [`digest_pages`], so only a change of this renderer does that), several.
pub fn render(notice: &Notice) -> Vec<OutgoingMessage> {
    match notice {
        Notice::Item { at, news } => vec![item_message(news, *at)],
        Notice::Digest {
            at,
            items,
            total,
            page,
        } => digest_split(items, *total, *page, *at)
            .into_iter()
            .map(|(_, text)| OutgoingMessage {
                text,
                photo_url: None,
                caption: None,
            })
            .collect(),
        Notice::Test => vec![test_message()],
        Notice::TelegramHtml(message) => vec![message.clone()],
    }
}

/// Escapes text for Telegram's HTML parse mode, for element content and attribute values alike.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// The length Telegram checks against its limits: UTF-16 code units of the text after tags are removed and
/// entities decoded.
pub fn visible_len(html: &str) -> usize {
    html_to_plain(html).encode_utf16().count()
}

/// The text Telegram shows for `html`: tags removed, the entities Telegram supports (`&lt; &gt; &amp; &quot;`
/// and numeric ones) decoded. Also what is sent, without parse mode, when Telegram could not parse our HTML.
pub fn html_to_plain(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
        {
            rest = &rest[end + 1..];
            continue;
        }
        if c == '&'
            && let Some((decoded, used)) = decode_entity(rest)
        {
            out.push(decoded);
            rest = &rest[used..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Decodes the entity at the start of `s` (which starts with `&`): the character and the bytes it used.
fn decode_entity(s: &str) -> Option<(char, usize)> {
    let (end, _) = s.char_indices().take(12).find(|&(_, c)| c == ';')?;
    let name = &s[1..end];
    let c = match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((c, end + 1))
}

/// One message for one item: header, up to [`MAX_LISTED`] releases, `+N more`. With a usable poster, also a
/// caption variant fitted to [`MAX_CAPTION`].
pub fn item_message(news: &ItemNews, now: DateTime<Utc>) -> OutgoingMessage {
    let text = fit_item(news, now, MAX_TEXT);
    let photo_url = news.poster_url.as_deref().and_then(safe_url);
    let caption = photo_url.as_ref().map(|_| fit_item(news, now, MAX_CAPTION));
    OutgoingMessage {
        text,
        photo_url,
        caption,
    }
}

/// One digest for many items: each item's header (with its count) and its best release. Split into several
/// messages only where one would pass [`MAX_TEXT`]. No photos.
pub fn digest_messages(news: &[ItemNews], now: DateTime<Utc>) -> Vec<OutgoingMessage> {
    digest_pages(news, now)
        .into_iter()
        .enumerate()
        .flat_map(|(page, items)| {
            render(&Notice::Digest {
                at: now,
                items: news[items].to_vec(),
                total: news.len(),
                page,
            })
        })
        .collect()
}

/// How a digest of `news` is cut into pages that each fit one message: the items of each page.
pub fn digest_pages(news: &[ItemNews], now: DateTime<Utc>) -> Vec<Range<usize>> {
    digest_split(news, news.len(), 0, now)
        .into_iter()
        .map(|(items, _)| items)
        .collect()
}

/// Page `page` of a digest of `total` items, holding `items`, as messages that each fit [`MAX_TEXT`]: the
/// items of each and its text. The first page is headed with the count, the later ones "(continued)".
fn digest_split(
    items: &[ItemNews],
    total: usize,
    page: usize,
    now: DateTime<Utc>,
) -> Vec<(Range<usize>, String)> {
    let header = |page: usize| {
        if page == 0 {
            format!("📬 <b>News for {total} watched items</b>")
        } else {
            "📬 <b>News for watched items (continued)</b>".to_owned()
        }
    };
    let mut messages = Vec::new();
    if items.is_empty() {
        return messages;
    }
    let mut start = 0;
    let mut current = header(page);
    for (i, item) in items.iter().enumerate() {
        let block = digest_block(item, now);
        let candidate = format!("{current}\n\n{block}");
        if i > start && visible_len(&candidate) > MAX_TEXT {
            messages.push((start..i, std::mem::take(&mut current)));
            start = i;
            current = format!("{}\n\n{block}", header(page + messages.len()));
        } else {
            current = candidate;
        }
    }
    messages.push((start..items.len(), current));
    messages
}

/// An item in a digest: its header with the count, and its best release.
fn digest_block(item: &ItemNews, now: DateTime<Utc>) -> String {
    let mut block = item_header(item);
    if let Some(best) = item.releases.first() {
        block.push_str("\n↳ best: ");
        block.push_str(&release_details(best, now));
    }
    block
}

/// The message "Send test message" posts.
pub fn test_message() -> OutgoingMessage {
    OutgoingMessage {
        text: "✅ <b>NightWatcher</b> is connected: notifications about your watchlist will arrive in this chat."
            .to_owned(),
        photo_url: None,
        caption: None,
    }
}

/// Header and release lines, dropping lines from the end until the text fits `limit`.
fn fit_item(news: &ItemNews, now: DateTime<Utc>, limit: usize) -> String {
    let header = item_header(news);
    let mut lines: Vec<String> = news
        .releases
        .iter()
        .take(MAX_LISTED)
        .map(|r| {
            let tag = r.label.map_or("", label_tag);
            format!("• {tag}{}", release_details(r, now))
        })
        .collect();
    loop {
        let hidden = news.releases.len() - lines.len();
        let mut text = header.clone();
        if !lines.is_empty() {
            text.push_str("\n\n");
            text.push_str(&lines.join("\n"));
        }
        if hidden > 0 {
            text.push_str(&format!("\n+{hidden} more"));
        }
        // The caps on untrusted text make the header and one line fit even a caption, so the loop always ends
        // with at least one release listed; the empty check only guards against an endless loop.
        if visible_len(&text) <= limit || lines.is_empty() {
            return text;
        }
        lines.pop();
    }
}

fn item_header(news: &ItemNews) -> String {
    let title = escape_html(&cap(&news.item_title, ITEM_TITLE_MAX));
    let year = news
        .item_year
        .map(|y| format!(" ({y})"))
        .unwrap_or_default();
    let what = escape_html(&words::what_is_new(news));
    format!("🎬 <b>{title}</b>{year} — {what}")
}

/// `title · size · indexers · seeders · age`, the title linked to its info page when there is a usable one.
fn release_details(r: &ReleaseLine, now: DateTime<Utc>) -> String {
    let title = escape_html(&cap(&r.title, RELEASE_TITLE_MAX));
    let mut parts = vec![match r.info_url.as_deref().and_then(safe_url) {
        Some(url) => format!("<a href=\"{}\">{title}</a>", escape_html(&url)),
        None => title,
    }];
    parts.extend(words::release_facts(r, now).iter().map(|f| escape_html(f)));
    parts.join(" · ")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;
    use crate::news::NewsKind;
    use crate::prowlarr::Protocol;
    use chrono::{Duration, TimeZone};

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 3, 1, 12, 0, 0).unwrap()
    }

    fn release(title: &str) -> ReleaseLine {
        ReleaseLine {
            match_id: 1,
            label: None,
            title: title.to_owned(),
            size_bytes: Some(4_509_715_660),
            indexers: vec!["IndexerA".to_owned()],
            seeders: Some(25),
            protocol: Protocol::Torrent,
            published: Some(now() - Duration::hours(3)),
            info_url: Some("https://indexer.example/details/1".to_owned()),
        }
    }

    fn news(kind: NewsKind, releases: Vec<ReleaseLine>) -> ItemNews {
        ItemNews {
            item_id: 1,
            item_title: "Dune: Part Two".to_owned(),
            item_year: Some(2024),
            kind,
            releases,
            poster_url: None,
        }
    }

    fn many(n: usize, title_len: usize) -> Vec<ReleaseLine> {
        (0..n)
            .map(|i| {
                release(&format!(
                    "{i}-{}",
                    "Dune.Part.Two.2160p<&>".repeat(title_len / 22 + 1)
                ))
            })
            .collect()
    }

    #[test]
    fn a_message_names_the_item_and_each_release_with_its_details() {
        let msg = item_message(
            &news(
                NewsKind::NewReleases,
                vec![release("Dune.Part.Two.2024.2160p.WEB-DL")],
            ),
            now(),
        );
        assert!(
            msg.text
                .starts_with("🎬 <b>Dune: Part Two</b> (2024) — 1 new release\n\n"),
            "{}",
            msg.text
        );
        assert!(
            msg.text.contains(
                "• <a href=\"https://indexer.example/details/1\">Dune.Part.Two.2024.2160p.WEB-DL</a> · 4.2 GiB · IndexerA · 25 seeders · 3 h ago"
            ),
            "{}",
            msg.text
        );
        assert_eq!(msg.photo_url, None);
        assert_eq!(msg.caption, None);
    }

    #[test]
    fn the_first_summary_says_what_is_already_available() {
        let msg = item_message(&news(NewsKind::FirstSummary, many(12, 20)), now());
        assert!(
            msg.text.contains("— already available: 12 releases"),
            "{}",
            msg.text
        );
        assert!(msg.text.ends_with("\n+2 more"), "{}", msg.text);
        assert_eq!(msg.text.matches("\n• ").count(), 10);
    }

    #[test]
    fn usenet_releases_show_no_seeders() {
        let mut r = release("Show.S01E01.1080p");
        r.protocol = Protocol::Usenet;
        r.seeders = None;
        r.size_bytes = Some(700 * 1024 * 1024);
        r.published = Some(now() - Duration::days(2));
        let msg = item_message(&news(NewsKind::NewReleases, vec![r]), now());
        assert!(
            msg.text
                .contains("Show.S01E01.1080p</a> · 700 MiB · IndexerA · 2 d ago"),
            "{}",
            msg.text
        );
        assert!(!msg.text.contains("seeder"), "{}", msg.text);
    }

    #[test]
    fn html_metacharacters_in_untrusted_strings_are_escaped() {
        let mut r = release("<img src=x onerror=alert(1)> Tom & Jerry");
        r.indexers = vec!["<b>Idx</b> & co".to_owned()];
        r.info_url = Some("https://indexer.example/d?a=1&b=\"x\"".to_owned());
        let mut n = news(NewsKind::NewReleases, vec![r]);
        n.item_title = "Fast & <Furious>".to_owned();
        let text = item_message(&n, now()).text;
        assert!(text.contains("<b>Fast &amp; &lt;Furious&gt;</b>"), "{text}");
        assert!(
            text.contains("&lt;img src=x onerror=alert(1)&gt; Tom &amp; Jerry</a>"),
            "{text}"
        );
        assert!(text.contains("&lt;b&gt;Idx&lt;/b&gt; &amp; co"), "{text}");
        assert!(
            text.contains("href=\"https://indexer.example/d?a=1&amp;b=%22x%22\""),
            "{text}"
        );
        assert!(!text.contains("<img"), "{text}");
        let plain = html_to_plain(&text);
        assert!(
            plain.contains("<img src=x onerror=alert(1)> Tom & Jerry"),
            "{plain}"
        );
    }

    #[test]
    fn escape_html_escapes_quotes_for_attributes() {
        assert_eq!(escape_html(r#"a"b<c>&d'e"#), "a&quot;b&lt;c&gt;&amp;d'e");
    }

    #[test]
    fn only_http_links_are_used() {
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "magnet:?xt=urn:btih:abc",
            "not a url",
            "data:text/html,x",
        ] {
            let mut r = release("Title");
            r.info_url = Some(bad.to_owned());
            let mut n = news(NewsKind::NewReleases, vec![r]);
            n.poster_url = Some(bad.to_owned());
            let msg = item_message(&n, now());
            assert!(!msg.text.contains("href"), "{bad}: {}", msg.text);
            assert!(!msg.text.contains(bad), "{bad}: {}", msg.text);
            assert_eq!(msg.photo_url, None, "{bad}");
            assert_eq!(msg.caption, None, "{bad}");
        }
    }

    #[test]
    fn no_url_with_an_api_key_can_appear() {
        // Prowlarr's downloadUrl is not a field of ReleaseLine: deserialising a release that has one drops it.
        let json = serde_json::json!({
            "match_id": 1, "title": "Dune.Part.Two.2024.1080p", "size_bytes": 1, "indexers": ["A"], "seeders": 1,
            "protocol": "torrent",
            "published": null, "info_url": "https://idx.example/details/9?apikey=SECRETKEY",
            "downloadUrl": "http://localhost:9696/1/download?apikey=SECRETKEY", "magnetUrl": "magnet:?apikey=SECRETKEY",
        });
        let r: ReleaseLine = serde_json::from_value(json).unwrap();
        let mut n = news(NewsKind::NewReleases, vec![r]);
        n.poster_url = Some("https://img.example/p.jpg?api_key=SECRETKEY".to_owned());
        let msg = item_message(&n, now());
        let all = serde_json::to_string(&msg).unwrap();
        assert!(!all.to_ascii_lowercase().contains("apikey"), "{all}");
        assert!(!all.contains("SECRETKEY"), "{all}");
        assert!(
            msg.text.contains("Dune.Part.Two.2024.1080p"),
            "{}",
            msg.text
        );
    }

    #[test]
    fn a_poster_gives_a_caption_that_fits_1024() {
        let mut n = news(NewsKind::NewReleases, many(300, 250));
        n.poster_url = Some("https://image.tmdb.org/t/p/w500/poster.jpg".to_owned());
        let msg = item_message(&n, now());
        assert_eq!(
            msg.photo_url.as_deref(),
            Some("https://image.tmdb.org/t/p/w500/poster.jpg")
        );
        let caption = msg.caption.unwrap();
        assert!(
            visible_len(&caption) <= MAX_CAPTION,
            "{}",
            visible_len(&caption)
        );
        let listed = caption.matches("\n• ").count();
        assert!(listed >= 1, "{caption}");
        assert!(
            caption.ends_with(&format!("\n+{} more", 300 - listed)),
            "{caption}"
        );
        assert!(
            msg.text.matches("\n• ").count() > listed,
            "the text lists more than the caption"
        );
    }

    #[test]
    fn three_hundred_long_titles_fit_the_text_limit() {
        let mut releases = many(300, 1000);
        for r in &mut releases {
            r.indexers = (0..20)
                .map(|i| format!("Very Long Indexer Name {i}"))
                .collect();
        }
        let msg = item_message(&news(NewsKind::FirstSummary, releases), now());
        assert!(
            visible_len(&msg.text) <= MAX_TEXT,
            "{}",
            visible_len(&msg.text)
        );
        let listed = msg.text.matches("\n• ").count();
        assert!(
            (1..MAX_LISTED).contains(&listed),
            "lines were dropped to fit: {listed}"
        );
        assert!(
            msg.text.ends_with(&format!("\n+{} more", 300 - listed)),
            "{}",
            msg.text
        );
    }

    #[test]
    fn lines_are_dropped_from_the_end_until_the_text_fits() {
        // Ten lines of about 320 visible units each pass 1024, so only some are listed in a caption.
        let caption = fit_item(
            &news(NewsKind::NewReleases, many(10, 280)),
            now(),
            MAX_CAPTION,
        );
        let listed = caption.matches("\n• ").count();
        assert!((1..10).contains(&listed), "{caption}");
        assert!(
            caption.contains("• <a href=\"https://indexer.example/details/1\">0-"),
            "the best release stays"
        );
        assert!(
            caption.ends_with(&format!("\n+{} more", 10 - listed)),
            "{caption}"
        );
    }

    #[test]
    fn an_absurdly_long_title_is_cut_before_escaping() {
        let title = "&".repeat(5000);
        let msg = item_message(&news(NewsKind::NewReleases, vec![release(&title)]), now());
        assert!(visible_len(&msg.text) <= MAX_TEXT);
        assert!(msg.text.contains("&amp;…</a>"), "{}", msg.text);
        // Every & is a whole entity: nothing like "&am…" was produced.
        assert_eq!(
            msg.text.matches('&').count(),
            msg.text.matches("&amp;").count()
        );
        let mut n = news(NewsKind::NewReleases, vec![release("x")]);
        n.item_title = "🎬".repeat(3000);
        let msg = item_message(&n, now());
        assert!(visible_len(&msg.text) <= MAX_TEXT);
        assert!(
            msg.text.contains("🎬…</b>"),
            "a surrogate pair is not split"
        );
    }

    #[test]
    fn control_characters_in_titles_become_spaces() {
        let msg = item_message(
            &news(
                NewsKind::NewReleases,
                vec![release("Line\nbreak\tand\u{7}bell")],
            ),
            now(),
        );
        assert!(
            msg.text.contains(">Line break and bell</a>"),
            "{}",
            msg.text
        );
    }

    #[test]
    fn direction_overrides_in_untrusted_text_become_spaces() {
        let mut r = release("Dune.\u{202e}vkm.2024");
        r.indexers = vec!["Idx\u{2067}".to_owned()];
        let mut n = news(NewsKind::NewReleases, vec![r]);
        n.item_title = "Du\u{202d}ne".to_owned();
        let msg = item_message(&n, now());
        assert!(
            !msg.text
                .contains(|c| ('\u{202a}'..='\u{2069}').contains(&c) && c > '\u{2029}'),
            "{}",
            msg.text
        );
        assert!(msg.text.contains("Dune. vkm.2024"), "{}", msg.text);
        assert!(msg.text.contains("<b>Du ne</b>"), "{}", msg.text);
    }

    #[test]
    fn visible_len_counts_utf16_units_after_entity_parsing() {
        assert_eq!(visible_len("<b>ab</b>"), 2);
        assert_eq!(visible_len("&lt;&gt;&amp;&quot;"), 4);
        assert_eq!(
            visible_len("&#128512;&#x41;"),
            3,
            "an emoji is a surrogate pair"
        );
        assert_eq!(visible_len("🎬"), 2);
        assert_eq!(visible_len("é"), 1);
        assert_eq!(
            visible_len("<a href=\"https://x.example/?a=1&amp;b=2\">link</a>"),
            4
        );
        assert_eq!(visible_len("a & b"), 5, "a lone & counts as itself");
    }

    #[test]
    fn a_digest_lists_each_item_with_its_count_and_best_release() {
        let items: Vec<ItemNews> = (0..7)
            .map(|i| {
                let mut n = news(NewsKind::NewReleases, many(i + 1, 20));
                n.item_title = format!("Item {i}");
                n.poster_url = Some("https://img.example/p.jpg".to_owned());
                n
            })
            .collect();
        let msgs = digest_messages(&items, now());
        assert_eq!(msgs.len(), 1);
        let text = &msgs[0].text;
        assert!(
            text.starts_with("📬 <b>News for 7 watched items</b>"),
            "{text}"
        );
        for i in 0..7 {
            assert!(
                text.contains(&format!("<b>Item {i}</b> (2024) — {} new release", i + 1)),
                "{text}"
            );
        }
        assert_eq!(text.matches("best: ").count(), 7);
        assert_eq!(msgs[0].photo_url, None);
        assert_eq!(msgs[0].caption, None);
    }

    #[test]
    fn a_digest_is_split_only_to_respect_the_limit() {
        let items: Vec<ItemNews> = (0..40)
            .map(|i| {
                let mut n = news(NewsKind::NewReleases, many(3, 280));
                n.item_title = format!("Item {i} {}", "x".repeat(150));
                n
            })
            .collect();
        let msgs = digest_messages(&items, now());
        assert!(msgs.len() > 1);
        let mut seen = 0;
        for (k, m) in msgs.iter().enumerate() {
            assert!(visible_len(&m.text) <= MAX_TEXT, "{}", visible_len(&m.text));
            seen += m.text.matches("best: ").count();
            if k + 1 < msgs.len() {
                let next_block = visible_len(&digest_block(&items[seen], now()));
                assert!(
                    visible_len(&m.text) + 2 + next_block > MAX_TEXT,
                    "split early at message {k}"
                );
            }
        }
        assert_eq!(seen, 40, "every item appears exactly once");
        assert!(
            msgs[1]
                .text
                .starts_with("📬 <b>News for watched items (continued)</b>")
        );
    }

    #[test]
    fn an_empty_digest_is_no_message() {
        assert!(digest_messages(&[], now()).is_empty());
    }

    #[test]
    fn the_test_message_is_valid_html_within_limits() {
        let m = test_message();
        assert!(visible_len(&m.text) <= MAX_TEXT);
        assert!(html_to_plain(&m.text).starts_with("✅ NightWatcher is connected"));
    }
}
