//! The bot's side of Telegram: reading the taps and messages sent to it (`getUpdates`, long polling), and
//! answering them (`answerCallbackQuery`, `editMessageReplyMarkup`, `sendMessage`).
//!
//! An update is confirmed (the next poll's `offset`) only after it was handled, so one in hand when the
//! process dies is read again by the next poller; what it asks for must therefore be idempotent (a grab
//! names the update as its request). Only one program may poll a bot: Telegram ends a poll with 409
//! "terminated by other getUpdates request" when another starts one, which [`PollError::Conflict`] reports.

use teloxide::payloads::{
    AnswerCallbackQuerySetters, EditMessageReplyMarkupSetters, GetUpdatesSetters,
    SendMessageSetters, SetMyCommandsSetters,
};
use teloxide::prelude::Requester;
use teloxide::types::{
    AllowedUpdate, BotCommand, BotCommandScope, CallbackQueryId, ChatId, InlineKeyboardMarkup,
    MessageId, ParseMode, Recipient, Update, UpdateKind,
};
use teloxide::{ApiError, Bot, RequestError};

use super::{SendError, classify, make_bot};
use crate::redact::scrub;
use crate::secrets::Secret;

/// One long poll: below the HTTP client's 17 s request timeout.
pub const POLL_SECONDS: u32 = 8;

/// What was sent to the bot, reduced to what NightWatcher acts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Incoming {
    /// A tap on one of our buttons.
    Tap {
        /// For `answerCallbackQuery`.
        query_id: String,
        chat: i64,
        user: u64,
        /// The message the button is under.
        message_id: i32,
        data: String,
    },
    /// A text message (a command such as `/status`).
    Text { chat: i64, user: u64, text: String },
    /// Anything else (an edit, a photo, a tap on a message too old to carry its chat).
    Other { chat: Option<i64> },
}

/// One update with its id, which names it as a request.
#[derive(Debug, Clone)]
pub struct Received {
    pub update_id: u32,
    pub incoming: Incoming,
}

#[derive(Debug)]
pub enum PollError {
    /// Another program polls this bot.
    Conflict,
    Failed(SendError),
}

/// A bot's update reader and answerer. Its `Debug` leaves the bot (and its token) out.
pub struct Updates {
    bot: Bot,
    token: Secret,
    offset: Option<i32>,
}

impl std::fmt::Debug for Updates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Updates")
            .field("offset", &self.offset)
            .finish_non_exhaustive()
    }
}

impl Updates {
    pub fn new(token: &Secret, api_url: Option<url::Url>) -> Result<Updates, SendError> {
        Ok(Updates {
            bot: make_bot(token, api_url)?,
            token: token.clone(),
            offset: None,
        })
    }

    /// The updates not yet confirmed, waiting up to `wait_seconds` for one.
    pub async fn next(&mut self, wait_seconds: u32) -> Result<Vec<Received>, PollError> {
        let mut request = self
            .bot
            .get_updates()
            .timeout(wait_seconds)
            .allowed_updates([AllowedUpdate::Message, AllowedUpdate::CallbackQuery]);
        if let Some(offset) = self.offset {
            request = request.offset(offset);
        }
        match request.await {
            Ok(updates) => Ok(updates.into_iter().map(received).collect()),
            Err(RequestError::Api(ApiError::TerminatedByOtherGetUpdates)) => {
                Err(PollError::Conflict)
            }
            Err(e) => Err(PollError::Failed(self.scrubbed(classify(e)))),
        }
    }

    /// Where the next poll starts: kept when the reader is rebuilt (new settings), so updates handled but not
    /// yet confirmed to Telegram are not read twice.
    pub fn offset(&self) -> Option<i32> {
        self.offset
    }

    pub fn resume_from(&mut self, offset: Option<i32>) {
        self.offset = offset;
    }

    /// Confirms `update_id` and those before it: the next poll no longer returns them.
    pub fn confirm(&mut self, update_id: u32) {
        let next = i32::try_from(update_id)
            .unwrap_or(i32::MAX)
            .saturating_add(1);
        self.offset = Some(self.offset.map_or(next, |o| o.max(next)));
    }

    /// Ends the spinner on the tapped button, with a short notice shown on top of the chat.
    pub async fn answer_tap(&self, query_id: &str, text: &str) -> Result<(), SendError> {
        self.bot
            .answer_callback_query(CallbackQueryId(query_id.to_owned()))
            .text(text)
            .await
            .map(drop)
            .map_err(|e| self.scrubbed(classify(e)))
    }

    /// Replaces the buttons under a message.
    pub async fn set_buttons(
        &self,
        chat: i64,
        message_id: i32,
        keyboard: InlineKeyboardMarkup,
    ) -> Result<(), SendError> {
        match self
            .bot
            .edit_message_reply_markup(ChatId(chat), MessageId(message_id))
            .reply_markup(keyboard)
            .await
        {
            // Tapped twice: the buttons already are these.
            Err(RequestError::Api(ApiError::MessageNotModified)) => Ok(()),
            other => other.map(drop).map_err(|e| self.scrubbed(classify(e))),
        }
    }

    /// The command menu `chat` shows: `(command, description)` pairs, for that chat only.
    pub async fn set_commands(&self, chat: i64, menu: &[(&str, &str)]) -> Result<(), SendError> {
        let commands = menu
            .iter()
            .map(|(command, description)| BotCommand::new(*command, *description));
        self.bot
            .set_my_commands(commands)
            .scope(BotCommandScope::Chat {
                chat_id: Recipient::Id(ChatId(chat)),
            })
            .await
            .map(drop)
            .map_err(|e| self.scrubbed(classify(e)))
    }

    /// Sends `html` to `chat`, with buttons when there are some.
    pub async fn reply(
        &self,
        chat: i64,
        html: &str,
        keyboard: Option<InlineKeyboardMarkup>,
    ) -> Result<(), SendError> {
        let mut request = self
            .bot
            .send_message(ChatId(chat), html)
            .parse_mode(ParseMode::Html);
        request.reply_markup = keyboard.map(Into::into);
        request
            .await
            .map(drop)
            .map_err(|e| self.scrubbed(classify(e)))
    }

    fn scrubbed(&self, e: SendError) -> SendError {
        let reason = scrub(e.reason(), [self.token.expose()]);
        match e {
            SendError::Transient { retry_after, .. } => SendError::transient(reason, retry_after),
            SendError::Permanent { .. } => SendError::permanent(reason),
        }
    }
}

fn received(update: Update) -> Received {
    let incoming = match &update.kind {
        UpdateKind::CallbackQuery(q) => match (&q.message, &q.data) {
            (Some(message), Some(data)) => Incoming::Tap {
                query_id: q.id.0.clone(),
                chat: message.chat().id.0,
                user: q.from.id.0,
                message_id: message.id().0,
                data: data.clone(),
            },
            (message, _) => Incoming::Other {
                chat: message.as_ref().map(|m| m.chat().id.0),
            },
        },
        UpdateKind::Message(m) => match (m.text(), &m.from) {
            (Some(text), Some(from)) => Incoming::Text {
                chat: m.chat.id.0,
                user: from.id.0,
                text: text.to_owned(),
            },
            _ => Incoming::Other {
                chat: Some(m.chat.id.0),
            },
        },
        _ => Incoming::Other {
            chat: update.chat().map(|c| c.id.0),
        },
    };
    Received {
        update_id: update.id.0,
        incoming,
    }
}
