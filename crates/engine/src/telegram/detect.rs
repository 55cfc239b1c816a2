//! Finding the chat id for the user: they send any message to the bot, and `getUpdates` shows which chat it
//! came from. The updates are read without an `offset`, so none is confirmed and nothing is taken from a bot
//! poller that reads them later.

use std::time::Duration;

use teloxide::payloads::GetUpdatesSetters;
use teloxide::prelude::Requester;

use super::{SendError, classify, make_bot, permanent};
use crate::secrets::Secret;

/// One long poll: below the HTTP client's 17 s request timeout.
const POLL_SECONDS: u32 = 8;

/// A chat a message to the bot came from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SeenChat {
    /// What the `telegram_chat_id` setting takes.
    pub id: i64,
    /// The chat's title, or the person's name or @username.
    pub name: String,
    /// `private`, `group`, `supergroup` or `channel`.
    pub kind: String,
}

/// The chats messages to the bot came from, waiting up to `wait` for a first one; the newest last.
pub async fn recent_chats(
    token: &Secret,
    api_url: Option<url::Url>,
    wait: Duration,
) -> Result<Vec<SeenChat>, SendError> {
    let bot = make_bot(token, api_url)?;
    let deadline = tokio::time::Instant::now() + wait;
    loop {
        let left = deadline.saturating_duration_since(tokio::time::Instant::now());
        let timeout = u32::try_from(left.as_millis().div_ceil(1000))
            .unwrap_or(u32::MAX)
            .min(POLL_SECONDS);
        let updates = bot
            .get_updates()
            .timeout(timeout)
            .await
            .map_err(|e| refusal(classify(e), token))?;
        let mut chats: Vec<SeenChat> = Vec::new();
        for chat in updates.iter().filter_map(|u| u.chat()) {
            let seen = SeenChat {
                id: chat.id.0,
                name: chat
                    .title()
                    .map(str::to_owned)
                    .or_else(|| chat.username().map(|u| format!("@{u}")))
                    .or_else(|| chat.first_name().map(str::to_owned))
                    .unwrap_or_else(|| chat.id.0.to_string()),
                kind: if chat.is_private() {
                    "private"
                } else if chat.is_supergroup() {
                    "supergroup"
                } else if chat.is_group() {
                    "group"
                } else {
                    "channel"
                }
                .to_owned(),
            };
            chats.retain(|c| c.id != seen.id);
            chats.push(seen);
        }
        if !chats.is_empty() || timeout == 0 {
            return Ok(chats);
        }
    }
}

/// A refused `getUpdates` said so the user knows what to change; the token scrubbed.
fn refusal(e: SendError, token: &Secret) -> SendError {
    let reason = crate::redact::scrub(e.reason(), [token.expose()]);
    let lower = reason.to_ascii_lowercase();
    if lower.contains("webhook") {
        permanent(
            "this bot has a webhook set, so its messages cannot be read here: remove the webhook (deleteWebhook) \
             or make a new bot with @BotFather",
        )
    } else if lower.contains("terminated by other getupdates") {
        permanent(
            "another program is reading this bot's updates: stop it, or give NightWatcher its own bot",
        )
    } else {
        match e {
            SendError::Transient { retry_after, .. } => SendError::transient(reason, retry_after),
            SendError::Permanent { .. } => permanent(reason),
        }
    }
}
