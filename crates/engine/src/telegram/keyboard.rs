//! The buttons under an item's message, and what a tap on one asks for.
//!
//! A button's `callback_data` is a short opaque token ([`Tap::encode`]: a letter and a database id, at most
//! 21 bytes of Telegram's 64), never a URL, guid or title: those can carry the Prowlarr API key or a
//! tracker passkey, and Telegram shows callback data to anyone who inspects the message. The bot reads a
//! token back with [`Tap::parse`] and refuses anything else.

use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

use crate::news::{ItemNews, Notice, ReleaseLabel, ReleaseLine, WebLinks};

/// The most releases "Grab…" offers, one button each.
pub const MAX_OFFERED: usize = 8;
/// The visible length of a release button's text; Telegram cuts longer ones itself, at the end.
const BUTTON_CHARS: usize = 48;

/// What a tap on a button asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tap {
    /// Grab this found release (a match id).
    Grab(i64),
    /// Offer the other releases of the message this found release heads.
    Others(i64),
    /// Stop notifying this item (an item id).
    Mute(i64),
    /// Notify this item again.
    Unmute(i64),
}

impl Tap {
    pub fn encode(self) -> String {
        let (letter, id) = match self {
            Tap::Grab(id) => ('g', id),
            Tap::Others(id) => ('o', id),
            Tap::Mute(id) => ('m', id),
            Tap::Unmute(id) => ('u', id),
        };
        format!("{letter}:{id}")
    }

    /// The tap a button's data names; `None` for anything this version did not write.
    pub fn parse(data: &str) -> Option<Tap> {
        let (letter, id) = data.split_once(':')?;
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let id: i64 = id.parse().ok()?;
        match letter {
            "g" => Some(Tap::Grab(id)),
            "o" => Some(Tap::Others(id)),
            "m" => Some(Tap::Mute(id)),
            "u" => Some(Tap::Unmute(id)),
            _ => None,
        }
    }
}

/// The buttons under a notice's message: for one item's news, Grab (its best release), "Grab…" when it
/// lists others, and Mute; below them a link to the item in the web UI when its public address is set.
/// Digests and test messages have none.
pub fn for_notice(notice: &Notice, links: Option<&WebLinks>) -> Option<InlineKeyboardMarkup> {
    let Notice::Item { news, .. } = notice else {
        return None;
    };
    let mut keyboard = item_keyboard(news)?;
    if let Some(url) = links.and_then(|l| url::Url::parse(&l.item(news.item_id)).ok()) {
        keyboard = keyboard.append_row([InlineKeyboardButton::url("Open in NightWatcher", url)]);
    }
    Some(keyboard)
}

/// `keyboard` without its link buttons: what is sent when Telegram refuses a link (it does for addresses it
/// deems unusable, such as `localhost`).
pub fn without_links(keyboard: &InlineKeyboardMarkup) -> InlineKeyboardMarkup {
    let rows = keyboard.inline_keyboard.iter().map(|row| {
        row.iter()
            .filter(|b| !matches!(b.kind, teloxide::types::InlineKeyboardButtonKind::Url(_)))
            .cloned()
            .collect::<Vec<_>>()
    });
    InlineKeyboardMarkup::new(rows.filter(|row| !row.is_empty()))
}

/// Grab, "Grab…" and Mute for one item's news; `None` when it lists no release.
pub fn item_keyboard(news: &ItemNews) -> Option<InlineKeyboardMarkup> {
    let best = best_release(news)?;
    let mut row = vec![callback("Grab", Tap::Grab(best.match_id))];
    if news.releases.len() > 1 {
        row.push(callback("Grab…", Tap::Others(best.match_id)));
    }
    row.push(callback("Mute", Tap::Mute(news.item_id)));
    Some(InlineKeyboardMarkup::new([row]))
}

/// The releases a message lists, one Grab button each (up to [`MAX_OFFERED`]), then Mute.
pub fn offer_keyboard(releases: &[ReleaseLine], item_id: i64) -> InlineKeyboardMarkup {
    let mut rows: Vec<Vec<InlineKeyboardButton>> = releases
        .iter()
        .take(MAX_OFFERED)
        .map(|r| vec![callback(&button_title(&r.title), Tap::Grab(r.match_id))])
        .collect();
    rows.push(vec![callback("Mute", Tap::Mute(item_id))]);
    InlineKeyboardMarkup::new(rows)
}

/// What replaces the buttons once a tap is done: one button that says what happened (tapping it again is
/// harmless: a grab is never sent twice), or Unmute after Mute.
pub fn done_keyboard(text: &str, tap: Tap) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([[callback(text, tap)]])
}

/// The release the Grab button takes: the first of the news (they are listed best first).
fn best_release(news: &ItemNews) -> Option<&ReleaseLine> {
    news.releases
        .iter()
        .find(|r| r.label != Some(ReleaseLabel::Another))
        .or_else(|| news.releases.first())
}

fn callback(text: &str, tap: Tap) -> InlineKeyboardButton {
    InlineKeyboardButton::callback(text, tap.encode())
}

/// A release title short enough for a button, cut at a character boundary.
fn button_title(title: &str) -> String {
    if title.chars().count() <= BUTTON_CHARS {
        return title.to_owned();
    }
    let cut: String = title.chars().take(BUTTON_CHARS - 1).collect();
    format!("{cut}…")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;

    #[test]
    fn taps_round_trip_and_fit_telegrams_limit() {
        for tap in [
            Tap::Grab(i64::MAX),
            Tap::Others(1),
            Tap::Mute(42),
            Tap::Unmute(0),
        ] {
            let data = tap.encode();
            assert!(data.len() <= 64, "{data}");
            assert_eq!(Tap::parse(&data), Some(tap));
        }
    }

    #[test]
    fn data_this_version_did_not_write_is_refused() {
        for data in [
            "",
            "g",
            "g:",
            "g:-1",
            "g:+1",
            "g:1x",
            "x:1",
            "g:99999999999999999999",
            "https://example.org/?apikey=1",
        ] {
            assert_eq!(Tap::parse(data), None, "{data}");
        }
    }

    #[test]
    fn a_long_title_is_cut_at_a_character() {
        let title = "Ünïcødé.".repeat(20);
        let cut = button_title(&title);
        assert_eq!(cut.chars().count(), BUTTON_CHARS);
        assert!(cut.ends_with('…'));
    }
}
