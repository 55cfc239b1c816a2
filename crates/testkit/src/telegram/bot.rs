//! The fake's interactive side: updates a bot reads with `getUpdates` (long poll, `offset` confirmation, 409
//! for a second poller), taps on inline buttons (`answerCallbackQuery`, refused when answered too late),
//! edits of sent messages (`editMessageReplyMarkup`, `editMessageCaption`, `editMessageText`) and
//! `setMyCommands`, as the Bot API documents them:
//!
//! - An update is kept until a `getUpdates` passes an `offset` greater than its `update_id`.
//! - A `getUpdates` arriving while another is waiting terminates the waiting one with 409 "Conflict:
//!   terminated by other getUpdates request; make sure that only one bot instance is running".
//! - A callback query must be answered within a few seconds of the tap, else 400 "query is too old and
//!   response timeout expired or query ID is invalid" (the window is settable for tests).
//! - `callback_data` is 1–64 bytes (else 400 `BUTTON_DATA_INVALID`); a URL button needs an http(s) or tg URL,
//!   and a web one a host with a dot (`http://localhost:8711` is 400 `BUTTON_URL_INVALID`).

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Value, json};

use super::{Shared, as_text, bad_request, chat_json, error, ok};

/// How long after a tap its callback query can be answered, unless a test sets another window.
pub const CALLBACK_ANSWER_WINDOW: Duration = Duration::from_secs(10);
const MAX_CALLBACK_DATA: usize = 64;

/// An `answerCallbackQuery` the fake accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallbackAnswer {
    pub query_id: String,
    pub text: Option<String>,
    pub show_alert: bool,
}

/// An edit of a sent message the fake accepted: its method, the message, and the request's parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct Edit {
    pub method: String,
    pub chat_id: i64,
    pub message_id: i64,
    pub params: Value,
}

pub(super) struct BotState {
    updates: Vec<Value>,
    next_update_id: i64,
    /// Every update below this id was confirmed by an `offset`.
    confirmed: i64,
    /// Counts `getUpdates` requests: a waiting one that sees it change was overtaken by another.
    generation: u64,
    pub(super) conflicts: u64,
    queries: HashMap<String, Instant>,
    next_query: u64,
    answer_window: Duration,
    pub(super) answers: Vec<CallbackAnswer>,
    pub(super) edits: Vec<Edit>,
    pub(super) commands: Vec<Value>,
}

impl Default for BotState {
    fn default() -> Self {
        BotState {
            updates: Vec::new(),
            next_update_id: 100_001,
            confirmed: 0,
            generation: 0,
            conflicts: 0,
            queries: HashMap::new(),
            next_query: 1,
            answer_window: CALLBACK_ANSWER_WINDOW,
            answers: Vec::new(),
            edits: Vec::new(),
            commands: Vec::new(),
        }
    }
}

fn user_json(user_id: i64) -> Value {
    json!({"id": user_id, "is_bot": false, "first_name": format!("User{user_id}"), "language_code": "en"})
}

impl BotState {
    fn push(&mut self, mut update: Value) -> i64 {
        let id = self.next_update_id;
        self.next_update_id += 1;
        update["update_id"] = json!(id);
        self.updates.push(update);
        id
    }

    /// A text message from `user_id` in `chat_id`, as an update; returns its `update_id`.
    pub(super) fn push_message(&mut self, chat_id: i64, user_id: i64, text: &str) -> i64 {
        let message_id = 900_000 + self.next_update_id;
        let mut message = json!({
            "message_id": message_id,
            "from": user_json(user_id),
            "chat": chat_json(chat_id),
            "date": chrono::Utc::now().timestamp(),
            "text": text,
        });
        if let Some(command) = text.strip_prefix('/') {
            let len = command.split_whitespace().next().map_or(0, str::len) + 1;
            message["entities"] = json!([{"type": "bot_command", "offset": 0, "length": len}]);
        }
        self.push(json!({ "message": message }))
    }

    /// A tap on a button of `message` (as the fake sent it) by `user_id`; returns the query id.
    pub(super) fn push_callback(
        &mut self,
        message: Value,
        user_id: i64,
        data: &str,
    ) -> (i64, String) {
        let query_id = format!(
            "{}{:08}",
            4_000_000_000_u64 + self.next_query,
            self.next_query
        );
        self.next_query += 1;
        self.queries.insert(query_id.clone(), Instant::now());
        let chat_instance = message["chat"]["id"].as_i64().unwrap_or(0).wrapping_mul(31);
        let id = self.push(json!({
            "callback_query": {
                "id": query_id,
                "from": user_json(user_id),
                "message": message,
                "chat_instance": chat_instance.to_string(),
                "data": data,
            }
        }));
        (id, query_id)
    }

    pub(super) fn set_answer_window(&mut self, window: Duration) {
        self.answer_window = window;
    }

    pub(super) fn confirmed(&self) -> i64 {
        self.confirmed
    }
}

/// `getUpdates`: confirms what `offset` says was handled, then answers the pending updates, waiting up to
/// `timeout` seconds for one when there are none.
pub(super) async fn get_updates(
    shared: &Shared,
    params: BTreeMap<String, Value>,
    max_wait: Duration,
) -> Response {
    let number = |name: &str| {
        params
            .get(name)
            .and_then(as_text)
            .and_then(|t| t.trim().parse::<i64>().ok())
    };
    let limit = number("limit").unwrap_or(100).clamp(1, 100) as usize;
    let wait = Duration::from_secs(number("timeout").unwrap_or(0).max(0) as u64).min(max_wait);
    let allowed: Option<Vec<String>> = params.get("allowed_updates").and_then(|v| match v {
        Value::Array(list) => Some(list.iter().filter_map(as_text).collect()),
        Value::String(s) => serde_json::from_str(s).ok(),
        _ => None,
    });
    let generation = {
        let mut state = shared.lock();
        let bot = &mut state.bot;
        if let Some(offset) = number("offset") {
            bot.confirmed = bot.confirmed.max(offset);
            let confirmed = bot.confirmed;
            bot.updates
                .retain(|u| u["update_id"].as_i64().unwrap_or(0) >= confirmed);
        }
        bot.generation += 1;
        bot.generation
    };
    let deadline = tokio::time::Instant::now() + wait;
    let mut shutdown = shared.shutdown.clone();
    loop {
        let arrived = shared.updated.notified();
        {
            let mut state = shared.lock();
            let bot = &mut state.bot;
            if bot.generation != generation {
                bot.conflicts += 1;
                return error(
                    StatusCode::CONFLICT,
                    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
                );
            }
            let pending: Vec<Value> = bot
                .updates
                .iter()
                .filter(|u| {
                    allowed.as_ref().is_none_or(|kinds| {
                        kinds.is_empty() || kinds.iter().any(|k| u.get(k.as_str()).is_some())
                    })
                })
                .take(limit)
                .cloned()
                .collect();
            if !pending.is_empty() || tokio::time::Instant::now() >= deadline {
                return ok(Value::Array(pending));
            }
        }
        tokio::select! {
            () = arrived => {}
            () = tokio::time::sleep_until(deadline) => {}
            _ = shutdown.changed() => return ok(json!([])),
        }
    }
}

/// `answerCallbackQuery`: accepted once per query, within its window after the tap.
pub(super) fn answer_callback(shared: &Shared, params: &BTreeMap<String, Value>) -> Response {
    let too_old = "query is too old and response timeout expired or query ID is invalid";
    let Some(query_id) = params.get("callback_query_id").and_then(as_text) else {
        return bad_request("QUERY_ID_INVALID");
    };
    let text = params.get("text").and_then(as_text);
    if text.as_ref().is_some_and(|t| t.chars().count() > 200) {
        return bad_request("MESSAGE_TOO_LONG");
    }
    let mut state = shared.lock();
    let bot = &mut state.bot;
    let Some(at) = bot.queries.get(&query_id).copied() else {
        return bad_request(too_old);
    };
    if at.elapsed() > bot.answer_window {
        bot.queries.remove(&query_id);
        return bad_request(too_old);
    }
    bot.queries.remove(&query_id);
    bot.answers.push(CallbackAnswer {
        query_id,
        text,
        show_alert: params
            .get("show_alert")
            .and_then(as_text)
            .is_some_and(|v| v == "true"),
    });
    ok(json!(true))
}

/// `setMyCommands`: each command 1–32 of `[a-z0-9_]`, each description 1–256 characters.
pub(super) fn set_commands(shared: &Shared, params: &BTreeMap<String, Value>) -> Response {
    let commands = match params.get("commands") {
        Some(Value::Array(list)) => list.clone(),
        Some(Value::String(s)) => match serde_json::from_str::<Vec<Value>>(s) {
            Ok(list) => list,
            Err(_) => return bad_request("can't parse commands JSON object"),
        },
        _ => return bad_request("parameter \"commands\" is required"),
    };
    for c in &commands {
        let name = c["command"].as_str().unwrap_or("");
        let valid_name = (1..=32).contains(&name.len())
            && name
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_');
        let description = c["description"].as_str().unwrap_or("");
        if !valid_name {
            return bad_request("BOT_COMMAND_INVALID");
        }
        if !(1..=256).contains(&description.chars().count()) {
            return bad_request("BOT_COMMAND_DESCRIPTION_INVALID");
        }
    }
    let scope = params.get("scope").map(|s| match s {
        Value::String(text) => serde_json::from_str(text).unwrap_or(Value::Null),
        other => other.clone(),
    });
    shared
        .lock()
        .bot
        .commands
        .push(json!({"commands": commands, "scope": scope}));
    ok(json!(true))
}

/// The `reply_markup` of a request, checked as Telegram checks an inline keyboard. `Ok(None)` without one;
/// the error is the 400 description after "Bad Request: ".
pub(super) fn reply_markup(params: &BTreeMap<String, Value>) -> Result<Option<Value>, String> {
    let markup = match params.get("reply_markup") {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::String(s)) => serde_json::from_str::<Value>(s)
            .map_err(|_| "can't parse reply keyboard markup JSON object".to_owned())?,
        Some(other) => other.clone(),
    };
    if let Some(rows) = markup.get("inline_keyboard") {
        let Some(rows) = rows.as_array() else {
            return Err(
                "field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array".to_owned(),
            );
        };
        for button in rows.iter().flat_map(|r| r.as_array().into_iter().flatten()) {
            if button["text"].as_str().is_none_or(str::is_empty) {
                return Err("text buttons are unallowed in the inline keyboard".to_owned());
            }
            if let Some(data) = button.get("callback_data") {
                let len = data.as_str().map_or(0, str::len);
                if !(1..=MAX_CALLBACK_DATA).contains(&len) {
                    return Err("BUTTON_DATA_INVALID".to_owned());
                }
            } else if let Some(url) = button.get("url") {
                let url = url.as_str().unwrap_or("").to_ascii_lowercase();
                if !(url.starts_with("http://")
                    || url.starts_with("https://")
                    || url.starts_with("tg://"))
                {
                    return Err("inline keyboard button URL is invalid".to_owned());
                }
                // Telegram refuses a web address whose host has no dot (`localhost`, `nas`).
                let host = url
                    .split_once("://")
                    .map(|(_, rest)| rest.split(['/', ':', '?', '#']).next().unwrap_or(""))
                    .unwrap_or("");
                if !url.starts_with("tg://") && !host.contains('.') {
                    return Err("BUTTON_URL_INVALID".to_owned());
                }
            } else {
                return Err(
                    "can't find field \"callback_data\" or \"url\" of the button".to_owned(),
                );
            }
        }
    }
    Ok(Some(markup))
}

/// `editMessageReplyMarkup`, `editMessageCaption`, `editMessageText` on a message the bot sent to that chat.
pub(super) fn edit(shared: &Shared, method: &str, params: BTreeMap<String, Value>) -> Response {
    let chat_id = match super::chat_id(&params) {
        Ok(id) => id,
        Err(description) => return bad_request(&description),
    };
    let Some(message_id) = params
        .get("message_id")
        .and_then(as_text)
        .and_then(|m| m.trim().parse::<i64>().ok())
    else {
        return bad_request("message identifier is not specified");
    };
    let markup = match reply_markup(&params) {
        Ok(m) => m,
        Err(description) => return bad_request(&description),
    };
    let lower = method.to_ascii_lowercase();
    let new_text = match lower.as_str() {
        "editmessagecaption" => params.get("caption").and_then(as_text),
        "editmessagetext" => params.get("text").and_then(as_text),
        _ => None,
    };
    let mut state = shared.lock();
    let Some(index) = state
        .messages
        .iter()
        .position(|m| m.chat_id == chat_id && m.message_id == message_id)
    else {
        return bad_request("message to edit not found");
    };
    let message = &mut state.messages[index];
    match lower.as_str() {
        "editmessagecaption" if message.photo.is_none() => {
            return bad_request("there is no caption in the message to edit");
        }
        "editmessagetext" if message.photo.is_some() => {
            return bad_request("there is no text in the message to edit");
        }
        _ => {}
    }
    let parse_mode = params.get("parse_mode").and_then(as_text);
    let new_plain = match &new_text {
        Some(text) => match super::parse_text(text, parse_mode.as_deref()) {
            Ok(plain) => Some(plain),
            Err(description) => return bad_request(&description),
        },
        None => None,
    };
    if new_text.as_ref().is_none_or(|t| *t == message.text) && markup == message.reply_markup {
        return bad_request(
            "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
        );
    }
    if let (Some(text), Some(plain)) = (new_text, new_plain) {
        message.text = text;
        message.plain = plain;
    }
    message.reply_markup = markup;
    let answer = super::message_json(message);
    state.bot.edits.push(Edit {
        method: method.to_owned(),
        chat_id,
        message_id,
        params: Value::Object(params.into_iter().collect()),
    });
    ok(answer)
}
