//! The bot's commands (`/status`, `/check`, `/list`, `/add`, `/pause`, `/resume`, `/mute`, `/unmute`,
//! `/help`): parsed here, done through the same service calls as the other faces, answered in the chat.
//! Every text that comes from outside (titles, errors) is escaped for Telegram's HTML.

use std::str::FromStr;

use super::Service;
use crate::model::{ItemKind, ItemSpec};
use crate::schedule::local_clock;
use crate::telegram::escape_html;

/// The commands, as the chat's command menu shows them (`setMyCommands`).
pub const MENU: &[(&str, &str)] = &[
    ("status", "What NightWatcher is doing"),
    ("check", "Check for new releases now"),
    ("list", "The watchlist, with ids"),
    ("add", "Watch a title: /add movie Heat 1995"),
    ("pause", "Pause the checks"),
    ("resume", "Resume the checks"),
    ("mute", "Stop notifying an item: /mute ID"),
    ("unmute", "Notify an item again: /unmute ID"),
    ("help", "The commands"),
];

/// The most items `/list` shows in one message.
const LISTED: usize = 40;

#[derive(Debug, Clone, PartialEq)]
pub enum BotCommand {
    Status,
    Check,
    List,
    Add(Box<ItemSpec>),
    Pause,
    Resume,
    Mute(i64),
    Unmute(i64),
    Help,
}

impl BotCommand {
    /// The command in a message; `Ok(None)` for a message that is not a command, `Err` with what to type
    /// for one that is wrong.
    pub fn parse(text: &str) -> Result<Option<BotCommand>, String> {
        let Some(rest) = text.trim().strip_prefix('/') else {
            return Ok(None);
        };
        let (word, args) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        // In a group a command can name the bot: /status@NightWatcherBot.
        let name = word
            .split('@')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        let args = args.trim();
        let id = |command: &str| {
            args.parse::<i64>()
                .ok()
                .filter(|id| *id > 0)
                .ok_or_else(|| {
                    format!("/{command} takes an item's id, as /list shows it: /{command} 12")
                })
        };
        Ok(Some(match name.as_str() {
            "status" | "start" => BotCommand::Status,
            "check" => BotCommand::Check,
            "list" => BotCommand::List,
            "add" => BotCommand::Add(Box::new(add_spec(args)?)),
            "pause" => BotCommand::Pause,
            "resume" => BotCommand::Resume,
            "mute" => BotCommand::Mute(id("mute")?),
            "unmute" => BotCommand::Unmute(id("unmute")?),
            "help" => BotCommand::Help,
            _ => return Err(format!("/{name} is not a command: /help lists them")),
        }))
    }
}

/// `/add movie Heat 1995`, `/add series Severance`: the kind, the title, and for a movie an optional year.
fn add_spec(args: &str) -> Result<ItemSpec, String> {
    const USAGE: &str =
        "write /add movie TITLE [YEAR] or /add series TITLE, e.g. /add movie Heat 1995";
    let (kind, title) = args.split_once(char::is_whitespace).ok_or(USAGE)?;
    let kind = ItemKind::from_str(&kind.to_ascii_lowercase()).map_err(|_| USAGE.to_owned())?;
    let title = title.trim();
    let (title, year) = match title.rsplit_once(' ') {
        Some((rest, year))
            if kind == ItemKind::Movie
                && year.len() == 4
                && year.bytes().all(|b| b.is_ascii_digit()) =>
        {
            (rest.trim(), year.parse().ok())
        }
        _ => (title, None),
    };
    Ok(ItemSpec {
        title: title.to_owned(),
        kind: Some(kind),
        year,
        ..ItemSpec::default()
    })
}

impl Service {
    /// Does `command` and says what happened, as Telegram HTML.
    pub(super) async fn run_bot_command(&self, command: BotCommand) -> String {
        match command {
            BotCommand::Status => self.status_text().await,
            BotCommand::Check => {
                self.check_now();
                "Checking now.".to_owned()
            }
            BotCommand::List => self.list_text().await,
            BotCommand::Add(spec) => match self.add_item(*spec).await {
                Ok(item) => {
                    self.check_now();
                    format!(
                        "Added #{}: <b>{}</b>. It is searched now.",
                        item.id,
                        escape_html(&item.title)
                    )
                }
                Err(e) => format!("Not added: {}", escape_html(&e.to_string())),
            },
            BotCommand::Pause | BotCommand::Resume => {
                let paused = command == BotCommand::Pause;
                match self.set_paused(paused).await {
                    Ok(_) if paused => "Paused: no checks until /resume.".to_owned(),
                    Ok(_) => "Resumed.".to_owned(),
                    Err(e) => escape_html(&e.to_string()),
                }
            }
            BotCommand::Mute(id) | BotCommand::Unmute(id) => {
                let muted = matches!(command, BotCommand::Mute(_));
                match self.set_item_muted(id, muted).await {
                    Ok(()) if muted => format!("Muted #{id}: still searched, not notified."),
                    Ok(()) => format!("Unmuted #{id}: its next finds are notified."),
                    Err(e) => escape_html(&e.to_string()),
                }
            }
            BotCommand::Help => help_text(),
        }
    }

    async fn status_text(&self) -> String {
        let status = self.status().await;
        let mut lines = Vec::new();
        lines.push(match (&status.running, status.paused) {
            (Some(p), _) => format!("Checking: {} of {} items.", p.done, p.total),
            (None, true) => "Paused: /resume to check again.".to_owned(),
            (None, false) => match status.next_check_at {
                Some(at) => format!("Watching. Next check at {}.", local_clock(at)),
                None => "Watching.".to_owned(),
            },
        });
        if let Some(last) = &status.last_check {
            lines.push(format!(
                "Last check at {}: {} new, {} errors.",
                local_clock(last.finished_at.unwrap_or(last.started_at)),
                last.new_matches,
                last.errors
            ));
        }
        let n = &status.notifications;
        if n.pending > 0 || n.failed > 0 {
            lines.push(format!(
                "Notifications: {} waiting, {} failed.",
                n.pending, n.failed
            ));
        }
        if let Some(problem) = &status.problem {
            lines.push(format!("⚠ {}", escape_html(&problem.message)));
        }
        lines.join("\n")
    }

    async fn list_text(&self) -> String {
        let items = match self.list_items().await {
            Ok(items) => items,
            Err(e) => return escape_html(&e.to_string()),
        };
        if items.is_empty() {
            return "The watchlist is empty: /add movie TITLE YEAR".to_owned();
        }
        let mut lines: Vec<String> = items
            .iter()
            .take(LISTED)
            .map(|view| {
                let item = &view.item;
                let year = item.year.map(|y| format!(" ({y})")).unwrap_or_default();
                let muted = if item.muted { ", muted" } else { "" };
                format!(
                    "#{} <b>{}</b>{year}: {}{muted}",
                    item.id,
                    escape_html(&item.title),
                    view.state
                )
            })
            .collect();
        if items.len() > LISTED {
            lines.push(format!("…and {} more in the app.", items.len() - LISTED));
        }
        lines.join("\n")
    }
}

fn help_text() -> String {
    MENU.iter()
        .map(|(name, what)| format!("/{name}: {}", escape_html(what)))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;

    #[test]
    fn commands_parse_with_or_without_the_bots_name() {
        assert_eq!(
            BotCommand::parse("/status").unwrap(),
            Some(BotCommand::Status)
        );
        assert_eq!(
            BotCommand::parse("/STATUS@NightWatcherBot").unwrap(),
            Some(BotCommand::Status)
        );
        assert_eq!(
            BotCommand::parse(" /mute 12 ").unwrap(),
            Some(BotCommand::Mute(12))
        );
        assert_eq!(BotCommand::parse("hello").unwrap(), None);
    }

    #[test]
    fn add_takes_the_kind_the_title_and_a_movies_year() {
        let Some(BotCommand::Add(spec)) =
            BotCommand::parse("/add movie Blade Runner 2049 2017").unwrap()
        else {
            panic!("not an add");
        };
        assert_eq!(
            (spec.title.as_str(), spec.year),
            ("Blade Runner 2049", Some(2017))
        );
        let Some(BotCommand::Add(spec)) = BotCommand::parse("/add series Severance").unwrap()
        else {
            panic!("not an add");
        };
        assert_eq!(
            (spec.title.as_str(), spec.kind),
            ("Severance", Some(ItemKind::Series))
        );
        let Some(BotCommand::Add(spec)) = BotCommand::parse("/add series 1923").unwrap() else {
            panic!("not an add");
        };
        assert_eq!(
            (spec.title.as_str(), spec.year),
            ("1923", None),
            "a series title may be a year"
        );
    }

    #[test]
    fn a_wrong_command_says_what_to_type() {
        for (text, says) in [
            ("/mute", "/mute takes an item's id"),
            ("/unmute twelve", "/unmute takes an item's id"),
            ("/add Heat", "/add movie TITLE"),
            ("/add film Heat", "/add movie TITLE"),
            ("/grab 3", "/help lists them"),
        ] {
            let err = BotCommand::parse(text).unwrap_err();
            assert!(err.contains(says), "{text}: {err}");
        }
    }
}
