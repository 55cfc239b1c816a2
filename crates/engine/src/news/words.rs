//! How news is worded, the same on every channel: "2 new releases, 1 REPACK/PROPER", "4.2 GiB · Indexer ·
//! 25 seeders · 3 h ago". Plain text: each channel escapes it for its own format (Telegram HTML) or sends it as
//! it is (an ntfy push, a webhook's `summary`).
//!
//! Untrusted text (titles, indexer names) is capped here ([`cap`]) before a channel escapes it, so one absurd
//! title cannot crowd out the rest of a message and an escape sequence is never cut in half.

use chrono::{DateTime, Utc};

use super::{ItemNews, NewsKind, ReleaseLabel, ReleaseLine};
use crate::prowlarr::Protocol;

/// Caps on untrusted text, in UTF-16 code units, chosen so that a header and one release line always fit in a
/// Telegram caption (about 250 + 470 < 1024).
pub const ITEM_TITLE_MAX: usize = 200;
pub const RELEASE_TITLE_MAX: usize = 300;
pub const INDEXERS_MAX: usize = 100;

/// What an item's news is: "already available: 12 releases", "2 new releases, 1 in better quality".
pub fn what_is_new(news: &ItemNews) -> String {
    let n = news.releases.len();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    match news.kind {
        NewsKind::FirstSummary => format!("already available: {n} release{}", plural(n)),
        NewsKind::NewReleases => {
            let count = |f: fn(Option<ReleaseLabel>) -> bool| {
                news.releases.iter().filter(|r| f(r.label)).count()
            };
            let fresh = count(|l| l.is_none());
            let fixes = count(|l| matches!(l, Some(ReleaseLabel::Repack | ReleaseLabel::Proper)));
            let better = count(|l| l == Some(ReleaseLabel::BetterQuality));
            let others = count(|l| l == Some(ReleaseLabel::Another));
            let mut parts = Vec::new();
            if fresh > 0 {
                parts.push(format!("{fresh} new release{}", plural(fresh)));
            }
            if fixes > 0 {
                parts.push(format!("{fixes} REPACK/PROPER"));
            }
            if better > 0 {
                parts.push(format!("{better} in better quality"));
            }
            if others > 0 {
                parts.push(format!("{others} other release{}", plural(others)));
            }
            parts.join(", ")
        }
    }
}

/// The item as a headline names it: "Dune: Part Two (2024)".
pub fn item_name(news: &ItemNews) -> String {
    let title = cap(&news.item_title, ITEM_TITLE_MAX);
    match news.item_year {
        Some(year) => format!("{title} ({year})"),
        None => title,
    }
}

/// What is known of a release besides its title, each part plain text: size, indexers, seeders (torrents
/// only), age.
pub fn release_facts(r: &ReleaseLine, now: DateTime<Utc>) -> Vec<String> {
    let mut parts = Vec::new();
    if let Some(size) = r.size_bytes.and_then(human_size) {
        parts.push(size);
    }
    let indexers: Vec<&str> = r
        .indexers
        .iter()
        .map(|i| i.trim())
        .filter(|i| !i.is_empty())
        .collect();
    if !indexers.is_empty() {
        parts.push(cap(&indexers.join(", "), INDEXERS_MAX));
    }
    if r.protocol == Protocol::Torrent
        && let Some(n) = r.seeders
    {
        parts.push(format!("{n} seeder{}", if n == 1 { "" } else { "s" }));
    }
    if let Some(published) = r.published {
        parts.push(age(published, now));
    }
    parts
}

/// The words in front of a release that is news of another kind than "new".
pub fn label_words(label: ReleaseLabel) -> &'static str {
    match label {
        ReleaseLabel::Repack => "REPACK of an announced release",
        ReleaseLabel::Proper => "PROPER of an announced release",
        ReleaseLabel::BetterQuality => "better quality",
        ReleaseLabel::Another => "another release",
    }
}

/// Control characters (newlines included) and text-direction overrides become spaces so an untrusted string
/// cannot break the layout or reverse the text after it ([`crate::model::is_hidden_character`]); then the text
/// is cut to `max` UTF-16 code units on a character boundary, ending in `…` when cut.
pub fn cap(raw: &str, max: usize) -> String {
    let clean: String = raw
        .trim()
        .chars()
        .map(|c| {
            if crate::model::is_hidden_character(c) {
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
    let mut out = out.trim_end().to_owned();
    out.push('…');
    out
}

/// Binary units, as download clients show them. `None` for the 0 or negative sizes indexers use for "unknown".
pub fn human_size(bytes: i64) -> Option<String> {
    const KIB: f64 = 1024.0;
    if bytes <= 0 {
        return None;
    }
    let b = bytes as f64;
    Some(if b >= KIB.powi(4) {
        format!("{:.2} TiB", b / KIB.powi(4))
    } else if b >= KIB.powi(3) {
        format!("{:.1} GiB", b / KIB.powi(3))
    } else if b >= KIB.powi(2) {
        format!("{:.0} MiB", b / KIB.powi(2))
    } else if b >= KIB {
        format!("{:.0} KiB", b / KIB)
    } else {
        format!("{bytes} B")
    })
}

/// "just now", "12 min ago", "3 h ago", "2 d ago". A publish date in the future (indexer clock skew) is "just now".
pub fn age(published: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let minutes = (now - published).num_minutes();
    if minutes < 1 {
        "just now".to_owned()
    } else if minutes < 60 {
        format!("{minutes} min ago")
    } else if minutes < 60 * 24 {
        format!("{} h ago", minutes / 60)
    } else {
        format!("{} d ago", minutes / (60 * 24))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn now() -> DateTime<Utc> {
        #[allow(clippy::unwrap_used)]
        Utc.with_ymd_and_hms(2025, 3, 1, 12, 0, 0).unwrap()
    }

    #[test]
    fn ages_and_sizes_are_human_readable() {
        assert_eq!(age(now() - Duration::seconds(30), now()), "just now");
        assert_eq!(age(now() + Duration::hours(2), now()), "just now");
        assert_eq!(age(now() - Duration::minutes(12), now()), "12 min ago");
        assert_eq!(age(now() - Duration::hours(5), now()), "5 h ago");
        assert_eq!(age(now() - Duration::days(40), now()), "40 d ago");
        assert_eq!(human_size(0), None);
        assert_eq!(human_size(512).as_deref(), Some("512 B"));
        assert_eq!(human_size(1536 * 1024).as_deref(), Some("2 MiB"));
        assert_eq!(
            human_size(3 * 1024 * 1024 * 1024 / 2).as_deref(),
            Some("1.5 GiB")
        );
        assert_eq!(human_size(2 * 1024_i64.pow(4)).as_deref(), Some("2.00 TiB"));
    }
}
